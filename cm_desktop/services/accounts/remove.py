"""Removing an account ends it everywhere: the copies its server holds for later are withdrawn, its login is
ended on the server, its secrets leave the keychain, then its row goes. What could not be done is said.

Order matters: the server-side steps need the login, so they come first; the store is changed last, under the
publisher lock (the outbox cannot be handing a copy to that server at the same moment).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cm_desktop.core.i18n import Text
from cm_desktop.services.accounts.errors import raise_explained

if TYPE_CHECKING:
    from cm_desktop.core.models import Account
    from cm_desktop.core.ports import Publisher
    from cm_desktop.core.store import Store
    from cm_desktop.platform.secrets import Secrets

log = logging.getLogger(__name__)

COPIES_LEFT = Text(
    en=(
        "{count} scheduled posts are still kept by the server and will go out at their time: delete them on "
        "{network}'s website (its list of scheduled posts), or connect the account again and remove it once "
        "you are online."
    ),
    fr=(
        "{count} publications programmées sont encore gardées par le serveur et partiront à leur heure : "
        "supprimez-les sur le site de {network} (sa liste de publications programmées), ou reconnectez le "
        "compte et retirez-le une fois en ligne."
    ),
)
SESSION_LEFT = Text(
    en=(
        "The login could not be ended on {network}'s server (no connection). To be sure, end it there: "
        "{where}."
    ),
    fr=(
        "La connexion n'a pas pu être fermée sur le serveur de {network} (pas de réseau). Pour être sûr, "
        "fermez-la là-bas : {where}."
    ),
)
SECRET_LEFT = Text(
    en="No keychain could be reached, so the login may remain in the keychain where it was saved.",
    fr="Aucun trousseau n'a pu être joint : la connexion peut rester dans le trousseau où elle était enregistrée.",
)


@dataclass(frozen=True)
class Removed:
    account: Account
    secret_removed: bool  # False: no keychain could be reached, the login may remain there
    copies_withdrawn: int = 0  # copies the server held for later, cancelled there
    copies_left: int = 0  # copies that could not be cancelled: they will still go out
    session_ended: bool = True  # False: the login still works on the server
    problems: tuple[Text, ...] = field(default=())  # what could not be done, in plain words

    def messages(self, lang: str) -> list[str]:
        from cm_desktop.core import networks

        record = networks.get(self.account.network) if networks.known(self.account.network) else None
        params = {
            "count": self.copies_left,
            "network": record.name if record is not None else self.account.network,
            "where": record.end_login_by_hand if record is not None and record.end_login_by_hand else "",
        }
        return [p.get("fr" if lang == "fr" else "en", **params) for p in self.problems]


def remove_account(
    store: Store,
    secrets: Secrets,
    account_id: int,
    *,
    connector_for: Callable[[Account], Publisher] | None = None,
    lock_path: Path | None = None,
    now: datetime | None = None,
) -> Removed | None:
    """Forget an account everywhere. Unsent posts fail with a reason, a post whose sending was unclear asks
    for a check, published ones keep their history under the network's name. None: no such account.

    `connector_for` builds a connector able to end its own session (services.publishing.ending_connector);
    None skips the server-side steps (tests of the local part only). A locked keychain stops everything
    (unlock, then try again: nothing changed); with no keychain at all the account is still removed.
    """
    from cm_desktop.core.models import Account

    with store.session() as session:
        account = session.get(Account, account_id)
    if account is None:
        return None
    assert account.id is not None
    moment = now or datetime.now(UTC)
    problems: list[Text] = []
    withdrawn = left = 0
    ended = True
    with _publisher_lock(lock_path):
        connector = _connector(account, connector_for)
        if connector is not None:
            try:
                withdrawn, left = _withdraw_copies(store, account, connector, moment)
                ended = _end_session(connector)
            finally:
                _close(connector)
        else:
            left = _copies_held(store, account.id)
            ended = connector_for is None  # nothing asked of the server: only a failure to reach it counts
        if left:
            problems.append(COPIES_LEFT)
        if not ended:
            problems.append(SESSION_LEFT)
        secret_removed = _forget_secrets(store, secrets, account)
        if not secret_removed:
            problems.append(SECRET_LEFT)
        _forget_row(store, account, moment)
    return Removed(account, secret_removed, withdrawn, left, ended, tuple(problems))


def _publisher_lock(lock_path: Path | None) -> AbstractContextManager[object]:
    from contextlib import nullcontext

    from cm_desktop.core.outbox.lock import PublisherLock

    # Waits for a run in progress (a minute at most), so no copy is handed over while the account goes.
    return nullcontext() if lock_path is None else PublisherLock(lock_path, wait=60.0)


def _connector(account: Account, connector_for: Callable[[Account], Publisher] | None) -> Publisher | None:
    if connector_for is None:
        return None
    try:
        return connector_for(account)
    except Exception as exc:  # no login left on this computer, a keychain problem, a network we post by hand
        log.info("removing account %s without its server (%s)", account.id, type(exc).__name__)
        return None


def _copies_held(store: Store, account_id: int) -> int:
    from sqlmodel import col, func, select

    from cm_desktop.core.models import PostTarget

    with store.session() as session:
        found = session.exec(
            select(func.count()).where(
                col(PostTarget.account_id) == account_id, col(PostTarget.native_schedule_id) != ""
            )
        ).one()
    return int(found)


def _withdraw_copies(store: Store, account: Account, connector: Publisher, now: datetime) -> tuple[int, int]:
    """Cancel on the server every copy it holds for this account; returns (withdrawn, left)."""
    from sqlmodel import col, select

    from cm_desktop.core.models import PostTarget
    from cm_desktop.core.ports import NativeScheduling, NetworkError

    with store.session() as session:
        held = session.exec(
            select(PostTarget).where(
                col(PostTarget.account_id) == account.id, col(PostTarget.native_schedule_id) != ""
            )
        ).all()
    if not held:
        return 0, 0
    if not isinstance(connector, NativeScheduling):
        return 0, len(held)
    withdrawn = left = 0
    for target in held:
        try:
            connector.cancel(target.native_schedule_id)  # False: the server no longer held it
        except NetworkError as exc:
            log.info("a scheduled copy could not be cancelled (%s)", type(exc).__name__)
            left += 1
            continue
        withdrawn += 1
        with store.session() as session:
            row = session.get(PostTarget, target.id)
            if row is not None:
                row.native_schedule_id = ""
                row.updated_at = now
                session.add(row)
                session.commit()
    return withdrawn, left


def _end_session(connector: Publisher) -> bool:
    from cm_desktop.core.ports import NetworkError, SessionEnding

    if not isinstance(connector, SessionEnding):
        return True
    try:
        connector.end_session()
    except NetworkError as exc:
        log.info("the login could not be ended on the server (%s)", type(exc).__name__)
        return False
    return True


def _close(connector: Publisher) -> None:
    try:
        connector.close()
    except Exception:
        log.exception("closing a connector failed")


def _forget_secrets(store: Store, secrets: Secrets, account: Account) -> bool:
    """The account's login, and CM Desktop's registrations on its server (the current one and those kept to
    end older logins) when no other account uses them."""
    from sqlmodel import col, select

    from cm_desktop.core.models import Account as AccountRow
    from cm_desktop.platform.secrets import KeychainUnavailable

    refs = [account.secret_ref] if account.secret_ref else []
    if account.network == "mastodon":
        from cm_desktop.networks.mastodon import app_secret_ref, earlier_apps_ref

        with store.session() as session:
            others = session.exec(
                select(AccountRow.id).where(
                    col(AccountRow.server_url) == account.server_url, col(AccountRow.id) != account.id
                )
            ).first()
        if others is None:
            refs += [app_secret_ref(account.server_url), earlier_apps_ref(account.server_url)]
    try:
        for ref in refs:
            secrets.delete(ref)
    except KeychainUnavailable:
        return False
    except BaseException as exc:
        raise_explained(exc)
    return True


def _forget_row(store: Store, account: Account, now: datetime) -> None:
    from cm_desktop.core import targets
    from cm_desktop.core.models import Account as AccountRow
    from cm_desktop.core.outbox.messages import NO_ACCOUNT, UNCLEAR

    assert account.id is not None
    try:
        with store.session() as session:
            targets.account_gone(
                session, account.id, account.network, now, no_account=NO_ACCOUNT, unclear=UNCLEAR
            )
            row = session.get(AccountRow, account.id)
            if row is not None:
                session.delete(row)
            session.commit()
    except BaseException as exc:
        # The secret is gone but the row stays: it shows "needs reconnecting", and removing it again works.
        raise_explained(exc)
