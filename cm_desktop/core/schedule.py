"""Wall-clock time in the business's IANA zone, queue slots, DST handling and lateness.

A post is meant for "09:00 in Paris", not for an instant: the wall-clock time and the zone are the truth
and the UTC instant is derived from them (and derived again when the time-zone database changes).
Two things make that derivation partial:
- a time inside a spring-forward gap does not exist: we refuse it with an explanation (to_utc) or, for a
  post already stored or a queue slot, move it to the end of the gap;
- a time inside a fall-back overlap happens twice: we always take the first occurrence (fold=0), and
  `is_ambiguous` lets the UI say so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cm_desktop.core.i18n import Lang, Text

# Dates a post can have. Year 1 or 9999 overflows a time-zone conversion (or an .ics DTEND) and is always a
# typing slip: refused where a date is typed or imported, with a sentence, never a traceback.
MAX_YEARS_AHEAD = 10
FIRST_YEAR, LAST_YEAR = 1970, 2200  # beyond what MAX_YEARS_AHEAD lets through, inside what datetime handles

# A post found this late when the app (or the background job) wakes up is not sent blindly: we ask.
DEFAULT_LATE_MARGIN_MINUTES = 60  # the issue and Settings.late_margin_minutes agree on an hour

NONEXISTENT_ONE_HOUR = Text(
    en="This time does not exist on {day} because clocks move forward one hour at {start}: "
    "choose {after} or later.",
    fr="Cette heure n'existe pas le {day}, car on avance les horloges d'une heure à {start} : "
    "choisissez {after} ou plus tard.",
)
NONEXISTENT_OTHER = Text(
    en="This time does not exist on {day} because clocks move forward {minutes} minutes at {start}: "
    "choose {after} or later.",
    fr="Cette heure n'existe pas le {day}, car on avance les horloges de {minutes} minutes à {start} : "
    "choisissez {after} ou plus tard.",
)
AMBIGUOUS_TIME = Text(
    en="This time happens twice on {day} because clocks go back at {end}: "
    "the post will go out at the first one, before the change.",
    fr="Cette heure existe deux fois le {day}, car on recule les horloges à {end} : "
    "la publication partira à la première, avant le changement.",
)
PAST_TIME = Text(
    en="This time has already passed ({when}): choose a time in the future.",
    fr="Cette heure est déjà passée ({when}) : choisissez un moment à venir.",
)
TOO_FAR = Text(
    en="This date ({when}) is too far ahead: choose a date within the next {years} years.",
    fr="Cette date ({when}) est trop lointaine : choisissez une date dans les {years} prochaines années.",
)
OUT_OF_RANGE = Text(
    en="The date {when} cannot be used: choose a date between {first} and {last}.",
    fr="La date {when} ne peut pas être utilisée : choisissez une date entre {first} et {last}.",
)
UNKNOWN_ZONE = Text(
    en="The time zone {zone} is not known on this computer: choose your time zone again in Settings.",
    fr="Le fuseau horaire {zone} est inconnu sur cet ordinateur : choisissez à nouveau votre fuseau "
    "dans les Réglages.",
)


# --- clocks ---------------------------------------------------------------------------------------------


class Clock(Protocol):
    """Where "now" comes from; injected so tests and the outbox agree on time."""

    def now(self) -> datetime:
        """The current instant as an aware UTC datetime."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock:
    """A clock that only moves when told to (tests, simulations of a machine waking up)."""

    def __init__(self, start: datetime | None = None) -> None:
        self._now = _require_aware(start) if start is not None else datetime(2026, 1, 1, tzinfo=UTC)

    def now(self) -> datetime:
        return self._now

    def set(self, when: datetime) -> None:
        self._now = _require_aware(when)

    def advance(
        self,
        delta: timedelta | None = None,
        *,
        days: float = 0,
        hours: float = 0,
        minutes: float = 0,
        seconds: float = 0,
    ) -> datetime:
        step = (delta or timedelta()) + timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
        if step < timedelta():
            raise ValueError("a clock does not go backwards; use set()")
        self._now += step
        return self._now


# The same thing under the name tests usually look for.
FixedClock = ManualClock


def _require_aware(when: datetime) -> datetime:
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError(f"expected an aware datetime, got naive {when!r}")
    return when.astimezone(UTC)


# --- errors and problems ---------------------------------------------------------------------------------


class ScheduleError(ValueError):
    """A scheduling refusal that a person can act on; `message(lang)` says what to do."""

    def __init__(self, text: Text, **params: str) -> None:
        self.text = text
        self.params = params
        super().__init__(text.get("en", **params))

    def message(self, lang: Lang) -> str:
        return self.text.get(lang, **self.params)


class UnknownZone(ScheduleError):
    def __init__(self, zone: str) -> None:
        self.zone = zone
        super().__init__(UNKNOWN_ZONE, zone=zone)


class DateOutOfRange(ScheduleError):
    """A date no post can have (year 1, year 9999...): refused before any time-zone arithmetic."""

    def __init__(self, local: datetime) -> None:
        self.local = local
        super().__init__(
            OUT_OF_RANGE, when=_show(local), first=f"{FIRST_YEAR}-01-01", last=f"{LAST_YEAR}-12-31"
        )


def _show(local: datetime) -> str:
    return f"{local.year:04d}-{local.month:02d}-{local.day:02d} {local.hour:02d}:{local.minute:02d}"


def in_range(local: datetime) -> bool:
    return FIRST_YEAR <= local.year <= LAST_YEAR


class NonexistentTime(ScheduleError):
    """The wall-clock time falls in a spring-forward gap of that zone on that day."""

    def __init__(self, local: datetime, zone: str, gap_start: datetime, gap_end: datetime) -> None:
        self.local = local
        self.zone = zone
        # Naive wall-clock bounds: [gap_start, gap_end) never appears on the zone's clocks.
        self.gap_start = gap_start
        self.gap_end = gap_end
        minutes = int((gap_end - gap_start).total_seconds() // 60)
        text = NONEXISTENT_ONE_HOUR if minutes == 60 else NONEXISTENT_OTHER
        params = {
            "day": local.date().isoformat(),
            "start": gap_start.strftime("%H:%M"),
            "after": gap_end.strftime("%H:%M"),
        }
        if text is NONEXISTENT_OTHER:
            params["minutes"] = str(minutes)
        super().__init__(text, **params)


class Severity(StrEnum):
    ERROR = "error"  # the time cannot be used
    WARNING = "warning"  # usable, but the person should know


@dataclass(frozen=True)
class Problem:
    code: str  # "past", "too_far", "nonexistent", "ambiguous", "unknown_zone"
    severity: Severity
    text: Text
    params: dict[str, str] = field(default_factory=dict)

    def message(self, lang: Lang) -> str:
        return self.text.get(lang, **self.params)


# --- wall clock <-> UTC ----------------------------------------------------------------------------------


def zone_info(zone: str) -> ZoneInfo:
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:  # ValueError: malformed keys such as "../x"
        raise UnknownZone(zone) from exc


def _require_naive(local: datetime) -> datetime:
    if local.tzinfo is not None:
        raise ValueError(f"expected a naive wall-clock datetime, got {local!r}")
    return local


def _gap_bounds(local: datetime, tz: ZoneInfo) -> tuple[datetime, datetime] | None:
    """The naive [start, end) of the gap containing `local`, or None when `local` exists."""
    first = local.replace(tzinfo=tz, fold=0)
    if first.astimezone(UTC).astimezone(tz).replace(tzinfo=None) == local:
        return None
    # In a gap, fold=0 reads the time with the offset before the jump and fold=1 with the one after;
    # the transition instant lies between the two readings: bisect to the second.
    lo = local.replace(tzinfo=tz, fold=1).astimezone(UTC)
    hi = first.astimezone(UTC)
    lo, hi = min(lo, hi), max(lo, hi)
    before = lo.astimezone(tz).utcoffset()
    while hi - lo > timedelta(seconds=1):
        mid = lo + (hi - lo) / 2
        if mid.astimezone(tz).utcoffset() == before:
            lo = mid
        else:
            hi = mid
    transition = hi.replace(microsecond=0)
    after_offset = transition.astimezone(tz).utcoffset()
    before_offset = (transition - timedelta(seconds=1)).astimezone(tz).utcoffset()
    assert after_offset is not None and before_offset is not None
    naive_utc = transition.replace(tzinfo=None)
    return naive_utc + before_offset, naive_utc + after_offset


def nonexistent_bounds(local: datetime, zone: str) -> tuple[datetime, datetime] | None:
    """If `local` falls in a spring-forward gap, its naive [start, end); otherwise None."""
    return _gap_bounds(_require_naive(local), zone_info(zone))


def is_nonexistent(local: datetime, zone: str) -> bool:
    return nonexistent_bounds(local, zone) is not None


def is_ambiguous(local: datetime, zone: str) -> bool:
    """True when the wall-clock time happens twice (clocks go back); we then use the first one."""
    tz = zone_info(zone)
    local = _require_naive(local)
    if _gap_bounds(local, tz) is not None:
        return False
    return local.replace(tzinfo=tz, fold=0).utcoffset() != local.replace(tzinfo=tz, fold=1).utcoffset()


def to_utc(local: datetime, zone: str) -> datetime:
    """The UTC instant of a wall-clock time in `zone`.

    Refuses a time that does not exist (NonexistentTime); an ambiguous time resolves to its first
    occurrence, so the same input always gives the same instant.
    """
    tz = zone_info(zone)
    local = _require_naive(local)
    if not in_range(local):
        raise DateOutOfRange(local)
    gap = _gap_bounds(local, tz)
    if gap is not None:
        raise NonexistentTime(local, zone, *gap)
    return local.replace(tzinfo=tz, fold=0).astimezone(UTC)


def from_utc(instant: datetime, zone: str) -> datetime:
    """The naive wall-clock time that `instant` shows in `zone`."""
    return _require_aware(instant).astimezone(zone_info(zone)).replace(tzinfo=None)


def recompute_utc(local: datetime, zone: str) -> datetime:
    """Derive the UTC instant again, e.g. after a time-zone database update.

    Unlike to_utc this never refuses: a stored post whose time no longer exists (the rules changed
    under it) moves to the end of the gap, the first time that exists after the one the person chose.
    """
    tz = zone_info(zone)
    local = _require_naive(local)
    gap = _gap_bounds(local, tz)
    if gap is not None:
        local = gap[1]
    return local.replace(tzinfo=tz, fold=0).astimezone(UTC)


def needs_recompute(local: datetime, zone: str, stored_utc: datetime) -> bool:
    """True when the stored UTC instant no longer matches the wall-clock time (tzdata changed)."""
    return recompute_utc(local, zone) != _require_aware(stored_utc)


def validate_schedule(local: datetime, zone: str, now: datetime) -> list[Problem]:
    """Everything wrong (errors) or worth saying (warnings) about scheduling at `local` in `zone`."""
    try:
        tz = zone_info(zone)
    except UnknownZone as exc:
        return [Problem("unknown_zone", Severity.ERROR, exc.text, exc.params)]
    local = _require_naive(local)
    now = _require_aware(now)
    if local.year < now.year - 1:  # long past: said as such, before any arithmetic that could overflow
        return [Problem("past", Severity.ERROR, PAST_TIME, {"when": _show(local)})]
    if local.year > now.year + MAX_YEARS_AHEAD or not in_range(local):
        params = {"when": _show(local), "years": str(MAX_YEARS_AHEAD)}
        return [Problem("too_far", Severity.ERROR, TOO_FAR, params)]
    problems: list[Problem] = []
    gap = _gap_bounds(local, tz)
    if gap is not None:
        err = NonexistentTime(local, zone, *gap)
        problems.append(Problem("nonexistent", Severity.ERROR, err.text, err.params))
        instant = gap[1].replace(tzinfo=tz).astimezone(UTC)
    else:
        instant = local.replace(tzinfo=tz, fold=0).astimezone(UTC)
        if is_ambiguous(local, zone):
            # The overlap ends where the second reading of this hour ends: fold=1 offset + one step.
            end = _overlap_end(local, tz)
            params = {"day": local.date().isoformat(), "end": end.strftime("%H:%M")}
            problems.append(Problem("ambiguous", Severity.WARNING, AMBIGUOUS_TIME, params))
    if instant <= now:
        when = local.strftime("%Y-%m-%d %H:%M")
        problems.append(Problem("past", Severity.ERROR, PAST_TIME, {"when": when}))
    return problems


def _overlap_end(local: datetime, tz: ZoneInfo) -> datetime:
    """The wall-clock time at which clocks go back (the end of the first reading of the overlap)."""
    first = local.replace(tzinfo=tz, fold=0).astimezone(UTC)
    second = local.replace(tzinfo=tz, fold=1).astimezone(UTC)
    lo, hi = first, second
    before = first.astimezone(tz).utcoffset()
    while hi - lo > timedelta(seconds=1):
        mid = lo + (hi - lo) / 2
        if mid.astimezone(tz).utcoffset() == before:
            lo = mid
        else:
            hi = mid
    offset = (hi - timedelta(seconds=1)).astimezone(tz).utcoffset()
    assert offset is not None
    return hi.replace(tzinfo=None, microsecond=0) + offset


# --- the queue -------------------------------------------------------------------------------------------


def next_free_slot(
    slots: Sequence[tuple[int, int]],
    zone: str,
    after: datetime,
    taken: Iterable[datetime] = (),
) -> datetime:
    """The first slot instant strictly after `after` that is not already taken, as aware UTC.

    Slots are (weekday Monday=0, minute_of_day) in the business's wall clock, so a 09:00 Paris slot stays
    09:00 Paris across DST. A slot that falls in a spring-forward gap moves to the end of the gap that
    day (02:30 becomes 03:00) rather than disappearing; two slots landing on one instant count once.
    """
    if not slots:
        raise ValueError("no queue slots")
    for weekday, minute in slots:
        if not (0 <= weekday <= 6 and 0 <= minute < 24 * 60):
            raise ValueError(f"bad slot ({weekday}, {minute})")
    tz = zone_info(zone)
    after = _require_aware(after)
    busy = {_require_aware(t) for t in taken}
    by_day: dict[int, list[int]] = {}
    for weekday, minute in slots:
        by_day.setdefault(weekday, []).append(minute)
    per_week = len({(w, m) for w, m in slots})
    # Every week offers at least one candidate that `busy` may hold; past that many weeks one is free.
    weeks = len(busy) // max(per_week, 1) + 2
    day = after.astimezone(tz).date() - timedelta(days=1)  # the day before: a slot near midnight
    for offset in range(7 * weeks + 9):
        current = day + timedelta(days=offset)
        for minute in sorted(set(by_day.get(current.weekday(), ()))):
            local = datetime.combine(current, time(minute // 60, minute % 60))
            gap = _gap_bounds(local, tz)
            if gap is not None:
                local = gap[1]
            candidate = local.replace(tzinfo=tz, fold=0).astimezone(UTC)
            if candidate > after and candidate not in busy:
                return candidate
    raise AssertionError("unreachable: a free slot always exists within the bound")  # pragma: no cover


def slot_times(slots: Sequence[tuple[int, int]], zone: str, start: date, days: int) -> list[datetime]:
    """Every slot instant (aware UTC) for `days` days from `start`, in order."""
    tz = zone_info(zone)
    out: set[datetime] = set()
    for offset in range(days):
        current = start + timedelta(days=offset)
        for weekday, minute in slots:
            if weekday == current.weekday():
                local = datetime.combine(current, time(minute // 60, minute % 60))
                gap = _gap_bounds(local, tz)
                out.add((gap[1] if gap else local).replace(tzinfo=tz, fold=0).astimezone(UTC))
    return sorted(out)


# --- lateness --------------------------------------------------------------------------------------------


def lateness(scheduled_utc: datetime, now: datetime) -> timedelta:
    """How late a post is (zero when not due yet)."""
    return max(_require_aware(now) - _require_aware(scheduled_utc), timedelta())


def is_late(
    scheduled_utc: datetime, now: datetime, margin_minutes: int = DEFAULT_LATE_MARGIN_MINUTES
) -> bool:
    """True when a due post is found later than the margin (e.g. the computer slept all night):
    the person is asked to publish now, pick a new time, or skip, instead of a silent late post."""
    return lateness(scheduled_utc, now) > timedelta(minutes=margin_minutes)
