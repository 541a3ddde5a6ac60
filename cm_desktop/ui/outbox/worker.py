"""Runs the outbox inside the app: off the GUI thread, one run at a time, quiet while offline.

The same `Outbox.run` as `cm-desktop publish-due`; the lock file in the data folder keeps the two from ever
sending at once (a run that finds the lock held simply tries again at the next tick). Every run first
reconciles targets left in `sending` by a crash, so the first run after start-up is the start-up check.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from cm_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

# Minute scale: nothing polls faster than a person would notice (idle CPU stays near zero).
TICK_MS = 60_000
# Several wake-ups in a row (a burst of posts queued) make one run.
WAKE_DELAY_MS = 300


class OutboxWorker(QObject):
    ran = Signal(list)  # list[TargetOutcome] of one finished run (may be empty)
    busy_changed = Signal(bool)

    def __init__(
        self,
        run_outbox: Callable[[], Sequence[Any]],
        runner: TaskRunner,
        *,
        tick_ms: int = TICK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._run_outbox, self._runner = run_outbox, runner
        self.online = True
        self.running = False
        self._again = False
        self._stopped = True
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self.wake)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(WAKE_DELAY_MS)
        self._soon.timeout.connect(self._run)

    def start(self) -> None:
        self._stopped = False
        self._tick.start()
        self._run()

    def stop(self) -> None:
        self._stopped = True
        self._tick.stop()
        self._soon.stop()

    def set_online(self, online: bool) -> None:
        came_back = online and not self.online
        self.online = online
        if came_back:
            self.wake()

    def wake(self) -> None:
        """Run soon (a post was queued, the connection came back, the minute ticked)."""
        if not self._stopped:
            self._soon.start()

    def _run(self) -> None:
        if self._stopped or not self.online:
            return  # offline: nothing fails, nothing floods; the next wake-up after reconnecting sends
        if self.running:
            self._again = True
            return
        self.running = True
        self.busy_changed.emit(True)
        self._runner.run(self._run_outbox, self._done, self._failed)

    def _done(self, outcomes: Sequence[Any]) -> None:
        self._finish()
        self.ran.emit(list(outcomes))

    def _failed(self, error: BaseException) -> None:
        from cm_desktop.core.outbox import PublisherBusy

        if isinstance(error, PublisherBusy):
            log.info("another publisher is running; trying again at the next tick")
        else:
            from cm_desktop.platform.logs import log_failure

            log_failure(log, "running the outbox", error, known=False)
        self._finish()

    def _finish(self) -> None:
        self.running = False
        self.busy_changed.emit(False)
        if self._again:
            self._again = False
            self.wake()
