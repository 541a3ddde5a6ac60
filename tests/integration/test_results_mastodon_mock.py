"""The Results page's whole Mastodon flow against an IMITATION server: `mastodon-mock` (PyPI) on 127.0.0.1.

This is NOT a real Mastodon: it imitates the API (statuses read several at once, favourites, boosts,
follows) and keeps state. What real servers send is checked by the replays of recorded Mastodon 4.6.4
traffic (tests/unit/test_mastodon_results_replay.py); here the steps fit together: someone likes, boosts,
answers the person's status and follows them; one reading stores counts equal to the server's, followers
too; a status deleted on the server is marked deleted with its last figures.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from cm_desktop.core.models import Account, Post, PostResult, PostTarget
from cm_desktop.core.ports import OutgoingPost
from cm_desktop.core.results import sync
from cm_desktop.core.store import open_store
from cm_desktop.networks.mastodon import MastodonConnector
from cm_desktop.networks.mastodon_results import MastodonCounter
from tests.integration.test_inbox_mastodon_mock import ALICE, as_bob
from tests.integration.test_mastodon_mock import base_url, imitation  # noqa: F401 - the imitation server


def test_imitation_counts_and_followers_equal_the_servers(base_url: str, tmp_path: Path) -> None:  # noqa: F811
    with MastodonConnector(base_url, ALICE) as connector:
        me = connector.verify()
        liked = connector.publish(OutgoingPost(text="Nouveaux vases en grès", idempotency_key="k1"))
        doomed = connector.publish(OutgoingPost(text="Fermé exceptionnellement", idempotency_key="k2"))
    as_bob(base_url, "POST", f"/api/v1/statuses/{liked.remote_id}/favourite")
    as_bob(base_url, "POST", f"/api/v1/statuses/{liked.remote_id}/reblog")
    as_bob(
        base_url,
        "POST",
        "/api/v1/statuses",
        data={"status": "@alice Magnifiques !", "in_reply_to_id": liked.remote_id},
    )
    as_bob(base_url, "POST", f"/api/v1/accounts/{me.remote_id}/follow")

    store = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    published = datetime.now(UTC)
    with store.session() as session:
        account = Account(network="mastodon", handle=me.handle, remote_id=me.remote_id, server_url=base_url)
        session.add(account)
        session.flush()
        targets = []
        for result in (liked, doomed):
            post = Post(text="…")
            session.add(post)
            session.flush()
            target = PostTarget(
                post_id=post.id,  # type: ignore[arg-type]
                account_id=account.id,
                state="published",
                remote_id=result.remote_id,
                published_at=published,
            )
            session.add(target)
            session.flush()
            targets.append(target.id)
        session.commit()
        session.refresh(account)

    def counter_for(_account: Account) -> MastodonCounter:
        return MastodonCounter(MastodonConnector(base_url, ALICE, account_id=me.remote_id))

    [first] = sync.sync_all(store, counter_for, published + timedelta(hours=2)).results

    with MastodonConnector(base_url, ALICE) as connector:
        server = connector.api("GET", f"/api/v1/statuses/{liked.remote_id}")
        profile = connector.api("GET", "/api/v1/accounts/verify_credentials")
    assert (first.error_code, first.posts_read, first.followers) == ("", 2, profile["followers_count"])
    assert profile["followers_count"] == 1
    with store.session() as session:
        row = session.get(PostResult, targets[0])
    assert row is not None
    assert (
        (row.likes, row.reposts, row.replies)
        == (
            server["favourites_count"],
            server["reblogs_count"],
            server["replies_count"],
        )
        == (1, 1, 1)
    )

    with MastodonConnector(base_url, ALICE) as connector:
        connector.delete(doomed.remote_id)
    [second] = sync.sync_all(store, counter_for, published + timedelta(days=1, hours=1)).results

    assert (second.error_code, second.posts_read, second.deleted) == ("", 1, 1)
    with store.session() as session:
        gone = session.get(PostResult, targets[1])
    assert gone is not None and (gone.deleted, gone.fetches, gone.next_fetch_at) == (True, 1, None)
    store.close()
