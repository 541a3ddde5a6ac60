"""The right side of the Messages page: the conversation around the selected message (the original post, the
question, earlier answers) and the answer box, with the composer's counter and checks for that network.

Everything shown comes in through methods (show_row, show_thread, ...); every action goes out as a signal.
The people's words are shown as plain text, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core import networks
from cm_desktop.core.i18n import Lang
from cm_desktop.core.inbox.query import ItemView, Row
from cm_desktop.core.ports import Author, RemotePost, ServerLimits, Thread
from cm_desktop.ui.colours import Role, colour, css, primary_button_style
from cm_desktop.ui.composer.counters import CounterRow
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.keyboard import leave_on_tab
from cm_desktop.ui.messages.cards import paint_card
from cm_desktop.ui.messages.model import MessageWords
from cm_desktop.ui.reflow import ContentScroll
from cm_desktop.ui.theme import scaled_font


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Bubble(QFrame):
    """One post of the conversation: who, and what they wrote."""

    def __init__(self, post: RemotePost, *, mine: bool, current: bool, depth: int = 0) -> None:
        super().__init__()
        self.setObjectName("bubble_current" if current else "bubble")
        self.current = current
        who = QLabel(f"<b>{_escape(post.author.display_name or post.author.handle)}</b>")
        who.setTextFormat(Qt.TextFormat.RichText)
        words = QLabel(post.text or "—")
        words.setTextFormat(Qt.TextFormat.PlainText)
        words.setWordWrap(True)
        words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addWidget(who)
        layout.addWidget(words)
        self.indent = min(depth, 4)
        self.mine = mine
        self.setAccessibleName(f"{post.author.display_name or post.author.handle}: {post.text}")

    def paintEvent(self, event: QPaintEvent) -> None:
        # The message answered is ringed in the accent colour; the others have a quiet border.
        if self.current:
            paint_card(self, None, border=colour(Role.ACCENT, self.palette()), width=2.0)
        else:
            paint_card(self, None)


class ConversationPane(QWidget):
    answer_requested = Signal(int, str)  # item id, the answer's text
    like_requested = Signal(int)  # item id
    archive_requested = Signal(list)  # item ids
    open_requested = Signal(str)  # a page on the network

    def __init__(self, lang: Callable[[], Lang], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conversation")
        self._lang = lang
        self.words = MessageWords(self)
        self.row: Row | None = None
        self.item: ItemView | None = None
        self.limits: ServerLimits | None = None
        self.sending = False

        # Nothing selected: what to do, and the networks to check by hand.
        self.nothing = QWidget()
        self.nothing_label = QLabel()
        self.nothing_label.setObjectName("conversation_nothing")
        self.nothing_label.setWordWrap(True)
        self.cards_layout = QVBoxLayout()
        self.cards_layout.setSpacing(12)
        nothing_layout = QVBoxLayout(self.nothing)
        nothing_layout.setContentsMargins(16, 16, 16, 16)
        nothing_layout.addWidget(self.nothing_label)
        nothing_layout.addSpacing(12)
        nothing_layout.addLayout(self.cards_layout)
        nothing_layout.addStretch(1)
        nothing_scroll = ContentScroll(name=QT_TRANSLATE_NOOP("Reflow", "Networks to check"))
        nothing_scroll.setWidgetResizable(True)
        nothing_scroll.setFrameShape(QFrame.Shape.NoFrame)
        nothing_scroll.setWidget(self.nothing)

        # A message.
        self._blocked = False
        self.title = QLabel()
        self.title.setObjectName("conversation_title")
        self.title.setFont(scaled_font(self.title.font(), 1.25, self.title.font().Weight.DemiBold))
        self.title.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setObjectName("conversation_meta")
        self.meta.setWordWrap(True)
        self.thread_box = QWidget()
        self.thread_layout = QVBoxLayout(self.thread_box)
        self.thread_layout.setContentsMargins(0, 0, 8, 0)
        self.thread_layout.setSpacing(8)
        self.thread_layout.addStretch(1)
        self.thread_scroll = ContentScroll(name=QT_TRANSLATE_NOOP("Reflow", "Conversation"))
        self.thread_scroll.setWidgetResizable(True)
        self.thread_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.thread_scroll.setWidget(self.thread_box)
        self.note = QLabel()
        self.note.setObjectName("conversation_note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)

        self.answer_label = QLabel()
        self.answer = QPlainTextEdit()
        self.answer.setObjectName("answer_box")
        leave_on_tab(self.answer)  # Tab leaves the box; Ctrl+Tab types a tab
        self.answer.setMinimumHeight(72)
        self.answer.setMaximumHeight(140)
        self.answer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.answer_label.setBuddy(self.answer)
        self.counters = CounterRow()
        self.issues = QLabel()
        self.issues.setObjectName("answer_issues")
        self.issues.setWordWrap(True)
        self.issues.setTextFormat(Qt.TextFormat.RichText)
        self.send_button = QPushButton()
        self.send_button.setObjectName("send_answer")
        self.send_button.setDefault(True)
        self.send_button.setStyleSheet(primary_button_style("send_answer", self.palette()))
        self.like_button = QPushButton()
        self.like_button.setObjectName("like")
        self.open_button = QPushButton()
        self.open_button.setObjectName("open_on_network")
        self.archive_button = QPushButton()
        self.archive_button.setObjectName("archive")
        # What acts on the message sits by its title; what acts on the answer, under the box: both rows
        # keep their buttons whole on a small laptop in French.
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.like_button)
        buttons.addStretch(1)
        heading = QHBoxLayout()
        heading.setSpacing(8)
        heading.addWidget(self.meta, 1)
        heading.addWidget(self.open_button)
        heading.addWidget(self.archive_button)
        self.answer_area = QWidget()
        answer_layout = QVBoxLayout(self.answer_area)
        answer_layout.setContentsMargins(0, 0, 0, 0)
        answer_layout.setSpacing(6)
        answer_layout.addWidget(self.answer_label)
        answer_layout.addWidget(self.answer)
        counter_line = QHBoxLayout()
        counter_line.addWidget(self.issues, 1)
        counter_line.addWidget(self.counters)
        answer_layout.addLayout(counter_line)

        self.message = QWidget()
        message_layout = QVBoxLayout(self.message)
        message_layout.setContentsMargins(16, 12, 16, 12)
        message_layout.setSpacing(8)
        message_layout.addWidget(self.title)
        message_layout.addLayout(heading)
        message_layout.addWidget(self.thread_scroll, 1)
        message_layout.addWidget(self.note)
        message_layout.addWidget(self.answer_area)
        message_layout.addLayout(buttons)

        self.stack = QStackedWidget()
        self.stack.addWidget(nothing_scroll)
        self.stack.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.answer.textChanged.connect(self._check)
        self.answer.installEventFilter(self)
        self.send_button.clicked.connect(self._send)
        self.like_button.clicked.connect(self._like)
        self.open_button.clicked.connect(self._open)
        self.archive_button.clicked.connect(self._archive)
        self.setTabOrder(self.open_button, self.archive_button)
        self.setTabOrder(self.archive_button, self.answer)
        self.setTabOrder(self.answer, self.send_button)
        self.setTabOrder(self.send_button, self.like_button)
        self.retranslate()
        self.show_nothing()

    # --- what is shown ----------------------------------------------------------------------------------

    def show_nothing(self) -> None:
        self.row = self.item = None
        self.stack.setCurrentIndex(0)

    def show_row(
        self, row: Row, item: ItemView | None, limits: ServerLimits | None, prefill: str = ""
    ) -> None:
        """The selected row, at once from what is stored; the thread follows (show_thread)."""
        changed = self.row is None or self.row.key != row.key
        self.row, self.item, self.limits = row, item, limits
        self.stack.setCurrentIndex(1)
        self.title.setText(self.words.headline(row))
        account = network_name(row.network)
        self.meta.setText(" · ".join(p for p in (account, item.author_handle if item else "") if p))
        self._clear_thread()
        if row.is_group:
            people = ", ".join(row.people)
            if row.others:
                others = self.tr("and 1 other") if row.others == 1 else self.tr("and %1 others")
                people += " " + others.replace("%1", str(row.others))
            self._add_text(people)
            if row.kind != "follow":
                self._add_text(
                    self.tr("About your post: %1").replace("%1", self.words.second_line(row) or "—")
                )
        elif item is not None:
            self._add_post(
                RemotePost(item.post_id, item.url, _author(item), item.text, item.created_at), current=True
            )
        self.answer_area.setVisible(not row.is_group)
        self.send_button.setVisible(not row.is_group)
        self.like_button.setVisible(not row.is_group)
        self.note.setText(self._state_note(row))
        if changed:
            self.answer.setPlainText(prefill)
            self.answer.moveCursor(self.answer.textCursor().MoveOperation.End)
        self.retranslate()
        self._check()

    def update_row(self, row: Row) -> None:
        """The same message, read again (its answer's or like's state moved): words and buttons follow."""
        self.row = row
        self.title.setText(self.words.headline(row))
        if not self.sending:
            self.note.setText(self._state_note(row) or self.note.text())
        self._update_buttons()

    def show_thread(self, thread: Thread) -> None:
        """The whole conversation, read from the network."""
        if self.row is None or self.row.is_group:
            return
        self._clear_thread()
        for post in thread.ancestors:
            self._add_post(post, current=False)
        self._add_post(thread.post, current=True)
        parents = {thread.post.remote_id: 0}
        for reply in thread.replies:
            depth = parents.get(reply.reply_parent_id, 0) + 1
            parents[reply.remote_id] = depth
            self._add_post(reply, current=False, depth=depth)
        if self._current is not None:
            self.thread_scroll.ensureWidgetVisible(self._current)

    def show_thread_problem(self, problem: str) -> None:
        """The conversation could not be read: "deleted", "blocked" or "offline"."""
        if problem in ("deleted", "blocked") and self.row is not None:
            from dataclasses import replace

            self.row = replace(self.row, gone=problem)
            self._update_buttons()
            self._check()
        self.note.setText(
            {
                "deleted": self.tr("This post was deleted on the network: it can no longer be answered."),
                "blocked": self.tr(
                    "You blocked this person, or they blocked you: the post cannot be answered from here."
                ),
                "offline": self.tr(
                    "You are offline: the whole conversation shows when the connection is back. You can "
                    "still write your answer; it is sent when the connection is back."
                ),
            }.get(
                problem,
                self.tr("The conversation could not be read now. It is tried again when you come back."),
            )
        )

    def answer_done(self, message: str) -> None:
        """The answer is queued: the box empties, and the person is told it is sent once."""
        self.sending = False
        self.answer.clear()
        self.note.setText(message)
        self._update_buttons()

    def answer_refused(self, message: str, issues: list[str]) -> None:
        self.sending = False
        self.note.setText(message)
        if issues:
            self._show_issues([(Role.BLOCKING, text) for text in issues])
        self._update_buttons()

    # --- the answer box ---------------------------------------------------------------------------------

    def _check(self) -> None:
        """The composer's counter and checks for the item's network, at every keystroke."""
        row = self.row
        if row is None or row.is_group:
            self.counters.update_measures({})
            self.issues.clear()
            return
        # The rules (their patterns and the counting tables) load with the first answer checked, not at start.
        from cm_desktop.core import rules

        text = self.answer.toPlainText()
        limits = networks.get(row.network).text_limits(self.limits)
        self.counters.update_measures({row.network: rules.measure(row.network, text, spoiler="", **limits)})
        found = rules.preflight(row.network, text, (), spoiler="", limits=self.limits) if text.strip() else []
        lang = self._lang()
        shown = [
            (Role.BLOCKING if i.severity is rules.Severity.BLOCKS else Role.CHECK, i.text(lang))
            for i in found
            if i.severity is not rules.Severity.TIP
        ]
        self._show_issues(shown)
        self._blocked = any(i.severity is rules.Severity.BLOCKS for i in found)
        self._update_buttons()

    def _show_issues(self, issues: list[tuple[Role, str]]) -> None:
        palette = self.palette()
        self.issues.setText(
            "<br>".join(f'<span style="color:{css(role, palette)}">{_escape(t)}</span>' for role, t in issues)
        )

    def _update_buttons(self) -> None:
        row = self.row
        can_answer = row is not None and not row.is_group and not row.gone
        text = self.answer.toPlainText().strip()
        self.answer.setEnabled(can_answer)
        self.send_button.setEnabled(can_answer and bool(text) and not self._blocked and not self.sending)
        liked = row is not None and row.like_state in ("waiting", "sending", "done")
        self.like_button.setEnabled(can_answer and not liked)
        self.like_button.setText(self.tr("Liked") if liked else self.tr("Like"))
        self.open_button.setEnabled(row is not None and bool(row.url))
        self.archive_button.setEnabled(row is not None)

    def _state_note(self, row: Row) -> str:
        if row.gone:
            return {
                "deleted": self.tr("This post was deleted on the network: it can no longer be answered."),
                "blocked": self.tr(
                    "You blocked this person, or they blocked you: the post cannot be answered from here."
                ),
            }.get(row.gone, "")
        if row.answer == "answered":
            return self.tr("You answered. You can answer again below.")
        if row.answer == "sending":
            return self.tr("Your answer is on its way. It is sent once, even if the computer stops.")
        if row.answer == "failed":
            return self.tr("Your answer could not be sent: the Sending page says why.")
        if row.answer == "check":
            return self.tr("We could not tell whether your answer went out: the Sending page asks you.")
        return ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Ctrl+Enter sends from the answer box (Enter alone makes a new line).
        if watched is self.answer and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self._send()
                return True
        return super().eventFilter(watched, event)

    def focus_answer(self) -> None:
        if self.answer.isEnabled() and self.answer_area.isVisible():
            self.answer.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _send(self) -> None:
        if self.item is None or not self.send_button.isEnabled():
            return
        self.sending = True
        self._update_buttons()
        self.answer_requested.emit(self.item.id, self.answer.toPlainText())

    def _like(self) -> None:
        if self.item is not None:
            self.like_requested.emit(self.item.id)

    def _open(self) -> None:
        if self.row is not None and self.row.url:
            self.open_requested.emit(self.row.url)

    def _archive(self) -> None:
        if self.row is not None:
            self.archive_requested.emit(list(self.row.item_ids))

    # --- the thread's widgets --------------------------------------------------------------------------

    _current: QWidget | None = None

    def _clear_thread(self) -> None:
        self._current = None
        while self.thread_layout.count() > 1:
            item = self.thread_layout.takeAt(0)
            inner = item.layout() if item is not None else None
            parts = [inner.itemAt(i) for i in range(inner.count())] if inner is not None else []
            widgets: list[QWidget | None] = [p.widget() if p is not None else None for p in parts]
            widgets.append(item.widget() if item is not None else None)
            for widget in widgets:
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()
            if inner is not None:
                inner.deleteLater()

    def _add_post(self, post: RemotePost, *, current: bool, depth: int = 0) -> None:
        bubble = Bubble(post, mine=False, current=current, depth=depth)
        row = QHBoxLayout()
        row.setContentsMargins(bubble.indent * 20, 0, 0, 0)  # answers under what they answer
        row.addWidget(bubble)
        self.thread_layout.insertLayout(self.thread_layout.count() - 1, row)
        if current:
            self._current = bubble

    def _add_text(self, text: str) -> None:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        self.thread_layout.insertWidget(self.thread_layout.count() - 1, label)

    # --- words ---------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.nothing_label.setText(
            self.tr("Choose a message on the left to read the conversation and answer it.")
        )
        self.answer_label.setText(self.tr("Your &answer"))
        self.answer.setPlaceholderText(self.tr("Write your answer here. Ctrl+Enter sends it."))
        self.send_button.setText(self.tr("Send answer"))
        self.open_button.setText(
            self.tr("Open on %1").replace("%1", network_name(self.row.network))
            if self.row
            else self.tr("Open")
        )
        self.archive_button.setText(self.tr("Archive"))
        self.archive_button.setToolTip(self.tr("Take it out of the list (E)"))
        self.send_button.setToolTip(self.tr("Ctrl+Enter"))
        for button in (self.send_button, self.like_button, self.open_button, self.archive_button):
            button.setMinimumWidth(button.sizeHint().width())  # never cut the words
        self._update_buttons()
        if self.row is not None:
            self.title.setText(self.words.headline(self.row))
            self.note.setText(self._state_note(self.row))
            self.setAccessibleName(f"{self.words.headline(self.row)}. {self.words.answer_word(self.row)}")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.send_button.setStyleSheet(primary_button_style("send_answer", self.palette()))
            self._check()
        super().changeEvent(event)


def _author(item: ItemView) -> Author:
    return Author(handle=item.author_handle, display_name=item.author_name, url=item.author_url)
