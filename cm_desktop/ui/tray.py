"""The icon in the system tray: open the window, or quit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from cm_desktop.ui.colours import MARK, Role


class Tray(QObject):
    open_requested = Signal()
    quit_requested = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.open_action = QAction(self.menu)
        self.quit_action = QAction(self.menu)
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.open_action.triggered.connect(self.open_requested)
        self.quit_action.triggered.connect(self.quit_requested)
        self.base_icon = icon
        self.unread = 0
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_activated)
        self.menu.installEventFilter(self)
        self.retranslate()

    def show(self) -> bool:
        """Show the icon where the desktop has a tray; False where it has none."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return False
        self.icon.show()
        return True

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.open_requested.emit()

    def set_unread(self, count: int) -> None:
        """Messages waiting to be read: a number on the icon and in its tooltip (0 takes it away)."""
        self.unread = count
        self.icon.setIcon(self.base_icon if count <= 0 else _with_badge(self.base_icon, count))
        self.retranslate()

    def retranslate(self) -> None:
        self.open_action.setText(self.tr("Open CM Desktop"))
        self.quit_action.setText(self.tr("Quit"))
        tip = "CM Desktop"
        if self.unread > 0:
            waiting = self.tr("1 message to answer") if self.unread == 1 else self.tr("%1 messages to answer")
            tip += " — " + waiting.replace("%1", str(self.unread))
        self.icon.setToolTip(tip)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False


def _with_badge(icon: QIcon, count: int, size: int = 64) -> QIcon:
    """The icon with a red disc and the number in its top-right corner (9+ past nine)."""
    pixmap = icon.pixmap(size, size) if not icon.isNull() else QPixmap(size, size)
    if icon.isNull():
        pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    disc = QRectF(size * 0.42, 0, size * 0.58, size * 0.58)
    painter.setBrush(QColor(Role.BLOCKING.value[0]))  # DESIGN.md's "blocking" red: white on it is 6.6:1
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(disc)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.36))
    painter.setFont(font)
    painter.setPen(QColor(MARK))
    painter.drawText(disc, int(Qt.AlignmentFlag.AlignCenter), str(count) if count < 10 else "9+")
    painter.end()
    return QIcon(pixmap)
