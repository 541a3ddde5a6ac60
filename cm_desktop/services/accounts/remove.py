"""Removing an account."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cm_desktop.services.accounts.errors import raise_explained

if TYPE_CHECKING:
    from cm_desktop.core.models import Account
    from cm_desktop.core.store import Store
    from cm_desktop.platform.secrets import Secrets


@dataclass(frozen=True)
class Removed:
    account: Account
    secret_removed: bool  # False: no keychain could be reached, the login may remain there


def remove_account(store: Store, secrets: Secrets, account_id: int) -> Removed | None:
    """Forget an account: its keychain secret, then its row. Unsent posts fail with a reason, a post whose
    sending was unclear asks for a check, published ones keep their history under the network's name.

    A locked keychain stops everything (unlock, then try again: nothing changed). With no keychain at all the
    account is still removed, and ``secret_removed`` is False. None: no such account.
    """
    from datetime import UTC, datetime

    from cm_desktop.core import targets
    from cm_desktop.core.models import Account
    from cm_desktop.core.outbox.messages import NO_ACCOUNT, UNCLEAR
    from cm_desktop.platform.secrets import KeychainUnavailable

    with store.session() as session:
        account = session.get(Account, account_id)
    if account is None:
        return None
    secret_removed = True
    if account.secret_ref:
        try:
            secrets.delete(account.secret_ref)
        except KeychainUnavailable:
            secret_removed = False
        except BaseException as exc:
            raise_explained(exc)
    now = datetime.now(UTC)
    assert account.id is not None
    try:
        with store.session() as session:
            targets.account_gone(
                session, account.id, account.network, now, no_account=NO_ACCOUNT, unclear=UNCLEAR
            )
            row = session.get(Account, account.id)
            if row is not None:
                session.delete(row)
            session.commit()
    except BaseException as exc:
        # The secret is gone but the row stays: it shows "needs reconnecting", and removing it again works.
        raise_explained(exc)
    return Removed(account=account, secret_removed=secret_removed)
