"""A post found late (the computer was off or asleep) is never sent blindly: the person chooses.

Publish now, choose a new time (in the business's time zone, with the same refusals as scheduling), or do
not publish (the post goes back to the drafts). The answer is written off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cm_desktop.core.i18n import Lang
from cm_desktop.core.schedule import Problem
from cm_desktop.ui.tasks import TaskRunner

LateAnswer = Callable[[str, datetime | None], Sequence[Problem]]  # (kind, local time) -> problems


class LatePostDialog(QDialog):
    answered = Signal(int, str)  # post id, "now" | "new_time" | "skip"

    def __init__(
        self,
        post_id: int,
        excerpt: str,
        networks: str,
        due_text: str,
        runner: TaskRunner,
        answer: LateAnswer,
        *,
        zone: str,
        now_local: Callable[[], datetime],
        lang: Callable[[], Lang],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("late_post_dialog")
        self.post_id, self._runner, self._answer = post_id, runner, answer
        self._zone, self._now_local, self._lang = zone, now_local, lang
        self._networks, self._due_text = networks, due_text
        self.schedule_dialog: QDialog | None = None
        self.setMinimumWidth(480)
        self.question = QLabel()
        self.question.setObjectName("late_question")
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        self.excerpt = QLabel(excerpt)
        self.excerpt.setObjectName("late_excerpt")
        self.excerpt.setTextFormat(Qt.TextFormat.PlainText)  # the person's post, never markup
        self.excerpt.setWordWrap(True)
        self.excerpt.setStyleSheet("padding: 8px; border: 1px solid palette(mid); border-radius: 6px;")
        self.message = QLabel()
        self.message.setObjectName("late_message")
        self.message.setWordWrap(True)
        self.now_button = QPushButton()
        self.now_button.setObjectName("late_publish_now")
        self.now_button.setDefault(True)
        self.new_time_button = QPushButton()
        self.new_time_button.setObjectName("late_new_time")
        self.skip_button = QPushButton()
        self.skip_button.setObjectName("late_skip")
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.new_time_button)
        buttons.addWidget(self.now_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.excerpt)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.now_button.clicked.connect(lambda: self._send("now", None))
        self.skip_button.clicked.connect(lambda: self._send("skip", None))
        self.new_time_button.clicked.connect(self.choose_time)
        self.retranslate()

    def choose_time(self) -> None:
        from cm_desktop.ui.composer.schedule_dialog import ScheduleDialog

        initial = (self._now_local() + timedelta(hours=1)).replace(minute=0, second=0, microsecond=0)
        # The dialog checks the time itself (past, DST gap) and only closes on a time that can be used.
        dialog = ScheduleDialog(
            self._zone, initial, lambda local: self._answer("check", local), self._lang(), self._runner, self
        )
        self.schedule_dialog = dialog
        dialog.accepted.connect(lambda: self._send("new_time", dialog.chosen))
        dialog.open()

    def _send(self, kind: str, local: datetime | None) -> None:
        for button in (self.now_button, self.new_time_button, self.skip_button):
            button.setEnabled(False)

        def done(_problems: Sequence[Problem]) -> None:
            self.answered.emit(self.post_id, kind)
            self.accept()

        def failed(_error: BaseException) -> None:
            for button in (self.now_button, self.new_time_button, self.skip_button):
                button.setEnabled(True)
            self.message.setText(self.tr("Your answer could not be saved. Please try again."))

        self._runner.run(lambda: self._answer(kind, local), done, failed)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("A post was not sent on time"))
        self.question.setText(
            self.tr(
                "This post for %1 was planned for %2, but your computer was off, asleep or offline. "
                "What would you like to do?"
            )
            .replace("%1", self._networks)
            .replace("%2", self._due_text)
        )
        self.now_button.setText(self.tr("Publish now"))
        self.new_time_button.setText(self.tr("Choose a new time…"))
        self.skip_button.setText(self.tr("Do not publish"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
