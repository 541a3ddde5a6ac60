"""A healthy store is never set aside; a damaged one is, once, and then everything waits for the person.

Real SQLite files, real locks held by other processes, a real full disk and a real read-only disk (a tiny
tmpfs in a private mount namespace, `unshare -rm`; skipped where the system does not allow it).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from cm_desktop.core import models
from cm_desktop.core.store import (
    HEAD_REVISION,
    MIGRATIONS_DIR,
    BackupInfo,
    BackupUnusable,
    DamagedButInUse,
    StoreBusy,
    StoreCorrupted,
    StoreSetAside,
    backup_info,
    backups_to_prune,
    list_backups,
    open_store,
    restore_backup,
    rolling_backup,
    set_aside_copy,
    start_fresh,
)

ROOT = Path(__file__).resolve().parents[2]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _store_with_post(db: Path, text: str = "Galette des rois") -> None:
    store = open_store(db, db.parent / "backups")
    with store.session() as session:
        session.add(models.Post(text=text))
        session.commit()
    store.close()


def _scribble(db: Path) -> None:
    """Overwrite the middle of the file, past the header: the pages no longer add up."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    for offset in range(4096, len(data), 97):
        data[offset] = 0xA5
    db.write_bytes(bytes(data))


def _python(code: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, **env},
    )


def test_head_revision_constant_is_the_newest_migration() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


def test_opening_a_store_at_head_does_not_import_alembic(tmp_path: Path) -> None:
    open_store(tmp_path / "db.sqlite3", tmp_path / "backups").close()
    code = f"""
        import sys
        from pathlib import Path
        from cm_desktop.core.store import open_store
        open_store(Path({str(tmp_path / "db.sqlite3")!r}), Path({str(tmp_path / "backups")!r})).close()
        print("alembic" in sys.modules)
    """
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=ROOT
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_a_store_locked_by_another_program_is_busy_not_damaged(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    _store_with_post(db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO slot (network, weekday, minute_of_day) VALUES ('x', 1, 60)")
    try:
        with pytest.raises(StoreBusy) as caught:
            open_store(db, tmp_path / "backups", busy_timeout=0.2)
        assert not isinstance(caught.value, StoreCorrupted)
        assert db.exists() and set_aside_copy(db) is None
        assert not list(tmp_path.glob("*damaged*"))
        assert "another program" in caught.value.message("en")
        assert "autre programme" in caught.value.message("fr")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    store = open_store(db, tmp_path / "backups")  # once let go, it opens as if nothing happened
    with store.session() as session:
        assert [p.text for p in session.exec(select(models.Post))] == ["Galette des rois"]
    store.close()


def test_a_damaged_store_another_process_has_open_is_never_renamed(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    _store_with_post(db)
    app = _python(
        f"""
        import sys
        from pathlib import Path
        from cm_desktop.core.store import open_store
        store = open_store(Path({str(db)!r}), Path({str(tmp_path / "backups")!r}))
        print("open", flush=True)
        sys.stdin.readline()
        store.close()
        """
    )
    try:
        assert app.stdout is not None and app.stdout.readline().strip() == "open"
        _scribble(db)
        with pytest.raises(DamagedButInUse) as caught:
            open_store(db, tmp_path / "backups", busy_timeout=0.2)
        assert db.exists() and set_aside_copy(db) is None
        assert not list(tmp_path.glob("*damaged*"))
        assert "nothing was moved" in caught.value.message("en")
    finally:
        app.communicate("\n", timeout=30)
    with pytest.raises(StoreCorrupted) as moved:  # the other copy has closed: now it may be set aside
        open_store(db, tmp_path / "backups")
    assert moved.value.moved_to.exists() and not db.exists()


def test_after_damage_every_open_refuses_until_the_person_chooses(tmp_path: Path) -> None:
    db, backups = tmp_path / "db.sqlite3", tmp_path / "backups"
    _store_with_post(db, "Croissants du dimanche")
    yesterday = datetime.now() - timedelta(days=1)
    open_store(db, backups, now=yesterday).close()  # yesterday's daily copy
    assert [backup_info(b).label for b in list_backups(backups)] == ["daily"]  # type: ignore[union-attr]
    _scribble(db)
    with pytest.raises(StoreCorrupted) as first:
        open_store(db, backups)
    for _ in range(2):
        with pytest.raises(StoreSetAside) as again:
            open_store(db, backups)
        assert again.value.moved_to == first.value.moved_to
        assert again.value.backups == list_backups(backups)
        assert "nothing is published" in again.value.message("en")
        assert "rien n'est publié" in again.value.message("fr")
        assert not db.exists()  # no empty store was made behind the person's back

    undo = restore_backup(list_backups(backups)[0], db, backups)
    assert undo is None  # nothing in place to keep: the damaged copy is already aside
    store = open_store(db, backups)
    with store.session() as session:
        assert [p.text for p in session.exec(select(models.Post))] == ["Croissants du dimanche"]
    store.close()
    assert first.value.moved_to.exists()


def test_restoring_from_settings_keeps_a_copy_and_waits_for_other_processes(tmp_path: Path) -> None:
    db, backups = tmp_path / "db.sqlite3", tmp_path / "backups"
    _store_with_post(db, "ancien")
    open_store(db, backups, now=datetime.now() - timedelta(days=1)).close()
    old = list_backups(backups)[0]
    store = open_store(db, backups)
    with store.session() as session:
        session.add(models.Post(text="nouveau"))
        session.commit()
    with pytest.raises(StoreBusy):  # our own open store counts as "in use" too
        restore_backup(old, db, backups, wait=0)
    store.close()

    undo = restore_backup(old, db, backups)
    assert undo is not None and backup_info(undo).label == "before-restore"  # type: ignore[union-attr]
    store = open_store(db, backups)
    with store.session() as session:
        assert [p.text for p in session.exec(select(models.Post))] == ["ancien"]
    store.close()
    restore_backup(undo, db, backups)  # and back again
    store = open_store(db, backups)
    with store.session() as session:
        assert sorted(p.text for p in session.exec(select(models.Post))) == ["ancien", "nouveau"]
    store.close()

    garbage = tmp_path / "cm-desktop-20260101-000000-000000-daily.sqlite3"
    garbage.write_bytes(b"not a backup" * 100)
    with pytest.raises(BackupUnusable):
        restore_backup(garbage, db, backups)


def test_start_fresh_keeps_the_damaged_copy(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    db.write_bytes(b"garbage " * 512)
    with pytest.raises(StoreCorrupted) as caught:
        open_store(db, tmp_path / "backups")
    start_fresh(db)
    store = open_store(db, tmp_path / "backups")
    with store.session() as session:
        assert session.exec(select(models.Post)).all() == []
    store.close()
    assert caught.value.moved_to.read_bytes() == b"garbage " * 512


def test_an_empty_file_is_an_empty_store_not_damage(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    db.write_bytes(b"")
    open_store(db, tmp_path / "backups").close()
    assert set_aside_copy(db) is None and not list(tmp_path.glob("*damaged*"))


# --- rolling backups -----------------------------------------------------------------------------------------


def _info(made: datetime, label: str = "daily") -> BackupInfo:
    stamp = made.strftime("%Y%m%d-%H%M%S-%f")
    return BackupInfo(Path(f"cm-desktop-{stamp}-{label}.sqlite3"), made, label, 1)


def test_retention_keeps_seven_days_and_four_weeks() -> None:
    start = datetime(2026, 1, 1, 9, 0)
    infos = [_info(start + timedelta(days=d, hours=h)) for d in range(90) for h in (0, 5)]
    dropped = set(backups_to_prune(infos))
    kept = sorted((i for i in infos if i.path not in dropped), key=lambda i: i.made, reverse=True)
    days = [i.made.date() for i in kept]
    assert len(kept) == 11 and len(set(days)) == 11
    newest = start + timedelta(days=89, hours=5)
    assert [i.made for i in kept[:7]] == [newest - timedelta(days=d) for d in range(7)]
    weeks = [i.made.isocalendar()[:2] for i in kept[7:]]
    assert len(set(weeks)) == 4
    assert all(w not in {i.made.isocalendar()[:2] for i in kept[:7]} for w in weeks)


def test_a_daily_backup_per_day_pruned_as_days_go_by(tmp_path: Path) -> None:
    db, backups = tmp_path / "db.sqlite3", tmp_path / "backups"
    _store_with_post(db)
    assert list_backups(backups) == []  # a brand-new store has nothing to protect yet
    start = datetime(2026, 3, 1, 10, 0)
    for day in range(40):
        for hour in (0, 8):  # two starts a day, one copy a day
            open_store(db, backups, now=start + timedelta(days=day, hours=hour)).close()
    infos = [backup_info(b) for b in list_backups(backups)]
    assert all(i is not None and i.label == "daily" for i in infos)
    assert len(infos) == 11
    assert rolling_backup(db, backups, now=start + timedelta(days=39, hours=9)) is None  # today's exists


def test_failed_migrations_do_not_pile_up_copies(tmp_path: Path) -> None:
    migrations = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "9000_broken.py").write_text(
        '"""Fails."""\n'
        f'revision = "9000"\ndown_revision = "{HEAD_REVISION}"\nbranch_labels = None\ndepends_on = None\n'
        "def upgrade() -> None:\n    raise RuntimeError('boom')\n"
        "def downgrade() -> None:\n    pass\n"
    )
    db, backups = tmp_path / "db.sqlite3", tmp_path / "backups"
    _store_with_post(db)
    from cm_desktop.core.store import MigrationFailed

    for _ in range(4):
        with pytest.raises(MigrationFailed):
            open_store(db, backups, migrations_dir=migrations)
    labels = [backup_info(b).label for b in list_backups(backups)]  # type: ignore[union-attr]
    assert labels == ["before-9000"]


# --- a full disk and a read-only disk, for real --------------------------------------------------------------


def _can_mount() -> bool:
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"], capture_output=True
    )
    return probe.returncode == 0


needs_mount = pytest.mark.skipif(not _can_mount(), reason="no private mount namespace here (unshare -rm)")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    yield mount


def _on_small_disk(mount: Path, body: str, size: str = "2m") -> str:
    """Run `body` as Python in a private mount namespace where `mount` is a tmpfs of `size`."""
    script = mount.parent / "script.py"
    script.write_text(
        "import os, sqlite3, subprocess, sys\nfrom pathlib import Path\n"
        f"MOUNT = Path({str(mount)!r})\n" + textwrap.dedent(body)
    )
    out = subprocess.run(
        [
            *(
                "unshare",
                "-rm",
                "sh",
                "-c",
                f'mount -t tmpfs -o size={size} tmpfs "$1" && exec "$2" "$3"',
                "sh",
            ),
            *(str(mount), sys.executable, str(script)),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


SETUP = """
from cm_desktop.core import models
from cm_desktop.core.store import open_store, set_aside_copy, StoreError
db = MOUNT / "cm.sqlite3"
store = open_store(db, MOUNT / "backups")
with store.session() as session:
    session.add(models.Post(text="rien ne se perd"))
    session.commit()
store.close()
before = db.read_bytes()

def outcome():
    try:
        open_store(db, MOUNT / "backups").close()
        name = "opened"
    except StoreError as exc:
        name = type(exc).__name__ + ": " + exc.message("en")
    untouched = db.exists() and db.read_bytes() == before and set_aside_copy(db) is None
    damaged = sorted(p.name for p in MOUNT.iterdir() if "damaged" in p.name)
    return f"{name} | untouched={untouched} | {damaged}"
"""


@needs_mount
def test_a_full_disk_is_said_and_nothing_is_renamed(small_disk: Path) -> None:
    out = _on_small_disk(
        small_disk,
        SETUP
        + """
fd = os.open(MOUNT / "filler", os.O_WRONLY | os.O_CREAT)
try:
    while True:
        os.write(fd, b"\\0" * 65536)
except OSError:
    pass
try:
    while True:
        os.write(fd, b"\\0")
except OSError:
    pass
os.close(fd)
print(outcome())
""",
    )
    assert out.startswith("DiskFull: Your disk is full"), out
    assert out.endswith("untouched=True | []"), out


@needs_mount
def test_a_read_only_disk_is_said_and_nothing_is_renamed(small_disk: Path) -> None:
    out = _on_small_disk(
        small_disk,
        SETUP
        + """
subprocess.run(["mount", "-o", "remount,ro", str(MOUNT)], check=True)
print(outcome())
""",
    )
    assert out.startswith("ReadOnlyLocation: The app's data folder cannot be written to"), out
    assert out.endswith("untouched=True | []"), out
