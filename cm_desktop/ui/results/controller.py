"""Wires the Results page into the running app: the figures read on a timer, "Read the figures now", the CSV
export, "Use these times for my queue", and the "How did it go?" form of the Sending page.

Reading: every quarter of an hour while online (the milestones are hours and days apart; followers are read
once a day and refreshed every six hours). Each account's own pace (backoff, a 429's reset, Mastodon's request
budget) is kept by core/results/sync.py. Everything that touches a network, the store or a file runs through
the task runner, off the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from cm_desktop.core.i18n import Lang
from cm_desktop.core.results.by_hand import ByHand, ByHandRefused
from cm_desktop.core.results.sync import ResultsRun
from cm_desktop.core.schedule import Clock
from cm_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from cm_desktop.ui.results.page import ResultsPage

log = logging.getLogger(__name__)

TICK_MS = 15 * 60_000


@dataclass(frozen=True)
class ResultsServices:
    """The page's network side, built by the shell from services/results.py (tests pass their own)."""

    sync: Callable[[bool], ResultsRun]  # True: every account now ("Read the figures now"); False: those due


class ResultsController(QObject):
    slots_changed = Signal()  # the queue's times changed: the calendar shows them

    def __init__(
        self,
        store: Any,
        services: ResultsServices,
        runner: TaskRunner,
        clock: Clock,
        zone: str,
        lang: Callable[[], Lang],
        *,
        choose_file: Callable[[str], str] | None = None,  # a suggested name -> the path chosen ("" to cancel)
        tick_ms: int = TICK_MS,
        page_when_shown: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """`page_when_shown`: the page (and its modules) is built on first use of `page`, not now: the app
        builds it when the person first opens Results; the readings run on the timer meanwhile."""
        super().__init__(parent)
        self.store, self.services, self.runner, self.clock, self.zone = store, services, runner, clock, zone
        self._lang, self._choose_file, self._parent = lang, choose_file or self._ask_file, parent
        self.online = True
        self.syncing = False
        self._again: bool | None = None
        self._stopped = True
        self._page: ResultsPage | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)
        self.dialog: QWidget | None = None
        if not page_when_shown:
            self.page  # noqa: B018 (built now)

    @property
    def page(self) -> ResultsPage:
        if self._page is None:
            from cm_desktop.ui.results.page import ResultsPage

            page = ResultsPage(self.runner, self.clock, self.zone, self._lang)
            self._page = page
            page.sync_requested.connect(self.read_now)
            page.export_requested.connect(self.export)
            page.use_times_requested.connect(self.use_times)
            page.set_store(self.store)  # it reads the figures as they are now
            if self.syncing:
                page.set_busy(True)
        return self._page

    @property
    def page_built(self) -> bool:
        return self._page is not None

    # --- reading ------------------------------------------------------------------------------------------

    def start(self) -> None:
        self._stopped = False
        self.timer.start()
        self.tick()

    def stop(self) -> None:
        self._stopped = True
        self.timer.stop()

    def set_online(self, online: bool) -> None:
        came_back = online and not self.online
        self.online = online
        if came_back:
            self.tick()

    def tick(self) -> None:
        if not self._stopped:
            self._sync(everyone=False)

    def read_now(self) -> None:
        self._sync(everyone=True)

    def _sync(self, *, everyone: bool) -> None:
        if not self.online:
            if everyone and self._page is not None:  # not built yet: nobody is looking
                self._page.set_note(
                    self.tr("You are offline: the figures will be read when the connection is back.")
                )
            return
        if self.syncing:
            self._again = everyone or bool(self._again)
            return
        self.syncing = True
        if self._page is not None:
            self._page.set_busy(True)
        self.runner.run(lambda: self.services.sync(everyone), self._synced, self._sync_failed)

    def _synced(self, _run: ResultsRun) -> None:
        self._finish()
        if self._page is not None:  # not built yet: it reads the figures when built
            self._page.refresh()

    def _sync_failed(self, error: BaseException) -> None:
        from cm_desktop.platform.logs import log_failure

        log_failure(log, "reading the figures", error, known=False)
        self._finish()

    def _finish(self) -> None:
        self.syncing = False
        if self._page is not None:
            self._page.set_busy(False)
        again, self._again = self._again, None
        if again is not None:
            self._sync(everyone=again)

    # --- the CSV and the queue ------------------------------------------------------------------------

    def _ask_file(self, name: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        chosen, _filter = QFileDialog.getSaveFileName(
            self._parent, self.tr("Export your results"), str(Path.home() / name), self.tr("Tables (*.csv)")
        )
        return chosen

    def export(self) -> None:
        name = self.tr("results") + f"-{self.clock.now():%Y-%m-%d}.csv"
        chosen = self._choose_file(name)
        if not chosen:
            return
        from cm_desktop.core.results.export import write_csv

        store, zone, lang, path = self.store, self.zone, self._lang(), Path(chosen)

        def failed(error: BaseException) -> None:
            from cm_desktop.platform.logs import log_failure

            log_failure(log, "exporting the results", error, known=isinstance(error, OSError))
            self.page.set_note(self.tr("The file could not be written: choose another folder."))

        self.runner.run(
            lambda: write_csv(store, path, zone, lang),
            lambda _size: self.page.set_note(self.tr("Saved in %1.").replace("%1", str(path))),
            failed,
        )

    def use_times(self, times: list[tuple[int, int]]) -> None:
        from cm_desktop.core.results.queue import use_times

        store = self.store

        def done(changed: int) -> None:
            self.page.set_note(
                self.tr("Your queue now uses these times.")
                if changed
                else self.tr("Your queue already used them.")
            )
            self.slots_changed.emit()
            self.page.refresh()

        def failed(error: BaseException) -> None:
            from cm_desktop.platform.logs import log_failure

            log_failure(log, "changing the queue's times", error, known=False)
            self.page.set_note(self.tr("Your queue could not be changed. Please try again."))

        self.runner.run(lambda: use_times(store, [tuple(t) for t in times]), done, failed)  # type: ignore[misc]

    # --- "How did it go?" ---------------------------------------------------------------------------

    def open_by_hand(self, target_id: int) -> None:
        from cm_desktop.core.results.by_hand import by_hand_figures

        store = self.store

        def read() -> tuple[ByHand, str]:
            from cm_desktop.core.models import Post, PostTarget

            figures = by_hand_figures(store, target_id)
            with store.session() as session:
                target = session.get(PostTarget, target_id)
                post = session.get(Post, target.post_id) if target is not None else None
                text = target.text_override if target and target.text_override else post.text if post else ""
            return figures, text

        def failed(error: BaseException) -> None:
            if not isinstance(error, ByHandRefused):
                log.error("opening the figures form failed", exc_info=error)

        self.runner.run(read, lambda found: self._show_by_hand(*found), failed)

    def _show_by_hand(self, figures: ByHand, text: str) -> None:
        from cm_desktop.core.results.by_hand import record_by_hand
        from cm_desktop.ui.results.by_hand_dialog import ByHandDialog
        from cm_desktop.ui.results.page import excerpt

        store, clock, target_id = self.store, self.clock, figures.target_id

        def save(likes: int, comments: int, shares: int) -> None:
            record_by_hand(store, target_id, likes=likes, comments=comments, shares=shares, now=clock.now())

        dialog = ByHandDialog(figures, excerpt(text), self.runner, save, self._lang, parent=self._parent)
        dialog.saved.connect(lambda _t: self._page.refresh() if self._page is not None else None)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
