"""Choose the date and time of a post, in the business's time zone; refusals are explained, never silent."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core.i18n import Lang
from cm_desktop.core.schedule import MAX_YEARS_AHEAD, Problem, Severity
from cm_desktop.ui.colours import Role, css
from cm_desktop.ui.keyboard import DateTimeField
from cm_desktop.ui.qtdates import from_qdatetime, to_qdatetime
from cm_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class ScheduleDialog(QDialog):
    """`try_schedule(local)` returns the problems; the dialog closes only when there is no error.

    It writes to the store, so it runs on the task runner (never on the GUI thread); OK waits meanwhile.
    `app_must_be_open`: the post is sent by the app and publishing while it is closed is off: said, with
    the switch at hand (`background_requested`).
    """

    background_requested = Signal()

    def __init__(
        self,
        zone: str,
        initial: datetime,
        try_schedule: Callable[[datetime], Sequence[Problem]],
        lang: Lang,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        app_must_be_open: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("schedule_dialog")
        self._try, self._lang, self.zone, self._runner = try_schedule, lang, zone, runner
        self.chosen: datetime | None = None
        self.when = DateTimeField(to_qdatetime(initial))
        self.when.setObjectName("schedule_when")
        self.when.setDisplayFormat("dddd d MMMM yyyy  HH:mm")
        # No year 1 or 9999 typed by a slip of the keyboard; the check below says why a date is refused.
        first = min(initial, datetime.now()) - timedelta(days=1)
        last = max(initial, datetime.now()) + timedelta(days=366 * (MAX_YEARS_AHEAD + 1))
        self.when.setDateTimeRange(to_qdatetime(first), to_qdatetime(last))
        self.zone_label = QLabel()
        self.zone_label.setBuddy(self.when)  # its words name the field for screen readers
        self.message = QLabel()
        self.message.setObjectName("schedule_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {css(Role.BLOCKING, self.palette())}")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        self.closed_note = QLabel()
        self.closed_note.setObjectName("schedule_closed_note")
        self.closed_note.setWordWrap(True)
        self.closed_button = QPushButton()
        self.closed_button.setObjectName("schedule_turn_on_background")
        self.closed_button.setAutoDefault(False)
        self.closed_button.clicked.connect(self._turn_on_background)
        for widget in (self.closed_note, self.closed_button):
            widget.setVisible(app_must_be_open)
        closed_row = QHBoxLayout()
        closed_row.addWidget(self.closed_button)
        closed_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.zone_label)
        layout.addWidget(self.when)
        layout.addWidget(self.closed_note)
        layout.addLayout(closed_row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()

    def _turn_on_background(self) -> None:
        self.background_requested.emit()
        self.closed_button.hide()
        self.closed_note.setText(self.tr("Done: your computer will send it even if CM Desktop is closed."))

    def local_time(self) -> datetime:
        return from_qdatetime(self.when.dateTime()).replace(second=0)

    def _on_ok(self) -> None:
        local = self.local_time()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)  # one attempt at a time

        def done(problems: Sequence[Problem]) -> None:
            ok.setEnabled(True)
            errors = [p for p in problems if p.severity is Severity.ERROR]
            if errors:
                self.message.setText("\n".join(p.message(self._lang) for p in errors))
                return
            self.chosen = local
            self.accept()

        def failed(error: BaseException) -> None:
            from cm_desktop.platform.logs import log_failure

            ok.setEnabled(True)
            log_failure(log, "scheduling a post", error, known=False)
            self.message.setText(self.tr("The post could not be scheduled. Please try again."))

        self._runner.run(lambda: list(self._try(local)), done, failed)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Schedule the post"))
        self.zone_label.setText(self.tr("Date and time (time zone: %1)").replace("%1", self.zone))
        self.when.setAccessibleName(self.tr("Date and time of publication"))
        if self.closed_button.isVisibleTo(self) or not self.closed_note.text():
            self.closed_note.setText(
                self.tr(
                    "CM Desktop must be open at that time to send it: publishing while it is closed is off."
                )
            )
        self.closed_button.setText(self.tr("Publish even when CM Desktop is closed"))
