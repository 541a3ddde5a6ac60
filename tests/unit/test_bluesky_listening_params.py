"""What listening asks of Bluesky's `app.bsky.feed.searchPosts`, checked on the request itself
(httpx.MockTransport, an IMITATION answer): the local AppView of tests/integration/test_listening_appview.py
ignores `tag`, `lang`, `since` and `sort`, so their sending is checked here; the answer's shape and the
search itself are checked against the real AppView there."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx

from cm_desktop.core.listening.query import parse
from cm_desktop.networks.bluesky_listening import BlueskyListener
from tests.unit.test_bluesky_errors import make

VIEW = {
    "uri": "at://did:plc:marie/app.bsky.feed.post/3abc",
    "cid": "bafy",
    "author": {"did": "did:plc:marie", "handle": "marie.test", "viewer": {"following": "at://x/follow/1"}},
    "record": {
        "text": "Un fleuriste à Lyon ? #mariage",
        "createdAt": "2026-05-04T09:00:00.000Z",
        "facets": [{"features": [{"$type": "app.bsky.richtext.facet#tag", "tag": "mariage"}]}],
        "tags": ["fleurs"],
        "langs": ["fr"],
    },
}


def test_every_part_of_the_search_is_sent_and_the_answer_read() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"posts": [VIEW], "cursor": "next"})

    listener = BlueskyListener(make(handler))
    search = parse("fleuriste Lyon #mariage #fleurs @marie.test", language="fr")
    page = listener.search(search, "c1", since=datetime(2026, 5, 1, tzinfo=UTC), limit=500)
    [request] = seen
    params = request.url.params
    assert request.url.path == "/xrpc/app.bsky.feed.searchPosts"
    assert params["q"] == "fleuriste Lyon #mariage #fleurs @marie.test"
    assert params.get_list("tag") == ["mariage", "fleurs"]
    assert (params["mentions"], params["lang"], params["sort"], params["cursor"]) == (
        "marie.test",
        "fr",
        "latest",
        "c1",
    )
    assert params["since"] == "2026-05-01T00:00:00.000Z" and params["limit"] == "100"
    assert request.headers["authorization"].startswith("Bearer ")  # search needs the person's login
    [found] = page.items
    assert (found.tags, found.language, found.author.followed) == (("mariage", "fleurs"), "fr", True)
    assert found.url == "https://bsky.app/profile/marie.test/post/3abc"
    assert page.next_cursor == "next"


def test_an_empty_page_ends_the_walk_and_the_pools_connector_stays_open() -> None:
    connector = make(lambda _r: httpx.Response(200, json={"posts": [], "cursor": "more"}))
    listener = BlueskyListener(connector, owns_connector=False)
    assert listener.search(parse("fleuriste")).next_cursor == ""
    listener.close()
    assert BlueskyListener(connector).search(parse("fleuriste")).items == ()  # still open: the pool's
