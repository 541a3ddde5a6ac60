"""The list view: every post matching a text, a network and a state, in time order."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core.calendar_query import PostFilter
from cm_desktop.ui.calendar.list_model import TEXT, PostListModel
from cm_desktop.ui.calendar.style import STATE_LABELS, state_label
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.reflow import FlowRow


class PostListPanel(QWidget):
    filters_changed = Signal()
    post_activated = Signal(int)
    post_menu_requested = Signal(int, QPoint)

    def __init__(self, networks: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_list")
        self.network_filter = QComboBox()
        self.network_filter.setObjectName("network_filter")
        self.network_filter.addItem("", "")
        for name in networks:
            self.network_filter.addItem(network_name(name), name)
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("state_filter")
        self.state_filter.addItem("", "")
        for state in STATE_LABELS:
            self.state_filter.addItem("", state)
        self.past_box = QCheckBox()
        self.past_box.setObjectName("include_past")
        for signal in (self.network_filter.currentIndexChanged, self.state_filter.currentIndexChanged):
            signal.connect(self.filters_changed)
        self.past_box.toggled.connect(self.filters_changed)
        self.model = PostListModel(self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # one stop: the arrows move inside, Tab moves on
        self.table.setObjectName("post_list")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        self.table.clicked.connect(self._activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)

        # Wraps on a narrow window rather than widening the page.
        filters = FlowRow((self.network_filter, self.state_filter, self.past_box), name="list_filters")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(filters)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.network_filter.setItemText(0, self.tr("All networks"))
        self.network_filter.setAccessibleName(self.tr("Network"))
        self.state_filter.setItemText(0, self.tr("All states"))
        self.state_filter.setAccessibleName(self.tr("State"))
        for i, state in enumerate(STATE_LABELS, start=1):
            self.state_filter.setItemText(i, state_label(state))
        self.past_box.setText(self.tr("Include past posts"))
        self.table.setAccessibleName(self.tr("Posts found"))
        self.table.horizontalHeader().setAccessibleName(self.tr("Columns"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def make_filter(self, text: str) -> PostFilter:
        network, state = self.network_filter.currentData(), self.state_filter.currentData()
        return PostFilter(
            text=text,
            networks=frozenset({network}) if network else frozenset(),
            states=frozenset({state}) if state else frozenset(),
        )

    def _activated(self, index: QModelIndex) -> None:
        post = self.model.post_at(index.row())
        if post is not None:
            self.post_activated.emit(post.id)

    def _menu(self, pos: QPoint) -> None:
        post = self.model.post_at(self.table.indexAt(pos).row())
        if post is not None:
            self.post_menu_requested.emit(post.id, self.table.viewport().mapToGlobal(pos))
