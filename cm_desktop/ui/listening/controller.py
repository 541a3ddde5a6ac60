"""Wires listening into the running app: the saved searches run on a timer, the Listening page, the number
of new posts on the navigation.

Every minute the controller asks services/listening.py to run the searches that are due: each is made at
most once per 15 minutes (core/listening/run.py keeps that, and each search's backoff and a server's
"wait"), so the tick costs nothing when nothing is due. A search just added or changed runs at the next
tick, at once. Nothing is searched while offline. Everything that touches a network or the store runs
through the task runner, off the GUI thread; the searchers use the app's connector pool.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtWidgets import QWidget

from cm_desktop.core.i18n import Lang
from cm_desktop.core.inbox.answers import LikeOutcome, like_error
from cm_desktop.core.listening.board import Board
from cm_desktop.core.listening.leads import FollowOutcome, follow_error
from cm_desktop.core.listening.run import ListenRun
from cm_desktop.core.schedule import Clock
from cm_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from cm_desktop.ui.listening.page import ListeningPage

log = logging.getLogger(__name__)

TICK_MS = 60_000


@dataclass(frozen=True)
class ListeningServices:
    """Listening's network side, built by the shell from services/listening.py (tests pass their own)."""

    run: Callable[[], ListenRun]  # the searches that are due, then the likes and follows that wait
    send_likes: Callable[[], list[LikeOutcome]]
    send_follows: Callable[[], list[FollowOutcome]]


class ListeningController(QObject):
    new_changed = Signal(int)  # posts found and not looked at yet: the navigation's number
    answer_queued = Signal(int)  # post id: the outbox sends it
    idea_made = Signal(int)
    accounts_requested = Signal()

    def __init__(
        self,
        store: Any,
        services: ListeningServices,
        runner: TaskRunner,
        clock: Clock,
        zone: str,
        lang: Callable[[], Lang],
        *,
        open_url: Callable[[QUrl], bool],
        data_dir: Any,
        renditions_dir: Any,
        new_key: Callable[[], str],
        tick_ms: int = TICK_MS,
        page_when_shown: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """`page_when_shown`: the page (and its modules) is built on first use of `page`, not now: the app
        builds it when the person first opens Listening; the searches run and the number of new posts is
        counted meanwhile."""
        super().__init__(parent)
        self.store, self.services, self.runner, self._lang = store, services, runner, lang
        # What the page is built with, whenever it is (now, or when first shown).
        self._page_args = (runner, clock, zone, lang, open_url)
        self._page_kwargs = {"data_dir": data_dir, "renditions_dir": renditions_dir, "new_key": new_key}
        self._page: ListeningPage | None = None
        self._profile: tuple[str, str, str, str] | None = None
        self.online = True
        self.running = False
        self._again = False
        self._stopped = True
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)
        if not page_when_shown:
            self.page  # noqa: B018 (built now; else the number of new posts is read at start)

    @property
    def page(self) -> ListeningPage:
        if self._page is None:
            from cm_desktop.ui.listening.page import ListeningPage

            page = ListeningPage(*self._page_args, **self._page_kwargs)
            self._page = page
            if self._profile is not None:
                page.set_profile(*self._profile)
            page.search_requested.connect(self.tick)
            page.likes_requested.connect(self.send_likes)
            page.follows_requested.connect(self.send_follows)
            page.answer_queued.connect(self.answer_queued)
            page.idea_made.connect(self.idea_made)
            page.accounts_requested.connect(self.accounts_requested)
            page.board_loaded.connect(self._board_loaded)
            page.set_store(self.store)
        return self._page

    @property
    def page_built(self) -> bool:
        return self._page is not None

    def set_profile(self, name: str, town: str, kind: str, trade: str = "") -> None:
        """What the page's suggestions are made of (the set-up wizard's answers), now or when it is built."""
        self._profile = (name, town, kind, trade)
        if self._page is not None:
            self._page.set_profile(name, town, kind, trade)

    def start(self) -> None:
        if self._page is None:
            self.refresh()  # the number of new posts, without the page
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
        """Run the searches whose turn it is (none when none is due: the tick is then free)."""
        if self._stopped or not self.online:
            return
        if self.running:
            self._again = True
            return
        self.running = True
        self.runner.run(self.services.run, self._ran, self._failed)

    def _ran(self, _run: ListenRun) -> None:
        self._finish()
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        from cm_desktop.platform.logs import log_failure

        log_failure(log, "listening", error, known=False)
        self._finish()

    def _finish(self) -> None:
        self.running = False
        if self._again:
            self._again = False
            self.tick()

    def send_likes(self) -> None:
        if not self.online:
            return  # asked and kept: sent with the next run once the connection is back
        lang = self._lang()

        def done(outcomes: list[LikeOutcome]) -> None:
            self.page.refresh()
            shown = self.page.pane.result
            for outcome in outcomes:
                if shown is not None and outcome.item_id == shown.id:
                    words = like_error(outcome, shown.network, lang)
                    if words:
                        self.page.pane.note.setText(words)

        self.runner.run(self.services.send_likes, done, self._quiet)

    def send_follows(self) -> None:
        if not self.online:
            return
        lang = self._lang()

        def done(outcomes: list[FollowOutcome]) -> None:
            self.page.refresh()
            shown = self.page.pane.result
            for outcome in outcomes:
                if shown is not None and outcome.author_id == shown.author_id:
                    words = follow_error(outcome, shown.network, lang)
                    if words:
                        self.page.pane.note.setText(words)

        self.runner.run(self.services.send_follows, done, self._quiet)

    def _quiet(self, error: BaseException) -> None:
        log.info("listening: %s", type(error).__name__)

    def _board_loaded(self, board: Board) -> None:
        self.new_changed.emit(board.new)

    def refresh(self, *_args: object) -> None:
        """Posts changed elsewhere (an answer went out): the states shown follow. Without the page, only the
        number of new posts is read (the page reads the rest when built)."""
        if self._page is not None:
            self._page.refresh()
            return
        from cm_desktop.core.listening.board import new_count

        store = self.store
        self.runner.run(lambda: new_count(store), self.new_changed.emit, self._quiet)
