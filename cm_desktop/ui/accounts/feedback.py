"""What the accounts dialogs and page share: a status line (working, error, note) and error wording."""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QProgressBar, QWidget

from cm_desktop.core.i18n import Lang
from cm_desktop.services.accounts import ConnectError, explain
from cm_desktop.ui.colours import Role, colour

log = logging.getLogger(__name__)


class Tone(Enum):
    NONE = "none"
    BUSY = "busy"
    ERROR = "error"
    NOTE = "note"


def error_colour(palette: QPalette) -> QColor:
    return colour(Role.BLOCKING, palette)


def ok_colour(palette: QPalette) -> QColor:
    return colour(Role.DONE, palette)


def plain_label(name: str) -> QLabel:
    """A wrapping label for sentences (never read as markup), named for tests and screen readers."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def focus_all(field: QLineEdit) -> None:
    """Put the cursor in a field with its text selected: typing replaces what was wrong."""
    field.setFocus()
    field.selectAll()


def something_went_wrong() -> str:
    return QCoreApplication.translate("AccountsFeedback", "Something went wrong. The details are in the log.")


def known_or_logged(error: BaseException, what: str) -> ConnectError | None:
    """The person's message for a known failure; a bug is logged with its traceback and gives None."""
    from cm_desktop.platform.logs import log_failure

    known = explain(error)
    if known is None:
        log_failure(log, what, error, known=False)
    return known


class StatusLine(QWidget):
    """One line under a form: a busy bar with what is happening, or an error, or a note.

    A known error is kept as a ConnectError so that a change of language re-words it.
    """

    changed = Signal()  # its text changed: the window may need to grow

    def __init__(self, lang: Callable[[], Lang], name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._lang = lang
        self.tone = Tone.NONE
        self._error: ConnectError | None = None
        self._text_source: Callable[[], str] | None = None
        self.bar = QProgressBar()
        self.bar.setObjectName(f"{name}_busy")
        self.bar.setRange(0, 0)  # moving: we cannot say how long a server takes
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(56)
        self.bar.setFixedHeight(10)
        self.label = QLabel()
        self.label.setObjectName(f"{name}_text")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # server texts are never read as HTML
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.clear()

    @property
    def text(self) -> str:
        return self.label.text()

    @property
    def error(self) -> ConnectError | None:
        return self._error

    def clear(self) -> None:
        self._show(Tone.NONE, None, None)

    def busy(self, words: Callable[[], str]) -> None:
        self._show(Tone.BUSY, words, None)

    def note(self, words: Callable[[], str]) -> None:
        self._show(Tone.NOTE, words, None)

    def fail(self, error: ConnectError | None) -> None:
        """A known error's message, or "something went wrong" for a bug (already logged)."""
        self._show(Tone.ERROR, None, error)

    def fail_words(self, words: Callable[[], str]) -> None:
        """A problem worded by the interface itself (what was typed cannot be right)."""
        self._show(Tone.ERROR, words, None)

    def _show(self, tone: Tone, words: Callable[[], str] | None, error: ConnectError | None) -> None:
        self.tone, self._text_source, self._error = tone, words, error
        self.bar.setVisible(tone is Tone.BUSY)
        self.setVisible(tone is not Tone.NONE)
        self.retranslate()

    def retranslate(self) -> None:
        if self._text_source is not None:
            text = self._text_source()
        elif self.tone is Tone.ERROR:
            text = self._error.message(self._lang()) if self._error is not None else something_went_wrong()
        else:
            text = ""
        self.label.setText(text)
        palette = self.label.palette()
        colour = (
            error_colour(self.palette())
            if self.tone is Tone.ERROR
            else self.palette().color(QPalette.ColorRole.WindowText)
        )
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.label.setPalette(palette)
        # Screen readers read the name of the line along with its text.
        prefix = {
            Tone.ERROR: QCoreApplication.translate("AccountsFeedback", "Problem"),
            Tone.BUSY: QCoreApplication.translate("AccountsFeedback", "In progress"),
            Tone.NOTE: QCoreApplication.translate("AccountsFeedback", "Note"),
            Tone.NONE: QCoreApplication.translate("AccountsFeedback", "Status"),
        }[self.tone]
        self.label.setAccessibleName(f"{prefix}: {text}" if text else prefix)
        self.bar.setAccessibleName(QCoreApplication.translate("AccountsFeedback", "Working"))
        self.changed.emit()
