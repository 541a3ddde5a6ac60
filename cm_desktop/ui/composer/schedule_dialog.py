"""Choose the date and time of a post, in the business's time zone; refusals are explained, never silent."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

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
    """

    def __init__(
        self,
        zone: str,
        initial: datetime,
        try_schedule: Callable[[datetime], Sequence[Problem]],
        lang: Lang,
        runner: TaskRunner,
        parent: QWidget | None = None,
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.zone_label)
        layout.addWidget(self.when)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()

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
