"""Listening against Bluesky's own PDS and AppView on loopback (tests/appview_peer.py).

The person's account searches through its PDS session with `app.bsky.feed.searchPosts`, exactly as the app
does (in the app, over the app's connector pool). A second account posts one matching and one unrelated
text; the person posts a matching text of their own. What must hold: the search finds the first, not the
second, not the person's own; a second run reports nothing new; a like, a follow and an answer reach the
network exactly once; the command line keeps its contract.

The local AppView's search is a plain case-sensitive substring match that ignores `tag`, `lang`, `since`
and `sort` (tests/integration/test_appview_peer.py checks that): the searches here are written so that a
substring match is the right answer, and hashtags are checked by listening itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cm_desktop.core.listening import board, leads, watches
from cm_desktop.core.listening.query import parse
from cm_desktop.core.models import Account
from cm_desktop.core.outbox import Outbox
from cm_desktop.core.ports import OutgoingPost
from cm_desktop.core.store import Store, open_store
from cm_desktop.core.tid import new_tid
from cm_desktop.networks.bluesky import BlueskyConnector, connect
from cm_desktop.networks.bluesky_listening import BlueskyListener
from cm_desktop.platform.paths import AppPaths
from cm_desktop.platform.secrets import Secrets
from cm_desktop.services.listening import AppListening
from cm_desktop.services.publishing import ConnectorPool, connector_factory
from tests.appview_peer import AppViewPeer
from tests.integration.outbox_helpers import CliHome
from tests.integration.test_appview_peer import marker

pytestmark = pytest.mark.appview


@dataclass
class Shop:
    store: Store
    secrets: Secrets
    account: Account
    handle: str
    did: str
    connector: BlueskyConnector
    paths: AppPaths


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
    paths = AppPaths(data=tmp_path / "data", logs=tmp_path / "logs")
    paths.data.mkdir(parents=True)
    store = open_store(paths.database, paths.backups)
    with store.session() as session:
        account = Account(network="bluesky", handle=handle, remote_id=did, secret_ref=ref)
        session.add(account)
        session.commit()
        session.refresh(account)
    try:
        yield Shop(store, secrets, account, handle, did, connector, paths)
    finally:
        connector.close()
        store.close()


def test_the_search_finds_the_lead_not_the_unrelated_post_nor_the_persons_own(
    appview: AppViewPeer, shop: Shop, tmp_path: Path
) -> None:
    word = marker()
    marie = appview.actor("marie")
    lead = marie.post(f"Qui connaît un fleuriste {word} pour un mariage en juin ?")
    marie.post(f"Vélo à vendre, quartier {word}")
    shop.connector.publish(
        OutgoingPost(text=f"Votre fleuriste {word} depuis 1990 !", idempotency_key=new_tid())
    )
    appview.process_all()
    watch = watches.add(shop.store, shop.account.id or 0, f"fleuriste {word}", datetime.now(UTC))

    pool = ConnectorPool(shop.secrets)
    listening = AppListening(shop.paths, shop.store, pool.get)
    try:
        first = listening.run()
        [ran] = first.runs
        assert (ran.watch_id, ran.error_code, len(ran.added)) == (watch.id, "", 1)
        [found] = board.results(shop.store)
        assert (found.post_id, found.author_handle, found.author_id) == (lead.uri, marie.handle, marie.did)
        assert found.text == f"Qui connaît un fleuriste {word} pour un mariage en juin ?"
        assert found.url == f"https://bsky.app/profile/{marie.handle}/post/{lead.rkey}"
        assert board.new_count(shop.store) == 1

        # A second run, once the 15 minutes are over, reports nothing new.
        second = listening.run(datetime.now(UTC) + timedelta(minutes=16))
        assert [(r.error_code, r.added) for r in second.runs] == [("", ())]
        assert len(board.results(shop.store)) == 1
        # The pool's connector is the app's: still open and usable after the runs.
        assert pool.get(shop.account).verify().handle == shop.handle

        # Like and follow, each exactly once (a repeat with the same key finds the first).
        leads.request_like(shop.store, found.id, new_tid)
        leads.request_follow(shop.store, found.id, new_tid)
        listening.send_likes()
        listening.send_follows()
        with shop.store.session() as session:
            from cm_desktop.core.models import WatchResult

            row = session.get(WatchResult, found.id)
            assert row is not None and (row.like_state, row.follow_state) == ("done", "done")
            row.like_state = row.follow_state = "sending"  # as if the answers had been lost
            session.add(row)
            session.commit()
        listening.send_likes()
        listening.send_follows()
    finally:
        pool.close()
    appview.process_all()
    view = marie.get("app.bsky.feed.getPosts", uris=[lead.uri])["posts"][0]
    assert view["likeCount"] == 1
    follows = shop.connector.call(
        "GET",
        "com.atproto.repo.listRecords",
        params={"repo": shop.did, "collection": "app.bsky.graph.follow"},
    )["records"]
    assert [r["value"]["subject"] for r in follows] == [marie.did]

    # An answer goes under the lead, through the outbox.
    leads.answer(
        shop.store,
        found.id,
        "Bonjour ! Nous fleurissons les mariages.",
        datetime.now(UTC),
        data_dir=tmp_path,
        renditions_dir=tmp_path / "r",
    )
    Outbox(shop.store, connector_factory(shop.secrets)).run()
    appview.process_all()
    [reply] = marie.get("app.bsky.feed.getPostThread", uri=lead.uri)["thread"]["replies"]
    assert reply["post"]["author"]["did"] == shop.did
    assert reply["post"]["record"]["reply"]["parent"] == lead.strong()
    again = board.get(shop.store, found.id)
    assert again is not None and again.answer == "answered"


def test_hashtags_come_from_the_posts_facets(appview: AppViewPeer, shop: Shop) -> None:
    word = marker()
    tagged = appview.post(f"Pivoines du jour #{word}")
    appview.process_all()
    listener = BlueskyListener(shop.connector, owns_connector=False)
    page = listener.search(parse(f"#{word}"), since=datetime.now(UTC) - timedelta(days=1))
    assert [(p.remote_id, p.tags) for p in page.items] == [(tagged.uri, (word,))]
    assert page.items[0].author.followed is False


def test_the_command_line_adds_runs_lists_and_removes(appview: AppViewPeer, tmp_path: Path) -> None:
    home = CliHome(tmp_path)
    handle, _did, app_password = appview.create_account("cli")
    account = home.add_bluesky(appview, handle, app_password)
    word = marker()
    marie = appview.actor("marie")
    lead = marie.post(f"Un fleuriste {word} ouvert dimanche ?")
    marie.post(f"Concert {word} ce soir")
    appview.process_all()

    added = home.run("watch", "add", f"fleuriste {word}", "--json")
    assert added.returncode == 0, added.stderr
    watch = json.loads(added.stdout)
    assert (watch["account_id"], watch["network"], watch["query"]) == (
        account["id"],
        "bluesky",
        f"fleuriste {word}",
    )

    ran = home.run("watch", "run", "--json")
    assert ran.returncode == 0, ran.stderr
    [result] = json.loads(ran.stdout)
    assert {
        "id",
        "watch_id",
        "network",
        "author",
        "text",
        "url",
        "remote_id",
        "created_at",
        "new",
    } <= result.keys()
    assert (result["watch_id"], result["network"], result["author"], result["remote_id"], result["new"]) == (
        watch["id"],
        "bluesky",
        marie.handle,
        lead.uri,
        True,
    )
    datetime.fromisoformat(result["created_at"])

    again = home.run("watch", "run", "--json")
    assert again.returncode == 0, again.stderr
    assert [r["new"] for r in json.loads(again.stdout)] == [False]

    listed = json.loads(home.run("watch", "list", "--json").stdout)
    assert [(w["id"], w["query"], w["found"], w["new"], w["error"]) for w in listed] == [
        (watch["id"], f"fleuriste {word}", 1, 1, "")
    ]

    for bad in ("", "le la les", "🌸🌷", "#", "x" * 500):
        refused = home.run("watch", "add", bad, LANG="fr_FR.UTF-8")
        assert refused.returncode == 2, (bad, refused.stderr)
        assert refused.stderr.startswith("cm-desktop: ") and "Traceback" not in refused.stderr

    removed = home.run("watch", "remove", str(watch["id"]))
    assert removed.returncode == 0, removed.stderr
    assert json.loads(home.run("watch", "list", "--json").stdout) == []
    assert home.run("watch", "remove", str(watch["id"])).returncode == 1


def test_the_background_jobs_own_command_runs_the_saved_searches(
    appview: AppViewPeer, tmp_path: Path
) -> None:
    """The command the app installs as its background job (`publish-due … --watch`), run as it is: the saved
    search runs with it and what it finds is stored, while the app is closed."""
    from cm_desktop.platform.background_job import publish_command

    home = CliHome(tmp_path)
    handle, _did, app_password = appview.create_account("job")
    home.add_bluesky(appview, handle, app_password)
    word = marker()
    lead = appview.actor("paul").post(f"Un fleuriste {word} près de la gare ?")
    appview.process_all()
    assert home.run("watch", "add", f"fleuriste {word}", "--json").returncode == 0

    command = publish_command(frozen=False, executable="python", platform="linux")
    done = home.run(*command[command.index("publish-due") :])
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["watch"]["added"] == 1, report
    listed = json.loads(home.run("watch", "list", "--json").stdout)
    assert [(w["found"], w["new"], w["error"]) for w in listed] == [(1, 1, "")]
    ran = json.loads(home.run("watch", "run", "--json").stdout)
    assert [(r["remote_id"], r["new"]) for r in ran] == [(lead.uri, False)]  # found by the job, not again
