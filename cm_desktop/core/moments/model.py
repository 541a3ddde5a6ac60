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
