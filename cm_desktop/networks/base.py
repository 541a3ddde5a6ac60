"""What every network connector offers, and the errors it may raise.

The outbox decides what to do from the error's class alone: a Transient or unclear outcome is reconciled
before any retry, Permanent fails the target with the server's reason, AuthExpired parks it and flags the
account, RateLimited waits until the moment the server gave.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Protocol, runtime_checkable


class ConnectorError(Exception):
    """Base of every error a connector raises. The message never contains a secret."""

    def __init__(self, message: str, *, code: str = "", server_reason: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.server_reason = server_reason


class Transient(ConnectorError):
    """Timeout, reset, 5xx: the request may or may not have reached the server (outcome unknown)."""


class Permanent(ConnectorError):
    """The server clearly refused (a 4xx that is neither auth nor rate limit); retrying will not help."""


class AuthExpired(ConnectorError):
    """The login is no longer valid: the person must reconnect the account."""


class RateLimited(ConnectorError):
    """The server asked us to wait; nothing may be sent to it before `until` (UTC, aware)."""

    def __init__(self, message: str, *, until: datetime, code: str = "rate_limited") -> None:
        super().__init__(message, code=code)
        self.until = until


@dataclass(frozen=True)
class ServerLimits:
    """What a server announces about itself; None means the network's documented default applies."""

    max_characters: int | None = None
    characters_reserved_per_url: int | None = None
    max_media_attachments: int | None = None
    image_size_limit: int | None = None
    image_matrix_limit: int | None = None
    supported_mime_types: tuple[str, ...] = ()


@dataclass(frozen=True)
class AccountInfo:
    """Who we are connected as, as the server reports it."""

    network: str
    handle: str
    display_name: str
    remote_id: str
    server_url: str
    avatar_url: str = ""


@dataclass(frozen=True)
class OutgoingImage:
    """A prepared rendition ready to upload: bytes already fit the network's limits, metadata stripped."""

    path: Path
    mime_type: str
    alt: str
    width: int
    height: int


@dataclass(frozen=True)
class LinkCard:
    """An Open Graph card to attach where the client builds it (Bluesky)."""

    uri: str
    title: str
    description: str
    thumb: OutgoingImage | None = None


@dataclass(frozen=True)
class OutgoingPost:
    """One post target as the connector needs it.

    `idempotency_key` is created once per target and stored before the first request: Mastodon's
    Idempotency-Key, Bluesky's record key (a TID).
    """

    text: str
    idempotency_key: str
    images: tuple[OutgoingImage, ...] = ()
    link_card: LinkCard | None = None
    langs: tuple[str, ...] = ()
    scheduled_at: datetime | None = None
    fingerprint: str = ""


@dataclass(frozen=True)
class PublishResult:
    remote_id: str
    url: str
    scheduled: bool = False
    extra: dict[str, str] = field(default_factory=dict)


@runtime_checkable
class Connector(Protocol):
    """One network account, ready to act. Built with its secrets already read from the keychain."""

    network: str

    def verify(self) -> AccountInfo:
        """Check that the login works and say who we are."""
        ...

    def limits(self) -> ServerLimits:
        """What the server announces (a Mastodon instance's character limit, for instance)."""
        ...

    def publish(self, post: OutgoingPost) -> PublishResult:
        """Send one post target. Raises one of the ConnectorError classes."""
        ...

    def lookup(self, post: OutgoingPost) -> PublishResult | None:
        """Find a post that may already have been sent (by key, record key or fingerprint).

        Returns None when the server surely has no such post; raises Transient when it cannot tell.
        """
        ...

    def delete(self, remote_id: str) -> None:
        """Remove a published (or natively scheduled) post."""
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

    def find_published(self, post: OutgoingPost, since: datetime | None) -> PublishResult | None:
        """The post among the account's published posts created at or after `since`, by its text.

        None when it is surely not there; raises Transient when the server cannot be asked.
        """
        ...
