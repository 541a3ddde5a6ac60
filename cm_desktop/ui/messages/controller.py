"""Wires the inbox into the running app: reading on a timer, the Messages page, the unread badge, desktop
notifications for new replies and mentions (never for likes), and the weekly reminders for the networks
the app cannot read.

Reading: about every minute while the Messages page is on screen, every 5 minutes otherwise. Each account's
own pace (backoff after errors, a 429's reset, Mastodon's request budget) is kept by core/inbox/sync.py,
which skips an account until its time. Nothing is read while offline. Everything that touches a network
or the store runs through the task runner, off the GUI thread.

The app builds the page when the person first opens Messages (`page_when_shown`): meanwhile the controller
reads and notifies as before, counts the badge's number itself and keeps what the page would show (a reading's
problems, the cards of the networks the app cannot read) to give it when it is built.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtWidgets import QWidget

from cm_desktop.core.i18n import Lang
from cm_desktop.core.inbox.answers import LikeOutcome, like_error
from cm_desktop.core.inbox.query import Board, ItemView
from cm_desktop.core.inbox.reminders import REMINDER_BODY, REMINDER_TITLE, CheckCard
from cm_desktop.core.inbox.sync import SyncRun
from cm_desktop.core.ports import Blocked, NotSent, PostGone, Thread
from cm_desktop.core.schedule import Clock
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from cm_desktop.ui.messages.page import MessagesPage

log = logging.getLogger(__name__)

TICK_MS = 60_000
FAST = timedelta(seconds=55)  # the page is on screen (a little under the tick, so every tick reads)
SLOW = timedelta(minutes=5)
MAX_NAMED = 3  # people named in one notification


@dataclass(frozen=True)
class InboxServices:
    """The inbox's network side, built by the shell from services/inbox.py (tests pass their own)."""

    sync: Callable[[timedelta | None], SyncRun]  # None: every account now ("Check now")
    thread: Callable[[int, str], Thread]  # (account id, post's remote id)
    send_likes: Callable[[], list[LikeOutcome]]
    push_seen: Callable[[Sequence[int]], dict[int, str]]


@dataclass(frozen=True)
class Synced:
    run: SyncRun
    new: list[ItemView]  # new replies, mentions and quotes (not from an account's first reading)
    cards: list[CheckCard]


class InboxController(QObject):
    unread_changed = Signal(int)  # replies, mentions and quotes not read yet: the badge
    answer_queued = Signal(int)  # post id: the outbox sends it
    accounts_requested = Signal()
    show_messages = Signal()  # bring the Messages page forward
    notified = Signal()  # a desktop notification of ours was shown (a click on it is for us)

    def __init__(
        self,
        store: Any,
        services: InboxServices,
        runner: TaskRunner,
        clock: Clock,
        zone: str,
        lang: Callable[[], Lang],
        *,
        show_notification: Callable[[str, str], bool],
        open_url: Callable[[QUrl], bool],
        data_dir: Any,
        renditions_dir: Any,
        new_key: Callable[[], str],
        tick_ms: int = TICK_MS,
        page_when_shown: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """`page_when_shown`: the page (and its modules) is built on first use of `page`, not now: the app
        builds it when the person first opens Messages (or a notification's click brings it forward); the
        accounts are read and the unread messages counted meanwhile."""
        super().__init__(parent)
        self.store, self.services, self.runner, self.clock, self.zone = store, services, runner, clock, zone
        self._lang, self._show_notification = lang, show_notification
        self.online = True
        self.syncing = False
        self._again: timedelta | bool | None = False
        self._stopped = True
        self.last_click: tuple[str, int] = ("", 0)  # what a click on our last notification opens
        # What the page is built with, whenever it is (now, or when first shown).
        self._page_args = (runner, clock, zone, lang, open_url)
        self._page_kwargs = {"data_dir": data_dir, "renditions_dir": renditions_dir, "new_key": new_key}
        self._page: MessagesPage | None = None
        # What the page shows of the last reading, kept for the page built later (None: nothing read yet).
        self._problems: list[str] | None = None
        self._cards: list[CheckCard] | None = None
        self._select_when_loaded = 0  # a notification's message, selected once the new page has its list
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)
        if not page_when_shown:
            self.page  # noqa: B018 (built now, as the controller's own tests expect)

    @property
    def page(self) -> MessagesPage:
        if self._page is None:
            from cm_desktop.ui.messages.page import MessagesPage

            page = MessagesPage(*self._page_args, **self._page_kwargs)
            self._page = page
            page.sync_requested.connect(self.check_now)
            page.thread_requested.connect(self.load_thread)
            page.likes_requested.connect(self.send_likes)
            page.seen_changed.connect(self.push_seen)
            page.answer_queued.connect(self.answer_queued)
            page.accounts_requested.connect(self.accounts_requested)
            page.board_loaded.connect(self._board_loaded)
            if self._problems is not None:
                page.set_sync_problems(self._problems)
            if self._cards is not None:
                page.set_cards(self._cards)
            page.set_store(self.store)
            if self.syncing:
                page.check_button.setEnabled(False)
        return self._page

    @property
    def page_built(self) -> bool:
        return self._page is not None

    # --- the timer ---------------------------------------------------------------------------------------

    def start(self) -> None:
        if self._page is None:
            self._count()  # the badge, without the page
        self._stopped = False
        self.timer.start()
        self.tick()

    def stop(self) -> None:
        self._stopped = True
        self.timer.stop()

    def set_online(self, online: bool) -> None:
        came_back = online and not self.online
        self.online = online
        if came_back:
            self.tick()

    def tick(self) -> None:
        """Read the accounts whose turn it is; the pace depends on whether the page is on screen."""
        if self._stopped:
            return
        self._sync(FAST if self._page is not None and self._page.isVisible() else SLOW)

    def check_now(self) -> None:
        self._sync(None)

    def _sync(self, interval: timedelta | None) -> None:
        if not self.online:
            return  # nothing fails, nothing floods; reading starts again when the connection is back
        if self.syncing:
            self._again = interval if self._again is False or interval is None else self._again
            return
        self.syncing = True
        if self._page is not None:
            self._page.check_button.setEnabled(False)
        store, zone, services, now = self.store, self.zone, self.services, self.clock.now()

        def work() -> Synced:
            from cm_desktop.core.inbox.query import get_item
            from cm_desktop.core.inbox.reminders import cards

            run = services.sync(interval)
            new: list[ItemView] = []
            for result in run.results:
                if result.first:
                    continue  # an account's first reading brings old messages: nothing to announce
                for item_id in result.new_to_answer:
                    item = get_item(store, item_id)
                    if item is not None:
                        new.append(item)
            return Synced(run, new, cards(store, now, zone))

        self.runner.run(work, self._synced, self._sync_failed)

    def _synced(self, synced: Synced) -> None:
        self._finish()
        lang = self._lang()
        self._problems = [
            f"{r.handle}: {r.message(lang)}"
            for r in synced.run.results
            if r.error_code and r.error_code != "offline"
        ]
        self._cards = list(synced.cards)
        if self._page is not None:
            self._page.set_sync_problems(self._problems)
            self._page.set_cards(self._cards)
        self.refresh()
        if synced.new:
            self._announce(synced.new)
        self._remind()

    def _sync_failed(self, error: BaseException) -> None:
        from cm_desktop.platform.logs import log_failure

        log_failure(log, "reading messages", error, known=False)
        self._finish()

    def _finish(self) -> None:
        self.syncing = False
        if self._page is not None:
            self._page.check_button.setEnabled(True)
        again, self._again = self._again, False
        if again is not False:
            self._sync(again if isinstance(again, timedelta) else None)

    # --- desktop notifications ---------------------------------------------------------------------------

    def _announce(self, new: list[ItemView]) -> None:
        first = new[0]
        who = first.author_name or first.author_handle
        if len(new) == 1:
            title = {
                "reply": self.tr("%1 replied to you"),
                "mention": self.tr("%1 mentioned you"),
                "quote": self.tr("%1 quoted your post"),
            }.get(first.kind, self.tr("%1 wrote to you")).replace("%1", who)
            message = " ".join(first.text.split())[:140]
        else:
            names = list(dict.fromkeys(i.author_name or i.author_handle for i in new))
            title = self.tr("%1 new messages to answer").replace("%1", str(len(new)))
            message = self.tr("From %1").replace(
                "%1", ", ".join(names[:MAX_NAMED]) + ("…" if len(names) > MAX_NAMED else "")
            )
        self._show_notification(title, message)
        self.last_click = ("item", first.id)
        self.notified.emit()

    def _remind(self) -> None:
        from cm_desktop.core.inbox.reminders import due_reminders

        store, now, zone = self.store, self.clock.now(), self.zone
        self.runner.run(lambda: due_reminders(store, now, zone), self._reminded, self._sync_failed_quietly)

    def _reminded(self, due: list[CheckCard]) -> None:
        lang = self._lang()
        for card in due:
            name = network_name(card.network)
            self._show_notification(REMINDER_TITLE.get(lang, network=name), REMINDER_BODY.get(lang))
            self.last_click = ("card", 0)
            self.notified.emit()

    def on_notification_clicked(self) -> None:
        """A click on our last notification: the Messages page, with the message it told about."""
        kind, item_id = self.last_click
        if not kind:
            return
        self.show_messages.emit()
        if kind == "item":
            if self.page.loaded_once:
                self.page.select_item(item_id)
            else:
                self._select_when_loaded = item_id  # the page was just built: its list is being read

    # --- the network side of what the person does ------------------------------------------------------

    def load_thread(self, account_id: int, remote_id: str, key: str) -> None:
        thread = self.services.thread

        def failed(error: BaseException) -> None:
            if isinstance(error, PostGone):
                self.page.show_thread_problem(key, "deleted")
            elif isinstance(error, Blocked):
                self.page.show_thread_problem(key, "blocked")
            elif isinstance(error, NotSent):
                self.page.show_thread_problem(key, "offline")
            else:
                log.info("inbox: conversation not read (%s)", type(error).__name__)
                self.page.show_thread_problem(key, "other")

        self.runner.run(
            lambda: thread(account_id, remote_id), lambda t: self.page.show_thread(key, t), failed
        )

    def send_likes(self) -> None:
        if not self.online:
            return  # asked and kept: sent with the next reading once the connection is back
        lang = self._lang()

        def done(outcomes: list[LikeOutcome]) -> None:
            if self._page is None:
                self._count()
                return
            self.page.refresh()
            row = self.page.pane.row
            for outcome in outcomes:
                words = like_error(outcome, row.network if row is not None else "", lang)
                if words and row is not None and outcome.item_id in row.item_ids:
                    self.page.pane.note.setText(words)

        self.runner.run(self.services.send_likes, done, self._sync_failed_quietly)

    def push_seen(self, account_ids: list[int]) -> None:
        if not self.online:
            return  # told at the next reading
        push = self.services.push_seen
        self.runner.run(lambda: push(account_ids), lambda _failed: None, self._sync_failed_quietly)

    def _sync_failed_quietly(self, error: BaseException) -> None:
        log.info("inbox: %s", type(error).__name__)

    def _board_loaded(self, board: Board) -> None:
        self.unread_changed.emit(board.unread_to_answer)
        if self.syncing and self._page is not None:
            self._page.check_button.setEnabled(False)  # the page's words enable it: a reading still goes on
        item_id, self._select_when_loaded = self._select_when_loaded, 0
        if item_id and self._page is not None:
            self._page.select_item(item_id)

    def refresh(self, *_args: object) -> None:
        """Posts changed elsewhere (an answer went out): the states shown follow. Without the page, only the
        badge's number is read (the page reads the rest when built)."""
        if self._page is not None:
            self._page.refresh()
        else:
            self._count()

    def _count(self) -> None:
        from cm_desktop.core.inbox.query import unread_to_answer

        store = self.store
        self.runner.run(lambda: unread_to_answer(store), self.unread_changed.emit, self._sync_failed_quietly)
