"""Action bar glyphs drawn as paths on a 24x24 grid: no icon font, crisp at any size, in the network's grey."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF


def _heart() -> QPainterPath:
    p = QPainterPath(QPointF(12, 20.5))
    p.cubicTo(4, 14.5, 2, 11, 2, 8)
    p.cubicTo(2, 5, 4.5, 3, 7, 3)
    p.cubicTo(9.2, 3, 11, 4.5, 12, 6)
    p.cubicTo(13, 4.5, 14.8, 3, 17, 3)
    p.cubicTo(19.5, 3, 22, 5, 22, 8)
    p.cubicTo(22, 11, 20, 14.5, 12, 20.5)
    return p


def _bubble() -> QPainterPath:
    body = QPainterPath()
    body.addRoundedRect(QRectF(2.5, 3, 19, 14.5), 7, 7)
    tail = QPainterPath()
    tail.addPolygon(QPolygonF([QPointF(6, 14), QPointF(4.5, 21), QPointF(12, 16)]))
    return body.united(tail)


def _repost() -> QPainterPath:
    p = QPainterPath()
    for points in (
        [(6, 11), (6, 7), (19, 7)],
        [(16, 4), (19, 7), (16, 10)],
        [(18, 13), (18, 17), (5, 17)],
        [(8, 14), (5, 17), (8, 20)],
    ):
        p.moveTo(*points[0])
        for x, y in points[1:]:
            p.lineTo(x, y)
    return p


def _share() -> QPainterPath:
    p = QPainterPath(QPointF(12, 3))
    p.lineTo(12, 15)
    p.moveTo(7.5, 7.5)
    p.lineTo(12, 3)
    p.lineTo(16.5, 7.5)
    p.moveTo(5, 12)
    p.lineTo(5, 20)
    p.lineTo(19, 20)
    p.lineTo(19, 12)
    return p


def _send() -> QPainterPath:
    p = QPainterPath()
    p.addPolygon(QPolygonF([QPointF(21.5, 2.5), QPointF(2.5, 10), QPointF(10, 14), QPointF(14, 21.5)]))
    p.closeSubpath()
    p.moveTo(10, 14)
    p.lineTo(21.5, 2.5)
    return p


def _bookmark() -> QPainterPath:
    p = QPainterPath()
    p.addPolygon(
        QPolygonF([QPointF(6, 3), QPointF(18, 3), QPointF(18, 21), QPointF(12, 15.5), QPointF(6, 21)])
    )
    p.closeSubpath()
    return p


def _star() -> QPainterPath:
    points = []
    for i in range(10):
        r = 10 if i % 2 == 0 else 4.3
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(12 + r * math.cos(angle), 12.5 + r * math.sin(angle)))
    p = QPainterPath()
    p.addPolygon(QPolygonF(points))
    p.closeSubpath()
    return p


def _thumb() -> QPainterPath:
    p = QPainterPath()
    p.addRect(QRectF(2.5, 10, 4, 10.5))
    p.moveTo(6.5, 10)
    p.lineTo(10.5, 3.5)
    p.quadTo(13.5, 3, 13, 6.5)
    p.lineTo(12.5, 9.5)
    p.lineTo(18.5, 9.5)
    p.quadTo(21.5, 10, 20.8, 12.8)
    p.lineTo(19.2, 18.6)
    p.quadTo(18.6, 20.5, 16.5, 20.5)
    p.lineTo(6.5, 20.5)
    return p


def _reply() -> QPainterPath:
    p = QPainterPath(QPointF(10, 5))
    p.lineTo(4, 11)
    p.lineTo(10, 17)
    p.moveTo(4, 11)
    p.lineTo(14, 11)
    p.quadTo(20, 11, 20, 17)
    p.lineTo(20, 19)
    return p


def _views() -> QPainterPath:
    p = QPainterPath()
    for x, top in ((5, 13), (10, 5), (15, 9), (20, 15)):
        p.moveTo(x, 20)
        p.lineTo(x, top)
    return p


def _more() -> QPainterPath:
    p = QPainterPath()
    for x in (5, 12, 19):
        p.addEllipse(QPointF(x, 12), 1.6, 1.6)
    return p


def _globe() -> QPainterPath:
    p = QPainterPath()
    p.addEllipse(QPointF(12, 12), 9, 9)
    p.addEllipse(QPointF(12, 12), 4, 9)
    p.moveTo(3, 12)
    p.lineTo(21, 12)
    return p


PATHS = {
    "heart": _heart(),
    "bubble": _bubble(),
    "repost": _repost(),
    "share": _share(),
    "send": _send(),
    "bookmark": _bookmark(),
    "star": _star(),
    "thumb": _thumb(),
    "reply": _reply(),
    "views": _views(),
    "more": _more(),
    "globe": _globe(),
}
FILLED = {"more"}


def draw_icon(painter: QPainter, name: str, rect: QRectF, colour: QColor, weight: float = 1.8) -> None:
    painter.save()
    painter.translate(rect.topLeft())
    scale = min(rect.width(), rect.height()) / 24
    painter.scale(scale, scale)
    pen = QPen(colour, weight)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    if name in FILLED:
        painter.setBrush(colour)
    else:
        painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(PATHS[name])
    painter.restore()
