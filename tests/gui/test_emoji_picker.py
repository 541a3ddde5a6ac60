"""The emoji picker with real widgets: bilingual search, recent first, keyboard use, colour rendering."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from cm_desktop.core import emoji_data
from cm_desktop.ui.composer.emoji_picker import TABS, EmojiPicker, ListRecent

RED_HEART = "❤️"


def make_picker(qtbot: QtBot, recent: list[str] | ListRecent | None = None) -> EmojiPicker:
    picker = EmojiPicker(recent)
    qtbot.addWidget(picker)
    picker.resize(420, 380)
    picker.show()
    picker.activateWindow()
    qtbot.waitUntil(picker.isActiveWindow)  # focus and shortcuts need the active window
    return picker


@pytest.mark.parametrize("query", ["coeur", "cœur", "heart", "Heart", "CŒUR ROUGE"])
def test_search_in_french_and_english_finds_the_red_heart(qtbot: QtBot, query: str) -> None:
    picker = make_picker(qtbot)
    picker.set_query(query)
    assert RED_HEART in picker.visible_emoji()


@pytest.mark.parametrize(
    ("query", "expected"), [("croissant", "🥐"), ("fête", "🥳"), ("fete", "🎉"), ("party", "🎉")]
)
def test_search_common_words(qtbot: QtBot, query: str, expected: str) -> None:
    picker = make_picker(qtbot)
    picker.set_query(query)
    assert expected in picker.visible_emoji()


def test_search_with_nothing_found_says_so(qtbot: QtBot) -> None:
    picker = make_picker(qtbot)
    picker.set_query("zzqx")
    assert picker.visible_emoji() == []
    assert picker.empty.isVisible() and "zzqx" in picker.empty.text()


def test_recent_first_after_choosing_one(qtbot: QtBot) -> None:
    recent: list[str] = []
    picker = make_picker(qtbot, recent)
    assert picker.current_category() == "smileys"  # nothing used yet
    picker.set_category("food")
    croissant = picker.visible_emoji().index("🥐")
    picker.grid.setCurrentRow(croissant)
    picker.grid.setFocus()
    with qtbot.waitSignal(picker.emoji_chosen) as blocker:
        qtbot.keyClick(picker.grid, Qt.Key.Key_Return)
    assert blocker.args == ["🥐"]
    assert recent == ["🥐"]  # the plain list passed in is kept up to date
    picker.reset()
    assert picker.current_category() == "recent"
    assert picker.visible_emoji()[0] == "🥐"
    # Recently used also come first in search results.
    picker.set_query("c")
    assert picker.visible_emoji()[0] == "🥐"


def test_choosing_again_moves_it_to_the_front_without_duplicates(qtbot: QtBot) -> None:
    store = ListRecent(["🎉", "🥐", RED_HEART])
    picker = make_picker(qtbot, store)
    assert picker.visible_emoji() == ["🎉", "🥐", RED_HEART]
    picker.choose(RED_HEART)
    assert store.get() == [RED_HEART, "🎉", "🥐"]
    assert picker.visible_emoji() == [RED_HEART, "🎉", "🥐"]


def test_keyboard_from_search_to_grid_and_choose(qtbot: QtBot) -> None:
    picker = make_picker(qtbot)
    picker.search.setFocus()
    qtbot.keyClicks(picker.search, "croissant")
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    assert picker.grid.hasFocus()
    with qtbot.waitSignal(picker.emoji_chosen) as blocker:
        qtbot.keyClick(picker.grid, Qt.Key.Key_Space)
    assert blocker.args == ["🥐"]
    qtbot.keyClick(picker.grid, Qt.Key.Key_Up)  # the first row: back to the search box
    assert picker.search.hasFocus()


def test_category_shortcuts_and_clicks(qtbot: QtBot) -> None:
    picker = make_picker(qtbot, ["🥐"])
    assert picker.current_category() == "recent"
    picker.grid.setFocus()
    qtbot.keyClick(picker.grid, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert picker.current_category() == TABS[1]
    assert picker.visible_emoji() == emoji_data.in_category(TABS[1])
    with qtbot.waitSignal(picker.emoji_chosen) as blocker:
        rect = picker.grid.visualItemRect(picker.grid.item(0))
        qtbot.mouseClick(picker.grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["😀"]


def test_accessible_names(qtbot: QtBot) -> None:
    picker = make_picker(qtbot)
    assert picker.search.accessibleName() and picker.grid.accessibleName() and picker.tabs.accessibleName()
    assert all(picker.tabs.accessibleTabName(i) for i in range(picker.tabs.count()))
    assert picker.grid.item(0).data(Qt.ItemDataRole.AccessibleTextRole)


def test_emoji_render_in_colour(qtbot: QtBot) -> None:
    picker = make_picker(qtbot, [RED_HEART])
    rect = picker.grid.visualItemRect(picker.grid.item(0))
    picker.grid.clearSelection()  # the selection colour would tint the cell
    picker.grid.setCurrentRow(-1)
    image = picker.grid.viewport().grab(rect).toImage()
    pixels = [QColor(image.pixel(x, y)) for x in range(image.width()) for y in range(image.height())]
    reds = [c for c in pixels if c.red() > 180 and c.green() < 90 and c.blue() < 90]
    assert reds, "the heart is drawn in red: the colour emoji font is used"


def test_table_has_enough_emoji_in_every_category() -> None:
    everything = emoji_data.all_emoji()
    assert len(everything) >= 300
    for category in emoji_data.CATEGORIES:
        assert len(emoji_data.in_category(category)) >= 20
    chars = [e.char for e in everything]
    assert len(chars) == len(set(chars))
