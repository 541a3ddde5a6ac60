"""What the calendar reads and changes: posts of a date range with their targets, search, moves, slots.

Pure Python on the store (no Qt). Reads only ever cover the visible range, through the index on
post.scheduled_utc: the calendar must stay fast with years of posts stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple

from sqlalchemy import String, cast, func, or_
from sqlmodel import Session, col, delete, select

from cm_desktop.core import posts, targets
from cm_desktop.core.i18n import Text
from cm_desktop.core.models import Account, Post, PostTarget, Slot, TargetState, utcnow
from cm_desktop.core.moments import Moment, UnknownCountry, moments_for, upcoming
from cm_desktop.core.onboarding import SUGGESTION_PREFIXES
from cm_desktop.core.schedule import (
    Problem,
    Severity,
    recompute_utc,
    to_utc,
    validate_schedule,
    zone_info,
)
from cm_desktop.core.store import Store

# The state shown for a post with several targets: the one that most needs the person's eye wins.
STATE_PRIORITY = targets.ATTENTION_ORDER
SEARCH_LIMIT = 500

ALREADY_SENT = Text(
    en="This post has already been sent (or is being sent) on at least one network, so it cannot be moved. "
    "Duplicate it to post it again at another time.",
    fr="Cette publication est déjà partie (ou part en ce moment) sur au moins un réseau : elle ne peut pas "
    "être déplacée. Dupliquez-la pour la publier à nouveau à un autre moment.",
)
BEING_SENT = Text(
    en="This post is being sent right now: wait a moment, then try again.",
    fr="Cette publication est en cours d'envoi : patientez un instant, puis réessayez.",
)
WITHDRAWING = Text(
    en="The post will disappear as soon as Mastodon confirms that it will not publish it (this needs a "
    "connection). Until then it stays in the calendar.",
    fr="La publication disparaîtra dès que Mastodon aura confirmé qu'il ne la publiera pas (une connexion est "
    "nécessaire). D'ici là, elle reste dans le calendrier.",
)
POST_GONE = Text(
    en="This post no longer exists: it may have been deleted in another window.",
    fr="Cette publication n'existe plus : elle a peut-être été supprimée dans une autre fenêtre.",
)


class TargetView(NamedTuple):
    # A NamedTuple: a busy month builds a thousand of these per switch, 3x faster than a frozen dataclass.
    id: int
    network: str
    account_id: int | None
    state: str
    remote_url: str = ""
    last_error_message: str = ""
    native_schedule_id: str = ""


@dataclass(frozen=True)
class PostView:
    """A post as the calendar shows it; `local` is its time in the business zone (None: no date yet)."""

    id: int
    text: str
    scheduled_utc: datetime | None
    local: datetime | None
    origin: str
    targets: tuple[TargetView, ...]

    @property
    def state(self) -> str:
        states = {t.state for t in self.targets}
        return next((s for s in STATE_PRIORITY if s in states), TargetState.DRAFT.value)

    @property
    def networks(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.network for t in self.targets if t.network))


def day_bounds_utc(first: date, last_exclusive: date, zone: str) -> tuple[datetime, datetime]:
    """The UTC instants of local midnight on `first` and `last_exclusive` (a midnight gap moves on)."""
    return (
        recompute_utc(datetime.combine(first, time()), zone),
        recompute_utc(datetime.combine(last_exclusive, time()), zone),
    )


def _targets_of(session: Session, post_ids: Sequence[int]) -> dict[int, list[TargetView]]:
    by_post: dict[int, list[TargetView]] = {pid: [] for pid in post_ids}
    if not post_ids:
        return by_post
    # Plain columns through the connection, not ORM objects: a busy month has a thousand targets, and the
    # ORM's result machinery alone would cost a third of the 50 ms budget.
    columns: list[Any] = [
        PostTarget.id,
        PostTarget.post_id,
        PostTarget.network,
        Account.network,
        PostTarget.account_id,
        PostTarget.state,
        PostTarget.remote_url,
        PostTarget.last_error_message,
        PostTarget.native_schedule_id,
    ]
    rows = (
        session.connection()
        .execute(
            select(*columns)
            .join(Account, col(PostTarget.account_id) == col(Account.id), isouter=True)
            .where(col(PostTarget.post_id).in_(post_ids))
            .order_by(col(PostTarget.id))
        )
        .all()
    )
    for target_id, post_id, network, account_network, account_id, state, url, error, native in rows:
        by_post[post_id].append(
            TargetView(
                id=target_id,
                network=network or account_network or "",
                account_id=account_id,
                state=state,
                remote_url=url,
                last_error_message=error,
                native_schedule_id=native,
            )
        )
    return by_post


def _post_rows() -> Any:
    """SELECT id, text, scheduled_utc (as stored text), origin FROM post.

    The time comes back as text and is parsed by datetime.fromisoformat: SQLAlchemy's DateTime result
    processing costs ~15 ms for a busy month, a third of the month-switch budget.
    """
    return select(col(Post.id), col(Post.text), cast(col(Post.scheduled_utc), String), col(Post.origin))


def _stored_utc(value: str | None) -> datetime | None:
    # Stored as naive UTC text ("2026-03-14 08:30:00.000000"), whatever the driver's own format.
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _views(session: Session, rows: Sequence[Any], zone: str) -> list[PostView]:
    """PostViews from (id, text, scheduled_utc, origin) rows, with their targets (one more query)."""
    targets = _targets_of(session, [row[0] for row in rows])
    tz = zone_info(zone)
    out = []
    for post_id, text, stored, origin in rows:
        when = _stored_utc(stored)
        local = when.astimezone(tz).replace(tzinfo=None) if when is not None else None
        out.append(PostView(post_id, text, when, local, origin, tuple(targets[post_id])))
    return out


def posts_between(store: Store, first: date, last_exclusive: date, zone: str) -> list[PostView]:
    """Every dated post from local midnight of `first` to before `last_exclusive`, in time order."""
    start, end = day_bounds_utc(first, last_exclusive, zone)
    with store.session() as session:
        rows = (
            session.connection()
            .execute(
                _post_rows()
                .where(col(Post.scheduled_utc) >= start, col(Post.scheduled_utc) < end)
                .order_by(col(Post.scheduled_utc), col(Post.id))
            )
            .all()
        )
        return _views(session, rows, zone)


def is_suggestion(view: PostView) -> bool:
    """One of the plan's ideas (or a date's): a suggested day and hour (Post.local_time) but no target and no
    schedule. The calendar shows it on its day; opening it makes it a draft."""
    return not view.targets and view.scheduled_utc is None and view.origin.startswith(SUGGESTION_PREFIXES)


def suggestions_between(store: Store, first: date, last_exclusive: date, zone: str) -> list[PostView]:
    """The suggestions whose day, in the business zone, is from `first` to before `last_exclusive`."""
    tz = zone_info(zone)
    # local_time is wall-clock time in the post's own zone (the business zone when it was suggested): read a
    # day more on each side, then keep what falls in the range once converted.
    low = datetime.combine(first - timedelta(days=1), time())
    high = datetime.combine(last_exclusive + timedelta(days=1), time())
    with store.session() as session:
        rows = session.exec(
            select(Post)
            .outerjoin(PostTarget, col(PostTarget.post_id) == col(Post.id))
            .where(
                col(Post.scheduled_utc).is_(None),
                col(PostTarget.id).is_(None),
                col(Post.local_time) >= low,
                col(Post.local_time) < high,
                or_(*(col(Post.origin).startswith(prefix) for prefix in SUGGESTION_PREFIXES)),
            )
            .order_by(col(Post.local_time), col(Post.id))
        ).all()
    out = []
    for post in rows:
        assert post.local_time is not None and post.id is not None
        own = zone_info(post.time_zone) if post.time_zone else tz
        local = post.local_time.replace(tzinfo=own).astimezone(tz).replace(tzinfo=None)
        if first <= local.date() < last_exclusive:
            out.append(PostView(post.id, post.text, None, local, post.origin, ()))
    return out


def get_post(store: Store, post_id: int, zone: str) -> PostView | None:
    with store.session() as session:
        rows = session.exec(_post_rows().where(col(Post.id) == post_id)).all()
        return _views(session, rows, zone)[0] if rows else None


# --- search -----------------------------------------------------------------------------------------------

LIKE_ESCAPE = "\\"


def escape_like(text: str) -> str:
    """Make % and _ (and the escape character itself) match literally in a LIKE pattern."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class PostFilter:
    text: str = ""
    networks: frozenset[str] = frozenset()  # empty: every network
    states: frozenset[str] = frozenset()  # empty: every state
    since_utc: datetime | None = None  # None: no lower bound (posts without a date included)


def find_posts(store: Store, query: PostFilter, zone: str, limit: int = SEARCH_LIMIT) -> list[PostView]:
    """Posts matching the filter, dated ones first in time order, then those without a date.

    The text goes into the query as a bound parameter with LIKE wildcards escaped: any character is safe.
    """
    stmt = _post_rows()
    needle = query.text.strip()
    if needle:
        pattern = f"%{escape_like(needle)}%"
        overrides = select(PostTarget.post_id).where(
            col(PostTarget.text_override).like(pattern, escape=LIKE_ESCAPE)
        )
        stmt = stmt.where(or_(col(Post.text).like(pattern, escape=LIKE_ESCAPE), col(Post.id).in_(overrides)))
    if query.since_utc is not None:
        stmt = stmt.where(col(Post.scheduled_utc) >= query.since_utc)
    if query.networks or query.states:
        matching = select(PostTarget.post_id).join(
            Account, col(PostTarget.account_id) == col(Account.id), isouter=True
        )
        if query.networks:
            network = func.coalesce(func.nullif(col(PostTarget.network), ""), col(Account.network))
            matching = matching.where(network.in_(sorted(query.networks)))
        if query.states:
            matching = matching.where(col(PostTarget.state).in_(sorted(query.states)))
        stmt = stmt.where(col(Post.id).in_(matching))
    stmt = stmt.order_by(col(Post.scheduled_utc).is_(None), col(Post.scheduled_utc), col(Post.id)).limit(
        limit
    )
    with store.session() as session:
        views = _views(session, session.exec(stmt).all(), zone)
    if query.states:
        # A post shows its most urgent state: keep the list consistent with what the person filtered.
        views = [v for v in views if v.state in query.states]
    return views


# --- moving and editing -----------------------------------------------------------------------------------


def _problem(code: str, text: Text) -> Problem:
    return Problem(code, Severity.ERROR, text)


def reschedule(store: Store, post_id: int, local: datetime, zone: str, now: datetime) -> list[Problem]:
    """Move a post to `local` in `zone`. Returns the problems; no error problem means it moved.

    Drafts keep being drafts (with their new date); scheduled and assisted targets move their next attempt
    with the post. A post already sent, being sent or of unclear outcome is refused.
    """
    problems = validate_schedule(local, zone, now)
    if any(p.severity is Severity.ERROR for p in problems):
        return problems
    due = to_utc(local, zone)
    with store.session() as session:
        post = session.get(Post, post_id)
        if post is None:
            return [_problem("gone", POST_GONE)]
        states = session.exec(select(PostTarget.state).where(col(PostTarget.post_id) == post_id)).all()
        if any(state in targets.OUT_OR_UNCLEAR for state in states):
            return [_problem("already_sent", ALREADY_SENT)]
        stamp = utcnow()
        post.local_time, post.time_zone, post.scheduled_utc, post.updated_at = local, zone, due, stamp
        session.add(post)
        # An assisted post whose time had come waits again for its new time.
        targets.move(session, post_id, due, stamp)
        session.commit()
    return problems


def natively_scheduled(store: Store, post_id: int) -> bool:
    """True when a server holds a copy of this post for later (e.g. Mastodon scheduled_at).

    After a move or a return to drafts that copy is stale: the outbox must update or cancel it.
    """
    with store.session() as session:
        found = session.exec(
            select(PostTarget.id).where(
                col(PostTarget.post_id) == post_id,
                col(PostTarget.native_schedule_id) != "",
                col(PostTarget.state).in_(sorted(targets.WAITING | {TargetState.DRAFT.value})),
            )
        ).first()
    return found is not None


def back_to_drafts(store: Store, post_id: int) -> list[Problem]:
    """Take the post out of the queue: its waiting (and failed) targets become drafts again.

    A target whose copy a server holds for later (Mastodon scheduled_at) stays, marked, until the outbox has
    cancelled that copy; a draft target takes its place at once (targets.withdraw).
    """
    with store.session() as session:
        post = session.get(Post, post_id)
        if post is None:
            return [_problem("gone", POST_GONE)]
        states = session.exec(select(PostTarget.state).where(col(PostTarget.post_id) == post_id)).all()
        if TargetState.SENDING.value in states:
            return [_problem("sending", BEING_SENT)]
        stamp = utcnow()
        targets.to_drafts(session, post_id, stamp)
        post.updated_at = stamp
        session.add(post)
        session.commit()
    return []


def duplicate_post(store: Store, post_id: int) -> int:
    """A copy of the post as a draft on the same day (text, overrides, pictures); returns the new id."""
    from cm_desktop.core.drafts import load_draft

    draft = load_draft(store, post_id)
    with store.session() as session:
        post = session.get(Post, post_id)
        if post is None or draft is None:
            raise KeyError(post_id)
        copy = posts.NewPost(
            text=post.text,
            targets=draft.targets,
            images=draft.media,
            local_time=post.local_time,
            time_zone=post.time_zone,
            scheduled_utc=post.scheduled_utc,
            origin=post.origin,
        )
        new_id, _ = posts.create(session, copy, utcnow(), queue=False)
        session.commit()
        return new_id


def delete_post(store: Store, post_id: int) -> list[Problem]:
    """Delete the post from the app (never from a network where it was published).

    When a server holds a copy for later (Mastodon scheduled_at), deleting it here alone would let that copy
    go out: the post then keeps only that target, marked, and the outbox deletes the post once the server's
    copy is cancelled (a warning says so). Everything else of the post goes at once.
    """
    with store.session() as session:
        outcome = targets.discard(session, post_id, utcnow())
        if outcome == "sending":
            return [_problem("sending", BEING_SENT)]
        session.commit()
    if outcome == "withdrawing":
        return [Problem("withdrawing", Severity.WARNING, WITHDRAWING)]
    return []


# --- queue slots ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SlotView:
    id: int
    network: str
    account_id: int | None
    weekday: int  # Monday = 0
    minute_of_day: int


def list_slots(store: Store) -> list[SlotView]:
    with store.session() as session:
        rows = session.exec(
            select(Slot, Account.network)
            .join(Account, col(Slot.account_id) == col(Account.id), isouter=True)
            .order_by(col(Slot.weekday), col(Slot.minute_of_day), col(Slot.id))
        ).all()
    out = []
    for slot, account_network in rows:
        assert slot.id is not None
        network = slot.network or account_network or ""
        out.append(SlotView(slot.id, network, slot.account_id, slot.weekday, slot.minute_of_day))
    return out


def add_slot(
    store: Store, network: str, weekday: int, minute_of_day: int, account_id: int | None = None
) -> int:
    if not (0 <= weekday <= 6 and 0 <= minute_of_day < 24 * 60):
        raise ValueError(f"bad slot ({weekday}, {minute_of_day})")
    with store.session() as session:
        if account_id is None:
            # The first connected account of that network, when there is one: the queue is per account.
            account_id = session.exec(
                select(Account.id).where(col(Account.network) == network).order_by(col(Account.id))
            ).first()
        slot = Slot(network=network, account_id=account_id, weekday=weekday, minute_of_day=minute_of_day)
        session.add(slot)
        session.commit()
        assert slot.id is not None
        return slot.id


def remove_slot(store: Store, slot_id: int) -> None:
    with store.session() as session:
        session.exec(delete(Slot).where(col(Slot.id) == slot_id))
        session.commit()


@dataclass(frozen=True)
class SlotTime:
    local: datetime  # wall clock in the business zone
    slot: SlotView


def slot_times_between(slots: Iterable[SlotView], first: date, days: int) -> list[SlotTime]:
    """Each slot's occurrences on the `days` days from `first`, as wall-clock times."""
    out = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        for slot in slots:
            if slot.weekday == day.weekday():
                hour, minute = divmod(slot.minute_of_day, 60)
                out.append(SlotTime(datetime.combine(day, time(hour, minute)), slot))
    return sorted(out, key=lambda s: (s.local, s.slot.network))


# --- moments ----------------------------------------------------------------------------------------------


def moments_between(country: str, first: date, last: date) -> list[Moment]:
    """Moments overlapping [first, last] (inclusive); none for a country we have no calendar of."""
    if not country:
        return []
    found: dict[tuple[str, date], Moment] = {}
    try:
        for year in range(first.year - 1, last.year + 1):
            for moment in moments_for(country, year):
                if moment.overlaps(first, last):
                    found[(moment.code, moment.start)] = moment
    except UnknownCountry:
        return []
    return sorted(found.values(), key=lambda m: (m.start, m.end, m.code))


def coming_up(country: str, today: date, days: int = 30) -> list[Moment]:
    """The moments of the next `days` days, for Home's "coming up" list."""
    if not country:
        return []
    try:
        return upcoming(country, today, days)
    except UnknownCountry:
        return []
