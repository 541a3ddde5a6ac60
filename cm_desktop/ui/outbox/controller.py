"""Wires the outbox into the running app: the worker, notifications, the Sending page and the dialogs.

Built by the shell once the store is open; everything it needs is passed in, so tests build it with a
synchronous runner, a fake clock and a recording `show_notification`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QClipboard
from PySide6.QtWidgets import QDialog, QWidget

from cm_desktop.core.i18n import Lang
from cm_desktop.core.outbox.assisted import AssistedItem
from cm_desktop.core.outbox.status import StatusBoard, load_board
from cm_desktop.core.schedule import Clock, Problem, from_utc
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.outbox.notifier import Notifier
from cm_desktop.ui.outbox.page import SendingPage, format_when
from cm_desktop.ui.outbox.worker import OutboxWorker
from cm_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

# Events after which the rest of the app shows something new.
CHANGING_EVENTS = frozenset(
    {"published", "failed", "needs_review", "assisted", "late", "handed_to_server", "account_unavailable"}
)


class OutboxController(QObject):
    changed = Signal()  # posts changed state: Home and the calendar refresh
    accounts_requested = Signal()
    post_opened = Signal(int)
    show_sending = Signal()  # bring the Sending page to the front

    def __init__(
        self,
        store: Any,
        run_outbox: Callable[[], Sequence[Any]],
        runner: TaskRunner,
        clock: Clock,
        zone: str,
        lang: Callable[[], Lang],
        *,
        data_dir: Path,
        renditions_dir: Path,
        show_notification: Callable[[str, str], bool],
        open_url: Callable[[QUrl], bool],
        clipboard: QClipboard,
        window: QWidget,
        show_dialogs: bool = True,
        tick_ms: int | None = None,
    ) -> None:
        super().__init__(window)
        self.store, self.runner, self.clock, self.zone, self._lang = store, runner, clock, zone, lang
        self.data_dir, self.renditions_dir = data_dir, renditions_dir
        self._show_notification, self._open_url, self._clipboard = show_notification, open_url, clipboard
        self.window, self.show_dialogs = window, show_dialogs
        self.dialog: QDialog | None = None
        self.notifications_work = True

        self.worker = (
            OutboxWorker(run_outbox, runner, parent=self)
            if tick_ms is None
            else OutboxWorker(run_outbox, runner, tick_ms=tick_ms, parent=self)
        )
        self.notifier = Notifier(self._notify, lang, self)
        self.page = SendingPage(runner, clock, zone, lang, open_url)

        self.worker.ran.connect(self._after_run)
        self.worker.busy_changed.connect(self.page.set_busy)
        self.notifier.clicked.connect(self.open_kind)
        self.page.send_requested.connect(self.worker.wake)
        self.page.changed.connect(self.changed)
        self.page.assistant_requested.connect(self.open_assistant)
        self.page.late_requested.connect(self.open_late)
        self.page.accounts_requested.connect(self.accounts_requested)
        self.page.post_opened.connect(self.post_opened)
        self.page.set_store(store)

    def start(self) -> None:
        self.worker.start()

    def stop(self) -> None:
        self.worker.stop()

    def set_online(self, online: bool) -> None:
        self.page.set_online(online)
        self.worker.set_online(online)

    def wake(self, _post_id: int = 0) -> None:
        self.page.refresh()
        self.worker.wake()

    def _notify(self, title: str, message: str) -> None:
        self.notifications_work = self._show_notification(title, message)

    def _after_run(self, outcomes: list[Any]) -> None:
        shown = self.notifier.notify_run(outcomes)
        self.page.refresh()
        if any(o.event in CHANGING_EVENTS for o in outcomes):
            self.changed.emit()
        # Where the desktop shows no notifications, the assistant and the late question open by themselves.
        if shown and not self.notifications_work and self.show_dialogs and self.dialog is None:
            kind = shown[0][0]
            if kind in ("assisted", "late"):
                self.open_kind(kind)

    # --- what a click opens ---------------------------------------------------------------------------------

    def open_kind(self, kind: str) -> None:
        if kind == "assisted":
            self.open_assistant(None)
        elif kind == "late":
            self.open_late(None)
        elif kind == "account":
            self.accounts_requested.emit()
        else:
            self.page.refresh()
            self.show_sending.emit()

    def open_assistant(self, target_id: int | None) -> None:
        from cm_desktop.core.outbox.assisted import waiting

        store, data_dir = self.store, self.data_dir

        def opened(items: list[AssistedItem]) -> None:
            if items:
                self._show_assistant(items[0])
            else:
                self.show_sending.emit()

        self.runner.run(lambda: waiting(store, data_dir, target_id=target_id), opened, self._read_failed)

    def _show_assistant(self, item: AssistedItem) -> None:
        from cm_desktop.core.outbox import assisted
        from cm_desktop.ui.outbox.assistant import PublishAssistant, answer_with

        renditions = self.renditions_dir
        dialog = PublishAssistant(
            item,
            self.runner,
            prepare=lambda it: assisted.prepare_images(it, renditions),
            answer=answer_with(self.store, self.clock, item.target_id),
            save=assisted.save_images,
            clipboard=self._clipboard,
            open_url=self._open_url,
            lang=self._lang,
            when_text=self._when(item.due_utc),
            parent=self.window,
        )
        dialog.answered.connect(self._answered)
        self._hold(dialog)

    def open_late(self, post_id: int | None) -> None:
        store, now = self.store, self.clock.now()

        def opened(board: StatusBoard) -> None:
            late = [r for r in board.to_answer if r.is_late and (post_id is None or r.post_id == post_id)]
            if late:
                self._show_late(late[0].post_id, board)
            else:
                self.show_sending.emit()

        self.runner.run(lambda: load_board(store, now), opened, self._read_failed)

    def _show_late(self, post_id: int, board: StatusBoard) -> None:
        from cm_desktop.core.outbox.late import answer_late
        from cm_desktop.ui.outbox.late_dialog import LatePostDialog

        rows = [r for r in board.to_answer if r.post_id == post_id and r.is_late]
        networks = ", ".join(dict.fromkeys(network_name(r.network) for r in rows))
        store, zone, clock = self.store, self.zone, self.clock

        def answer(kind: str, local: datetime | None) -> list[Problem]:
            return answer_late(store, post_id, kind, local, zone, clock.now())

        dialog = LatePostDialog(
            post_id,
            rows[0].text,
            networks,
            self._when(rows[0].when),
            self.runner,
            answer,
            zone=zone,
            now_local=lambda: from_utc(clock.now(), zone),
            lang=self._lang,
            parent=self.window,
        )
        dialog.answered.connect(self._answered)
        self._hold(dialog)

    def _hold(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.finished.connect(lambda _code: self._release(dialog))
        dialog.open()

    def _release(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _answered(self, _ident: int, _kind: str) -> None:
        self.changed.emit()
        self.page.refresh()
        self.worker.wake()

    def _read_failed(self, error: BaseException) -> None:
        from cm_desktop.platform.logs import log_failure

        log_failure(log, "reading the outbox", error, known=False)

    def _when(self, moment: datetime | None) -> str:
        return format_when(moment, self.zone)
