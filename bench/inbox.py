"""The inbox's two budgets (ARCHITECTURE.md): the Messages page with 10,000 stored items paints within 50 ms,
and reading 500 notifications from the AppView costs at most 1.2x the raw `listNotifications` pages.

1. First paint: a store with 10,000 items (two accounts, three months: a fifth to answer, the rest likes,
   shares and follows); from `set_store` to the list painted on screen, "To answer" (what the page opens on)
   and "Everything". Floor: a bare QListView with 1,000 strings, shown and painted the same way.
2. Reading: Bluesky's PDS + AppView on loopback (tests/appview_peer.py), 500 notifications for one account
   (likes, shares, follows, replies, mentions from 25 other accounts). Floor: the same `listNotifications`
   pages (100 a page, following the cursor) fetched with a bare httpx.Client and the same session, in the
   same run. Measured: `sync_account` into a fresh store (pages, parsing, storing each item once, the seen
   state); then, apart, `fill_subjects` (the text of the posts they are about, one getPosts per 25 posts).
   Rounds alternate floor and measure; medians.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/inbox.py [--items 10000] [--notifications 500] [--rounds 5]
    [--no-network]

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

KINDS = ("reply", "mention", "quote", "like", "like", "like", "like", "repost", "repost", "follow")


def fill(store: Any, count: int) -> None:
    from sqlalchemy.dialects.sqlite import insert

    from cm_desktop.core.models import Account, InboxItem

    rng = random.Random(7)
    now = datetime.now(UTC)
    with store.session() as session:
        accounts = [
            Account(network="bluesky", handle="shop.bsky.social"),
            Account(network="mastodon", handle="@shop@x.fr"),
        ]
        for account in accounts:
            session.add(account)
        session.commit()
        ids = [a.id for a in accounts]
        rows = []
        for n in range(count):
            kind = rng.choice(KINDS)
            rows.append(
                {
                    "account_id": rng.choice(ids),
                    "network": "bluesky",
                    "kind": kind,
                    "remote_id": f"n{n}",
                    "sort_key": f"{n:08d}",
                    "created_at": now - timedelta(minutes=13 * (count - n)),
                    "author_handle": f"p{n % 300}.bsky.social",
                    "author_name": f"Person {n % 300}",
                    "author_avatar_url": "",
                    "author_id": "",
                    "author_url": "",
                    "author_mention": "",
                    "count": 1,
                    "text": f"Message {n} " + "mot " * rng.randrange(3, 40) if kind in KINDS[:3] else "",
                    "url": "",
                    "post_id": f"at://p/{n}" if kind in KINDS[:3] else "",
                    "post_cid": "",
                    "root_id": "",
                    "root_cid": "",
                    "visibility": "",
                    "subject_id": f"at://me/post/{n // 40}",
                    "subject_text": f"Publication {n // 40}",
                    "read": rng.random() < 0.9,
                    "archived": False,
                    "gone": "",
                    "like_key": "",
                    "like_state": "",
                    "synced_at": now,
                }
            )
        for start in range(0, len(rows), 500):
            session.execute(insert(InboxItem).values(rows[start : start + 500]))
        session.commit()


def painted(app: Any, widget: Any) -> None:
    """Until the widget has been painted on screen (what the person sees)."""
    widget.repaint()
    app.processEvents()


def first_paint(items: int, rounds: int) -> None:
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QApplication, QListView

    from cm_desktop.core.schedule import SystemClock
    from cm_desktop.core.store import open_store
    from cm_desktop.ui.messages.page import MessagesPage
    from cm_desktop.ui.tasks import SyncTaskRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="cm-bench-inbox-") as tmp:
        store = open_store(Path(tmp) / "db.sqlite3", Path(tmp) / "backups")
        fill(store, items)

        def floor() -> float:
            view = QListView()
            view.resize(1000, 700)
            begin = time.perf_counter()
            view.setModel(QStringListModel([f"Row {n}: some words of a message" for n in range(1000)]))
            view.show()
            painted(app, view)
            elapsed = time.perf_counter() - begin
            view.close()
            view.deleteLater()
            return elapsed * 1000

        def page(view: str) -> float:
            widget = MessagesPage(
                SyncTaskRunner(), SystemClock(), "Europe/Paris", lambda: "en", lambda _u: True,
                data_dir=Path(tmp), renditions_dir=Path(tmp), new_key=lambda: "k",
            )  # fmt: skip
            widget.resize(1090, 800)
            widget.show()
            app.processEvents()
            begin = time.perf_counter()
            if view == "all":
                widget.everything_button.setChecked(True)
                widget.filter = widget.filter.__class__(view="all")
            widget.set_store(store)
            painted(app, widget)
            elapsed = time.perf_counter() - begin
            widget.close()
            widget.deleteLater()
            app.processEvents()
            return elapsed * 1000

        floors, answer, everything = [], [], []
        for _ in range(rounds):
            floors.append(floor())
            answer.append(page("to_answer"))
            everything.append(page("all"))
        store.close()
    f, a, e = (statistics.median(x) for x in (floors, answer, everything))
    print(f"items stored: {items}")
    print(f"floor: bare QListView, 1000 rows, shown and painted: {f:.1f} ms (median of {rounds})")
    print(f"Messages page, 'To answer' first paint: {a:.1f} ms (budget 50 ms)")
    print(f"Messages page, 'Everything' first paint: {e:.1f} ms (budget 50 ms)")
    print(f"ratio to the floor: {a / f:.2f}x 'To answer', {e / f:.2f}x 'Everything'")


def reading(notifications: int, rounds: int) -> None:
    import keyring
    import pytest

    from cm_desktop.platform.secrets import Secrets
    from tests.appview_peer import APPVIEW_READY_TIMEOUT_S, AppViewPeer, _appview_args, local_services
    from tests.memory_keyring import MemoryKeyring
    from tests.pds_peer import node_peer

    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory(prefix="cm-bench-appview-") as tmp:
        base = Path(tmp)
        try:
            with (
                local_services(base) as services,
                node_peer(
                    base, args=_appview_args(services), env={"REDIS_HOST": services.redis_host},
                    ready_timeout=APPVIEW_READY_TIMEOUT_S, name="appview",
                ) as (node, ready),
            ):  # fmt: skip
                peer = AppViewPeer.from_ready(
                    node, ready, appview_url=str(ready["appview"]), services=services
                )
                _read_from(peer, notifications, rounds, Secrets(), base)
        except (pytest.skip.Exception, pytest.fail.Exception) as exc:
            print(f"reading: skipped ({exc})")


def _read_from(peer: Any, notifications: int, rounds: int, secrets: Any, base: Path) -> None:
    from cm_desktop.core.inbox.sync import InboxPolicy, fill_subjects, sync_account
    from cm_desktop.core.models import Account
    from cm_desktop.core.ports import OutgoingPost
    from cm_desktop.core.store import open_store
    from cm_desktop.networks.bluesky import BlueskyConnector, Session, connect, new_tid
    from cm_desktop.networks.bluesky_inbox import BlueskyReader
    from cm_desktop.networks.http import build_client

    ref = "account:bluesky:bench"
    handle, did, app_password = peer.create_account("shop")
    connect(
        handle, app_password, secrets=secrets, secret_ref=ref, service_url=peer.url, plc_url=peer.plc_url
    ).close()
    person = BlueskyConnector(secrets, ref)
    posts = []
    for n in range(notifications // 25 + 1):
        published = person.publish(
            OutgoingPost(text=f"Publication {n} de la boutique", idempotency_key=new_tid())
        )
        posts.append((published.remote_id, published.extra["cid"]))
    peer.process_all()
    actors = [peer.actor(f"fan{n}") for n in range(25)]
    made = 0
    rng = random.Random(3)
    for actor in actors:  # each follows once
        actor.follow(did)
        made += 1
    peer.process_all()  # the posts are indexed before the replies to them
    while made < notifications:
        # Each (account, post) pair once: the AppView keeps one like of a post per account.
        actor = actors[made % len(actors)]
        uri, cid = posts[(made // len(actors)) % len(posts)]
        kind = rng.choice(("like", "like", "like", "repost", "reply", "mention"))
        if kind == "like":
            actor.like(uri, cid)
        elif kind == "repost":
            actor.repost(uri, cid)
        elif kind == "reply":
            actor.post(
                f"Réponse {made}",
                reply={"root": {"uri": uri, "cid": cid}, "parent": {"uri": uri, "cid": cid}},
            )
        else:
            actor.mention(handle, f"Mention {made}")
        made += 1
    peer.process_all()
    session = Session.from_json(secrets.get(ref))
    subjects: list[float] = []

    def raw() -> tuple[float, int]:
        with build_client() as http:
            begin = time.perf_counter()
            cursor, count, pages = "", 0, 0
            while True:
                params: dict[str, Any] = {"limit": 100}
                if cursor:
                    params["cursor"] = cursor
                response = http.get(
                    f"{session.service}/xrpc/app.bsky.notification.listNotifications",
                    params=params,
                    headers={"Authorization": f"Bearer {person._session.access_jwt}"},
                )
                body = response.json()
                pages += 1
                count += len(body["notifications"])
                cursor = body.get("cursor") or ""
                if not body["notifications"] or not cursor:
                    break
            return (time.perf_counter() - begin) * 1000, count

    def ours(round_no: int) -> tuple[float, int, int]:
        store = open_store(base / f"round{round_no}.sqlite3", base / "backups")
        with store.session() as db:
            account = Account(network="bluesky", handle=handle, remote_id=did, secret_ref=ref)
            db.add(account)
            db.commit()
            db.refresh(account)
        reader = BlueskyReader(BlueskyConnector(secrets, ref))
        reader.connector._session = person._session  # the same session as the floor: no refresh in the timing
        begin = time.perf_counter()
        result = sync_account(store, account, reader, datetime.now(UTC), InboxPolicy(page_size=100))
        elapsed = (time.perf_counter() - begin) * 1000
        begin = time.perf_counter()
        fill_subjects(store, account, reader)
        subjects.append((time.perf_counter() - begin) * 1000)
        reader.close()
        store.close()
        return elapsed, result.added, result.pages

    raw()  # warm both paths (connections, the AppView's caches)
    ours(0)
    if os.environ.get("CM_BENCH_PROFILE"):
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.runcall(ours, 99)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(35)
    floors, measured = [], []
    count = added = pages = 0
    for round_no in range(1, rounds + 1):
        elapsed, count = raw()
        floors.append(elapsed)
        elapsed, added, pages = ours(round_no)
        measured.append(elapsed)
    f, m = statistics.median(floors), statistics.median(measured)
    print(
        f"notifications on the AppView: {count} (made {made}); stored by one sync: {added} in {pages} pages"
    )
    print(f"floor: raw listNotifications pages with httpx: {f:.0f} ms (median of {rounds})")
    print(f"sync_account into a fresh store: {m:.0f} ms (median of {rounds})")
    print(f"ratio: {m / f:.2f}x (budget 1.2x)")
    print(
        f"then the text of the {len(posts)} posts they are about (getPosts, not in the budget): "
        f"{statistics.median(subjects):.0f} ms (median)"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--notifications", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-network", action="store_true", help="only the page's first paint")
    args = parser.parse_args()
    first_paint(args.items, args.rounds)
    if not args.no_network:
        reading(args.notifications, args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
