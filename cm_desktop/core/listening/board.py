"""What the Listening page and `cm-desktop watch run|list` show: the posts found, newest first, with what
the person did with each (answered, liked, followed, kept as an idea), and how many are new."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as columns_of
from sqlmodel import col, select

from cm_desktop.core.inbox.answers import answer_states
from cm_desktop.core.listening.leads import HEARD
from cm_desktop.core.listening.watches import WatchView, list_watches, searching_accounts
from cm_desktop.core.models import Watch, WatchResult
from cm_desktop.core.models import stored_utc as aware
from cm_desktop.core.store import Store

PAGE = 300


@dataclass(frozen=True)
class ResultView:
    id: int
    watch_id: int
    account_id: int
    network: str
    query: str  # the search that found it
    author_handle: str
    author_name: str
    author_url: str
    author_id: str
    text: str
    url: str
    post_id: str
    created_at: datetime
    found_at: datetime
    seen: bool
    dismissed: bool
    gone: str
    like_state: str
    follow_state: str
    idea_post_id: int | None
    answer: str = ""  # "", answered, sending, failed, check (core.inbox.answers)

    @property
    def who(self) -> str:
        return self.author_name.strip() or self.author_handle

    def as_json(self, *, new: bool) -> dict[str, Any]:
        """The command line's contract (`cm-desktop watch run --json`)."""
        return {
            "id": self.id,
            "watch_id": self.watch_id,
            "account_id": self.account_id,
            "network": self.network,
            "query": self.query,
            "author": self.author_handle,
            "author_name": self.author_name,
            "text": self.text,
            "url": self.url,
            "remote_id": self.post_id,
            "created_at": self.created_at.isoformat(),
            "new": new,
            "seen": self.seen,
            "answer_state": self.answer,
            "liked": self.like_state == "done",
            "followed": self.follow_state == "done",
            "idea_post_id": self.idea_post_id,
        }


_NAMES = (
    "id",
    "watch_id",
    "account_id",
    "network",
    "author_handle",
    "author_name",
    "author_url",
    "author_id",
    "text",
    "url",
    "post_id",
    "created_at",
    "found_at",
    "seen",
    "dismissed",
    "gone",
    "like_state",
    "follow_state",
    "idea_post_id",
)
_COLUMNS: tuple[Any, ...] = tuple(getattr(WatchResult, name) for name in _NAMES)


def results(
    store: Store,
    *,
    watch_id: int | None = None,
    ids: list[int] | None = None,
    include_dismissed: bool = False,
    limit: int | None = PAGE,
) -> list[ResultView]:
    """Found posts, newest first (of one search, or these ids)."""
    with store.session() as session:
        query = columns_of(*_COLUMNS, col(Watch.query)).join(
            Watch, col(Watch.id) == col(WatchResult.watch_id)
        )
        if not include_dismissed:
            query = query.where(col(WatchResult.dismissed).is_(False))
        if watch_id is not None:
            query = query.where(col(WatchResult.watch_id) == watch_id)
        if ids is not None:
            query = query.where(col(WatchResult.id).in_(ids))
        query = query.order_by(col(WatchResult.created_at).desc(), col(WatchResult.id).desc())
        if limit is not None:
            query = query.limit(limit)
        rows = session.execute(query).all()
        states = answer_states(session, [r[0] for r in rows], HEARD)
    views = []
    for row in rows:
        values = dict(zip(_NAMES, row[:-1], strict=True))
        for moment in ("created_at", "found_at"):
            values[moment] = aware(values[moment]) or datetime.now(UTC)
        views.append(ResultView(**values, query=row[-1], answer=states.get(values["id"], "")))
    return views


def get(store: Store, result_id: int) -> ResultView | None:
    found = results(store, ids=[result_id], include_dismissed=True, limit=None)
    return found[0] if found else None


def new_count(store: Store) -> int:
    """The number on the navigation: found posts not looked at yet."""
    with store.session() as session:
        count = session.exec(
            select(func.count()).where(
                col(WatchResult.seen).is_(False), col(WatchResult.dismissed).is_(False)
            )
        ).one()
    return int(count or 0)


@dataclass(frozen=True)
class Board:
    watches: tuple[WatchView, ...] = ()
    rows: tuple[ResultView, ...] = ()
    accounts: tuple[tuple[int, str, str], ...] = ()  # (id, network, handle) of the accounts that can search
    new: int = 0
    watch_id: int | None = None  # the search shown (None: all)


def load_board(store: Store, watch_id: int | None = None, *, limit: int = PAGE) -> Board:
    watches = tuple(list_watches(store))
    if watch_id is not None and all(w.id != watch_id for w in watches):
        watch_id = None
    return Board(
        watches=watches,
        rows=tuple(results(store, watch_id=watch_id, limit=limit)),
        accounts=tuple((a.id, a.network, a.handle) for a in searching_accounts(store) if a.id is not None),
        new=new_count(store),
        watch_id=watch_id,
    )
