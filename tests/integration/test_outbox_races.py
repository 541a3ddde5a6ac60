"""Two publishers at once, and "publish now" pressed twice: one record on the real PDS, never two."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from cm_desktop.core.outbox import Outbox, OutboxPolicy, PublisherBusy, TargetOutcome, queue_post, targets
from cm_desktop.core.schedule import SystemClock
from cm_desktop.core.store import Store, open_store
from cm_desktop.platform.secrets import Secrets
from cm_desktop.services.publishing import connector_factory
from tests.integration.outbox_helpers import CliHome, bluesky_account_store, texts_on_server

if TYPE_CHECKING:
    from tests.pds_peer import PdsPeer

pytestmark = pytest.mark.pds


def test_two_publisher_processes_started_together_post_each_once(pds: PdsPeer, tmp_path: Path) -> None:
    home = CliHome(tmp_path)
    handle, did, app_password = pds.create_account("race")
    account = home.add_bluesky(pds, handle, app_password)
    store = open_store(home.database, home.data / "backups")
    now = datetime.now(UTC)
    texts = [f"race {i}" for i in range(20)]
    for text in texts:
        queue_post(store, text=text, account_ids=[account["id"]], when_utc=now, now=now)
    store.close()

    first, second = home.spawn("publish-due", "--json"), home.spawn("publish-due", "--json")
    reports = []
    for process in (first, second):
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0, err.decode()
        reports.append(json.loads(out))

    assert texts_on_server(pds, did) == {t: 1 for t in texts}
    sent = [t for r in reports for t in r["targets"] if t["event"] == "published"]
    assert len(sent) == len(texts)
    assert home.integrity() == "ok"


@pytest.fixture
def bluesky_store(pds: PdsPeer, tmp_path: Path) -> tuple[Store, Secrets, int, str]:
    return bluesky_account_store(pds, tmp_path, "now")


@pytest.mark.parametrize("with_lock", [True, False], ids=["lock-file", "claim-only"])
def test_publish_now_pressed_twice_at_once_makes_one_record(
    pds: PdsPeer, tmp_path: Path, bluesky_store: tuple[Store, Secrets, int, str], with_lock: bool
) -> None:
    """Two outboxes (the app's button and the background job) race on one post; without the lock file the
    conditional claim alone still lets only one of them send."""
    store, secrets, account_id, did = bluesky_store
    later = datetime.now(UTC) + timedelta(hours=3)
    post_id, _ = queue_post(store, text="publish now, twice", account_ids=[account_id], when_utc=later)
    barrier = threading.Barrier(2)
    results: list[list[TargetOutcome] | str] = []

    def press() -> None:
        outbox = Outbox(
            store,
            connector_factory(secrets),
            SystemClock(),
            lock_path=tmp_path / "publisher.lock" if with_lock else None,
            policy=OutboxPolicy(lock_wait=10.0),
        )
        barrier.wait()
        try:
            results.append(outbox.publish_now(post_id))
        except PublisherBusy:
            results.append("busy")

    threads = [threading.Thread(target=press) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert texts_on_server(pds, did) == {"publish now, twice": 1}
    assert [t.state for t in targets(store, post_id)] == ["published"]
    published = [o for r in results if isinstance(r, list) for o in r if o.event == "published"]
    assert len(published) == 1
    store.close()
