"""Listening's Mastodon searches replayed from traffic recorded against a real Mastodon 4.6.4 server
(tests/data/mastodon, licence in its README): the instance's facts (`timelines_access`), the hashtag
timeline of #hoot, and a full-text search that finds no statuses (the recording server runs no search
engine, like most small servers).

Where a case needs what the recording lacks, the loaded answer is changed in memory and the test says so:
`configuration.search.enabled` (announced by some servers only), hashtag feeds turned off (4.5+ setting),
a 403 for a login without `read:search`.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from cm_desktop.core.listening import messages as m
from cm_desktop.core.listening.query import parse
from cm_desktop.core.listening.run import run_watch
from cm_desktop.core.models import Account, Watch
from cm_desktop.core.ports import NO_SEARCH_HERE, REMOTE_TAGS_OFF, SEARCH_NOT_ALLOWED, WORDS_AS_TAGS, Refused
from cm_desktop.core.store import open_store
from cm_desktop.networks.mastodon import MastodonConnector
from cm_desktop.networks.mastodon_listening import MastodonListener
from tests.unit.test_mastodon_inbox_replay import ME, Replay
from tests.unit.test_mastodon_replay import SERVER, TOKEN, Cassette

HASHTAG = "test_hashtag_tl"  # [1] GET /api/v2/instance/, [2] GET /api/v1/timelines/tag/hoot
SEARCH = "test_search"  # [2] GET /api/v2/search?type=statuses: no statuses


def instance(**changes: object) -> bytes:
    body = json.loads(Cassette.load(HASHTAG).interactions[1].body)
    config = body["configuration"]
    if "search" in changes:
        config["search"] = {"enabled": changes["search"]}
    if "feeds" in changes:
        local, remote = changes["feeds"]  # type: ignore[misc]
        config["timelines_access"]["hashtag_feeds"] = {"local": local, "remote": remote}
    return json.dumps(body).encode()


def replay(*, instance_body: bytes | None = None, search_status: int = 0) -> Replay:
    recorded = Replay()
    recorded.add(Cassette.load(HASHTAG).interactions[1], url=f"{SERVER}/api/v2/instance", body=instance_body)
    recorded.take(HASHTAG, 2)
    search = Cassette.load(SEARCH).interactions[2]
    if search_status:
        recorded.add(
            search, status=search_status, body=b'{"error":"This action is outside the authorized scopes"}'
        )
    else:
        recorded.add(search)
    return recorded


def listener(recorded: Replay) -> MastodonListener:
    transport = httpx.MockTransport(recorded.handler)
    return MastodonListener(MastodonConnector(SERVER, TOKEN, account_id=ME, transport=transport))


def test_a_hashtag_search_reads_the_real_hashtag_timeline() -> None:
    recorded = replay()
    page = listener(recorded).search(parse("#hoot"), limit=25)
    [found] = page.items
    assert (found.text, found.tags, found.author.handle) == (
        "#hoot (hashtag toot)",
        ("hoot",),
        "@mastodonpy_test_2@localhost:3000",
    )
    assert found.url == "http://localhost:3000/@mastodonpy_test_2/117020593741189701"
    assert found.created_at == datetime(2026, 8, 1, 13, 55, 55, 867000, tzinfo=UTC)
    assert page.limited == ""
    [tag] = recorded.sent("/api/v1/timelines/tag/hoot")
    assert tag.url.params["limit"] == "25"
    assert recorded.sent("/api/v2/search") == []  # hashtags only: no full-text search needed


def test_words_are_searched_in_full_and_as_hashtags() -> None:
    """The recording's server finds no statuses by their words (no search engine): the words read as
    hashtags still find the post, which holds every word."""
    recorded = replay()
    page = listener(recorded).search(parse("hoot toot"), limit=40)
    assert [p.text for p in page.items] == ["#hoot (hashtag toot)"]
    [full] = recorded.sent("/api/v2/search")
    assert (full.url.params["q"], full.url.params["type"], full.url.params["resolve"]) == (
        "hoot toot",
        "statuses",
        "false",
    )
    [tag] = recorded.sent("/api/v1/timelines/tag/hoot")
    assert tag.url.params.get_list("any[]") == ["toot"]


def test_a_post_without_every_word_is_left_out() -> None:
    page = listener(replay()).search(parse("hoot fleuriste"))
    assert page.items == ()


def test_a_server_that_says_it_has_no_search_gets_hashtags_and_a_plain_note() -> None:
    """`configuration.search.enabled: false` added to the recorded instance (some servers announce it)."""
    recorded = replay(instance_body=instance(search=False))
    page = listener(recorded).search(parse("hoot toot"))
    assert page.limited == WORDS_AS_TAGS and len(page.items) == 1
    assert recorded.sent("/api/v2/search") == []


def test_a_login_without_search_permission_falls_back_to_hashtags() -> None:
    """The recorded search answered 403, as Mastodon does for a token without `read:search`."""
    page = listener(replay(search_status=403)).search(parse("hoot toot"))
    assert page.limited == SEARCH_NOT_ALLOWED and len(page.items) == 1


def test_hashtag_feeds_of_other_servers_turned_off_is_said() -> None:
    """4.5's `timelines_access.hashtag_feeds` set to local only in the recorded instance."""
    page = listener(replay(instance_body=instance(feeds=("public", "disabled")))).search(parse("#hoot"))
    assert page.limited == REMOTE_TAGS_OFF


def test_a_server_with_neither_search_nor_hashtag_feeds_refuses_plainly(tmp_path: Path) -> None:
    """Hashtag feeds turned off and no search engine announced: nothing can be searched there."""
    body = instance(search=False, feeds=("disabled", "disabled"))
    with pytest.raises(Refused) as refused:
        listener(replay(instance_body=body)).search(parse("#hoot"))
    assert refused.value.code == NO_SEARCH_HERE

    store = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    with store.session() as session:
        account = Account(network="mastodon", handle="@mastodonpy_test@localhost:3000", remote_id=ME)
        session.add(account)
        session.flush()
        assert account.id is not None
        watch = Watch(account_id=account.id, query="fleuriste Lyon")
        session.add(watch)
        session.commit()
        session.refresh(watch)
        session.refresh(account)
    done = run_watch(store, watch, account, listener(replay(instance_body=body)), datetime.now(UTC))
    assert done.error_code == m.NO_SEARCH_HERE
    assert done.message("fr").startswith(
        "Votre serveur Mastodon ne cherche pas dans les mots des publications"
    )
    store.close()


def test_without_hashtag_feeds_a_hashtag_is_searched_in_full_text() -> None:
    recorded = replay(instance_body=instance(feeds=("disabled", "disabled")))
    listener(recorded).search(parse("#hoot"))
    [full] = recorded.sent("/api/v2/search")
    assert full.url.params["q"] == "#hoot"
    assert recorded.sent("/api/v1/timelines/tag/hoot") == []
