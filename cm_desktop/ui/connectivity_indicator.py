"""The connection state in the status bar: a coloured dot and a word."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from cm_desktop.ui.colours import Role, css


class ConnectivityIndicator(QLabel):
    """A dot and a word in the status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectivity_indicator")
        self.setContentsMargins(8, 2, 8, 2)
        self.online: bool | None = None
        self.retranslate()

    def set_online(self, online: bool) -> None:
        self.online = online
        self.retranslate()

    def retranslate(self) -> None:
        if self.online is None:
            text, role = self.tr("Checking the connection…"), Role.SECONDARY
        elif self.online:
            text, role = self.tr("Online"), Role.DONE
        else:
            text, role = (
                self.tr("Offline: your posts will be sent when the connection is back"),
                Role.BLOCKING,
            )
        self.setText(f'<span style="color:{css(role, self.palette())}">●</span> {html.escape(text)}')
        self.setAccessibleName(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange):
            self.retranslate()
        super().changeEvent(event)
