"""The passphrase file (platform/login_file.py): a real scrypt + Fernet round trip, a wrong passphrase, a
damaged file, and a canary proving that no login and no passphrase reaches the file's bytes or the logs."""

from __future__ import annotations

import json
import logging
import os
import stat
from pathlib import Path

import pytest

from cm_desktop.core.settings import Settings, load_settings, save_settings
from cm_desktop.platform.login_file import (
    DEFAULT_COST,
    FAIR,
    FILE_NAME,
    GOOD,
    MAX_COST,
    MIN_COST,
    WEAK,
    LoginFile,
    passphrase_strength,
)
from cm_desktop.platform.logs import LOG_FILE_NAME, setup_logging
from cm_desktop.platform.secrets import (
    LOGIN_FILE_CHOICE,
    SERVICE,
    LoginFileDamaged,
    PassphraseNeeded,
    PassphraseTooShort,
    Readiness,
    SecretError,
    Secrets,
    WrongPassphrase,
    login_backend,
    secrets_for,
)

CANARY = "canary-41d9-LOGIN-e07b"
PASSPHRASE = "la galette du dimanche 1984"
ACCOUNT_REF = "account:7:session-for-iris"


def new_file(tmp_path: Path, **kwargs: object) -> LoginFile:
    # The smallest cost the file accepts keeps the tests fast; the app's default is checked below.
    return LoginFile(tmp_path / FILE_NAME, cost=MIN_COST, **kwargs)  # type: ignore[arg-type]


def test_round_trip_through_a_second_copy_that_knows_only_the_passphrase(tmp_path: Path) -> None:
    first = new_file(tmp_path)
    first.create(PASSPHRASE)
    Secrets(first).set(ACCOUNT_REF, CANARY)

    second = LoginFile(tmp_path / FILE_NAME)  # the next session: nothing shared but the file
    assert second.exists() and not second.unlocked
    second.unlock(PASSPHRASE)
    assert Secrets(second).get(ACCOUNT_REF) == CANARY
    Secrets(second).delete(ACCOUNT_REF)
    assert Secrets(first).get(ACCOUNT_REF) is None  # read again from the file each time


def test_wrong_passphrase_is_said_and_changes_nothing(tmp_path: Path) -> None:
    login_file = new_file(tmp_path)
    login_file.create(PASSPHRASE)
    Secrets(login_file).set(ACCOUNT_REF, CANARY)
    before = login_file.path.read_bytes()

    again = LoginFile(login_file.path)
    with pytest.raises(WrongPassphrase) as wrong:
        again.unlock("la galette du dimanche 1985")
    assert not again.unlocked
    assert "passphrase" in wrong.value.message("en") and "phrase secrète" in wrong.value.message("fr")
    assert isinstance(wrong.value, SecretError)
    assert login_file.path.read_bytes() == before
    again.unlock(PASSPHRASE)  # and the right one still works: retry is possible
    assert Secrets(again).get(ACCOUNT_REF) == CANARY


def test_no_login_and_no_passphrase_in_the_file_or_the_logs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    log_file = setup_logging(tmp_path / "logs", level=logging.DEBUG)
    assert log_file is not None
    caplog.set_level(logging.DEBUG)
    try:
        login_file = new_file(tmp_path / "data")
        login_file.create(PASSPHRASE)
        Secrets(login_file).set(ACCOUNT_REF, CANARY)
        LoginFile(login_file.path).unlock(PASSPHRASE)
        with pytest.raises(WrongPassphrase) as wrong:
            LoginFile(login_file.path).unlock(PASSPHRASE + "!")
        assert PASSPHRASE not in str(wrong.value) and wrong.value.__cause__ is None
    finally:
        for handler in logging.getLogger().handlers[:]:
            if isinstance(handler, logging.FileHandler):
                handler.close()
                logging.getLogger().removeHandler(handler)

    raw = login_file.path.read_bytes()
    logged = (tmp_path / "logs" / LOG_FILE_NAME).read_bytes()
    assert b"encrypted login file" in logged  # something was logged, so the check below means something
    for needle in (CANARY, PASSPHRASE, ACCOUNT_REF, f'"{SERVICE}"'):
        assert needle.encode() not in raw, needle  # even the names of the accounts are sealed
        assert needle.encode() not in logged, needle
        assert needle not in caplog.text, needle
    assert not any(p.name.endswith(".tmp") for p in login_file.path.parent.iterdir())


def test_the_file_uses_scrypt_with_the_app_cost_and_only_its_owner_can_read_it(tmp_path: Path) -> None:
    login_file = LoginFile(tmp_path / FILE_NAME)  # the app's own cost
    login_file.create(PASSPHRASE)
    header = json.loads(login_file.path.read_text())
    assert header["kdf"] == "scrypt" and header["n"] == DEFAULT_COST >= 2**17
    assert len(bytes.fromhex(header["sha256"])) == 32
    if os.name == "posix":
        assert stat.S_IMODE(login_file.path.stat().st_mode) == 0o600
    other = LoginFile(tmp_path / "other")
    other.create(PASSPHRASE)
    assert json.loads(other.path.read_text())["salt"] != header["salt"]  # same passphrase, another key


def test_a_damaged_file_is_told_apart_from_a_wrong_passphrase(tmp_path: Path) -> None:
    login_file = new_file(tmp_path)
    login_file.create(PASSPHRASE)
    doc = json.loads(login_file.path.read_text())
    token = doc["token"]
    doc["token"] = token[:40] + ("A" if token[40] != "A" else "B") + token[41:]
    login_file.path.write_text(json.dumps(doc))
    with pytest.raises(LoginFileDamaged):
        LoginFile(login_file.path).unlock(PASSPHRASE)

    doc["token"], doc["n"] = token, MAX_COST * 2  # a crafted file must not make us allocate gigabytes
    login_file.path.write_text(json.dumps(doc))
    with pytest.raises(LoginFileDamaged):
        LoginFile(login_file.path).unlock(PASSPHRASE)

    login_file.path.write_bytes(b"\x00not json")
    with pytest.raises(LoginFileDamaged):
        LoginFile(login_file.path).unlock(PASSPHRASE)


def test_while_locked_every_use_asks_for_the_passphrase_and_tells_the_app(tmp_path: Path) -> None:
    new_file(tmp_path).create(PASSPHRASE)
    told: list[str] = []
    secrets = secrets_for(tmp_path, LOGIN_FILE_CHOICE, on_locked=lambda: told.append("locked"))
    assert secrets.login_file is not None and secrets.login_file.path == tmp_path / FILE_NAME
    assert secrets.readiness() is Readiness.FILE_LOCKED
    with pytest.raises(PassphraseNeeded) as needed:
        secrets.get(ACCOUNT_REF)
    assert "CM Desktop" in needed.value.message("en") and "CM Desktop" in needed.value.message("fr")
    assert told == ["locked"]
    with pytest.raises(PassphraseNeeded):
        secrets.set(ACCOUNT_REF, CANARY)
    secrets.login_file.unlock(PASSPHRASE)
    assert secrets.readiness() is Readiness.READY
    secrets.set(ACCOUNT_REF, CANARY)
    secrets.login_file.lock()
    with pytest.raises(PassphraseNeeded):
        secrets.get(ACCOUNT_REF)


def test_the_file_chosen_then_deleted_asks_for_a_new_passphrase(tmp_path: Path) -> None:
    login_file = new_file(tmp_path)
    assert Secrets(login_file).readiness() is Readiness.FILE_NEW
    login_file.create(PASSPHRASE)
    login_file.forget()
    assert not login_file.path.exists()
    assert Secrets(login_file).readiness() is Readiness.FILE_NEW


def test_the_system_keychain_unless_the_file_was_chosen(tmp_path: Path) -> None:
    assert login_backend(tmp_path, "") is None
    assert isinstance(login_backend(tmp_path, LOGIN_FILE_CHOICE), LoginFile)
    settings_file = tmp_path / "settings.json"
    assert load_settings(settings_file).login_store == ""
    save_settings(Settings(login_store=LOGIN_FILE_CHOICE), settings_file)
    assert load_settings(settings_file).login_store == LOGIN_FILE_CHOICE


def test_a_short_passphrase_is_refused_and_the_strength_hint_follows_length(tmp_path: Path) -> None:
    with pytest.raises(PassphraseTooShort):
        new_file(tmp_path).create("galette")
    assert not (tmp_path / FILE_NAME).exists()
    assert passphrase_strength("") == WEAK
    assert passphrase_strength("  galette  ") == WEAK
    assert passphrase_strength("galettes12") == FAIR
    assert passphrase_strength("aaaaaaaaaaaaaaaaaaaaaaaa") == FAIR  # long but one letter
    assert passphrase_strength(PASSPHRASE) == GOOD
    assert passphrase_strength("Fleurs-d'Iris-75") == GOOD


def test_the_outbox_keeps_due_posts_queued_while_the_file_is_locked_and_asks_the_app(tmp_path: Path) -> None:
    from datetime import UTC, datetime, timedelta

    from sqlmodel import select

    from cm_desktop.core import models
    from cm_desktop.core.outbox import queue_post
    from cm_desktop.core.store import open_store
    from cm_desktop.platform.paths import AppPaths
    from cm_desktop.services.publishing import build_outbox

    paths = AppPaths(data=tmp_path / "data", logs=tmp_path / "logs")
    new_file(paths.data).create(PASSPHRASE)
    told: list[str] = []
    secrets = secrets_for(paths.data, LOGIN_FILE_CHOICE, on_locked=lambda: told.append("ask"))
    store = open_store(paths.database, paths.backups)
    try:
        with store.session() as session:
            account = models.Account(network="bluesky", handle="iris.test", secret_ref=ACCOUNT_REF)
            session.add(account)
            session.commit()
            assert account.id is not None
            account_id = account.id
        queue_post(
            store, text="Galette", account_ids=[account_id], when_utc=datetime.now(UTC) - timedelta(minutes=1)
        )
        outcomes = build_outbox(paths, store, secrets=secrets).run()
        assert [o.event for o in outcomes] == ["account_unavailable"]
        assert told  # the app is told, and asks the passphrase
        with store.session() as session:
            (target,) = session.exec(select(models.PostTarget)).all()
        assert target.state == "scheduled"  # not failed, not lost: it goes out once unlocked
    finally:
        store.close()
