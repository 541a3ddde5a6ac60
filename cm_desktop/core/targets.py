"""Post targets: the only place where a target changes state.

A post goes to each account (or, published by hand, each network) through one PostTarget. Every change of
its state is an event of this table, applied by one conditional UPDATE (`... WHERE id = ? AND state IN
(the event's sources)`), so a second click, a second window or a second publisher changes nothing.

| event                 | from                                   | to               | who    |
|-----------------------|----------------------------------------|------------------|--------|
| QUEUE                 | draft, scheduled, failed, assisted_p.  | scheduled        | person |
| MOVE                  | scheduled, assisted_pending            | scheduled        | person |
| TO_DRAFTS             | scheduled, failed, assisted_pending    | draft            | person |
| RETRY                 | failed                                 | scheduled        | person |
| REVIEWED_OUT          | needs_review                           | published        | person |
| SEND_AGAIN            | needs_review                           | scheduled        | person |
| LATE_SEND             | needs_review (late)                    | scheduled        | person |
| LATE_SKIP             | needs_review (late)                    | draft            | person |
| POSTED_BY_HAND        | assisted_pending                       | published        | person |
| LATER                 | assisted_pending                       | scheduled        | person |
| SKIP                  | assisted_pending                       | draft            | person |
| PUBLISH_NOW           | scheduled                              | scheduled        | person |
| ACCOUNT_GONE          | draft, scheduled, failed, needs_review | failed           | person |
| ACCOUNT_GONE_UNCLEAR  | sending                                | needs_review     | person |
| RECONNECTED           | scheduled (parked)                     | scheduled        | person |
| DUE_BY_HAND           | scheduled                              | assisted_pending | outbox |
| FOUND_LATE            | scheduled                              | needs_review     | outbox |
| CLAIM                 | scheduled                              | sending          | outbox |
| CLAIM_COPY_CHANGE     | scheduled, draft                       | sending          | outbox |
| SENT                  | sending                                | published        | outbox |
| HANDED_OVER           | sending                                | scheduled        | outbox |
| COPY_WAITS            | sending                                | scheduled        | outbox |
| COPY_WAITS_AS_DRAFT   | sending                                | draft            | outbox |
| COPY_CANCELLED        | sending                                | draft            | outbox |
| COPY_CANCELLED_RESEND | sending                                | scheduled        | outbox |
| UNKNOWN               | sending                                | sending          | outbox |
| NOT_SENT              | sending                                | scheduled        | outbox |
| RATE_LIMITED          | sending                                | scheduled        | outbox |
| PARK                  | scheduled, sending                     | scheduled        | outbox |
| RETRY_LATER           | sending                                | scheduled        | outbox |
| REFUSED               | sending                                | failed           | outbox |
| GAVE_UP               | sending                                | failed           | outbox |
| ASK_PERSON            | sending, scheduled                     | needs_review     | outbox |
| RESTORED_LOOK_UP      | scheduled, sending                     | sending          | store  |
| RESTORED_ASK          | scheduled, sending                     | needs_review     | store  |

Rows leave the table in two ways only: `discard` (a draft target the composer replaces, or every target of a
post deleted in the app while none is `sending`) and the outbox dropping a target whose server copy it
cancelled after the post went back to drafts or was deleted. No event leads out of `published`: a published
target stays published (tests/unit/test_targets.py drives random sequences and checks it).

A target whose copy a server holds for later (Mastodon `scheduled_at`) is never simply moved or discarded:
`withdraw` marks it, and the outbox cancels the copy first (core/outbox/native.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Literal

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from cm_desktop.core.models import Account, AccountStatus, Post, PostTarget, TargetState

DRAFT = TargetState.DRAFT.value
SCHEDULED = TargetState.SCHEDULED.value
SENDING = TargetState.SENDING.value
PUBLISHED = TargetState.PUBLISHED.value
FAILED = TargetState.FAILED.value
NEEDS_REVIEW = TargetState.NEEDS_REVIEW.value
ASSISTED = TargetState.ASSISTED_PENDING.value

# --- the state sets everyone else reads ---------------------------------------------------------------

# Waiting for their time: they move with the post.
WAITING = frozenset({SCHEDULED, ASSISTED})
# Out (or maybe out): moving the post would misdate what is already there.
OUT_OR_UNCLEAR = frozenset({SENDING, PUBLISHED, NEEDS_REVIEW})
# Not out yet, and an edit of the post still changes their text.
EDITABLE = frozenset({SCHEDULED, FAILED, ASSISTED})
# Go out (again) when the post is scheduled or published now.
QUEUEABLE = EDITABLE | {DRAFT}
# Could reach a network without the person doing anything more.
SENDABLE = frozenset({SCHEDULED, SENDING})
# Shown first when a post has several targets: the one that most needs the person's eye.
ATTENTION_ORDER: tuple[str, ...] = (FAILED, NEEDS_REVIEW, ASSISTED, SENDING, SCHEDULED, DRAFT, PUBLISHED)


class Event(StrEnum):
    # the person
    QUEUE = "queue"
    MOVE = "move"
    TO_DRAFTS = "to_drafts"
    RETRY = "retry"
    REVIEWED_OUT = "reviewed_out"
    SEND_AGAIN = "send_again"
    LATE_SEND = "late_send"
    LATE_SKIP = "late_skip"
    POSTED_BY_HAND = "posted_by_hand"
    LATER = "later"
    SKIP = "skip"
    PUBLISH_NOW = "publish_now"
    ACCOUNT_GONE = "account_gone"
    ACCOUNT_GONE_UNCLEAR = "account_gone_unclear"
    RECONNECTED = "reconnected"
    # the outbox
    DUE_BY_HAND = "due_by_hand"
    FOUND_LATE = "found_late"
    CLAIM = "claim"
    CLAIM_COPY_CHANGE = "claim_copy_change"
    SENT = "sent"
    HANDED_OVER = "handed_over"
    COPY_WAITS = "copy_waits"
    COPY_WAITS_AS_DRAFT = "copy_waits_as_draft"
    COPY_CANCELLED = "copy_cancelled"
    COPY_CANCELLED_RESEND = "copy_cancelled_resend"
    UNKNOWN = "unknown"
    NOT_SENT = "not_sent"
    RATE_LIMITED = "rate_limited"
    PARK = "park"
    RETRY_LATER = "retry_later"
    REFUSED = "refused"
    GAVE_UP = "gave_up"
    # the store, after a backup was restored
    RESTORED_LOOK_UP = "restored_look_up"
    RESTORED_ASK = "restored_ask"
    ASK_PERSON = "ask_person"


@dataclass(frozen=True)
class Rule:
    sources: frozenset[str]
    to: str


def _rule(sources: Iterable[str], to: str) -> Rule:
    return Rule(frozenset(sources), to)


E = Event
TABLE: MappingProxyType[Event, Rule] = MappingProxyType(
    {
        E.QUEUE: _rule(QUEUEABLE, SCHEDULED),
        E.MOVE: _rule(WAITING, SCHEDULED),
        E.TO_DRAFTS: _rule(EDITABLE, DRAFT),
        E.RETRY: _rule({FAILED}, SCHEDULED),
        E.REVIEWED_OUT: _rule({NEEDS_REVIEW}, PUBLISHED),
        E.SEND_AGAIN: _rule({NEEDS_REVIEW}, SCHEDULED),
        E.LATE_SEND: _rule({NEEDS_REVIEW}, SCHEDULED),
        E.LATE_SKIP: _rule({NEEDS_REVIEW}, DRAFT),
        E.POSTED_BY_HAND: _rule({ASSISTED}, PUBLISHED),
        E.LATER: _rule({ASSISTED}, SCHEDULED),
        E.SKIP: _rule({ASSISTED}, DRAFT),
        E.PUBLISH_NOW: _rule({SCHEDULED}, SCHEDULED),
        E.ACCOUNT_GONE: _rule({DRAFT, SCHEDULED, FAILED, NEEDS_REVIEW}, FAILED),
        E.ACCOUNT_GONE_UNCLEAR: _rule({SENDING}, NEEDS_REVIEW),
        E.RECONNECTED: _rule({SCHEDULED}, SCHEDULED),
        E.DUE_BY_HAND: _rule({SCHEDULED}, ASSISTED),
        E.FOUND_LATE: _rule({SCHEDULED}, NEEDS_REVIEW),
        E.CLAIM: _rule({SCHEDULED}, SENDING),
        E.CLAIM_COPY_CHANGE: _rule({SCHEDULED, DRAFT}, SENDING),
        E.SENT: _rule({SENDING}, PUBLISHED),
        E.HANDED_OVER: _rule({SENDING}, SCHEDULED),
        E.COPY_WAITS: _rule({SENDING}, SCHEDULED),
        E.COPY_WAITS_AS_DRAFT: _rule({SENDING}, DRAFT),
        E.COPY_CANCELLED: _rule({SENDING}, DRAFT),
        E.COPY_CANCELLED_RESEND: _rule({SENDING}, SCHEDULED),
        E.UNKNOWN: _rule({SENDING}, SENDING),
        E.NOT_SENT: _rule({SENDING}, SCHEDULED),
        E.RATE_LIMITED: _rule({SENDING}, SCHEDULED),
        E.PARK: _rule({SCHEDULED, SENDING}, SCHEDULED),
        E.RETRY_LATER: _rule({SENDING}, SCHEDULED),
        E.REFUSED: _rule({SENDING}, FAILED),
        E.GAVE_UP: _rule({SENDING}, FAILED),
        E.ASK_PERSON: _rule({SENDING, SCHEDULED}, NEEDS_REVIEW),
        E.RESTORED_LOOK_UP: _rule({SCHEDULED, SENDING}, SENDING),
        E.RESTORED_ASK: _rule({SCHEDULED, SENDING}, NEEDS_REVIEW),
    }
)

# Events by whom they come from (the state-machine test drives both).
OUTBOX_EVENTS = frozenset(
    {
        E.DUE_BY_HAND, E.FOUND_LATE, E.CLAIM, E.CLAIM_COPY_CHANGE, E.SENT, E.HANDED_OVER, E.COPY_WAITS,
        E.COPY_WAITS_AS_DRAFT, E.COPY_CANCELLED, E.COPY_CANCELLED_RESEND, E.UNKNOWN, E.NOT_SENT,
        E.RATE_LIMITED, E.PARK, E.RETRY_LATER, E.REFUSED, E.GAVE_UP, E.ASK_PERSON, E.RESTORED_LOOK_UP,
        E.RESTORED_ASK,
    }
)  # fmt: skip
PERSON_EVENTS = frozenset(Event) - OUTBOX_EVENTS


def next_state(state: str, event: Event) -> str | None:
    """Where `event` takes a target in `state`; None when the event does not apply to that state."""
    rule = TABLE[event]
    return rule.to if state in rule.sources else None


def sources(event: Event) -> tuple[str, ...]:
    """The states `event` applies to, in a stable order (for SQL parameters)."""
    return tuple(sorted(TABLE[event].sources))


def to(event: Event) -> str:
    return TABLE[event].to


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def apply(
    session: Session, event: Event, target_ids: Iterable[int], now: datetime, **values: Any
) -> list[int]:
    """Apply `event` to each target still in one of its source states; returns the ids that changed.

    One conditional UPDATE per target, in the caller's transaction (the caller commits): a target that moved
    on meanwhile is left alone. `values` are the other columns the event sets.
    """
    rule = TABLE[event]
    changed = []
    for target_id in target_ids:
        result = session.exec(
            update(PostTarget)
            .where(col(PostTarget.id) == target_id, col(PostTarget.state).in_(sorted(rule.sources)))
            .values(state=rule.to, updated_at=_aware(now), **values)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount == 1:
            changed.append(target_id)
    return changed


def ids_of(session: Session, post_id: int | None, event: Event, *extra: Any) -> list[int]:
    """The targets (of one post, or all) that `event` applies to, with extra SQL conditions."""
    query = select(PostTarget.id).where(col(PostTarget.state).in_(sources(event)), *extra)
    if post_id is not None:
        query = query.where(col(PostTarget.post_id) == post_id)
    return [i for i in session.exec(query.order_by(col(PostTarget.id))).all() if i is not None]


def _apply_where(
    store_session: Session, post_id: int | None, event: Event, now: datetime, *extra: Any, **values: Any
) -> list[int]:
    return apply(store_session, event, ids_of(store_session, post_id, event, *extra), now, **values)


# --- copies a server holds for later --------------------------------------------------------------------


def withdrawing(target: PostTarget) -> bool:
    """True while the outbox is cancelling this target's server copy (the post went to drafts or away)."""
    from cm_desktop.core.outbox import native

    held = native.read(target.intermediate_ids) if target.native_schedule_id else None
    return held is not None and bool(held.withdraw)


def withdraw(session: Session, target: PostTarget, why: Literal["draft", "delete"], now: datetime) -> bool:
    """Mark a target whose copy a server holds: the outbox cancels the copy, then lets the target go.

    For "draft", a draft target takes its place at once (the person edits and schedules that one; it is not
    sent while the old copy may still go out). The marked target stays `scheduled` meanwhile: it is what the
    server still holds. False: nothing to withdraw.
    """
    from dataclasses import replace

    from cm_desktop.core.outbox import native

    if not target.native_schedule_id or target.state != SCHEDULED or target.account_id is None:
        return False
    held = native.read(target.intermediate_ids) or native.Held(
        at=None, signature="", text="", images=0, since=None
    )
    if held.withdraw == "delete" or held.withdraw == why:
        return True  # already asked
    if why == "draft":
        session.add(
            PostTarget(
                post_id=target.post_id,
                account_id=target.account_id,
                network=target.network,
                text_override=target.text_override,
                state=DRAFT,
                updated_at=_aware(now),
            )
        )
    target.intermediate_ids = native.write(target.intermediate_ids, replace(held, withdraw=why))
    target.updated_at = _aware(now)
    session.add(target)
    return True


# --- what the person does --------------------------------------------------------------------------------


def queue(session: Session, post_id: int, due: datetime, now: datetime) -> int:
    """Every target of the post that has not gone out waits for `due` (QUEUE); returns how many.

    Failed targets start over with their key kept (a repeat of a request stays a repeat), as "Retry" does.
    A target whose server copy is being cancelled stays as it is: its stand-in is queued instead.
    """
    ids = [
        t.id
        for t in session.exec(
            select(PostTarget).where(
                col(PostTarget.post_id) == post_id, col(PostTarget.state).in_(sources(Event.QUEUE))
            )
        )
        if t.id is not None and not withdrawing(t)
    ]
    return len(
        apply(
            session,
            Event.QUEUE,
            ids,
            now,
            next_attempt_utc=_aware(due),
            attempts=0,
            reconcile_attempts=0,
            last_error_code="",
            last_error_message="",
        )
    )


def move(session: Session, post_id: int, due: datetime, now: datetime) -> list[int]:
    """The post moved: its waiting targets wait for the new time (drafts stay drafts)."""
    return _apply_where(session, post_id, Event.MOVE, now, next_attempt_utc=_aware(due))


def to_drafts(session: Session, post_id: int, now: datetime) -> list[int]:
    """Take the post out of the queue; a copy a server holds is withdrawn first (a draft stands in)."""
    changed = []
    for target in session.exec(select(PostTarget).where(col(PostTarget.post_id) == post_id)).all():
        assert target.id is not None
        if withdraw(session, target, "draft", now):
            continue
        changed += apply(session, Event.TO_DRAFTS, [target.id], now, next_attempt_utc=None)
    return changed


def discard(session: Session, post_id: int, now: datetime) -> Literal["gone", "withdrawing", "sending"]:
    """Delete the post from the app (never from a network). Refused while a target is `sending`; a target
    whose copy a server holds stays, marked, until the outbox has cancelled that copy."""
    from cm_desktop.core.models import Media

    rows = session.exec(select(PostTarget).where(col(PostTarget.post_id) == post_id)).all()
    if any(t.state == SENDING for t in rows):
        return "sending"
    held = [t.id for t in rows if withdraw(session, t, "delete", now)]
    if held:
        session.exec(
            delete(PostTarget).where(col(PostTarget.post_id) == post_id, col(PostTarget.id).not_in(held))
        )
        return "withdrawing"
    session.exec(delete(Media).where(col(Media.post_id) == post_id))
    session.exec(delete(PostTarget).where(col(PostTarget.post_id) == post_id))
    session.exec(delete(Post).where(col(Post.id) == post_id))
    return "gone"


def discard_drafts(session: Session, post_id: int) -> None:
    """The composer saves a new version: the post's draft targets are replaced (never any other)."""
    session.exec(delete(PostTarget).where(col(PostTarget.post_id) == post_id, col(PostTarget.state) == DRAFT))


def publish_now(session: Session, post_id: int, now: datetime) -> list[int]:
    """Every waiting target of the post (not held by a server) becomes due at once."""
    return _apply_where(
        session,
        post_id,
        Event.PUBLISH_NOW,
        now,
        col(PostTarget.native_schedule_id) == "",
        col(PostTarget.next_attempt_utc).is_not(None),
        col(PostTarget.next_attempt_utc) > _aware(now),
        next_attempt_utc=_aware(now),
    )


def retry_failed(session: Session, now: datetime, post_id: int | None = None) -> list[int]:
    """ "Retry": only failed targets go back to the queue, keeping their key (a repeat stays a repeat)."""
    return _apply_where(
        session,
        post_id,
        Event.RETRY,
        now,
        attempts=0,
        reconcile_attempts=0,
        next_attempt_utc=_aware(now),
        last_error_code="",
        last_error_message="",
    )


def reviewed_out(session: Session, target_id: int, now: datetime, url: str = "") -> bool:
    """The person checked: the post is on the network."""
    return bool(
        apply(
            session,
            Event.REVIEWED_OUT,
            [target_id],
            now,
            remote_url=url,
            published_at=_aware(now),
            last_error_code="",
            last_error_message="",
        )
    )


def send_again(session: Session, target_id: int, now: datetime) -> bool:
    """The person checked: the post is not there. Sent again with a new key (the old one is spent)."""
    return bool(
        apply(
            session,
            Event.SEND_AGAIN,
            [target_id],
            now,
            idempotency_key="",
            native_schedule_id="",
            attempts=0,
            reconcile_attempts=0,
            next_attempt_utc=_aware(now),
            last_error_code="",
            last_error_message="",
        )
    )


def late_send(session: Session, post_id: int, late_code: str, due: datetime, now: datetime) -> list[int]:
    """A late post: publish it at `due` (now, or a new time)."""
    return _apply_where(
        session,
        post_id,
        Event.LATE_SEND,
        now,
        col(PostTarget.last_error_code) == late_code,
        next_attempt_utc=_aware(due),
        last_error_code="",
        last_error_message="",
    )


def late_skip(session: Session, post_id: int, late_code: str, skipped_code: str, now: datetime) -> list[int]:
    """A late post the person does not want any more: back to the drafts, marked as skipped."""
    return _apply_where(
        session,
        post_id,
        Event.LATE_SKIP,
        now,
        col(PostTarget.last_error_code) == late_code,
        next_attempt_utc=None,
        last_error_code=skipped_code,
    )


def posted_by_hand(session: Session, target_id: int, now: datetime, url: str = "") -> bool:
    return bool(
        apply(
            session,
            Event.POSTED_BY_HAND,
            [target_id],
            now,
            remote_url=url.strip(),
            published_at=_aware(now),
            next_attempt_utc=None,
            last_error_code="",
            last_error_message="",
        )
    )


def later(session: Session, target_id: int, when: datetime, now: datetime) -> bool:
    return bool(apply(session, Event.LATER, [target_id], now, next_attempt_utc=_aware(when)))


def skip(session: Session, target_id: int, skipped_code: str, now: datetime) -> bool:
    return bool(
        apply(session, Event.SKIP, [target_id], now, next_attempt_utc=None, last_error_code=skipped_code)
    )


def account_gone(
    session: Session, account_id: int, network: str, now: datetime, *, no_account: str, unclear: str
) -> None:
    """The account is removed: what was waiting fails with a reason, an unclear sending asks the person,
    and every target keeps its history under the network's name."""
    mine = col(PostTarget.account_id) == account_id
    gone = ids_of(session, None, Event.ACCOUNT_GONE, mine)
    apply(session, Event.ACCOUNT_GONE, gone, now, last_error_code=no_account, next_attempt_utc=None)
    apply(
        session,
        Event.ACCOUNT_GONE_UNCLEAR,
        ids_of(session, None, Event.ACCOUNT_GONE_UNCLEAR, mine),
        now,
        last_error_code=unclear,
    )
    session.exec(
        update(PostTarget)
        .where(mine)
        .values(account_id=None, network=network)
        .execution_options(synchronize_session=False)
    )


def reconnected(session: Session, account_id: int, now: datetime) -> list[int]:
    """The account works again: its parked targets wait for their own time (a long-past one asks first)."""
    account = session.get(Account, account_id)
    if account is not None:
        account.status = AccountStatus.OK.value
        session.add(account)
    rows = session.exec(
        select(PostTarget, Post).where(
            col(PostTarget.post_id) == col(Post.id),
            col(PostTarget.account_id) == account_id,
            col(PostTarget.state).in_(sources(Event.RECONNECTED)),
            col(PostTarget.next_attempt_utc).is_(None),
        )
    ).all()
    changed = []
    for target, post in rows:
        assert target.id is not None
        due = post.scheduled_utc or now
        changed += apply(
            session, Event.RECONNECTED, [target.id], now, next_attempt_utc=_aware(due), last_error_code=""
        )
    return changed


def sendable_per_account(
    session: Session, post_ids: Sequence[int] | None = None
) -> dict[tuple[int, int], int]:
    """How many targets could go out per (post, account), not counting those being withdrawn (a test
    checks it never exceeds one)."""
    query = select(PostTarget).where(
        col(PostTarget.state).in_(sorted(SENDABLE)), col(PostTarget.account_id).is_not(None)
    )
    if post_ids is not None:
        query = query.where(col(PostTarget.post_id).in_(list(post_ids)))
    counts: dict[tuple[int, int], int] = {}
    for target in session.exec(query):
        if withdrawing(target):
            continue
        key = (target.post_id, target.account_id or 0)
        counts[key] = counts.get(key, 0) + 1
    return counts


def after_restore(
    session: Session, made: datetime, now: datetime, native_networks: Iterable[str], *, ask_code: str
) -> None:
    """A backup made at `made` was put back: a post sent since is unknown here, and sending it again would
    publish it twice. Each target that may have gone out is settled before anything else:
    - where the network can be asked (a record key we kept, or a server that keeps posts for later: both found
      by a look-up reading back to `made`): looked up by the outbox (RESTORED_LOOK_UP);
    - otherwise, a post due since the backup: the person checks and answers (RESTORED_ASK).
    Later posts of other networks could not have gone out (they have no copy kept by a server)."""
    native = set(native_networks)
    rows = session.exec(
        select(PostTarget, Post, Account).where(
            col(PostTarget.post_id) == col(Post.id),
            col(PostTarget.account_id) == col(Account.id),
            col(PostTarget.state).in_(sources(Event.RESTORED_LOOK_UP)),
        )
    ).all()
    since = _aware(made)
    for target, post, account in rows:
        assert target.id is not None
        due = post.scheduled_utc
        first = target.first_attempt_utc
        read_back = min(_aware(first), since) if first is not None else since
        if account.network in native or target.idempotency_key:
            apply(session, Event.RESTORED_LOOK_UP, [target.id], now, first_attempt_utc=read_back,
                  next_attempt_utc=_aware(now), reconcile_attempts=0)  # fmt: skip
        elif due is None or _aware(due) <= _aware(now):
            apply(session, Event.RESTORED_ASK, [target.id], now, last_error_code=ask_code,
                  last_error_message=since.strftime("%Y-%m-%d %H:%M UTC"))  # fmt: skip
