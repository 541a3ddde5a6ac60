"""The person's answer to a late post, with the new time given in the business's time zone."""

from __future__ import annotations

from datetime import datetime

from cm_desktop.core.models import Post
from cm_desktop.core.outbox.answers import late_new_time, late_publish_now, late_skip
from cm_desktop.core.schedule import Problem, Severity, to_utc, validate_schedule
from cm_desktop.core.store import Store


def answer_late(
    store: Store, post_id: int, kind: str, local: datetime | None, zone: str, now: datetime
) -> list[Problem]:
    """kind: "now", "skip", "new_time" (at `local` in `zone`) or "check" (only validate `local`).

    Returns the problems with the new time; nothing is changed when there is an error.
    """
    if kind == "now":
        late_publish_now(store, post_id, now)
        return []
    if kind == "skip":
        late_skip(store, post_id, now)
        return []
    if local is None:
        raise ValueError("a new time is needed")
    problems = validate_schedule(local, zone, now)
    if kind == "check" or any(p.severity is Severity.ERROR for p in problems):
        return problems
    late_new_time(store, post_id, to_utc(local, zone), now, local_time=local)
    with store.session() as session:
        post = session.get(Post, post_id)
        if post is not None and post.time_zone != zone:
            # The new wall-clock time belongs to the business's zone (a "publish now" post was kept in UTC).
            post.time_zone = zone
            session.add(post)
            session.commit()
    return problems
