"""The box where the person writes an answer to someone's post: the words, the composer's counter and checks
for that post's network (its server's own limits where it announced them), Ctrl+Enter to send, and the
sentence saying where the answer stands (on its way, answered, not sent, to check).

Made for the Listening page's post pane; the Messages page's conversation (ui/messages/conversation.py) has
the same pieces inline and can take this box in their place.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget

from cm_desktop.core import networks, rules
from cm_desktop.core.i18n import Lang
from cm_desktop.core.ports import ServerLimits
from cm_desktop.ui.colours import Role, css
from cm_desktop.ui.composer.counters import CounterRow


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class AnswerBox(QWidget):
    send_requested = Signal()  # Ctrl+Enter
    checked = Signal()  # the words were checked again: what may be sent can have changed

    def __init__(self, lang: Callable[[], Lang], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.network = ""
        self.limits: ServerLimits | None = None
        self.blocked = False
        self.label = QLabel()
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("answer_editor")
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(72)
        self.editor.setMaximumHeight(140)
        self.editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.setBuddy(self.editor)
        self.counters = CounterRow()
        self.issues = QLabel()
        self.issues.setObjectName("answer_box_issues")
        self.issues.setWordWrap(True)
        self.issues.setTextFormat(Qt.TextFormat.RichText)
        line = QHBoxLayout()
        line.addWidget(self.issues, 1)
        line.addWidget(self.counters)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.editor)
        layout.addLayout(line)
        self.editor.textChanged.connect(self.check)
        self.editor.installEventFilter(self)
        self.retranslate()

    def text(self) -> str:
        return self.editor.toPlainText()

    def start(self, network: str, limits: ServerLimits | None, prefill: str = "") -> None:
        """A new post to answer: its network's rules, and the box filled with what it starts with."""
        self.network, self.limits = network, limits
        self.editor.setPlainText(prefill)
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        self.check()

    def check(self) -> None:
        """The composer's counter and checks for the network, at every keystroke."""
        if not self.network:
            self.counters.update_measures({})
            self.issues.clear()
            self.blocked = False
            self.checked.emit()
            return
        text = self.text()
        announced = networks.get(self.network).text_limits(self.limits)
        self.counters.update_measures(
            {self.network: rules.measure(self.network, text, spoiler="", **announced)}
        )
        found = (
            rules.preflight(self.network, text, (), spoiler="", limits=self.limits) if text.strip() else []
        )
        lang = self._lang()
        self.show_issues(
            [
                (Role.BLOCKING if i.severity is rules.Severity.BLOCKS else Role.CHECK, i.text(lang))
                for i in found
                if i.severity is not rules.Severity.TIP
            ]
        )
        self.blocked = any(i.severity is rules.Severity.BLOCKS for i in found)
        self.checked.emit()

    def show_issues(self, issues: list[tuple[Role, str]]) -> None:
        palette = self.palette()
        self.issues.setText(
            "<br>".join(f'<span style="color:{css(role, palette)}">{_escape(t)}</span>' for role, t in issues)
        )

    def state_note(self, answer: str) -> str:
        """Where an answer stands, in a sentence (core.inbox.answers' states; "" when there is none)."""
        return {
            "answered": self.tr("You answered. You can answer again below."),
            "sending": self.tr("Your answer is on its way. It is sent once, even if the computer stops."),
            "failed": self.tr("Your answer could not be sent: the Sending page says why."),
            "check": self.tr("We could not tell whether your answer went out: the Sending page asks you."),
        }.get(answer, "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Ctrl+Enter sends (Enter alone makes a new line).
        if watched is self.editor and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.send_requested.emit()
                return True
        return super().eventFilter(watched, event)

    def retranslate(self) -> None:
        self.label.setText(self.tr("Your &answer"))
        self.editor.setPlaceholderText(self.tr("Write your answer here. Ctrl+Enter sends it."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.check()
        super().changeEvent(event)
