"""Settling a target whose outcome is unknown (a lost answer, a crash while `sending`): look it up first.

Found -> published. Surely absent -> sent again later (with backoff), or failed after too many attempts.
Cannot tell -> asked again later, then the person is asked: never a blind retry.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta

from sqlmodel import col, select

from cm_desktop.core import targets
from cm_desktop.core.models import PostTarget
from cm_desktop.core.models import stored_utc as aware
from cm_desktop.core.outbox import copies, native, send
from cm_desktop.core.outbox import messages as m
from cm_desktop.core.outbox.context import Ctx, NoConnector, Run, finish
from cm_desktop.core.ports import (
    AuthExpired,
    NativeScheduling,
    NetworkError,
    NotSent,
    RateLimited,
)

log = logging.getLogger(__name__)

E = targets.Event


def reconcile(run: Run, target_id: int) -> None:
    ctx = run.load(target_id)
    if ctx is None or ctx.target.state != targets.SENDING:
        return
    reconcile_ctx(run, ctx)


def reconcile_ctx(run: Run, ctx: Ctx) -> None:
    account = ctx.account
    held = native.read(ctx.target.intermediate_ids) if ctx.target.native_schedule_id else None
    if held is not None and held.op and account is not None:
        copies.resume(run, ctx, held)  # a change of a server-held copy was under way
        return
    if account is None:
        finish(run, ctx, E.ASK_PERSON, outcome="needs_review", code=m.UNCLEAR)
        return
    assert account.id is not None
    if run.blocks(account):
        return
    try:
        connector = run.connector(account)
    except NoConnector:
        finish(run, ctx, E.ASK_PERSON, outcome="needs_review", code=m.UNCLEAR)
        return
    except AuthExpired:
        run.needs_reconnect(account.id)
        return
    except Exception as exc:
        log.warning("outbox: account %s unavailable (%s)", account.id, type(exc).__name__)
        run.blocked[account.id] = "unavailable"
        return
    try:
        if ctx.target.native_schedule_id and isinstance(connector, NativeScheduling):
            _check_copy(run, ctx, connector)  # handed over earlier, now due: did the server publish it?
            return
        outgoing = send.outgoing_post(run, ctx, prepare=False, scheduled_at=_asked_for(run, ctx))
        found = connector.lookup(replace(outgoing, taken_ids=_taken(run, ctx)))
    except RateLimited as exc:
        run.rate_limited(account.id, exc.until)
        return
    except AuthExpired:
        run.needs_reconnect(account.id)  # still unknown; looked up once reconnected
        return
    except NotSent:
        run.blocked[account.id] = m.OFFLINE  # could not ask: learnt nothing, counts nothing
        return
    except NetworkError as exc:  # Unknown, or an answer that tells nothing
        unclear(run, ctx, send.reason(exc))
        return
    if found is not None:
        send.succeeded(run, ctx, found)
        return
    # Surely absent.
    if ctx.target.attempts >= run.policy.max_attempts:
        finish(run, ctx, E.GAVE_UP, outcome="failed", code=m.GAVE_UP, detail=ctx.target.last_error_message)
    else:
        due = aware(ctx.post.scheduled_utc) or run.now
        finish(
            run,
            ctx,
            E.RETRY_LATER,
            outcome="retry",
            code=ctx.target.last_error_code,
            detail=ctx.target.last_error_message,
            next_attempt=max(run.now + backoff(run, ctx.target.attempts), due),
            reset_lookups=True,
        )


def _check_copy(run: Run, ctx: Ctx, connector: NativeScheduling) -> None:
    """A copy handed to the server, now due: asked for by the id we stored (never by its words, which
    another target's copy may share); gone from the schedule, looked for among the published posts."""
    native_id = ctx.target.native_schedule_id
    held = native.read(ctx.target.intermediate_ids)
    at = (held.at if held is not None else None) or aware(ctx.post.scheduled_utc) or run.now
    window = run.policy.native_publish_window
    if connector.scheduled_copy(native_id) is not None:
        # Still on the server's schedule: its scheduler publishes due posts every few minutes.
        finish(
            run,
            ctx,
            E.HANDED_OVER,
            outcome="native_pending",
            next_attempt=run.now + run.policy.native_check_after,
        )
        return
    since = (held.since if held is not None and held.since else aware(ctx.target.first_attempt_utc)) or at
    text = held.text if held is not None and held.text else ctx.text
    images = held.images if held is not None else len(ctx.media)
    found = connector.find_published(native.as_sent(text, images, ctx.target.idempotency_key), since - window)
    if found is not None:
        cleared = native.write(ctx.target.intermediate_ids, None)
        finish(run, ctx, E.SENT, outcome="published", remote_id=found.remote_id, url=found.url,
               published_at=at, native_schedule_id="", extra={"intermediate_ids": cleared})  # fmt: skip
    elif run.now <= at + window:
        # Gone from the schedule, not yet among the posts: the server may be publishing it right now.
        finish(
            run,
            ctx,
            E.UNKNOWN,
            outcome="native_pending",
            code=m.NATIVE_PENDING,
            next_attempt=run.now + run.policy.native_check_after,
        )
    else:
        finish(run, ctx, E.ASK_PERSON, outcome="needs_review", code=m.NATIVE_MISSING)


def _asked_for(run: Run, ctx: Ctx) -> datetime | None:
    """The time we asked the server to keep the post for, when the lost attempt was a handing-over."""
    due, first = aware(ctx.post.scheduled_utc), aware(ctx.target.first_attempt_utc)
    if ctx.network not in run.policy.native_networks or due is None or first is None:
        return None
    return due if due - first >= run.policy.native_min_lead / 2 else None


def _taken(run: Run, ctx: Ctx) -> tuple[str, ...]:
    """Copies the server keeps for this account's other targets: never claimed by this one's look-up."""
    with run.deps.store.session() as session:
        found = session.exec(
            select(PostTarget.native_schedule_id).where(
                col(PostTarget.account_id) == ctx.target.account_id,
                col(PostTarget.id) != ctx.target.id,
                col(PostTarget.native_schedule_id) != "",
            )
        ).all()
    return tuple(found)


def unclear(run: Run, ctx: Ctx, detail: str) -> None:
    """The server was asked but could not tell: ask again later; past a bound, ask the person."""
    tries = ctx.target.reconcile_attempts + 1
    if tries >= run.policy.max_unclear_lookups:
        finish(run, ctx, E.ASK_PERSON, outcome="needs_review", code=m.UNCLEAR, detail=detail, lookups=tries)
        return
    finish(
        run,
        ctx,
        E.UNKNOWN,
        outcome="unknown",
        code=m.UNKNOWN,
        detail=detail,
        lookups=tries,
        next_attempt=run.now + backoff(run, tries),
    )


def backoff(run: Run, attempt: int) -> timedelta:
    """Exponential, capped, with full jitter in its upper half (retries of many posts spread out)."""
    base = run.policy.backoff_base.total_seconds() * (2 ** max(attempt - 1, 0))
    ceiling = min(base, run.policy.backoff_max.total_seconds())
    return timedelta(seconds=ceiling * (0.5 + run.deps.rng.random() / 2))
