"""Secrets go to the keychain only: a canary proves they reach no log, no error message, no database file."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from keyring.backends import fail

from cm_desktop.core import models
from cm_desktop.core.store import open_store
from cm_desktop.platform.logs import LOG_FILE_NAME, setup_logging
from cm_desktop.platform.secrets import (
    KeychainLocked,
    KeychainUnavailable,
    SecretError,
    Secrets,
    SecretTooLarge,
)
from tests.memory_keyring import MemoryKeyring

CANARY = "canary-7f3a9c1e-SECRET-b5d2"


def test_canary_secret_reaches_only_the_keychain(
    tmp_path: Path, memory_keyring: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    log_file = setup_logging(tmp_path / "logs", level=logging.DEBUG)
    assert log_file is not None
    caplog.set_level(logging.DEBUG)
    secrets = Secrets(memory_keyring)
    store = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    try:
        with store.session() as session:
            account = models.Account(network="bluesky", handle="alice.test", secret_ref="account:1:session")
            session.add(account)
            session.commit()
            secrets.set(account.secret_ref, CANARY)
        assert secrets.get("account:1:session") == CANARY

        # Failures must not echo it either.
        memory_keyring.locked = True
        with pytest.raises(KeychainLocked) as locked:
            secrets.set("account:1:session", CANARY)
        assert CANARY not in str(locked.value) and CANARY not in locked.value.message("fr")
        assert locked.value.__cause__ is None and locked.value.__suppress_context__
        memory_keyring.locked = False
        logging.getLogger("cm_desktop.test").info("connected account %s", "alice.test")
    finally:
        store.close()
        for handler in logging.getLogger().handlers[:]:
            if isinstance(handler, logging.FileHandler):
                handler.close()
                logging.getLogger().removeHandler(handler)

    files = [tmp_path / "db.sqlite3", tmp_path / "db.sqlite3-wal", tmp_path / "logs" / LOG_FILE_NAME]
    assert all(f.exists() for f in files[::2])
    for path in files:
        if path.exists():
            assert CANARY.encode() not in path.read_bytes(), path.name
    assert CANARY not in caplog.text
    assert (tmp_path / "logs" / LOG_FILE_NAME).read_text().count("connected account") == 1


def test_no_keychain_is_a_clear_message_never_a_plaintext_fallback() -> None:
    secrets = Secrets(fail.Keyring())
    with pytest.raises(KeychainUnavailable) as caught:
        secrets.set("account:1:token", CANARY)
    assert "keyring" in caught.value.message("en").lower()
    assert "trousseau" in caught.value.message("fr")


def test_file_based_keyring_is_refused_unless_asked_for(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring.cfg")  # type: ignore[misc]
    with pytest.raises(KeychainUnavailable):
        Secrets(backend).set("account:1:token", CANARY)
    assert not (tmp_path / "keyring.cfg").exists()


def test_locked_keychain_on_read(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.locked = True
    with pytest.raises(KeychainLocked) as caught:
        Secrets(memory_keyring).get("x")
    assert "Déverrouillez" in caught.value.message("fr")


def test_too_large_for_windows_credential_store_is_refused_before_storing(
    memory_keyring: MemoryKeyring,
) -> None:
    with pytest.raises(SecretTooLarge):
        Secrets(memory_keyring).set("big", "x" * 1281)
    assert memory_keyring.items == {}


def test_delete_is_idempotent(memory_keyring: MemoryKeyring) -> None:
    secrets = Secrets(memory_keyring)
    secrets.set("a", "b")
    secrets.delete("a")
    secrets.delete("a")
    assert secrets.get("a") is None


def test_every_secret_error_has_both_languages() -> None:
    for cls in (SecretError, KeychainUnavailable, KeychainLocked, SecretTooLarge):
        assert cls().message("en") and cls().message("fr")
        assert cls().message("en") != cls().message("fr")
