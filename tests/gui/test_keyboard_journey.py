"""A first hour without a mouse: first run (the set-up) -> connect Bluesky from the set-up (the real PDS on
loopback) -> write -> schedule -> open the post again from the calendar. Only key events (QTest), from a
fresh data folder, through the real Shell. On each page and dialog on the way, Tab goes once round it from
where the focus stands, and the widgets it visits are checked against a list (the reading order)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget, QWizard
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
NAV = "navigation"
WIZARD_BUTTONS = {
    QWizard.WizardButton.BackButton: "Back",
    QWizard.WizardButton.NextButton: "Next",
    QWizard.WizardButton.FinishButton: "Finish",
    QWizard.WizardButton.CancelButton: "Cancel",
}
# What Tab visits, once round, from the widget that has the focus when the step opens (a fresh set-up of a
# florist in Lyon, in English, at 1280x720 logical pixels). A screen that changes must change its list.
LANGUAGE = ["language_en", "Next", "Cancel"]
BUSINESS = [
    "business_name",
    "business_trade",
    "business_kind",
    "business_product",
    "business_town",
    "business_country",
    "business_zone",
    "Back",  # "Next" waits for a name and a kind
    "Cancel",
]
GOALS_FIRST = "goal_"
GOALS = ["Back", "Cancel"]  # after a box per goal ("Next" waits for one ticked)
# The list scrolls in the step (a stop of its own); its boxes in the order they stand on screen (Google
# Business Profile third, as it is shown, not last as it was).
NETWORKS = [
    "networks_scroll",
    *(f"network_{n}" for n in ("facebook", "instagram", "google_business", "x", "linkedin", "mastodon")),
    *(f"network_{n}" for n in ("bluesky", "threads", "pinterest")),
    "Back",
    "Next",
    "Cancel",
]
CONNECT = ["connect_mastodon", "connect_bluesky", "wizard_background_publishing", "Back", "Next", "Cancel"]
BLUESKY_DIALOG = [
    "bluesky_handle",
    "bluesky_app_password",
    "show_app_password",
    "bluesky_advanced",
    "bluesky_service",
    "bluesky_connect",
    "bluesky_cancel",
    # Round to the top: the window's content scrolls on this small screen (a stop), the link to make an
    # app password is in its first lines.
    "scroll_bluesky_body",
    "app_passwords_link",
]
SCHEDULE_DIALOG = ["schedule_when", "schedule_turn_on_background", "OK", "Cancel"]
# After the networks: the text, the tools, the pictures, then the buttons under both columns.
COMPOSE = [
    "main_text",
    "emoji_button",
    "media_tiles",
    "media_add",
    "save_draft",
    "schedule",
    "add_to_queue",
    "publish_now",
]
CALENDAR = [
    NAV,
    "calendar_search",
    "calendar_slots",
    "calendar_import_export",
    "calendar_previous",
    "calendar_today",
    "calendar_next",
    "view_month",
    "month_view",
]


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the focus"
    return widget


def named(widget: QWidget) -> str:
    """Its object name; the wizard's and a dialog box's own buttons by what they do."""
    window = widget.window()
    if isinstance(window, QWizard):
        for which, word in WIZARD_BUTTONS.items():
            if window.button(which) is widget:
                return word
    if not widget.objectName() and hasattr(widget, "text"):
        return str(widget.text()).replace("&", "")
    return name_of(widget)


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
    met = [named(focused())]
    while not named(focused()).startswith(name):
        assert len(met) <= limit, f"{name} not reached: {met}"
        if backwards:
            press(KEY.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        else:
            press(KEY.Key_Tab)
        met.append(named(focused()))
    return met


def once_round(limit: int = 60) -> list[str]:
    """Tab until the focus is back where it was: the names of what it visited, from there. Shift+Tab then
    goes round the other way through the same widgets."""
    start = focused()
    met = [named(start)]
    press(KEY.Key_Tab)
    while focused() is not start:
        met.append(named(focused()))
        assert len(met) <= limit, f"Tab never comes back to {named(start)}: {met}"
        press(KEY.Key_Tab)
    back = [named(start)]
    press(KEY.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    while focused() is not start:
        back.append(named(focused()))
        assert len(back) <= limit, f"Shift+Tab never comes back to {named(start)}: {back}"
        press(KEY.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert back == [met[0], *reversed(met[1:])], f"Shift+Tab: {back} for {met}"
    return met


WRONG: list[str] = []


def check(expected: list[str]) -> None:
    """Tab once round from the focus: in `expected`'s order, or noted (the journey goes on; the test fails
    at its end with every order that differs)."""
    seen = once_round()
    if seen != expected:
        WRONG.append(f"{seen}\n  for {expected}")


def to_sections() -> None:
    """Back to the list of sections, the first stop of the window (Shift+Tab, as far as needed)."""
    tab_to(NAV, backwards=True)


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
    shell._job_can_run_closed = lambda: False  # type: ignore[method-assign]  # no job on this machine
    qtbot.addWidget(shell.window)
    shell.window.resize(room_for(SCREENS["1280x720"]))
    try:
        with qtbot.waitSignal(shell.store_ready, timeout=20_000):
            shell.window.show()
        shell.accounts._plc_url = pds.plc_url  # the test network's DID directory
        # --- first run: the set-up opens by itself; Enter goes on, the first field of each step has the focus
        qtbot.waitUntil(lambda: getattr(shell, "wizard", None) is not None and shell.wizard.isVisible())
        wizard = shell.wizard
        wizard.activateWindow()
        settle()
        qtbot.waitUntil(lambda: named(focused()) == "language_en")
        check(LANGUAGE)
        press(KEY.Key_Return)  # the language ticked: English
        qtbot.waitUntil(lambda: wizard.currentId() == wizard.BUSINESS)
        qtbot.waitUntil(lambda: named(focused()) == "business_name")
        check(BUSINESS)
        type_text("Atelier Lune")
        press(KEY.Key_Tab)
        type_text("florist")  # her trade in her words: it chooses the kind
        assert wizard.business_page.answers().kind is not None
        tab_to("business_town")
        type_text("Lyon")
        press(KEY.Key_Return)  # Enter in a field: Next
        qtbot.waitUntil(lambda: wizard.currentId() == wizard.GOALS)
        qtbot.waitUntil(lambda: named(focused()).startswith(GOALS_FIRST))
        check([*(f"goal_{g.value}" for g in wizard.goals_page.boxes), *GOALS])
        press(KEY.Key_Space)  # the first goal
        press(KEY.Key_Return)
        qtbot.waitUntil(lambda: wizard.currentId() == wizard.TIME)
        press(KEY.Key_Return)  # the time offered
        qtbot.waitUntil(lambda: wizard.currentId() == wizard.NETWORKS)
        # The networks as they stand on screen, one box each, then the wizard's buttons.
        # The list scrolls in the step (a stop of its own), its boxes in the order they stand on screen.
        check(NETWORKS)
        tab_to("network_bluesky")
        if not wizard.networks_page.rows["bluesky"].box.isChecked():
            press(KEY.Key_Space)
        assert "bluesky" in wizard.networks_page.chosen()
        press(KEY.Key_Return)
        qtbot.waitUntil(lambda: wizard.currentId() == wizard.CONNECT)
        qtbot.waitUntil(lambda: named(focused()) == "connect_mastodon")  # the registry's order
        check(CONNECT)
        tab_to("connect_bluesky")

        # --- connect Bluesky over the set-up: Enter on the focused button opens its window
        press(KEY.Key_Return)
        dialog = shell.accounts.bluesky_dialog
        assert dialog is not None and dialog.isVisible() and dialog.parentWidget() is wizard
        dialog.activateWindow()
        settle()
        qtbot.waitUntil(lambda: named(focused()) == "bluesky_handle")
        type_text(handle)
        press(KEY.Key_Tab)
        assert named(focused()) == "bluesky_app_password"
        type_text(app_password)
        assert tab_to("bluesky_advanced") == ["bluesky_app_password", "show_app_password", "bluesky_advanced"]
        press(KEY.Key_Space)  # "I use my own server": its field opens and takes the focus
        assert named(focused()) == "bluesky_service"
        type_text(pds.url)
        tab_to("bluesky_handle", backwards=True)
        check(BLUESKY_DIALOG)
        tab_to("bluesky_service")
        press(KEY.Key_Return)  # Enter in a field presses the dialog's default button: Connect
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
        with shell.store.session() as session:
            [account] = session.exec(select(Account)).all()
        assert account.handle == handle
        assert handle in wizard.connect_page.connected_label.text()
        wizard.activateWindow()
        settle()
        tab_to("Next")
        press(KEY.Key_Return)
        qtbot.waitUntil(lambda: wizard.currentId() == wizard.SUMMARY)
        qtbot.waitUntil(lambda: wizard.summary_page.plan is not None)
        qtbot.waitUntil(lambda: named(focused()) == "Finish")
        press(KEY.Key_Return)  # "Start with this plan"
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=20_000)

        # --- write, for Bluesky
        shell.window.activateWindow()
        settle()
        if named(focused()) != NAV:
            to_sections()
        open_section(shell, "compose")
        composer = shell.composer
        qtbot.waitUntil(lambda: any(a for (_n, a) in composer.targets.target_buttons), timeout=5_000)
        # The networks first, as they stand on the page (the registry's order, the account's name on hers).
        targets = [name_of(b) for b in composer.targets.target_buttons.values()]
        check([NAV, *targets, *COMPOSE])  # the column fits: no scroll stop before the networks
        tab_to(f"target_bluesky_{account.id}")
        press(KEY.Key_Space)
        assert composer.targets.selected() == ["bluesky"]
        tab_to("main_text")
        press(KEY.Key_A, Qt.KeyboardModifier.ControlModifier)  # the composer may hold a draft of the plan
        type_text("Nouveaux vases en gres, venez les voir samedi !")  # QTest types Latin-1 only
        press(KEY.Key_Tab)  # Tab leaves the text: it types nothing
        assert composer.editor.toPlainText().endswith("samedi !")
        tab_to("schedule")
        press(KEY.Key_Return)
        schedule = composer.schedule_dialog
        qtbot.waitUntil(schedule.isVisible)
        schedule.activateWindow()
        settle()
        assert named(focused()) == "schedule_when"
        check(SCHEDULE_DIALOG)
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
        check(CALENDAR)
        tab_to("month_view")
        grid = shell.calendar.month_view
        model = shell.calendar.month_model
        assert grid.currentIndex() == model.index_of(model.today)  # the arrows start from today
        days = (when.date() - model.today).days
        if not model.index_of(when.date()).isValid():  # tomorrow is next month: Page Down
            press(KEY.Key_PageDown)
            days = when.date().day - 1
            assert model.date_at(grid.currentIndex()) == when.date().replace(day=1)
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
        assert composer.post_id == post.id
        assert composer.editor.toPlainText().startswith("Nouveaux vases")
        assert not WRONG, "Tab orders that differ:\n" + "\n".join(WRONG)
    finally:
        WRONG.clear()
        shell.shutdown()
