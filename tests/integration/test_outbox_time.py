"""Time, with a ManualClock driving the outbox and the real PDS receiving the posts.

- 09:00 in Paris stays 09:00 in Paris on both sides of the spring-forward change (29 March 2026);
- a computer asleep for 8 hours wakes up past a post's time: the person is asked, nothing is sent blindly;
  each of the three answers (publish now, new time, skip) then does what it says.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from cm_desktop.core.outbox import (
    Outbox,
    late_new_time,
    late_publish_now,
    late_skip,
    queue_post,
    targets,
)
from cm_desktop.core.schedule import ManualClock, from_utc, to_utc
from cm_desktop.core.store import Store
from cm_desktop.platform.secrets import Secrets
from cm_desktop.services.publishing import connector_factory
from tests.integration.outbox_helpers import bluesky_account_store, list_records

if TYPE_CHECKING:
    from tests.pds_peer import PdsPeer

pytestmark = pytest.mark.pds

PARIS = "Europe/Paris"


@pytest.fixture
def world(pds: PdsPeer, tmp_path: Path) -> tuple[Store, Secrets, int, str]:
    return bluesky_account_store(pds, tmp_path, "time")


def _queue_paris(store: Store, account_id: int, local: datetime, text: str) -> int:
    return queue_post(
        store,
        text=text,
        account_ids=[account_id],
        when_utc=to_utc(local, PARIS),
        local_time=local,
        time_zone=PARIS,
        now=datetime(2026, 3, 1, tzinfo=UTC),
    )[0]


def test_nine_in_paris_on_both_sides_of_the_dst_change(
    pds: PdsPeer, world: tuple[Store, Secrets, int, str]
) -> None:
    store, secrets, account_id, did = world
    before = _queue_paris(store, account_id, datetime(2026, 3, 28, 9, 0), "samedi 9h")  # CET, UTC+1
    after = _queue_paris(store, account_id, datetime(2026, 3, 29, 9, 0), "dimanche 9h")  # CEST, UTC+2
    clock = ManualClock(datetime(2026, 3, 28, 7, 59, tzinfo=UTC))
    outbox = Outbox(store, connector_factory(secrets), clock)
    sent_at: dict[int, datetime] = {}
    # Walk the clock minute by minute across both mornings and note when each post goes out.
    while clock.now() < datetime(2026, 3, 29, 8, 30, tzinfo=UTC):
        for outcome in outbox.run():
            if outcome.event == "published":
                sent_at[outcome.post_id] = clock.now()
        clock.advance(minutes=1) if 6 <= clock.now().hour <= 8 else clock.advance(minutes=30)
    assert from_utc(sent_at[before], PARIS) == datetime(2026, 3, 28, 9, 0)
    assert from_utc(sent_at[after], PARIS) == datetime(2026, 3, 29, 9, 0)
    assert sent_at[before] == datetime(2026, 3, 28, 8, 0, tzinfo=UTC)
    assert sent_at[after] == datetime(2026, 3, 29, 7, 0, tzinfo=UTC)
    assert sorted(r["value"]["text"] for r in list_records(pds, did)) == ["dimanche 9h", "samedi 9h"]


def test_a_computer_asleep_eight_hours_asks_instead_of_sending(
    pds: PdsPeer, world: tuple[Store, Secrets, int, str]
) -> None:
    store, secrets, account_id, did = world
    posts = {
        "now": _queue_paris(store, account_id, datetime(2026, 6, 2, 9, 0), "asleep: publish now"),
        "new_time": _queue_paris(store, account_id, datetime(2026, 6, 2, 9, 5), "asleep: new time"),
        "skip": _queue_paris(store, account_id, datetime(2026, 6, 2, 9, 10), "asleep: skip"),
    }
    clock = ManualClock(datetime(2026, 6, 2, 6, 30, tzinfo=UTC))  # 08:30 in Paris
    outbox = Outbox(store, connector_factory(secrets), clock)
    assert outbox.run() == []
    clock.advance(hours=8)  # the lid was closed; 16:30 in Paris
    outcomes = outbox.run()
    assert sorted(o.event for o in outcomes) == ["late"] * 3
    assert {t.state for t in targets(store)} == {"needs_review"}
    [late] = targets(store, posts["now"])
    assert late.error_code == "late"
    assert "computer was off or asleep" in late.message("en")
    assert "ordinateur était éteint ou en veille" in late.message("fr")
    assert list_records(pds, did) == []  # nothing went out blindly

    late_publish_now(store, posts["now"], clock.now())
    new_time = datetime(2026, 6, 2, 17, 0)
    late_new_time(store, posts["new_time"], to_utc(new_time, PARIS), clock.now(), local_time=new_time)
    late_skip(store, posts["skip"], clock.now())
    outbox.run()
    assert [r["value"]["text"] for r in list_records(pds, did)] == ["asleep: publish now"]
    clock.set(datetime(2026, 6, 2, 15, 0, tzinfo=UTC))  # 17:00 in Paris
    outbox.run()
    assert sorted(r["value"]["text"] for r in list_records(pds, did)) == [
        "asleep: new time",
        "asleep: publish now",
    ]
    assert [t.state for t in targets(store, posts["skip"])] == ["draft"]
    store.close()
