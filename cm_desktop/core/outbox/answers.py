"""What the person answers about targets the outbox could not settle alone (late, failed, to check), and
the queue helpers the CLI and the interface call. Every state change goes through core/targets.py."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlmodel import col, select

from cm_desktop.core import posts
from cm_desktop.core import targets as post_targets
from cm_desktop.core.models import Account, Post, PostTarget, TargetState
from cm_desktop.core.outbox import messages as m
from cm_desktop.core.outbox.context import db_time as _db
from cm_desktop.core.outbox.policy import TargetOutcome, outcome_of
from cm_desktop.core.posts import NewPost, NewTarget, PostImage
from cm_desktop.core.store import Store

SCHEDULED = TargetState.SCHEDULED.value


def queue_post(
    store: Store,
    *,
    text: str,
    account_ids: Sequence[int],
    when_utc: datetime,
    local_time: datetime | None = None,
    time_zone: str = "",
    images: Iterable[PostImage] = (),
    assisted_networks: Sequence[str] = (),
    now: datetime | None = None,
) -> tuple[int, list[int]]:
    """Store a post and one scheduled target per account (and per assisted network): (post id, target ids)."""
    new = NewPost(
        text=text,
        targets=tuple(NewTarget("", account_id) for account_id in account_ids)
        + tuple(NewTarget(network) for network in assisted_networks),
        images=tuple(images),
        local_time=local_time,
        time_zone=time_zone,
        scheduled_utc=when_utc,
    )
    with store.session() as session:
        created = posts.create(session, new, now or datetime.now(UTC), queue=True)
        session.commit()
    return created


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
