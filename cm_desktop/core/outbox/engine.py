"""The publishing state machine: claim, commit the attempt, send, classify, reconcile.

Exactly once rests on four rules (ARCHITECTURE.md, "Publishing each post exactly once"):
1. A target is claimed by one conditional UPDATE (`... WHERE id=? AND state='scheduled' AND due`) that must
   change exactly one row; anything else means someone else has it.
2. The claim commits the attempt and its idempotency material (Bluesky record key, Mastodon
   Idempotency-Key: one per target, reused by every retry) before any request leaves.
3. A lost answer (timeout, reset, 5xx) is *unknown*, never failed: the target stays `sending`.
4. A `sending` target (an unknown outcome, or one left by a crash) is looked up on the network before
   anything else; only "surely absent" allows another send; "cannot tell" goes to the person.

Dates are aware UTC here and in the store (SQLModel's UTCDateTime).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import random
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from cm_desktop.core import targets as post_targets
from cm_desktop.core.i18n import Lang
from cm_desktop.core.models import Account, AccountStatus, Media, Post, PostTarget, TargetState
from cm_desktop.core.models import stored_utc as _aware
from cm_desktop.core.outbox import messages as m
from cm_desktop.core.outbox import native
from cm_desktop.core.outbox.lock import PublisherLock
from cm_desktop.core.outbox.writer import DECREMENT, INCREMENT, Staged, Writer
from cm_desktop.core.ports import (
    AuthExpired,
    LinkCard,
    NativeScheduling,
    NetworkError,
    NotSent,
    OutgoingImage,
    OutgoingPost,
    Publisher,
    PublishResult,
    RateLimited,
    Refused,
    Unknown,
)
from cm_desktop.core.schedule import Clock, SystemClock
from cm_desktop.core.store import Store

log = logging.getLogger(__name__)

SCHEDULED = TargetState.SCHEDULED.value
SENDING = TargetState.SENDING.value
PUBLISHED = TargetState.PUBLISHED.value
FAILED = TargetState.FAILED.value
NEEDS_REVIEW = TargetState.NEEDS_REVIEW.value
ASSISTED = TargetState.ASSISTED_PENDING.value
DRAFT = TargetState.DRAFT.value


class NoConnector(Exception):
    """This account's network has no direct connection (yet): its targets are published by hand."""


ConnectorFactory = Callable[[Account], Publisher]

_TARGETS = PostTarget.__table__  # type: ignore[attr-defined]


def default_new_key(network: str) -> str:
    """A TID: Bluesky needs one as record key, and it is a fine Idempotency-Key anywhere else."""
    from cm_desktop.core.tid import new_tid

    return new_tid()


def content_fingerprint(text: str, image_count: int = 0) -> str:
    """A hash of what a post says, stored with the target: it finds a post again on networks without keys."""
    value = " ".join(unicodedata.normalize("NFC", text).split()).casefold()
    return hashlib.sha256(f"{image_count}\n{value}".encode()).hexdigest()[:32]


def _db(moment: datetime) -> datetime:
    """Aware UTC, the form the store's date columns take (a naive value is read as UTC)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


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
    # Networks that schedule natively (Mastodon scheduled_at), and how far ahead a post must be to be
    # handed over: Mastodon wants 5 minutes; more leaves room for the request's own delay.
    native_networks: frozenset[str] = frozenset({"mastodon"})
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


@dataclass
class _Ctx:
    target: PostTarget
    post: Post
    account: Account | None
    media: list[Media]

    @property
    def network(self) -> str:
        return self.account.network if self.account is not None else self.target.network


@dataclass
class _Run:
    """What one run learned about accounts: who must not be asked again before the run ends."""

    now: datetime
    writer: Writer
    blocked: dict[int, str] = field(default_factory=dict)
    connectors: dict[int, Publisher] = field(default_factory=dict)
    outcomes: dict[int, TargetOutcome] = field(default_factory=dict)
    # Targets whose server-held copy does not match the post yet: neither sent nor checked meanwhile.
    native_busy: set[int] = field(default_factory=set)
    # (post id, account id) whose old copy is being cancelled: the post's other targets on that account
    # wait, so that two copies can never both go out.
    withdrawing: set[tuple[int, int]] = field(default_factory=set)


class Outbox:
    """Publishes due targets of the store through connectors made by `connector_for(account)`."""

    def __init__(
        self,
        store: Store,
        connector_for: ConnectorFactory,
        clock: Clock | None = None,
        *,
        data_dir: Path | None = None,
        renditions_dir: Path | None = None,
        lock_path: Path | None = None,
        policy: OutboxPolicy | None = None,
        new_key: Callable[[str], str] = default_new_key,
        rng: random.Random | None = None,
        prepare_image: Callable[[Path, str, Path, tuple[float, float]], OutgoingImage] | None = None,
        link_card_for: Callable[[str, str], LinkCard | None] | None = None,
    ) -> None:
        self.store = store
        # (network, text) -> the card to attach where the client builds it (Bluesky); None: no card.
        self._link_card_for = link_card_for
        self.connector_for = connector_for
        self.clock: Clock = clock or SystemClock()
        self.data_dir = data_dir
        self.renditions_dir = renditions_dir
        self.lock_path = lock_path
        self.policy = policy or OutboxPolicy()
        self.new_key = new_key
        self.rng = rng or random.Random()
        self._prepare_image = prepare_image or _prepare_with_pipeline

    # --- the run ----------------------------------------------------------------------------------------

    def run(self, *, post_id: int | None = None) -> list[TargetOutcome]:
        """Reconcile what is in `sending`, then send what is due. Raises PublisherBusy if another publishes."""
        if self.lock_path is None:
            return self._run_unlocked(post_id, alone=False)
        with PublisherLock(self.lock_path, wait=self.policy.lock_wait):
            return self._run_unlocked(post_id, alone=True)

    def publish_now(self, post_id: int) -> list[TargetOutcome]:
        """ "Publish now": every waiting target of the post becomes due, then a run for that post alone."""
        now = _db(self.clock.now())
        with self.store.session() as session:
            session.exec(
                update(PostTarget)
                .where(
                    col(PostTarget.post_id) == post_id,
                    col(PostTarget.state) == SCHEDULED,
                    col(PostTarget.native_schedule_id) == "",
                    col(PostTarget.next_attempt_utc).is_not(None),
                    col(PostTarget.next_attempt_utc) > now,
                )
                .values(next_attempt_utc=now, updated_at=now)
                .execution_options(synchronize_session=False)
            )
            session.commit()
        return self.run(post_id=post_id)

    def _run_unlocked(self, post_id: int | None, *, alone: bool) -> list[TargetOutcome]:
        run = _Run(now=self.clock.now(), writer=Writer(self.store))
        try:
            # Targets left in `sending` (a crash, a lost answer) are settled before anything is sent. Holding
            # the lock, we know no other publisher is in the middle of sending them.
            for target_id in self._ids_in(SENDING, run, post_id, due_only=not alone):
                self._guarded(run, target_id, self._reconcile)
            run.writer.flush()
            self._to_assisted(run, post_id)
            self._mark_late(run, post_id)
            # Copies a server holds that no longer match their post, before anything new is handed over.
            self._native_changes(run, post_id)
            for target_id in self._native_candidates(run, post_id):
                self._guarded(run, target_id, lambda r, t: self._send(r, t, native=True))
            run.writer.flush()
            due = self._ids_in(SCHEDULED, run, post_id, due_only=True)
            preloaded = self._load_many(due)  # one read for the whole batch; each claim re-checks
            for target_id in due:
                self._guarded(run, target_id, functools.partial(self._send_due, ctx=preloaded.get(target_id)))
            run.writer.flush()
            if self.policy.reconcile_delay <= timedelta(0):
                # Unknown outcomes of this run: look them up now rather than at the next run.
                for target_id in self._ids_in(SENDING, run, post_id, due_only=True):
                    self._guarded(run, target_id, self._reconcile)
        finally:
            try:
                run.writer.close()  # the last verdicts
            except Exception:
                log.exception("outbox: writing the last verdicts failed (their targets are looked up next)")
            for connector in run.connectors.values():
                close = getattr(connector, "close", None)
                if callable(close):
                    try:
                        close()
                    except Exception:  # closing must not hide the outcomes
                        log.exception("closing a connector failed")
        return list(run.outcomes.values())

    def _guarded(self, run: _Run, target_id: int, step: Callable[[_Run, int], None]) -> None:
        """One target's failure never stops the others."""
        try:
            step(run, target_id)
        except Exception:
            # A bug (or the store failing). The target keeps its state: a `sending` one is looked up next
            # time, never blindly sent again.
            log.exception("outbox: target %s", target_id)
            self._record(run, target_id, event="error")

    # --- selection --------------------------------------------------------------------------------------

    def _ids_in(self, state: str, run: _Run, post_id: int | None, *, due_only: bool) -> list[int]:
        with self.store.session() as session:
            query = select(PostTarget.id).where(
                col(PostTarget.state) == state, col(PostTarget.account_id).is_not(None)
            )
            if due_only:
                query = query.where(
                    col(PostTarget.next_attempt_utc).is_not(None),
                    col(PostTarget.next_attempt_utc) <= _db(run.now),
                )
            if post_id is not None:
                query = query.where(col(PostTarget.post_id) == post_id)
            query = query.order_by(col(PostTarget.next_attempt_utc), col(PostTarget.id))
            return [i for i in session.exec(query).all() if i is not None]

    def _to_assisted(self, run: _Run, post_id: int | None) -> None:
        """Targets without a connected account (assisted networks) wait for the person at their time."""
        with self.store.session() as session:
            query = select(PostTarget.id).where(
                col(PostTarget.state) == SCHEDULED,
                col(PostTarget.account_id).is_(None),
                col(PostTarget.next_attempt_utc).is_not(None),
                col(PostTarget.next_attempt_utc) <= _db(run.now),
            )
            if post_id is not None:
                query = query.where(col(PostTarget.post_id) == post_id)
            moved = [
                i
                for i in session.exec(query).all()
                if i is not None and self._transition(session, i, SCHEDULED, state=ASSISTED, now=run.now)
            ]
            session.commit()
        for target_id in moved:
            self._outcome_by_id(run, target_id, "assisted")

    def _mark_late(self, run: _Run, post_id: int | None) -> None:
        """A target found later than the margin is not sent blindly: the person is asked."""
        cutoff = _db(run.now - self.policy.late_margin)
        with self.store.session() as session:
            query = select(PostTarget, Post).where(
                col(PostTarget.post_id) == col(Post.id),
                col(PostTarget.state) == SCHEDULED,
                col(PostTarget.account_id).is_not(None),
                col(PostTarget.native_schedule_id) == "",  # the server publishes those on time
                col(PostTarget.next_attempt_utc).is_not(None),
                col(PostTarget.next_attempt_utc) < cutoff,
            )
            if post_id is not None:
                query = query.where(col(PostTarget.post_id) == post_id)
            late = list(session.exec(query).all())
            for target, post in late:
                assert target.id is not None
                due = _aware(post.scheduled_utc) or _aware(target.next_attempt_utc) or run.now
                self._transition(
                    session,
                    target.id,
                    SCHEDULED,
                    state=NEEDS_REVIEW,
                    now=run.now,
                    last_error_code=m.LATE,
                    last_error_message=due.strftime("%Y-%m-%d %H:%M UTC"),
                )
            session.commit()
        for target, _post in late:
            self._outcome_by_id(run, target.id, "late")

    def _native_candidates(self, run: _Run, post_id: int | None) -> list[int]:
        if not self.policy.native_networks:
            return []
        earliest = _db(run.now + self.policy.native_min_lead)
        with self.store.session() as session:
            query = select(PostTarget.id).where(
                col(PostTarget.post_id) == col(Post.id),
                col(PostTarget.account_id) == col(Account.id),
                col(Account.network).in_(self.policy.native_networks),
                col(Account.status) == AccountStatus.OK.value,
                col(PostTarget.state) == SCHEDULED,
                col(PostTarget.native_schedule_id) == "",
                col(PostTarget.next_attempt_utc).is_not(None),
                col(Post.scheduled_utc).is_not(None),
                col(Post.scheduled_utc) >= earliest,
            )
            if post_id is not None:
                query = query.where(col(PostTarget.post_id) == post_id)
            return [i for i in session.exec(query).all() if i is not None]

    # --- copies a server holds for later (native.py) ------------------------------------------------------

    def _native_changes(self, run: _Run, post_id: int | None) -> None:
        """Bring every copy a server holds in line with its post: moved, edited, back to drafts, deleted."""
        if not self.policy.native_networks:
            return
        with self.store.session() as session:
            query = select(PostTarget.id).where(
                col(PostTarget.native_schedule_id) != "",
                col(PostTarget.account_id).is_not(None),
                col(PostTarget.state).in_((SCHEDULED, DRAFT, SENDING)),
            )
            if post_id is not None:
                query = query.where(col(PostTarget.post_id) == post_id)
            ids = [i for i in session.exec(query.order_by(col(PostTarget.id))).all() if i is not None]
        if not ids:
            return
        loaded = self._load_many(ids)
        for target_id in ids:
            ctx = loaded.get(target_id)
            if ctx is not None:
                self._guarded(run, target_id, functools.partial(self._native_change, ctx=ctx))
        run.writer.flush()

    def _native_change(self, run: _Run, target_id: int, *, ctx: _Ctx) -> None:
        target, account, post = ctx.target, ctx.account, ctx.post
        assert account is not None and account.id is not None and post.id is not None
        held = native.read(target.intermediate_ids)
        if target.state == SENDING:
            # Being changed by another publisher (or left so by a crash: looked up first). Only wait for it.
            if held is not None and held.op:
                run.native_busy.add(target_id)
                if held.op == "cancel":
                    run.withdrawing.add((post.id, account.id))
            return
        text = _text(ctx)
        content = native.signature(text, ctx.media)
        due = _aware(post.scheduled_utc)
        if held is None or not held.signature:
            # Handed over before what the server holds was recorded: the post as it is now stands for it.
            held = native.Held(
                at=held.at if held is not None and held.at is not None else due,
                signature=content,
                text=text,
                images=len(ctx.media),
                since=None,
                withdraw=held.withdraw if held is not None else "",
            )
            if target.state == SCHEDULED and not held.withdraw:
                run.writer.update(
                    target_id,
                    {"intermediate_ids": native.write(target.intermediate_ids, held)},
                    ("state = ?", "intermediate_ids = ?"),
                    SCHEDULED,
                    target.intermediate_ids,
                )
                return
        # A draft still holding a copy (left so by earlier versions): the copy is cancelled.
        op = native.change_needed(held, due, content) if target.state == SCHEDULED else "cancel"
        if not op:
            return
        run.native_busy.add(target_id)
        if op == "cancel":
            run.withdrawing.add((post.id, account.id))
        connector = self._native_connector(run, ctx)
        if connector is None:
            return
        held = replace(held, op=op, op_from=target.state)
        record = native.write(target.intermediate_ids, held)
        # The claim: `sending` with the change to make, committed before the request (as for a send).
        claimed = run.writer.update(
            target_id,
            {
                "state": SENDING,
                "next_attempt_utc": _db(run.now + self.policy.send_lease),
                "intermediate_ids": record,
                "updated_at": _db(run.now),
            },
            ("state = ?", "native_schedule_id = ?", "intermediate_ids = ?"),
            target.state,
            target.native_schedule_id,
            target.intermediate_ids,
        )
        if not claimed:
            return  # changed meanwhile (another publisher, or the person again): the next run sees it
        target.state, target.intermediate_ids = SENDING, record
        self._native_apply(run, ctx, connector, held)

    def _native_resume(self, run: _Run, ctx: _Ctx, held: native.Held) -> None:
        """A change left half-way (a crash, a lost answer): worked out again and redone, which is safe."""
        assert ctx.account is not None and ctx.account.id is not None and ctx.target.id is not None
        run.native_busy.add(ctx.target.id)
        if held.op == "cancel":
            run.withdrawing.add((ctx.post.id or 0, ctx.account.id))
        connector = self._native_connector(run, ctx)
        if connector is not None:
            self._native_apply(run, ctx, connector, held)

    def _native_connector(self, run: _Run, ctx: _Ctx) -> NativeScheduling | None:
        account = ctx.account
        assert account is not None and account.id is not None
        if self._account_blocked(run, account):
            return None
        try:
            connector = self._connector(run, account)
        except AuthExpired:
            self._needs_reconnect(run, account.id)
            return None
        except Exception as exc:  # NoConnector, or the keychain is unavailable
            log.warning("outbox: account %s unavailable (%s)", account.id, type(exc).__name__)
            run.blocked[account.id] = "unavailable"
            return None
        if not isinstance(connector, NativeScheduling):
            log.warning("outbox: %s holds a copy but its connector cannot change it", account.network)
            return None
        return connector

    def _native_apply(self, run: _Run, ctx: _Ctx, connector: NativeScheduling, held: native.Held) -> None:
        """Do `held.op` to the server's copy (the target is claimed: `sending`), then record the result."""
        account = ctx.account
        assert account is not None and account.id is not None
        due = _aware(ctx.post.scheduled_utc)
        try:
            result = self._native_request(run, ctx, connector, held, due)
            if result == "gone":
                # No longer on the server's schedule: published at its time, or deleted on the web. Look
                # among the published posts before doing anything else.
                since = held.since - self.policy.native_publish_window if held.since else None
                found = connector.find_published(self._held_post(ctx, held), since)
                if found is not None:
                    self._native_out(run, ctx, held, found)
                    return
                if not self._surely_unpublished(run, held):
                    self._native_back(run, ctx, held, m.NATIVE_PENDING, "not yet visible among the posts")
                    return
                result = "cancelled"  # deleted on the web: as good as cancelled
        except RateLimited as exc:
            self._rate_limited(run, account.id, exc.until)
            self._native_back(run, ctx, held, "", "")
            return
        except AuthExpired:
            self._needs_reconnect(run, account.id)
            self._native_back(run, ctx, held, "", "")
            return
        except NotSent as exc:
            run.blocked[account.id] = m.OFFLINE
            self._native_back(run, ctx, held, m.NATIVE_PENDING, _reason(exc))
            return
        except Unknown as exc:
            # Every change is redone from scratch next time, and each is safe to repeat.
            self._native_back(run, ctx, held, m.NATIVE_PENDING, _reason(exc))
            return
        except NetworkError as exc:
            self._native_back(run, ctx, held, m.NATIVE_PENDING, _reason(exc))
            return
        if result == "moved":
            assert due is not None
            self._finish(
                run,
                ctx,
                state=SCHEDULED,
                next_attempt=due + self.policy.native_check_after,
                event="native_moved",
                extra={"intermediate_ids": native.write(ctx.target.intermediate_ids, _done(held, at=due))},
            )
        else:
            self._native_cancelled(run, ctx, held, due)
        self._native_settled(run, ctx)

    def _native_request(
        self, run: _Run, ctx: _Ctx, connector: NativeScheduling, held: native.Held, due: datetime | None
    ) -> str:
        """The op's request: "moved", "cancelled", or "gone" (the server no longer holds the copy)."""
        native_id = ctx.target.native_schedule_id
        if held.op == "move" and due is not None and due - run.now >= self.policy.native_update_min_lead:
            try:
                moved = connector.reschedule(native_id, due)
            except Refused as exc:
                # Refused (too near for the server's own clock): take the copy back; the post goes out
                # through the outbox at its time instead.
                log.info("outbox: moving copy %s refused (%s): cancelling it", native_id, _reason(exc))
            else:
                return "moved" if moved is not None else "gone"
        return "cancelled" if connector.cancel(native_id) else "gone"

    def _surely_unpublished(self, run: _Run, held: native.Held) -> bool:
        """A copy gone from the schedule, not among the published posts: deleted on the web, unless its
        time is so near that the server may be publishing it right now (then: ask again later)."""
        if held.at is None:
            return False
        window = self.policy.native_publish_window
        return run.now < held.at - window or run.now > held.at + window

    @staticmethod
    def _held_post(ctx: _Ctx, held: native.Held) -> OutgoingPost:
        """The server's copy as it was handed over (the post may have been edited since)."""
        # Only the number of pictures matters to a look-up.
        placeholder = OutgoingImage(path=Path(), mime_type="", alt="", width=0, height=0)
        return OutgoingPost(
            text=held.text,
            idempotency_key=ctx.target.idempotency_key,
            images=(placeholder,) * held.images,
        )

    def _native_cancelled(self, run: _Run, ctx: _Ctx, held: native.Held, due: datetime | None) -> None:
        """The server's copy is gone for good: the target goes on without it."""
        released = {
            "native_schedule_id": "",
            "idempotency_key": "",  # a new copy, a new key
            "fingerprint": "",
            "attempts": 0,
            "reconcile_attempts": 0,
            "intermediate_ids": native.write(ctx.target.intermediate_ids, None),
        }
        if held.op in ("move", "replace"):
            # Sent again as a new copy at its time: handed over again when far enough ahead, otherwise
            # published by the outbox itself when due.
            self._finish(
                run,
                ctx,
                state=SCHEDULED,
                next_attempt=due or run.now,
                event="native_replaced" if held.op == "replace" else "native_cancelled",
                extra=released,
            )
        elif held.op_from == DRAFT or not held.withdraw:
            self._finish(run, ctx, state=DRAFT, event="native_cancelled", extra=released)
        else:
            self._drop_withdrawn(run, ctx, held)

    def _drop_withdrawn(self, run: _Run, ctx: _Ctx, held: native.Held) -> None:
        """The copy of a post sent back to drafts or deleted is cancelled: its target goes (a draft target
        stands in for it), and a deleted post that has nothing else left goes with it."""
        target, post = ctx.target, ctx.post
        assert target.id is not None and post.id is not None
        run.writer.flush()
        with self.store.session() as session:
            dropped = session.exec(
                delete(PostTarget).where(col(PostTarget.id) == target.id, col(PostTarget.state) == SENDING)
            ).rowcount
            if dropped == 1 and held.withdraw == "delete":
                left = session.exec(select(PostTarget.id).where(col(PostTarget.post_id) == post.id)).first()
                if left is None:
                    session.exec(delete(Media).where(col(Media.post_id) == post.id))
                    session.exec(delete(Post).where(col(Post.id) == post.id))
            session.commit()
        if dropped != 1:
            self._outcome_by_id(run, target.id, "native_cancelled")
            return
        run.outcomes[target.id] = TargetOutcome(
            target_id=target.id,
            post_id=post.id,
            account_id=target.account_id,
            network=ctx.network,
            state=DRAFT if held.withdraw == "draft" else "deleted",
            event="native_cancelled",
        )

    def _native_out(self, run: _Run, ctx: _Ctx, held: native.Held, found: PublishResult) -> None:
        """The server had already published its copy when the change came."""
        planned = held.at.strftime("%Y-%m-%d %H:%M UTC") if held.at is not None else ""
        common: dict[str, Any] = {
            "remote_id": found.remote_id,
            "url": found.url,
            "native_schedule_id": "",
            "extra": {"intermediate_ids": native.write(ctx.target.intermediate_ids, None)},
        }
        if held.op == "replace":
            # The earlier words are out; whether the new ones should follow is the person's call.
            self._finish(
                run,
                ctx,
                state=NEEDS_REVIEW,
                code=m.NATIVE_CHANGED_TOO_LATE,
                detail=planned,
                event="needs_review",
                **common,
            )
        else:
            code = m.NATIVE_OUT_BEFORE_MOVE if held.op == "move" else m.NATIVE_OUT_BEFORE_WITHDRAW
            self._finish(
                run,
                ctx,
                state=PUBLISHED,
                code=code,
                detail=planned,
                published_at=held.at or run.now,  # the server published it at its time
                event="published",
                **common,
            )
            if held.op == "cancel":
                self._stand_ins_to_review(run, ctx, planned)
        self._native_settled(run, ctx)

    def _stand_ins_to_review(self, run: _Run, ctx: _Ctx, planned: str) -> None:
        """A stand-in scheduled again after "back to drafts" would now be a second copy: ask first."""
        assert ctx.target.id is not None
        run.writer.flush()
        with self.store.session() as session:
            ids = session.exec(
                select(PostTarget.id).where(
                    col(PostTarget.post_id) == ctx.post.id,
                    col(PostTarget.account_id) == ctx.target.account_id,
                    col(PostTarget.id) != ctx.target.id,
                    col(PostTarget.state) == SCHEDULED,
                )
            ).all()
            moved = [
                i
                for i in ids
                if i is not None
                and self._transition(
                    session,
                    i,
                    SCHEDULED,
                    state=NEEDS_REVIEW,
                    now=run.now,
                    last_error_code=m.NATIVE_CHANGED_TOO_LATE,
                    last_error_message=planned,
                )
            ]
            session.commit()
        for target_id in moved:
            self._outcome_by_id(run, target_id, "needs_review")

    def _native_back(self, run: _Run, ctx: _Ctx, held: native.Held, code: str, detail: str) -> None:
        """The change could not be made now: the target goes back as it was; the next run tries again."""
        state = held.op_from or SCHEDULED
        when = held.at or _aware(ctx.post.scheduled_utc) or run.now
        self._finish(
            run,
            ctx,
            state=state,
            code=code,
            detail=detail,
            next_attempt=when + self.policy.native_check_after if state == SCHEDULED else None,
            event="native_pending",
            extra={"intermediate_ids": native.write(ctx.target.intermediate_ids, _done(held))},
        )

    @staticmethod
    def _native_settled(run: _Run, ctx: _Ctx) -> None:
        assert ctx.target.id is not None
        run.native_busy.discard(ctx.target.id)
        if ctx.account is not None and ctx.account.id is not None:
            run.withdrawing.discard((ctx.post.id or 0, ctx.account.id))

    # --- loading ----------------------------------------------------------------------------------------

    def _load(self, session: Session, target_id: int) -> _Ctx | None:
        row = session.exec(
            select(PostTarget, Post, Account)
            .join(Post, col(Post.id) == col(PostTarget.post_id))
            .join(Account, col(Account.id) == col(PostTarget.account_id), isouter=True)
            .where(col(PostTarget.id) == target_id)
        ).first()
        if row is None:
            return None
        target, post, account = row
        media = list(
            session.exec(
                select(Media).where(col(Media.post_id) == post.id).order_by(col(Media.position))
            ).all()
        )
        return _Ctx(target=target, post=post, account=account, media=media)

    def _load_many(self, target_ids: Sequence[int]) -> dict[int, _Ctx]:
        found: dict[int, _Ctx] = {}
        with self.store.session() as session:
            for start in range(0, len(target_ids), 500):  # SQLite's limit on bound parameters
                chunk = target_ids[start : start + 500]
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
                for target, post, account in rows:
                    assert target.id is not None and post.id is not None
                    found[target.id] = _Ctx(target, post, account, media.get(post.id, []))
        return found

    def _connector(self, run: _Run, account: Account) -> Publisher:
        assert account.id is not None
        connector = run.connectors.get(account.id)
        if connector is None:
            connector = self.connector_for(account)
            run.connectors[account.id] = connector
        return connector

    def _outgoing(self, ctx: _Ctx, *, prepare: bool, scheduled_at: datetime | None = None) -> OutgoingPost:
        text = _text(ctx)
        images: list[OutgoingImage] = []
        for item in ctx.media:
            source = Path(item.stored_path)
            if not source.is_absolute() and self.data_dir is not None:
                source = self.data_dir / source
            if prepare:
                cache = self.renditions_dir or source.parent / "renditions"
                image = self._prepare_image(source, ctx.network, cache, (item.focal_x, item.focal_y))
                images.append(
                    OutgoingImage(
                        path=image.path,
                        mime_type=image.mime_type,
                        alt=item.alt_text,
                        width=image.width,
                        height=image.height,
                    )
                )
            else:
                # A look-up only needs to know how many pictures there are.
                images.append(
                    OutgoingImage(path=source, mime_type=item.mime_type, alt=item.alt_text, width=0, height=0)
                )
        card = None
        if prepare and not images and self._link_card_for is not None:
            # A card never stops a post: without one (page unreachable, offline) the post goes as text.
            try:
                card = self._link_card_for(ctx.network, text)
            except Exception:
                log.warning("link card left out", exc_info=True)
        return OutgoingPost(
            text=text,
            idempotency_key=ctx.target.idempotency_key,
            images=tuple(images),
            link_card=card,
            scheduled_at=scheduled_at,
            fingerprint=ctx.target.fingerprint,
        )

    # --- account-wide conditions ------------------------------------------------------------------------

    def _account_blocked(self, run: _Run, account: Account) -> bool:
        assert account.id is not None
        if account.id in run.blocked:
            return True
        if account.status == AccountStatus.NEEDS_RECONNECT.value:
            run.blocked[account.id] = m.AUTH_EXPIRED
            return True
        until = _aware(account.rate_limited_until)
        if until is not None and until > run.now:
            run.blocked[account.id] = m.RATE_LIMITED
            return True
        return False

    def _rate_limited(self, run: _Run, account_id: int, until: datetime) -> None:
        run.blocked[account_id] = m.RATE_LIMITED
        with self.store.session() as session:
            session.exec(
                update(Account)
                .where(col(Account.id) == account_id)
                .values(rate_limited_until=_db(until))
                .execution_options(synchronize_session=False)
            )
            session.commit()

    def _needs_reconnect(self, run: _Run, account_id: int) -> None:
        run.blocked[account_id] = m.AUTH_EXPIRED
        with self.store.session() as session:
            session.exec(
                update(Account)
                .where(col(Account.id) == account_id)
                .values(status=AccountStatus.NEEDS_RECONNECT.value)
                .execution_options(synchronize_session=False)
            )
            session.commit()

    # --- sending ----------------------------------------------------------------------------------------

    def _claim(self, run: _Run, ctx: _Ctx, *, native: bool) -> bool:
        """The one conditional UPDATE that makes this process the sender of this target, committed
        (synchronous=FULL, with the verdicts staged before it) before any request leaves."""
        target = ctx.target
        assert target.id is not None
        now = run.now
        key = target.idempotency_key or self.new_key(ctx.network)
        fingerprint = target.fingerprint or content_fingerprint(_text(ctx), len(ctx.media))
        where = ["state = ?", "idempotency_key = ?", "next_attempt_utc IS NOT NULL"]
        params: list[Any] = [SCHEDULED, target.idempotency_key]
        if not native:
            where.append("next_attempt_utc <= ?")
            params.append(_db(now))
        claimed = run.writer.update(
            target.id,
            {
                "state": SENDING,
                "attempts": INCREMENT,
                "next_attempt_utc": _db(now + self.policy.send_lease),
                "idempotency_key": key,
                "fingerprint": fingerprint,
                "last_error_code": "",
                "last_error_message": "",
                "updated_at": _db(now),
            },
            where,
            *params,
        )
        if not claimed:
            return False
        target.state, target.idempotency_key, target.fingerprint = SENDING, key, fingerprint
        target.attempts += 1
        return True

    def _send_due(self, run: _Run, target_id: int, *, ctx: _Ctx | None) -> None:
        self._send(run, target_id, native=False, ctx=ctx)

    def _send(self, run: _Run, target_id: int, *, native: bool, ctx: _Ctx | None = None) -> None:
        if ctx is None:
            with self.store.session() as session:
                ctx = self._load(session, target_id)
        if ctx is None or ctx.target.state != SCHEDULED:
            return
        account = ctx.account
        if account is None or self._account_blocked(run, account):
            return
        if self._waits_for_native(run, ctx):
            return
        if ctx.target.native_schedule_id:
            if not native and self._claim(run, ctx, native=False):
                # Handed to the server earlier and now due: check that the server published it.
                self._reconcile_ctx(run, ctx)
            return
        try:
            connector = self._connector(run, account)
        except NoConnector:
            with self.store.session() as session:
                self._transition(session, target_id, SCHEDULED, state=ASSISTED, now=run.now)
                session.commit()
            self._outcome_by_id(run, target_id, "assisted")
            return
        except AuthExpired:
            assert account.id is not None
            self._needs_reconnect(run, account.id)
            with self.store.session() as session:
                self._park(session, target_id, SCHEDULED, run.now)
            self._outcome_by_id(run, target_id, "waiting_account")
            return
        except Exception as exc:
            # The keychain is locked or unavailable: nothing can be sent for this account now.
            assert account.id is not None
            log.warning("outbox: account %s unavailable (%s)", account.id, type(exc).__name__)
            run.blocked[account.id] = "unavailable"
            self._outcome_by_id(run, target_id, "account_unavailable")
            return
        if not self._claim(run, ctx, native=native):
            return  # someone else has it
        scheduled_at = _aware(ctx.post.scheduled_utc) if native else None
        self._publish(run, ctx, connector, scheduled_at)

    @staticmethod
    def _waits_for_native(run: _Run, ctx: _Ctx) -> bool:
        """A copy held by the server is being changed: this target is not sent (nor checked) meanwhile."""
        if ctx.target.id in run.native_busy:
            return True
        account_id = ctx.account.id if ctx.account is not None else None
        return account_id is not None and (ctx.post.id or 0, account_id) in run.withdrawing

    def _publish(self, run: _Run, ctx: _Ctx, connector: Publisher, scheduled_at: datetime | None) -> None:
        target_id = ctx.target.id
        account = ctx.account
        assert target_id is not None and account is not None and account.id is not None
        try:
            outgoing = self._outgoing(ctx, prepare=True, scheduled_at=scheduled_at)
        except Exception as exc:  # nothing was sent: a picture that cannot be prepared fails the target
            detail = _media_detail(exc)
            if detail is None:
                raise
            self._finish(run, ctx, state=FAILED, code=m.MEDIA, detail=detail, event="failed")
            return
        try:
            result = connector.publish(outgoing)
        except RateLimited as exc:
            self._rate_limited(run, account.id, exc.until)
            self._finish(
                run,
                ctx,
                state=SCHEDULED,
                next_attempt=max(exc.until, run.now),
                undo_attempt=True,
                event="rate_limited",
            )
        except AuthExpired:
            self._needs_reconnect(run, account.id)
            with self.store.session() as session:
                self._park(session, target_id, SENDING, run.now, undo_attempt=True)
            self._outcome_by_id(run, target_id, "waiting_account")
        except Refused as exc:
            if ctx.target.attempts > 1:
                # An earlier attempt may have gone through (a duplicate key is refused): look first.
                self._unknown(run, ctx, _reason(exc))
                return
            self._finish(run, ctx, state=FAILED, code=m.REFUSED, detail=_reason(exc), event="failed")
        except NotSent:
            # Offline: nothing left this computer. The target waits quietly; the account's other
            # targets are not tried in this run (no flood of errors).
            run.blocked[account.id] = m.OFFLINE
            self._finish(
                run,
                ctx,
                state=SCHEDULED,
                undo_attempt=True,
                next_attempt=_aware(ctx.target.next_attempt_utc) or run.now,
                event="offline",
            )
        except Unknown as exc:
            self._unknown(run, ctx, _reason(exc))
        except Exception as exc:
            # Not one of the connector's errors: a bug somewhere. The request may have left: unknown.
            log.exception("outbox: publishing target %s", target_id)
            self._unknown(run, ctx, type(exc).__name__)
        else:
            self._succeeded(run, ctx, result)

    def _unknown(self, run: _Run, ctx: _Ctx, detail: str) -> None:
        self._finish(
            run,
            ctx,
            state=SENDING,
            code=m.UNKNOWN,
            detail=detail,
            next_attempt=run.now + self.policy.reconcile_delay,
            event="unknown",
        )

    def _succeeded(self, run: _Run, ctx: _Ctx, result: PublishResult) -> None:
        target_id = ctx.target.id
        assert target_id is not None
        if result.scheduled:
            due = _aware(ctx.post.scheduled_utc) or run.now
            # What the server now holds: a later move or edit of the post is compared with it.
            text = _text(ctx)
            held = native.Held(
                at=_aware(ctx.post.scheduled_utc),
                signature=native.signature(text, ctx.media),
                text=text,
                images=len(ctx.media),
                since=run.now,
            )
            self._finish(
                run,
                ctx,
                state=SCHEDULED,
                native_schedule_id=result.remote_id,
                next_attempt=max(due, run.now) + self.policy.native_check_after,
                event="handed_to_server",
                extra={"intermediate_ids": native.write(ctx.target.intermediate_ids, held)},
            )
            return
        self._finish(
            run,
            ctx,
            state=PUBLISHED,
            remote_id=result.remote_id,
            url=result.url,
            published_at=run.now,
            event="published",
        )

    # --- reconciling ------------------------------------------------------------------------------------

    def _reconcile(self, run: _Run, target_id: int) -> None:
        with self.store.session() as session:
            ctx = self._load(session, target_id)
        if ctx is None or ctx.target.state != SENDING:
            return
        self._reconcile_ctx(run, ctx)

    def _reconcile_ctx(self, run: _Run, ctx: _Ctx) -> None:
        target_id = ctx.target.id
        account = ctx.account
        assert target_id is not None
        held = native.read(ctx.target.intermediate_ids) if ctx.target.native_schedule_id else None
        if held is not None and held.op and account is not None:
            self._native_resume(run, ctx, held)  # a change of a server-held copy was under way
            return
        if account is None:
            self._finish(run, ctx, state=NEEDS_REVIEW, code=m.UNCLEAR, event="needs_review")
            return
        assert account.id is not None
        if self._account_blocked(run, account):
            return
        try:
            connector = self._connector(run, account)
        except NoConnector:
            self._finish(run, ctx, state=NEEDS_REVIEW, code=m.UNCLEAR, event="needs_review")
            return
        except AuthExpired:
            self._needs_reconnect(run, account.id)
            return
        except Exception as exc:
            log.warning("outbox: account %s unavailable (%s)", account.id, type(exc).__name__)
            run.blocked[account.id] = "unavailable"
            return
        try:
            found = connector.lookup(self._outgoing(ctx, prepare=False))
        except RateLimited as exc:
            self._rate_limited(run, account.id, exc.until)
            return
        except AuthExpired:
            self._needs_reconnect(run, account.id)  # still unknown; looked up once reconnected
            return
        except NotSent:
            run.blocked[account.id] = m.OFFLINE  # could not ask: learnt nothing, counts nothing
            return
        except Unknown as exc:
            self._unclear(run, ctx, _reason(exc))
            return
        except NetworkError as exc:
            self._unclear(run, ctx, _reason(exc))
            return
        if found is not None:
            self._succeeded(run, ctx, found)
            return
        # Surely absent.
        if ctx.target.native_schedule_id:
            self._finish(run, ctx, state=NEEDS_REVIEW, code=m.NATIVE_MISSING, event="needs_review")
        elif ctx.target.attempts >= self.policy.max_attempts:
            self._finish(
                run,
                ctx,
                state=FAILED,
                code=m.GAVE_UP,
                detail=ctx.target.last_error_message,
                event="failed",
            )
        else:
            due = _aware(ctx.post.scheduled_utc) or run.now
            retry_at = max(run.now + self._backoff(ctx.target.attempts), due)
            self._finish(
                run,
                ctx,
                state=SCHEDULED,
                code=ctx.target.last_error_code,
                detail=ctx.target.last_error_message,
                next_attempt=retry_at,
                reset_lookups=True,
                event="retry",
            )

    def _unclear(self, run: _Run, ctx: _Ctx, detail: str) -> None:
        target_id = ctx.target.id
        assert target_id is not None
        tries = ctx.target.reconcile_attempts + 1
        if tries >= self.policy.max_unclear_lookups:
            self._finish(
                run,
                ctx,
                state=NEEDS_REVIEW,
                code=m.UNCLEAR,
                detail=detail,
                lookups=tries,
                event="needs_review",
            )
            return
        self._finish(
            run,
            ctx,
            state=SENDING,
            code=m.UNKNOWN,
            detail=detail,
            lookups=tries,
            next_attempt=run.now + self._backoff(tries),
            event="unknown",
        )

    def _backoff(self, attempt: int) -> timedelta:
        """Exponential, capped, with full jitter in its upper half (retries of many posts spread out)."""
        base = self.policy.backoff_base.total_seconds() * (2 ** max(attempt - 1, 0))
        ceiling = min(base, self.policy.backoff_max.total_seconds())
        return timedelta(seconds=ceiling * (0.5 + self.rng.random() / 2))

    # --- writing ----------------------------------------------------------------------------------------

    def _transition(
        self, session: Session, target_id: int, from_state: str, *, state: str, now: datetime, **values: Any
    ) -> bool:
        result = session.connection().execute(
            update(_TARGETS)
            .where(_TARGETS.c.id == target_id, _TARGETS.c.state == from_state)
            .values(state=state, updated_at=_db(now), **values)
        )
        return result.rowcount == 1

    def _park(
        self, session: Session, target_id: int, from_state: str, now: datetime, *, undo_attempt: bool = False
    ) -> None:
        """Waits for the account to be reconnected: scheduled, but with no time to be tried."""
        values: dict[str, Any] = {
            "next_attempt_utc": None,
            "last_error_code": m.AUTH_EXPIRED,
            "last_error_message": "",
        }
        if undo_attempt:
            values["attempts"] = _TARGETS.c.attempts - 1
        self._transition(session, target_id, from_state, state=SCHEDULED, now=now, **values)
        session.commit()

    def _finish(
        self,
        run: _Run,
        ctx: _Ctx,
        *,
        state: str,
        event: str,
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
        """Leave `sending` (or stay there) with the run's verdict.

        Staged, not committed alone: it rides on the next commit of the run (the next claim's, or a flush),
        with synchronous=FULL. Until then the target is still `sending` on disk: were the process to die, it
        would be looked up, never sent again blindly.
        """
        values: dict[str, Any] = {
            "state": state,
            "updated_at": _db(run.now),
            "last_error_code": code,
            "last_error_message": detail[:1000],
            "next_attempt_utc": _db(next_attempt) if next_attempt is not None else None,
        }
        if undo_attempt:
            values["attempts"] = DECREMENT
        if lookups is not None:
            values["reconcile_attempts"] = lookups
        if reset_lookups or state == PUBLISHED:
            values["reconcile_attempts"] = 0
        if remote_id is not None:
            values["remote_id"] = remote_id
        if url is not None:
            values["remote_url"] = url
        if published_at is not None:
            values["published_at"] = _db(published_at)
        if native_schedule_id is not None:
            values["native_schedule_id"] = native_schedule_id
        if extra:
            values.update(extra)
        target_id = ctx.target.id
        assert target_id is not None
        run.writer.stage(
            Staged(target_id, SENDING, values, on_lost=lambda i: self._outcome_by_id(run, i, event))
        )
        # What was just decided, without reading it back.
        target = ctx.target
        target.state, target.last_error_code, target.last_error_message = state, code, detail[:1000]
        if remote_id is not None:
            target.remote_id = remote_id
        if url is not None:
            target.remote_url = url
        if native_schedule_id is not None:
            target.native_schedule_id = native_schedule_id
        if extra and "intermediate_ids" in extra:
            target.intermediate_ids = extra["intermediate_ids"]
        self._outcome(run, target, ctx.account, event)

    # --- outcomes ---------------------------------------------------------------------------------------

    def _outcome_by_id(self, run: _Run, target_id: int | None, event: str) -> None:
        if target_id is None:
            return
        with self.store.session() as session:
            target = session.get(PostTarget, target_id)
            if target is None:
                return
            account = session.get(Account, target.account_id) if target.account_id is not None else None
            self._outcome(run, target, account, event)

    def _record(self, run: _Run, target_id: int, *, event: str) -> None:
        try:
            self._outcome_by_id(run, target_id, event)
        except Exception:
            log.exception("outbox: reading target %s", target_id)

    @staticmethod
    def _outcome(run: _Run, target: PostTarget, account: Account | None, event: str) -> None:
        assert target.id is not None
        run.outcomes[target.id] = outcome_of(target, account, event)


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


def _done(held: native.Held, *, at: datetime | None = None) -> native.Held:
    """`held` with no change under way (and, after a move, its new time)."""
    return replace(held, op="", op_from="", at=at if at is not None else held.at)


def _text(ctx: _Ctx) -> str:
    """The text this target publishes: its own version, or the post's."""
    return ctx.target.text_override if ctx.target.text_override is not None else ctx.post.text


def _reason(exc: NetworkError) -> str:
    return (exc.server_reason or str(exc) or type(exc).__name__)[:1000]


def _media_detail(exc: Exception) -> str | None:
    from cm_desktop.core.media import MediaError

    if isinstance(exc, MediaError):
        return exc.message("en")
    return None


def _prepare_with_pipeline(
    source: Path, network: str, cache: Path, focal: tuple[float, float]
) -> OutgoingImage:
    from cm_desktop.core.media import prepare, spec_for

    rendition = prepare(source, spec_for(network), cache, focal)
    return OutgoingImage(
        path=rendition.path,
        mime_type=rendition.mime_type,
        alt="",
        width=rendition.width,
        height=rendition.height,
    )


# --- the person's answers and queue helpers -----------------------------------------------------------------


@dataclass(frozen=True)
class NewImage:
    """A picture already copied into the data folder (core.media.import_original)."""

    stored_path: str
    sha256: str
    mime_type: str = ""
    width: int = 0
    height: int = 0
    alt_text: str = ""


def queue_post(
    store: Store,
    *,
    text: str,
    account_ids: Sequence[int],
    when_utc: datetime,
    local_time: datetime | None = None,
    time_zone: str = "",
    images: Iterable[NewImage] = (),
    assisted_networks: Sequence[str] = (),
    now: datetime | None = None,
) -> tuple[int, list[int]]:
    """Store a post and one scheduled target per account (and per assisted network): (post id, target ids)."""
    moment = now or datetime.now(UTC)
    due = _db(when_utc)
    with store.session() as session:
        post = Post(
            text=text,
            local_time=local_time,
            time_zone=time_zone,
            scheduled_utc=due,
            created_at=_db(moment),
            updated_at=_db(moment),
        )
        session.add(post)
        session.flush()
        assert post.id is not None
        for position, image in enumerate(images):
            session.add(
                Media(
                    post_id=post.id,
                    position=position,
                    sha256=image.sha256,
                    stored_path=image.stored_path,
                    mime_type=image.mime_type,
                    width=image.width,
                    height=image.height,
                    alt_text=image.alt_text,
                )
            )
        targets = [
            PostTarget(post_id=post.id, account_id=account_id, state=SCHEDULED, next_attempt_utc=due)
            for account_id in account_ids
        ] + [
            PostTarget(post_id=post.id, network=network, state=SCHEDULED, next_attempt_utc=due)
            for network in assisted_networks
        ]
        for target in targets:
            target.updated_at = _db(moment)
            session.add(target)
        session.commit()
        return post.id, [t.id for t in targets if t.id is not None]


def late_publish_now(store: Store, post_id: int, now: datetime) -> list[int]:
    """Answer to a late post: publish it now (its targets become due at once)."""
    with store.session() as session:
        ids = post_targets.late_send(session, post_id, m.LATE, now, now)
        session.commit()
    return ids


def late_new_time(
    store: Store, post_id: int, when_utc: datetime, now: datetime, *, local_time: datetime | None = None
) -> list[int]:
    """Answer to a late post: publish it at a new time."""
    with store.session() as session:
        ids = post_targets.late_send(session, post_id, m.LATE, when_utc, now)
        post = session.get(Post, post_id)
        if post is not None:
            post.scheduled_utc = _db(when_utc)
            if local_time is not None:
                post.local_time = local_time
            post.updated_at = _db(now)
            session.add(post)
        session.commit()
    return ids


def late_skip(store: Store, post_id: int, now: datetime) -> list[int]:
    """Answer to a late post: do not publish it (it goes back to the drafts)."""
    with store.session() as session:
        ids = post_targets.late_skip(session, post_id, m.LATE, m.SKIPPED, now)
        session.commit()
    return ids


def retry_failed(store: Store, now: datetime, post_id: int | None = None) -> list[int]:
    """ "Retry": only failed targets go back to the queue, keeping their key (a repeat stays a repeat)."""
    with store.session() as session:
        ids = post_targets.retry_failed(session, now, post_id)
        session.commit()
    return ids


def review_published(store: Store, target_id: int, now: datetime, url: str = "") -> bool:
    """The person checked: the post is on the network (a target in needs_review)."""
    with store.session() as session:
        done = post_targets.reviewed_out(session, target_id, now, url)
        session.commit()
    return done


def review_publish_again(store: Store, target_id: int, now: datetime) -> bool:
    """The person checked: the post is not there. Send again with a new key (the old one is spent)."""
    with store.session() as session:
        done = post_targets.send_again(session, target_id, now)
        session.commit()
    return done


def account_reconnected(store: Store, account_id: int, now: datetime) -> list[int]:
    """The account works again: its parked targets wait for their own time (a long-past one asks first)."""
    with store.session() as session:
        ids = post_targets.reconnected(session, account_id, now)
        session.commit()
    return ids


def targets(store: Store, post_id: int | None = None) -> list[TargetOutcome]:
    """Every target (of one post, or all), as the status command and the interface show them."""
    with store.session() as session:
        query = select(PostTarget)
        if post_id is not None:
            query = query.where(col(PostTarget.post_id) == post_id)
        rows = session.exec(query.order_by(col(PostTarget.post_id), col(PostTarget.id))).all()
        accounts = {a.id: a for a in session.exec(select(Account)).all()}
        return [outcome_of(t, accounts.get(t.account_id) if t.account_id else None) for t in rows]
