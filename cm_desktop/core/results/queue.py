""" "Use these times for my queue": the queue's weekly times become the best times found in the history.

Each network's (and account's) queue keeps its number of weekly times; they take the best times, best first.
A queue with more times than were found keeps its extra ones. The slots are changed in place, so nothing
else that refers to them moves.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlmodel import col, select

from cm_desktop.core.models import Slot
from cm_desktop.core.store import Store


def use_times(store: Store, times: Sequence[tuple[int, int]]) -> int:
    """Set the queue's times to `times` ((weekday, minute of day), best first); returns the slots changed."""
    if not times:
        return 0
    changed = 0
    with store.session() as session:
        queues: dict[tuple[str, int | None], list[Slot]] = defaultdict(list)
        for slot in session.exec(
            select(Slot).order_by(col(Slot.weekday), col(Slot.minute_of_day), col(Slot.id))
        ):
            queues[(slot.network, slot.account_id)].append(slot)
        for slots in queues.values():
            chosen = sorted(times[: len(slots)])
            kept = [
                (s.weekday, s.minute_of_day)
                for s in slots[len(chosen) :]
                if (s.weekday, s.minute_of_day) not in chosen
            ]
            for slot, (weekday, minute) in zip(slots, [*chosen, *kept], strict=False):
                if (slot.weekday, slot.minute_of_day) != (weekday, minute):
                    slot.weekday, slot.minute_of_day = weekday, minute
                    session.add(slot)
                    changed += 1
            for extra in slots[len(chosen) + len(kept) :]:
                session.delete(extra)  # it would repeat a chosen time
                changed += 1
        session.commit()
    return changed
