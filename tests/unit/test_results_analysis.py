"""What the figures say (core/results/analysis.py), on made-up histories whose answer we know.

Best times are counted on the business's wall clock: a post at 09:00 in Paris is a 09:00 post in winter
(08:00 UTC) and in summer (07:00 UTC), across the March change, in Paris and in New York.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from cm_desktop.core.results import analysis
from cm_desktop.core.results.analysis import (
    MIN_POSTS,
    PostFigures,
    TargetFigures,
    best_times,
    by_hour,
    by_kind,
    by_weekday,
    local_time,
    scored,
    top_posts,
    why,
)
from cm_desktop.core.results.messages import WHY_TEXTS, ratio_words
from cm_desktop.core.schedule import to_utc

_ids = iter(range(1, 10_000))


def post(
    local: datetime,
    zone: str,
    reactions: int,
    *,
    account: str = "1",
    kind: str = "",
    pictures: int = 0,
    network: str = "bluesky",
) -> PostFigures:
    """A post published at the wall-clock time `local` in `zone`, whose only network counted `reactions`."""
    published = to_utc(local, zone)
    number = next(_ids)
    target = TargetFigures(number, network, account, "shop", reactions, 0, 0, 0)
    return PostFigures(
        number, f"post {number}", published, local_time(published, zone), kind, pictures, (target,)
    )


def weekly(
    first: date, weekday: int, at: time, weeks: int, zone: str, reactions: int, **kwargs: object
) -> list[PostFigures]:
    start = first + timedelta(days=(weekday - first.weekday()) % 7)
    return [
        post(datetime.combine(start + timedelta(weeks=w), at), zone, reactions, **kwargs)  # type: ignore[arg-type]
        for w in range(weeks)
    ]


@pytest.mark.parametrize(
    ("zone", "change"),
    [("Europe/Paris", date(2026, 3, 29)), ("America/New_York", date(2026, 3, 8))],
)
def test_best_times_follow_the_wall_clock_across_the_change_of_time(zone: str, change: date) -> None:
    first = change - timedelta(weeks=4)  # four weeks before the change, four after
    history = (
        weekly(first, 1, time(9, 0), 8, zone, reactions=12)  # Tuesday 09:00: the best
        + weekly(first, 3, time(12, 30), 8, zone, reactions=6)  # Thursday 12:30: usual
        + weekly(first, 5, time(18, 0), 8, zone, reactions=2)  # Saturday 18:00: weak
    )
    assert {p.published_at.utcoffset() for p in history} == {timedelta(0)}
    assert len({p.published_at.hour for p in history if p.local.weekday() == 1}) == 2  # two UTC hours...

    best = best_times(scored(history), wanted=2)

    # ...but one wall-clock time, with all eight posts in it.
    assert best.enough
    assert [(t.weekday, t.minute_of_day, t.posts) for t in best.ranked] == [
        (1, 540, 8),
        (3, 750, 8),
        (5, 1080, 8),
    ]
    # Only Tuesday does better than usual: Thursday (6 against 6.67) and Saturday are never proposed.
    assert [(t.weekday, t.minute_of_day) for t in best.proposal] == [(1, 540)]
    assert [(t.weekday, t.minute_of_day) for t in best_times(scored(history), wanted=3).proposal] == [
        (1, 540)
    ]
    assert best.ranked[0].score == pytest.approx((8 * 1.8 + 2) / 10)  # 12 reactions against 20/3 usual
    assert best.ranked[0].average == pytest.approx(1.8)


def test_fewer_than_twelve_posts_give_no_best_times() -> None:
    history = weekly(date(2026, 1, 5), 1, time(9), MIN_POSTS - 1, "Europe/Paris", reactions=5)

    best = best_times(scored(history), wanted=3)

    assert (best.enough, best.counted, best.ranked, best.proposal) == (False, 11, (), ())


def test_a_time_used_once_is_not_proposed_however_well_it_did() -> None:
    zone = "Europe/Paris"
    history = weekly(date(2026, 1, 5), 1, time(9), 6, zone, reactions=5) + weekly(
        date(2026, 1, 5), 4, time(17), 6, zone, reactions=4
    )
    lucky = post(datetime(2026, 1, 11, 21, 0), zone, reactions=80)  # one Sunday evening, very lucky

    best = best_times(scored([*history, lucky]), wanted=3)

    assert [(t.weekday, t.minute_of_day) for t in best.ranked] == [(1, 540), (4, 1020)]


def test_a_small_account_doing_twice_its_usual_beats_a_big_one_doing_its_usual() -> None:
    zone = "Europe/Paris"
    big = weekly(date(2026, 1, 5), 2, time(8), 6, zone, reactions=100, account="big")
    small = weekly(date(2026, 1, 5), 5, time(10), 3, zone, reactions=4, account="small") + weekly(
        date(2026, 1, 5), 0, time(19), 3, zone, reactions=1, account="small"
    )

    best = best_times(scored(big + small), wanted=1)

    assert [(t.weekday, t.minute_of_day) for t in best.proposal] == [(5, 600)]  # Saturday 10:00


def test_the_most_used_minute_names_the_time() -> None:
    zone = "Europe/Paris"
    history = [
        *weekly(date(2026, 1, 5), 1, time(7, 30), 5, zone, 5),
        post(datetime(2026, 2, 10, 7, 45), zone, 5),
        *weekly(date(2026, 1, 5), 3, time(18), 6, zone, 5),
    ]

    best = best_times(scored(history), wanted=2)

    assert (1, 450) in [(t.weekday, t.minute_of_day) for t in best.ranked]


def test_posts_without_figures_and_accounts_without_any_reaction_tell_nothing() -> None:
    zone = "UTC"
    unread = PostFigures(
        99_001,
        "never read",
        datetime(2026, 1, 6, 9, tzinfo=UTC),
        datetime(2026, 1, 6, 9, tzinfo=UTC),
        "",
        0,
        (TargetFigures(99_002, "bluesky", "1", "shop", None, None, None, None),),
    )
    silent = post(datetime(2026, 1, 7, 9), zone, 0, account="quiet")

    assert [p.score for p in scored([unread, silent])] == [None, None]


def test_by_weekday_hour_and_kind() -> None:
    zone = "Europe/Paris"
    history = weekly(date(2026, 1, 5), 1, time(9), 4, zone, 6, kind="new_product") + weekly(
        date(2026, 1, 5), 5, time(18), 4, zone, 2, kind="tip"
    )
    posts = scored(history)

    days = by_weekday(posts)
    assert [d is not None for d in days] == [False, True, False, False, False, True, False]
    assert days[1] is not None and days[1].score == pytest.approx(1.5) and days[1].posts == 4
    hours = by_hour(posts)
    assert [h for h, g in enumerate(hours) if g is not None] == [9, 18]
    assert [(g.key, g.posts) for g in by_kind(posts)] == [("new_product", 4), ("tip", 4)]


def test_why_names_the_kind_with_pictures_when_it_does_twice_as_well() -> None:
    zone = "Europe/Paris"
    arrivals = weekly(date(2026, 1, 5), 2, time(9), 4, zone, 10, kind="new_product", pictures=2)
    others = weekly(date(2026, 1, 5), 4, time(12), 8, zone, 3, kind="tip")
    posts = scored(arrivals + others)
    [best, *_] = top_posts(posts)

    reason = why(best, posts)

    assert (reason.code, reason.kind) == ("kind_pictures", "new_product")
    assert reason.ratio == pytest.approx(10 / (64 / 12), rel=1e-6)
    words = WHY_TEXTS[reason.code].get("en", kind="Something new", ratio=ratio_words(reason.ratio, "en"))
    assert words == "Your “Something new” posts with pictures get 88% more reactions than usual."


def test_why_falls_back_to_the_day_and_time_then_to_the_post_itself() -> None:
    zone = "Europe/Paris"
    saturday_mornings = weekly(date(2026, 1, 5), 5, time(9), 3, zone, 9)
    weekdays = weekly(date(2026, 1, 5), 2, time(14), 6, zone, 3)
    posts = scored(saturday_mornings + weekdays)

    reason = why(top_posts(posts)[0], posts)
    assert (reason.code, reason.weekday, reason.part) == ("time", 5, "morning")

    lone = scored(
        [post(datetime(2026, 1, 4, 20), zone, 30), *weekly(date(2026, 1, 5), 2, time(14), 6, zone, 3)]
    )
    assert why(top_posts(lone)[0], lone).code == "itself"
    even = scored(weekly(date(2026, 1, 5), 2, time(14), 6, zone, 3))
    usual = why(even[0], even)
    assert (usual.code, usual.ratio) == ("usual", pytest.approx(1.0))


@pytest.mark.parametrize(
    ("ratio", "en", "fr"),
    [
        (0.36, "64% fewer reactions than usual", "64 % de réactions en moins que d'habitude"),
        (0.95, "about as many reactions as usual", "à peu près autant de réactions que d'habitude"),
        (1.4, "40% more reactions than usual", "40 % de réactions en plus que d'habitude"),
        (2.1, "twice as many reactions as usual", "deux fois plus de réactions que d'habitude"),
        (3.2, "3 times as many reactions as usual", "3 fois plus de réactions que d'habitude"),
    ],
)
def test_ratios_in_words(ratio: float, en: str, fr: str) -> None:
    assert (ratio_words(ratio, "en"), ratio_words(ratio, "fr")) == (en, fr)


def test_day_parts() -> None:
    assert [analysis.day_part(h) for h in (4, 5, 11, 12, 13, 14, 17, 18, 23)] == [
        "evening",
        "morning",
        "morning",
        "midday",
        "midday",
        "afternoon",
        "afternoon",
        "evening",
        "evening",
    ]
