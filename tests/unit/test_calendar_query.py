"""Calendar queries on a real SQLite store: ranges, search with any characters, moves, copies, slots."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlmodel import col, select

from cm_desktop.core import calendar_query as cq
from cm_desktop.core.models import Account, Media, Post, PostTarget, TargetState
from cm_desktop.core.schedule import to_utc
from cm_desktop.core.store import Store, open_store

ZONE = "Europe/Paris"
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield s
    s.close()


def add_post(
    store: Store,
    text: str,
    local: datetime | None,
    states: dict[str, str] | None = None,
    native: str = "",
) -> int:
    with store.session() as session:
        due = to_utc(local, ZONE) if local else None
        post = Post(text=text, local_time=local, time_zone=ZONE if local else "", scheduled_utc=due)
        session.add(post)
        session.flush()
        assert post.id is not None
        for network, state in (states or {"mastodon": TargetState.SCHEDULED.value}).items():
            session.add(
                PostTarget(
                    post_id=post.id,
                    network=network,
                    state=state,
                    next_attempt_utc=due if state == TargetState.SCHEDULED.value else None,
                    native_schedule_id=native,
                )
            )
        session.commit()
        return post.id


def test_posts_between_takes_the_range_in_the_business_zone(store: Store) -> None:
    # 00:30 Paris on 1 April is still 31 March in UTC: it belongs to April here.
    inside = add_post(store, "avril", datetime(2026, 4, 1, 0, 30))
    add_post(store, "mars", datetime(2026, 3, 31, 23, 30))
    add_post(store, "mai", datetime(2026, 5, 1, 0, 0))
    add_post(store, "sans date", None)
    posts = cq.posts_between(store, date(2026, 4, 1), date(2026, 5, 1), ZONE)
    assert [p.id for p in posts] == [inside]
    assert posts[0].local == datetime(2026, 4, 1, 0, 30)
    assert posts[0].networks == ("mastodon",)


def test_network_comes_from_the_account_when_the_target_has_none(store: Store) -> None:
    with store.session() as session:
        account = Account(network="bluesky", handle="boulangerie.bsky.social")
        session.add(account)
        session.commit()
        account_id = account.id
    post_id = add_post(store, "x", datetime(2026, 4, 2, 9, 0), {"": TargetState.SCHEDULED.value})
    with store.session() as session:
        target = session.exec(select(PostTarget).where(col(PostTarget.post_id) == post_id)).one()
        target.account_id = account_id
        session.add(target)
        session.commit()
    (post,) = cq.posts_between(store, date(2026, 4, 1), date(2026, 5, 1), ZONE)
    assert post.networks == ("bluesky",)


def test_state_shown_is_the_most_urgent(store: Store) -> None:
    pid = add_post(
        store,
        "mix",
        datetime(2026, 4, 2, 9),
        {"mastodon": TargetState.PUBLISHED.value, "bluesky": TargetState.FAILED.value},
    )
    post = cq.get_post(store, pid, ZONE)
    assert post is not None and post.state == TargetState.FAILED.value


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("100%", {"Soldes à 100% garanties"}),
        ("%", {"Soldes à 100% garanties"}),
        ("_", {"fichier_nom.jpg"}),
        ("a_b", set()),  # "_" is not a wildcard: "a b" and "axb" do not match
        ("l'atelier", {"Venez à l'atelier"}),
        ('"quoted"', {'Un "quoted" texte'}),
        ("🥐", {"Croissants 🥐 chauds"}),
        ("\\", {"back\\slash"}),
        ("'; DROP TABLE post; --", set()),
        ("CROISSANTS", {"Croissants 🥐 chauds"}),  # case does not matter (ASCII)
    ],
)
def test_search_takes_any_character_literally(store: Store, needle: str, expected: set[str]) -> None:
    for text in (
        "Soldes à 100% garanties",
        "fichier_nom.jpg",
        "a b et axb",
        "Venez à l'atelier",
        'Un "quoted" texte',
        "Croissants 🥐 chauds",
        "back\\slash",
    ):
        add_post(store, text, datetime(2026, 4, 2, 9))
    found = cq.find_posts(store, cq.PostFilter(text=needle), ZONE)
    assert {p.text for p in found} == expected
    with store.session() as session:  # the table survived
        assert len(session.exec(select(Post)).all()) == 7


def test_search_filters_by_network_and_state_and_date(store: Store) -> None:
    a = add_post(store, "a", datetime(2026, 4, 2, 9), {"mastodon": TargetState.SCHEDULED.value})
    b = add_post(store, "b", datetime(2026, 4, 3, 9), {"facebook": TargetState.DRAFT.value})
    c = add_post(store, "c", None, {"facebook": TargetState.DRAFT.value})
    old = add_post(store, "old", datetime(2026, 1, 3, 9), {"facebook": TargetState.PUBLISHED.value})
    assert [p.id for p in cq.find_posts(store, cq.PostFilter(networks=frozenset({"facebook"})), ZONE)] == [
        old,
        b,
        c,
    ]
    drafts = cq.find_posts(store, cq.PostFilter(states=frozenset({"draft"})), ZONE)
    assert [p.id for p in drafts] == [b, c]
    since = cq.find_posts(store, cq.PostFilter(since_utc=NOW), ZONE)
    assert [p.id for p in since] == [a, b]


def test_reschedule_moves_scheduled_targets_and_keeps_drafts(store: Store) -> None:
    pid = add_post(
        store,
        "x",
        datetime(2026, 4, 2, 9),
        {"mastodon": TargetState.SCHEDULED.value, "bluesky": TargetState.DRAFT.value},
    )
    new = datetime(2026, 4, 20, 18, 15)
    assert cq.reschedule(store, pid, new, ZONE, NOW) == []
    with store.session() as session:
        post = session.get(Post, pid)
        assert post is not None and post.local_time == new and post.scheduled_utc == to_utc(new, ZONE)
        targets = {t.network: t for t in session.exec(select(PostTarget))}
    assert targets["mastodon"].next_attempt_utc == to_utc(new, ZONE)
    assert targets["mastodon"].state == TargetState.SCHEDULED.value
    assert targets["bluesky"].state == TargetState.DRAFT.value


def test_reschedule_refuses_the_past_and_sent_posts(store: Store) -> None:
    pid = add_post(store, "x", datetime(2026, 4, 2, 9))
    problems = cq.reschedule(store, pid, datetime(2026, 3, 1, 9), ZONE, NOW)
    assert [p.code for p in problems] == ["past"]
    assert "already passed" in problems[0].message("en") and "déjà passée" in problems[0].message("fr")
    sent = add_post(store, "y", datetime(2026, 4, 2, 9), {"mastodon": TargetState.PUBLISHED.value})
    assert [p.code for p in cq.reschedule(store, sent, datetime(2026, 5, 1, 9), ZONE, NOW)] == [
        "already_sent"
    ]
    assert [p.code for p in cq.reschedule(store, 9999, datetime(2026, 5, 1, 9), ZONE, NOW)] == ["gone"]
    # A DST gap: 02:30 does not exist in Paris on 29 March 2026.
    assert "nonexistent" in [
        p.code for p in cq.reschedule(store, pid, datetime(2026, 3, 29, 2, 30), ZONE, NOW)
    ]


def test_native_schedule_is_reported_after_a_move(store: Store) -> None:
    pid = add_post(store, "x", datetime(2026, 4, 2, 9), native="masto-123")
    plain = add_post(store, "y", datetime(2026, 4, 2, 9))
    assert cq.natively_scheduled(store, pid) and not cq.natively_scheduled(store, plain)


def test_back_to_drafts_duplicate_delete(store: Store) -> None:
    pid = add_post(store, "Galette", datetime(2026, 4, 2, 9), {"mastodon": TargetState.SCHEDULED.value})
    with store.session() as session:
        session.add(Media(post_id=pid, stored_path="media/a.jpg", sha256="a" * 64, width=10, height=10))
        session.commit()
    assert cq.back_to_drafts(store, pid) == []
    post = cq.get_post(store, pid, ZONE)
    assert post is not None and post.state == TargetState.DRAFT.value
    copy = cq.duplicate_post(store, pid)
    view = cq.get_post(store, copy, ZONE)
    assert view is not None and view.text == "Galette" and view.local == datetime(2026, 4, 2, 9)
    with store.session() as session:
        assert len(session.exec(select(Media).where(col(Media.post_id) == copy)).all()) == 1
    assert cq.delete_post(store, pid) == []
    assert cq.get_post(store, pid, ZONE) is None
    with store.session() as session:
        assert session.exec(select(PostTarget).where(col(PostTarget.post_id) == pid)).all() == []
    sending = add_post(store, "z", datetime(2026, 4, 2, 9), {"mastodon": TargetState.SENDING.value})
    assert [p.code for p in cq.delete_post(store, sending)] == ["sending"]
    assert [p.code for p in cq.back_to_drafts(store, sending)] == ["sending"]


def test_slots_round_trip_and_times(store: Store) -> None:
    sid = cq.add_slot(store, "mastodon", 0, 9 * 60 + 30)
    cq.add_slot(store, "facebook", 2, 18 * 60)
    slots = cq.list_slots(store)
    assert [(s.network, s.weekday, s.minute_of_day) for s in slots] == [
        ("mastodon", 0, 570),
        ("facebook", 2, 1080),
    ]
    times = cq.slot_times_between(slots, date(2026, 3, 9), 7)  # Monday 9 March
    assert [t.local for t in times] == [datetime(2026, 3, 9, 9, 30), datetime(2026, 3, 11, 18, 0)]
    cq.remove_slot(store, sid)
    assert len(cq.list_slots(store)) == 1
    with pytest.raises(ValueError):
        cq.add_slot(store, "mastodon", 7, 0)


def test_moments_and_coming_up() -> None:
    may = cq.moments_between("FR", date(2026, 5, 1), date(2026, 5, 31))
    assert "mothers_day" in {m.code for m in may}
    soon = cq.coming_up("FR", date(2026, 5, 20), days=30)
    assert any(m.code == "mothers_day" for m in soon)
    assert cq.coming_up("", date(2026, 5, 20)) == []
    assert cq.coming_up("ZZ", date(2026, 5, 20)) == []


def test_escape_like() -> None:
    assert cq.escape_like("50%_off\\") == "50\\%\\_off\\\\"


def test_the_plans_ideas_are_on_the_calendar_as_suggestions_until_they_become_posts(store: Store) -> None:
    """The wizard's ideas have a suggested day but no schedule: posts_between never saw them (they vanished
    from the calendar); suggestions_between shows each on its day, and not once it is a post with a target."""
    from cm_desktop.core import onboarding
    from cm_desktop.core.coach import Goal, ProfileAnswers
    from cm_desktop.core.models import BusinessKind

    answers = ProfileAnswers(
        kind=BusinessKind.SHOP,
        goals=(Goal.BRING_PEOPLE_IN,),
        weekly_minutes=15,
        country="FR",
        town="Lyon",
        language="fr",
        business_name="Fleurs de Lyon",
    )
    plan = onboarding.build_plan(answers, ZONE, date(2026, 5, 18))
    onboarding.apply(store, answers, ZONE, plan)
    first, last = date(2026, 5, 18), date(2026, 6, 15)
    suggested = cq.suggestions_between(store, first, last, ZONE)
    wanted = [s for s in plan.suggestions if first <= s.local_time.date() < last]
    assert len(suggested) == len(wanted) > 0
    assert cq.posts_between(store, first, last, ZONE) == []  # the calendar's posts: none of them
    assert all(
        cq.is_suggestion(s) and s.local is not None and first <= s.local.date() < last for s in suggested
    )
    assert sorted(s.local for s in suggested if s.local) == sorted(
        s.local_time.replace(tzinfo=None) for s in wanted
    )
    # A narrower range keeps only its own days.
    one_week = cq.suggestions_between(store, first, first.replace(day=25), ZONE)
    assert 0 < len(one_week) < len(suggested)
    # Once the person gives it a network, it is a draft: no longer a suggestion.
    chosen = suggested[0]
    with store.session() as session:
        session.add(PostTarget(post_id=chosen.id, network="bluesky", state=TargetState.DRAFT.value))
        session.commit()
    assert chosen.id not in {s.id for s in cq.suggestions_between(store, first, last, ZONE)}
    # A post the person wrote, with a day but no network yet, is not a suggestion either.
    with store.session() as session:
        session.add(Post(text="à moi", local_time=datetime(2026, 5, 20, 9), time_zone=ZONE))
        session.commit()
    assert "à moi" not in {s.text for s in cq.suggestions_between(store, first, last, ZONE)}
