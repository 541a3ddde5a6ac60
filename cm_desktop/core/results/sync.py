"""Reading the figures: the counts of each published post on its milestones, and each account's followers once
a day (refreshed during the day), kept as history.

One sync:
1. `watch_published` starts following every post published on a network the app can read (answers written in
   the inbox are not "posts" here), due 1 hour after its publication (at once for older ones);
2. per account whose turn it is, the posts due are read in chunks, each chunk committed with its readings
   (a reading cut by a 429 or a crash keeps what was read, and the rest stays due);
3. the account's followers are read when today's reading is missing or older than `followers_every`.

What a reading cannot tell is never written as a number: a post the network leaves out without saying it is
gone is asked again later; a deleted post keeps its last figures, marked deleted; a profile without counts
writes no snapshot. Errors stop one account, never another; the account's next try is set (backoff, a 429's
reset, a spent request budget) and the last reading that worked is kept, so the page can say how old the
figures are.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from cm_desktop.core import networks
from cm_desktop.core.i18n import Lang
from cm_desktop.core.models import (
    Account,
    AccountStatus,
    CountSnapshot,
    FollowerSnapshot,
    PostReply,
    PostResult,
    PostTarget,
    ResultsSync,
    TargetState,
)
from cm_desktop.core.models import stored_utc as aware
from cm_desktop.core.ports import AccountCounts, Counting, NetworkError, PostCounts
from cm_desktop.core.reading import Pace, stopped
from cm_desktop.core.results import messages as m
from cm_desktop.core.results.schedule import first_reading, next_reading, retry_unknown
from cm_desktop.core.schedule import zone_info
from cm_desktop.core.store import Store

log = logging.getLogger(__name__)

CounterFactory = Callable[[Account], Counting]


def countable() -> list[str]:
    """Networks whose posts' and accounts' figures the app reads (the registry's capability)."""
    return sorted(networks.where(lambda n: n.can.counts))


@dataclass(frozen=True)
class ResultsPolicy:
    chunk: int = 100  # posts read, then committed, at a time
    max_posts: int = 500  # posts read per account and sync: the rest waits for the next one
    followers_every: timedelta = timedelta(hours=6)
    backoff_base: timedelta = timedelta(minutes=5)
    backoff_max: timedelta = timedelta(hours=6)
    reconnect_wait: timedelta = timedelta(hours=1)


@dataclass(frozen=True)
class ResultsSyncResult:
    """How one account's reading went."""

    account_id: int
    network: str
    handle: str
    posts_read: int = 0
    deleted: int = 0
    followers: int | None = None  # read now (None: not read in this sync)
    error_code: str = ""
    error_detail: str = ""
    next_sync_at: datetime | None = None
    last_ok_at: datetime | None = None

    def message(self, lang: Lang, zone: str = "UTC") -> str:
        when = _clock(self.next_sync_at, zone) if self.next_sync_at is not None else ""
        since = _clock(self.last_ok_at, zone) if self.last_ok_at is not None else ""
        return m.sync_message(
            self.error_code, self.network, lang, reason=self.error_detail, when=when, since=since
        )

    def as_json(self, lang: Lang) -> dict[str, Any]:
        return {
            "account_id": self.account_id,
            "network": self.network,
            "handle": self.handle,
            "posts_read": self.posts_read,
            "deleted": self.deleted,
            "followers": self.followers,
            "error_code": self.error_code,
            "error": self.message(lang),
            "next_sync_at": self.next_sync_at.isoformat() if self.next_sync_at is not None else None,
        }


def _clock(moment: datetime, zone: str) -> str:
    return moment.astimezone(zone_info(zone)).strftime("%Y-%m-%d %H:%M")


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


# --- which posts are followed ------------------------------------------------------------------------------


def watch_published(store: Store, now: datetime) -> int:
    """Start following the published posts not followed yet; returns how many."""
    with store.session() as session:
        followed = select(PostResult.target_id)
        answers = select(PostReply.post_id)
        rows = session.exec(
            select(PostTarget, Account.network)
            .join(Account, col(Account.id) == col(PostTarget.account_id))
            .where(
                col(PostTarget.state) == TargetState.PUBLISHED.value,
                col(Account.network).in_(countable()),
                col(PostTarget.remote_id) != "",
                col(PostTarget.id).not_in(followed),
                col(PostTarget.post_id).not_in(answers),
            )
        ).all()
        for target, network in rows:
            assert target.id is not None
            published = aware(target.published_at) or aware(target.updated_at) or _utc(now)
            session.add(
                PostResult(
                    target_id=target.id,
                    account_id=target.account_id,
                    network=network,
                    remote_id=target.remote_id,
                    published_at=published,
                    next_fetch_at=first_reading(published),
                )
            )
        session.commit()
        return len(rows)


# --- one account ------------------------------------------------------------------------------------------


def _state(session: Session, account_id: int) -> ResultsSync:
    state = session.get(ResultsSync, account_id)
    if state is None:
        state = ResultsSync(account_id=account_id)
        session.add(state)
    return state


def _due(store: Store, account_id: int, now: datetime, limit: int) -> list[tuple[int, str, datetime]]:
    with store.session() as session:
        rows = session.exec(
            select(PostResult.target_id, PostResult.remote_id, PostResult.published_at)
            .where(
                col(PostResult.account_id) == account_id,
                col(PostResult.next_fetch_at).is_not(None),
                col(PostResult.next_fetch_at) <= _utc(now),
            )
            .order_by(col(PostResult.next_fetch_at), col(PostResult.target_id))
            .limit(limit)
        ).all()
    return [(int(t), str(r), aware(p) or _utc(now)) for t, r, p in rows]


def _keep(
    session: Session, due: Sequence[tuple[int, str, datetime]], read: Sequence[PostCounts], now: datetime
) -> tuple[int, int]:
    """Store one chunk's readings; returns (posts read, found deleted)."""
    by_id = {c.remote_id: c for c in read}
    counted = deleted = 0
    for target_id, remote_id, published in due:
        row = session.get(PostResult, target_id)
        if row is None:
            continue  # the post was deleted from the app meanwhile
        counts = by_id.get(remote_id)
        if counts is None:
            # The network could not tell (not indexed yet, hidden): no number is written; asked again later.
            row.next_fetch_at = retry_unknown(published, now)
        elif counts.deleted:
            # Its last figures stay, marked: a deleted post is not a post with nothing.
            row.deleted = True
            row.next_fetch_at = None
            session.add(CountSnapshot(target_id=target_id, fetched_at=_utc(now), deleted=True))
            deleted += 1
        else:
            row.likes, row.reposts, row.replies, row.quotes = (
                counts.likes,
                counts.reposts,
                counts.replies,
                counts.quotes,
            )
            row.fetched_at = _utc(now)
            row.fetches += 1
            row.deleted = False
            row.next_fetch_at = next_reading(published, now)
            session.add(
                CountSnapshot(
                    target_id=target_id,
                    fetched_at=_utc(now),
                    likes=counts.likes,
                    reposts=counts.reposts,
                    replies=counts.replies,
                    quotes=counts.quotes,
                )
            )
            counted += 1
        session.add(row)
    return counted, deleted


def local_day(moment: datetime, zone: str) -> date:
    return moment.astimezone(zone_info(zone)).date()


def _followers_due(store: Store, account_id: int, now: datetime, zone: str, every: timedelta) -> bool:
    with store.session() as session:
        today = session.get(FollowerSnapshot, (account_id, local_day(now, zone)))
    if today is None:
        return True
    read = aware(today.fetched_at)
    # A reading stamped ahead of now (the clock went back since) is read again rather than trusted.
    return read is None or read > now or now - read >= every


def _keep_followers(store: Store, account_id: int, counts: AccountCounts, now: datetime, zone: str) -> None:
    with store.session() as session:
        day = local_day(now, zone)
        row = session.get(FollowerSnapshot, (account_id, day)) or FollowerSnapshot(
            account_id=account_id, day=day
        )
        row.followers, row.following, row.posts = counts.followers, counts.following, counts.posts
        row.fetched_at = _utc(now)
        session.add(row)
        session.commit()


def sync_account(
    store: Store,
    account: Account,
    counter: Counting,
    now: datetime,
    zone: str = "UTC",
    policy: ResultsPolicy | None = None,
) -> ResultsSyncResult:
    """Read what is due for one account (see the module's docstring). Never raises a network error: the result
    says what stopped it, and the account's next try is set."""
    policy = policy or ResultsPolicy()
    assert account.id is not None
    result = ResultsSyncResult(account.id, account.network, account.handle)
    try:
        due = _due(store, account.id, now, policy.max_posts)
        for start in range(0, len(due), policy.chunk):
            chunk = due[start : start + policy.chunk]
            read = counter.post_counts([remote_id for _t, remote_id, _p in chunk])
            with store.session() as session:
                counted, deleted = _keep(session, chunk, read, now)
                session.commit()
            result = replace(result, posts_read=result.posts_read + counted, deleted=result.deleted + deleted)
        if _followers_due(store, account.id, now, zone, policy.followers_every):
            counts = counter.account_counts()
            _keep_followers(store, account.id, counts, now, zone)
            result = replace(result, followers=counts.followers)
    except NetworkError as exc:
        return _failed(store, result, exc, now, policy)
    except Exception as exc:  # a bug: logged; the account is tried again later
        log.exception("results: reading account %s", account.id)
        return _failed(store, result, exc, now, policy)
    pause = counter.pause_until()
    with store.session() as session:
        state = _state(session, account.id)
        state.last_sync_at = state.last_ok_at = _utc(now)
        state.failures = 0
        state.last_error_code = state.last_error = ""
        state.next_sync_at = _utc(pause) if pause is not None else None
        session.add(state)
        session.commit()
    return replace(result, next_sync_at=pause, last_ok_at=now)


def _failed(
    store: Store, result: ResultsSyncResult, exc: Exception, now: datetime, policy: ResultsPolicy
) -> ResultsSyncResult:
    with store.session() as session:
        state = _state(session, result.account_id)
        failures = state.failures + 1
        why = stopped(
            exc, now, failures, Pace(policy.backoff_base, policy.backoff_max, policy.reconnect_wait)
        )
        state.failures, state.last_error_code, state.last_error = failures, why.code, why.detail
        state.last_sync_at, state.next_sync_at = _utc(now), _utc(why.until)
        last_ok = aware(state.last_ok_at)
        session.add(state)
        session.commit()
    log.info("results: account %s stopped (%s)", result.account_id, why.code)
    return replace(
        result, error_code=why.code, error_detail=why.detail, next_sync_at=why.until, last_ok_at=last_ok
    )


# --- every account ----------------------------------------------------------------------------------------


@dataclass
class ResultsRun:
    results: list[ResultsSyncResult] = field(default_factory=list)
    busy: bool = False
    watched: int = 0  # posts followed from this sync on


def countable_accounts(store: Store) -> list[Account]:
    with store.session() as session:
        return list(
            session.exec(
                select(Account).where(col(Account.network).in_(countable())).order_by(col(Account.id))
            ).all()
        )


def due_accounts(store: Store, now: datetime) -> list[Account]:
    """Accounts not waiting (backoff, a 429, a spent budget); those to reconnect wait for the person."""
    with store.session() as session:
        states = {s.account_id: s for s in session.exec(select(ResultsSync)).all()}
    due = []
    for account in countable_accounts(store):
        assert account.id is not None
        if account.status == AccountStatus.NEEDS_RECONNECT.value:
            continue
        state = states.get(account.id)
        waiting = aware(state.next_sync_at) if state is not None else None
        if waiting is not None and waiting > now:
            continue
        due.append(account)
    return due


def readable_now(store: Store, now: datetime) -> list[Account]:
    """Every account asked for by the person ("Read the figures now"): also one resting after an error, but
    not one a server asked to wait (a 429's reset) nor one to reconnect."""
    with store.session() as session:
        states = {s.account_id: s for s in session.exec(select(ResultsSync)).all()}
    kept = []
    for account in countable_accounts(store):
        state = states.get(account.id or 0)
        waiting = (
            aware(state.next_sync_at)
            if state is not None and state.last_error_code == m.RATE_LIMITED
            else None
        )
        if account.status != AccountStatus.NEEDS_RECONNECT.value and (waiting is None or waiting <= now):
            kept.append(account)
    return kept


def sync_all(
    store: Store,
    counter_for: CounterFactory,
    now: datetime,
    zone: str = "UTC",
    *,
    lock_path: Path | None = None,
    policy: ResultsPolicy | None = None,
    accounts: Sequence[Account] | None = None,
) -> ResultsRun:
    """Follow what was published, then read every account whose turn it is (all of `accounts` when given).
    One reader at a time holds the results lock (the app and a command never read at once)."""
    from cm_desktop.core.outbox.lock import PublisherBusy, PublisherLock

    run = ResultsRun()
    lock = PublisherLock(lock_path) if lock_path is not None else None
    try:
        if lock is not None:
            lock.acquire()
    except PublisherBusy:
        run.busy = True
        return run
    try:
        run.watched = watch_published(store, now)
        for account in accounts if accounts is not None else due_accounts(store, now):
            run.results.append(_sync_one(store, account, counter_for, now, zone, policy))
    finally:
        if lock is not None:
            lock.release()
    return run


def _sync_one(
    store: Store,
    account: Account,
    counter_for: CounterFactory,
    now: datetime,
    zone: str,
    policy: ResultsPolicy | None,
) -> ResultsSyncResult:
    assert account.id is not None
    empty = ResultsSyncResult(account.id, account.network, account.handle)
    try:
        counter = counter_for(account)
    except Exception as exc:  # no login on this computer, the keychain locked or unavailable
        if not isinstance(exc, NetworkError):
            log.warning("results: account %s unavailable (%s)", account.id, type(exc).__name__)
        return _failed(store, empty, exc, now, policy or ResultsPolicy())
    try:
        return sync_account(store, account, counter, now, zone, policy)
    finally:
        try:
            counter.close()
        except Exception:
            log.exception("results: closing a connection")
