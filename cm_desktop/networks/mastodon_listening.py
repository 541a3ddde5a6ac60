"""Mastodon's side of listening, through the account's own server and token.

Two ways to find posts, both read newest first:
- full text, `GET /api/v2/search?type=statuses`: only where the server runs a search engine (and, since 4.2,
  only the posts of people who allowed it). A server may say it has none (`configuration.search.enabled`
  false in /api/v2/instance, where it says anything); a login made before CM Desktop asked for `read:search`
  is refused (403). Then the words are listened to as hashtags instead, and the page says so plainly.
- hashtags, `GET /api/v1/timelines/tag/:hashtag` (`all[]` for the other hashtags asked for, `any[]` when the
  words stand in for hashtags): public unless the server turned its hashtag feeds off
  (`configuration.timelines_access.hashtag_feeds`, 4.5+: "disabled" for local and/or remote posts). A server
  with neither gives a plain refusal.
What a hashtag page lists is kept only when it holds every word, phrase and account asked for
(core/listening/query.contains_terms). Follows (`POST /api/v1/accounts/:id/follow`) are idempotent on the
server: following again changes nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from urllib.parse import quote

from cm_desktop.core.i18n import Text
from cm_desktop.core.listening.query import contains_terms, tag_words
from cm_desktop.core.ports import (
    NO_SEARCH_HERE,
    REMOTE_TAGS_OFF,
    SEARCH_NOT_ALLOWED,
    WORDS_AS_TAGS,
    AuthExpired,
    Refused,
    RemotePost,
    Search,
    SearchPage,
)
from cm_desktop.networks.mastodon import MastodonConnector
from cm_desktop.networks.mastodon_inbox import MastodonReader
from cm_desktop.networks.values import as_dict

log = logging.getLogger(__name__)

MAX_PAGE = 40  # the largest page Mastodon's timelines and search give
NOTHING_TO_FIND = Text(
    en="This Mastodon server can search neither the words of posts nor its hashtags.",
    fr="Ce serveur Mastodon ne peut chercher ni dans les mots des publications ni dans ses hashtags.",
)


@dataclass(frozen=True)
class SearchFacts:
    """What the server says about its search (None: it does not say) and its hashtag feeds."""

    full_text: bool | None = None
    local_tags: bool = True
    remote_tags: bool = True

    @property
    def tags(self) -> bool:
        return self.local_tags or self.remote_tags


def search_facts(instance: Any) -> SearchFacts:
    """From /api/v2/instance: `configuration.search.enabled` (announced by some servers) and
    `configuration.timelines_access.hashtag_feeds` {local, remote}: "public", "authenticated" or "disabled"."""
    config = as_dict(as_dict(instance).get("configuration"))
    enabled = as_dict(config.get("search")).get("enabled")
    feeds = as_dict(as_dict(config.get("timelines_access")).get("hashtag_feeds"))
    return SearchFacts(
        full_text=enabled if isinstance(enabled, bool) else None,
        local_tags=feeds.get("local") != "disabled",
        remote_tags=feeds.get("remote") != "disabled",
    )


class MastodonListener(MastodonReader):
    """Search (core.ports.Searching), likes (Liking) and follows (Following) for one account.

    `owns_connector=False`: the connector belongs to the app's pool and stays open when this is closed."""

    def __init__(self, connector: MastodonConnector, *, owns_connector: bool = True) -> None:
        super().__init__(connector, owns_connector=owns_connector)
        self._facts: SearchFacts | None = None

    def facts(self) -> SearchFacts:
        """Read once per listener (one run): what the server offers."""
        if self._facts is None:
            try:
                self._facts = search_facts(self.connector.api("GET", "/api/v2/instance"))
            except Refused as exc:
                if exc.code not in ("not_found", "not_mastodon"):
                    raise
                self._facts = SearchFacts()  # a server before 4.0: it says nothing
        return self._facts

    def search(
        self, query: Search, cursor: str = "", *, since: datetime | None = None, limit: int = 25
    ) -> SearchPage:
        facts = self.facts()
        limit = max(1, min(limit, MAX_PAGE))
        found: dict[str, RemotePost] = {}
        limited = ""
        wants_words = bool(query.words or query.phrases or query.handles)
        full_text = facts.full_text is not False and (wants_words or not facts.tags)
        if facts.full_text is False and wants_words:
            limited = WORDS_AS_TAGS
        if full_text:
            try:
                for post in self._full_text(query, limit):
                    found.setdefault(post.remote_id, post)
            except AuthExpired as exc:
                if exc.code != "suspended":  # 401: the login itself is gone
                    raise
                limited, full_text = SEARCH_NOT_ALLOWED, False  # 403: the login does not allow searching
            except Refused as exc:
                log.info("mastodon: no full-text search here (%s)", exc.code)
                limited, full_text = (WORDS_AS_TAGS if wants_words else ""), False
        tags = query.tags or tag_words(query)
        if facts.tags and tags:
            for post in self._tagged(query, tags, limit):
                found.setdefault(post.remote_id, post)
            if not facts.remote_tags and not limited:
                limited = REMOTE_TAGS_OFF
        elif not full_text:
            raise Refused(NOTHING_TO_FIND, code=NO_SEARCH_HERE)
        items = sorted(found.values(), key=lambda p: p.created_at, reverse=True)
        return SearchPage(items=tuple(items), limited=limited)

    def _full_text(self, query: Search, limit: int) -> list[RemotePost]:
        data = self.connector.api(
            "GET",
            "/api/v2/search",
            params={"q": query.text, "type": "statuses", "limit": limit, "resolve": "false"},
        )
        return [p for p in map(self.found_post, as_dict(data).get("statuses") or []) if p is not None]

    def _tagged(self, query: Search, tags: tuple[str, ...], limit: int) -> list[RemotePost]:
        """The first hashtag's page, with the others all required (hashtags asked for) or any of them (words
        standing in for hashtags); kept when the post holds every word asked for."""
        params: dict[str, Any] = {"limit": limit}
        others = list(tags[1:])
        if others:
            params["all[]" if query.tags else "any[]"] = others
        data, _links = self.connector.api_page(f"/api/v1/timelines/tag/{quote(tags[0], safe='')}", params)
        posts = [p for p in map(self.found_post, data if isinstance(data, list) else []) if p is not None]
        return [p for p in posts if contains_terms(query, p.text)]

    def found_post(self, status: Any) -> RemotePost | None:
        data = as_dict(status)
        if data.get("reblog"):
            data = as_dict(data.get("reblog"))  # a boost: the post boosted is what was said
        post = self.post(data)
        if post is None:
            return None
        tags = tuple(str(as_dict(t).get("name") or "") for t in data.get("tags") or [])
        return replace(post, tags=tuple(t for t in tags if t))

    def follow(self, author_id: str, key: str) -> str:
        """Follow the account (its id on our server). Following again changes nothing on the server."""
        self.connector.api("POST", f"/api/v1/accounts/{quote(author_id, safe='')}/follow")
        return author_id
