"""The right side of the Listening page: the post found (who, where, when, their words, the search that
found it), what can be done with it (open it on the network, keep it as an idea, dismiss it), and the answer
box (ui/answer_box.py: the composer's counter and checks for that network), with Like and Follow beside Send.

Everything shown comes in through methods (show_result, ...); every action goes out as a signal. People's
words are shown as plain text, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSize, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core.i18n import Lang
from cm_desktop.core.listening.board import ResultView
from cm_desktop.core.ports import Author, RemotePost, ServerLimits
from cm_desktop.ui.answer_box import AnswerBox
from cm_desktop.ui.colours import Role, primary_button_style
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.listening.model import ResultWords
from cm_desktop.ui.messages.conversation import Bubble
from cm_desktop.ui.reflow import FittedContent, FittedScroll, FlowRow, ShortScroll
from cm_desktop.ui.theme import scaled_font

MIN_WIDTH = 340


class ResultPane(QWidget):
    answer_requested = Signal(int, str)  # result id, the answer's text
    like_requested = Signal(int)
    follow_requested = Signal(int)
    idea_requested = Signal(int)
    dismiss_requested = Signal(int)
    open_requested = Signal(str)

    def __init__(self, lang: Callable[[], Lang], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("listening_result")
        self._lang = lang
        self.words = ResultWords(self)
        self.result: ResultView | None = None
        self.limits: ServerLimits | None = None
        self.sending = False
        self.when_text: Callable[[datetime], str] = lambda moment: ""  # set by the page (locale, zone)

        self.nothing_label = QLabel()
        self.nothing_label.setObjectName("listening_nothing")
        self.nothing_label.setWordWrap(True)
        self.nothing_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        nothing = QWidget()
        nothing_layout = QVBoxLayout(nothing)
        nothing_layout.setContentsMargins(16, 16, 16, 16)
        nothing_layout.addWidget(self.nothing_label)
        nothing_layout.addStretch(1)

        self.title = QLabel()
        self.title.setObjectName("result_title")
        self.title.setFont(scaled_font(self.title.font(), 1.25, self.title.font().Weight.DemiBold))
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.meta = QLabel()
        self.meta.setObjectName("result_meta")
        self.meta.setWordWrap(True)
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton()
        self.open_button.setObjectName("open_on_network")
        self.idea_button = QPushButton()
        self.idea_button.setObjectName("keep_as_idea")
        self.dismiss_button = QPushButton()
        self.dismiss_button.setObjectName("dismiss")
        # Rows that wrap when the pane is narrow (200 %, a large font) instead of cutting their buttons.
        actions = FlowRow((self.open_button, self.idea_button, self.dismiss_button), name="result_actions")

        self.post_box = QWidget()
        self.post_layout = QVBoxLayout(self.post_box)
        self.post_layout.setContentsMargins(0, 0, 8, 0)
        self.post_layout.setSpacing(8)
        self.post_layout.addStretch(1)
        # A stop for Tab only while the post is longer than its room (the arrows then scroll it).
        self.post_scroll = ShortScroll(self.post_box, QT_TRANSLATE_NOOP("Reflow", "The post found"))
        self.post_scroll.setObjectName("result_post")
        self.note = QLabel()
        self.note.setObjectName("result_note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)

        self.box = AnswerBox(lang)
        self.answer = self.box.editor
        self.answer.setObjectName("listening_answer_box")
        self.send_button = QPushButton()
        self.send_button.setObjectName("send_listening_answer")
        self.send_button.setDefault(True)
        self.send_button.setStyleSheet(primary_button_style("send_listening_answer", self.palette()))
        self.like_button = QPushButton()
        self.like_button.setObjectName("like_result")
        self.follow_button = QPushButton()
        self.follow_button.setObjectName("follow_author")
        buttons = FlowRow((self.send_button, self.like_button, self.follow_button), name="answer_actions")

        self.message = FittedContent()
        self.message.setObjectName("result_message")
        layout = QVBoxLayout(self.message)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(actions)
        layout.addWidget(self.post_scroll, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.box)
        layout.addWidget(buttons)

        self.stack = QStackedWidget()
        self.stack.addWidget(nothing)
        # The post and the answer box scroll together when even their minimum does not fit (200 %, a large
        # font); squeezed, the buttons were drawn over the answer box.
        self.message_scroll = FittedScroll(
            self.message, QT_TRANSLATE_NOOP("Reflow", "The post and your answer")
        )
        self.message_scroll.setObjectName("result_scroll")
        self.stack.addWidget(self.message_scroll)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.box.checked.connect(self._update_buttons)
        self.box.send_requested.connect(self._send)
        self.send_button.clicked.connect(self._send)
        self.like_button.clicked.connect(lambda: self._emit(self.like_requested))
        self.follow_button.clicked.connect(lambda: self._emit(self.follow_requested))
        self.idea_button.clicked.connect(lambda: self._emit(self.idea_requested))
        self.dismiss_button.clicked.connect(lambda: self._emit(self.dismiss_requested))
        self.open_button.clicked.connect(self._open)
        self.setTabOrder(self.open_button, self.idea_button)
        self.setTabOrder(self.idea_button, self.dismiss_button)
        self.setTabOrder(self.dismiss_button, self.answer)
        self.setTabOrder(self.answer, self.send_button)
        self.setTabOrder(self.send_button, self.like_button)
        self.setTabOrder(self.like_button, self.follow_button)
        self.retranslate()
        self.show_nothing()

    def minimumSizeHint(self) -> QSize:
        """Room for a post (340 px), more for the widest of its buttons (a large font, the French words):
        the rows of buttons wrap, but never narrower than one of them."""
        return super().minimumSizeHint().expandedTo(QSize(MIN_WIDTH, 0))

    # --- what is shown ---------------------------------------------------------------------------------

    def show_nothing(self) -> None:
        self.result = None
        self.stack.setCurrentIndex(0)

    def show_result(self, result: ResultView, limits: ServerLimits | None, prefill: str = "") -> None:
        changed = self.result is None or self.result.id != result.id
        self.result, self.limits = result, limits
        self.stack.setCurrentIndex(1)
        self._clear_post()
        author = Author(handle=result.author_handle, display_name=result.author_name, url=result.author_url)
        bubble = Bubble(
            RemotePost(result.post_id, result.url, author, result.text, result.created_at),
            mine=False,
            current=True,
        )
        self.post_layout.insertWidget(0, bubble)
        self.post_scroll.updateGeometry()  # a short post is shown whole (ShortScroll)
        if changed:
            self.note.clear()
            self.box.start(result.network, limits, prefill)
        else:
            self.box.limits = limits
            self.box.check()
        self.retranslate()

    def update_result(self, result: ResultView) -> None:
        """The same post, read again (its answer, like or follow moved): words and buttons follow."""
        self.result = result
        self.retranslate()

    def answer_done(self, message: str) -> None:
        self.sending = False
        self.answer.clear()
        self.note.setText(message)
        self._update_buttons()

    def answer_refused(self, message: str, issues: list[str]) -> None:
        self.sending = False
        self.note.setText(message)
        if issues:
            self.box.show_issues([(Role.BLOCKING, text) for text in issues])
        self._update_buttons()

    def _clear_post(self) -> None:
        while self.post_layout.count() > 1:
            item = self.post_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    # --- the buttons --------------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        result = self.result
        can = result is not None and not result.gone
        text = self.answer.toPlainText().strip()
        self.answer.setEnabled(can)
        self.send_button.setEnabled(can and bool(text) and not self.box.blocked and not self.sending)
        liked = result is not None and result.like_state in ("waiting", "sending", "done")
        self.like_button.setEnabled(can and not liked)
        self.like_button.setText(self.tr("Liked") if liked else self.tr("Like"))
        followed = result is not None and result.follow_state in ("waiting", "sending", "done")
        self.follow_button.setEnabled(can and not followed and bool(result and result.author_id))
        self.follow_button.setText(self.tr("Following") if followed else self.tr("Follow"))
        kept = result is not None and result.idea_post_id is not None
        self.idea_button.setEnabled(result is not None and not kept)
        self.idea_button.setText(self.tr("Kept as an idea") if kept else self.tr("Keep as a post idea"))
        self.open_button.setEnabled(result is not None and bool(result.url))
        self.dismiss_button.setEnabled(result is not None)
        for button in (self.send_button, self.like_button, self.follow_button, self.idea_button):
            button.setMinimumWidth(button.sizeHint().width())

    def focus_answer(self) -> None:
        if self.answer.isEnabled() and self.stack.currentIndex() == 1:
            self.answer.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _send(self) -> None:
        if self.result is None or not self.send_button.isEnabled():
            return
        self.sending = True
        self._update_buttons()
        self.answer_requested.emit(self.result.id, self.answer.toPlainText())

    def _emit(self, signal: SignalInstance) -> None:
        if self.result is not None:
            signal.emit(self.result.id)

    def _open(self) -> None:
        if self.result is not None and self.result.url:
            self.open_requested.emit(self.result.url)

    # --- words ---------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.nothing_label.setText(
            self.tr(
                "Choose a post on the left to read it. You can answer it, like it, follow its author, or keep "
                "it as an idea for a post of your own."
            )
        )
        self.send_button.setText(self.tr("Send answer"))
        self.send_button.setToolTip(self.tr("Ctrl+Enter"))
        self.dismiss_button.setText(self.tr("Dismiss"))
        self.dismiss_button.setToolTip(self.tr("Take it out of the list (E)"))
        result = self.result
        self.open_button.setText(
            self.tr("Open on %1").replace("%1", network_name(result.network)) if result else self.tr("Open")
        )
        self.follow_button.setToolTip(
            self.tr("Follow %1").replace("%1", result.author_handle) if result is not None else ""
        )
        if result is not None:
            self.title.setText(result.who)
            handle = result.author_handle if result.author_name.strip() else ""
            when = self.when_text(result.created_at)
            parts = (handle, network_name(result.network), when, self.words.found_by(result))
            self.meta.setText(" · ".join(p for p in parts if p))
            note = self.box.state_note(result.answer)
            if note and not self.sending:
                self.note.setText(note)
            self.setAccessibleName(f"{result.who}. {self.words.found_by(result)}")
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.send_button.setStyleSheet(primary_button_style("send_listening_answer", self.palette()))
        super().changeEvent(event)
