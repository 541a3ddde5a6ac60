"""Failures of connecting an account, as messages a person can act on (English and French), and the
cancellation a Cancel button sets from any thread."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, NoReturn

from cm_desktop.core.i18n import Lang, Text

if TYPE_CHECKING:
    from cm_desktop.networks.oauth import LoopbackListener

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


def check_cancelled(cancellation: Cancellation | None) -> None:
    if cancellation is not None:
        cancellation.check()


def explain(exc: BaseException) -> ConnectError | None:
    """The ConnectError for a known failure (network, sign-in, keychain, disk); None means it is a bug."""
    from cm_desktop.core.ports import NetworkError
    from cm_desktop.core.store import StoreError, known_error
    from cm_desktop.networks.mastodon import ServerNameError
    from cm_desktop.networks.oauth import OAuthCancelled, OAuthError
    from cm_desktop.platform.secrets import SecretError

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
    if isinstance(exc, NetworkError):
        if exc.text is not None:
            error = ConnectError(exc.text, code=exc.code)
            error.params = exc.params
            return error
        return ConnectError(OAuthError.text, code=exc.code)  # "could not be completed, try again"
    store_error = known_error(exc)
    if store_error is not None:
        return ConnectError(store_error.text, code=type(store_error).__name__)
    return None


def raise_explained(exc: BaseException) -> NoReturn:
    """Re-raise a known failure as a ConnectError (without the original: it may hold a request); else as is."""
    known = explain(exc)
    if known is None or known is exc:
        raise exc
    raise known from None
