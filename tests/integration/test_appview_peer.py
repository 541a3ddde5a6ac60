"""The AppView peer (tests/appview_peer.py) answers what the inbox, listening and results work will read.

The person logs in with `connect()` and an app password, exactly as the app does, and every read goes to
the PDS with that session: the PDS proxies app.bsky.* to the AppView. Other accounts act through the peer's
helpers. Posts carry a per-test marker, because the AppView is shared by the whole session.
"""

from __future__ import annotations

import secrets as token
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from cm_desktop.core.ports import OutgoingPost
from cm_desktop.networks.bluesky import BlueskyConnector, Session, connect, new_tid
from cm_desktop.networks.http import build_client
from cm_desktop.platform.secrets import Secrets
from tests.appview_peer import AppViewPeer, Ref

pytestmark = pytest.mark.appview

REF = "account:bluesky:appview-test"


@dataclass
class Person:
    """The app's side: a connector for posting, and its stored session for the reads to come."""

    connector: BlueskyConnector
    session: Session
    http: httpx.Client

    @property
    def did(self) -> str:
        return self.session.did

    @property
    def handle(self) -> str:
        return self.session.handle

    def publish(self, text: str) -> Ref:
        result = self.connector.publish(OutgoingPost(text=text, idempotency_key=new_tid()))
        return Ref(result.remote_id, result.extra["cid"])

    def xrpc(self, method: str, nsid: str, **kwargs: Any) -> dict[str, Any]:
        response = self.http.request(
            method,
            f"{self.session.service}/xrpc/{nsid}",
            headers={"Authorization": f"Bearer {self.session.access_jwt}"},
            **kwargs,
        )
        assert response.status_code == 200, f"{nsid} -> {response.status_code} {response.text}"
        return response.json() if response.content else {}

    def get(self, nsid: str, **params: Any) -> dict[str, Any]:
        return self.xrpc("GET", nsid, params=params)


@pytest.fixture
def person(appview: AppViewPeer) -> Iterator[Person]:
    handle, _did, app_password = appview.create_account("shop")
    secrets = Secrets()
    with (
        connect(
            handle,
            app_password,
            secrets=secrets,
            secret_ref=REF,
            service_url=appview.url,
            plc_url=appview.plc_url,
        ) as connector,
        build_client() as http,
    ):
        stored = secrets.get(REF)
        assert stored is not None
        session = Session.from_json(stored)
        # The session points at the PDS named by the DID document, never at the AppView itself.
        assert session.service == appview.public_url != appview.appview_url
        yield Person(connector, session, http)


def marker() -> str:
    """A word no other test's post contains (letters only: it doubles as a hashtag)."""
    return "mk" + "".join(chr(ord("a") + b % 26) for b in token.token_bytes(10))


def all_notifications(person: Person, page: int = 2) -> list[dict[str, Any]]:
    """Every notification, following the cursor in small pages as the inbox sync will."""
    found: list[dict[str, Any]] = []
    cursor: str | None = None
    while True:
        params: dict[str, Any] = {"limit": page}
        if cursor:
            params["cursor"] = cursor
        body = person.get("app.bsky.notification.listNotifications", **params)
        found += body["notifications"]
        cursor = body.get("cursor")
        if not body["notifications"] or not cursor:
            return found


def test_every_interaction_is_a_notification_with_its_reason(appview: AppViewPeer, person: Person) -> None:
    post = person.publish("Nouveaux bouquets de saison, livrés le samedi 💐")
    reply = appview.reply(post.uri, post.cid, post.uri, post.cid, "Vous livrez à Villeurbanne ?")
    by_handle = appview.mention(person.handle, "Merci pour le bouquet !")
    by_did = appview.actor("marie").mention(person.did, "La plus belle boutique du quartier")
    quote = appview.quote(post.uri, post.cid, "Regardez ces couleurs")
    appview.like(post.uri, post.cid)
    appview.repost(post.uri, post.cid)
    appview.follow(person.did)
    appview.process_all()

    notes = all_notifications(person)
    assert Counter(n["reason"] for n in notes) == {
        "reply": 1,
        "mention": 2,
        "quote": 1,
        "like": 1,
        "repost": 1,
        "follow": 1,
    }
    assert len({n["uri"] for n in notes}) == len(notes)  # paging gave each one once
    by_reason = {(n["reason"], n["uri"]): n for n in notes}
    assert ("reply", reply.uri) in by_reason
    assert ("quote", quote.uri) in by_reason
    assert {("mention", by_handle.uri), ("mention", by_did.uri)} <= by_reason.keys()
    for n in notes:
        if n["reason"] in ("like", "repost"):
            assert n["reasonSubject"] == post.uri
        if n["reason"] == "mention":  # a real facet carrying the person's DID
            features = [f for facet in n["record"]["facets"] for f in facet["features"]]
            assert {"$type": "app.bsky.richtext.facet#mention", "did": person.did} in features
    assert {n["author"]["did"] for n in notes} == {appview.other.did, by_did.uri.split("/")[2]}

    assert person.get("app.bsky.notification.getUnreadCount") == {"count": len(notes)}
    seen_at = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    person.xrpc("POST", "app.bsky.notification.updateSeen", json={"seenAt": seen_at})
    assert person.get("app.bsky.notification.getUnreadCount") == {"count": 0}
    after = person.get("app.bsky.notification.listNotifications", limit=50)
    assert after["seenAt"] == seen_at
    assert all(n["isRead"] for n in after["notifications"])

    # Something new after "seen" is unread again, alone.
    appview.like(quote.uri, quote.cid)  # not the person's post: no notification for them
    paul = appview.actor("paul")
    paul.like(post.uri, post.cid)
    appview.process_all()
    assert person.get("app.bsky.notification.getUnreadCount") == {"count": 1}
    newest = person.get("app.bsky.notification.listNotifications", limit=50)["notifications"]
    assert [(n["reason"], n["author"]["did"], n["isRead"]) for n in newest if not n["isRead"]] == [
        ("like", paul.did, False)
    ]
    assert len(newest) == len(notes) + 1


def test_thread_of_a_reply_gives_its_parent_and_root(appview: AppViewPeer, person: Person) -> None:
    root = person.publish("Atelier composition florale jeudi soir, il reste 3 places")
    first = appview.reply(root.uri, root.cid, root.uri, root.cid, "C'est à quelle heure ?")
    second = appview.reply(first.uri, first.cid, root.uri, root.cid, "Et on peut venir à deux ?")
    appview.process_all()

    thread = person.get("app.bsky.feed.getPostThread", uri=second.uri)["thread"]
    assert thread["post"]["uri"] == second.uri
    assert thread["post"]["record"]["reply"]["root"]["uri"] == root.uri
    assert thread["parent"]["post"]["uri"] == first.uri
    assert thread["parent"]["parent"]["post"]["uri"] == root.uri
    assert "parent" not in thread["parent"]["parent"]

    from_root = person.get("app.bsky.feed.getPostThread", uri=root.uri, depth=6)["thread"]
    assert from_root["post"]["replyCount"] == 1  # direct replies only
    assert [r["post"]["uri"] for r in from_root["replies"]] == [first.uri]
    assert [r["post"]["uri"] for r in from_root["replies"][0]["replies"]] == [second.uri]


def test_search_finds_the_matching_post_not_the_unrelated_one(appview: AppViewPeer, person: Person) -> None:
    word = marker()
    matching = appview.post(f"Qui connaît un fleuriste {word} pour un mariage ? #{word}")
    unrelated = appview.post(f"Vélo à vendre, quartier {word[::-1]}")
    appview.process_all()

    by_text = person.get("app.bsky.feed.searchPosts", q=f"fleuriste {word}", limit=25)
    assert [p["uri"] for p in by_text["posts"]] == [matching.uri]
    by_tag = person.get("app.bsky.feed.searchPosts", q=f"#{word}", limit=25)
    assert [p["uri"] for p in by_tag["posts"]] == [matching.uri]
    found = by_tag["posts"][0]
    assert found["author"]["did"] == appview.other.did
    tags = [f["tag"] for facet in found["record"]["facets"] for f in facet["features"] if "tag" in f]
    assert tags == [word]
    assert unrelated.uri not in {p["uri"] for p in by_text["posts"] + by_tag["posts"]}


def test_search_here_is_a_plain_substring_match(appview: AppViewPeer, person: Person) -> None:
    """What the local AppView does NOT do like bsky.social: its dev search is SQL `LIKE '%q%'` on the text
    (no search engine). `tag`, `lang`, `since`, `sort` are ignored and case matters. If this starts
    failing, dev-env's search changed: revisit the listening tests that rely on it."""
    word = marker()
    tagged = appview.post(f"Bouquet du jour {word} #{word}")
    plain = appview.post(f"Bouquet du jour {word}")
    appview.process_all()

    def uris(**params: Any) -> set[str]:
        return {p["uri"] for p in person.get("app.bsky.feed.searchPosts", limit=25, **params)["posts"]}

    assert uris(q=word, tag=[word]) == {tagged.uri, plain.uri}  # the tag filter is not applied
    assert uris(q=word, lang="de") == {tagged.uri, plain.uri}  # nor the language
    assert uris(q=word.upper()) == set()  # case-sensitive
    assert uris(q=f"jour {word}") == {tagged.uri, plain.uri}  # but a phrase inside the text matches


def test_counts_of_a_post_equal_what_was_done(appview: AppViewPeer, person: Person) -> None:
    post = person.publish("Nos roses de Lyon sont arrivées")
    untouched = person.publish("Fermé lundi")
    marie = appview.actor("marie")
    likes = [actor.like(post.uri, post.cid) for actor in (appview.other, marie)]
    appview.repost(post.uri, post.cid)
    appview.reply(post.uri, post.cid, post.uri, post.cid, "Combien la douzaine ?")
    marie.quote(post.uri, post.cid, "Magnifiques")
    appview.process_all()

    views = person.get("app.bsky.feed.getPosts", uris=[post.uri, untouched.uri])["posts"]
    counts = {v["uri"]: (v["likeCount"], v["repostCount"], v["replyCount"], v["quoteCount"]) for v in views}
    assert counts == {post.uri: (2, 1, 1, 1), untouched.uri: (0, 0, 0, 0)}

    # A like taken back: the count goes down (the results page must not keep the old figure).
    marie.delete(likes[1])
    appview.process_all()
    assert person.get("app.bsky.feed.getPosts", uris=[post.uri])["posts"][0]["likeCount"] == 1


def test_profile_gives_the_followers_count(appview: AppViewPeer, person: Person) -> None:
    followers = [appview.actor("fan") for _ in range(3)]
    follows = [actor.follow(person.did) for actor in followers]
    person.publish("Bienvenue à nos nouveaux abonnés")
    appview.process_all()

    profile = person.get("app.bsky.actor.getProfile", actor=person.did)
    assert (profile["did"], profile["handle"]) == (person.did, person.handle)
    assert (profile["followersCount"], profile["followsCount"], profile["postsCount"]) == (3, 0, 1)

    followers[0].delete(follows[0])  # an unfollow
    appview.process_all()
    assert person.get("app.bsky.actor.getProfile", actor=person.handle)["followersCount"] == 2
