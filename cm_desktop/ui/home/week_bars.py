"""A small painted chart: posts planned and posted over the last weeks, against the plan's target."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


@dataclass(frozen=True)
class Bar:
    label: str  # under the bar: "27 Apr"
    planned: int
    posted: int
    target: int


class WeekBars(QWidget):
    """One column per week: a pale bar for what was planned, a strong one inside it for what went out.

    A dashed line marks the target. Numbers are written above each bar, so colour is never the only cue.
    """

    BAR_AREA = 96
    TEXT_GAP = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("week_bars")
        self._bars: list[Bar] = []
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable by keyboard, so screen readers reach it
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        self._bars = list(bars)
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(6 * 90, self.BAR_AREA + 2 * line + 3 * self.TEXT_GAP)

    def minimumSizeHint(self) -> QSize:
        return QSize(6 * 48, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        strong = palette.color(QPalette.ColorRole.Highlight)
        pale = QColor(strong)
        pale.setAlpha(90)
        metrics = self.fontMetrics()
        line = metrics.height()
        top = line + self.TEXT_GAP
        bottom = top + self.BAR_AREA
        scale = max(1, *(max(b.planned, b.target, b.posted) for b in self._bars))
        column = self.width() / len(self._bars)
        bar_width = min(44.0, column * 0.5)

        def height(value: int) -> float:
            return self.BAR_AREA * value / scale

        for index, bar in enumerate(self._bars):
            centre = column * index + column / 2
            left = centre - bar_width / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(pale)
            planned = max(bar.planned, bar.posted)
            painter.drawRoundedRect(QRectF(left, bottom - height(planned), bar_width, height(planned)), 3, 3)
            painter.setBrush(strong)
            painter.drawRoundedRect(
                QRectF(left, bottom - height(bar.posted), bar_width, height(bar.posted)), 3, 3
            )
            # The target: a dashed line a little wider than the bar.
            pen = QPen(text, 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            y = bottom - height(bar.target)
            painter.drawLine(int(left - 6), int(y), int(left + bar_width + 6), int(y))
            painter.setPen(text)
            numbers = f"{bar.posted}/{planned}"
            above = bottom - height(max(planned, bar.target)) - self.TEXT_GAP
            painter.drawText(
                QRectF(centre - column / 2, above - line, column, line), Qt.AlignmentFlag.AlignCenter, numbers
            )
            painter.drawText(
                QRectF(centre - column / 2, bottom + self.TEXT_GAP, column, line),
                Qt.AlignmentFlag.AlignCenter,
                bar.label,
            )
        painter.end()
