"""Unclear outcomes, rate limits and no network, between the outbox and the real PDS (tests/integration/fault_proxy.py).

The proxy is ours; the server behind it is Bluesky's reference PDS, so "did the post get created?" is always
answered by the real server (com.atproto.repo.listRecords), never by our own bookkeeping.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlmodel import select

from cm_desktop.core.models import Account, PostTarget
from cm_desktop.core.outbox import (
    Outbox,
    OutboxPolicy,
    TargetOutcome,
    queue_post,
    review_published,
    targets,
)
from cm_desktop.core.schedule import Clock, ManualClock, SystemClock
from cm_desktop.core.store import Store, open_store
from cm_desktop.networks.bluesky import connect
from cm_desktop.platform.secrets import Secrets
from cm_desktop.services.publishing import connector_factory
from tests.integration.fault_proxy import FaultProxy
from tests.integration.outbox_helpers import texts_on_server

if TYPE_CHECKING:
    from tests.pds_peer import PdsPeer

pytestmark = pytest.mark.pds

CLIENT_TIMEOUT = 1.5


@dataclass
class Setup:
    pds: PdsPeer
    proxy: FaultProxy
    store: Store
    secrets: Secrets
    did: str
    account_id: int

    def outbox(self, clock: Clock, **policy: object) -> Outbox:
        return Outbox(
            self.store,
            connector_factory(self.secrets, timeout=CLIENT_TIMEOUT),
            clock,
            policy=OutboxPolicy(**policy),  # type: ignore[arg-type]
        )

    def queue(self, texts: list[str], when: datetime) -> list[int]:
        return [
            queue_post(self.store, text=t, account_ids=[self.account_id], when_utc=when, now=when)[0]
            for t in texts
        ]

    def states(self) -> list[str]:
        return [t.state for t in targets(self.store)]

    def on_server(self) -> dict[str, int]:
        return dict(texts_on_server(self.pds, self.did))


@pytest.fixture
def setup(pds: PdsPeer, tmp_path: Path) -> Iterator[Setup]:
    secrets = Secrets()
    handle, did, app_password = pds.create_account("fault")
    ref = "account:bluesky:fault"
    connect(
        handle, app_password, secrets=secrets, secret_ref=ref, service_url=pds.url, plc_url=pds.plc_url
    ).close()
    with FaultProxy(upstream=pds.url, stall_seconds=CLIENT_TIMEOUT + 1.5) as proxy:
        # Every request of the connector now goes through the proxy.
        session = json.loads(secrets.get(ref) or "{}")
        session["service"] = proxy.url
        secrets.set(ref, json.dumps(session))
        store = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
        with store.session() as s:
            account = Account(network="bluesky", handle=handle, remote_id=did, secret_ref=ref)
            s.add(account)
            s.commit()
            assert account.id is not None
            account_id = account.id
        yield Setup(pds, proxy, store, secrets, did, account_id)
        store.close()


def _run_until_settled(outbox: Outbox, clock: ManualClock, runs: int = 12) -> list[list[TargetOutcome]]:
    history = []
    for _ in range(runs):
        history.append(outbox.run())
        states = {t.state for t in targets(outbox.store)}
        if states <= {"published", "failed", "needs_review"}:
            break
        clock.advance(minutes=5)  # past any backoff
    return history


@pytest.mark.parametrize("fault", ["drop_after", "504", "stall", "drop_before"])
def test_unclear_outcome_ends_with_each_post_on_the_server_exactly_once(setup: Setup, fault: str) -> None:
    clock = ManualClock(datetime.now(UTC))
    texts = [f"{fault} post {i} 🥐" for i in range(3)]
    setup.queue(texts, clock.now())
    setup.proxy.inject(fault, "com.atproto.repo.createRecord")

    _run_until_settled(setup.outbox(clock), clock)

    assert setup.on_server() == {t: 1 for t in texts}
    assert setup.states() == ["published"] * 3
    creates = setup.proxy.count("createRecord")
    # The server saw the first create in every case but "drop_before"; the outbox looked it up instead of
    # sending it again, so exactly one create per post reached the server.
    assert creates == 3
    if fault != "drop_before":
        assert setup.proxy.count("getRecord") >= 1
    with setup.store.session() as session:
        rows = session.exec(select(PostTarget)).all()
        assert all(r.remote_url and r.remote_id.startswith("at://") for r in rows)


def test_the_same_record_key_is_reused_after_an_unclear_outcome(setup: Setup) -> None:
    """drop_before: the server never saw the request; the retry goes out with the very same key."""
    clock = ManualClock(datetime.now(UTC))
    setup.queue(["same key"], clock.now())
    setup.proxy.inject("drop_before", "createRecord")
    outbox = setup.outbox(clock)
    outbox.run()
    with setup.store.session() as session:
        first_key = session.exec(select(PostTarget)).one().idempotency_key
    _run_until_settled(outbox, clock)
    with setup.store.session() as session:
        target = session.exec(select(PostTarget)).one()
    assert target.idempotency_key == first_key
    assert target.remote_id.endswith("/" + first_key)
    assert target.attempts == 2


def test_a_lookup_that_cannot_tell_goes_to_the_person_never_a_blind_retry(setup: Setup) -> None:
    clock = ManualClock(datetime.now(UTC))
    setup.queue(["cannot tell"], clock.now())
    setup.proxy.inject("drop_after", "createRecord")
    setup.proxy.inject("504", "getRecord", times=100)

    _run_until_settled(setup.outbox(clock, max_unclear_lookups=3), clock)

    [target] = targets(setup.store)
    assert target.state == "needs_review"
    assert target.error_code == "unclear"
    assert "Look at your profile" in target.message("en")
    assert "Regardez votre profil" in target.message("fr")
    assert setup.proxy.count("createRecord") == 1  # never sent again
    assert setup.proxy.count("getRecord") == 3
    assert setup.on_server() == {"cannot tell": 1}
    # The person looked and found it.
    assert review_published(setup.store, target.target_id, clock.now())
    assert targets(setup.store)[0].state == "published"


def test_429_waits_for_the_reset_and_nothing_reaches_the_server_before_it(setup: Setup) -> None:
    clock = SystemClock()  # the reset is a real moment: the server's clock and ours
    texts = ["limited 1", "limited 2", "limited 3"]
    setup.queue(texts, clock.now())
    fault = setup.proxy.inject("429", "createRecord", reset_in=2.0)
    outbox = setup.outbox(clock)

    first = outbox.run()
    limited_at = time.time()
    assert [o.event for o in first] == ["rate_limited"]  # the account's other posts were not even tried
    assert setup.states() == ["scheduled"] * 3
    deadline = time.monotonic() + 15
    while set(setup.states()) != {"published"} and time.monotonic() < deadline:
        outbox.run()
        time.sleep(0.2)

    assert setup.on_server() == {t: 1 for t in texts}
    early = [s for s in setup.proxy.forwarded() if limited_at <= s.at < fault.reset_at]
    assert early == []
    assert min(s.at for s in setup.proxy.forwarded("createRecord")) >= fault.reset_at


def test_server_unreachable_posts_wait_quietly_then_go_out_once(setup: Setup) -> None:
    clock = ManualClock(datetime.now(UTC))
    texts = [f"offline {i}" for i in range(4)]
    setup.queue(texts, clock.now())
    setup.proxy.go_offline()
    outbox = setup.outbox(clock)

    for _ in range(5):
        outcomes = outbox.run()
        # One connection attempt per run for the account, not one error per post.
        assert len(outcomes) == 1 and outcomes[0].event == "offline"
        clock.advance(minutes=5)
    rows = targets(setup.store)
    assert [r.state for r in rows] == ["scheduled"] * 4
    assert [r.error_code for r in rows] == [""] * 4
    with setup.store.session() as session:
        assert {t.attempts for t in session.exec(select(PostTarget)).all()} == {0}

    setup.proxy.go_online()
    outbox.run()
    assert setup.states() == ["published"] * 4
    assert setup.on_server() == {t: 1 for t in texts}


def test_connection_cut_mid_request_then_offline_then_back(setup: Setup) -> None:
    """The answer is lost and the network goes down: the post stays `sending` until it can be looked up."""
    clock = ManualClock(datetime.now(UTC))
    setup.queue(["cut then offline"], clock.now())
    setup.proxy.inject("drop_after", "createRecord")
    outbox = setup.outbox(clock, reconcile_delay=timedelta(minutes=1))
    outbox.run()
    assert setup.states() == ["sending"]
    setup.proxy.go_offline()
    for _ in range(6):
        clock.advance(minutes=5)
        outbox.run()
    assert setup.states() == ["sending"]  # could not ask: learnt nothing, and counted nothing
    setup.proxy.go_online()
    clock.advance(minutes=5)
    outbox.run()
    assert setup.states() == ["published"]
    assert setup.on_server() == {"cut then offline": 1}
    assert setup.proxy.count("createRecord") == 1
