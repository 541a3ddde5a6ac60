"""The weekly coach: a deterministic, varied tip of the week, and the week's standing against the plan."""

from __future__ import annotations

import itertools
import math
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from cm_desktop.core.coach import post_state, tip_of_week, tips, week_summary
from cm_desktop.core.coach.weekly import _TIP_STRIDE
from cm_desktop.core.models import TargetState as S

PARIS = ZoneInfo("Europe/Paris")
NOW = datetime(2025, 3, 5, 10, 0, tzinfo=PARIS)  # Wednesday 5 March 2025, ISO week 10


def _iso_weeks(first: date, count: int) -> list[tuple[int, int]]:
    return [
        (d.isocalendar()[0], d.isocalendar()[1]) for d in (first + timedelta(weeks=i) for i in range(count))
    ]


def test_at_least_20_tips_in_both_languages_with_unique_codes() -> None:
    all_tips = tips()
    assert len(all_tips) >= 20
    assert len({t.code for t in all_tips}) == len(all_tips)
    for tip in all_tips:
        for text in (tip.title, tip.body):
            assert text.en.strip() and text.fr.strip() and text.en != text.fr, tip.code
            assert "{" not in text.en + text.fr, tip.code


def test_some_tips_the_brief_asks_for_are_there() -> None:
    codes = {t.code for t in tips()}
    assert {
        "listen_first",
        "answer_within_a_day",
        "ask_questions",
        "thank_people",
        "faces",
        "alt_text",
    } <= codes
    assert {"regular_not_a_lot", "reuse"} <= codes


def test_tip_of_week_is_deterministic() -> None:
    assert tip_of_week(2025, 10) == tip_of_week(2025, 10)
    assert tip_of_week(2026, 1) is tip_of_week(2026, 1)


def test_tip_of_week_varies_and_cycles_through_every_tip() -> None:
    assert math.gcd(_TIP_STRIDE, len(tips())) == 1
    weeks = _iso_weeks(date(2024, 11, 4), 80)  # crosses two year ends, including a 53-week year (2026)
    chosen = [tip_of_week(y, w).code for y, w in weeks]
    assert all(a != b for a, b in itertools.pairwise(chosen))
    assert len(set(chosen[: len(tips())])) == len(tips())


def test_post_state_picks_the_most_urgent_target() -> None:
    assert post_state([S.PUBLISHED, S.FAILED]) == S.FAILED
    assert post_state([S.SCHEDULED, S.ASSISTED_PENDING]) == S.ASSISTED_PENDING
    assert post_state([S.PUBLISHED, S.PUBLISHED]) == S.PUBLISHED
    assert post_state([]) == S.DRAFT


def test_nothing_planned() -> None:
    summary = week_summary([], NOW, 2)
    assert (summary.planned, summary.missing, summary.to_fix, summary.assisted_waiting) == (0, 2, 0, 0)
    assert summary.week_start == date(2025, 3, 3) and summary.week_end == date(2025, 3, 9)
    assert summary.next_posts == ()
    assert "2" in summary.message.get("en") and "Rien de prévu" in summary.message.get("fr")


def test_behind_on_track_failures_and_assisted_posts() -> None:
    posts = [
        (datetime(2025, 3, 3, 7, 30, tzinfo=PARIS), S.PUBLISHED.value),
        (datetime(2025, 3, 5, 9, 0, tzinfo=PARIS), S.ASSISTED_PENDING.value),  # due, waiting by hand
        (datetime(2025, 3, 8, 8, 0, tzinfo=PARIS), S.SCHEDULED.value),
        (datetime(2025, 3, 9, 8, 0, tzinfo=PARIS), S.DRAFT.value),
        (datetime(2025, 2, 25, 8, 0, tzinfo=PARIS), S.FAILED.value),  # last week, still to fix
        (datetime(2025, 3, 12, 8, 0, tzinfo=PARIS), S.SCHEDULED.value),  # next week
    ]
    summary = week_summary(posts, NOW, 4, lang="fr")
    assert (summary.planned, summary.published, summary.drafts, summary.missing) == (3, 1, 1, 1)
    assert (summary.to_fix, summary.assisted_waiting) == (1, 1)
    assert summary.next_posts == (
        datetime(2025, 3, 8, 8, 0, tzinfo=PARIS),
        datetime(2025, 3, 12, 8, 0, tzinfo=PARIS),
    )
    lines = summary.lines("fr")
    assert lines[0].startswith("1 publication n'a pas pu partir")  # most urgent first
    assert "vous-même" in lines[1]
    assert lines[2].startswith("3 publications sur 4")
    assert lines[3] == "Prochaine publication : samedi 8 mars, 08:00."
    assert summary.lines("en")[2] == "3 of 4 posts planned this week: 1 more to go."

    on_track = week_summary(posts, NOW, 3)
    assert on_track.missing == 0 and "Well done" in on_track.lines("en")[2]

    many = week_summary([*posts, (datetime(2025, 3, 1, tzinfo=PARIS), S.NEEDS_REVIEW.value)], NOW, 3)
    assert many.message.get("en").startswith("2 posts could not be published")


def test_times_in_another_zone_are_counted_in_the_local_week() -> None:
    # Sunday 23:30 in Paris is Sunday 22:30 UTC: still this week, not next.
    late_sunday_utc = datetime(2025, 3, 9, 22, 30, tzinfo=ZoneInfo("UTC"))
    monday_utc = datetime(2025, 3, 9, 23, 30, tzinfo=ZoneInfo("UTC"))  # Monday 00:30 in Paris
    summary = week_summary([(late_sunday_utc, S.SCHEDULED), (monday_utc, S.SCHEDULED)], NOW, 2)
    assert summary.planned == 1
    assert summary.next_posts[0].tzinfo == PARIS
