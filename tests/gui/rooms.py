"""The furnished app of scripts/showroom.py for the GUI tests: a real Shell with every page and dialog, on the
test's own folder, in a language and a system font size; and the screen sizes the app must fit."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from scripts.showroom import Showroom, open_dialogs, open_showroom, settle

# Logical screens (DESIGN.md): 1280x720 is 1920x1080 at 150 %, 960x540 is 1920x1080 at 200 %.
SCREENS = {"960x540": QSize(960, 540), "1024x640": QSize(1024, 640), "1280x720": QSize(1280, 720)}
# What the screen keeps for itself: a task bar (40) and the window's title bar (32).
TASKBAR_AND_TITLE = 72
FONT_SCALES = (1.0, 1.5)  # the system's font, and a large one (15 pt for a 10 pt default)


def room_for(screen: QSize) -> QSize:
    """The area a window can use on `screen`: its client size when maximised."""
    return QSize(screen.width(), screen.height() - TASKBAR_AND_TITLE)


@contextmanager
def larger_font(app: QApplication, scale: float) -> Iterator[None]:
    """The application's font `scale` times larger (a large system font), restored after."""
    previous = QFont(app.font())
    if scale != 1.0:
        font = QFont(previous)
        font.setPointSizeF(previous.pointSizeF() * scale)
        app.setFont(font)
    try:
        yield
    finally:
        app.setFont(previous)


@contextmanager
def showroom(app: QApplication, home: Path, lang: str = "en", font_scale: float = 1.0) -> Iterator[Showroom]:
    with larger_font(app, font_scale):
        room = open_showroom(app, home)
        try:
            room.shell.set_language(lang)
            settle(app)
            yield room
        finally:
            room.shell.set_language("en")
            room.close()


def fit(window: QWidget, area: QSize) -> None:
    """A main window fills the area; a dialog keeps the size it opened at (its own choice, or its size
    hint), as large as the area allows."""
    if window.objectName() == "main_window":
        window.resize(area)
    else:
        opened = window.property("opened_size")
        if not isinstance(opened, QSize):
            opened = window.size().expandedTo(window.sizeHint())
            window.setProperty("opened_size", opened)
        window.resize(opened.boundedTo(area))
    settle()


def every_screen(room: Showroom, area: QSize | None = None) -> Iterator[tuple[str, QWidget]]:
    """Each page in the main window, then each dialog, shown one at a time: ("page home", window)..."""
    room.fill_composer()
    room.window.resize(area or room_for(SCREENS["1280x720"]))
    for name in room.page_names():
        room.show_page(name)
        yield f"page {name}", room.window
    for name, dialog in open_dialogs(room):
        if area is not None:
            fit(dialog, area)
        yield f"dialog {name}", dialog


def focus_chain(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits in `window`, from the first, as Qt's focus chain gives them."""
    chain: list[QWidget] = []
    start = window.nextInFocusChain()
    current = start
    while current is not None and current is not window:
        if (
            current.isVisible()
            and current.isEnabled()
            and current.focusPolicy() & Qt.FocusPolicy.TabFocus
            and current.window() is window
            and not current.focusProxy()
        ):
            chain.append(current)
        current = current.nextInFocusChain()
        if current is start:
            break
    return chain
