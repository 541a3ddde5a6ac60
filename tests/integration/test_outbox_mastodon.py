"""The outbox with Mastodon, against an IMITATION server: `mastodon-mock` (PyPI) on 127.0.0.1, behind our proxy.

Not a real Mastodon (none can run here): the imitation keeps statuses, scheduled statuses and idempotency keys
like Mastodon does. The real server's answers are checked by the recorded-traffic replays in
tests/unit/test_mastodon_replay.py; these tests check what the outbox does with them:
- every retry of one target carries the same Idempotency-Key;
- a post handed to the server with scheduled_at, whose answer was lost, is found again among the scheduled
  statuses (Mastodon ignores the key with scheduled_at, so a blind retry would schedule it twice), then
  followed until the server has published it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from cm_desktop.core.models import Account
from cm_desktop.core.outbox import Outbox, queue_post, targets
from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import Store, open_store
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


@pytest.fixture(scope="module")
def imitation() -> Iterator[str]:
    server = MockServer(host="127.0.0.1")
    server.start()
    try:
        yield server.base_url
    finally:
        server.stop()


@pytest.fixture
def mastodon(imitation: str, tmp_path: Path) -> Iterator[tuple[Store, Secrets, int, FaultProxy, str]]:
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
            account_id = row.id
        yield store, secrets, account_id, proxy, imitation
        store.close()
    with httpx.Client(base_url=imitation) as client:
        client.delete("/api/v1/_mock/faults")


def _api(imitation: str, method: str, path: str, **kwargs: Any) -> Any:
    with httpx.Client(base_url=imitation, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
        response = client.request(method, path, **kwargs)
        response.raise_for_status()
        return response.json()


def _statuses_with(imitation: str, text: str) -> list[dict[str, Any]]:
    me = _api(imitation, "GET", "/api/v1/accounts/verify_credentials")
    found = _api(imitation, "GET", f"/api/v1/accounts/{me['id']}/statuses", params={"limit": 40})
    return [s for s in found if text in s["content"]]


def test_every_retry_of_a_target_carries_the_same_idempotency_key(
    mastodon: tuple[Store, Secrets, int, FaultProxy, str],
) -> None:
    store, secrets, account_id, proxy, imitation = mastodon
    clock = ManualClock(datetime.now(UTC))
    queue_post(store, text="Pain au levain ce matin", account_ids=[account_id], when_utc=clock.now())
    # Twice the server falls over before doing anything (the imitation's 500 fault), once the answer is
    # lost after the server did it: three sends, one key, one status.
    with httpx.Client(base_url=imitation) as client:
        rule = {
            "match": {"methods": ["POST"], "path": "/api/v1/statuses"},
            "effect": {"type": "status", "status": 500},
            "count": 2,
        }
        client.post("/api/v1/_mock/faults", json=rule).raise_for_status()
    proxy.inject("drop_after", "/api/v1/statuses", times=3)  # the first two hit the 500s anyway
    outbox = Outbox(store, connector_factory(secrets, timeout=2.0), clock)
    for _ in range(10):
        outbox.run()
        if [t.state for t in targets(store)] == ["published"]:
            break
        clock.advance(minutes=10)

    sends = proxy.requests("POST", "/api/v1/statuses")
    keys = {s.headers.get("idempotency-key") for s in sends}
    assert len(sends) == 3
    assert len(keys) == 1 and None not in keys
    [target] = targets(store)
    assert target.state == "published"
    assert len(_statuses_with(imitation, "Pain au levain ce matin")) == 1


def test_native_schedule_with_a_lost_answer_is_reconciled_through_scheduled_statuses(
    mastodon: tuple[Store, Secrets, int, FaultProxy, str],
) -> None:
    store, secrets, account_id, proxy, imitation = mastodon
    clock = ManualClock(datetime.now(UTC))
    due = clock.now() + timedelta(minutes=30)
    queue_post(store, text="Atelier samedi 14h", account_ids=[account_id], when_utc=due)
    proxy.inject("drop_after", "/api/v1/statuses")  # the server scheduled it; we never heard back
    outbox = Outbox(store, connector_factory(secrets, timeout=2.0), clock)

    outcomes = outbox.run()

    assert [o.event for o in outcomes] == ["handed_to_server"]
    scheduled = _api(imitation, "GET", "/api/v1/scheduled_statuses")
    assert len(scheduled) == 1  # found again among the scheduled statuses, not scheduled twice
    assert len(proxy.requests("POST", "/api/v1/statuses")) == 1
    with store.session() as session:
        from cm_desktop.core.models import PostTarget

        row = session.get(PostTarget, targets(store)[0].target_id)
        assert row is not None
        assert row.state == "scheduled" and row.native_schedule_id == scheduled[0]["id"]
    # The computer may now be off: nothing more to send. Later runs never hand it over again.
    clock.advance(minutes=10)
    assert outbox.run() == []
    assert len(proxy.requests("POST", "/api/v1/statuses")) == 1

    # The server's own time comes (stand-in for its scheduler: move the imitation's scheduled status to the
    # past; the imitation publishes due ones when its list is next read).
    _api(
        imitation,
        "PUT",
        f"/api/v1/scheduled_statuses/{scheduled[0]['id']}",
        data={"scheduled_at": (datetime.now(UTC) - timedelta(seconds=1)).isoformat()},
    )
    assert _api(imitation, "GET", "/api/v1/scheduled_statuses") == []
    clock.set(due + timedelta(minutes=2))
    outcomes = outbox.run()
    assert [o.event for o in outcomes] == ["published"]
    [status] = _statuses_with(imitation, "Atelier samedi 14h")
    assert outcomes[0].remote_id == status["id"]
    assert len(proxy.requests("POST", "/api/v1/statuses")) == 1  # published by the server, not by us
