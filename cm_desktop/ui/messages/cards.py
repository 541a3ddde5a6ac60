"""One "Check your messages" card per network the app cannot read: it says so plainly, opens the exact page,
and takes "done for this week"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cm_desktop.core import networks
from cm_desktop.core.i18n import Lang
from cm_desktop.core.inbox.reminders import CANNOT_READ, CheckCard
from cm_desktop.ui.calendar.style import network_colour
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.theme import scaled_font


class CheckCardWidget(QFrame):
    open_requested = Signal(str)  # the page's address
    done_requested = Signal(str)  # the network

    def __init__(self, card: CheckCard, lang: Callable[[], Lang], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card, self._lang = card, lang
        self.setObjectName(f"check_card_{card.network}")
        self.title = QLabel()
        self.title.setFont(scaled_font(self.title.font(), 1.1, self.title.font().Weight.DemiBold))
        self.title.setWordWrap(True)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.when = QLabel()
        self.when.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.setObjectName(f"open_{card.network}")
        self.done_button = QPushButton()
        self.done_button.setObjectName(f"done_{card.network}")
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.done_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addWidget(self.when)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(lambda: self.open_requested.emit(card.url))
        self.done_button.clicked.connect(lambda: self.done_requested.emit(card.network))
        self.retranslate()

    def retranslate(self) -> None:
        name = network_name(self.card.network)
        lang = self._lang()
        self.title.setText(self.tr("Check your messages on %1").replace("%1", name))
        where = networks.get(self.card.network).messages_there
        self.body.setText(CANNOT_READ.get(lang, network=name) + (" " + where.get(lang) if where else ""))
        self.open_button.setText(self.tr("Open %1").replace("%1", name))
        self.open_button.setToolTip(self.card.url)
        if self.card.done_this_week:
            self.when.setText(self.tr("Done for this week. The next reminder comes next week."))
            self.done_button.hide()
        else:
            self.when.setText(
                self.tr("Waiting for you this week.")
                if self.card.overdue
                else self.tr("A reminder comes each week.")
            )
            self.done_button.setText(self.tr("Done for this week"))
        self.setAccessibleName(self.title.text())

    def paintEvent(self, event: QPaintEvent) -> None:
        # Painted, not a style sheet: the labels inside keep following the palette (light <-> dark).
        paint_card(self, network_colour(self.card.network))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def paint_card(
    widget: QWidget, mark: QColor | None, *, border: QColor | None = None, width: float = 1.0
) -> None:
    """A rounded card (12 px radius) with an optional mark in a network's colour down its left side."""
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(widget.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2)
    painter.setPen(QPen(border or widget.palette().color(QPalette.ColorRole.Mid), width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect, 12, 12)
    if mark is not None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mark)
        painter.drawRoundedRect(QRectF(rect.left(), rect.top() + 6, 4, rect.height() - 12), 2, 2)
    painter.end()
