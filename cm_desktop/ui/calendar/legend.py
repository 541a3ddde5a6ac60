"""One line under the calendar that says what each state marker means."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from cm_desktop.ui.calendar.style import STATE_LABELS, paint_state_marker, state_label

MARKER = 12
SPACING = 16


class StateLegend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_legend")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._update_accessible_text()

    def _update_accessible_text(self) -> None:
        self.setAccessibleDescription(", ".join(state_label(s) for s in STATE_LABELS))

    def sizeHint(self) -> QSize:
        fm = QFontMetrics(self.font())
        width = sum(MARKER + 6 + fm.horizontalAdvance(state_label(s)) + SPACING for s in STATE_LABELS)
        return QSize(width, fm.height() + 8)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._update_accessible_text()
            self.updateGeometry()
            self.update()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        fm = QFontMetrics(self.font())
        x = 0.0
        middle = self.height() / 2
        for state in STATE_LABELS:
            label = state_label(state)
            paint_state_marker(painter, QRectF(x, middle - MARKER / 2, MARKER, MARKER), state)
            x += MARKER + 6
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            width = fm.horizontalAdvance(label)
            painter.drawText(QRectF(x, 0, width + 2, self.height()), Qt.AlignmentFlag.AlignVCenter, label)
            x += width + SPACING
        painter.end()
