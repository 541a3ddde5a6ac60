""" "How did it go on Facebook?": a ten-second form for a post published by hand on a network the app cannot
read. Three numbers (likes, comments, shares), pre-filled with what was typed last time; saving keeps them
as a reading of the post (core/results/by_hand.py). Optional: closing it changes nothing."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core.i18n import Lang
from cm_desktop.core.results.by_hand import MAX_FIGURE, ByHand
from cm_desktop.ui.colours import Role, css, primary_button_style
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class ByHandDialog(QDialog):
    saved = Signal(int)  # target id

    def __init__(
        self,
        figures: ByHand,
        excerpt: str,
        runner: TaskRunner,
        save: Callable[[int, int, int], Any],  # (likes, comments, shares)
        lang: Callable[[], Lang],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("by_hand_dialog")
        self.figures, self.runner, self._save, self._lang = figures, runner, save, lang
        self.intro = QLabel()
        self.intro.setObjectName("by_hand_intro")
        self.intro.setWordWrap(True)
        self.post = QLabel(excerpt)
        self.post.setObjectName("by_hand_post")
        self.post.setWordWrap(True)
        self.post.setTextFormat(Qt.TextFormat.PlainText)
        font = self.post.font()
        font.setItalic(True)  # the post itself, set apart from what the form says
        self.post.setFont(font)
        self.boxes: dict[str, QSpinBox] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for name, value in (
            ("likes", figures.likes),
            ("comments", figures.comments),
            ("shares", figures.shares),
        ):
            box = QSpinBox()
            box.setObjectName(f"by_hand_{name}")
            box.setRange(0, MAX_FIGURE)
            box.setGroupSeparatorShown(True)
            box.setValue(value or 0)
            box.setMinimumWidth(120)
            label = QLabel()
            label.setBuddy(box)
            self.boxes[name], self.labels[name] = box, label
            form.addRow(label, box)
        self.problem = QLabel()
        self.problem.setObjectName("by_hand_problem")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton()
        self.save_button.setObjectName("by_hand_save")
        self.save_button.setDefault(True)
        self.save_button.setStyleSheet(primary_button_style("by_hand_save", self.palette()))
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("by_hand_cancel")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addWidget(self.post)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()
        self.boxes["likes"].setFocus()
        self.boxes["likes"].selectAll()

    def values(self) -> tuple[int, int, int]:
        return self.boxes["likes"].value(), self.boxes["comments"].value(), self.boxes["shares"].value()

    def save(self) -> None:
        likes, comments, shares = self.values()
        self.save_button.setEnabled(False)

        def done(_result: object) -> None:
            self.saved.emit(self.figures.target_id)
            self.accept()

        def failed(error: BaseException) -> None:
            from cm_desktop.core.results.by_hand import ByHandRefused

            self.save_button.setEnabled(True)
            if isinstance(error, ByHandRefused):
                said = error.message(self._lang())
            else:
                log.error("saving figures typed in failed", exc_info=error)
                said = self.tr("The figures could not be saved. Please try again.")
            self.problem.setText(said)
            self.problem.setStyleSheet(f"color: {css(Role.BLOCKING, self.palette())};")
            self.problem.setVisible(True)

        self.runner.run(lambda: self._save(likes, comments, shares), done, failed)

    def retranslate(self) -> None:
        name = network_name(self.figures.network)
        self.setWindowTitle(self.tr("How did it go on %1?").replace("%1", name))
        self.intro.setText(
            self.tr(
                "The app cannot read %1 by itself. Look at your post there and copy its figures: they "
                "join your results. You can change them later."
            ).replace("%1", name)
        )
        self.labels["likes"].setText(self.tr("&Likes"))
        self.labels["comments"].setText(self.tr("&Comments"))
        self.labels["shares"].setText(self.tr("&Shares"))
        self.save_button.setText(self.tr("Save the figures"))
        self.cancel_button.setText(self.tr("Not now"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
