"""What the figures say, computed from the posts' latest figures alone (pure: no store, no clock, no Qt).

The one measure everywhere is a post's *score*: its reactions (likes, shares, replies and quotes) divided by
the average reactions per post of the same account over the window (the last 8 weeks), so that a small
Bluesky account and a large Mastodon one count alike; 1.0 is "as usual". A post on several networks scores
the average of its networks. Accounts whose posts got no reaction at all in the window tell nothing and are
left out.

From the scores: the best times to post (per weekday and hour of publication, in the business's zone, so a
post at 09:00 Paris counts as 09:00 in winter and in summer), the scores by kind of idea, by weekday and by
hour, and, for the top posts, one reason each. Small numbers are kept honest: best times need 12 posts with
figures and propose only times used at least twice, their score pulled towards "as usual" by two imaginary
ordinary posts; a reason needs a group of at least 3 posts doing 30% better than usual.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from statistics import fmean

from cm_desktop.core.schedule import zone_info

WINDOW = timedelta(weeks=8)
MIN_POSTS = 12  # fewer posts with figures in the window: no best times, the plan's stay
MIN_PER_SLOT = 2  # a time used once is luck, not a pattern
SHRINK = 2.0  # imaginary ordinary posts added to each time's average
MIN_GROUP = 3  # posts a reason must rest on
MIN_RATIO = 1.3  # how much better than usual a reason must be
TOP = 3


@dataclass(frozen=True)
class TargetFigures:
    """One post on one network: its latest figures (None counts: never read, nothing to show)."""

    target_id: int
    network: str
    account: str  # the account it counts against: its id, or "hand:<network>" for figures typed in
    handle: str
    likes: int | None
    reposts: int | None
    replies: int | None
    quotes: int | None
    deleted: bool = False
    by_hand: bool = False
    fetched_at: datetime | None = None
    url: str = ""

    @property
    def known(self) -> bool:
        return self.likes is not None

    @property
    def reactions(self) -> int:
        return sum(v or 0 for v in (self.likes, self.reposts, self.replies, self.quotes))


@dataclass(frozen=True)
class PostFigures:
    post_id: int
    text: str
    published_at: datetime  # aware
    local: datetime  # the same instant on the business's wall clock (aware, in its zone)
    kind: str  # the coach's occasion of the idea it came from; "moment_of_year"; "" for the person's own
    pictures: int
    targets: tuple[TargetFigures, ...]
    score: float | None = None  # None: no figures that tell something

    def total(self, name: str) -> int:
        return sum(getattr(t, name) or 0 for t in self.targets)

    @property
    def reactions(self) -> int:
        return sum(t.reactions for t in self.targets)

    @property
    def known(self) -> bool:
        return any(t.known for t in self.targets)


def local_time(moment: datetime, zone: str) -> datetime:
    return moment.astimezone(zone_info(zone))


def in_window(posts: Iterable[PostFigures], now: datetime) -> list[PostFigures]:
    start = now - WINDOW
    return [p for p in posts if start <= p.published_at <= now]


def scored(posts: Sequence[PostFigures]) -> list[PostFigures]:
    """The posts with their score (see the module's docstring), the usual of each account taken over them."""
    per_account: dict[str, list[int]] = defaultdict(list)
    for post in posts:
        for target in post.targets:
            if target.known:
                per_account[target.account].append(target.reactions)
    usual = {account: fmean(values) for account, values in per_account.items()}
    out = []
    for post in posts:
        ratios = [
            t.reactions / usual[t.account] for t in post.targets if t.known and usual.get(t.account, 0) > 0
        ]
        out.append(replace(post, score=fmean(ratios) if ratios else None))
    return out


# --- groups ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Group:
    key: Hashable
    score: float  # the average score of its posts
    posts: int


def groups(posts: Iterable[PostFigures], key: Callable[[PostFigures], Hashable]) -> list[Group]:
    """The scored posts by `key`, best first (ties: more posts first)."""
    found: dict[Hashable, list[float]] = defaultdict(list)
    for post in posts:
        if post.score is not None:
            found[key(post)].append(post.score)
    made = [Group(k, fmean(v), len(v)) for k, v in found.items()]
    return sorted(made, key=lambda g: (-g.score, -g.posts, str(g.key)))


def by_weekday(posts: Iterable[PostFigures]) -> list[Group | None]:
    """Monday first; None for a day without posts."""
    found = {g.key: g for g in groups(posts, lambda p: p.local.weekday())}
    return [found.get(day) for day in range(7)]


def by_hour(posts: Iterable[PostFigures]) -> list[Group | None]:
    found = {g.key: g for g in groups(posts, lambda p: p.local.hour)}
    return [found.get(hour) for hour in range(24)]


def by_kind(posts: Iterable[PostFigures]) -> list[Group]:
    return groups(posts, lambda p: p.kind)


# --- best times ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeScore:
    weekday: int  # Monday = 0, on the business's wall clock
    minute_of_day: int  # the minute used most often within that hour
    score: float  # pulled towards 1.0 (see SHRINK): what the ranking uses
    posts: int
    average: float = 1.0  # the posts' plain average score: what the page says ("64% more")


@dataclass(frozen=True)
class BestTimes:
    counted: int  # posts with figures in the window
    ranked: tuple[TimeScore, ...] = ()  # times used at least MIN_PER_SLOT times, best first
    proposal: tuple[TimeScore, ...] = ()  # what "use these times" sets, best first (never below usual)

    @property
    def enough(self) -> bool:
        return self.counted >= MIN_POSTS


def best_times(posts: Sequence[PostFigures], wanted: int) -> BestTimes:
    """The `wanted` best weekly times from scored posts (those of the window): see the module's docstring."""
    usable = [p for p in posts if p.score is not None]
    if len(usable) < MIN_POSTS:
        return BestTimes(counted=len(usable))
    cells: dict[tuple[int, int], list[PostFigures]] = defaultdict(list)
    for post in usable:
        cells[(post.local.weekday(), post.local.hour)].append(post)
    ranked = []
    for (weekday, _hour), found in cells.items():
        if len(found) < MIN_PER_SLOT:
            continue
        total = sum(p.score or 0.0 for p in found)
        minutes = Counter(p.local.hour * 60 + p.local.minute for p in found)
        minute = min(minutes, key=lambda mm: (-minutes[mm], mm))
        shrunk = (total + SHRINK) / (len(found) + SHRINK)
        ranked.append(TimeScore(weekday, minute, shrunk, len(found), total / len(found)))
    ranked.sort(key=lambda t: (-t.score, -t.posts, t.weekday, t.minute_of_day))
    # Only times at least as good as usual are proposed; the queue keeps its other times.
    good = [t for t in ranked if t.score >= 1.0]
    return BestTimes(counted=len(usable), ranked=tuple(ranked), proposal=tuple(good[: max(wanted, 0)]))


# --- why a post did well ------------------------------------------------------------------------------------


def day_part(hour: int) -> str:
    if 5 <= hour < 12:
        return "morning"
    if 12 <= hour < 14:
        return "midday"
    if 14 <= hour < 18:
        return "afternoon"
    return "evening"


@dataclass(frozen=True)
class Why:
    """One reason, worded by the page in the person's language (messages.WHY_TEXTS)."""

    code: str  # kind_pictures, kind, pictures, time, itself, usual
    ratio: float = 1.0
    kind: str = ""
    weekday: int = -1
    part: str = ""


def _ratio(found: Sequence[float], usual: float) -> float:
    return fmean(found) / usual if found and usual > 0 else 0.0


def why(post: PostFigures, posts: Sequence[PostFigures]) -> Why:
    """The first reason that holds, from the most telling: its kind of idea with pictures, its kind, its
    pictures, its day and time of day; else how it did compared with usual."""
    scores = [p for p in posts if p.score is not None]
    if post.score is None or not scores:
        return Why("usual")
    usual = fmean(p.score or 0.0 for p in scores)
    part = day_part(post.local.hour)
    tests: list[tuple[str, Callable[[PostFigures], bool]]] = []
    if post.kind and post.pictures:
        tests.append(("kind_pictures", lambda p: p.kind == post.kind and p.pictures > 0))
    if post.kind:
        tests.append(("kind", lambda p: p.kind == post.kind))
    if post.pictures:
        tests.append(("pictures", lambda p: p.pictures > 0))
    tests.append(
        ("time", lambda p: p.local.weekday() == post.local.weekday() and day_part(p.local.hour) == part)
    )
    for code, test in tests:
        found = [p.score or 0.0 for p in scores if test(p)]
        ratio = _ratio(found, usual)
        if len(found) >= MIN_GROUP and ratio >= MIN_RATIO:
            return Why(code, ratio, post.kind, post.local.weekday(), part)
    ratio = post.score / usual if usual > 0 else 0.0
    return Why("itself", ratio) if ratio >= MIN_RATIO else Why("usual", ratio)


def top_posts(posts: Sequence[PostFigures], count: int = TOP) -> list[PostFigures]:
    """The best-scoring posts that got at least one reaction."""
    found = [p for p in posts if p.score is not None and p.reactions > 0]
    return sorted(found, key=lambda p: (-(p.score or 0.0), -p.reactions, -p.post_id))[:count]
