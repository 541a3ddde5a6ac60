"""The composition root of publishing: accounts in the store + secrets in the keychain -> connectors -> outbox.

core/outbox knows nothing of httpx or of any network; this module is where an Account row becomes a live
Publisher, and where the outbox is built with the app's paths, clock and settings.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import httpx

from cm_desktop.core import networks
from cm_desktop.core.models import Account
from cm_desktop.core.outbox import NoConnector, Outbox, OutboxPolicy
from cm_desktop.core.ports import (
    AuthExpired,
    LinkCard,
    Publisher,
)
from cm_desktop.core.schedule import Clock
from cm_desktop.core.store import Store
from cm_desktop.platform.paths import AppPaths
from cm_desktop.platform.secrets import Secrets

log = logging.getLogger(__name__)


def connector_factory(
    secrets: Secrets, *, timeout: httpx.Timeout | float | None = None
) -> Callable[[Account], Publisher]:
    """`connector_for(account)` for the outbox: reads the account's secret from the keychain."""

    def connector_for(account: Account) -> Publisher:
        if account.network == "bluesky":
            from cm_desktop.networks.bluesky import BlueskyConnector
            from cm_desktop.networks.http import DEFAULT_TIMEOUT, build_client

            client = build_client(timeout=timeout if timeout is not None else DEFAULT_TIMEOUT)
            try:
                return BlueskyConnector(secrets, account.secret_ref, client=client, owns_client=True)
            except BaseException:
                client.close()
                raise
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


def link_cards_for(
    cache_dir: Path, client_factory: Callable[[], httpx.Client] | None = None
) -> Callable[[str, str], LinkCard | None]:
    """(network, text) -> the link card to send: from the composer's cache, fetched now when missing."""
    from cm_desktop.core.link_card import LinkCardCache, card_link
    from cm_desktop.networks.link_preview import LinkPreviewFetcher, bluesky_link_card

    fetcher = LinkPreviewFetcher(LinkCardCache(cache_dir), client_factory)

    def card_for(network: str, text: str) -> LinkCard | None:
        # Only where the client builds the card and sends it with the post; other servers read the page.
        if not networks.get(network).can.client_link_cards:
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
    connector_for: Callable[[Account], Publisher] | None = None,
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
