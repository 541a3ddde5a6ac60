"""A searchable emoji grid (English and French keywords), recently used first, fully usable from the keyboard.

Keys: type to search; Down or Enter from the search box goes to the grid; arrows move; Enter or Space
chooses; Up from the first row goes back to the search box; Ctrl+PgUp/PgDown (or the tab bar) changes
category. Shown with `popup_under(button)`: a popup anchored to its button, sized to its grid, closed by
Escape or a click outside.
"""

from __future__ import annotations

import functools
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLocale, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core import emoji_data
from cm_desktop.core.i18n import normalise_lang

RECENT_MAX = 24
CELL = 44
EMOJI_FONT = "Noto Color Emoji"
RECENT = "recent"

# Stored untranslated, translated when shown (see retranslate); the emoji is the tab's face.
# QT_TRANSLATE_NOOP is typed as returning object; it returns the string unchanged.
_CATEGORY_NAMES: dict[str, object] = {
    RECENT: QT_TRANSLATE_NOOP("EmojiPicker", "Recently used"),
    "smileys": QT_TRANSLATE_NOOP("EmojiPicker", "Smileys and emotions"),
    "people": QT_TRANSLATE_NOOP("EmojiPicker", "People and gestures"),
    "animals": QT_TRANSLATE_NOOP("EmojiPicker", "Animals and nature"),
    "food": QT_TRANSLATE_NOOP("EmojiPicker", "Food and drink"),
    "activities": QT_TRANSLATE_NOOP("EmojiPicker", "Celebrations and activities"),
    "travel": QT_TRANSLATE_NOOP("EmojiPicker", "Travel and places"),
    "objects": QT_TRANSLATE_NOOP("EmojiPicker", "Objects"),
    "symbols": QT_TRANSLATE_NOOP("EmojiPicker", "Hearts and symbols"),
    "flags": QT_TRANSLATE_NOOP("EmojiPicker", "Flags"),
}
_CATEGORY_FACES = {
    RECENT: "🕘",
    "smileys": "😀",
    "people": "👋",
    "animals": "🌷",
    "food": "🥐",
    "activities": "🎉",
    "travel": "🏠",
    "objects": "💡",
    "symbols": "❤️",
    "flags": "🏁",
}
TABS: tuple[str, ...] = (RECENT, *emoji_data.CATEGORIES)


@runtime_checkable
class RecentStore(Protocol):
    """Where the recently used emoji live (settings in the app, a list in tests)."""

    def get(self) -> list[str]: ...

    def set(self, recent: list[str]) -> None: ...


class ListRecent:
    """A RecentStore over a plain list, changed in place so the caller sees the updates."""

    def __init__(self, recent: list[str] | None = None) -> None:
        self.recent = recent if recent is not None else []

    def get(self) -> list[str]:
        return list(self.recent)

    def set(self, recent: list[str]) -> None:
        self.recent[:] = recent


def _emoji_font(point_size: float) -> QFont:
    font = QFont(EMOJI_FONT)
    font.setPointSizeF(point_size)
    return font


class _SearchBox(QLineEdit):
    """Down (or Enter) moves into the grid: the grid is one key away from typing."""

    go_to_grid = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.go_to_grid.emit()
            return
        super().keyPressEvent(event)


class _Grid(QListWidget):
    chosen = Signal(str)
    back_to_search = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            item = self.currentItem()
            if item is not None:
                self.chosen.emit(item.text())
            return
        if key == Qt.Key.Key_Escape:
            event.ignore()  # the picker closes (a popup) or the search box takes it
            return
        # Going up from the first row returns to the search box (as Down came here).
        if key == Qt.Key.Key_Up and self.currentRow() < self._columns():
            self.back_to_search.emit()
            return
        super().keyPressEvent(event)

    def _columns(self) -> int:
        return max(1, self.viewport().width() // self.gridSize().width())


class EmojiPicker(QWidget):
    """Emits `emoji_chosen(str)`; keeps the recently used list in the injected store."""

    emoji_chosen = Signal(str)

    def __init__(self, recent: RecentStore | list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emoji_picker")
        self._recent: RecentStore = recent if isinstance(recent, RecentStore) else ListRecent(recent)
        self.search = _SearchBox()
        self.search.setObjectName("emoji_search")
        self.search.setClearButtonEnabled(True)
        self.tabs = QTabBar()
        self.tabs.setObjectName("emoji_categories")
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        self.tabs.setUsesScrollButtons(False)
        # Narrow tabs: the ten categories fit in the picker's width without scroll arrows.
        self.tabs.setStyleSheet(
            "QTabBar::tab { border: none; border-radius: 6px; padding: 4px 5px; margin: 1px; min-width: 26px; }"
            "QTabBar::tab:selected { background: palette(highlight); }"
            "QTabBar::tab:hover:!selected { background: palette(midlight); }"
            "QTabBar::tab:disabled { background: transparent; }"
        )
        self.tabs.setFont(_emoji_font(14))
        for key in TABS:
            self.tabs.addTab(_CATEGORY_FACES[key])
        self.grid = _Grid()
        self.grid.setObjectName("emoji_grid")
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setUniformItemSizes(True)
        self.grid.setGridSize(QSize(CELL, CELL))
        self.grid.setWordWrap(False)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setFont(_emoji_font(20))
        self.grid.setMinimumSize(CELL * 8 + 24, CELL * 5)
        self.empty = QLabel()
        self.empty.setObjectName("emoji_empty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        self.hover_name = QLabel()
        self.hover_name.setObjectName("emoji_name")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.search)
        layout.addWidget(self.tabs)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.hover_name)
        self.setTabOrder(self.search, self.tabs)
        self.setTabOrder(self.tabs, self.grid)

        self.search.textChanged.connect(self._refresh)
        self.search.go_to_grid.connect(self._focus_grid)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.grid.chosen.connect(self.choose)
        self.grid.itemClicked.connect(lambda item: self.choose(item.text()))
        self.grid.back_to_search.connect(self.search.setFocus)
        self.grid.currentItemChanged.connect(self._show_name)
        # Ctrl+Tab and Ctrl+PgDown (and back) change category from anywhere in the picker.
        for sequence, step in (
            (QKeySequence(QKeySequence.StandardKey.NextChild), 1),
            (QKeySequence(QKeySequence.StandardKey.PreviousChild), -1),
            (QKeySequence("Ctrl+PgDown"), 1),
            (QKeySequence("Ctrl+PgUp"), -1),
        ):
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(functools.partial(self._step_tab, step))
        self.retranslate()
        self.reset()

    # ---- public API ----------------------------------------------------------------------------------------

    def recent(self) -> list[str]:
        return self._recent.get()

    def reset(self) -> None:
        """Empty search, on the recently used emoji when there are some: what people pick most."""
        self.search.clear()
        self.tabs.setCurrentIndex(0 if self.recent() else TABS.index("smileys"))
        self._refresh()

    def set_query(self, text: str) -> None:
        self.search.setText(text)

    def current_category(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def set_category(self, category: str) -> None:
        self.search.clear()
        self.tabs.setCurrentIndex(TABS.index(category))

    def visible_emoji(self) -> list[str]:
        return [self.grid.item(row).text() for row in range(self.grid.count())]

    def popup_under(self, anchor: QWidget) -> None:
        """Open as a popup just under `anchor` (above it when the screen ends first), the size of its grid,
        kept on the screen; Escape or a click outside closes it."""
        if not self.isWindow():
            self.setWindowFlags(Qt.WindowType.Popup)
        self.reset()
        self.adjustSize()
        size = self.sizeHint().expandedTo(self.minimumSizeHint())
        self.resize(size)
        below = anchor.mapToGlobal(QPoint(0, anchor.height() + 4))
        above = anchor.mapToGlobal(QPoint(0, -size.height() - 4))
        screen = anchor.screen().availableGeometry()
        where = below if below.y() + size.height() <= screen.bottom() or above.y() < screen.top() else above
        x = min(max(where.x(), screen.left()), max(screen.left(), screen.right() - size.width()))
        y = min(max(where.y(), screen.top()), max(screen.top(), screen.bottom() - size.height()))
        self.move(x, y)
        self.show()
        self.search.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isWindow():
            self.close()
            return
        super().keyPressEvent(event)

    def choose(self, char: str) -> None:
        recent = [char, *(c for c in self.recent() if c != char)][:RECENT_MAX]
        self._recent.set(recent)
        if self.current_category() == RECENT and not self.search.text():
            self._refresh()
        self.emoji_chosen.emit(char)

    # ---- Qt events -------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search: heart, croissant, party…"))
        self.search.setAccessibleName(self.tr("Search emoji"))
        self.tabs.setAccessibleName(self.tr("Emoji categories"))
        self.grid.setAccessibleName(self.tr("Emoji"))
        self.grid.setAccessibleDescription(self.tr("Arrow keys to move, Enter to insert the emoji."))
        for index, key in enumerate(TABS):
            name = QCoreApplication.translate("EmojiPicker", str(_CATEGORY_NAMES[key]))
            self.tabs.setTabToolTip(index, name)
            self.tabs.setAccessibleTabName(index, name)
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.grid.clear()  # the names (tooltips, accessible names) are made again in the new language
            self.retranslate()
        super().changeEvent(event)

    # ---- internals -----------------------------------------------------------------------------------------

    def _lang(self) -> str:
        return normalise_lang(QLocale().name())

    def _shown(self) -> list[str]:
        query = self.search.text().strip()
        if query:
            return emoji_data.search(query, self.recent())
        category = self.current_category()
        return self.recent() if category == RECENT else emoji_data.in_category(category)

    def _refresh(self, *_args: object) -> None:
        shown = self._shown()
        if shown == self.visible_emoji():
            return
        lang = self._lang()
        known = emoji_data.by_char()
        self.grid.clear()
        for char in shown:
            item = QListWidgetItem(char)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            found = known.get(char)
            name = found.name(lang) if found else char
            item.setToolTip(name)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, name)
            self.grid.addItem(item)
        if shown:
            self.grid.setCurrentRow(0)
        self.tabs.setEnabled(not self.search.text().strip())
        self.empty.setVisible(not shown)
        if not shown:
            self.empty.setText(
                self.tr("No emoji found for “%1”.").replace("%1", self.search.text().strip())
                if self.search.text().strip()
                else self.tr("The emoji you use will show here.")
            )

    def _on_tab_changed(self, _index: int) -> None:
        self._refresh()

    def _step_tab(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    def _focus_grid(self) -> None:
        if self.grid.count():
            self.grid.setFocus()
            if self.grid.currentRow() < 0:
                self.grid.setCurrentRow(0)

    def _show_name(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None = None) -> None:
        self.hover_name.setText(current.toolTip() if current is not None else "")
