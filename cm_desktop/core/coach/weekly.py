"""The weekly coach: one tip a week, and where this week stands against the plan."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from cm_desktop.core.coach.content_types import Tip
from cm_desktop.core.coach.data.tips import TIPS
from cm_desktop.core.coach.dates import clock, day_in_words
from cm_desktop.core.i18n import Lang, Text
from cm_desktop.core.models import TargetState as S

# Coprime with the number of tips (checked by a test): consecutive weeks never repeat a tip,
# and every tip comes round once before any comes back.
_TIP_STRIDE = 7

TO_FIX_ONE = Text(
    en="1 post could not be published: open it to see what to fix.",
    fr="1 publication n'a pas pu partir : ouvrez-la pour voir quoi corriger.",
)
TO_FIX_MANY = Text(
    en="{count} posts could not be published: open them to see what to fix.",
    fr="{count} publications n'ont pas pu partir : ouvrez-les pour voir quoi corriger.",
)
ASSISTED_ONE = Text(
    en="1 post is waiting for you to publish it by hand.",
    fr="1 publication attend que vous la publiiez vous-même.",
)
ASSISTED_MANY = Text(
    en="{count} posts are waiting for you to publish them by hand.",
    fr="{count} publications attendent que vous les publiiez vous-même.",
)
NOTHING_PLANNED = Text(
    en="Nothing planned this week yet: your plan suggests {target} posts. The idea library can help.",
    fr="Rien de prévu cette semaine pour l'instant : votre plan propose {target} publications. La boîte à idées peut vous aider.",
)
BEHIND = Text(
    en="{planned} of {target} posts planned this week: {missing} more to go.",
    fr="{planned} publications sur {target} prévues cette semaine : encore {missing} à préparer.",
)
ON_TRACK = Text(
    en="{planned} of {target} posts planned this week. Well done!",
    fr="{planned} publications sur {target} prévues cette semaine. Bravo !",
)
NEXT_POST = Text(en="Next post: {when}.", fr="Prochaine publication : {when}.")


def tip_of_week(iso_year: int, iso_week: int) -> Tip:
    """The same tip for everyone in a given ISO week; a different one the next week."""
    # Count weeks from a fixed Monday, not year * 53 + week: that would skip a number after 52-week years.
    week_number = date.fromisocalendar(iso_year, iso_week, 1).toordinal() // 7
    return TIPS[(week_number * _TIP_STRIDE) % len(TIPS)]


def tips() -> tuple[Tip, ...]:
    return TIPS


# Most urgent first: a post to several networks shows its most urgent target's state.
_URGENCY: tuple[str, ...] = (
    S.FAILED,
    S.NEEDS_REVIEW,
    S.ASSISTED_PENDING,
    S.SENDING,
    S.SCHEDULED,
    S.PUBLISHED,
    S.DRAFT,
)


def post_state(target_states: Iterable[str]) -> str:
    """One state for a post from its targets' states, for week_summary's input."""
    states = set(target_states)
    return next((s for s in _URGENCY if s in states), S.DRAFT.value)


@dataclass(frozen=True)
class Message:
    text: Text
    params: Mapping[str, object] = field(default_factory=dict)

    def get(self, lang: Lang) -> str:
        return self.text.get(lang, **self.params)


@dataclass(frozen=True)
class WeekSummary:
    week_start: date  # Monday
    week_end: date  # Sunday
    target: int
    planned: int  # this week's posts that are not drafts (failed ones included: they were planned)
    published: int
    drafts: int
    missing: int
    next_posts: tuple[datetime, ...]  # soonest first
    assisted_waiting: int  # due, waiting for the person to publish by hand
    to_fix: int  # failed or needing review, any week
    messages: tuple[Message, ...]  # most urgent first

    @property
    def message(self) -> Message:
        return self.messages[0]

    def lines(self, lang: Lang) -> list[str]:
        return [m.get(lang) for m in self.messages]


def _local(moment: datetime, now: datetime) -> datetime:
    return moment.astimezone(now.tzinfo) if moment.tzinfo and now.tzinfo else moment


def week_summary(
    posts: Sequence[tuple[datetime, str]],
    now: datetime,
    target_per_week: int,
    lang: Lang = "en",
    upcoming: int = 3,
) -> WeekSummary:
    """Where this ISO week (in now's time zone) stands: one (time, state) pair per post.

    `lang` only words the date in the "next post" line; every other message renders in any language.
    """
    today = now.date()
    monday = today - timedelta(days=today.weekday())
    sunday = monday + timedelta(days=6)
    this_week = [(t, s) for t, s in posts if monday <= _local(t, now).date() <= sunday]
    drafts = sum(1 for _, s in this_week if s == S.DRAFT)
    planned = len(this_week) - drafts
    published = sum(1 for _, s in this_week if s == S.PUBLISHED)
    future = sorted(
        _local(t, now) for t, s in posts if s in (S.SCHEDULED, S.ASSISTED_PENDING) and _local(t, now) > now
    )
    waiting = sum(1 for t, s in posts if s == S.ASSISTED_PENDING and _local(t, now) <= now)
    to_fix = sum(1 for _, s in posts if s in (S.FAILED, S.NEEDS_REVIEW))
    missing = max(0, target_per_week - planned)

    messages: list[Message] = []
    if to_fix:
        messages.append(Message(TO_FIX_ONE) if to_fix == 1 else Message(TO_FIX_MANY, {"count": to_fix}))
    if waiting:
        messages.append(Message(ASSISTED_ONE) if waiting == 1 else Message(ASSISTED_MANY, {"count": waiting}))
    if planned == 0:
        messages.append(Message(NOTHING_PLANNED, {"target": target_per_week}))
    elif missing:
        messages.append(Message(BEHIND, {"planned": planned, "target": target_per_week, "missing": missing}))
    else:
        messages.append(Message(ON_TRACK, {"planned": planned, "target": target_per_week}))
    if future:
        when = f"{day_in_words(future[0].date(), lang)}, {clock(future[0].hour * 60 + future[0].minute)}"
        messages.append(Message(NEXT_POST, {"when": when}))

    return WeekSummary(
        week_start=monday,
        week_end=sunday,
        target=target_per_week,
        planned=planned,
        published=published,
        drafts=drafts,
        missing=missing,
        next_posts=tuple(future[:upcoming]),
        assisted_waiting=waiting,
        to_fix=to_fix,
        messages=tuple(messages),
    )
