"""The posting plan: deterministic, fits the time budget, sensible local times, four weeks of ideas."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest

from cm_desktop.core.coach import (
    ALL_IDEAS,
    Goal,
    Moment,
    ProfileAnswers,
    idea,
    make_plan,
    rhythm_for,
)
from cm_desktop.core.i18n import Text
from cm_desktop.core.models import BusinessKind as K
from cm_desktop.core.models import BusinessProfile

START = date(2025, 3, 5)  # a Wednesday: plan weeks are the 7 days from the start, not calendar weeks
SAT, SUN = 5, 6

BAKERY = ProfileAnswers(
    kind=K.SHOP,
    goals=(Goal.BRING_PEOPLE_IN, Goal.BE_FOUND_LOCALLY),
    weekly_minutes=15,
    country="FR",
    town="Lyon",
    language="fr",
    business_name="Boulangerie Martin",
    product="brioche aux pralines",
    place="rue de la République",
)
ASSOCIATION = ProfileAnswers(
    kind=K.ASSOCIATION,
    goals=(Goal.FIND_MEMBERS, Goal.ANNOUNCE_EVENTS),
    weekly_minutes=60,
    country="CH",
    town="Lausanne",
    language="fr",
    business_name="Les Jardins partagés",
)


def _weeks(plan_start: date) -> list[tuple[date, date]]:
    return [(plan_start + timedelta(days=7 * w), plan_start + timedelta(days=7 * w + 7)) for w in range(4)]


def test_same_input_same_plan() -> None:
    for answers, zone in ((BAKERY, "Europe/Paris"), (ASSOCIATION, "Europe/Zurich")):
        assert make_plan(answers, START, zone) == make_plan(answers, START, zone)


def test_another_month_brings_other_ideas() -> None:
    first = [s.idea_code for s in make_plan(ASSOCIATION, START, "Europe/Zurich").suggestions]
    later = [
        s.idea_code for s in make_plan(ASSOCIATION, START + timedelta(days=28), "Europe/Zurich").suggestions
    ]
    assert first != later


def test_bakery_in_lyon_two_posts_a_week_on_two_networks_early_and_on_saturday() -> None:
    plan = make_plan(BAKERY, START, "Europe/Paris")
    assert len(plan.networks) == 2
    assert set(plan.networks) <= {"facebook", "instagram", "google_business"}
    assert plan.posts_per_week == 2
    # Bakery hours: early morning (07:00-09:00), one of them on Saturday.
    times = {(s.weekday, s.minute_of_day) for s in plan.slots}
    assert len(times) == 2
    assert all(7 * 60 <= minute <= 9 * 60 for _, minute in times)
    assert SAT in {weekday for weekday, _ in times}
    assert {s.network for s in plan.slots} == set(plan.networks)
    # Four weeks of ideas, exactly two a week, each on both networks.
    assert len(plan.suggestions) == 8
    for first, end in _weeks(START):
        week = [s for s in plan.suggestions if first <= s.day < end]
        assert len(week) == 2
        assert all(set(s.networks) == set(plan.networks) for s in week)
    assert plan.week(3) == list(plan.suggestions[6:])


def test_bakery_suggestions_are_ideas_in_french_filled_with_the_answers() -> None:
    plan = make_plan(BAKERY, START, "Europe/Paris")
    codes = {e.code for e in ALL_IDEAS}
    assert all(s.idea_code in codes and s.origin == f"idea:{s.idea_code}" for s in plan.suggestions)
    assert len({s.idea_code for s in plan.suggestions}) == len(plan.suggestions)  # no repeats in 4 weeks
    assert all("{" not in s.text and "{" not in s.title for s in plan.suggestions)
    assert any("Boulangerie Martin" in s.text or "Lyon" in s.text for s in plan.suggestions)
    # Google Business posts are read, not answered: no polls or questions there.
    assert not any(
        "google_business" in s.networks and s.idea_code.startswith(("poll_", "question_"))
        for s in plan.suggestions
    )
    assert all(s.local_time.tzinfo == ZoneInfo("Europe/Paris") for s in plan.suggestions)
    assert all(s.local_time.hour * 60 + s.local_time.minute == s.minute_of_day for s in plan.suggestions)
    assert "Facebook" in plan.describe()[0] and "par semaine" in plan.describe()[0]


def test_association_in_lausanne_facebook_and_one_fediverse_style_network_in_the_evening_or_weekend() -> None:
    plan = make_plan(ASSOCIATION, START, "Europe/Zurich")
    assert plan.networks[0] == "facebook"
    assert len({"mastodon", "bluesky"} & set(plan.networks)) == 1  # one of the two is enough with an hour
    assert len(plan.networks) <= 3
    assert 3 <= plan.posts_per_week <= 4
    for slot in plan.slots:
        assert slot.minute_of_day >= 18 * 60 or slot.weekday in (SAT, SUN), slot
    assert {1, 3} <= {s.weekday for s in plan.slots}  # Tuesday and Thursday evenings
    for first, end in _weeks(START):
        assert len([s for s in plan.suggestions if first <= s.day < end]) == plan.posts_per_week
    # Both goals get posts.
    goals = Counter(g for s in plan.suggestions for e in ALL_IDEAS if e.code == s.idea_code for g in e.goals)
    assert goals[Goal.FIND_MEMBERS] >= 4 and goals[Goal.ANNOUNCE_EVENTS] >= 4
    assert plan.rhythm.reply_minutes > 0
    # Every planned network appears in the slots; the first two on every posting time.
    per_time = Counter((s.weekday, s.minute_of_day) for s in plan.slots)
    assert all(n >= 2 for n in per_time.values())


@pytest.mark.parametrize(
    ("kind", "check"),
    [
        (K.RESTAURANT, lambda m: m in (11 * 60, 17 * 60 + 30)),
        (K.SMALL_FIRM, lambda m: m in (8 * 60 + 30, 12 * 60 + 30)),
        (K.ARTIST, lambda m: m >= 17 * 60 or m == 11 * 60),
    ],
)
def test_kind_specific_hours(kind: K, check: object) -> None:
    answers = ProfileAnswers(kind, (Goal.BRING_PEOPLE_IN,), 60, "FR", "Nantes", "en")
    plan = make_plan(answers, START, "Europe/Paris")
    assert all(check(s.minute_of_day) for s in plan.slots)  # type: ignore[operator]
    if kind is K.SMALL_FIRM:
        assert {s.weekday for s in plan.slots} <= {1, 2, 3}
    if kind is K.ARTIST:
        assert SUN in {s.weekday for s in plan.slots}


@pytest.mark.parametrize(
    ("minutes", "posts", "max_networks"),
    [(15, 2, 2), (30, 2, 2), (60, 3, 3), (100, 4, 3), (180, 5, 4), (240, 6, 4), (360, 7, 4)],
)
def test_rhythm_fits_the_time_budget(minutes: int, posts: int, max_networks: int) -> None:
    rhythm = rhythm_for(minutes)
    assert (rhythm.posts_per_week, rhythm.max_networks) == (posts, max_networks)
    answers = ProfileAnswers(K.CRAFT, (Goal.SELL_ONLINE,), minutes, "BE", "Liège", "fr")
    plan = make_plan(answers, START, "Europe/Brussels")
    assert len(plan.suggestions) == 4 * posts
    assert len(plan.networks) <= max_networks
    if minutes >= 180:
        assert plan.rhythm.reply_minutes >= 45  # time to answer comments


def test_networks_chosen_by_the_person_are_all_in_the_plan_and_it_says_why_some_post_less() -> None:
    """Issue #16.8: she ticked them, they are in the plan; past what her time allows they share the posts,
    and the plan says so (she may untick one)."""
    answers = ProfileAnswers(
        K.ARTIST, (Goal.SELL_ONLINE,), 15, "FR", "Arles", "en", networks=("bluesky", "pinterest", "instagram")
    )
    plan = make_plan(answers, START, "Europe/Paris")
    assert plan.networks == ("bluesky", "pinterest", "instagram")
    assert plan.later_networks == ()
    assert {s.network for s in plan.slots} == {"bluesky", "pinterest", "instagram"}
    assert any("Instagram" in line and "one post in two" in line for line in plan.describe())


def test_a_date_only_the_person_knows_is_left_as_a_visible_gap() -> None:
    plan = make_plan(ASSOCIATION, START, "Europe/Zurich")
    dated = [s for s in plan.suggestions if "{date}" in idea(s.idea_code, "fr").template]
    assert dated and all("[date]" in s.text for s in dated)


def _moments(calls: list[tuple[date, date]]) -> object:
    def source(start: date, end: date) -> Sequence[Moment]:
        calls.append((start, end))
        return [
            (date(2025, 3, 9), "grandmothers_day", Text(en="Grandmothers' Day", fr="Fête des grands-mères"),
             Text(en="Thank the grandmothers at {business}.", fr="Merci aux grands-mères de {business}.")),
            (date(2025, 3, 10), "second_same_week", Text(en="Another day", fr="Une autre journée"),
             Text(en="Crowded week.", fr="Semaine chargée.")),
            (date(2025, 4, 3), "just_after", Text(en="Spring fair", fr="Foire de printemps"),
             Text(en="See you at the fair on {date}.", fr="Rendez-vous à la foire le {date}.")),
            (date(2025, 8, 1), "far_away", Text(en="Far", fr="Loin"), Text(en="Too far.", fr="Trop loin.")),
        ]  # fmt: skip

    return source


def test_moments_are_plugged_in_announced_ahead_without_crowding_the_week() -> None:
    calls: list[tuple[date, date]] = []
    plan = make_plan(BAKERY, START, "Europe/Paris", moments=_moments(calls))  # type: ignore[arg-type]
    assert calls and calls[0][0] == START and calls[0][1] >= START + timedelta(days=27)
    moments = [s for s in plan.suggestions if s.idea_code.startswith("moment:")]
    codes = [s.idea_code for s in moments]
    assert "moment:grandmothers_day" in codes
    assert "moment:second_same_week" not in codes  # one moment a week at two posts a week
    assert "moment:far_away" not in codes
    grandmothers = next(s for s in moments if s.idea_code == "moment:grandmothers_day")
    assert grandmothers.day < date(2025, 3, 9) and grandmothers.title == "Fête des grands-mères"
    assert grandmothers.text == "Merci aux grands-mères de Boulangerie Martin."
    assert grandmothers.origin == "moment:grandmothers_day" and grandmothers.why
    # A moment just after the four weeks is announced in the last week.
    fair = next(s for s in moments if s.idea_code == "moment:just_after")
    assert fair.day < START + timedelta(days=28) and "jeudi 3 avril" in fair.text
    # Still exactly two posts a week, and the plan stays deterministic with moments.
    assert len(plan.suggestions) == 8
    assert plan == make_plan(BAKERY, START, "Europe/Paris", moments=_moments([]))  # type: ignore[arg-type]


def test_unknown_zone_or_network_is_refused() -> None:
    with pytest.raises(Exception, match="Nowhere"):
        make_plan(BAKERY, START, "Europe/Nowhere")
    with pytest.raises(ValueError, match="unknown networks"):
        ProfileAnswers(K.SHOP, (), 15, "FR", "Lyon", "fr", networks=("myspace",))


def test_answers_go_into_a_business_profile_row() -> None:
    row = BAKERY.to_profile("Europe/Paris")
    assert isinstance(row, BusinessProfile)
    assert (row.kind, row.country, row.time_zone, row.language, row.weekly_minutes) == (
        "shop", "FR", "Europe/Paris", "fr", 15,
    )  # fmt: skip
    assert row.goals == "bring_people_in,be_found_locally"
    from cm_desktop.core.coach import goals_from_text

    assert goals_from_text(row.goals + ",retired_goal") == BAKERY.goals


@pytest.mark.parametrize("kind", list(K))
@pytest.mark.parametrize("minutes", [15, 60, 180])
def test_every_kind_and_budget_gets_a_full_plan(kind: K, minutes: int) -> None:
    answers = ProfileAnswers(kind, tuple(Goal), minutes, "CA", "Montréal", "fr")
    plan = make_plan(answers, START, "America/Toronto")
    assert len(plan.suggestions) == 4 * plan.posts_per_week
    assert len(set(plan.slots)) == len(plan.slots)
    assert all(s.networks for s in plan.suggestions)
    assert all(s.title and s.text and s.why for s in plan.suggestions)
