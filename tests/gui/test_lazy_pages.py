"""Pages not on screen at start are built when first shown (issue #20, a lighter start).

The module check runs the real entry point (`python -m cm_desktop`) in a fresh process: this pytest process has
imported every page already. The rest drives a Shell on a real store through its navigation (offscreen).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cm_desktop.core.drafts import latest_draft
from cm_desktop.platform.paths import AppPaths
from cm_desktop.ui.app import REPORT_MODULES_ENV, REPORT_STARTED_ENV, Shell
from cm_desktop.ui.pages.placeholder import PlaceholderPage
from cm_desktop.ui.tasks import SyncTaskRunner

LAZY = (
    "cm_desktop.ui.composer.page",
    "cm_desktop.ui.calendar.page",
    "cm_desktop.ui.help.pages",
    "cm_desktop.ui.accounts.page",
    "cm_desktop.ui.listening.page",
    "cm_desktop.ui.results.page",
)


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(data=tmp_path / "data", logs=tmp_path / "logs")


def make_shell(qtbot: QtBot, paths: AppPaths) -> Shell:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    shell = Shell(app, paths, SyncTaskRunner(), show_dialogs=False, use_system_network=False)
    qtbot.addWidget(shell.window)
    with qtbot.waitSignal(shell.store_ready, timeout=10_000):
        shell.window.show()
    return shell


def row_of(shell: Shell, name: str) -> int:
    navigation = shell.window.navigation
    return next(r for r in range(navigation.count()) if navigation.item(r).data(256) == name)


def test_a_fresh_start_imports_neither_the_composer_nor_the_calendar(tmp_path: Path) -> None:
    """The real start on a fresh store, to "started" (store open, pages built): Home's modules are loaded,
    the Compose, Calendar, Help, Accounts, Listening and Results pages' are not (their controllers run)."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CM_DESKTOP_HOME": str(tmp_path / "home"),
        REPORT_STARTED_ENV: "1",
        REPORT_MODULES_ENV: "1",
    }
    # The newline waits in stdin until the app has printed "started" and reads it to quit.
    done = subprocess.run(
        [sys.executable, "-m", "cm_desktop"],
        input="\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    lines = done.stdout.splitlines()
    assert "started" in lines
    modules = next(line for line in lines if line.startswith("modules:")).split()[1:]
    assert "cm_desktop.ui.home.page" in modules  # on screen at start: the report names what is loaded
    assert "cm_desktop.ui.outbox.controller" in modules  # the outbox works from the start
    assert "cm_desktop.ui.listening.controller" in modules and "cm_desktop.ui.results.controller" in modules
    assert [name for name in LAZY if name in modules] == []


def test_compose_is_built_when_first_opened_and_saves_as_before(qtbot: QtBot, paths: AppPaths) -> None:
    from cm_desktop.ui.composer.page import ComposerPage

    shell = make_shell(qtbot, paths)
    window = shell.window
    for name in ("compose", "calendar", "help"):
        assert isinstance(window.page_at(row_of(shell, name)), PlaceholderPage), name
    shell._posts_changed(1)  # a refresh with no calendar yet: nothing to refresh, nothing fails
    shell.accounts.accounts_changed.emit()  # the composer is not built by a refresh either
    assert isinstance(window.page_at(row_of(shell, "compose")), PlaceholderPage)

    window.navigation.setCurrentRow(row_of(shell, "compose"))  # as a click in the navigation does
    composer = window.current_page()
    assert isinstance(composer, ComposerPage)
    assert shell.composer is composer is window.page("compose")
    composer.targets.set_selected(["mastodon"])
    with qtbot.waitSignal(composer.draft_saved, timeout=3_000):
        qtbot.keyClicks(composer.editor, "Nouveau pain ce samedi")
    draft = latest_draft(shell.store)
    assert draft is not None and draft.text == "Nouveau pain ce samedi"
    assert [t.network for t in draft.targets] == ["mastodon"]
    assert isinstance(window.page_at(row_of(shell, "calendar")), PlaceholderPage)  # still not built
    shell.shutdown()


def test_an_idea_opened_from_home_builds_the_composer_with_it(qtbot: QtBot, paths: AppPaths) -> None:
    from cm_desktop.core.drafts import Draft, save_draft
    from cm_desktop.core.posts import NewTarget

    shell = make_shell(qtbot, paths)
    post_id = save_draft(shell.store, Draft("Idée : la galette", (NewTarget("bluesky"),)))
    shell.home.idea_opened.emit(post_id)
    assert shell.window.current_page_name() == "compose"
    assert shell.window.current_page() is shell.composer
    assert shell.composer.post_id == post_id and shell.composer.editor.toPlainText() == "Idée : la galette"
    shell.home.compose_requested.emit("Bonne fête des mères", "moment:mothers_day")
    assert shell.composer.editor.toPlainText() == "Bonne fête des mères"
    shell.shutdown()


def test_calendar_is_built_when_first_opened_and_refreshed_after(qtbot: QtBot, paths: AppPaths) -> None:
    from cm_desktop.ui.calendar.page import CalendarPage

    shell = make_shell(qtbot, paths)
    shell.window.show_page("calendar")
    calendar = shell.window.current_page()
    assert isinstance(calendar, CalendarPage) and calendar is shell.calendar
    generation = calendar._generation
    shell.results.slots_changed.emit()  # built now: a refresh reaches it
    assert calendar._generation > generation
    shell.window.show_page("help")
    assert not isinstance(shell.window.current_page(), PlaceholderPage)
    shell.shutdown()


@pytest.mark.parametrize(
    "opened_before", [(), ("compose", "calendar", "help", "accounts", "listening", "insights")]
)
def test_the_pages_after_the_set_up_whether_built_or_not(
    qtbot: QtBot, paths: AppPaths, opened_before: tuple[str, ...]
) -> None:
    """The wizard's "apply" builds the pages again (the profile changed): a page built before is built again
    at once, with the new profile; one never opened waits for its first showing."""
    from cm_desktop.core.models import BusinessProfile
    from cm_desktop.ui.calendar.page import CalendarPage
    from cm_desktop.ui.composer.page import ComposerPage

    shell = make_shell(qtbot, paths)
    window = shell.window
    before = {name: window.page(name) for name in opened_before}
    old_listening = shell.listening
    window.show_page("home")
    with shell.store.session() as session:  # what the wizard's "apply" writes
        session.add(BusinessProfile(name="Fleurs de Montréal", time_zone="America/Montreal", country="CA"))
        session.commit()
    shell._wizard_done(rebuild=True)
    for name in ("compose", "calendar", "accounts", "listening", "insights"):
        page = window.page_at(row_of(shell, name))
        if name in opened_before:
            assert not isinstance(page, PlaceholderPage) and page is not before[name]  # built again
        else:
            assert isinstance(page, PlaceholderPage)
    if "help" in opened_before:
        assert window.page_at(row_of(shell, "help")) is before["help"]  # nothing in it depends on the profile
    window.show_page("calendar")
    calendar = window.current_page()
    assert isinstance(calendar, CalendarPage) and (calendar.zone, calendar.country) == (
        "America/Montreal",
        "CA",
    )
    window.show_page("compose")
    composer = window.current_page()
    assert isinstance(composer, ComposerPage) and composer is shell.composer
    assert composer.zone == "America/Montreal"
    assert shell.listening is not old_listening
    window.show_page("listening")
    assert window.current_page() is shell.listening.page  # the new controller's page
    window.show_page("insights")
    assert window.current_page() is shell.results.page
    window.show_page("accounts")
    assert window.current_page() is shell.accounts
    shell.shutdown()


def test_listening_counts_what_is_new_before_its_page_is_built(qtbot: QtBot, paths: AppPaths) -> None:
    """The navigation's number for Listening is right from the start; the page waits for its first showing,
    then shows what was found. Results and Accounts wait too."""
    from cm_desktop.core.listening import watches
    from cm_desktop.core.listening.run import run_due
    from cm_desktop.core.store import open_store
    from cm_desktop.ui.accounts.page import AccountsPage
    from cm_desktop.ui.listening.page import ListeningPage
    from cm_desktop.ui.results.page import ResultsPage
    from tests.unit.test_listening_core import T0, Searcher, add_account, post

    store = open_store(paths.database, paths.backups)
    watches.add(store, add_account(store), "fleuriste Lyon", T0)
    run_due(store, lambda _a: Searcher({"fleuriste Lyon": [post(1), post(2)]}), T0)
    store.close()
    shell = make_shell(qtbot, paths)
    window = shell.window
    for name in ("listening", "insights", "accounts"):
        assert isinstance(window.page_at(row_of(shell, name)), PlaceholderPage), name
    assert window.navigation.item(row_of(shell, "listening")).text() == "Listening (2)"

    window.show_page("listening")
    page = window.current_page()
    assert isinstance(page, ListeningPage) and page is shell.listening.page
    assert page.model.rowCount() == 2
    window.show_page("insights")
    assert isinstance(window.current_page(), ResultsPage) and window.current_page() is shell.results.page
    window.show_page("accounts")
    assert isinstance(window.current_page(), AccountsPage) and window.current_page() is shell.accounts
    shell.shutdown()
