"""Connecting accounts: the one service the CLI and the Accounts page share (no Qt).

Secrets go to the keychain only; the database keeps a reference to them. Every known failure becomes a
ConnectError whose message exists in English and French (the networks' own messages, reused), and leaves
nothing behind: a secret written for an account that was not saved is deleted again.

Heavy modules (sqlmodel, httpx, keyring) are imported inside the functions, as everywhere on the CLI's path.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NoReturn

from cm_desktop.core.i18n import Lang, Text

if TYPE_CHECKING:
    import httpx

    from cm_desktop.core.models import Account
    from cm_desktop.core.store import Store
    from cm_desktop.networks.mastodon import AppRegistration, FlowKind, MastodonLogin, OAuthServerInfo
    from cm_desktop.networks.oauth import LoopbackListener, OobAttempt
    from cm_desktop.secrets import Secrets

log = logging.getLogger(__name__)

ConnectionStatus = Literal["connected", "needs_reconnect", "keychain_unavailable"]
CONNECTED: ConnectionStatus = "connected"
NEEDS_RECONNECT: ConnectionStatus = "needs_reconnect"
KEYCHAIN_UNAVAILABLE: ConnectionStatus = "keychain_unavailable"

# Five minutes to sign in in the browser (two-factor codes, password managers): oauth.DEFAULT_TIMEOUT_S.
BROWSER_TIMEOUT_S = 300.0
AVATAR_MAX_BYTES = 2_000_000

# Only when a caller offers no way to paste the code of a server before Mastodon 4.3 (the CLI and the app do).
NO_CODE_ENTRY = Text(
    en=(
        "This server is older and needs the code it shows to be pasted in CM Desktop. "
        "Please connect it from the app."
    ),
    fr=(
        "Ce serveur est plus ancien : le code qu'il affiche doit être collé dans CM Desktop. "
        "Veuillez le connecter depuis l'application."
    ),
)


class ConnectError(Exception):
    """A connection problem a person can act on; ``message(lang)`` says what to do. Never holds a secret."""

    def __init__(self, text: Text, *, code: str = "", bad_input: bool = False, **params: object) -> None:
        super().__init__(code or "connect_failed")
        self.text = text
        self.code = code
        self.bad_input = bad_input  # what was typed is wrong (the CLI exits 2)
        self.params = params

    def message(self, lang: Lang) -> str:
        return self.text.get(lang, **self.params)


class Cancelled(ConnectError):
    """The person stopped the connection; nothing was saved."""


class Cancellation:
    """Set from any thread (a Cancel button); the connection stops at its next step, before anything is saved.

    While the browser sign-in waits, the loopback listener is stopped at once.
    """

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._listener: LoopbackListener | None = None

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            listener = self._listener
        if listener is not None:
            listener.cancel()

    def attach(self, listener: LoopbackListener) -> None:
        """Called by the sign-in once it listens for the browser's answer."""
        with self._lock:
            self._listener = listener
            cancelled = self._event.is_set()
        if cancelled:
            listener.cancel()

    def check(self) -> None:
        if self._event.is_set():
            from cm_desktop.networks.oauth import OAuthCancelled

            raise Cancelled(OAuthCancelled.text, code="cancelled")


def _check(cancellation: Cancellation | None) -> None:
    if cancellation is not None:
        cancellation.check()


def explain(exc: BaseException) -> ConnectError | None:
    """The ConnectError for a known failure (network, sign-in, keychain, disk); None means it is a bug."""
    from cm_desktop.core.store import StoreError, known_error
    from cm_desktop.networks.base import ConnectorError
    from cm_desktop.networks.mastodon import TEXTS, ServerNameError
    from cm_desktop.networks.oauth import OAuthCancelled, OAuthError
    from cm_desktop.secrets import SecretError

    if isinstance(exc, ConnectError):
        return exc
    if isinstance(exc, OAuthCancelled):
        return Cancelled(exc.text, code="cancelled")
    if isinstance(exc, OAuthError):
        return ConnectError(exc.text, code=type(exc).__name__)
    if isinstance(exc, ServerNameError):
        text = ServerNameError.INVALID if exc.typed else ServerNameError.EMPTY
        return ConnectError(text, code="server_name", bad_input=True, name=exc.typed)
    if isinstance(exc, SecretError):
        return ConnectError(exc.text, code=type(exc).__name__)
    if isinstance(exc, StoreError):
        return ConnectError(exc.text, code=type(exc).__name__)
    if isinstance(exc, ConnectorError):
        # Bluesky's errors carry their own Text; Mastodon's are looked up by code.
        own = getattr(exc, "text", None)
        if isinstance(own, Text):
            params = getattr(exc, "params", None)
            return ConnectError(own, code=exc.code, **(params if isinstance(params, dict) else {}))
        known_text = TEXTS.get(exc.code)
        if known_text is not None:
            return ConnectError(known_text, code=exc.code, reason=exc.server_reason or "—")
        return ConnectError(OAuthError.text, code=exc.code)  # "could not be completed, try again"
    store_error = known_error(exc)
    if store_error is not None:
        return ConnectError(store_error.text, code=type(store_error).__name__)
    return None


def _raise_explained(exc: BaseException) -> NoReturn:
    """Re-raise a known failure as a ConnectError (without the original: it may hold a request); else as is."""
    known = explain(exc)
    if known is None or known is exc:
        raise exc
    raise known from None


def new_secret_ref(network: str) -> str:
    """A fresh keychain entry name for one account: never reused, so a failed reconnection cannot clobber it."""
    return f"account:{network}:{uuid.uuid4().hex}"


def _forget(secrets: Secrets, ref: str) -> None:
    """Delete a secret we wrote, after a failure: best effort, the first failure is the one to report."""
    from cm_desktop.secrets import SecretError

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
            for name in ("handle", "display_name", "server_url", "avatar_url", "secret_ref"):
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
    from cm_desktop.logs import log_failure

    try:
        saved, previous = _store_account(store, account)
    except BaseException as exc:
        _forget(secrets, account.secret_ref)
        _raise_explained(exc)
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
    from cm_desktop.core.models import Account
    from cm_desktop.networks.bluesky import DEFAULT_SERVICE, PLC_DIRECTORY, connect

    ref = new_secret_ref("bluesky")
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
        _check(cancellation)
    except BaseException as exc:
        _forget(secrets, ref)
        _raise_explained(exc)
    account = Account(
        network="bluesky",
        handle=info.handle,
        display_name=info.display_name,
        server_url=info.server_url or (service_url or "").strip() or DEFAULT_SERVICE,
        remote_id=info.remote_id,
        avatar_url=info.avatar_url,
        secret_ref=ref,
    )
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
            _check(cancellation)
            return self.login.login_in_browser(
                self.app,
                self.info,
                open_browser,
                timeout=timeout,
                lang=lang,
                on_listening=cancellation.attach if cancellation is not None else None,
            )
        except BaseException as exc:
            _raise_explained(exc)

    def copy_paste(self, *, lang: Lang = "en") -> OobAttempt:
        """The address to open; the server then shows a code to paste (no request is made here)."""
        return self.login.start_copy_paste(self.app, self.info, lang=lang)

    def token_from_code(self, attempt: OobAttempt, pasted: str) -> str:
        try:
            return self.login.exchange_code(self.app, self.info, attempt.finish(pasted))
        except BaseException as exc:
            _raise_explained(exc)

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
        _raise_explained(exc)
    try:
        _check(cancellation)
        login.check_server()
        _check(cancellation)
        app = ensure_app(login, secrets)  # CM Desktop's registration on this server, shared by its accounts
        _check(cancellation)
        info = login.discover()
        _check(cancellation)
    except BaseException as exc:
        login.close()
        _raise_explained(exc)
    return MastodonSignIn(login=login, app=app, info=info, flow=login.choose_flow(info, app))


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
    from cm_desktop.core.models import Account
    from cm_desktop.networks.mastodon import MastodonConnector

    ref = new_secret_ref("mastodon")
    try:
        with MastodonConnector(server_url, token, transport=transport) as connector:
            me = connector.verify()
        _check(cancellation)
        secrets.set(ref, token)
    except BaseException as exc:
        _forget(secrets, ref)
        _raise_explained(exc)
    account = Account(
        network="mastodon",
        handle=me.handle,
        display_name=me.display_name,
        server_url=me.server_url,
        remote_id=me.remote_id,
        avatar_url=me.avatar_url,
        secret_ref=ref,
    )
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


# --- listing and removing -----------------------------------------------------------------------------


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
    from cm_desktop.secrets import SecretError

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
    from cm_desktop.secrets import SecretError

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

    from sqlalchemy import update
    from sqlmodel import col

    from cm_desktop.core.models import Account, PostTarget, TargetState
    from cm_desktop.core.outbox.messages import NO_ACCOUNT, UNCLEAR
    from cm_desktop.secrets import KeychainUnavailable

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
            _raise_explained(exc)
    now = datetime.now(UTC)
    try:
        with store.session() as session:
            waiting = [TargetState.SCHEDULED.value, TargetState.DRAFT.value, TargetState.NEEDS_REVIEW.value]
            session.exec(
                update(PostTarget)
                .where(col(PostTarget.account_id) == account.id, col(PostTarget.state).in_(waiting))
                .values(state=TargetState.FAILED.value, last_error_code=NO_ACCOUNT, updated_at=now)
                .execution_options(synchronize_session=False)
            )
            # An unknown outcome can no longer be looked up: the person checks.
            session.exec(
                update(PostTarget)
                .where(
                    col(PostTarget.account_id) == account.id,
                    col(PostTarget.state) == TargetState.SENDING.value,
                )
                .values(state=TargetState.NEEDS_REVIEW.value, last_error_code=UNCLEAR, updated_at=now)
                .execution_options(synchronize_session=False)
            )
            # Published targets keep their history under the network's name.
            session.exec(
                update(PostTarget)
                .where(col(PostTarget.account_id) == account.id)
                .values(account_id=None, network=account.network)
                .execution_options(synchronize_session=False)
            )
            row = session.get(Account, account.id)
            if row is not None:
                session.delete(row)
            session.commit()
    except BaseException as exc:
        # The secret is gone but the row stays: it shows "needs reconnecting", and removing it again works.
        _raise_explained(exc)
    return Removed(account=account, secret_removed=secret_removed)


# --- avatars ------------------------------------------------------------------------------------------


def avatar_file(cache_dir: Path, url: str) -> Path:
    """Where the picture of ``url`` is kept (named by a hash of the address: any character is safe)."""
    return cache_dir / (hashlib.sha256(url.encode("utf-8")).hexdigest()[:32] + ".img")


def fetch_avatar(url: str, cache_dir: Path, *, transport: httpx.BaseTransport | None = None) -> Path | None:
    """The account's picture, downloaded once into the data folder; None when there is none or it fails.

    Never on the GUI thread. Only http(s) addresses, images of at most 2 MB.
    """
    if not url.startswith(("https://", "http://")):
        return None
    path = avatar_file(cache_dir, url)
    if path.is_file():
        return path
    import httpx

    from cm_desktop.networks.http import build_client

    try:
        with build_client(timeout=15.0, transport=transport) as client:
            with client.stream("GET", url, follow_redirects=True) as response:
                kind = response.headers.get("content-type", "")
                if response.status_code != 200 or not kind.startswith("image/"):
                    return None
                data = bytearray()
                for chunk in response.iter_bytes():
                    data.extend(chunk)
                    if len(data) > AVATAR_MAX_BYTES:
                        return None
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_bytes(bytes(data))
        partial.replace(path)
    except (httpx.HTTPError, OSError) as exc:
        log.info("avatar not fetched: %s", type(exc).__name__)
        return None
    return path
