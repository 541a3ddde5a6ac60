"""Scaled pictures, cached by (source, size) so typing never decodes or rescales, and the grids networks use."""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Sequence

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QImageIOHandler,
    QImageReader,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from cm_desktop.ui.colours import MARK, PREVIEW_PLACEHOLDER, scrim
from cm_desktop.ui.previews.model import PreviewImage
from cm_desktop.ui.theme import text_px

Source = str | QImage
# (source sizes, width) -> (tile rectangles, total height); fewer tiles than images means "+N" on the last
Layout = Callable[[Sequence[QSize], int], tuple[list[QRect], int]]


def _key(source: Source) -> str:
    return source if isinstance(source, str) else f"qimage:{source.cacheKey()}"


class PixmapCache:
    """Least recently used pixmaps, cropped to fill a tile, within a byte budget."""

    def __init__(self, budget_bytes: int = 96 * 1024 * 1024) -> None:
        self.budget = budget_bytes
        self.hits = 0
        self.misses = 0  # each miss is one decode + scale: the number tests watch
        self._pixmaps: OrderedDict[tuple[str, int, int], QPixmap] = OrderedDict()
        self._sizes: dict[str, QSize] = {}
        self._bytes = 0

    def source_size(self, source: Source) -> QSize:
        """The upright size of a picture (EXIF rotation applied); an invalid QSize when unreadable."""
        key = _key(source)
        if key not in self._sizes:
            if isinstance(source, QImage):
                self._sizes[key] = source.size()
            else:
                reader = QImageReader(source)
                reader.setAutoTransform(True)
                size = reader.size()
                if reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90:
                    size = size.transposed()
                self._sizes[key] = size
        return self._sizes[key]

    def cover(self, source: Source, size: QSize) -> QPixmap | None:
        """The picture scaled to fill `size` (device pixels), centred and cropped; None when unreadable."""
        if size.isEmpty():
            return None
        key = (_key(source), size.width(), size.height())
        found = self._pixmaps.get(key)
        if found is not None:
            self.hits += 1
            self._pixmaps.move_to_end(key)
            return found
        self.misses += 1
        image = self._load(source, size)
        if image.isNull():
            return None
        scaled = image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatioByExpanding, Qt.TransformationMode.SmoothTransformation
        )
        x = (scaled.width() - size.width()) // 2
        y = (scaled.height() - size.height()) // 2
        pixmap = QPixmap.fromImage(scaled.copy(x, y, size.width(), size.height()))
        self._store(key, pixmap)
        return pixmap

    def _load(self, source: Source, target: QSize) -> QImage:
        if isinstance(source, QImage):
            return source
        reader = QImageReader(source)
        reader.setAutoTransform(True)
        full = reader.size()
        rotated = bool(reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90)
        if full.isValid() and not rotated:
            # Decoding at about twice the tile size is much faster for large JPEGs and still sharp.
            factor = max(target.width() / full.width(), target.height() / full.height()) * 2
            if factor < 1:
                reader.setScaledSize(
                    QSize(math.ceil(full.width() * factor), math.ceil(full.height() * factor))
                )
        return reader.read()

    def _store(self, key: tuple[str, int, int], pixmap: QPixmap) -> None:
        self._pixmaps[key] = pixmap
        self._bytes += pixmap.width() * pixmap.height() * 4
        while self._bytes > self.budget and len(self._pixmaps) > 1:
            _, old = self._pixmaps.popitem(last=False)
            self._bytes -= old.width() * old.height() * 4


# --- layouts: each returns tile rectangles inside (0, 0, width, height) -------------------------------------


def aspect(size: QSize, low: float, high: float) -> float:
    """Width / height of a picture, clamped to what the network shows (unknown pictures are square)."""
    ratio = size.width() / size.height() if size.isValid() and size.height() > 0 else 1.0
    return min(max(ratio, low), high)


def single(width: int, ratio: float) -> tuple[list[QRect], int]:
    height = round(width / ratio)
    return [QRect(0, 0, width, height)], height


def row(width: int, height: int, count: int, gap: int, top: int = 0) -> list[QRect]:
    """`count` equal tiles side by side; the last one takes the rounding remainder."""
    tile = (width - gap * (count - 1)) / count
    rects = []
    for i in range(count):
        left = round(i * (tile + gap))
        right = width if i == count - 1 else round(i * (tile + gap) + tile)
        rects.append(QRect(left, top, right - left, height))
    return rects


def column(x: int, width: int, height: int, count: int, gap: int) -> list[QRect]:
    return [QRect(r.y(), r.x(), r.height(), r.width()) for r in row(height, width, count, gap, top=x)]


def tall_left(width: int, height: int, gap: int) -> list[QRect]:
    """Three pictures: one tall on the left, two stacked on the right (X, Mastodon, Bluesky)."""
    half = (width - gap) // 2
    return [QRect(0, 0, half, height), *column(half + gap, width - half - gap, height, 2, gap)]


def big_top(width: int, height: int, top_share: float, below: int, gap: int) -> list[QRect]:
    """One wide picture on top and `below` pictures in a row under it (Facebook, LinkedIn)."""
    top = round((height - gap) * top_share)
    return [QRect(0, 0, width, top), *row(width, height - top - gap, below, gap, top=top + gap)]


def grid_2x2(width: int, height: int, gap: int) -> list[QRect]:
    upper = (height - gap) // 2
    return [*row(width, upper, 2, gap), *row(width, height - upper - gap, 2, gap, top=upper + gap)]


# --- the widget ------------------------------------------------------------------------------------------


class ImageGrid(QWidget):
    """Paints the tiles itself: one widget per grid, pixmaps from the cache, nothing rebuilt on a keystroke."""

    def __init__(
        self,
        cache: PixmapCache,
        layout: Layout,
        *,
        radius: float = 0,
        tile_radius: float = 0,
        alt_badge: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._cache, self._layout = cache, layout
        self.radius, self.tile_radius, self.alt_badge = radius, tile_radius, alt_badge
        self.round_bottom = True
        self.placeholder = QColor(PREVIEW_PLACEHOLDER)
        self.caption = ""  # X's link card: the page title on the picture
        self._images: tuple[PreviewImage, ...] = ()
        self._sizes: list[QSize] = []
        self._laid: tuple[int, list[QRect], int] | None = None
        sp = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)
        self.hide()

    @property
    def images(self) -> tuple[PreviewImage, ...]:
        return self._images

    def set_images(self, images: tuple[PreviewImage, ...]) -> None:
        if images == self._images:
            return  # the common case while typing: nothing to measure, scale or repaint
        self._images = images
        self._sizes = [self._cache.source_size(i.path) for i in images]
        self._laid = None
        self.setAccessibleDescription("\n".join(i.alt for i in images if i.alt))
        self.setVisible(bool(images))
        self.updateGeometry()
        self.update()

    def tiles(self, width: int | None = None) -> list[QRect]:
        return self._lay(self.width() if width is None else width)[1]

    def _lay(self, width: int) -> tuple[int, list[QRect], int]:
        if self._laid is None or self._laid[0] != width:
            rects, height = self._layout(self._sizes, width) if self._images else ([], 0)
            self._laid = (width, rects, height)
        return self._laid

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._lay(width)[2]

    def sizeHint(self) -> QSize:
        # At the current width: a layout asks for heights at its sizeHint width too, and that is then cached.
        width = self.width() if self.width() > 50 else 320
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._images:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _, rects, height = self._lay(self.width())
        if self.radius:
            painter.setClipPath(self._outline(QRectF(0, 0, self.width(), height)))
        ratio = self.devicePixelRatioF()
        for index, rect in enumerate(rects):
            self._paint_tile(painter, index, rect, ratio)
        extra = len(self._images) - len(rects)
        if extra > 0 and rects:
            self._paint_more(painter, rects[-1], extra)
        if self.caption and rects:
            self._paint_caption(painter, rects[0])
        painter.end()

    def _outline(self, rect: QRectF) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(rect, self.radius, self.radius)
        if not self.round_bottom:
            square = QPainterPath()
            square.addRect(rect.adjusted(0, rect.height() / 2, 0, 0))
            path = path.united(square)
        return path

    def _paint_tile(self, painter: QPainter, index: int, rect: QRect, ratio: float) -> None:
        painter.save()
        if self.tile_radius:
            path = QPainterPath()
            path.addRoundedRect(QRectF(rect), self.tile_radius, self.tile_radius)
            painter.setClipPath(path, Qt.ClipOperation.IntersectClip)
        device = QSize(round(rect.width() * ratio), round(rect.height() * ratio))
        pixmap = self._cache.cover(self._images[index].path, device)
        if pixmap is None:
            painter.fillRect(rect, self.placeholder)
        else:
            pixmap.setDevicePixelRatio(ratio)
            painter.drawPixmap(rect.topLeft(), pixmap)
        if self.alt_badge and self._images[index].alt:
            self._badge(painter, rect.bottomLeft().x() + 8, rect.bottom() - 8, "ALT")
        painter.restore()

    def _badge(self, painter: QPainter, left: int, bottom: int, text: str) -> None:
        font = QFont(self.font())
        font.setPixelSize(text_px(11))
        font.setWeight(QFont.Weight.Bold)
        painter.setFont(font)
        width = painter.fontMetrics().horizontalAdvance(text) + 10
        box = QRectF(left, bottom - 18, width, 18)
        path = QPainterPath()
        path.addRoundedRect(box, 4, 4)
        painter.fillPath(path, scrim(190))
        painter.setPen(QColor(MARK))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_caption(self, painter: QPainter, rect: QRect) -> None:
        font = QFont(self.font())
        font.setPixelSize(text_px(13))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        text = metrics.elidedText(self.caption, Qt.TextElideMode.ElideRight, rect.width() - 40)
        box = QRectF(rect.left() + 12, rect.bottom() - 32, metrics.horizontalAdvance(text) + 12, 22)
        path = QPainterPath()
        path.addRoundedRect(box, 4, 4)
        painter.fillPath(path, scrim(150))
        painter.setPen(QColor(MARK))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_more(self, painter: QPainter, rect: QRect, extra: int) -> None:
        painter.fillRect(rect, scrim(110))
        font = QFont(self.font())
        font.setPixelSize(max(18, rect.height() // 4))
        font.setWeight(QFont.Weight.Bold)
        painter.setFont(font)
        painter.setPen(QColor(MARK))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"+{extra}")
