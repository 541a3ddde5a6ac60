"""Bluesky's side of the inbox: notifications, seen state, threads and likes, read through the person's own
PDS (which passes app.bsky.* reads on to the AppView) with the session the connector keeps.

Order: `listNotifications` pages by the time the AppView indexed each notification (its cursor is that time),
so a notification's sort key is its `indexedAt`, written with a fixed width so that keys compare as text.
"Seen" is one time per account: everything indexed strictly before `seenAt` is read.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from cm_desktop.core.ports import (
    Author,
    Blocked,
    NetworkError,
    Notification,
    NotificationKind,
    NotificationPage,
    PostGone,
    RemotePost,
    Thread,
    Unknown,
)
from cm_desktop.networks.bluesky import (
    REFUSED,
    BlueskyConnector,
    XrpcError,
    at_uri,
    post_url,
    utc_timestamp,
)
from cm_desktop.networks.values import as_dict, parse_time

log = logging.getLogger(__name__)

LIKE_COLLECTION = "app.bsky.feed.like"
MAX_PAGE = 100  # listNotifications' largest page
MAX_POSTS = 25  # getPosts' largest batch
THREAD_DEPTH = 10
THREAD_PARENTS = 30
KINDS: dict[str, NotificationKind] = {
    "reply": "reply",
    "mention": "mention",
    "quote": "quote",
    "follow": "follow",
    "like": "like",
    "repost": "repost",
}


def sort_key(moment: datetime) -> str:
    """A time as a key that sorts as text: UTC, microseconds, always the same width."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def profile_url(handle: str) -> str:
    return f"https://bsky.app/profile/{handle}"


def author_of(view: Any) -> Author:
    data = as_dict(view)
    handle = str(data.get("handle") or "")
    did = str(data.get("did") or "")
    return Author(
        handle=handle,
        display_name=str(data.get("displayName") or ""),
        avatar_url=str(data.get("avatar") or ""),
        remote_id=did,
        url=profile_url(handle or did) if handle or did else "",
    )


def _rkey(uri: str) -> str:
    return uri.rsplit("/", 1)[-1]


def remote_post(uri: str, cid: str, author: Author, record: Any, indexed: datetime | None) -> RemotePost:
    """A post from its record (the text as written, and where it sits in its thread)."""
    data = as_dict(record)
    reply = as_dict(data.get("reply"))
    parent, root = as_dict(reply.get("parent")), as_dict(reply.get("root"))
    langs = data.get("langs")
    created = parse_time(data.get("createdAt")) or indexed or datetime.now(UTC)
    return RemotePost(
        remote_id=uri,
        url=post_url(author.handle or author.remote_id, _rkey(uri)) if uri else "",
        author=author,
        text=str(data.get("text") or ""),
        created_at=created,
        cid=cid,
        reply_parent_id=str(parent.get("uri") or ""),
        reply_root_id=str(root.get("uri") or ""),
        reply_root_cid=str(root.get("cid") or ""),
        language=str(langs[0]) if isinstance(langs, list) and langs else "",
    )


def _post_view(view: Any) -> RemotePost | None:
    data = as_dict(view)
    uri = str(data.get("uri") or "")
    if not uri:
        return None
    return remote_post(
        uri, str(data.get("cid") or ""), author_of(data.get("author")), data.get("record"), None
    )


def _quoted_uri(record: Any) -> str:
    """The post a quote embeds (a plain quote, or one with pictures)."""
    embed = as_dict(as_dict(record).get("embed"))
    inner = as_dict(embed.get("record"))
    if "record" in inner:  # app.bsky.embed.recordWithMedia wraps the quote one level deeper
        inner = as_dict(inner.get("record"))
    return str(inner.get("uri") or "")


def notification(item: Any) -> Notification | None:
    """One listNotifications item; None for a kind the inbox does not show. Raises ValueError when the item
    cannot be read at all (no uri, no time)."""
    data = as_dict(item)
    kind = KINDS.get(str(data.get("reason") or ""))
    if kind is None:
        return None
    uri = str(data.get("uri") or "")
    indexed = parse_time(data.get("indexedAt"))
    if not uri or indexed is None:
        raise ValueError("notification without uri or time")
    author = author_of(data.get("author"))
    record = data.get("record")
    subject = str(data.get("reasonSubject") or "")
    post = None
    if kind in ("reply", "mention", "quote"):
        post = remote_post(uri, str(data.get("cid") or ""), author, record, indexed)
        if kind == "reply":
            subject = subject or post.reply_parent_id
        elif kind == "quote":
            subject = subject or _quoted_uri(record)
    url = post.url if post is not None else author.url if kind == "follow" else _web_url(subject)
    return Notification(
        remote_id=f"{uri}#{kind}",
        url=url,
        kind=kind,
        author=author,
        created_at=post.created_at if post is not None else indexed,
        sort_key=sort_key(indexed),
        post=post,
        subject_id=subject,
        read=bool(data.get("isRead")),
    )


def _web_url(uri: str) -> str:
    """bsky.app's page of a post from its at:// URI (a DID works where a handle would)."""
    parts = uri.removeprefix("at://").split("/")
    return post_url(parts[0], parts[2]) if uri.startswith("at://") and len(parts) == 3 else ""


def _walk_replies(node: Any) -> Iterator[RemotePost]:
    """The answers under a post, each right after its parent (depth first, oldest first)."""
    replies = [r for r in as_dict(node).get("replies") or [] if isinstance(r, dict)]
    for reply in sorted(replies, key=lambda r: str(as_dict(r.get("post")).get("indexedAt") or "")):
        post = _post_view(reply.get("post"))
        if post is None:
            continue  # a reply gone or blocked: nothing to show
        yield post
        yield from _walk_replies(reply)


class BlueskyReader:
    """The inbox's reads (core.ports.NotificationReader) and likes (Liking) for one account.

    `owns_connector=False`: the connector belongs to the app's pool (one Bluesky session refreshed by one
    object) and stays open when this reader is closed."""

    network = "bluesky"

    def __init__(self, connector: BlueskyConnector, *, owns_connector: bool = True) -> None:
        self.connector = connector
        self.owns_connector = owns_connector

    def close(self) -> None:
        if self.owns_connector:
            self.connector.close()

    def _get(self, nsid: str, params: dict[str, Any]) -> dict[str, Any]:
        try:
            return self.connector.call("GET", nsid, params=params)
        except XrpcError as exc:
            raise exc.mapped() from None

    def notifications(self, cursor: str = "", *, limit: int = 50, since: str = "") -> NotificationPage:
        params: dict[str, Any] = {"limit": max(1, min(limit, MAX_PAGE))}
        if cursor:
            params["cursor"] = cursor
        data = self._get("app.bsky.notification.listNotifications", params)
        items: list[Notification] = []
        skipped = 0
        for raw in data.get("notifications") or []:
            try:
                found = notification(raw)
            except ValueError:
                skipped += 1
                log.warning("bluesky: a notification without its address or time; left out")
                continue
            except (TypeError, AttributeError, KeyError):
                skipped += 1  # a shape we did not expect: counted, and logged as the bug it may be
                log.exception("bluesky: a notification could not be read; left out")
                continue
            if found is not None:
                items.append(found)
        seen = parse_time(data.get("seenAt"))
        # "Read" is strictly before seenAt: the newest key seen is one tick earlier.
        seen_key = sort_key(seen - timedelta(microseconds=1)) if seen is not None else ""
        raw_items = data.get("notifications") or []
        return NotificationPage(
            items=tuple(items),
            next_cursor=str(data.get("cursor") or "") if raw_items else "",
            seen_up_to=seen_key,
            skipped=skipped,
        )

    def mark_seen(self, up_to: str) -> None:
        moment = parse_time(up_to)
        if moment is None:
            return
        # Read means indexed strictly before seenAt: one millisecond later covers `up_to` itself.
        self._post(
            "app.bsky.notification.updateSeen", {"seenAt": utc_timestamp(moment + timedelta(milliseconds=1))}
        )

    def _post(self, nsid: str, body: dict[str, Any]) -> dict[str, Any]:
        try:
            return self.connector.call("POST", nsid, body=body)
        except XrpcError as exc:
            raise exc.mapped() from None

    def unread_count(self) -> int:
        count = self._get("app.bsky.notification.getUnreadCount", {}).get("count")
        return int(count) if isinstance(count, int) else 0

    def thread(self, remote_id: str) -> Thread:
        try:
            data = self.connector.call(
                "GET",
                "app.bsky.feed.getPostThread",
                params={"uri": remote_id, "depth": THREAD_DEPTH, "parentHeight": THREAD_PARENTS},
            )
        except XrpcError as exc:
            if exc.error == "NotFound":
                raise PostGone(REFUSED, code="not_found", reason=exc.reason or exc.error) from None
            raise exc.mapped() from None
        node = as_dict(data.get("thread"))
        kind = str(node.get("$type") or "")
        if kind.endswith("#blockedPost"):
            raise Blocked(REFUSED, code="blocked", reason="blocked")
        post = _post_view(node.get("post"))
        if kind.endswith("#notFoundPost") or post is None:
            raise PostGone(REFUSED, code="not_found", reason="not found")
        ancestors: list[RemotePost] = []
        parent = as_dict(node.get("parent"))
        while parent:
            found = _post_view(parent.get("post"))
            if found is None:
                break  # the conversation above is gone or hidden from here
            ancestors.append(found)
            parent = as_dict(parent.get("parent"))
        return Thread(post=post, ancestors=tuple(reversed(ancestors)), replies=tuple(_walk_replies(node)))

    def posts(self, remote_ids: Sequence[str]) -> list[RemotePost]:
        found: list[RemotePost] = []
        wanted = [i for i in dict.fromkeys(remote_ids) if i.startswith("at://")]
        for start in range(0, len(wanted), MAX_POSTS):
            data = self._get("app.bsky.feed.getPosts", {"uris": wanted[start : start + MAX_POSTS]})
            for view in data.get("posts") or []:
                post = _post_view(view)
                if post is not None:
                    found.append(post)
        return found

    def pause_until(self) -> datetime | None:
        return None  # a 429 says when (RateLimited); the session is reused, never re-created

    def like(self, remote_id: str, cid: str, key: str) -> str:
        """A like record under the key made for it: a repeat finds the record instead of a second like."""
        record = {"subject": {"uri": remote_id, "cid": cid}, "createdAt": utc_timestamp()}
        return self.create_once(LIKE_COLLECTION, key, record)

    def create_once(self, collection: str, key: str, record: dict[str, Any]) -> str:
        """A record of ours (a like, a follow) under the key made and stored for it before this request: the
        PDS refuses a second record under the same key (an error, even a 500), so after any failure the
        record is looked for under that key; found, it was made (by this request or an earlier one)."""
        did = self.connector.did
        body = {"repo": did, "collection": collection, "rkey": key, "record": {"$type": collection, **record}}
        try:
            made = self.connector.call("POST", "com.atproto.repo.createRecord", body=body)
            return str(made.get("uri") or at_uri(did, collection, key))
        except (XrpcError, Unknown) as exc:
            failure: NetworkError = exc.mapped() if isinstance(exc, XrpcError) else exc
        params = {"repo": did, "collection": collection, "rkey": key}
        try:
            self.connector.call("GET", "com.atproto.repo.getRecord", params=params)
        except XrpcError as missing:
            if missing.error == "RecordNotFound":
                raise failure from None
            raise missing.mapped() from None
        except NetworkError:
            raise failure from None
        return at_uri(did, collection, key)
