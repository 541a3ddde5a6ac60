"""One counter per chosen network: how much of its limit the text uses, coloured near and over the limit."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from cm_desktop.ui.colours import Role, css
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.reflow import FlowLayout

if TYPE_CHECKING:
    from cm_desktop.core.rules.model import Measure  # (the rules package loads with the first check)

NEAR = 0.9  # from 90 % of the limit the counter turns orange


class CounterRow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counter_row")
        # Counters wrap onto a second line: nine networks side by side would widen the whole page.
        self._layout = FlowLayout(self, spacing=16, line_spacing=2)
        self._labels: dict[str, QLabel] = {}

    def labels(self) -> dict[str, QLabel]:
        return dict(self._labels)

    def update_measures(self, measures: Mapping[str, Measure]) -> None:
        for name in list(self._labels):
            if name not in measures:
                gone = self._labels.pop(name)
                self._layout.removeWidget(gone)
                gone.hide()
                gone.deleteLater()
        for name, measure in measures.items():
            label = self._labels.get(name)
            if label is None:
                label = QLabel()
                label.setObjectName(f"counter_{name}")
                self._labels[name] = label
                self._layout.addWidget(label)
            state = "over" if not measure.ok else "near" if measure.count >= NEAR * measure.limit else "ok"
            label.setProperty("state", state)
            role = {"over": Role.BLOCKING, "near": Role.CHECK}.get(state)
            colour = css(role, self.palette()) if role is not None else ""
            network = network_name(name)
            numbers = f"{measure.count} / {measure.limit}"
            if measure.max_bytes is not None and measure.bytes_over:
                numbers += f" ({measure.byte_count} / {measure.max_bytes} B)"
            style = f' style="color:{colour}; font-weight:600"' if colour else ""
            label.setText(f"{html.escape(network)} <span{style}>{numbers}</span>")
            label.setAccessibleName(
                self.tr("%1: %2 of %3 characters")
                .replace("%1", network)
                .replace("%2", str(measure.count))
                .replace("%3", str(measure.limit))
            )
