"""Connect Bluesky: a handle and an app password (explained, with the link to make one), an optional own server.

The format of the app password and of the handle is checked here before any request; the login itself runs
on the task runner (cm_desktop.services.accounts.connect_bluesky). On an error, what was typed stays.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core.i18n import Lang
from cm_desktop.core.ports import NetworkError
from cm_desktop.networks.bluesky import APP_PASSWORDS_URL, check_app_password, normalise_handle
from cm_desktop.services.accounts import Cancellation, Cancelled, connect_bluesky, explain
from cm_desktop.ui.accounts.feedback import StatusLine, focus_all, known_or_logged, plain_label
from cm_desktop.ui.reflow import ScrollBody, fit_height
from cm_desktop.ui.tasks import TaskRunner

# Hosts of Bluesky's own servers: a reconnection does not show them as the person's "own server".
_BLUESKY_HOSTS = ("bsky.social", ".bsky.network", ".bsky.app")


def own_server_of(server_url: str) -> str:
    """The service address to prefill when reconnecting: empty for accounts hosted by Bluesky itself."""
    from urllib.parse import urlsplit

    host = (urlsplit(server_url).hostname or "").lower()
    if not host or host == "bsky.social" or host.endswith(_BLUESKY_HOSTS):
        return ""
    return server_url


CONTENT_WIDTH = 520  # logical pixels: room for the explanations without a very tall window


class BlueskyDialog(QDialog):
    connected = Signal(object)  # the saved Account

    def __init__(
        self,
        store: Any,
        runner: TaskRunner,
        secrets: Any,
        open_url: Callable[[QUrl], bool],
        lang: Callable[[], Lang],
        *,
        plc_url: str | None = None,
        handle: str = "",
        service_url: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bluesky_dialog")
        self.store, self.runner, self.secrets = store, runner, secrets
        self._open_url, self._lang, self._plc_url = open_url, lang, plc_url
        self.busy = False
        self._cancellation: Cancellation | None = None
        self._close_when_idle = False

        self.intro_label = plain_label("bluesky_intro")
        self.steps_label = plain_label("bluesky_steps")
        self.link_button = QPushButton()
        self.link_button.setObjectName("app_passwords_link")
        self.link_button.setAutoDefault(False)
        self.link_address = plain_label("app_passwords_address")
        self.link_address.setText(APP_PASSWORDS_URL)
        self.link_address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.handle_edit = QLineEdit(handle)
        self.handle_edit.setObjectName("bluesky_handle")
        self.handle_edit.setPlaceholderText("name.bsky.social")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("bluesky_app_password")
        self.password_edit.setPlaceholderText("xxxx-xxxx-xxxx-xxxx")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_password = QCheckBox()
        self.show_password.setObjectName("show_app_password")
        self.handle_label = QLabel()
        self.handle_label.setBuddy(self.handle_edit)
        self.password_label = QLabel()
        self.password_label.setBuddy(self.password_edit)

        self.advanced_box = QCheckBox()
        self.advanced_box.setObjectName("bluesky_advanced")
        self.service_edit = QLineEdit(service_url)
        self.service_edit.setObjectName("bluesky_service")
        self.service_edit.setPlaceholderText("https://pds.example.com")
        self.service_label = QLabel()
        self.service_label.setBuddy(self.service_edit)
        self.service_hint = plain_label("bluesky_service_hint")

        # One form, so that the labels of the optional server field line up with the others.
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.handle_label, self.handle_edit)
        self.form.addRow(self.password_label, self.password_edit)
        self.form.addRow("", self.show_password)
        self.form.addRow(self.advanced_box)
        self.form.addRow(self.service_label, self.service_edit)
        self.form.addRow("", self.service_hint)
        self._advanced_rows = (self.form.rowCount() - 2, self.form.rowCount() - 1)

        self.status = StatusLine(lang, "bluesky_status")
        self.buttons = QDialogButtonBox()
        self.connect_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setObjectName("bluesky_connect")
        self.connect_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("bluesky_cancel")
        # Enter never cancels, even when Cancel had the focus while the window was busy.
        self.cancel_button.setAutoDefault(False)

        body = QWidget()
        body.setObjectName("bluesky_body")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 20, 24, 8)
        layout.setSpacing(10)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.steps_label)
        layout.addWidget(self.link_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.link_address)
        layout.addSpacing(4)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        # The window grows with its texts (an error, the advanced field) up to the screen's height; past
        # that they scroll, and the buttons stay in view.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 24, 16)
        outer.addWidget(ScrollBody(body), 1)
        outer.addWidget(self.buttons)
        self.intro_label.setMinimumWidth(CONTENT_WIDTH)
        self.status.changed.connect(self.refit)

        self.advanced_box.setChecked(bool(service_url))
        self._show_advanced(bool(service_url))
        self.advanced_box.toggled.connect(self._toggle_advanced)
        self.show_password.toggled.connect(
            lambda on: self.password_edit.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        self.link_button.clicked.connect(self.open_app_passwords_page)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        (self.password_edit if handle else self.handle_edit).setFocus()

    def _show_advanced(self, on: bool) -> None:
        for row in self._advanced_rows:
            self.form.setRowVisible(row, on)

    def _toggle_advanced(self, on: bool) -> None:
        self._show_advanced(on)
        if on:
            self.service_edit.setFocus()
        self.refit()

    def open_app_passwords_page(self) -> None:
        if not self._open_url(QUrl(APP_PASSWORDS_URL)):
            self.status.note(
                lambda: self.tr("No browser could be opened. Copy the address above into your browser.")
            )

    # --- connecting ----------------------------------------------------------------------------------------

    def start(self) -> None:
        """Check what was typed, then log in off the GUI thread."""
        if self.busy:
            return
        handle = self.handle_edit.text()
        password = self.password_edit.text()
        service = self.service_edit.text().strip() if self.advanced_box.isChecked() else ""
        # Format checks before any request: a main password never leaves this computer.
        if not self._input_is_ready(handle, password, service):
            return
        self._set_busy(True)
        self.status.busy(lambda: self.tr("Connecting to Bluesky…"))
        cancellation = self._cancellation = Cancellation()
        store, secrets, plc_url = self.store, self.secrets, self._plc_url

        def work() -> Any:
            return connect_bluesky(
                store, secrets, handle, password, service or None, plc_url, cancellation=cancellation
            )

        self.runner.run(work, self._done, self._failed)

    def _input_is_ready(self, handle: str, password: str, service: str) -> bool:
        if service and not service.lower().startswith(("https://", "http://")):
            self.status.fail_words(lambda: self.tr("Type your server's full address, starting with https://"))
            focus_all(self.service_edit)
            return False
        if not handle.strip():
            self.status.fail_words(lambda: self.tr("Type your Bluesky handle, for example name.bsky.social."))
            focus_all(self.handle_edit)
            return False
        checks: tuple[tuple[QLineEdit, Callable[[], object]], ...] = (
            (
                self.handle_edit,
                lambda: normalise_handle(handle, default_domain=None if service else "bsky.social"),
            ),
            (self.password_edit, lambda: check_app_password(password)),
        )
        for field, check in checks:
            try:
                check()
            except NetworkError as exc:
                self.status.fail(explain(exc))
                focus_all(field)
                return False
        return True

    def _done(self, account: Any) -> None:
        self._set_busy(False)
        self.status.clear()
        self.connected.emit(account)
        super().accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        known = known_or_logged(error, "connecting a Bluesky account")
        if isinstance(known, Cancelled) or self._close_when_idle:
            self.status.clear()
            super().reject()
            return
        self.status.fail(known)
        # A refused login is most often the app password; anything else, start from the handle.
        wrong_password = known is not None and known.code in ("wrong_login", "app_password_format")
        focus_all(self.password_edit if wrong_password else self.handle_edit)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (
            self.handle_edit,
            self.password_edit,
            self.service_edit,
            self.advanced_box,
            self.connect_button,
            self.show_password,
        ):
            widget.setEnabled(not busy)
        if not busy:
            self._close_when_idle = False
            self._cancellation = None

    def reject(self) -> None:
        """Cancel (or Escape): while logging in, stop before anything is saved, then close."""
        if self.busy and self._cancellation is not None:
            self._cancellation.cancel()
            self._close_when_idle = True
            self.status.busy(lambda: self.tr("Stopping…"))
            return
        super().reject()

    def refit(self) -> None:
        if self.isVisible():
            fit_height(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        fit_height(self)

    # --- words ---------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Connect Bluesky"))
        self.intro_label.setText(
            self.tr(
                "CM Desktop publishes on Bluesky with an app password: a separate password that you create "
                "in Bluesky for one app, and can withdraw at any time. Never type your main Bluesky "
                "password here."
            )
        )
        self.steps_label.setText(
            self.tr(
                "1. Open Bluesky's app passwords page and sign in.\n"
                "2. Choose “Add App Password”, name it “CM Desktop”, and copy the password shown "
                "(it looks like xxxx-xxxx-xxxx-xxxx).\n"
                "3. Paste it below, with your Bluesky handle."
            )
        )
        self.link_button.setText(self.tr("&Open Bluesky's app passwords page"))
        self.link_button.setAccessibleName(self.tr("Open Bluesky's app passwords page in your browser"))
        self.link_address.setAccessibleName(self.tr("Address of the app passwords page"))
        self.handle_label.setText(self.tr("&Handle:"))
        self.handle_edit.setAccessibleName(self.tr("Bluesky handle"))
        self.handle_edit.setAccessibleDescription(self.tr("For example name.bsky.social"))
        self.password_label.setText(self.tr("&App password:"))
        self.password_edit.setAccessibleName(self.tr("App password"))
        self.password_edit.setAccessibleDescription(self.tr("Four groups of four letters or digits"))
        self.show_password.setText(self.tr("&Show the app password"))
        self.show_password.setAccessibleName(self.tr("Show the app password"))
        self.advanced_box.setText(self.tr("Ad&vanced: I use my own server"))
        self.advanced_box.setAccessibleName(self.tr("Advanced: I use my own server"))
        self.service_label.setText(self.tr("Server a&ddress:"))
        self.service_edit.setAccessibleName(self.tr("Address of your own Bluesky server"))
        self.service_hint.setText(
            self.tr("Only if you host your own Bluesky server (a PDS). Leave it empty otherwise.")
        )
        self.connect_button.setText(self.tr("&Connect"))
        self.connect_button.setAccessibleName(self.tr("Connect this Bluesky account"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.status.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
