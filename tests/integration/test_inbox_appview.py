"""The inbox against Bluesky's own PDS and AppView on loopback (tests/appview_peer.py).

The person's account reads through its PDS with its app-password session, exactly as the app does; other
accounts reply, mention, quote, like, repost and follow through the same PDS. What must hold: one sync lists
each interaction once; a second adds nothing; our answer lands in the server's thread under the right
parent and the thread's true root; "read" clears the server's unread count; a deleted post and a blocked
author get a clear state.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from cm_desktop.core.inbox import answers, sync
from cm_desktop.core.inbox.query import list_items
from cm_desktop.core.models import Account, InboxItem
from cm_desktop.core.outbox import Outbox
from cm_desktop.core.ports import Blocked, OutgoingPost, PostGone
from cm_desktop.core.store import Store, open_store
from cm_desktop.networks.bluesky import BlueskyConnector, connect, new_tid
from cm_desktop.platform.secrets import Secrets
from cm_desktop.services.inbox import load_thread, push_seen, reader_factory, server_unread
from cm_desktop.services.publishing import connector_factory
from tests.appview_peer import Actor, AppViewPeer, Ref
from tests.integration.outbox_helpers import CliHome

pytestmark = pytest.mark.appview


@dataclass
class Shop:
    """The person: a store with their connected account, and a connector to post with."""

    store: Store
    secrets: Secrets
    account: Account
    handle: str
    did: str
    connector: BlueskyConnector

    def publish(self, text: str) -> Ref:
        result = self.connector.publish(OutgoingPost(text=text, idempotency_key=new_tid()))
        return Ref(result.remote_id, result.extra["cid"])

    def sync(self) -> sync.SyncResult:
        [result] = sync.sync_all(self.store, reader_factory(self.secrets), datetime.now(UTC)).results
        return result

    def items(self) -> list[InboxItem]:
        with self.store.session() as session:
            return list(session.exec(select(InboxItem).order_by(InboxItem.id)).all())

    def send_answers(self) -> None:
        Outbox(self.store, connector_factory(self.secrets)).run()


@pytest.fixture
def shop(appview: AppViewPeer, tmp_path: Path) -> Iterator[Shop]:
    handle, did, app_password = appview.create_account("shop")
    secrets, ref = Secrets(), f"account:bluesky:{handle}"
    connector = connect(
        handle,
        app_password,
        secrets=secrets,
        secret_ref=ref,
        service_url=appview.url,
        plc_url=appview.plc_url,
    )
    store = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    with store.session() as session:
        account = Account(network="bluesky", handle=handle, remote_id=did, secret_ref=ref)
        session.add(account)
        session.commit()
        session.refresh(account)
    try:
        yield Shop(store, secrets, account, handle, did, connector)
    finally:
        connector.close()
        store.close()


def thread_of(actor: Actor, uri: str) -> dict[str, Any]:
    return actor.get("app.bsky.feed.getPostThread", uri=uri, depth=10)["thread"]


def test_one_sync_lists_each_interaction_once_and_a_second_adds_nothing(
    appview: AppViewPeer, shop: Shop
) -> None:
    post = shop.publish("Nouveaux bouquets de saison, livrés le samedi 💐")
    marie = appview.actor("marie")
    marie.set_profile("Marie Fleurs")
    reply = marie.reply(post.uri, post.cid, post.uri, post.cid, "Vous livrez à Villeurbanne ?")
    mention = appview.mention(shop.handle, "Merci pour le bouquet !")
    quote = appview.quote(post.uri, post.cid, "Regardez ces couleurs")
    for fan in (appview.other, marie, appview.actor("paul")):
        fan.like(post.uri, post.cid)
    appview.repost(post.uri, post.cid)
    appview.follow(shop.did)
    appview.process_all()

    first = shop.sync()
    assert (first.error_code, first.complete, first.added, first.skipped) == ("", True, 8, 0)
    items = shop.items()
    assert Counter(i.kind for i in items) == {
        "reply": 1,
        "mention": 1,
        "quote": 1,
        "like": 3,
        "repost": 1,
        "follow": 1,
    }
    by_kind = {i.kind: i for i in items}
    assert by_kind["reply"].post_id == reply.uri and by_kind["reply"].post_cid == reply.cid
    assert (by_kind["reply"].root_id, by_kind["reply"].subject_id) == (post.uri, post.uri)
    assert by_kind["reply"].author_name == "Marie Fleurs" and by_kind["reply"].author_handle == marie.handle
    assert by_kind["reply"].text == "Vous livrez à Villeurbanne ?"
    assert by_kind["reply"].url.endswith(f"/profile/{marie.handle}/post/{reply.rkey}")
    assert by_kind["mention"].post_id == mention.uri and by_kind["quote"].post_id == quote.uri
    assert by_kind["quote"].subject_id == post.uri
    # What the likes are about: the post's text, read from the network (the app did not post it).
    assert {i.subject_text for i in items if i.kind in ("like", "repost", "quote")} == {
        post_text(post, appview)
    }
    assert set(first.new_to_answer) == {by_kind[k].id for k in ("reply", "mention", "quote")}

    second = shop.sync()
    assert (second.added, second.pages, second.error_code) == (0, 1, "")
    assert len(shop.items()) == 8


def post_text(post: Ref, appview: AppViewPeer) -> str:
    return str(appview.other.get("app.bsky.feed.getPosts", uris=[post.uri])["posts"][0]["record"]["text"])


def test_our_answer_lands_under_the_right_parent_and_the_threads_true_root(
    appview: AppViewPeer, shop: Shop, tmp_path: Path
) -> None:
    root = shop.publish("Atelier composition florale jeudi soir, il reste 3 places")
    marie = appview.actor("marie")
    question = marie.reply(root.uri, root.cid, root.uri, root.cid, "C'est à quelle heure ?")
    appview.process_all()
    shop.sync()
    [item] = [i for i in shop.items() if i.kind == "reply"]
    assert item.id is not None
    answers.queue_answer(
        shop.store,
        item.id,
        "À 19 h, et on finit vers 21 h !",
        datetime.now(UTC),
        data_dir=tmp_path,
        renditions_dir=tmp_path / "r",
    )
    shop.send_answers()
    assert [i.answered for i in list_items(shop.store)] == [True]

    # Marie answers our answer: a reply two levels down, whose thread root is still our first post.
    appview.process_all()
    tree = thread_of(marie, root.uri)
    [asked] = tree["replies"]
    [ours] = asked["replies"]
    assert ours["post"]["author"]["did"] == shop.did
    assert ours["post"]["record"]["reply"] == {"root": root.strong(), "parent": question.strong()}
    answer = Ref(ours["post"]["uri"], ours["post"]["cid"])
    follow_up = marie.reply(answer.uri, answer.cid, root.uri, root.cid, "Et on peut venir à deux ?")
    appview.process_all()
    shop.sync()
    [deeper] = [i for i in shop.items() if i.post_id == follow_up.uri]
    assert (deeper.root_id, deeper.root_cid) == (root.uri, root.cid)
    assert deeper.id is not None
    answers.queue_answer(
        shop.store,
        deeper.id,
        "Oui, bien sûr !",
        datetime.now(UTC),
        data_dir=tmp_path,
        renditions_dir=tmp_path,
    )
    shop.send_answers()
    appview.process_all()
    last = thread_of(marie, follow_up.uri)
    [second] = last["replies"]
    assert second["post"]["record"]["reply"] == {"root": root.strong(), "parent": follow_up.strong()}

    # The conversation pane's thread: the question, our answer and the follow-up, in order.
    thread = load_thread(shop.store, shop.account.id or 0, follow_up.uri, reader_factory(shop.secrets))
    assert [p.remote_id for p in thread.ancestors] == [root.uri, question.uri, answer.uri]
    assert [p.text for p in thread.replies] == ["Oui, bien sûr !"]


def test_read_here_clears_the_servers_unread_count(appview: AppViewPeer, shop: Shop) -> None:
    post = shop.publish("Fermé lundi pour inventaire")
    appview.like(post.uri, post.cid)
    appview.repost(post.uri, post.cid)
    appview.actor("paul").reply(post.uri, post.cid, post.uri, post.cid, "Et mardi ?")
    appview.process_all()
    shop.sync()
    readers = reader_factory(shop.secrets)
    account_id = shop.account.id or 0
    assert server_unread(shop.store, account_id, readers) == 3
    assert not any(i.read for i in shop.items())

    accounts = answers.mark_read(shop.store, None)
    assert push_seen(shop.store, accounts, readers) == {}
    assert server_unread(shop.store, account_id, readers) == 0

    # Seen elsewhere (the phone) is read here at the next sync.
    appview.follow(shop.did)
    appview.process_all()
    shop.sync()
    [follow] = [i for i in shop.items() if i.kind == "follow"]
    assert not follow.read
    with shop.connector as connector:
        now = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        connector.call("POST", "app.bsky.notification.updateSeen", body={"seenAt": now})
    shop.sync()
    assert all(i.read for i in shop.items())


def test_a_deleted_post_and_a_blocked_author_are_said_not_crashed(appview: AppViewPeer, shop: Shop) -> None:
    post = shop.publish("Qui vient au marché dimanche ?")
    gone_soon, blocked = appview.actor("lea"), appview.actor("troll")
    deleted = gone_soon.reply(post.uri, post.cid, post.uri, post.cid, "Moi !")
    rude = blocked.reply(post.uri, post.cid, post.uri, post.cid, "Bof")
    appview.process_all()
    shop.sync()
    gone_soon.delete(deleted)
    with shop.connector as connector:
        connector.call(
            "POST",
            "com.atproto.repo.createRecord",
            body={
                "repo": shop.did,
                "collection": "app.bsky.graph.block",
                "record": {"$type": "app.bsky.graph.block", "subject": blocked.did, "createdAt": now_iso()},
            },
        )
    appview.process_all()
    readers = reader_factory(shop.secrets)
    account_id = shop.account.id or 0
    with pytest.raises(PostGone):
        load_thread(shop.store, account_id, deleted.uri, readers)
    with pytest.raises((Blocked, PostGone)):
        load_thread(shop.store, account_id, rude.uri, readers)
    assert shop.sync().error_code == ""  # reading goes on


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def test_the_command_line_syncs_lists_answers_and_reads(appview: AppViewPeer, tmp_path: Path) -> None:
    home = CliHome(tmp_path)
    handle, did, app_password = appview.create_account("cli")
    account = home.add_bluesky(appview, handle, app_password)
    store = open_store(home.database, home.data / "backups")
    store.close()
    marie = appview.actor("marie")
    mention = marie.mention(handle, "Vous êtes ouverts demain ?")
    appview.like(mention.uri, mention.cid)  # not the person's post: no notification for them
    marie.follow(did)
    appview.process_all()

    synced = home.run("inbox", "sync", "--json")
    assert synced.returncode == 0, synced.stderr
    report = json.loads(synced.stdout)
    assert (report["busy"], report["added"]) == (False, 2)
    assert report["accounts"][0]["account_id"] == account["id"]
    listed = json.loads(home.run("inbox", "list", "--json").stdout)
    assert {i["kind"] for i in listed} == {"mention", "follow"}
    first = next(i for i in listed if i["kind"] == "mention")
    assert {
        "id",
        "account_id",
        "network",
        "kind",
        "author",
        "text",
        "url",
        "remote_id",
        "created_at",
        "read",
    } <= first.keys()
    assert (first["author"], first["text"], first["read"]) == (
        marie.handle,
        f"@{handle} Vous êtes ouverts demain ?",
        False,
    )

    too_long = home.run("inbox", "reply", str(first["id"]), "--text", "x" * 301)
    assert too_long.returncode == 2 and "too long" in too_long.stderr
    queued = home.run("inbox", "reply", str(first["id"]), "--text", "Oui, de 9 h à 19 h !", "--json")
    assert queued.returncode == 0, queued.stderr
    assert json.loads(queued.stdout)["state"] == "scheduled"
    sent = home.run("publish-due", "--json", "--inbox")
    assert sent.returncode == 0, sent.stderr
    outcome = json.loads(sent.stdout)
    assert [t["state"] for t in outcome["targets"]] == ["published"]
    assert outcome["inbox"]["busy"] is False
    appview.process_all()
    [answer] = thread_of(marie, mention.uri)["replies"]
    assert answer["post"]["record"]["text"] == "Oui, de 9 h à 19 h !"

    read = home.run("inbox", "read", "--all", "--json")
    assert read.returncode == 0, read.stderr
    assert json.loads(read.stdout)["not_told"] == []
    unread = home.run("inbox", "list", "--unread", "--json")
    assert json.loads(unread.stdout) == []
    assert marie.get("app.bsky.feed.getPostThread", uri=mention.uri)  # the thread is still there
