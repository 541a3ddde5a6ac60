"""Logins kept in the passphrase file, seen from the command line (the real `python -m cm_desktop` process).

The background job has no terminal: it cannot ask, so due posts stay queued and it says why (output, log),
without counting it as a failure. In a terminal (a real pseudo-terminal here) the CLI asks with getpass; a
wrong passphrase is said and asked again.
"""

from __future__ import annotations

import json
import os
import pty
import selectors
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cm_desktop.core import models
from cm_desktop.core.outbox import queue_post
from cm_desktop.core.settings import Settings, save_settings
from cm_desktop.core.store import open_store
from cm_desktop.platform.login_file import FILE_NAME, MIN_COST, LoginFile
from cm_desktop.platform.logs import LOG_FILE_NAME
from cm_desktop.platform.paths import AppPaths
from cm_desktop.platform.secrets import LOGIN_FILE_CHOICE, Secrets

PASSPHRASE = "trois petits chats 1975"
CANARY = "canary-cli-93b1-SESSION"


def _home_with_the_file(home: Path, *, due_post: bool) -> None:
    paths = AppPaths(data=home, logs=home / "logs")
    store = open_store(paths.database, paths.backups)
    with store.session() as session:
        account = models.Account(network="bluesky", handle="alice.test", secret_ref="account:1:session")
        session.add(account)
        session.commit()
        assert account.id is not None
        account_id = account.id
    if due_post:
        queue_post(
            store, text="Galette", account_ids=[account_id], when_utc=datetime.now(UTC) - timedelta(minutes=1)
        )
    store.close()
    login_file = LoginFile(home / FILE_NAME, cost=MIN_COST)
    login_file.create(PASSPHRASE)
    Secrets(login_file).set("account:1:session", CANARY)
    save_settings(Settings(login_store=LOGIN_FILE_CHOICE), paths.settings_file)


def _env(home: Path, lang: str) -> dict[str, str]:
    return {
        **os.environ,
        "CM_DESKTOP_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": lang,
        "LC_ALL": "",
    }


@pytest.mark.parametrize(
    ("lang", "words"), [("en_GB.UTF-8", "passphrase"), ("fr_FR.UTF-8", "phrase secrète")]
)
def test_the_job_without_a_terminal_leaves_posts_queued_and_says_why(
    data_home: Path, lang: str, words: str
) -> None:
    _home_with_the_file(data_home, due_post=True)
    result = subprocess.run(
        [sys.executable, "-m", "cm_desktop", "publish-due", "--json"],
        stdin=subprocess.DEVNULL,  # as the system job runs it
        capture_output=True,
        text=True,
        env=_env(data_home, lang),
        timeout=120,
    )
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stdout + result.stderr  # waiting for the person is not a failure
    assert words in result.stderr and "CM Desktop" in result.stderr
    (row,) = json.loads(result.stdout)["targets"]
    assert row["state"] == "scheduled"  # nothing sent, nothing lost: it goes out once the app is opened
    assert words in row["error"]
    logged = (data_home / "logs" / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "PassphraseNeeded" in logged and "stay queued" in logged
    assert CANARY not in logged and PASSPHRASE not in logged


def _run_in_a_terminal(home: Path, answers: list[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI with a pseudo-terminal as its input; type each answer once its prompt has appeared
    (getpass empties what was typed before it asks)."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "cm_desktop", *args],
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(home, "en_GB.UTF-8"),
        start_new_session=True,  # no controlling terminal: getpass uses its input, the pseudo-terminal
    )
    os.close(terminal)
    assert process.stderr is not None and process.stdout is not None
    said = b""
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(process.stderr, selectors.EVENT_READ)
            for answer in answers:
                while said.count(b"Passphrase of your logins file") <= answers.index(answer):
                    assert selector.select(timeout=60), said  # a guard against a hang, not a timing check
                    chunk = os.read(process.stderr.fileno(), 4096)
                    assert chunk, said  # the process ended without asking
                    said += chunk
                os.write(controller, answer.encode() + b"\n")
        out, rest = process.communicate(timeout=120)
    finally:
        os.close(controller)
        if process.poll() is None:
            process.kill()
            process.communicate()
    return process.returncode, out.decode(), (said + rest).decode()


def test_in_a_terminal_the_cli_asks_and_a_wrong_passphrase_is_said_then_asked_again(data_home: Path) -> None:
    _home_with_the_file(data_home, due_post=False)
    code, out, err = _run_in_a_terminal(
        data_home, ["not the right one", PASSPHRASE], "accounts", "list", "--json"
    )
    assert code == 0, err
    assert "This is not the right passphrase" in err
    assert err.count("Passphrase of your logins file") == 2
    (row,) = json.loads(out)
    assert row["connection"] == "connected"  # its login was read from the unlocked file
    assert PASSPHRASE not in err and CANARY not in out + err


def test_without_a_terminal_the_cli_says_it_needs_the_passphrase(data_home: Path) -> None:
    _home_with_the_file(data_home, due_post=False)
    result = subprocess.run(
        [sys.executable, "-m", "cm_desktop", "accounts", "list", "--json"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=_env(data_home, "en_GB.UTF-8"),
        timeout=120,
    )
    assert "Traceback" not in result.stderr
    assert result.stderr.count("there is no terminal here to type it in") == 1
    (row,) = json.loads(result.stdout)
    assert row["connection"] == "keychain_unavailable"  # never read, never asked, never blocked
