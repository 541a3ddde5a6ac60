"""Keyboard habits the whole app keeps, for people who do not use a mouse (DESIGN.md):

- Tab leaves a text box (Ctrl+Tab types a real tab, the rare time one is wanted): `leave_on_tab`;
- Tab follows the reading order of every window (`ReadingOrders`, `reading_order`: the layouts read top
  to bottom and left to right), content added later included; `tab_order` sets a fixed order;
- date and time fields step with the arrows on every part (weekday, day, month, year, hour, minute), across
  months and years, open their calendar with Alt+Down or F4, and let Tab out: `DateTimeField`, `TimeField`.
"""

from __future__ import annotations

import itertools
from typing import Any

import shiboken6
from PySide6.QtCore import QDateTime, QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QGridLayout,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QTimeEdit,
    QWidget,
)


class _TabTyper(QObject):
    """Ctrl+Tab types a tab into the box it watches (Tab itself moves the focus on)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(
            event, QKeyEvent
        ):
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if event.key() == Qt.Key.Key_Tab and ctrl and isinstance(watched, (QPlainTextEdit, QTextEdit)):
                event.accept()
                if event.type() == QEvent.Type.KeyPress and not watched.isReadOnly():
                    watched.insertPlainText("\t")
                return True
        return False


def leave_on_tab(editor: QPlainTextEdit | QTextEdit) -> None:
    """Tab and Shift+Tab move the focus out of the box; Ctrl+Tab types a tab."""
    editor.setTabChangesFocus(True)
    typer = _TabTyper(editor)
    typer.setObjectName("tab_typer")
    editor.installEventFilter(typer)


def tab_order(*widgets: QWidget | None) -> None:
    """Tab visits these widgets in this order (the reading order); None entries are skipped."""
    chain = [w for w in widgets if w is not None]
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)


# Stops of their own: the keyboard works inside them (arrows, typing), Tab goes past them.
LEAVES = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
)


def reading_order(root: QWidget) -> list[QWidget]:
    """The widgets of `root` a person reaches with Tab, in the order they read the screen: its layouts
    from top to bottom and left to right (a grid row by row), a splitter's parts in order, the tabs of a
    tab widget before its pages, a scroll area's content where it stands."""
    found: list[QWidget] = []

    def visit(widget: QWidget) -> None:
        if widget is not root and _takes_tab(widget) and not widget.isWindow():
            found.append(widget)
        if isinstance(widget, LEAVES):
            return
        for child in _children_in_order(widget):
            visit(child)

    visit(root)
    return found


def _children_in_order(widget: QWidget) -> list[QWidget]:
    if isinstance(widget, QTabWidget):
        pages = [widget.widget(i) for i in range(widget.count())]
        return [widget.tabBar(), *(p for p in pages if p is not None)]
    if isinstance(widget, QSplitter):
        return [w for w in (widget.widget(i) for i in range(widget.count())) if w is not None]
    if isinstance(widget, QScrollArea):
        content = widget.widget()
        return [content] if content is not None else []
    if isinstance(widget, QStackedWidget):
        return [w for w in (widget.widget(i) for i in range(widget.count())) if w is not None]
    ordered = _in_layout(widget.layout()) if widget.layout() is not None else []
    placed = set(ordered)
    # Children no layout places (an overlay, the wizard's buttons...) come after, in creation order.
    rest = [
        c
        for c in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if c not in placed and not c.isWindow()
    ]
    return ordered + rest


def _in_layout(layout: QLayout | None) -> list[QWidget]:
    if layout is None:
        return []
    items = [layout.itemAt(i) for i in range(layout.count())]
    if isinstance(layout, QGridLayout):
        where: dict[int, tuple[int, int]] = {}
        for i, item in enumerate(items):
            position: Any = layout.getItemPosition(i)  # (row, column, rows, columns)
            where[id(item)] = (int(position[0]), int(position[1]))
        items.sort(key=lambda item: where[id(item)])
    found: list[QWidget] = []
    for item in items:
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            found.append(widget)
        elif item.layout() is not None:
            found.extend(_in_layout(item.layout()))
    return found


def can_take_focus(widget: QWidget, window: QWidget) -> bool:
    """A stop for Tab: visible, enabled, taking the focus by Tab; of a group of exclusive buttons (the
    calendar's views, radio buttons) only the checked one, the arrows moving between them (as Qt does)."""
    return (
        widget.isVisibleTo(window)
        and widget.isEnabled()
        and _takes_tab(widget)
        and widget.focusProxy() is None
        and not _unchecked_in_group(widget)
    )


def _takes_tab(widget: QWidget) -> bool:
    # Qt takes Tab away from the buttons of an exclusive group that are not checked, and does not always
    # give it back to the one checked later (the wizard's language): a group member counts by its state.
    policy = widget.focusPolicy()
    if _in_exclusive_group(widget):
        return policy != Qt.FocusPolicy.NoFocus
    return bool(policy & Qt.FocusPolicy.TabFocus)


def _in_exclusive_group(widget: QWidget) -> bool:
    if not isinstance(widget, QAbstractButton) or not widget.isCheckable():
        return False
    group = widget.group()
    return (group is not None and group.exclusive()) or widget.autoExclusive()


def _unchecked_in_group(widget: QWidget) -> bool:
    if not isinstance(widget, QAbstractButton) or not widget.isCheckable() or widget.isChecked():
        return False
    group = widget.group()
    if group is not None and group.exclusive():
        return any(b.isChecked() for b in group.buttons())
    parent = widget.parentWidget()
    if widget.autoExclusive() and parent is not None:
        siblings = parent.findChildren(QAbstractButton, options=Qt.FindChildOption.FindDirectChildrenOnly)
        return any(b.isChecked() and b.autoExclusive() for b in siblings)
    return False


def move_focus(window: QWidget, chain: list[QWidget], forward: bool) -> bool:
    """Tab (or Shift+Tab) to the next widget of `chain`, the window's reading order, from the focused one
    (or the one holding it: a combo box's line edit belongs to the combo box); scrolled into view."""
    chain = [w for w in chain if can_take_focus(w, window)]
    if not chain:
        return False
    focused = QApplication.focusWidget()
    index = -1
    current = focused
    while current is not None and index < 0:
        if current in chain:
            index = chain.index(current)
        current = None if current is window else current.parentWidget()
    if index < 0:
        target = chain[0] if forward else chain[-1]
    else:
        target = chain[(index + (1 if forward else -1)) % len(chain)]
    target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
    if isinstance(target, QLineEdit) and forward:
        target.selectAll()  # as Qt does when Tab arrives in a line edit
    ancestor = target.parentWidget()
    while ancestor is not None and ancestor is not window:
        if isinstance(ancestor, QScrollArea):
            ancestor.ensureWidgetVisible(target)
        ancestor = ancestor.parentWidget()
    return True


class ReadingOrders(QObject):
    """Tab and Shift+Tab follow each window's reading order: the window's `tab_chain()` when it has one
    (the main window: the sections, then the page shown; the wizard: its page, then its buttons), else its
    layouts' order. Computed at each key, so widgets added since (a network chosen, a card, a step of a
    dialog) take their place. Widgets that use Tab themselves keep it: a text box that types tabs, a table
    moving between its cells. Install once per application."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("reading_orders")
        self._watched: list[QWidget] = []
        self._tidy = QTimer(self)
        self._tidy.setSingleShot(True)
        self._tidy.setInterval(0)
        self._tidy.timeout.connect(self._forget_others)
        app.focusChanged.connect(self._focus_changed)

    @staticmethod
    def install(app: QApplication) -> ReadingOrders:
        existing = app.findChild(ReadingOrders, "reading_orders")
        return existing if existing is not None else ReadingOrders(app)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # Only the widget taking the focus is touched now: the one losing it may be being deleted. It stops
        # being watched once events have settled.
        if new is not None:
            new.installEventFilter(self)
            self._watched.append(new)
        self._tidy.start()

    def _forget_others(self) -> None:
        focused = QApplication.focusWidget()
        for widget in self._watched:
            if widget is not focused and shiboken6.isValid(widget):
                widget.removeEventFilter(self)
        self._watched = [focused] if focused is not None else []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) or not isinstance(watched, QWidget):
            return False
        others = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier
        if others or _uses_tab(watched):
            return False
        window = watched.window()
        own = getattr(window, "tab_chain", None)
        chain = own() if callable(own) else reading_order(window)
        forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        return move_focus(window, chain, forward)


def _uses_tab(widget: QWidget) -> bool:
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return not widget.tabChangesFocus() and not widget.isReadOnly()
    if isinstance(widget, QAbstractItemView):
        return widget.tabKeyNavigation()
    return False


class DateTimeField(QDateTimeEdit):
    """A date and time field the keyboard fully drives.

    Up and Down step the part under the cursor with calendar arithmetic: on the weekday or the day a day,
    on the month a month (December + 1 is January next year), on the year a year, on the hour an hour, on
    the minutes a minute. Alt+Down and F4 open the calendar, as in a drop-down list.
    """

    def __init__(self, value: QDateTime, parent: QWidget | None = None) -> None:
        super().__init__(value, parent)
        self.setCalendarPopup(True)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab leaves the field (Qt would move between its parts: the arrows Left and Right do that)."""
        return QWidget.focusNextPrevChild(self, next)

    def stepBy(self, steps: int) -> None:
        section = self.currentSection()
        value = self.dateTime()
        if section == QDateTimeEdit.Section.DaySection:
            value = value.addDays(steps)
        elif section == QDateTimeEdit.Section.MonthSection:
            value = value.addMonths(steps)
        elif section == QDateTimeEdit.Section.YearSection:
            value = value.addYears(steps)
        elif section == QDateTimeEdit.Section.HourSection:
            value = value.addSecs(3600 * steps)
        elif section == QDateTimeEdit.Section.MinuteSection:
            value = value.addSecs(60 * steps)
        else:
            super().stepBy(steps)
            return
        index = self.currentSectionIndex()
        value = max(self.minimumDateTime(), min(self.maximumDateTime(), value))
        self.setDateTime(value)
        self.setCurrentSectionIndex(index)  # the cursor stays on the part being stepped

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        value = self.dateTime()
        flags = QAbstractSpinBox.StepEnabledFlag.StepNone
        if value > self.minimumDateTime():
            flags |= QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        if value < self.maximumDateTime():
            flags |= QAbstractSpinBox.StepEnabledFlag.StepUpEnabled
        return flags

    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if self.calendarPopup() and (alt_down or event.key() == Qt.Key.Key_F4):
            self.open_calendar()
            event.accept()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        """Open the calendar as a click on the arrow does (Qt keeps its own opening private)."""
        option = QStyleOptionComboBox()
        option.initFrom(self)
        option.editable = True
        option.subControls = QStyle.SubControl.SC_ComboBoxArrow
        arrow = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, self
        )
        where = QPointF(arrow.center())
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            pressed = (
                Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton
            )
            click = QMouseEvent(
                kind,
                where,
                QPointF(self.mapToGlobal(where)),
                Qt.MouseButton.LeftButton,
                pressed,
                Qt.KeyboardModifier.NoModifier,
            )
            QApplication.sendEvent(self, click)

    def calendar_open(self) -> bool:
        calendar = self.calendarWidget()
        return calendar is not None and calendar.window().isVisible()


class TimeField(QTimeEdit):
    """A time field Tab leaves (Qt would move from the hours to the minutes: Left and Right do that)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)
