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
from typing import Any

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtWidgets import QWidget

from cm_desktop.core.i18n import Lang
from cm_desktop.core.inbox.answers import LikeOutcome, like_error
from cm_desktop.core.listening.board import Board
from cm_desktop.core.listening.leads import FollowOutcome, follow_error
from cm_desktop.core.listening.run import ListenRun
from cm_desktop.core.schedule import Clock
from cm_desktop.ui.listening.page import ListeningPage
from cm_desktop.ui.tasks import TaskRunner

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
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.services, self.runner, self._lang = store, services, runner, lang
        self.online = True
        self.running = False
        self._again = False
        self._stopped = True
        self.page = ListeningPage(
            runner,
            clock,
            zone,
            lang,
            open_url,
            data_dir=data_dir,
            renditions_dir=renditions_dir,
            new_key=new_key,
        )
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)
        self.page.search_requested.connect(self.tick)
        self.page.likes_requested.connect(self.send_likes)
        self.page.follows_requested.connect(self.send_follows)
        self.page.answer_queued.connect(self.answer_queued)
        self.page.idea_made.connect(self.idea_made)
        self.page.accounts_requested.connect(self.accounts_requested)
        self.page.board_loaded.connect(self._board_loaded)
        self.page.set_store(store)

    def start(self) -> None:
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
        self.page.refresh()

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
        """Posts changed elsewhere (an answer went out): the states shown follow."""
        self.page.refresh()
