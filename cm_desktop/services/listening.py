"""The composition root of listening: an Account (through a connector) -> a searcher of public posts, and
the runs the app's timer, `cm-desktop watch run` and the background job make.

core/listening knows nothing of networks; this module is where a connector becomes a core.ports.Searching.
In the app the connectors come from the app's one ConnectorPool (services/publishing.py), so a Bluesky
session is refreshed by one object only; elsewhere each run makes its own and closes them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cm_desktop.core.listening import leads
from cm_desktop.core.listening.run import ListenPolicy, ListenRun, run_due
from cm_desktop.core.models import Account
from cm_desktop.core.outbox import NoConnector
from cm_desktop.core.ports import Publisher, Searching
from cm_desktop.core.store import Store
from cm_desktop.platform.paths import AppPaths
from cm_desktop.platform.secrets import Secrets

log = logging.getLogger(__name__)

SearcherFactory = Callable[[Account], Searching]


def searcher_factory(
    connector_for: Callable[[Account], Publisher], *, owns_connectors: bool
) -> SearcherFactory:
    """`searcher_for(account)`: the account's connector (from `connector_for`) able to search, like and
    follow. `owns_connectors=False` when the connectors belong to a pool that outlives the run."""

    def searcher_for(account: Account) -> Searching:
        connector = connector_for(account)
        if account.network == "bluesky":
            from cm_desktop.networks.bluesky import BlueskyConnector
            from cm_desktop.networks.bluesky_listening import BlueskyListener

            assert isinstance(connector, BlueskyConnector)
            return BlueskyListener(connector, owns_connector=owns_connectors)
        if account.network == "mastodon":
            from cm_desktop.networks.mastodon import MastodonConnector
            from cm_desktop.networks.mastodon_listening import MastodonListener

            assert isinstance(connector, MastodonConnector)
            return MastodonListener(connector, owns_connector=owns_connectors)
        if owns_connectors:
            connector.close()
        raise NoConnector(account.network)

    return searcher_for


def own_searchers(secrets: Secrets) -> SearcherFactory:
    """Searchers with connectors of their own (the command line, the background job)."""
    from cm_desktop.services.publishing import connector_factory

    return searcher_factory(connector_factory(secrets), owns_connectors=True)


def lock_path(paths: AppPaths) -> Path:
    return paths.data / "listening.lock"


def listen(
    paths: AppPaths,
    store: Store,
    searcher_for: SearcherFactory,
    *,
    now: datetime | None = None,
    policy: ListenPolicy | None = None,
) -> ListenRun:
    """Run the searches that are due, then send the likes and follows that wait."""
    run = run_due(store, searcher_for, now or datetime.now(UTC), policy=policy, lock_path=lock_path(paths))
    if not run.busy:
        send_waiting(store, searcher_for)
    return run


def send_waiting(store: Store, searcher_for: Callable[[Account], Any]) -> None:
    """The likes and follows asked for (a like or a follow never stops a run)."""
    try:
        leads.send_likes(store, searcher_for)
        leads.send_follows(store, searcher_for)
    except Exception:
        log.exception("listening: sending likes and follows")


class AppListening:
    """Listening inside the app: searchers over the app's ConnectorPool, made on the worker thread."""

    def __init__(self, paths: AppPaths, store: Store, connector_for: Callable[[Account], Publisher]) -> None:
        self.paths, self.store = paths, store
        self.searcher_for = searcher_factory(connector_for, owns_connectors=False)

    def run(self, now: datetime | None = None) -> ListenRun:
        return listen(self.paths, self.store, self.searcher_for, now=now)

    def send_likes(self) -> list[leads.LikeOutcome]:
        return leads.send_likes(self.store, self.searcher_for)

    def send_follows(self) -> list[leads.FollowOutcome]:
        return leads.send_follows(self.store, self.searcher_for)
