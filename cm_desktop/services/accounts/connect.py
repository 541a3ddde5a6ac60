"""Connecting accounts: the one service the CLI and the Accounts page share (no Qt).

Secrets go to the keychain only; the database keeps a reference to them. Every known failure becomes a
ConnectError whose message exists in English and French (the networks' own messages, reused), and leaves
nothing behind: a secret written for an account that was not saved is deleted again.

Heavy modules (sqlmodel, httpx, keyring) are imported inside the functions, as everywhere on the CLI's path.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cm_desktop.core.i18n import Lang
from cm_desktop.services.accounts.errors import (
    NO_CODE_ENTRY,
    Cancellation,
    ConnectError,
    check_cancelled,
    explain,
    raise_explained,
)

if TYPE_CHECKING:
    import httpx

    from cm_desktop.core.models import Account
    from cm_desktop.core.store import Store
    from cm_desktop.networks.mastodon import AppRegistration, FlowKind, MastodonLogin, OAuthServerInfo
    from cm_desktop.networks.oauth import OobAttempt
    from cm_desktop.platform.secrets import Secrets

log = logging.getLogger(__name__)

# Five minutes to sign in in the browser (two-factor codes, password managers): oauth.DEFAULT_TIMEOUT_S.
BROWSER_TIMEOUT_S = 300.0


def new_secret_ref(network: str) -> str:
    """A fresh keychain entry name for one account: never reused, so a failed reconnection cannot clobber it."""
    return f"account:{network}:{uuid.uuid4().hex}"


def _forget(secrets: Secrets, ref: str) -> None:
    """Delete a secret we wrote, after a failure: best effort, the first failure is the one to report."""
    from cm_desktop.platform.secrets import SecretError

    try:
        secrets.delete(ref)
    except SecretError:
        log.warning("could not delete an unused keychain entry")


# --- saving -------------------------------------------------------------------------------------------


def _store_account(store: Store, account: Account) -> tuple[Account, str]:
    """Insert, or update the same remote account (a reconnection). Returns it and its previous secret_ref."""
    from sqlmodel import col, select

    from cm_desktop.core.models import Account, AccountStatus

    with store.session() as session:
        existing = session.exec(
            select(Account).where(
                col(Account.network) == account.network, col(Account.remote_id) == account.remote_id
            )
        ).first()
        previous = ""
        if existing is not None:
            previous = existing.secret_ref
            names = ["handle", "display_name", "server_url", "avatar_url", "secret_ref"]
            if account.server_read_at is not None:  # read afresh: else the facts already stored stay
                names += ["server_limits", "token_expires_at", "server_read_at"]
            for name in names:
                setattr(existing, name, getattr(account, name))
            existing.status = AccountStatus.OK.value
            account = existing
        session.add(account)
        session.commit()
        session.refresh(account)
    return account, previous


def save_account(store: Store, secrets: Secrets, account: Account) -> Account:
    """Save a verified account whose secret is in the keychain under ``account.secret_ref``.

    On failure the secret is deleted (nothing half-saved). Once the row is committed, the previous secret of
    the same remote account is deleted and its parked posts are woken; those two are best effort.
    """
    from datetime import UTC, datetime

    from cm_desktop.core.outbox import account_reconnected
    from cm_desktop.platform.logs import log_failure

    try:
        saved, previous = _store_account(store, account)
    except BaseException as exc:
        _forget(secrets, account.secret_ref)
        raise_explained(exc)
    if previous and previous != saved.secret_ref:
        _forget(secrets, previous)
    assert saved.id is not None
    try:
        account_reconnected(store, saved.id, datetime.now(UTC))
    except Exception as exc:
        # The account is connected; its waiting posts are picked up again by the outbox's next pass.
        log_failure(log, "waking the posts of a reconnected account", exc, known=explain(exc) is not None)
    return saved


# --- Bluesky ------------------------------------------------------------------------------------------


def connect_bluesky(
    store: Store,
    secrets: Secrets,
    handle: str,
    app_password: str,
    service_url: str | None = None,
    plc_url: str | None = None,
    *,
    cancellation: Cancellation | None = None,
    transport: httpx.BaseTransport | None = None,
) -> Account:
    """Log in with an app password, check who we are, save the account. Raises ConnectError.

    The format of the app password is checked before any request (networks.bluesky.check_app_password).
    """
    from datetime import UTC, datetime

    from cm_desktop.core.models import Account
    from cm_desktop.networks.bluesky import DEFAULT_SERVICE, PLC_DIRECTORY, connect
    from cm_desktop.services.accounts.server_facts import read_facts_on_connect

    ref = new_secret_ref("bluesky")
    account = Account(network="bluesky", secret_ref=ref)
    try:
        secrets.check()
        with connect(
            handle,
            app_password,
            secrets=secrets,
            secret_ref=ref,
            service_url=(service_url or "").strip() or None,
            plc_url=plc_url or PLC_DIRECTORY,
            transport=transport,
        ) as connector:
            info = connector.verify()
            read_facts_on_connect(connector, account, datetime.now(UTC))  # when the login ends
        check_cancelled(cancellation)
    except BaseException as exc:
        _forget(secrets, ref)
        raise_explained(exc)
    account.handle, account.display_name = info.handle, info.display_name
    account.server_url = info.server_url or (service_url or "").strip() or DEFAULT_SERVICE
    account.remote_id, account.avatar_url = info.remote_id, info.avatar_url
    return save_account(store, secrets, account)


# --- Mastodon -----------------------------------------------------------------------------------------


@dataclass
class MastodonSignIn:
    """A sign-in under way on one server: the server is checked, CM Desktop is registered there, and the
    flow is chosen (the browser with a loopback redirect, or a pasted code on servers before 4.3)."""

    login: MastodonLogin
    app: AppRegistration
    info: OAuthServerInfo
    flow: FlowKind
    secrets: Secrets | None = None  # to forget a registration the server no longer knows

    def _forget_registration(self, exc: BaseException) -> None:
        """Servers before 4.3 delete registrations nobody used; then the code is refused ("app_invalid") or
        the sign-in page never comes back. The next try registers CM Desktop again instead of reusing it."""
        from cm_desktop.core.ports import NetworkError
        from cm_desktop.networks.mastodon import app_secret_ref
        from cm_desktop.networks.oauth import OAuthTimeout

        gone = isinstance(exc, OAuthTimeout) or (isinstance(exc, NetworkError) and exc.code == "app_invalid")
        if gone and self.secrets is not None:
            _forget(self.secrets, app_secret_ref(self.server_url))

    @property
    def server_url(self) -> str:
        return self.login.server_url

    def token_in_browser(
        self,
        open_browser: Callable[[str], object],
        *,
        cancellation: Cancellation | None = None,
        lang: Lang = "en",
        timeout: float = BROWSER_TIMEOUT_S,
    ) -> str:
        """Open the browser, wait for the approval (or the cancellation), return the access token."""
        try:
            check_cancelled(cancellation)
            return self.login.login_in_browser(
                self.app,
                self.info,
                open_browser,
                timeout=timeout,
                lang=lang,
                on_listening=cancellation.attach if cancellation is not None else None,
            )
        except BaseException as exc:
            self._forget_registration(exc)
            raise_explained(exc)

    def copy_paste(self, *, lang: Lang = "en") -> OobAttempt:
        """The address to open; the server then shows a code to paste (no request is made here)."""
        return self.login.start_copy_paste(self.app, self.info, lang=lang)

    def token_from_code(self, attempt: OobAttempt, pasted: str) -> str:
        try:
            return self.login.exchange_code(self.app, self.info, attempt.finish(pasted))
        except BaseException as exc:
            self._forget_registration(exc)
            raise_explained(exc)

    def close(self) -> None:
        self.login.close()

    def __enter__(self) -> MastodonSignIn:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def start_mastodon(
    secrets: Secrets,
    server: str,
    *,
    cancellation: Cancellation | None = None,
    transport: httpx.BaseTransport | None = None,
) -> MastodonSignIn:
    """Check the server (accepts mastodon.social, @me@server, a full URL), register CM Desktop there once,
    discover its sign-in endpoints. Raises ConnectError (an unknown server, not Mastodon, offline...)."""
    from cm_desktop.networks.mastodon import MastodonLogin, ensure_app

    try:
        secrets.check()
        login = MastodonLogin(server, transport=transport)
    except BaseException as exc:
        raise_explained(exc)
    try:
        check_cancelled(cancellation)
        login.check_server()
        check_cancelled(cancellation)
        app = ensure_app(login, secrets)  # CM Desktop's registration on this server, shared by its accounts
        check_cancelled(cancellation)
        info = login.discover()
        check_cancelled(cancellation)
    except BaseException as exc:
        login.close()
        raise_explained(exc)
    return MastodonSignIn(login=login, app=app, info=info, flow=login.choose_flow(info, app), secrets=secrets)


def save_mastodon(
    store: Store,
    secrets: Secrets,
    server_url: str,
    token: str,
    *,
    cancellation: Cancellation | None = None,
    transport: httpx.BaseTransport | None = None,
) -> Account:
    """Check the token (it stays in memory until it works), then keychain, then database. Raises ConnectError."""
    from datetime import UTC, datetime

    from cm_desktop.core.models import Account
    from cm_desktop.networks.mastodon import MastodonConnector
    from cm_desktop.services.accounts.server_facts import read_facts_on_connect

    ref = new_secret_ref("mastodon")
    # Mastodon tokens never expire by themselves (no refresh tokens): token_expires_at stays empty.
    account = Account(network="mastodon", secret_ref=ref)
    try:
        with MastodonConnector(server_url, token, transport=transport) as connector:
            me = connector.verify()
            read_facts_on_connect(connector, account, datetime.now(UTC))  # this server's own limits
        check_cancelled(cancellation)
        secrets.set(ref, token)
    except BaseException as exc:
        _forget(secrets, ref)
        raise_explained(exc)
    account.handle, account.display_name, account.server_url = me.handle, me.display_name, me.server_url
    account.remote_id, account.avatar_url = me.remote_id, me.avatar_url
    return save_account(store, secrets, account)


def connect_mastodon(
    store: Store,
    secrets: Secrets,
    server: str,
    open_browser: Callable[[str], object],
    *,
    paste_code: Callable[[str], str] | None = None,
    cancellation: Cancellation | None = None,
    lang: Lang = "en",
    timeout: float = BROWSER_TIMEOUT_S,
    transport: httpx.BaseTransport | None = None,
) -> Account:
    """The whole Mastodon connection in one call (the CLI). ``paste_code(url)`` answers for older servers:
    it shows the address and returns what the person pasted."""
    with start_mastodon(secrets, server, cancellation=cancellation, transport=transport) as sign_in:
        if sign_in.flow == "loopback":
            token = sign_in.token_in_browser(
                open_browser, cancellation=cancellation, lang=lang, timeout=timeout
            )
        else:
            if paste_code is None:
                raise ConnectError(NO_CODE_ENTRY, code="copy_paste_needed")
            attempt = sign_in.copy_paste(lang=lang)
            token = sign_in.token_from_code(attempt, paste_code(attempt.url))
        server_url = sign_in.server_url
    return save_mastodon(store, secrets, server_url, token, cancellation=cancellation, transport=transport)
