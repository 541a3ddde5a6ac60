"""The connection state in the status bar: a coloured dot and a sentence.

It reflects the computer's connection and the last exchange with each connected network: "Bluesky
unreachable since 07:49" while the computer is online but that network's server does not answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QWidget

from cm_desktop.ui.colours import Role, css
from cm_desktop.ui.i18n import network_name

if TYPE_CHECKING:
    from datetime import datetime


class ConnectivityIndicator(QLabel):
    """A dot and a sentence in the status bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectivity_indicator")
        self.setContentsMargins(8, 2, 8, 2)
        self.online: bool | None = None
        # network -> when the first failed exchange since the last good one happened (local time)
        self.unreachable: dict[str, datetime] = {}
        self.retranslate()

    def set_online(self, online: bool) -> None:
        self.online = online
        self.retranslate()

    def exchange(self, network: str, reached: bool, when: datetime) -> None:
        """The outcome of an exchange with `network`'s server: reached, or not (since the first failure)."""
        if reached:
            self.unreachable.pop(network, None)
        else:
            self.unreachable.setdefault(network, when)
        self.retranslate()

    def retranslate(self) -> None:
        palette = self.palette()
        if self.online is None:
            text, colour = self.tr("Checking the connection…"), css(Role.SECONDARY, palette)
        elif not self.online:
            text = self.tr("Offline: your posts will be sent when the connection is back")
            colour = css(Role.BLOCKING, palette)
        elif self.unreachable:
            # Not at start-up: the wizard's package brings the data layer with it.
            from cm_desktop.ui.wizard.words import join_names

            since = min(self.unreachable.values())
            names = join_names([network_name(n) for n in sorted(self.unreachable)])
            text = (
                self.tr("%1 unreachable since %2: posts wait and go out when it answers again")
                .replace("%1", names)
                .replace("%2", since.strftime("%H:%M"))
            )
            colour = css(Role.CHECK, palette)
        else:
            text, colour = self.tr("Online"), css(Role.DONE, palette)
        shown = text
        if {"&", "<", ">"} & set(text):
            import html  # only then: it brings html.entities, which the window's first paint can do without

            shown = html.escape(text, quote=False)
        self.setText(f'<span style="color:{colour}">●</span> {shown}')
        self.setAccessibleName(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.PaletteChange):
            self.retranslate()
        super().changeEvent(event)
