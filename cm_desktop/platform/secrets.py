"""The one door to the operating system's keychain.

Secrets live only in the keychain (Windows Credential Locker, macOS Keychain, Secret Service). There is no
plaintext fallback: when no keychain is usable the person is told so, and nothing is stored anywhere else.
Errors raised here never contain the secret or the backend's own message (which could echo it).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Protocol, TypeVar

from cm_desktop.core.i18n import Lang, Text

log = logging.getLogger(__name__)

SERVICE = "cm-desktop"

_T = TypeVar("_T")

# Windows' credential store refuses blobs over 2,560 bytes (UTF-16: 1,280 characters); check before storing.
MAX_SECRET_CHARS = 1280


class SecretError(Exception):
    """A keychain problem a person can act on. `message(lang)` says what to do."""

    text = Text(
        en="The system keychain could not be used. Please try again.",
        fr="Le trousseau du système n'a pas pu être utilisé. Veuillez réessayer.",
    )

    def __init__(self, detail: str = "") -> None:
        # `detail` names the step that failed, never a secret.
        super().__init__(detail or type(self).__name__)

    def message(self, lang: Lang) -> str:
        return self.text.get(lang)


class KeychainUnavailable(SecretError):
    text = Text(
        en=(
            "No keychain is available on this computer, so passwords cannot be kept safely. "
            "On Linux, install and unlock a keyring (for example GNOME Keyring or KWallet), then try again."
        ),
        fr=(
            "Aucun trousseau n'est disponible sur cet ordinateur : les mots de passe ne peuvent pas y être "
            "gardés en sécurité. Sous Linux, installez et déverrouillez un trousseau (par exemple GNOME "
            "Keyring ou KWallet), puis réessayez."
        ),
    )


class KeychainLocked(SecretError):
    text = Text(
        en="Your keychain is locked. Unlock it (your session password usually does it), then try again.",
        fr=(
            "Votre trousseau est verrouillé. Déverrouillez-le (le mot de passe de votre session suffit "
            "en général), puis réessayez."
        ),
    )


class SecretTooLarge(SecretError):
    text = Text(
        en="This login is too large for the system keychain. Please report this problem to us.",
        fr="Cet identifiant est trop long pour le trousseau du système. Merci de nous signaler ce problème.",
    )


class SecretBackend(Protocol):
    """The part of keyring's API we use; any keyring backend satisfies it."""

    def get_password(self, service: str, username: str) -> str | None: ...
    def set_password(self, service: str, username: str, password: str) -> None: ...
    def delete_password(self, service: str, username: str) -> None: ...


class Secrets:
    """get/set/delete secrets by reference (for example 'account:3:token')."""

    def __init__(self, backend: SecretBackend | None = None) -> None:
        # None: keyring's configured backend, chosen lazily so start-up does not import keyring.
        self._backend = backend

    def _get_backend(self) -> SecretBackend:
        if self._backend is None:
            import keyring

            try:
                self._backend = keyring.get_keyring()
            except Exception as exc:
                # PYTHON_KEYRING_BACKEND naming a backend this build does not carry, or a backend failing
                # to start: no keychain, said as such, never a traceback.
                log.warning("keychain backend cannot be loaded: %s", type(exc).__name__)
                raise KeychainUnavailable("backend cannot be loaded") from None
        return self._backend

    def backend_name(self) -> str:
        backend = self._get_backend()
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def check(self) -> None:
        """Raise KeychainUnavailable when the configured backend cannot store anything."""
        backend = self._get_backend()
        from keyring.backends import fail

        if isinstance(backend, fail.Keyring):
            raise KeychainUnavailable("no backend")
        # keyrings.alt stores secrets in files: acceptable only when asked for by name (tests, CLI tests).
        if type(backend).__module__.startswith("keyrings.alt") and not os.environ.get(
            "PYTHON_KEYRING_BACKEND"
        ):
            raise KeychainUnavailable("file-based backend refused")
        priority = getattr(backend, "priority", 1)
        if isinstance(priority, (int, float)) and priority <= 0 and "chainer" not in type(backend).__module__:
            raise KeychainUnavailable("backend not usable")

    def set(self, ref: str, secret: str) -> None:
        if len(secret) > MAX_SECRET_CHARS:
            raise SecretTooLarge("set")
        self.check()
        self._call("set", lambda b: b.set_password(SERVICE, ref, secret))

    def get(self, ref: str) -> str | None:
        return self._call("get", lambda b: b.get_password(SERVICE, ref))

    def delete(self, ref: str) -> None:
        self._call("delete", lambda b: b.delete_password(SERVICE, ref))

    def _call(self, step: str, action: Callable[[SecretBackend], _T]) -> _T | None:
        from keyring.errors import KeyringError, KeyringLocked, NoKeyringError, PasswordDeleteError

        backend = self._get_backend()
        # `from None` everywhere: a backend's own message may quote what it was given.
        try:
            return action(backend)
        except NoKeyringError:
            log.warning("keychain unavailable during %s", step)
            raise KeychainUnavailable(step) from None
        except KeyringLocked:
            log.warning("keychain locked during %s", step)
            raise KeychainLocked(step) from None
        except PasswordDeleteError:
            return None  # already gone: deleting is idempotent
        except KeyringError as exc:
            log.warning("keychain error during %s: %s", step, type(exc).__name__)
            raise SecretError(step) from None
