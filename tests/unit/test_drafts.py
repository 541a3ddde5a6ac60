"""Drafts on a real SQLite store: save, restore, schedule (with DST refusals), hashtag suggestions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlmodel import col, select

from cm_desktop.core.drafts import (
    Draft,
    hashtag_suggestions,
    latest_draft,
    load_draft,
    publish_now,
    readiness_problems,
    save_draft,
    schedule_draft,
)
from cm_desktop.core.models import PostTarget, TargetState
from cm_desktop.core.posts import NewTarget, PostImage
from cm_desktop.core.store import Store, open_store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield s
    s.close()


def draft(text: str = "Galette des rois 👑 chez #BoulangerieMartin", post_id: int | None = None) -> Draft:
    return Draft(
        post_id=post_id,
        text=text,
        targets=(NewTarget("bluesky"), NewTarget("facebook", text_override="Version Facebook")),
        media=(PostImage("media/ab.jpg", "ab" * 32, width=800, height=600, alt="Une galette dorée"),),
    )


def test_save_and_load_round_trip(store: Store) -> None:
    post_id = save_draft(store, draft())
    loaded = load_draft(store, post_id)
    assert loaded == draft(post_id=post_id)
    # Saving again updates in place: no duplicate targets or media.
    save_draft(store, draft("Nouveau texte", post_id=post_id))
    again = load_draft(store, post_id)
    assert again is not None and again.text == "Nouveau texte"
    assert len(again.targets) == 2 and len(again.media) == 1


def test_latest_draft_is_the_one_being_written(store: Store) -> None:
    first = save_draft(store, draft("premier"))
    second = save_draft(store, draft("second"))
    latest = latest_draft(store)
    assert latest is not None and latest.post_id == second
    schedule_draft(
        store, second, datetime(2030, 1, 8, 9, 0), "Europe/Paris", datetime(2026, 11, 25, tzinfo=UTC)
    )
    latest = latest_draft(store)
    assert latest is not None and latest.post_id == first


def test_schedule_refuses_past_and_nonexistent_times(store: Store) -> None:
    post_id = save_draft(store, draft())
    now = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)
    past = schedule_draft(store, post_id, datetime(2027, 2, 28, 9, 0), "Europe/Paris", now)
    assert [p.code for p in past] == ["past"]
    gap = schedule_draft(store, post_id, datetime(2027, 3, 28, 2, 30), "Europe/Paris", now)
    assert [p.code for p in gap] == ["nonexistent"]
    assert "03:00" in gap[0].message("fr")
    with store.session() as session:
        assert {t.state for t in session.exec(select(PostTarget))} == {TargetState.DRAFT.value}


def test_schedule_keeps_9am_paris_on_both_sides_of_dst(store: Store) -> None:
    now = datetime(2027, 1, 1, tzinfo=UTC)
    winter = save_draft(store, draft())
    summer = save_draft(store, draft())
    assert schedule_draft(store, winter, datetime(2027, 3, 27, 9, 0), "Europe/Paris", now) == []
    assert schedule_draft(store, summer, datetime(2027, 3, 29, 9, 0), "Europe/Paris", now) == []
    with store.session() as session:
        due = {t.post_id: t.next_attempt_utc for t in session.exec(select(PostTarget))}
        states = {t.state for t in session.exec(select(PostTarget))}
    assert due[winter] == datetime(2027, 3, 27, 8, 0, tzinfo=UTC)
    assert due[summer] == datetime(2027, 3, 29, 7, 0, tzinfo=UTC)
    assert states == {TargetState.SCHEDULED.value}


def test_publish_now_queues_every_target_for_now(store: Store) -> None:
    post_id = save_draft(store, draft())
    now = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)
    publish_now(store, post_id, now)
    with store.session() as session:
        targets = session.exec(select(PostTarget)).all()
    assert {(t.state, t.next_attempt_utc) for t in targets} == {(TargetState.SCHEDULED.value, now)}


def test_readiness_problems() -> None:
    assert readiness_problems(Draft(text="  ")) and len(readiness_problems(Draft(text="  "))) == 2
    assert readiness_problems(draft()) == []


def test_hashtag_suggestions_come_from_past_posts(store: Store) -> None:
    for text in ("#Lyon et #galette", "Encore #lyon !", "#Lyon #Boulangerie", "pas de tag", "#LyonCentre"):
        save_draft(store, Draft(text=text))
    assert hashtag_suggestions(store, "ly") == ["#Lyon", "#LyonCentre"]
    assert hashtag_suggestions(store, "#gal") == ["#galette"]
    assert hashtag_suggestions(store, "zzz") == []


def test_queue_takes_the_next_free_posting_time_of_the_chosen_networks(store: Store) -> None:
    from cm_desktop.core.drafts import NO_SLOTS, queue_draft
    from cm_desktop.core.models import Slot

    now = datetime(2027, 3, 24, 12, 0, tzinfo=UTC)  # a Wednesday
    first = save_draft(store, draft())
    assert queue_draft(store, first, ["bluesky"], "Europe/Paris", now) == (None, [NO_SLOTS])
    with store.session() as session:
        session.add(Slot(network="bluesky", weekday=3, minute_of_day=9 * 60))  # Thursday 09:00
        session.add(Slot(network="x", weekday=2, minute_of_day=18 * 60))  # not chosen
        session.commit()
    assert queue_draft(store, first, ["bluesky"], "Europe/Paris", now) == (datetime(2027, 3, 25, 9, 0), [])
    second = save_draft(store, draft())
    # Thursday is taken: the next one, after the DST change, is still 09:00 Paris.
    assert queue_draft(store, second, ["bluesky"], "Europe/Paris", now) == (datetime(2027, 4, 1, 9, 0), [])


# --- a scheduled post opened again in the composer -------------------------------------------------------

PARIS = "Europe/Paris"
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def account_draft(store: Store, text: str, post_id: int | None = None) -> tuple[Draft, int]:
    from cm_desktop.core.models import Account

    with store.session() as session:
        account = session.exec(select(Account)).first()
        if account is None:
            account = Account(network="bluesky", handle="atelier.bsky.social", remote_id="did:plc:a")
            session.add(account)
            session.commit()
            session.refresh(account)
        assert account.id is not None
        account_id = account.id
    return (
        Draft(post_id=post_id, text=text, targets=(NewTarget("bluesky", account_id), NewTarget("instagram"))),
        account_id,
    )


def rows(store: Store, post_id: int) -> list[PostTarget]:
    with store.session() as session:
        return list(
            session.exec(select(PostTarget).where(PostTarget.post_id == post_id).order_by(col(PostTarget.id)))
        )


def test_editing_a_scheduled_post_never_adds_a_second_target(store: Store) -> None:
    first, _ = account_draft(store, "Portes ouvertes samedi")
    post_id = save_draft(store, first)
    assert schedule_draft(store, post_id, datetime(2026, 3, 7, 9, 0), PARIS, NOW) == []
    loaded = load_draft(store, post_id)
    assert loaded is not None
    # The person opens it from the calendar and types: autosave runs several times.
    for text in ("Portes ouvertes samedi !", "Portes ouvertes samedi ! 🎉"):
        edited = Draft(
            post_id=post_id,
            text=text,
            targets=tuple(
                NewTarget(t.network, t.account_id, "Pour Insta" if t.network == "instagram" else None)
                for t in loaded.targets
            ),
        )
        save_draft(store, edited)
    targets = rows(store, post_id)
    assert [(t.network or "", t.state) for t in targets] == [
        ("bluesky", "scheduled"),
        ("instagram", "scheduled"),
    ]
    assert targets[1].text_override == "Pour Insta"

    # Moved to another time from the composer: the same targets move, none is added.
    assert schedule_draft(store, post_id, datetime(2026, 3, 8, 10, 0), PARIS, NOW) == []
    moved = rows(store, post_id)
    assert [t.id for t in moved] == [t.id for t in targets]
    assert {t.next_attempt_utc.replace(tzinfo=UTC) for t in moved if t.next_attempt_utc} == {
        datetime(2026, 3, 8, 9, 0, tzinfo=UTC)
    }


def test_a_failed_post_scheduled_again_starts_over_with_its_key(store: Store) -> None:
    first, _ = account_draft(store, "Refusé")
    post_id = save_draft(store, first)
    schedule_draft(store, post_id, datetime(2026, 3, 7, 9, 0), PARIS, NOW)
    with store.session() as session:
        target = session.exec(select(PostTarget).where(PostTarget.post_id == post_id)).first()
        assert target is not None
        target.state, target.attempts, target.idempotency_key = "failed", 6, "key-1"
        target.last_error_code = "refused"
        session.add(target)
        session.commit()
        failed_id = target.id
    loaded = load_draft(store, post_id)
    assert loaded is not None
    save_draft(store, Draft(post_id=post_id, text="Corrigé", targets=loaded.targets))
    assert schedule_draft(store, post_id, datetime(2026, 3, 9, 9, 0), PARIS, NOW) == []
    again = {t.id: t for t in rows(store, post_id)}
    assert len(again) == 2
    retried = again[failed_id]
    assert (retried.state, retried.attempts, retried.idempotency_key, retried.last_error_code) == (
        "scheduled",
        0,
        "key-1",
        "",
    )


def test_a_post_that_went_out_is_not_moved_or_sent_again(store: Store) -> None:
    first, _ = account_draft(store, "Parti")
    post_id = save_draft(store, first)
    schedule_draft(store, post_id, datetime(2026, 3, 7, 9, 0), PARIS, NOW)
    with store.session() as session:
        for target in session.exec(select(PostTarget).where(PostTarget.post_id == post_id)):
            target.state = "published"
            session.add(target)
        session.commit()
    loaded = load_draft(store, post_id)
    assert loaded is not None
    save_draft(store, Draft(post_id=post_id, text="Parti (modifié)", targets=loaded.targets))
    problems = schedule_draft(store, post_id, datetime(2026, 3, 9, 9, 0), PARIS, NOW)
    assert [p.code for p in problems] == ["already_out"] and "dupliquez" in problems[0].message("fr")
    assert [t.state for t in rows(store, post_id)] == ["published", "published"]
    publish_now(store, post_id, NOW)
    assert [t.state for t in rows(store, post_id)] == ["published", "published"]
    loaded = load_draft(store, post_id)
    with store.session() as session:
        from cm_desktop.core.models import Post

        post = session.get(Post, post_id)
        assert post is not None and post.local_time == datetime(2026, 3, 7, 9, 0)
