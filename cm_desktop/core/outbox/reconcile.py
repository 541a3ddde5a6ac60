"""Settling a target whose outcome is unknown (a lost answer, a crash while `sending`): look it up first.

Found -> published. Surely absent -> sent again later (with backoff), or failed after too many attempts.
Cannot tell -> asked again later, then the person is asked: never a blind retry.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from cm_desktop.core import targets
from cm_desktop.core.models import stored_utc as aware
from cm_desktop.core.outbox import copies, native, send
from cm_desktop.core.outbox import messages as m
from cm_desktop.core.outbox.context import Ctx, NoConnector, Run, finish
from cm_desktop.core.ports import AuthExpired, NetworkError, NotSent, RateLimited

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
        found = connector.lookup(send.outgoing_post(run, ctx, prepare=False))
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
    if ctx.target.native_schedule_id:
        finish(run, ctx, E.ASK_PERSON, outcome="needs_review", code=m.NATIVE_MISSING)
    elif ctx.target.attempts >= run.policy.max_attempts:
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
