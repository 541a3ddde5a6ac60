"""Running the saved searches: each at most once per `interval` (15 minutes), the network's answers stored
once per post and account, the person's own posts left out.

One run of a search reads pages newest first until it reaches posts older than its horizon or posts already
stored (at most `max_pages`). The horizon: a week before the search was saved at first, then a little before
the previous run (posts can reach a server's search late; what is already stored is not stored again).
Errors hold a search back (backoff; a 429's reset; a spent request budget; a login to renew), never
another search. The app and the background job never run searches at once (a lock file).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from cm_desktop.core.i18n import Lang
from cm_desktop.core.inbox.answers import release
from cm_desktop.core.listening import messages as m
from cm_desktop.core.listening.query import BadSearch, fold, has_tags, parse, tag_words
from cm_desktop.core.listening.watches import searchable
from cm_desktop.core.models import Account, AccountStatus, Watch, WatchMatch, WatchResult
from cm_desktop.core.models import stored_utc as aware
from cm_desktop.core.ports import (
    AuthExpired,
    NetworkError,
    NotSent,
    RateLimited,
    Refused,
    RemotePost,
    Search,
    Searching,
)
from cm_desktop.core.store import Store

log = logging.getLogger(__name__)

SearcherFactory = Callable[[Account], Searching]


@dataclass(frozen=True)
class ListenPolicy:
    interval: timedelta = timedelta(minutes=15)  # at most once per search: a person, not a crawler
    look_back: timedelta = timedelta(days=7)  # how far back the first run keeps posts
    overlap: timedelta = timedelta(days=2)  # later runs look this far before the previous run
    page_size: int = 25
    max_pages: int = 3
    backoff_base: timedelta = timedelta(minutes=15)
    backoff_max: timedelta = timedelta(hours=6)
    reconnect_wait: timedelta = timedelta(hours=1)


@dataclass(frozen=True)
class WatchRun:
    """How one search went."""

    watch_id: int
    account_id: int
    network: str
    handle: str
    query: str
    added: tuple[int, ...] = ()  # results stored for the first time by this run
    error_code: str = ""
    error_detail: str = ""
    limited: str = ""
    next_run_at: datetime | None = None

    def message(self, lang: Lang) -> str:
        when = self.next_run_at.strftime("%H:%M UTC") if self.next_run_at is not None else ""
        return m.run_message(self.error_code, self.network, lang, reason=self.error_detail, when=when)

    def note(self, lang: Lang) -> str:
        """How the network searched less than asked ("" when it searched exactly that)."""
        return limited_note(self.limited, self.network, self.query, lang)

    def as_json(self, lang: Lang) -> dict[str, Any]:
        return {
            "watch_id": self.watch_id,
            "account_id": self.account_id,
            "network": self.network,
            "query": self.query,
            "added": len(self.added),
            "error_code": self.error_code,
            "error": self.message(lang),
            "note": self.note(lang),
            "next_run_at": self.next_run_at.isoformat() if self.next_run_at is not None else None,
        }


def limited_note(limited: str, network: str, query: str, lang: Lang) -> str:
    if not limited:
        return ""
    try:
        tags = " ".join(f"#{t}" for t in tag_words(parse(query)))
    except BadSearch:
        tags = ""
    return m.limited_message(limited, network, tags, lang)


@dataclass
class ListenRun:
    runs: list[WatchRun] = field(default_factory=list)
    busy: bool = False

    @property
    def added(self) -> list[int]:
        return [i for r in self.runs for i in r.added]


# --- which searches run now --------------------------------------------------------------------------------


def due(store: Store, now: datetime, policy: ListenPolicy | None = None) -> list[tuple[Watch, Account]]:
    """Searches whose turn it is: not paused, not held back, not run within the interval. Accounts that
    must be reconnected wait for the person."""
    policy = policy or ListenPolicy()
    with store.session() as session:
        rows = session.exec(
            select(Watch, Account)
            .join(Account, col(Account.id) == col(Watch.account_id))
            .where(
                col(Watch.paused).is_(False),
                col(Account.network).in_(searchable()),
                col(Account.status) != AccountStatus.NEEDS_RECONNECT.value,
            )
            .order_by(col(Watch.id))
        ).all()
    found = []
    for watch, account in rows:
        held = aware(watch.next_run_at)
        if held is not None and held > now:
            continue
        last = aware(watch.last_run_at)
        if last is not None and last + policy.interval > now:
            continue
        found.append((watch, account))
    return found


def run_due(
    store: Store,
    searcher_for: SearcherFactory,
    now: datetime,
    *,
    policy: ListenPolicy | None = None,
    lock_path: Path | None = None,
) -> ListenRun:
    """Run every search that is due. One runner at a time holds the listening lock."""
    from cm_desktop.core.outbox.lock import PublisherBusy, PublisherLock

    policy = policy or ListenPolicy()
    result = ListenRun()
    lock = PublisherLock(lock_path) if lock_path is not None else None
    try:
        if lock is not None:
            lock.acquire()
    except PublisherBusy:
        result.busy = True
        return result
    searchers: dict[int, Any] = {}
    try:
        for watch, account in due(store, now, policy):
            result.runs.append(_run_one(store, watch, account, searchers, searcher_for, now, policy))
    finally:
        for searcher in searchers.values():
            release(searcher)
        if lock is not None:
            lock.release()
    return result


def _run_one(
    store: Store,
    watch: Watch,
    account: Account,
    searchers: dict[int, Any],
    searcher_for: SearcherFactory,
    now: datetime,
    policy: ListenPolicy,
) -> WatchRun:
    assert watch.id is not None and account.id is not None
    empty = WatchRun(watch.id, account.id, account.network, account.handle, watch.query)
    try:
        searcher = searchers.get(account.id)
        if searcher is None:
            searcher = searchers[account.id] = searcher_for(account)
    except NetworkError as exc:
        return _failed(store, empty, exc, now, policy)
    except Exception as exc:  # the keychain is locked or unavailable
        log.warning("listening: account %s unavailable (%s)", account.id, type(exc).__name__)
        return _failed(store, empty, exc, now, policy)
    return run_watch(store, watch, account, searcher, now, policy)


def horizon(watch: Watch, now: datetime, policy: ListenPolicy) -> datetime:
    """The oldest post this run keeps."""
    first = aware(watch.floor) or (aware(watch.created_at) or now) - policy.look_back
    last = aware(watch.last_run_at)
    return max(first, last - policy.overlap) if last is not None else first


def run_watch(
    store: Store,
    watch: Watch,
    account: Account,
    searcher: Searching,
    now: datetime,
    policy: ListenPolicy | None = None,
) -> WatchRun:
    """Run one search now. Never raises a network error: the result says what stopped it, and the search's
    next turn is set (backoff, a 429's reset)."""
    policy = policy or ListenPolicy()
    assert watch.id is not None and account.id is not None
    done = WatchRun(watch.id, account.id, account.network, account.handle, watch.query)
    since = horizon(watch, now, policy)
    try:
        search = parse(watch.query, language=watch.language)
        cursor, limited = "", ""
        for _ in range(policy.max_pages):
            page = searcher.search(search, cursor, since=since, limit=policy.page_size)
            limited = limited or page.limited
            fresh = [p for p in page.items if p.created_at >= since]
            with store.session() as session:
                added = store_results(session, watch, account, search, fresh, now)
                session.commit()
            done = replace(done, added=done.added + tuple(added))
            # Back to what is stored or older than the horizon: the rest was read by earlier runs.
            reached = len(fresh) < len(page.items) or (bool(fresh) and not added)
            if reached or not page.next_cursor or not page.items:
                break
            cursor = page.next_cursor
    except (NetworkError, BadSearch) as exc:
        return _failed(store, done, exc, now, policy)
    except Exception as exc:  # a bug: logged; the search is tried again later
        log.exception("listening: search %s", watch.id)
        return _failed(store, done, exc, now, policy)
    pause = searcher.pause_until()
    with store.session() as session:
        stored = session.get(Watch, watch.id)
        if stored is not None:
            stored.last_run_at, stored.next_run_at = now, pause
            stored.floor = stored.floor or since
            stored.failures, stored.last_error_code, stored.last_error = 0, "", ""
            stored.limited = limited
            session.add(stored)
            session.commit()
    return replace(done, limited=limited, next_run_at=pause)


def _failed(store: Store, run: WatchRun, exc: Exception, now: datetime, policy: ListenPolicy) -> WatchRun:
    with store.session() as session:
        watch = session.get(Watch, run.watch_id)
        failures = (watch.failures if watch is not None else 0) + 1
        if isinstance(exc, RateLimited):
            code, until = m.RATE_LIMITED, exc.until
        elif isinstance(exc, NotSent):
            code, until = m.OFFLINE, now + min(policy.backoff_base, policy.interval)
        elif isinstance(exc, AuthExpired):
            code, until = m.RECONNECT, now + policy.reconnect_wait
        elif isinstance(exc, Refused) and exc.code == m.NO_SEARCH_HERE:
            code, until = m.NO_SEARCH_HERE, now + policy.backoff_max
        elif isinstance(exc, Refused | BadSearch):
            code, until = m.REFUSED, now + backoff(policy, failures)
        else:
            code = m.SERVER if isinstance(exc, NetworkError) else m.BUG
            until = now + backoff(policy, failures)
        if isinstance(exc, NetworkError):
            detail = exc.server_reason or str(exc)
        elif isinstance(exc, BadSearch):
            detail = str(exc)
        else:
            detail = type(exc).__name__
        if watch is not None:
            watch.failures, watch.last_error_code, watch.last_error = failures, code, detail[:500]
            watch.last_run_at, watch.next_run_at = now, until
            session.add(watch)
            session.commit()
    log.info("listening: search %s stopped (%s)", run.watch_id, code)
    return replace(run, error_code=code, error_detail=detail[:500], next_run_at=until)


def backoff(policy: ListenPolicy, failures: int) -> timedelta:
    return min(policy.backoff_base * (2 ** max(failures - 1, 0)), policy.backoff_max)


# --- storing what was found ---------------------------------------------------------------------------------


def mine(account: Account, post: RemotePost) -> bool:
    """The person's own post (found by their own search: never a lead)."""
    if account.remote_id and post.author.remote_id == account.remote_id:
        return True
    own = fold(account.handle.lstrip("@"))
    return bool(own) and fold(post.author.handle.lstrip("@")) == own


def store_results(
    session: Session,
    watch: Watch,
    account: Account,
    search: Search,
    posts: Sequence[RemotePost],
    now: datetime,
) -> list[int]:
    """Store what is not stored yet for the account ((account, post) is unique, whichever search found it),
    leaving out the person's own posts and posts without every hashtag asked for, and note that this search
    found each of them (core/listening/watches.py `remove` keeps them for it). Returns the new rows' ids."""
    wanted = {
        p.remote_id: p
        for p in posts
        if p.remote_id and not mine(account, p) and has_tags(search, p.tags, p.text)
    }
    if not wanted:
        return []
    known: dict[str, int] = {
        str(post_id): int(result_id)
        for post_id, result_id in session.exec(
            select(WatchResult.post_id, WatchResult.id).where(
                col(WatchResult.account_id) == account.id, col(WatchResult.post_id).in_(list(wanted))
            )
        ).all()
        if result_id is not None
    }
    fresh = [p for remote_id, p in wanted.items() if remote_id not in known]
    rows = [_row(watch, account, p, now) for p in fresh]
    for row in rows:
        session.add(row)
    session.flush()
    added = [r.id for r in rows if r.id is not None]
    assert watch.id is not None
    _note_matches(session, watch.id, [*known.values(), *added])
    return added


def _note_matches(session: Session, watch_id: int, result_ids: Sequence[int]) -> None:
    """Remember that this search found these posts (also those another search had found first)."""
    if not result_ids:
        return
    noted = set(
        session.exec(
            select(WatchMatch.result_id).where(
                col(WatchMatch.watch_id) == watch_id, col(WatchMatch.result_id).in_(list(result_ids))
            )
        ).all()
    )
    for result_id in dict.fromkeys(result_ids):
        if result_id not in noted:
            session.add(WatchMatch(watch_id=watch_id, result_id=result_id))
    session.flush()


def _row(watch: Watch, account: Account, post: RemotePost, now: datetime) -> WatchResult:
    assert watch.id is not None and account.id is not None
    root_id = post.reply_root_id or post.remote_id
    root_cid = post.reply_root_cid if post.reply_root_id else post.cid
    return WatchResult(
        watch_id=watch.id,
        account_id=account.id,
        network=account.network,
        post_id=post.remote_id[:500],
        post_cid=post.cid,
        root_id=root_id,
        root_cid=root_cid,
        url=post.url,
        text=post.text,
        language=post.language,
        visibility=post.visibility,
        created_at=post.created_at.astimezone(UTC),
        found_at=now.astimezone(UTC),
        author_handle=post.author.handle,
        author_name=post.author.display_name,
        author_avatar_url=post.author.avatar_url,
        author_id=post.author.remote_id,
        author_url=post.author.url,
        author_mention=post.author.mention,
        follow_state="done" if post.author.followed else "",
    )
