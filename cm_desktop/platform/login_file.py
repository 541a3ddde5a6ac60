"""Logins kept in one file, encrypted with a passphrase the person chooses: the alternative offered only when
this computer has no usable keychain, and only when the person picks it (never silently, never plaintext).

Which library does the cryptography (none is written here), evaluated in the order we were asked to:

- ``keyrings.cryptfile`` (MIT, one maintainer, last release 1.3.9 in November 2022, source archive only):
  sound primitives (Argon2id, AES-GCM), but it derives the key again on *every* read and write (Argon2 with
  64 MiB and 15 passes: about a second each on a small machine, for every account the outbox opens), it
  rewrites its file in place (a crash in the middle loses every login), keeps the account names in clear,
  and asks the passphrase itself with ``getpass``. It would also bring pycryptodome and argon2-cffi into the
  frozen app.
- ``keyrings.alt``'s ``EncryptedKeyring`` (already a test dependency): PBKDF2-SHA1 with PyCryptodome's
  default of 1,000 rounds and AES-CFB without authentication: a stolen file is cheap to attack and a damaged
  one goes unnoticed. Refused.
- ``cryptography`` (the Python Cryptographic Authority; Apache-2.0 or BSD-3-Clause; released every few weeks;
  already in the app through SecretStorage, keyring's Linux dependency, so the frozen app carries it): its
  Fernet recipe (AES-128-CBC and HMAC-SHA256, authenticated, random IV; the documented way to encrypt with a
  key derived from a password) and its scrypt key derivation (n=2**17, r=8, p=1: 128 MiB, the OWASP figure).
  **Chosen.** What is ours is only the file around it: the key is derived once per app session, the file is
  replaced atomically (never half written), and a checksum of the sealed part tells a damaged file from a
  wrong passphrase.

The file (``logins.encrypted`` in the data folder, 0600) is JSON: the format, the scrypt parameters and salt,
the Fernet token sealing every login at once (names included), and the token's SHA-256. The passphrase is
never stored, logged, or put in an exception. It behaves as a keyring backend (get/set/delete_password) so
`Secrets` uses it like any keychain; while locked every access raises `PassphraseNeeded` (a `SecretError`:
the outbox keeps the posts waiting) and calls `on_locked`, which the app turns into the passphrase dialog.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cm_desktop.platform.secrets import (
    LoginFileDamaged,
    PassphraseNeeded,
    PassphraseTooShort,
    WrongPassphrase,
)

log = logging.getLogger(__name__)

FILE_NAME = "logins.encrypted"
FORMAT = "cm-desktop-logins"
VERSION = 1
MIN_PASSPHRASE_CHARS = 10
# scrypt's cost: 2**17 (128 MiB with r=8) by default; tests pass a smaller one to stay fast. A file asking
# for more than MAX_COST is refused as damaged (a crafted file must not make us allocate gigabytes).
DEFAULT_COST = 2**17
MIN_COST, MAX_COST = 2**12, 2**20
_R, _P = 8, 1


def passphrase_problem(passphrase: str, confirmation: str | None = None) -> PassphraseTooShort | None:
    """Why a new passphrase cannot be used (too short), or None. The confirmation is checked by the dialog."""
    if len(passphrase.strip()) < MIN_PASSPHRASE_CHARS:
        return PassphraseTooShort("too short")
    return None


WEAK, FAIR, GOOD = 0, 1, 2


def passphrase_strength(passphrase: str) -> int:
    """A rough hint while typing: WEAK (too short to be accepted), FAIR (accepted), GOOD (long, or several
    words, or mixed kinds of characters). Length counts most: a short sentence beats a complex word."""
    text = passphrase.strip()
    if len(text) < MIN_PASSPHRASE_CHARS:
        return WEAK
    words = len(text.split())
    kinds = sum(
        (
            any(c.islower() for c in text),
            any(c.isupper() for c in text),
            any(c.isdigit() for c in text),
            any(not c.isalnum() and not c.isspace() for c in text),
        )
    )
    if len(set(text)) >= 8 and (len(text) >= 20 or (len(text) >= 14 and (words >= 3 or kinds >= 3))):
        return GOOD
    return FAIR


def _derive(passphrase: str, salt: bytes, cost: int) -> Any:
    from cryptography.fernet import Fernet
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    raw = Scrypt(salt=salt, length=32, n=cost, r=_R, p=_P).derive(passphrase.encode("utf-8"))
    return Fernet(base64.urlsafe_b64encode(raw))


class LoginFile:
    """A keyring backend over one encrypted file. Thread-safe; the key lives only in this object."""

    priority = 1  # a keyring backend attribute; never registered with keyring (chosen by the person only)

    def __init__(
        self,
        path: Path,
        *,
        cost: int = DEFAULT_COST,
        on_locked: Callable[[], None] | None = None,
        unlocker: Callable[[LoginFile], None] | None = None,
    ) -> None:
        """`on_locked`: told (from any thread) when a login was needed while locked (the app's dialog).
        `unlocker`: asked once, on the first need, to unlock the file itself (the command line's getpass)."""
        self.path = path
        self.cost = cost
        self.on_locked = on_locked
        self.unlocker = unlocker
        self._fernet: Any = None
        self._header: dict[str, Any] | None = None
        self._lock = threading.RLock()

    # --- state ----------------------------------------------------------------------------------------

    def exists(self) -> bool:
        return self.path.exists()

    @property
    def unlocked(self) -> bool:
        return self._fernet is not None

    def create(self, passphrase: str) -> None:
        """A new, empty file sealed with `passphrase` (an existing one is replaced: the caller asked)."""
        problem = passphrase_problem(passphrase)
        if problem is not None:
            raise problem
        salt = os.urandom(16)
        with self._lock:
            self._fernet = _derive(passphrase, salt, self.cost)
            self._header = {
                "format": FORMAT,
                "version": VERSION,
                "kdf": "scrypt",
                "n": self.cost,
                "r": _R,
                "p": _P,
                "salt": base64.b64encode(salt).decode("ascii"),
            }
            self._write({})
        log.info("encrypted login file created")

    def unlock(self, passphrase: str) -> None:
        """Derive the key and prove it opens the file. WrongPassphrase, LoginFileDamaged, PassphraseNeeded
        (no file: nothing to unlock)."""
        from cryptography.fernet import InvalidToken

        with self._lock:
            header, token = self._read()
            fernet = _derive(passphrase, header["salt_bytes"], header["n"])
            try:
                fernet.decrypt(token)
            except InvalidToken:
                log.warning("encrypted login file: wrong passphrase")
                raise WrongPassphrase("unlock") from None
            self._fernet = fernet
            self._header = {k: v for k, v in header.items() if k != "salt_bytes"}
        log.info("encrypted login file unlocked")

    def try_unlocker(self) -> bool:
        """Unlocked, asking the `unlocker` the first time it is needed; False when still locked."""
        with self._lock:
            if self._fernet is None and self.unlocker is not None and self.exists():
                unlocker, self.unlocker = self.unlocker, None  # asked once per run, not once per account
                unlocker(self)
            return self._fernet is not None

    def lock(self) -> None:
        with self._lock:
            self._fernet = None

    def forget(self) -> None:
        """Delete the file (the logins in it are lost; nothing else is touched) and lock."""
        with self._lock:
            self._fernet = None
            self._header = None
            for leftover in (self.path, self.path.with_name(self.path.name + ".tmp")):
                try:
                    leftover.unlink()
                except FileNotFoundError:
                    pass
        log.info("encrypted login file deleted at the person's request")

    # --- the keyring backend's three calls ------------------------------------------------------------

    def get_password(self, service: str, username: str) -> str | None:
        entries = self._entries()
        value = entries.get(service, {}).get(username)
        return value if isinstance(value, str) else None

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            entries = self._entries()
            entries.setdefault(service, {})[username] = password
            self._write(entries)

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        with self._lock:
            entries = self._entries()
            if username not in entries.get(service, {}):
                raise PasswordDeleteError("not found")
            del entries[service][username]
            if not entries[service]:
                del entries[service]
            self._write(entries)

    # --- the file ---------------------------------------------------------------------------------------

    def locked_error(self, step: str) -> PassphraseNeeded:
        """The error to raise while locked, after telling `on_locked` (the app asks the passphrase)."""
        if self.on_locked is not None:
            self.on_locked()
        return PassphraseNeeded(step)

    def _entries(self) -> dict[str, dict[str, str]]:
        """Everything in the file, read again each time (another process may have written it)."""
        from cryptography.fernet import InvalidToken

        with self._lock:
            if not self.try_unlocker():
                raise self.locked_error("read")
            try:
                _header, token = self._read()
            except PassphraseNeeded:
                # Deleted behind our back: nothing kept any more, and a new passphrase will be needed.
                self._fernet = None
                raise self.locked_error("read") from None
            try:
                plain = self._fernet.decrypt(token)
            except InvalidToken:
                # Sealed again with another passphrase (by another copy of the app): ask again.
                self._fernet = None
                raise self.locked_error("read") from None
            try:
                entries = json.loads(plain.decode("utf-8"))["entries"]
                if not isinstance(entries, dict):
                    raise TypeError("entries")
            except (ValueError, KeyError, TypeError):
                raise LoginFileDamaged("content") from None
            return entries

    def _read(self) -> tuple[dict[str, Any], bytes]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            raise PassphraseNeeded("no file") from None
        except OSError as exc:
            log.warning("encrypted login file unreadable: %s", type(exc).__name__)
            raise LoginFileDamaged("unreadable") from None
        try:
            doc = json.loads(raw.decode("utf-8"))
            token = doc["token"].encode("ascii")
            n, r, p = int(doc["n"]), int(doc["r"]), int(doc["p"])
            ok = (
                doc["format"] == FORMAT
                and doc["version"] == VERSION
                and doc["kdf"] == "scrypt"
                and MIN_COST <= n <= MAX_COST
                and n & (n - 1) == 0
                and (r, p) == (_R, _P)
                and hashlib.sha256(token).hexdigest() == doc["sha256"]
            )
            salt = base64.b64decode(doc["salt"], validate=True)
        except (ValueError, KeyError, TypeError, AttributeError, binascii.Error):
            ok = False
        if not ok:
            log.warning("encrypted login file damaged (%d bytes)", len(raw))
            raise LoginFileDamaged("format")
        header = {k: doc[k] for k in ("format", "version", "kdf", "n", "r", "p", "salt")}
        return {**header, "salt_bytes": salt}, token

    def _write(self, entries: dict[str, dict[str, str]]) -> None:
        """Seal and replace atomically: a crash leaves the previous file whole."""
        assert self._fernet is not None and self._header is not None
        token = self._fernet.encrypt(json.dumps({"entries": entries}).encode("utf-8"))
        doc = {**self._header, "token": token.decode("ascii"), "sha256": hashlib.sha256(token).hexdigest()}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temp = self.path.with_name(self.path.name + ".tmp")
        try:
            temp.unlink()
        except FileNotFoundError:
            pass
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(json.dumps(doc, indent=1).encode("utf-8"))
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, self.path)
        if os.name == "posix":
            folder = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
