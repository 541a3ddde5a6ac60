"""Layouts that reflow, so that nothing is cut at 200 % scaling or with a large system font (DESIGN.md):

- `FlowLayout` places widgets left to right (or from the right) and wraps to a new line when the next one
  does not fit: toolbars, rows of buttons, counters, the composer's target toggles. Qt has none built in (its
  documentation ships one as an example). Inside another layout, use a `FlowRow` (a widget with its own).
- `ScrollPage` holds a page of the main window: it scrolls up and down when the window is shorter than the
  page, never sideways (the page's width follows the window; what is too wide must reflow).
- `mark_elided` says that a widget shortens its text on purpose (with "…"): the layout audit lets it be.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLayout, QLayoutItem, QScrollArea, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

# `Qt` (the namespace) is imported where it is used: the main window imports this module before its first
# paint, and the namespace's first use builds all of its enums (~16 ms, see ui/theme.py).

CONTEXT = "Reflow"
GAP = 8  # DESIGN.md: clickable things 8 px apart
TITLE_BAR = 32  # what a window's frame takes above it, about


class FlowLayout(QLayout):
    def __init__(
        self,
        parent: QWidget | None = None,
        spacing: int = 4,
        *,
        line_spacing: int | None = None,
        align_right: bool = False,
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._line_spacing = spacing if line_spacing is None else line_spacing
        self._align_right = align_right
        self._height = 0  # at the width last given: the parent's layout then makes room for every line
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        from PySide6.QtCore import Qt

        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        height = self._place(rect, move=True)
        if height != self._height:
            # Layouts that do not ask heightForWidth (a splitter's, a dialog's top level) learn the new
            # height through minimumSize(): ask them to lay out again (a posted event, not a loop).
            self._height = height
            owner = self.parentWidget()
            if owner is not None and owner.layout() is self:
                owner.updateGeometry()
            self.update()

    def sizeHint(self) -> QSize:
        """Everything on one line: what the row would like; it wraps when given less."""
        width, height, shown = 0, 0, 0
        for item in self._shown():
            hint = item.sizeHint()
            width += hint.width()
            height = max(height, hint.height())
            shown += 1
        margins = self.contentsMargins()
        width += self._spacing * max(0, shown - 1)
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        """The widest item: the row never needs more, since it wraps."""
        size = QSize(0, 0)
        for item in self._shown():
            size = size.expandedTo(item.minimumSize().expandedTo(item.sizeHint()))
        margins = self.contentsMargins()
        size += QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
        return size.expandedTo(QSize(0, self._height))

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _place(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = 0
        for item in self._shown():
            hint = item.sizeHint()
            if hint.width() > area.width():
                # Wider than the whole line: it gets the line, taller if it wraps its own content.
                hint = QSize(max(area.width(), 1), hint.height())
                if item.hasHeightForWidth():
                    hint.setHeight(item.heightForWidth(hint.width()))
            if lines[-1] and x + hint.width() > area.width():
                lines.append([])
                x = 0
            lines[-1].append((item, hint))
            x += hint.width() + self._spacing
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(hint.height() for _item, hint in line)
            used = sum(hint.width() for _item, hint in line) + self._spacing * (len(line) - 1)
            x = area.x() + (area.width() - used if self._align_right else 0)
            if move:
                for item, hint in line:
                    # Items of one line share its height, centred: a label beside a taller button lines up.
                    top = y + (height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), hint))
                    x += hint.width() + self._spacing
            y += height + self._line_spacing
        if any(lines):
            y -= self._line_spacing
        return y - rect.y() + margins.bottom()


class FlowRow(QWidget):
    """A row of widgets that wraps (a FlowLayout of its own).

    Use it rather than a FlowLayout nested in another layout: a layout written in Python keeps its items
    in the Python object, which PySide may let go while Qt still uses the layout; a widget's own layout
    lives as long as the widget.
    """

    def __init__(
        self,
        widgets: tuple[QWidget, ...] | list[QWidget] = (),
        *,
        spacing: int = GAP,
        line_spacing: int | None = None,
        align_right: bool = False,
        name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if name:
            self.setObjectName(name)
        self.flow = FlowLayout(self, spacing, line_spacing=line_spacing, align_right=align_right)
        for widget in widgets:
            self.flow.addWidget(widget)

    def add(self, widget: QWidget) -> None:
        self.flow.addWidget(widget)


class ContentScroll(QScrollArea):
    """Content that scrolls up and down, never sideways (what is too wide must reflow).

    It is a stop in the tab order only while there is something to scroll (the arrows and Page Up/Down
    then move it); `name` (marked with QT_TRANSLATE_NOOP("Reflow", ...)) is what a screen reader says.
    """

    def __init__(
        self, content: QWidget | None = None, name: object = "", parent: QWidget | None = None
    ) -> None:
        from PySide6.QtCore import Qt

        super().__init__(parent)
        self._name = str(name)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalScrollBar().rangeChanged.connect(self._range_changed)
        if content is not None:
            self.setWidget(content)
        self.retranslate()

    def _range_changed(self, low: int, high: int) -> None:
        from PySide6.QtCore import Qt

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if high > low else Qt.FocusPolicy.NoFocus)

    def retranslate(self) -> None:
        if self._name:
            self.setAccessibleName(QCoreApplication.translate(CONTEXT, self._name))
            self.setAccessibleDescription(
                QCoreApplication.translate("Reflow", "The arrow keys and Page Up or Page Down scroll it.")
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class ShortScroll(ContentScroll):
    """Content that takes what it needs up to `lines` lines of text, and scrolls past that: a post quoted
    above an answer box is shown whole when it is short, without its own scroll bar."""

    def __init__(self, content: QWidget, name: object, lines: int = 8, parent: QWidget | None = None) -> None:
        super().__init__(content, name, parent)
        self._lines = lines

    def _wanted(self) -> int:
        content = self.widget()
        if content is None:
            return self._lines * self.fontMetrics().height()
        # At the width left beside a scroll bar: what fits there fits without one.
        bar = self.verticalScrollBar().sizeHint().width()
        width = max(1, self.width() - 2 * self.frameWidth() - bar)
        needed = content.heightForWidth(width) if content.hasHeightForWidth() else content.sizeHint().height()
        needed = max(needed, content.minimumSizeHint().height())
        return min(needed, self._lines * self.fontMetrics().height()) + 2 * self.frameWidth()

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._wanted())

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._wanted())


class ScrollPage(ContentScroll):
    """A page of the main window that scrolls vertically when the window is too short for it."""

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(page, QT_TRANSLATE_NOOP("Reflow", "Page content"), parent)
        self.setObjectName(f"scroll_{page.objectName() or 'page'}")

    def page(self) -> QWidget:
        page = self.widget()
        assert page is not None
        return page


class ScrollBody(ContentScroll):
    """A dialog's content, above its buttons: as tall as its wrapped texts need, and scrolling when the
    screen is shorter than that, so the buttons always stay on the screen."""

    def __init__(
        self,
        content: QWidget,
        name: object = QT_TRANSLATE_NOOP("Reflow", "Window content"),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(content, name, parent)
        self.setObjectName(f"scroll_{content.objectName() or 'body'}")

    def _bar(self) -> int:
        return self.verticalScrollBar().sizeHint().width()

    def sizeHint(self) -> QSize:
        """The whole content at the width it has (or needs): no scroll bar when the screen allows."""
        content = self.widget()
        if content is None:
            return super().sizeHint()
        width = max(content.minimumSizeHint().width(), self.viewport().width(), content.sizeHint().width())
        height = content.heightForWidth(width) if content.hasHeightForWidth() else -1
        return QSize(width + self._bar(), max(height, content.sizeHint().height()))

    def minimumSizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().minimumSizeHint()
        return QSize(content.minimumSizeHint().width() + self._bar(), 4 * self.fontMetrics().height())


def fitting_height(widget: QWidget, width: int) -> int:
    """The height a page asks of the window at `width` (its heightForWidth): its minimum, not what it would
    like. A ScrollPage sizes a page with wrapping rows from this; with the preferred height, a page whose
    list or column scrolls inside was taller than the window too, with a second scroll bar beside the first
    (200 %, a large font). The parts that stretch (a list, a text box) take the room left."""
    layout = widget.layout()
    return layout.minimumHeightForWidth(width) if layout is not None else -1


class FittedContent(QWidget):
    """What a `FittedScroll` holds: it fills the view, and is made taller than the view only down to its
    minimum (the parts that stretch, a list or a text box, shrink first)."""

    def heightForWidth(self, width: int) -> int:
        return fitting_height(self, width)


class FittedScroll(ContentScroll):
    """A part of a page that fills its room and scrolls only when even its minimum does not fit (200 %, a
    large font): nothing in it is squeezed below its size or drawn over its neighbour. Never sideways: it
    is as wide as its content's minimum at least."""

    def __init__(self, content: FittedContent, name: object, parent: QWidget | None = None) -> None:
        super().__init__(content, name, parent)

    def minimumSizeHint(self) -> QSize:
        content = self.widget()
        if content is None:
            return super().minimumSizeHint()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(content.minimumSizeHint().width() + bar, 4 * self.fontMetrics().height())


def fit_height(window: QWidget) -> None:
    """As tall as the window's wrapped texts need at its current width, but no taller than its screen
    (the content scrolls then, see ScrollBody).

    Qt sizes a top-level window from its layout's minimum, which ignores height-for-width (word-wrapped
    labels): without this, a long message or the French texts would be squeezed and clipped.
    """
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    width = max(window.width(), layout.minimumSize().width())
    needed = (
        layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
    )
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        needed = min(needed, screen.availableGeometry().height() - TITLE_BAR)
    if window.height() < needed or window.width() < width:
        window.resize(width, max(window.height(), needed))


def fit_to_screen(window: QWidget, preferred: QSize) -> None:
    """Open at `preferred`, or smaller on a small screen (200 % on 1920x1080 leaves 960x540 logical
    pixels): the whole window, title bar and buttons included, stays on the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(preferred)
        return
    room = screen.availableGeometry().size() - QSize(0, TITLE_BAR)
    window.resize(preferred.boundedTo(room))


def stack_buttons(box: QMessageBox) -> None:
    """A message box's buttons one under the other: long choices ("Restore the backup of 2026-12-08
    10:25") side by side are cut to the box's width, which Qt keeps under the screen's."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = box.findChild(QDialogButtonBox)
    if buttons is not None:
        buttons.setOrientation(Qt.Orientation.Vertical)


def mark_elided(widget: QWidget) -> None:
    """This widget shortens its text with "…" on purpose (the full text is in its tooltip or elsewhere)."""
    widget.setProperty("elides", True)
