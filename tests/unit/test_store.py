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
    HEAD_REVISION,
    MIGRATIONS_DIR,
    DiskFull,
    MigrationFailed,
    ReadOnlyLocation,
    StoreCorrupted,
    StoreSetAside,
    StoreTooNew,
    current_revision,
    known_error,
    list_backups,
    make_engine,
    open_store,
    start_fresh,
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
    assert current_revision(tmp_path / "db.sqlite3") == HEAD_REVISION
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


def test_upgrade_from_0003_keeps_accounts_and_adds_when_their_server_was_read(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    _create_at_revision(db, "0003")
    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT INTO account (network, display_name, handle, server_url, remote_id, avatar_url, status,"
        " server_limits, secret_ref, created_at) VALUES ('mastodon', 'B', '@b@piaille.fr', "
        "'https://piaille.fr', '1', '', 'ok', '{\"max_characters\":1000}', 'ref', '2026-01-01')"
    )
    conn.commit()
    conn.close()

    store = open_store(db, tmp_path / "backups")
    with store.session() as session:
        account = session.exec(select(models.Account)).one()
    store.close()
    assert (account.server_limits, account.server_read_at) == ('{"max_characters":1000}', None)
    assert current_revision(db) == HEAD_REVISION


def test_upgrade_to_0011_notes_each_found_post_under_the_search_that_found_it(tmp_path: Path) -> None:
    """Before 0011 a found post knew only its first search: that one is noted as having found it."""
    db = tmp_path / "db.sqlite3"
    _create_at_revision(db, "0010")
    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT INTO account (network, display_name, handle, server_url, remote_id, avatar_url, status,"
        " server_limits, secret_ref, created_at, server_read_at) VALUES ('bluesky', 'S', 'shop.test', '',"
        " 'did:plc:shop', '', 'ok', '', 'ref', '2026-01-01', NULL)"
    )
    for query in ("fleuriste Lyon", "#mariage"):
        conn.execute(
            "INSERT INTO watch (account_id, query, language, paused, created_at, updated_at, failures,"
            " last_error_code, last_error, limited) VALUES (1, ?, '', 0, '2026-01-01', '2026-01-01', 0, '',"
            " '', '')",
            (query,),
        )
    texts = (
        "post_cid, root_id, root_cid, url, text, language, visibility, author_handle, author_name, "
        "author_avatar_url, author_id, author_url, author_mention, gone, like_key, like_state, follow_key, "
        "follow_state"
    )
    blanks = ", ".join("''" for _ in texts.split(","))
    for watch_id, post in ((1, "at://a/1"), (2, "at://a/2")):
        conn.execute(
            f"INSERT INTO watch_result (watch_id, account_id, network, post_id, {texts}, created_at, found_at,"
            f" seen, dismissed) VALUES (?, 1, 'bluesky', ?, {blanks}, '2026-01-01', '2026-01-01', 0, 0)",
            (watch_id, post),
        )
    conn.commit()
    conn.close()

    store = open_store(db, tmp_path / "backups")
    with store.session() as session:
        matches = sorted((m.watch_id, m.result_id) for m in session.exec(select(models.WatchMatch)).all())
    store.close()
    assert matches == [(1, 1), (2, 2)]


def test_failed_migration_is_restored_from_its_backup(tmp_path: Path) -> None:
    migrations = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "9000_broken.py").write_text(
        '"""A migration that changes data, then fails half-way."""\n'
        "import sqlalchemy as sa\n"
        "from alembic import op\n"
        f'revision = "9000"\ndown_revision = "{HEAD_REVISION}"\nbranch_labels = None\ndepends_on = None\n'
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
    assert current_revision(db) == before == HEAD_REVISION
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
    # Until the person chooses, the store stays refused; starting fresh then works.
    with pytest.raises(StoreSetAside):
        open_store(db, tmp_path / "backups")
    start_fresh(db)
    open_store(db, tmp_path / "backups").close()
    assert current_revision(db) == HEAD_REVISION
    assert caught.value.moved_to.exists()  # the damaged copy stays


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
