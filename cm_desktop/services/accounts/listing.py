"""Every connected account with the status the Accounts page and `accounts list` show."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from cm_desktop.services.accounts.errors import ConnectError

if TYPE_CHECKING:
    from cm_desktop.core.store import Store
    from cm_desktop.platform.secrets import Secrets

ConnectionStatus = Literal["connected", "needs_reconnect", "keychain_unavailable"]
CONNECTED: ConnectionStatus = "connected"
NEEDS_RECONNECT: ConnectionStatus = "needs_reconnect"
KEYCHAIN_UNAVAILABLE: ConnectionStatus = "keychain_unavailable"


@dataclass(frozen=True)
class AccountRow:
    """One account as the Accounts page and `accounts list` show it."""

    id: int
    network: str
    handle: str
    display_name: str
    server_url: str
    avatar_url: str
    status: ConnectionStatus


def keychain_problem(secrets: Secrets) -> ConnectError | None:
    """Why no login can be kept or read on this computer right now, or None when the keychain works."""
    from cm_desktop.platform.secrets import SecretError

    try:
        secrets.check()
    except SecretError as exc:
        return ConnectError(exc.text, code=type(exc).__name__)
    return None


def list_accounts_with_status(store: Store, secrets: Secrets) -> list[AccountRow]:
    """Every account with its status: connected; needs reconnecting (the server said the login is no longer
    valid, or its secret is missing); keychain unavailable (logins cannot be read on this computer now)."""
    from sqlmodel import col, select

    from cm_desktop.core.models import Account, AccountStatus
    from cm_desktop.platform.secrets import SecretError

    with store.session() as session:
        accounts = session.exec(select(Account).order_by(col(Account.id))).all()
    keychain_ok = keychain_problem(secrets) is None
    rows = []
    for account in accounts:
        assert account.id is not None
        status: ConnectionStatus = CONNECTED
        if not keychain_ok:
            status = KEYCHAIN_UNAVAILABLE
        elif account.status == AccountStatus.NEEDS_RECONNECT.value or not account.secret_ref:
            status = NEEDS_RECONNECT
        else:
            try:
                if not secrets.get(account.secret_ref):
                    status = NEEDS_RECONNECT
            except SecretError:
                # Locked or gone while we read: the same for every other account.
                keychain_ok, status = False, KEYCHAIN_UNAVAILABLE
        rows.append(
            AccountRow(
                id=account.id,
                network=account.network,
                handle=account.handle,
                display_name=account.display_name,
                server_url=account.server_url,
                avatar_url=account.avatar_url,
                status=status,
            )
        )
    return rows
