"""Add or change a saved search: the words, the account that searches (when several can), and ideas from
the set-up profile to pick with one click. What cannot be searched is said under the field as the person
types (never on an empty field), and the button stays off until the search can be saved."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core.i18n import Lang
from cm_desktop.core.listening import messages as m
from cm_desktop.core.listening.query import BadSearch, parse, same
from cm_desktop.ui.colours import Role, css, primary_button_style
from cm_desktop.ui.i18n import network_name


class WatchDialog(QDialog):
    def __init__(
        self,
        lang: Lang,
        accounts: Sequence[tuple[int, str, str]],
        existing: Sequence[tuple[int, int, str]],
        *,
        suggestions: Sequence[str] = (),
        editing: tuple[int, int, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`accounts`: (id, network, handle) that can search; `existing`: (watch id, account id, query);
        `editing`: the search being changed, else a new one is added."""
        super().__init__(parent)
        self.setObjectName("watch_dialog")
        self._lang, self._existing, self.editing = lang, list(existing), editing
        self.setMinimumWidth(520)

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.field_label = QLabel()
        self.field = QLineEdit()
        self.field.setObjectName("watch_query")
        self.field.setMaxLength(500)
        self.field_label.setBuddy(self.field)
        self.problem = QLabel()
        self.problem.setObjectName("watch_problem")
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.account_label = QLabel()
        self.account = QComboBox()
        self.account.setObjectName("watch_account")
        self.account_label.setBuddy(self.account)
        for account_id, network, handle in accounts:
            self.account.addItem(f"{handle} ({network_name(network)})", account_id)
        if editing is not None:
            self.account.setCurrentIndex(max(self.account.findData(editing[1]), 0))
            self.account.setEnabled(False)
            self.field.setText(editing[2])
        several = len(accounts) > 1
        self.account_label.setVisible(several)
        self.account.setVisible(several)

        self.ideas_label = QLabel()
        self.ideas = QGridLayout()
        self.ideas.setSpacing(8)
        self.idea_buttons: list[QPushButton] = []
        for number, suggestion in enumerate(suggestions if editing is None else ()):
            button = QPushButton(suggestion)
            button.setObjectName(f"watch_idea_{number}")
            button.clicked.connect(lambda _checked=False, text=suggestion: self.field.setText(text))
            self.ideas.addWidget(button, number // 2, number % 2)
            self.idea_buttons.append(button)
        self.ideas_label.setVisible(bool(self.idea_buttons))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        assert self.save_button is not None
        self.save_button.setObjectName("save_watch")
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.intro)
        layout.addSpacing(4)
        layout.addWidget(self.field_label)
        layout.addWidget(self.field)
        layout.addWidget(self.problem)
        layout.addWidget(self.account_label)
        layout.addWidget(self.account)
        layout.addSpacing(4)
        layout.addWidget(self.ideas_label)
        layout.addLayout(self.ideas)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.field.textChanged.connect(self._check)
        self.account.currentIndexChanged.connect(self._check)
        self._style()
        self.retranslate()
        self._check()

    def query(self) -> str:
        return self.field.text()

    def account_id(self) -> int | None:
        data = self.account.currentData()
        return int(data) if isinstance(data, int) else None

    def problem_text(self) -> str:
        """Why the search cannot be saved ("" when it can, or when nothing is typed yet)."""
        text = self.field.text()
        if not text.strip():
            return ""
        try:
            search = parse(text)
        except BadSearch as exc:
            return exc.message(self._lang)
        account = self.account_id()
        keep = self.editing[0] if self.editing is not None else None
        for watch_id, account_id, query in self._existing:
            if account_id == account and watch_id != keep and same(query, search.text):
                return m.DUPLICATE.get(self._lang, query=search.text)
        return ""

    def _check(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.save_button.setEnabled(
            bool(self.field.text().strip()) and not problem and self.account_id() is not None
        )

    def _style(self) -> None:
        self.problem.setStyleSheet(f"color: {css(Role.BLOCKING, self.palette())}")
        self.save_button.setStyleSheet(primary_button_style("save_watch", self.palette()))

    def retranslate(self) -> None:
        adding = self.editing is None
        self.setWindowTitle(self.tr("Listen for…") if adding else self.tr("Change the search"))
        self.intro.setText(
            self.tr(
                "Write what people say when they look for a shop like yours or talk about it: a few words "
                '(florist Lyon), an exact phrase in quotes ("wedding flowers"), a #hashtag, or an @account. '
                "Every part must be in a post for it to be found."
            )
        )
        self.field_label.setText(self.tr("&Words to listen for"))
        self.field.setPlaceholderText(self.tr("for example: florist Lyon"))
        self.account_label.setText(self.tr("Search with the &account"))  # Alt+W: the words
        self.ideas_label.setText(self.tr("Ideas from your profile (click one to use it):"))
        self.save_button.setText(self.tr("Start listening") if adding else self.tr("Save the change"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText(self.tr("Cancel"))
        self._check()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._style()
        super().changeEvent(event)
