"""An account's picture: its avatar in a circle when we have it, else its initial on the network's colour."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPixmap

from cm_desktop.ui.calendar.style import network_colour
from cm_desktop.ui.colours import MARK, under_mark


def initial_of(display_name: str, handle: str) -> str:
    for source in (display_name, handle.lstrip("@")):
        for ch in source:
            if ch.isalnum():
                return ch.upper()
    return "?"


def badge_pixmap(
    network: str, display_name: str, handle: str, size: int, *, avatar: Path | None = None, ratio: float = 1.0
) -> QPixmap:
    """A round picture of ``size`` logical pixels; the avatar gets a ring in the network's colour."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    colour = network_colour(network)
    circle = QRectF(0, 0, size, size)
    image = QImage(str(avatar)) if avatar is not None else QImage()
    if not image.isNull():
        clip = QPainterPath()
        clip.addEllipse(circle.adjusted(2, 2, -2, -2))
        painter.setClipPath(clip)
        side = min(image.width(), image.height())
        square = image.copy((image.width() - side) // 2, (image.height() - side) // 2, side, side)
        painter.drawImage(circle.adjusted(2, 2, -2, -2), square)
        painter.setClipping(False)
        painter.setPen(QPen(colour, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(circle.adjusted(1, 1, -1, -1))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(under_mark(colour))  # the brand colour, deep enough for the white initial
        painter.drawEllipse(circle)
        font = QFont()
        font.setPixelSize(round(size * 0.45))
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(QColor(MARK))
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, initial_of(display_name, handle))
    painter.end()
    return pixmap
