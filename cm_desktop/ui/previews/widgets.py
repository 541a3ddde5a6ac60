"""Pieces every preview uses: the network's colours, the avatar, the action bar and the link card."""

from __future__ import annotations

import math
import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from cm_desktop.ui.colours import AVATAR_COLOURS, CAROUSEL_DOTS, INSTAGRAM_RING, MARK, PREVIEW_ACTIONS
from cm_desktop.ui.previews.icons import draw_icon
from cm_desktop.ui.previews.images import ImageGrid, PixmapCache, Source, single
from cm_desktop.ui.previews.model import LinkPreview, PreviewImage
from cm_desktop.ui.previews.richtext import Piece, escape
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


def _common_prefix(a: str, b: str) -> int:
    """Length of the common start of two strings, by halving (slice comparisons run in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _utf16(text: str) -> int:
    # QTextDocument positions count UTF-16 units: an emoji outside the BMP takes two.
    return len(text.encode("utf-16-le")) // 2


def _direction(text: str) -> Qt.LayoutDirection:
    """The whole text's direction, as Qt finds a block's: its first strong character, else left to right.

    Each line is a block of its own; giving them all the direction the single paragraph had keeps an
    Arabic line in a French post aligned as before."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
    return Qt.LayoutDirection.LeftToRight


class _Formats:
    """Character formats exactly as QTextDocument.setHtml makes them, read once from a small document.

    Each format gets an id (one character, so a whole text's formats compare as one string)."""

    def __init__(self) -> None:
        self.formats: list[QTextCharFormat] = []
        self._ids: dict[tuple[str, str, int], int] = {}
        self._fragments: dict[tuple[str, str], tuple[tuple[str, int], ...]] = {}
        self._blocks: dict[str, tuple[QTextBlockFormat, int]] = {}

    def _id(self, key: tuple[str, str, int], fmt: QTextCharFormat) -> int:
        found = self._ids.get(key)
        if found is None:
            found = self._ids[key] = len(self.formats) + 0x100
            self.formats.append(fmt)
        return found

    def fragments(self, wrapper: str, html: str) -> tuple[tuple[str, int], ...]:
        """(text, format id) runs of an HTML fragment inside the body's wrapper."""
        found = self._fragments.get((wrapper, html))
        if found is None:
            doc = QTextDocument()
            doc.setHtml(f'<div style="{wrapper}">{html}</div>')
            runs: list[tuple[str, int]] = []
            block = doc.begin()
            while block.isValid():
                if runs:
                    runs.append(("\n", self.base(wrapper)))
                it = block.begin()
                while not it.atEnd():
                    fragment = it.fragment()
                    runs.append(
                        (fragment.text(), self._id((wrapper, html, len(runs)), fragment.charFormat()))
                    )
                    it += 1
                block = block.next()
            found = self._fragments[(wrapper, html)] = tuple(runs)
        return found

    def text(self, wrapper: str, css: str) -> int:
        """The format id of the person's text styled by `css` inside the wrapper."""
        html = f'<span style="{css}">x</span>' if css else "x"
        return self.fragments(wrapper, html)[0][1]

    def base(self, wrapper: str) -> int:
        return self.block(wrapper)[1]

    def block(self, wrapper: str) -> tuple[QTextBlockFormat, int]:
        """The wrapper's block format and the char format of its line breaks."""
        found = self._blocks.get(wrapper)
        if found is None:
            doc = QTextDocument()
            doc.setHtml(f'<div style="{wrapper}">x</div>')
            block = doc.begin()
            fmt = block.begin().fragment().charFormat()
            found = self._blocks[wrapper] = (block.blockFormat(), self._id((wrapper, "", -1), fmt))
        return found


FORMATS = _Formats()


class TextBlock(QWidget):
    """Rich text in a QTextDocument laid out once per (text, width), changed in place on a keystroke.

    QLabel lays its text out again on every heightForWidth call, and nested layouts ask several times per
    change: at 2,000 characters across six previews that alone took longer than a frame. Here each line is a
    block and `set_pieces` replaces only the characters that differ, so Qt lays out again only the changed
    line, and the widget repaints only that line unless the height changed.
    """

    def __init__(self) -> None:
        super().__init__()
        self.doc = QTextDocument(self)
        self.doc.setDocumentMargin(0)
        self.doc.setUndoRedoEnabled(False)
        self.doc.setDefaultFont(self.font())
        self._html = ""
        self._heights: dict[int, int] = {}
        # What the document holds: its text ("\n" between blocks), one format id per character, the
        # wrapper's style and the direction every block is given.
        self._plain = ""
        self._ids = ""
        self._wrapper = ""
        self._dir = Qt.LayoutDirection.LayoutDirectionAuto
        self._measure: QTextDocument | None = None  # the same text, for heights at other widths
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        # Text starts at the top: a taller or shorter body repaints only the strip that changed (set_pieces
        # asks for the lines that moved); a new width re-wraps everything (resizeEvent).
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)

    def text(self) -> str:
        return self._html

    def set_pieces(self, html: str, wrapper: str, pieces: Sequence[Piece]) -> None:
        """Show `html` (`<div style="wrapper">` around the pieces' HTML) by changing only what differs."""
        if html == self._html:
            return
        self._html = html
        self._measure = None
        plain, ids = self._flatten(wrapper, pieces)
        direction = _direction(plain)
        width = self.width()
        before = self._heights.get(width)
        if wrapper != self._wrapper or direction != self._dir:
            # Another theme or direction: every block changes, build the document again.
            self._plain, self._ids, self._wrapper, self._dir = plain, ids, wrapper, direction
            self._fill(self.doc)
            start, new_end = 0, len(plain)
        else:
            start = min(_common_prefix(self._plain, plain), _common_prefix(self._ids, ids))
            room = min(len(plain), len(self._plain)) - start
            same_end = min(
                _common_prefix(self._plain[::-1], plain[::-1]),
                _common_prefix(self._ids[::-1], ids[::-1]),
                room,
            )
            old_end, new_end = len(self._plain) - same_end, len(plain) - same_end
            cursor = QTextCursor(self.doc)
            cursor.beginEditBlock()
            position = _utf16(plain[:start])
            cursor.setPosition(position)
            if old_end > start:
                cursor.setPosition(
                    position + _utf16(self._plain[start:old_end]), QTextCursor.MoveMode.KeepAnchor
                )
                cursor.removeSelectedText()
            self._insert(cursor, plain[start:new_end], ids[start:new_end])
            cursor.endEditBlock()
            self._plain, self._ids = plain, ids
        self.setAccessibleName(self.doc.toPlainText())
        # Laid out at this width already: Qt has laid out only the changed blocks again, the height is known.
        self._heights = {width: math.ceil(self.doc.size().height())} if self.doc.textWidth() == width else {}
        # Most keystrokes leave the height alone: then the preview and the panel need no new layout. Either way
        # only the changed lines, and those below them when the height changed, need painting again.
        if before is None or self.doc.textWidth() != width:
            self.updateGeometry()
            self.update()
            return
        layout = self.doc.documentLayout()
        top = math.floor(layout.blockBoundingRect(self.doc.findBlock(_utf16(plain[:start]))).top())
        height = self.heightForWidth(width)
        if height != before:
            self.updateGeometry()
            bottom = max(height, before, self.height())
        else:
            bottom = (
                math.ceil(layout.blockBoundingRect(self.doc.findBlock(_utf16(plain[:new_end]))).bottom()) + 1
            )
        self.update(QRect(0, top, width, bottom - top))

    def _fill(self, doc: QTextDocument) -> None:
        """Build `doc` from nothing with the text and formats this block holds."""
        doc.clear()
        block_format, base = FORMATS.block(self._wrapper)
        block_format = QTextBlockFormat(block_format)
        block_format.setLayoutDirection(self._dir)
        cursor = QTextCursor(doc)
        cursor.beginEditBlock()
        cursor.setBlockFormat(block_format)
        cursor.setBlockCharFormat(FORMATS.formats[base - 0x100])
        self._insert(cursor, self._plain, self._ids)
        cursor.endEditBlock()

    @staticmethod
    def _insert(cursor: QTextCursor, plain: str, ids: str) -> None:
        for run in re.finditer(r"(.)\1*", ids, re.DOTALL):
            cursor.insertText(plain[run.start() : run.end()], FORMATS.formats[ord(run.group(1)) - 0x100])

    @staticmethod
    def _flatten(wrapper: str, pieces: Sequence[Piece]) -> tuple[str, str]:
        """The document's text and one format id per character; line breaks take the wrapper's format."""
        base = chr(FORMATS.base(wrapper))
        texts: list[str] = []
        ids: list[str] = []
        for piece in pieces:
            runs = (
                FORMATS.fragments(wrapper, piece.text)
                if piece.html
                else ((piece.text, FORMATS.text(wrapper, piece.css)),)
            )
            for text, fid in runs:
                mark = chr(fid)
                lines = text.split("\n") if mark != base else (text,)
                for i, line in enumerate(lines):
                    if i:
                        texts.append("\n")
                        ids.append(base)
                    texts.append(line)
                    ids.append(mark * len(line))
        return "".join(texts), "".join(ids)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.doc.setDefaultFont(self.font())
            self._measure = None
            self._heights.clear()
            self.updateGeometry()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        if event.size().width() != event.oldSize().width():
            self.update()
        super().resizeEvent(event)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            doc = self.doc
            if width != self.width() and self.width() > 50:
                # Layouts also ask at other widths (size hints, a pass before a resize): measure those on a
                # copy, so the document stays laid out at the shown width and a keystroke re-lays-out one line.
                # (QTextDocument.clone loses the format of empty lines: their height would be wrong.)
                if self._measure is None:
                    self._measure = QTextDocument()
                    self._measure.setDocumentMargin(0)
                    self._measure.setUndoRedoEnabled(False)
                    self._measure.setDefaultFont(self.doc.defaultFont())
                    self._fill(self._measure)
                doc = self._measure
            doc.setTextWidth(width)
            height = math.ceil(doc.size().height())
            self._heights[width] = height
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
