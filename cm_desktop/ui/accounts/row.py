"""One account in the list: picture, name, handle and network, its state in plain words, Reconnect, Disconnect."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from cm_desktop.services.accounts import CONNECTED, KEYCHAIN_UNAVAILABLE, AccountRow
from cm_desktop.ui.accounts.badge import badge_pixmap
from cm_desktop.ui.accounts.feedback import error_colour, ok_colour
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.theme import scaled_font

BADGE_SIZE = 44


class AccountRowWidget(QWidget):
    """Painted as a rounded card from the palette, so light and dark both work."""

    reconnect_clicked = Signal(object)  # AccountRow
    disconnect_clicked = Signal(object)  # AccountRow

    def __init__(self, account: AccountRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.setObjectName(f"account_row_{account.id}")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.avatar: Path | None = None
        self.badge = QLabel()
        self.badge.setObjectName("account_badge")
        self.badge.setFixedSize(BADGE_SIZE, BADGE_SIZE)
        self.name_label = self._label("account_name")
        self.name_label.setFont(
            scaled_font(self.name_label.font(), 1.1, self.name_label.font().Weight.DemiBold)
        )
        self.details_label = self._label("account_details")
        self.status_label = self._label("account_status")
        self.status_label.setFont(
            scaled_font(self.status_label.font(), 1.0, self.status_label.font().Weight.DemiBold)
        )
        self.hint_label = self._label("account_hint")
        self.reconnect_button = QPushButton()
        self.reconnect_button.setObjectName("reconnect_button")
        self.disconnect_button = QPushButton()
        self.disconnect_button.setObjectName("disconnect_button")

        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.name_label)
        texts.addWidget(self.details_label)
        texts.addSpacing(2)
        texts.addWidget(self.status_label)
        texts.addWidget(self.hint_label)
        buttons = QVBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.reconnect_button)
        buttons.addWidget(self.disconnect_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(14)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts, 1)
        layout.addLayout(buttons)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self.reconnect_button.clicked.connect(lambda: self.reconnect_clicked.emit(self.account))
        self.disconnect_button.clicked.connect(lambda: self.disconnect_clicked.emit(self.account))
        self._paint_badge()
        self.retranslate()

    @staticmethod
    def _label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # names come from servers: never read as HTML
        return label

    def set_avatar(self, path: Path | None) -> None:
        self.avatar = path
        self._paint_badge()

    def _paint_badge(self) -> None:
        a = self.account
        ratio = self.devicePixelRatioF() or 1.0
        self.badge.setPixmap(
            badge_pixmap(a.network, a.display_name, a.handle, BADGE_SIZE, avatar=self.avatar, ratio=ratio)
        )

    def status_words(self) -> str:
        return {
            CONNECTED: self.tr("Connected"),
            KEYCHAIN_UNAVAILABLE: self.tr("Keychain unavailable"),
        }.get(self.account.status, self.tr("Needs reconnecting"))

    def hint_words(self) -> str:
        if self.account.status == CONNECTED:
            return ""
        if self.account.status == KEYCHAIN_UNAVAILABLE:
            return self.tr("The login of this account cannot be read on this computer right now (see above).")
        return self.tr("The network no longer accepts this login. Reconnect the account to keep publishing.")

    def retranslate(self) -> None:
        a = self.account
        network = network_name(a.network)
        self.name_label.setText(a.display_name or a.handle)
        self.details_label.setText(f"{a.handle} · {network}")
        self.status_label.setText(self.status_words())
        hint = self.hint_words()
        self.hint_label.setText(hint)
        self.hint_label.setVisible(bool(hint))
        palette = self.status_label.palette()
        ok = a.status == CONNECTED
        colour = ok_colour(self.palette()) if ok else error_colour(self.palette())
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.status_label.setPalette(palette)
        self.reconnect_button.setText(self.tr("Reconnect"))
        # The account to fix gets the stronger look of a default button.
        self.reconnect_button.setDefault(not ok)
        self.disconnect_button.setText(self.tr("Disconnect"))
        self.reconnect_button.setAccessibleName(self.tr("Reconnect %1").replace("%1", a.handle))
        self.disconnect_button.setAccessibleName(self.tr("Disconnect %1").replace("%1", a.handle))
        self.badge.setAccessibleName(self.tr("Picture of %1").replace("%1", a.display_name or a.handle))
        summary = self.tr("%1, %2 on %3: %4")
        self.setAccessibleName(
            summary.replace("%1", a.display_name or a.handle)
            .replace("%2", a.handle)
            .replace("%3", network)
            .replace("%4", self.status_words())
        )
        for label in (self.name_label, self.details_label, self.status_label, self.hint_label):
            label.setAccessibleName(label.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)
        painter.end()
