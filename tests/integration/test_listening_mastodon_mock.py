"""Listening's whole Mastodon flow against an IMITATION server: `mastodon-mock` 0.6.1 (PyPI) on 127.0.0.1.

This is NOT a real Mastodon: it imitates `timelines/tag`, `/api/v2/search` (a plain substring match, always
on), follows, favourites and statuses, and keeps state. What real servers send is checked by the replays of
recorded Mastodon 4.6.4 traffic (tests/unit/test_mastodon_listening_replay.py); here the steps fit together:
Bob asks for a florist; Alice's two searches find his post once, never her own; a second run adds nothing;
her like, follow and answer reach the imitation once; a server that turned its hashtag pages off (and has
no search engine) gives the plain message.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlmodel import select

from cm_desktop.core.listening import board, leads, watches
from cm_desktop.core.listening import messages as m
from cm_desktop.core.listening.run import run_due
from cm_desktop.core.models import Account, WatchResult
from cm_desktop.core.outbox import Outbox
from cm_desktop.core.ports import OutgoingPost
from cm_desktop.core.store import Store, open_store
from cm_desktop.networks.mastodon import MastodonConnector
from cm_desktop.networks.mastodon_listening import MastodonListener
from tests.integration.test_inbox_mastodon_mock import ALICE, as_bob
from tests.integration.test_mastodon_mock import base_url, imitation  # noqa: F401 - the imitation server


def alice_store(base: str, tmp_path: Path) -> tuple[Store, Account]:
    with MastodonConnector(base, ALICE) as connector:
        me = connector.verify()
        connector.publish(
            OutgoingPost(text="Votre fleuriste Lyon depuis 1990 #fleurs", idempotency_key="own")
        )
    store = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    with store.session() as session:
        account = Account(network="mastodon", handle=me.handle, remote_id=me.remote_id, server_url=base)
        session.add(account)
        session.commit()
        session.refresh(account)
    return store, account


def listener_for(base: str, account: Account) -> Any:
    return lambda _a: MastodonListener(MastodonConnector(base, ALICE, account_id=account.remote_id))


def test_imitation_two_searches_find_bobs_question_once_not_alices_own(
    base_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    question = as_bob(
        base_url,
        "POST",
        "/api/v1/statuses",
        data={"status": "Un bon fleuriste Lyon 3e pour un mariage ? #fleurs"},
    )
    as_bob(base_url, "POST", "/api/v1/statuses", data={"status": "Vélo à vendre #velo"})
    store, account = alice_store(base_url, tmp_path)
    now = datetime.now(UTC)
    watches.add(store, account.id or 0, "#fleurs", now)
    watches.add(store, account.id or 0, "fleuriste Lyon", now)
    searcher_for = listener_for(base_url, account)

    first = run_due(store, searcher_for, now)
    assert [r.error_code for r in first.runs] == ["", ""]
    assert [len(r.added) for r in first.runs] == [1, 0]  # both found it; stored once
    [found] = board.results(store)
    assert (found.post_id, found.network, found.text) == (
        str(question["id"]),
        "mastodon",
        "Un bon fleuriste Lyon 3e pour un mariage ? #fleurs",
    )
    assert found.author_handle.startswith("@bob@")
    second = run_due(store, searcher_for, now + timedelta(minutes=16))
    assert [r.added for r in second.runs] == [(), ()]

    # Like, follow and answer, each once.
    leads.request_like(store, found.id, lambda: "k-like")
    leads.request_follow(store, found.id, lambda: "k-follow")
    [liked] = leads.send_likes(store, searcher_for)
    [followed] = leads.send_follows(store, searcher_for)
    assert (liked.state, followed.state) == ("done", "done")
    leads.answer(
        store, found.id, "Bonjour Bob, nous livrons à Lyon !", now, data_dir=tmp_path, renditions_dir=tmp_path
    )
    Outbox(store, lambda _a: MastodonConnector(base_url, ALICE, account_id=account.remote_id)).run()

    with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {ALICE}"}) as alice:
        status = alice.get(f"/api/v1/statuses/{question['id']}").json()
        assert status["favourited"] is True
        bob_id = status["account"]["id"]
        [relation] = alice.get("/api/v1/accounts/relationships", params={"id[]": bob_id}).json()
        assert relation["following"] is True
        context = alice.get(f"/api/v1/statuses/{question['id']}/context").json()
    [answer] = context["descendants"]
    assert answer["account"]["id"] == account.remote_id
    assert "@bob" in answer["content"] and "nous livrons" in answer["content"]
    with store.session() as session:
        row = session.exec(select(WatchResult)).one()
        assert (row.like_state, row.follow_state, row.seen) == ("done", "done", True)
    store.close()


def test_imitation_server_without_search_nor_hashtag_pages_gives_the_plain_message(
    base_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    """The imitation's /api/v2/instance answered (through its fault control plane) with what a Mastodon 4.5+
    server says when its hashtag feeds are turned off and it announces no search engine."""
    store, account = alice_store(base_url, tmp_path)
    body = {
        "configuration": {
            "search": {"enabled": False},
            "timelines_access": {"hashtag_feeds": {"local": "disabled", "remote": "disabled"}},
        }
    }
    rule = {
        "match": {"methods": ["GET"], "path": "/api/v2/instance"},
        "effect": {"type": "status", "status": 200, "body": body},
    }
    with httpx.Client(base_url=base_url) as client:
        client.post("/api/v1/_mock/faults", json=rule).raise_for_status()
    watches.add(store, account.id or 0, "#fleurs", datetime.now(UTC))
    [done] = run_due(store, listener_for(base_url, account), datetime.now(UTC)).runs
    assert done.error_code == m.NO_SEARCH_HERE
    assert done.message("en") == (
        "Your Mastodon server does not search the words of posts, and it has turned its hashtag pages off: "
        "this search cannot be made there. Try it with another account."
    )
    [view] = watches.list_watches(store)
    assert view.error_code == m.NO_SEARCH_HERE
    store.close()
