"""Reading each account's notifications into the store: every item once, none skipped.

Networks page notifications newest first and a cursor goes back in time. One sync of an account:
1. walks back from the newest until it reaches what is stored (`mark`, or `gap_top` while a gap is open);
2. if an earlier sync was cut short, fills that gap from where it stopped (`gap_cursor`) down to `gap_floor`,
   committing the gap's cursor with each page's items.
Items are inserted with "insert or ignore" on (account, remote id): reading a page twice stores nothing twice.
The mark moves only once a walk has reached it; a walk cut by a crash, a 5xx or a 429 opens a gap that the next
sync fills. So an interrupted sync never skips an item (InboxSync's docstring).

The first sync of an account reads back at most `first_sync_items` items or `first_sync_days` days: the inbox
starts there. Seen state goes both ways: what the network says was seen is marked read here, and what was
read here is told to the network (its one "seen up to" mark). One account's failure never stops another's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from cm_desktop.core import networks
from cm_desktop.core.i18n import Lang
from cm_desktop.core.inbox import messages as m
from cm_desktop.core.inbox.answers import release
from cm_desktop.core.models import Account, AccountStatus, InboxItem, InboxSync, Post, PostTarget
from cm_desktop.core.models import stored_utc as aware
from cm_desktop.core.ports import (
    NetworkError,
    Notification,
    NotificationPage,
    NotificationReader,
)
from cm_desktop.core.reading import Pace, stopped
from cm_desktop.core.store import Store

log = logging.getLogger(__name__)

TO_ANSWER = ("reply", "mention", "quote")

ReaderFactory = Callable[[Account], NotificationReader]


def readable() -> list[str]:
    """Networks whose notifications the app reads (the registry's capability)."""
    return sorted(networks.where(lambda n: n.can.notifications))


@dataclass(frozen=True)
class InboxPolicy:
    page_size: int = 100
    # Pages per walk in one sync: what is left waits in the gap for the next sync (a burst never blocks).
    max_pages: int = 40
    first_sync_items: int = 1000
    first_sync_days: int = 30
    backoff_base: timedelta = timedelta(minutes=1)
    backoff_max: timedelta = timedelta(hours=1)
    reconnect_wait: timedelta = timedelta(hours=1)
    # Posts of the person that notifications are about, looked up once per sync when their text is unknown.
    max_subjects: int = 100


@dataclass(frozen=True)
class SyncResult:
    """How one account's sync went."""

    account_id: int
    network: str
    handle: str
    added: int = 0
    skipped: int = 0
    first: bool = False  # the account's first sync: older items, nothing to announce
    complete: bool = True  # everything new is stored (False: a gap is left for the next sync)
    new_to_answer: tuple[int, ...] = ()  # ids of new replies, mentions and quotes
    pages: int = 0
    error_code: str = ""
    error_detail: str = ""
    next_sync_at: datetime | None = None

    def message(self, lang: Lang) -> str:
        when = self.next_sync_at.strftime("%H:%M UTC") if self.next_sync_at is not None else ""
        return m.sync_message(self.error_code, self.network, lang, reason=self.error_detail, when=when)

    def as_json(self, lang: Lang) -> dict[str, Any]:
        return {
            "account_id": self.account_id,
            "network": self.network,
            "handle": self.handle,
            "added": self.added,
            "skipped": self.skipped,
            "complete": self.complete,
            "first": self.first,
            "error_code": self.error_code,
            "error": self.message(lang),
            "next_sync_at": self.next_sync_at.isoformat() if self.next_sync_at is not None else None,
        }


class _Walk:
    """One walk back from a cursor towards `stop`, storing each page as it comes."""

    def __init__(
        self,
        store: Store,
        account: Account,
        reader: NotificationReader,
        policy: InboxPolicy,
        now: datetime,
        result: SyncResult,
    ) -> None:
        self.store, self.account, self.reader, self.policy, self.now = store, account, reader, policy, now
        self.result = result
        self.seen_up_to = ""

    def page(self, cursor: str, stop: str) -> NotificationPage:
        page = self.reader.notifications(cursor, limit=self.policy.page_size, since=stop)
        self.result = replace(
            self.result, pages=self.result.pages + 1, skipped=self.result.skipped + page.skipped
        )
        if not cursor and page.seen_up_to:
            self.seen_up_to = page.seen_up_to
        return page

    def keep(self, page: NotificationPage, stop: str, session: Session) -> bool:
        """Store the page's items newer than `stop`; True when the walk has reached `stop` (or the end)."""
        fresh = [n for n in page.items if not stop or n.sort_key >= stop]
        if not stop:
            # Nothing stored yet (the first sync, or the gap it left): the inbox starts a month back.
            horizon = self.now - timedelta(days=self.policy.first_sync_days)
            fresh = [n for n in fresh if n.created_at >= horizon]
        edits = [n for n in fresh if n.edited]
        added = store_items(session, self.account, [n for n in fresh if not n.edited], self.now)
        for edit in edits:
            _apply_edit(session, self.account, edit)
        self.result = replace(
            self.result,
            added=self.result.added + len(added),
            new_to_answer=self.result.new_to_answer + tuple(i for i, kind in added if kind in TO_ANSWER),
        )
        if not page.next_cursor:
            return True  # the end
        if stop:
            return any(n.sort_key <= stop for n in page.items)  # back to what is stored
        # The first sync's bounds: a month back, or so many items.
        return len(fresh) < len(page.items) or _stored(session, self.account) >= self.policy.first_sync_items


def _stored(session: Session, account: Account) -> int:
    return int(session.exec(select(func.count()).where(col(InboxItem.account_id) == account.id)).one() or 0)


_COLUMNS = tuple(c.name for c in InboxItem.__table__.columns if c.name != "id")  # type: ignore[attr-defined]
# One statement, compiled once by SQLite: a page of 100 items is one executemany.
_INSERT = (
    f"INSERT OR IGNORE INTO inbox_item ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' for _ in _COLUMNS)})"
)


def store_items(
    session: Session, account: Account, items: Sequence[Notification], now: datetime
) -> list[tuple[int, str]]:
    """Insert what is not stored yet ((account, remote id) is unique); returns (id, kind) of new rows."""
    if not items:
        return []
    rows = [_row(account, n, now) for n in items]
    wanted = [r["remote_id"] for r in rows]
    connection = session.connection()
    known = {
        r[0]
        for r in connection.execute(
            select(InboxItem.remote_id).where(
                col(InboxItem.account_id) == account.id, col(InboxItem.remote_id).in_(wanted)
            )
        )
    }
    fresh = [r for r in rows if r["remote_id"] not in known]
    if not fresh:
        return []
    connection.exec_driver_sql(_INSERT, [tuple(_sql(r[c]) for c in _COLUMNS) for r in fresh])
    added = connection.execute(
        select(InboxItem.id, InboxItem.kind).where(
            col(InboxItem.account_id) == account.id,
            col(InboxItem.remote_id).in_([r["remote_id"] for r in fresh]),
        )
    )
    return [(int(i), str(kind)) for i, kind in added]


def _sql(value: Any) -> Any:
    """Dates as the store writes them (UTC, no zone: SQLAlchemy reads them back as UTC)."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")  # SQLAlchemy's own format
    return value


def _row(account: Account, n: Notification, now: datetime) -> dict[str, Any]:
    post = n.post
    # An answer goes under the item's own post; on Bluesky it names the thread's first post too.
    root_id = (post.reply_root_id or post.remote_id) if post is not None else ""
    root_cid = (post.reply_root_cid if post.reply_root_id else post.cid) if post is not None else ""
    url = n.url or (post.url if post is not None else n.author.url if n.kind == "follow" else "")
    return {
        "account_id": account.id,
        "network": account.network,
        "kind": n.kind,
        "remote_id": n.remote_id[:500],
        "sort_key": n.sort_key,
        "created_at": n.created_at.astimezone(UTC),
        "author_handle": n.author.handle,
        "author_name": n.author.display_name,
        "author_avatar_url": n.author.avatar_url,
        "author_id": n.author.remote_id,
        "author_url": n.author.url,
        "author_mention": n.author.mention,
        "count": max(1, n.count),
        "text": post.text if post is not None else "",
        "url": url,
        "post_id": post.remote_id if post is not None else "",
        "post_cid": post.cid if post is not None else "",
        "root_id": root_id,
        "root_cid": root_cid,
        "visibility": post.visibility if post is not None else "",
        "subject_id": n.subject_id,
        "subject_text": n.subject_text,
        "read": n.read,
        "archived": False,
        "gone": "",
        "like_key": "",
        "like_state": "",
        "synced_at": now.astimezone(UTC),
    }


def _apply_edit(session: Session, account: Account, edit: Notification) -> None:
    """A post changed on the network (Mastodon "update"): the stored items showing it take the new text."""
    if edit.post is None:
        return
    session.exec(
        update(InboxItem)
        .where(col(InboxItem.account_id) == account.id, col(InboxItem.post_id) == edit.post.remote_id)
        .values(text=edit.post.text)
        .execution_options(synchronize_session=False)
    )


def _state(session: Session, account_id: int) -> InboxSync:
    state = session.get(InboxSync, account_id)
    if state is None:
        state = InboxSync(account_id=account_id)
        session.add(state)
    return state


def sync_account(
    store: Store,
    account: Account,
    reader: NotificationReader,
    now: datetime,
    policy: InboxPolicy | None = None,
) -> SyncResult:
    """Read what is new for one account (see the module's docstring). Never raises a network error: the
    result says what stopped it, and the account's next try is set (backoff, a 429's reset)."""
    policy = policy or InboxPolicy()
    assert account.id is not None
    with store.session() as session:
        state = _state(session, account.id)
        session.commit()
        mark, gap_open, gap_top = state.mark, state.gap_open, state.gap_top
        first = not mark and not gap_open and state.last_sync_at is None
    walk = _Walk(
        store,
        account,
        reader,
        policy,
        now,
        SyncResult(account.id, account.network, account.handle, first=first),
    )
    try:
        _walk_newest(walk, stop=gap_top if gap_open else mark, gap_open=gap_open)
        with store.session() as session:
            if _state(session, account.id).gap_open:
                _fill_gap(walk)
        _settle_seen(store, account, reader, walk.seen_up_to)
    except NetworkError as exc:
        return _failed(store, walk.result, exc, now, policy)
    except Exception as exc:  # a bug: logged; the account is tried again later
        log.exception("inbox: reading account %s", account.id)
        return _failed(store, walk.result, exc, now, policy)
    pause = reader.pause_until()
    with store.session() as session:
        state = _state(session, account.id)
        state.last_sync_at = now
        state.failures = 0
        state.last_error_code = state.last_error = ""
        state.next_sync_at = pause
        session.add(state)
        complete = not state.gap_open
        session.commit()
    return replace(walk.result, complete=complete, next_sync_at=pause)


def _walk_newest(walk: _Walk, *, stop: str, gap_open: bool) -> None:
    """Step 1: from the newest down to `stop`, in one transaction (one commit, not one per page). Cut short by
    the network, what was read is committed with a gap for the rest (with a gap already open, it is simply
    walked again next time). Cut by a crash, nothing is committed and nothing moved: it is read again."""
    assert walk.account.id is not None
    cursor, newest = "", ""
    with walk.store.session() as session:
        for _ in range(walk.policy.max_pages):
            try:
                page = walk.page(cursor, stop)
            except NetworkError:
                if cursor and not gap_open:
                    _open_gap(walk, session, cursor=cursor, floor=stop, top=newest)
                session.commit()
                raise
            newest = newest or (page.items[0].sort_key if page.items else "")
            if walk.keep(page, stop, session):
                state = _state(session, walk.account.id)
                if gap_open:
                    state.gap_top = max(state.gap_top, newest)
                else:
                    state.mark = max(state.mark, newest)
                session.add(state)
                session.commit()
                return
            cursor = page.next_cursor
        # Too much at once for one sync: the rest is a gap, read next (in this sync, then the next ones).
        if not gap_open:
            _open_gap(walk, session, cursor=cursor, floor=stop, top=newest)
        session.commit()


def _open_gap(walk: _Walk, session: Session, *, cursor: str, floor: str, top: str) -> None:
    """Items from `cursor` back to `floor` are still to be read (committed by the caller with what was read)."""
    assert walk.account.id is not None
    state = _state(session, walk.account.id)
    state.gap_open, state.gap_cursor, state.gap_floor, state.gap_top = True, cursor, floor, top
    session.add(state)
    walk.result = replace(walk.result, complete=False)


def _fill_gap(walk: _Walk) -> None:
    """Step 2: from where a cut walk stopped down to its floor; the cursor is committed with each page."""
    assert walk.account.id is not None
    for _ in range(walk.policy.max_pages):
        with walk.store.session() as session:
            state = _state(session, walk.account.id)
            cursor, floor = state.gap_cursor, state.gap_floor
        page = walk.page(cursor, floor)
        with walk.store.session() as session:
            reached = walk.keep(page, floor, session)
            state = _state(session, walk.account.id)
            if reached:
                state.mark = max(state.mark, state.gap_top)
                state.gap_open, state.gap_cursor, state.gap_floor, state.gap_top = False, "", "", ""
            else:
                state.gap_cursor = page.next_cursor
            session.add(state)
            session.commit()
        if reached:
            return
    walk.result = replace(walk.result, complete=False)


def _failed(
    store: Store, result: SyncResult, exc: Exception, now: datetime, policy: InboxPolicy
) -> SyncResult:
    with store.session() as session:
        state = _state(session, result.account_id)
        failures = state.failures + 1
        why = stopped(
            exc, now, failures, Pace(policy.backoff_base, policy.backoff_max, policy.reconnect_wait)
        )
        state.failures, state.last_error_code, state.last_error = failures, why.code, why.detail
        state.last_sync_at, state.next_sync_at = now, why.until
        session.add(state)
        session.commit()
    log.info("inbox: account %s stopped (%s)", result.account_id, why.code)
    # Not complete: what is new on the network was not (all) read.
    return replace(
        result, complete=False, error_code=why.code, error_detail=why.detail, next_sync_at=why.until
    )


# --- seen state, both ways -----------------------------------------------------------------------------


def local_seen(session: Session, account_id: int) -> str:
    """The newest key such that every item of the account up to it is read here ("" when none)."""
    mine = col(InboxItem.account_id) == account_id
    oldest_unread = session.exec(
        select(func.min(InboxItem.sort_key)).where(mine, col(InboxItem.read).is_(False))
    ).one()
    query = select(func.max(InboxItem.sort_key)).where(mine)
    if oldest_unread is not None:
        query = query.where(col(InboxItem.sort_key) < oldest_unread)
    return str(session.exec(query).one() or "")


def _settle_seen(store: Store, account: Account, reader: NotificationReader, network_seen: str) -> None:
    """Read on the network (or another device) -> read here; read here -> told to the network."""
    assert account.id is not None
    with store.session() as session:
        state = _state(session, account.id)
        if network_seen and network_seen > state.seen_up_to:
            session.exec(
                update(InboxItem)
                .where(
                    col(InboxItem.account_id) == account.id,
                    col(InboxItem.read).is_(False),
                    col(InboxItem.sort_key) <= network_seen,
                )
                .values(read=True)
                .execution_options(synchronize_session=False)
            )
            state.seen_up_to = network_seen
            session.add(state)
            session.commit()
        here = local_seen(session, account.id)
        told = max(state.seen_up_to, network_seen)
    if here and here > told:
        reader.mark_seen(here)
        with store.session() as session:
            state = _state(session, account.id)
            state.seen_up_to = here
            session.add(state)
            session.commit()


def push_seen(store: Store, account: Account, reader: NotificationReader) -> bool:
    """Tell the network what was read here now (after "mark all read"); True when it was told something."""
    assert account.id is not None
    with store.session() as session:
        state = _state(session, account.id)
        here = local_seen(session, account.id)
        session.commit()
        if not here or here <= state.seen_up_to:
            return False
    reader.mark_seen(here)
    with store.session() as session:
        state = _state(session, account.id)
        state.seen_up_to = max(state.seen_up_to, here)
        session.add(state)
        session.commit()
    return True


# --- what the notifications are about ------------------------------------------------------------------


def fill_subjects(
    store: Store, account: Account, reader: NotificationReader, policy: InboxPolicy | None = None
) -> None:
    """The text of the person's posts that likes, reposts and answers are about: from the app's own posts,
    from items already stored, else asked from the network once per sync (after the reading itself: the
    items are stored and shown whether or not this succeeds)."""
    policy = policy or InboxPolicy()
    assert account.id is not None
    with store.session() as session:
        missing = list(
            session.exec(
                select(InboxItem.subject_id)
                .where(
                    col(InboxItem.account_id) == account.id,
                    col(InboxItem.subject_id) != "",
                    col(InboxItem.subject_text) == "",
                )
                .distinct()
                .limit(policy.max_subjects)
            ).all()
        )
        if not missing:
            return
        known = _known_texts(session, account.id, missing)
    unknown = [s for s in missing if s not in known]
    if unknown:
        for post in reader.posts(unknown):
            known[post.remote_id] = post.text
        # Not on the network any more (deleted): shown as "one of your posts", never asked again.
        known.update({s: "" for s in unknown if s not in known})
    with store.session() as session:
        for subject, text in known.items():
            session.exec(
                update(InboxItem)
                .where(
                    col(InboxItem.account_id) == account.id,
                    col(InboxItem.subject_id) == subject,
                    col(InboxItem.subject_text) == "",
                )
                .values(subject_text=text or " ")
                .execution_options(synchronize_session=False)
            )
        session.commit()


def _known_texts(session: Session, account_id: int, subjects: Iterable[str]) -> dict[str, str]:
    wanted = list(subjects)
    found: dict[str, str] = {}
    rows = session.exec(
        select(PostTarget.remote_id, PostTarget.text_override, Post.text)
        .join(Post, col(Post.id) == col(PostTarget.post_id))
        .where(col(PostTarget.account_id) == account_id, col(PostTarget.remote_id).in_(wanted))
    ).all()
    for remote_id, override, text in rows:
        found[remote_id] = override if override is not None else text
    for subject, text in session.exec(
        select(InboxItem.subject_id, InboxItem.subject_text).where(
            col(InboxItem.account_id) == account_id,
            col(InboxItem.subject_id).in_(wanted),
            col(InboxItem.subject_text) != "",
        )
    ).all():
        found.setdefault(subject, text)
    return found


# --- every account ----------------------------------------------------------------------------------------


@dataclass
class SyncRun:
    results: list[SyncResult] = field(default_factory=list)
    busy: bool = False


def readable_accounts(store: Store) -> list[Account]:
    with store.session() as session:
        return list(
            session.exec(
                select(Account).where(col(Account.network).in_(readable())).order_by(col(Account.id))
            ).all()
        )


def due_accounts(store: Store, now: datetime, interval: timedelta | None) -> list[Account]:
    """Accounts whose turn it is: not waiting (backoff, a 429, a spent budget) and, with `interval`, not read
    within it. Accounts that must be reconnected wait for the person."""
    with store.session() as session:
        states = {s.account_id: s for s in session.exec(select(InboxSync)).all()}
    due = []
    for account in readable_accounts(store):
        assert account.id is not None
        if account.status == AccountStatus.NEEDS_RECONNECT.value:
            continue
        state = states.get(account.id)
        if state is not None:
            waiting = aware(state.next_sync_at)
            if waiting is not None and waiting > now:
                continue
            last = aware(state.last_sync_at)
            if interval is not None and last is not None and last + interval > now:
                continue
        due.append(account)
    return due


def sync_all(
    store: Store,
    reader_for: ReaderFactory,
    now: datetime,
    *,
    interval: timedelta | None = None,
    lock_path: Path | None = None,
    policy: InboxPolicy | None = None,
    accounts: Sequence[Account] | None = None,
) -> SyncRun:
    """Sync every account that is due (all of `accounts` when given). One reader at a time holds the inbox
    lock: the app and the background job never read the same account at once."""
    from cm_desktop.core.outbox.lock import PublisherBusy, PublisherLock

    run = SyncRun()
    lock = PublisherLock(lock_path) if lock_path is not None else None
    try:
        if lock is not None:
            lock.acquire()
    except PublisherBusy:
        run.busy = True
        return run
    try:
        for account in accounts if accounts is not None else due_accounts(store, now, interval):
            run.results.append(_sync_one(store, account, reader_for, now, policy))
    finally:
        if lock is not None:
            lock.release()
    return run


def _sync_one(
    store: Store, account: Account, reader_for: ReaderFactory, now: datetime, policy: InboxPolicy | None
) -> SyncResult:
    assert account.id is not None
    empty = SyncResult(account.id, account.network, account.handle)
    try:
        reader = reader_for(account)
    except NetworkError as exc:
        return _failed(store, empty, exc, now, policy or InboxPolicy())
    except Exception as exc:  # the keychain is locked or unavailable
        log.warning("inbox: account %s unavailable (%s)", account.id, type(exc).__name__)
        return _failed(store, empty, exc, now, policy or InboxPolicy())
    try:
        result = sync_account(store, account, reader, now, policy)
        if not result.error_code:
            try:
                fill_subjects(store, account, reader, policy)
            except NetworkError as exc:  # shown as "one of your posts" until the next reading
                log.info("inbox: the posts' texts were not read (%s)", type(exc).__name__)
        return result
    finally:
        release(reader)
