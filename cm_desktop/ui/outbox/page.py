"""The "Sending" page: every post on its way, sent, failed or waiting for the person, in plain words.

Four groups (core/outbox/status.py): what needs an answer, what failed (with the reason and the fix, and
"Retry what failed"), what is on its way, and what went out (with the time and the link). The board is read
off the GUI thread; every button writes through the runner too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core import networks
from cm_desktop.core.i18n import Lang
from cm_desktop.core.models import TargetState
from cm_desktop.core.outbox import messages as m
from cm_desktop.core.outbox.status import StatusBoard, StatusRow
from cm_desktop.core.schedule import Clock, from_utc
from cm_desktop.ui.calendar.style import network_colour
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.qtdates import to_qdatetime
from cm_desktop.ui.reflow import ContentScroll, FlowRow, fitting_height
from cm_desktop.ui.tasks import TaskRunner
from cm_desktop.ui.theme import make_title

log = logging.getLogger(__name__)

# A long history would make hundreds of widgets: the page keeps the newest, the calendar has the rest.
MAX_SENT_ROWS = 40


class StatusRowWidget(QFrame):
    """One target: network and account, time, the post's first words, what happened, and what to do."""

    def __init__(self, row: StatusRow, when: str, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.setObjectName(f"status_row_{row.target_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.restyle()
        who = network_name(row.network) + (f" · {row.account}" if row.account else "")
        self.title = QLabel(f"<b>{_escape(who)}</b> &nbsp; {_escape(when)}")
        self.title.setWordWrap(True)
        self.text = QLabel(row.text or "—")
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # the person's words, never markup
        self.text.setWordWrap(True)
        self.message = QLabel(message)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setObjectName("status_message")
        self.message.setWordWrap(True)
        self.message.setVisible(bool(message))
        self.button_row = FlowRow(align_right=True, name="row_buttons")
        self.buttons = self.button_row.flow
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.message)
        layout.addWidget(self.button_row)
        self.setAccessibleName(f"{who}, {when}: {row.text}. {message}")
        # A stop of its own in the tab order, so that every card can be reached and read; Enter does what
        # its first button does.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def restyle(self) -> None:
        """A style sheet resolves palette() when set: set it again when light and dark switch."""
        colour = network_colour(self.row.network).name()
        self.setStyleSheet("")
        self.setStyleSheet(
            f"#status_row_{self.row.target_id} {{ border: 1px solid palette(mid);"
            f" border-left: 4px solid {colour}; border-radius: 6px; }}"
        )

    def add_button(self, name: str, text: str, action: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(action)
        self.buttons.addWidget(button)
        return button

    def action_buttons(self) -> list[QPushButton]:
        items = (self.buttons.itemAt(i) for i in range(self.buttons.count()))
        return [
            b for b in (item.widget() for item in items if item is not None) if isinstance(b, QPushButton)
        ]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        buttons = self.action_buttons()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and buttons:
            buttons[0].click()
            return
        super().keyPressEvent(event)


def _drop(widget: QWidget) -> None:
    widget.hide()
    widget.deleteLater()


def format_when(moment: datetime | None, zone: str) -> str:
    """An aware instant as the business's wall-clock time, in the interface's language."""
    if moment is None:
        return ""
    return QLocale().toString(to_qdatetime(from_utc(moment, zone)), "dddd d MMMM, HH:mm")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SendingPage(QWidget):
    assistant_requested = Signal(int)  # target id
    by_hand_requested = Signal(int)  # target id: "How did it go?" on a network the app cannot read
    late_requested = Signal(int)  # post id
    post_opened = Signal(int)  # post id
    accounts_requested = Signal()
    send_requested = Signal()  # wake the outbox now
    changed = Signal()  # an answer changed the store: Home and the calendar refresh
    board_loaded = Signal(object)  # the StatusBoard shown

    def __init__(
        self,
        runner: TaskRunner,
        clock: Clock,
        zone: str,
        lang: Callable[[], Lang],
        open_url: Callable[[QUrl], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page_sending")
        self.runner, self.clock, self.zone, self._lang, self._open_url = runner, clock, zone, lang, open_url
        self.store: Any = None
        self.board = StatusBoard()
        self.online: bool | None = None
        self.busy = False
        self.rows_made = 0  # row widgets made since the start (tests check refreshes reuse them)

        self.title_label = QLabel()
        self.title_label.setObjectName("page_title")
        make_title(self.title_label)
        self.summary = QLabel()
        self.summary.setObjectName("sending_summary")
        self.summary.setWordWrap(True)
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("retry_failed")
        self.send_button = QPushButton()
        self.send_button.setObjectName("send_now")
        actions = FlowRow((self.retry_button, self.send_button), align_right=True, name="sending_actions")
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(actions, 1)

        self.sections: dict[str, tuple[QLabel, QVBoxLayout]] = {}
        content = QWidget()
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setContentsMargins(4, 4, 8, 4)  # room for the focus ring around a card
        for name in ("to_answer", "failed", "on_the_way", "sent"):
            heading = QLabel()
            heading.setObjectName(f"section_{name}")
            font = heading.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.1)
            heading.setFont(font)
            rows = QVBoxLayout()
            rows.setSpacing(6)
            self.content_layout.addWidget(heading)
            self.content_layout.addLayout(rows)
            self.content_layout.addSpacing(10)
            self.sections[name] = (heading, rows)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("sending_empty")
        self.empty_label.setWordWrap(True)
        self.content_layout.addWidget(self.empty_label)
        self.content_layout.addStretch(1)
        scroll = ContentScroll(name=QT_TRANSLATE_NOOP("Reflow", "Posts and where they are"))
        scroll.setObjectName("sending_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.addWidget(self.title_label)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

        self.retry_button.clicked.connect(self.retry_failed)
        self.send_button.clicked.connect(self.send_requested)
        self.retranslate()

    def heightForWidth(self, width: int) -> int:
        """No taller than the window when it can be: its list scrolls inside, one scroll bar (reflow)."""
        return fitting_height(self, width)

    # --- data -----------------------------------------------------------------------------------------------

    def set_store(self, store: Any) -> None:
        self.store = store
        self.refresh()

    def refresh(self) -> None:
        if self.store is None:
            return
        from cm_desktop.core.outbox.status import load_board

        store, now = self.store, self.clock.now()
        self.runner.run(lambda: load_board(store, now), self._loaded, self._failed)

    def _loaded(self, board: StatusBoard) -> None:
        self.board = board
        self._rebuild()
        self.board_loaded.emit(board)

    def _failed(self, error: BaseException) -> None:
        from cm_desktop.platform.logs import log_failure

        log_failure(log, "reading the outbox", error, known=False)
        self.summary.setText(self.tr("The list could not be read. Please try again in a moment."))

    def set_online(self, online: bool) -> None:
        self.online = online
        self._say_summary()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.send_button.setEnabled(not busy and self.online is not False)
        self._say_summary()

    def _write(self, work: Callable[[], Any], *, wake: bool = False) -> None:
        def done(_result: Any) -> None:
            self.changed.emit()
            if wake:
                self.send_requested.emit()
            self.refresh()

        def failed(error: BaseException) -> None:
            from cm_desktop.platform.logs import log_failure

            log_failure(log, "saving an answer", error, known=False)
            self.summary.setText(self.tr("Your answer could not be saved. Please try again."))

        self.runner.run(work, done, failed)

    def retry_failed(self) -> None:
        from cm_desktop.core.outbox import retry_failed

        store, now = self.store, self.clock.now()
        self._write(lambda: retry_failed(store, now), wake=True)

    def mark_published(self, target_id: int) -> None:
        from cm_desktop.core.outbox import review_published

        store, now = self.store, self.clock.now()
        self._write(lambda: review_published(store, target_id, now))

    def publish_again(self, target_id: int) -> None:
        from cm_desktop.core.outbox import review_publish_again

        store, now = self.store, self.clock.now()
        self._write(lambda: review_publish_again(store, target_id, now), wake=True)

    # --- drawing --------------------------------------------------------------------------------------------

    def _when(self, moment: datetime | None) -> str:
        return format_when(moment, self.zone)

    def _rebuild(self, *, everything: bool = False) -> None:
        """Show the board, changing only the rows whose target changed (a minute's tick usually changes
        none); `everything` remakes them all (the language changed)."""
        board = self.board
        groups = {
            "to_answer": board.to_answer,
            "failed": board.failed,
            "on_the_way": board.on_the_way,
            "sent": board.sent[:MAX_SENT_ROWS],
        }
        for name, rows in groups.items():
            heading, layout = self.sections[name]
            heading.setVisible(bool(rows))
            self._show_rows(layout, rows, everything)
        self.empty_label.setVisible(not any(groups.values()))
        self.retry_button.setEnabled(bool(board.failed))
        self._retranslate_sections()
        self._say_summary()

    def _show_rows(self, layout: QVBoxLayout, rows: Sequence[StatusRow], everything: bool) -> None:
        shown: dict[int, StatusRowWidget] = {}
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if isinstance(widget, StatusRowWidget):
                shown[widget.row.target_id] = widget
        for index, row in enumerate(rows):
            widget = shown.pop(row.target_id, None)
            if widget is None or everything or widget.row != row:
                if widget is not None:
                    _drop(widget)
                widget = self._row_widget(row)
                self.rows_made += 1
            layout.insertWidget(index, widget)
        for widget in shown.values():
            _drop(widget)

    def _row_widget(self, row: StatusRow) -> StatusRowWidget:
        lang = self._lang()
        state = row.state
        if state == TargetState.PUBLISHED.value:
            when = self.tr("published %1").replace("%1", self._when(row.when))
        elif state == TargetState.SENDING.value:
            when = self.tr("sending now")
        else:
            when = self.tr("planned for %1").replace("%1", self._when(row.when))
        if state == TargetState.ASSISTED_PENDING.value:
            message = self.tr("%1 is published by hand: the assistant shows you what to post.").replace(
                "%1", network_name(row.network)
            )
        elif row.is_late:
            # The stored detail is the due time in UTC; the row already shows it in the business's zone.
            message = self.tr(
                "It did not go out at its time: your computer was off, asleep or offline. "
                "Publish it now, choose a new time, or skip it?"
            )
        else:
            message = row.message(lang)
        widget = StatusRowWidget(row, when, message)
        tid, pid = row.target_id, row.post_id
        if state == TargetState.ASSISTED_PENDING.value:
            widget.add_button(
                f"assist_{tid}", self.tr("Publish it now…"), lambda: self.assistant_requested.emit(tid)
            )
        elif row.is_late:
            widget.add_button(
                f"late_{tid}", self.tr("Choose what to do…"), lambda: self.late_requested.emit(pid)
            )
        elif state == TargetState.NEEDS_REVIEW.value:
            widget.add_button(
                f"published_{tid}", self.tr("It is published"), lambda: self.mark_published(tid)
            )
            widget.add_button(f"again_{tid}", self.tr("Publish again"), lambda: self.publish_again(tid))
        elif state == TargetState.FAILED.value:
            widget.add_button(f"edit_{tid}", self.tr("Open the post"), lambda: self.post_opened.emit(pid))
        elif row.error_code == m.AUTH_EXPIRED:
            widget.add_button(
                f"reconnect_{tid}", self.tr("Reconnect the account"), self.accounts_requested.emit
            )
        if (
            state == TargetState.PUBLISHED.value
            and networks.known(row.network)
            and not networks.get(row.network).can.counts
        ):
            # A network the app cannot read: the person may say how the post did (the Results page).
            widget.add_button(
                f"how_{tid}", self.tr("How did it go?"), lambda: self.by_hand_requested.emit(tid)
            )
        if state == TargetState.PUBLISHED.value and row.url:
            url = row.url
            widget.add_button(f"open_{tid}", self.tr("See it online"), lambda: self._open_link(url))
        return widget

    def _open_link(self, url: str) -> None:
        self._open_url(QUrl(url))

    # --- words ----------------------------------------------------------------------------------------------

    def _say_summary(self) -> None:
        board = self.board
        parts = []
        if self.online is False:
            parts.append(
                self.tr("You are offline: posts wait here and go out as soon as the connection is back.")
            )
        elif self.busy:
            parts.append(self.tr("Sending…"))
        if board.waiting_count:
            count = board.waiting_count
            parts.append(
                self.tr("1 post needs you.")
                if count == 1
                else self.tr("%1 posts need you.").replace("%1", str(count))
            )
        elif self.online is not False and not self.busy:
            parts.append(self.tr("Nothing needs you: posts go out on their own at their time."))
        self.summary.setText(" ".join(parts))
        self.send_button.setEnabled(not self.busy and self.online is not False)

    def _retranslate_sections(self) -> None:
        titles = {
            "to_answer": self.tr("Waiting for you"),
            "failed": self.tr("Not published"),
            "on_the_way": self.tr("On the way (next 7 days)"),
            "sent": self.tr("Published (last 14 days)"),
        }
        for name, (heading, _rows) in self.sections.items():
            heading.setText(titles[name])

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Sending"))
        self.retry_button.setText(self.tr("Retry what failed"))
        self.retry_button.setToolTip(self.tr("Sends again only the posts that were not published."))
        self.send_button.setText(self.tr("Send what is due now"))
        self.empty_label.setText(
            self.tr("Nothing here yet. Posts you schedule appear here when they are about to go out.")
        )
        self._retranslate_sections()
        self._say_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.store is not None:
                self._rebuild(everything=True)  # row sentences come from core in the person's language
        elif event.type() == QEvent.Type.PaletteChange:
            for row in self.findChildren(StatusRowWidget):
                row.setPalette(self.palette())
                row.restyle()
        super().changeEvent(event)
