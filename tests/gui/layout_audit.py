"""The layout audit: what a person would see as broken, found by walking a window's widgets.

- the window is larger than the screen (its layout's minimum does not fit);
- a widget lies partly outside its parent (cut off or off-screen), or a page needs sideways scrolling;
- two visible sibling widgets intersect (something drawn over something else);
- a text is cut: a label, button, check box or list item smaller than its text needs, unless the widget says
  elision is intended (the `elides` property, see cm_desktop.ui.layout.mark_elided).

Only widgets the app placed are judged: children of a layout, or placed by hand beside one. Qt's own inner
parts (scroll bars, the line edit of a spin box, a header) are left to Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QFocusFrame,
    QHeaderView,
    QLabel,
    QLayout,
    QListWidget,
    QMenu,
    QRubberBand,
    QScrollArea,
    QScrollBar,
    QSizeGrip,
    QSplitterHandle,
    QTabBar,
    QWidget,
)

TOLERANCE = 1  # rounding of fractional metrics
# Qt's parts of its own widgets: judged by Qt, not by us.
OPAQUE = (QAbstractSpinBox, QComboBox, QCalendarWidget, QHeaderView, QTabBar)
INTERNAL = (QScrollBar, QFocusFrame, QMenu, QRubberBand, QSizeGrip, QSplitterHandle)


@dataclass(frozen=True)
class Finding:
    widget: str
    problem: str
    detail: str

    def __str__(self) -> str:
        return f"{self.widget}: {self.problem} ({self.detail})"


def describe(widget: QWidget) -> str:
    """A path of object names (or class names) from the window down, short enough to read."""
    parts = []
    current: QWidget | None = widget
    while current is not None:
        name = current.objectName()
        if name and not name.startswith("qt_"):
            parts.append(name)
        elif current is widget:
            parts.append(type(current).__name__)
        if current.isWindow():
            break
        current = current.parentWidget()
    text = getattr(widget, "text", None)
    shown = ""
    if callable(text):
        try:
            shown = str(text())[:40]
        except TypeError:
            shown = ""
    return "/".join(reversed(parts)) + (f" «{shown}»" if shown else "")


def laid_out(layout: QLayout | None) -> list[QWidget]:
    """Widgets placed by `layout` and the layouts nested in it."""
    found: list[QWidget] = []
    if layout is None:
        return found
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        if item.widget() is not None:
            found.append(item.widget())
        elif item.layout() is not None:
            found.extend(laid_out(item.layout()))
    return found


def elides(widget: QWidget) -> bool:
    return bool(widget.property("elides"))


def is_internal(widget: QWidget) -> bool:
    """Qt's own parts (scroll bars, the focus frame...) and what is drawn on top on purpose (the focus ring)."""
    return isinstance(widget, INTERNAL) or bool(widget.property("overlay"))


def is_plumbing(widget: QWidget) -> bool:
    """A container Qt puts between a widget and its content (a scroll area's viewport, a tab widget's stack):
    not judged itself, its content is."""
    return widget.objectName().startswith("qt_")


def visible_children(parent: QWidget) -> list[QWidget]:
    if isinstance(parent, OPAQUE):
        return []
    children = parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return [c for c in children if c.isVisible() and not c.isWindow() and not is_internal(c)]


def audit(window: QWidget, screen: QSize) -> list[Finding]:
    findings: list[Finding] = []
    if window.width() > screen.width() + TOLERANCE or window.height() > screen.height() + TOLERANCE:
        minimum = window.minimumSizeHint()
        findings.append(
            Finding(
                describe(window),
                "larger than the screen",
                f"{window.width()}x{window.height()} for {screen.width()}x{screen.height()} "
                f"(its layout needs at least {minimum.width()}x{minimum.height()})",
            )
        )
    _walk(window, findings)
    return findings


def _walk(parent: QWidget, findings: list[Finding]) -> None:
    children = visible_children(parent)
    judged = [c for c in children if not is_plumbing(c)]
    area = parent.rect()
    viewport_of = _scroll_area_of_viewport(parent)
    for child in judged:
        box = child.geometry()
        if viewport_of is not None:
            # The content of a scroll area may be taller than the view (it scrolls), never wider.
            if box.width() > area.width() + TOLERANCE and not viewport_of.property("scrolls_sideways"):
                findings.append(
                    Finding(
                        describe(viewport_of),
                        "scrolls sideways",
                        f"content {box.width()} px wide in a view of {area.width()} px",
                    )
                )
        elif not _inside(box, area):
            findings.append(Finding(describe(child), "outside its parent", f"{_rect(box)} in {_rect(area)}"))
        _check_text(child, findings)
    for i, first in enumerate(judged):
        for second in judged[i + 1 :]:
            overlap = first.geometry().intersected(second.geometry())
            if overlap.width() > TOLERANCE and overlap.height() > TOLERANCE:
                findings.append(
                    Finding(
                        describe(first),
                        "overlaps",
                        f"{describe(second)} on {overlap.width()}x{overlap.height()} px",
                    )
                )
    for child in children:
        _walk(child, findings)


def _scroll_area_of_viewport(widget: QWidget) -> QAbstractScrollArea | None:
    area = widget.parentWidget()
    if isinstance(area, QScrollArea) and area.viewport() is widget:
        return area
    return None


def _inside(box: QRect, area: QRect) -> bool:
    return (
        box.left() >= area.left() - TOLERANCE
        and box.top() >= area.top() - TOLERANCE
        and box.right() <= area.right() + TOLERANCE
        and box.bottom() <= area.bottom() + TOLERANCE
    )


def _rect(r: QRect) -> str:
    return f"{r.width()}x{r.height()}+{r.x()}+{r.y()}"


def _check_text(widget: QWidget, findings: list[Finding]) -> None:
    if elides(widget):
        return
    width, height = widget.width(), widget.height()
    if isinstance(widget, QLabel):
        if not widget.text() or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return
        if widget.wordWrap():
            needed = widget.heightForWidth(width)
            if needed > height + TOLERANCE:
                findings.append(
                    Finding(describe(widget), "text cut", f"needs {needed} px high, has {height}")
                )
            words = widget.minimumSizeHint().width()
            if words > width + TOLERANCE:
                findings.append(
                    Finding(describe(widget), "text cut", f"a word needs {words} px wide, has {width}")
                )
            return
        _against_hint(widget, widget.sizeHint(), findings)
    elif isinstance(widget, QAbstractButton):
        if widget.text():
            _against_hint(widget, widget.sizeHint(), findings)
    elif isinstance(widget, QListWidget):
        _check_items(widget, findings)


def _against_hint(widget: QWidget, hint: QSize, findings: list[Finding]) -> None:
    if hint.width() > widget.width() + TOLERANCE or hint.height() > widget.height() + TOLERANCE:
        findings.append(
            Finding(
                describe(widget),
                "text cut",
                f"needs {hint.width()}x{hint.height()}, has {widget.width()}x{widget.height()}",
            )
        )


def _check_items(view: QAbstractItemView, findings: list[Finding]) -> None:
    if not isinstance(view, QListWidget) or view.wordWrap():
        return
    room = view.viewport().width()
    for row in range(view.count()):
        item = view.item(row)
        if item is None or item.isHidden() or not item.text():
            continue
        rect = view.visualItemRect(item)
        needed = view.sizeHintForIndex(view.indexFromItem(item)).width()
        if needed > min(rect.width(), room) + TOLERANCE and view.flow() == view.Flow.TopToBottom:
            findings.append(
                Finding(
                    describe(view),
                    "item text cut",
                    f"«{item.text()[:40]}» needs {needed} px, has {min(rect.width(), room)}",
                )
            )
