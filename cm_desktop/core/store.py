"""The local SQLite store: opening it safely, migrating it with a backup first, and its known failures.

Opening never destroys anything: a damaged file is moved aside (renamed with the date), a database written by a
newer version of the app is refused untouched, and a failed migration is rolled back from the backup made just
before it.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlmodel import Session, create_engine

from cm_desktop.core.i18n import Lang, Text

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
SQLITE_MAGIC = b"SQLite format 3\x00"

# sqlite3 extended result codes are reduced to their primary code (low byte).
SQLITE_BUSY, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 5, 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26


class StoreError(Exception):
    """A known failure of the environment, with a sentence the person can act on."""

    text = Text(
        en="Your data could not be read or saved. Please try again.",
        fr="Vos données n'ont pas pu être lues ou enregistrées. Veuillez réessayer.",
    )

    def message(self, lang: Lang) -> str:
        return self.text.get(lang)


class DiskFull(StoreError):
    text = Text(
        en="Your disk is full, so nothing could be saved. Free some space, then try again: nothing was lost.",
        fr=(
            "Votre disque est plein : rien n'a pu être enregistré. Libérez de la place puis réessayez : "
            "rien n'a été perdu."
        ),
    )


class ReadOnlyLocation(StoreError):
    text = Text(
        en="The app's data folder cannot be written to. Check that the disk is not read-only, then restart.",
        fr=(
            "Le dossier de données de l'application est en lecture seule. Vérifiez que le disque accepte "
            "l'écriture, puis redémarrez."
        ),
    )


class StoreBusy(StoreError):
    text = Text(
        en="Your data is in use by another copy of the app. Close it, then try again.",
        fr="Vos données sont utilisées par une autre copie de l'application. Fermez-la puis réessayez.",
    )


class StoreTooNew(StoreError):
    text = Text(
        en=(
            "Your data was saved by a newer version of CM Desktop. Please install the latest version: "
            "your data has not been changed."
        ),
        fr=(
            "Vos données ont été enregistrées par une version plus récente de CM Desktop. Installez la "
            "dernière version : vos données n'ont pas été modifiées."
        ),
    )


@dataclass
class StoreCorrupted(StoreError):
    """The file is not a database or failed its integrity check. It has been moved aside, not deleted."""

    moved_to: Path
    backups: list[Path] = field(default_factory=list)

    text = Text(
        en=(
            "Your data file is damaged and cannot be opened. It has been set aside (nothing was deleted). "
            "You can restore the last backup or start fresh."
        ),
        fr=(
            "Votre fichier de données est endommagé et ne peut pas être ouvert. Il a été mis de côté (rien "
            "n'a été supprimé). Vous pouvez restaurer la dernière sauvegarde ou repartir de zéro."
        ),
    )

    def __post_init__(self) -> None:
        super().__init__(f"damaged database moved to {self.moved_to}")


@dataclass
class MigrationFailed(StoreError):
    """Updating the data to this version failed; the data was put back as it was before."""

    restored_from: Path

    text = Text(
        en=(
            "Your data could not be updated for this version of the app. It has been put back exactly as "
            "it was. Please report this problem to us."
        ),
        fr=(
            "Vos données n'ont pas pu être mises à jour pour cette version de l'application. Elles ont été "
            "remises exactement comme avant. Merci de nous signaler ce problème."
        ),
    )

    def __post_init__(self) -> None:
        super().__init__(f"migration failed, restored from {self.restored_from}")


def known_error(exc: BaseException) -> StoreError | None:
    """Turn a SQLite failure of the environment into a StoreError; None means it is a bug."""
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, (sqlite3.Error, OSError)):
        cause = getattr(cause, "orig", None) or cause.__cause__
    if isinstance(cause, OSError):
        import errno

        if cause.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return DiskFull(str(cause.errno))
        if cause.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return ReadOnlyLocation(str(cause.errno))
        return None
    if isinstance(cause, sqlite3.Error):
        code = getattr(cause, "sqlite_errorcode", 0) & 0xFF
        if code == SQLITE_FULL:
            return DiskFull("SQLITE_FULL")
        if code in (SQLITE_READONLY, SQLITE_CANTOPEN):
            return ReadOnlyLocation(f"sqlite code {code}")
        if code == SQLITE_BUSY:
            return StoreBusy("SQLITE_BUSY")
        if code == SQLITE_IOERR:
            return StoreError("SQLITE_IOERR")
    return None


@dataclass
class Store:
    """An open, migrated store. Sessions are short-lived: one per unit of work."""

    engine: Engine
    path: Path

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")  # a post once saved survives a power cut
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)
    return engine


def _script_directory(migrations_dir: Path) -> Any:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    # ConfigParser interpolation: a "%" in the install path must be doubled.
    config.set_main_option("script_location", str(migrations_dir).replace("%", "%%"))
    return ScriptDirectory.from_config(config)


def current_revision(path: Path) -> str | None:
    """The schema revision of an existing file, read without modifying it.

    Raises StoreCorrupted-worthy sqlite3.DatabaseError when the file is not a sound database.
    """
    with path.open("rb") as handle:
        if handle.read(16) != SQLITE_MAGIC:
            raise sqlite3.DatabaseError("not a SQLite database")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (result,) = conn.execute("PRAGMA integrity_check").fetchone()
        if result != "ok":
            raise sqlite3.DatabaseError("integrity check failed")
        has_version = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_version:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    finally:
        conn.close()


def backup_to(path: Path, backups_dir: Path, label: str) -> Path:
    """A consistent copy of the database (VACUUM INTO works while others read and write)."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir / f"cm-desktop-{stamp}-{label}.sqlite3"
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("VACUUM INTO ?", (str(target),))
    finally:
        conn.close()
    return target


def list_backups(backups_dir: Path) -> list[Path]:
    """Backups, newest first."""
    if not backups_dir.is_dir():
        return []
    return sorted(backups_dir.glob("cm-desktop-*.sqlite3"), reverse=True)


def _remove_sidecars(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        sidecar = path.with_name(path.name + suffix)
        sidecar.unlink(missing_ok=True)


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL) with the date; nothing is deleted."""
    stamp = datetime.now().strftime("%Y-%m-%d_%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            sidecar.rename(target.with_name(target.name + suffix))
    return target


def restore_backup(backup: Path, path: Path) -> None:
    """Put a backup in place of the database, atomically."""
    temp = path.with_name(path.name + ".restoring")
    shutil.copyfile(backup, temp)
    _remove_sidecars(path)
    temp.replace(path)


def _upgrade(engine: Engine, migrations_dir: Path) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    # ConfigParser interpolation: a "%" in the install path must be doubled.
    config.set_main_option("script_location", str(migrations_dir).replace("%", "%%"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_store(path: Path, backups_dir: Path, *, migrations_dir: Path = MIGRATIONS_DIR) -> Store:
    """Open (creating or migrating as needed) the database at `path`.

    Raises StoreCorrupted, StoreTooNew, MigrationFailed, or another StoreError for disk problems.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise known_error(exc) or ReadOnlyLocation(str(exc.errno)) from None

    script = _script_directory(migrations_dir)
    head = script.get_current_head()
    revision: str | None = None
    existed = path.exists()
    if existed:
        try:
            revision = current_revision(path)
        except sqlite3.DatabaseError:
            log.warning("database failed its checks; moving it aside")
            moved = move_aside(path)
            raise StoreCorrupted(moved_to=moved, backups=list_backups(backups_dir)) from None
        except OSError as exc:
            raise known_error(exc) or StoreError(str(exc.errno)) from None
        known = {rev.revision for rev in script.walk_revisions()}
        if revision is not None and revision not in known:
            log.warning("database revision %s is newer than this app (head %s)", revision, head)
            raise StoreTooNew(f"revision {revision}")

    backup: Path | None = None
    if revision is not None and revision != head:
        try:
            backup = backup_to(path, backups_dir, f"before-{head}")
        except (sqlite3.Error, OSError) as exc:
            raise known_error(exc) or StoreError("backup failed") from None

    engine = make_engine(path)
    if revision != head:
        try:
            _upgrade(engine, migrations_dir)
        except Exception as exc:
            engine.dispose()
            environment = known_error(exc)
            if backup is not None:
                log.error(
                    "migration to %s failed; restoring %s", head, backup.name, exc_info=environment is None
                )
                restore_backup(backup, path)
                raise MigrationFailed(restored_from=backup) from None
            if not existed:
                path.unlink(missing_ok=True)  # a brand-new, half-created file holds nothing of the person's
                _remove_sidecars(path)
            if environment is not None:
                raise environment from None
            raise
        log.info("store at revision %s", head)
    return Store(engine=engine, path=path)
