"""What the person sees of the outbox: every target grouped by what it needs from them, read in one go.

Groups, in the order the page shows them:
- `to_answer`: waiting for the person (publish by hand, a late post, an unclear outcome to check);
- `failed`: did not go out, with the reason and the fix ("Retry what failed" re-sends only these);
- `on_the_way`: scheduled or being sent (with the account waiting to be reconnected, or a server's pause);
- `sent`: published recently, with the time and the link.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import col, or_, select

from cm_desktop.core.i18n import Lang
from cm_desktop.core.models import Account, Post, PostTarget, TargetState, stored_utc
from cm_desktop.core.outbox import messages as m
from cm_desktop.core.store import Store

SENT_DAYS = 14
EXCERPT = 140
# Scheduled targets far ahead belong to the calendar; here only what goes out soon.
ON_THE_WAY_DAYS = 7


def excerpt(text: str, limit: int = EXCERPT) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class StatusRow:
    target_id: int
    post_id: int
    network: str
    account: str  # the handle, or "" for a network published by hand
    state: str
    when: datetime | None  # aware UTC: published_at for sent posts, else the planned time
    text: str  # a one-line excerpt
    url: str
    error_code: str
    error_detail: str

    def message(self, lang: Lang) -> str:
        return m.message_for(self.error_code, self.network, self.error_detail, lang)

    @property
    def is_late(self) -> bool:
        return self.state == TargetState.NEEDS_REVIEW.value and self.error_code == m.LATE


@dataclass(frozen=True)
class StatusBoard:
    to_answer: tuple[StatusRow, ...] = ()
    failed: tuple[StatusRow, ...] = ()
    on_the_way: tuple[StatusRow, ...] = ()
    sent: tuple[StatusRow, ...] = ()

    @property
    def waiting_count(self) -> int:
        """What needs the person: answers plus failures."""
        return len(self.to_answer) + len(self.failed)


def load_board(store: Store, now: datetime) -> StatusBoard:
    sent_since = now - timedelta(days=SENT_DAYS)
    horizon = now + timedelta(days=ON_THE_WAY_DAYS)
    states = [
        TargetState.ASSISTED_PENDING.value,
        TargetState.NEEDS_REVIEW.value,
        TargetState.FAILED.value,
        TargetState.SCHEDULED.value,
        TargetState.SENDING.value,
    ]
    with store.session() as session:
        query = select(PostTarget, Post, Account).outerjoin(
            Account, col(PostTarget.account_id) == col(Account.id)
        )
        query = query.where(col(PostTarget.post_id) == col(Post.id)).where(
            or_(
                col(PostTarget.state).in_(states),
                (col(PostTarget.state) == TargetState.PUBLISHED.value)
                & (col(PostTarget.published_at) >= sent_since),
            )
        )
        rows: Sequence[Any] = session.exec(query.order_by(col(Post.scheduled_utc), col(PostTarget.id))).all()
    groups: dict[str, list[StatusRow]] = {"to_answer": [], "failed": [], "on_the_way": [], "sent": []}
    for target, post, account in rows:
        assert target.id is not None and post.id is not None
        state = target.state
        planned = stored_utc(post.scheduled_utc)
        row = StatusRow(
            target_id=target.id,
            post_id=post.id,
            network=account.network if account is not None else target.network,
            account=account.handle if account is not None else "",
            state=state,
            when=stored_utc(target.published_at) if state == TargetState.PUBLISHED.value else planned,
            text=excerpt(target.text_override if target.text_override is not None else post.text),
            url=target.remote_url,
            error_code=target.last_error_code,
            error_detail=target.last_error_message,
        )
        if state in (TargetState.ASSISTED_PENDING.value, TargetState.NEEDS_REVIEW.value):
            groups["to_answer"].append(row)
        elif state == TargetState.FAILED.value:
            groups["failed"].append(row)
        elif state == TargetState.PUBLISHED.value:
            groups["sent"].append(row)
        elif planned is None or planned <= horizon:
            groups["on_the_way"].append(row)
    newest_first = sorted(groups["sent"], key=lambda r: r.when or now, reverse=True)
    return StatusBoard(
        to_answer=tuple(groups["to_answer"]),
        failed=tuple(groups["failed"]),
        on_the_way=tuple(groups["on_the_way"]),
        sent=tuple(newest_first),
    )
