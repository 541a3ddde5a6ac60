"""Exactly once under SIGKILL: `cm-desktop publish-due` killed at random moments while it sends to the real PDS.

Each round queues a batch of posts, then starts `python -m cm_desktop publish-due` (a real process, with the
real keychain code over a file backend) and kills it with SIGKILL after a random, seeded delay, again and
again, until every post is published. At the end every post must be on the server exactly once (read back
with com.atproto.repo.listRecords), none missing, and the database must pass `PRAGMA integrity_check`.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from cm_desktop.core.outbox import queue_post
from cm_desktop.core.store import open_store
from tests.integration.outbox_helpers import CliHome, texts_on_server

if TYPE_CHECKING:
    from tests.pds_peer import PdsPeer

pytestmark = pytest.mark.pds

BATCH = 30


@dataclass
class Tally:
    kills: int = 0
    kills_while_sending: int = 0  # a target was left in `sending`: the kill fell inside an attempt
    clean_exits: int = 0
    texts: list[str] = field(default_factory=list)


def _queue(home: CliHome, account_id: int, round_no: int, tally: Tally) -> None:
    store = open_store(home.database, home.data / "backups")
    try:
        now = datetime.now(UTC)
        for i in range(BATCH):
            text = f"crash round {round_no} post {i} ✓"
            queue_post(store, text=text, account_ids=[account_id], when_utc=now, now=now)
            tally.texts.append(text)
    finally:
        store.close()


def _startup_seconds(home: CliHome) -> float:
    """How long the command takes when there is nothing to send: kills are spread around this."""
    started = time.monotonic()
    result = home.run("publish-due", "--json")
    assert result.returncode == 0, result.stderr
    return time.monotonic() - started


def _kill_round(home: CliHome, rng: random.Random, base: float, tally: Tally, max_kills: int) -> None:
    """Start and kill publishers until the queue is empty (or this round's share of kills is spent)."""
    while home.states().get("published", 0) < len(tally.texts):
        process = home.spawn("publish-due", "--json")
        if tally.kills < max_kills:
            # From the middle of start-up to a little past it: most kills land while posts are sent.
            delay = rng.uniform(base * 0.6, base + 0.5)
            try:
                process.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
                process.wait(timeout=10)
                tally.kills += 1
                if home.states().get("sending", 0):
                    tally.kills_while_sending += 1
                assert process.stdout is not None and process.stderr is not None
                process.stdout.close()
                process.stderr.close()
                continue
        out, err = process.communicate(timeout=120)
        assert process.returncode in (0, 1), err.decode()
        tally.clean_exits += 1
        report = json.loads(out)
        assert not [t for t in report["targets"] if t["state"] in ("failed", "needs_review")], report


def _crash_run(pds: PdsPeer, tmp_path: Path, *, kills: int, seed: int) -> Tally:
    home = CliHome(tmp_path)
    handle, did, app_password = pds.create_account("crash")
    account = home.add_bluesky(pds, handle, app_password)
    rng = random.Random(seed)
    tally = Tally()
    base = _startup_seconds(home)
    round_no = 0
    while tally.kills < kills:
        round_no += 1
        _queue(home, account["id"], round_no, tally)
        _kill_round(home, rng, base, tally, kills)
    # Whatever is left goes out in one uninterrupted run.
    _kill_round(home, rng, base, tally, max_kills=0)

    on_server = texts_on_server(pds, did)
    twice = {text: n for text, n in on_server.items() if n > 1}
    missing = set(tally.texts) - set(on_server)
    assert twice == {}, f"posted more than once after {tally.kills} kills: {twice}"
    assert missing == set(), f"lost after {tally.kills} kills: {sorted(missing)[:5]}"
    assert on_server == Counter(tally.texts)
    assert home.states() == Counter({"published": len(tally.texts)})
    assert home.integrity() == "ok"
    print(
        f"\ncrash test: {len(tally.texts)} posts, {tally.kills} SIGKILLs "
        f"({tally.kills_while_sending} with a target caught in `sending`), {tally.clean_exits} clean runs, "
        f"start-up {base:.2f} s"
    )
    return tally


@pytest.mark.timeout(240)
def test_sigkill_at_random_moments_posts_each_post_exactly_once(pds: PdsPeer, tmp_path: Path) -> None:
    tally = _crash_run(pds, tmp_path, kills=50, seed=20260329)
    assert tally.kills >= 50
    assert tally.kills_while_sending >= 5  # the kills did land inside attempts, not only in start-up


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_sigkill_hundreds_of_times(pds: PdsPeer, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("500 kills take about 12 minutes: run with -m slow")
    tally = _crash_run(pds, tmp_path, kills=500, seed=7)
    assert tally.kills >= 500
