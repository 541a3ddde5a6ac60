"""What an account's server says about itself, kept in the account: its limits and when the login ends.

Read when the account is connected, then again once a week by the app's and `publish-due`'s pass, after the
outbox has sent what was due (a slow server never delays a post) and off the GUI thread. Which networks
announce limits is the registry's fact (`Capabilities.announced_limits`: Mastodon's /api/v2/instance); the
login's end comes from connectors that know it (`ports.LoginExpiry`: Bluesky). A failure keeps the values
already stored and is tried again an hour later (or at the next `publish-due`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from cm_desktop.core import networks

if TYPE_CHECKING:
    from cm_desktop.core.models import Account
    from cm_desktop.core.ports import Publisher, ServerLimits
    from cm_desktop.core.store import Store
    from cm_desktop.platform.secrets import Secrets

log = logging.getLogger(__name__)

REFRESH_AFTER = timedelta(days=7)  # limits change rarely: a weekly read follows a server that raises them
RETRY_AFTER = timedelta(hours=1)  # after a failure, within one app session
FETCH_TIMEOUT_S = 10.0  # it runs after the outbox in the same worker: a stuck server must not hold it long


@dataclass(frozen=True)
class ServerFacts:
    limits: ServerLimits | None  # None: the network's limits are fixed (the registry's)
    login_expires_at: datetime | None  # None: the login has no end of its own


def read_facts(connector: Publisher) -> ServerFacts:
    """Ask the server (Mastodon's limits: one request) and the stored login (no request). Raises what the
    connector raises (ports.NetworkError)."""
    from cm_desktop.core.ports import LoginExpiry

    announces = networks.get(connector.network).can.announced_limits
    return ServerFacts(
        limits=connector.limits() if announces else None,
        login_expires_at=connector.login_expires_at() if isinstance(connector, LoginExpiry) else None,
    )


def read_facts_on_connect(connector: Publisher, account: Account, now: datetime) -> None:
    """The facts of a server being connected, into its new Account row. Best effort: the connection stands
    without them, and the next pass reads them again (server_read_at stays empty)."""
    try:
        apply_facts(account, read_facts(connector), now)
    except Exception as exc:
        _log_failure(exc)


def apply_facts(account: Account, facts: ServerFacts, now: datetime) -> None:
    """Write `facts` into an Account row (not yet committed)."""
    if facts.limits is not None:
        account.server_limits = facts.limits.to_json()
    account.token_expires_at = facts.login_expires_at
    account.server_read_at = now


class ServerFactsRefresher:
    """Reads again, for every connected account whose facts are a week old (or were never read), what its
    server announces. Built once per app (it remembers failures for an hour) or per `publish-due` run."""

    def __init__(
        self,
        store: Store,
        connector_for: Callable[[Account], Publisher],
        now: Callable[[], datetime],
        *,
        refresh_after: timedelta = REFRESH_AFTER,
        retry_after: timedelta = RETRY_AFTER,
    ) -> None:
        self.store, self.connector_for, self.now = store, connector_for, now
        self.refresh_after, self.retry_after = refresh_after, retry_after
        self._failed_at: dict[int, datetime] = {}

    def due(self) -> list[Account]:
        """Accounts of direct networks whose facts were never read or are older than `refresh_after`."""
        from sqlmodel import col, or_, select

        from cm_desktop.core.models import Account

        now = self.now()
        with self.store.session() as session:
            rows = session.exec(
                select(Account)
                .where(
                    col(Account.network).in_([n.id for n in networks.direct()]),
                    or_(
                        col(Account.server_read_at).is_(None),
                        col(Account.server_read_at) <= now - self.refresh_after,
                    ),
                )
                .order_by(col(Account.id))
            ).all()
        return [
            a
            for a in rows
            if a.id is not None
            and now - self._failed_at.get(a.id, now - self.retry_after) >= self.retry_after
        ]

    def refresh_due(self) -> list[int]:
        """Read what is due; the ids of the accounts updated. Never raises: it runs beside the outbox."""
        refreshed = []
        for account in self.due():
            assert account.id is not None
            try:
                refreshed.append(self._refresh(account))
            except Exception as exc:
                self._failed_at[account.id] = self.now()
                _log_failure(exc)
        return refreshed

    def _refresh(self, account: Account) -> int:
        from cm_desktop.core.models import Account

        connector = self.connector_for(account)
        try:
            facts = read_facts(connector)
        finally:
            connector.close()
        with self.store.session() as session:
            row = session.get(Account, account.id)
            if row is not None:  # removed meanwhile: nothing to keep
                apply_facts(row, facts, self.now())
                session.add(row)
                session.commit()
        assert account.id is not None
        return account.id


def refresher_for(
    store: Store, secrets: Secrets, now: Callable[[], datetime] | None = None
) -> ServerFactsRefresher:
    """The refresher the app and `publish-due` use: connectors from the keychain, a short timeout."""
    from datetime import UTC

    from cm_desktop.services.publishing import connector_factory

    return ServerFactsRefresher(
        store, connector_factory(secrets, timeout=FETCH_TIMEOUT_S), now or (lambda: datetime.now(UTC))
    )


def _log_failure(exc: Exception) -> None:
    from cm_desktop.core.ports import NetworkError
    from cm_desktop.platform.logs import log_failure
    from cm_desktop.platform.secrets import SecretError

    log_failure(
        log, "reading an account server's limits", exc, known=isinstance(exc, NetworkError | SecretError)
    )
