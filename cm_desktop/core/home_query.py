"""What the Home page shows, read from the store in one go (off the GUI thread): pure, no Qt.

The page turns this into sentences itself (with the coach's week_summary), so switching the language
re-words the page without reading the store again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import col, select

from cm_desktop.core.coach import post_state, rhythm_for
from cm_desktop.core.models import Account, BusinessProfile, Post, PostTarget, TargetState
from cm_desktop.core.moments import Moment, MomentKind, UnknownCountry, upcoming
from cm_desktop.core.onboarding import SUGGESTION_PREFIXES
from cm_desktop.core.store import Store

HISTORY_WEEKS = 6
MOMENT_HORIZON_DAYS = 45
NEXT_POSTS = 3
WEEK_IDEAS = 4
# Without a profile the coach still needs a target: the plan's middle rhythm.
DEFAULT_TARGET = 3


@dataclass(frozen=True)
class UpcomingPost:
    post_id: int
    when: datetime  # aware, in the business's zone
    text: str
    networks: tuple[str, ...]
    state: str


@dataclass(frozen=True)
class WeekIdea:
    """One of the plan's ideas for this week: a post with no target yet, one click from being a draft."""

    post_id: int
    when: datetime  # aware, in the business's zone
    text: str
    moment: bool  # a date everyone shares (a holiday), not one of the library's ideas


@dataclass(frozen=True)
class WeekCount:
    monday: date
    planned: int  # posts that were not drafts (scheduled, sent, failed, waiting...)
    posted: int  # posts published on at least one network
    target: int


@dataclass(frozen=True)
class HomeData:
    now: datetime  # aware, in the business's zone
    has_profile: bool
    business_name: str
    town: str
    zone: str
    target: int  # posts a week the plan asks for
    posts: tuple[tuple[datetime, str], ...]  # (time, state) of every dated post: week_summary's input
    next_posts: tuple[UpcomingPost, ...]
    history: tuple[WeekCount, ...]  # oldest first, this week last
    moment: Moment | None  # the next date to prepare that has no post on its way yet
    ideas: tuple[WeekIdea, ...] = ()  # the plan's ideas from today to the end of the week, soonest first


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _aware_utc(moment: datetime) -> datetime:
    # SQLite hands datetimes back without their zone; the store only ever writes UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _post_time(post: Post, tz: ZoneInfo) -> datetime | None:
    if post.scheduled_utc is not None:
        return _aware_utc(post.scheduled_utc).astimezone(tz)
    if post.local_time is not None:
        return post.local_time.replace(tzinfo=_zone(post.time_zone) if post.time_zone else tz).astimezone(tz)
    return None


def next_moment(
    country: str,
    kind: str,
    today: date,
    planned: frozenset[str] = frozenset(),
    days: int = MOMENT_HORIZON_DAYS,
    family: str | None = None,
) -> Moment | None:
    """The date worth preparing now: the first one whose preparation time has come, else the soonest.

    Moments in `planned` (codes that already have a post on its way) are skipped: that work is done. A
    date naming another trade's products (Epiphany's galette for a florist, `family`) is not offered.
    """
    from cm_desktop.core.coach.trades import names_no_foreign_product

    if not country:
        return None
    try:
        found = upcoming(country, today + timedelta(days=1), days, business_kind=kind or None)
    except UnknownCountry:
        return None
    ahead = [
        m
        for m in found
        if m.start > today
        and m.code not in planned
        and names_no_foreign_product((m.title, m.idea, m.draft), family)
    ]
    if not ahead:
        return None
    ready = [m for m in ahead if m.plan_from <= today]
    # A public holiday matters for opening hours, but a shared occasion makes a better post: prefer those.
    themed = [m for m in ready if m.kind is not MomentKind.HOLIDAY]
    return (themed or ready or ahead)[0]


def load_home(store: Store, now: datetime) -> HomeData:
    """Everything Home needs; `now` is aware (any zone)."""
    with store.session() as session:
        profile = session.exec(select(BusinessProfile).order_by(col(BusinessProfile.id))).first()
        rows = session.exec(select(Post)).all()
        targets = session.exec(select(PostTarget)).all()
        accounts = {a.id: a.network for a in session.exec(select(Account)).all()}

    zone = profile.time_zone if profile is not None else "UTC"
    tz = _zone(zone)
    local_now = now.astimezone(tz)
    today = local_now.date()
    target = rhythm_for(profile.weekly_minutes).posts_per_week if profile is not None else DEFAULT_TARGET

    by_post: dict[int, list[PostTarget]] = {}
    for t in targets:
        by_post.setdefault(t.post_id, []).append(t)

    posts: list[tuple[datetime, str]] = []
    ideas: list[WeekIdea] = []
    upcoming_posts: list[UpcomingPost] = []
    published_posts: list[datetime] = []
    planned_moments: set[str] = set()
    for post in rows:
        mine = by_post.get(post.id or -1, [])
        state = post_state(t.state for t in mine)
        if post.origin.startswith("moment:") and state != TargetState.DRAFT:
            planned_moments.add(post.origin.removeprefix("moment:"))
        when = _post_time(post, tz)
        if when is None:
            continue
        if not mine and post.scheduled_utc is None and post.origin.startswith(SUGGESTION_PREFIXES):
            if today <= when.date() <= today + timedelta(days=6 - today.weekday()):
                ideas.append(WeekIdea(post.id or 0, when, post.text, post.origin.startswith("moment:")))
            continue  # an idea is not a planned post
        posts.append((when, state))
        if any(t.state == TargetState.PUBLISHED for t in mine):
            published_posts.append(when)
        if state in (TargetState.SCHEDULED, TargetState.ASSISTED_PENDING) and when > local_now:
            networks = tuple(
                dict.fromkeys(t.network or accounts.get(t.account_id or -1, "") for t in mine if t.state)
            )
            upcoming_posts.append(
                UpcomingPost(post.id or 0, when, post.text, tuple(n for n in networks if n), state)
            )
    upcoming_posts.sort(key=lambda p: p.when)

    monday = today - timedelta(days=today.weekday())
    history: list[WeekCount] = []
    for back in range(HISTORY_WEEKS - 1, -1, -1):
        first = monday - timedelta(weeks=back)
        last = first + timedelta(days=6)
        planned = sum(1 for t, s in posts if first <= t.date() <= last and s != TargetState.DRAFT)
        posted = sum(1 for t in published_posts if first <= t.date() <= last)
        history.append(WeekCount(first, planned, posted, target))

    moment = None
    if profile is not None:
        from cm_desktop.core.coach.trades import trade

        known = trade(profile.trade) if profile.trade else None
        moment = next_moment(
            profile.country,
            profile.kind,
            today,
            frozenset(planned_moments),
            family=known.family if known is not None else None,
        )

    return HomeData(
        now=local_now,
        has_profile=profile is not None,
        business_name=profile.name if profile is not None else "",
        town=profile.town if profile is not None else "",
        zone=zone,
        target=target,
        posts=tuple(posts),
        next_posts=tuple(upcoming_posts[:NEXT_POSTS]),
        history=tuple(history),
        moment=moment,
        ideas=tuple(sorted(ideas, key=lambda i: (i.when, i.post_id))[:WEEK_IDEAS]),
    )
