"""One Bluesky session per account inside the app, against Bluesky's own PDS and AppView on loopback.

The app's outbox, its inbox readers and its results counters take their connectors from one ConnectorPool
(services/publishing.py), as ui/app.py wires them. The access token is made to expire, then the three run at
once. A proxy of ours in front of the PDS holds the session refresh until all three have met the expiry, so
that they are truly at the same point: with one connector per account they wait for one refresh and carry on
with its tokens. With a connector each (as before this test), each traded the same refresh token: three
refreshSession calls here. The reference PDS forgives a refresh token used again within its grace period
(two hours), so it logged nobody out; a server that holds refresh tokens to single use would have refused all
but the first, and the account would have been marked to reconnect. The count is what this test holds.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from cm_desktop.core.models import Account, AccountStatus
from cm_desktop.core.outbox import queue_post
from cm_desktop.core.store import Store, open_store
from cm_desktop.networks.bluesky import BlueskyConnector
from cm_desktop.platform.paths import AppPaths
from cm_desktop.platform.secrets import Secrets
from cm_desktop.services.accounts.connect import connect_bluesky
from cm_desktop.services.inbox import readers_over, sync_inbox
from cm_desktop.services.publishing import AppPublishing
from cm_desktop.services.results import counters_over, sync_results
from tests.appview_peer import AppViewPeer
from tests.integration.bluesky_tokens import expired_copy
from tests.integration.fault_proxy import FaultProxy

pytestmark = pytest.mark.appview

PARTIES = 3  # the outbox, the inbox, the results


@dataclass
class RefreshHeldUntilAllExpired(FaultProxy):
    """Forwards everything; a refreshSession waits until `PARTIES` calls were answered ExpiredToken (the
    wait has a bound only so that a broken run ends: the test then fails on the count, never on a time)."""

    expired: int = 0
    everyone_expired: threading.Event = field(default_factory=threading.Event)

    def _forward(
        self, method: str, path: str, headers: list[tuple[str, str]], body: bytes
    ) -> tuple[int, str, dict[str, str], bytes]:
        if "refreshSession" in path:
            self.everyone_expired.wait(timeout=60)
        answer = super()._forward(method, path, headers, body)
        if answer[0] == 400 and b"ExpiredToken" in answer[3]:
            with self._lock:
                self.expired += 1
                if self.expired >= PARTIES:
                    self.everyone_expired.set()
        return answer


@dataclass
class Shop:
    paths: AppPaths
    store: Store
    secrets: Secrets
    account: Account


@pytest.fixture
def shop(appview: AppViewPeer, tmp_path: Path) -> Iterator[Shop]:
    paths = AppPaths(data=tmp_path / "data", logs=tmp_path / "logs")
    paths.data.mkdir(parents=True)
    store = open_store(paths.database, paths.backups)
    secrets = Secrets()
    handle, _did, app_password = appview.create_account("pool")
    account = connect_bluesky(store, secrets, handle, app_password, appview.url, appview.plc_url)
    appview.process_all()  # the AppView knows the new account (its profile counts) before the test reads
    try:
        yield Shop(paths, store, secrets, account)
    finally:
        store.close()


def test_the_outbox_and_two_readers_share_one_session_across_a_refresh(shop: Shop) -> None:
    session = json.loads(shop.secrets.get(shop.account.secret_ref) or "{}")
    now = datetime.now(UTC)
    queue_post(
        shop.store, text="Ouvert ce dimanche 🌷", account_ids=[shop.account.id or 0], when_utc=now, now=now
    )
    proxy = RefreshHeldUntilAllExpired(upstream=session["service"]).start()
    publishing = AppPublishing(shop.paths, shop.store, shop.secrets)
    try:
        # The access token expired, as it does every two hours; every call goes through the proxy.
        session["accessJwt"] = expired_copy(session["accessJwt"])
        session["service"] = proxy.url
        shop.secrets.set(shop.account.secret_ref, json.dumps(session))

        pool = publishing.pool
        readers = readers_over(pool.get, owns_connectors=False)
        counters = counters_over(pool.get, owns_connectors=False)
        outcomes = run_at_once(
            publishing.run,
            lambda: sync_inbox(shop.paths, shop.store, readers),
            lambda: sync_results(shop.paths, shop.store, counters, now=datetime.now(UTC)),
        )

        assert proxy.expired == PARTIES  # all three met the expired token at the same time...
        assert proxy.count("com.atproto.server.refreshSession") == 1  # ...and one refresh served them all
        [sent] = outcomes[0]
        assert (sent.state, sent.error_code) == ("published", "")
        [read] = outcomes[1].results
        assert (outcomes[1].busy, read.error_code) == (False, "")
        [counted] = outcomes[2].results
        assert (outcomes[2].busy, counted.error_code, counted.followers) == (False, "", 0)
        # Nobody was logged out: the account needs no reconnecting, the pool's connector (never closed by
        # the readers) and a new one made from the keychain both still work.
        with shop.store.session() as opened:
            row = opened.get(Account, shop.account.id)
            assert row is not None and row.status == AccountStatus.OK.value
        assert pool.get(shop.account).verify().handle == shop.account.handle
        # One post on the server: the refresh in the middle of the send did not make it go out twice.
        listed = pool.get(shop.account).call(
            "GET",
            "com.atproto.repo.listRecords",
            params={"repo": shop.account.remote_id, "collection": "app.bsky.feed.post"},
        )
        assert [r["uri"] for r in listed["records"]] == [sent.remote_id]
        with BlueskyConnector(shop.secrets, shop.account.secret_ref) as later:
            assert later.verify().handle == shop.account.handle
        assert proxy.count("com.atproto.server.refreshSession") == 1
    finally:
        publishing.close()
        proxy.stop()


def run_at_once(*jobs: Callable[[], Any]) -> list[Any]:
    """Each job on its own thread, started together; their results in order (an exception is raised here)."""
    start = threading.Barrier(len(jobs))
    results: list[Any] = [None] * len(jobs)
    errors: list[BaseException] = []

    def run(index: int, job: Callable[[], Any]) -> None:
        start.wait()
        try:
            results[index] = job()
        except BaseException as exc:  # re-raised in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    if errors:
        raise errors[0]
    return results
