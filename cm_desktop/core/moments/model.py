"""What a moment is: a dated occasion a small business can post about, with a concrete idea."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum

from cm_desktop.core.i18n import Text


class MomentKind(StrEnum):
    HOLIDAY = "holiday"  # public holiday (from the `holidays` package)
    COMMERCIAL = "commercial"  # sales, gift days, shopping days
    COMMUNITY = "community"  # international and local days, festivals
    SEASON = "season"  # a period rather than a day (Christmas markets, back to school)


# Starting posts per kind of moment: {title} is the moment's name; {business}, {date} and {place} are filled
# like an idea's; [gaps] are the owner's to fill.
DRAFTS: dict[MomentKind, Text] = {
    MomentKind.HOLIDAY: Text(
        en="{title}: {business} will be [open / closed] on {date}. [Your hours that day]. Happy holiday to all!",
        fr="{title} : {business} sera [ouvert / fermé] le {date}. [Vos horaires ce jour-là]. Bonne fête à "
        "toutes et à tous !",
    ),
    MomentKind.COMMERCIAL: Text(
        en="{title} is coming! At {business}: [your offer or your gift idea]. See you soon at {place}!",
        fr="{title} approche ! Chez {business} : [votre offre ou votre idée cadeau]. À bientôt à {place} !",
    ),
    MomentKind.COMMUNITY: Text(
        en="On {date}, it's {title}! At {business}: [what you do for the occasion]. See you at {place}.",
        fr="Le {date}, c'est {title} ! Chez {business} : [ce que vous faites pour l'occasion]. On vous "
        "attend à {place}.",
    ),
    MomentKind.SEASON: Text(
        en="{title} at {business}: [what changes for you]. See you very soon at {place}!",
        fr="{title} chez {business} : [ce qui change pour vous]. À très vite à {place} !",
    ),
}

# The business kinds of BusinessProfile.kind (models.BusinessKind), as plain strings so this package
# stays importable without SQLModel.
BUSINESS_KINDS = frozenset(
    {"shop", "craft", "artist", "association", "restaurant", "small_firm", "freelancer", "other"}
)


@dataclass(frozen=True)
class Moment:
    code: str  # stable per country, e.g. "mothers_day", "holiday:national-day"
    country: str  # ISO 3166-1 alpha-2
    title: Text
    start: date
    end: date  # inclusive; equal to start for a single day
    kind: MomentKind
    idea: Text  # a concrete post idea
    lead_days: int  # start preparing this many days before `start`
    business_kinds: frozenset[str] = frozenset()  # empty: relevant to every kind of business
    approximate: bool = False  # the dates follow a usual pattern, not a rule anyone guarantees
    note: Text | None = None  # a caveat worth showing (regional exceptions, approximations)
    start_time: time | None = None  # when the law sets an hour (French sales start at 08:00)
    customer_draft: Text | None = None  # a starting post for this date, else one made from its kind

    @property
    def draft(self) -> Text:
        """A starting post written for the customers (the idea is advice for the owner). What only the
        owner knows is a visible gap in square brackets, which blocks scheduling until it is filled."""
        if self.customer_draft is not None:
            return self.customer_draft
        template = DRAFTS[self.kind]
        return Text(
            en=template.en.replace("{title}", self.title.en), fr=template.fr.replace("{title}", self.title.fr)
        )

    @property
    def plan_from(self) -> date:
        """The day to start preparing the post."""
        return self.start - timedelta(days=self.lead_days)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def relevant_to(self, business_kind: str | None) -> bool:
        return business_kind is None or not self.business_kinds or business_kind in self.business_kinds

    def overlaps(self, first: date, last: date) -> bool:
        return self.start <= last and self.end >= first
