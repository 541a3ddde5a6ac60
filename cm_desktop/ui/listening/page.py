"""The Listening page: what people say about your trade, your town and your shop, found by your saved
searches on Bluesky and Mastodon. The searches on top (choose one, change, pause, remove, add), the posts
found on the left (new ones marked), the post and what to do with it on the right.

A page of its own, not a tab of Messages: Messages is people talking *to* you (its badge counts what waits
for an answer); here it is people talking *about* what you do, often without naming you, and its number
counts what is new since you last looked. The actions differ too (follow, keep as an idea, dismiss).

Keyboard: up/down move in the list, R goes to the answer box, E dismisses, Ctrl+Enter sends the answer.
The page reads and writes the store through the runner (never on the GUI thread); what needs a network
(searching, likes, follows) goes out as signals to the controller (controller.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QObject, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core.i18n import Lang
from cm_desktop.core.listening.board import Board, ResultView
from cm_desktop.core.listening.watches import WatchView
from cm_desktop.core.ports import ServerLimits
from cm_desktop.core.schedule import Clock
from cm_desktop.ui.colours import Role, css, primary_button_style
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.listening.model import ResultDelegate, ResultsModel
from cm_desktop.ui.listening.pane import ResultPane
from cm_desktop.ui.reflow import FlowRow, fitting_height
from cm_desktop.ui.tasks import TaskRunner
from cm_desktop.ui.theme import make_title

log = logging.getLogger(__name__)

LIST_MIN_WIDTH = 300
LIST_UNDER_MIN_HEIGHT = 200  # the post under the list (a narrow window): a few posts found in view
PANE_UNDER_MIN_HEIGHT = 320  # and the post with its answer box under them


class ListeningPage(QWidget):
    search_requested = Signal()  # a search was added or changed: run what is due now
    likes_requested = Signal()
    follows_requested = Signal()
    answer_queued = Signal(int)  # post id: the outbox sends it
    idea_made = Signal(int)  # post id of the idea
    accounts_requested = Signal()
    board_loaded = Signal(object)  # the Board shown (the badge reads it)

    def __init__(
        self,
        runner: TaskRunner,
        clock: Clock,
        zone: str,
        lang: Callable[[], Lang],
        open_url: Callable[[QUrl], bool],
        *,
        data_dir: Any,
        renditions_dir: Any,
        new_key: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page_listening")
        self.runner, self.clock, self.zone, self._lang, self._open_url = runner, clock, zone, lang, open_url
        self.data_dir, self.renditions_dir, self._new_key = data_dir, renditions_dir, new_key
        self.store: Any = None
        self.board = Board()
        self.watch_id: int | None = None
        self.loaded_once = False
        self.profile: tuple[str, str, str, str] = ("", "", "", "")  # name, town, kind, trade
        self.dialog: Any = None

        self.title_label = QLabel()
        self.title_label.setObjectName("page_title")
        make_title(self.title_label)
        self.summary = QLabel()
        self.summary.setObjectName("listening_summary")
        self.summary.setWordWrap(True)
        self.add_button = QPushButton()
        self.add_button.setObjectName("add_watch")
        self.add_button.setStyleSheet(primary_button_style("add_watch", self.palette()))
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.add_button)

        self.watch_label = QLabel()
        self.watch_choice = QComboBox()
        self.watch_choice.setObjectName("watch_choice")
        self.watch_choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.watch_choice.setMinimumContentsLength(16)
        self.watch_choice.setMaximumWidth(520)
        self.watch_label.setBuddy(self.watch_choice)
        self.change_button = QPushButton()
        self.change_button.setObjectName("change_watch")
        self.pause_button = QPushButton()
        self.pause_button.setObjectName("pause_watch")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove_watch")
        # A row that wraps (200 %, a large font, the longer French words) instead of cutting its buttons.
        self.searches_row = FlowRow(
            (self.watch_label, self.watch_choice, self.change_button, self.pause_button, self.remove_button),
            name="listening_searches",
        )
        self.watch_note = QLabel()
        self.watch_note.setObjectName("watch_note")
        self.watch_note.setWordWrap(True)
        self.watch_note.setTextFormat(Qt.TextFormat.PlainText)

        self.model = ResultsModel(zone, clock.now, self)
        self.list = QListView()
        self.list.setObjectName("listening_list")
        self.list.setModel(self.model)
        self.list.setItemDelegate(ResultDelegate(self.model, self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.installEventFilter(self)

        self.empty_text = QLabel()
        self.empty_text.setObjectName("listening_empty")
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setMaximumWidth(560)
        self.empty_button = QPushButton()
        self.empty_button.setObjectName("listening_empty_action")
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.empty_text, 10)
        centred.addStretch(1)
        empty_layout.addLayout(centred)
        empty_layout.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.left = QStackedWidget()
        self.left.addWidget(self.list)
        self.left.addWidget(empty)

        self.pane = ResultPane(lang)
        self.pane.when_text = self.model.when
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.left.setMinimumWidth(LIST_MIN_WIDTH)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)
        layout.addWidget(self.title_label)
        layout.addLayout(top)
        layout.addWidget(self.searches_row)
        layout.addWidget(self.watch_note)
        layout.addWidget(self.splitter, 1)

        self.add_button.clicked.connect(lambda: self.open_dialog(editing=False))
        self.change_button.clicked.connect(lambda: self.open_dialog(editing=True))
        self.pause_button.clicked.connect(self.toggle_pause)
        self.remove_button.clicked.connect(self.remove_current)
        self.watch_choice.activated.connect(self._watch_chosen)
        self.empty_button.clicked.connect(self._empty_action)
        self.list.selectionModel().selectionChanged.connect(self._selected)
        self.pane.answer_requested.connect(self.answer)
        self.pane.like_requested.connect(self.like)
        self.pane.follow_requested.connect(self.follow)
        self.pane.idea_requested.connect(self.make_idea)
        self.pane.dismiss_requested.connect(self.dismiss)
        self.pane.open_requested.connect(lambda url: self._open_url(QUrl(url)))
        self.setTabOrder(self.add_button, self.watch_choice)
        self.setTabOrder(self.watch_choice, self.change_button)
        self.setTabOrder(self.change_button, self.pause_button)
        self.setTabOrder(self.pause_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.list)
        self.setTabOrder(self.list, self.pane.open_button)
        self.retranslate()

    # --- reading the store ---------------------------------------------------------------------------------

    def set_store(self, store: Any) -> None:
        self.store = store
        self.refresh()

    def set_profile(self, name: str, town: str, kind: str, trade: str = "") -> None:
        """What the suggestions are made of (the set-up wizard's answers)."""
        self.profile = (name, town, kind, trade)

    def refresh(self) -> None:
        if self.store is None:
            return
        from cm_desktop.core.listening.board import load_board

        store, watch_id = self.store, self.watch_id
        self.runner.run(lambda: load_board(store, watch_id), self._loaded, self._failed)

    def _loaded(self, board: Board) -> None:
        current = self._current_id()
        self.board, self.loaded_once, self.watch_id = board, True, board.watch_id
        if self.isVisible():
            self._look(board)
        self.model.set_rows(list(board.rows))
        self._fill_watches(board)
        if current is not None:
            index = self.model.index_of(current)
            if index.isValid():
                self.list.selectionModel().blockSignals(True)
                self.list.setCurrentIndex(index)
                self.list.selectionModel().blockSignals(False)
                row = self.model.row_at(index)
                if row is not None and self.pane.result is not None and self.pane.result.id == row.id:
                    self.pane.update_result(row)
            else:
                self.pane.show_nothing()
        self._say()
        self.board_loaded.emit(board)

    def _look(self, board: Board) -> None:
        """The person is looking: what was new stays marked for this visit, and is no longer counted."""
        unseen = [r.id for r in board.rows if not r.seen]
        if not unseen and not board.new:
            return
        self.model.fresh.update(unseen)
        from cm_desktop.core.listening.leads import mark_seen

        store = self.store
        self.runner.run(lambda: mark_seen(store), lambda _n: self.refresh(), self._failed)

    def _failed(self, error: BaseException) -> None:
        from cm_desktop.platform.logs import log_failure

        log_failure(log, "reading what was heard", error, known=False)
        self.summary.setText(self.tr("What was found could not be read. Please try again in a moment."))

    def _current_id(self) -> int | None:
        row = self.model.row_at(self.list.currentIndex())
        return row.id if row is not None else None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.loaded_once:
            self._look(self.board)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.model.fresh.clear()  # next time, "new" is what came after this visit

    # --- the saved searches --------------------------------------------------------------------------------

    def _fill_watches(self, board: Board) -> None:
        self.watch_choice.blockSignals(True)
        self.watch_choice.clear()
        self.watch_choice.addItem(self.tr("All searches"), None)
        for watch in board.watches:
            self.watch_choice.addItem(self._watch_line(watch), watch.id)
        self.watch_choice.setCurrentIndex(max(self.watch_choice.findData(board.watch_id), 0))
        self.watch_choice.blockSignals(False)

    def _watch_line(self, watch: WatchView) -> str:
        text = self.tr("“%1”").replace("%1", watch.query)
        if len(self.board.accounts) > 1:
            text += f" · {watch.handle} ({network_name(watch.network)})"
        if watch.paused:
            text += " · " + self.tr("paused")
        elif watch.new:
            text += " · " + self.tr("%1 new").replace("%1", str(watch.new))
        return text

    def current_watch(self) -> WatchView | None:
        return next((w for w in self.board.watches if w.id == self.watch_id), None)

    def _watch_chosen(self, index: int) -> None:
        data = self.watch_choice.itemData(index)
        self.watch_id = data if isinstance(data, int) else None
        self.refresh()

    def open_dialog(self, *, editing: bool) -> None:
        from cm_desktop.core.listening.suggest import suggestions
        from cm_desktop.ui.listening.watch_dialog import WatchDialog

        watch = self.current_watch() if editing else None
        if editing and watch is None:
            return
        name, town, kind, trade = self.profile
        lang = self._lang()
        existing = [(w.id, w.account_id, w.query) for w in self.board.watches]
        offered = suggestions(
            name=name,
            town=town,
            kind=kind,
            lang=lang,
            trade=trade,
            existing=[w.query for w in self.board.watches],
        )
        self.dialog = WatchDialog(
            lang,
            self.board.accounts,
            existing,
            suggestions=offered,
            editing=(watch.id, watch.account_id, watch.query) if watch is not None else None,
            parent=self,
        )
        self.dialog.accepted.connect(self._dialog_done)
        self.dialog.open()

    def _dialog_done(self) -> None:
        from cm_desktop.core.listening import watches

        dialog, store, now = self.dialog, self.store, self.clock.now()
        text, account_id, editing = dialog.query(), dialog.account_id(), dialog.editing

        def work() -> int | None:
            if editing is not None:
                return watches.change(store, editing[0], text, now).id
            return watches.add(store, account_id, text, now).id

        def done(watch_id: int | None) -> None:
            self.watch_id = watch_id
            self.refresh()
            self.search_requested.emit()

        self.runner.run(work, done, self._refused)

    def _refused(self, error: BaseException) -> None:
        from cm_desktop.core.listening.query import BadSearch

        if isinstance(error, BadSearch):
            self._show_note(error.message(self._lang()), Role.BLOCKING)
            return
        self._failed(error)

    def toggle_pause(self) -> None:
        from cm_desktop.core.listening import watches

        watch = self.current_watch()
        if watch is None:
            return
        store, now, paused = self.store, self.clock.now(), not watch.paused
        self.runner.run(
            lambda: watches.set_paused(store, watch.id, paused, now), self._changed, self._refused
        )

    def remove_current(self) -> None:
        from cm_desktop.core.listening import watches

        watch = self.current_watch()
        if watch is None:
            return
        store = self.store
        self.watch_id = None
        self.pane.show_nothing()
        self.runner.run(lambda: watches.remove(store, watch.id), self._changed, self._refused)

    def _changed(self, _result: Any = None) -> None:
        self.refresh()
        self.search_requested.emit()

    # --- the selected post ----------------------------------------------------------------------------------

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        row = self.model.row_at(indexes[0]) if indexes else None
        if row is None:
            self.pane.show_nothing()
            return
        self.open_result(row)

    def open_result(self, row: ResultView) -> None:
        from cm_desktop.core.inbox.answers import limits_by_account, prefill
        from cm_desktop.core.models import WatchResult

        store = self.store

        def work() -> tuple[ServerLimits | None, str]:
            limits = limits_by_account(store).get(row.account_id)
            with store.session() as session:
                stored = session.get(WatchResult, row.id)
                return limits, prefill(stored) if stored is not None else ""

        def shown(result: tuple[ServerLimits | None, str]) -> None:
            if self._current_id() != row.id:
                return  # the person moved on meanwhile
            limits, text = result
            self.pane.show_result(row, limits, text)

        self.runner.run(work, shown, self._failed)

    def select_result(self, result_id: int) -> None:
        index = self.model.index_of(result_id)
        if index.isValid():
            self.list.setCurrentIndex(index)

    # --- what the person does -----------------------------------------------------------------------------

    def answer(self, result_id: int, text: str) -> None:
        from cm_desktop.core.inbox.answers import AnswerRefused, Queued
        from cm_desktop.core.listening import leads

        store, now, lang = self.store, self.clock.now(), self._lang()
        data_dir, renditions = self.data_dir, self.renditions_dir

        def done(queued: Queued) -> None:
            self.pane.answer_done(
                self.tr("Your answer is on its way. It is sent once, even if the computer stops.")
            )
            self.answer_queued.emit(queued.post_id)
            self.refresh()

        def failed(error: BaseException) -> None:
            if isinstance(error, AnswerRefused):
                self.pane.answer_refused(error.message(lang), list(error.issues))
                return
            self._failed(error)
            self.pane.answer_refused(self.tr("Your answer could not be saved. Please try again."), [])

        self.runner.run(
            lambda: leads.answer(
                store, result_id, text, now, data_dir=data_dir, renditions_dir=renditions, lang=lang
            ),
            done,
            failed,
        )

    def _asked(self, signal: Any) -> Callable[[bool], None]:
        def done(asked: bool) -> None:
            self.refresh()
            if asked:
                signal.emit()

        return done

    def _pane_refused(self, error: BaseException) -> None:
        from cm_desktop.core.inbox.answers import AnswerRefused

        if isinstance(error, AnswerRefused):
            self.pane.note.setText(error.message(self._lang()))
            return
        self._failed(error)

    def like(self, result_id: int) -> None:
        from cm_desktop.core.listening import leads

        store, new_key = self.store, self._new_key
        self.runner.run(
            lambda: leads.request_like(store, result_id, new_key),
            self._asked(self.likes_requested),
            self._pane_refused,
        )

    def follow(self, result_id: int) -> None:
        from cm_desktop.core.listening import leads

        store, new_key = self.store, self._new_key
        self.runner.run(
            lambda: leads.request_follow(store, result_id, new_key),
            self._asked(self.follows_requested),
            self._pane_refused,
        )

    def make_idea(self, result_id: int) -> None:
        from cm_desktop.core.listening import leads

        store, now, zone, lang = self.store, self.clock.now(), self.zone, self._lang()

        def done(post_id: int) -> None:
            self.pane.note.setText(
                self.tr("Kept in your ideas: you will find it when you plan your next posts.")
            )
            self.idea_made.emit(post_id)
            self.refresh()

        self.runner.run(lambda: leads.make_idea(store, result_id, now, zone, lang), done, self._pane_refused)

    def dismiss(self, result_id: int) -> None:
        from cm_desktop.core.listening import leads

        store = self.store
        index = self.list.currentIndex()
        following = self.model.row_at(self.model.index(index.row() + 1, 0)) if index.isValid() else None

        def done(_result: Any) -> None:
            self.pane.show_nothing()
            if following is not None:
                self._select_after_refresh = following.id
            self.refresh()

        self.runner.run(lambda: leads.dismiss(store, [result_id]), done, self._failed)

    _select_after_refresh: int | None = None

    def dismiss_current(self) -> None:
        row = self.model.row_at(self.list.currentIndex())
        if row is not None:
            self.dismiss(row.id)

    def _empty_action(self) -> None:
        if self.empty_button.property("action") == "accounts":
            self.accounts_requested.emit()
        else:
            self.open_dialog(editing=False)

    # --- words ------------------------------------------------------------------------------------------------

    def _show_note(self, text: str, role: Role) -> None:
        self.watch_note.setText(text)
        self.watch_note.setStyleSheet(f"color: {css(role, self.palette())}")
        self.watch_note.setVisible(bool(text))

    def _say(self) -> None:
        board = self.board
        if not board.accounts:
            self.summary.setText(
                self.tr("Connect a Bluesky or Mastodon account to listen to what people say.")
            )
        elif not board.watches:
            self.summary.setText(self.tr("No saved search yet."))
        elif board.new:
            self.summary.setText(
                self.tr("1 new post since you last looked.")
                if board.new == 1
                else self.tr("%1 new posts since you last looked.").replace("%1", str(board.new))
            )
        else:
            self.summary.setText(
                self.tr("Nothing new since you last looked. Your searches are made every 15 minutes.")
            )
        self.add_button.setEnabled(bool(board.accounts))
        self.searches_row.setVisible(bool(board.watches))
        watch = self.current_watch()
        for button in (self.change_button, self.pause_button, self.remove_button):
            button.setEnabled(watch is not None)
        self.pause_button.setText(
            self.tr("Resume") if watch is not None and watch.paused else self.tr("Pause")
        )
        self._watch_state(watch)
        self._empty_state(board)
        if self._select_after_refresh is not None:
            index = self.model.index_of(self._select_after_refresh)
            self._select_after_refresh = None
            if index.isValid():
                self.list.setCurrentIndex(index)

    def _watch_state(self, watch: WatchView | None) -> None:
        """Under the searches: how the chosen one went (or the problems of all of them)."""
        from cm_desktop.core.listening.messages import run_message
        from cm_desktop.core.listening.run import limited_note

        lang = self._lang()
        watches = [watch] if watch is not None else list(self.board.watches)
        problems: list[str] = []
        notes: list[str] = []
        for each in watches:
            prefix = "" if watch is not None else self.tr("“%1”: ").replace("%1", each.query)
            if each.error_code:
                when = each.next_run_at.strftime("%H:%M UTC") if each.next_run_at is not None else ""
                problems.append(
                    prefix + run_message(each.error_code, each.network, lang, reason=each.error, when=when)
                )
            elif each.limited:
                notes.append(prefix + limited_note(each.limited, each.network, each.query, lang))
        if watch is not None and watch.paused:
            notes.insert(0, self.tr("This search is paused: it is not made until you resume it."))
        if problems:
            self._show_note("\n".join(problems + notes), Role.CHECK)
        else:
            self._show_note("\n".join(notes), Role.SECONDARY)

    def _empty_state(self, board: Board) -> None:
        self.pane.setVisible(bool(board.rows))
        if board.rows:
            self.left.setCurrentIndex(0)
            return
        self.left.setCurrentIndex(1)
        if not board.accounts:
            text = self.tr(
                "People often ask for a shop like yours without naming anyone: “a florist in Lyon for a "
                "wedding?”. Connect a Bluesky or Mastodon account, and the app listens for your name, your "
                "town and your trade."
            )
            self.empty_button.setText(self.tr("Connect an account"))
            action = "accounts"
        elif not board.watches:
            text = self.tr(
                "People often ask for a shop like yours without naming anyone: “a florist in Lyon for a "
                "wedding?”. Save a search with your trade and your town, your shop's name or a hashtag: the "
                "app looks every 15 minutes and shows here what it finds."
            )
            self.empty_button.setText(self.tr("Add a search"))
            action = "add"
        else:
            text = self.tr(
                "Nothing found yet. The app looks every 15 minutes; posts of the last week that match your "
                "searches appear here. Your own posts are left out."
            )
            self.empty_button.setText(self.tr("Add another search"))
            action = "add"
        self.empty_text.setText(text)
        self.empty_button.setProperty("action", action)

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Listening"))
        self.add_button.setText(self.tr("Add a search"))
        self.watch_label.setText(self.tr("&Show"))
        self.change_button.setText(self.tr("Change…"))
        self.remove_button.setText(self.tr("Remove"))
        self.list.setAccessibleName(self.tr("Posts found (R to answer, E to dismiss)"))
        self.watch_choice.setAccessibleName(self.tr("Show the posts found by"))
        for button in (self.add_button, self.change_button, self.pause_button, self.remove_button):
            button.setMinimumWidth(button.sizeHint().width())
        if self.loaded_once:
            self._fill_watches(self.board)
            self._say()
        else:
            self.pause_button.setText(self.tr("Pause"))

    # --- reflow ------------------------------------------------------------------------------------------

    def list_beside(self) -> bool:
        return self.splitter.orientation() == Qt.Orientation.Horizontal

    def _reflow(self, width: int) -> None:
        """The post beside the list when both fit, under it otherwise (200 %, a large font: the page then
        scrolls up and down, never sideways)."""
        layout = self.layout()
        if layout is None:
            return
        margins = layout.contentsMargins()
        needed = (
            LIST_MIN_WIDTH
            + self.pane.minimumSizeHint().width()
            + self.splitter.handleWidth()
            + margins.left()
            + margins.right()
        )
        beside = width >= needed
        if beside == self.list_beside():
            return
        self.splitter.setOrientation(Qt.Orientation.Horizontal if beside else Qt.Orientation.Vertical)
        self.left.setMinimumWidth(LIST_MIN_WIDTH if beside else 0)
        self.left.setMinimumHeight(0 if beside else LIST_UNDER_MIN_HEIGHT)
        self.pane.setMinimumHeight(0 if beside else PANE_UNDER_MIN_HEIGHT)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._reflow(event.size().width())
        super().resizeEvent(event)

    def heightForWidth(self, width: int) -> int:
        """No taller than the window when it can be: the list and the post scroll inside, with one scroll
        bar each (the page holding it asks this, not for its preferred height)."""
        return fitting_height(self, width)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the wider of the list and the post: with less room, the post goes under the list."""
        hint = super().minimumSizeHint()
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else None
        if margins is not None and self.list_beside():
            widest = max(LIST_MIN_WIDTH, self.pane.minimumSizeHint().width())
            hint.setWidth(
                max(widest + margins.left() + margins.right(), self.searches_row.minimumSizeHint().width())
            )
        return hint

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.add_button.setStyleSheet(primary_button_style("add_watch", self.palette()))
            if self.loaded_once:
                self._say()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return super().eventFilter(watched, event)
            if event.key() == Qt.Key.Key_R:
                self.pane.focus_answer()
                return True
            if event.key() == Qt.Key.Key_E:
                self.dismiss_current()
                return True
        return super().eventFilter(watched, event)
