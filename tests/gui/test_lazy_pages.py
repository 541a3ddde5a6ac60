"""Pages not on screen at start are built when first shown (issue #20, a lighter start).

The module check runs the real entry point (`python -m cm_desktop`) in a fresh process: this pytest process has
imported every page already. The rest drives a Shell on a real store through its navigation (offscreen).
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

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
    "cm_desktop.ui.messages.page",
    "cm_desktop.ui.messages.conversation",
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
    the Compose, Calendar, Help, Accounts, Listening, Results and Messages pages' are not (their controllers
    run)."""
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
    assert "cm_desktop.ui.messages.controller" in modules  # the inbox is read and counted from the start
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


def add_unread(store: Any, account_id: int, number: int, kind: str = "reply") -> int:
    from cm_desktop.core.models import InboxItem

    with store.session() as session:
        item = InboxItem(
            account_id=account_id,
            network="bluesky",
            kind=kind,
            remote_id=f"at://someone/n/{number}",
            sort_key=f"{number:04d}",
            created_at=datetime(2026, 5, 4, 12, number, tzinfo=UTC),
            author_handle=f"client{number}.bsky.social",
            text=f"Message {number} : vous ouvrez dimanche ?",
        )
        session.add(item)
        session.commit()
        assert item.id is not None
        return item.id


def test_messages_counts_the_unread_before_its_page_is_built(qtbot: QtBot, paths: AppPaths) -> None:
    """The navigation's number for Messages (and the tray's) is right from the start, without the page; the
    page is built on its first showing with those messages, and the number follows what is read there. The
    store's accounts cannot be read here (no login in the keychain): the reading's problem is kept and shown
    when the page is built."""
    from cm_desktop.core.store import open_store
    from cm_desktop.ui.messages.page import MessagesPage
    from tests.unit.test_listening_core import add_account

    store = open_store(paths.database, paths.backups)
    account = add_account(store)
    first = add_unread(store, account, 1)
    add_unread(store, account, 2, kind="mention")
    add_unread(store, account, 3, kind="like")  # not a message to answer: not counted
    store.close()
    shell = make_shell(qtbot, paths)
    window = shell.window
    assert isinstance(window.page_at(row_of(shell, "inbox")), PlaceholderPage)
    assert not shell.inbox.page_built
    assert window.navigation.item(row_of(shell, "inbox")).text() == "Messages (2)"
    add_unread(shell.store, account, 4)
    shell.outbox.changed.emit()  # a refresh without the page: the number only
    assert not shell.inbox.page_built
    assert window.navigation.item(row_of(shell, "inbox")).text() == "Messages (3)"

    window.show_page("inbox")
    page = window.current_page()
    assert isinstance(page, MessagesPage) and page is shell.inbox.page
    assert page.model.rowCount() == 3  # to answer: the two replies and the mention
    assert page.check_button.isEnabled() == (not shell.inbox.syncing)
    assert page.problems.isVisibleTo(page) and "must be reconnected" in page.problems.text()  # kept, shown
    page.show_everything()
    assert page.model.rowCount() == 4
    page.mark_all_read()
    assert window.navigation.item(row_of(shell, "inbox")).text() == "Messages"
    assert first in page.model.rows()[-1].item_ids
    shell.shutdown()


def test_a_notification_click_builds_messages_with_its_message_chosen(qtbot: QtBot, paths: AppPaths) -> None:
    from cm_desktop.core.store import open_store
    from cm_desktop.ui.messages.page import MessagesPage
    from tests.unit.test_listening_core import add_account

    store = open_store(paths.database, paths.backups)
    account = add_account(store)
    add_unread(store, account, 1)
    chosen = add_unread(store, account, 2)
    store.close()
    shell = make_shell(qtbot, paths)
    assert not shell.inbox.page_built
    shell.inbox.last_click = ("item", chosen)  # as _announce leaves it
    shell.inbox.on_notification_clicked()
    page = shell.window.current_page()
    assert isinstance(page, MessagesPage) and page is shell.inbox.page
    row = page.model.row_at(page.list.currentIndex())
    assert row is not None and chosen in row.item_ids
    shell.shutdown()


def test_the_inbox_page_built_while_reading_and_before_its_list_is_read(qtbot: QtBot, tmp_path: Path) -> None:
    """The controller alone, its work held until released (as a thread pool would run it later): the page
    built during a reading shows "Check now" off until the reading ends; a notification's click builds the
    page and chooses its message once the list is read."""
    from cm_desktop.core.schedule import ManualClock
    from cm_desktop.core.store import open_store
    from cm_desktop.ui.messages.controller import InboxController
    from tests.gui.test_messages_page import T0, Fake
    from tests.gui.test_outbox_ui import DeferredRunner
    from tests.unit.test_inbox_sync import Network
    from tests.unit.test_listening_core import add_account

    store = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    account = add_account(store)
    add_unread(store, account, 1)
    chosen = add_unread(store, account, 2)
    fake = Fake(store, networks={account: Network()})
    runner = DeferredRunner()

    def controller() -> InboxController:
        return InboxController(
            store,
            fake.services(),
            runner,
            ManualClock(T0),
            "Europe/Paris",
            lambda: "en",
            show_notification=lambda _title, _message: True,
            open_url=lambda _url: True,
            data_dir=tmp_path,
            renditions_dir=tmp_path / "renditions",
            new_key=lambda: "3k",
            tick_ms=3_600_000,
            page_when_shown=True,
        )

    inbox = controller()
    badges: list[int] = []
    inbox.unread_changed.connect(badges.append)
    inbox.start()
    runner.release()  # the count
    assert badges == [2] and not inbox.page_built and inbox.syncing
    page = inbox.page  # opened while the first reading goes on
    qtbot.addWidget(page)
    assert not page.check_button.isEnabled()
    runner.pending.append(runner.pending.pop(0))  # the page's list is read before the reading ends
    runner.release()
    assert page.model.rowCount() == 2 and not page.check_button.isEnabled()
    runner.release()  # the reading: done
    assert page.check_button.isEnabled() and fake.syncs == [timedelta(minutes=5)]
    while runner.pending:
        runner.release()
    inbox.stop()

    clicked = controller()
    shown: list[bool] = []
    clicked.show_messages.connect(lambda: shown.append(True))
    clicked.last_click = ("item", chosen)
    clicked.on_notification_clicked()
    assert shown == [True] and clicked.page_built
    qtbot.addWidget(clicked.page)
    assert clicked.page.model.rowCount() == 0  # its list is not read yet
    runner.release()
    row = clicked.page.model.row_at(clicked.page.list.currentIndex())
    assert row is not None and chosen in row.item_ids
    store.close()


@pytest.mark.parametrize("opened_before", [False, True])
def test_messages_after_the_set_up_whether_built_or_not(
    qtbot: QtBot, paths: AppPaths, opened_before: bool
) -> None:
    """The wizard's "apply" makes a new inbox controller: a Messages page opened before is built again at
    once (the new controller's), one never opened waits for its first showing."""
    from cm_desktop.ui.messages.page import MessagesPage

    shell = make_shell(qtbot, paths)
    window = shell.window
    before = window.page("inbox") if opened_before else None
    old_inbox = shell.inbox
    window.show_page("home")
    shell._wizard_done(rebuild=True)
    assert shell.inbox is not old_inbox
    page = window.page_at(row_of(shell, "inbox"))
    if opened_before:
        assert isinstance(page, MessagesPage) and page is shell.inbox.page and page is not before
    else:
        assert isinstance(page, PlaceholderPage) and not shell.inbox.page_built
    window.show_page("inbox")
    assert window.current_page() is shell.inbox.page
    shell.shutdown()
