"""Posts handed to Mastodon for later, then moved, edited, sent back to drafts or deleted in the calendar.

Against an IMITATION: `mastodon-mock` (PyPI) on 127.0.0.1 behind our fault proxy, with the real connector
(cm_desktop.networks.mastodon) and the real outbox. The imitation keeps scheduled statuses and answers
`PUT` and `DELETE /api/v1/scheduled_statuses/:id` like Mastodon (404 once a copy is gone). It does not refuse
a new time less than 5 minutes ahead as Mastodon does, and it publishes a due copy only when the list of
scheduled statuses is next read (it has no scheduler): `_publish_due` below stands in for the server's clock.
The engine's own branches (crash between the server and the store for every kind of change, 404 near a
copy's time, a stand-in waiting) are in tests/unit/test_outbox_native_changes.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlmodel import col, select

from cm_desktop.core import calendar_query as cq
from cm_desktop.core.models import Account, Post, PostTarget
from cm_desktop.core.outbox import Outbox, queue_post
from cm_desktop.core.outbox import messages as m
from cm_desktop.core.ports import NativeScheduling, Publisher
from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import Store, open_store
from cm_desktop.networks.mastodon import MastodonConnector
from cm_desktop.platform.secrets import Secrets
from cm_desktop.services.publishing import connector_factory
from tests.integration.fault_proxy import FaultProxy

try:
    from mastodon_mock.testing.server import MockServer
except ImportError:  # pragma: no cover - depends on the dev environment
    if os.environ.get("CI") == "true":
        raise
    pytest.skip("mastodon-mock is not installed (pip install mastodon-mock)", allow_module_level=True)

TOKEN = "alice_token"  # the imitation's seeded account
TEXT = "Atelier pain au levain samedi 10 h"


@pytest.fixture(scope="module")
def imitation() -> Iterator[str]:
    server = MockServer(host="127.0.0.1")
    server.start()
    try:
        yield server.base_url
    finally:
        server.stop()


class Crash(BaseException):
    """The process dying right after the server did something."""


class CrashAfterCancel:
    """The real connector, except that the process dies once the server has deleted a scheduled copy."""

    def __init__(self, inner: MastodonConnector) -> None:
        self.inner = inner
        self.network = inner.network

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def cancel(self, native_id: str) -> bool:
        self.inner.cancel(native_id)
        raise Crash(native_id)


class Setup:
    def __init__(
        self, store: Store, secrets: Secrets, account: int, proxy: FaultProxy, imitation: str
    ) -> None:
        self.store, self.secrets, self.account, self.proxy, self.imitation = (
            store,
            secrets,
            account,
            proxy,
            imitation,
        )
        self.clock = ManualClock(datetime.now(UTC))

    def outbox(self, *, crash: bool = False) -> Outbox:
        factory = connector_factory(self.secrets, timeout=2.0)

        def connector_for(account: Account) -> Publisher:
            connector = factory(account)
            assert isinstance(connector, MastodonConnector)
            return CrashAfterCancel(connector) if crash else connector

        return Outbox(
            self.store, connector_for, self.clock, lock_path=self.store.path.parent / "publisher.lock"
        )

    def run(self) -> list[str]:
        return [o.event for o in self.outbox().run()]

    def api(self, method: str, path: str, **kwargs: Any) -> Any:
        with httpx.Client(base_url=self.imitation, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
            response = client.request(method, path, **kwargs)
            response.raise_for_status()
            return response.json()

    def scheduled(self) -> list[dict[str, Any]]:
        return list(self.api("GET", "/api/v1/scheduled_statuses"))

    def statuses(self, text: str = "") -> list[dict[str, Any]]:
        me = self.api("GET", "/api/v1/accounts/verify_credentials")
        found = self.api("GET", f"/api/v1/accounts/{me['id']}/statuses", params={"limit": 40})
        return [s for s in found if text in s["content"]]

    def hand_over(self, text: str = TEXT, lead: timedelta = timedelta(minutes=30)) -> int:
        post_id, _ = queue_post(
            self.store, text=text, account_ids=[self.account], when_utc=self.clock.now() + lead
        )
        assert self.run() == ["handed_to_server"]
        assert len(self.scheduled()) == 1
        return post_id

    def rows(self, post_id: int) -> list[PostTarget]:
        with self.store.session() as session:
            query = select(PostTarget).where(col(PostTarget.post_id) == post_id).order_by(col(PostTarget.id))
            return list(session.exec(query).all())

    def move(self, post_id: int, when: datetime) -> None:
        local = when.astimezone(UTC).replace(tzinfo=None, microsecond=0)
        assert cq.reschedule(self.store, post_id, local, "UTC", self.clock.now()) == []

    def publish_due(self, native_id: str) -> None:
        """The server's own time for this copy comes (the imitation publishes due copies when listed)."""
        past = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
        self.api("PUT", f"/api/v1/scheduled_statuses/{native_id}", data={"scheduled_at": past})
        self.scheduled()


@pytest.fixture
def setup(imitation: str, tmp_path: Path) -> Iterator[Setup]:
    with httpx.Client(base_url=imitation) as client:
        client.post("/api/v1/_mock/reset").raise_for_status()
    secrets = Secrets()
    secrets.set("account:mastodon:alice", TOKEN)
    with FaultProxy(upstream=imitation, stall_seconds=3) as proxy:
        store = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
        with store.session() as session:
            row = Account(
                network="mastodon", handle="@alice", server_url=proxy.url, secret_ref="account:mastodon:alice"
            )
            session.add(row)
            session.commit()
            assert row.id is not None
        yield Setup(store, secrets, row.id, proxy, imitation)
        store.close()


def _at(item: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(str(item["scheduled_at"]).replace("Z", "+00:00"))


def test_the_mastodon_connector_offers_native_scheduling(setup: Setup) -> None:
    connector = MastodonConnector(setup.proxy.url, TOKEN)
    with connector:
        assert isinstance(connector, NativeScheduling)


def test_a_move_puts_the_new_time_on_the_server_copy(setup: Setup) -> None:
    post_id = setup.hand_over()
    [before] = setup.scheduled()
    later = (setup.clock.now() + timedelta(hours=5)).replace(microsecond=0)
    setup.move(post_id, later)

    assert setup.run() == ["native_moved"]
    [after] = setup.scheduled()
    assert after["id"] == before["id"] and _at(after) == later
    assert [r.method for r in setup.proxy.seen if "scheduled_statuses/" in r.path] == ["PUT"]
    assert setup.run() == []  # once


def test_an_edit_replaces_the_copy_with_a_new_idempotency_key(setup: Setup) -> None:
    post_id = setup.hand_over()
    with setup.store.session() as session:
        post = session.get(Post, post_id)
        assert post is not None
        post.text = TEXT + " (complet)"
        session.add(post)
        session.commit()

    assert setup.run() == ["handed_to_server"]
    [copy] = setup.scheduled()
    assert copy["params"]["text"] == TEXT + " (complet)"
    assert len(setup.proxy.requests("DELETE", "scheduled_statuses/")) == 1
    keys = [r.headers.get("idempotency-key") for r in setup.proxy.requests("POST", "/api/v1/statuses")]
    assert len(keys) == 2 and keys[0] != keys[1] and None not in keys
    [row] = setup.rows(post_id)
    assert row.native_schedule_id == copy["id"] and row.idempotency_key == keys[1]


def test_back_to_drafts_and_delete_cancel_the_server_copy(setup: Setup) -> None:
    drafted = setup.hand_over("Brioche du dimanche")
    assert cq.back_to_drafts(setup.store, drafted) == []
    assert setup.run() == ["native_cancelled"]
    assert setup.scheduled() == []
    assert [r.state for r in setup.rows(drafted)] == ["draft"]

    deleted = setup.hand_over("Galette des rois")
    assert [p.code for p in cq.delete_post(setup.store, deleted)] == ["withdrawing"]
    assert setup.run() == ["native_cancelled"]
    assert setup.scheduled() == [] and setup.statuses() == []
    assert cq.get_post(setup.store, deleted, "UTC") is None


def test_a_404_on_the_copy_finds_it_published_before_the_move(setup: Setup) -> None:
    post_id = setup.hand_over()
    setup.publish_due(setup.rows(post_id)[0].native_schedule_id)
    [status] = setup.statuses(TEXT)
    setup.move(post_id, setup.clock.now() + timedelta(hours=3))

    [outcome] = setup.outbox().run()
    assert (outcome.state, outcome.error_code) == ("published", m.NATIVE_OUT_BEFORE_MOVE)
    assert outcome.remote_id == status["id"]
    assert [r.status for r in setup.proxy.requests("PUT", "scheduled_statuses/")] == [404]
    assert len(setup.statuses(TEXT)) == 1 and setup.scheduled() == []
    assert len(setup.proxy.requests("POST", "/api/v1/statuses")) == 1


def test_lost_answers_to_put_and_delete_converge_on_one_copy(setup: Setup) -> None:
    post_id = setup.hand_over()
    later = (setup.clock.now() + timedelta(hours=2)).replace(microsecond=0)
    setup.move(post_id, later)
    setup.proxy.inject("drop_after", "scheduled_statuses/")  # the server moved it; we never heard
    assert setup.run() == ["native_pending"]
    assert setup.run() == ["native_moved"]
    [copy] = setup.scheduled()
    assert _at(copy) == later

    with setup.store.session() as session:
        post = session.get(Post, post_id)
        assert post is not None
        post.text = TEXT + " — nouvelle fournée"
        session.add(post)
        session.commit()
    setup.proxy.inject("drop_after", "scheduled_statuses/")  # the server deleted it; we never heard
    assert setup.run() == ["native_pending"]
    assert setup.scheduled() == []
    assert setup.run() == ["handed_to_server"]  # 404, not among the published posts: handed over again
    [copy] = setup.scheduled()
    assert copy["params"]["text"] == TEXT + " — nouvelle fournée" and _at(copy) == later
    assert setup.statuses() == []


def test_a_crash_after_the_server_deleted_the_copy_of_a_deleted_post(setup: Setup) -> None:
    post_id = setup.hand_over()
    assert [p.code for p in cq.delete_post(setup.store, post_id)] == ["withdrawing"]
    with pytest.raises(Crash):
        setup.outbox(crash=True).run()
    assert setup.scheduled() == []
    assert [r.state for r in setup.rows(post_id)] == ["sending"]  # what the next run finds

    assert setup.run() == ["native_cancelled"]
    assert cq.get_post(setup.store, post_id, "UTC") is None
    assert setup.scheduled() == [] and setup.statuses() == []
