"""The problems the rules found, per network, each in plain words with a one-click fix when one exists."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cm_desktop.core.i18n import Lang
from cm_desktop.core.networks import name_of
from cm_desktop.core.rules.model import Fix, Issue, Severity
from cm_desktop.ui.colours import Role, css

CONTEXT = "IssuesPanel"
# The fixes the composer knows how to apply, and the words on their button.
FIX_BUTTONS: dict[str, object] = {
    "shorten": QT_TRANSLATE_NOOP("IssuesPanel", "Show what is too long"),
    "add_alt": QT_TRANSLATE_NOOP("IssuesPanel", "Describe the picture"),
    "add_image": QT_TRANSLATE_NOOP("IssuesPanel", "Add a picture"),
    "crop": QT_TRANSLATE_NOOP("IssuesPanel", "Adjust the crop"),
    "remove_text": QT_TRANSLATE_NOOP("IssuesPanel", "Remove it"),
    "fix_link": QT_TRANSLATE_NOOP("IssuesPanel", "Show the link"),
    "write_text": QT_TRANSLATE_NOOP("IssuesPanel", "Write the text"),
    "complete": QT_TRANSLATE_NOOP("IssuesPanel", "Show what to complete"),
}
# What blocks because the person has not finished writing is said as such, not as an error.
TO_COMPLETE = QT_TRANSLATE_NOOP("IssuesPanel", "To complete")
SEVERITY_COLOURS = {Severity.BLOCKS: Role.BLOCKING, Severity.WARNING: Role.CHECK, Severity.TIP: Role.ACCENT}
SEVERITY_WORDS: dict[Severity, object] = {
    Severity.BLOCKS: QT_TRANSLATE_NOOP("IssuesPanel", "Must fix"),
    Severity.WARNING: QT_TRANSLATE_NOOP("IssuesPanel", "Check"),
    Severity.TIP: QT_TRANSLATE_NOOP("IssuesPanel", "Tip"),
}


class IssueRow(QWidget):
    fix_requested = Signal(str, object)  # network, Fix

    def __init__(self, network: str, issue: Issue, lang: Lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.network, self.issue = network, issue
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button: QPushButton | None = None
        self.set_issue(issue, lang)
        layout.addWidget(self.label, 1)
        if issue.fix is not None and issue.fix.kind in FIX_BUTTONS:
            self.button = QPushButton(QCoreApplication.translate(CONTEXT, str(FIX_BUTTONS[issue.fix.kind])))
            self.button.setObjectName(f"fix_{issue.code}")
            self.button.clicked.connect(lambda: self.fix_requested.emit(self.network, self.issue.fix))
            layout.addWidget(self.button)

    def shape(self) -> tuple[str, str, str, str | None]:
        """What decides the row's widgets: the same shape can take a new issue in place."""
        return shape_of(self.network, self.issue)

    def set_issue(self, issue: Issue, lang: Lang) -> None:
        self.issue = issue
        colour = css(SEVERITY_COLOURS[issue.severity], self.palette())
        words = TO_COMPLETE if issue.code == "text.to_complete" else SEVERITY_WORDS[issue.severity]
        word = QCoreApplication.translate(CONTEXT, str(words))
        text = (
            f'<span style="color:{colour}; font-weight:600">{html.escape(word)}</span> · '
            f"<b>{html.escape(name_of(self.network).get(lang))}</b> · {html.escape(issue.text(lang))}"
        )
        if text != self.label.text():  # an unchanged label is not laid out and painted again
            self.label.setText(text)
        if self.button is not None and issue.fix is not None:  # the language may have changed
            words = QCoreApplication.translate(CONTEXT, str(FIX_BUTTONS[issue.fix.kind]))
            if words != self.button.text():
                self.button.setText(words)


def shape_of(network: str, issue: Issue) -> tuple[str, str, str, str | None]:
    kind = issue.fix.kind if issue.fix is not None and issue.fix.kind in FIX_BUTTONS else None
    return (network, issue.code, issue.severity.value, kind)


class IssuesPanel(QWidget):
    fix_requested = Signal(str, object)  # network, Fix

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("issues_panel")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.all_good = QLabel()
        self.all_good.setObjectName("issues_all_good")
        self._layout.addWidget(self.all_good)
        self.rows: list[IssueRow] = []
        self._shown: tuple[tuple[str, ...], tuple[tuple[str, str, str], ...], bool] | None = None
        self._no_networks = True
        self._empty_post = False
        self.retranslate()

    def show_issues(
        self, issues: Mapping[str, Sequence[Issue]], lang: Lang, *, empty_post: bool = False
    ) -> None:
        """`empty_post`: nothing is written yet; the panel says what it will do rather than "all ready"."""
        flat = [(n, i) for n, found in issues.items() for i in found]
        self._empty_post = empty_post
        # Rebuilding rows on every keystroke is wasted work when nothing changed.
        key = (tuple(issues), tuple((n, i.code, i.text(lang)) for n, i in flat), empty_post)
        if key == self._shown:
            return
        self._shown = key
        # "Too long by 12 characters" becomes "by 13" on the next key: same rows, new words, no rebuild.
        if self.rows and [row.shape() for row in self.rows] == [shape_of(n, i) for n, i in flat]:
            for row, (_, issue) in zip(self.rows, flat, strict=True):
                row.set_issue(issue, lang)
            self._set_all_good_text()
            return
        for row in self.rows:
            self._layout.removeWidget(row)
            row.hide()  # off the screen now, deleted when the event loop next runs
            row.deleteLater()
        self.rows = []
        for network, issue in flat:
            row = IssueRow(network, issue, lang)
            row.fix_requested.connect(self.fix_requested)
            self._layout.addWidget(row)
            self.rows.append(row)
        self.all_good.setVisible(not flat)
        self._no_networks = not issues
        self._set_all_good_text()

    def _set_all_good_text(self) -> None:
        if self._no_networks:
            self.all_good.setText(
                self.tr("Choose above the networks this post goes to: each one is checked here.")
            )
        elif self._empty_post:
            self.all_good.setText(
                self.tr("Write your post above: it is checked here for each network as you type.")
            )
        else:
            self.all_good.setText(self.tr("Everything is ready for the networks you chose."))

    def retranslate(self) -> None:
        self._set_all_good_text()
        self._shown = None


__all__ = ["Fix", "IssuesPanel"]
