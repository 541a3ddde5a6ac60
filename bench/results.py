"""The Results page's budget (ARCHITECTURE.md): with two years of history (1,000 posts, each read 10 times,
4 accounts with a follower count per day) the page opens within 100 ms.

Measured: from `set_store` on a page already on screen (1280x800) to the page painted with its figures: the
store read (`load_results`: the last 8 weeks of posts, six months of followers, best times, kinds, reasons) and
every card worded and drawn. Also the store read alone. Floor, in the same run: a bare page of 60 labels in a
scroll area, given their texts and painted the same way. Rounds alternate floor and measure; medians.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/results.py [--posts 1000] [--rounds 7]

Prints only; a test never asserts a time.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

NOW = datetime(2026, 12, 4, 16, 0, tzinfo=UTC)
IDEAS = (
    "new_product_intro",
    "bts_before_opening",
    "tip_trade_secret",
    "question_favourite",
    "thanks_customers",
    "",
)
FETCHES = 10


def fill(store: Any, posts: int) -> dict[str, int]:
    """Two years of a shop posting about ten times a week on four accounts; returns the rows written."""
    from sqlalchemy import insert

    from cm_desktop.core.models import (
        Account,
        BusinessProfile,
        CountSnapshot,
        FollowerSnapshot,
        Media,
        Post,
        PostResult,
        PostTarget,
        Slot,
    )

    rng = random.Random(7)
    with store.session() as session:
        session.add(BusinessProfile(name="Atelier Lune", kind="craft", time_zone="Europe/Paris"))
        accounts = [
            Account(network=network, handle=f"shop{n}.{network}")
            for n, network in enumerate(("bluesky", "mastodon", "bluesky", "mastodon"))
        ]
        for account in accounts:
            session.add(account)
        session.flush()
        for account in accounts:
            for weekday in (1, 3, 5):
                session.add(
                    Slot(network=account.network, account_id=account.id, weekday=weekday, minute_of_day=600)
                )
        session.commit()
        ids = [(a.id, a.network) for a in accounts]
    span = timedelta(days=730)
    connection_rows: dict[str, list[dict[str, Any]]] = {
        "post": [],
        "target": [],
        "result": [],
        "snapshot": [],
        "media": [],
        "followers": [],
    }
    for n in range(posts):
        published = NOW - span + span * (n + 0.5) / posts
        account_id, network = ids[n % len(ids)]
        connection_rows["post"].append(
            {
                "id": n + 1,
                "text": f"Post {n} " + "mot " * rng.randrange(5, 40),
                "origin": f"idea:{rng.choice(IDEAS)}" if rng.random() < 0.7 else "",
                "created_at": published,
                "updated_at": published,
            }
        )
        connection_rows["target"].append(
            {
                "id": n + 1,
                "post_id": n + 1,
                "account_id": account_id,
                "network": "",
                "state": "published",
                "attempts": 1,
                "idempotency_key": "",
                "fingerprint": "",
                "remote_id": f"{network}/{n}",
                "remote_url": "",
                "native_schedule_id": "",
                "intermediate_ids": "{}",
                "last_error_code": "",
                "last_error_message": "",
                "published_at": published,
                "updated_at": published,
                "reconcile_attempts": 0,
            }
        )
        likes = rng.randrange(0, 30)
        connection_rows["result"].append(
            {
                "target_id": n + 1,
                "account_id": account_id,
                "network": network,
                "remote_id": f"{network}/{n}",
                "published_at": published,
                "next_fetch_at": None,
                "fetched_at": published + timedelta(weeks=8),
                "fetches": FETCHES,
                "likes": likes,
                "reposts": likes // 4,
                "replies": likes // 5,
                "quotes": 0,
                "deleted": False,
                "by_hand": False,
            }
        )
        for reading in range(FETCHES):
            connection_rows["snapshot"].append(
                {
                    "target_id": n + 1,
                    "fetched_at": published + timedelta(weeks=reading),
                    "likes": likes * reading // FETCHES,
                    "reposts": 0,
                    "replies": 0,
                    "quotes": 0,
                    "deleted": False,
                    "by_hand": False,
                }
            )
        if n % 2:
            connection_rows["media"].append(
                {
                    "post_id": n + 1,
                    "position": 0,
                    "sha256": "",
                    "stored_path": "",
                    "mime_type": "image/jpeg",
                    "width": 1,
                    "height": 1,
                    "alt_text": "",
                    "focal_x": 0.5,
                    "focal_y": 0.5,
                }
            )
    for account_id, _network in ids:
        for day in range(730):
            connection_rows["followers"].append(
                {"account_id": account_id, "day": (NOW - timedelta(days=729 - day)).date(), "followers": 100 + day // 3, "following": 50, "posts": day, "fetched_at": NOW}
            )  # fmt: skip
    tables = {
        "post": Post, "target": PostTarget, "result": PostResult, "snapshot": CountSnapshot, "media": Media,
        "followers": FollowerSnapshot,
    }  # fmt: skip
    with store.session() as session:
        for name, rows in connection_rows.items():
            session.execute(insert(tables[name]), rows)  # type: ignore[call-overload]
        session.commit()
    return {name: len(rows) for name, rows in connection_rows.items()}


def painted(app: Any, widget: Any) -> None:
    widget.repaint()
    app.processEvents()


def measure(posts: int, rounds: int) -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QVBoxLayout, QWidget

    from cm_desktop.core.results.query import load_results
    from cm_desktop.core.schedule import ManualClock
    from cm_desktop.core.store import open_store
    from cm_desktop.ui.results.page import ResultsPage
    from cm_desktop.ui.tasks import SyncTaskRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="cm-bench-results-") as tmp:
        store = open_store(Path(tmp) / "db.sqlite3", Path(tmp) / "backups")
        rows = fill(store, posts)

        def floor() -> float:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            inner = QWidget()
            column = QVBoxLayout(inner)
            labels = [QLabel() for _ in range(60)]
            for label in labels:
                label.setWordWrap(True)
                column.addWidget(label)
            scroll.setWidget(inner)
            scroll.resize(1090, 800)
            scroll.show()
            app.processEvents()
            begin = time.perf_counter()
            for n, label in enumerate(labels):
                label.setText(f"Line {n}: some words of a sentence about the week's figures")
            painted(app, scroll)
            elapsed = time.perf_counter() - begin
            scroll.close()
            scroll.deleteLater()
            app.processEvents()
            return elapsed * 1000

        def page() -> float:
            widget = ResultsPage(SyncTaskRunner(), ManualClock(NOW), "Europe/Paris", lambda: "en")
            widget.resize(1090, 800)
            widget.show()
            app.processEvents()
            begin = time.perf_counter()
            widget.set_store(store)
            painted(app, widget)
            elapsed = time.perf_counter() - begin
            assert widget.data is not None and widget.data.best.enough
            widget.close()
            widget.deleteLater()
            app.processEvents()
            return elapsed * 1000

        def read() -> float:
            begin = time.perf_counter()
            load_results(store, NOW, "Europe/Paris")
            return (time.perf_counter() - begin) * 1000

        floors, pages, reads = [], [], []
        page()  # the first page pays the imports and Qt's font caches: not counted
        for _ in range(rounds):
            floors.append(floor())
            pages.append(page())
            reads.append(read())
        store.close()
    f, p, r = (statistics.median(x) for x in (floors, pages, reads))
    print(
        f"stored: {rows['post']} posts, {rows['snapshot']} readings, {rows['followers']} follower days, "
        f"{rows['media']} pictures, 4 accounts"
    )
    print(f"floor: 60 labels in a scroll area, given their text and painted: {f:.1f} ms (median of {rounds})")
    print(f"store read alone (load_results): {r:.1f} ms (median of {rounds})")
    print(f"Results page opened and painted: {p:.1f} ms (median of {rounds}; budget 100 ms)")
    print(f"ratio to the floor: {p / f:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    measure(args.posts, args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
