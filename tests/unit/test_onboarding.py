"""core.onboarding: the wizard's answers saved in one transaction, and safe to run again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from cm_desktop.core import home_query, onboarding
from cm_desktop.core.coach import Goal, ProfileAnswers, make_plan
from cm_desktop.core.models import (
    Account,
    BusinessKind,
    BusinessProfile,
    Post,
    PostTarget,
    Slot,
    TargetState,
    utcnow,
)
from cm_desktop.core.posts import NewPost
from cm_desktop.core.store import Store, open_store

START = date(2026, 5, 18)
BAKERY = ProfileAnswers(
    kind=BusinessKind.SHOP,
    goals=(Goal.BRING_PEOPLE_IN, Goal.BE_FOUND_LOCALLY),
    weekly_minutes=15,
    country="FR",
    town="Lyon",
    language="fr",
    business_name="Boulangerie Martin",
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "cm.sqlite3", tmp_path / "backups")
    yield opened
    opened.close()


def rows(store: Store, table: type) -> list[Any]:
    with store.session() as session:
        return list(session.exec(select(table)).all())


def test_apply_saves_profile_slots_and_four_weeks_of_ideas(store: Store) -> None:
    plan = onboarding.build_plan(BAKERY, "Europe/Paris", START)
    result = onboarding.apply(store, BAKERY, "Europe/Paris", plan)

    (profile,) = rows(store, BusinessProfile)
    assert (profile.name, profile.kind, profile.town, profile.country) == (
        "Boulangerie Martin",
        "shop",
        "Lyon",
        "FR",
    )
    assert profile.time_zone == "Europe/Paris" and profile.weekly_minutes == 15
    assert profile.goals == "bring_people_in,be_found_locally"
    slots = [(s.weekday, s.minute_of_day, s.network, s.account_id) for s in rows(store, Slot)]
    assert sorted(slots) == sorted((s.weekday, s.minute_of_day, s.network, None) for s in plan.slots)
    # Slots never depend on the moments: the same as a plan made without them.
    assert plan.slots == make_plan(BAKERY, START, "Europe/Paris").slots

    posts = rows(store, Post)
    assert len(posts) == len(plan.suggestions) == result.ideas
    assert [p.origin for p in posts] == [s.origin for s in plan.suggestions]
    assert all(p.origin.startswith(("idea:", "moment:")) for p in posts)
    assert any(p.origin.startswith("idea:") for p in posts)
    days = {p.local_time.date() for p in posts if p.local_time is not None}
    assert min(days) >= START and max(days) < START + timedelta(days=28)
    assert {(d - START).days // 7 for d in days} == {0, 1, 2, 3}  # every one of the four weeks
    assert all(p.scheduled_utc is None and p.time_zone == "Europe/Paris" for p in posts)
    assert rows(store, PostTarget) == []  # ideas, not scheduled: nothing can be sent


def test_running_again_replaces_untouched_ideas_and_keeps_worked_ones(store: Store) -> None:
    plan = onboarding.build_plan(BAKERY, "Europe/Paris", START)
    onboarding.apply(store, BAKERY, "Europe/Paris", plan)
    with store.session() as session:
        account = Account(network="mastodon", display_name="Boulangerie")
        session.add(account)
        session.flush()
        session.add(Slot(account_id=account.id, network="mastodon", weekday=2, minute_of_day=600))
        edited = session.exec(select(Post)).first()
        assert edited is not None
        edited.text = "Nos croissants du dimanche"
        edited.updated_at = utcnow() + timedelta(seconds=5)
        session.add(edited)
        session.commit()
        edited_id = edited.id

    again = onboarding.apply(store, BAKERY, "Europe/Paris", plan)

    assert (again.replaced, again.kept) == (len(plan.suggestions) - 1, 1)
    posts = rows(store, Post)
    assert len(posts) == len(plan.suggestions) + 1  # no duplicates; the edited one stays
    assert any(p.id == edited_id and p.text == "Nos croissants du dimanche" for p in posts)
    assert len(rows(store, BusinessProfile)) == 1
    slots = rows(store, Slot)
    assert len([s for s in slots if s.account_id is None]) == len(plan.slots)
    assert [s.network for s in slots if s.account_id is not None] == ["mastodon"]  # the person's own


def test_an_idea_with_a_target_is_never_replaced(store: Store) -> None:
    plan = onboarding.build_plan(BAKERY, "Europe/Paris", START)
    onboarding.apply(store, BAKERY, "Europe/Paris", plan)
    with store.session() as session:
        post = session.exec(select(Post)).first()
        assert post is not None and post.id is not None
        session.add(PostTarget(post_id=post.id, network="facebook", state=TargetState.DRAFT.value))
        session.commit()
    onboarding.apply(store, BAKERY, "Europe/Paris", plan)
    assert len(rows(store, Post)) == len(plan.suggestions) + 1


def test_an_error_midway_leaves_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = onboarding.build_plan(BAKERY, "Europe/Paris", START)
    real = onboarding._idea
    calls = {"n": 0}

    def failing(*args: object) -> NewPost:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk went away")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(onboarding, "_idea", failing)
    with pytest.raises(OSError):
        onboarding.apply(store, BAKERY, "Europe/Paris", plan)
    assert rows(store, BusinessProfile) == []
    assert rows(store, Slot) == []
    assert rows(store, Post) == []


def test_an_error_on_a_second_run_keeps_the_first(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = onboarding.build_plan(BAKERY, "Europe/Paris", START)
    onboarding.apply(store, BAKERY, "Europe/Paris", plan)
    before = sorted(p.id for p in rows(store, Post))

    def failing(*args: object) -> NewPost:
        raise OSError("disk went away")

    monkeypatch.setattr(onboarding, "_idea", failing)
    moved = ProfileAnswers(**{**BAKERY.__dict__, "town": "Villeurbanne"})
    with pytest.raises(OSError):
        onboarding.apply(store, moved, "Europe/Paris", plan)
    assert [p.town for p in rows(store, BusinessProfile)] == ["Lyon"]
    assert sorted(p.id for p in rows(store, Post)) == before
    assert len(rows(store, Slot)) == len(plan.slots)


@pytest.mark.parametrize(
    ("country", "zone"),
    [
        ("FR", "Europe/Paris"),
        ("BE", "Europe/Brussels"),
        ("CH", "Europe/Zurich"),
        ("CA", "America/Toronto"),
        ("GB", "Europe/London"),
        ("US", "America/New_York"),
        ("", "Asia/Tokyo"),
    ],
)
def test_default_zone_per_country(country: str, zone: str) -> None:
    assert onboarding.default_zone(country, "Asia/Tokyo") == zone
    assert onboarding.known_zone(zone)


def test_a_country_without_a_calendar_still_gets_a_plan() -> None:
    answers = ProfileAnswers(**{**BAKERY.__dict__, "country": ""})
    plan = onboarding.build_plan(answers, "Asia/Tokyo", START)
    assert plan.suggestions and all(s.origin.startswith("idea:") for s in plan.suggestions)


def test_home_query_counts_and_history(store: Store) -> None:
    plan = onboarding.build_plan(BAKERY, "Europe/Paris", START)
    onboarding.apply(store, BAKERY, "Europe/Paris", plan)
    now = datetime(2026, 5, 19, 8, 0, tzinfo=UTC)  # Tuesday
    with store.session() as session:
        for when, state in [
            (now - timedelta(days=1), TargetState.PUBLISHED),
            (now - timedelta(days=8), TargetState.PUBLISHED),
            (now - timedelta(days=8, hours=2), TargetState.FAILED),
            (now + timedelta(days=1), TargetState.SCHEDULED),
        ]:
            post = Post(text="x", scheduled_utc=when)
            session.add(post)
            session.flush()
            assert post.id is not None
            session.add(PostTarget(post_id=post.id, network="facebook", state=state.value))
        session.commit()

    data = home_query.load_home(store, now)
    assert data.has_profile and data.target == 2 and data.zone == "Europe/Paris"
    assert [(w.planned, w.posted) for w in data.history[-2:]] == [(2, 1), (2, 1)]
    assert len(data.history) == 6 and data.history[-1].monday == date(2026, 5, 18)
    assert [p.networks for p in data.next_posts] == [("facebook",)]
    assert data.moment is not None and data.moment.start > now.date()
