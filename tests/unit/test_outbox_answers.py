"""The person's side of the outbox: assisted publishing answers, the status board, late posts in their zone.

A real store (SQLite with migrations) and the real engine; no network is involved (assisted targets never
reach a connector, and the late check happens before any send).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image
from sqlmodel import select

from cm_desktop.core.media import import_original
from cm_desktop.core.models import Account, Post, PostTarget
from cm_desktop.core.outbox import NoConnector, Outbox, OutboxPolicy, assisted, queue_post, targets
from cm_desktop.core.outbox.late import answer_late
from cm_desktop.core.outbox.status import load_board
from cm_desktop.core.posts import PostImage
from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import Store, open_store

T0 = datetime(2026, 3, 27, 8, 0, tzinfo=UTC)  # a Friday; Paris changes to summer time on Sunday 29th


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield opened
    opened.close()


def no_connector(account: Account) -> object:
    raise NoConnector(account.network)


def outbox(store: Store, clock: ManualClock) -> Outbox:
    return Outbox(store, no_connector, clock, policy=OutboxPolicy())  # type: ignore[arg-type]


def state_of(store: Store, target_id: int) -> PostTarget:
    with store.session() as session:
        row = session.get(PostTarget, target_id)
        assert row is not None
        return row


def test_assisted_target_waits_then_is_marked_posted_once(store: Store) -> None:
    clock = ManualClock(T0)
    _post, (target,) = queue_post(
        store, text="Soldes ce week-end !", account_ids=[], when_utc=T0, assisted_networks=["instagram"]
    )
    assert assisted.waiting(store, Path("/data")) == []  # not yet moved by a run
    outcomes = outbox(store, clock).run()
    assert [(o.event, o.state) for o in outcomes] == [("assisted", "assisted_pending")]
    (item,) = assisted.waiting(store, Path("/data"))
    assert (item.target_id, item.network, item.text) == (target, "instagram", "Soldes ce week-end !")
    assert item.composer_url == "https://www.instagram.com/"

    assert assisted.mark_posted(store, target, T0, " https://instagram.com/p/abc ") is True
    assert assisted.mark_posted(store, target, T0, "https://other") is False  # a second click changes nothing
    row = state_of(store, target)
    assert (row.state, row.remote_url) == ("published", "https://instagram.com/p/abc")
    assert assisted.waiting(store, Path("/data")) == []


def test_later_brings_the_assistant_back_after_the_snooze_and_skip_returns_to_drafts(store: Store) -> None:
    clock = ManualClock(T0)
    _post, (target,) = queue_post(
        store, text="x", account_ids=[], when_utc=T0, assisted_networks=["linkedin"]
    )
    outbox(store, clock).run()
    assert assisted.snooze(store, target, T0, timedelta(hours=1)) is True
    assert state_of(store, target).state == "scheduled"
    clock.advance(timedelta(minutes=59))
    assert outbox(store, clock).run() == []
    clock.advance(timedelta(minutes=2))
    assert [o.event for o in outbox(store, clock).run()] == ["assisted"]
    assert assisted.skip(store, target, clock.now()) is True
    row = state_of(store, target)
    assert (row.state, row.last_error_code) == ("draft", "skipped")


def test_waiting_item_uses_the_network_text_and_lists_the_pictures(store: Store, tmp_path: Path) -> None:
    data = tmp_path / "data"
    source = tmp_path / "photo.jpg"
    Image.new("RGB", (1600, 1200), (200, 80, 40)).save(source, quality=90)
    stored, sha = import_original(source, data / "media")
    image = PostImage(
        stored_path=str(stored.relative_to(data)), sha256=sha, mime_type="image/jpeg", width=1600, height=1200
    )
    post_id, (target,) = queue_post(
        store, text="general", account_ids=[], when_utc=T0, assisted_networks=["instagram"], images=[image]
    )
    with store.session() as session:
        row = session.get(PostTarget, target)
        assert row is not None
        row.text_override = "for Instagram #atelier"
        session.add(row)
        session.commit()
    outbox(store, ManualClock(T0)).run()
    (item,) = assisted.waiting(store, data, target_id=target)
    assert item.text == "for Instagram #atelier" and item.post_id == post_id
    assert [i.path for i in item.images] == [stored]

    prepared = assisted.prepare_images(item, tmp_path / "renditions")
    with Image.open(prepared[0]) as picture:
        # Instagram's feed takes 4:5 to 1.91:1 and at most 1440 px wide: the pipeline fits the picture.
        assert picture.width <= 1440 and 0.8 <= picture.width / picture.height <= 1.91
        assert not picture.getexif()

    out = tmp_path / "out"
    first = assisted.save_images(prepared, out, "instagram-1")
    second = assisted.save_images(prepared, out, "instagram-1")
    assert first[0].name == "instagram-1-1.jpg" and second[0].name == "instagram-1-1 (2).jpg"
    assert first[0].read_bytes() == prepared[0].read_bytes()


def test_composer_url_fills_the_text_where_the_network_allows_it() -> None:
    text = "Fête de la musique & café ☕ #Lyon"
    url = assisted.composer_url("x", text)
    assert parse_qs(urlsplit(url).query)["text"] == [text]
    assert urlsplit(assisted.composer_url("threads", text)).netloc == "www.threads.net"
    assert assisted.composer_url("instagram", text) == "https://www.instagram.com/"
    long_url = assisted.composer_url("x", "a" * (assisted.MAX_INTENT_TEXT + 1))
    assert "text=" not in long_url and long_url.startswith("https://x.com/")
    assert assisted.composer_url("unknown-network", text) == ""


def test_status_board_groups_targets_by_what_they_need(store: Store) -> None:
    clock = ManualClock(T0)
    with store.session() as session:
        account = Account(network="bluesky", handle="shop.bsky.social", remote_id="did:plc:x")
        session.add(account)
        session.commit()
        assert account.id is not None
        account_id = account.id
    queue_post(store, text="hand", account_ids=[], when_utc=T0, assisted_networks=["facebook"])
    _p, (failed,) = queue_post(store, text="fails", account_ids=[account_id], when_utc=T0)
    _p, (later,) = queue_post(
        store, text="tomorrow", account_ids=[account_id], when_utc=T0 + timedelta(days=1)
    )
    _p, (far,) = queue_post(
        store, text="next month", account_ids=[account_id], when_utc=T0 + timedelta(days=30)
    )
    _p, (sent,) = queue_post(
        store, text="sent <b>bold</b>", account_ids=[account_id], when_utc=T0 - timedelta(days=1)
    )
    with store.session() as session:
        for target_id, state in ((failed, "failed"), (sent, "published")):
            row = session.get(PostTarget, target_id)
            assert row is not None
            row.state = state
            row.last_error_code = "refused" if state == "failed" else ""
            row.last_error_message = "Text too long" if state == "failed" else ""
            row.published_at = T0 - timedelta(hours=3) if state == "published" else None
            row.remote_url = "https://bsky.app/x" if state == "published" else ""
            session.add(row)
        session.commit()
    outbox(store, clock).run()  # moves the assisted one to "waiting for you" (the others have no due send)

    board = load_board(store, clock.now())
    assert [r.text for r in board.to_answer] == ["hand"]
    assert [(r.target_id, r.account) for r in board.failed] == [(failed, "shop.bsky.social")]
    assert "Text too long" in board.failed[0].message("en") and "refusé" in board.failed[0].message("fr")
    assert [r.target_id for r in board.on_the_way] == [later]  # 30 days ahead belongs to the calendar
    assert [(r.target_id, r.url, r.when) for r in board.sent] == [
        (sent, "https://bsky.app/x", T0 - timedelta(hours=3))
    ]
    assert board.waiting_count == 2
    assert far not in {
        r.target_id for group in (board.to_answer, board.failed, board.on_the_way, board.sent) for r in group
    }


def late_post(store: Store, clock: ManualClock) -> tuple[int, int]:
    with store.session() as session:
        account = Account(network="bluesky", handle="a", remote_id="did:plc:a")
        session.add(account)
        session.commit()
        assert account.id is not None
        account_id = account.id
    post_id, (target,) = queue_post(store, text="late", account_ids=[account_id], when_utc=T0, now=T0)
    clock.advance(timedelta(hours=8))  # the machine slept all day
    outcomes = outbox(store, clock).run()
    assert [o.event for o in outcomes] == ["late"]
    return post_id, target


def test_late_post_new_time_is_kept_in_the_business_zone_and_a_dst_gap_is_refused(store: Store) -> None:
    clock = ManualClock(T0)
    post_id, target = late_post(store, clock)
    gap = datetime(2026, 3, 29, 2, 30)  # does not exist in Paris
    problems = answer_late(store, post_id, "new_time", gap, "Europe/Paris", clock.now())
    assert any(p.severity.name == "ERROR" for p in problems)
    assert state_of(store, target).state == "needs_review"  # nothing changed

    assert (
        answer_late(store, post_id, "new_time", datetime(2026, 3, 30, 9, 0), "Europe/Paris", clock.now())
        == []
    )
    row = state_of(store, target)
    with store.session() as session:
        post = session.exec(select(Post).where(Post.id == post_id)).one()
    assert row.state == "scheduled"
    assert (post.local_time, post.time_zone) == (datetime(2026, 3, 30, 9, 0), "Europe/Paris")
    assert row.next_attempt_utc is not None and row.next_attempt_utc.replace(tzinfo=UTC) == datetime(
        2026, 3, 30, 7, 0, tzinfo=UTC
    )


@pytest.mark.parametrize(("kind", "state"), [("now", "scheduled"), ("skip", "draft")])
def test_late_post_publish_now_or_skip(store: Store, kind: str, state: str) -> None:
    clock = ManualClock(T0)
    post_id, target = late_post(store, clock)
    assert answer_late(store, post_id, kind, None, "Europe/Paris", clock.now()) == []
    assert state_of(store, target).state == state
    assert [t.state for t in targets(store, post_id)] == [state]
