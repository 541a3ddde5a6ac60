# ruff: noqa: E402 - sys.path must be cleaned before anything imports the standard `calendar` (see below)
"""Time the calendar with 10,000 posts stored: month switches, opening the week view, memory over 50 switches.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/calendar_views.py [posts]. Prints only.
Targets: month switch <= 50 ms median, week view <= 50 ms median, RSS flat over 50 month switches.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file is named like the standard library's `calendar` (which SQLAlchemy imports): run as a script,
# its own folder comes first on sys.path and would shadow it.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import os
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from cm_desktop.core import calendar_query
from cm_desktop.core.models import Post, PostTarget, Slot
from cm_desktop.core.networks import ids as network_ids
from cm_desktop.core.schedule import ManualClock, to_utc
from cm_desktop.core.store import Store, open_store
from cm_desktop.ui.calendar import CalendarPage
from cm_desktop.ui.tasks import SyncTaskRunner

ZONE = "Europe/Paris"
STATES = ("draft", "scheduled", "published", "published", "failed", "assisted_pending")


def rss_mib() -> float:
    with open("/proc/self/statm") as f:  # Linux; pages resident is the second field
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def fill(store: Store, count: int) -> None:
    rng = random.Random(7)
    start = datetime(2025, 1, 1, 8, 0)
    with store.session() as session:
        for i in range(count):
            # Spread over two years: about 400 posts a month, some days crowded.
            local = start + timedelta(days=rng.randrange(730), minutes=15 * rng.randrange(48))
            post = Post(text=f"Post {i} " + "texte " * rng.randrange(3, 30), local_time=local, time_zone=ZONE)
            post.scheduled_utc = to_utc(local, ZONE) if local.hour not in (2,) else None
            session.add(post)
            session.flush()
            assert post.id is not None
            for network in rng.sample(network_ids(), rng.randrange(1, 4)):
                session.add(PostTarget(post_id=post.id, network=network, state=rng.choice(STATES)))
        for weekday in range(5):
            session.add(Slot(network="mastodon", weekday=weekday, minute_of_day=9 * 60 + 30))
        session.commit()


def timed(action: object, settle: object) -> float:
    begin = time.perf_counter()
    action()  # type: ignore[operator]
    settle()  # type: ignore[operator]
    return (time.perf_counter() - begin) * 1000


def switch_in_range(page: CalendarPage, settle: object) -> float:
    """Next month, turning back at the ends of the two stored years: every month shown holds posts."""
    forward = getattr(page, "_bench_forward", True)
    if forward and page.anchor >= date(2026, 12, 1):
        forward = False
    elif not forward and page.anchor <= date(2025, 1, 31):
        forward = True
    page._bench_forward = forward  # type: ignore[attr-defined]
    return timed(page.go_next if forward else page.go_previous, settle)


def main(count: int = 10_000) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = open_store(folder / "db.sqlite3", folder / "backups")
        begin = time.perf_counter()
        fill(store, count)
        print(f"stored {count:,} posts in {time.perf_counter() - begin:.1f} s")
        clock = ManualClock(datetime(2025, 6, 15, 10, 0, tzinfo=UTC))
        page = CalendarPage(store, ZONE, "FR", clock, SyncTaskRunner(), folder / "data")
        page.resize(1280, 800)
        page.show()
        app.processEvents()

        def settle_month() -> None:
            page.month_view.viewport().repaint()

        # Floor: the same month switch with nothing stored near (an empty grid, moments only).
        page.show_month(date(2031, 1, 1))
        for _ in range(12):
            page.go_next()
        page.show_month(date(2031, 1, 1))
        floor = statistics.median(timed(page.go_next, settle_month) for _ in range(11))

        page.show_month(date(2025, 1, 1))
        rss_before = rss_mib()
        months = [switch_in_range(page, settle_month) for _ in range(50)]
        rss_middle = rss_mib()
        again = [switch_in_range(page, settle_month) for _ in range(50)]
        rss_after = rss_mib()
        queries = [
            timed(
                lambda m=m: calendar_query.posts_between(store, date(2025, m, 1), date(2025, m + 1, 1), ZONE),
                lambda: None,
            )
            for m in range(1, 12)
        ]
        per_month = statistics.mean(
            len(calendar_query.posts_between(store, date(2025, m, 1), date(2025, m + 1, 1), ZONE))
            for m in range(1, 12)
        )

        def open_week() -> None:
            page.show_week(page.anchor + timedelta(days=7))

        page.show_month(date(2025, 3, 1))
        weeks = []
        for _ in range(20):
            weeks.append(timed(open_week, page.week_view.viewport().repaint))
            page.set_mode("month")

        def p90(values: list[float]) -> float:
            return sorted(values)[int(len(values) * 0.9)]

        print(
            f"posts per month shown: ~{per_month:.0f}; range query alone: median {statistics.median(queries):.1f} ms"
        )
        print(f"floor (switch to an empty month, moments only): {floor:.1f} ms")
        print(
            f"month switch, first pass (2025-2026, ~400 posts each): median "
            f"{statistics.median(months):.1f} ms, p90 {p90(months):.1f} ms, max {max(months):.1f} ms"
        )
        print(
            f"month switch, second pass: median {statistics.median(again):.1f} ms, p90 {p90(again):.1f} ms "
            f"(target <= 50 ms); ratio to floor {statistics.median(again) / max(floor, 0.01):.1f}x"
        )
        print(
            f"week view open: median {statistics.median(weeks):.1f} ms, p90 {p90(weeks):.1f} ms (target <= 50 ms)"
        )
        print(
            f"RSS: {rss_before:.1f} MiB before, {rss_middle:.1f} after 50 switches, {rss_after:.1f} after 50 more "
            f"({rss_after - rss_middle:+.1f} MiB on the second pass)"
        )
        page.close()
        store.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
