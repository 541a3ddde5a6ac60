"""Mastodon's side of the inbox: notifications (grouped where the server has them, 4.3+), the seen marker,
threads and likes, through the account's connector.

Order: notification ids grow with time on a server, so a notification's sort key is its id, zero-padded to
a fixed width so that keys compare as text. Pages come newest first; `max_id` goes back, `since_id` leaves
out what is already stored. A reply to the person arrives as a "mention" whose status answers one of the
person's statuses (`in_reply_to_account_id`).

Grouped notifications (`/api/v2/notifications`) fold many likes, boosts or follows into one group that names
a few people (`sample_account_ids`) and counts the rest: each named person is stored once (keyed by group and
person), and the people not named become one "and N others" item.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from cm_desktop.core.ports import (
    Author,
    Notification,
    NotificationKind,
    NotificationPage,
    PostGone,
    Refused,
    RemotePost,
    Thread,
)
from cm_desktop.networks.mastodon import TEXTS, MastodonConnector, html_to_text
from cm_desktop.networks.values import as_dict, parse_time

log = logging.getLogger(__name__)

MAX_PAGE = 80  # the largest page Mastodon gives
KEY_WIDTH = 24
KINDS: dict[str, NotificationKind] = {
    "mention": "mention",
    "quote": "quote",
    "follow": "follow",
    "favourite": "like",
    "reblog": "repost",
    "update": "mention",  # an edit of a post: only its stored text changes (Notification.edited)
}
# How near the end of its request budget (300 per 5 minutes) reading pauses until the budget is renewed.
BUDGET_RESERVE = 0.1


def sort_key(notification_id: str) -> str:
    return notification_id.zfill(KEY_WIDTH)


def unpadded(key: str) -> str:
    return key.lstrip("0") or "0"


def _max_id(url: str) -> str:
    values = parse_qs(urlsplit(url).query).get("max_id")
    return values[0] if values else ""


class MastodonReader:
    """The inbox's reads (core.ports.NotificationReader) and likes (Liking) for one account.

    `owns_connector=False`: the connector belongs to the app's pool and stays open when this is closed."""

    network = "mastodon"

    def __init__(
        self, connector: MastodonConnector, *, grouped: bool = True, owns_connector: bool = True
    ) -> None:
        self.connector = connector
        self.owns_connector = owns_connector
        # Until the server says it has no grouped notifications (before 4.3): then v1 for this session.
        self.grouped = grouped
        self.host = urlsplit(connector.server_url).netloc

    def close(self) -> None:
        if self.owns_connector:
            self.connector.close()

    # --- people and posts ---------------------------------------------------------------------------------

    def author(self, data: Any) -> Author:
        account = as_dict(data)
        acct = str(account.get("acct") or account.get("username") or "")
        full = acct if "@" in acct else f"{acct}@{self.host}" if acct else ""
        return Author(
            handle=f"@{full}" if full else "",
            display_name=str(account.get("display_name") or ""),
            avatar_url=str(account.get("avatar_static") or account.get("avatar") or ""),
            remote_id=str(account.get("id") or ""),
            url=str(account.get("url") or ""),
            mention=f"@{full}" if full else "",
        )

    def post(self, data: Any) -> RemotePost | None:
        status = as_dict(data)
        status_id = str(status.get("id") or "")
        if not status_id:
            return None
        text = html_to_text(str(status.get("content") or "")).strip()
        warning = str(status.get("spoiler_text") or "")
        return RemotePost(
            remote_id=status_id,
            url=str(status.get("url") or status.get("uri") or ""),
            author=self.author(status.get("account")),
            text=f"{warning}\n\n{text}" if warning else text,
            created_at=parse_time(status.get("created_at")) or datetime.now(UTC),
            reply_parent_id=str(status.get("in_reply_to_id") or ""),
            visibility=str(status.get("visibility") or ""),
            language=str(status.get("language") or ""),
        )

    def _kind(self, raw_type: str, status: dict[str, Any]) -> NotificationKind | None:
        kind = KINDS.get(raw_type)
        me = self.connector.account_id
        if kind == "mention" and me and str(status.get("in_reply_to_account_id") or "") == me:
            return "reply"
        return kind

    def _notification(
        self,
        *,
        remote_id: str,
        raw_type: str,
        key: str,
        created: datetime,
        author: Author,
        status: dict[str, Any],
        count: int = 1,
    ) -> Notification | None:
        kind = self._kind(raw_type, status)
        if kind is None:
            return None
        post = self.post(status) if status else None
        subject, subject_text = "", ""
        url = post.url if post is not None else author.url if kind == "follow" else ""
        if kind in ("like", "repost") and post is not None:
            subject, subject_text, post = post.remote_id, post.text, None  # our own status
        elif kind == "reply" and post is not None:
            subject = post.reply_parent_id
        elif kind == "quote":
            quoted = as_dict(as_dict(status.get("quote")).get("quoted_status"))
            subject = str(quoted.get("id") or "")
            subject_text = html_to_text(str(quoted.get("content") or "")).strip()
        return Notification(
            remote_id=remote_id,
            kind=kind,
            author=author,
            created_at=created,
            sort_key=key,
            post=post,
            subject_id=subject,
            subject_text=subject_text,
            count=count,
            edited=raw_type == "update",
            url=url,
        )

    # --- notifications --------------------------------------------------------------------------------------

    def notifications(self, cursor: str = "", *, limit: int = 50, since: str = "") -> NotificationPage:
        params: dict[str, Any] = {"limit": max(1, min(limit, MAX_PAGE))}
        if cursor:
            params["max_id"] = cursor
        if since:
            params["since_id"] = unpadded(since)
        seen = self._seen_marker() if not cursor else ""
        if self.grouped:
            try:
                data, links = self.connector.api_page("/api/v2/notifications", params)
            except Refused as exc:
                if exc.code not in ("not_found", "not_mastodon"):
                    raise
                log.info("mastodon: no grouped notifications on this server; reading them one by one")
                self.grouped = False
            else:
                return self._grouped_page(data, links, params["limit"], seen)
        data, links = self.connector.api_page("/api/v1/notifications", params)
        return self._page(data, links, params["limit"], seen)

    def _page(self, data: Any, links: dict[str, str], limit: int, seen: str) -> NotificationPage:
        raw = data if isinstance(data, list) else []
        items: list[Notification] = []
        skipped = 0
        for entry in raw:
            item = as_dict(entry)
            notification_id = str(item.get("id") or "")
            created = parse_time(item.get("created_at"))
            if not notification_id or created is None:
                skipped += 1
                continue
            found = self._notification(
                remote_id=notification_id,
                raw_type=str(item.get("type") or ""),
                key=sort_key(notification_id),
                created=created,
                author=self.author(item.get("account")),
                status=as_dict(item.get("status")),
            )
            if found is not None:
                items.append(found)
        return NotificationPage(
            items=tuple(items),
            next_cursor=_max_id(links.get("next", "")) if len(raw) >= limit else "",
            seen_up_to=seen,
            skipped=skipped + (0 if isinstance(data, list) else 1),
        )

    def _grouped_page(self, data: Any, links: dict[str, str], limit: int, seen: str) -> NotificationPage:
        body = as_dict(data)
        # Full accounts, or (when asked with expand_accounts=partial_avatars) the partial ones.
        people_seen = [*(body.get("partial_accounts") or []), *(body.get("accounts") or [])]
        accounts = {str(as_dict(a).get("id")): a for a in people_seen}
        statuses = {str(as_dict(s).get("id")): as_dict(s) for s in body.get("statuses") or []}
        groups = [as_dict(g) for g in body.get("notification_groups") or []]
        items: list[Notification] = []
        skipped = 0
        shown = 0  # notifications the page stands for: it is full when they reach the limit
        for group in groups:
            newest = str(group.get("most_recent_notification_id") or "")
            created = parse_time(group.get("latest_page_notification_at"))
            group_key = str(group.get("group_key") or "")
            raw_type = str(group.get("type") or "")
            if not newest or created is None or not group_key:
                skipped += 1
                continue
            count = group.get("notifications_count")
            count = count if isinstance(count, int) and count > 0 else 1
            shown += count
            status = statuses.get(str(group.get("status_id") or ""), {})
            people = [str(i) for i in group.get("sample_account_ids") or []]
            key = sort_key(newest)
            if group_key.startswith("ungrouped-") or raw_type not in ("favourite", "reblog", "follow"):
                found = self._notification(
                    remote_id=newest,
                    raw_type=raw_type,
                    key=key,
                    created=created,
                    author=self.author(accounts.get(people[0]) if people else {}),
                    status=status,
                )
                items += [found] if found is not None else []
                continue
            for person in people[:count]:
                found = self._notification(
                    remote_id=f"{group_key}/{person}",
                    raw_type=raw_type,
                    key=key,
                    created=created,
                    author=self.author(accounts.get(person)),
                    status=status,
                )
                items += [found] if found is not None else []
            if count > len(people):
                # The people the server does not name: one item that counts them.
                page_top = str(group.get("page_max_id") or newest)
                found = self._notification(
                    remote_id=f"{group_key}/+{page_top}",
                    raw_type=raw_type,
                    key=key,
                    created=created,
                    author=Author(handle=""),
                    status=status,
                    count=count - len(people),
                )
                items += [found] if found is not None else []
        return NotificationPage(
            items=tuple(items),
            next_cursor=_max_id(links.get("next", "")) if groups and shown >= limit else "",
            seen_up_to=seen,
            skipped=skipped + (0 if isinstance(data, dict) else 1),
        )

    def _seen_marker(self) -> str:
        data = self.connector.api("GET", "/api/v1/markers", params={"timeline[]": "notifications"})
        last = str(as_dict(as_dict(data).get("notifications")).get("last_read_id") or "")
        return sort_key(last) if last else ""

    def mark_seen(self, up_to: str) -> None:
        if not up_to:
            return
        self.connector.api(
            "POST", "/api/v1/markers", json={"notifications": {"last_read_id": unpadded(up_to)}}
        )

    def unread_count(self) -> int:
        data = self.connector.api("GET", "/api/v1/notifications/unread_count")
        count = as_dict(data).get("count")
        return count if isinstance(count, int) else 0

    # --- threads and posts ----------------------------------------------------------------------------------

    def _status(self, status_id: str) -> dict[str, Any]:
        try:
            return as_dict(self.connector.api("GET", f"/api/v1/statuses/{quote(status_id, safe='')}"))
        except Refused as exc:
            if exc.code == "not_found":
                raise PostGone(TEXTS["not_found"], code="not_found") from None
            raise

    def thread(self, remote_id: str) -> Thread:
        post = self.post(self._status(remote_id))
        if post is None:
            raise PostGone(TEXTS["not_found"], code="not_found")
        try:
            context = as_dict(
                self.connector.api("GET", f"/api/v1/statuses/{quote(remote_id, safe='')}/context")
            )
        except Refused as exc:
            if exc.code == "not_found":
                raise PostGone(TEXTS["not_found"], code="not_found") from None
            raise
        ancestors = [p for p in map(self.post, context.get("ancestors") or []) if p is not None]
        # Mastodon gives the answers under a post already in thread order (each after its parent).
        replies = [p for p in map(self.post, context.get("descendants") or []) if p is not None]
        return Thread(post=post, ancestors=tuple(ancestors), replies=tuple(replies))

    def posts(self, remote_ids: Sequence[str]) -> list[RemotePost]:
        found: list[RemotePost] = []
        for status_id in dict.fromkeys(remote_ids):
            try:
                post = self.post(self._status(status_id))
            except PostGone:
                continue
            if post is not None:
                found.append(post)
        return found

    def pause_until(self) -> datetime | None:
        info = self.connector.last_rate_limit
        if info is None or info.remaining is None or info.limit is None or info.reset is None:
            return None
        if info.remaining <= max(1, int(info.limit * BUDGET_RESERVE)):
            return info.reset
        return None

    def like(self, remote_id: str, cid: str, key: str) -> str:
        """A favourite: Mastodon answers a repeat with the same status, so a retry never likes twice."""
        self.connector.api("POST", f"/api/v1/statuses/{quote(remote_id, safe='')}/favourite")
        return remote_id
