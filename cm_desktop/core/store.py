"""The local SQLite store: opening it safely, migrating it with a backup first, rolling backups, known failures.

Opening never destroys anything, and only SQLite's own verdict counts as damage: "file is not a database",
SQLITE_CORRUPT or a failing `quick_check`. Everything else the environment does (another program holding a
lock, a full disk, a read-only folder, an I/O error) becomes a message and leaves the file where it is.
A damaged file is renamed aside only when no other process has the store open (a lock file every opener holds
shared), and a marker then makes every later run refuse until the person chooses: restore a backup, start
fresh, or save what can still be read from the damaged copy (core/salvage.py). A database written by a newer
version of the app is refused untouched, and a failed migration is rolled back from the backup made just
before it.

Alembic is imported only when a migration is due: the stored revision is read with plain sqlite3 and compared
with HEAD_REVISION (a test checks it against the migration scripts).
"""

from __future__ import annotations

import errno
import json
import logging
import os
import shutil
import sqlite3
import sys
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlmodel import Session, create_engine

from cm_desktop.core.i18n import Lang, Text

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
HEAD_REVISION = "0011"  # the newest script in migrations/versions (tests/unit/test_store.py checks it)
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 5.0

# sqlite3 extended result codes are reduced to their primary code (low byte).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT = 3, 5, 6, 8, 10, 11
SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 13, 14, 26
_DAMAGE_CODES = frozenset({SQLITE_CORRUPT, SQLITE_NOTADB})
# Below this much free space an I/O error is most likely the disk being full (SQLite reports a -shm file it
# cannot grow as SQLITE_IOERR, not SQLITE_FULL).
_LOW_SPACE_BYTES = 4 * 1024 * 1024

# Rolling backups: the last 7 days that have one, then one per week for 4 more weeks.
DAILY_KEPT, WEEKLY_KEPT = 7, 4
DAILY_LABEL = "daily"
OTHER_BACKUPS_KEPT = 4  # before a migration, before a restore: the newest per label, at most this many


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
        en=(
            "Your data is in use by another program (perhaps another copy of the app). Close it, then try "
            "again: nothing was changed."
        ),
        fr=(
            "Vos données sont utilisées par un autre programme (peut-être une autre copie de l'application). "
            "Fermez-le puis réessayez : rien n'a été modifié."
        ),
    )


class DamagedButInUse(StoreBusy):
    """The file failed its checks, but another process has it open: renaming it would lose its writes."""

    text = Text(
        en=(
            "Your data file looks damaged, but another program (perhaps another copy of the app) is using "
            "it. Close every copy of CM Desktop, then open it again: nothing was moved or deleted."
        ),
        fr=(
            "Votre fichier de données semble endommagé, mais un autre programme (peut-être une autre copie "
            "de l'application) l'utilise. Fermez toutes les copies de CM Desktop puis rouvrez-le : rien n'a "
            "été déplacé ni supprimé."
        ),
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
            "You can restore the last backup, start fresh, or save what can still be read from it."
        ),
        fr=(
            "Votre fichier de données est endommagé et ne peut pas être ouvert. Il a été mis de côté (rien "
            "n'a été supprimé). Vous pouvez restaurer la dernière sauvegarde, repartir de zéro ou enregistrer "
            "ce qui peut encore y être lu."
        ),
    )

    def __post_init__(self) -> None:
        super().__init__(f"damaged database moved to {self.moved_to.name}")


@dataclass
class StoreSetAside(StoreCorrupted):
    """A damaged store was set aside earlier and the person has not chosen yet: nothing runs until then."""

    text = Text(
        en=(
            "Your data file was damaged and has been set aside: nothing is published until you choose what "
            "to do. Open CM Desktop to restore a backup, start fresh, or save what can still be read "
            "(or use `cm-desktop data`)."
        ),
        fr=(
            "Votre fichier de données était endommagé et a été mis de côté : rien n'est publié tant que vous "
            "n'avez pas choisi quoi faire. Ouvrez CM Desktop pour restaurer une sauvegarde, repartir de zéro "
            "ou enregistrer ce qui peut encore être lu (ou utilisez `cm-desktop data`)."
        ),
    )


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
        super().__init__(f"migration failed, restored from {self.restored_from.name}")


class BackupUnusable(StoreError):
    text = Text(
        en="This backup cannot be used: it is damaged or it is not a CM Desktop backup. Choose another one.",
        fr=(
            "Cette sauvegarde est inutilisable : elle est endommagée ou ce n'est pas une sauvegarde de "
            "CM Desktop. Choisissez-en une autre."
        ),
    )


def _low_space(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < _LOW_SPACE_BYTES
    except OSError:
        return False


def known_error(exc: BaseException, folder: Path | None = None) -> StoreError | None:
    """Turn a SQLite failure of the environment into a StoreError; None means it is a bug.

    `folder` (the data folder) lets an I/O error on a nearly full disk be called what it is.
    """
    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, (sqlite3.Error, OSError)):
        cause = getattr(cause, "orig", None) or cause.__cause__
    if isinstance(cause, OSError):
        if cause.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return DiskFull(str(cause.errno))
        if cause.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return ReadOnlyLocation(str(cause.errno))
        if cause.errno in (errno.EBUSY, errno.ETXTBSY):
            return StoreBusy(str(cause.errno))
        return None
    if isinstance(cause, sqlite3.Error):
        code = getattr(cause, "sqlite_errorcode", 0) & 0xFF
        if code == SQLITE_FULL:
            return DiskFull("SQLITE_FULL")
        if code in (SQLITE_IOERR, SQLITE_CANTOPEN) and folder is not None and _low_space(folder):
            return DiskFull(f"sqlite code {code}, disk nearly full")
        if code in (SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM):
            return ReadOnlyLocation(f"sqlite code {code}")
        if code in (SQLITE_BUSY, SQLITE_LOCKED):
            return StoreBusy("SQLITE_BUSY")
        if code == SQLITE_IOERR:
            return StoreError("SQLITE_IOERR")
    return None


# --- who has the store open --------------------------------------------------------------------------------


class StoreLock:
    """A lock file beside the database: every process with the store open holds it shared; renaming or
    replacing the database needs it exclusive, so a running app never goes on writing to a renamed file.

    A separate file, because closing any descriptor of the database itself would drop SQLite's own POSIX
    locks in this process. A raw descriptor, closed with the Store or by a finalizer, never a file object.
    On Windows the lock is not needed: a file another process has open cannot be renamed there.
    """

    def __init__(self, database: Path) -> None:
        self.path = database.with_name(database.name + "-lock")
        self._fd: int | None = None
        self._finalizer: weakref.finalize[Any, Any] | None = None

    def acquire_shared(self, timeout: float) -> None:
        """Shared with every other opener; waits out a restore or a move in progress, else StoreBusy."""
        self._lock(exclusive=False, timeout=timeout)

    def acquire_exclusive(self, timeout: float = 0.0) -> None:
        """Raises StoreBusy when another process has the store open (after `timeout` seconds)."""
        self._lock(exclusive=True, timeout=timeout)

    def _lock(self, *, exclusive: bool, timeout: float) -> None:
        if sys.platform == "win32":  # pragma: no cover - Windows refuses to rename an open file anyway
            return
        import fcntl

        if self._fd is None:
            try:
                self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as exc:
                raise known_error(exc) or StoreError(f"lock file errno {exc.errno}") from None
            self._finalizer = weakref.finalize(self, os.close, self._fd)
        mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(self._fd, mode)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    # Converting a shared lock may have dropped it (flock's documented behaviour): let go.
                    self.release()
                    raise StoreBusy("store lock held elsewhere") from None
                time.sleep(0.05)

    def release(self) -> None:
        if self._finalizer is not None:
            self._finalizer()  # closes the descriptor, which drops the lock
        self._fd, self._finalizer = None, None


@dataclass
class Store:
    """An open, migrated store. Sessions are short-lived: one per unit of work."""

    engine: Engine
    path: Path
    lock: StoreLock | None = None

    @contextmanager
    def session(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()


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


# --- the verdict -------------------------------------------------------------------------------------------


class _Damaged(Exception):
    """SQLite itself says the file is not a sound database."""


def _revision_of(conn: sqlite3.Connection) -> str | None:
    has_version = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if not has_version:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else None


def _inspect(path: Path, busy_timeout: float, *, check_writable: bool) -> str | None:
    """The schema revision of an existing file, after SQLite's own checks. Raises _Damaged on a real
    verdict of damage, a StoreError for anything the environment does (busy, full, read-only, I/O)."""
    try:
        # mode=rw: never creates the file; on a read-only disk SQLite quietly opens it read-only.
        conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=busy_timeout)
    except sqlite3.Error as exc:
        raise _environment(exc, path) from None
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        if [tuple(r) for r in rows] != [("ok",)]:
            raise _Damaged("quick_check: " + "; ".join(str(r[0]) for r in rows[:3]))
        revision = _revision_of(conn)
        if check_writable:
            # Takes the write lock for an instant: a read-only disk or a writer that never lets go shows now.
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
        return revision
    except sqlite3.Error as exc:
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF in _DAMAGE_CODES:
            raise _Damaged(str(exc)) from None
        raise _environment(exc, path) from None
    finally:
        conn.close()


def _environment(exc: sqlite3.Error, path: Path) -> StoreError:
    code = getattr(exc, "sqlite_errorcode", 0)
    if code & 0xFF in _DAMAGE_CODES:
        return StoreError("damage reported while opening")  # handled by the caller; never reached
    known = known_error(exc, path.parent)
    log.warning("store could not be opened: %s (sqlite code %s)", type(known or exc).__name__, code)
    return known or StoreError(f"sqlite code {code}")


def current_revision(path: Path) -> str | None:
    """The schema revision of an existing file, read without modifying it.

    Raises sqlite3.DatabaseError when SQLite says the file is not a sound database.
    """
    try:
        return _inspect(path, BUSY_TIMEOUT_SECONDS, check_writable=False)
    except _Damaged as exc:
        raise sqlite3.DatabaseError(str(exc)) from None


# --- backups -----------------------------------------------------------------------------------------------


def backup_to(path: Path, backups_dir: Path, label: str, now: datetime | None = None) -> Path:
    """A consistent copy of the database (VACUUM INTO works while others read and write)."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir / f"cm-desktop-{stamp}-{label}.sqlite3"
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        conn = sqlite3.connect(str(path))
        try:
            conn.execute("VACUUM INTO ?", (str(partial),))
        finally:
            conn.close()
        partial.replace(target)  # a backup cut short by a full disk never looks like a good one
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def list_backups(backups_dir: Path) -> list[Path]:
    """Backups, newest first."""
    if not backups_dir.is_dir():
        return []
    return sorted(backups_dir.glob("cm-desktop-*.sqlite3"), reverse=True)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made: datetime
    label: str  # "daily", "before-0004", "before-restore"
    size: int


def backup_info(path: Path) -> BackupInfo | None:
    """When and why a backup was made, from its name; None for a file that is not one of ours."""
    parts = path.stem.split("-", 4)  # cm, desktop, YYYYMMDD, HHMMSS, ffffff-label
    if len(parts) != 5 or path.suffix != ".sqlite3":
        return None
    micros, _, label = parts[4].partition("-")
    try:
        made = datetime.strptime(f"{parts[2]}{parts[3]}{micros}", "%Y%m%d%H%M%S%f")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    return BackupInfo(path, made, label, size)


def backups_to_prune(backups: list[BackupInfo]) -> list[Path]:
    """What the retention rule drops: of the daily backups, the newest of each of the last 7 days that have
    one and the newest of each of the 4 weeks before; of the others, the newest per label, 4 labels at most."""
    keep: set[Path] = set()
    daily = sorted((b for b in backups if b.label == DAILY_LABEL), key=lambda b: b.made, reverse=True)
    days: list[date] = []
    weeks: list[tuple[int, int]] = []
    for backup in daily:
        day = backup.made.date()
        if day in days:
            continue
        if len(days) < DAILY_KEPT:
            days.append(day)
            keep.add(backup.path)
            continue
        week = day.isocalendar()[:2]
        if week in weeks or any(d.isocalendar()[:2] == week for d in days):
            continue
        if len(weeks) < WEEKLY_KEPT:
            weeks.append(week)
            keep.add(backup.path)
    others = sorted((b for b in backups if b.label != DAILY_LABEL), key=lambda b: b.made, reverse=True)
    labels: list[str] = []
    for backup in others:
        if backup.label not in labels and len(labels) < OTHER_BACKUPS_KEPT:
            labels.append(backup.label)
            keep.add(backup.path)
    return [b.path for b in backups if b.path not in keep]


def prune_backups(backups_dir: Path) -> list[Path]:
    """Delete what the retention rule drops, and copies left half-made; returns what was deleted."""
    found = [info for info in map(backup_info, list_backups(backups_dir)) if info is not None]
    removed: list[Path] = []
    # Copies cut short by a crash or a kill: nothing writes one for an hour.
    stale = [p for p in backups_dir.glob("cm-desktop-*.partial") if time.time() - p.stat().st_mtime > 3600]
    for path in [*backups_to_prune(found), *stale]:
        try:
            path.unlink()
            removed.append(path)
        except OSError as exc:  # a backup we cannot delete is only disk space
            log.warning("could not delete old backup: %s", type(exc).__name__)
    return removed


def rolling_backup(path: Path, backups_dir: Path, now: datetime | None = None) -> Path | None:
    """Today's backup, unless one exists already; then prune. A failure is logged, never fatal: the store
    itself is fine, and the next start tries again."""
    now = now or datetime.now()
    for info in map(backup_info, list_backups(backups_dir)):
        if info is not None and info.label == DAILY_LABEL and info.made.date() == now.date():
            return None
    try:
        made = backup_to(path, backups_dir, DAILY_LABEL, now)
    except (sqlite3.Error, OSError) as exc:
        log.warning("daily backup failed: %s", type(known_error(exc, backups_dir) or exc).__name__)
        return None
    prune_backups(backups_dir)
    return made


def check_backup(backup: Path) -> str | None:
    """The revision a backup holds; BackupUnusable when it is damaged or not one of ours."""
    try:
        conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    except sqlite3.Error:
        raise BackupUnusable("cannot open") from None
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        if [tuple(r) for r in rows] != [("ok",)]:
            raise BackupUnusable("quick_check")
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name='post'").fetchone():
            raise BackupUnusable("no post table")
        return _revision_of(conn)
    except sqlite3.Error:
        raise BackupUnusable("unreadable") from None
    finally:
        conn.close()


def _remove_sidecars(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        sidecar = path.with_name(path.name + suffix)
        sidecar.unlink(missing_ok=True)


def _put_in_place(backup: Path, path: Path) -> None:
    temp = path.with_name(path.name + ".restoring")
    shutil.copyfile(backup, temp)
    _remove_sidecars(path)
    temp.replace(path)


# --- a store set aside -------------------------------------------------------------------------------------


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".set-aside.json")


def set_aside_copy(path: Path) -> Path | None:
    """The damaged copy a person still has to decide about, or None when nothing is pending."""
    marker = _marker(path)
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return path  # a marker we cannot read still means "ask first"
    name = str(data.get("moved_to", "")) if isinstance(data, dict) else ""
    return path.with_name(Path(name).name) if name else path


def move_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL) with the date, and leave a marker; nothing is deleted."""
    stamp = datetime.now().strftime("%Y-%m-%d_%H%M%S")
    target = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            sidecar.rename(target.with_name(target.name + suffix))
    _marker(path).write_text(json.dumps({"moved_to": target.name}), encoding="utf-8")
    return target


def _exclusively(path: Path, timeout: float = 0.0) -> StoreLock:
    lock = StoreLock(path)
    lock.acquire_exclusive(timeout)
    return lock


def restore_backup(
    backup: Path, path: Path, backups_dir: Path | None = None, *, wait: float = 5.0
) -> Path | None:
    """Put a checked backup in place of the database, atomically; the person's choice after damage, or
    Settings' "restore". The current database (if any) is first backed up itself, so a restore can be
    undone; returns that copy. Raises StoreBusy when another process keeps the store open past `wait`."""
    check_backup(backup)
    lock = _exclusively(path, timeout=wait)  # the background job may be reading for a moment
    try:
        undo: Path | None = None
        if backups_dir is not None and path.exists() and set_aside_copy(path) is None:
            try:
                undo = backup_to(path, backups_dir, "before-restore")
            except (sqlite3.Error, OSError) as exc:
                raise known_error(exc, path.parent) or StoreError("backup before restore failed") from None
        try:
            _put_in_place(backup, path)
        except OSError as exc:
            raise known_error(exc) or StoreError(f"restore errno {exc.errno}") from None
        _marker(path).unlink(missing_ok=True)
        info = backup_info(backup)
        made = info.made if info is not None else datetime.fromtimestamp(backup.stat().st_mtime)
        # Posts may have gone out since the backup was made: the next open settles them (_settle_restored).
        _restored_marker(path).write_text(made.astimezone().astimezone(UTC).isoformat(), encoding="utf-8")
        if backups_dir is not None:
            prune_backups(backups_dir)
        return undo
    finally:
        lock.release()


def start_fresh(path: Path) -> None:
    """The person chose to start again after damage: the damaged copy stays on disk, the next open creates
    an empty store."""
    lock = _exclusively(path)
    try:
        if path.exists():  # a store created meanwhile is not ours to drop: keep it aside as well
            move_aside(path)
        _marker(path).unlink(missing_ok=True)
    finally:
        lock.release()


# --- opening -----------------------------------------------------------------------------------------------


def _upgrade(engine: Engine, migrations_dir: Path) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    # ConfigParser interpolation: a "%" in the install path must be doubled.
    config.set_main_option("script_location", str(migrations_dir).replace("%", "%%"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _set_aside(path: Path, backups_dir: Path, lock: StoreLock, reason: str) -> StoreError:
    """Rename a damaged file, but only when no other process has it open."""
    log.warning("database failed its checks (%s); setting it aside", reason[:200])
    try:
        lock.acquire_exclusive()
    except StoreBusy:
        return DamagedButInUse("damaged, but open elsewhere")
    try:
        moved = move_aside(path)
    except PermissionError as exc:
        if sys.platform == "win32":  # pragma: no cover - Windows: another process has the file open
            return DamagedButInUse("rename refused")
        return known_error(exc) or StoreError(f"rename errno {exc.errno}")
    except OSError as exc:
        return known_error(exc) or StoreError(f"rename errno {exc.errno}")
    return StoreCorrupted(moved_to=moved, backups=list_backups(backups_dir))


def open_store(
    path: Path,
    backups_dir: Path,
    *,
    migrations_dir: Path = MIGRATIONS_DIR,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
    now: datetime | None = None,
) -> Store:
    """Open (creating or migrating as needed) the database at `path`, and make today's backup.

    Raises StoreSetAside while a damaged copy waits for the person's choice, StoreCorrupted when SQLite says
    the file is damaged (renamed aside), StoreTooNew, MigrationFailed, StoreBusy (another program holds it
    past `busy_timeout` seconds), DiskFull, ReadOnlyLocation or another StoreError.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise known_error(exc) or ReadOnlyLocation(str(exc.errno)) from None
    pending = set_aside_copy(path)
    if pending is not None:
        raise StoreSetAside(moved_to=pending, backups=list_backups(backups_dir))

    lock = StoreLock(path)
    lock.acquire_shared(busy_timeout)
    try:
        store = _open_locked(path, backups_dir, lock, migrations_dir, busy_timeout, now)
    except BaseException:
        lock.release()
        raise
    return store


def _open_locked(
    path: Path,
    backups_dir: Path,
    lock: StoreLock,
    migrations_dir: Path,
    busy_timeout: float,
    now: datetime | None,
) -> Store:
    existed = path.exists() and path.stat().st_size > 0  # SQLite reads an empty file as an empty database
    revision: str | None = None
    if existed:
        try:
            revision = _inspect(path, busy_timeout, check_writable=True)
        except _Damaged as exc:
            raise _set_aside(path, backups_dir, lock, str(exc)) from None

    head = HEAD_REVISION
    if not (migrations_dir == MIGRATIONS_DIR and revision == HEAD_REVISION):
        script = _script_directory(migrations_dir)  # the only place alembic is imported
        head = script.get_current_head()
        known = {rev.revision for rev in script.walk_revisions()}
        if revision is not None and revision not in known:
            log.warning("database revision %s is newer than this app (head %s)", revision, head)
            raise StoreTooNew(f"revision {revision}")

    backup: Path | None = None
    if revision is not None and revision != head:
        try:
            backup = backup_to(path, backups_dir, f"before-{head}")
        except (sqlite3.Error, OSError) as exc:
            raise known_error(exc, path.parent) or StoreError("backup failed") from None
        # Only the newest copy per migration is kept: retrying a failed migration does not pile them up.
        prune_backups(backups_dir)

    engine = make_engine(path)
    if revision != head:
        try:
            _upgrade(engine, migrations_dir)
        except Exception as exc:
            engine.dispose()
            environment = known_error(exc, path.parent)
            if backup is not None:
                log.error(
                    "migration to %s failed; restoring %s", head, backup.name, exc_info=environment is None
                )
                _put_in_place(backup, path)
                raise MigrationFailed(restored_from=backup) from None
            if not existed:
                path.unlink(missing_ok=True)  # a brand-new, half-created file holds nothing of the person's
                _remove_sidecars(path)
            if environment is not None:
                raise environment from None
            raise
        log.info("store at revision %s", head)
    store = Store(engine=engine, path=path, lock=lock)
    _settle_restored(store, now)
    if existed and backup is None:  # a day with a migration already has its copy
        rolling_backup(path, backups_dir, now)
    return store


def _restored_marker(path: Path) -> Path:
    return path.with_name(path.name + ".restored")


def _settle_restored(store: Store, now: datetime | None) -> None:
    """After a restore, what went out since the backup was made is unknown to the store: such targets are
    looked up on their network before anything is sent again, or the person is asked (core/targets.py)."""
    from cm_desktop.core import networks, targets
    from cm_desktop.core.outbox.messages import RESTORED

    marker = _restored_marker(store.path)
    if not marker.exists():
        return
    try:
        made = datetime.fromisoformat(marker.read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        made = datetime.now(UTC) - timedelta(days=DAILY_KEPT)  # unreadable: as far back as backups go
    native = networks.where(lambda n: n.can.native_scheduling)
    with store.session() as session:
        targets.after_restore(session, made, now or datetime.now(UTC), native, ask_code=RESTORED)
        session.commit()
    marker.unlink(missing_ok=True)


def open_damaged_copy(copy: Path) -> sqlite3.Connection:
    """The damaged copy, read-only and untouched (immutable: no lock, no -shm, no recovery written)."""
    return sqlite3.connect(f"file:{copy}?mode=ro&immutable=1", uri=True)
