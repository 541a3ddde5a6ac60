"""The inbox's whole Mastodon flow against an IMITATION server: `mastodon-mock` (PyPI) on 127.0.0.1.

This is NOT a real Mastodon: it imitates the API (statuses, grouped notifications, markers) and keeps state.
What real servers send is checked by the replays of recorded Mastodon 4.6.4 traffic
(tests/unit/test_mastodon_inbox_replay.py); here the steps fit together: someone answers the person's post,
likes and shares it; one reading stores each once; the answer goes out through the outbox under the right
status with its audience; "read" moves the server's marker; a second reading adds nothing.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import httpx
from sqlmodel import select

from cm_desktop.core.inbox import answers, sync
from cm_desktop.core.models import Account, InboxItem
from cm_desktop.core.outbox import Outbox
from cm_desktop.core.ports import OutgoingPost
from cm_desktop.core.store import open_store
from cm_desktop.networks.mastodon import MastodonConnector
from cm_desktop.networks.mastodon_inbox import MastodonReader
from tests.integration.test_mastodon_mock import base_url, imitation  # noqa: F401 - the imitation server

ALICE, BOB = "alice_token", "bob_token"  # the imitation's seeded accounts


def as_bob(base: str, method: str, path: str, **kwargs: object) -> dict[str, object]:
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {BOB}"}) as client:
        response = client.request(method, path, **kwargs)  # type: ignore[arg-type]
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_imitation_reply_like_share_answer_read(base_url: str, tmp_path: Path) -> None:  # noqa: F811
    with MastodonConnector(base_url, ALICE) as connector:
        me = connector.verify()
        post = connector.publish(OutgoingPost(text="Ouvert dimanche de 10 h à 18 h", idempotency_key="k1"))
    question = as_bob(
        base_url,
        "POST",
        "/api/v1/statuses",
        data={"status": "@alice Et le lundi ?", "in_reply_to_id": post.remote_id, "visibility": "unlisted"},
    )
    as_bob(base_url, "POST", f"/api/v1/statuses/{post.remote_id}/favourite")
    as_bob(base_url, "POST", f"/api/v1/statuses/{post.remote_id}/reblog")

    store = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    with store.session() as session:
        account = Account(network="mastodon", handle=me.handle, remote_id=me.remote_id, server_url=base_url)
        session.add(account)
        session.commit()
        session.refresh(account)

    def reader_for(_account: Account) -> MastodonReader:
        return MastodonReader(MastodonConnector(base_url, ALICE, account_id=me.remote_id))

    [first] = sync.sync_all(store, reader_for, datetime.now(UTC)).results
    assert (first.error_code, first.complete) == ("", True)
    with store.session() as session:
        items = list(session.exec(select(InboxItem)).all())
    assert Counter(i.kind for i in items) == {"reply": 1, "like": 1, "repost": 1}
    [reply] = [i for i in items if i.kind == "reply"]
    assert (reply.post_id, reply.subject_id, reply.visibility) == (
        str(question["id"]),
        post.remote_id,
        "unlisted",
    )
    assert reply.author_mention.startswith("@bob@")
    assert {i.subject_text for i in items if i.kind != "reply"} == {"Ouvert dimanche de 10 h à 18 h"}

    assert reply.id is not None
    queued = answers.queue_answer(
        store,
        reply.id,
        "Fermé le lundi, désolé !",
        datetime.now(UTC),
        data_dir=tmp_path,
        renditions_dir=tmp_path,
    )
    assert queued.text.startswith(reply.author_mention)
    Outbox(store, lambda _a: MastodonConnector(base_url, ALICE, account_id=me.remote_id)).run()
    with MastodonConnector(base_url, ALICE) as connector:
        statuses = connector.api("GET", f"/api/v1/accounts/{me.remote_id}/statuses")
    [answer] = [s for s in statuses if s.get("in_reply_to_id") == str(question["id"])]
    assert answer["visibility"] == "unlisted"  # the audience of what it answers
    with store.session() as session:
        assert answers.answer_states(session, [reply.id]) == {reply.id: answers.ANSWERED}

    accounts = answers.mark_read(store, None)
    assert accounts == [account.id]
    with MastodonConnector(base_url, ALICE, account_id=me.remote_id) as connector:
        assert sync.push_seen(store, account, MastodonReader(connector))
        marker = connector.api("GET", "/api/v1/markers", params={"timeline[]": "notifications"})
    assert int(marker["notifications"]["last_read_id"]) >= max(int(i.sort_key) for i in items)

    [second] = sync.sync_all(store, reader_for, datetime.now(UTC)).results
    assert (second.added, second.error_code) == (0, "")
    store.close()
