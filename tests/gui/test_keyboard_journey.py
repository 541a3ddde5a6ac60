"""A first hour without a mouse: first run (the set-up) -> connect Bluesky (the real PDS on loopback) ->
write -> schedule -> open the post again from the calendar. Only key events (QTest), from a fresh data
folder, through the real Shell; the order Tab visits each page is checked on the way."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select

from cm_desktop.core.models import Account, Post, PostTarget
from cm_desktop.platform.paths import AppPaths
from cm_desktop.ui.app import Shell
from cm_desktop.ui.tasks import SyncTaskRunner
from scripts.showroom import settle
from tests.gui.keys import name_of
from tests.gui.rooms import SCREENS, room_for
from tests.pds_peer import PdsPeer

KEY = Qt.Key


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the focus"
    return widget


def press(
    key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier, times: int = 1
) -> None:
    for _ in range(times):
        QTest.keyClick(focused(), key, modifier)
        settle()


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)
    settle()


def tab_to(name: str, limit: int = 40, backwards: bool = False) -> list[str]:
    """Tab (or Shift+Tab) until the widget called `name` has the focus; the names met on the way."""
    met = [name_of(focused())]
    while not name_of(focused()).startswith(name):
        assert len(met) <= limit, f"{name} not reached: {met}"
        if backwards:
            press(KEY.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        else:
            press(KEY.Key_Tab)
        met.append(name_of(focused()))
    return met


def to_sections() -> None:
    """Back to the list of sections, the first stop of the window (Shift+Tab, as far as needed)."""
    tab_to("navigation", backwards=True)


def open_section(shell: Shell, name: str) -> None:
    to_sections()
    rows = [str(shell.window.navigation.item(r).data(256)) for r in range(shell.window.navigation.count())]
    here = rows.index(shell.window.current_page_name())
    wanted = rows.index(name)
    press(KEY.Key_Down if wanted > here else KEY.Key_Up, times=abs(wanted - here))
    assert shell.window.current_page_name() == name


@pytest.mark.pds
def test_first_hour_with_the_keyboard_alone(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, pds: PdsPeer
) -> None:
    handle, _did, app_password = pds.create_account("keys")
    paths = AppPaths(data=tmp_path / "data", logs=tmp_path / "logs")
    shell = Shell(qapp, paths, SyncTaskRunner(), probe=lambda: False, use_system_network=False)
    qtbot.addWidget(shell.window)
    shell.window.resize(room_for(SCREENS["1280x720"]))
    try:
        with qtbot.waitSignal(shell.store_ready, timeout=20_000):
            shell.window.show()
        # --- first run: the set-up opens by itself; Enter goes on, the first field of each step has the focus
        qtbot.waitUntil(lambda: getattr(shell, "wizard", None) is not None and shell.wizard.isVisible())
        wizard = shell.wizard
        wizard.activateWindow()
        settle()
        press(KEY.Key_Return)  # the language: the one ticked
        qtbot.waitUntil(lambda: wizard.currentId() == wizard.BUSINESS)
        qtbot.waitUntil(lambda: name_of(focused()) == "business_name")
        type_text("Atelier Lune")
        press(KEY.Key_Tab)
        assert name_of(focused()) == "business_kind"
        press(KEY.Key_Down)  # a combo box takes its first choice from the arrows
        assert wizard.business_page.answers().kind is not None
        assert tab_to("business_town") == ["business_kind", "business_product", "business_town"]
        type_text("Lyon")
        press(KEY.Key_Return)
        qtbot.waitUntil(lambda: wizard.currentId() == wizard.GOALS)
        qtbot.waitUntil(lambda: name_of(focused()).startswith("goal_"))
        press(KEY.Key_Space)  # the first goal
        press(KEY.Key_Return)
        qtbot.waitUntil(lambda: wizard.currentId() == wizard.TIME)
        press(KEY.Key_Return)
        qtbot.waitUntil(lambda: wizard.currentId() == wizard.NETWORKS)
        assert wizard.networks_page.chosen()
        press(KEY.Key_Return)
        qtbot.waitUntil(lambda: wizard.currentId() == wizard.CONNECT)
        qtbot.waitUntil(lambda: name_of(focused()) == "connect_button")
        # Connecting comes later from Accounts: Tab past the button to "Next", Enter.
        press(KEY.Key_Tab, times=2)
        assert focused() is wizard.button(wizard.WizardButton.NextButton)
        press(KEY.Key_Return)
        qtbot.waitUntil(lambda: wizard.currentId() == wizard.SUMMARY)
        qtbot.waitUntil(lambda: wizard.summary_page.plan is not None)
        press(KEY.Key_Return)  # "Start with this plan"
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=20_000)

        # --- connect Bluesky from Accounts
        shell.window.activateWindow()
        settle()
        if name_of(focused()) != "navigation":
            to_sections()
        shell.accounts._plc_url = pds.plc_url  # the test network's DID directory
        open_section(shell, "accounts")
        assert tab_to("connect_bluesky") == ["navigation", "connect_bluesky"]
        press(KEY.Key_Return)
        dialog = shell.accounts.bluesky_dialog
        assert dialog is not None and dialog.isVisible()
        dialog.activateWindow()
        settle()
        tab_to("bluesky_handle")
        type_text(handle)
        press(KEY.Key_Tab)
        assert name_of(focused()) == "bluesky_app_password"
        type_text(app_password)
        assert tab_to("bluesky_advanced") == ["bluesky_app_password", "show_app_password", "bluesky_advanced"]
        press(KEY.Key_Space)  # "I use my own server": its field opens and takes the focus
        assert name_of(focused()) == "bluesky_service"
        type_text(pds.url)
        press(KEY.Key_Return)  # Enter in a field presses the dialog's default button: Connect
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
        with shell.store.session() as session:
            [account] = session.exec(select(Account)).all()
        assert account.handle == handle

        # --- write, for Bluesky
        shell.window.activateWindow()
        settle()
        open_section(shell, "compose")
        met = tab_to(f"target_bluesky_{account.id}")
        assert met[:2] == ["navigation", "target_facebook"]  # the networks first, as they stand on the page
        press(KEY.Key_Space)
        assert shell.composer.targets.selected() == ["bluesky"]
        tab_to("main_text")
        press(KEY.Key_A, Qt.KeyboardModifier.ControlModifier)  # the composer may hold a draft of the plan
        type_text("Nouveaux vases en gres, venez les voir samedi !")  # QTest types ASCII only
        press(KEY.Key_Tab)  # Tab leaves the text: it types nothing
        assert shell.composer.editor.toPlainText().endswith("samedi !")
        tab_to("schedule")
        press(KEY.Key_Return)
        schedule = shell.composer.schedule_dialog
        qtbot.waitUntil(schedule.isVisible)
        schedule.activateWindow()
        settle()
        assert name_of(focused()) == "schedule_when"
        when = schedule.local_time()
        press(KEY.Key_Return)  # OK: the time offered (the next full hour)
        qtbot.waitUntil(lambda: not schedule.isVisible(), timeout=10_000)
        with shell.store.session() as session:
            [target] = session.exec(select(PostTarget).where(PostTarget.account_id == account.id)).all()
            post = session.get(Post, target.post_id)
        assert target.state == "scheduled" and post is not None and post.text.startswith("Nouveaux vases")

        # --- open it again from the calendar
        shell.window.activateWindow()
        settle()
        open_section(shell, "calendar")
        met = tab_to("month_view")
        assert met[:2] == ["navigation", "calendar_search"]
        grid = shell.calendar.month_view
        model = shell.calendar.month_model
        assert grid.currentIndex() == model.index_of(model.today)  # the arrows start from today
        days = (when.date() - model.today).days
        if not model.index_of(when.date()).isValid():  # tomorrow is next month: Page Down
            press(KEY.Key_PageDown)
            days = when.date().day - 1
            grid.setCurrentIndex(model.index_of(when.date().replace(day=1)))
        press(KEY.Key_Right, times=days)
        assert model.date_at(grid.currentIndex()) == when.date()
        press(KEY.Key_Return)
        menu = getattr(grid, "cell_menu", None)
        if menu is not None and menu.isVisible():  # that day holds an idea of the plan too: choose ours
            while "Nouveaux vases" not in menu.activeAction().text():
                QTest.keyClick(menu, KEY.Key_Down)
            QTest.keyClick(menu, KEY.Key_Return)
            settle()
        assert shell.window.current_page_name() == "compose"
        assert shell.composer.post_id == post.id
        assert shell.composer.editor.toPlainText().startswith("Nouveaux vases")
    finally:
        shell.shutdown()
