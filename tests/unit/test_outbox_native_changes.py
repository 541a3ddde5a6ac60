"""Copies a server holds for later (Mastodon scheduled_at) when the person moves, edits, unschedules or deletes
the post: the calendar only writes to the store, the outbox's next run changes the server's copy exactly once.

The server here is OUR IMITATION (`Held`, below): an in-memory stand-in for Mastodon's scheduled statuses that
keeps the rules the outbox relies on (a copy 5 minutes ahead or more is scheduled; PUT/DELETE on a copy the
server no longer holds answers 404; a copy is published at its time). The real protocol is exercised against
mastodon-mock in tests/integration/test_outbox_native.py. Every test counts the copies on the imitation: the
post must end up on the server exactly once (or not at all after "back to drafts" and "delete").
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from cm_desktop.core import calendar_query as cq
from cm_desktop.core.drafts import schedule_draft
from cm_desktop.core.models import Account, Media, Post, PostTarget
from cm_desktop.core.outbox import NoConnector, Outbox, OutboxPolicy, queue_post
from cm_desktop.core.outbox import messages as m
from cm_desktop.core.outbox.native import read
from cm_desktop.core.ports import (
    AccountInfo,
    NativeScheduling,
    NotSent,
    OutgoingPost,
    Publisher,
    PublishResult,
    Refused,
    ServerLimits,
    Unknown,
)
from cm_desktop.core.schedule import ManualClock, Severity
from cm_desktop.core.store import Store, open_store

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
DUE = T0 + timedelta(hours=3)  # far enough ahead to be handed to the server
MIN_LEAD = timedelta(minutes=5)


class Crash(BaseException):
    """The process dying right after the server did something (not an Exception: nothing catches it)."""


@dataclass
class Copy:
    text: str
    images: int
    at: datetime


@dataclass
class Status:
    id: str
    text: str
    images: int
    created_at: datetime


@dataclass
class Held:
    """IMITATION of a Mastodon account's scheduled and published statuses (see the module docstring)."""

    clock: ManualClock
    network: str = "mastodon"
    scheduled: dict[str, Copy] = field(default_factory=dict)
    statuses: list[Status] = field(default_factory=list)
    calls: list[str] = field(default_factory=list)
    offline: bool = False
    failing: set[str] = field(default_factory=set)  # requests answered 503 (the server is struggling)
    lag: timedelta = timedelta(0)  # how late the server's scheduler publishes a copy
    crash_after: set[str] = field(default_factory=set)
    during: Callable[[str], None] | None = None  # runs inside each request (what is on disk then?)
    ids: Iterator[int] = field(default_factory=lambda: itertools.count(100))

    # the server's own clock: copies whose time has come are published
    def tick(self) -> None:
        for native_id, copy in list(self.scheduled.items()):
            if copy.at + self.lag <= self.clock.now():
                del self.scheduled[native_id]
                self.statuses.append(Status(f"s{next(self.ids)}", copy.text, copy.images, copy.at))

    def _request(self, name: str) -> None:
        self.calls.append(name)
        if self.offline:
            raise NotSent("no connection", code="cannot_connect")
        if name in self.failing:
            raise Unknown("503", code="server_error")
        if self.during is not None:
            self.during(name)
        self.tick()

    def _done(self, name: str) -> None:
        if name in self.crash_after:
            self.crash_after.discard(name)
            raise Crash(name)

    def copies(self, text: str | None = None) -> int:
        self.tick()
        return sum(1 for c in self.scheduled.values() if text is None or c.text == text) + sum(
            1 for s in self.statuses if text is None or s.text == text
        )

    # Publisher
    def verify(self) -> AccountInfo:  # pragma: no cover - not used by the outbox
        raise NotImplementedError

    def limits(self) -> ServerLimits:  # pragma: no cover
        return ServerLimits()

    def publish(self, post: OutgoingPost) -> PublishResult:
        self._request("publish")
        at = post.scheduled_at
        if at is not None and at - self.clock.now() >= MIN_LEAD:
            native_id = f"n{next(self.ids)}"
            self.scheduled[native_id] = Copy(post.text, len(post.images), at)
            self._done("publish")
            return PublishResult(remote_id=native_id, url="", scheduled=True)
        status = Status(f"s{next(self.ids)}", post.text, len(post.images), self.clock.now())
        self.statuses.append(status)
        self._done("publish")
        return PublishResult(remote_id=status.id, url=f"https://m.test/{status.id}")

    def lookup(self, post: OutgoingPost) -> PublishResult | None:
        self._request("lookup")
        for native_id, copy in self.scheduled.items():
            if copy.text == post.text and copy.images == len(post.images):
                return PublishResult(remote_id=native_id, url="", scheduled=True)
        return self.find_published(post, None, count=False)

    def delete(self, remote_id: str) -> None:  # pragma: no cover
        pass

    def close(self) -> None:
        pass

    # NativeScheduling
    def scheduled_copy(self, native_id: str) -> PublishResult | None:
        self._request("scheduled_copy")
        if native_id not in self.scheduled:
            return None
        return PublishResult(remote_id=native_id, url="", scheduled=True)

    def reschedule(self, native_id: str, when: datetime) -> PublishResult | None:
        self._request("reschedule")
        copy = self.scheduled.get(native_id)
        if copy is None:
            return None
        copy.at = when
        self._done("reschedule")
        return PublishResult(remote_id=native_id, url="", scheduled=True)

    def cancel(self, native_id: str) -> bool:
        self._request("cancel")
        found = self.scheduled.pop(native_id, None) is not None
        self._done("cancel")
        return found

    def find_published(
        self, post: OutgoingPost, since: datetime | None, *, count: bool = True
    ) -> PublishResult | None:
        if count:
            self._request("find_published")
        for status in reversed(self.statuses):
            if status.text == post.text and status.images == len(post.images):
                if since is None or status.created_at >= since:
                    return PublishResult(remote_id=status.id, url=f"https://m.test/{status.id}")
        return None


def test_the_imitation_offers_native_scheduling() -> None:
    held = Held(ManualClock(T0))
    assert isinstance(held, Publisher) and isinstance(held, NativeScheduling)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield opened
    opened.close()


@dataclass
class World:
    store: Store
    clock: ManualClock
    server: Held
    account: int

    def outbox(self) -> Outbox:
        def connector_for(account: Account) -> Publisher:
            if account.id != self.account:
                raise NoConnector(account.network)
            return self.server

        return Outbox(
            self.store,
            connector_for,
            self.clock,
            policy=OutboxPolicy(),
            lock_path=self.store.path.parent / "publisher.lock",
        )

    def run(self) -> list[str]:
        return [o.event for o in self.outbox().run()]

    def queue(self, text: str = "Atelier pain samedi", when: datetime = DUE) -> int:
        post_id, _ = queue_post(self.store, text=text, account_ids=[self.account], when_utc=when, now=T0)
        return post_id

    def rows(self, post_id: int) -> list[PostTarget]:
        with self.store.session() as session:
            return list(
                session.exec(
                    select(PostTarget).where(col(PostTarget.post_id) == post_id).order_by(col(PostTarget.id))
                ).all()
            )

    def row(self, post_id: int) -> PostTarget:
        [row] = self.rows(post_id)
        return row

    def handed_over(self, text: str = "Atelier pain samedi", when: datetime = DUE) -> int:
        post_id = self.queue(text, when)
        assert self.run() == ["handed_to_server"]
        assert len(self.server.scheduled) == 1
        return post_id

    def move(self, post_id: int, when: datetime) -> None:
        local = when.astimezone(UTC).replace(tzinfo=None)
        assert cq.reschedule(self.store, post_id, local, "UTC", self.clock.now()) == []


@pytest.fixture
def world(store: Store) -> World:
    with store.session() as session:
        account = Account(network="mastodon", handle="@boulangerie@m.test", secret_ref="ref")
        session.add(account)
        session.commit()
        assert account.id is not None
    clock = ManualClock(T0)
    return World(store, clock, Held(clock), account.id)


def test_handing_over_records_what_the_server_holds(world: World) -> None:
    post_id = world.handed_over()
    row = world.row(post_id)
    held = read(row.intermediate_ids)
    assert held is not None and row.native_schedule_id in world.server.scheduled
    assert held.at == DUE and held.text == "Atelier pain samedi" and held.images == 0 and held.since == T0
    assert not held.op and not held.withdraw
    assert world.run() == []  # nothing changed: nothing to do, nothing sent


def test_a_move_is_put_on_the_server_once_with_the_change_committed_first(world: World) -> None:
    post_id = world.handed_over()
    native_id = world.row(post_id).native_schedule_id
    seen: list[str] = []

    def on_disk(call: str) -> None:
        row = world.row(post_id)
        held = read(row.intermediate_ids)
        seen.append(f"{call}:{row.state}:{held.op if held else '?'}")

    world.server.during = on_disk
    later = DUE + timedelta(days=1, hours=2)
    world.move(post_id, later)

    assert world.run() == ["native_moved"]
    assert seen == ["reschedule:sending:move"]
    assert world.server.scheduled[native_id].at == later and world.server.copies() == 1
    row = world.row(post_id)
    held = read(row.intermediate_ids)
    assert row.state == "scheduled" and row.native_schedule_id == native_id
    assert held is not None and held.at == later and not held.op
    assert row.next_attempt_utc == later + timedelta(minutes=1)
    world.server.during = None
    assert world.run() == []  # applied once
    world.clock.set(later + timedelta(minutes=2))
    assert world.run() == ["published"]  # the server published it at the new time; we only checked
    assert world.server.copies("Atelier pain samedi") == 1
    assert world.server.calls.count("publish") == 1


def test_a_move_too_near_for_the_server_cancels_its_copy_and_sends_at_the_time(world: World) -> None:
    post_id = world.handed_over()
    world.clock.set(T0 + timedelta(hours=1))
    soon = world.clock.now() + timedelta(minutes=4)
    world.move(post_id, soon)

    assert world.run() == ["native_cancelled"]
    assert world.server.scheduled == {} and world.server.copies() == 0
    row = world.row(post_id)
    assert row.state == "scheduled" and row.native_schedule_id == "" and row.idempotency_key == ""
    assert row.next_attempt_utc == soon
    world.clock.set(soon)
    assert world.run() == ["published"]
    assert world.server.copies("Atelier pain samedi") == 1


@pytest.mark.parametrize("change", ["text", "picture"])
def test_an_edit_cancels_the_copy_and_hands_over_the_new_one_with_a_new_key(
    world: World, change: str
) -> None:
    post_id = world.queue()
    if change == "picture":
        with world.store.session() as session:
            session.add(Media(post_id=post_id, stored_path="/nowhere/a.jpg", sha256="a" * 64))
            session.commit()
    outbox = _outbox_without_pictures(world)
    assert [o.event for o in outbox.run()] == ["handed_to_server"]
    first = world.row(post_id)
    with world.store.session() as session:
        if change == "text":
            post = session.get(Post, post_id)
            assert post is not None
            post.text = "Atelier pain samedi, 15 h"
            session.add(post)
        else:
            media = session.exec(select(Media)).one()
            media.sha256 = "b" * 64  # another picture, same count
            session.add(media)
        session.commit()

    assert [o.event for o in _outbox_without_pictures(world).run()] == ["handed_to_server"]
    second = world.row(post_id)
    assert world.server.calls.count("cancel") == 1
    assert list(world.server.scheduled) == [second.native_schedule_id] != [first.native_schedule_id]
    assert second.idempotency_key and second.idempotency_key != first.idempotency_key
    held = read(second.intermediate_ids)
    assert held is not None and held.at == DUE and not held.op
    expected = "Atelier pain samedi, 15 h" if change == "text" else "Atelier pain samedi"
    assert [c.text for c in world.server.scheduled.values()] == [expected]
    assert [o.event for o in _outbox_without_pictures(world).run()] == []
    world.clock.set(DUE + timedelta(minutes=2))
    assert world.server.copies() == 1


def _outbox_without_pictures(world: World) -> Outbox:
    from cm_desktop.core.ports import OutgoingImage

    def prepare(source: Path, spec: object, cache: Path, focal: tuple[float, float]) -> OutgoingImage:
        return OutgoingImage(path=source, mime_type="image/jpeg", alt="", width=1, height=1)

    return Outbox(
        world.store,
        lambda account: world.server,
        world.clock,
        lock_path=world.store.path.parent / "publisher.lock",
        prepare_image=prepare,
    )


def test_back_to_drafts_cancels_the_copy_and_a_draft_stands_in(world: World) -> None:
    post_id = world.handed_over()
    native_id = world.row(post_id).native_schedule_id
    assert cq.back_to_drafts(world.store, post_id) == []
    held_row, stand_in = world.rows(post_id)
    # Until the server confirms, the copy is still what it holds: the target stays, marked.
    assert held_row.state == "scheduled" and held_row.native_schedule_id == native_id
    assert (read(held_row.intermediate_ids) or pytest.fail("no record")).withdraw == "draft"
    assert (
        stand_in.state == "draft"
        and stand_in.account_id == world.account
        and stand_in.native_schedule_id == ""
    )

    assert world.run() == ["native_cancelled"]
    assert world.server.scheduled == {} and world.server.copies() == 0
    [left] = world.rows(post_id)
    assert left.id == stand_in.id and left.state == "draft"
    view = cq.get_post(world.store, post_id, "UTC")
    assert view is not None and view.state == "draft"
    # Scheduled again later: one new copy.
    assert schedule_draft(world.store, post_id, DUE.replace(tzinfo=None), "UTC", world.clock.now()) == []
    assert world.run() == ["handed_to_server"]
    world.clock.set(DUE + timedelta(minutes=2))
    assert world.server.copies() == 1


def test_back_to_drafts_offline_then_scheduled_again_never_makes_two_copies(world: World) -> None:
    post_id = world.handed_over()
    world.server.offline = True
    assert cq.back_to_drafts(world.store, post_id) == []
    assert (
        schedule_draft(world.store, post_id, (DUE + timedelta(hours=1)).replace(tzinfo=None), "UTC", T0) == []
    )
    events = world.run()
    assert "handed_to_server" not in events and world.server.calls.count("publish") == 1
    held_row, stand_in = world.rows(post_id)
    assert held_row.state == "scheduled" and held_row.last_error_code == m.NATIVE_PENDING
    assert stand_in.state == "scheduled"
    # Even when the stand-in is due, it waits while the old copy may still go out.
    world.server.offline = False
    assert world.run() == ["native_cancelled", "handed_to_server"]
    world.clock.set(DUE + timedelta(hours=2))
    assert world.server.copies() == 1 and len(world.rows(post_id)) == 1


def test_a_stand_in_never_goes_out_while_the_old_copy_cannot_be_cancelled(world: World) -> None:
    post_id = world.handed_over()
    assert cq.back_to_drafts(world.store, post_id) == []
    soon = T0 + timedelta(minutes=20)
    assert schedule_draft(world.store, post_id, soon.replace(tzinfo=None), "UTC", T0) == []
    world.server.failing.add("cancel")  # the server answers, but not to that: the account is not offline
    world.clock.set(soon)  # the stand-in is due
    assert world.run() == ["native_pending"]
    assert world.server.calls.count("publish") == 1  # only the first handover
    world.server.failing.clear()
    assert world.run() == ["native_cancelled", "published"]
    assert world.server.copies() == 1


def test_a_copy_whose_change_failed_is_not_checked_or_recorded_as_moved(world: World) -> None:
    post_id = world.handed_over()
    world.server.lag = timedelta(minutes=5)  # its time has come, the server has not published it yet
    world.clock.set(DUE + timedelta(minutes=2))
    world.move(post_id, DUE + timedelta(days=1))
    world.server.failing.add("reschedule")
    assert world.run() == ["native_pending"]
    assert "lookup" not in world.server.calls  # the usual check would find the copy and take it as moved
    held = read(world.row(post_id).intermediate_ids)
    assert held is not None and held.at == DUE
    world.server.failing.clear()
    world.clock.set(DUE + timedelta(minutes=6))  # meanwhile the server published it at the old time
    [outcome] = world.outbox().run()
    assert (outcome.state, outcome.error_code) == ("published", m.NATIVE_OUT_BEFORE_MOVE)
    assert world.server.copies() == 1


def test_delete_keeps_the_post_until_the_server_copy_is_cancelled(world: World) -> None:
    post_id = world.handed_over()
    with world.store.session() as session:
        session.add(Media(post_id=post_id, stored_path="/nowhere/a.jpg", sha256="a" * 64))
        session.commit()
    problems = cq.delete_post(world.store, post_id)
    assert [(p.code, p.severity) for p in problems] == [("withdrawing", Severity.WARNING)]
    assert "Mastodon" in problems[0].message("en") and "Mastodon" in problems[0].message("fr")
    assert cq.get_post(world.store, post_id, "UTC") is not None  # still there: the copy can still go out
    [row] = world.rows(post_id)
    assert (read(row.intermediate_ids) or pytest.fail("no record")).withdraw == "delete"

    outcomes = world.outbox().run()
    assert [(o.event, o.state) for o in outcomes] == [("native_cancelled", "deleted")]
    assert world.server.scheduled == {} and world.server.copies() == 0
    assert cq.get_post(world.store, post_id, "UTC") is None
    with world.store.session() as session:
        assert session.exec(select(Media)).all() == [] and session.exec(select(PostTarget)).all() == []


def test_delete_of_a_post_without_a_server_copy_is_immediate(world: World) -> None:
    post_id = world.queue(when=T0 + timedelta(minutes=5))  # too near: kept by the outbox, not the server
    assert world.run() == []
    assert cq.delete_post(world.store, post_id) == []
    assert cq.get_post(world.store, post_id, "UTC") is None


def test_404_on_a_move_looks_among_published_posts_first(world: World) -> None:
    post_id = world.handed_over()
    world.clock.set(DUE + timedelta(seconds=30))  # the server published it at its time...
    world.server.tick()
    world.move(post_id, DUE + timedelta(days=1))  # ...before the outbox had checked: still "scheduled"

    outcomes = world.outbox().run()
    assert [(o.event, o.state, o.error_code) for o in outcomes] == [
        ("published", "published", m.NATIVE_OUT_BEFORE_MOVE)
    ]
    assert outcomes[0].url.startswith("https://m.test/s")
    assert "2026-05-04 12:00 UTC" in outcomes[0].message("en")
    assert world.server.calls[-2:] == ["reschedule", "find_published"]
    assert world.server.copies() == 1 and world.server.calls.count("publish") == 1
    assert world.run() == []


def test_404_on_an_edit_asks_the_person_instead_of_posting_a_second_version(world: World) -> None:
    post_id = world.handed_over()
    world.clock.set(DUE + timedelta(minutes=3))
    world.server.tick()
    with world.store.session() as session:
        post = session.get(Post, post_id)
        assert post is not None
        post.text = "Atelier pain samedi (complet)"
        session.add(post)
        session.commit()
    outcomes = world.outbox().run()
    assert [(o.state, o.error_code) for o in outcomes] == [("needs_review", m.NATIVE_CHANGED_TOO_LATE)]
    assert outcomes[0].remote_id.startswith("s")
    assert world.server.copies() == 1 and world.server.calls.count("publish") == 1


def test_404_on_a_delete_keeps_the_post_as_published(world: World) -> None:
    post_id = world.handed_over()
    world.clock.set(DUE + timedelta(minutes=3))
    world.server.tick()
    assert [p.code for p in cq.delete_post(world.store, post_id)] == ["withdrawing"]
    [outcome] = world.outbox().run()
    assert (outcome.state, outcome.error_code) == ("published", m.NATIVE_OUT_BEFORE_WITHDRAW)
    assert cq.get_post(world.store, post_id, "UTC") is not None  # what is out there stays visible
    assert world.server.copies() == 1


def test_404_after_back_to_drafts_puts_a_rescheduled_stand_in_to_review(world: World) -> None:
    post_id = world.handed_over()
    world.server.offline = True
    assert cq.back_to_drafts(world.store, post_id) == []
    assert (
        schedule_draft(world.store, post_id, (DUE + timedelta(days=1)).replace(tzinfo=None), "UTC", T0) == []
    )
    world.run()
    world.clock.set(DUE + timedelta(minutes=20))  # offline until after the server published the old copy
    world.server.offline = False
    outcomes = {o.event: o for o in world.outbox().run()}
    assert outcomes["published"].error_code == m.NATIVE_OUT_BEFORE_WITHDRAW
    assert outcomes["needs_review"].error_code == m.NATIVE_CHANGED_TOO_LATE
    assert world.server.copies() == 1 and world.server.calls.count("publish") == 1


def test_a_copy_deleted_on_the_web_is_handed_over_again_at_the_new_time(world: World) -> None:
    post_id = world.handed_over()
    world.server.scheduled.clear()  # the person deleted it on the server's web page
    later = DUE + timedelta(days=2)
    world.move(post_id, later)
    assert world.run() == ["handed_to_server"]
    row = world.row(post_id)
    assert [c.at for c in world.server.scheduled.values()] == [later]
    assert row.native_schedule_id in world.server.scheduled
    world.clock.set(later + timedelta(minutes=2))
    assert world.server.copies() == 1


def test_gone_near_its_time_and_not_yet_visible_waits_instead_of_sending_again(world: World) -> None:
    post_id = world.handed_over()
    world.clock.set(DUE - timedelta(minutes=2))
    copy = world.server.scheduled.popitem()[1]  # being published: off the schedule, not yet a status
    world.move(post_id, DUE + timedelta(days=1))
    assert world.run() == ["native_pending"]
    row = world.row(post_id)
    assert row.state == "scheduled" and row.last_error_code == m.NATIVE_PENDING and row.native_schedule_id
    world.server.statuses.append(Status("s1", copy.text, copy.images, DUE))  # now it shows
    world.clock.set(DUE + timedelta(minutes=1))
    assert world.run() == ["published"]
    assert world.server.copies() == 1 and world.server.calls.count("publish") == 1


def test_offline_leaves_the_change_pending_without_failure_then_applies_it(world: World) -> None:
    post_id = world.handed_over()
    world.server.offline = True
    world.move(post_id, DUE + timedelta(days=1))
    assert world.run() == ["native_pending"]
    row = world.row(post_id)
    assert row.state == "scheduled" and row.last_error_code == m.NATIVE_PENDING
    assert "Mastodon" in m.message_for(row.last_error_code, "mastodon", row.last_error_message, "fr")
    world.server.offline = False
    assert world.run() == ["native_moved"]
    assert world.row(post_id).last_error_code == ""


@pytest.mark.parametrize(
    ("change", "crash_after", "expected_after"),
    [
        ("move", "reschedule", "native_moved"),
        ("edit", "cancel", "handed_to_server"),
        ("edit", "publish", "handed_to_server"),
        ("drafts", "cancel", "native_cancelled"),
        ("delete", "cancel", "native_cancelled"),
    ],
)
def test_a_crash_between_the_server_and_the_store_converges_without_duplicates(
    world: World, change: str, crash_after: str, expected_after: str
) -> None:
    post_id = world.handed_over()
    later = DUE + timedelta(hours=5)
    if change == "move":
        world.move(post_id, later)
    elif change == "edit":
        with world.store.session() as session:
            post = session.get(Post, post_id)
            assert post is not None
            post.text = "Atelier pain dimanche"
            session.add(post)
            session.commit()
    elif change == "drafts":
        assert cq.back_to_drafts(world.store, post_id) == []
    else:
        assert [p.code for p in cq.delete_post(world.store, post_id)] == ["withdrawing"]
    world.server.crash_after.add(crash_after)
    with pytest.raises(Crash):
        world.outbox().run()  # the server did it; the store never heard
    assert any(r.state == "sending" for r in world.rows(post_id))

    events = world.run()  # a new process
    assert expected_after in events
    assert world.run() == []  # settled
    world.clock.set(later + timedelta(minutes=2))
    world.run()
    expected_copies = {"move": 1, "edit": 1, "drafts": 0, "delete": 0}[change]
    assert world.server.copies() == expected_copies
    if change == "edit":
        assert world.server.copies("Atelier pain dimanche") == 1
    if change == "delete":
        assert cq.get_post(world.store, post_id, "UTC") is None
    with world.store.session() as session:
        assert session.exec(select(PostTarget).where(col(PostTarget.state) == "sending")).all() == []


def test_a_draft_left_holding_a_copy_by_earlier_versions_is_cancelled(world: World) -> None:
    post_id = world.handed_over()
    with world.store.session() as session:  # what "back to drafts" used to do: the copy was forgotten
        row = session.exec(select(PostTarget)).one()
        row.state, row.next_attempt_utc, row.intermediate_ids = "draft", None, "{}"
        session.add(row)
        session.commit()
    assert world.run() == ["native_cancelled"]
    row = world.row(post_id)
    assert row.state == "draft" and row.native_schedule_id == "" and world.server.copies() == 0
    assert json.loads(row.intermediate_ids) == {}


def test_a_copy_handed_over_before_records_existed_is_taken_as_it_is(world: World) -> None:
    post_id = world.handed_over()
    with world.store.session() as session:
        row = session.exec(select(PostTarget)).one()
        row.intermediate_ids = "{}"
        session.add(row)
        session.commit()
    assert world.run() == []  # recorded, nothing sent
    held = read(world.row(post_id).intermediate_ids)
    assert held is not None and held.at == DUE and held.text == "Atelier pain samedi"
    world.move(post_id, DUE + timedelta(hours=1))
    assert world.run() == ["native_moved"]


# --- a server's limits on keeping posts for later, and a move at the last minute (#21) -------------------


class Limited(Held):
    """OUR IMITATION again, keeping Mastodon's limits (mastodon-mock does not; ScheduledStatusValidator in
    Mastodon's source): at most `per_day` copies held for one day and `total` in all, none less than 5 minutes
    ahead of the server's clock, which runs `skew` ahead of ours (a late local clock); anything else is refused
    (422, Refused)."""

    per_day: int = 25
    total: int = 300
    skew: timedelta = timedelta(0)

    def publish(self, post: OutgoingPost) -> PublishResult:
        at = post.scheduled_at
        if at is not None:
            self.tick()
            if at - (self.clock.now() + self.skew) < MIN_LEAD:
                self._request("publish")
                raise Refused("Scheduled at The scheduled date must be in the future", code="refused")
            same_day = [c for c in self.scheduled.values() if c.at.date() == at.date()]
            if len(same_day) >= self.per_day:
                self._request("publish")
                raise Refused("You have exceeded the limit of scheduled statuses per day", code="refused")
            if len(self.scheduled) >= self.total:
                self._request("publish")
                raise Refused("You have exceeded the limit of scheduled statuses", code="refused")
        return super().publish(post)


def _limited_world(store: Store, **limits: Any) -> World:
    with store.session() as session:
        account = Account(network="mastodon", handle="@b@m.test", secret_ref="ref")
        session.add(account)
        session.commit()
        assert account.id is not None
    clock = ManualClock(T0)
    server = Limited(clock)
    for name, value in limits.items():
        setattr(server, name, value)
    return World(store, clock, server, account.id)


@pytest.mark.parametrize(
    ("limits", "when"),
    [
        # The 26th of a day (a limit of 1 stands for 25: the same rule, fewer rows).
        ({"per_day": 1}, DUE + timedelta(minutes=30)),
        # The 301st in all (a limit of 1 stands for 300), on another day.
        ({"total": 1}, DUE + timedelta(days=3)),
    ],
    ids=["26th-of-the-day", "301st-in-all"],
)
def test_a_post_the_server_will_not_keep_is_sent_by_the_outbox_at_its_time(
    store: Store, limits: dict[str, Any], when: datetime
) -> None:
    """The server refuses to keep one more post: not a failure; kept here, said, sent at its time, once."""
    world = _limited_world(store, **limits)
    world.handed_over("Premier")
    refused = world.queue("Deuxième", when)
    assert world.run() == ["kept_here"]
    row = world.row(refused)
    assert (row.state, row.native_schedule_id, row.last_error_code) == ("scheduled", "", m.NATIVE_REFUSED)
    assert "garder cette publication pour plus tard" in m.message_for(
        row.last_error_code, "mastodon", "", "fr"
    )
    world.clock.advance(timedelta(minutes=20))
    assert world.run() == []  # never handed over again
    world.clock.set(when)
    assert "published" in world.run()
    world.clock.set(when + timedelta(minutes=10))
    assert world.run() == []
    assert world.server.copies("Deuxième") == 1 and world.server.copies("Premier") == 1
    assert world.row(refused).state == "published"


def test_a_late_local_clock_makes_the_server_refuse_a_copy_five_minutes_ahead(store: Store) -> None:
    """The outbox hands a post to the server from 10 minutes ahead (policy.native_min_lead). Here the
    computer's clock is 7 minutes late: for the server the post's time is only 4 minutes away and it refuses
    (422). The post is kept here and sent at its time, once."""
    world = _limited_world(store, skew=timedelta(minutes=7))
    when = T0 + timedelta(minutes=11)
    post_id = world.queue("Juste à temps", when)
    assert world.run() == ["kept_here"]
    row = world.row(post_id)
    assert (row.state, row.native_schedule_id, row.last_error_code) == ("scheduled", "", m.NATIVE_REFUSED)
    assert world.server.copies() == 0
    world.clock.set(when)
    assert "published" in world.run()
    world.clock.set(when + timedelta(minutes=10))
    world.run()
    assert world.server.copies("Juste à temps") == 1
    assert world.row(post_id).state == "published"


def test_a_copy_moved_at_the_last_minute_is_not_published_twice(world: World) -> None:
    """Two minutes before its time, the person moves the post five minutes later: too near to move the copy,
    so it is cancelled, while the server may be publishing it (it answers "cancelled" and publishes anyway).
    The outbox sends the post only after that moment, once it looked among the published posts."""
    post_id = world.handed_over()
    world.clock.set(DUE - timedelta(minutes=2))

    def publish_anyway(name: str) -> None:
        if name == "cancel":  # the server's scheduler had already taken it
            for copy in world.server.scheduled.values():
                world.server.statuses.append(
                    Status(f"s{next(world.server.ids)}", copy.text, copy.images, copy.at)
                )

    world.server.during = publish_anyway
    world.move(post_id, DUE + timedelta(minutes=3))
    assert world.run() == ["native_cancelled"]
    world.server.during = None
    for minutes in (3, 5, 10, 30):
        world.clock.set(DUE + timedelta(minutes=minutes))
        world.run()
    assert world.server.copies("Atelier pain samedi") == 1
    row = world.row(post_id)
    assert row.state == "published" and row.last_error_code == m.NATIVE_OUT_BEFORE_MOVE


def test_moving_only_the_focus_point_keeps_the_servers_copy(world: World) -> None:
    post_id = world.queue()
    with world.store.session() as session:
        session.add(
            Media(post_id=post_id, position=0, sha256="ab", stored_path="a.jpg", focal_x=0.5, focal_y=0.5)
        )
        session.commit()
    world.outbox = lambda: _outbox_without_pictures(world)  # type: ignore[method-assign]
    assert world.run() == ["handed_to_server"]
    with world.store.session() as session:
        media = session.exec(select(Media)).one()
        media.focal_x = 0.2
        session.add(media)
        session.commit()
    world.clock.advance(timedelta(minutes=5))
    assert world.run() == []
    assert "cancel" not in world.server.calls and world.server.copies() == 1
