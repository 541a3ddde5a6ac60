"""The three small windows about where logins are kept, shown before any connect form when needed:

- NoKeychainDialog: this computer has no usable keychain (or it is locked): what to install or how to unlock,
  for the person's own desktop, "Try again", and (no keychain only) the encrypted file as the choice below;
- ChoosePassphraseDialog: choose the passphrase of that file (a minimum length, typed twice);
- UnlockDialog: type it once per session; a wrong one says so and lets them retry; "I forgot it" explains
  what is lost (the logins) and what is kept (posts, drafts), and offers to start again.

The dialogs only gather words and say results; the keychain gate (keychain_gate.py) runs the work.
Passphrases live in the fields until used, and the fields are cleared right after.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core.i18n import Lang
from cm_desktop.platform.login_file import FAIR, GOOD, MIN_PASSPHRASE_CHARS, passphrase_strength
from cm_desktop.services.accounts import ConnectError
from cm_desktop.ui.accounts.feedback import StatusLine, Tone, focus_all, plain_label
from cm_desktop.ui.reflow import ScrollBody, fit_height
from cm_desktop.ui.theme import make_body, make_title

CONTENT_WIDTH = 500  # logical pixels: sentences of 70 to 80 characters, easy to follow with glasses


def _title_label(name: str) -> QLabel:
    label = plain_label(name)
    make_title(label)
    return label


def _body_label(name: str) -> QLabel:
    label = plain_label(name)
    make_body(label)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # package names to copy
    return label


def _layout(dialog: QDialog) -> QVBoxLayout:
    """The dialog's content, in a body that grows with its texts up to the screen's height and scrolls past
    that (200 %, a large font): the buttons, put `_under` it, stay in view."""
    body = QWidget()
    body.setObjectName(f"{dialog.objectName()}_body")
    layout = QVBoxLayout(body)
    layout.setContentsMargins(24, 20, 24, 8)
    layout.setSpacing(10)
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(0, 0, 24, 16)
    outer.addWidget(ScrollBody(body), 1)
    return layout


def _under(dialog: QDialog, buttons: QWidget) -> None:
    outer = dialog.layout()
    assert outer is not None
    outer.addWidget(buttons)


def _passphrase_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMinimumWidth(280)
    return field


class _Dialog(QDialog):
    """Words follow the language; the window grows with its texts."""

    def __init__(self, name: str, lang: Callable[[], Lang], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._lang = lang

    def retranslate(self) -> None:  # pragma: no cover - each dialog words itself
        raise NotImplementedError

    def refit(self) -> None:
        fit_height(self)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.refit()
        super().changeEvent(event)


class NoKeychainDialog(_Dialog):
    """No usable keychain: the sentence for this desktop, "Try again", and the encrypted file below it."""

    retry_requested = Signal()
    file_chosen = Signal()

    def __init__(
        self,
        advice: Callable[[], str],
        lang: Callable[[], Lang],
        *,
        offer_file: bool,
        locked: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """`advice`: the sentence in the current language (keychain_advice for this desktop and state);
        `offer_file`: no keychain at all (a locked one is to be unlocked, not replaced); `locked`: there is
        one, locked."""
        super().__init__("no_keychain_dialog", lang, parent)
        self._advice = advice
        self.offer_file, self.locked = offer_file, locked
        self.title_label = _title_label("no_keychain_title")
        self.advice_label = _body_label("no_keychain_advice")
        self.advice_label.setMinimumWidth(CONTENT_WIDTH)
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("keychain_retry")
        self.retry_button.setDefault(True)
        self.line = QFrame()
        self.line.setFrameShape(QFrame.Shape.HLine)
        self.line.setFrameShadow(QFrame.Shadow.Sunken)
        self.choice_label = _body_label("no_keychain_choice")
        self.file_button = QPushButton()
        self.file_button.setObjectName("keychain_use_file")
        self.file_button.setAutoDefault(False)
        self.status = StatusLine(lang, "no_keychain_status")
        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("keychain_close")
        self.close_button.setAutoDefault(False)

        layout = _layout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.advice_label)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addSpacing(6)
        layout.addWidget(self.line)
        layout.addWidget(self.choice_label)
        layout.addWidget(self.file_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        _under(self, self.buttons)
        for widget in (self.line, self.choice_label, self.file_button):
            widget.setVisible(offer_file)

        self.retry_button.clicked.connect(self._retry)
        self.file_button.clicked.connect(self.file_chosen)
        self.buttons.rejected.connect(self.reject)
        self.status.changed.connect(self.refit)
        self.retranslate()
        self.retry_button.setFocus()

    def _retry(self) -> None:
        self.status.busy(lambda: self.tr("Checking again…"))
        self.retry_requested.emit()

    def still_missing(self, advice: Callable[[], str], offer_file: bool, locked: bool = False) -> None:
        """Checked again and still not usable: the sentence may have changed (locked, then missing)."""
        self._advice, self.offer_file, self.locked = advice, offer_file, locked
        for widget in (self.line, self.choice_label, self.file_button):
            widget.setVisible(offer_file)
        self.status.note(lambda: self.tr("Still not available. Follow the steps above, then try again."))
        self.retranslate()
        self.refit()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Where to keep your logins"))
        self.title_label.setText(
            self.tr("Your keychain is locked") if self.locked else self.tr("Your logins need a keychain")
        )
        self.advice_label.setText(self._advice())
        self.advice_label.setAccessibleName(self.advice_label.text())
        self.retry_button.setText(self.tr("&Try again"))
        self.retry_button.setAccessibleName(self.tr("Check the keychain again"))
        self.choice_label.setText(
            self.tr(
                "Or keep your logins in a file on this computer, locked by a passphrase you choose. You "
                "will type it each time you open CM Desktop, and posts will go out only while it is open."
            )
        )
        self.choice_label.setAccessibleName(self.choice_label.text())
        self.file_button.setText(self.tr("&Use a passphrase instead…"))
        self.file_button.setAccessibleName(self.tr("Keep my logins in a file locked by a passphrase"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close without connecting"))
        self.status.retranslate()


class ChoosePassphraseDialog(_Dialog):
    """Choose the passphrase: at least MIN_PASSPHRASE_CHARS characters, typed twice."""

    chosen = Signal(str)  # the passphrase, to the gate (which seals the file off the GUI thread)

    def __init__(
        self, lang: Callable[[], Lang], *, starting_over: bool = False, parent: QWidget | None = None
    ):
        """`starting_over`: the previous file was forgotten or damaged (the accounts must be connected again)."""
        super().__init__("choose_passphrase_dialog", lang, parent)
        self.starting_over = starting_over
        self.busy = False
        self.title_label = _title_label("choose_passphrase_title")
        self.intro_label = _body_label("choose_passphrase_intro")
        self.intro_label.setMinimumWidth(CONTENT_WIDTH)
        self.closed_label = _body_label("choose_passphrase_background")
        self.passphrase_edit = _passphrase_field("new_passphrase")
        self.confirm_edit = _passphrase_field("confirm_passphrase")
        self.passphrase_label = QLabel()
        self.passphrase_label.setBuddy(self.passphrase_edit)
        self.confirm_label = QLabel()
        self.confirm_label.setBuddy(self.confirm_edit)
        self.show_box = QCheckBox()
        self.show_box.setObjectName("show_new_passphrase")
        self.strength_label = plain_label("passphrase_strength")  # a hint while typing, never a blocker
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.passphrase_label, self.passphrase_edit)
        form.addRow("", self.strength_label)
        form.addRow(self.confirm_label, self.confirm_edit)
        form.addRow("", self.show_box)
        self.status = StatusLine(lang, "choose_passphrase_status")
        self.buttons = QDialogButtonBox()
        self.create_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("create_login_file")
        self.create_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("choose_passphrase_cancel")
        self.cancel_button.setAutoDefault(False)

        layout = _layout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.closed_label)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        _under(self, self.buttons)

        self.show_box.toggled.connect(self._show_typed)
        self.passphrase_edit.textChanged.connect(self._say_strength)
        for edit in (self.passphrase_edit, self.confirm_edit):
            edit.textChanged.connect(self._typing)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.status.changed.connect(self.refit)
        self.retranslate()
        self.passphrase_edit.setFocus()

    def strength_words(self) -> str:
        typed = self.passphrase_edit.text()
        if not typed:
            return self.tr("A short sentence you will remember, at least %1 characters.").replace(
                "%1", str(MIN_PASSPHRASE_CHARS)
            )
        strength = passphrase_strength(typed)
        if strength == GOOD:
            return self.tr("Strength: good.")
        if strength == FAIR:
            return self.tr("Strength: fair. A few more words make it harder to guess.")
        return self.tr("Too short: at least %1 characters.").replace("%1", str(MIN_PASSPHRASE_CHARS))

    def _say_strength(self) -> None:
        self.strength_label.setText(self.strength_words())
        self.strength_label.setAccessibleName(self.strength_label.text())
        self.refit()  # the hint may take one line or two

    def _typing(self) -> None:
        """A new attempt: the previous complaint no longer applies."""
        if not self.busy and self.status.tone is Tone.ERROR:
            self.status.clear()

    def _show_typed(self, on: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
        self.passphrase_edit.setEchoMode(mode)
        self.confirm_edit.setEchoMode(mode)

    def submit(self) -> None:
        if self.busy:
            return
        passphrase, again = self.passphrase_edit.text(), self.confirm_edit.text()
        if len(passphrase.strip()) < MIN_PASSPHRASE_CHARS:
            self.status.fail_words(
                lambda: self.tr("Choose a passphrase of at least %1 characters.").replace(
                    "%1", str(MIN_PASSPHRASE_CHARS)
                )
            )
            focus_all(self.passphrase_edit)
            return
        if passphrase != again:
            self.confirm_edit.clear()  # first: typing (clearing too) takes the previous complaint away
            self.status.fail_words(lambda: self.tr("The two passphrases are not the same. Type it again."))
            self.confirm_edit.setFocus()
            return
        self.set_busy(True)
        self.status.busy(lambda: self.tr("Locking your logins file…"))
        self.chosen.emit(passphrase)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.passphrase_edit, self.confirm_edit, self.show_box, self.create_button):
            widget.setEnabled(not busy)

    def failed(self, error: ConnectError | None) -> None:
        self.set_busy(False)
        self.status.fail(error)

    def done_creating(self) -> None:
        self.passphrase_edit.clear()
        self.confirm_edit.clear()
        self.set_busy(False)
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Choose a passphrase"))
        self.title_label.setText(self.tr("Choose a passphrase"))
        intro = self.tr(
            "Your logins will be kept in a file on this computer, locked by this passphrase. Nobody can "
            "open it without the passphrase, not even us: if you forget it, you will connect your accounts "
            "again (your posts and drafts are kept)."
        )
        if self.starting_over:
            intro = self.tr(
                "The previous logins file was deleted. Connect your accounts again after this."
            ) + (" " + intro)
        self.intro_label.setText(intro)
        self.intro_label.setAccessibleName(intro)
        self.closed_label.setText(
            self.tr(
                "Posts go out only while CM Desktop is open: your computer cannot type the passphrase for "
                "you when the app is closed."
            )
        )
        self.closed_label.setAccessibleName(self.closed_label.text())
        self.passphrase_label.setText(self.tr("&Passphrase:"))
        self.passphrase_edit.setAccessibleName(self.tr("New passphrase"))
        self.passphrase_edit.setPlaceholderText(
            self.tr("At least %1 characters, a short sentence").replace("%1", str(MIN_PASSPHRASE_CHARS))
        )
        self.confirm_label.setText(self.tr("T&ype it again:"))
        self.confirm_edit.setAccessibleName(self.tr("New passphrase, typed again"))
        self.show_box.setText(self.tr("&Show what I type"))
        self.show_box.setAccessibleName(self.tr("Show the passphrase as I type it"))
        self._say_strength()
        self.create_button.setText(self.tr("&Lock my logins with it"))
        self.create_button.setAccessibleName(self.tr("Create the logins file with this passphrase"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel without creating the file"))
        self.status.retranslate()


class UnlockDialog(_Dialog):
    """Type the passphrase once per session; "I forgot it" offers to start again (the file only)."""

    entered = Signal(str)  # the passphrase, to the gate (which derives the key off the GUI thread)
    start_over = Signal()  # the person confirmed: delete the logins file, choose a new passphrase

    def __init__(self, lang: Callable[[], Lang], parent: QWidget | None = None) -> None:
        super().__init__("unlock_dialog", lang, parent)
        self.busy = False
        self.damaged = False
        self.confirm_box: QMessageBox | None = None
        self.title_label = _title_label("unlock_title")
        self.intro_label = _body_label("unlock_intro")
        self.intro_label.setMinimumWidth(CONTENT_WIDTH)
        self.passphrase_edit = _passphrase_field("passphrase")
        self.passphrase_label = QLabel()
        self.passphrase_label.setBuddy(self.passphrase_edit)
        self.show_box = QCheckBox()
        self.show_box.setObjectName("show_passphrase")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.passphrase_label, self.passphrase_edit)
        form.addRow("", self.show_box)
        self.status = StatusLine(lang, "unlock_status")
        self.forgot_button = QPushButton()
        self.forgot_button.setObjectName("forgot_passphrase")
        self.forgot_button.setAutoDefault(False)
        self.buttons = QDialogButtonBox()
        self.unlock_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setObjectName("unlock_logins")
        self.unlock_button.setDefault(True)
        self.later_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.later_button.setObjectName("unlock_later")
        self.later_button.setAutoDefault(False)

        layout = _layout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.intro_label)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.forgot_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        _under(self, self.buttons)

        self.show_box.toggled.connect(
            lambda on: self.passphrase_edit.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.forgot_button.clicked.connect(self.confirm_start_over)
        self.status.changed.connect(self.refit)
        self.retranslate()
        self.passphrase_edit.setFocus()

    def submit(self) -> None:
        if self.busy or self.damaged:
            return
        passphrase = self.passphrase_edit.text()
        if not passphrase:
            self.status.fail_words(lambda: self.tr("Type your passphrase first."))
            self.passphrase_edit.setFocus()
            return
        self.set_busy(True)
        self.status.busy(lambda: self.tr("Unlocking…"))
        self.entered.emit(passphrase)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.passphrase_edit, self.show_box, self.unlock_button, self.forgot_button):
            widget.setEnabled(not busy)

    def wrong(self, error: ConnectError | None) -> None:
        """Not the right passphrase (or a bug, already logged): say it, select what was typed."""
        self.set_busy(False)
        self.status.fail(error)
        focus_all(self.passphrase_edit)

    def file_damaged(self, error: ConnectError | None) -> None:
        """The file cannot be read with any passphrase: only starting again helps."""
        self.set_busy(False)
        self.damaged = True
        self.passphrase_edit.clear()
        self.passphrase_edit.setEnabled(False)
        self.show_box.setEnabled(False)
        self.unlock_button.setEnabled(False)
        self.status.fail(error)
        self.retranslate()
        self.forgot_button.setFocus()

    def unlocked(self) -> None:
        self.passphrase_edit.clear()
        self.set_busy(False)
        self.accept()

    def confirm_start_over(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("start_over_confirm")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Start again without your logins?"))
        box.setText(self.tr("Start again without your logins?"))
        box.setInformativeText(
            self.tr(
                "Without the passphrase nobody can open the logins file, not even us. CM Desktop can delete "
                "that file, and only that file: you then choose a new passphrase and connect your accounts "
                "again. Your posts, drafts, plan and history are kept; posts waiting for an account go out "
                "once it is connected again."
            )
        )
        delete = box.addButton(
            self.tr("Delete the logins file and start again"), QMessageBox.ButtonRole.DestructiveRole
        )
        delete.setObjectName("confirm_start_over")
        delete.setAccessibleName(delete.text())
        keep = box.addButton(self.tr("Keep trying"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keep_trying")
        keep.setAccessibleName(self.tr("Keep the file and type the passphrase again"))
        box.setDefaultButton(keep)  # Enter never deletes anything by accident
        box.setEscapeButton(keep)
        box.buttonClicked.connect(lambda button: self._answered(button is delete))
        self.confirm_box = box
        box.open()
        return box

    def _answered(self, confirmed: bool) -> None:
        if confirmed:
            self.passphrase_edit.clear()
            self.start_over.emit()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Unlock your logins"))
        self.title_label.setText(self.tr("Unlock your logins"))
        self.intro_label.setText(
            self.tr(
                "Your logins are kept in a file on this computer, locked by the passphrase you chose. Type "
                "it to publish and read your messages; it is asked once each time CM Desktop opens."
            )
        )
        self.intro_label.setAccessibleName(self.intro_label.text())
        self.passphrase_label.setText(self.tr("&Passphrase:"))
        self.passphrase_edit.setAccessibleName(self.tr("Passphrase"))
        self.show_box.setText(self.tr("&Show what I type"))
        self.show_box.setAccessibleName(self.tr("Show the passphrase as I type it"))
        self.forgot_button.setText(
            self.tr("&Start again…") if self.damaged else self.tr("I &forgot my passphrase…")
        )
        self.forgot_button.setAccessibleName(
            self.tr("Start again with a new passphrase")
            if self.damaged
            else self.tr("I forgot my passphrase: what can I do?")
        )
        self.unlock_button.setText(self.tr("&Unlock"))
        self.unlock_button.setAccessibleName(self.tr("Unlock my logins"))
        self.later_button.setText(self.tr("Not now"))
        self.later_button.setAccessibleName(self.tr("Not now: posts wait until the logins are unlocked"))
        self.status.retranslate()
