"""Which targets a run works on: left `sending`, due, due by hand, found late, ready to hand to a server."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from cm_desktop.core import targets
from cm_desktop.core.models import Account, AccountStatus, Post, PostTarget
from cm_desktop.core.models import stored_utc as aware
from cm_desktop.core.outbox import messages as m
from cm_desktop.core.outbox import progress
from cm_desktop.core.outbox.context import Run, db_time


def ids_in(run: Run, state: str, post_id: int | None, *, due_only: bool) -> list[int]:
    """Targets of connected accounts in `state`, oldest due first."""
    with run.deps.store.session() as session:
        query = select(PostTarget.id).where(
            col(PostTarget.state) == state, col(PostTarget.account_id).is_not(None)
        )
        if due_only:
            query = query.where(
                col(PostTarget.next_attempt_utc).is_not(None),
                col(PostTarget.next_attempt_utc) <= db_time(run.now),
            )
        if post_id is not None:
            query = query.where(col(PostTarget.post_id) == post_id)
        query = query.order_by(col(PostTarget.next_attempt_utc), col(PostTarget.id))
        return [i for i in session.exec(query).all() if i is not None]


def due_by_hand(run: Run, post_id: int | None) -> None:
    """Targets without a connected account (assisted networks) wait for the person at their time."""
    with run.deps.store.session() as session:
        query = select(PostTarget.id).where(
            col(PostTarget.state) == targets.SCHEDULED,
            col(PostTarget.account_id).is_(None),
            col(PostTarget.next_attempt_utc).is_not(None),
            col(PostTarget.next_attempt_utc) <= db_time(run.now),
        )
        if post_id is not None:
            query = query.where(col(PostTarget.post_id) == post_id)
        ids = [i for i in session.exec(query).all() if i is not None]
    for target_id in ids:
        if run.ledger.move(target_id, targets.Event.DUE_BY_HAND):
            run.ledger.report_by_id(target_id, "assisted")


def found_late(run: Run, post_id: int | None) -> None:
    """A target found later than the margin is not sent blindly: the person is asked."""
    cutoff = db_time(run.now - run.policy.late_margin)
    with run.deps.store.session() as session:
        query = select(PostTarget, Post).where(
            col(PostTarget.post_id) == col(Post.id),
            col(PostTarget.state) == targets.SCHEDULED,
            col(PostTarget.account_id).is_not(None),
            col(PostTarget.native_schedule_id) == "",  # the server publishes those on time
            # An answer queued while offline is still wanted late: it goes out when the connection is back.
            col(Post.origin).not_like("answer:%"),
            col(PostTarget.next_attempt_utc).is_not(None),
            col(PostTarget.next_attempt_utc) < cutoff,
        )
        if post_id is not None:
            query = query.where(col(PostTarget.post_id) == post_id)
        late: list[Any] = list(session.exec(query).all())
    for target, post in late:
        due = aware(post.scheduled_utc) or aware(target.next_attempt_utc) or run.now
        if run.ledger.move(
            target.id,
            targets.Event.FOUND_LATE,
            last_error_code=m.LATE,
            last_error_message=due.strftime("%Y-%m-%d %H:%M UTC"),
        ):
            run.ledger.report_by_id(target.id, "late")


def to_hand_over(run: Run, post_id: int | None) -> list[int]:
    """Targets far enough ahead to be handed to a server that schedules natively (Mastodon scheduled_at)."""
    if not run.policy.native_networks:
        return []
    earliest = db_time(run.now + run.policy.native_min_lead)
    with run.deps.store.session() as session:
        query = select(PostTarget.id).where(
            col(PostTarget.post_id) == col(Post.id),
            col(PostTarget.account_id) == col(Account.id),
            col(Account.network).in_(run.policy.native_networks),
            col(Account.status) == AccountStatus.OK.value,
            col(PostTarget.state) == targets.SCHEDULED,
            col(PostTarget.native_schedule_id) == "",
            col(PostTarget.next_attempt_utc).is_not(None),
            col(Post.scheduled_utc).is_not(None),
            col(Post.scheduled_utc) >= earliest,
            # A server that would not keep it for later (its limits): the outbox sends it itself.
            func.json_extract(col(PostTarget.intermediate_ids), f"$.{progress.NATIVE_REFUSED}").is_(None),
        )
        if post_id is not None:
            query = query.where(col(PostTarget.post_id) == post_id)
        return [i for i in session.exec(query).all() if i is not None]


def holding_copies(run: Run, post_id: int | None) -> list[int]:
    """Targets whose copy a server holds, that may need changing (moved, edited, withdrawn)."""
    with run.deps.store.session() as session:
        query = select(PostTarget.id).where(
            col(PostTarget.native_schedule_id) != "",
            col(PostTarget.account_id).is_not(None),
            col(PostTarget.state).in_((targets.SCHEDULED, targets.DRAFT, targets.SENDING)),
        )
        if post_id is not None:
            query = query.where(col(PostTarget.post_id) == post_id)
        return [i for i in session.exec(query.order_by(col(PostTarget.id))).all() if i is not None]
