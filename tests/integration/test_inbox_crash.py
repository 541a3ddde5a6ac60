"""Exactly one answer under SIGKILL: `cm-desktop publish-due` killed at random moments while it sends answers.

Someone asks a dozen questions under the person's post (real replies on the PDS + AppView); `inbox sync`
stores them and an answer to each is queued as `cm-desktop inbox reply` does. Then the publisher is started
and killed with SIGKILL a random, seeded few milliseconds after it has published one answer, again and
again, until every answer is published. At the end the server's thread must hold exactly one
answer of ours under each question, with the right parent and root, and the store must pass its integrity
check.
"""

from __future__ import annotations

import json
import random
import signal
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cm_desktop.core.inbox.answers import queue_answer
from cm_desktop.core.store import open_store
from tests.appview_peer import Actor, AppViewPeer, Ref
from tests.integration.outbox_helpers import CliHome, list_records

pytestmark = pytest.mark.appview

MAX_ROUNDS, PER_ROUND, KILLS = 6, 10, 12


@dataclass
class Tally:
    kills: int = 0
    while_sending: int = 0


def _ask(
    appview: AppViewPeer, asker: Actor, home: CliHome, root_uri: str, root_cid: str, round_no: int
) -> list[Ref]:
    """Questions under the person's post, synced (`inbox sync`), each answered as `inbox reply` does."""
    questions = [
        asker.reply(root_uri, root_cid, root_uri, root_cid, f"Question {round_no}.{n} : ouvert le {n} août ?")
        for n in range(PER_ROUND)
    ]
    appview.process_all()
    synced = home.run("inbox", "sync", "--json")
    assert synced.returncode == 0, synced.stderr
    listed = json.loads(home.run("inbox", "list", "--json").stdout)
    asked = {i["post_id"]: i["id"] for i in listed if i["kind"] == "reply"}
    assert {q.uri for q in questions} <= set(asked)
    store = open_store(home.database, home.data / "backups")
    try:
        for question in questions:
            queue_answer(
                store,
                asked[question.uri],
                f"Réponse à « {question.rkey} » ✓",
                datetime.now(UTC),
                data_dir=home.data,
                renditions_dir=home.data / "cache" / "renditions",
            )
    finally:
        store.close()
    return questions


def _kill_until_sent(
    home: CliHome, rng: random.Random, tally: Tally, *, expected: int, max_kills: int
) -> None:
    """Start and kill publishers until every answer is published. A kill is triggered by what the store shows,
    not by a delay guessed from the machine's speed: once this run has published one answer, it is killed a
    random few milliseconds later, mostly inside the next answer's send. Every run thus makes progress, and
    a loaded machine changes only where the kills land, not how many there are."""
    while (published := home.states().get("published", 0)) < expected:
        process = home.spawn("publish-due", "--json")
        killed = False
        while tally.kills < max_kills and process.poll() is None:
            if home.states().get("published", 0) > published:
                time.sleep(rng.uniform(0.0, 0.08))
                if process.poll() is None:
                    process.send_signal(signal.SIGKILL)
                    process.wait(timeout=10)
                    killed = True
                break
            time.sleep(0.005)
        if killed:
            tally.kills += 1
            tally.while_sending += bool(home.states().get("sending", 0))
            assert process.stdout is not None and process.stderr is not None
            process.stdout.close()
            process.stderr.close()
            continue
        out, err = process.communicate(timeout=120)
        assert process.returncode in (0, 1), err.decode()
        report = json.loads(out)
        assert not [t for t in report["targets"] if t["state"] in ("failed", "needs_review")], report


@pytest.mark.timeout(300)
def test_sigkill_while_answering_leaves_exactly_one_answer_each(appview: AppViewPeer, tmp_path: Path) -> None:
    home = CliHome(tmp_path)
    handle, did, app_password = appview.create_account("crash")
    account = home.add_bluesky(appview, handle, app_password)
    assert home.run("post", "--to", str(account["id"]), "--text", "Nos horaires d'été").returncode == 0
    assert home.run("publish-due", "--json").returncode == 0
    [target] = json.loads(home.run("status", "--json").stdout)
    questions: list[Ref] = []
    asker = appview.actor("curious")
    root = asker.get(
        "com.atproto.repo.getRecord",
        repo=did,
        collection="app.bsky.feed.post",
        rkey=target["remote_id"].rsplit("/", 1)[-1],
    )
    root_uri, root_cid = str(root["uri"]), str(root["cid"])
    rng = random.Random(20261215)
    tally = Tally()
    round_no = 0
    # More rounds of questions until enough kills landed (each run publishes at least one answer first).
    while tally.kills < KILLS and round_no < MAX_ROUNDS:
        questions += _ask(appview, asker, home, root_uri, root_cid, round_no)
        _kill_until_sent(home, rng, tally, expected=len(questions) + 1, max_kills=KILLS)
        round_no += 1

    ours = [r["value"] for r in list_records(appview, did)]
    ours = [r for r in ours if "reply" in r]  # the person's own first post is not an answer
    assert Counter(r["text"] for r in ours) == Counter(f"Réponse à « {q.rkey} » ✓" for q in questions)
    by_parent = Counter(r["reply"]["parent"]["uri"] for r in ours)
    assert by_parent == Counter(q.uri for q in questions)  # exactly one answer under each question
    assert {(r["reply"]["root"]["uri"], r["reply"]["root"]["cid"]) for r in ours} == {(root_uri, root_cid)}
    assert home.states() == Counter({"published": len(questions) + 1})
    assert home.integrity() == "ok"
    listed = json.loads(home.run("inbox", "list", "--json").stdout)
    assert [i["answered"] for i in listed] == [True] * len(questions)
    print(
        f"\nanswer crash test: {len(questions)} answers, {tally.kills} SIGKILLs "
        f"({tally.while_sending} with an answer caught in `sending`)"
    )
    assert tally.kills >= KILLS
    assert tally.while_sending >= 2  # the kills did land inside sends, not only in start-up
