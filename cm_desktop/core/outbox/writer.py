"""The outbox's writes to post_target during a run: plain SQL on one connection, one durable commit per send.

A batch of sends used to cost each target two transactions (the claim, then the verdict) plus SQLAlchemy's
statement building, about a fifth of a loopback request. Here:
- the claim is committed with synchronous=FULL before its request leaves, as before;
- a verdict (published, failed, ...) is staged and rides on the next commit: the next target's claim, or the
  flush at the end of the batch. It is committed durably, only a request later. If the process dies in
  between, the target is still `sending` and is looked up before anything else: never sent again blindly.

Statements are plain SQL strings (cached per set of columns) executed on the DB-API connection, with dates
written exactly as SQLAlchemy writes them (naive UTC text), so the ORM reads them back unchanged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from cm_desktop.core.store import Store

log = logging.getLogger(__name__)

TABLE = "post_target"
# Column expressions rather than values.
INCREMENT = object()
DECREMENT = object()


@dataclass(frozen=True)
class IfUnset:
    """The value, only where the column has none yet (`column = COALESCE(column, value)`)."""

    value: Any


def sql_time(moment: datetime | None) -> str | None:
    """A date as the store keeps it: naive UTC text with microseconds (SQLAlchemy's SQLite format)."""
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def _sql_value(value: Any) -> Any:
    return sql_time(value) if isinstance(value, datetime) else value


@dataclass
class Staged:
    """A verdict waiting for the next commit: `values` once the target is still in `from_state`."""

    target_id: int
    from_state: str
    values: dict[str, Any]
    on_lost: Callable[[int], None]  # called when the row had left `from_state` meanwhile


class Writer:
    """One connection for a run's writes to post_target. Not thread-safe: one per run."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._conn: Connection | None = None
        self._staged: list[Staged] = []

    def _dbapi(self) -> Any:
        if self._conn is None:
            self._conn = self._store.engine.connect()
        return self._conn.connection.driver_connection

    def _execute(
        self, target_id: int, values: dict[str, Any], where: Sequence[str], params: Sequence[Any]
    ) -> int:
        sets: list[str] = []
        bound: list[Any] = []
        for column, value in values.items():
            if value is INCREMENT:
                sets.append(f"{column} = {column} + 1")
            elif value is DECREMENT:
                sets.append(f"{column} = {column} - 1")
            elif isinstance(value, IfUnset):
                sets.append(f"{column} = COALESCE({column}, ?)")
                bound.append(_sql_value(value.value))
            else:
                sets.append(f"{column} = ?")
                bound.append(_sql_value(value))
        sql = f"UPDATE {TABLE} SET {', '.join(sets)} WHERE {' AND '.join(('id = ?', *where))}"
        cursor = self._dbapi().execute(sql, (*bound, target_id, *(_sql_value(p) for p in params)))
        return int(cursor.rowcount)

    def update(self, target_id: int, values: dict[str, Any], where: Sequence[str], *params: Any) -> bool:
        """One conditional UPDATE of a target, committed at once together with the staged verdicts.

        `where` holds SQL conditions with `?` placeholders, filled from `params` in order. True when exactly
        one row changed.
        """
        try:
            lost = self._write_staged()
            changed = self._execute(target_id, values, where, params) == 1
            self._dbapi().commit()
        except BaseException:
            self.rollback()
            raise
        self._report_lost(lost)
        return changed

    def execute(self, *statements: tuple[str, Sequence[Any]]) -> list[int]:
        """Other statements of the run (an account's rate limit, a withdrawn target's removal), in one
        transaction committed at once together with the staged verdicts. Returns each statement's row count."""
        try:
            lost = self._write_staged()
            counts = [
                int(self._dbapi().execute(sql, tuple(_sql_value(p) for p in params)).rowcount)
                for sql, params in statements
            ]
            self._dbapi().commit()
        except BaseException:
            self.rollback()
            raise
        self._report_lost(lost)
        return counts

    def stage(self, verdict: Staged) -> None:
        self._staged.append(verdict)

    def flush(self) -> None:
        """Commit the staged verdicts now."""
        if not self._staged:
            return
        try:
            lost = self._write_staged()
            self._dbapi().commit()
        except BaseException:
            self.rollback()
            raise
        self._report_lost(lost)

    def _write_staged(self) -> list[Staged]:
        lost = []
        staged, self._staged = self._staged, []
        for item in staged:
            if self._execute(item.target_id, item.values, ("state = ?",), (item.from_state,)) != 1:
                lost.append(item)
        return lost

    @staticmethod
    def _report_lost(lost: list[Staged]) -> None:
        for item in lost:
            log.warning("outbox: target %s left `%s` under us", item.target_id, item.from_state)
            item.on_lost(item.target_id)

    def rollback(self) -> None:
        if self._conn is not None:
            self._dbapi().rollback()

    def close(self) -> None:
        """Flush what is staged, then give the connection back."""
        try:
            self.flush()
        finally:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
