"""Copies a server holds for later (Mastodon `scheduled_at`), brought in line with their post, exactly once.

The interface only writes to the database (native.py records what the server holds); here a run works out
what each copy needs from (what the server holds, what the post says now):
- the post moved -> the copy is moved (`PUT`), or cancelled when the new time is too near for the server,
  and the post is then sent by the outbox at its time;
- its text or pictures changed -> the copy is cancelled, then handed over again with a new key;
- back to drafts or deleted -> the copy is cancelled, then the target goes.
Every change is claimed (`sending`, with the change recorded) and committed before its request; redoing it
after a crash is safe: a move is the same PUT again, a cancel that already happened answers 404 and the copy
is then looked for among the published posts.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlmodel import col, select

from cm_desktop.core import targets
from cm_desktop.core.models import PostTarget
from cm_desktop.core.models import stored_utc as aware
from cm_desktop.core.outbox import messages as m
from cm_desktop.core.outbox import native, progress, send
from cm_desktop.core.outbox import select as selection
from cm_desktop.core.outbox.context import Ctx, Run, db_time, finish
from cm_desktop.core.outbox.policy import TargetOutcome
from cm_desktop.core.ports import (
    AuthExpired,
    NativeScheduling,
    NetworkError,
    NotSent,
    PublishResult,
    RateLimited,
    Refused,
)

log = logging.getLogger(__name__)

E = targets.Event


def bring_in_line(run: Run, post_id: int | None, guarded: Any) -> None:
    """Every copy a server holds, brought in line with its post (each target guarded by the caller)."""
    if not run.policy.native_networks:
        return
    ids = selection.holding_copies(run, post_id)
    if not ids:
        return
    loaded = run.load_many(ids)
    for target_id in ids:
        ctx = loaded.get(target_id)
        if ctx is not None:
            guarded(run, target_id, functools.partial(_change, ctx=ctx))
    run.ledger.flush()


def _change(run: Run, target_id: int, *, ctx: Ctx) -> None:
    target, account, post = ctx.target, ctx.account, ctx.post
    assert account is not None and account.id is not None and post.id is not None
    held = native.read(target.intermediate_ids)
    if target.state == targets.SENDING:
        # Being changed by another publisher (or left so by a crash: looked up first). Only wait for it.
        if held is not None and held.op:
            run.native_busy.add(target_id)
            if held.op == "cancel":
                run.withdrawing.add((post.id, account.id))
        return
    content = native.signature(ctx.text, ctx.media)
    if held is not None and held.signature == native.signature_with_focus(ctx.text, ctx.media):
        held = replace(held, signature=content)  # recorded by an earlier version: the same content
    due = aware(post.scheduled_utc)
    if held is None or not held.signature:
        # Handed over before what the server holds was recorded: the post as it is now stands for it.
        held = native.Held(
            at=held.at if held is not None and held.at is not None else due,
            signature=content,
            text=ctx.text,
            images=len(ctx.media),
            since=None,
            withdraw=held.withdraw if held is not None else "",
        )
        if target.state == targets.SCHEDULED and not held.withdraw:
            run.ledger.update(
                target_id,
                {"intermediate_ids": native.write(target.intermediate_ids, held)},
                ("state = ?", "intermediate_ids = ?"),
                targets.SCHEDULED,
                target.intermediate_ids,
            )
            return
    # A draft still holding a copy (left so by earlier versions): the copy is cancelled.
    op = native.change_needed(held, due, content) if target.state == targets.SCHEDULED else "cancel"
    if not op:
        return
    run.native_busy.add(target_id)
    if op == "cancel":
        run.withdrawing.add((post.id, account.id))
    connector = _connector(run, ctx)
    if connector is None:
        return
    held = replace(held, op=op, op_from=target.state)
    record = native.write(target.intermediate_ids, held)
    # The claim: `sending` with the change to make, committed before the request (as for a send).
    claimed = run.ledger.claim(
        target_id,
        E.CLAIM_COPY_CHANGE,
        {"next_attempt_utc": db_time(run.now + run.policy.send_lease), "intermediate_ids": record},
        ("state = ?", "native_schedule_id = ?", "intermediate_ids = ?"),
        target.state,
        target.native_schedule_id,
        target.intermediate_ids,
    )
    if not claimed:
        return  # changed meanwhile (another publisher, or the person again): the next run sees it
    target.state, target.intermediate_ids = targets.SENDING, record
    _apply(run, ctx, connector, held)


def resume(run: Run, ctx: Ctx, held: native.Held) -> None:
    """A change left half-way (a crash, a lost answer): worked out again and redone, which is safe."""
    assert ctx.account is not None and ctx.account.id is not None and ctx.target.id is not None
    run.native_busy.add(ctx.target.id)
    if held.op == "cancel":
        run.withdrawing.add((ctx.post.id or 0, ctx.account.id))
    connector = _connector(run, ctx)
    if connector is not None:
        _apply(run, ctx, connector, held)


def _connector(run: Run, ctx: Ctx) -> NativeScheduling | None:
    account = ctx.account
    assert account is not None and account.id is not None
    if run.blocks(account):
        return None
    try:
        connector = run.connector(account)
    except AuthExpired:
        run.needs_reconnect(account.id)
        return None
    except Exception as exc:  # NoConnector, or the keychain is unavailable
        log.warning("outbox: account %s unavailable (%s)", account.id, type(exc).__name__)
        run.blocked[account.id] = "unavailable"
        return None
    if not isinstance(connector, NativeScheduling):
        log.warning("outbox: %s holds a copy but its connector cannot change it", account.network)
        return None
    return connector


def _apply(run: Run, ctx: Ctx, connector: NativeScheduling, held: native.Held) -> None:
    """Do `held.op` to the server's copy (the target is claimed: `sending`), then record the result."""
    account = ctx.account
    assert account is not None and account.id is not None
    due = aware(ctx.post.scheduled_utc)
    try:
        result = _request(run, ctx, connector, held, due)
        if result == "gone":
            # No longer on the server's schedule: published at its time, or deleted on the web. Look
            # among the published posts before doing anything else.
            since = held.since - run.policy.native_publish_window if held.since else None
            found = connector.find_published(
                native.as_sent(held.text, held.images, ctx.target.idempotency_key), since
            )
            if found is not None:
                _out(run, ctx, held, found)
                return
            if not _surely_unpublished(run, held):
                _back(run, ctx, held, m.NATIVE_PENDING, "not yet visible among the posts")
                return
            result = "cancelled"  # deleted on the web: as good as cancelled
    except RateLimited as exc:
        run.rate_limited(account.id, exc.until)
        _back(run, ctx, held, "", "")
        return
    except AuthExpired:
        run.needs_reconnect(account.id)
        _back(run, ctx, held, "", "")
        return
    except NotSent as exc:
        run.blocked[account.id] = m.OFFLINE
        _back(run, ctx, held, m.NATIVE_PENDING, send.reason(exc))
        return
    except NetworkError as exc:
        # Every change is redone from scratch next time, and each is safe to repeat.
        _back(run, ctx, held, m.NATIVE_PENDING, send.reason(exc))
        return
    if result == "moved":
        assert due is not None
        finish(
            run,
            ctx,
            E.HANDED_OVER,
            outcome="native_moved",
            next_attempt=due + run.policy.native_check_after,
            extra={"intermediate_ids": native.write(ctx.target.intermediate_ids, _done(held, at=due))},
        )
    else:
        _cancelled(run, ctx, held, due)
    _settled(run, ctx)


def _request(run: Run, ctx: Ctx, connector: NativeScheduling, held: native.Held, due: datetime | None) -> str:
    """The op's request: "moved", "cancelled", or "gone" (the server no longer holds the copy)."""
    native_id = ctx.target.native_schedule_id
    if held.op == "move" and due is not None and due - run.now >= run.policy.native_update_min_lead:
        try:
            moved = connector.reschedule(native_id, due)
        except Refused as exc:
            # Refused (too near for the server's own clock): take the copy back; the post goes out
            # through the outbox at its time instead.
            log.info("outbox: moving copy %s refused (%s): cancelling it", native_id, send.reason(exc))
        else:
            return "moved" if moved is not None else "gone"
    return "cancelled" if connector.cancel(native_id) else "gone"


def _surely_unpublished(run: Run, held: native.Held) -> bool:
    """A copy gone from the schedule, not among the published posts: deleted on the web, unless its time is
    so near that the server may be publishing it right now (then: ask again later)."""
    if held.at is None:
        return False
    window = run.policy.native_publish_window
    return run.now < held.at - window or run.now > held.at + window


def _done(held: native.Held, *, at: datetime | None = None) -> native.Held:
    """`held` with no change under way (and, after a move, its new time)."""
    return replace(held, op="", op_from="", at=at if at is not None else held.at)


def _cancelled(run: Run, ctx: Ctx, held: native.Held, due: datetime | None) -> None:
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
        # Sent again as a new copy at its time: handed over again when far enough ahead, otherwise published
        # by the outbox itself when due.
        outcome = "native_replaced" if held.op == "replace" else "native_cancelled"
        when = due or run.now
        window = run.policy.native_publish_window
        if held.at is not None and run.now >= held.at - window:
            # Cancelled so near its time that the server may have been publishing it as we asked: the post
            # is sent only after that moment has passed and it was not found among the published posts.
            since = held.since or held.at - window
            copy = progress.CancelledCopy(at=held.at, since=since, text=held.text, images=held.images)
            released["intermediate_ids"] = progress.with_cancelled_copy(
                str(released["intermediate_ids"]), copy
            )
            when = max(when, held.at + window)
        finish(run, ctx, E.COPY_CANCELLED_RESEND, outcome=outcome, next_attempt=when, extra=released)
    elif held.op_from == targets.DRAFT or not held.withdraw:
        finish(run, ctx, E.COPY_CANCELLED, outcome="native_cancelled", extra=released)
    else:
        _drop_withdrawn(run, ctx, held)


def _drop_withdrawn(run: Run, ctx: Ctx, held: native.Held) -> None:
    """The copy of a post sent back to drafts or deleted is cancelled: its target goes (a draft target stands
    in for it), and a deleted post that has nothing else left goes with it."""
    target, post = ctx.target, ctx.post
    assert target.id is not None and post.id is not None
    if not run.ledger.drop_withdrawn(target.id, post.id, with_post=held.withdraw == "delete"):
        run.ledger.report_by_id(target.id, "native_cancelled")
        return
    run.ledger.outcomes[target.id] = TargetOutcome(
        target_id=target.id,
        post_id=post.id,
        account_id=target.account_id,
        network=ctx.network,
        state=targets.DRAFT if held.withdraw == "draft" else "deleted",
        event="native_cancelled",
    )


def _out(run: Run, ctx: Ctx, held: native.Held, found: PublishResult) -> None:
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
        finish(
            run,
            ctx,
            E.ASK_PERSON,
            outcome="needs_review",
            code=m.NATIVE_CHANGED_TOO_LATE,
            detail=planned,
            **common,
        )
    else:
        code = m.NATIVE_OUT_BEFORE_MOVE if held.op == "move" else m.NATIVE_OUT_BEFORE_WITHDRAW
        finish(
            run,
            ctx,
            E.SENT,
            outcome="published",
            code=code,
            detail=planned,
            published_at=held.at or run.now,  # the server published it at its time
            **common,
        )
        if held.op == "cancel":
            _stand_ins_to_review(run, ctx, planned)
    _settled(run, ctx)


def _stand_ins_to_review(run: Run, ctx: Ctx, planned: str) -> None:
    """A stand-in scheduled again after "back to drafts" would now be a second copy: ask first."""
    assert ctx.target.id is not None
    run.ledger.flush()
    with run.deps.store.session() as session:
        ids = session.exec(
            select(PostTarget.id).where(
                col(PostTarget.post_id) == ctx.post.id,
                col(PostTarget.account_id) == ctx.target.account_id,
                col(PostTarget.id) != ctx.target.id,
                col(PostTarget.state) == targets.SCHEDULED,
            )
        ).all()
    for target_id in ids:
        if target_id is not None and run.ledger.move(
            target_id,
            E.ASK_PERSON,
            ("state = ?",),
            targets.SCHEDULED,
            last_error_code=m.NATIVE_CHANGED_TOO_LATE,
            last_error_message=planned,
        ):
            run.ledger.report_by_id(target_id, "needs_review")


def _back(run: Run, ctx: Ctx, held: native.Held, code: str, detail: str) -> None:
    """The change could not be made now: the target goes back as it was; the next run tries again."""
    as_draft = held.op_from == targets.DRAFT
    when = held.at or aware(ctx.post.scheduled_utc) or run.now
    finish(
        run,
        ctx,
        E.COPY_WAITS_AS_DRAFT if as_draft else E.COPY_WAITS,
        outcome="native_pending",
        code=code,
        detail=detail,
        next_attempt=None if as_draft else when + run.policy.native_check_after,
        extra={"intermediate_ids": native.write(ctx.target.intermediate_ids, _done(held))},
    )


def _settled(run: Run, ctx: Ctx) -> None:
    assert ctx.target.id is not None
    run.native_busy.discard(ctx.target.id)
    if ctx.account is not None and ctx.account.id is not None:
        run.withdrawing.discard((ctx.post.id or 0, ctx.account.id))
