"""What a cropping network (Instagram: 4:5 to 1.91:1) will keep of a picture, around a focal point.

Click or drag on the picture to move the focal point; the arrow keys do the same from the keyboard.
The frame follows the same arithmetic as core.media.geometry (largest box in range, centred on the focal
point as far as the edges allow), so what is shown is what will be published.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from cm_desktop.ui.colours import scrim, sheen

Focal = tuple[float, float]
KEY_STEP = 0.05  # one arrow key press moves the focal point by 5 % of the picture


def _clamp01(value: float) -> float:
    return min(max(float(value), 0.0), 1.0)


def crop_box(size: tuple[int, int], aspect: tuple[float, float] | None, focal: Focal) -> QRectF:
    """The kept part of a `size` picture, as fractions (0..1) of its width and height."""
    width, height = size
    if aspect is None or width <= 0 or height <= 0:
        return QRectF(0, 0, 1, 1)
    low, high = aspect
    ratio = width / height
    if ratio > high:
        kept = (height * high) / width  # share of the width kept
        left = min(max(focal[0] - kept / 2, 0.0), 1.0 - kept)
        return QRectF(left, 0, kept, 1)
    if ratio < low:
        kept = (width / low) / height
        top = min(max(focal[1] - kept / 2, 0.0), 1.0 - kept)
        return QRectF(0, top, 1, kept)
    return QRectF(0, 0, 1, 1)


class _Canvas(QWidget):
    """The picture, dimmed outside the crop frame, with the focal point marked."""

    focal_moved = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 160)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.source = QPixmap()
        self.image_size = (0, 0)
        self.aspect: tuple[float, float] | None = None
        self.focal: Focal = (0.5, 0.5)
        self._scaled = QPixmap()  # rescaled only on resize or a new picture, never on a repaint

    def sizeHint(self) -> QSize:
        return QSize(420, 320)

    def set_source(self, pixmap: QPixmap) -> None:
        self.source = pixmap
        self._rescale()
        self.update()

    def image_rect(self) -> QRectF:
        """Where the picture is drawn, centred and fitted in the widget."""
        if self._scaled.isNull():
            return QRectF()
        size = self._scaled.deviceIndependentSize()
        return QRectF(
            (self.width() - size.width()) / 2,
            (self.height() - size.height()) / 2,
            size.width(),
            size.height(),
        )

    def frame_rect(self) -> QRectF:
        image = self.image_rect()
        box = crop_box(self.image_size, self.aspect, self.focal)
        return QRectF(
            image.x() + box.x() * image.width(),
            image.y() + box.y() * image.height(),
            box.width() * image.width(),
            box.height() * image.height(),
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._rescale()
        super().resizeEvent(event)

    def _rescale(self) -> None:
        if self.source.isNull():
            self._scaled = QPixmap()
            return
        dpr = self.devicePixelRatioF()
        margin = 16
        self._scaled = self.source.scaled(
            max(1, round((self.width() - margin) * dpr)),
            max(1, round((self.height() - margin) * dpr)),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self._scaled.setDevicePixelRatio(dpr)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        image = self.image_rect()
        if image.isNull():
            return
        painter.drawPixmap(image.topLeft(), self._scaled)
        frame = self.frame_rect()
        # Dim what the network will cut away.
        outside = QPainterPath()
        outside.addRect(image)
        inside = QPainterPath()
        inside.addRect(frame)
        painter.fillPath(outside.subtracted(inside), scrim(150))
        # Rule of thirds inside the frame: helps to place a face or a product.
        painter.setPen(QPen(sheen(110), 1))
        for i in (1, 2):
            x = frame.left() + frame.width() * i / 3
            y = frame.top() + frame.height() * i / 3
            painter.drawLine(QPointF(x, frame.top()), QPointF(x, frame.bottom()))
            painter.drawLine(QPointF(frame.left(), y), QPointF(frame.right(), y))
        # The frame: a white line on a dark one, visible on any picture.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(scrim(160), 4))
        painter.drawRect(frame)
        painter.setPen(QPen(sheen(255), 2))
        painter.drawRect(frame)
        centre = QPointF(
            image.x() + self.focal[0] * image.width(), image.y() + self.focal[1] * image.height()
        )
        painter.setPen(QPen(scrim(170), 4))
        painter.drawEllipse(centre, 9, 9)
        painter.setPen(QPen(sheen(255), 2))
        painter.drawEllipse(centre, 9, 9)
        painter.drawPoint(centre)
        if self.hasFocus():
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DashLine))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))

    def _focal_at(self, point: QPointF) -> None:
        image = self.image_rect()
        if image.isNull():
            return
        x = _clamp01((point.x() - image.x()) / image.width())
        y = _clamp01((point.y() - image.y()) / image.height())
        self.focal_moved.emit(x, y)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._focal_at(event.position())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._focal_at(event.position())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {
            Qt.Key.Key_Left: (-KEY_STEP, 0.0),
            Qt.Key.Key_Right: (KEY_STEP, 0.0),
            Qt.Key.Key_Up: (0.0, -KEY_STEP),
            Qt.Key.Key_Down: (0.0, KEY_STEP),
        }
        key = Qt.Key(event.key())
        if key in moves:
            dx, dy = moves[key]
            self.focal_moved.emit(_clamp01(self.focal[0] + dx), _clamp01(self.focal[1] + dy))
            return
        if key == Qt.Key.Key_Home:
            self.focal_moved.emit(0.5, 0.5)
            return
        super().keyPressEvent(event)


class CropView(QWidget):
    """Shows the crop a network will apply; click, drag or use the arrow keys to choose what stays."""

    focal_changed = Signal(float, float)

    def __init__(
        self,
        aspect_range: tuple[float, float] | None = None,
        parent: QWidget | None = None,
        *,
        network_label: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crop_view")
        self._network_label = network_label
        self.canvas = _Canvas()
        self.canvas.setObjectName("crop_canvas")
        self.canvas.aspect = aspect_range
        self.caption = QLabel()
        self.caption.setObjectName("crop_caption")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.caption)
        self.canvas.focal_moved.connect(self._on_focal_moved)
        self.retranslate()

    def set_image(
        self, pixmap: QPixmap, size: tuple[int, int] | None = None, focal: Focal = (0.5, 0.5)
    ) -> None:
        """`size` is the real picture's size (the pixmap may be a thumbnail); `focal` its saved focal point."""
        self.canvas.image_size = size or (pixmap.width(), pixmap.height())
        self.canvas.focal = (_clamp01(focal[0]), _clamp01(focal[1]))
        self.canvas.set_source(pixmap)
        self.retranslate()

    def set_aspect_range(self, aspect_range: tuple[float, float] | None, network_label: str = "") -> None:
        self.canvas.aspect = aspect_range
        self._network_label = network_label or self._network_label
        self.retranslate()
        self.canvas.update()

    def set_focal(self, focal: Focal) -> None:
        """Set the focal point without emitting (restoring a draft)."""
        self.canvas.focal = (_clamp01(focal[0]), _clamp01(focal[1]))
        self.canvas.update()

    def focal(self) -> Focal:
        return self.canvas.focal

    def crop_fraction(self) -> QRectF:
        """The kept part as fractions of the picture (0..1)."""
        return crop_box(self.canvas.image_size, self.canvas.aspect, self.canvas.focal)

    def is_cropped(self) -> bool:
        return self.crop_fraction() != QRectF(0, 0, 1, 1)

    def retranslate(self) -> None:
        network = self._network_label or self.tr("this network")
        if self.is_cropped():
            text = self.tr(
                "%1 will cut the picture to the bright frame. Click or drag on what matters most "
                "(arrow keys work too)."
            ).replace("%1", network)
        else:
            text = self.tr("The whole picture fits on %1: nothing will be cut.").replace("%1", network)
        self.caption.setText(text)
        self.canvas.setAccessibleName(self.tr("Crop preview: choose what stays in the frame"))
        self.canvas.setAccessibleDescription(text)
        self.canvas.setToolTip(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_focal_moved(self, x: float, y: float) -> None:
        if (x, y) == self.canvas.focal:
            return
        self.canvas.focal = (x, y)
        self.canvas.update()
        self.focal_changed.emit(x, y)
