"""A week as 24 hour rows by 7 day columns: posts in their hour, free queue slots as boxes to fill."""

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
from PySide6.QtGui import QFont

from cm_desktop.core.calendar_query import PostView, SlotTime
from cm_desktop.core.moments import Moment
from cm_desktop.ui.calendar.drop_model import PostDropTable
from cm_desktop.ui.calendar.month_model import place_moments
from cm_desktop.ui.calendar.reading import cell_reading
from cm_desktop.ui.calendar.roles import (
    DATE_ROLE,
    MOMENTS_ROLE,
    POSTS_ROLE,
    SLOTS_ROLE,
    TODAY_ROLE,
    DropTarget,
    Index,
    current_lang,
    moment_tooltip,
    post_id_from,
)

HOURS, DAYS = 24, 7


class WeekModel(PostDropTable):
    move_requested = Signal(int, object)  # post id, DropTarget

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        today = date.today()
        self.first = today - timedelta(days=today.weekday())
        self.today = today
        self._posts: dict[tuple[date, int], list[PostView]] = {}
        self._slots: dict[tuple[date, int], list[SlotTime]] = {}
        self._moments: dict[date, list[Moment]] = {}

    def set_week(
        self,
        monday: date,
        posts: list[PostView],
        slots: list[SlotTime],
        moments: list[Moment],
        today: date,
    ) -> None:
        self.beginResetModel()
        self.first, self.today = monday, today
        by_hour: dict[tuple[date, int], list[PostView]] = defaultdict(list)
        taken: set[tuple[date, int, str]] = set()
        for post in posts:
            if post.local is not None:
                by_hour[(post.local.date(), post.local.hour)].append(post)
                minute = post.local.hour * 60 + post.local.minute
                taken.update((post.local.date(), minute, n) for n in post.networks)
        free: dict[tuple[date, int], list[SlotTime]] = defaultdict(list)
        for slot in slots:
            day, minute = slot.local.date(), slot.local.hour * 60 + slot.local.minute
            if (day, minute, slot.slot.network) not in taken:  # a slot already used is not "to fill"
                free[(day, slot.local.hour)].append(slot)
        self._posts, self._slots = dict(by_hour), dict(free)
        self._moments = place_moments(moments, monday, monday + timedelta(days=DAYS - 1))
        self.endResetModel()

    def date_at(self, index: Index) -> date:
        return self.first + timedelta(days=index.column())

    def posts_at(self, day: date, hour: int) -> list[PostView]:
        return self._posts.get((day, hour), [])

    def slots_at(self, day: date, hour: int) -> list[SlotTime]:
        return self._slots.get((day, hour), [])

    def moments_on(self, day: date) -> list[Moment]:
        return self._moments.get(day, [])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else HOURS

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else DAYS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        day, hour = self.date_at(index), index.row()
        if role == DATE_ROLE:
            return QDate(day.year, day.month, day.day)
        if role == POSTS_ROLE:
            return self.posts_at(day, hour)
        if role == SLOTS_ROLE:
            return self.slots_at(day, hour)
        if role == TODAY_ROLE:
            return day == self.today
        if role == Qt.ItemDataRole.AccessibleTextRole:
            slots = self.slots_at(day, hour)
            return cell_reading(day, self.moments_on(day), self.posts_at(day, hour), hour, slots)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < HOURS:
                return f"{section:02d}:00"
            return None
        if not 0 <= section < DAYS:
            return None
        day = self.first + timedelta(days=section)
        moments = self.moments_on(day)
        if role == Qt.ItemDataRole.DisplayRole:
            locale = QLocale()
            name = locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat).capitalize()
            lines = [f"{name} {day.day}"]
            lang = current_lang()
            lines += [f"★ {m.title.get(lang)}" for m in moments[:2]]
            if len(moments) > 2:
                lines.append(f"+{len(moments) - 2}")
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ToolTipRole:
            return moment_tooltip(moments, current_lang()) or None
        if role == Qt.ItemDataRole.FontRole and day == self.today:
            font = QFont()
            font.setBold(True)
            return font
        if role == DATE_ROLE:
            return QDate(day.year, day.month, day.day)
        if role == MOMENTS_ROLE:
            return moments
        if role == TODAY_ROLE:
            return day == self.today
        return None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """A drop on an hour keeps the post's minutes, or takes a free slot's time in that hour."""
        post_id = post_id_from(data)
        if post_id is None or not parent.isValid() or action == Qt.DropAction.IgnoreAction:
            return False
        day, hour = self.date_at(parent), parent.row()
        slots = self.slots_at(day, hour)
        minute = slots[0].local.minute if slots else None
        self.move_requested.emit(post_id, DropTarget(day, hour, minute))
        return True
