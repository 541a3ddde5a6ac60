"""The local store against real SQLite files: creation, upgrade, failed migration, refusals, damage."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel, select

from cm_desktop.core import models
from cm_desktop.core.store import (
    MIGRATIONS_DIR,
    DiskFull,
    MigrationFailed,
    ReadOnlyLocation,
    StoreCorrupted,
    StoreTooNew,
    current_revision,
    known_error,
    list_backups,
    make_engine,
    open_store,
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _create_at_revision(path: Path, revision: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = make_engine(path)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()


def test_fresh_store_is_at_head_with_safe_pragmas(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    store.close()
    assert current_revision(tmp_path / "db.sqlite3") == "0005"
    assert list_backups(tmp_path / "backups") == []  # nothing to back up on a new file


def test_models_and_migrations_describe_the_same_schema(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    store.close()
    assert diff == []


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    with store.session() as session:
        session.add(models.PostTarget(post_id=12345))
        with pytest.raises(Exception, match="FOREIGN KEY"):
            session.commit()
    store.close()


def test_upgrade_from_first_schema_keeps_data_and_backs_up(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    _create_at_revision(db, "0001")
    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT INTO post (text, time_zone, created_at, updated_at) VALUES (?, '', '2026-01-01', '2026-01-01')",
        ("Bonjour Lyon 🥐",),
    )
    conn.commit()
    conn.close()

    store = open_store(db, tmp_path / "backups")
    with store.session() as session:
        post = session.exec(select(models.Post)).one()
        assert post.text == "Bonjour Lyon 🥐"
        assert post.origin == ""
        session.add(models.Slot(network="mastodon", weekday=2, minute_of_day=600))
        session.commit()
    store.close()
    backups = list_backups(tmp_path / "backups")
    assert len(backups) == 1
    assert current_revision(backups[0]) == "0001"


def test_failed_migration_is_restored_from_its_backup(tmp_path: Path) -> None:
    migrations = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "0006_broken.py").write_text(
        '"""A migration that changes data, then fails half-way."""\n'
        "import sqlalchemy as sa\n"
        "from alembic import op\n"
        'revision = "0006"\ndown_revision = "0005"\nbranch_labels = None\ndepends_on = None\n'
        "def upgrade() -> None:\n"
        "    op.execute(\"UPDATE post SET text = 'changed'\")\n"
        '    op.add_column("post", sa.Column("extra", sa.String(), nullable=True))\n'
        '    raise RuntimeError("boom")\n'
        "def downgrade() -> None:\n    pass\n"
    )
    db = tmp_path / "db.sqlite3"
    store = open_store(db, tmp_path / "backups")
    with store.session() as session:
        session.add(models.Post(text="keep me"))
        session.commit()
    store.close()
    before = current_revision(db)

    with pytest.raises(MigrationFailed) as caught:
        open_store(db, tmp_path / "backups", migrations_dir=migrations)
    assert caught.value.restored_from.exists()
    assert current_revision(db) == before == "0005"
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT text FROM post").fetchall() == [("keep me",)]
    columns = [row[1] for row in conn.execute("PRAGMA table_info(post)")]
    conn.close()
    assert "extra" not in columns
    assert "report this problem" in caught.value.message("en")
    assert "signaler" in caught.value.message("fr")


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    open_store(db, tmp_path / "backups").close()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    digest = _digest(db)

    with pytest.raises(StoreTooNew) as caught:
        open_store(db, tmp_path / "backups")
    assert _digest(db) == digest
    assert list_backups(tmp_path / "backups") == []
    assert "newer version" in caught.value.message("en")
    assert "plus récente" in caught.value.message("fr")


def test_a_file_that_is_not_a_database_is_moved_aside_not_deleted(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    db.write_bytes(b"these are not the rows you are looking for" * 100)
    digest = _digest(db)
    with pytest.raises(StoreCorrupted) as caught:
        open_store(db, tmp_path / "backups")
    assert not db.exists()
    assert caught.value.moved_to.exists()
    assert _digest(caught.value.moved_to) == digest
    assert "damaged" in caught.value.moved_to.name
    # Starting fresh afterwards works.
    open_store(db, tmp_path / "backups").close()
    assert current_revision(db) == "0005"


def test_a_damaged_database_is_set_aside_and_the_backup_offered(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    _create_at_revision(db, "0001")
    open_store(db, tmp_path / "backups").close()  # the upgrade leaves one backup
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    # Scribble over the middle of the file, past the header: the pages no longer add up.
    data = bytearray(db.read_bytes())
    for offset in range(4096, len(data), 97):
        data[offset] = 0xA5
    db.write_bytes(bytes(data))

    with pytest.raises(StoreCorrupted) as caught:
        open_store(db, tmp_path / "backups")
    assert caught.value.backups == list_backups(tmp_path / "backups")
    assert len(caught.value.backups) == 1


def test_sqlite_full_and_read_only_become_known_errors(tmp_path: Path) -> None:
    db = tmp_path / "full.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE t (x BLOB)")
    conn.execute("PRAGMA max_page_count = 3")  # SQLite's own "disk full" path, for real
    with pytest.raises(sqlite3.OperationalError) as full:
        conn.execute("INSERT INTO t VALUES (?)", (b"x" * 100_000,))
    conn.close()
    assert isinstance(known_error(full.value), DiskFull)
    assert "nothing was lost" in DiskFull().message("en")

    ro = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as readonly:
        ro.execute("INSERT INTO t VALUES (1)")
    ro.close()
    assert isinstance(known_error(readonly.value), ReadOnlyLocation)
    assert known_error(ValueError("a bug")) is None


def test_data_folder_that_cannot_be_created_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(Exception) as caught:
        open_store(blocker / "sub" / "db.sqlite3", tmp_path / "backups")
    assert hasattr(caught.value, "message")
