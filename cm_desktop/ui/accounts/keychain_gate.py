"""Before any connect form: can a login be kept here? If not, say what to do before the person types anything.

`KeychainGate.before_form(parent, proceed)` asks `Secrets.readiness()` on the task runner (it may wait on
D-Bus), then either calls `proceed` (the form opens) or shows, over `parent`:

- no keychain: what to install for this desktop, "Try again", and the encrypted file as the choice below;
- a locked keychain: how to unlock it, "Try again";
- the encrypted file in use and locked: its passphrase (once per app session);
- the encrypted file chosen but gone (forgotten): a new passphrase.

Choosing the file is remembered by `remember_choice` (the app's settings); `Secrets` then uses it. The gate
also answers `needed()`: a login was wanted while the file was locked (the outbox, the inbox): the passphrase
is asked once, over the main window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from cm_desktop.core.i18n import Lang
from cm_desktop.platform.secrets import (
    LOGIN_FILE_CHOICE,
    KeychainState,
    LoginFileDamaged,
    Readiness,
    Secrets,
    desktop_family,
    keychain_advice,
)
from cm_desktop.ui.accounts.feedback import known_or_logged
from cm_desktop.ui.accounts.keychain_dialogs import ChoosePassphraseDialog, NoKeychainDialog, UnlockDialog
from cm_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class KeychainGate(QObject):
    ready = Signal()  # logins can be kept and read now (after a choice, an unlock, a keychain that came back)
    checked = Signal(object)  # the Readiness found by each check

    def __init__(
        self,
        runner: TaskRunner,
        secrets: Secrets,
        lang: Callable[[], Lang],
        *,
        new_login_file: Callable[[], Any] | None = None,
        remember_choice: Callable[[str], None] | None = None,
        family: Callable[[], str] = desktop_family,
        parent: QObject | None = None,
    ) -> None:
        """`new_login_file`: makes the encrypted file's backend (in the data folder); without it the file is
        not offered. `remember_choice`: saves where logins are kept (Settings.login_store)."""
        super().__init__(parent)
        self.runner, self.secrets, self._lang = runner, secrets, lang
        self._new_login_file, self._remember = new_login_file, remember_choice
        self._family = family
        self.last: Readiness | None = None
        self.no_keychain: NoKeychainDialog | None = None
        self.choose: ChoosePassphraseDialog | None = None
        self.unlock: UnlockDialog | None = None
        self._parent: QWidget | None = None
        self._proceed: Callable[[], None] | None = None
        self._asked_by_itself = False  # the passphrase is asked by itself once per session

    # --- checking ---------------------------------------------------------------------------------------

    def check(self, then: Callable[[Readiness], None]) -> None:
        """Readiness off the GUI thread, then `then(readiness)` on it (also emitted as `checked`)."""
        secrets = self.secrets

        def failed(error: BaseException) -> None:
            log.error("checking the keychain failed", exc_info=error)
            self._checked(Readiness.NO_KEYCHAIN, then)

        self.runner.run(secrets.readiness, lambda readiness: self._checked(readiness, then), failed)

    def _checked(self, readiness: Readiness, then: Callable[[Readiness], None]) -> None:
        self.last = readiness
        self.checked.emit(readiness)
        then(readiness)

    def advice(self, readiness: Readiness) -> str:
        """The sentence for this desktop (empty when nothing is wrong with the system keychain)."""
        if readiness is Readiness.NO_KEYCHAIN:
            return keychain_advice(KeychainState.NONE, self._family(), self._lang())
        if readiness is Readiness.KEYCHAIN_LOCKED:
            return keychain_advice(KeychainState.LOCKED, self._family(), self._lang())
        return ""

    def before_form(self, parent: QWidget, proceed: Callable[[], None]) -> None:
        """Open the form with `proceed` once a login can be kept; until then, say what to do over `parent`."""
        self._parent, self._proceed = parent, proceed
        self.check(self._route)

    def needed(self, parent: QWidget) -> None:
        """A login was needed while the file was locked: ask the passphrase over `parent`, once per session
        by itself (after "Not now", the Accounts page and the connect buttons still offer it)."""
        if self._asked_by_itself or self._open_dialog() is not None or self.secrets.login_file is None:
            return
        self._asked_by_itself = True
        self.before_form(parent, lambda: None)

    def _route(self, readiness: Readiness) -> None:
        if readiness is Readiness.READY:
            self._close_no_keychain()
            self._go_on()
        elif readiness in (Readiness.NO_KEYCHAIN, Readiness.KEYCHAIN_LOCKED):
            self._show_no_keychain(readiness)
        elif readiness is Readiness.FILE_LOCKED:
            self._show_unlock()
        else:
            self._show_choose(starting_over=True)

    def _go_on(self) -> None:
        proceed, self._proceed = self._proceed, None
        self.ready.emit()
        if proceed is not None:
            proceed()

    def _open_dialog(self) -> QWidget | None:
        for dialog in (self.no_keychain, self.choose, self.unlock):
            if dialog is not None and dialog.isVisible():
                return dialog
        return None

    # --- no keychain ------------------------------------------------------------------------------------

    def _show_no_keychain(self, readiness: Readiness) -> None:
        offer_file = readiness is Readiness.NO_KEYCHAIN and self._new_login_file is not None
        dialog = self.no_keychain
        if dialog is not None and dialog.isVisible():
            dialog.still_missing(
                lambda: self.advice(readiness), offer_file, readiness is Readiness.KEYCHAIN_LOCKED
            )
            return
        dialog = NoKeychainDialog(
            lambda: self.advice(readiness),
            self._lang,
            offer_file=offer_file,
            locked=readiness is Readiness.KEYCHAIN_LOCKED,
            parent=self._parent,
        )
        dialog.retry_requested.connect(lambda: self.check(self._route))
        dialog.file_chosen.connect(self._file_chosen)
        self.no_keychain = dialog
        dialog.open()
        dialog.refit()

    def _close_no_keychain(self) -> None:
        if self.no_keychain is not None and self.no_keychain.isVisible():
            self.no_keychain.accept()

    def _file_chosen(self) -> None:
        self._close_no_keychain()
        self._show_choose(starting_over=False)

    # --- choosing the passphrase ------------------------------------------------------------------------

    def _show_choose(self, *, starting_over: bool) -> None:
        dialog = ChoosePassphraseDialog(self._lang, starting_over=starting_over, parent=self._parent_widget())
        dialog.chosen.connect(lambda passphrase: self._create(dialog, passphrase))
        self.choose = dialog
        dialog.open()
        dialog.refit()

    def _create(self, dialog: ChoosePassphraseDialog, passphrase: str) -> None:
        login_file = self.secrets.login_file
        if login_file is None:
            assert self._new_login_file is not None
            login_file = self._new_login_file()

        def work() -> Any:
            login_file.create(passphrase)
            return login_file

        def done(created: Any) -> None:
            self.secrets.use(created)
            if self._remember is not None:
                self._remember(LOGIN_FILE_CHOICE)
            self.last = Readiness.READY
            dialog.done_creating()
            self._go_on()

        self.runner.run(
            work, done, lambda error: dialog.failed(known_or_logged(error, "creating the logins file"))
        )

    # --- unlocking --------------------------------------------------------------------------------------

    def _show_unlock(self) -> None:
        if self.unlock is not None and self.unlock.isVisible():
            self.unlock.raise_()
            return
        dialog = UnlockDialog(self._lang, parent=self._parent_widget())
        dialog.entered.connect(lambda passphrase: self._unlock(dialog, passphrase))
        dialog.start_over.connect(lambda: self._start_over(dialog))
        self.unlock = dialog
        dialog.open()
        dialog.refit()

    def _unlock(self, dialog: UnlockDialog, passphrase: str) -> None:
        login_file = self.secrets.login_file
        assert login_file is not None

        def failed(error: BaseException) -> None:
            known = known_or_logged(error, "unlocking the logins file")
            if isinstance(error, LoginFileDamaged):
                dialog.file_damaged(known)
            else:
                dialog.wrong(known)

        def done(_: Any) -> None:
            self.last = Readiness.READY
            dialog.unlocked()
            self._go_on()

        self.runner.run(lambda: login_file.unlock(passphrase), done, failed)

    def _start_over(self, dialog: UnlockDialog) -> None:
        """Delete the logins file only (posts, drafts and accounts stay), then choose a new passphrase."""
        login_file = self.secrets.login_file
        assert login_file is not None

        def done(_: Any) -> None:
            dialog.accept()
            self._show_choose(starting_over=True)

        self.runner.run(
            login_file.forget,
            done,
            lambda error: dialog.wrong(known_or_logged(error, "deleting the logins file")),
        )

    def _parent_widget(self) -> QWidget | None:
        return self._parent
