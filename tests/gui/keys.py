"""What the keyboard reaches on a screen: its Tab order (by pressing Tab), and its mnemonics (Alt+letter)."""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabBar, QWidget

from cm_desktop.ui.keyboard import can_take_focus, reading_order
from scripts.showroom import settle

MNEMONIC = re.compile(r"(?<!&)&(?!&)(\w)")


def name_of(widget: QWidget | None) -> str:
    if widget is None:
        return "(nothing)"
    return widget.objectName() or type(widget).__name__


def first_stop(window: QWidget) -> QWidget:
    chain = expected_chain(window)
    assert chain, f"nothing to focus in {name_of(window)}"
    return chain[0]


def expected_chain(window: QWidget) -> list[QWidget]:
    """The reading order of what can take the focus (the main window's and the wizard's own, if any)."""
    own = getattr(window, "tab_chain", None)
    chain = own() if callable(own) else reading_order(window)
    return [w for w in chain if can_take_focus(w, window) and w.window() is window]


def tab_walk(window: QWidget, steps: int, backwards: bool = False) -> list[QWidget]:
    """Press Tab (or Shift+Tab) `steps` times from the first stop; the widgets that had the focus."""
    window.activateWindow()
    first_stop(window).setFocus(Qt.FocusReason.TabFocusReason)
    settle()
    seen: list[QWidget] = []
    for _ in range(steps):
        focused = QApplication.focusWidget()
        seen.append(focused)
        modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
        QTest.keyClick(focused or window, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab, modifier)
        settle()
    return seen


def fold(letter: str) -> str:
    """Alt+É and Alt+E are one key on a French keyboard for this purpose: compare without accents."""
    return unicodedata.normalize("NFKD", letter.casefold())[0]


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Letter -> the visible texts that use it as Alt+letter in `window`."""
    found: dict[str, list[str]] = {}

    def note(text: str, where: QWidget) -> None:
        for letter in MNEMONIC.findall(text):
            found.setdefault(fold(letter), []).append(f"{name_of(where)} «{text}»")

    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        if isinstance(widget, QAbstractButton):
            note(widget.text(), widget)
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            note(widget.text(), widget)
        elif isinstance(widget, QGroupBox):
            note(widget.title(), widget)
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                note(widget.tabText(i), widget)
    return found
