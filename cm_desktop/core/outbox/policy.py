"""The outbox's settings, what a run reports per target, and the identifiers it makes."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from cm_desktop.core import networks
from cm_desktop.core.i18n import Lang
from cm_desktop.core.models import Account, PostTarget
from cm_desktop.core.outbox import messages as m


@dataclass(frozen=True)
class OutboxPolicy:
    late_margin: timedelta = timedelta(minutes=60)
    # Sends that surely did not arrive (looked up: absent) before the target fails.
    max_attempts: int = 6
    # Look-ups that reached the server but could not tell, before the person is asked.
    max_unclear_lookups: int = 4
    backoff_base: timedelta = timedelta(seconds=30)
    backoff_max: timedelta = timedelta(hours=1)
    # After an unknown outcome, how long before the look-up (0: in the same run).
    reconcile_delay: timedelta = timedelta(0)
    # Networks that schedule natively (Mastodon scheduled_at: the registry says which), and how far ahead a
    # post must be to be handed over: Mastodon wants 5 minutes; more leaves room for the request's own delay.
    native_networks: frozenset[str] = field(
        default_factory=lambda: networks.where(lambda n: n.can.native_scheduling)
    )
    native_min_lead: timedelta = timedelta(minutes=10)
    native_check_after: timedelta = timedelta(minutes=1)
    # A copy the server holds is moved (PUT) only this far ahead (Mastodon refuses under 5 minutes);
    # nearer, it is cancelled and the post goes out through the outbox at its time.
    native_update_min_lead: timedelta = timedelta(minutes=5, seconds=30)
    # Around a copy's time the server may be publishing it (Mastodon's scheduler runs every 5 minutes,
    # clocks differ): there a copy gone from the schedule and not yet seen published cannot be told apart.
    native_publish_window: timedelta = timedelta(minutes=10)
    # How long `run` waits for another publisher before giving up (the job simply runs again later).
    lock_wait: float = 0.0
    # A claimed target is in flight for at most this long: without the lock file, another publisher
    # leaves it alone until then (with the lock, nobody else can be sending: it is looked up at once).
    send_lease: timedelta = timedelta(minutes=10)


@dataclass(frozen=True)
class TargetOutcome:
    """One target as a run left it. `event` says what happened in this run."""

    target_id: int
    post_id: int
    account_id: int | None
    network: str
    state: str
    event: str
    remote_id: str = ""
    url: str = ""
    error_code: str = ""
    error_detail: str = ""

    def message(self, lang: Lang) -> str:
        return m.message_for(self.error_code, self.network, self.error_detail, lang)

    def as_json(self, lang: Lang) -> dict[str, Any]:
        return {
            "target_id": self.target_id,
            "post_id": self.post_id,
            "account_id": self.account_id,
            "network": self.network,
            "state": self.state,
            "event": self.event,
            "remote_id": self.remote_id,
            "url": self.url,
            "error_code": self.error_code,
            "error": self.message(lang),
        }


def outcome_of(target: PostTarget, account: Account | None, event: str = "") -> TargetOutcome:
    assert target.id is not None
    return TargetOutcome(
        target_id=target.id,
        post_id=target.post_id,
        account_id=target.account_id,
        network=account.network if account is not None else target.network,
        state=target.state,
        event=event,
        remote_id=target.remote_id,
        url=target.remote_url,
        error_code=target.last_error_code,
        error_detail=target.last_error_message,
    )


def default_new_key(network: str) -> str:
    """A TID: Bluesky needs one as record key, and it is a fine Idempotency-Key anywhere else."""
    from cm_desktop.core.tid import new_tid

    return new_tid()


def content_fingerprint(text: str, image_count: int = 0) -> str:
    """A hash of what a post says, stored with the target: it finds a post again on networks without keys."""
    value = " ".join(unicodedata.normalize("NFC", text).split()).casefold()
    return hashlib.sha256(f"{image_count}\n{value}".encode()).hexdigest()[:32]
