"""The Accounts page: connect Bluesky or Mastodon, and each connected account with its state in plain words.

Everything that touches the network, the keychain or the database runs on the task runner; the page only
words what comes back. ``accounts_changed`` is emitted after every connection, reconnection and removal.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core.i18n import Lang
from cm_desktop.services.accounts import (
    BROWSER_TIMEOUT_S,
    AccountRow,
    ConnectError,
    Removed,
    fetch_avatar,
    keychain_problem,
    list_accounts_with_status,
    remove_account,
)
from cm_desktop.ui.accounts.feedback import StatusLine, known_or_logged
from cm_desktop.ui.accounts.keychain_gate import KeychainGate
from cm_desktop.ui.accounts.row import AccountRowWidget
from cm_desktop.ui.colours import Role, css, tint
from cm_desktop.ui.icons import network_mark
from cm_desktop.ui.reflow import ContentScroll
from cm_desktop.ui.tasks import TaskRunner
from cm_desktop.ui.theme import make_body, make_title, scaled_font

if TYPE_CHECKING:
    # Imported when a form opens: they bring the networks' clients (httpcore, h11, anyio).
    from cm_desktop.ui.accounts.bluesky_dialog import BlueskyDialog
    from cm_desktop.ui.accounts.mastodon_dialog import MastodonDialog


class AccountsPage(QWidget):
    accounts_changed = Signal()
    rows_loaded = Signal()  # the list on screen matches the store (tests wait for it)

    def __init__(
        self,
        store: Any,
        runner: TaskRunner,
        secrets: Any,
        open_url: Callable[[QUrl], bool],
        lang: Callable[[], Lang],
        *,
        avatar_dir: Path | None = None,
        plc_url: str | None = None,
        browser_timeout: float = BROWSER_TIMEOUT_S,
        lock_path: Path | None = None,
        gate: KeychainGate | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """`lock_path`: the publisher's lock; removing an account waits for a run of the outbox to end.
        `gate`: checks, before any form, that a login can be kept (one of its own when not given)."""
        super().__init__(parent)
        self.setObjectName("page_accounts")
        self.store, self.runner, self.secrets, self.lock_path = store, runner, secrets, lock_path
        self._open_url, self._lang = open_url, lang
        self._avatar_dir, self._plc_url, self._browser_timeout = avatar_dir, plc_url, browser_timeout
        self.rows: list[AccountRowWidget] = []
        self.keychain_error: ConnectError | None = None
        self.bluesky_dialog: BlueskyDialog | None = None
        self.mastodon_dialog: MastodonDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self._generation = 0  # a newer refresh wins over an older one still running
        self.loaded = False

        self.title_label = QLabel()
        self.title_label.setObjectName("page_title")
        make_title(self.title_label)
        self.intro_label = QLabel()
        self.intro_label.setObjectName("accounts_intro")
        self.intro_label.setWordWrap(True)
        make_body(self.intro_label)
        self.keychain_label = QLabel()
        self.keychain_label.setObjectName("keychain_problem")
        self.keychain_label.setWordWrap(True)
        self.keychain_label.setTextFormat(Qt.TextFormat.PlainText)
        self._style_keychain_band()
        self.keychain_label.hide()
        self.gate = gate or KeychainGate(runner, secrets, lang, parent=self)
        self.gate.ready.connect(self.refresh)
        self.unlock_button = QPushButton()  # the encrypted file is locked: its passphrase, from here too
        self.unlock_button.setObjectName("unlock_logins_button")
        self.unlock_button.hide()
        self.bluesky_button = QPushButton()
        self.bluesky_button.setObjectName("connect_bluesky")
        self.mastodon_button = QPushButton()
        self.mastodon_button.setObjectName("connect_mastodon")
        for button, network in ((self.bluesky_button, "bluesky"), (self.mastodon_button, "mastodon")):
            button.setIcon(network_mark(network))
            button.setIconSize(QSize(20, 20))
            button.setMinimumHeight(34)
            button.setFont(scaled_font(button.font(), 1.05))
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.bluesky_button)
        buttons.addWidget(self.mastodon_button)
        buttons.addStretch(1)
        self.status = StatusLine(lang, "accounts_status")

        self.list_title = QLabel()
        self.list_title.setObjectName("accounts_list_title")
        font = self.list_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.list_title.setFont(font)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("accounts_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        content = QWidget()
        self.list_layout = QVBoxLayout(content)
        self.list_layout.setContentsMargins(0, 0, 8, 0)
        self.list_layout.setSpacing(8)
        self.list_layout.addWidget(self.empty_label)
        self.list_layout.addStretch(1)
        scroll = ContentScroll(name=QT_TRANSLATE_NOOP("Reflow", "Your accounts"))
        scroll.setObjectName("accounts_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 20)
        layout.setSpacing(10)
        layout.addWidget(self.title_label)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.keychain_label)
        layout.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addSpacing(6)
        layout.addWidget(self.list_title)
        layout.addWidget(scroll, 1)

        self.bluesky_button.clicked.connect(lambda: self.request_connect("bluesky"))
        self.mastodon_button.clicked.connect(lambda: self.request_connect("mastodon"))
        self.unlock_button.clicked.connect(lambda: self.gate.before_form(self, lambda: None))
        self.retranslate()
        # Listed when first shown (showEvent), not here: the listing asks the keychain, and keyring's
        # backends (SecretStorage, cryptography: ~10 MiB) need not load for a page not opened yet.

    # --- the list ------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the accounts and their state (keychain included) off the GUI thread."""
        self._generation += 1
        generation = self._generation
        store, secrets = self.store, self.secrets

        def work() -> tuple[list[AccountRow], ConnectError | None]:
            return list_accounts_with_status(store, secrets), keychain_problem(secrets)

        self.runner.run(
            work,
            lambda result: self._show_rows(generation, *result),
            lambda e: self._load_failed(generation, e),
        )

    def _show_rows(self, generation: int, rows: list[AccountRow], problem: ConnectError | None) -> None:
        if generation != self._generation:
            return
        for widget in self.rows:
            self.list_layout.removeWidget(widget)
            widget.deleteLater()
        self.rows = []
        for account in rows:
            widget = AccountRowWidget(account)
            widget.reconnect_clicked.connect(self.reconnect)
            widget.disconnect_clicked.connect(self.confirm_disconnect)
            self.list_layout.insertWidget(self.list_layout.count() - 1, widget)
            self.rows.append(widget)
        self.keychain_error = problem
        self.loaded = True
        self.retranslate()
        self._fetch_avatars()
        self.rows_loaded.emit()

    def _load_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.status.fail(known_or_logged(error, "listing the accounts"))

    def _fetch_avatars(self) -> None:
        cache = self._avatar_dir
        wanted = {row.account.avatar_url for row in self.rows if row.account.avatar_url}
        if cache is None or not wanted:
            return
        generation = self._generation

        def work() -> dict[str, Path | None]:
            return {url: fetch_avatar(url, cache) for url in sorted(wanted)}

        def show(found: dict[str, Path | None]) -> None:
            if generation != self._generation:
                return
            for row in self.rows:
                path = found.get(row.account.avatar_url)
                if path is not None:
                    row.set_avatar(path)

        def failed(error: BaseException) -> None:
            # A picture that cannot be fetched keeps the initial: nothing to tell the person (a bug is logged).
            known_or_logged(error, "fetching account pictures")

        self.runner.run(work, show, failed)

    def row_for(self, handle: str) -> AccountRowWidget | None:
        return next((row for row in self.rows if row.account.handle == handle), None)

    # --- connecting ----------------------------------------------------------------------------------------

    def request_connect(
        self,
        network: str,
        account: AccountRow | None = None,
        over: QWidget | None = None,
        opened: Callable[[Any], None] | None = None,
    ) -> None:
        """Check that a login can be kept here, then open the form (`opened` gets the dialog): a missing or
        locked keychain is said before anything is typed."""

        def form() -> None:
            dialog = (
                self.open_mastodon(account, over=over)
                if network == "mastodon"
                else self.open_bluesky(account, over=over)
            )
            if opened is not None:
                opened(dialog)

        self.gate.before_form(over or self, form)

    def open_bluesky(self, account: AccountRow | None = None, over: QWidget | None = None) -> BlueskyDialog:
        """The connection dialog; `over`: the window it opens on top of (the wizard), this page's otherwise."""
        from cm_desktop.ui.accounts.bluesky_dialog import BlueskyDialog, own_server_of

        if self.bluesky_dialog is not None and self.bluesky_dialog.busy:
            self.bluesky_dialog.raise_()
            return self.bluesky_dialog
        if self.bluesky_dialog is not None:
            self.bluesky_dialog.deleteLater()
        dialog = BlueskyDialog(
            self.store,
            self.runner,
            self.secrets,
            self._open_url,
            self._lang,
            plc_url=self._plc_url,
            handle=account.handle if account else "",
            service_url=own_server_of(account.server_url) if account else "",
            parent=over or self,
        )
        dialog.connected.connect(self._connected)
        self.bluesky_dialog = dialog
        dialog.open()
        return dialog

    def open_mastodon(self, account: AccountRow | None = None, over: QWidget | None = None) -> MastodonDialog:
        from cm_desktop.ui.accounts.mastodon_dialog import MastodonDialog

        if self.mastodon_dialog is not None and self.mastodon_dialog.busy:
            self.mastodon_dialog.raise_()
            return self.mastodon_dialog
        if self.mastodon_dialog is not None:
            self.mastodon_dialog.deleteLater()
        dialog = MastodonDialog(
            self.store,
            self.runner,
            self.secrets,
            self._open_url,
            self._lang,
            server=account.server_url if account else "",
            browser_timeout=self._browser_timeout,
            parent=over or self,
        )
        dialog.connected.connect(self._connected)
        self.mastodon_dialog = dialog
        dialog.open()
        return dialog

    def reconnect(self, account: AccountRow) -> None:
        self.request_connect(account.network, account)

    def _connected(self, account: Any) -> None:
        self.status.note(
            lambda: self.tr("%1 is connected.").replace("%1", str(account.display_name or account.handle))
        )
        self.refresh()
        self.accounts_changed.emit()

    # --- disconnecting -------------------------------------------------------------------------------------

    def confirm_disconnect(self, account: AccountRow) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("disconnect_confirm")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the handle comes from the server
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Disconnect %1").replace("%1", account.handle))
        box.setText(self.tr("Disconnect %1?").replace("%1", account.handle))
        box.setInformativeText(
            self.tr(
                "CM Desktop will forget this login and remove it from this computer's keychain. Posts "
                "waiting for this account will not be sent; the posts already published stay on the "
                "network and in your history. You can connect the account again at any time."
            )
        )
        disconnect = box.addButton(self.tr("Disconnect"), QMessageBox.ButtonRole.DestructiveRole)
        disconnect.setObjectName("confirm_disconnect")
        disconnect.setAccessibleName(self.tr("Disconnect %1").replace("%1", account.handle))
        keep = box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        keep.setObjectName("keep_account")
        keep.setAccessibleName(self.tr("Keep this account connected"))
        box.setDefaultButton(keep)  # Enter never removes anything by accident
        box.setEscapeButton(keep)
        box.buttonClicked.connect(lambda button: self._answered(account, button is disconnect))
        self.confirm_box = box
        box.open()
        return box

    def _answered(self, account: AccountRow, confirmed: bool) -> None:
        if not confirmed:
            return
        store, secrets, lock_path = self.store, self.secrets, self.lock_path
        self.status.busy(lambda: self.tr("Disconnecting %1…").replace("%1", account.handle))

        def remove() -> Removed | None:
            from cm_desktop.services.publishing import ending_connector

            # Its scheduled copies withdrawn and its login ended on the server, then forgotten here.
            return remove_account(
                store, secrets, account.id, connector_for=ending_connector(secrets), lock_path=lock_path
            )

        self.runner.run(remove, lambda removed: self._removed(account, removed), self._remove_failed)

    def _removed(self, account: AccountRow, removed: Removed | None) -> None:
        def sentence() -> str:
            done = self.tr("%1 is disconnected.").replace("%1", account.handle)
            left = removed.messages(self._lang()) if removed is not None else []
            return " ".join([done, *left])

        self.status.note(sentence)
        self.refresh()
        self.accounts_changed.emit()

    def _remove_failed(self, error: BaseException) -> None:
        self.status.fail(known_or_logged(error, "removing an account"))
        self.refresh()

    # --- words ---------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        lang = self._lang()
        self.title_label.setText(self.tr("Accounts"))
        self.intro_label.setText(
            self.tr(
                "Connect Bluesky and Mastodon here to publish on them straight from CM Desktop. Your "
                "logins stay locked on this computer: in its keychain, or in a file only your passphrase opens."
            )
        )
        self.bluesky_button.setText(self.tr("Connect &Bluesky"))
        self.bluesky_button.setAccessibleName(self.tr("Connect a Bluesky account"))
        self.mastodon_button.setText(self.tr("Connect &Mastodon"))
        self.mastodon_button.setAccessibleName(self.tr("Connect a Mastodon account"))
        self.list_title.setText(self.tr("Your accounts"))
        self.empty_label.setText(
            self.tr(
                "No account is connected yet. Connect Bluesky or Mastodon above: it takes a minute, "
                "and no developer account is needed."
            )
        )
        self.empty_label.setVisible(self.loaded and not self.rows)
        if self.keychain_error is not None:
            self.keychain_label.setText(self.keychain_error.message(lang))
            self.keychain_label.setAccessibleName(
                self.tr("Keychain problem: %1").replace("%1", self.keychain_label.text())
            )
        self.keychain_label.setVisible(self.keychain_error is not None)
        self.unlock_button.setText(self.tr("&Type my passphrase…"))
        self.unlock_button.setAccessibleName(self.tr("Type the passphrase of my logins file"))
        self.unlock_button.setVisible(
            self.keychain_error is not None and self.keychain_error.code == "PassphraseNeeded"
        )
        self.status.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._style_keychain_band()
        super().changeEvent(event)

    def _style_keychain_band(self) -> None:
        """A warning band: the palette's text on a soft amber, an amber border (light and dark alike)."""
        palette = self.palette()
        self.keychain_label.setStyleSheet(
            f"QLabel#keychain_problem {{ background: {tint(Role.CHECK, palette, 36)};"
            f" border: 1px solid {css(Role.CHECK, palette)}; border-radius: 6px; padding: 8px 12px; }}"
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The first listing, or again: a login may have been refused by a network since the page was last seen.
        self.refresh()
