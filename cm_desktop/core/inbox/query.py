"""What the Messages page and `cm-desktop inbox list` show: items, and the page's rows.

A row is one reply, mention or quote, or the likes, reposts and follows of one account grouped per post and
per day ("Marie and 4 others liked …"). "To answer" holds replies, mentions and quotes, those still waiting
for an answer first. Only the newest `limit` items are read at once: the page stays quick with years of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func
from sqlalchemy import select as columns_of
from sqlmodel import col, select

from cm_desktop.core import targets
from cm_desktop.core.inbox.answers import ANSWERABLE, ANSWERED, NOT_SENT, answer_states
from cm_desktop.core.inbox.sync import readable
from cm_desktop.core.models import Account, InboxItem, PostReply, PostTarget
from cm_desktop.core.models import stored_utc as aware
from cm_desktop.core.store import Store

View = Literal["to_answer", "all"]


@dataclass(frozen=True)
class ItemView:
    """One stored item, as the command line prints it and the conversation pane opens it."""

    id: int
    account_id: int
    network: str
    kind: str
    author_handle: str
    author_name: str
    author_avatar_url: str
    author_url: str
    text: str
    url: str
    remote_id: str
    post_id: str
    subject_id: str
    subject_text: str
    created_at: datetime
    read: bool
    archived: bool
    gone: str
    count: int
    like_state: str
    answer: str = ""  # "", answered, sending, failed, check (core.inbox.answers)

    @property
    def answered(self) -> bool:
        return self.answer == ANSWERED

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "account_id": self.account_id,
            "network": self.network,
            "kind": self.kind,
            "author": self.author_handle,
            "author_name": self.author_name,
            "text": self.text,
            "url": self.url,
            "remote_id": self.remote_id,
            "post_id": self.post_id,
            "subject_id": self.subject_id,
            "created_at": self.created_at.isoformat(),
            "read": self.read,
            "answered": self.answered,
            "answer_state": self.answer,
            "archived": self.archived,
            "gone": self.gone,
            "count": self.count,
        }


_NAMES = (
    "id",
    "account_id",
    "network",
    "kind",
    "author_handle",
    "author_name",
    "author_avatar_url",
    "author_url",
    "text",
    "url",
    "remote_id",
    "post_id",
    "subject_id",
    "subject_text",
    "created_at",
    "read",
    "archived",
    "gone",
    "count",
    "like_state",
)
_COLUMNS: tuple[Any, ...] = tuple(getattr(InboxItem, name) for name in _NAMES)


def _view(row: Any, answer: str = "") -> ItemView:
    values = dict(zip(_NAMES, row, strict=True))
    values["created_at"] = aware(values["created_at"]) or datetime.now(UTC)
    return ItemView(**values, answer=answer)


def list_items(
    store: Store, *, unread_only: bool = False, include_archived: bool = True, limit: int | None = None
) -> list[ItemView]:
    """Items newest first (the command line's list)."""
    with store.session() as session:
        query = columns_of(*_COLUMNS).order_by(col(InboxItem.created_at).desc(), col(InboxItem.id).desc())
        if unread_only:
            query = query.where(col(InboxItem.read).is_(False))
        if not include_archived:
            query = query.where(col(InboxItem.archived).is_(False))
        if limit is not None:
            query = query.limit(limit)
        rows = session.execute(query).all()
        states = answer_states(session, [r[0] for r in rows if r[3] in ANSWERABLE])
    return [_view(r, states.get(r[0], "")) for r in rows]


def get_item(store: Store, item_id: int) -> ItemView | None:
    with store.session() as session:
        row = session.execute(columns_of(*_COLUMNS).where(col(InboxItem.id) == item_id)).first()
        if row is None:
            return None
        states = answer_states(session, [item_id])
    return _view(row, states.get(item_id, ""))


# --- the page's rows -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filter:
    view: View = "to_answer"
    account_id: int | None = None
    network: str | None = None
    unread_only: bool = False


@dataclass(frozen=True)
class Row:
    """One line of the list."""

    key: str
    kind: str
    network: str
    account_id: int
    item_ids: tuple[int, ...]
    people: tuple[str, ...]  # who, newest first, each once
    others: int  # more people than named ("and 4 others")
    text: str  # the message (empty for a group)
    subject_text: str  # the person's post it is about
    when: datetime
    read: bool
    answer: str
    gone: str
    url: str
    avatar_url: str = ""
    like_state: str = ""

    @property
    def first_id(self) -> int:
        return self.item_ids[0]

    @property
    def is_group(self) -> bool:
        return self.kind not in ANSWERABLE

    @property
    def waiting(self) -> bool:
        """Still waiting for the person: not answered, not on its way, the post still there."""
        return not self.is_group and self.answer in ("", NOT_SENT) and not self.gone


@dataclass(frozen=True)
class Board:
    rows: tuple[Row, ...] = ()
    to_answer: int = 0  # replies, mentions and quotes still waiting for an answer (unread or not)
    unread_to_answer: int = 0  # the badge
    unread: int = 0
    total: int = 0
    more: bool = False  # older items exist beyond `limit`
    accounts: tuple[tuple[int, str, str], ...] = ()  # (id, network, handle) of readable accounts
    filter: Filter = field(default_factory=Filter)


def _name(handle: str, name: str) -> str:
    return name.strip() or handle


def _day(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def load_board(store: Store, flt: Filter, zone: str, *, limit: int = 300) -> Board:
    """The list as the page shows it, with the counts its filters and badge need."""
    tz = ZoneInfo(zone or "UTC")
    with store.session() as session:
        query = columns_of(*_COLUMNS).where(col(InboxItem.archived).is_(False))
        if flt.view == "to_answer":
            query = query.where(col(InboxItem.kind).in_(ANSWERABLE))
        if flt.account_id is not None:
            query = query.where(col(InboxItem.account_id) == flt.account_id)
        if flt.network is not None:
            query = query.where(col(InboxItem.network) == flt.network)
        if flt.unread_only:
            query = query.where(col(InboxItem.read).is_(False))
        query = query.order_by(col(InboxItem.created_at).desc(), col(InboxItem.id).desc()).limit(limit + 1)
        raw = session.execute(query).all()
        more = len(raw) > limit
        raw = raw[:limit]
        states = answer_states(session, [r[0] for r in raw if r[3] in ANSWERABLE])
        counts = _counts(session)
        accounts = tuple(
            (a.id, a.network, a.handle)
            for a in session.exec(select(Account).order_by(col(Account.id))).all()
            if a.id is not None and a.network in readable()
        )
    items = [_view(r, states.get(r[0], "")) for r in raw]
    rows = _rows(items, tz)
    if flt.view == "to_answer":
        # What still waits for an answer first; answered ones after, newest first in each part.
        rows.sort(key=lambda r: (not r.waiting, -r.when.timestamp()))
    return Board(
        rows=tuple(rows),
        more=more,
        accounts=accounts,
        filter=flt,
        **counts,
    )


def _counts(session: Any) -> dict[str, int]:
    """The page's numbers in one pass over what is not archived."""
    answerable = col(InboxItem.kind).in_(ANSWERABLE)
    unread = col(InboxItem.read).is_(False)
    answered_or_going = (
        select(PostReply.post_id)
        .join(PostTarget, col(PostTarget.post_id) == col(PostReply.post_id))
        .where(
            col(PostReply.inbox_item_id) == col(InboxItem.id),
            col(PostTarget.state).in_(
                (targets.PUBLISHED, targets.SCHEDULED, targets.SENDING, targets.NEEDS_REVIEW)
            ),
        )
        .exists()
    )
    waiting = and_(answerable, col(InboxItem.gone) == "", ~answered_or_going)
    row = session.execute(
        columns_of(
            func.count(),
            func.sum(case((unread, 1), else_=0)),
            func.sum(case((and_(answerable, unread), 1), else_=0)),
            func.sum(case((waiting, 1), else_=0)),
        ).where(col(InboxItem.archived).is_(False))
    ).one()
    total, unread_all, unread_answerable, to_answer = (int(v or 0) for v in row)
    return {
        "to_answer": to_answer,
        "unread_to_answer": unread_answerable,
        "unread": unread_all,
        "total": total,
    }


def _rows(items: list[ItemView], zone: ZoneInfo) -> list[Row]:
    rows: list[Row] = []
    groups: dict[tuple[int, str, str, date], list[ItemView]] = {}
    for item in items:
        if item.kind in ANSWERABLE:
            rows.append(
                Row(
                    key=f"item:{item.id}",
                    kind=item.kind,
                    network=item.network,
                    account_id=item.account_id,
                    item_ids=(item.id,),
                    people=(_name(item.author_handle, item.author_name),),
                    others=0,
                    text=item.text,
                    subject_text=item.subject_text.strip(),
                    when=item.created_at,
                    read=item.read,
                    answer=item.answer,
                    gone=item.gone,
                    url=item.url,
                    avatar_url=item.author_avatar_url,
                    like_state=item.like_state,
                )
            )
            continue
        subject = "" if item.kind == "follow" else item.subject_id
        groups.setdefault((item.account_id, item.kind, subject, _day(item.created_at, zone)), []).append(item)
    for (account_id, kind, subject, day), members in groups.items():
        people: list[str] = []
        others = 0
        for member in members:  # newest first already
            name = _name(member.author_handle, member.author_name)
            if name and name not in people:
                people.append(name)
                others += max(member.count - 1, 0)
            elif not name:
                others += member.count  # the people a network counted without naming
        first = members[0]
        rows.append(
            Row(
                key=f"group:{account_id}:{kind}:{subject}:{day.isoformat()}",
                kind=kind,
                network=first.network,
                account_id=account_id,
                item_ids=tuple(m.id for m in members),
                people=tuple(people),
                others=others,
                text="",
                subject_text=next((m.subject_text.strip() for m in members if m.subject_text.strip()), ""),
                when=first.created_at,
                read=all(m.read for m in members),
                answer="",
                gone="",
                url=first.url if kind != "follow" else "",
                avatar_url=first.author_avatar_url,
            )
        )
    rows.sort(key=lambda r: r.when, reverse=True)
    return rows


def unread_to_answer(store: Store) -> int:
    """The number on the navigation item and the tray: replies, mentions and quotes not read yet."""
    with store.session() as session:
        count = session.exec(
            select(func.count()).where(
                col(InboxItem.archived).is_(False),
                col(InboxItem.read).is_(False),
                col(InboxItem.kind).in_(ANSWERABLE),
            )
        ).one()
    return int(count or 0)
