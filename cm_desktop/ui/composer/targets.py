"""Which networks the post goes to: one toggle button per network."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QToolButton, QWidget

from cm_desktop.core.rules import spec


class TargetSelector(QWidget):
    targets_changed = Signal(list)  # network names, in display order

    def __init__(self, networks: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("target_selector")
        # A chosen network must be obvious at a glance, in light and dark.
        self.setStyleSheet(
            "QToolButton { padding: 3px 9px; border: 1px solid palette(mid); border-radius: 5px; }"
            "QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);"
            " border-color: palette(highlight); }"
        )
        self.label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        # Two rows of buttons: nine networks in one row would not fit a small laptop screen.
        grid = QGridLayout()
        grid.setSpacing(4)
        layout.addLayout(grid)
        per_row = (len(networks) + 1) // 2
        self.buttons: dict[str, QToolButton] = {}
        for index, network in enumerate(networks):
            button = QToolButton()
            button.setObjectName(f"target_{network}")
            button.setCheckable(True)
            button.setText(spec(network).label)
            button.toggled.connect(self._emit)
            self.buttons[network] = button
            grid.addWidget(button, index // per_row, index % per_row)
        layout.addStretch(1)
        self.retranslate()

    def selected(self) -> list[str]:
        return [n for n, b in self.buttons.items() if b.isChecked()]

    def set_selected(self, networks: Sequence[str]) -> None:
        for name, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(name in networks)
            button.blockSignals(False)
        self._emit()

    def _emit(self) -> None:
        self.targets_changed.emit(self.selected())

    def retranslate(self) -> None:
        self.label.setText(self.tr("Publish on:"))
        for name, button in self.buttons.items():
            button.setAccessibleName(self.tr("Publish on %1").replace("%1", spec(name).label))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
