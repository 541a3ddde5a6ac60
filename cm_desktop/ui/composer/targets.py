"""Where the post goes: one toggle per connected account, plus one per network published by hand (assisted).

A network with a connected account is offered through its account(s) only; the other networks stay
available in assisted mode (at the chosen time the app prepares the post and the person publishes it).
Targets are (network, account id or None) pairs; `selected()` gives the chosen networks, once each.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from cm_desktop.core.drafts import ConnectedAccount
from cm_desktop.core.models import AccountStatus
from cm_desktop.core.posts import NewTarget
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.icons import network_mark
from cm_desktop.ui.reflow import GAP, FlowLayout

TargetKey = tuple[str, int | None]  # (network, account id); None: published by hand
# A chosen target must be obvious at a glance, in light and dark.
STYLE = (
    "QToolButton { padding: 3px 9px; border: 1px solid palette(mid); border-radius: 5px; }"
    "QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);"
    " border-color: palette(highlight); }"
)


def shown_handle(account: ConnectedAccount) -> str:
    return "@" + account.handle.lstrip("@") if account.handle else account.display_name


class TargetSelector(QWidget):
    targets_changed = Signal(list)  # network names, in display order, once each

    def __init__(
        self,
        networks: Sequence[str],
        accounts: Sequence[ConnectedAccount] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("target_selector")
        self.setStyleSheet(STYLE)
        self._styled_dark: bool | None = None
        self.networks = tuple(networks)
        self.accounts: tuple[ConnectedAccount, ...] = ()
        self.label = QLabel()
        self.buttons_area = QWidget()
        self.buttons_area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._flow = FlowLayout(self.buttons_area, GAP)  # 8 px apart (DESIGN.md): room for the focus ring
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.buttons_area, 1)
        self.target_buttons: dict[TargetKey, QToolButton] = {}
        self._account_of: dict[TargetKey, ConnectedAccount] = {}
        self.set_accounts(accounts)

    # --- what is offered ------------------------------------------------------------------------------

    def set_accounts(self, accounts: Sequence[ConnectedAccount]) -> None:
        """Offer these accounts (and the other networks by hand); the choice made so far is kept."""
        wanted = self.selected_targets()
        self.accounts = tuple(a for a in accounts if a.network in self.networks)
        for button in self.target_buttons.values():
            self._flow.removeWidget(button)
            button.hide()  # gone from the screen now, deleted when the event loop next runs
            button.deleteLater()
        self.target_buttons, self._account_of = {}, {}
        with_account = {a.network for a in self.accounts}
        for network in self.networks:
            for account in (a for a in self.accounts if a.network == network):
                self._add((network, account.id), account)
            if network not in with_account:
                self._add((network, None), None)
        self.retranslate()
        self._select(wanted)

    def _add(self, key: TargetKey, account: ConnectedAccount | None) -> None:
        network, account_id = key
        button = QToolButton()
        button.setObjectName(f"target_{network}" if account_id is None else f"target_{network}_{account_id}")
        button.setCheckable(True)
        # The network's mark beside its name, as tall as the words (it grows with a large system font).
        button.setIcon(network_mark(network))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        side = button.fontMetrics().height()
        button.setIconSize(QSize(side, side))
        if account is not None:
            self._account_of[key] = account
        button.toggled.connect(self._emit)
        self.target_buttons[key] = button
        self._flow.addWidget(button)

    # --- what is chosen -------------------------------------------------------------------------------

    def selected_targets(self) -> list[NewTarget]:
        return [NewTarget(n, a) for (n, a), b in self.target_buttons.items() if b.isChecked()]

    def selected(self) -> list[str]:
        return list(dict.fromkeys(t.network for t in self.selected_targets()))

    def account_for(self, network: str) -> ConnectedAccount | None:
        """The first chosen account of `network` (whose name and handle its preview shows), if any."""
        for target in self.selected_targets():
            if target.network == network and target.account_id is not None:
                return next((a for a in self.accounts if a.id == target.account_id), None)
        return None

    def set_selected(self, targets: Sequence[str | NewTarget]) -> None:
        """Choose these targets: network names (their account when connected) or drafts' targets."""
        self._select([NewTarget(t) if isinstance(t, str) else t for t in targets])

    def _select(self, targets: Sequence[NewTarget]) -> None:
        keys = {self._key_for(t) for t in targets} - {None}
        for key, button in self.target_buttons.items():
            button.blockSignals(True)
            button.setChecked(key in keys)
            button.blockSignals(False)
        self._emit()

    def _key_for(self, target: NewTarget) -> TargetKey | None:
        """A saved target's toggle; an account that is gone falls back to its network's other toggle."""
        exact = (target.network, target.account_id)
        if exact in self.target_buttons:
            return exact
        # Older drafts saved no account: a network connected since then goes through its account.
        return next((k for k in self.target_buttons if k[0] == target.network), None)

    def _emit(self) -> None:
        self.targets_changed.emit(self.selected())

    # --- words ----------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.label.setText(self.tr("Publish on:"))
        for key, button in self.target_buttons.items():
            label = network_name(key[0])
            account = self._account_of.get(key)
            if account is not None:
                handle = shown_handle(account)
                button.setText(f"{label} · {handle}")
                button.setAccessibleName(
                    self.tr("Publish on %1 with the account %2").replace("%1", label).replace("%2", handle)
                )
                tip = self.tr("Sent by the app at the chosen time.")
                if account.status == AccountStatus.NEEDS_RECONNECT.value:
                    tip = self.tr("This account needs to be connected again (see Accounts).")
                button.setToolTip(tip)
            else:
                button.setText(label)
                button.setAccessibleName(
                    self.tr("Publish on %1 yourself, with the app's help").replace("%1", label)
                )
                button.setToolTip(
                    self.tr(
                        "No account connected: at the chosen time the app prepares the post and opens %1 "
                        "for you to publish it."
                    ).replace("%1", label)
                )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def restyle(self, palette: QPalette) -> None:
        """Follow a light <-> dark switch. A widget with a style sheet keeps the palette it had when the
        sheet was set and gets no palette events: its page calls this when its own palette changes."""
        dark = palette.window().color().lightness() < 128
        if dark != self._styled_dark:
            self._styled_dark = dark
            self.setPalette(palette)
            self.setStyleSheet("")
            self.setStyleSheet(STYLE)
