"""The composition root of the Results page: an Account row + its secret -> a counter of its figures, and the
readings that the app and `cm-desktop insights sync` run.

core/results knows nothing of networks; this module is where a connector becomes a core.ports.Counting.
In the app the connectors come from the app's one ConnectorPool (services/publishing.py); elsewhere each
reading makes its own and closes them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cm_desktop.core.models import Account
from cm_desktop.core.outbox import NoConnector
from cm_desktop.core.ports import Counting, Publisher
from cm_desktop.core.results import sync
from cm_desktop.core.store import Store
from cm_desktop.platform.paths import AppPaths
from cm_desktop.platform.secrets import Secrets
from cm_desktop.services.publishing import connector_factory

if TYPE_CHECKING:
    import httpx  # with the first connector

CounterFactory = Callable[[Account], Counting]


def counter_factory(secrets: Secrets, *, timeout: httpx.Timeout | float | None = None) -> CounterFactory:
    """Counters with connectors of their own (secrets from the keychain), closed with them: the command line
    and the background job. The app uses `counters_over` its one pool instead."""
    return counters_over(connector_factory(secrets, timeout=timeout), owns_connectors=True)


def counters_over(connector_for: Callable[[Account], Publisher], *, owns_connectors: bool) -> CounterFactory:
    """`counter_for(account)`: the account's connector (from `connector_for`) reading figures.
    `owns_connectors=False` when the connectors belong to a pool that outlives the reading (the app's)."""

    def counter_for(account: Account) -> Counting:
        connector = connector_for(account)
        if account.network == "bluesky":
            from cm_desktop.networks.bluesky import BlueskyConnector
            from cm_desktop.networks.bluesky_results import BlueskyCounter

            assert isinstance(connector, BlueskyConnector)
            return BlueskyCounter(connector, owns_connector=owns_connectors)
        if account.network == "mastodon":
            from cm_desktop.networks.mastodon import MastodonConnector
            from cm_desktop.networks.mastodon_results import MastodonCounter

            assert isinstance(connector, MastodonConnector)
            return MastodonCounter(connector, owns_connector=owns_connectors)
        if owns_connectors:
            connector.close()
        raise NoConnector(account.network)

    return counter_for


def lock_path(paths: AppPaths) -> Path:
    return paths.data / "results.lock"


def sync_results(
    paths: AppPaths,
    store: Store,
    counter_for: CounterFactory,
    *,
    zone: str = "UTC",
    now: datetime | None = None,
    policy: sync.ResultsPolicy | None = None,
    accounts: Sequence[Account] | None = None,
) -> sync.ResultsRun:
    """Follow what was published, then read the figures of every account whose turn it is."""
    return sync.sync_all(
        store,
        counter_for,
        now or datetime.now(UTC),
        zone,
        lock_path=lock_path(paths),
        policy=policy,
        accounts=accounts,
    )
