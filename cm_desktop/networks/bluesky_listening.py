"""Bluesky's side of listening: `app.bsky.feed.searchPosts` through the person's own PDS session (search
needs a login; the PDS passes it on to the AppView), and follows sent exactly once.

Parameters: `q` (the search as the person wrote it: words, "a phrase", #tag, @handle), `tag` for each
hashtag, `mentions` for an account named, `lang`, `since`, `sort=latest`, `limit` and `cursor`. A post's
hashtags come from its facets and its `tags` field, so that listening can check them itself (an AppView may
ignore `tag`: Bluesky's own local one does).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from cm_desktop.core.ports import RemotePost, Search, SearchPage
from cm_desktop.networks.bluesky import utc_timestamp
from cm_desktop.networks.bluesky_inbox import BlueskyReader, author_of, remote_post
from cm_desktop.networks.values import as_dict

FOLLOW_COLLECTION = "app.bsky.graph.follow"
MAX_PAGE = 100  # searchPosts' largest page


def post_tags(record: Any) -> tuple[str, ...]:
    """A post's hashtags (without "#"): its #tag facets, then its own `tags` list."""
    data = as_dict(record)
    found: list[str] = []
    for facet in data.get("facets") or []:
        for feature in as_dict(facet).get("features") or []:
            feature = as_dict(feature)
            if str(feature.get("$type") or "").endswith("#tag") and isinstance(feature.get("tag"), str):
                found.append(feature["tag"])
    found += [t for t in data.get("tags") or [] if isinstance(t, str)]
    return tuple(dict.fromkeys(found))


def found_post(view: Any) -> RemotePost | None:
    """One searchPosts item: the post, its hashtags, and whether the person follows its author already."""
    data = as_dict(view)
    uri = str(data.get("uri") or "")
    if not uri:
        return None
    author_data = as_dict(data.get("author"))
    author = author_of(author_data)
    followed = bool(as_dict(author_data.get("viewer")).get("following"))
    record = data.get("record")
    post = remote_post(uri, str(data.get("cid") or ""), replace(author, followed=followed), record, None)
    return replace(post, tags=post_tags(record))


class BlueskyListener(BlueskyReader):
    """Search (core.ports.Searching), likes (Liking) and follows (Following) for one account (a pool's
    connector stays open when this is closed: BlueskyReader's `owns_connector`)."""

    def search(
        self, query: Search, cursor: str = "", *, since: datetime | None = None, limit: int = 25
    ) -> SearchPage:
        params: dict[str, Any] = {"q": query.text, "sort": "latest", "limit": max(1, min(limit, MAX_PAGE))}
        if cursor:
            params["cursor"] = cursor
        if since is not None:
            params["since"] = utc_timestamp(since)
        if query.tags:
            params["tag"] = list(query.tags)
        if len(query.handles) == 1:
            params["mentions"] = query.handles[0]
        if query.language:
            params["lang"] = query.language
        data = self._get("app.bsky.feed.searchPosts", params)
        raw = data.get("posts") or []
        items = [p for p in map(found_post, raw) if p is not None]
        return SearchPage(items=tuple(items), next_cursor=str(data.get("cursor") or "") if raw else "")

    def follow(self, author_id: str, key: str) -> str:
        """A follow record under the key made for it: a repeat finds the record instead of a second follow."""
        return self.create_once(FOLLOW_COLLECTION, key, {"subject": author_id, "createdAt": utc_timestamp()})
