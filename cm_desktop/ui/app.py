"""Builds the application: translations, main window, tray, connectivity, and the store after first paint.

Everything is passed in by constructor; nothing here is global, so tests build exactly what they need.
Heavy imports (sqlmodel, alembic, keyring, httpx) happen after the window is on screen.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QApplication

from cm_desktop.core.i18n import Lang
from cm_desktop.core.settings import Settings, load_settings, save_settings
from cm_desktop.platform.paths import AppPaths, in_cloud_synced_folder
from cm_desktop.platform.resources import icon_path
from cm_desktop.ui.i18n import Translations
from cm_desktop.ui.main_window import MainWindow
from cm_desktop.ui.tasks import TaskRunner, ThreadTaskRunner
from cm_desktop.ui.theme import install_look

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from cm_desktop.ui.accounts.page import AccountsPage
    from cm_desktop.ui.calendar.page import CalendarPage
    from cm_desktop.ui.composer.page import ComposerPage
    from cm_desktop.ui.connectivity import ConnectivityMonitor
    from cm_desktop.ui.pages.settings_page import SettingsPage
    from cm_desktop.ui.tray import Tray

log = logging.getLogger(__name__)

QUIT_AFTER_PAINT_ENV = "CM_DESKTOP_QUIT_AFTER_FIRST_PAINT"
# For bench/startup.py: say "started" once the store is open and the pages built, then quit at a line on stdin.
REPORT_STARTED_ENV = "CM_DESKTOP_REPORT_STARTED"
# With it, "started" is preceded by a line "modules: …" naming the app's modules loaded by then (for the tests
# that check a page's modules wait until the page is first shown).
REPORT_MODULES_ENV = "CM_DESKTOP_REPORT_MODULES"


class _PageContext(NamedTuple):
    """What the pages built on first use are built with (set by build_pages once the store is open)."""

    store: Any
    clock: Any
    zone: str
    country: str


class Shell(QObject):
    """The running app's parts, wired together. One per QApplication."""

    store_ready = Signal(object)  # the open Store
    store_failed = Signal(object)  # the StoreError shown to the person
    login_needed = Signal()  # from any thread: a login was needed while the passphrase file was locked

    def __init__(
        self,
        app: QApplication,
        paths: AppPaths,
        runner: TaskRunner,
        *,
        settings: Settings | None = None,
        show_dialogs: bool = True,
        probe: Callable[[], bool] | None = None,
        use_system_network: bool = True,
        background_job: Callable[[], Any] | None = None,
    ) -> None:
        super().__init__()
        self.app, self.paths, self.runner = app, paths, runner
        self.settings = settings or load_settings(paths.settings_file)
        self.show_dialogs = show_dialogs
        self.store: Any = None
        self.translations = Translations(app)
        self.translations.apply(self.settings.language)
        install_look(app)  # the palette before the first widget (the style comes after the first paint)

        geometry = QSettings(str(paths.data / "window.ini"), QSettings.Format.IniFormat)
        self._background_job = background_job or self._real_background_job
        self._settings_page: SettingsPage | None = None
        # Built when first shown or needed (build_pages registers them): see the composer and calendar.
        self._page_context: _PageContext | None = None
        self._composer: ComposerPage | None = None
        self._calendar: CalendarPage | None = None
        self._help: QWidget | None = None
        self._accounts: AccountsPage | None = None
        self._accounts_store: Any = None
        self.window = MainWindow(None, geometry)
        # Settings is built when first shown or used: its widgets' Qt types cost ~20 ms before the window
        # could show, and memory at start.
        self.window.set_page_factory("settings", lambda: self.settings_page)
        self.window.first_painted.connect(lambda: QTimer.singleShot(0, self._after_first_paint))
        self.window.closed.connect(self.stop_background)
        self._probe, self._use_system_network = probe, use_system_network
        self.tray: Tray | None = None
        self._profile: Any = None
        self.connectivity: ConnectivityMonitor | None = None
        self.outbox: Any = None
        self.publishing: Any = None  # services.publishing.AppPublishing, once the store is open
        self.inbox: Any = None
        self.listening: Any = None
        self.results: Any = None
        self._secrets_instance: Any = None
        self.keychain_gate: Any = None  # ui.accounts.keychain_gate.KeychainGate, with the Accounts page
        self.login_needed.connect(self._login_needed)

    @property
    def settings_page(self) -> SettingsPage:
        if self._settings_page is None:
            from cm_desktop.ui.pages.settings_page import SettingsPage

            page = SettingsPage(
                self.settings.language,
                self.paths.logs,
                background_publishing=self.settings.background_publishing,
                late_margin_minutes=self.settings.late_margin_minutes,
            )
            self._settings_page = page
            page.language_chosen.connect(self.set_language)
            page.background_publishing_chosen.connect(self.set_background_publishing)
            page.late_margin_chosen.connect(self.set_late_margin)
            page.slots_requested.connect(self._edit_slots)
            page.restore_requested.connect(self.restore_backup)
            page.setup_requested.connect(lambda: self.open_wizard(first_run=False))
            page.set_login_file_in_use(self._login_file_in_use())
            self.window.set_page("settings", page)
        return self._settings_page

    def set_language(self, choice: str) -> None:
        self.settings.language = choice
        self.translations.apply(choice)
        # Chosen in the wizard: Settings shows that choice (a Settings page built later reads it).
        if self._settings_page is not None:
            self._settings_page.show_language(choice)
        self._save_settings()

    def _save_settings(self) -> None:
        from cm_desktop.platform.logs import log_failure

        try:
            save_settings(self.settings, self.paths.settings_file)
        except OSError as exc:
            log_failure(log, "saving settings", exc, known=True)

    def _real_background_job(self) -> Any:
        from cm_desktop.platform.background_job import BackgroundJob

        return BackgroundJob(log_dir=self.paths.logs)

    def set_background_publishing(self, on: bool) -> None:
        """Install or remove the operating-system job (off the GUI thread: schtasks/launchctl take time)."""
        make_job = self._background_job

        def work() -> Any:
            job = make_job()
            return job.install() if on else job.remove()

        def done(status: Any) -> None:
            self.settings.background_publishing = bool(status.installed)
            self._save_settings()
            if self._composer is not None:  # a composer built later reads the setting
                self._composer.background_publishing = self.settings.background_publishing
            if self._settings_page is not None:  # a Settings page built later reads the setting
                self._settings_page.set_background_result(bool(status.installed))

        def failed(error: BaseException) -> None:
            from cm_desktop.platform.background_job import INSTALL_FAILED, JobError
            from cm_desktop.platform.logs import log_failure

            log_failure(log, "switching background publishing", error, known=isinstance(error, JobError))
            detail = error.detail if isinstance(error, JobError) else type(error).__name__
            self.settings_page.set_background_result(  # built if need be: the failure is said there
                self.settings.background_publishing, INSTALL_FAILED.get(self.lang(), detail=detail)
            )

        self.runner.run(work, done, failed)

    def _update_background_job(self) -> None:
        """A job installed by an earlier version runs its command line (without `--results`, say): it is
        installed again with this version's, off the GUI thread. A failure leaves the earlier job working."""
        make_job = self._background_job

        def failed(error: BaseException) -> None:
            from cm_desktop.platform.background_job import JobError
            from cm_desktop.platform.logs import log_failure

            log_failure(log, "updating the background job", error, known=isinstance(error, JobError))

        self.runner.run(lambda: make_job().update(), lambda _status: None, failed)

    def set_late_margin(self, minutes: int) -> None:
        self.settings.late_margin_minutes = minutes
        self._save_settings()
        if self.publishing is not None:
            self.publishing.set_late_margin(minutes)  # the outbox's next run uses it

    def _after_first_paint(self) -> None:
        # QtNetwork, the SVG icon engine, the tray, Qt's enums and the style cost start-up time: they come once
        # the window is on screen.
        from cm_desktop.ui.app_style import install_style
        from cm_desktop.ui.connectivity import ConnectivityMonitor
        from cm_desktop.ui.focus_ring import FocusRings
        from cm_desktop.ui.keyboard import ReadingOrders
        from cm_desktop.ui.theme import follow_system_scheme
        from cm_desktop.ui.tray import Tray

        self.window.after_first_paint()
        install_style(self.app)  # boxes and icons that grow with the font: none on the first frame
        follow_system_scheme(self.app)  # the first frame took light or dark from the system's palette
        # The focus ring and Tab in reading order: needed from the first key press, not for the first paint.
        FocusRings.install(self.app)
        ReadingOrders.install(self.app)
        from PySide6.QtGui import QIcon

        icon = QIcon(str(icon_path("app.svg")))
        self.app.setWindowIcon(icon)
        self.window.setWindowIcon(icon)

        self.connectivity = ConnectivityMonitor(self.runner, self._probe, self._use_system_network, self)
        self.connectivity.changed.connect(self.window.connectivity.set_online)
        if self.connectivity.online is not None:
            self.window.connectivity.set_online(self.connectivity.online)
        self.tray = Tray(icon, self)
        self.tray.open_requested.connect(self._raise_window)
        self.tray.quit_requested.connect(self.app.quit)
        self.tray.show()
        self.open_store()
        if self.settings.background_publishing:
            self._update_background_job()

    def lang(self) -> Lang:
        return self.translations.language

    def build_pages(self, store: Any) -> None:
        """The pages, once the store is open (their modules import the data layer). Home is on screen at start
        and built now; Compose, Calendar and Help are built when first shown or needed (`composer`,
        `calendar`), their modules imported then: the start costs less memory and time. After the set-up a
        page already built is built again at once (the profile it shows has changed); the others wait."""
        from PySide6.QtCore import QTimeZone

        from cm_desktop.core.onboarding import load_profile
        from cm_desktop.core.schedule import SystemClock
        from cm_desktop.ui.home.page import HomePage

        self._profile = load_profile(store)
        system_zone = bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
        zone = self._profile.time_zone if self._profile and self._profile.time_zone != "UTC" else system_zone
        country = self._profile.country if self._profile and self._profile.country else "FR"
        clock = SystemClock()
        self._page_context = _PageContext(store, clock, zone, country)

        self.home = HomePage(self.runner, clock, self.lang)
        self.window.set_page("home", self.home)
        self.home.set_store(store)

        self._build_outbox(store, clock, zone)
        self._build_accounts(store)
        self._build_inbox(store, clock, zone)
        self._build_listening(store, clock, zone)
        self._build_results(store, clock, zone)

        self.home.compose_requested.connect(self._compose_text)
        self.home.setup_requested.connect(lambda: self.open_wizard(first_run=False))
        self.home.posts_requested.connect(lambda: self.window.show_page("sending"))
        self.home.idea_opened.connect(self._open_post)  # one of the plan's ideas becomes the draft

        composer_built, calendar_built = self._composer is not None, self._calendar is not None
        self._composer = self._calendar = None
        self.window.set_page_factory("compose", lambda: self.composer)
        self.window.set_page_factory("calendar", lambda: self.calendar)
        if self._help is None:
            self.window.set_page_factory("help", self._build_help)
        if composer_built:
            self.composer  # noqa: B018 (rebuilt now for the new profile, as before the pages were lazy)
        if calendar_built:
            self.calendar  # noqa: B018

    @property
    def composer(self) -> ComposerPage:
        """The Compose page, built on first use (it needs the open store: after `build_pages`)."""
        if self._composer is None:
            self._composer = self._build_composer()
        return self._composer

    @property
    def calendar(self) -> CalendarPage:
        """The Calendar page, built on first use (it needs the open store: after `build_pages`)."""
        if self._calendar is None:
            self._calendar = self._build_calendar()
        return self._calendar

    def _context(self) -> _PageContext:
        if self._page_context is None:
            raise RuntimeError("the pages are built once the store is open (build_pages)")
        return self._page_context

    def _build_composer(self) -> ComposerPage:
        from cm_desktop.ui.composer.page import ComposerPage

        context = self._context()
        composer = ComposerPage(
            self.runner,
            context.clock,
            context.zone,
            self.paths.media,
            self.lang,
            link_cache=self.paths.data / "cache" / "link_cards",
            renditions_dir=self.paths.renditions,
        )
        if self.connectivity is not None:
            # Link cards are fetched only while online; offline they come from the cache.
            self.connectivity.changed.connect(composer.set_online)
            if self.connectivity.online is not None:
                composer.set_online(self.connectivity.online)
        if self._profile is not None and self._profile.name:
            composer.set_author(self._profile.name)
        composer.background_publishing = self.settings.background_publishing
        composer.background_requested.connect(lambda: self.set_background_publishing(True))
        composer.post_scheduled.connect(self._posts_changed)
        composer.post_scheduled.connect(lambda _post_id: self._wake_outbox())
        self.window.set_page("compose", composer)
        composer.set_store(context.store)
        return composer

    def _build_calendar(self) -> CalendarPage:
        from cm_desktop.ui.calendar.page import CalendarPage

        context = self._context()
        # Its first month (posts, holidays) is read when the person looks at it.
        calendar = CalendarPage(
            context.store,
            context.zone,
            context.country,
            context.clock,
            self.runner,
            self.paths.data,
            load_when_shown=True,
        )
        self.window.set_page("calendar", calendar)
        calendar.post_opened.connect(self._open_post)
        calendar.compose_requested.connect(lambda _when: self.window.show_page("compose"))
        calendar.posts_changed.connect(lambda: self.home.refresh())
        calendar.posts_changed.connect(self._forget_sent)  # the composer's "Scheduled for…" may be stale
        calendar.posts_changed.connect(self._wake_outbox)
        calendar.native_reschedule_needed.connect(lambda _post_id: self._wake_outbox())
        return calendar

    def _build_help(self) -> None:
        from cm_desktop.ui.help.pages import HelpPage

        self._help = HelpPage(self.lang)
        self.window.set_page("help", self._help)

    def _wake_outbox(self) -> None:
        if self.outbox is not None:
            self.outbox.wake()

    def _forget_sent(self) -> None:
        if self._composer is not None:  # not built yet: it has said nothing about a sent post
            self._composer.forget_sent()

    def _reload_composer_accounts(self) -> None:
        if self._composer is not None:  # not built yet: it reads the accounts when built
            self._composer.reload_accounts()

    def _refresh_calendar(self) -> None:
        if self._calendar is not None:  # not built yet: it reads the store when built
            self._calendar.refresh()

    def _build_outbox(self, store: Any, clock: Any, zone: str) -> None:
        """The outbox inside the app: it sends what is due while the app is open (the OS job when closed)."""
        from PySide6.QtGui import QDesktopServices

        from cm_desktop.ui.outbox.controller import OutboxController

        if self.outbox is not None:
            # The pages are being rebuilt (after the set-up): one worker only; deleting the old controller
            # also drops its connections to the tray and the connectivity monitor.
            self.outbox.stop()
            self.outbox.deleteLater()
        if self.publishing is None or self.publishing.store is not store:
            from cm_desktop.services.publishing import AppPublishing

            # One outbox and one pool of connectors for the app's life (built on the worker's first run).
            self.publishing = AppPublishing(self.paths, store, self._secrets())
        paths = self.paths
        self.outbox = OutboxController(
            store,
            self.publishing.run,
            self.runner,
            clock,
            zone,
            self.lang,
            data_dir=paths.data,
            renditions_dir=paths.renditions,
            show_notification=self._show_notification,
            open_url=QDesktopServices.openUrl,
            clipboard=self.app.clipboard(),
            window=self.window,
            show_dialogs=self.show_dialogs,
        )
        self.window.set_page("sending", self.outbox.page)
        self.outbox.changed.connect(self._posts_changed)
        self.outbox.worker.ran.connect(lambda outcomes: self.note_exchanges(outcomes, clock.now()))
        self.outbox.accounts_requested.connect(lambda: self.window.show_page("accounts"))
        self.outbox.show_sending.connect(self._show_sending)
        self.outbox.post_opened.connect(self._open_post)
        self.outbox.page.board_loaded.connect(
            lambda board: self.window.set_badge("sending", board.waiting_count)
        )
        if self.tray is not None:
            self.tray.icon.messageClicked.connect(self.outbox.notifier.on_message_clicked)
        if self.connectivity is not None:
            self.connectivity.changed.connect(self.outbox.set_online)
            if self.connectivity.online is not None:
                self.outbox.set_online(self.connectivity.online)
        self.outbox.start()

    def note_exchanges(self, outcomes: Any, now: Any) -> None:
        """The status light follows the last exchange with each connected network (not only the
        computer's connection): a server that did not answer shows as unreachable since then."""
        from cm_desktop.core.outbox import messages

        local = now.astimezone() if getattr(now, "tzinfo", None) is not None else now
        silent = (messages.OFFLINE, messages.UNKNOWN)
        no_exchange = (messages.LATE, messages.SKIPPED, messages.NO_ACCOUNT, messages.BUG, messages.MEDIA)
        for outcome in outcomes:
            if outcome.account_id is None or outcome.error_code in no_exchange:
                continue
            self.window.connectivity.exchange(outcome.network, outcome.error_code not in silent, local)

    def _build_accounts(self, store: Any) -> None:
        from cm_desktop.ui.accounts.keychain_gate import KeychainGate

        if self.keychain_gate is None:
            from cm_desktop.platform.secrets import LOGIN_FILE_CHOICE, login_backend

            data, needed = self.paths.data, self.login_needed.emit
            self.keychain_gate = KeychainGate(
                self.runner,
                self._secrets(),
                self.lang,
                new_login_file=lambda: login_backend(data, LOGIN_FILE_CHOICE, on_locked=needed),
                remember_choice=self._remember_login_store,
                parent=self,
            )
            self.keychain_gate.ready.connect(self._logins_ready)
        self._accounts_store = store
        built, self._accounts = self._accounts is not None, None
        self.window.set_page_factory("accounts", lambda: self.accounts)
        if built:
            self.accounts  # noqa: B018 (built again at once, as before the pages were lazy)

    @property
    def accounts(self) -> AccountsPage:
        """The Accounts page, built when first shown or used (the keychain gate is there from the start)."""
        if self._accounts is None:
            from PySide6.QtGui import QDesktopServices

            from cm_desktop.ui.accounts.page import AccountsPage

            self._accounts = AccountsPage(
                self._accounts_store,
                self.runner,
                self._secrets(),
                QDesktopServices.openUrl,
                self.lang,
                avatar_dir=self.paths.data / "cache" / "avatars",
                lock_path=self.paths.lock_file,
                gate=self.keychain_gate,
            )
            self.window.set_page("accounts", self._accounts)
            self._accounts.accounts_changed.connect(self._accounts_changed)
        return self._accounts

    def _accounts_changed(self) -> None:
        """An account connected, reconnected or removed (only from the Accounts page, built by then)."""
        # A reconnected account's waiting posts go out at once; the composer offers the new account.
        self.outbox.wake()
        self.outbox.page.refresh()
        self._reload_composer_accounts()
        self.inbox.check_now()
        self.listening.refresh()
        self.results.read_now()

    def _build_inbox(self, store: Any, clock: Any, zone: str) -> None:
        """The Messages page and its reading on a timer (the background job reads while the app is closed)."""
        from PySide6.QtGui import QDesktopServices

        from cm_desktop.core.tid import new_tid
        from cm_desktop.ui.messages.controller import InboxController, InboxServices

        built = self.inbox is not None and self.inbox.page_built
        if self.inbox is not None:
            self.inbox.stop()  # the pages are being rebuilt (after the set-up): one timer only
            self.inbox.deleteLater()
        paths, pool = self.paths, self.publishing.pool

        def readers() -> Any:
            # Over the app's one pool of connectors: one Bluesky session per account, refreshed by one object.
            from cm_desktop.services.inbox import readers_over

            return readers_over(pool.get, owns_connectors=False)

        def sync(interval: Any) -> Any:
            from cm_desktop.services.inbox import sync_inbox

            return sync_inbox(paths, store, readers(), interval=interval)

        def thread(account_id: int, remote_id: str) -> Any:
            from cm_desktop.services.inbox import load_thread

            return load_thread(store, account_id, remote_id, readers())

        def send_likes() -> Any:
            from cm_desktop.core.inbox.answers import send_likes as send

            return send(store, readers())

        def push_seen(account_ids: Any) -> Any:
            from cm_desktop.services.inbox import push_seen as push

            return push(store, account_ids, readers())

        self.inbox = InboxController(
            store,
            InboxServices(sync=sync, thread=thread, send_likes=send_likes, push_seen=push_seen),
            self.runner,
            clock,
            zone,
            self.lang,
            show_notification=self._show_notification,
            open_url=QDesktopServices.openUrl,
            data_dir=paths.data,
            renditions_dir=paths.renditions,
            new_key=new_tid,
            page_when_shown=True,  # built when the person first opens Messages
            parent=self.window,
        )
        self.window.set_page_factory("inbox", lambda: self.window.set_page("inbox", self.inbox.page))
        if built:
            self.window.page("inbox")  # built again at once, as before the pages were lazy
        self.inbox.unread_changed.connect(lambda count: self.window.set_badge("inbox", count))
        self.inbox.show_messages.connect(self._show_messages)
        self.inbox.accounts_requested.connect(lambda: self.window.show_page("accounts"))
        # A click on a notification is for whoever showed the last one: the outbox's is forgotten.
        self.inbox.notified.connect(lambda: setattr(self.outbox.notifier, "last_kind", ""))
        self.inbox.answer_queued.connect(self.outbox.wake)
        self.outbox.changed.connect(self.inbox.refresh)
        if self.tray is not None:
            self.inbox.unread_changed.connect(self.tray.set_unread)
            self.tray.icon.messageClicked.connect(self.inbox.on_notification_clicked)
        if self.connectivity is not None:
            self.connectivity.changed.connect(self.inbox.set_online)
            if self.connectivity.online is not None:
                self.inbox.set_online(self.connectivity.online)
        self.inbox.start()

    def _build_listening(self, store: Any, clock: Any, zone: str) -> None:
        """The Listening page and its saved searches on a timer, over the app's one pool of connectors (the
        background job runs them while the app is closed)."""
        from PySide6.QtGui import QDesktopServices

        from cm_desktop.core.tid import new_tid
        from cm_desktop.services.listening import AppListening
        from cm_desktop.ui.listening.controller import ListeningController, ListeningServices

        built = self.listening is not None and self.listening.page_built
        if self.listening is not None:
            self.listening.stop()  # the pages are being rebuilt (after the set-up): one timer only
            self.listening.deleteLater()
        listening = AppListening(self.paths, store, self.publishing.pool.get)
        self.listening = ListeningController(
            store,
            ListeningServices(
                run=listening.run, send_likes=listening.send_likes, send_follows=listening.send_follows
            ),
            self.runner,
            clock,
            zone,
            self.lang,
            open_url=QDesktopServices.openUrl,
            data_dir=self.paths.data,
            renditions_dir=self.paths.renditions,
            new_key=new_tid,
            page_when_shown=True,  # built when the person first opens Listening
            parent=self.window,
        )
        profile = self._profile
        if profile is not None:
            from cm_desktop.core.coach.trades import trade

            # The searches are in the business's own language: a Lyon florist is found as "fleuriste".
            known = trade(profile.trade)
            words = known.name.get_raw("fr" if profile.language == "fr" else "en").lower() if known else ""
            self.listening.set_profile(profile.name, profile.town, profile.kind, words)
        self.window.set_page_factory(
            "listening", lambda: self.window.set_page("listening", self.listening.page)
        )
        if built:
            self.window.page("listening")  # built again at once, as before the pages were lazy
        self.listening.new_changed.connect(lambda count: self.window.set_badge("listening", count))
        self.listening.accounts_requested.connect(lambda: self.window.show_page("accounts"))
        self.listening.answer_queued.connect(self.outbox.wake)
        self.listening.idea_made.connect(self._posts_changed)
        self.outbox.changed.connect(self.listening.refresh)
        if self.connectivity is not None:
            self.connectivity.changed.connect(self.listening.set_online)
            if self.connectivity.online is not None:
                self.listening.set_online(self.connectivity.online)
        self.listening.start()

    def _build_results(self, store: Any, clock: Any, zone: str) -> None:
        """The Results page and its readings on a timer (the background job reads while the app is closed);
        the Sending page's "How did it go?" opens its form."""
        from cm_desktop.ui.results.controller import ResultsController, ResultsServices

        built = self.results is not None and self.results.page_built
        if self.results is not None:
            self.results.stop()  # the pages are being rebuilt (after the set-up): one timer only
            self.results.deleteLater()
        paths, pool = self.paths, self.publishing.pool

        def sync(everyone: bool) -> Any:
            from datetime import UTC, datetime

            from cm_desktop.core.results.sync import readable_now
            from cm_desktop.services.results import counters_over, sync_results

            now = datetime.now(UTC)
            accounts = readable_now(store, now) if everyone else None
            # Over the app's one pool of connectors, as the outbox, the inbox and listening.
            counters = counters_over(pool.get, owns_connectors=False)
            return sync_results(paths, store, counters, zone=zone, now=now, accounts=accounts)

        self.results = ResultsController(
            store,
            ResultsServices(sync=sync),
            self.runner,
            clock,
            zone,
            self.lang,
            page_when_shown=True,  # built when the person first opens Results
            parent=self.window,
        )
        self.window.set_page_factory("insights", self._show_results_page)
        if built:
            self.window.page("insights")  # built again at once, as before the pages were lazy
        self.results.slots_changed.connect(self._refresh_calendar)
        self.outbox.page.by_hand_requested.connect(self.results.open_by_hand)
        if self.connectivity is not None:
            self.connectivity.changed.connect(self.results.set_online)
            if self.connectivity.online is not None:
                self.results.set_online(self.connectivity.online)
        self.results.start()

    def _show_results_page(self) -> None:
        page = self.results.page
        self.window.set_page("insights", page)
        page.compose_requested.connect(lambda: self.window.show_page("compose"))
        page.sending_requested.connect(lambda: self.window.show_page("sending"))
        page.accounts_requested.connect(lambda: self.window.show_page("accounts"))

    def _secrets(self) -> Any:
        """One keychain door for the outbox and the Accounts page, where the person keeps logins (the system
        keychain, or the passphrase file they chose). Secrets picks keyring's backend on first use (in a
        worker: the outbox's run or the Accounts page's listing), not here."""
        if self._secrets_instance is None:
            from cm_desktop.platform.secrets import secrets_for

            self._secrets_instance = secrets_for(
                self.paths.data, self.settings.login_store, on_locked=self.login_needed.emit
            )
        return self._secrets_instance

    def _login_file_in_use(self) -> bool:
        from cm_desktop.platform.secrets import LOGIN_FILE_CHOICE

        return self.settings.login_store == LOGIN_FILE_CHOICE

    def _remember_login_store(self, choice: str) -> None:
        """The person chose where logins are kept: remembered in the settings (never in the file itself)."""
        self.settings.login_store = choice
        self._save_settings()
        if self._settings_page is not None:  # a Settings page built later reads the setting
            self._settings_page.set_login_file_in_use(self._login_file_in_use())
        wizard = getattr(self, "wizard", None)
        if wizard is not None:
            wizard.connect_page.set_login_file_in_use(self._login_file_in_use())

    def _login_needed(self) -> None:
        """The outbox or the inbox wanted a login while the passphrase file was locked: ask it, once."""
        if self.keychain_gate is not None and self.show_dialogs:
            self.keychain_gate.needed(self.window)

    def _logins_ready(self) -> None:
        """Logins can be read now (a passphrase was typed, a keychain came back): waiting posts go out."""
        if self.outbox is not None:
            self.outbox.wake()
        if self.inbox is not None:
            self.inbox.check_now()
        wizard = getattr(self, "wizard", None)
        if wizard is not None:
            wizard.connect_page.set_keychain_problem("")

    def _show_notification(self, title: str, message: str) -> bool:
        """A system notification where the desktop shows them; else the status bar. True if notified."""
        from PySide6.QtWidgets import QSystemTrayIcon

        if self.inbox is not None:
            self.inbox.last_click = ("", 0)  # this notification's click is not the inbox's (it sets its own)
        if self.tray is not None and self.tray.icon.isVisible() and QSystemTrayIcon.supportsMessages():
            self.tray.icon.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, 10_000)
            return True
        self.window.statusBar().showMessage(f"{title}: {message}", 15_000)
        return False

    def _edit_slots(self) -> None:
        if self._page_context is not None:  # the calendar's dialog: the calendar is built first if need be
            self.calendar.edit_slots()

    def _show_messages(self) -> None:
        self.window.show_page("inbox")
        self._raise_window()

    def _show_sending(self) -> None:
        self.window.show_page("sending")
        self._raise_window()

    def _posts_changed(self, _post_id: int = 0) -> None:
        self.home.refresh()
        self._refresh_calendar()

    def _compose_text(self, text: str, _origin: str) -> None:
        self.composer.editor.setPlainText(text)
        self.window.show_page("compose")

    def _open_post(self, post_id: int) -> None:
        from cm_desktop.core.drafts import load_draft

        draft = load_draft(self.store, post_id)
        if draft is not None:
            self.composer.load(draft)
            self.window.show_page("compose")

    def open_wizard(self, first_run: bool) -> None:
        from cm_desktop.ui.wizard.wizard import FirstRunWizard

        wizard = FirstRunWizard(
            self.store,
            self.runner,
            self.set_language,
            language=self.lang(),
            first_run=first_run,
            # With logins in the passphrase file the system job cannot publish: not ticked by itself then.
            background_default=self.settings.background_publishing
            or (self._job_can_run_closed() and not self._login_file_in_use()),
            parent=self.window,
        )
        self.wizard = wizard
        wizard.connect_page.set_login_file_in_use(self._login_file_in_use())
        # Before any form: a missing or locked keychain is said on the connect step, for this desktop.
        wizard.currentIdChanged.connect(lambda page: self._connect_step_shown(wizard, page))
        wizard.applied.connect(lambda _result: self._wizard_done(rebuild=True))
        wizard.skipped.connect(lambda: self._wizard_done(rebuild=False))
        wizard.connect_requested.connect(self._connect_from_wizard)
        wizard.show()

    def _job_can_run_closed(self) -> bool:
        from cm_desktop.platform.background_job import can_run_while_closed

        return can_run_while_closed()

    def _connect_from_wizard(self, network: str) -> None:
        """The connection opens on top of the wizard; once it works, the wizard says so and goes on."""
        wizard = self.wizard
        if self._accounts_store is None:
            return
        self.accounts.request_connect(
            network,
            over=wizard,
            opened=lambda dialog: dialog.connected.connect(
                lambda account: wizard.connect_page.add_connected(str(account.handle or account.display_name))
            ),
        )

    def _connect_step_shown(self, wizard: Any, page: int) -> None:
        gate = self.keychain_gate
        if gate is not None and page == wizard.CONNECT:
            from cm_desktop.platform.secrets import Readiness

            gate.check(
                lambda readiness: wizard.connect_page.set_keychain_problem(
                    gate.advice(readiness), passphrase_offered=readiness is Readiness.NO_KEYCHAIN
                )
            )

    def _wizard_done(self, rebuild: bool) -> None:
        self.settings.onboarding_seen = True
        self._save_settings()
        wizard = getattr(self, "wizard", None)
        if (
            rebuild
            and wizard is not None
            and wizard.connect_page.background() != self.settings.background_publishing
        ):
            self.set_background_publishing(wizard.connect_page.background())
        if rebuild:
            self.build_pages(self.store)

    def _raise_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def open_store(self) -> None:
        def work() -> Any:
            from cm_desktop.core.store import open_store

            return open_store(self.paths.database, self.paths.backups)

        self.runner.run(work, self._on_store, self._on_store_error)

    def _on_store(self, store: Any) -> None:
        self.store = store
        self.build_pages(store)
        self.store_ready.emit(store)
        if self.show_dialogs and not self.settings.onboarding_seen and self._profile is None:
            self.open_wizard(first_run=True)
        if in_cloud_synced_folder(self.paths.data) and self.show_dialogs:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(
                self.window,
                "CM Desktop",
                self.tr(
                    "Your data folder is inside a synchronised folder (Dropbox, OneDrive, iCloud or Google "
                    "Drive). Synchronisation can damage the app's database: please move the folder elsewhere."
                ),
            )

    def _on_store_error(self, error: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        from cm_desktop.core.store import StoreCorrupted, StoreError
        from cm_desktop.platform.logs import log_failure
        from cm_desktop.ui.store_dialogs import resolve_damaged_store, store_error_dialog

        lang = self.translations.language
        if not isinstance(error, StoreError):
            log_failure(log, "opening the store", error, known=False)
            self.store_failed.emit(error)
            if self.show_dialogs:
                QMessageBox.critical(
                    self.window, "CM Desktop", self.tr("Something went wrong while opening your data.")
                )
            return
        log_failure(log, "opening the store", error, known=True)
        self.store_failed.emit(error)
        if not self.show_dialogs:
            return
        if isinstance(error, StoreCorrupted):  # also StoreSetAside: damage found at an earlier run
            from PySide6.QtCore import QTimeZone

            zone = bytes(QTimeZone.systemTimeZoneId().data()).decode() or "UTC"
            db, backups = self.paths.database, self.paths.backups
            if resolve_damaged_store(self.window, error, db, backups, zone, lang):
                self.open_store()
            else:
                self.app.quit()
            return
        store_error_dialog(self.window, error, lang).exec()
        self.app.quit()

    def restore_backup(self, chosen: Any = None) -> None:
        """Settings' "restore from a backup": pick one, let go of the data, put the copy in place, reopen.
        The publisher lock is held meanwhile, so neither the app's outbox nor the background job sends."""
        from cm_desktop.ui.store_dialogs import choose_backup

        chosen = chosen or (choose_backup(self.window, self.paths.backups) if self.show_dialogs else None)
        if chosen is None:
            return
        if self.outbox is not None:
            self.outbox.stop()
        store, self.store = self.store, None
        paths = self.paths

        def work() -> Any:
            from cm_desktop.core.outbox.lock import PublisherLock
            from cm_desktop.core.store import restore_backup

            with PublisherLock(paths.lock_file, wait=120):
                if store is not None:
                    store.close()
                return restore_backup(chosen, paths.database, paths.backups)

        def failed(error: BaseException) -> None:
            from cm_desktop.core.store import StoreError
            from cm_desktop.platform.logs import log_failure

            known = isinstance(error, StoreError)
            log_failure(log, "restoring a backup", error, known=known)
            said = error.message(self.lang()) if isinstance(error, StoreError) else ""
            self.settings_page.set_restore_result(False, said)
            self.open_store()  # back to the data as it was

        def done(_undo: Any) -> None:
            self.settings_page.set_restore_result(True)
            self.open_store()

        self.runner.run(work, done, failed)

    def stop_background(self) -> None:
        """No more timers: the outbox worker and the connection checks stop (the window is closing)."""
        if self.outbox is not None:
            self.outbox.stop()
        if self.inbox is not None:
            self.inbox.stop()
        if self.listening is not None:
            self.listening.stop()
        if self.results is not None:
            self.results.stop()
        if self.connectivity is not None:
            self.connectivity.stop()

    def shutdown(self) -> None:
        self.stop_background()
        if self.publishing is not None:
            self.publishing.close()
        if self.store is not None:
            self.store.close()


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("CM Desktop")
    app.setOrganizationName("CM Desktop")
    app.setQuitOnLastWindowClosed(True)
    app.setDesktopFileName("cm-desktop")  # lets Wayland docks match the window to the menu entry
    return app


def _hold_single_instance_mutex() -> object:
    """On Windows, a named mutex the installer and uninstaller look for (AppMutex) to ask the person to quit."""
    if sys.platform != "win32":
        return None
    import ctypes

    return ctypes.windll.kernel32.CreateMutexW(None, False, "CMDesktop.SingleInstance")


def run_app(paths: AppPaths, started: float | None = None) -> int:
    """Open the app and run until it quits. Returns the exit code."""
    from cm_desktop.platform.logs import install_crash_handler

    install_crash_handler()  # a bug in a slot goes to the log, masked (the log file comes after first paint)
    app = make_application(sys.argv)
    from cm_desktop.ui.single_instance import Claim, SingleInstance, bring_to_front

    single = SingleInstance(paths.data)
    claim = single.claim()
    if claim is not Claim.OWNER:
        return _second_launch(claim, app, paths)
    instance = _hold_single_instance_mutex()  # noqa: F841 (kept alive while the app runs)
    runner = ThreadTaskRunner()
    shell = Shell(app, paths, runner)
    single.activation_requested.connect(lambda: bring_to_front(shell.window))
    shell.window.first_painted.connect(lambda: QTimer.singleShot(0, single.listen))

    def after_first_paint() -> None:
        # The log file (and logging.handlers) can wait until the window is on screen; until then
        # Python's last-resort handler still prints warnings to stderr.
        from cm_desktop.platform.logs import setup_logging

        setup_logging(paths.logs)
        if started is not None:
            log.info("first paint after %.0f ms", (time.perf_counter() - started) * 1000)

    shell.window.first_painted.connect(lambda: QTimer.singleShot(0, after_first_paint))
    if os.environ.get(QUIT_AFTER_PAINT_ENV):
        # For bench/startup*.py: the real start-up path, measured from outside the process.
        def report_and_quit() -> None:
            print("first-paint", flush=True)
            app.quit()

        shell.window.first_painted.connect(report_and_quit)
    if os.environ.get(REPORT_STARTED_ENV):

        def report_started() -> None:
            if os.environ.get(REPORT_MODULES_ENV):
                loaded = sorted(name for name in sys.modules if name.startswith("cm_desktop."))
                print("modules:", " ".join(loaded), flush=True)
            print("started", flush=True)
            sys.stdin.readline()  # the bench reads this process's memory meanwhile
            app.quit()

        shell.store_ready.connect(lambda _store: QTimer.singleShot(0, report_started))
    shell.window.show()
    code = app.exec()
    runner.wait()
    shell.shutdown()
    single.release()
    return code


def _second_launch(claim: object, app: QApplication, paths: AppPaths) -> int:
    """The window is open already: it was asked to come forward (0), or it did not answer (1, said so)."""
    from PySide6.QtWidgets import QMessageBox

    from cm_desktop.ui.single_instance import Claim

    if claim is Claim.FORWARDED:
        return 0
    Translations(app).apply(load_settings(paths.settings_file).language)
    QMessageBox.warning(
        None,
        "CM Desktop",
        QApplication.translate(
            "SingleInstance",
            "CM Desktop is already open but does not answer. Close it (or restart the computer), then open "
            "it again.",
        ),
    )
    return 1
