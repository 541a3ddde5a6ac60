"""The Results page's readings against Bluesky's own PDS and AppView on loopback (tests/appview_peer.py).

The person's account reads through its PDS with its app-password session, exactly as the app does; other
accounts like, repost, reply, quote and follow through the same PDS. What must hold: our counts and
followers equal what the AppView itself says; a like taken back lowers the count we keep; a post deleted on
the network is marked deleted with its last figures, not zeroed; the command line's contract holds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from cm_desktop.core.models import Account, FollowerSnapshot, Post, PostResult, PostTarget
from cm_desktop.core.ports import OutgoingPost
from cm_desktop.core.results import sync
from cm_desktop.core.store import Store, open_store
from cm_desktop.networks.bluesky import BlueskyConnector, connect, new_tid
from cm_desktop.platform.secrets import Secrets
from cm_desktop.services.results import counter_factory
from tests.appview_peer import Actor, AppViewPeer, Ref
from tests.integration.outbox_helpers import CliHome

pytestmark = pytest.mark.appview


@dataclass
class Shop:
    store: Store
    secrets: Secrets
    account: Account
    handle: str
    did: str
    connector: BlueskyConnector

    def publish(self, text: str) -> tuple[Ref, int]:
        """A post on the network, recorded in the store as the outbox records it; -> (its ref, target id)."""
        result = self.connector.publish(OutgoingPost(text=text, idempotency_key=new_tid()))
        with self.store.session() as session:
            post = Post(text=text)
            session.add(post)
            session.flush()
            assert post.id is not None
            target = PostTarget(
                post_id=post.id,
                account_id=self.account.id,
                state="published",
                remote_id=result.remote_id,
                remote_url=result.url,
                published_at=datetime.now(UTC),
            )
            session.add(target)
            session.commit()
            assert target.id is not None
            return Ref(result.remote_id, result.extra["cid"]), target.id

    def sync(self, later: timedelta) -> sync.ResultsSyncResult:
        now = datetime.now(UTC) + later  # the readings are due on their milestones: the clock moves on
        [result] = sync.sync_all(self.store, counter_factory(self.secrets), now, "Europe/Paris").results
        return result

    def figures(self, target_id: int) -> PostResult:
        with self.store.session() as session:
            row = session.get(PostResult, target_id)
        assert row is not None
        return row


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


def appview_counts(actor: Actor, *uris: str) -> dict[str, tuple[int, int, int, int]]:
    views = actor.get("app.bsky.feed.getPosts", uris=list(uris))["posts"]
    return {v["uri"]: (v["likeCount"], v["repostCount"], v["replyCount"], v["quoteCount"]) for v in views}


def test_counts_and_followers_equal_the_appview_then_follow_its_changes(
    appview: AppViewPeer, shop: Shop
) -> None:
    post, target = shop.publish("Les pivoines sont arrivées 🌸")
    quiet, quiet_target = shop.publish("Fermé lundi")
    marie, paul = appview.actor("marie"), appview.actor("paul")
    likes = [fan.like(post.uri, post.cid) for fan in (appview.other, marie, paul)]
    marie.repost(post.uri, post.cid)
    appview.reply(post.uri, post.cid, post.uri, post.cid, "Combien le bouquet ?")
    paul.quote(post.uri, post.cid, "Magnifiques")
    follows = [fan.follow(shop.did) for fan in (marie, paul)]
    appview.process_all()

    first = shop.sync(timedelta(hours=2))

    assert (first.error_code, first.posts_read, first.deleted, first.followers) == ("", 2, 0, 2)
    truth = appview_counts(appview.other, post.uri, quiet.uri)
    assert truth == {post.uri: (3, 1, 1, 1), quiet.uri: (0, 0, 0, 0)}
    for ref, target_id in ((post, target), (quiet, quiet_target)):
        row = shop.figures(target_id)
        assert (row.likes, row.reposts, row.replies, row.quotes) == truth[ref.uri]
    profile = appview.other.get("app.bsky.actor.getProfile", actor=shop.did)
    with shop.store.session() as session:
        [snapshot] = session.exec(select(FollowerSnapshot)).all()
    assert (snapshot.followers, snapshot.following, snapshot.posts) == (
        profile["followersCount"],
        profile["followsCount"],
        profile["postsCount"],
    )

    # A like taken back, an unfollow, and the quiet post deleted on the network.
    marie.delete(likes[1])
    paul.delete(follows[1])
    shop.connector.delete(quiet.uri)
    appview.process_all()
    second = shop.sync(timedelta(days=1, hours=1))

    assert (second.error_code, second.posts_read, second.deleted, second.followers) == ("", 1, 1, 1)
    assert shop.figures(target).likes == 2 == appview_counts(appview.other, post.uri)[post.uri][0]
    gone = shop.figures(quiet_target)
    assert (gone.deleted, gone.fetched_at is not None, gone.next_fetch_at) == (True, True, None)


def test_the_command_line_contract(appview: AppViewPeer, tmp_path: Path) -> None:
    home = CliHome(tmp_path)
    handle, did, app_password = appview.create_account("cli")
    account = home.add_bluesky(appview, handle, app_password)
    queued = home.run("post", "--to", handle, "--text", "Atelier ouvert samedi", "--json")
    assert queued.returncode == 0, queued.stderr
    sent = home.run("publish-due", "--json")
    assert sent.returncode == 0, sent.stderr
    [published] = json.loads(sent.stdout)["targets"]
    appview.actor("fan").like(published["remote_id"], _cid(appview, published["remote_id"]))
    appview.actor("fan").follow(did)
    appview.process_all()

    # Before its first hour, the new post is followed but not read: its figures are null, never 0.
    synced = home.run("insights", "sync", "--json")
    assert synced.returncode == 0, synced.stderr
    report = json.loads(synced.stdout)
    assert (report["busy"], report["watched"]) == (False, 1)
    [reading] = report["accounts"]
    assert (reading["account_id"], reading["error_code"], reading["followers"]) == (account["id"], "", 1)
    [row] = json.loads(home.run("insights", "posts", "--json").stdout)
    expected = {
        "post_id",
        "network",
        "remote_id",
        "url",
        "likes",
        "reposts",
        "replies",
        "quotes",
        "fetched_at",
    }
    assert expected <= row.keys()
    assert (row["network"], row["remote_id"], row["likes"], row["fetched_at"]) == (
        "bluesky",
        published["remote_id"],
        None,
        None,
    )
    [who] = json.loads(home.run("insights", "accounts", "--json").stdout)
    assert {"account_id", "network", "followers", "following", "posts", "history"} <= who.keys()
    assert (who["account_id"], who["network"], who["followers"]) == (account["id"], "bluesky", 1)
    assert [h["followers"] for h in who["history"]] == [1]
    assert home.run("insights", "posts").returncode == 0  # the plain listing too


def _cid(appview: AppViewPeer, uri: str) -> str:
    appview.process_all()
    [view] = appview.other.get("app.bsky.feed.getPosts", uris=[uri])["posts"]
    return str(view["cid"])


def test_the_background_job_reads_the_figures_while_the_app_is_closed(
    appview: AppViewPeer, tmp_path: Path
) -> None:
    """The operating system's job runs exactly `publish_command()`: it sends the post, then reads the figures
    whose turn it is, with no window open; the Results page then shows them from the store."""
    from cm_desktop.platform.background_job import publish_command

    home = CliHome(tmp_path)
    handle, did, app_password = appview.create_account("job")
    account = home.add_bluesky(appview, handle, app_password)
    appview.actor("fan").follow(did)
    appview.process_all()
    queued = home.run("post", "--to", handle, "--text", "Atelier ouvert dimanche", "--json")
    assert queued.returncode == 0, queued.stderr
    job = publish_command(frozen=False)
    assert job[1:3] == ["-m", "cm_desktop"] and "--results" in job

    ran = home.run(*job[3:])

    assert ran.returncode == 0, ran.stderr
    report = json.loads(ran.stdout)
    [published] = report["targets"]
    assert published["state"] == "published"
    results = report["results"]
    assert (results["busy"], results["watched"]) == (False, 1)  # the new post is followed from now on
    [reading] = results["accounts"]
    assert (reading["account_id"], reading["error_code"], reading["followers"]) == (account["id"], "", 1)
    [who] = json.loads(home.run("insights", "accounts", "--json").stdout)
    assert [h["followers"] for h in who["history"]] == [1]
    [row] = json.loads(home.run("insights", "posts", "--json").stdout)
    assert row["remote_id"] == published["remote_id"]

    # Five minutes later: the followers were read today and the post's first hour is not up: no reading.
    again = json.loads(home.run(*job[3:]).stdout)["results"]
    assert again["watched"] == 0
    assert [(a["followers"], a["posts_read"]) for a in again["accounts"]] == [(None, 0)]
