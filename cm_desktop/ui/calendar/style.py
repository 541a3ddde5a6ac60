"""Network colours (from the registry) and the marker of each post state, painted (no emoji font needed)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

from cm_desktop.core import networks
from cm_desktop.core.models import TargetState
from cm_desktop.ui.colours import MARK, STATES, UNKNOWN_NETWORK

CONTEXT = "CalendarStyle"

FALLBACK_COLOUR = UNKNOWN_NETWORK  # a network we do not know (an old row)

# Marked for lupdate, translated when shown (state_label).
_STATE_SOURCES = {
    TargetState.DRAFT.value: QT_TRANSLATE_NOOP("CalendarStyle", "Draft"),
    TargetState.SCHEDULED.value: QT_TRANSLATE_NOOP("CalendarStyle", "Scheduled"),
    TargetState.SENDING.value: QT_TRANSLATE_NOOP("CalendarStyle", "Sending"),
    TargetState.PUBLISHED.value: QT_TRANSLATE_NOOP("CalendarStyle", "Published"),
    TargetState.FAILED.value: QT_TRANSLATE_NOOP("CalendarStyle", "Failed"),
    TargetState.NEEDS_REVIEW.value: QT_TRANSLATE_NOOP("CalendarStyle", "Needs your review"),
    TargetState.ASSISTED_PENDING.value: QT_TRANSLATE_NOOP("CalendarStyle", "Waiting for you to post"),
}
STATE_LABELS: dict[str, str] = {state: str(source) for state, source in _STATE_SOURCES.items()}
STATE_COLOURS: dict[str, str] = STATES


def state_label(state: str) -> str:
    return QCoreApplication.translate(CONTEXT, STATE_LABELS.get(state, STATE_LABELS["draft"]))


def network_colour(network: str) -> QColor:
    """The network's brand colour, from the registry."""
    return QColor(networks.get(network).colour if networks.known(network) else FALLBACK_COLOUR)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


# Painting caches: a busy month paints hundreds of chips; each colour and marker is made once.
_BACKGROUNDS: dict[tuple[str, int], QColor] = {}
_MARKERS: dict[tuple[str, int, float], QPixmap] = {}


def chip_background(network: str, palette: QPalette) -> QColor:
    """The network colour mixed into the view's base colour: readable text in light and dark."""
    base = palette.color(QPalette.ColorRole.Base)
    key = (network, base.rgba())
    cached = _BACKGROUNDS.get(key)
    if cached is not None:
        return cached
    tint = network_colour(network)
    share = 0.32 if is_dark(palette) else 0.16
    colour = QColor(
        round(base.red() * (1 - share) + tint.red() * share),
        round(base.green() * (1 - share) + tint.green() * share),
        round(base.blue() * (1 - share) + tint.blue() * share),
    )
    _BACKGROUNDS[key] = colour
    return colour


def draw_state_marker(painter: QPainter, rect: QRectF, state: str) -> None:
    """The marker from a pixmap made once per state, size and screen density."""
    side = max(4, int(min(rect.width(), rect.height())))
    device = painter.device()
    ratio = device.devicePixelRatioF() if device is not None else 1.0
    painter.drawPixmap(QPointF(rect.left(), rect.top()), marker_pixmap(state, side, ratio))


def marker_pixmap(state: str, side: int, ratio: float) -> QPixmap:
    key = (state, side, ratio)
    pixmap = _MARKERS.get(key)
    if pixmap is None:
        pixmap = QPixmap(round(side * ratio), round(side * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        marker_painter = QPainter(pixmap)
        paint_state_marker(marker_painter, QRectF(0, 0, side, side), state)
        marker_painter.end()
        _MARKERS[key] = pixmap
    return pixmap


def paint_state_marker(painter: QPainter, rect: QRectF, state: str) -> None:
    """A small shape per state, told apart by shape as well as colour (colour-blind people, print)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(STATE_COLOURS.get(state, STATE_COLOURS["draft"]))
    side = min(rect.width(), rect.height())
    box = QRectF(0, 0, side, side)
    box.moveCenter(rect.center())
    inner = box.adjusted(1.5, 1.5, -1.5, -1.5)
    white = QPen(QColor(MARK), max(1.4, side / 9))
    white.setCapStyle(Qt.PenCapStyle.RoundCap)
    white.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    c = inner.center()
    r = inner.width() / 2
    if state == TargetState.DRAFT.value:
        # Hollow dashed circle: not queued yet.
        pen = QPen(colour, max(1.3, side / 9), Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(inner)
    elif state == TargetState.SCHEDULED.value:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(inner)
        painter.setPen(white)  # clock hands
        painter.drawLine(c, QPointF(c.x(), c.y() - r * 0.6))
        painter.drawLine(c, QPointF(c.x() + r * 0.45, c.y()))
    elif state == TargetState.SENDING.value:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(inner)
        path = QPainterPath()  # a right-pointing arrow head
        path.moveTo(c.x() - r * 0.35, c.y() - r * 0.5)
        path.lineTo(c.x() + r * 0.5, c.y())
        path.lineTo(c.x() - r * 0.35, c.y() + r * 0.5)
        path.closeSubpath()
        painter.setBrush(QColor(MARK))
        painter.drawPath(path)
    elif state == TargetState.PUBLISHED.value:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(inner)
        painter.setPen(white)  # a tick
        # A path, not drawPolyline(list): PySide6 6.12 drops a reference to None on each list call.
        tick = QPainterPath()
        tick.moveTo(c.x() - r * 0.5, c.y())
        tick.lineTo(c.x() - r * 0.1, c.y() + r * 0.4)
        tick.lineTo(c.x() + r * 0.55, c.y() - r * 0.4)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
    elif state == TargetState.FAILED.value:
        path = QPainterPath()  # a warning triangle with "!"
        path.moveTo(c.x(), inner.top())
        path.lineTo(inner.right(), inner.bottom())
        path.lineTo(inner.left(), inner.bottom())
        path.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(path)
        painter.setPen(white)
        painter.drawLine(QPointF(c.x(), c.y() - r * 0.25), QPointF(c.x(), c.y() + r * 0.3))
        painter.drawPoint(QPointF(c.x(), c.y() + r * 0.65))
    elif state == TargetState.NEEDS_REVIEW.value:
        path = QPainterPath()  # a diamond with "?"
        path.moveTo(c.x(), inner.top())
        path.lineTo(inner.right(), c.y())
        path.lineTo(c.x(), inner.bottom())
        path.lineTo(inner.left(), c.y())
        path.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawPath(path)
        _glyph(painter, inner, "?")
    else:  # assisted pending: a square with "…": your turn to post
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(inner, 2, 2)
        painter.setBrush(QColor(MARK))
        dot = max(1.2, side / 10)
        for dx in (-0.45, 0.0, 0.45):
            painter.drawEllipse(QPointF(c.x() + r * dx, c.y()), dot, dot)
    painter.restore()


def _glyph(painter: QPainter, rect: QRectF, text: str) -> None:
    font = QFont(QApplication.font())
    font.setBold(True)
    font.setPixelSize(max(7, int(rect.height() * 0.75)))
    painter.setFont(font)
    painter.setPen(QColor(MARK))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
