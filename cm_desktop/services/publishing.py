"""The composition root of publishing: accounts in the store + secrets in the keychain -> connectors -> outbox.

core/outbox knows nothing of httpx or of any network; this module is where an Account row becomes a live
Publisher, and where the outbox is built with the app's paths, clock and settings.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cm_desktop.core import networks
from cm_desktop.core.models import Account
from cm_desktop.core.outbox import NoConnector, Outbox, OutboxPolicy, TargetOutcome
from cm_desktop.core.ports import (
    AuthExpired,
    LinkCard,
    Publisher,
)
from cm_desktop.core.schedule import Clock
from cm_desktop.core.store import Store
from cm_desktop.platform.paths import AppPaths
from cm_desktop.platform.secrets import Secrets

if TYPE_CHECKING:
    import httpx  # the connectors import it when the first one is made (~70 modules, ssl)

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


def ending_connector(
    secrets: Secrets, *, transport: httpx.BaseTransport | None = None
) -> Callable[[Account], Publisher]:
    """A connector able to end its own login on the server (`SessionEnding`): removing an account uses it.
    Mastodon needs CM Desktop's registration that gave the login out (the current one and the earlier ones
    are in the keychain)."""
    plain = connector_factory(secrets)

    def connector_for(account: Account) -> Publisher:
        if account.network != "mastodon":
            return plain(account)
        from cm_desktop.networks.mastodon import (
            AppRegistration,
            MastodonConnector,
            app_secret_ref,
            earlier_registrations,
        )

        token = secrets.get(account.secret_ref) if account.secret_ref else None
        if not token:
            raise AuthExpired("no Mastodon login on this computer", code="not_connected")
        stored = secrets.get(app_secret_ref(account.server_url))
        registration = AppRegistration.from_secret(stored) if stored else None
        return MastodonConnector(
            account.server_url,
            token,
            account_id=account.remote_id,
            transport=transport,
            registration=registration,
            # A login made before CM Desktop registered again (for listening) is ended with its own.
            earlier_registrations=earlier_registrations(secrets, account.server_url),
        )

    return connector_for


class ConnectorPool:
    """One live connector per account for the app's life, shared by everything that talks to networks (the
    outbox, the inbox, results): a Bluesky session is then refreshed by one object at a time (two refreshers
    with the same token would revoke each other), and the keychain is read once per account, not per minute.

    A connector is made again when its account's login changes (reconnected: a new keychain entry).
    Thread-safe: runs happen on worker threads.
    """

    def __init__(self, secrets: Secrets, *, timeout: httpx.Timeout | float | None = None) -> None:
        self._make = connector_factory(secrets, timeout=timeout)
        self._lock = threading.Lock()
        self._made: dict[int, tuple[tuple[str, ...], Publisher]] = {}

    def get(self, account: Account) -> Publisher:
        assert account.id is not None
        key = (account.network, account.secret_ref, account.server_url, account.remote_id)
        with self._lock:
            found = self._made.get(account.id)
            if found is not None and found[0] == key:
                return found[1]
            if found is not None:
                _close_quietly(found[1])
            connector = self._make(account)
            self._made[account.id] = (key, connector)
            return connector

    def forget(self, account_id: int) -> None:
        """The account was removed or disconnected: its connector is closed and never used again."""
        with self._lock:
            found = self._made.pop(account_id, None)
        if found is not None:
            _close_quietly(found[1])

    def close(self) -> None:
        with self._lock:
            made, self._made = self._made, {}
        for _key, connector in made.values():
            _close_quietly(connector)


def _close_quietly(connector: Publisher) -> None:
    try:
        connector.close()
    except Exception:
        log.exception("closing a connector failed")


class AppPublishing:
    """The app's one outbox, built on first use (on the worker thread: it imports the network code) and kept
    for the app's life with one pool of connectors; each run reads the store afresh."""

    def __init__(
        self, paths: AppPaths, store: Store, secrets: Secrets, *, clock: Clock | None = None
    ) -> None:
        self.paths, self.store, self.clock = paths, store, clock
        self.pool = ConnectorPool(secrets)
        self._secrets = secrets
        self._refresher: Any = None
        self._outbox: Outbox | None = None
        self._lock = threading.Lock()

    @property
    def outbox(self) -> Outbox:
        with self._lock:
            if self._outbox is None:
                self._outbox = build_outbox(
                    self.paths,
                    self.store,
                    clock=self.clock,
                    connector_for=self.pool.get,
                    keep_connectors=True,
                )
            return self._outbox

    def run(self) -> list[TargetOutcome]:
        outcomes = self.outbox.run()
        self._server_facts().refresh_due()  # servers' limits, weekly, after the posts: never in their way
        return outcomes

    def _server_facts(self) -> Any:
        """One refresher for the app's life (it remembers failures), made on the worker thread."""
        from cm_desktop.services.accounts.server_facts import refresher_for

        with self._lock:
            if self._refresher is None:
                self._refresher = refresher_for(self.store, self._secrets)
            return self._refresher

    def set_late_margin(self, minutes: int) -> None:
        """Settings changed: the next run uses the new margin."""
        with self._lock:
            if self._outbox is not None:
                self._outbox.with_policy(replace(self._outbox.policy, late_margin=timedelta(minutes=minutes)))

    def close(self) -> None:
        self.pool.close()


def link_cards_for(
    cache_dir: Path, client_factory: Callable[[], httpx.Client] | None = None
) -> Callable[[str, str], LinkCard | None]:
    """(network, text) -> the link card to send: from the composer's cache, fetched now when missing."""
    fetchers: list[Any] = []  # made at the first link: the fetcher imports httpcore (~40 modules)

    def card_for(network: str, text: str) -> LinkCard | None:
        # Only where the client builds the card and sends it with the post; other servers read the page.
        if not networks.get(network).can.client_link_cards:
            return None
        # With the first post to such a network (the text rules' patterns come with it), not at start.
        from cm_desktop.core.link_card import LinkCardCache, card_link

        link = card_link(network, text)
        if link is None:
            return None
        from cm_desktop.networks.link_preview import LinkPreviewFetcher, bluesky_link_card

        if not fetchers:
            fetchers.append(LinkPreviewFetcher(LinkCardCache(cache_dir), client_factory))
        return bluesky_link_card(fetchers[0].card_for(link))

    return card_for


def build_outbox(
    paths: AppPaths,
    store: Store,
    *,
    secrets: Secrets | None = None,
    clock: Clock | None = None,
    policy: OutboxPolicy | None = None,
    connector_for: Callable[[Account], Publisher] | None = None,
    keep_connectors: bool = False,
) -> Outbox:
    """The outbox as the app and `cm-desktop publish-due` use it (lock file in the data folder).

    `keep_connectors`: the connectors belong to the caller (a pool) and outlive each run.
    """
    if policy is None:
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
        keep_connectors=keep_connectors,
        langs=_languages(store),
    )


def _languages(store: Store) -> tuple[str, ...]:
    """The language the business writes in (its profile), sent with each post where a network takes it."""
    from sqlmodel import select

    from cm_desktop.core.models import BusinessProfile

    with store.session() as session:
        profile = session.exec(select(BusinessProfile)).first()
    return (profile.language,) if profile is not None and profile.language else ()
