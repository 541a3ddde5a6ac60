"""The layout audit finds what it says it finds: each check, on a small window built to break it."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from cm_desktop.ui.reflow import mark_elided
from tests.gui.layout_audit import audit


def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    widget.setObjectName("window")
    qtbot.addWidget(widget)
    return widget


LARGE = QSize(2000, 2000)


def problems(widget: QWidget, screen: QSize = LARGE) -> list[str]:
    widget.show()
    return [f"{f.widget.split(' ')[0]}: {f.problem}" for f in audit(widget, screen)]


def test_a_window_larger_than_the_screen_is_found(qtbot: QtBot) -> None:
    widget = window(qtbot)
    widget.setMinimumSize(700, 500)
    assert problems(widget, QSize(640, 480)) == ["window: larger than the screen"]


def test_a_cut_button_and_a_cut_label_are_found_unless_elided_on_purpose(qtbot: QtBot) -> None:
    widget = window(qtbot)
    button = QPushButton("A rather long button label", widget)
    button.setObjectName("button")
    button.setGeometry(0, 0, 40, 30)
    label = QLabel("A label that does not wrap and is much too long", widget)
    label.setObjectName("label")
    label.setGeometry(0, 40, 60, 20)
    widget.resize(200, 100)
    assert problems(widget) == ["window/button: text cut", "window/label: text cut"]
    mark_elided(label)
    assert problems(widget) == ["window/button: text cut"]


def test_a_wrapped_label_too_short_for_its_lines_is_found(qtbot: QtBot) -> None:
    widget = window(qtbot)
    label = QLabel("Several words that wrap onto more lines than the label has room for " * 3, widget)
    label.setObjectName("wrapped")
    label.setWordWrap(True)
    label.setGeometry(0, 0, 120, 20)
    widget.resize(200, 100)
    assert problems(widget) == ["window/wrapped: text cut"]


def test_overlapping_siblings_and_a_child_outside_its_parent_are_found(qtbot: QtBot) -> None:
    widget = window(qtbot)
    first, second = QWidget(widget), QWidget(widget)
    first.setObjectName("first")
    second.setObjectName("second")
    first.setGeometry(0, 0, 50, 50)
    second.setGeometry(25, 25, 50, 50)
    widget.resize(60, 60)
    assert problems(widget) == ["window/second: outside its parent", "window/first: overlaps"]


def test_a_page_that_needs_sideways_scrolling_is_found_and_laid_out_pages_pass(qtbot: QtBot) -> None:
    widget = window(qtbot)
    scroll = QScrollArea()
    scroll.setObjectName("scroll")
    scroll.setWidgetResizable(True)
    content = QWidget()
    row = QHBoxLayout(content)
    for i in range(3):
        row.addWidget(QPushButton(f"Button number {i} with words"))
    scroll.setWidget(content)
    layout = QVBoxLayout(widget)
    layout.addWidget(scroll)
    widget.resize(200, 120)
    assert problems(widget) == ["window/scroll: scrolls sideways"]
    widget.resize(900, 120)
    assert problems(widget) == []
