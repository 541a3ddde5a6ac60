"""Without a mouse: Tab in reading order on every page and dialog, Enter on buttons, text boxes Tab leaves,
the calendar grid as one stop, date fields on the arrows, no Alt+letter twice, a name on everything a screen
reader reaches, and the wizard asking before it throws answers away. Keys are real key events (QTest)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cm_desktop.ui.keyboard import DateTimeField, can_take_focus
from scripts.showroom import settle
from tests.gui.keys import expected_chain, mnemonics, name_of, tab_walk
from tests.gui.layout_audit import describe
from tests.gui.rooms import every_screen, showroom

NAV = "navigation"
# What Tab visits on each page of the furnished app (scripts/showroom.py) at 1280x720, in English: the
# reading order, top to bottom and left to right. A page that changes must change its list here.
PAGE_ORDER: dict[str, list[str]] = {
    "home": [NAV, "home_scroll", "posts_button", "moment_button", "week_bars"],
    "compose": [
        NAV,
        # Everything chosen, a picture, six problems: the editor's column is taller than the window and
        # scrolls (a stop); the buttons under both columns stay in view, after the previews.
        "composer_column",
        *(f"target_{n}" for n in ("facebook", "instagram", "x", "linkedin", "mastodon_2", "bluesky_1")),
        *(f"target_{n}" for n in ("threads", "google_business", "pinterest")),
        "main_text",
        "emoji_button",
        "qt_tabwidget_tabbar",
        "override_facebook",
        "media_tiles",
        "media_add",
        "media_describe",
        "media_remove",
        "fix_image.cropped",  # the problems shown whole in the column (no list of their own to scroll)
        *(["fix_image.alt_missing"] * 6),
        "previews_scroll",
        "save_draft",
        "schedule",
        "add_to_queue",
        "publish_now",
    ],
    "calendar": [
        NAV,
        "calendar_search",
        "calendar_slots",
        "calendar_import_export",
        "calendar_previous",
        "calendar_today",
        "calendar_next",
        "view_month",
        "month_view",
    ],
    "sending": [
        NAV,
        "retry_failed",
        "sending_scroll",
        "status_row_3",
        "published_3",
        "again_3",
        "status_row_2",
        "late_2",
        "status_row_1",
        "assist_1",
        "status_row_4",
        "edit_4",
        "status_row_7",
        "status_row_5",
        "status_row_6",
        "status_row_9",
        "how_9",  # published by hand on Facebook: "How did it go?"
        "status_row_8",
        "open_8",
    ],
    "inbox": [NAV, "check_now", "mark_all_read", "view_to_answer", "account_filter", "messages_list"],
    # "All searches" chosen (change, pause and remove wait for one search); the first post found open,
    # nothing written yet ("Send answer" waits for words).
    "listening": [
        NAV,
        "add_watch",
        "watch_choice",
        "listening_list",
        "open_on_network",
        "keep_as_idea",
        "dismiss",
        "listening_answer_box",
        "like_result",
        "follow_author",
    ],
    "accounts": [
        NAV,
        "connect_bluesky",
        "connect_mastodon",
        "reconnect_button",
        "disconnect_button",
        "reconnect_button",
        "disconnect_button",
    ],
    "insights": [
        NAV,
        "results_scroll",  # taller than the window: a stop, the arrows scroll it
        "read_now",
        "export_csv",
        "results_weekday_chart",  # each chart reads its figures to a screen reader
        "results_hour_chart",
        "results_top_1",  # each top post: its words, figures and why it worked
        "results_followers_chart",
        "results_kinds_chart",
        "results_open_sending",
    ],
    "help": [NAV, "qt_tabwidget_tabbar", "guides_list", "guide_open"],
    "settings": [
        NAV,
        "language_combo",
        "run_setup_again",
        "background_publishing",
        "late_margin",
        "settings_slots",
        "restore_backup",
        "open_logs_button",
    ],
}


def interactive(window: QWidget) -> list[QWidget]:
    """What Tab reaches in `window`, and the views and their headers a screen reader lists."""
    found = list(expected_chain(window))
    for header in window.findChildren(QHeaderView):
        if header.isVisibleTo(window) and header.window() is window:
            found.append(header)
    # The line edit inside a combo box or a spin box is named by its owner.
    return [w for w in found if not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))]


def windows(label: str, window: QWidget) -> bool:
    """The emoji picker is not a window yet (#16 makes it a pop-up): its keys are the first-hour issue's."""
    return window.isWindow()


def test_tab_visits_every_page_in_reading_order(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    with showroom(qapp, tmp_path) as room:
        wrong = []
        for label, window in every_screen(room):
            if not label.startswith("page "):
                continue
            page = label.removeprefix("page ")
            seen = [name_of(w) for w in tab_walk(window, len(PAGE_ORDER[page]) + 1)]
            # Round the page and back to the sections: nothing skipped, nothing trapped, no detour.
            if seen != [*PAGE_ORDER[page], NAV]:
                wrong.append(f"{page}: {seen}")
        assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_tab_follows_the_reading_order_of_every_screen(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, lang: str
) -> None:
    """Each page and dialog: Tab goes round in the order of its layouts, and Shift+Tab back."""
    with showroom(qapp, tmp_path, lang) as room:
        wrong = []
        for label, window in every_screen(room):
            if not windows(label, window):
                continue
            chain = expected_chain(window)
            forward = tab_walk(window, len(chain) + 1)
            if forward != [*chain, chain[0]]:
                wrong.append(f"{label}: {[name_of(w) for w in forward]} for {[name_of(w) for w in chain]}")
                continue
            back = tab_walk(window, len(chain) + 1, backwards=True)
            if back != [chain[0], *reversed(chain)]:
                wrong.append(f"{label} backwards: {[name_of(w) for w in back]}")
        assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_interactive_widget_and_view_has_a_name(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, lang: str
) -> None:
    with showroom(qapp, tmp_path, lang) as room:
        nameless = []
        for label, window in every_screen(room):
            for widget in interactive(window):
                accessible = QAccessible.queryAccessibleInterface(widget)
                name = accessible.text(QAccessible.Text.Name) if accessible is not None else ""
                if not name.strip():
                    nameless.append(f"{label}: {describe(widget)} ({type(widget).__name__})")
        assert not nameless, "\n".join(nameless)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_alt_letter_is_used_twice_on_one_screen(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, lang: str
) -> None:
    with showroom(qapp, tmp_path, lang) as room:
        twice = [
            f"{label}: Alt+{letter} for {uses}"
            for label, window in every_screen(room)
            for letter, uses in mnemonics(window).items()
            if len(uses) > 1
        ]
        assert not twice, "\n".join(twice)


def test_the_check_finds_a_letter_used_twice(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    for text in ("&Suivant", "Votre &spécialité", "&Précédent"):
        QPushButton(text, window)
    assert sorted(len(v) for v in mnemonics(window).values()) == [1, 2]


def test_text_boxes_let_tab_out_and_ctrl_tab_types_a_tab(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    with showroom(qapp, tmp_path) as room:
        trapping = [
            f"{label}: {describe(box)}"
            for label, window in every_screen(room)
            for box in [*window.findChildren(QPlainTextEdit), *window.findChildren(QTextEdit)]
            if box.isVisibleTo(window) and not box.isReadOnly() and not box.tabChangesFocus()
        ]
        assert not trapping, "\n".join(trapping)
        room.show_page("compose")
        editor = room.shell.composer.editor
        editor.setPlainText("Bonjour")
        room.window.activateWindow()
        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        QTest.keyClick(editor, Qt.Key.Key_Tab)
        settle()
        assert not editor.hasFocus() and editor.toPlainText() == "Bonjour"
        editor.setFocus()
        QTest.keyClick(editor, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        assert editor.hasFocus() and editor.toPlainText() == "Bonjour\t"


def test_enter_presses_the_focused_button(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    with showroom(qapp, tmp_path) as room:
        room.show_page("compose")
        room.window.activateWindow()
        toggle = room.shell.composer.targets.target_buttons[("threads", None)]
        toggle.setChecked(False)
        toggle.setFocus()
        QTest.keyClick(toggle, Qt.Key.Key_Return)
        qtbot.waitUntil(toggle.isChecked)
        room.show_page("calendar")
        calendar = room.shell.calendar
        calendar.anchor = date(2031, 3, 4)
        calendar.today_button.setFocus()
        QTest.keyClick(calendar.today_button, Qt.Key.Key_Enter)
        qtbot.waitUntil(lambda: calendar.anchor == calendar.today())


def test_the_calendar_grid_is_one_stop_with_arrows_and_enter_inside(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    with showroom(qapp, tmp_path) as room:
        calendar = room.show_page("calendar")
        grid = room.shell.calendar.month_view
        model = room.shell.calendar.month_model
        room.window.activateWindow()
        settle()
        grid.setFocus(Qt.FocusReason.TabFocusReason)
        assert grid.currentIndex() == model.index_of(model.today)  # arrows start from today
        opened: list[int] = []
        composed: list[datetime] = []
        room.shell.calendar.post_opened.connect(opened.append)
        room.shell.calendar.compose_requested.connect(composed.append)
        # What a screen reader says for a cell: its date, its trade dates, then its posts.
        day = next(d for d in model._posts if len(model.posts_on(d)) == 1)
        reading = model.data(model.index_of(day), Qt.ItemDataRole.AccessibleTextRole)
        long_date = QLocale().toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
        assert reading.startswith(long_date) and model.posts_on(day)[0].text[:20] in reading
        # One stop: Tab leaves the grid at once (and Shift+Tab comes back to it).
        QTest.keyClick(grid, Qt.Key.Key_Tab)
        settle()
        assert not grid.hasFocus()
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        settle()
        assert grid.hasFocus()
        # A day with one post: the arrows get there, Enter opens it in the composer.
        grid.setCurrentIndex(model.index_of(day - timedelta(days=1)))
        QTest.keyClick(grid, Qt.Key.Key_Right)
        assert grid.currentIndex() == model.index_of(day)
        QTest.keyClick(grid, Qt.Key.Key_Return)
        post = model.posts_on(day)[0]
        assert opened == [post.id]
        assert room.window.current_page() is room.shell.composer and room.shell.composer.post_id == post.id
        # A day with no post: Enter writes one for that day, in the morning.
        assert room.show_page("calendar") is calendar
        grid.setFocus(Qt.FocusReason.TabFocusReason)
        empty = next(d for d in (model.first + timedelta(days=i) for i in range(42)) if not model.posts_on(d))
        grid.setCurrentIndex(model.index_of(empty))
        QTest.keyClick(grid, Qt.Key.Key_Return)
        assert composed == [datetime.combine(empty, time(9, 0))]
        assert room.window.current_page() is room.shell.composer


def test_date_fields_step_every_part_with_the_arrows_and_open_with_alt_down(qtbot: QtBot) -> None:
    field = DateTimeField(QDateTime(QDate(2026, 12, 8), QTime(9, 0)))
    qtbot.addWidget(field)
    field.setDisplayFormat("dddd d MMMM yyyy  HH:mm")
    field.setDateTimeRange(
        QDateTime(QDate(2026, 1, 1), QTime(0, 0)), QDateTime(QDate(2030, 1, 1), QTime(0, 0))
    )
    field.show()
    field.setFocus()
    steps = {
        0: QDateTime(QDate(2026, 12, 9), QTime(9, 0)),  # the weekday: a day
        1: QDateTime(QDate(2026, 12, 10), QTime(9, 0)),  # the day
        2: QDateTime(QDate(2027, 1, 10), QTime(9, 0)),  # December + 1: January next year
        3: QDateTime(QDate(2028, 1, 10), QTime(9, 0)),  # the year
        4: QDateTime(QDate(2028, 1, 10), QTime(10, 0)),  # the hour
        5: QDateTime(QDate(2028, 1, 10), QTime(10, 1)),  # the minutes
    }
    for section, wanted in steps.items():
        field.setCurrentSectionIndex(section)
        QTest.keyClick(field, Qt.Key.Key_Up)
        assert field.dateTime() == wanted, section
        assert field.currentSectionIndex() == section
    QTest.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(field.calendar_open)
    field.calendarWidget().window().hide()
    QTest.keyClick(field, Qt.Key.Key_F4)
    qtbot.waitUntil(field.calendar_open)


def test_escape_on_the_wizard_asks_before_throwing_answers_away(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    with showroom(qapp, tmp_path) as room:
        room.shell.open_wizard(first_run=True)
        wizard = room.shell.wizard
        settle()
        skipped: list[bool] = []
        wizard.skipped.connect(lambda: skipped.append(True))
        wizard.activateWindow()
        # Nothing answered yet: Escape leaves at once, as before.
        QTest.keyClick(wizard, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not wizard.isVisible())
        assert skipped == [True]

        room.shell.open_wizard(first_run=True)
        wizard = room.shell.wizard
        settle()
        wizard.skipped.connect(lambda: skipped.append(True))
        wizard.next()
        settle()
        name = wizard.business_page.name_edit
        assert name.hasFocus(), "a new step gives its first field the focus"
        name.clear()
        QTest.keyClicks(name, "Atelier Soleil")
        QTest.keyClick(name, Qt.Key.Key_Escape)
        box = wizard.leave_box
        assert box is not None and box.isVisible() and wizard.isVisible()
        QTest.keyClick(box, Qt.Key.Key_Return)  # Enter keeps the answers
        qtbot.waitUntil(lambda: not box.isVisible())
        assert wizard.isVisible() and name.text() == "Atelier Soleil" and skipped == [True]
        QTest.keyClick(name, Qt.Key.Key_Escape)
        leave = wizard.leave_box
        assert leave is not None
        leave.findChild(QPushButton, "leave_without_saving").click()
        qtbot.waitUntil(lambda: not wizard.isVisible())
        assert skipped == [True, True]


def test_every_focusable_widget_can_be_reached(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    """No card, row or button that only the mouse reaches: every enabled button and view on a page is a
    stop (of its exclusive group, the checked one)."""
    with showroom(qapp, tmp_path) as room:
        missing = []
        for label, window in every_screen(room):
            if not windows(label, window):
                continue
            chain = set(expected_chain(window))
            for widget in window.findChildren(QWidget):
                if (
                    widget.window() is window
                    and can_take_focus(widget, window)
                    and not isinstance(widget.parentWidget(), (QAbstractSpinBox, QComboBox, QTabBar))
                    and widget not in chain
                ):
                    missing.append(f"{label}: {describe(widget)}")
        assert not missing, "\n".join(missing)
