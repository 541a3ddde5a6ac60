"""What every job of an outbox run shares: its dependencies, what the run has learnt, and one target loaded
with its post, account and pictures."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import Session, col, select

from cm_desktop.core import targets
from cm_desktop.core.models import Account, AccountStatus, Media, Post, PostReply, PostTarget
from cm_desktop.core.models import stored_utc as aware
from cm_desktop.core.outbox import messages as m
from cm_desktop.core.outbox.persist import Ledger
from cm_desktop.core.outbox.policy import OutboxPolicy
from cm_desktop.core.outbox.writer import DECREMENT
from cm_desktop.core.ports import LinkCard, OutgoingImage, Publisher, ReplyTo
from cm_desktop.core.schedule import Clock
from cm_desktop.core.store import Store

if TYPE_CHECKING:
    from cm_desktop.core.media.spec import RenditionSpec

log = logging.getLogger(__name__)

ConnectorFactory = Callable[[Account], Publisher]
# (source, the rendition the account takes, renditions folder, focal point) -> a picture ready to upload
PrepareImage = Callable[[Path, "RenditionSpec", Path, tuple[float, float]], OutgoingImage]


class NoConnector(Exception):
    """This account's network has no direct connection (yet): its targets are published by hand."""


def db_time(moment: datetime) -> datetime:
    """Aware UTC, the form the store's date columns take (a naive value is read as UTC)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


@dataclass(frozen=True)
class Deps:
    """What the outbox is built with (by services/publishing.py in the app and the CLI, by tests directly)."""

    store: Store
    connector_for: ConnectorFactory
    clock: Clock
    policy: OutboxPolicy
    new_key: Callable[[str], str]
    rng: random.Random
    prepare_image: PrepareImage
    link_card_for: Callable[[str, str], LinkCard | None] | None = None
    data_dir: Path | None = None
    renditions_dir: Path | None = None
    # False when the connectors belong to a pool that outlives the run (the app's).
    close_connectors: bool = True
    # The languages of the business's posts (its profile), sent where a network takes them.
    langs: tuple[str, ...] = ()


@dataclass
class Ctx:
    """One target with what sending it needs."""

    target: PostTarget
    post: Post
    account: Account | None
    media: list[Media]
    reply_to: ReplyTo | None = None  # an answer from the inbox goes under this post

    @property
    def network(self) -> str:
        return self.account.network if self.account is not None else self.target.network

    @property
    def text(self) -> str:
        """The text this target publishes: its own version, or the post's."""
        return self.target.text_override if self.target.text_override is not None else self.post.text


@dataclass
class Run:
    """One run: its time, its writes, and what it learnt about accounts (who must not be asked again)."""

    deps: Deps
    now: datetime
    ledger: Ledger
    blocked: dict[int, str] = field(default_factory=dict)
    connectors: dict[int, Publisher] = field(default_factory=dict)
    # Targets whose server-held copy does not match the post yet: neither sent nor checked meanwhile.
    native_busy: set[int] = field(default_factory=set)
    # (post id, account id) whose old copy is being cancelled: the post's other targets on that account
    # wait, so that two copies can never both go out.
    withdrawing: set[tuple[int, int]] = field(default_factory=set)

    @property
    def policy(self) -> OutboxPolicy:
        return self.deps.policy

    # --- connectors and account-wide conditions ----------------------------------------------------------

    def connector(self, account: Account) -> Publisher:
        """The account's connector, made once per run (the keychain is read once)."""
        assert account.id is not None
        connector = self.connectors.get(account.id)
        if connector is None:
            connector = self.deps.connector_for(account)
            self.connectors[account.id] = connector
        return connector

    def blocks(self, account: Account) -> bool:
        """True when nothing may be sent to this account now (reconnect needed, rate limit, offline)."""
        assert account.id is not None
        if account.id in self.blocked:
            return True
        if account.status == AccountStatus.NEEDS_RECONNECT.value:
            self.blocked[account.id] = m.AUTH_EXPIRED
            return True
        until = aware(account.rate_limited_until)
        if until is not None and until > self.now:
            self.blocked[account.id] = m.RATE_LIMITED
            return True
        return False

    def rate_limited(self, account_id: int, until: datetime) -> None:
        self.blocked[account_id] = m.RATE_LIMITED
        self.ledger.account_rate_limited(account_id, until)

    def needs_reconnect(self, account_id: int) -> None:
        self.blocked[account_id] = m.AUTH_EXPIRED
        self.ledger.account_needs_reconnect(account_id)

    def close_connectors(self) -> None:
        if not self.deps.close_connectors:
            return
        for connector in self.connectors.values():
            try:
                connector.close()
            except Exception:  # closing must not hide the outcomes
                log.exception("closing a connector failed")

    # --- loading ------------------------------------------------------------------------------------------

    def load(self, target_id: int) -> Ctx | None:
        return self.load_many([target_id]).get(target_id)

    def load_many(self, target_ids: Sequence[int]) -> dict[int, Ctx]:
        found: dict[int, Ctx] = {}
        with self.deps.store.session() as session:
            for start in range(0, len(target_ids), 500):  # SQLite's limit on bound parameters
                found.update(_load_chunk(session, target_ids[start : start + 500]))
        return found


def _load_chunk(session: Session, chunk: Sequence[int]) -> dict[int, Ctx]:
    rows = session.exec(
        select(PostTarget, Post, Account)
        .join(Post, col(Post.id) == col(PostTarget.post_id))
        .join(Account, col(Account.id) == col(PostTarget.account_id), isouter=True)
        .where(col(PostTarget.id).in_(chunk))
    ).all()
    post_ids = {post.id for _, post, _ in rows}
    media: dict[int, list[Media]] = {}
    for item in session.exec(
        select(Media).where(col(Media.post_id).in_(post_ids)).order_by(col(Media.position))
    ).all():
        media.setdefault(item.post_id, []).append(item)
    replies = {
        r.post_id: ReplyTo(r.parent_id, r.root_id, r.parent_cid, r.root_cid, r.visibility, r.mention)
        for r in session.exec(select(PostReply).where(col(PostReply.post_id).in_(post_ids))).all()
    }
    found = {}
    for target, post, account in rows:
        assert target.id is not None and post.id is not None
        found[target.id] = Ctx(target, post, account, media.get(post.id, []), replies.get(post.id))
    return found


def finish(
    run: Run,
    ctx: Ctx,
    event: targets.Event,
    *,
    outcome: str,
    code: str = "",
    detail: str = "",
    next_attempt: datetime | None = None,
    undo_attempt: bool = False,
    lookups: int | None = None,
    reset_lookups: bool = False,
    remote_id: str | None = None,
    url: str | None = None,
    published_at: datetime | None = None,
    native_schedule_id: str | None = None,
    extra: dict[str, Any] | None = None,
) -> None:
    """Leave `sending` (or stay there) with the run's verdict: staged, it rides on the run's next commit.

    `outcome` is what the run reports for the target (published, failed, unknown...).
    """
    values: dict[str, Any] = {
        "last_error_code": code,
        "last_error_message": detail[:1000],
        "next_attempt_utc": db_time(next_attempt) if next_attempt is not None else None,
    }
    if undo_attempt:
        values["attempts"] = DECREMENT
    if lookups is not None:
        values["reconcile_attempts"] = lookups
    if reset_lookups or event is targets.Event.SENT:
        values["reconcile_attempts"] = 0
    if remote_id is not None:
        values["remote_id"] = remote_id
    if url is not None:
        values["remote_url"] = url
    if published_at is not None:
        values["published_at"] = db_time(published_at)
    if native_schedule_id is not None:
        values["native_schedule_id"] = native_schedule_id
    if extra:
        values.update(extra)
    run.ledger.finish(ctx.target, event, values, on_lost=lambda i: run.ledger.report_by_id(i, outcome))
    # What was just decided, without reading it back.
    target = ctx.target
    target.state, target.last_error_code, target.last_error_message = targets.to(event), code, detail[:1000]
    if remote_id is not None:
        target.remote_id = remote_id
    if url is not None:
        target.remote_url = url
    if native_schedule_id is not None:
        target.native_schedule_id = native_schedule_id
    if extra and "intermediate_ids" in extra:
        target.intermediate_ids = extra["intermediate_ids"]
    run.ledger.report(target, ctx.account, outcome)
