"""The weekly queue times as rows: weekday, time, network."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QObject, Qt

from cm_desktop.core.calendar_query import SlotView
from cm_desktop.ui.calendar.roles import Index
from cm_desktop.ui.calendar.style import network_colour
from cm_desktop.ui.i18n import network_name


class SlotListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.slots: list[SlotView] = []

    def set_slots(self, slots: list[SlotView]) -> None:
        self.beginResetModel()
        self.slots = list(slots)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.slots)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.slots):
            return None
        slot = self.slots[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if index.column() == 0:
                return QLocale().dayName(slot.weekday + 1, QLocale.FormatType.LongFormat).capitalize()
            if index.column() == 1:
                return f"{slot.minute_of_day // 60:02d}:{slot.minute_of_day % 60:02d}"
            return network_name(slot.network)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 2:
            return network_colour(slot.network)
        if role == Qt.ItemDataRole.UserRole:
            return slot.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {0: self.tr("Day"), 1: self.tr("Time"), 2: self.tr("Network")}.get(section)
