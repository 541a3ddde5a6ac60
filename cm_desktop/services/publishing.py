"""The composition root of publishing: accounts in the store + secrets in the keychain -> connectors -> outbox.

core/outbox knows nothing of httpx or of any network; this module is where an Account row becomes a live
Connector, and where the outbox is built with the app's paths, clock and settings.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx

from cm_desktop.core.models import Account
from cm_desktop.core.outbox import NoConnector, Outbox, OutboxPolicy
from cm_desktop.core.schedule import Clock
from cm_desktop.core.store import Store
from cm_desktop.networks.base import (
    AccountInfo,
    AuthExpired,
    Connector,
    LinkCard,
    OutgoingPost,
    PublishResult,
    ServerLimits,
    Transient,
)
from cm_desktop.platform.paths import AppPaths
from cm_desktop.platform.secrets import Secrets

log = logging.getLogger(__name__)

DIRECT_NETWORKS = ("bluesky", "mastodon")


class _ConnectWatch(httpx.BaseTransport):
    """The real transport, remembering per thread whether the last request failed before connecting.

    A connection that was never made carried no request: the outbox may then wait quietly instead of
    looking the post up (Bluesky's connector reports every transport failure with one code).
    """

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self._inner = inner
        self._local = threading.local()

    @property
    def nothing_sent(self) -> bool:
        return bool(getattr(self._local, "nothing_sent", False))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self._local.nothing_sent = False
        try:
            return self._inner.handle_request(request)
        except (httpx.ConnectError, httpx.ConnectTimeout):
            self._local.nothing_sent = True
            raise

    def close(self) -> None:
        self._inner.close()


class _OfflineAware:
    """A connector whose Transient errors say "unreachable" when no connection could be made."""

    def __init__(self, inner: Any, watch: _ConnectWatch) -> None:
        self._inner = inner
        self._watch = watch
        self.network: str = inner.network

    def _call(self, action: Callable[[], Any]) -> Any:
        try:
            return action()
        except Transient as exc:
            if self._watch.nothing_sent:
                exc.code = "unreachable"
            raise

    def verify(self) -> AccountInfo:
        result: AccountInfo = self._call(self._inner.verify)
        return result

    def limits(self) -> ServerLimits:
        result: ServerLimits = self._call(self._inner.limits)
        return result

    def publish(self, post: OutgoingPost) -> PublishResult:
        result: PublishResult = self._call(lambda: self._inner.publish(post))
        return result

    def lookup(self, post: OutgoingPost) -> PublishResult | None:
        result: PublishResult | None = self._call(lambda: self._inner.lookup(post))
        return result

    def delete(self, remote_id: str) -> None:
        self._call(lambda: self._inner.delete(remote_id))

    def close(self) -> None:
        self._inner.close()


def watched_client(timeout: httpx.Timeout | float | None = None) -> tuple[httpx.Client, _ConnectWatch]:
    from cm_desktop.networks.http import DEFAULT_TIMEOUT, _ssl_context, build_client

    # A custom transport ignores the client's `verify`: give it the system trust store itself.
    watch = _ConnectWatch(httpx.HTTPTransport(verify=_ssl_context()))
    client = build_client(timeout=timeout if timeout is not None else DEFAULT_TIMEOUT, transport=watch)
    return client, watch


def connector_factory(
    secrets: Secrets, *, timeout: httpx.Timeout | float | None = None
) -> Callable[[Account], Connector]:
    """`connector_for(account)` for the outbox: reads the account's secret from the keychain."""

    def connector_for(account: Account) -> Connector:
        if account.network == "bluesky":
            from cm_desktop.networks.bluesky import BlueskyConnector

            client, watch = watched_client(timeout)
            try:
                inner = BlueskyConnector(secrets, account.secret_ref, client=client, owns_client=True)
            except BaseException:
                client.close()
                raise
            return _OfflineAware(inner, watch)
        if account.network == "mastodon":
            from cm_desktop.networks.http import DEFAULT_TIMEOUT
            from cm_desktop.networks.mastodon import MastodonConnector

            token = secrets.get(account.secret_ref) if account.secret_ref else None
            if not token:
                raise AuthExpired("no Mastodon login on this computer", code="not_connected")
            return MastodonConnector(
                account.server_url,
                token,
                account_id=account.remote_id,
                timeout=timeout if timeout is not None else DEFAULT_TIMEOUT,
            )
        raise NoConnector(account.network)

    return connector_for


# Networks whose card the client builds and sends with the post (the others read the page themselves).
CARD_NETWORKS = frozenset({"bluesky"})


def link_cards_for(
    cache_dir: Path, client_factory: Callable[[], httpx.Client] | None = None
) -> Callable[[str, str], LinkCard | None]:
    """(network, text) -> the link card to send: from the composer's cache, fetched now when missing."""
    from cm_desktop.core.link_card import LinkCardCache, card_link
    from cm_desktop.networks.link_preview import LinkPreviewFetcher, bluesky_link_card

    fetcher = LinkPreviewFetcher(LinkCardCache(cache_dir), client_factory)

    def card_for(network: str, text: str) -> LinkCard | None:
        if network not in CARD_NETWORKS:
            return None
        link = card_link(network, text)
        if link is None:
            return None
        return bluesky_link_card(fetcher.card_for(link))

    return card_for


def build_outbox(
    paths: AppPaths,
    store: Store,
    *,
    secrets: Secrets | None = None,
    clock: Clock | None = None,
    policy: OutboxPolicy | None = None,
    connector_for: Callable[[Account], Connector] | None = None,
) -> Outbox:
    """The outbox as the app and `cm-desktop publish-due` use it (lock file in the data folder)."""
    if policy is None:
        from datetime import timedelta

        from cm_desktop.core.settings import load_settings

        settings = load_settings(paths.settings_file)
        policy = OutboxPolicy(late_margin=timedelta(minutes=settings.late_margin_minutes))
    return Outbox(
        store,
        connector_for or connector_factory(secrets or Secrets()),
        clock,
        data_dir=paths.data,
        renditions_dir=paths.renditions,
        lock_path=paths.lock_file,
        policy=policy,
        link_card_for=link_cards_for(paths.data / "cache" / "link_cards"),
    )
