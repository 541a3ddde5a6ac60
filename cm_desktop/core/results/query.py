"""What the Results page and `cm-desktop insights` show, read from the store in one go (off the GUI thread).

The page words it itself in the current language, so switching the language re-words it without reading the
store again. Only the window (the last 8 weeks) and six months of followers are read: the page opens as
quickly with two years of history as with two weeks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from cm_desktop.core import networks
from cm_desktop.core.coach.ideas import idea
from cm_desktop.core.models import (
    Account,
    BusinessProfile,
    FollowerSnapshot,
    Media,
    Post,
    PostReply,
    PostResult,
    PostTarget,
    ResultsSync,
    Slot,
    TargetState,
)
from cm_desktop.core.models import stored_utc as aware
from cm_desktop.core.results.analysis import (
    WINDOW,
    BestTimes,
    Group,
    PostFigures,
    TargetFigures,
    Why,
    best_times,
    by_hour,
    by_kind,
    by_weekday,
    local_time,
    scored,
    top_posts,
    why,
)
from cm_desktop.core.results.sync import countable, local_day
from cm_desktop.core.store import Store

FOLLOWERS_DAYS = 182
MOMENT = "moment_of_year"


@dataclass(frozen=True)
class AccountFigures:
    account_id: int
    network: str
    handle: str
    followers: int | None  # the latest reading (None: never read)
    following: int | None
    posts: int | None
    history: tuple[tuple[date, int], ...]  # (day, followers), oldest first
    error_code: str = ""
    error_detail: str = ""
    last_ok_at: datetime | None = None
    next_sync_at: datetime | None = None

    def gained(self, days: int, today: date) -> int | None:
        """Followers gained over the last `days` days (None when there is no reading that old)."""
        before = [f for d, f in self.history if d <= today - timedelta(days=days)]
        if not before or self.followers is None:
            return None
        return self.followers - before[-1]


@dataclass(frozen=True)
class WeekFigures:
    monday: date
    posts: int  # posts published that week
    with_figures: int  # of which some figures are known
    likes: int
    reposts: int
    replies: int
    quotes: int
    new_followers: int | None  # None: no reading from before the week


@dataclass(frozen=True)
class ResultsData:
    now: datetime
    zone: str
    posts: tuple[PostFigures, ...] = ()  # the window's posts, scored, newest first
    accounts: tuple[AccountFigures, ...] = ()
    this_week: WeekFigures | None = None
    last_week: WeekFigures | None = None
    best: BestTimes = field(default_factory=lambda: BestTimes(counted=0))
    queue_times: tuple[tuple[int, int], ...] = ()  # the queue's weekly times (weekday, minute), distinct
    kinds: tuple[Group, ...] = ()
    weekdays: tuple[Group | None, ...] = ()
    hours: tuple[Group | None, ...] = ()
    top: tuple[tuple[PostFigures, Why], ...] = ()
    by_hand_waiting: int = 0  # posts published by hand in the window whose figures were not given

    @property
    def empty(self) -> bool:
        """Nothing published yet and no account read: the page teaches instead."""
        return not self.posts and not any(a.followers is not None for a in self.accounts)


def _zone(session: Session, zone: str | None) -> str:
    if zone:
        return zone
    profile = session.exec(select(BusinessProfile)).first()
    return profile.time_zone if profile is not None and profile.time_zone else "UTC"


def business_zone(store: Store) -> str:
    """The business's time zone (its days and hours are the page's); UTC without a profile."""
    with store.session() as session:
        return _zone(session, None)


def kind_of(origin: str) -> str:
    """The coach's occasion of a post's idea ("idea:<code>"); moments have theirs; "" for one's own."""
    if origin.startswith("moment:"):
        return MOMENT
    if origin.startswith("idea:"):
        try:
            return idea(origin).occasion.value
        except KeyError:
            return ""
    return ""


def _figures(result: PostResult | None, target: PostTarget, network: str, handle: str) -> TargetFigures:
    if target.account_id is not None:
        account = str(target.account_id)
    elif result is not None and result.by_hand:
        account = f"hand:{network}"
    else:
        account = f"gone:{network}"  # the account was removed: its last figures still count
    figures = TargetFigures(
        target_id=int(target.id or 0),
        network=network,
        account=account,
        handle=handle,
        likes=None,
        reposts=None,
        replies=None,
        quotes=None,
        url=target.remote_url,
    )
    if result is None or result.fetched_at is None:
        return figures  # never read: nothing to show, never a zero
    return replace(
        figures,
        likes=result.likes,
        reposts=result.reposts,
        replies=result.replies,
        quotes=result.quotes,
        deleted=result.deleted,
        by_hand=result.by_hand,
        fetched_at=aware(result.fetched_at),
    )


def published_targets() -> Any:
    """(target, post, account or None, figures or None) of every published post on every network, newest
    first; answers written in the inbox left out (they are conversations, not posts)."""
    return (
        select(PostTarget, Post, Account, PostResult)
        .join(Post, col(Post.id) == col(PostTarget.post_id))
        .outerjoin(Account, col(Account.id) == col(PostTarget.account_id))
        .outerjoin(PostResult, col(PostResult.target_id) == col(PostTarget.id))
        .where(
            col(PostTarget.state) == TargetState.PUBLISHED.value,
            col(PostTarget.post_id).not_in(select(PostReply.post_id)),
        )
        .order_by(col(PostTarget.published_at).desc(), col(PostTarget.id))
    )


def load_posts(session: Session, start: datetime, end: datetime, zone: str) -> list[PostFigures]:
    """Posts with a target published between `start` and `end` (answers written in the inbox left out)."""
    rows = session.exec(
        published_targets().where(
            col(PostTarget.published_at) >= start.astimezone(UTC),
            col(PostTarget.published_at) <= end.astimezone(UTC),
        )
    ).all()
    post_ids = list(dict.fromkeys(post.id for _t, post, _a, _r in rows))
    pictures = dict(
        session.exec(
            select(Media.post_id, func.count())
            .where(col(Media.post_id).in_(post_ids))
            .group_by(col(Media.post_id))
        ).all()
    )
    made: dict[int, PostFigures] = {}
    targets: dict[int, list[TargetFigures]] = defaultdict(list)
    for target, post, account, result in rows:
        assert post.id is not None
        network = account.network if account is not None else target.network
        targets[post.id].append(_figures(result, target, network, account.handle if account else ""))
        if post.id not in made:
            published = aware(target.published_at) or end
            made[post.id] = PostFigures(
                post_id=post.id,
                text=post.text,
                published_at=published,
                local=local_time(published, zone),
                kind=kind_of(post.origin),
                pictures=int(pictures.get(post.id, 0)),
                targets=(),
            )
    return [replace(p, targets=tuple(targets[p.post_id])) for p in made.values()]


def load_accounts(session: Session, now: datetime, zone: str) -> list[AccountFigures]:
    today = local_day(now, zone)
    first = today - timedelta(days=FOLLOWERS_DAYS)
    accounts = session.exec(
        select(Account).where(col(Account.network).in_(countable())).order_by(col(Account.id))
    ).all()
    history: dict[int, list[FollowerSnapshot]] = defaultdict(list)
    for snap in session.exec(
        select(FollowerSnapshot)
        .where(col(FollowerSnapshot.day) >= first, col(FollowerSnapshot.day) <= today)
        .order_by(col(FollowerSnapshot.account_id), col(FollowerSnapshot.day))
    ).all():
        history[snap.account_id].append(snap)
    states = {s.account_id: s for s in session.exec(select(ResultsSync)).all()}
    out = []
    for account in accounts:
        assert account.id is not None
        days = history.get(account.id, [])
        last = days[-1] if days else None
        state = states.get(account.id)
        out.append(
            AccountFigures(
                account_id=account.id,
                network=account.network,
                handle=account.handle,
                followers=last.followers if last else None,
                following=last.following if last else None,
                posts=last.posts if last else None,
                history=tuple((s.day, s.followers) for s in days),
                error_code=state.last_error_code if state else "",
                error_detail=state.last_error if state else "",
                last_ok_at=aware(state.last_ok_at) if state else None,
                next_sync_at=aware(state.next_sync_at) if state else None,
            )
        )
    return out


def _followers_at(account: AccountFigures, day: date) -> int | None:
    before = [f for d, f in account.history if d <= day]
    return before[-1] if before else None


def week(
    posts: Sequence[PostFigures], accounts: Sequence[AccountFigures], monday: date, today: date
) -> WeekFigures:
    mine = [p for p in posts if monday <= p.local.date() < monday + timedelta(days=7)]
    end = min(monday + timedelta(days=6), today)
    gained: list[int] = []
    for account in accounts:
        start, finish = _followers_at(account, monday - timedelta(days=1)), _followers_at(account, end)
        if start is not None and finish is not None:
            gained.append(finish - start)
    return WeekFigures(
        monday=monday,
        posts=len(mine),
        with_figures=sum(1 for p in mine if p.known),
        likes=sum(p.total("likes") for p in mine),
        reposts=sum(p.total("reposts") for p in mine),
        replies=sum(p.total("replies") for p in mine),
        quotes=sum(p.total("quotes") for p in mine),
        new_followers=sum(gained) if gained else None,
    )


def queue_times(session: Session) -> tuple[tuple[int, int], ...]:
    rows = session.exec(select(Slot.weekday, Slot.minute_of_day).distinct()).all()
    return tuple(sorted((int(d), int(mm)) for d, mm in rows))


def wanted_times(session: Session, times: Sequence[tuple[int, int]]) -> int:
    """How many weekly times to propose: as many as the queue has, else the plan's posts a week."""
    if times:
        return len(times)
    from cm_desktop.core.coach import rhythm_for

    profile = session.exec(select(BusinessProfile)).first()
    return rhythm_for(profile.weekly_minutes if profile is not None else 60).posts_per_week


def _needs_hand(target: TargetFigures) -> bool:
    """Published by hand on a network the app cannot read, and its figures not given yet."""
    return not target.known and networks.known(target.network) and not networks.get(target.network).can.counts


def load_results(store: Store, now: datetime, zone: str | None = None) -> ResultsData:
    with store.session() as session:
        zone = _zone(session, zone)
        posts = scored(load_posts(session, now - WINDOW, now, zone))
        accounts = load_accounts(session, now, zone)
        times = queue_times(session)
        wanted = wanted_times(session, times)
    today = local_day(now, zone)
    monday = today - timedelta(days=today.weekday())
    best = best_times(posts, wanted)
    top = top_posts(posts)
    by_hand = [p for p in posts if any(_needs_hand(t) for t in p.targets)]
    return ResultsData(
        now=now,
        zone=zone,
        posts=tuple(posts),
        accounts=tuple(accounts),
        this_week=week(posts, accounts, monday, today),
        last_week=week(posts, accounts, monday - timedelta(days=7), today),
        best=best,
        queue_times=times,
        kinds=tuple(by_kind(posts)),
        weekdays=tuple(by_weekday(posts)),
        hours=tuple(by_hour(posts)),
        top=tuple((p, why(p, posts)) for p in top),
        by_hand_waiting=len(by_hand),
    )


# --- the command line and the CSV ------------------------------------------------------------------------


def posts_rows(store: Store) -> list[dict[str, Any]]:
    """Every published post on every network (answers left out), newest first: its latest figures (None where
    never read) and where they come from."""
    with store.session() as session:
        rows = session.exec(published_targets()).all()
    out = []
    for target, post, account, result in rows:
        read = result is not None and result.fetched_at is not None
        out.append(
            {
                "post_id": post.id,
                "target_id": target.id,
                "account_id": target.account_id,
                "network": account.network if account is not None else target.network,
                "remote_id": target.remote_id,
                "url": target.remote_url,
                "text": post.text,
                "published_at": _iso(target.published_at),
                "likes": result.likes if result is not None and read else None,
                "reposts": result.reposts if result is not None and read else None,
                "replies": result.replies if result is not None and read else None,
                "quotes": result.quotes if result is not None and read else None,
                "fetched_at": _iso(result.fetched_at) if result is not None else None,
                "readings": result.fetches if result is not None else 0,
                "deleted": bool(result is not None and result.deleted),
                "by_hand": bool(result is not None and result.by_hand),
                "next_reading_at": _iso(result.next_fetch_at) if result is not None else None,
            }
        )
    return out


def accounts_rows(store: Store, now: datetime, zone: str | None = None) -> list[dict[str, Any]]:
    """Every readable account: its latest followers, following and posts, and its daily followers."""
    with store.session() as session:
        zone = _zone(session, zone)
        accounts = load_accounts(session, now, zone)
        everything: dict[int, list[FollowerSnapshot]] = defaultdict(list)
        for snap in session.exec(
            select(FollowerSnapshot).order_by(col(FollowerSnapshot.account_id), col(FollowerSnapshot.day))
        ).all():
            everything[snap.account_id].append(snap)
    return [
        {
            "account_id": a.account_id,
            "network": a.network,
            "handle": a.handle,
            "followers": a.followers,
            "following": a.following,
            "posts": a.posts,
            "history": [
                {"date": s.day.isoformat(), "followers": s.followers} for s in everything[a.account_id]
            ],
            "error_code": a.error_code,
            "last_read_at": a.last_ok_at.isoformat() if a.last_ok_at else None,
        }
        for a in accounts
    ]


def _iso(moment: datetime | None) -> str | None:
    found = aware(moment)
    return found.isoformat() if found is not None else None
