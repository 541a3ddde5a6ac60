"""Six weeks of seven days around a month: each cell holds its day's posts and moments."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QDate,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)

from cm_desktop.core.calendar_query import PostView
from cm_desktop.core.moments import Moment
from cm_desktop.ui.calendar.drop_model import PostDropTable
from cm_desktop.ui.calendar.reading import cell_reading
from cm_desktop.ui.calendar.roles import (
    DATE_ROLE,
    IN_PERIOD_ROLE,
    MOMENTS_ROLE,
    POSTS_ROLE,
    TODAY_ROLE,
    DropTarget,
    Index,
    current_lang,
    moment_tooltip,
    post_id_from,
)

ROWS, COLUMNS = 6, 7


def grid_start(first_of_month: date) -> date:
    """The Monday on or before the 1st: weeks start on Monday (ISO, and the French habit)."""
    return first_of_month - timedelta(days=first_of_month.weekday())


def place_moments(moments: list[Moment], first: date, last: date) -> dict[date, list[Moment]]:
    """A period shows on its first day (or the first visible day), not on every day it lasts."""
    by_day: dict[date, list[Moment]] = defaultdict(list)
    for m in moments:
        if m.overlaps(first, last):
            by_day[max(m.start, first)].append(m)
    return by_day


class MonthModel(PostDropTable):
    move_requested = Signal(int, object)  # post id, DropTarget

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.month = date.today().replace(day=1)
        self.first = grid_start(self.month)
        self.today = date.today()
        self._posts: dict[date, list[PostView]] = {}
        self._moments: dict[date, list[Moment]] = {}

    def set_month(
        self, first_of_month: date, posts: list[PostView], moments: list[Moment], today: date
    ) -> None:
        self.beginResetModel()
        self.month = first_of_month.replace(day=1)
        self.first = grid_start(self.month)
        self.today = today
        by_day: dict[date, list[PostView]] = defaultdict(list)
        for post in posts:
            if post.local is not None:
                by_day[post.local.date()].append(post)
        self._posts = dict(by_day)
        self._moments = place_moments(moments, self.first, self.last)
        self.endResetModel()

    @property
    def last(self) -> date:
        return self.first + timedelta(days=ROWS * COLUMNS - 1)

    def date_at(self, index: Index) -> date:
        return self.first + timedelta(days=index.row() * COLUMNS + index.column())

    def index_of(self, day: date) -> QModelIndex:
        offset = (day - self.first).days
        if not 0 <= offset < ROWS * COLUMNS:
            return QModelIndex()
        return self.index(offset // COLUMNS, offset % COLUMNS)

    def posts_on(self, day: date) -> list[PostView]:
        return self._posts.get(day, [])

    def moments_on(self, day: date) -> list[Moment]:
        return self._moments.get(day, [])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else ROWS

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day = self.date_at(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == DATE_ROLE:
            return QDate(day.year, day.month, day.day)
        if role == POSTS_ROLE:
            return self.posts_on(day)
        if role == MOMENTS_ROLE:
            return self.moments_on(day)
        if role == TODAY_ROLE:
            return day == self.today
        if role == IN_PERIOD_ROLE:
            return day.month == self.month.month and day.year == self.month.year
        if role == Qt.ItemDataRole.ToolTipRole:
            return moment_tooltip(self.moments_on(day), current_lang()) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return cell_reading(day, self.moments_on(day), self.posts_on(day))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < 7
        ):
            return QLocale().dayName(section + 1, QLocale.FormatType.LongFormat).capitalize()
        return None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        post_id = post_id_from(data)
        if post_id is None or not parent.isValid() or action == Qt.DropAction.IgnoreAction:
            return False
        self.move_requested.emit(post_id, DropTarget(self.date_at(parent)))
        return True  # handled: the page moves the post in the store, then reloads
