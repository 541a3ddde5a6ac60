"""What can still be read from a damaged store, saved as a CSV the app imports again.

The copy is opened read-only and immutable (nothing is written next to it, not even a lock), and read row by
row: a damaged page loses the rows on it, not the whole table. The CSV is calendar_io's own export format,
so after "start fresh" the person imports it back from the calendar.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cm_desktop.core.calendar_io import export_csv
from cm_desktop.core.calendar_query import PostView, TargetView
from cm_desktop.core.i18n import Text
from cm_desktop.core.schedule import zone_info
from cm_desktop.core.store import open_damaged_copy

log = logging.getLogger(__name__)

# Past this many unreadable ids in a row, the rest of the table is taken as lost (no endless probing).
_GAP_LIMIT = 5000

SAVED = Text(
    en="{count} posts could be read from the damaged file and were saved in {file}.",
    fr="{count} publications ont pu être lues dans le fichier endommagé et ont été enregistrées dans {file}.",
)
NOTHING_READABLE = Text(
    en="Nothing could be read from the damaged file.",
    fr="Rien n'a pu être lu dans le fichier endommagé.",
)


@dataclass(frozen=True)
class Salvage:
    posts: tuple[PostView, ...]

    def csv(self) -> bytes:
        return export_csv([p for p in self.posts if p.text or p.networks])


def _rows(conn: sqlite3.Connection, table: str, columns: str) -> Iterator[tuple[Any, ...]]:
    """Every readable row of `table` by rowid: a scan first, then one row at a time past a damaged page."""
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (table,)).fetchone():
            return  # an older schema, or the table's entry was lost: nothing to probe
    except sqlite3.DatabaseError:
        pass  # the schema itself is damaged: probe the table anyway
    last = 0
    try:
        for row in conn.execute(f"SELECT rowid, {columns} FROM {table} ORDER BY rowid"):
            last = row[0]
            yield row
        return
    except sqlite3.DatabaseError as exc:
        log.info("salvage: %s unreadable after row %s (%s)", table, last, type(exc).__name__)
    try:
        (top,) = conn.execute(f"SELECT max(rowid) FROM {table}").fetchone()
    except sqlite3.DatabaseError:
        top = None
    rowid, misses = last + 1, 0
    while (top is None and misses < _GAP_LIMIT) or (top is not None and rowid <= top):
        try:
            row = conn.execute(
                f"SELECT rowid, {columns} FROM {table} WHERE rowid = ?",
                (rowid,),
            ).fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row is None:
            misses += 1
        else:
            misses = 0
            yield row
        rowid += 1


def _stored_utc(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _business_zone(conn: sqlite3.Connection, fallback: str) -> str:
    """The business's own time zone when the copy still says it (times are then shown as planned)."""
    for _rowid, zone in _rows(conn, "business_profile", "time_zone"):
        if isinstance(zone, str) and zone:
            try:
                zone_info(zone)
            except ValueError:
                continue
            return zone
    return fallback


def read_damaged(copy: Path, zone: str, progress: Callable[[int], None] | None = None) -> Salvage:
    """The posts (text, time, networks) still readable in `copy`; never raises for damage. `zone` is used
    when the copy's business profile cannot be read."""
    try:
        conn = open_damaged_copy(copy)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        return Salvage(())  # not a database at all: there is nothing to read
    try:
        tz = zone_info(_business_zone(conn, zone))
        accounts = {row[0]: str(row[1]) for row in _rows(conn, "account", "network")}
        targets: dict[int, list[TargetView]] = {}
        for target_id, post_id, network, account_id, state in _rows(
            conn, "post_target", "post_id, network, account_id, state"
        ):
            name = str(network or accounts.get(account_id, "") or "")
            targets.setdefault(post_id, []).append(TargetView(target_id, name, account_id, str(state)))
        posts: list[PostView] = []
        for post_id, text, stored, origin in _rows(conn, "post", "text, scheduled_utc, origin"):
            when = _stored_utc(stored)
            local = when.astimezone(tz).replace(tzinfo=None) if when is not None else None
            posts.append(
                PostView(
                    post_id, str(text or ""), when, local, str(origin or ""), tuple(targets.get(post_id, []))
                )
            )
            if progress is not None:
                progress(len(posts))
        return Salvage(tuple(posts))
    finally:
        conn.close()
