"""Sending one due target: claim it (committed before any request), publish, classify the answer.

A lost answer (timeout, reset, 5xx: Unknown) is never a failure: the target stays `sending` and is looked up
(reconcile.py) before anything else. Only NotSent, where no connection was made, lets it wait quietly.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cm_desktop.core import networks, targets
from cm_desktop.core.models import stored_utc as aware
from cm_desktop.core.outbox import messages as m
from cm_desktop.core.outbox import native, progress, reconcile
from cm_desktop.core.outbox.context import Ctx, NoConnector, Run, db_time, finish
from cm_desktop.core.outbox.policy import content_fingerprint
from cm_desktop.core.outbox.writer import DECREMENT, INCREMENT, IfUnset
from cm_desktop.core.ports import (
    AuthExpired,
    NetworkError,
    NotSent,
    OutgoingImage,
    OutgoingPost,
    Publisher,
    PublishResult,
    RateLimited,
    Refused,
    ServerLimits,
    Unknown,
)

if TYPE_CHECKING:
    from cm_desktop.core.media.spec import RenditionSpec

log = logging.getLogger(__name__)

E = targets.Event


def send(run: Run, target_id: int, *, native_copy: bool, ctx: Ctx | None = None) -> None:
    """Send one scheduled target (or, with `native_copy`, hand it to a server that schedules it)."""
    if ctx is None:
        ctx = run.load(target_id)
    if ctx is None or ctx.target.state != targets.SCHEDULED:
        return
    account = ctx.account
    if account is None or run.blocks(account):
        return
    assert account.id is not None
    if waits_for_copy_change(run, ctx):
        return
    if ctx.target.native_schedule_id:
        if not native_copy and claim(run, ctx, native_copy=False):
            # Handed to the server earlier and now due: check that the server published it.
            reconcile.reconcile_ctx(run, ctx)
        return
    try:
        connector = run.connector(account)
    except NoConnector:
        if run.ledger.move(target_id, E.DUE_BY_HAND):
            run.ledger.report_by_id(target_id, "assisted")
        return
    except AuthExpired:
        run.needs_reconnect(account.id)
        park(run, target_id, E.PARK)
        run.ledger.report_by_id(target_id, "waiting_account")
        return
    except Exception as exc:
        # The keychain is locked or unavailable: nothing can be sent for this account now.
        log.warning("outbox: account %s unavailable (%s)", account.id, type(exc).__name__)
        run.blocked[account.id] = "unavailable"
        run.ledger.report_by_id(target_id, "account_unavailable")
        return
    cancelled = progress.cancelled_copy(ctx.target.intermediate_ids)
    if cancelled is not None and run.now < cancelled.at + run.policy.native_publish_window:
        return  # the server may still be publishing the copy it was asked to drop: wait, then look
    if not claim(run, ctx, native_copy=native_copy):
        return  # someone else has it
    if cancelled is not None and _out_already(run, ctx, connector):
        return
    scheduled_at = aware(ctx.post.scheduled_utc) if native_copy else None
    publish(run, ctx, connector, scheduled_at)


def _out_already(run: Run, ctx: Ctx, connector: Publisher) -> bool:
    """A copy was cancelled so near its time that the server may have been publishing it: look among the
    published posts before sending (claimed). True when the target is settled (found, or still unclear)."""
    from cm_desktop.core.ports import NativeScheduling

    copy = progress.cancelled_copy(ctx.target.intermediate_ids)
    if copy is None or not isinstance(connector, NativeScheduling):
        return False
    planned = copy.at.strftime("%Y-%m-%d %H:%M UTC")
    held = native.as_sent(copy.text, copy.images, ctx.target.idempotency_key)
    try:
        found = connector.find_published(held, copy.since - run.policy.native_publish_window)
    except NetworkError as exc:
        unknown(run, ctx, reason(exc))  # looked up again before any send
        return True
    if found is not None:
        finish(
            run,
            ctx,
            E.SENT,
            outcome="published",
            code=m.NATIVE_OUT_BEFORE_MOVE,
            detail=planned,
            remote_id=found.remote_id,
            url=found.url,
            published_at=copy.at,
            extra={"intermediate_ids": progress.with_cancelled_copy(ctx.target.intermediate_ids, None)},
        )
        return True
    cleared = progress.with_cancelled_copy(ctx.target.intermediate_ids, None)
    ctx.target.intermediate_ids = cleared
    run.ledger.update(ctx.target.id or 0, {"intermediate_ids": cleared}, ("state = ?",), targets.SENDING)
    return False


def park(run: Run, target_id: int, event: targets.Event, *, undo_attempt: bool = False) -> None:
    """The account must be reconnected: the target stays scheduled, with no time to be tried."""
    values: dict[str, Any] = {
        "next_attempt_utc": None,
        "last_error_code": m.AUTH_EXPIRED,
        "last_error_message": "",
    }
    if undo_attempt:
        values["attempts"] = DECREMENT
    run.ledger.move(target_id, event, **values)


def claim(run: Run, ctx: Ctx, *, native_copy: bool) -> bool:
    """The one conditional UPDATE that makes this run the sender of this target, committed (with the verdicts
    staged before it) before any request leaves. Its idempotency material is committed with it."""
    target = ctx.target
    assert target.id is not None
    key = target.idempotency_key or run.deps.new_key(ctx.network)
    fingerprint = target.fingerprint or content_fingerprint(ctx.text, len(ctx.media))
    where = ["idempotency_key = ?", "next_attempt_utc IS NOT NULL"]
    params: list[Any] = [target.idempotency_key]
    if not native_copy:
        where.append("next_attempt_utc <= ?")
        params.append(db_time(run.now))
    claimed = run.ledger.claim(
        target.id,
        E.CLAIM,
        {
            "attempts": INCREMENT,
            "first_attempt_utc": IfUnset(db_time(run.now)),
            "next_attempt_utc": db_time(run.now + run.policy.send_lease),
            "idempotency_key": key,
            "fingerprint": fingerprint,
            "last_error_code": "",
            "last_error_message": "",
        },
        where,
        *params,
    )
    if not claimed:
        return False
    target.state, target.idempotency_key, target.fingerprint = targets.SENDING, key, fingerprint
    target.attempts += 1
    target.first_attempt_utc = target.first_attempt_utc or db_time(run.now)
    return True


def waits_for_copy_change(run: Run, ctx: Ctx) -> bool:
    """A copy held by the server is being changed: this target is not sent (nor checked) meanwhile."""
    if ctx.target.id in run.native_busy:
        return True
    account_id = ctx.account.id if ctx.account is not None else None
    return account_id is not None and (ctx.post.id or 0, account_id) in run.withdrawing


def publish(run: Run, ctx: Ctx, connector: Publisher, scheduled_at: datetime | None) -> None:
    target_id = ctx.target.id
    account = ctx.account
    assert target_id is not None and account is not None and account.id is not None
    try:
        outgoing = outgoing_post(run, ctx, prepare=True, scheduled_at=scheduled_at)
    except Exception as exc:  # nothing was sent: a picture that cannot be prepared fails the target
        detail = _media_detail(exc)
        if detail is None:
            raise
        finish(run, ctx, E.REFUSED, outcome="failed", code=m.MEDIA, detail=detail)
        return
    try:
        result = connector.publish(outgoing)
    except RateLimited as exc:
        run.rate_limited(account.id, exc.until)
        finish(run, ctx, E.RATE_LIMITED, outcome="rate_limited", next_attempt=max(exc.until, run.now),
               undo_attempt=True, extra=_kept(run, ctx, exc))  # fmt: skip
    except AuthExpired:
        run.needs_reconnect(account.id)
        park(run, target_id, E.PARK, undo_attempt=True)
        run.ledger.report_by_id(target_id, "waiting_account")
    except Refused as exc:
        if ctx.target.attempts > 1:
            # An earlier attempt may have gone through (a duplicate key is refused): look first.
            unknown(run, ctx, reason(exc), extra=_kept(run, ctx, exc))
        elif scheduled_at is not None:
            _keep_here(run, ctx, exc)
        else:
            finish(run, ctx, E.REFUSED, outcome="failed", code=m.REFUSED, detail=reason(exc))
    except NotSent as exc:
        # Offline: nothing left this computer. The target waits quietly; the account's other targets are
        # not tried in this run (no flood of errors).
        run.blocked[account.id] = m.OFFLINE
        finish(run, ctx, E.NOT_SENT, outcome="offline", undo_attempt=True,
               next_attempt=aware(ctx.target.next_attempt_utc) or run.now, extra=_kept(run, ctx, exc))  # fmt: skip
    except Unknown as exc:
        unknown(run, ctx, reason(exc), extra=_kept(run, ctx, exc))
    except Exception as exc:
        # Not one of the connector's errors: a bug somewhere. The request may have left: unknown.
        log.exception("outbox: publishing target %s", target_id)
        unknown(run, ctx, type(exc).__name__)
    else:
        succeeded(run, ctx, result)


def _kept(run: Run, ctx: Ctx, exc: NetworkError) -> dict[str, Any]:
    """What the failed attempt learnt (the pictures' ids the server gave), for the next one."""
    kept = progress.with_uploaded(ctx.target.intermediate_ids, exc.progress, run.now)
    return {"intermediate_ids": kept} if kept != ctx.target.intermediate_ids else {}


def _keep_here(run: Run, ctx: Ctx, exc: Refused) -> None:
    """The server would not keep the post for later (Mastodon: 25 a day, 300 in all, 5 minutes ahead at
    least): it is not a failure; the outbox sends it itself at its time, and says so."""
    due = aware(ctx.post.scheduled_utc) or run.now
    marked = progress.with_native_refused(ctx.target.intermediate_ids, run.now, reason(exc))
    marked = progress.with_uploaded(marked, exc.progress, run.now)
    finish(run, ctx, E.RETRY_LATER, outcome="kept_here", code=m.NATIVE_REFUSED, detail=reason(exc),
           next_attempt=due, undo_attempt=True, extra={"intermediate_ids": marked})  # fmt: skip


def unknown(run: Run, ctx: Ctx, detail: str, *, extra: dict[str, Any] | None = None) -> None:
    finish(
        run,
        ctx,
        E.UNKNOWN,
        outcome="unknown",
        code=m.UNKNOWN,
        detail=detail,
        next_attempt=run.now + run.policy.reconcile_delay,
        extra=extra,
    )


def succeeded(run: Run, ctx: Ctx, result: PublishResult) -> None:
    if result.scheduled:
        due = aware(ctx.post.scheduled_utc) or run.now
        # What the server now holds: a later move or edit of the post is compared with it.
        held = native.Held(
            at=aware(ctx.post.scheduled_utc),
            signature=native.signature(ctx.text, ctx.media),
            text=ctx.text,
            images=len(ctx.media),
            since=run.now,
        )
        finish(
            run,
            ctx,
            E.HANDED_OVER,
            outcome="handed_to_server",
            native_schedule_id=result.remote_id,
            next_attempt=max(due, run.now) + run.policy.native_check_after,
            extra={
                "intermediate_ids": native.write(progress.without_uploaded(ctx.target.intermediate_ids), held)
            },
        )
        return
    finish(
        run,
        ctx,
        E.SENT,
        outcome="published",
        remote_id=result.remote_id,
        url=result.url,
        published_at=run.now,
        extra={"intermediate_ids": progress.without_uploaded(ctx.target.intermediate_ids)},
    )


def outgoing_post(run: Run, ctx: Ctx, *, prepare: bool, scheduled_at: datetime | None = None) -> OutgoingPost:
    """The target as the connector needs it; with `prepare`, its pictures fitted to the network."""
    deps = run.deps
    images: list[OutgoingImage] = []
    # The rendition this account's server takes (a Mastodon server may announce smaller limits).
    announced = ServerLimits.from_json(ctx.account.server_limits) if ctx.account is not None else None
    spec = networks.get(ctx.network).rendition_on(announced)
    for item in ctx.media:
        source = Path(item.stored_path)
        if not source.is_absolute() and deps.data_dir is not None:
            source = deps.data_dir / source
        focal = (item.focal_x, item.focal_y)
        if prepare:
            cache = deps.renditions_dir or source.parent / "renditions"
            image = deps.prepare_image(source, spec, cache, focal)
            images.append(
                OutgoingImage(image.path, image.mime_type, item.alt_text, image.width, image.height, focal)
            )
        else:
            # A look-up only needs to know how many pictures there are.
            images.append(OutgoingImage(source, item.mime_type, item.alt_text, 0, 0, focal))
    card = None
    if prepare and not images and deps.link_card_for is not None:
        # A card never stops a post: without one (page unreachable, offline) the post goes as text.
        try:
            card = deps.link_card_for(ctx.network, ctx.text)
        except Exception:
            log.warning("link card left out", exc_info=True)
    return OutgoingPost(
        text=ctx.text,
        idempotency_key=ctx.target.idempotency_key,
        images=tuple(images),
        link_card=card,
        langs=deps.langs,
        scheduled_at=scheduled_at,
        fingerprint=ctx.target.fingerprint,
        not_before=aware(ctx.target.first_attempt_utc),
        uploaded=progress.uploaded(ctx.target.intermediate_ids, len(images), run.now),
        reply_to=ctx.reply_to,
    )


def reason(exc: NetworkError) -> str:
    return (exc.server_reason or str(exc) or type(exc).__name__)[:1000]


def _media_detail(exc: Exception) -> str | None:
    from cm_desktop.core.media import MediaError

    if isinstance(exc, MediaError):
        return exc.message("en")
    return None


def prepare_with_pipeline(
    source: Path, spec: RenditionSpec, cache: Path, focal: tuple[float, float]
) -> OutgoingImage:
    from cm_desktop.core.media import prepare

    rendition = prepare(source, spec, cache, focal)
    return OutgoingImage(
        path=rendition.path,
        mime_type=rendition.mime_type,
        alt="",
        width=rendition.width,
        height=rendition.height,
    )
