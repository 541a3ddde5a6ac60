"""The outbox's writer on a real store: dates written as the ORM writes them, verdicts riding on the next commit,
a verdict for a row that left its state reported rather than forced, and nothing half-written on failure."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from cm_desktop.core.models import PostTarget
from cm_desktop.core.outbox import queue_post
from cm_desktop.core.outbox.writer import INCREMENT, Staged, Writer, sql_time
from cm_desktop.core.store import Store, open_store

T0 = datetime(2026, 5, 4, 9, 0, 0, 123456, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield opened
    opened.close()


def _target(store: Store) -> int:
    _, [target_id] = queue_post(store, text="x", account_ids=[], assisted_networks=["x"], when_utc=T0, now=T0)
    return target_id


def _raw(store: Store, target_id: int, column: str) -> object:
    conn = sqlite3.connect(store.path)
    try:
        return conn.execute(f"SELECT {column} FROM post_target WHERE id = ?", (target_id,)).fetchone()[0]
    finally:
        conn.close()


def test_dates_are_written_exactly_as_the_orm_writes_them(store: Store) -> None:
    target_id = _target(store)
    orm_text = _raw(store, target_id, "next_attempt_utc")  # written by queue_post through the ORM
    assert sql_time(T0) == orm_text
    assert sql_time(T0.astimezone(timezone(timedelta(hours=2)))) == orm_text  # any zone: UTC text
    writer = Writer(store)
    later = T0 + timedelta(minutes=3)
    assert writer.update(
        target_id, {"next_attempt_utc": later, "attempts": INCREMENT}, ("state = ?",), "scheduled"
    )
    writer.close()
    with store.session() as session:
        row = session.get(PostTarget, target_id)
        assert row is not None and row.next_attempt_utc == later and row.attempts == 1


def test_a_staged_verdict_is_committed_with_the_next_update_only(store: Store) -> None:
    first, second = _target(store), _target(store)
    writer = Writer(store)
    writer.stage(Staged(first, "scheduled", {"state": "published"}, on_lost=lambda i: None))
    assert _raw(store, first, "state") == "scheduled"  # not written yet
    assert writer.update(second, {"state": "sending"}, ("state = ?",), "scheduled")
    assert (_raw(store, first, "state"), _raw(store, second, "state")) == ("published", "sending")
    writer.close()


def test_a_verdict_for_a_row_that_left_its_state_is_reported_not_forced(store: Store) -> None:
    target_id = _target(store)
    lost: list[int] = []
    writer = Writer(store)
    writer.stage(Staged(target_id, "sending", {"state": "published"}, on_lost=lost.append))
    writer.close()  # the last verdicts are written on close
    assert lost == [target_id] and _raw(store, target_id, "state") == "scheduled"


def test_a_failing_update_leaves_neither_it_nor_the_staged_verdicts_half_written(store: Store) -> None:
    first, second = _target(store), _target(store)
    writer = Writer(store)
    writer.stage(Staged(first, "scheduled", {"state": "published"}, on_lost=lambda i: None))
    with pytest.raises(sqlite3.OperationalError):
        writer.update(second, {"no_such_column": 1}, ("state = ?",), "scheduled")
    writer.close()
    assert (_raw(store, first, "state"), _raw(store, second, "state")) == ("scheduled", "scheduled")
