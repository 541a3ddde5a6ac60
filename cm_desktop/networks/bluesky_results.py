"""Bluesky's side of the Results page: counts of the person's published posts and of their account, read
through their own PDS (which passes app.bsky.* reads on to the AppView) with the session the connector keeps.

`app.bsky.feed.getPosts` (25 posts a call) gives likes, reposts, replies and quotes; a post it leaves out is
either deleted or not indexed yet. Only the person's own repository can tell which: `getRecord` on the PDS
says "RecordNotFound" for a deleted post, and finds one the AppView has not indexed (left out: no invented
zeros). `app.bsky.actor.getProfile` gives followers, follows and posts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cm_desktop.core.i18n import Text
from cm_desktop.core.ports import AccountCounts, PostCounts, Unknown
from cm_desktop.networks.bluesky import POST_COLLECTION, XrpcError
from cm_desktop.networks.bluesky_inbox import BlueskyReader

MAX_POSTS = 25  # getPosts' largest batch
NO_COUNTS = Text(
    en="Bluesky has not counted this account's followers yet.",
    fr="Bluesky n'a pas encore compté les abonnés de ce compte.",
)


def _count(view: dict[str, Any], name: str) -> int:
    value = view.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def counts_of(view: Any) -> PostCounts | None:
    """A getPosts post view's counts; None for a view without its address."""
    if not isinstance(view, dict) or not view.get("uri"):
        return None
    return PostCounts(
        remote_id=str(view["uri"]),
        likes=_count(view, "likeCount"),
        reposts=_count(view, "repostCount"),
        replies=_count(view, "replyCount"),
        quotes=_count(view, "quoteCount"),
    )


def _parts(uri: str) -> tuple[str, str, str] | None:
    """(repository, collection, record key) of an at:// URI, or None."""
    parts = uri.removeprefix("at://").split("/")
    return (parts[0], parts[1], parts[2]) if uri.startswith("at://") and len(parts) == 3 else None


class BlueskyCounter(BlueskyReader):
    """core.ports.Counting for one Bluesky account, on the inbox's reader (its session and calls)."""

    def post_counts(self, remote_ids: Sequence[str]) -> list[PostCounts]:
        wanted = [i for i in dict.fromkeys(remote_ids) if _parts(i) is not None]
        found: list[PostCounts] = []
        for start in range(0, len(wanted), MAX_POSTS):
            batch = wanted[start : start + MAX_POSTS]
            data = self._get("app.bsky.feed.getPosts", {"uris": batch})
            read = {c.remote_id: c for c in map(counts_of, data.get("posts") or []) if c is not None}
            for uri in batch:
                if uri in read:
                    found.append(read[uri])
                elif self._surely_deleted(uri):
                    found.append(PostCounts(remote_id=uri, deleted=True))
        return found

    def _surely_deleted(self, uri: str) -> bool:
        """True when the post's own repository says it is gone (not merely unindexed or hidden)."""
        parts = _parts(uri)
        if parts is None:
            return False
        repo, collection, rkey = parts
        if collection != POST_COLLECTION:
            return False
        params = {"repo": repo, "collection": collection, "rkey": rkey}
        try:
            self.connector.call("GET", "com.atproto.repo.getRecord", params=params)
        except XrpcError as exc:
            if exc.error == "RecordNotFound":
                return True
            if exc.error in ("RepoNotFound", "RepoDeactivated", "RepoTakendown"):
                return True  # the whole account is gone: so is the post
            raise exc.mapped() from None
        return False

    def account_counts(self) -> AccountCounts:
        data = self._get("app.bsky.actor.getProfile", {"actor": self.connector.did})
        if not isinstance(data.get("followersCount"), int):
            # A profile the AppView has not counted yet: no figure rather than an invented zero.
            raise Unknown(NO_COUNTS, code="no_counts")
        return AccountCounts(
            followers=_count(data, "followersCount"),
            following=_count(data, "followsCount"),
            posts=_count(data, "postsCount"),
        )
