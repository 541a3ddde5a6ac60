"""The composition root of the inbox: an Account row + its secret -> a reader of its notifications, and the
syncs, likes and "read" pushes that the app, `cm-desktop inbox ...` and the background job run.

core/inbox knows nothing of networks; this module is where a connector becomes a NotificationReader.
In the app the connectors come from the app's one ConnectorPool (services/publishing.py), so a Bluesky
session is refreshed by one object only; elsewhere each reading makes its own and closes them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from cm_desktop.core.inbox import answers, sync
from cm_desktop.core.inbox.answers import release
from cm_desktop.core.models import Account
from cm_desktop.core.outbox import NoConnector
from cm_desktop.core.ports import NetworkError, NotificationReader, Publisher, Thread
from cm_desktop.core.store import Store
from cm_desktop.platform.paths import AppPaths
from cm_desktop.platform.secrets import Secrets
from cm_desktop.services.publishing import connector_factory

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

ReaderFactory = Callable[[Account], NotificationReader]


def reader_factory(secrets: Secrets, *, timeout: httpx.Timeout | float | None = None) -> ReaderFactory:
    """Readers with connectors of their own (secrets from the keychain), closed with them: the command line
    and the background job. The app uses `readers_over` its one pool instead."""
    return readers_over(connector_factory(secrets, timeout=timeout), owns_connectors=True)


def readers_over(connector_for: Callable[[Account], Publisher], *, owns_connectors: bool) -> ReaderFactory:
    """`reader_for(account)`: the account's connector (from `connector_for`) reading notifications.
    `owns_connectors=False` when the connectors belong to a pool that outlives the reading (the app's: one
    Bluesky session per account, refreshed by one object)."""

    def reader_for(account: Account) -> NotificationReader:
        connector = connector_for(account)
        if account.network == "bluesky":
            from cm_desktop.networks.bluesky import BlueskyConnector
            from cm_desktop.networks.bluesky_inbox import BlueskyReader

            assert isinstance(connector, BlueskyConnector)
            return BlueskyReader(connector, owns_connector=owns_connectors)
        if account.network == "mastodon":
            from cm_desktop.networks.mastodon import MastodonConnector
            from cm_desktop.networks.mastodon_inbox import MastodonReader

            assert isinstance(connector, MastodonConnector)
            return MastodonReader(connector, owns_connector=owns_connectors)
        if owns_connectors:
            connector.close()
        raise NoConnector(account.network)

    return reader_for


def lock_path(paths: AppPaths) -> Any:
    return paths.data / "inbox.lock"


def sync_inbox(
    paths: AppPaths,
    store: Store,
    reader_for: ReaderFactory,
    *,
    interval: timedelta | None = None,
    now: datetime | None = None,
    policy: sync.InboxPolicy | None = None,
    accounts: Sequence[Account] | None = None,
) -> sync.SyncRun:
    """Read what is new on every due account (or on `accounts`), then send the likes that wait."""
    moment = now or datetime.now(UTC)
    run = sync.sync_all(
        store,
        reader_for,
        moment,
        interval=interval,
        lock_path=lock_path(paths),
        policy=policy,
        accounts=accounts,
    )
    if not run.busy:
        try:
            answers.send_likes(store, reader_for)
        except Exception:  # a like never stops the reading
            log.exception("inbox: sending likes")
    return run


def _with_reader(
    store: Store, account_id: int, reader_for: ReaderFactory
) -> tuple[Account, NotificationReader]:
    with store.session() as session:
        account = session.get(Account, account_id)
    if account is None:
        raise NoConnector("no account")
    return account, reader_for(account)


def load_thread(store: Store, account_id: int, remote_id: str, reader_for: ReaderFactory) -> Thread:
    """The conversation around a post, read now (raises PostGone, Blocked, NotSent...)."""
    _account, reader = _with_reader(store, account_id, reader_for)
    try:
        return reader.thread(remote_id)
    finally:
        release(reader)


def push_seen(store: Store, account_ids: Sequence[int], reader_for: ReaderFactory) -> dict[int, str]:
    """Tell each account's network what was read here; returns the accounts it could not tell (and why).
    What could not be told now is told at the next sync."""
    failed: dict[int, str] = {}
    for account_id in account_ids:
        try:
            account, reader = _with_reader(store, account_id, reader_for)
        except (NetworkError, NoConnector) as exc:
            failed[account_id] = type(exc).__name__
            continue
        try:
            sync.push_seen(store, account, reader)
        except NetworkError as exc:
            failed[account_id] = exc.code or type(exc).__name__
        finally:
            release(reader)
    return failed


def server_unread(store: Store, account_id: int, reader_for: ReaderFactory) -> int | None:
    """What the network itself counts as unseen (None when it cannot be asked now)."""
    try:
        _account, reader = _with_reader(store, account_id, reader_for)
    except (NetworkError, NoConnector):
        return None
    try:
        return reader.unread_count()
    except NetworkError:
        return None
    finally:
        release(reader)
