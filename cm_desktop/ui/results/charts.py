"""The Results page's pictures, painted with QPainter as Home's week bars are (no chart library: QtCharts
lives in PySide6-Addons, which the app does not ship).

Every chart writes its numbers next to its marks (colour is never the only cue), takes the keyboard focus
so a screen reader reaches it, and carries a text alternative the page sets (`setAccessibleDescription`).
Colours come from the palette, so light and dark both work; network lines use the network's colour with
its name and figure written beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from cm_desktop.ui.colours import Role, colour


@dataclass(frozen=True)
class BarValue:
    label: str  # under the bar (or left of it, lying down)
    value: float | None  # None: nothing to draw (a day without posts)
    caption: str = ""  # written at the end of the bar: "+80%"


def _focus_ring(widget: QWidget, painter: QPainter) -> None:
    if widget.hasFocus():
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour(Role.ACCENT, widget.palette()), 2))
        painter.drawRoundedRect(QRectF(widget.rect()).adjusted(1, 1, -1, -1), 6, 6)


class _Chart(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable by keyboard, so screen readers reach it
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _pens(self) -> tuple[QColor, QColor, QColor]:
        palette = self.palette()
        return (
            palette.color(QPalette.ColorRole.WindowText),
            colour(Role.SECONDARY, palette),
            palette.color(QPalette.ColorRole.Highlight),
        )


class _Bars(_Chart):
    """Bars against a dashed line at `reference` (1.0: "as usual"), named `reference_label`."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self._bars: list[BarValue] = []
        self.reference: float | None = 1.0
        self.reference_label = ""

    def set_bars(self, bars: Sequence[BarValue], reference_label: str = "") -> None:
        self._bars = list(bars)
        self.reference_label = reference_label
        self.updateGeometry()
        self.update()

    def bars(self) -> list[BarValue]:
        return list(self._bars)

    def _scale(self) -> float:
        values = [b.value for b in self._bars if b.value is not None]
        return max([*values, self.reference or 0.0, 0.01])


class ColumnChart(_Bars):
    """Upright bars, one per label."""

    BAR_AREA = 110
    GAP = 4

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(max(7, len(self._bars)) * 40, self.BAR_AREA + 2 * line + 3 * self.GAP)

    def minimumSizeHint(self) -> QSize:
        return QSize(max(7, len(self._bars)) * 14, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text, secondary, strong = self._pens()
        metrics = self.fontMetrics()
        line = metrics.height()
        top = line + self.GAP
        bottom = top + self.BAR_AREA
        scale = self._scale()
        column = self.width() / len(self._bars)
        width = min(36.0, column * 0.6)
        # Labels that do not fit side by side: every other one (all of them stay in the text alternative).
        step = 1 if max(metrics.horizontalAdvance(b.label) for b in self._bars) < column - 2 else 2
        for index, bar in enumerate(self._bars):
            centre = column * index + column / 2
            if bar.value is not None:
                height = self.BAR_AREA * bar.value / scale
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(strong)
                painter.drawRoundedRect(QRectF(centre - width / 2, bottom - height, width, height), 3, 3)
                painter.setPen(text)
                if bar.caption and metrics.horizontalAdvance(bar.caption) < column + 4:
                    painter.drawText(
                        QRectF(centre - column / 2 - 2, bottom - height - line - 2, column + 4, line),
                        Qt.AlignmentFlag.AlignCenter,
                        bar.caption,
                    )
            if index % step == 0:
                painter.setPen(secondary if bar.value is None else text)
                painter.drawText(
                    QRectF(centre - column, bottom + self.GAP, column * 2, line),
                    Qt.AlignmentFlag.AlignCenter,
                    bar.label,
                )
        if self.reference is not None:
            y = bottom - self.BAR_AREA * self.reference / scale
            painter.setPen(QPen(text, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(0, y), QPointF(self.width(), y))
            if self.reference_label:  # "usual", above the line's right end, where no bar is tall
                painter.setPen(secondary)
                painter.drawText(
                    QRectF(0, y - line - 1, self.width() - 2, line),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                    self.reference_label,
                )
        painter.setPen(secondary)
        painter.drawLine(QPointF(0, bottom), QPointF(self.width(), bottom))
        _focus_ring(self, painter)
        painter.end()


class RowChart(_Bars):
    """Bars lying down, one row per label (long labels such as kinds of posts), the caption at the end."""

    ROW_GAP = 6

    def _row(self) -> int:
        return self.fontMetrics().height() + self.ROW_GAP

    def sizeHint(self) -> QSize:
        # One more row at the bottom for the "usual" line's name.
        return QSize(480, (max(1, len(self._bars)) + 1) * self._row() + self.ROW_GAP)

    def minimumSizeHint(self) -> QSize:
        return QSize(260, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._bars:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text, secondary, strong = self._pens()
        metrics = self.fontMetrics()
        row = self._row()
        label_width = min(
            max(metrics.horizontalAdvance(b.label) for b in self._bars) + 12, self.width() * 0.45
        )
        caption_width = max(metrics.horizontalAdvance(b.caption) for b in self._bars) + 12
        area = max(self.width() - label_width - caption_width, 20.0)
        scale = self._scale()
        for index, bar in enumerate(self._bars):
            y = index * row + self.ROW_GAP / 2
            painter.setPen(text)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_width - 8))
            painter.drawText(
                QRectF(0, y, label_width - 8, row - self.ROW_GAP),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            length = area * (bar.value or 0.0) / scale
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(strong)
            painter.drawRoundedRect(QRectF(label_width, y + 2, length, row - self.ROW_GAP - 4), 3, 3)
            painter.setPen(text)
            painter.drawText(
                QRectF(label_width + length + 6, y, caption_width, row - self.ROW_GAP),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                bar.caption,
            )
        if self.reference is not None:
            x = label_width + area * self.reference / scale
            bottom = len(self._bars) * row + self.ROW_GAP / 2
            painter.setPen(QPen(secondary, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, 0), QPointF(x, bottom))
            if self.reference_label:
                painter.drawText(
                    QRectF(x - 100, bottom, 200, row),
                    int(Qt.AlignmentFlag.AlignHCenter),
                    self.reference_label,
                )
        _focus_ring(self, painter)
        painter.end()


@dataclass(frozen=True)
class Series:
    name: str  # the network's name, written with its latest figure at the line's end
    colour: str
    points: tuple[tuple[date, int], ...]  # oldest first


class LineChart(_Chart):
    """Followers over time: one line per network, its name and latest figure written at its end."""

    PLOT = 120

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self._series: list[Series] = []
        # How a date is written under the axis (the page sets one per language).
        self.date_label: Callable[[date], str] = date.isoformat

    def set_series(self, series: Sequence[Series]) -> None:
        self._series = [s for s in series if s.points]
        self.updateGeometry()
        self.update()

    def series(self) -> list[Series]:
        return list(self._series)

    def sizeHint(self) -> QSize:
        return QSize(520, self.PLOT + 2 * self.fontMetrics().height() + 12)

    def minimumSizeHint(self) -> QSize:
        return QSize(280, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._series:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text, secondary, _strong = self._pens()
        metrics = self.fontMetrics()
        line = metrics.height()
        days = [d for s in self._series for d, _ in s.points]
        counts = [c for s in self._series for _, c in s.points]
        first, last = min(days), max(days)
        low, high = min(counts), max(counts)
        if high == low:
            low, high = max(0, low - 1), high + 1
        ends = [f"{s.name} {s.points[-1][1]}" for s in self._series]
        axis_width = max(metrics.horizontalAdvance(str(high)), metrics.horizontalAdvance(str(low))) + 8
        legend_width = max(metrics.horizontalAdvance(e) for e in ends) + 14
        left, right = axis_width, max(self.width() - legend_width, axis_width + 40)
        top, bottom = line / 2, line / 2 + self.PLOT
        span = max((last - first).days, 1)

        def point(day: date, count: int) -> QPointF:
            x = left + (right - left) * (day - first).days / span
            y = bottom - (bottom - top) * (count - low) / (high - low)
            return QPointF(x, y)

        painter.setPen(secondary)
        painter.drawLine(QPointF(left, bottom), QPointF(right, bottom))
        painter.drawText(
            QRectF(0, top - line / 2, axis_width - 6, line), int(Qt.AlignmentFlag.AlignRight), str(high)
        )
        painter.drawText(
            QRectF(0, bottom - line / 2, axis_width - 6, line), int(Qt.AlignmentFlag.AlignRight), str(low)
        )
        painter.drawText(
            QRectF(left, bottom + 4, (right - left) / 2, line),
            int(Qt.AlignmentFlag.AlignLeft),
            self.date_label(first),
        )
        painter.drawText(
            QRectF(left + (right - left) / 2, bottom + 4, (right - left) / 2, line),
            int(Qt.AlignmentFlag.AlignRight),
            self.date_label(last),
        )
        taken: list[float] = []
        for serie, end in zip(self._series, ends, strict=True):
            pen = QPen(QColor(serie.colour), 2.5)
            painter.setPen(pen)
            path = QPainterPath(point(*serie.points[0]))
            for day, count in serie.points[1:]:
                path.lineTo(point(day, count))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            tip = point(*serie.points[-1])
            painter.setBrush(QColor(serie.colour))
            painter.drawEllipse(tip, 3.5, 3.5)
            # The end label, moved down when another one is already there.
            y = tip.y() - line / 2
            while any(abs(y - t) < line for t in taken):
                y += line
            taken.append(y)
            painter.setPen(text)
            painter.drawText(QRectF(right + 8, y, legend_width, line), int(Qt.AlignmentFlag.AlignLeft), end)
        _focus_ring(self, painter)
        painter.end()
