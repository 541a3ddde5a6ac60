"""The connection state in the status bar: a coloured dot and a word."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget


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
            text, colour = self.tr("Checking the connection…"), "#888888"
        elif self.online:
            text, colour = self.tr("Online"), "#1f9d55"
        else:
            text, colour = self.tr("Offline: your posts will be sent when the connection is back"), "#c0392b"
        self.setText(f'<span style="color:{colour}">●</span> {html.escape(text)}')
        self.setAccessibleName(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
