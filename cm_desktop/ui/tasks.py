"""Run work off the GUI thread and get the result (or the error) back on the GUI thread.

Widgets take a TaskRunner in their constructor; tests pass SyncTaskRunner so everything happens in order.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")
OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class TaskRunner(Protocol):
    def run(self, work: Callable[[], Any], on_done: OnDone, on_error: OnError) -> None: ...


class SyncTaskRunner:
    """Runs the work at once, on the calling thread: deterministic tests."""

    def run(self, work: Callable[[], Any], on_done: OnDone, on_error: OnError) -> None:
        try:
            result = work()
        except Exception as exc:
            on_error(exc)
            return
        on_done(result)


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from a worker are queued to it."""

    finished = Signal(object, object)  # (callback, value)

    @Slot(object, object)
    def deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        callback(value)


class _Job(QRunnable):
    def __init__(self, relay: _Relay, work: Callable[[], Any], on_done: OnDone, on_error: OnError) -> None:
        super().__init__()
        self._relay, self._work, self._on_done, self._on_error = relay, work, on_done, on_error

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:
            self._relay.finished.emit(self._on_error, exc)
            return
        self._relay.finished.emit(self._on_done, result)


class ThreadTaskRunner:
    """A QThreadPool; results come back through a queued signal, so callbacks run on the GUI thread."""

    def __init__(self, pool: QThreadPool | None = None) -> None:
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay()
        self._relay.finished.connect(self._relay.deliver)

    def run(self, work: Callable[[], Any], on_done: OnDone, on_error: OnError) -> None:
        self._pool.start(_Job(self._relay, work, on_done, on_error))

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)
