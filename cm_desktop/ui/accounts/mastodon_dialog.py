"""Connect Mastodon: the server's name, then the browser (or, on servers before 4.3, a pasted code).

Three steps in one window: the server; "your browser opens…" while the sign-in waits off the GUI thread
(Cancel stops the wait at once); the paste-the-code fallback. Network work runs on the task runner
(cm_desktop.services.accounts); the browser is opened on the GUI thread, through the ``open_url`` given.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core.i18n import Lang
from cm_desktop.networks.mastodon import ServerNameError, normalise_server
from cm_desktop.networks.oauth import OobAttempt
from cm_desktop.services.accounts import (
    BROWSER_TIMEOUT_S,
    Cancellation,
    Cancelled,
    MastodonSignIn,
    explain,
    save_mastodon,
    start_mastodon,
)
from cm_desktop.ui.accounts.feedback import StatusLine, focus_all, known_or_logged, plain_label
from cm_desktop.ui.reflow import ScrollBody, fit_height
from cm_desktop.ui.tasks import TaskRunner

SERVER, BROWSER, CODE = range(3)


CONTENT_WIDTH = 520  # logical pixels: room for the explanations without a very tall window


class _AddressRow(QWidget):
    """The sign-in address, shown so that it can be copied when no browser opened by itself."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.edit = QLineEdit()
        self.edit.setObjectName(f"{name}_address")
        self.edit.setReadOnly(True)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName(f"{name}_copy")
        self.copy_button.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.copy_button)
        self.copy_button.clicked.connect(self.copy)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.edit.text())

    def set_address(self, url: str) -> None:
        self.edit.setText(url)
        self.edit.setCursorPosition(0)


class MastodonDialog(QDialog):
    connected = Signal(object)  # the saved Account
    _open_requested = Signal(str)  # from the sign-in's thread to the GUI thread

    def __init__(
        self,
        store: Any,
        runner: TaskRunner,
        secrets: Any,
        open_url: Callable[[QUrl], bool],
        lang: Callable[[], Lang],
        *,
        server: str = "",
        browser_timeout: float = BROWSER_TIMEOUT_S,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mastodon_dialog")
        self.store, self.runner, self.secrets = store, runner, secrets
        self._open_url, self._lang, self._browser_timeout = open_url, lang, browser_timeout
        self.busy = False
        self._cancellation: Cancellation | None = None
        self._close_when_idle = False
        self._sign_in: MastodonSignIn | None = None
        self._attempt: OobAttempt | None = None
        self._to_code = False  # the browser wait was stopped to paste a code instead

        # Step 1: the server.
        self.server_intro = plain_label("mastodon_server_intro")
        self.server_browser_note = plain_label("mastodon_browser_note")
        self.server_edit = QLineEdit(server)
        self.server_edit.setObjectName("mastodon_server")
        self.server_edit.setPlaceholderText("mastodon.social")
        self.server_label = QLabel()
        self.server_label.setBuddy(self.server_edit)
        server_page = QWidget()
        server_form = QFormLayout()
        server_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        server_form.addRow(self.server_label, self.server_edit)
        column = QVBoxLayout(server_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.server_intro)
        column.addWidget(self.server_browser_note)
        column.addSpacing(4)
        column.addLayout(server_form)
        column.addStretch(1)

        # Step 2: waiting for the browser.
        self.browser_title = plain_label("mastodon_browser_title")
        font = self.browser_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.browser_title.setFont(font)
        self.browser_steps = plain_label("mastodon_browser_steps")
        self.browser_fallback = plain_label("mastodon_browser_fallback")
        self.browser_address = _AddressRow("mastodon_browser")
        browser_page = QWidget()
        column = QVBoxLayout(browser_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.browser_title)
        column.addWidget(self.browser_steps)
        column.addSpacing(6)
        column.addWidget(self.browser_fallback)
        column.addWidget(self.browser_address)
        # Every server also takes a pasted code: the way out when the browser's answer never comes back.
        self.use_code_button = QPushButton()
        self.use_code_button.setObjectName("mastodon_use_code")
        self.use_code_button.setAutoDefault(False)
        self.use_code_button.clicked.connect(self.use_code_instead)
        column.addWidget(self.use_code_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)

        # Step 3: servers before 4.3 show a code to paste.
        self.code_intro = plain_label("mastodon_code_intro")
        self.code_steps = plain_label("mastodon_code_steps")
        self.open_page_button = QPushButton()
        self.open_page_button.setObjectName("mastodon_open_sign_in")
        self.open_page_button.setAutoDefault(False)
        self.code_address = _AddressRow("mastodon_code")
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("mastodon_code")
        self.code_label = QLabel()
        self.code_label.setBuddy(self.code_edit)
        code_page = QWidget()
        code_form = QFormLayout()
        code_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        code_form.addRow(self.code_label, self.code_edit)
        column = QVBoxLayout(code_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.code_intro)
        column.addWidget(self.code_steps)
        column.addWidget(self.open_page_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.code_address)
        column.addSpacing(4)
        column.addLayout(code_form)
        column.addStretch(1)

        # One step shown at a time; hidden steps take no room (a stacked widget would be as tall as the
        # tallest one).
        self.steps = QWidget()
        self.steps.setObjectName("mastodon_steps")
        self._pages = (server_page, browser_page, code_page)
        self._step = SERVER
        steps_layout = QVBoxLayout(self.steps)
        steps_layout.setContentsMargins(0, 0, 0, 0)
        for page in self._pages:
            steps_layout.addWidget(page)
        self.status = StatusLine(lang, "mastodon_status")
        self.buttons = QDialogButtonBox()
        self.next_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.next_button.setObjectName("mastodon_next")
        self.next_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("mastodon_cancel")
        # Enter never cancels, even when Cancel had the focus while the window was busy.
        self.cancel_button.setAutoDefault(False)

        body = QWidget()
        body.setObjectName("mastodon_body")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 20, 24, 8)
        layout.setSpacing(10)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.status)
        # The window grows with its texts (an error, the next step) up to the screen's height; past that
        # they scroll, and the buttons stay in view.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 24, 16)
        outer.addWidget(ScrollBody(body), 1)
        outer.addWidget(self.buttons)
        self.steps.setMinimumWidth(CONTENT_WIDTH)
        self.status.changed.connect(self.refit)

        self._open_requested.connect(self._open_in_browser)
        self.open_page_button.clicked.connect(self._open_code_page)
        self.buttons.accepted.connect(self.next_step)
        self.buttons.rejected.connect(self.reject)
        self._show_step(SERVER)
        self.retranslate()
        self.server_edit.setFocus()

    @property
    def step(self) -> int:
        return self._step

    def _show_step(self, step: int) -> None:
        self._step = step
        for index, page in enumerate(self._pages):
            page.setVisible(index == step)
        # While the browser is used there is nothing to click but Cancel.
        self.next_button.setVisible(step != BROWSER)
        self.retranslate()
        focus = {SERVER: self.server_edit, CODE: self.code_edit}.get(step, self.cancel_button)
        focus.setFocus()

    # --- step 1: the server --------------------------------------------------------------------------------

    def next_step(self) -> None:
        if self.busy:
            return
        if self.step == CODE:
            self._finish_with_code()
            return
        typed = self.server_edit.text()
        try:
            normalise_server(typed)  # a typing mistake is said at once, without a request
        except ServerNameError as exc:
            self.status.fail(explain(exc))
            focus_all(self.server_edit)
            return
        self._set_busy(True)
        self.status.busy(lambda: self.tr("Checking the server…"))
        cancellation = self._cancellation = Cancellation()
        secrets = self.secrets
        self.runner.run(
            lambda: start_mastodon(secrets, typed, cancellation=cancellation),
            self._server_ready,
            self._failed,
        )

    def _server_ready(self, sign_in: MastodonSignIn) -> None:
        self._sign_in = sign_in
        if self._close_when_idle:
            self._set_busy(False)
            self._close()
            return
        if sign_in.flow == "loopback":
            self._wait_for_browser(sign_in)
            return
        self._set_busy(False)
        self._attempt = sign_in.copy_paste(lang=self._lang())  # no request: an address to open
        self.code_address.set_address(self._attempt.url)
        self.status.clear()
        self._show_step(CODE)
        self._open_code_page()

    # --- step 2: the browser -------------------------------------------------------------------------------

    def _wait_for_browser(self, sign_in: MastodonSignIn) -> None:
        self.browser_address.set_address("")
        self._show_step(BROWSER)
        self.status.busy(lambda: self.tr("Waiting for your approval in the browser…"))
        cancellation = self._cancellation or Cancellation()
        self._cancellation = cancellation
        store, secrets, lang, timeout = self.store, self.secrets, self._lang(), self._browser_timeout
        request_open = self._open_requested.emit  # safe from any thread: queued to the GUI thread

        def work() -> Any:
            token = sign_in.token_in_browser(
                lambda url: request_open(url), cancellation=cancellation, lang=lang, timeout=timeout
            )
            return save_mastodon(store, secrets, sign_in.server_url, token, cancellation=cancellation)

        self.runner.run(work, self._done, self._failed)

    def _open_in_browser(self, url: str) -> None:
        self.browser_address.set_address(url)
        if not self._open_url(QUrl(url)):
            self.status.busy(
                lambda: self.tr("No browser could be opened. Copy the address above into your browser.")
            )

    def use_code_instead(self) -> None:
        """Stop waiting for the browser; the server shows a code to paste instead."""
        sign_in = self._sign_in
        if sign_in is None:
            return
        self._to_code = True  # the browser wait now ends as "cancelled": not a reason to close
        if self._cancellation is not None:
            self._cancellation.cancel()
        self._set_busy(False)
        self._attempt = sign_in.copy_paste(lang=self._lang())  # no request: an address to open
        self.code_address.set_address(self._attempt.url)
        self.status.clear()
        self._show_step(CODE)
        self._open_code_page()

    # --- step 3: the pasted code ---------------------------------------------------------------------------

    def _open_code_page(self) -> None:
        if self._attempt is not None and not self._open_url(QUrl(self._attempt.url)):
            self.status.note(
                lambda: self.tr("No browser could be opened. Copy the address above into your browser.")
            )

    def _finish_with_code(self) -> None:
        sign_in, attempt = self._sign_in, self._attempt
        if sign_in is None or attempt is None:
            return
        pasted = self.code_edit.text()
        if not pasted.strip():
            self.status.fail_words(lambda: self.tr("Paste the code shown by your server."))
            focus_all(self.code_edit)
            return
        self._set_busy(True)
        self.status.busy(lambda: self.tr("Connecting to Mastodon…"))
        cancellation = self._cancellation = Cancellation()
        store, secrets = self.store, self.secrets

        def work() -> Any:
            token = sign_in.token_from_code(attempt, pasted)
            return save_mastodon(store, secrets, sign_in.server_url, token, cancellation=cancellation)

        self.runner.run(work, self._done, self._failed)

    # --- outcome -------------------------------------------------------------------------------------------

    def _done(self, account: Any) -> None:
        self._set_busy(False)
        self.status.clear()
        self._release()
        self.connected.emit(account)
        super().accept()

    def _failed(self, error: BaseException) -> None:
        known = known_or_logged(error, "connecting a Mastodon account")
        if isinstance(known, Cancelled) and self._to_code and not self._close_when_idle:
            self._to_code = False  # the browser wait we stopped to paste a code instead
            return
        self._set_busy(False)
        if isinstance(known, Cancelled) or self._close_when_idle:
            self._close()
            return
        self.status.fail(known)
        if self.step == CODE and self._sign_in is not None:
            focus_all(self.code_edit)  # another code can be pasted for the same attempt
            return
        if self.step == BROWSER and self._sign_in is not None:
            # The browser's answer did not come: the code is the way that always works.
            self.use_code_button.setFocus()
            return
        # Back to the server, as typed: the person corrects it or tries again.
        self._release()
        self._show_step(SERVER)
        self.status.fail(known)
        focus_all(self.server_edit)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.server_edit.setEnabled(not busy)
        self.code_edit.setEnabled(not busy)
        self.next_button.setEnabled(not busy)
        if not busy:
            self._cancellation = None

    def _release(self) -> None:
        sign_in, self._sign_in, self._attempt = self._sign_in, None, None
        if sign_in is not None:
            sign_in.close()

    def _close(self) -> None:
        self._close_when_idle = False
        self.status.clear()
        self._release()
        super().reject()

    def reject(self) -> None:
        """Cancel (or Escape): stop the sign-in (the browser wait ends at once), then close."""
        if self.busy:
            self._close_when_idle = True
            if self._cancellation is not None:
                self._cancellation.cancel()
            self.status.busy(lambda: self.tr("Stopping…"))
            return
        self._close()

    def refit(self) -> None:
        if self.isVisible():
            fit_height(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_height(self)

    # --- words ---------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Connect Mastodon"))
        self.server_intro.setText(
            self.tr(
                "Mastodon is made of many servers. Type the address of yours: it is the part after the "
                "second @ in your full name, for example mastodon.social for @you@mastodon.social."
            )
        )
        self.server_browser_note.setText(
            self.tr(
                "Your browser then opens your server's page, where you sign in and approve CM Desktop. "
                "Your password is typed there, never in CM Desktop."
            )
        )
        self.server_label.setText(self.tr("&Server:"))
        self.server_edit.setAccessibleName(self.tr("Your Mastodon server"))
        self.server_edit.setAccessibleDescription(
            self.tr("For example mastodon.social, or your full name @you@mastodon.social")
        )
        self.browser_title.setText(self.tr("Your browser opens…"))
        self.browser_steps.setText(
            self.tr(
                "Sign in on your server's page and click “Authorise” to let CM Desktop publish for you. "
                "This window goes on by itself once you have approved."
            )
        )
        self.browser_fallback.setText(self.tr("If your browser did not open, copy this address into it:"))
        self.use_code_button.setText(self.tr("Paste a code instead…"))
        self.use_code_button.setAccessibleName(self.tr("Paste a code instead of waiting for the browser"))
        self.use_code_button.setToolTip(
            self.tr("Your server then shows a code to copy here: useful when the browser does not come back.")
        )
        self.code_intro.setText(
            self.tr(
                "Your server runs an older version of Mastodon: instead of coming back to CM Desktop by "
                "itself, it shows a code."
            )
        )
        self.code_steps.setText(
            self.tr(
                "1. Open the sign-in page (your browser should have opened it already).\n"
                "2. Sign in and click “Authorise”.\n"
                "3. Copy the code shown and paste it below."
            )
        )
        self.open_page_button.setText(self.tr("&Open the sign-in page"))
        self.open_page_button.setAccessibleName(self.tr("Open the sign-in page in your browser"))
        self.code_label.setText(self.tr("Co&de:"))
        self.code_edit.setAccessibleName(self.tr("Code shown by your server"))
        for row in (self.browser_address, self.code_address):
            row.edit.setAccessibleName(self.tr("Sign-in address"))
            row.copy_button.setText(self.tr("Cop&y"))
            row.copy_button.setAccessibleName(self.tr("Copy the sign-in address"))
        self.next_button.setText(self.tr("&Connect") if self.step == CODE else self.tr("C&ontinue"))
        self.next_button.setAccessibleName(
            self.tr("Connect with this code") if self.step == CODE else self.tr("Continue to the sign-in")
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the connection"))
        self.status.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
