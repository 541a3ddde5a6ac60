"""The month and week grids: click, drag a post to another day or hour, right-click for actions."""

from __future__ import annotations

import functools
from datetime import date, datetime, time

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QToolTip, QWidget

from cm_desktop.core.calendar_query import PostView
from cm_desktop.ui.calendar.cell_painter import CellPainter, Hit
from cm_desktop.ui.calendar.month_model import MonthModel
from cm_desktop.ui.calendar.reading import post_reading
from cm_desktop.ui.calendar.roles import POSTS_ROLE, current_lang, moment_tooltip, post_id_from, post_mime
from cm_desktop.ui.calendar.style import state_label
from cm_desktop.ui.calendar.week_model import WeekModel
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.plain_text import plain_tooltip

DEFAULT_COMPOSE_TIME = time(9, 0)  # clicking an empty day proposes the morning
WEEK_ROW_HEIGHT = 56
FIRST_VISIBLE_HOUR = 7


def post_tooltip(post: PostView) -> str:
    when = post.local.strftime("%H:%M") if post.local else ""
    networks = ", ".join(network_name(n) for n in post.networks)
    lines = [f"{when} · {networks} · {state_label(post.state)}", post.text[:300]]
    errors = {t.last_error_message for t in post.targets if t.last_error_message}
    lines += sorted(errors)
    return "\n".join(line for line in lines if line)


class CalendarGrid(QTableView):
    post_clicked = Signal(int)
    compose_clicked = Signal(object)  # naive local datetime
    more_clicked = Signal(object)  # date
    post_menu_requested = Signal(int, QPoint)  # post id, global position
    period_step_requested = Signal(int)  # Page Up (-1) or Page Down (+1): the month or week before or after

    def __init__(self, model: MonthModel | WeekModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.week = isinstance(model, WeekModel)
        self.setModel(model)
        self.painter_delegate = CellPainter(self.week, self)
        self.setItemDelegate(self.painter_delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # One stop in the tab order: the arrows move inside, Tab goes on to the next control.
        self.setTabKeyNavigation(False)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setHighlightSections(False)
        if self.week:
            self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            self.verticalHeader().setDefaultSectionSize(WEEK_ROW_HEIGHT)
            self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        else:
            self.verticalHeader().hide()
            self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._press: QPoint | None = None
        self._pressed_post: PostView | None = None
        # The cell the arrows are on, kept when the month or week is loaded again (a refresh, Page Down).
        self._current: tuple[date, int] | None = None
        model.modelReset.connect(self._restore_current)
        self.selectionModel().currentChanged.connect(self._remember_current)

    def _remember_current(self, index: QModelIndex, _previous: QModelIndex) -> None:
        model = self.model()
        if index.isValid() and isinstance(model, (MonthModel, WeekModel)):
            self._current = (model.date_at(index), index.row())

    def _restore_current(self) -> None:
        model = self.model()
        if self._current is None or not isinstance(model, (MonthModel, WeekModel)):
            return
        day, row = self._current
        if isinstance(model, MonthModel):
            index = model.index_of(day)
            if not index.isValid():  # another month: the same day of it, or its last day
                first = model.month
                for candidate in range(min(day.day, 31), 0, -1):
                    try:
                        index = model.index_of(first.replace(day=candidate))
                    except ValueError:
                        continue
                    break
        else:
            column = (day - model.first).days % 7
            index = model.index(row, column)
        if index.isValid():
            self.setCurrentIndex(index)

    def scroll_to_morning(self) -> None:
        if self.week:
            self.scrollTo(
                self.model().index(FIRST_VISIBLE_HOUR, 0), QAbstractItemView.ScrollHint.PositionAtTop
            )

    # --- hit testing ------------------------------------------------------------------------------------

    def hit_at(self, pos: QPoint) -> tuple[QModelIndex, Hit]:
        index = self.indexAt(pos)
        if not index.isValid():
            return index, Hit("none")
        fm = QFontMetrics(self.font())
        return index, self.painter_delegate.hit(self.visualRect(index), index, fm, pos)

    def local_at(self, index: QModelIndex) -> datetime:
        model = self.model()
        assert isinstance(model, (MonthModel, WeekModel))
        day: date = model.date_at(index)
        if self.week:
            return datetime.combine(day, time(index.row(), 0))
        return datetime.combine(day, DEFAULT_COMPOSE_TIME)

    # --- mouse: click opens or composes; a drag carries the post id --------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press, self._pressed_post = None, None
        if event.button() == Qt.MouseButton.LeftButton:
            pos = event.position().toPoint()
            _index, hit = self.hit_at(pos)
            self._press = pos
            self._pressed_post = hit.post
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        post, press = self._pressed_post, self._press
        if post is not None and press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            if (event.position().toPoint() - press).manhattanLength() >= _drag_distance():
                self._press, self._pressed_post = None, None
                drag = QDrag(self)
                drag.setMimeData(post_mime(post.id))
                drag.exec(Qt.DropAction.MoveAction)
                return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press = self._press
        self._press, self._pressed_post = None, None
        super().mouseReleaseEvent(event)
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        self.activate_at(event.position().toPoint())

    def activate_at(self, pos: QPoint) -> None:
        """What a click at `pos` means: open a post, fill a slot, show a busy day, or write a new post."""
        index, hit = self.hit_at(pos)
        if not index.isValid():
            return
        if hit.kind == "post" and hit.post is not None:
            self.post_clicked.emit(hit.post.id)
        elif hit.kind == "slot" and hit.slot is not None:
            self.compose_clicked.emit(hit.slot.local)
        elif hit.kind == "more":
            model = self.model()
            assert isinstance(model, (MonthModel, WeekModel))
            self.more_clicked.emit(model.date_at(index))
        else:
            self.compose_clicked.emit(self.local_at(index))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid():
            self.open_current()
            return
        if event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown) and not self.week:
            self.period_step_requested.emit(-1 if event.key() == Qt.Key.Key_PageUp else 1)
            return
        super().keyPressEvent(event)

    def open_current(self) -> QMenu | None:
        """Enter on a cell: its post, a choice among its posts, or a new post on that day (or hour)."""
        index = self.currentIndex()
        if not index.isValid():
            return None
        posts: list[PostView] = index.data(POSTS_ROLE) or []
        if len(posts) == 1:
            self.post_clicked.emit(posts[0].id)
            return None
        if not posts:
            self.compose_clicked.emit(self.local_at(index))
            return None
        menu = QMenu(self)
        menu.setObjectName("cell_posts_menu")
        for post in posts:
            action = menu.addAction(post_reading(post))
            action.triggered.connect(functools.partial(self.post_clicked.emit, post.id))
        menu.addSeparator()
        when = self.local_at(index)
        menu.addAction(self.tr("New post on this day"), lambda: self.compose_clicked.emit(when))
        menu.aboutToHide.connect(menu.deleteLater)
        rect = self.visualRect(index)
        menu.popup(self.viewport().mapToGlobal(rect.center()))
        menu.setActiveAction(menu.actions()[0])
        self.cell_menu = menu
        return menu

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Arriving by Tab, the arrows start from today (or the first day shown), never from nowhere."""
        if not self.currentIndex().isValid():
            model = self.model()
            assert isinstance(model, (MonthModel, WeekModel))
            start = model.index_of(model.today) if isinstance(model, MonthModel) else QModelIndex()
            if not start.isValid():
                row = FIRST_VISIBLE_HOUR if self.week else 0
                column = (model.today - model.first).days if self.week else 0
                start = model.index(row, column if 0 <= column < model.columnCount() else 0)
            self.setCurrentIndex(start)
        super().focusInEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            # The menu key: the first post of the current cell.
            index = self.currentIndex()
            posts: list[PostView] = (index.data(POSTS_ROLE) or []) if index.isValid() else []
            if posts:
                centre = self.visualRect(index).center()
                self.post_menu_requested.emit(posts[0].id, self.viewport().mapToGlobal(centre))
            return
        _index, hit = self.hit_at(event.pos())
        if hit.post is not None:
            self.post_menu_requested.emit(hit.post.id, event.globalPos())

    # --- drop ------------------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if post_id_from(event.mimeData()) is not None:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if post_id_from(event.mimeData()) is not None and self.indexAt(event.position().toPoint()).isValid():
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        model = self.model()
        if index.isValid() and model.dropMimeData(event.mimeData(), Qt.DropAction.MoveAction, -1, -1, index):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    # --- tooltips per chip -----------------------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index, hit = self.hit_at(event.pos())
            text = ""
            if hit.post is not None:
                text = post_tooltip(hit.post)
            elif hit.moment is not None:
                text = moment_tooltip([hit.moment], current_lang())
            elif index.isValid():
                text = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
            if text:
                QToolTip.showText(event.globalPos(), plain_tooltip(text), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)


def _drag_distance() -> int:
    from PySide6.QtWidgets import QApplication

    return QApplication.startDragDistance()
