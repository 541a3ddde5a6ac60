"""The focus ring: a 2 px line in the accent colour around whatever has the keyboard focus, in every window.

Styles draw focus their own way, some barely (a dotted line, a darker border that looks like the default
button's), and style sheets can remove it. One ring drawn on top works the same on every widget, in light
and dark (DESIGN.md: >= 3:1 against what surrounds it, distinct from the default-button look):

- around the widget, one pixel away from its edge, so it sits on the parent's background, never on an accent
  fill; a side that falls outside what is visible (a widget scrolled half out of view, at a window's edge)
  is not drawn: the widget goes on past that edge, and so does its ring;
- around the current item of a list, table or the calendar grid, which is what the arrows move.

The ring is a child of the focused widget's window, transparent for the mouse and masked to its own
outline, so it covers nothing else and takes no clicks.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QPen, QRegion
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QApplication, QWidget

from cm_desktop.ui.colours import Role, colour

WIDTH = 2
GAP = 1  # between the widget's edge and the ring: the parent's own background shows there
# Events on the focused widget or an ancestor that can move it on screen.
MOVES = {
    QEvent.Type.Move,
    QEvent.Type.Resize,
    QEvent.Type.Show,
    QEvent.Type.Hide,
    QEvent.Type.LayoutRequest,
    QEvent.Type.ParentChange,
}


class FocusRing(QWidget):
    """The ring of one window; `FocusRings` moves it to the focused widget."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focus_ring")
        self.setProperty("overlay", True)  # the layout audit knows it is drawn on top on purpose
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ring = QRect()  # in window coordinates, whole (the widget shows the part that is visible)
        self._full = QRect()
        self.hide()

    def place(self, ring: QRect, visible: QRect) -> None:
        """Around `ring` (window coordinates); a side beyond `visible` (scrolled out of view) is not drawn,
        so the ring never runs over other content: the widget goes on past the edge, and so does its ring."""
        shown = ring.intersected(visible)
        if shown.isEmpty():
            self.hide()
            return
        self.ring = ring
        self.setGeometry(shown)
        full = QRect(ring.topLeft() - shown.topLeft(), ring.size())  # in this widget's coordinates
        outline = QRegion(full).subtracted(QRegion(full.adjusted(WIDTH, WIDTH, -WIDTH, -WIDTH)))
        self.setMask(outline.intersected(QRegion(self.rect())))
        self._full = full
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        pen = QPen(colour(Role.ACCENT, self.palette()), WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = WIDTH // 2
        painter.drawRect(self._full.adjusted(half, half, -half, -half))
        painter.end()


class FocusRings(QObject):
    """Install once per application: every window gets its ring, following the focus."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("focus_rings")
        self._target: QWidget | None = None
        self._watched: list[QObject] = []
        self._view: QAbstractItemView | None = None
        self._ring: FocusRing | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.place)
        app.focusChanged.connect(self._focus_changed)

    @staticmethod
    def install(app: QApplication) -> FocusRings:
        existing = app.findChild(FocusRings, "focus_rings")
        return existing if existing is not None else FocusRings(app)

    @staticmethod
    def ring_of(window: QWidget) -> FocusRing | None:
        return window.findChild(FocusRing, "focus_ring", Qt.FindChildOption.FindDirectChildrenOnly)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Nothing here touches the widget that lost the focus: Qt says so while deleting it (and its
        # window), when asking it anything can crash. The ring moves once events have settled.
        self._target = new
        self._timer.start()

    def _watch(self, target: QWidget) -> None:
        """Follow what can move the target on screen: it and its ancestors, a view's current item."""
        self._unwatch()
        current: QWidget | None = target
        while current is not None:
            current.installEventFilter(self)
            self._watched.append(current)
            if current.isWindow():
                break
            current = current.parentWidget()
        if isinstance(target, QAbstractItemView):
            self._view = target
            model = target.selectionModel()
            if model is not None:
                model.currentChanged.connect(self._soon)
            target.verticalScrollBar().valueChanged.connect(self._soon)
            target.horizontalScrollBar().valueChanged.connect(self._soon)

    def _unwatch(self) -> None:
        for watched in self._watched:
            if shiboken6.isValid(watched):
                watched.removeEventFilter(self)
        self._watched = []
        view, self._view = self._view, None
        if view is not None and shiboken6.isValid(view):
            model = view.selectionModel()
            if model is not None and shiboken6.isValid(model):
                model.currentChanged.disconnect(self._soon)
            view.verticalScrollBar().valueChanged.disconnect(self._soon)
            view.horizontalScrollBar().valueChanged.disconnect(self._soon)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in MOVES:
            self._soon()
        return False

    def _soon(self, *_args: object) -> None:
        self._timer.start()

    def place(self) -> None:
        target = self._target
        shown = self._ring
        if target is None or not shiboken6.isValid(target):
            self._unwatch()
            if shown is not None and shiboken6.isValid(shown):
                shown.hide()
            return
        if not self._watched or self._watched[0] is not target:
            self._watch(target)
        window = target.window()
        ring = self.ring_of(window) or FocusRing(window)
        if shown is not None and shown is not ring and shiboken6.isValid(shown):
            shown.hide()  # the focus went to another window
        self._ring = ring
        if not target.isVisible() or not target.hasFocus():
            ring.hide()
            return
        ring.place(ring_rect(target), visible_area(target))


def ring_rect(target: QWidget) -> QRect:
    """Where the ring goes, in the window's coordinates: around the target (or its current item), one pixel
    off its edge."""
    window = target.window()
    box = QRect(target.mapTo(window, QPoint(0, 0)), target.size())
    if isinstance(target, QAbstractItemView):
        index = target.currentIndex()
        if index.isValid():
            item = target.visualRect(index)
            viewport = target.viewport()
            item = item.intersected(viewport.rect())
            if not item.isEmpty():
                box = QRect(viewport.mapTo(window, item.topLeft()), item.size())
    return box.adjusted(-(GAP + WIDTH), -(GAP + WIDTH), GAP + WIDTH, GAP + WIDTH)


def visible_area(widget: QWidget) -> QRect:
    """The part of the window where `widget` can be seen: inside the window and every scrolled view it is
    in (a ring never shows over what a scroll area hides). Plain containers do not count: a ring may cross
    the edge of a row of buttons it is drawn around."""
    window = widget.window()
    area = window.rect()
    current = widget.parentWidget()
    while current is not None and current is not window:
        holder = current.parentWidget()
        if isinstance(holder, QAbstractScrollArea) and holder.viewport() is current:
            area = area.intersected(QRect(current.mapTo(window, QPoint(0, 0)), current.size()))
        current = holder
    return area
