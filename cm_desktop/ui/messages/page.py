"""The Messages page: "To answer" first (replies, mentions, quotes), then everything; filters per account and
network; the list on the left, the conversation and the answer box on the right.

Keyboard: up/down move in the list, R goes to the answer box, E archives, Ctrl+Enter sends the answer.
The page reads and writes the store through the runner (never on the GUI thread); what needs a network
(reading, the conversation, likes, telling the network what was read) goes out as signals to the
controller (controller.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
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
from cm_desktop.core.inbox.query import Board, Filter, ItemView, Row
from cm_desktop.core.inbox.reminders import CheckCard
from cm_desktop.core.ports import ServerLimits, Thread
from cm_desktop.core.schedule import Clock
from cm_desktop.ui.colours import Role, css, toggle_style
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.messages.cards import CheckCardWidget
from cm_desktop.ui.messages.conversation import ConversationPane
from cm_desktop.ui.messages.model import MessagesModel, RowDelegate
from cm_desktop.ui.reflow import fitting_height
from cm_desktop.ui.tasks import TaskRunner
from cm_desktop.ui.theme import make_title

log = logging.getLogger(__name__)

PAGE_SIZE = 300  # items read at once (far more than a screen); "Show older" reads more


class MessagesPage(QWidget):
    sync_requested = Signal()  # "Check now"
    thread_requested = Signal(int, str, str)  # account id, post's remote id, row key
    likes_requested = Signal()  # a like was asked for: send it
    seen_changed = Signal(list)  # account ids whose read state changed here: tell their networks
    answer_queued = Signal(int)  # post id: the outbox sends it
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
        self.setObjectName("page_messages")
        self.runner, self.clock, self.zone, self._lang, self._open_url = runner, clock, zone, lang, open_url
        self.data_dir, self.renditions_dir, self._new_key = data_dir, renditions_dir, new_key
        self.store: Any = None
        self.board = Board()
        self.filter = Filter()
        self.limit = PAGE_SIZE
        self.cards: list[CheckCard] = []
        self.sync_note = ""
        self.loaded_once = False

        self.title_label = QLabel()
        self.title_label.setObjectName("page_title")
        make_title(self.title_label)
        self.summary = QLabel()
        self.summary.setObjectName("messages_summary")
        self.summary.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setObjectName("messages_problems")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.check_button = QPushButton()
        self.check_button.setObjectName("check_now")
        self.read_all_button = QPushButton()
        self.read_all_button.setObjectName("mark_all_read")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.check_button)
        top.addWidget(self.read_all_button)

        self.to_answer_button = QPushButton()
        self.to_answer_button.setObjectName("view_to_answer")
        self.everything_button = QPushButton()
        self.everything_button.setObjectName("view_everything")
        self.views = QButtonGroup(self)
        for number, button in enumerate((self.to_answer_button, self.everything_button)):
            button.setCheckable(True)
            self.views.addButton(button, number)
        self.to_answer_button.setChecked(True)
        self._style_views()
        self.account_filter = QComboBox()
        self.account_filter.setObjectName("account_filter")
        self.account_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.to_answer_button)
        filters.addWidget(self.everything_button)
        filters.addStretch(1)
        filters.addWidget(self.account_filter)

        self.model = MessagesModel(zone, clock.now, self)
        self.list = QListView()
        self.list.setObjectName("messages_list")
        self.list.setModel(self.model)
        self.list.setItemDelegate(RowDelegate(self.model, self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.installEventFilter(self)
        self.more_button = QPushButton()
        self.more_button.setObjectName("show_older")
        list_side = QWidget()
        list_layout = QVBoxLayout(list_side)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.list, 1)
        list_layout.addWidget(self.more_button)

        self.empty_text = QLabel()
        self.empty_text.setObjectName("messages_empty")
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_button = QPushButton()
        self.empty_button.setObjectName("messages_empty_action")
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        # A readable line, even across a wide window; centred by stretches (an alignment flag would give
        # the wrapped label its one-line width and cut its height).
        self.empty_text.setMaximumWidth(560)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.empty_text, 10)
        centred.addStretch(1)
        empty_layout.addLayout(centred)
        empty_layout.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.left = QStackedWidget()
        self.left.addWidget(list_side)
        self.left.addWidget(empty)

        self.pane = ConversationPane(lang)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        # Both fit beside the navigation at 960x540 logical (200 %) with a large font: 290 + 4 + 330 + margins.
        self.left.setMinimumWidth(290)
        self.pane.setMinimumWidth(330)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)
        layout.addWidget(self.title_label)
        layout.addLayout(top)
        layout.addWidget(self.problems)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        self.check_button.clicked.connect(self.sync_requested)
        self.read_all_button.clicked.connect(self.mark_all_read)
        self.views.idClicked.connect(self._view_chosen)
        self.account_filter.activated.connect(self._filter_chosen)
        self.more_button.clicked.connect(self._show_more)
        self.empty_button.clicked.connect(self._empty_action)
        self.list.selectionModel().selectionChanged.connect(self._selected)
        self.pane.answer_requested.connect(self.answer)
        self.pane.like_requested.connect(self.like)
        self.pane.archive_requested.connect(self.archive)
        self.pane.open_requested.connect(lambda url: self._open_url(QUrl(url)))
        self.setTabOrder(self.to_answer_button, self.everything_button)
        self.setTabOrder(self.everything_button, self.account_filter)
        self.setTabOrder(self.account_filter, self.list)
        self.setTabOrder(self.list, self.pane.open_button)
        self.retranslate()

    def heightForWidth(self, width: int) -> int:
        """No taller than the window when it can be: its list scrolls inside, one scroll bar (reflow)."""
        return fitting_height(self, width)

    # --- reading the store ---------------------------------------------------------------------------------

    def set_store(self, store: Any) -> None:
        self.store = store
        self.refresh()

    def refresh(self) -> None:
        if self.store is None:
            return
        from cm_desktop.core.inbox.query import load_board

        store, flt, zone, limit = self.store, self.filter, self.zone, self.limit
        self.runner.run(lambda: load_board(store, flt, zone, limit=limit), self._loaded, self._failed)

    def _loaded(self, board: Board) -> None:
        current = self._current_key()
        self.board, self.loaded_once = board, True
        self.model.set_rows(list(board.rows))
        self._fill_accounts(board)
        if current:
            index = self.model.index_of(current)
            if index.isValid():
                self.list.selectionModel().blockSignals(True)
                self.list.setCurrentIndex(index)
                self.list.selectionModel().blockSignals(False)
                row = self.model.row_at(index)
                if row is not None and self.pane.row is not None and self.pane.row.key == row.key:
                    self.pane.update_row(replace(row, gone=self.pane.row.gone or row.gone))
            else:
                self.pane.show_nothing()
        self._say()
        self.board_loaded.emit(board)

    def _failed(self, error: BaseException) -> None:
        from cm_desktop.platform.logs import log_failure

        log_failure(log, "reading the messages", error, known=False)
        self.summary.setText(self.tr("The messages could not be read. Please try again in a moment."))

    def _current_key(self) -> str:
        row = self.model.row_at(self.list.currentIndex())
        return row.key if row is not None else ""

    # --- choosing what is shown ---------------------------------------------------------------------------

    def _view_chosen(self, number: int) -> None:
        self.filter = replace(self.filter, view="to_answer" if number == 0 else "all")
        self.limit = PAGE_SIZE
        self.refresh()

    def show_everything(self) -> None:
        self.everything_button.setChecked(True)
        self._view_chosen(1)

    def _filter_chosen(self, index: int) -> None:
        data = self.account_filter.itemData(index)
        account_id, network = data if isinstance(data, tuple) else (None, None)
        self.filter = replace(self.filter, account_id=account_id, network=network)
        self.limit = PAGE_SIZE
        self.refresh()

    def _fill_accounts(self, board: Board) -> None:
        wanted: list[tuple[str, tuple[int | None, str | None]]] = [(self.tr("All accounts"), (None, None))]
        networks = list(dict.fromkeys(n for _i, n, _h in board.accounts))
        if len(board.accounts) > 1:
            wanted += [(self.tr("All of %1").replace("%1", network_name(n)), (None, n)) for n in networks]
        wanted += [(f"{h} ({network_name(n)})", (i, None)) for i, n, h in board.accounts]
        current = (self.filter.account_id, self.filter.network)
        self.account_filter.blockSignals(True)
        self.account_filter.clear()
        for text, data in wanted:
            self.account_filter.addItem(text, data)
        position = next((k for k, (_t, d) in enumerate(wanted) if d == current), 0)
        self.account_filter.setCurrentIndex(position)
        self.account_filter.blockSignals(False)
        self.account_filter.setVisible(len(board.accounts) > 1)

    def _show_more(self) -> None:
        self.limit += PAGE_SIZE
        self.refresh()

    def _empty_action(self) -> None:
        kind = self.empty_button.property("action")
        if kind == "accounts":
            self.accounts_requested.emit()
        elif kind == "everything":
            self.show_everything()
        elif kind == "all_accounts":
            self.filter = replace(self.filter, account_id=None, network=None)
            self.refresh()
        else:
            self.sync_requested.emit()

    # --- the selected message --------------------------------------------------------------------------------

    def _selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        row = self.model.row_at(indexes[0]) if indexes else None
        if row is None:
            self.pane.show_nothing()
            return
        self.open_row(row)

    def open_row(self, row: Row) -> None:
        """Show the row now from the store; the conversation is asked for; an unread row becomes read."""
        from cm_desktop.core.inbox.answers import limits_by_account, prefill
        from cm_desktop.core.inbox.query import get_item
        from cm_desktop.core.models import InboxItem

        store = self.store

        def work() -> tuple[ItemView | None, ServerLimits | None, str]:
            item = get_item(store, row.first_id)
            limits = limits_by_account(store).get(row.account_id) if row.account_id is not None else None
            with store.session() as session:
                stored = session.get(InboxItem, row.first_id)
                text = prefill(stored) if stored is not None else ""
            return item, limits, text

        def shown(result: tuple[ItemView | None, ServerLimits | None, str]) -> None:
            item, limits, text = result
            if self._current_key() != row.key:
                return  # the person moved on meanwhile
            self.pane.show_row(row, item, limits, text)
            if item is not None and not row.is_group and item.post_id:
                self.thread_requested.emit(row.account_id, item.post_id, row.key)
            if not row.read:
                self._mark_read(list(row.item_ids))

        self.runner.run(work, shown, self._failed)

    def show_thread(self, key: str, thread: Thread) -> None:
        if self.pane.row is not None and self.pane.row.key == key:
            self.pane.show_thread(thread)

    def show_thread_problem(self, key: str, problem: str) -> None:
        if self.pane.row is None or self.pane.row.key != key:
            return
        self.pane.show_thread_problem(problem)
        if problem in ("deleted", "blocked"):
            from cm_desktop.core.inbox.answers import mark_gone

            store, item_id = self.store, self.pane.row.first_id
            self.runner.run(
                lambda: mark_gone(store, item_id, problem), lambda _r: self.refresh(), self._failed
            )

    # --- what the person does ---------------------------------------------------------------------------

    def _mark_read(self, item_ids: Sequence[int]) -> None:
        from cm_desktop.core.inbox.answers import mark_read

        store = self.store
        self.runner.run(lambda: mark_read(store, item_ids), self._read_done, self._failed)

    def _read_done(self, accounts: list[int]) -> None:
        self.refresh()
        if accounts:
            self.seen_changed.emit(accounts)

    def mark_all_read(self) -> None:
        from cm_desktop.core.inbox.answers import mark_read

        store, flt = self.store, self.filter
        ids = None
        if flt.account_id is not None or flt.network is not None:
            ids = [i for r in self.board.rows for i in r.item_ids]

        def work() -> list[int]:
            changed = mark_read(store, ids)
            from cm_desktop.core.inbox.sync import readable_accounts

            # Everything here is read: every account's network is told (also those already told).
            return sorted({a.id for a in readable_accounts(store) if a.id is not None} | set(changed))

        self.runner.run(work, self._read_done, self._failed)

    def answer(self, item_id: int, text: str) -> None:
        from cm_desktop.core.inbox.answers import AnswerRefused, Queued, queue_answer

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
            lambda: queue_answer(
                store, item_id, text, now, data_dir=data_dir, renditions_dir=renditions, lang=lang
            ),
            done,
            failed,
        )

    def like(self, item_id: int) -> None:
        from cm_desktop.core.inbox.answers import AnswerRefused, request_like

        store, new_key, lang = self.store, self._new_key, self._lang()

        def done(asked: bool) -> None:
            self.refresh()
            if asked:
                self.likes_requested.emit()

        def failed(error: BaseException) -> None:
            if isinstance(error, AnswerRefused):
                self.pane.note.setText(error.message(lang))
                return
            self._failed(error)

        self.runner.run(lambda: request_like(store, item_id, new_key), done, failed)

    def archive(self, item_ids: list[int]) -> None:
        from cm_desktop.core.inbox.answers import archive

        store = self.store
        index = self.list.currentIndex()
        following = self.model.row_at(self.model.index(index.row() + 1, 0)) if index.isValid() else None

        def done(_result: Any) -> None:
            self.pane.show_nothing()
            self.refresh()
            if following is not None:
                self._select_after_refresh = following.key

        self.runner.run(lambda: archive(store, item_ids), done, self._failed)

    _select_after_refresh = ""

    def archive_current(self) -> None:
        row = self.model.row_at(self.list.currentIndex())
        if row is not None:
            self.archive(list(row.item_ids))

    # --- the networks the app cannot read ---------------------------------------------------------------

    def set_cards(self, cards: Sequence[CheckCard]) -> None:
        self.cards = list(cards)
        layout = self.pane.cards_layout
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for card in self.cards:
            widget = CheckCardWidget(card, self._lang)
            widget.open_requested.connect(lambda url: self._open_url(QUrl(url)))
            widget.done_requested.connect(self.card_done)
            layout.addWidget(widget)
        if self.loaded_once:
            self._empty_state(self.board)

    def card_done(self, network: str) -> None:
        from cm_desktop.core.inbox.reminders import cards, mark_done

        store, zone = self.store, self.zone
        now = self.clock.now()

        def work() -> list[CheckCard]:
            mark_done(store, network, now, zone)
            return cards(store, now, zone)

        self.runner.run(work, self.set_cards, self._failed)

    def _style_views(self) -> None:
        names = (self.to_answer_button.objectName(), self.everything_button.objectName())
        style = toggle_style(names, self.palette())
        self.to_answer_button.setStyleSheet(style)
        self.everything_button.setStyleSheet(style)

    def set_sync_problems(self, lines: Sequence[str]) -> None:
        self.sync_note = "\n".join(lines)
        self.problems.setText(self.sync_note)
        self.problems.setStyleSheet(f"color: {css(Role.CHECK, self.palette())}")
        self.problems.setVisible(bool(lines))

    # --- words ------------------------------------------------------------------------------------------------

    def _say(self) -> None:
        board = self.board
        if not board.accounts:
            self.summary.setText(self.tr("Connect a Bluesky or Mastodon account to read your messages here."))
        elif board.to_answer:
            self.summary.setText(
                self.tr("1 message waits for an answer.")
                if board.to_answer == 1
                else self.tr("%1 messages wait for an answer.").replace("%1", str(board.to_answer))
            )
        else:
            self.summary.setText(self.tr("Nothing waits for an answer."))
        self.to_answer_button.setText(
            self.tr("To answer (%1)").replace("%1", str(board.to_answer))
            if board.to_answer
            else self.tr("To answer")
        )
        self.read_all_button.setEnabled(board.unread > 0)
        self.check_button.setEnabled(bool(board.accounts))
        self.more_button.setVisible(board.more)
        self._empty_state(board)
        if self._select_after_refresh:
            index = self.model.index_of(self._select_after_refresh)
            self._select_after_refresh = ""
            if index.isValid():
                self.list.setCurrentIndex(index)

    def _empty_state(self, board: Board) -> None:
        self.pane.nothing_label.setVisible(bool(board.rows))  # "choose on the left" needs something there
        # Nothing to read and no network to check by hand: the empty state has the whole width.
        self.pane.setVisible(bool(board.rows) or bool(self.cards))
        if board.rows:
            self.left.setCurrentIndex(0)
            return
        self.left.setCurrentIndex(1)
        filtered = self.filter.account_id is not None or self.filter.network is not None
        if not board.accounts:
            text = self.tr(
                "Replies, mentions and new followers of your Bluesky and Mastodon accounts appear here, so "
                "that nobody waits for an answer. Connect an account to start."
            )
            self.empty_button.setText(self.tr("Connect an account"))
            action = "accounts"
        elif filtered:
            text = self.tr("Nothing here for this account.")
            self.empty_button.setText(self.tr("Show all accounts"))
            action = "all_accounts"
        elif self.filter.view == "to_answer" and board.total:
            text = self.tr(
                "Nothing waits for an answer. Well done! Likes, shares and new followers are under Everything."
            )
            self.empty_button.setText(self.tr("See everything"))
            action = "everything"
        else:
            text = self.tr(
                "No messages yet. When someone answers you, mentions you or follows you, it appears here: the "
                "app checks every few minutes."
            )
            self.empty_button.setText(self.tr("Check now"))
            action = "check"
        self.empty_text.setText(text)
        self.empty_button.setProperty("action", action)

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Messages"))
        self.check_button.setText(self.tr("Check now"))
        self.check_button.setToolTip(self.tr("Look for new messages on your accounts now"))
        self.read_all_button.setText(self.tr("Mark all read"))
        self.everything_button.setText(self.tr("Everything"))
        self.more_button.setText(self.tr("Show older messages"))
        self.list.setAccessibleName(self.tr("Messages (R to answer, E to archive)"))
        self.account_filter.setAccessibleName(self.tr("Show the messages of"))
        if self.loaded_once:
            self._fill_accounts(self.board)
            self._say()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.set_sync_problems(self.sync_note.splitlines())
            self._style_views()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # R and E act on the selected message while the list has the focus (typing elsewhere is left alone).
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                return super().eventFilter(watched, event)
            if event.key() == Qt.Key.Key_R:
                self.pane.focus_answer()
                return True
            if event.key() == Qt.Key.Key_E:
                self.archive_current()
                return True
        return super().eventFilter(watched, event)

    def select_item(self, item_id: int) -> None:
        """Bring one message forward (a click on its desktop notification)."""
        for number, row in enumerate(self.model.rows()):
            if item_id in row.item_ids:
                self.list.setCurrentIndex(self.model.index(number, 0))
                return
        if self.filter.view == "to_answer":
            return
        self.show_everything()
