"""Where the keyboard is, seen at a glance: a 2 px ring around every widget Tab reaches, on every page and
dialog, light and dark, that stands out (>= 3:1) from what is on both sides of it, measured on the pixels
the window shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from cm_desktop.ui.colours import Role, colour, contrast
from cm_desktop.ui.focus_ring import FocusRings, visible_area
from cm_desktop.ui.theme import apply_palette
from scripts.showroom import settle
from tests.gui.keys import expected_chain, name_of
from tests.gui.rooms import every_screen, showroom

MARKS = 3.0


def target_box(widget: QWidget) -> QRect:
    """What the ring goes around, in window coordinates: the widget, or a view's current item."""
    window = widget.window()
    box = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    if isinstance(widget, QAbstractItemView) and widget.currentIndex().isValid():
        item = widget.visualRect(widget.currentIndex()).intersected(widget.viewport().rect())
        if not item.isEmpty():
            box = QRect(widget.viewport().mapTo(window, item.topLeft()), item.size())
    return box.intersected(visible_area(widget))


def ring_pixels(ring: QRect) -> list[QPoint]:
    """Points of the ring's outer line, every few pixels round it."""
    points = []
    for x in range(ring.left(), ring.right() + 1, 3):
        points += [QPoint(x, ring.top()), QPoint(x, ring.bottom())]
    for y in range(ring.top(), ring.bottom() + 1, 3):
        points += [QPoint(ring.left(), y), QPoint(ring.right(), y)]
    return points


def pixel(image: QImage, point: QPoint) -> QColor | None:
    ratio = image.devicePixelRatio()
    x, y = round(point.x() * ratio), round(point.y() * ratio)
    if 0 <= x < image.width() and 0 <= y < image.height():
        return image.pixelColor(x, y)
    return None


def check_ring(window: QWidget, widget: QWidget, before: QImage) -> list[str]:
    """WCAG 2.2's measure of a focus indicator: the ring's pixels change by >= 3:1 from what they showed
    without the focus (here: on at least 90 % of them; a 1 px line of the same blue may cross it)."""
    ring_widget = FocusRings.ring_of(window)
    if ring_widget is None or not ring_widget.isVisible():
        return ["no ring"]
    ring, shown = ring_widget.ring, ring_widget.geometry()
    box = target_box(widget)
    if not ring.contains(box):
        return [f"ring {ring} does not go around {box}"]
    accent = colour(Role.ACCENT, window.palette())
    after = window.grab().toImage()
    changes = []
    for point in ring_pixels(ring):
        drawn, under = pixel(after, point), pixel(before, point)
        if drawn is None or under is None or not shown.contains(point):
            continue  # a side scrolled out of view, or past the window's edge
        if contrast(drawn, accent) > 1.05:
            return [f"the ring is not drawn at {point.x()},{point.y()} ({drawn.name()})"]
        changes.append(contrast(drawn, under))
    weak = [c for c in changes if c < MARKS]
    if len(weak) > 0.1 * len(changes):
        return [
            f"{len(weak)} of {len(changes)} ring pixels change by less than 3:1 (down to {min(weak):.2f}:1)"
        ]
    return []


def focus(widget: QWidget) -> None:
    """As Tab gives it: the focus, and the widget scrolled into view."""
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    ancestor = widget.parentWidget()
    while ancestor is not None:
        if isinstance(ancestor, QScrollArea):
            ancestor.ensureWidgetVisible(widget)
        ancestor = ancestor.parentWidget()
    settle()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_focusable_widget_shows_a_clear_ring(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, scheme: str
) -> None:
    with showroom(qapp, tmp_path) as room:
        apply_palette(qapp, dark=scheme == "dark")
        try:
            failures = []
            for label, window in every_screen(room):
                if not window.isWindow():
                    continue  # the emoji picker: a pop-up in #16
                window.activateWindow()
                settle()
                for widget in expected_chain(window):
                    focus(widget)
                    focused = QApplication.focusWidget()
                    if focused is not None:
                        focused.clearFocus()  # no ring: what the pixels are without the focus
                    settle()
                    before = window.grab().toImage()
                    focus(widget)
                    if not widget.hasFocus():
                        continue  # a pop-up took it (the date field's calendar): not this widget's ring
                    failures += [
                        f"{label}: {name_of(widget)}: {p}" for p in check_ring(window, widget, before)
                    ]
            assert not failures, "\n".join(failures)
        finally:
            apply_palette(qapp, dark=False)


def test_the_ring_follows_the_current_item_of_a_list(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    with showroom(qapp, tmp_path) as room:
        room.window.activateWindow()
        settle()
        navigation = room.window.navigation
        navigation.setFocus(Qt.FocusReason.TabFocusReason)
        settle()
        first = FocusRings.ring_of(room.window)
        assert first is not None and first.geometry().contains(target_box(navigation))
        top = first.geometry().top()
        room.window.show_page("calendar")
        qtbot.waitUntil(lambda: first.geometry().contains(target_box(navigation)))
        assert first.geometry().top() > top  # the ring moved down, to "Calendar"
