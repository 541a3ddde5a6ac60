"""Saved searches: add, change, pause, remove, list. Each belongs to one account (searches are made with
the person's own login) and is checked by `query.parse` before it is stored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, delete, func, update
from sqlmodel import Session, col, select

from cm_desktop.core import networks
from cm_desktop.core.listening import messages as m
from cm_desktop.core.listening.query import BadSearch, parse, same
from cm_desktop.core.models import Account, Watch, WatchMatch, WatchResult
from cm_desktop.core.store import Store

MAX_PER_ACCOUNT = 20  # searches are for a person, not a crawler


def searchable() -> list[str]:
    """Networks whose posts the app can search (the registry's capability)."""
    return sorted(networks.where(lambda n: n.can.search))


def searching_accounts(store: Store) -> list[Account]:
    with store.session() as session:
        return list(
            session.exec(
                select(Account).where(col(Account.network).in_(searchable())).order_by(col(Account.id))
            ).all()
        )


def choose_account(store: Store, wanted: str | None) -> Account:
    """The account a new search uses: the one named (id or handle), or the only one that can search."""
    accounts = searching_accounts(store)
    if wanted:
        for account in accounts:
            if str(account.id) == wanted or account.handle.lstrip("@").lower() == wanted.lstrip("@").lower():
                return account
        with store.session() as session:
            other = session.exec(select(Account).where(col(Account.id) == _int(wanted))).first()
        if other is not None:
            raise BadSearch(m.CANNOT_SEARCH, network=networks.name_of(other.network))
        raise BadSearch(m.NO_ACCOUNT)
    if not accounts:
        raise BadSearch(m.NO_ACCOUNT)
    if len(accounts) > 1:
        raise BadSearch(m.WHICH_ACCOUNT)
    return accounts[0]


def _int(value: str) -> int:
    return int(value) if value.isdigit() and len(value) < 19 else -1


def _check(session: Session, account_id: int, text: str, language: str, keep: int | None = None) -> str:
    """The search as stored, or BadSearch (not searchable, a twin of another of the account's searches)."""
    search = parse(text, language=language)
    account = session.get(Account, account_id)
    if account is None:
        raise BadSearch(m.NO_ACCOUNT)
    if account.network not in searchable():
        raise BadSearch(m.CANNOT_SEARCH, network=networks.name_of(account.network))
    others = session.exec(
        select(Watch.id, Watch.query).where(
            col(Watch.account_id) == account_id, col(Watch.id) != (keep or -1)
        )
    ).all()
    if any(same(query, search.text) for _id, query in others):
        raise BadSearch(m.DUPLICATE, query=search.text)
    if keep is None and len(others) >= MAX_PER_ACCOUNT:
        raise BadSearch(m.TOO_MANY_SEARCHES, limit=MAX_PER_ACCOUNT)
    return search.text


def add(store: Store, account_id: int, text: str, now: datetime, *, language: str = "") -> Watch:
    """Save a search; it runs at the next round (it has never run). Raises BadSearch."""
    with store.session() as session:
        query = _check(session, account_id, text, language)
        watch = Watch(account_id=account_id, query=query, language=language, created_at=now, updated_at=now)
        session.add(watch)
        session.commit()
        session.refresh(watch)
        return watch


def change(store: Store, watch_id: int, text: str, now: datetime) -> Watch:
    """New words for a search: it runs again at once. What it found before stays (the posts are real)."""
    with store.session() as session:
        watch = session.get(Watch, watch_id)
        if watch is None:
            raise BadSearch(m.NO_SUCH_WATCH, watch=watch_id)
        query = _check(session, watch.account_id, text, watch.language, keep=watch_id)
        if query != watch.query:
            watch.query, watch.updated_at = query, now
            watch.last_run_at = watch.next_run_at = None
            watch.failures, watch.last_error_code, watch.last_error, watch.limited = 0, "", "", ""
        session.add(watch)
        session.commit()
        session.refresh(watch)
        return watch


def set_paused(store: Store, watch_id: int, paused: bool, now: datetime) -> None:
    with store.session() as session:
        watch = session.get(Watch, watch_id)
        if watch is None:
            raise BadSearch(m.NO_SUCH_WATCH, watch=watch_id)
        watch.paused, watch.updated_at = paused, now
        session.add(watch)
        session.commit()


def remove(store: Store, watch_id: int) -> int:
    """Remove a search and the posts only it found (posts it found that were answered keep their answers: the
    answer is a post of its own). A post another of the account's searches found too stays, under that
    search, as it was (seen, liked, dismissed): it is not "new" again at that search's next run. Returns how
    many found posts went with it."""
    with store.session() as session:
        if session.get(Watch, watch_id) is None:
            raise BadSearch(m.NO_SUCH_WATCH, watch=watch_id)
        other = (
            select(func.min(WatchMatch.watch_id))
            .where(col(WatchMatch.result_id) == col(WatchResult.id), col(WatchMatch.watch_id) != watch_id)
            .scalar_subquery()
        )
        session.exec(
            update(WatchResult)
            .where(col(WatchResult.watch_id) == watch_id, other.is_not(None))
            .values(watch_id=other)
        )
        gone = int(session.exec(select(func.count()).where(col(WatchResult.watch_id) == watch_id)).one() or 0)
        session.exec(delete(WatchResult).where(col(WatchResult.watch_id) == watch_id))
        session.exec(delete(WatchMatch).where(col(WatchMatch.watch_id) == watch_id))
        session.exec(delete(Watch).where(col(Watch.id) == watch_id))
        session.commit()
        return gone


@dataclass(frozen=True)
class WatchView:
    """A saved search as the page and `cm-desktop watch list` show it."""

    id: int
    account_id: int
    network: str
    handle: str
    query: str
    paused: bool
    last_run_at: datetime | None
    next_run_at: datetime | None
    error_code: str
    error: str
    limited: str
    found: int
    new: int


def list_watches(store: Store) -> list[WatchView]:
    from cm_desktop.core.models import stored_utc as aware

    with store.session() as session:
        counts = {
            watch_id: (int(total), int(new or 0))
            for watch_id, total, new in session.exec(
                select(
                    WatchResult.watch_id,
                    func.count(),
                    func.sum(case((col(WatchResult.seen).is_(False), 1), else_=0)),
                )
                .where(col(WatchResult.dismissed).is_(False))
                .group_by(col(WatchResult.watch_id))
            ).all()
        }
        rows = session.exec(
            select(Watch, Account)
            .join(Account, col(Account.id) == col(Watch.account_id))
            .order_by(col(Watch.id))
        ).all()
        out = []
        for watch, account in rows:
            assert watch.id is not None
            found, new = counts.get(watch.id, (0, 0))
            out.append(
                WatchView(
                    id=watch.id,
                    account_id=watch.account_id,
                    network=account.network,
                    handle=account.handle,
                    query=watch.query,
                    paused=watch.paused,
                    last_run_at=aware(watch.last_run_at),
                    next_run_at=aware(watch.next_run_at),
                    error_code=watch.last_error_code,
                    error=watch.last_error,
                    limited=watch.limited,
                    found=found,
                    new=new,
                )
            )
        return out
