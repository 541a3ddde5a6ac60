"""Wall-clock scheduling: DST gaps and folds, queue slots, past times and late posts."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cm_desktop.core.schedule import (
    DEFAULT_LATE_MARGIN_MINUTES,
    FixedClock,
    ManualClock,
    NonexistentTime,
    Severity,
    SystemClock,
    UnknownZone,
    from_utc,
    is_ambiguous,
    is_late,
    is_nonexistent,
    lateness,
    needs_recompute,
    next_free_slot,
    nonexistent_bounds,
    recompute_utc,
    slot_times,
    to_utc,
    validate_schedule,
)

PARIS = "Europe/Paris"
NEW_YORK = "America/New_York"
YEARS = range(2026, 2031)
ZONES = [
    PARIS,
    NEW_YORK,
    "Europe/London",
    "Europe/Brussels",
    "Europe/Zurich",
    "America/Toronto",
    "America/Montreal",
    "Australia/Lord_Howe",
    "Asia/Tokyo",
    "UTC",
]


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


# --- transitions found from zoneinfo itself, not assumed ----------------------------------------------------


def transitions(zone: str, year: int) -> list[tuple[datetime, timedelta, timedelta]]:
    """Every (instant UTC, offset before, offset after) in `year`, found by scanning zoneinfo hourly."""
    tz = ZoneInfo(zone)
    found = []
    t = utc(year, 1, 1)
    end = utc(year + 1, 1, 1)
    while t < end:
        nxt = t + timedelta(hours=1)
        before, after = t.astimezone(tz).utcoffset(), nxt.astimezone(tz).utcoffset()
        if before != after:
            lo, hi = t, nxt
            while hi - lo > timedelta(seconds=1):
                mid = lo + (hi - lo) / 2
                lo, hi = (mid, hi) if mid.astimezone(tz).utcoffset() == before else (lo, mid)
            assert before is not None and after is not None
            found.append((hi, before, after))
        t = nxt
    return found


def nth_sunday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def last_sunday(year: int, month: int) -> date:
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - 6) % 7)


@pytest.mark.parametrize("year", YEARS)
def test_transitions_found_in_zoneinfo_match_the_eu_and_us_rules(year: int) -> None:
    # EU: last Sunday of March and of October at 01:00 UTC.
    paris = transitions(PARIS, year)
    assert [t for t, _, _ in paris] == [
        datetime.combine(last_sunday(year, 3), time(1), UTC),
        datetime.combine(last_sunday(year, 10), time(1), UTC),
    ]
    # US: second Sunday of March at 02:00 EST (07:00 UTC), first Sunday of November at 02:00 EDT (06:00 UTC).
    new_york = transitions(NEW_YORK, year)
    assert [t for t, _, _ in new_york] == [
        datetime.combine(nth_sunday(year, 3, 2), time(7), UTC),
        datetime.combine(nth_sunday(year, 11, 1), time(6), UTC),
    ]


@pytest.mark.parametrize("zone", [PARIS, NEW_YORK])
@pytest.mark.parametrize("year", YEARS)
def test_every_gap_is_refused_and_every_fold_resolves_to_the_first_occurrence(zone: str, year: int) -> None:
    found = transitions(zone, year)
    assert len(found) == 2
    for instant, before, after in found:
        wall_before = (instant + before).replace(tzinfo=None)  # what clocks showed just before
        wall_after = (instant + after).replace(tzinfo=None)  # what they show just after
        if after > before:  # spring forward: [wall_before, wall_after) does not exist
            assert wall_after - wall_before == timedelta(hours=1)
            for inside in (
                wall_before,
                wall_before + timedelta(minutes=30),
                wall_after - timedelta(minutes=1),
            ):
                with pytest.raises(NonexistentTime) as caught:
                    to_utc(inside, zone)
                assert (caught.value.gap_start, caught.value.gap_end) == (wall_before, wall_after)
                assert is_nonexistent(inside, zone) and not is_ambiguous(inside, zone)
            assert to_utc(wall_after, zone) == instant
            assert to_utc(wall_before - timedelta(minutes=1), zone) == instant - timedelta(minutes=1)
        else:  # fall back: [wall_after, wall_before) happens twice
            for inside in (
                wall_after,
                wall_after + timedelta(minutes=30),
                wall_before - timedelta(minutes=1),
            ):
                assert is_ambiguous(inside, zone) and not is_nonexistent(inside, zone)
                first = to_utc(inside, zone)
                assert first == (inside - before).replace(tzinfo=UTC)  # the summer-time reading
                assert first < instant
                assert from_utc(first + timedelta(hours=1), zone) == inside  # the second reading exists too
            assert not is_ambiguous(wall_before, zone)
            assert not is_ambiguous(wall_after - timedelta(minutes=1), zone)


def test_the_gap_message_names_the_first_valid_time_in_both_languages() -> None:
    with pytest.raises(NonexistentTime) as caught:
        to_utc(datetime(2027, 3, 28, 2, 30), PARIS)
    err = caught.value
    assert err.message("en") == (
        "This time does not exist on 2027-03-28 because clocks move forward one hour at 02:00: "
        "choose 03:00 or later."
    )
    assert "03:00" in err.message("fr") and "avance" in err.message("fr")
    assert str(err) == err.message("en")


def test_a_half_hour_gap_says_so() -> None:
    with pytest.raises(NonexistentTime) as caught:
        to_utc(datetime(2026, 10, 4, 2, 15), "Australia/Lord_Howe")
    assert "30 minutes" in caught.value.message("en") and "02:30" in caught.value.message("en")
    assert nonexistent_bounds(datetime(2026, 10, 4, 2, 15), "Australia/Lord_Howe") == (
        datetime(2026, 10, 4, 2, 0),
        datetime(2026, 10, 4, 2, 30),
    )


@pytest.mark.parametrize("year", YEARS)
def test_nine_in_paris_maps_to_eight_then_seven_utc_across_the_changes(year: int) -> None:
    march, october = last_sunday(year, 3), last_sunday(year, 10)
    nine = time(9)
    assert to_utc(datetime.combine(march - timedelta(days=1), nine), PARIS) == datetime.combine(
        march - timedelta(days=1), time(8), UTC
    )
    assert to_utc(datetime.combine(march, nine), PARIS) == datetime.combine(march, time(7), UTC)
    assert to_utc(datetime.combine(october - timedelta(days=1), nine), PARIS) == datetime.combine(
        october - timedelta(days=1), time(7), UTC
    )
    assert to_utc(datetime.combine(october, nine), PARIS) == datetime.combine(october, time(8), UTC)


def test_naive_and_aware_inputs_are_checked() -> None:
    with pytest.raises(ValueError, match="naive"):
        to_utc(datetime(2026, 5, 1, 9, tzinfo=UTC), PARIS)
    with pytest.raises(ValueError, match="aware"):
        from_utc(datetime(2026, 5, 1, 9), PARIS)


def test_an_unknown_zone_is_a_readable_refusal() -> None:
    with pytest.raises(UnknownZone) as caught:
        to_utc(datetime(2026, 5, 1, 9), "Mars/Olympus_Mons")
    assert "Mars/Olympus_Mons" in caught.value.message("fr")
    problems = validate_schedule(datetime(2026, 5, 1, 9), "../etc/passwd", utc(2026, 1, 1))
    assert [p.code for p in problems] == ["unknown_zone"]


# --- validation -------------------------------------------------------------------------------------------


def test_a_future_existing_time_has_no_problem() -> None:
    assert validate_schedule(datetime(2026, 6, 1, 9), PARIS, utc(2026, 5, 1)) == []


def test_a_past_time_is_refused_with_a_clear_message() -> None:
    now = utc(2026, 6, 1, 8)  # 10:00 in Paris
    [problem] = validate_schedule(datetime(2026, 6, 1, 9, 59), PARIS, now)
    assert problem.code == "past" and problem.severity is Severity.ERROR
    assert (
        problem.message("en")
        == "This time has already passed (2026-06-01 09:59): choose a time in the future."
    )
    assert "déjà passée" in problem.message("fr")
    # Exactly now is not in the future either; one minute later is.
    assert [p.code for p in validate_schedule(datetime(2026, 6, 1, 10), PARIS, now)] == ["past"]
    assert validate_schedule(datetime(2026, 6, 1, 10, 1), PARIS, now) == []


def test_a_nonexistent_time_is_refused_and_an_ambiguous_one_is_a_warning() -> None:
    now = utc(2026, 1, 1)
    [gap] = validate_schedule(datetime(2027, 3, 28, 2, 30), PARIS, now)
    assert gap.code == "nonexistent" and gap.severity is Severity.ERROR
    assert "03:00" in gap.message("en")
    [fold] = validate_schedule(datetime(2027, 10, 31, 2, 30), PARIS, now)
    assert fold.code == "ambiguous" and fold.severity is Severity.WARNING
    assert "03:00" in fold.message("en") and "2027-10-31" in fold.message("fr")
    late = validate_schedule(datetime(2027, 3, 28, 2, 30), PARIS, utc(2028, 1, 1))
    assert [p.code for p in late] == ["nonexistent", "past"]


# --- the queue --------------------------------------------------------------------------------------------


def test_a_monday_nine_oclock_slot_stays_at_nine_in_paris_across_the_march_change() -> None:
    slots = [(0, 9 * 60)]  # Monday 09:00
    after = utc(2027, 3, 19)  # Friday before the change (Sunday 28 March)
    got = []
    for _ in range(3):
        after = next_free_slot(slots, PARIS, after)
        got.append(after)
    assert got == [utc(2027, 3, 22, 8), utc(2027, 3, 29, 7), utc(2027, 4, 5, 7)]
    assert {from_utc(t, PARIS).time() for t in got} == {time(9)}


def test_new_york_slots_across_the_november_change() -> None:
    slots = [(6, 10 * 60)]  # Sunday 10:00, the day of the change
    first = next_free_slot(slots, NEW_YORK, utc(2027, 10, 30))
    second = next_free_slot(slots, NEW_YORK, first)
    assert (first, second) == (utc(2027, 10, 31, 14), utc(2027, 11, 7, 15))


def test_taken_slots_are_skipped_whatever_zone_they_are_written_in() -> None:
    slots = [(0, 9 * 60), (0, 18 * 60), (2, 12 * 60)]
    after = utc(2026, 6, 1, 0)  # Monday
    first = next_free_slot(slots, PARIS, after)
    assert first == utc(2026, 6, 1, 7)
    taken = {first.astimezone(ZoneInfo(PARIS)), utc(2026, 6, 1, 16)}
    assert next_free_slot(slots, PARIS, after, taken) == utc(2026, 6, 3, 10)  # Wednesday 12:00


def test_next_slot_is_strictly_after_and_can_be_today() -> None:
    slots = [(0, 9 * 60)]
    assert next_free_slot(slots, PARIS, utc(2026, 6, 1, 7)) == utc(2026, 6, 8, 7)
    assert next_free_slot(slots, PARIS, utc(2026, 6, 1, 6, 59)) == utc(2026, 6, 1, 7)


def test_a_slot_near_midnight_in_a_zone_ahead_of_utc() -> None:
    # Tuesday 00:30 in Tokyo is Monday 15:30 UTC.
    assert next_free_slot([(1, 30)], "Asia/Tokyo", utc(2026, 6, 1, 12)) == utc(2026, 6, 1, 15, 30)


def test_a_slot_in_the_gap_moves_to_the_end_of_the_gap_and_a_fold_slot_takes_the_first() -> None:
    sunday_0230 = [(6, 2 * 60 + 30)]
    assert next_free_slot(sunday_0230, PARIS, utc(2027, 3, 27)) == utc(2027, 3, 28, 1)  # 03:00 CEST
    assert next_free_slot(sunday_0230, PARIS, utc(2027, 10, 30)) == utc(2027, 10, 31, 0, 30)  # 02:30 CEST


def test_a_long_run_of_taken_slots_is_walked_past() -> None:
    slots = [(d, 9 * 60) for d in range(7)]
    start = utc(2026, 1, 1)
    taken: set[datetime] = set()
    t = start
    for _ in range(60):
        t = next_free_slot(slots, PARIS, start, taken)
        taken.add(t)
    assert len(taken) == 60
    assert from_utc(t, PARIS) == datetime(2026, 3, 1, 9)


def test_bad_slots_are_refused() -> None:
    with pytest.raises(ValueError):
        next_free_slot([], PARIS, utc(2026, 1, 1))
    with pytest.raises(ValueError):
        next_free_slot([(7, 0)], PARIS, utc(2026, 1, 1))
    with pytest.raises(ValueError):
        next_free_slot([(0, 1440)], PARIS, utc(2026, 1, 1))


def test_slot_times_lists_a_week_in_order() -> None:
    got = slot_times([(6, 2 * 60 + 30), (0, 9 * 60)], PARIS, date(2027, 3, 28), 2)
    assert got == [utc(2027, 3, 28, 1), utc(2027, 3, 29, 7)]


# --- recompute and lateness -------------------------------------------------------------------------------


def test_recompute_matches_to_utc_and_never_refuses() -> None:
    assert recompute_utc(datetime(2026, 7, 1, 9), PARIS) == to_utc(datetime(2026, 7, 1, 9), PARIS)
    assert recompute_utc(datetime(2027, 3, 28, 2, 30), PARIS) == utc(2027, 3, 28, 1)
    # A UTC instant stored with the winter offset for a summer date (old rules) is flagged.
    assert needs_recompute(datetime(2026, 7, 1, 9), PARIS, utc(2026, 7, 1, 8))
    assert not needs_recompute(datetime(2026, 7, 1, 9), PARIS, utc(2026, 7, 1, 7))


def test_a_machine_asleep_for_eight_hours_is_late() -> None:
    due = utc(2026, 6, 1, 7)
    assert is_late(due, due + timedelta(hours=8))
    assert not is_late(due, due + timedelta(minutes=5))
    assert not is_late(due, due + timedelta(minutes=DEFAULT_LATE_MARGIN_MINUTES))
    assert is_late(due, due + timedelta(minutes=DEFAULT_LATE_MARGIN_MINUTES, seconds=1))
    assert not is_late(due, due - timedelta(hours=1))  # not due yet
    assert is_late(due, due + timedelta(minutes=11), margin_minutes=10)
    assert lateness(due, due - timedelta(hours=1)) == timedelta()
    with pytest.raises(ValueError):
        is_late(datetime(2026, 6, 1, 7), due)


# --- clocks -----------------------------------------------------------------------------------------------


def test_manual_clock_moves_only_when_told() -> None:
    clock = ManualClock(datetime(2026, 6, 1, 9, tzinfo=ZoneInfo(PARIS)))
    assert clock.now() == utc(2026, 6, 1, 7) and clock.now().tzinfo is UTC
    assert clock.advance(hours=8) == utc(2026, 6, 1, 15)
    assert clock.advance(timedelta(minutes=1), seconds=30) == utc(2026, 6, 1, 15, 1, 30)
    clock.set(utc(2030, 1, 1))
    assert clock.now() == utc(2030, 1, 1)
    with pytest.raises(ValueError):
        clock.advance(hours=-1)
    with pytest.raises(ValueError):
        clock.set(datetime(2030, 1, 1))
    assert FixedClock is ManualClock


def test_system_clock_is_aware_utc() -> None:
    now = SystemClock().now()
    assert now.tzinfo is UTC
    assert abs(now - datetime.now(UTC)) < timedelta(seconds=5)


# --- the property -----------------------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(
    local=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2030, 12, 31, 23, 59)),
    zone=st.sampled_from(ZONES),
)
def test_to_utc_refuses_or_round_trips(local: datetime, zone: str) -> None:
    tz = ZoneInfo(zone)
    # An oracle independent of schedule.py: the wall time survives a trip through UTC with fold=0.
    exists = local.replace(tzinfo=tz).astimezone(UTC).astimezone(tz).replace(tzinfo=None) == local
    try:
        instant = to_utc(local, zone)
    except NonexistentTime as err:
        assert not exists
        assert err.gap_start <= local < err.gap_end
        assert from_utc(to_utc(err.gap_end, zone), zone) == err.gap_end
        return
    assert exists
    assert instant.tzinfo is UTC
    assert from_utc(instant, zone) == local
    if is_ambiguous(local, zone):  # the first of the two readings
        later = local.replace(tzinfo=tz, fold=1).astimezone(UTC)
        assert instant < later
