"""`publish-due` and `--self-test` when the keychain cannot be used: a clear sentence and the right exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cm_desktop.core import models
from cm_desktop.core.outbox import queue_post
from cm_desktop.core.store import open_store
from cm_desktop.platform.paths import AppPaths


def run(*args: str, home: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = {**os.environ, "CM_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **env}
    return subprocess.run(
        [sys.executable, "-m", "cm_desktop", *args], capture_output=True, text=True, env=full, timeout=120
    )


def _due_post_for_bluesky(home: Path) -> None:
    paths = AppPaths(data=home, logs=home / "logs")
    store = open_store(paths.database, paths.backups)
    with store.session() as session:
        account = models.Account(network="bluesky", handle="alice.test", secret_ref="account:1:session")
        session.add(account)
        session.commit()
        assert account.id is not None
        account_id = account.id
    queue_post(
        store, text="Galette", account_ids=[account_id], when_utc=datetime.now(UTC) - timedelta(minutes=1)
    )
    store.close()


@pytest.mark.parametrize(
    ("backend", "lang", "words"),
    [
        ("keyring.backends.fail.Keyring", "en_GB.UTF-8", "keychain"),
        ("keyrings.not_bundled.Keyring", "fr_FR.UTF-8", "trousseau"),
    ],
)
def test_publish_due_says_the_keychain_failed_and_exits_1(
    data_home: Path, backend: str, lang: str, words: str
) -> None:
    _due_post_for_bluesky(data_home)
    result = run(
        "publish-due", "--json", home=data_home, PYTHON_KEYRING_BACKEND=backend, LANG=lang, LC_ALL=""
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert words in result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    (row,) = report["targets"]
    assert (
        row["state"] == "scheduled"
    )  # nothing was sent, nothing is lost: it goes out once the keychain works
    assert words in row["error"]


def test_self_test_reports_a_backend_that_is_not_bundled_as_unusable(data_home: Path) -> None:
    result = run("--self-test", home=data_home, PYTHON_KEYRING_BACKEND="keyrings.not_bundled.Keyring")
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert report["keyring"]["usable"] is False
    assert result.returncode == 0  # the bundle is fine; this computer's keychain setting is not
