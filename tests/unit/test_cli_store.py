"""After the data file was set aside, every command refuses until the person chooses; `data` offers the choices."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cm_desktop.core import models
from cm_desktop.core.store import list_backups, open_store, set_aside_copy
from cm_desktop.platform.paths import AppPaths


def run(*args: str, home: Path, lang: str = "en_GB.UTF-8") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CM_DESKTOP_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": lang,
        "LC_ALL": "",
    }
    return subprocess.run(
        [sys.executable, "-m", "cm_desktop", *args], capture_output=True, text=True, env=env, timeout=120
    )


def _damaged_store(home: Path) -> AppPaths:
    """A store with two posts and yesterday's backup, then damaged and opened once (which sets it aside)."""
    paths = AppPaths(data=home, logs=home / "logs")
    store = open_store(paths.database, paths.backups)
    with store.session() as session:
        for text in ("Galette des rois", "Crêpes de la Chandeleur"):
            post = models.Post(text=text, scheduled_utc=datetime(2027, 2, 2, 9, 0, tzinfo=UTC))
            session.add(post)
            session.flush()
            session.add(models.PostTarget(post_id=post.id or 0, network="facebook", state="scheduled"))
        session.commit()
    store.close()
    open_store(paths.database, paths.backups, now=datetime.now() - timedelta(days=1)).close()
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    # Damage the index of post_target and the free pages, not the post table: something is left to save.
    conn = sqlite3.connect(paths.database)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='ix_post_target_state'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(paths.database.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\xa5" * page_size
    paths.database.write_bytes(bytes(data))
    return paths


def test_every_command_refuses_while_a_damaged_store_waits_for_a_choice(data_home: Path) -> None:
    paths = _damaged_store(data_home)
    first = run("status", "--json", home=data_home)
    assert first.returncode == 1
    assert "damaged" in first.stderr and first.stdout == ""
    assert set_aside_copy(paths.database) is not None and not paths.database.exists()
    for command in (["status", "--json"], ["publish-due", "--json"], ["accounts", "list"]):
        result = run(*command, home=data_home, lang="fr_FR.UTF-8")
        assert result.returncode == 1, command
        assert "mis de côté" in result.stderr and "rien n'est publié" in result.stderr
        assert "Traceback" not in result.stderr
        assert result.stdout == ""  # never an empty list that looks like "nothing planned"
    assert not paths.database.exists()


def test_the_choices_from_the_command_line(data_home: Path, tmp_path: Path) -> None:
    paths = _damaged_store(data_home)
    run("status", home=data_home)  # sets it aside
    listed = json.loads(run("data", "backups", "--json", home=data_home).stdout)
    assert [row["kind"] for row in listed] == ["daily"]

    saved = tmp_path / "lu.csv"
    result = run("data", "export-damaged", str(saved), home=data_home, lang="fr_FR.UTF-8")
    assert result.returncode == 0, result.stderr
    assert "2 publications" in result.stderr
    rows = list(csv.reader(io.StringIO(saved.read_bytes().decode("utf-8-sig"))))
    assert sorted(r[3] for r in rows[1:]) == ["Crêpes de la Chandeleur", "Galette des rois"]
    assert {r[2] for r in rows[1:]} == {"facebook"}

    restored = run("data", "restore", home=data_home)
    assert restored.returncode == 0, restored.stderr
    status = run("status", "--json", home=data_home)
    assert status.returncode == 0, status.stderr
    assert len(json.loads(status.stdout)) == 2
    assert len(list_backups(paths.backups)) >= 1


def test_start_fresh_from_the_command_line(data_home: Path) -> None:
    paths = _damaged_store(data_home)
    run("status", home=data_home)
    nothing = run("data", "start-fresh", home=data_home)
    assert nothing.returncode == 0, nothing.stderr
    status = run("status", "--json", home=data_home)
    assert status.returncode == 0 and json.loads(status.stdout) == []
    assert list(paths.data.glob("*damaged*"))  # kept
    again = run("data", "start-fresh", home=data_home)
    assert again.returncode == 1 and "not damaged" in again.stderr
