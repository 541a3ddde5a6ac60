"""What the domain needs from a network, and the one family of errors a network may raise.

`cm_desktop.networks` implements these protocols (one connector per account); core code only ever sees the
protocols, so it never imports an adapter (tests/unit/test_layers.py checks it).

The errors say what is known about a request, and the outbox decides from the class alone:
- NotSent: the request never left this computer (no connection could be made): nothing can have arrived,
  retrying is safe and nothing needs looking up;
- Unknown: it may have arrived (timeout, reset, 5xx, an answer cut short): look the post up before any retry;
- Refused: the network clearly said no (with its reason); retrying the same thing will not help;
- RateLimited: nothing may be sent to this server before `until`;
- AuthExpired: the login is no longer valid; only the person reconnecting helps.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

from cm_desktop.core.i18n import Lang, Text

# --- errors -------------------------------------------------------------------------------------------


class NetworkError(Exception):
    """Base of every error a connector raises. Never holds a secret (nor a request, which may carry one).

    `what` is either the English message or a bilingual Text (then `message(lang)` gives the person's
    language, with `params` filled in). `code` is the network's own error name or ours, for logs and tests;
    `server_reason` is the server's explanation, shown as it came, never matched on.
    """

    def __init__(
        self, what: str | Text = "", *, code: str = "", server_reason: str = "", **params: object
    ) -> None:
        self.text = what if isinstance(what, Text) else None
        self.params = params
        super().__init__(what.get("en", **params) if isinstance(what, Text) else what)
        self.code = code
        self.server_reason = server_reason
        # What the server gave before the failure (ids of uploaded pictures): kept for the next attempt.
        self.progress: dict[str, str] = {}

    def message(self, lang: Lang) -> str:
        """What to tell the person, in their language."""
        if self.text is not None:
            return self.text.get(lang, **self.params)
        return str(self) or self.server_reason or type(self).__name__


class NotSent(NetworkError):
    """No connection could be made: the request never left, so it cannot have been carried out."""


class Unknown(NetworkError):
    """The request may or may not have been carried out (timeout, reset, 5xx, a cut answer)."""


class Refused(NetworkError):
    """The server clearly refused (a 4xx that is neither auth nor rate limit); retrying will not help."""


class PostGone(Refused):
    """The post is no longer on the network (deleted, or its author's account is gone)."""


class Blocked(Refused):
    """The person blocked this author, or was blocked by them: the post cannot be read or answered."""


class AuthExpired(NetworkError):
    """The login is no longer valid: the person must reconnect the account."""


class RateLimited(NetworkError):
    """The server asked us to wait; nothing may be sent to it before `until` (UTC, aware)."""

    def __init__(
        self,
        what: str | Text = "",
        *,
        until: datetime,
        code: str = "rate_limited",
        server_reason: str = "",
        **params: object,
    ) -> None:
        super().__init__(what, code=code, server_reason=server_reason, **params)
        self.until = until


# --- what a server says about itself and about us -----------------------------------------------------


@dataclass(frozen=True)
class ServerLimits:
    """What a server announces about itself; None means the network's documented default applies.

    Names are Mastodon's (/api/v2/instance `configuration`); stored as JSON in `Account.server_limits`.
    """

    max_characters: int | None = None
    characters_reserved_per_url: int | None = None
    max_media_attachments: int | None = None
    image_size_limit: int | None = None  # bytes
    image_matrix_limit: int | None = None  # pixels (width x height)
    video_size_limit: int | None = None
    video_matrix_limit: int | None = None
    description_limit: int | None = None  # characters of a picture's description (alt text)
    supported_mime_types: tuple[str, ...] = ()

    def to_json(self) -> str:
        data = {k: v for k, v in asdict(self).items() if v not in (None, ())}
        return json.dumps(data, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, raw: str) -> ServerLimits:
        """What `to_json` wrote; anything else (an older shape, a damaged value) counts as nothing announced."""
        try:
            data = json.loads(raw or "{}")
        except ValueError:
            return cls()
        if not isinstance(data, dict):
            return cls()
        found: dict[str, Any] = {}
        for item in fields(cls):
            value = data.get(item.name)
            if item.name == "supported_mime_types":
                if isinstance(value, list) and all(isinstance(m, str) for m in value):
                    found[item.name] = tuple(value)
            elif isinstance(value, int) and not isinstance(value, bool) and value > 0:
                found[item.name] = value
        return cls(**found)


@dataclass(frozen=True)
class AccountInfo:
    """Who we are connected as, as the server reports it."""

    network: str
    handle: str
    display_name: str
    remote_id: str
    server_url: str
    avatar_url: str = ""
    # The person's default visibility for new posts where the network has one (Mastodon source.privacy).
    default_visibility: str = ""
    default_language: str = ""


# --- publishing ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutgoingImage:
    """A prepared rendition ready to upload: bytes already fit the network's limits, metadata stripped."""

    path: Path
    mime_type: str
    alt: str
    width: int
    height: int
    focal: tuple[float, float] = (0.5, 0.5)  # 0..1 from the top left, as the person placed it


@dataclass(frozen=True)
class LinkCard:
    """An Open Graph card to attach where the client builds it (Bluesky)."""

    uri: str
    title: str
    description: str
    thumb: OutgoingImage | None = None


@dataclass(frozen=True)
class ReplyTo:
    """The post an answer goes under. Bluesky needs the thread's root as well as the parent (and their
    content ids); Mastodon needs the parent's id, its visibility and who to mention."""

    parent_id: str
    root_id: str = ""
    parent_cid: str = ""
    root_cid: str = ""
    visibility: str = ""
    mention: str = ""  # the author answered, as the network writes a mention (Mastodon "@user@host")


@dataclass(frozen=True)
class OutgoingPost:
    """One post target as the connector needs it.

    `idempotency_key` is created once per target and stored before the first request: Mastodon's
    Idempotency-Key, Bluesky's record key (a TID). `not_before` bounds a look-up: the post cannot have been
    created before that moment (the first attempt's commit, less some clock skew).
    """

    text: str
    idempotency_key: str
    images: tuple[OutgoingImage, ...] = ()
    link_card: LinkCard | None = None
    langs: tuple[str, ...] = ()
    scheduled_at: datetime | None = None
    fingerprint: str = ""
    reply_to: ReplyTo | None = None
    visibility: str = ""  # "": the account's own default
    not_before: datetime | None = None
    # The pictures' ids an earlier attempt got from the server, by position ("" when not uploaded): a retry
    # does not upload them again (orphans, and Mastodon's 30 uploads per 30 minutes).
    uploaded: tuple[str, ...] = ()
    # Copies the server keeps for other targets of this account: a look-up never claims one of them.
    taken_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class PublishResult:
    remote_id: str
    url: str
    scheduled: bool = False
    extra: dict[str, str] = field(default_factory=dict)


@runtime_checkable
class Publisher(Protocol):
    """One network account, ready to publish. Built with its secrets already read from the keychain."""

    network: str

    def verify(self) -> AccountInfo:
        """Check that the login works and say who we are."""
        ...

    def limits(self) -> ServerLimits:
        """What the server announces (a Mastodon instance's character limit, for instance)."""
        ...

    def publish(self, post: OutgoingPost) -> PublishResult:
        """Send one post target. Raises one of the NetworkError classes."""
        ...

    def lookup(self, post: OutgoingPost) -> PublishResult | None:
        """Find a post that may already have been sent (by key, record key or fingerprint).

        Returns None when the server surely has no such post; raises Unknown when it cannot tell.
        """
        ...

    def delete(self, remote_id: str) -> None:
        """Remove a published post."""
        ...

    def close(self) -> None:
        """Give back the connection (the outbox closes every connector at the end of a run)."""
        ...


@runtime_checkable
class NativeScheduling(Protocol):
    """A connector whose server keeps posts for later (Mastodon `scheduled_at`): `publish` with
    `scheduled_at` answers a PublishResult with `scheduled=True`, whose remote id is the server's copy."""

    def reschedule(self, native_id: str, when: datetime) -> PublishResult | None:
        """Move the server's copy to `when` (aware). None: the server no longer holds it (already published
        at its time, or deleted there); find out which with `find_published`."""
        ...

    def cancel(self, native_id: str) -> bool:
        """Remove the server's copy so it is never published. False: the server no longer held it."""
        ...

    def scheduled_copy(self, native_id: str) -> PublishResult | None:
        """The server's copy with this id, or None when the server no longer holds it."""
        ...

    def find_published(self, post: OutgoingPost, since: datetime | None) -> PublishResult | None:
        """The post among the account's published posts created at or after `since`, by its text.

        None when it is surely not there; raises Unknown when the server cannot be asked.
        """
        ...


@runtime_checkable
class SessionEnding(Protocol):
    """A connector that can end its own login on the server (the account is being removed)."""

    def end_session(self) -> None:
        """Revoke the session or token on the server, so the stored one no longer works anywhere."""
        ...


@runtime_checkable
class LoginExpiry(Protocol):
    """A connector whose login ends on a date the network gives (Bluesky); others' never end by themselves."""

    def login_expires_at(self) -> datetime | None:
        """When the stored login stops working unless used (aware UTC), or None when it cannot be told."""
        ...


# --- reading ------------------------------------------------------------------------------------------

NotificationKind = Literal["reply", "mention", "quote", "follow", "like", "repost"]
NOTIFICATION_KINDS: tuple[NotificationKind, ...] = ("reply", "mention", "quote", "follow", "like", "repost")


@dataclass(frozen=True)
class Author:
    """Someone on the network, as a notification or a search result shows them."""

    handle: str
    display_name: str = ""
    avatar_url: str = ""
    remote_id: str = ""  # Bluesky DID, Mastodon account id
    url: str = ""  # their profile page
    # How an answer names them so they are told (Mastodon "@user@host"; "" where the reply itself tells).
    mention: str = ""
    followed: bool = False  # the person already follows them (where the network says so with the post)


@dataclass(frozen=True)
class RemotePost:
    """A post on the network (ours or someone else's) as read back: a reply, a mention, a search result."""

    remote_id: str  # Bluesky at:// URI, Mastodon status id
    url: str
    author: Author
    text: str
    created_at: datetime
    cid: str = ""  # Bluesky's content id (a reply must name it)
    reply_parent_id: str = ""
    reply_root_id: str = ""
    reply_root_cid: str = ""
    visibility: str = ""
    language: str = ""
    tags: tuple[str, ...] = ()  # its hashtags, without "#", as the network lists them


@dataclass(frozen=True)
class Notification:
    """One thing that happened to the person's account.

    `sort_key` orders notifications as the network pages them (Bluesky: the time it indexed them; Mastodon:
    the notification id, zero-padded): a sync walks back from the newest until it reaches the key it has.
    `count` > 1 stands for several people at once (Mastodon's grouped notifications say "and N others"
    without naming them all). `edited`: the post was changed on the network (Mastodon "update"): nothing new
    to store, only the text of what is already stored.
    """

    remote_id: str  # the notification's own id on the network (stable: a second sync finds it again)
    kind: NotificationKind
    author: Author
    created_at: datetime
    sort_key: str = ""
    post: RemotePost | None = None  # the reply, mention or quote itself
    subject_id: str = ""  # our post it is about (liked, reposted, answered, quoted)
    subject_text: str = ""  # that post's text, when the network sends it along
    read: bool = False
    count: int = 1
    edited: bool = False
    url: str = ""  # where to see it on the network (the post liked, the new follower's profile)


@dataclass(frozen=True)
class NotificationPage:
    """Newest first. `next_cursor` goes further back in time ("" at the end). `seen_up_to`: the sort key up
    to which the network counts everything as seen ("" when it does not say). `skipped`: items of the page
    that could not be read at all (counted, never fatal)."""

    items: tuple[Notification, ...]
    next_cursor: str = ""
    seen_up_to: str = ""
    skipped: int = 0


@dataclass(frozen=True)
class Thread:
    """A conversation around one post: what it answers (oldest first) and the answers under it (each after
    its parent, depth first)."""

    post: RemotePost
    ancestors: tuple[RemotePost, ...] = ()
    replies: tuple[RemotePost, ...] = ()


@dataclass(frozen=True)
class Search:
    """A saved search as a network needs it (core/listening/query.py reads it from what the person typed).

    Every part must be in a post for it to match: `words` (anywhere, any case), `phrases` (those words in that
    order), `tags` (hashtags, without "#"), `handles` (accounts named, without "@"). `text` is the whole
    search as the person wrote it; `language` ("" for any) keeps only posts written in it where the network
    can tell."""

    text: str
    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    language: str = ""


# Why a network searched less than it was asked (SearchPage.limited), for the person.
WORDS_AS_TAGS = "words_as_tags"  # the server does not search the words of posts: its hashtags were read
SEARCH_NOT_ALLOWED = "search_not_allowed"  # the login does not allow searching words: hashtags were read
REMOTE_TAGS_OFF = "remote_tags_off"  # the server shows hashtags of its own members' posts only
# The code of the Refused a network raises when it can search neither the words nor the hashtags asked for.
NO_SEARCH_HERE = "no_search_here"


@dataclass(frozen=True)
class SearchPage:
    """Newest first. `next_cursor` goes further back ("" at the end). `limited`: one of the reasons above
    ("" when the network searched exactly what was asked)."""

    items: tuple[RemotePost, ...]
    next_cursor: str = ""
    limited: str = ""


@dataclass(frozen=True)
class PostCounts:
    """A published post's counts at one moment. `deleted`: the network no longer has the post."""

    remote_id: str
    likes: int = 0
    reposts: int = 0
    replies: int = 0
    quotes: int = 0
    deleted: bool = False


@dataclass(frozen=True)
class AccountCounts:
    followers: int
    following: int
    posts: int


@runtime_checkable
class NotificationReader(Protocol):
    """What the inbox reads of one account on a network we connect to directly."""

    def notifications(self, cursor: str = "", *, limit: int = 50, since: str = "") -> NotificationPage:
        """A page of notifications, newest first, starting after `cursor` ("" for the newest). `since` (a
        sort key) lets a server that can leave out what is older do so; the caller still checks the keys."""
        ...

    def mark_seen(self, up_to: str) -> None:
        """Tell the network the person has seen every notification up to the sort key `up_to`."""
        ...

    def unread_count(self) -> int:
        """How many notifications the network itself counts as unseen."""
        ...

    def thread(self, remote_id: str) -> Thread:
        """The conversation around one post. Raises PostGone when the post is gone, Blocked when blocked."""
        ...

    def posts(self, remote_ids: Sequence[str]) -> list[RemotePost]:
        """These posts as the network has them now; a post it no longer has is left out."""
        ...

    def pause_until(self) -> datetime | None:
        """When the server's announced request budget is nearly spent: the time it is renewed (aware UTC);
        None when reading may go on."""
        ...


@runtime_checkable
class Liking(Protocol):
    """A connector that can like a post. `key` is made once and stored before the first request, so a
    repeat after an unclear outcome never likes twice (Bluesky: the like's record key)."""

    def like(self, remote_id: str, cid: str, key: str) -> str:
        """Like the post; returns the like's id on the network. Liking it again changes nothing."""
        ...


@runtime_checkable
class Searching(Protocol):
    """What listening reads of one account: recent public posts matching a saved search."""

    def search(
        self, query: Search, cursor: str = "", *, since: datetime | None = None, limit: int = 25
    ) -> SearchPage:
        """Public posts matching `query`, newest first, from `cursor` ("" for the newest). `since` lets a
        server leave out older posts (the caller still checks the dates). Raises Refused when the network
        cannot search this at all (its message says why, for the person)."""
        ...

    def pause_until(self) -> datetime | None:
        """When the server's announced request budget is nearly spent: the time it is renewed (aware UTC)."""
        ...


@runtime_checkable
class Following(Protocol):
    """A connector that can follow an account. `key` is made once and stored before the first request, so a
    repeat after an unclear outcome never follows twice (Bluesky: the follow's record key)."""

    def follow(self, author_id: str, key: str) -> str:
        """Follow the author (Bluesky DID, Mastodon account id); returns the follow's id on the network."""
        ...


@runtime_checkable
class Counting(Protocol):
    """What the Results page reads of one account: counts of its published posts, and of the account."""

    def post_counts(self, remote_ids: Sequence[str]) -> list[PostCounts]:
        """Counts of our published posts, one per id asked. A post the network surely no longer has comes
        back `deleted`; one it cannot tell about now (not indexed yet, hidden) is left out."""
        ...

    def account_counts(self) -> AccountCounts:
        """Followers, following and posts of the connected account."""
        ...

    def pause_until(self) -> datetime | None:
        """When the server's announced request budget is nearly spent: the time it is renewed (aware UTC);
        None when reading may go on."""
        ...

    def close(self) -> None:
        """Give back the connection."""
        ...


@runtime_checkable
class Reader(NotificationReader, Searching, Counting, Protocol):
    """Everything that can be read of one account: the inbox's reads, searches and counts."""
