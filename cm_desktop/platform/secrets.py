"""The one door to the operating system's keychain.

Secrets live in the keychain (Windows Credential Locker, macOS Keychain, Secret Service). There is no
plaintext fallback: when no keychain is usable the person is told so before any form (`probe_keychain`,
`keychain_advice`: what to install for their desktop), and may choose instead a file encrypted with a
passphrase of their own (platform/login_file.py), remembered in the settings (`secrets_for`).
Errors raised here never contain the secret, the passphrase, or the backend's own message (which could echo
them).
"""

from __future__ import annotations

import enum
import logging
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from cm_desktop.core.i18n import Lang, Text

if TYPE_CHECKING:
    from cm_desktop.platform.login_file import LoginFile

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


class PassphraseNeeded(KeychainLocked):
    """The logins are in the encrypted file and its passphrase was not given yet (or cannot be asked here)."""

    text = Text(
        en=(
            "Your logins are kept in a file locked by your passphrase. Open CM Desktop and enter it: posts "
            "that are waiting stay in the queue until then."
        ),
        fr=(
            "Vos identifiants sont gardés dans un fichier verrouillé par votre phrase secrète. Ouvrez "
            "CM Desktop et saisissez-la : les publications en attente restent dans la file d'ici là."
        ),
    )


class WrongPassphrase(SecretError):
    text = Text(
        en="This is not the right passphrase. Check that Caps Lock is off, then try again.",
        fr=(
            "Ce n'est pas la bonne phrase secrète. Vérifiez que la touche Verr. Maj n'est pas activée, "
            "puis réessayez."
        ),
    )


class LoginFileDamaged(SecretError):
    text = Text(
        en=(
            "The file that keeps your logins is damaged and cannot be read. Your posts and drafts are safe. "
            "Start again with a new passphrase, then connect your accounts again."
        ),
        fr=(
            "Le fichier qui garde vos identifiants est abîmé et ne peut pas être lu. Vos publications et "
            "vos brouillons ne sont pas touchés. Recommencez avec une nouvelle phrase secrète, puis "
            "reconnectez vos comptes."
        ),
    )


class PassphraseTooShort(SecretError):
    text = Text(
        en="Choose a passphrase of at least 10 characters. A short sentence is easy to remember.",
        fr="Choisissez une phrase secrète d'au moins 10 caractères. Une petite phrase se retient facilement.",
    )


# --- is a keychain usable here? ------------------------------------------------------------------------


class KeychainState(enum.Enum):
    OK = "ok"
    NONE = "none"  # nothing to keep logins in: keyring's fail/null backends, no Secret Service, no D-Bus
    LOCKED = "locked"  # there is one, but its collection is locked


def probe_keychain(backend: object | None = None, platform: str = sys.platform) -> KeychainState:
    """Whether the system keychain can keep logins, without storing anything and without a prompt.

    May block on D-Bus (a Secret Service being started by activation): call it off the GUI thread.
    `backend`: keyring's configured one when None. Windows and macOS always have one (only a backend forced
    to keyring's "fail" one, by setting, is reported missing there).
    """
    if platform in ("win32", "darwin") and backend is None:
        try:
            import keyring
            from keyring.backends import fail

            backend = keyring.get_keyring()
        except Exception as exc:
            log.warning("keychain backend cannot be loaded: %s", type(exc).__name__)
            return KeychainState.NONE
        return KeychainState.NONE if isinstance(backend, fail.Keyring) else KeychainState.OK
    if backend is None:
        try:
            import keyring

            backend = keyring.get_keyring()
        except Exception as exc:
            log.warning("keychain backend cannot be loaded: %s", type(exc).__name__)
            return KeychainState.NONE
    state = _state_of(backend)
    log.info("keychain probe: %s (%s)", state.value, type(backend).__name__)
    return state


def _state_of(backend: object) -> KeychainState:
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return KeychainState.NONE
    if isinstance(backend, chainer.ChainerBackend):
        states = {_state_of(inner) for inner in backend.backends}
        for wanted in (KeychainState.OK, KeychainState.LOCKED):
            if wanted in states:
                return wanted
        return KeychainState.NONE
    if _refused_file_backend(backend):
        return KeychainState.NONE
    if type(backend).__module__ == "keyring.backends.SecretService":
        return _secret_service_state(backend)
    try:
        priority = backend.priority  # type: ignore[attr-defined]
    except Exception:  # keyring's backends raise from `priority` when what they need is missing
        return KeychainState.NONE
    if isinstance(priority, int | float) and priority <= 0:
        return KeychainState.NONE
    return KeychainState.OK


def _refused_file_backend(backend: object) -> bool:
    """keyrings.alt keeps secrets in files: acceptable only when asked for by name (tests, CLI tests)."""
    return type(backend).__module__.startswith("keyrings.alt") and not os.environ.get(
        "PYTHON_KEYRING_BACKEND"
    )


def _secret_service_state(backend: object) -> KeychainState:
    """Ask the Secret Service whether it runs and whether its collection is locked, without unlocking it
    (keyring's own calls would put up an unlock prompt)."""
    from contextlib import closing

    try:
        import secretstorage
        from secretstorage.exceptions import ItemNotFoundException, SecretStorageException
    except ImportError:
        return KeychainState.NONE
    try:
        with closing(secretstorage.dbus_init()) as connection:
            if not secretstorage.check_service_availability(connection):
                return KeychainState.NONE
            preferred = getattr(backend, "preferred_collection", None)
            try:
                collection = (
                    secretstorage.Collection(connection, preferred)
                    if preferred
                    else secretstorage.Collection(connection)
                )
            except ItemNotFoundException:
                return KeychainState.OK  # no default collection yet: the keychain creates it on first use
            return KeychainState.LOCKED if collection.is_locked() else KeychainState.OK
    except (SecretStorageException, OSError, ValueError) as exc:
        log.info("Secret Service not usable: %s", type(exc).__name__)
        return KeychainState.NONE


# --- what to do about it, for this person's desktop ----------------------------------------------------


def desktop_family(env: Mapping[str, str] | None = None, platform: str = sys.platform) -> str:
    """'windows', 'macos', 'gnome', 'kde', or another Linux desktop's name in lower case ('xfce', 'mate',
    'cinnamon', 'lxqt'…), '' when the session does not say."""
    if platform == "win32":
        return "windows"
    if platform == "darwin":
        return "macos"
    env = os.environ if env is None else env
    names = [n.strip().lower() for n in env.get("XDG_CURRENT_DESKTOP", "").split(":") if n.strip()]
    names += [env.get("DESKTOP_SESSION", "").strip().lower()] if env.get("DESKTOP_SESSION") else []
    for name in names:
        if name in ("kde", "plasma", "plasmawayland", "plasmax11") or name.startswith("plasma"):
            return "kde"
    for name in names:
        if name.startswith(("gnome", "ubuntu", "unity", "pop")):
            return "gnome"
    for name in names:
        for known in (
            "xfce",
            "mate",
            "cinnamon",
            "lxqt",
            "lxde",
            "budgie",
            "pantheon",
            "deepin",
            "enlightenment",
        ):
            if known in name:
                return known
    return names[0] if names else ""


_DESKTOP_NAMES = {
    "xfce": "Xfce",
    "mate": "MATE",
    "cinnamon": "Cinnamon",
    "lxqt": "LXQt",
    "lxde": "LXDE",
    "budgie": "Budgie",
    "pantheon": "Pantheon",
    "deepin": "Deepin",
    "enlightenment": "Enlightenment",
}

_NONE_GNOME = Text(
    en=(
        "CM Desktop keeps your logins in your computer's keychain, and GNOME's keychain (GNOME Keyring, "
        'shown as "Passwords and Keys") is not running. Install the "gnome-keyring" and "seahorse" packages '
        "from your software centre, log out and back in, then try again."
    ),
    fr=(
        "CM Desktop garde vos identifiants dans le trousseau de votre ordinateur, et celui de GNOME "
        "(le « Trousseau de clés », appelé « Mots de passe et clés ») ne fonctionne pas. Installez les "
        "paquets « gnome-keyring » et « seahorse » depuis votre logithèque, fermez votre session et "
        "rouvrez-la, puis réessayez."
    ),
)
_NONE_KDE = Text(
    en=(
        "CM Desktop keeps your logins in your computer's keychain, and KDE's wallet (KWallet) is not "
        'available. Install "kwalletmanager" from Discover, turn the wallet on in System Settings, under '
        "KDE Wallet, log out and back in, then try again."
    ),
    fr=(
        "CM Desktop garde vos identifiants dans le trousseau de votre ordinateur, et le portefeuille de "
        "KDE (KWallet) n'est pas disponible. Installez « kwalletmanager » depuis Discover, activez le "
        "portefeuille dans la Configuration du système, rubrique Portefeuille KDE, fermez votre session et "
        "rouvrez-la, puis réessayez."
    ),
)
_NONE_OTHER = Text(
    en=(
        "CM Desktop keeps your logins in your computer's keychain, and none is running{on}. Install the "
        '"gnome-keyring" package from your software manager (it works on every desktop), log out and back '
        "in, then try again."
    ),
    fr=(
        "CM Desktop garde vos identifiants dans le trousseau de votre ordinateur, et aucun ne "
        "fonctionne{on}. Installez le paquet « gnome-keyring » depuis votre gestionnaire de logiciels (il "
        "convient à tous les bureaux), fermez votre session et rouvrez-la, puis réessayez."
    ),
)
_LOCKED_GNOME = Text(
    en=(
        'Your keychain is locked. Open "Passwords and Keys" (Seahorse), right-click "Login" and choose '
        "Unlock, type your session password, then try again."
    ),
    fr=(
        "Votre trousseau est verrouillé. Ouvrez « Mots de passe et clés » (Seahorse), faites un clic droit "
        "sur « Connexion » et choisissez Déverrouiller, tapez le mot de passe de votre session, puis "
        "réessayez."
    ),
)
_LOCKED_KDE = Text(
    en=(
        "Your KDE wallet is locked. Open KWalletManager, choose your wallet and click Open, type its "
        "password, then try again."
    ),
    fr=(
        "Votre portefeuille KDE est verrouillé. Ouvrez KWalletManager, choisissez votre portefeuille et "
        "cliquez sur Ouvrir, tapez son mot de passe, puis réessayez."
    ),
)
_SYSTEM_PROBLEM = Text(
    en=(
        "The system keychain did not answer. Restart your computer, then try again. If it goes on, "
        "please tell us."
    ),
    fr=(
        "Le trousseau du système n'a pas répondu. Redémarrez votre ordinateur, puis réessayez. "
        "Si cela continue, merci de nous le signaler."
    ),
)


def keychain_advice(state: KeychainState, family: str, lang: Lang) -> str:
    """The plain sentence for this desktop: what to install (none) or how to unlock (locked)."""
    if family in ("windows", "macos"):
        return _SYSTEM_PROBLEM.get(lang)  # they always have one: it failed, it is not missing
    if state is KeychainState.LOCKED:
        return (_LOCKED_KDE if family == "kde" else _LOCKED_GNOME).get(lang)
    if family == "gnome":
        return _NONE_GNOME.get(lang)
    if family == "kde":
        return _NONE_KDE.get(lang)
    name = _DESKTOP_NAMES.get(family, family.capitalize() if family.isalpha() else "")
    on = ({"en": f" on {name}", "fr": f" sous {name}"}[lang]) if name else ""
    return _NONE_OTHER.get(lang, on=on)


# --- where the logins are, as a whole ------------------------------------------------------------------


class Readiness(enum.Enum):
    READY = "ready"  # logins can be kept and read now
    NO_KEYCHAIN = "no_keychain"  # say what to install; offer the encrypted file
    KEYCHAIN_LOCKED = "keychain_locked"  # say how to unlock
    FILE_LOCKED = "file_locked"  # the encrypted file is in use: ask its passphrase
    FILE_NEW = "file_new"  # the encrypted file was chosen and does not exist (forgotten): choose a passphrase


LOGIN_FILE_CHOICE = "encrypted_file"  # Settings.login_store when the person chose the file


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

    def use(self, backend: SecretBackend) -> None:
        """Keep logins in `backend` from now on (the encrypted file the person just chose)."""
        self._backend = backend

    @property
    def login_file(self) -> LoginFile | None:
        """The encrypted file, when it is where logins are kept."""
        from cm_desktop.platform.login_file import LoginFile

        return self._backend if isinstance(self._backend, LoginFile) else None

    def readiness(self) -> Readiness:
        """Whether logins can be kept now, and if not what the person must do. May block on D-Bus: call it
        off the GUI thread."""
        login_file = self.login_file
        if login_file is not None:
            if login_file.unlocked and login_file.exists():
                return Readiness.READY
            return Readiness.FILE_LOCKED if login_file.exists() else Readiness.FILE_NEW
        try:
            backend = self._get_backend()
        except KeychainUnavailable:
            return Readiness.NO_KEYCHAIN
        state = probe_keychain(backend)
        if state is KeychainState.OK:
            return Readiness.READY
        return Readiness.KEYCHAIN_LOCKED if state is KeychainState.LOCKED else Readiness.NO_KEYCHAIN

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

        login_file = self.login_file
        if login_file is not None:
            if not (login_file.exists() and login_file.try_unlocker()):
                raise login_file.locked_error("check")
            return
        if isinstance(backend, fail.Keyring):
            raise KeychainUnavailable("no backend")
        if _refused_file_backend(backend):
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


def secrets_for(data_dir: Path, choice: str, *, on_locked: Callable[[], None] | None = None) -> Secrets:
    """The app's and the command line's one door to the logins, where the person chose to keep them:
    the system keychain (""), or the encrypted file in the data folder (LOGIN_FILE_CHOICE), locked until its
    passphrase is given (`on_locked` is called, from any thread, when a login is needed meanwhile)."""
    return Secrets(login_backend(data_dir, choice, on_locked=on_locked))


def login_backend(
    data_dir: Path, choice: str, *, on_locked: Callable[[], None] | None = None
) -> LoginFile | None:
    """The encrypted file when it is the person's choice; None for keyring's system keychain."""
    if choice != LOGIN_FILE_CHOICE:
        return None
    from cm_desktop.platform.login_file import FILE_NAME, LoginFile

    return LoginFile(data_dir / FILE_NAME, on_locked=on_locked)
