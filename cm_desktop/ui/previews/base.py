"""What every network's preview shares: the model in, the widgets, and one render path per part.

A keystroke changes only the text: `set_model` then re-renders the body label and nothing else (the
image grid compares its images and returns; pixmaps come from the shared cache).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import timedelta
from typing import ClassVar, Literal

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLayout, QSizePolicy, QVBoxLayout, QWidget

from cm_desktop.core import rules
from cm_desktop.core.rules.counting import feed_cut_index
from cm_desktop.core.rules.text import nfc
from cm_desktop.ui.previews.images import ImageGrid, PixmapCache
from cm_desktop.ui.previews.model import PreviewImage, PreviewModel
from cm_desktop.ui.previews.richtext import Styles, body_html, escape, prepare
from cm_desktop.ui.previews.widgets import (
    Action,
    ActionBar,
    Avatar,
    CardLook,
    Colours,
    LinkCard,
    TextBlock,
    label,
)
from cm_desktop.ui.theme import is_dark, text_px

# Strings use QCoreApplication.translate with the literal "Previews" context rather than self.tr: the shared
# base renders them for nine subclasses, and lupdate files self.tr under the class it is written in.


def relative_time(age: timedelta) -> str:
    minutes = int(age.total_seconds() // 60)
    if minutes < 1:
        return QCoreApplication.translate("Previews", "Just now")
    if minutes < 60:
        return QCoreApplication.translate("Previews", "%1 min").replace("%1", str(minutes))
    if minutes < 24 * 60:
        return QCoreApplication.translate("Previews", "%1 h").replace("%1", str(minutes // 60))
    return QCoreApplication.translate("Previews", "%1 d").replace("%1", str(minutes // (24 * 60)))


def at(handle: str) -> str:
    return "@" + handle.lstrip("@") if handle else ""


BREAK_AFTER = "@._-/"
ZERO_WIDTH_SPACE = "\u200b"


def breakable(text: str) -> str:
    """A long handle ("@atelier-lune.bsky.social") may wrap after its dots and dashes in a narrow preview
    rather than be cut; what is read and copied is unchanged (the break is invisible)."""
    words = []
    for word in text.split(" "):
        if len(word) > 12:
            word = "".join(ch + ZERO_WIDTH_SPACE if ch in BREAK_AFTER else ch for ch in word)
        words.append(word)
    return " ".join(words)


def span(text: str, colour: str, px: int, weight: int = 400) -> str:
    """User text (names, handles) in a styled span: escaped here, so callers never forget."""
    size = text_px(px)
    return f'<span style="color:{colour}; font-size:{size}px; font-weight:{weight}">{escape(breakable(text))}</span>'


class PostPreview(QFrame):
    network: ClassVar[str] = ""
    title: ClassVar[str] = ""  # the network's name, never translated
    light: ClassVar[Colours]
    dark: ClassVar[Colours]
    body_px: ClassVar[int] = 15
    avatar_size: ClassVar[int] = 40
    avatar_corner: ClassVar[float | None] = None  # None: round
    max_images: ClassVar[int] = 4
    grid_radius: ClassVar[float] = 0
    tile_radius: ClassVar[float] = 0
    alt_badge: ClassVar[bool] = False
    card_look: ClassVar[CardLook | None] = CardLook()  # None: the network shows no link card
    action_mode: ClassVar[Literal["spread", "equal", "left"]] = "spread"
    padding: ClassVar[int] = 12
    frame_radius: ClassVar[float] = 8

    def __init__(self, cache: PixmapCache | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"preview_{self.network}")
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self.cache = cache or PixmapCache()
        self.model: PreviewModel | None = None
        self.cut_at: int | None = None
        self.body_source = ""
        self._dark: bool | None = None
        self.avatar = Avatar(
            self.cache, self.avatar_size, self.avatar_corner, ring=self.network == "instagram"
        )
        self.header = label()  # wraps when narrow (a large font, 200 %): never cut in the middle of a name
        self.aside = label(wrap=False)  # Mastodon's time, on the right of the header
        self.aside.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.aside.hide()
        self.body = TextBlock()
        self.grid = ImageGrid(
            self.cache,
            self.image_layout,
            radius=self.grid_radius,
            tile_radius=self.tile_radius,
            alt_badge=self.alt_badge,
        )
        self.card = LinkCard(self.cache, self.card_look or CardLook())
        self.action_bar = ActionBar(self.action_mode)
        for child in (self.avatar, self.header, self.aside, self.body, self.grid, self.card, self.action_bar):
            child.setParent(self)  # parts a network leaves out of its layout stay hidden children
        self.arrange()
        self.retranslate()

    # --- what each network decides ---------------------------------------------------------------------

    def arrange(self) -> None:
        """Header row, text, pictures, link card and actions, inside the padding (Mastodon's order)."""
        self.stack([self.header_row(), self.body, self.grid, self.card, self.action_bar])

    def image_layout(self, sizes: Sequence[QSize], width: int) -> tuple[list[QRect], int]:
        raise NotImplementedError

    def header_html(self, model: PreviewModel, c: Colours) -> str:
        raise NotImplementedError

    def styles(self, c: Colours) -> Styles:
        tag = f"color:{c.tag_colour}"
        return {"url": f"color:{c.link}", "hashtag": tag, "mention": tag, "cashtag": tag}

    def more_html(self, c: Colours) -> str:
        return ""

    def display_url(self, url: str) -> str:
        return url

    def body_prefix(self, model: PreviewModel, c: Colours) -> str:
        return ""

    def action_items(self) -> tuple[list[Action], list[Action]]:
        return [], []

    def shown_images(self, model: PreviewModel) -> tuple[PreviewImage, ...]:
        return model.images[: self.max_images]

    def card_shown(self, model: PreviewModel) -> bool:
        # Networks that build link cards drop them as soon as pictures are attached.
        return self.card_look is not None and model.link is not None and not model.images

    def aside_html(self, model: PreviewModel, c: Colours) -> str:
        return ""

    def render_extra(self, model: PreviewModel, c: Colours) -> None:
        """Anything else a network shows (Instagram's dots, Google's button)."""

    # --- layout helpers ----------------------------------------------------------------------------------

    def header_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.header, 1)
        return row

    def stack(
        self, items: Sequence[QWidget | QLayout], bleed: Sequence[QWidget] = (), spacing: int = 10
    ) -> None:
        """Items top to bottom inside the padding; those in `bleed` run edge to edge (Facebook's photos)."""
        outer = QVBoxLayout(self)
        p = self.padding
        outer.setContentsMargins(1, p, 1, p if self.action_bar not in items else 2)
        outer.setSpacing(spacing)
        for item in items:
            box = QVBoxLayout()
            box.setContentsMargins(0 if item in bleed else p - 1, 0, 0 if item in bleed else p - 1, 0)
            if isinstance(item, QWidget):
                box.addWidget(item)
            else:
                box.addLayout(item)
            outer.addLayout(box)

    def column(self, items: Sequence[QWidget | QLayout]) -> None:
        """The avatar in its own column, everything else beside it (X, Bluesky, Threads)."""
        outer = QHBoxLayout(self)
        p = self.padding
        outer.setContentsMargins(p, p, p, 2)
        outer.setSpacing(10)
        outer.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignTop)
        right = QVBoxLayout()
        right.setSpacing(6)
        for item in items:
            if isinstance(item, QWidget):
                right.addWidget(item)
            else:
                right.addLayout(item)
        outer.addLayout(right, 1)

    # --- rendering ---------------------------------------------------------------------------------------

    def colours(self) -> Colours:
        return self.dark if self.is_dark() else self.light

    def is_dark(self) -> bool:
        return is_dark(self.palette())

    def set_model(self, model: PreviewModel) -> None:
        old, self.model = self.model, model
        if old is None:
            self.render_all()
            return
        if model == old:
            return
        c = self.colours()
        if (old.text, old.feed_cut, old.author, old.handle) != (
            model.text,
            model.feed_cut,
            model.author,
            model.handle,
        ):
            self.render_text(model, c)
        if (old.author, old.handle, old.avatar, old.age) != (
            model.author,
            model.handle,
            model.avatar,
            model.age,
        ):
            self.render_header(model, c)
        self.render_media(model, c)
        self.render_extra(model, c)

    def render_all(self) -> None:
        if self.model is None:
            return
        c = self.colours()
        self._dark = self.is_dark()
        self.grid.placeholder = QColor(c.card)
        self.action_bar.colour = QColor(c.icon_colour)
        self.action_bar.divider = QColor(c.border) if self.action_mode == "equal" else None
        items = self.action_items()
        self.action_bar.set_actions(*items)
        self.action_bar.setVisible(bool(items[0] or items[1]))
        self.card.colours = None  # force the card to re-style
        self.render_header(self.model, c)
        self.render_text(self.model, c)
        self.render_media(self.model, c)
        self.render_extra(self.model, c)
        self.update()

    def render_header(self, model: PreviewModel, c: Colours) -> None:
        self.avatar.set_person(model.author, model.avatar)
        self.header.setText(self.header_html(model, c))
        self.aside.setText(self.aside_html(model, c))

    def render_text(self, model: PreviewModel, c: Colours) -> None:
        text = nfc(prepare(model.text))
        if model.feed_cut is not None:
            cut = feed_cut_index(text, model.feed_cut)
        else:
            cut = rules.feed_cut(self.network, text)
        found = rules.entities(self.network, text) if text else []
        body = body_html(
            text,
            found,
            self.styles(c),
            cut=cut,
            more_html=self.more_html(c),
            display_url=self.display_url,
            prefix_html=self.body_prefix(model, c),
        )
        self.cut_at = body.cut_at
        self.body_source = body.html
        # The post's words follow the system's font size (DESIGN.md), as the rest of the app.
        wrapper = f"white-space:pre-wrap; color:{c.text}; font-size:{text_px(self.body_px)}px"
        self.body.set_pieces(f'<div style="{wrapper}">{body.html}</div>', wrapper, body.pieces)
        self.body.setVisible(bool(body.html))
        if self.isVisible() and not self.isWindow() and self.body.isVisible():
            self.fit_text_height()

    def fit_text_height(self) -> None:
        """Take the body's new height at once, so the layout runs once at the right height.

        Left to the layouts, the preview first lays out again at its old height (the header absorbed the
        difference and the text moved), then once more when the panel resized it: two layouts and two
        repaints of the whole preview per keystroke that changed the text's height."""
        body, top = self.body, self.layout()
        if top is None or body.heightForWidth(body.width()) == body.height():
            return
        layouts = [top]
        while layouts:  # nested layouts keep their heights for a width until invalidated
            layout = layouts.pop()
            layout.invalidate()
            for i in range(layout.count()):
                item = layout.itemAt(i)
                inner = item.layout() if item is not None else None
                if inner is not None:
                    layouts.append(inner)
        self.resize(self.width(), self.heightForWidth(self.width()))

    def render_media(self, model: PreviewModel, c: Colours) -> None:
        self.grid.set_images(self.shown_images(model))
        self.card.set_link(model.link if self.card_shown(model) else None, c)

    def shown_text(self) -> str:
        """The body as the person reads it (plain text), for tests and accessibility checks."""
        return self.body.doc.toPlainText()

    def retranslate(self) -> None:
        self.setAccessibleName(
            QCoreApplication.translate("Previews", "Preview on %1").replace("%1", self.title)
        )
        self.render_all()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif (
            event.type() == QEvent.Type.PaletteChange
            and self._dark is not None
            and self._dark != self.is_dark()
        ):
            self.render_all()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Static contents (set in __init__): a text a line taller repaints the frame's bottom, not the preview.
        old, new = event.oldSize(), event.size()
        if old.width() != new.width() or old.height() < 0:
            self.update()
        elif old.height() != new.height():
            top = min(old.height(), new.height()) - math.ceil(self.frame_radius) - 2
            self.update(QRect(0, top, new.width(), max(old.height(), new.height()) - top))
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        c = self.colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(
            QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), self.frame_radius, self.frame_radius
        )
        painter.fillPath(path, QColor(c.background))
        painter.setPen(QPen(QColor(c.border), 1))
        painter.drawPath(path)
        painter.end()
