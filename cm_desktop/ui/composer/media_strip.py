"""The pictures of a post: add (button, drop, paste), reorder, describe and remove, shown as thumbnails.

Files are copied into our media folder by core.media.import_original on the task runner; a "Preparing…" tile
holds the place meanwhile, so the order is the order in which the person added them.
"""

from __future__ import annotations

import functools
import itertools
import logging
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core.i18n import Lang, normalise_lang
from cm_desktop.core.media.errors import MediaError
from cm_desktop.ui.colours import MARK, Role, colour, scrim, tint
from cm_desktop.ui.composer.alt_text import DEFAULT_ALT_LIMIT, AltTextDialog, alt_limit
from cm_desktop.ui.plain_text import plain_tooltip
from cm_desktop.ui.reflow import FlowRow
from cm_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

DEFAULT_MAX_ITEMS = 10
THUMB = 112  # thumbnail box, logical pixels
TILE = QSize(THUMB + 16, THUMB + 44)  # room for the margin and the description badge
EMPTY_HEIGHT = 64
# What we offer in the file dialog and accept on drop; import_original still checks the bytes.
IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".webp", ".gif", ".bmp", ".tif", ".tiff", ".heic", ".heif", ".avif"}
)

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # MediaItem, or None while preparing
TOKEN_ROLE = Qt.ItemDataRole.UserRole + 2  # int: which background job fills this tile
THUMB_ROLE = Qt.ItemDataRole.UserRole + 3  # QPixmap scaled once for the tile

FileChooser = Callable[[QWidget], list[Path]]


@dataclass(frozen=True)
class MediaItem:
    """One picture of the post, as stored in a draft."""

    path: Path
    sha256: str
    width: int
    height: int
    alt: str = ""
    focal: tuple[float, float] = (0.5, 0.5)


@dataclass(frozen=True)
class _Imported:
    path: Path
    sha256: str
    width: int
    height: int
    thumbnail: QImage


def _thumbnail(path: Path) -> QImage:
    """A small upright picture, decoded by the same safe decoder as publishing (a damaged file fails here)."""
    # Pillow is imported with the first picture (on the task runner), not with the composer.
    from PIL import Image

    from cm_desktop.core.media.decode import decode, open_lazy, quiet_pillow

    box = THUMB * 2  # enough for 2x screens; the GUI scales it once to the real ratio
    with quiet_pillow(), open_lazy(path) as im:
        clean = decode(im, draft_size=(box, box))
    clean.thumbnail((box, box), Image.Resampling.LANCZOS)
    rgba = clean.convert("RGBA")
    data = rgba.tobytes()
    image = QImage(data, rgba.width, rgba.height, rgba.width * 4, QImage.Format.Format_RGBA8888)
    return image.copy()  # own the pixels: `data` is freed when this function returns


def _import_file(source: Path, media_dir: Path) -> _Imported:
    from cm_desktop.core.media import import_original, inspect

    path, sha256 = import_original(source, media_dir)
    facts = inspect(path)
    return _Imported(path, sha256, facts.width, facts.height, _thumbnail(path))


def _import_image(image: QImage, media_dir: Path) -> _Imported:
    """A pasted picture: saved as PNG (lossless) next to the originals, then imported like a file."""
    media_dir.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".paste-", suffix=".png", dir=media_dir)
    os.close(fd)
    temporary = Path(name)
    try:
        if not image.save(str(temporary)):  # the format follows the .png suffix
            raise MediaError("cannot encode the pasted picture as PNG")
        return _import_file(temporary, media_dir)
    finally:
        temporary.unlink(missing_ok=True)


def is_image_path(path: Path) -> bool:
    return path.suffix.lower() in IMAGE_SUFFIXES


def _current_lang() -> Lang:
    # Translations.apply() sets the default locale with the language: the same choice as the interface.
    return normalise_lang(QLocale().name())


class _TileDelegate(QStyledItemDelegate):
    """Paints a tile from cached data only: the thumbnail pixmap is never rescaled while painting."""

    remove_clicked = Signal(int)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return TILE

    @staticmethod
    def thumb_rect(tile: QRect) -> QRect:
        return QRect(tile.x() + 8, tile.y() + 8, THUMB, THUMB)

    @staticmethod
    def picture_rect(tile: QRect, pixmap: QPixmap | None) -> QRect:
        """Where the thumbnail is drawn: centred in the thumbnail box (the whole box while preparing)."""
        box = _TileDelegate.thumb_rect(tile)
        if pixmap is None or pixmap.isNull():
            return box
        size = pixmap.deviceIndependentSize().toSize()
        x = box.x() + (box.width() - size.width()) // 2
        y = box.y() + (box.height() - size.height()) // 2
        return QRect(x, y, size.width(), size.height())

    @staticmethod
    def remove_rect(tile: QRect, pixmap: QPixmap | None = None) -> QRect:
        # On the picture's corner, not the box's: a landscape thumbnail leaves the box's corner empty.
        picture = _TileDelegate.picture_rect(tile, pixmap)
        return QRect(picture.right() - 25, picture.top() + 3, 24, 24)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        tile: QRect = option.rect
        palette: QPalette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(tile).adjusted(2, 2, -2, -2)
        painter.setPen(
            QPen(palette.color(QPalette.ColorRole.Highlight), 3) if selected else Qt.PenStyle.NoPen
        )
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(frame, 8, 8)
        if focused and not selected:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(frame, 8, 8)

        box = self.thumb_rect(tile)
        item: MediaItem | None = index.data(ITEM_ROLE)
        pixmap: QPixmap | None = index.data(THUMB_ROLE)
        picture = self.picture_rect(tile, pixmap)
        if pixmap is not None and not pixmap.isNull():
            painter.drawPixmap(picture.topLeft(), pixmap)
        else:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            text = self.tr("Preparing…") if item is None else ""
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)

        if item is not None:
            self._paint_remove(painter, self.remove_rect(tile, pixmap))
            self._paint_badge(painter, tile, picture, item, palette)
        painter.restore()

    def _paint_remove(self, painter: QPainter, rect: QRect) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(scrim(170))
        painter.drawEllipse(rect)
        painter.setPen(QPen(QColor(MARK), 2))
        inner = rect.adjusted(8, 8, -8, -8)
        painter.drawLine(inner.topLeft(), inner.bottomRight())
        painter.drawLine(inner.topRight(), inner.bottomLeft())

    def _paint_badge(
        self, painter: QPainter, tile: QRect, picture: QRect, item: MediaItem, palette: QPalette
    ) -> None:
        font = QFont(painter.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        metrics = painter.fontMetrics()
        if item.alt:
            # The "ALT" badge on the picture itself, as Mastodon and Bluesky show it.
            text = self.tr("ALT")
            width = metrics.horizontalAdvance(text) + 12
            badge = QRect(picture.left() + 4, picture.bottom() - 22, width, 18)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(scrim(190))
            painter.drawRoundedRect(badge, 4, 4)
            painter.setPen(QColor(MARK))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
            return
        # No description yet: a gentle marker under the picture (amber, not red: it is not an error).
        text = self.tr("No description")
        area = QRect(tile.left() + 6, self.thumb_rect(tile).bottom() + 6, tile.width() - 12, 20)
        elided = metrics.elidedText("⚠ " + text, Qt.TextElideMode.ElideRight, area.width() - 8)
        path = QPainterPath()
        path.addRoundedRect(QRectF(area), 9, 9)
        marker = colour(Role.CHECK, palette)
        marker.setAlpha(40)
        painter.fillPath(path, marker)
        painter.setPen(palette.color(QPalette.ColorRole.Text))  # the text's own colour on the soft amber
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, elided)

    def editorEvent(
        self,
        event: QEvent,
        model: object,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        # The round × on each tile removes it (the Delete key and the Remove button do the same).
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and index.data(ITEM_ROLE) is not None
            and self.remove_rect(option.rect, index.data(THUMB_ROLE)).contains(event.position().toPoint())
        ):
            self.remove_clicked.emit(index.row())
            return True
        return super().editorEvent(event, model, option, index)  # type: ignore[arg-type]


class _TileList(QListWidget):
    """A horizontal list of tiles: internal drags reorder; outside drops are handed to the strip."""

    def __init__(self, strip: MediaStrip) -> None:
        super().__init__(strip)
        self._strip = strip
        self.empty_text = ""
        # List mode laid out left to right: in IconMode an internal drag moves icons freely instead of
        # reordering the model rows.
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setUniformItemSizes(True)
        self.setSpacing(4)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setAcceptDrops(True)
        self.setFixedHeight(TILE.height() + 28)  # tiles plus the horizontal scroll bar

    def _is_outside(self, event: QDropEvent | QDragMoveEvent | QDragEnterEvent) -> bool:
        return event.source() is not self

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._is_outside(event):
            self._strip.accept_if_usable(event)
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._is_outside(event):
            self._strip.accept_if_usable(event)
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if self._is_outside(event):
            self._strip.dropEvent(event)
            return
        super().dropEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if mods & Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._strip.move_current(-1 if key == Qt.Key.Key_Left else 1)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not mods:
            self._strip.remove_current()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods:
            self._strip.edit_alt()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.count() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                self.viewport().rect().adjusted(16, 0, -16, 0),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )


class MediaStrip(QWidget):
    """The pictures of the post being written, in order. Emits `media_changed(list[MediaItem])`."""

    media_changed = Signal(list)

    def __init__(
        self,
        runner: TaskRunner,
        media_dir: Path,
        parent: QWidget | None = None,
        *,
        max_items: int = DEFAULT_MAX_ITEMS,
        choose_files: FileChooser | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("media_strip")
        self._runner = runner
        self._media_dir = media_dir
        self._max_items = max_items
        self._choose_files = choose_files or self._ask_files
        self._tokens = itertools.count(1)
        self._alt_limit: int | None = DEFAULT_ALT_LIMIT
        self._last_emitted: list[MediaItem] = []
        self._messages: list[str] = []
        self.alt_dialog: AltTextDialog | None = None
        self.setAcceptDrops(True)

        self.list = _TileList(self)
        self.list.setObjectName("media_tiles")
        self.delegate = _TileDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.delegate.remove_clicked.connect(self.remove_at)

        self.add_button = QPushButton()
        self.add_button.setObjectName("media_add")
        self.alt_button = QPushButton()
        self.alt_button.setObjectName("media_describe")
        self.left_button = QToolButton()
        self.left_button.setObjectName("media_move_left")
        self.left_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.right_button = QToolButton()
        self.right_button.setObjectName("media_move_right")
        self.right_button.setArrowType(Qt.ArrowType.RightArrow)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("media_remove")
        self.count_label = QLabel()
        self.count_label.setObjectName("media_count")
        self.alt_prompt = QLabel()
        self.alt_prompt.setObjectName("media_alt_prompt")
        self.alt_prompt.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("media_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.hide()
        self._style_boxes()

        # Wraps rather than widening the composer (large fonts, French).
        buttons = FlowRow(
            (
                self.add_button,
                self.alt_button,
                self.left_button,
                self.right_button,
                self.remove_button,
                self.count_label,
            ),
            name="media_buttons",
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        layout.addWidget(self.alt_prompt)
        layout.addWidget(self.message)

        self.add_button.clicked.connect(self.add_from_dialog)
        self.alt_button.clicked.connect(lambda: self.edit_alt())
        self.left_button.clicked.connect(lambda: self.move_current(-1))
        self.right_button.clicked.connect(lambda: self.move_current(1))
        self.remove_button.clicked.connect(lambda: self.remove_current())
        self.list.currentRowChanged.connect(self._update_actions)
        self.list.itemDoubleClicked.connect(lambda item: self.edit_alt(self.list.row(item)))
        # Drag reorders arrive as row moves; removals as row removals (inserts are ours, handled explicitly).
        self.list.model().rowsMoved.connect(self._sync)
        self.list.model().rowsRemoved.connect(self._sync)
        paste = QShortcut(QKeySequence.StandardKey.Paste, self)
        paste.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        paste.activated.connect(self._paste_clipboard)
        self.retranslate()

    # ---- public API ----------------------------------------------------------------------------------------

    def items(self) -> list[MediaItem]:
        """The ready pictures, in order (tiles still preparing are not included)."""
        found = (self.list.item(row).data(ITEM_ROLE) for row in range(self.list.count()))
        return [item for item in found if item is not None]

    def set_items(self, items: Sequence[MediaItem]) -> None:
        """Show the pictures of a restored draft (thumbnails load in the background)."""
        self.list.clear()
        self._show_messages([])
        for media in list(items)[: self._max_items]:
            tile = self._new_tile()
            tile.setData(ITEM_ROLE, media)
            token: int = tile.data(TOKEN_ROLE)
            self._runner.run(
                functools.partial(_thumbnail, media.path),
                functools.partial(self._thumbnail_ready, token),
                functools.partial(self._thumbnail_failed, token),
            )
        self._sync()

    def pending_count(self) -> int:
        return sum(1 for row in range(self.list.count()) if self.list.item(row).data(ITEM_ROLE) is None)

    def max_items(self) -> int:
        return self._max_items

    def set_networks(self, networks: Sequence[str]) -> None:
        """The chosen networks decide the description limit (the strictest one)."""
        self._alt_limit = alt_limit(networks) if networks else DEFAULT_ALT_LIMIT
        if self.alt_dialog is not None:
            self.alt_dialog.editor.set_limit(self._alt_limit)

    def alt_limit(self) -> int | None:
        return self._alt_limit

    def add_files(self, paths: Sequence[Path]) -> None:
        """Import `paths` in the background; files that are not pictures are refused with a message."""
        self._show_messages([])
        refused = [p for p in paths if not is_image_path(p)]
        messages = [
            self.tr("“%1” is not a picture: only pictures can be added here.").replace("%1", p.name)
            for p in refused
        ]
        wanted = [p for p in paths if is_image_path(p)]
        room = self._max_items - self.list.count()
        if len(wanted) > room:
            messages.append(
                self.tr("A post can have up to %1 pictures: %2 were not added.")
                .replace("%1", str(self._max_items))
                .replace("%2", str(len(wanted) - max(room, 0)))
            )
            wanted = wanted[: max(room, 0)]
        self._show_messages(messages)
        for path in wanted:
            tile = self._new_tile()
            token: int = tile.data(TOKEN_ROLE)
            self._runner.run(
                functools.partial(_import_file, path, self._media_dir),
                functools.partial(self._import_done, token),
                functools.partial(self._import_failed, token, path.name),
            )

    def add_from_dialog(self) -> None:
        paths = self._choose_files(self)
        if paths:
            self.add_files(paths)

    def can_accept(self, mime: QMimeData) -> bool:
        return mime.hasImage() or any(url.isLocalFile() for url in mime.urls())

    def paste_from_clipboard(self, mime: QMimeData) -> bool:
        """Add the picture data or local picture files in `mime`; False when there is nothing to add."""
        local = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        if local:
            self.add_files(local)
            return True
        if not mime.hasImage():
            return False
        image = mime.imageData()
        if not isinstance(image, QImage) or image.isNull():
            return False
        self._show_messages([])
        if self.list.count() >= self._max_items:
            self._show_messages(
                [
                    self.tr("A post can have up to %1 pictures: %2 were not added.")
                    .replace("%1", str(self._max_items))
                    .replace("%2", "1")
                ]
            )
            return True
        tile = self._new_tile()
        token: int = tile.data(TOKEN_ROLE)
        copy = image.copy()  # the clipboard may change while the worker encodes
        self._runner.run(
            lambda: _import_image(copy, self._media_dir),
            lambda result: self._import_done(token, result),
            lambda exc: self._import_failed(token, self.tr("Pasted picture"), exc),
        )
        return True

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        # A model move (not take + insert): one rowsMoved, so media_changed never sees a shorter list.
        destination = target + 1 if step > 0 else target
        self.list.model().moveRow(QModelIndex(), row, QModelIndex(), destination)
        self.list.setCurrentRow(target)

    def remove_current(self) -> None:
        self.remove_at(self.list.currentRow())

    def remove_at(self, row: int) -> None:
        if 0 <= row < self.list.count() and self.list.item(row).data(ITEM_ROLE) is not None:
            self.list.takeItem(row)
            self._sync()

    def set_alt(self, row: int, alt: str) -> None:
        self._replace(row, alt=alt.strip())

    def set_focal(self, row: int, focal: tuple[float, float]) -> None:
        x, y = (min(max(float(v), 0.0), 1.0) for v in focal)
        self._replace(row, focal=(x, y))

    def thumbnail(self, row: int) -> QPixmap | None:
        tile = self.list.item(row)
        return None if tile is None else tile.data(THUMB_ROLE)

    def edit_alt(self, row: int | None = None) -> AltTextDialog | None:
        """Open the description editor for `row` (the current tile by default), window-modal."""
        row = self.list.currentRow() if row is None else row
        tile = self.list.item(row) if row >= 0 else None
        media: MediaItem | None = tile.data(ITEM_ROLE) if tile is not None else None
        if tile is None or media is None:
            return None
        dialog = AltTextDialog(media.alt, self._alt_limit, tile.data(THUMB_ROLE), self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        persistent = QPersistentModelIndex(self.list.indexFromItem(tile))
        dialog.accepted.connect(lambda: self._alt_accepted(persistent, dialog.text()))
        dialog.finished.connect(dialog.deleteLater)
        self.alt_dialog = dialog
        dialog.destroyed.connect(self._forget_dialog)
        dialog.open()  # not exec(): no nested event loop
        return dialog

    def shown_message(self) -> str:
        return self.message.text() if self.message.isVisibleTo(self) else ""

    # ---- Qt events -------------------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.accept_if_usable(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.accept_if_usable(event)

    def accept_if_usable(self, event: QDropEvent) -> None:
        # Files are checked on drop (with a message): refusing here would give no explanation at all.
        if self.can_accept(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if event.source() is self.list:  # a tile dragged off the list: nothing to add, nothing to say
            event.ignore()
            return
        mime = event.mimeData()
        if self.paste_from_clipboard(mime):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            return
        self._show_messages([self.tr("Only pictures can be dropped here.")])
        event.ignore()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._style_boxes()
        super().changeEvent(event)

    def _style_boxes(self) -> None:
        """Text in the palette's colour on a soft tint: an amber nudge for the description (not an error,
        like the marker on the tile), a red one for what went wrong. Readable in light and dark."""
        palette = self.palette()
        for box, role in ((self.alt_prompt, Role.CHECK), (self.message, Role.BLOCKING)):
            box.setStyleSheet(
                f"QLabel {{ background: {tint(role, palette, 40)}; border-radius: 6px; padding: 6px 10px; }}"
            )

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add pictures…"))
        self.add_button.setAccessibleName(self.tr("Add pictures"))
        self.alt_button.setText(self.tr("Describe…"))
        self.alt_button.setAccessibleName(self.tr("Describe the selected picture"))
        self.alt_button.setToolTip(self.tr("Describe the selected picture (Enter)"))
        self.left_button.setAccessibleName(self.tr("Move the picture left"))
        self.left_button.setToolTip(self.tr("Move the picture left (Alt+Left)"))
        self.right_button.setAccessibleName(self.tr("Move the picture right"))
        self.right_button.setToolTip(self.tr("Move the picture right (Alt+Right)"))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the selected picture"))
        self.remove_button.setToolTip(self.tr("Remove the selected picture (Delete)"))
        self.list.setAccessibleName(self.tr("Pictures of the post"))
        self.list.setAccessibleDescription(
            self.tr("Alt+Left and Alt+Right move a picture, Delete removes it, Enter describes it.")
        )
        self.list.empty_text = self.tr("Drop pictures here, paste them, or click “Add pictures…”.")
        self.alt_prompt.setText(self.tr("Describe this picture for people who cannot see it."))
        self.count_label.setAccessibleName(self.tr("Number of pictures"))
        self.message.setAccessibleName(self.tr("Message about the pictures"))
        for row in range(self.list.count()):
            self._describe_tile(row)
        self._update_actions()
        self.list.viewport().update()

    # ---- internals -----------------------------------------------------------------------------------------

    def _ask_files(self, parent: QWidget) -> list[Path]:
        patterns = " ".join(f"*{suffix}" for suffix in sorted(IMAGE_SUFFIXES))
        names, _ = QFileDialog.getOpenFileNames(
            parent, self.tr("Add pictures"), "", self.tr("Pictures (%1)").replace("%1", patterns)
        )
        return [Path(name) for name in names]

    def _paste_clipboard(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None:
            self.paste_from_clipboard(mime)

    def _new_tile(self) -> QListWidgetItem:
        tile = QListWidgetItem()
        tile.setData(TOKEN_ROLE, next(self._tokens))
        tile.setSizeHint(TILE)
        # Not a drop target: a tile dropped "on" another is placed beside it, never replaces it.
        tile.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.list.addItem(tile)
        self._describe_tile(self.list.count() - 1)
        self._update_actions()
        return tile

    def _row_of(self, token: int) -> int:
        for row in range(self.list.count()):
            if self.list.item(row).data(TOKEN_ROLE) == token:
                return row
        return -1

    def _alive(self) -> bool:
        # A background result can arrive after the composer closed the strip.
        return shiboken6.isValid(self)

    def _pixmap(self, image: QImage) -> QPixmap:
        dpr = self.devicePixelRatioF()
        scaled = image.scaled(
            round(THUMB * dpr),
            round(THUMB * dpr),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        pixmap = QPixmap.fromImage(scaled)
        pixmap.setDevicePixelRatio(dpr)
        return pixmap

    def _import_done(self, token: int, result: _Imported) -> None:
        if not self._alive():
            return
        row = self._row_of(token)
        if row < 0:  # the tile was replaced meanwhile (a draft restored)
            return
        tile = self.list.item(row)
        tile.setData(THUMB_ROLE, self._pixmap(result.thumbnail))
        tile.setData(ITEM_ROLE, MediaItem(result.path, result.sha256, result.width, result.height))
        tile.setFlags(tile.flags() | Qt.ItemFlag.ItemIsDragEnabled)
        if self.list.currentRow() < 0:
            self.list.setCurrentRow(row)
        self._describe_tile(row)
        self._sync()

    def _thumbnail_failed(self, token: int, exc: BaseException) -> None:
        # A restored draft whose file is gone or damaged: the tile stays, without a picture.
        log.info("no thumbnail for tile %s: %r", token, exc)

    def _import_failed(self, token: int, name: str, exc: BaseException) -> None:
        if not self._alive():
            return
        if isinstance(exc, MediaError):
            text = exc.message(_current_lang())
        else:  # a bug, not the person's file: log it, say something they can act on
            log.exception("importing a picture failed", exc_info=exc)
            text = MediaError().message(_current_lang())
        row = self._row_of(token)
        if row >= 0:
            self.list.takeItem(row)  # only the failed tile goes; _sync sees no change in the ready items
        # "%1: %2" is translatable: French puts a space before the colon.
        line = self.tr("%1: %2").replace("%1", name).replace("%2", text)
        self._show_messages([*self._messages, line])

    def _thumbnail_ready(self, token: int, image: QImage) -> None:
        if not self._alive():
            return
        row = self._row_of(token)
        if row >= 0:
            self.list.item(row).setData(THUMB_ROLE, self._pixmap(image))

    def _alt_accepted(self, index: QPersistentModelIndex, text: str) -> None:
        if index.isValid():
            self.set_alt(index.row(), text)

    def _forget_dialog(self) -> None:
        self.alt_dialog = None

    def _replace(self, row: int, **changes: object) -> None:
        tile = self.list.item(row) if 0 <= row < self.list.count() else None
        media: MediaItem | None = tile.data(ITEM_ROLE) if tile is not None else None
        if tile is None or media is None:
            return
        tile.setData(ITEM_ROLE, replace(media, **changes))  # type: ignore[arg-type]
        self._describe_tile(row)
        self._sync()

    def _describe_tile(self, row: int) -> None:
        tile = self.list.item(row)
        media: MediaItem | None = tile.data(ITEM_ROLE)
        position = (
            self.tr("Picture %1 of %2").replace("%1", str(row + 1)).replace("%2", str(self.list.count()))
        )
        if media is None:
            state = self.tr("Preparing…")
        elif media.alt:
            state = media.alt
        else:
            state = self.tr("no description")
        text = f"{position}: {state}"
        tile.setData(Qt.ItemDataRole.AccessibleTextRole, text)
        tile.setToolTip(plain_tooltip(text))  # the alt text is the person's words

    def _show_messages(self, messages: list[str]) -> None:
        self._messages = messages
        self.message.setText("\n".join(messages))
        self.message.setVisible(bool(messages))

    def _update_actions(self, *_args: object) -> None:
        row = self.list.currentRow()
        ready = row >= 0 and self.list.item(row).data(ITEM_ROLE) is not None
        media: MediaItem | None = self.list.item(row).data(ITEM_ROLE) if ready else None
        self.alt_button.setEnabled(ready)
        self.remove_button.setEnabled(ready)
        self.left_button.setEnabled(ready and row > 0)
        self.right_button.setEnabled(ready and row < self.list.count() - 1)
        self.add_button.setEnabled(self.list.count() < self._max_items)
        # Empty, the strip is a slim drop zone: the text box keeps the room on small screens.
        self.list.setFixedHeight(EMPTY_HEIGHT if self.list.count() == 0 else TILE.height() + 28)
        self.alt_prompt.setVisible(media is not None and not media.alt)
        self.count_label.setText(
            self.tr("Pictures: %1 of %2")
            .replace("%1", str(self.list.count()))
            .replace("%2", str(self._max_items))
        )

    def _sync(self, *_args: object) -> None:
        for row in range(self.list.count()):
            self._describe_tile(row)
        self._update_actions()
        current = self.items()
        if current != self._last_emitted:
            self._last_emitted = current
            self.media_changed.emit(current)
