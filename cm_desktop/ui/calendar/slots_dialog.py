"""A small editor of the weekly queue times: add (day, time, network) or remove one."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QLocale, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core.calendar_query import add_slot, list_slots, remove_slot
from cm_desktop.core.store import Store
from cm_desktop.ui.calendar.slots_model import SlotListModel
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.keyboard import TimeField
from cm_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class SlotsDialog(QDialog):
    slots_changed = Signal()

    def __init__(
        self, store: Store, networks: Sequence[str], runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_slots_dialog")
        self.store, self.runner = store, runner
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.model = SlotListModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # one stop: the arrows move inside, Tab moves on
        self.table.setObjectName("slots_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove_slot")
        self.remove_button.clicked.connect(self.remove_selected)
        self.weekday = QComboBox()
        self.weekday.setObjectName("slot_weekday")
        for day in range(7):
            self.weekday.addItem("", day)
        self.time = TimeField(QTime(9, 0))
        self.time.setObjectName("slot_time")
        self.time.setDisplayFormat("HH:mm")
        self.network = QComboBox()
        self.network.setObjectName("slot_network")
        for name in networks:
            self.network.addItem(network_name(name), name)
        self.add_button = QPushButton()
        self.add_button.setObjectName("add_slot")
        self.add_button.clicked.connect(self.add_current)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        for widget in (self.weekday, self.time, self.network, self.add_button):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.remove_button)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self.resize(520, 420)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Posting times"))
        self.intro.setText(
            self.tr(
                "Your regular posting times, each week. They show in the week view as empty boxes to fill."
            )
        )
        self.remove_button.setText(self.tr("Remove the selected time"))
        self.add_button.setText(self.tr("Add this time"))
        self.weekday.setAccessibleName(self.tr("Day of the week"))
        self.time.setAccessibleName(self.tr("Time"))
        self.network.setAccessibleName(self.tr("Network"))
        self.table.setAccessibleName(self.tr("Your posting times"))
        self.table.horizontalHeader().setAccessibleName(self.tr("Columns"))
        locale = QLocale()
        for day in range(7):
            self.weekday.setItemText(day, locale.dayName(day + 1, QLocale.FormatType.LongFormat).capitalize())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        store = self.store
        self.runner.run(lambda: list_slots(store), self._show, self._failed)

    def _show(self, slots: list[Any]) -> None:
        self.model.set_slots(slots)
        self.remove_button.setEnabled(self.model.rowCount() > 0)

    def _changed(self, work: Callable[[], object]) -> None:
        """A change of the posting times, on the task runner; then the list is read again."""

        def done(_result: object) -> None:
            self.reload()
            self.slots_changed.emit()

        self.runner.run(work, done, self._failed)

    def _failed(self, error: BaseException) -> None:
        from cm_desktop.core.store import known_error
        from cm_desktop.platform.logs import log_failure

        known = known_error(error)
        log_failure(log, "posting times", error, known=known is not None)
        self.intro.setText(self.tr("The posting times could not be saved. Please try again."))

    def add_current(self) -> None:
        minute = self.time.time().hour() * 60 + self.time.time().minute()
        store, network, weekday = self.store, str(self.network.currentData()), int(self.weekday.currentData())
        self._changed(lambda: add_slot(store, network, weekday, minute))

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        store, slot_id = self.store, self.model.slots[rows[0].row()].id
        self._changed(lambda: remove_slot(store, slot_id))
