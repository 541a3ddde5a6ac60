from __future__ import annotations

from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from cm_desktop.platform.resources import icon_path
from cm_desktop.ui.tray import Tray


def test_tray_menu_opens_and_quits(qtbot: QtBot) -> None:
    tray = Tray(QIcon(str(icon_path("app.svg"))))
    qtbot.addWidget(tray.menu)
    assert [a.text() for a in tray.menu.actions() if not a.isSeparator()] == ["Open CM Desktop", "Quit"]
    with qtbot.waitSignal(tray.open_requested):
        tray.open_action.trigger()
    with qtbot.waitSignal(tray.quit_requested):
        tray.quit_action.trigger()
    assert not tray.icon.icon().isNull()
