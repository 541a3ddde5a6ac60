"""When a published post's counts are read: 1 hour, 1 day and 1 week after publishing, then every week until
8 weeks (about two months): ten readings at most. A reading that comes late (the app was closed) skips the
milestones it passed instead of catching up on each, so a computer that was off, or a clock that jumped
forward, makes one reading per post, not ten."""

from __future__ import annotations

from datetime import datetime, timedelta

MILESTONES: tuple[timedelta, ...] = (
    timedelta(hours=1),
    timedelta(days=1),
    *(timedelta(weeks=week) for week in range(1, 9)),
)
# A post the network cannot tell about now (not indexed yet): asked again after this, until the last
# milestone is a week behind.
RETRY_UNKNOWN = timedelta(hours=1)
GIVE_UP_AFTER = MILESTONES[-1] + timedelta(weeks=1)


def first_reading(published_at: datetime) -> datetime:
    """The first reading's time (already past for a post published long ago: it is read at once)."""
    return published_at + MILESTONES[0]


def next_reading(published_at: datetime, read_at: datetime) -> datetime | None:
    """The first milestone after a reading made at `read_at`; None once the last milestone is behind."""
    for offset in MILESTONES:
        if published_at + offset > read_at:
            return published_at + offset
    return None


def retry_unknown(published_at: datetime, now: datetime) -> datetime | None:
    """When to ask again about a post the network could not tell about; None: stop asking."""
    if now - published_at > GIVE_UP_AFTER:
        return None
    return now + RETRY_UNKNOWN
