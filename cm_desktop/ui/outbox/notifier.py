"""System notifications for what a run of the outbox did: one per kind of news, never one per target.

What needs the person comes first (publish by hand, a late post, a post to check, a failure, an account to
reconnect); then the good news (published). A click on the notification opens what it talks about.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal

from cm_desktop.core.i18n import Lang
from cm_desktop.ui.i18n import network_name

# Run events -> the kind of notification (and its place in the order shown).
KINDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("assisted", frozenset({"assisted"})),
    ("late", frozenset({"late"})),
    ("review", frozenset({"needs_review"})),
    ("failed", frozenset({"failed"})),
    ("account", frozenset({"account_unavailable", "waiting_account"})),
    ("published", frozenset({"published"})),
)


def _networks(outcomes: Sequence[Any]) -> str:
    names: list[str] = []
    for outcome in outcomes:
        name = network_name(outcome.network)
        if name not in names:
            names.append(name)
    return ", ".join(names)


class Notifier(QObject):
    clicked = Signal(str)  # the kind of the notification the person clicked

    def __init__(
        self, show: Callable[[str, str], None], lang: Callable[[], Lang], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._show, self._lang = show, lang
        self.last_kind = ""
        self._told_accounts: set[int] = set()

    def notify_run(self, outcomes: Sequence[Any]) -> list[tuple[str, str, str]]:
        """Show the notifications for one run; returns (kind, title, message) of each, in order."""
        shown = []
        for kind, events in KINDS:
            matching = [o for o in outcomes if o.event in events]
            if kind == "account":
                # An account that stays disconnected is said once per session, not at every run.
                matching = [o for o in matching if o.account_id not in self._told_accounts]
                self._told_accounts.update(o.account_id for o in matching)
            if not matching:
                continue
            title, message = self._words(kind, matching)
            self._show(title, message)
            shown.append((kind, title, message))
        if shown:
            # The click opens the most pressing one.
            self.last_kind = shown[0][0]
        return shown

    def account_reconnected(self, account_id: int) -> None:
        self._told_accounts.discard(account_id)

    def on_message_clicked(self) -> None:
        if self.last_kind:
            self.clicked.emit(self.last_kind)

    def _words(self, kind: str, outcomes: Sequence[Any]) -> tuple[str, str]:
        count = len(outcomes)
        networks = _networks(outcomes)
        if kind == "assisted":
            return (
                self.tr("Time to publish on %1").replace("%1", networks),
                self.tr("Click here: the publish assistant shows you what to post, step by step."),
            )
        if kind == "late":
            return (
                (
                    self.tr("A post was not sent on time")
                    if count == 1
                    else self.tr("%1 posts were not sent on time").replace("%1", str(count))
                ),
                self.tr("Your computer was off or asleep. Click here to choose what to do."),
            )
        if kind == "review":
            return (
                self.tr("Please check a post on %1").replace("%1", networks),
                self.tr("We could not tell whether it went out. Click here to see what to do."),
            )
        if kind == "failed":
            first = outcomes[0]
            if count == 1:
                return (
                    self.tr("Not published on %1").replace("%1", networks),
                    first.message(self._lang()),
                )
            return (
                self.tr("%1 posts could not be published").replace("%1", str(count)),
                self.tr("On %1. Click here to see why and what to do.").replace("%1", networks),
            )
        if kind == "account":
            return (
                self.tr("Reconnect your %1 account").replace("%1", networks),
                self.tr("Posts for it wait until you reconnect it in Accounts. Nothing is lost."),
            )
        return (
            self.tr("Published on %1").replace("%1", networks),
            (
                self.tr("Your post went out.")
                if count == 1
                else self.tr("%1 posts went out.").replace("%1", str(count))
            ),
        )
