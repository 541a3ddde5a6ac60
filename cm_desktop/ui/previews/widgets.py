"""Pieces every preview uses: the network's colours, the avatar, the action bar and the link card."""

from __future__ import annotations

import math
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTextDocument,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from cm_desktop.ui.colours import AVATAR_COLOURS, CAROUSEL_DOTS, INSTAGRAM_RING, MARK, PREVIEW_ACTIONS
from cm_desktop.ui.previews.icons import draw_icon
from cm_desktop.ui.previews.images import ImageGrid, PixmapCache, Source, single
from cm_desktop.ui.previews.model import LinkPreview, PreviewImage
from cm_desktop.ui.previews.richtext import escape
from cm_desktop.ui.theme import text_px


@dataclass(frozen=True)
class Colours:
    """A network's own colours for one scheme (light or dark), as CSS colour strings."""

    background: str
    text: str
    muted: str
    link: str
    border: str
    card: str  # link card and "surface" background
    tag: str = ""  # hashtags and mentions when they differ from links
    icon: str = ""

    @property
    def tag_colour(self) -> str:
        return self.tag or self.link

    @property
    def icon_colour(self) -> str:
        return self.icon or self.muted


def initials(name: str) -> str:
    words = [w for w in name.split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "?"


def label(rich: bool = True, wrap: bool = True) -> QLabel:
    widget = QLabel()
    widget.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    widget.setWordWrap(wrap)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if not wrap:
        # One-line headers clip instead of widening the preview (networks elide long names).
        widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        widget.setMinimumWidth(0)
    return widget


class TextBlock(QWidget):
    """Rich text in a QTextDocument laid out once per (text, width).

    QLabel lays its text out again on every heightForWidth call, and nested layouts ask several times per
    change: at 2,000 characters across six previews that alone took longer than a frame.
    """

    def __init__(self) -> None:
        super().__init__()
        self.doc = QTextDocument(self)
        self.doc.setDocumentMargin(0)
        self.doc.setUndoRedoEnabled(False)
        self.doc.setDefaultFont(self.font())
        self._html = ""
        self._heights: dict[int, int] = {}
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def text(self) -> str:
        return self._html

    def setText(self, html: str) -> None:
        if html == self._html:
            return
        self._html = html
        self.doc.setHtml(html)
        width = self.width()
        before = self._heights.get(width)
        self._heights.clear()
        self.setAccessibleName(self.doc.toPlainText())
        # Most keystrokes leave the height alone: then the preview and the panel need no new layout.
        if before is None or self.heightForWidth(width) != before:
            self.updateGeometry()
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.doc.setDefaultFont(self.font())
            self._heights.clear()
            self.updateGeometry()
        super().changeEvent(event)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            self.doc.setTextWidth(width)
            height = self._heights[width] = math.ceil(self.doc.size().height())
        return height

    def sizeHint(self) -> QSize:
        # At the current width, so a layout's own size hint reuses the height already laid out.
        width = self.width() if self.width() > 50 else 320
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(50, 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.doc.textWidth() != self.width():
            self.doc.setTextWidth(self.width())
        painter = QPainter(self)
        self.doc.drawContents(painter, QRectF(event.rect()))
        painter.end()


class Avatar(QWidget):
    """The picture, or the initials on a colour taken from the name (stable across runs)."""

    def __init__(
        self, cache: PixmapCache, size: int, corner: float | None = None, ring: bool = False
    ) -> None:
        super().__init__()
        self._cache, self._corner, self.ring = cache, corner, ring
        self._name = ""
        self._source: Source | None = None
        self.setFixedSize(size, size)

    def set_person(self, name: str, source: Source | None) -> None:
        if (name, source) != (self._name, self._source):
            self._name, self._source = name, source
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect())
        if self.ring:  # Instagram's story ring: a warm gradient around a white gap
            gradient = QLinearGradient(rect.bottomLeft(), rect.topRight())
            for stop, value in zip((0, 0.5, 1), INSTAGRAM_RING, strict=True):
                gradient.setColorAt(stop, QColor(value))
            painter.setPen(QPen(gradient, 2))
            painter.drawEllipse(rect.adjusted(1, 1, -1, -1))
            rect = rect.adjusted(4, 4, -4, -4)
        path = QPainterPath()
        if self._corner is None:
            path.addEllipse(rect)
        else:
            path.addRoundedRect(rect, self._corner, self._corner)
        painter.setClipPath(path)
        ratio = self.devicePixelRatioF()
        pixmap = None
        if self._source is not None:
            pixmap = self._cache.cover(
                self._source, QSize(round(rect.width() * ratio), round(rect.height() * ratio))
            )
        if pixmap is not None:
            pixmap.setDevicePixelRatio(ratio)
            painter.drawPixmap(rect.topLeft(), pixmap)
        else:
            colour = AVATAR_COLOURS[zlib.crc32(self._name.encode()) % len(AVATAR_COLOURS)]
            painter.fillPath(path, QColor(colour))
            font = QFont(self.font())
            font.setPixelSize(max(8, round(rect.height() * 0.38)))
            font.setWeight(QFont.Weight.DemiBold)
            painter.setFont(font)
            painter.setPen(QColor(MARK))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, initials(self._name))
        painter.end()


@dataclass(frozen=True)
class Action:
    icon: str
    text: str = ""


class ActionBar(QWidget):
    """Icons (and words on Facebook and LinkedIn) under the post, placed as the network places them.

    spread: equal slots, icon at the slot's start (X, Bluesky); equal: centred icon + word (Facebook,
    LinkedIn); left: icons packed at the start, `trailing` ones at the end (Instagram, Threads, Mastodon).
    """

    def __init__(self, mode: Literal["spread", "equal", "left"], height: int = 36, icon: int = 20) -> None:
        super().__init__()
        self.mode, self.icon_size = mode, icon
        self.items: list[Action] = []
        self.trailing: list[Action] = []
        self.dots: tuple[int, int] = (0, 0)  # Instagram carousel: (count, current)
        self.colour = QColor(PREVIEW_ACTIONS)
        self.dot_colours = (QColor(CAROUSEL_DOTS[0]), QColor(CAROUSEL_DOTS[1]))
        self.pixel_size = 14
        self.divider: QColor | None = None  # Facebook and LinkedIn draw a line above their actions
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def set_actions(self, actions: Sequence[Action], trailing: Sequence[Action] = ()) -> None:
        self.items, self.trailing = list(actions), list(trailing)
        self.setAccessibleName(", ".join(a.text for a in self.items if a.text))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPixelSize(text_px(self.pixel_size))
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        size, height = self.icon_size, self.height()
        if self.divider is not None:
            painter.setPen(QPen(self.divider, 1))
            painter.drawLine(0, 0, self.width(), 0)
        top = (height - size) / 2
        if self.mode == "left":
            x = 0.0
            for action in self.items:
                draw_icon(painter, action.icon, QRectF(x, top, size, size), self.colour)
                x += size + 16
            x = self.width() - size
            for action in reversed(self.trailing):
                draw_icon(painter, action.icon, QRectF(x, top, size, size), self.colour)
                x -= size + 16
        elif self.items:
            slot = self.width() / len(self.items)
            show_words = self._fit_words(painter, font, slot)
            metrics = painter.fontMetrics()
            for i, action in enumerate(self.items):
                if self.mode == "equal" and action.text and not show_words:
                    self._paint_stacked(painter, font, action, QRectF(i * slot, 0, slot, height))
                    continue
                words = metrics.horizontalAdvance(action.text) + 6 if action.text and show_words else 0
                if self.mode == "equal":
                    x = i * slot + (slot - size - words) / 2
                else:  # the last icon of a spread bar sits at the far end, as on X and Bluesky
                    x = self.width() - size if i == len(self.items) - 1 and i else i * slot
                draw_icon(painter, action.icon, QRectF(x, top, size, size), self.colour)
                if words:
                    painter.setPen(self.colour)
                    box = QRectF(x + size + 6, 0, words, height)
                    painter.drawText(
                        box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, action.text
                    )
        self._paint_dots(painter)
        painter.end()

    def _fit_words(self, painter: QPainter, font: QFont, slot: float) -> bool:
        """Smaller words when French ones do not fit their slot; icons alone when even those do not."""
        biggest = text_px(self.pixel_size)
        for size in (biggest, biggest - 1, biggest - 2):
            font.setPixelSize(size)
            painter.setFont(font)
            widest = max(painter.fontMetrics().horizontalAdvance(a.text) for a in self.items)
            if self.icon_size + 6 + widest <= slot - 8:
                return True
        return False

    def _paint_stacked(self, painter: QPainter, font: QFont, action: Action, slot: QRectF) -> None:
        """Icon over a small word, as LinkedIn's narrow layout does when the words do not fit beside it."""
        icon = 17.0
        draw_icon(painter, action.icon, QRectF(slot.center().x() - icon / 2, 2, icon, icon), self.colour)
        font.setPixelSize(text_px(11))
        painter.setFont(font)
        painter.setPen(self.colour)
        painter.drawText(
            slot.adjusted(0, icon + 3, 0, 0),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            action.text,
        )

    def _paint_dots(self, painter: QPainter) -> None:
        count, current = self.dots
        if count < 2:
            return
        step = 10
        x = (self.width() - step * (count - 1)) / 2
        painter.setPen(Qt.PenStyle.NoPen)
        for i in range(count):
            painter.setBrush(self.dot_colours[0] if i == current else self.dot_colours[1])
            painter.drawEllipse(QRectF(x + i * step - 3, self.height() / 2 - 3, 6, 6))


def domain(url: str) -> str:
    host = urlsplit(url if "://" in url else f"https://{url}").hostname or url
    return host[4:] if host.startswith("www.") else host


@dataclass(frozen=True)
class CardLook:
    ratio: float = 1.91
    radius: float = 0
    border: bool = True
    domain: Literal["above", "below", "none"] = "above"
    domain_upper: bool = False
    description: bool = True
    padding: int = 12
    title_on_image: bool = False  # X: the title sits on the picture, "From example.com" under the card
    title_px: int = 16


class LinkCard(QWidget):
    """The page's picture, domain, title and description, framed as the network frames them."""

    def __init__(self, cache: PixmapCache, look: CardLook) -> None:
        super().__init__()
        self.look = look
        self.colours: Colours | None = None
        self.link: LinkPreview | None = None
        ratio = look.ratio
        self.image = ImageGrid(cache, lambda sizes, width: single(width, ratio), radius=look.radius)
        self.image.round_bottom = look.title_on_image
        self.text = label()
        self.text.setContentsMargins(look.padding, look.padding - 2, look.padding, look.padding)
        layout = QVBoxLayout(self)
        inset = 1 if look.border and not look.title_on_image else 0  # keep the frame's line visible
        layout.setContentsMargins(inset, inset, inset, inset)
        layout.setSpacing(0)
        layout.addWidget(self.image)
        layout.addWidget(self.text)
        self.hide()

    def set_link(self, link: LinkPreview | None, colours: Colours) -> None:
        if (link, colours) == (self.link, self.colours):
            return
        self.link, self.colours = link, colours
        self.setVisible(link is not None)
        if link is None:
            return
        self.image.set_images((PreviewImage(link.image),) if link.image else ())
        overlay = self.look.title_on_image and link.image is not None
        self.image.caption = link.title if overlay else ""
        self.text.setText(self._html(link, colours, overlay))
        if overlay:
            self.text.setContentsMargins(0, 4, 0, 0)
        self.setAccessibleName(link.title or domain(link.url))
        self.update()

    def _html(self, link: LinkPreview, c: Colours, overlay: bool) -> str:
        host = domain(link.url)
        if overlay:
            return f'<span style="color:{c.muted}; font-size:{text_px(13)}px">{escape(host)}</span>'
        shown = host.upper() if self.look.domain_upper else host
        dom = f'<div style="color:{c.muted}; font-size:{text_px(13)}px">{escape(shown)}</div>'
        parts = [dom] if self.look.domain == "above" else []
        if link.title:
            size = text_px(self.look.title_px)
            parts.append(
                f'<div style="color:{c.text}; font-size:{size}px; font-weight:600">{escape(link.title)}</div>'
            )
        if link.description and self.look.description:
            short = (
                link.description if len(link.description) <= 140 else link.description[:139].rstrip() + "…"
            )
            parts.append(f'<div style="color:{c.muted}; font-size:{text_px(14)}px">{escape(short)}</div>')
        if self.look.domain == "below":
            parts.append(dom)
        return "".join(parts)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.colours is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        look = self.look
        framed = (
            QRectF(self.image.geometry())
            if look.title_on_image and self.image.isVisible()
            else QRectF(self.rect())
        )
        path = QPainterPath()
        path.addRoundedRect(framed.adjusted(0.5, 0.5, -0.5, -0.5), look.radius, look.radius)
        if not look.title_on_image:
            painter.fillPath(path, QColor(self.colours.card))
        if look.border:
            painter.setPen(QPen(QColor(self.colours.border), 1))
            painter.drawPath(path)
        painter.end()
