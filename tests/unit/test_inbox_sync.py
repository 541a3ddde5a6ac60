"""Reading notifications into the store (core/inbox/sync.py) against a scripted network.

The scripted network pages like Bluesky and Mastodon do (newest first, a cursor going back) and can fail any
request. What must hold: a second sync stores nothing twice; a sync cut short (5xx, 429, a crash) never skips
an item; seen state goes both ways. The real servers are in tests/integration/test_inbox_appview.py and the
Mastodon replays.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from cm_desktop.core.inbox import sync
from cm_desktop.core.inbox.sync import InboxPolicy, sync_account
from cm_desktop.core.models import Account, InboxItem, InboxSync, Post, PostTarget
from cm_desktop.core.ports import (
    Author,
    Notification,
    NotificationPage,
    RateLimited,
    RemotePost,
    Thread,
    Unknown,
)
from cm_desktop.core.store import Store, open_store

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
KINDS = ("reply", "mention", "like", "repost", "follow", "quote")


def note(
    n: int, *, kind: str = "", when: datetime | None = None, subject: str = "at://me/post/1"
) -> Notification:
    """The n-th notification ever (keys grow with n, like Mastodon ids or Bluesky times)."""
    kind = kind or KINDS[n % len(KINDS)]
    moment = when or T0 + timedelta(minutes=n)
    post = None
    if kind in ("reply", "mention", "quote"):
        post = RemotePost(
            remote_id=f"at://other/post/{n}",
            url=f"https://bsky.app/profile/other/post/{n}",
            author=Author(handle=f"p{n}.test", display_name=f"Person {n}"),
            text=f"message {n}",
            created_at=moment,
            cid=f"cid{n}",
            reply_parent_id=subject if kind == "reply" else "",
        )
    return Notification(
        remote_id=f"n{n}",
        kind=kind,  # type: ignore[arg-type]
        author=Author(handle=f"p{n}.test", display_name=f"Person {n}"),
        created_at=moment,
        sort_key=f"{n:08d}",
        post=post,
        subject_id=subject if kind != "follow" else "",
    )


@dataclass
class Network:
    """Notifications newest first; the cursor is the key of the last item of the previous page."""

    items: list[Notification] = field(default_factory=list)
    failures: dict[int, Exception] = field(default_factory=dict)  # request number -> error to raise
    requests: int = 0
    seen: str = ""
    told: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # the person's posts, for subjects
    posts_asked: list[list[str]] = field(default_factory=list)
    pause: datetime | None = None

    def arrive(self, *numbers: int) -> None:
        for n in numbers:
            self.items.append(note(n))
        self.items.sort(key=lambda i: i.sort_key, reverse=True)

    def notifications(self, cursor: str = "", *, limit: int = 50, since: str = "") -> NotificationPage:
        self.requests += 1
        failure = self.failures.pop(self.requests, None)
        if failure is not None:
            raise failure
        older = [i for i in self.items if not cursor or i.sort_key < cursor]
        page = older[:limit]
        more = len(older) > limit
        return NotificationPage(
            items=tuple(page), next_cursor=page[-1].sort_key if page and more else "", seen_up_to=self.seen
        )

    def mark_seen(self, up_to: str) -> None:
        self.told.append(up_to)
        self.seen = max(self.seen, up_to)

    def unread_count(self) -> int:
        return sum(1 for i in self.items if i.sort_key > self.seen)

    def thread(self, remote_id: str) -> Thread:  # pragma: no cover - not used here
        raise NotImplementedError

    def posts(self, remote_ids: Sequence[str]) -> list[RemotePost]:
        self.posts_asked.append(list(remote_ids))
        return [
            RemotePost(i, "", Author("me.test"), self.texts[i], T0) for i in remote_ids if i in self.texts
        ]

    def pause_until(self) -> datetime | None:
        return self.pause


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield opened
    opened.close()


def account(store: Store, network: str = "bluesky") -> Account:
    with store.session() as session:
        row = Account(network=network, handle="shop.test", secret_ref="ref")
        session.add(row)
        session.commit()
        session.refresh(row)
        return row


def stored(store: Store) -> list[str]:
    with store.session() as session:
        return sorted(i.remote_id for i in session.exec(select(InboxItem)).all())


def expected(*numbers: int) -> list[str]:
    return sorted(f"n{n}" for n in numbers)


SMALL = InboxPolicy(page_size=3)


def test_first_sync_stores_each_once_and_a_second_sync_adds_nothing(store: Store) -> None:
    me, network = account(store), Network()
    network.arrive(*range(10))
    first = sync_account(store, me, network, T0 + timedelta(hours=1), SMALL)
    assert (first.added, first.first, first.complete, first.error_code) == (10, True, True, "")
    assert stored(store) == expected(*range(10))
    assert len(first.new_to_answer) == sum(1 for n in range(10) if KINDS[n % 6] in sync.TO_ANSWER)

    asked = network.requests
    second = sync_account(store, me, network, T0 + timedelta(hours=2), SMALL)
    assert (second.added, second.first, second.new_to_answer) == (0, False, ())
    assert network.requests == asked + 1  # one page shows that nothing is new
    assert stored(store) == expected(*range(10))


def test_only_what_is_new_is_read_and_announced(store: Store) -> None:
    me, network = account(store), Network()
    network.arrive(*range(5))
    sync_account(store, me, network, T0 + timedelta(hours=1), SMALL)
    network.arrive(5, 6)  # a like (5 % 6 = 5: quote) and a reply (6 % 6 = 0)
    result = sync_account(store, me, network, T0 + timedelta(hours=2), SMALL)
    assert result.added == 2 and result.pages == 1
    with store.session() as session:
        new = {session.get(InboxItem, i).remote_id for i in result.new_to_answer}  # type: ignore[union-attr]
    assert new == {"n5", "n6"}


def test_a_5xx_in_the_middle_of_paging_skips_nothing(store: Store) -> None:
    me, network = account(store), Network()
    network.arrive(*range(4))
    sync_account(store, me, network, T0 + timedelta(hours=1), SMALL)
    network.arrive(*range(4, 20))  # 16 new: six pages of three
    network.failures[network.requests + 3] = Unknown("server trouble", code="server_error")
    cut = sync_account(store, me, network, T0 + timedelta(hours=2), SMALL)
    assert (cut.error_code, cut.complete) == ("server", False)
    assert cut.next_sync_at is not None and cut.next_sync_at > T0 + timedelta(hours=2)
    assert stored(store) == expected(*range(4), *range(14, 20))  # two pages kept

    network.arrive(20, 21)  # more arrives before the next try
    healed = sync_account(store, me, network, T0 + timedelta(hours=3), SMALL)
    assert (healed.error_code, healed.complete) == ("", True)
    assert stored(store) == expected(*range(22))
    again = sync_account(store, me, network, T0 + timedelta(hours=4), SMALL)
    assert again.added == 0


def test_a_429_in_the_middle_of_paging_waits_for_the_reset_then_fills_the_gap(store: Store) -> None:
    me, network = account(store), Network()
    network.arrive(0)
    sync_account(store, me, network, T0 + timedelta(hours=1), SMALL)
    network.arrive(*range(1, 12))
    reset = T0 + timedelta(hours=1, minutes=15)
    network.failures[network.requests + 2] = RateLimited("slow down", until=reset)
    cut = sync_account(store, me, network, T0 + timedelta(hours=1), SMALL)
    assert (cut.error_code, cut.next_sync_at) == ("rate_limited", reset)
    assert sync.due_accounts(store, T0 + timedelta(hours=1, minutes=10), None) == []
    assert [a.id for a in sync.due_accounts(store, reset, None)] == [me.id]
    sync_account(store, me, network, reset, SMALL)
    assert stored(store) == expected(*range(12))


def test_a_thousand_notifications_at_once_are_all_stored_over_several_syncs(store: Store) -> None:
    me, network = account(store), Network()
    network.arrive(0)
    policy = InboxPolicy(page_size=100, max_pages=4)
    sync_account(store, me, network, T0, policy)
    network.arrive(*range(1, 1001))
    results = []
    for hour in range(1, 5):
        results.append(sync_account(store, me, network, T0 + timedelta(days=1, hours=hour), policy))
        if results[-1].complete:
            break
    # Four pages for the new, four more for the gap they leave, per sync: a burst never blocks a sync.
    assert [(r.complete, r.pages) for r in results] == [(False, 8), (True, 4)]
    assert stored(store) == expected(*range(1001))
    assert sum(r.added for r in results) == 1000


def test_the_first_sync_reads_back_a_month_at_most(store: Store) -> None:
    me, network = account(store), Network()
    network.items = [note(n, when=T0 - timedelta(days=60 - n)) for n in range(60)][::-1]
    sync_account(store, me, network, T0, SMALL)
    assert stored(store) == expected(*range(30, 60))


def test_unreadable_items_are_counted_and_the_rest_is_stored(store: Store) -> None:
    me = account(store)

    class Broken(Network):
        def notifications(self, cursor: str = "", *, limit: int = 50, since: str = "") -> NotificationPage:
            page = super().notifications(cursor, limit=limit, since=since)
            return NotificationPage(page.items, page.next_cursor, page.seen_up_to, skipped=2)

    network = Broken()
    network.arrive(1, 2)
    result = sync_account(store, me, network, T0 + timedelta(hours=1), SMALL)
    assert (result.added, result.skipped, result.error_code) == (2, 2, "")


def test_a_bug_in_one_account_never_stops_the_others(store: Store) -> None:
    first, second = account(store), account(store, "mastodon")
    good = Network()
    good.arrive(1)

    class Bad(Network):
        def notifications(self, cursor: str = "", *, limit: int = 50, since: str = "") -> NotificationPage:
            raise KeyError("a bug")

    readers = {first.id: Bad(), second.id: good}
    run = sync.sync_all(store, lambda a: readers[a.id], T0)  # type: ignore[index]
    assert [(r.account_id, r.error_code) for r in run.results] == [(first.id, "bug"), (second.id, "")]
    assert stored(store) == ["n1"]


def test_seen_on_the_network_is_read_here_and_read_here_is_told_to_the_network(store: Store) -> None:
    me, network = account(store), Network()
    network.arrive(*range(6))
    network.seen = f"{2:08d}"  # read up to n2 on the phone
    sync_account(store, me, network, T0 + timedelta(hours=1), SMALL)
    with store.session() as session:
        read = sorted(i.remote_id for i in session.exec(select(InboxItem)).all() if i.read)
    assert read == ["n0", "n1", "n2"]
    assert network.told == []  # nothing more read here

    from cm_desktop.core.inbox.answers import mark_read

    with store.session() as session:
        n3, n5 = (
            session.exec(select(InboxItem).where(InboxItem.remote_id == r)).one().id for r in ("n3", "n5")
        )
    mark_read(store, [n3, n5])  # type: ignore[list-item]
    sync_account(store, me, network, T0 + timedelta(hours=2), SMALL)
    assert network.told == [f"{3:08d}"]  # n4 is unread: the network's one mark stops before it
    assert sync.push_seen(store, me, network) is False  # nothing new to tell


def test_the_text_of_the_persons_posts_comes_from_the_app_then_the_network(store: Store) -> None:
    me, network = account(store), Network()
    with store.session() as session:
        post = Post(text="Nos roses sont arrivées")
        session.add(post)
        session.flush()
        session.add(PostTarget(post_id=post.id, account_id=me.id, state="published", remote_id="at://me/p/a"))
        session.commit()
    network.items = [note(1, kind="like", subject="at://me/p/a"), note(2, kind="like", subject="at://me/p/b")]
    network.items.reverse()
    network.texts = {"at://me/p/b": "Fermé lundi"}
    sync.sync_all(store, lambda _a: network, T0 + timedelta(hours=1), policy=SMALL)
    with store.session() as session:
        texts = {i.subject_id: i.subject_text for i in session.exec(select(InboxItem)).all()}
    assert texts == {"at://me/p/a": "Nos roses sont arrivées", "at://me/p/b": "Fermé lundi"}
    assert network.posts_asked == [["at://me/p/b"]]


def test_an_edited_post_changes_the_stored_text_and_adds_no_item(store: Store) -> None:
    me, network = account(store, "mastodon"), Network()
    network.arrive(0)  # a reply
    sync_account(store, me, network, T0 + timedelta(hours=1), SMALL)
    original = network.items[0]
    assert original.post is not None
    edited_post = RemotePost(**{**original.post.__dict__, "text": "message 0 (corrigé)"})
    network.items.insert(
        0,
        Notification("n99", "mention", original.author, T0, f"{99:08d}", edited_post, edited=True),
    )
    result = sync_account(store, me, network, T0 + timedelta(hours=2), SMALL)
    assert result.added == 0
    with store.session() as session:
        assert [i.text for i in session.exec(select(InboxItem)).all()] == ["message 0 (corrigé)"]


def test_a_spent_request_budget_pauses_reading_until_it_is_renewed(store: Store) -> None:
    me, network = account(store, "mastodon"), Network()
    network.pause = T0 + timedelta(minutes=5)
    result = sync_account(store, me, network, T0, SMALL)
    assert result.next_sync_at == network.pause
    assert sync.due_accounts(store, T0 + timedelta(minutes=4), None) == []


_TEMPLATE: list[Path] = []


def _migrated(factory: pytest.TempPathFactory) -> Path:
    if not _TEMPLATE:
        folder = factory.mktemp("template")
        open_store(folder / "db.sqlite3", folder / "backups").close()
        _TEMPLATE.append(folder / "db.sqlite3")
    return _TEMPLATE[0]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    arrivals=st.lists(st.integers(0, 12), min_size=1, max_size=6),
    failures=st.lists(st.integers(1, 6), max_size=6),
)
def test_any_sequence_of_arrivals_and_cut_syncs_stores_everything_once(
    tmp_path_factory: pytest.TempPathFactory, arrivals: list[int], failures: list[int]
) -> None:
    folder = tmp_path_factory.mktemp("prop")
    shutil.copy(_migrated(tmp_path_factory), folder / "db.sqlite3")  # migrating each time is slow
    opened = open_store(folder / "db.sqlite3", folder / "backups")
    try:
        me, network = account(opened), Network()
        n = 0
        now = T0
        for batch, fail in zip(arrivals, [*failures, *([0] * len(arrivals))], strict=False):
            network.arrive(*range(n, n + batch))
            n += batch
            if fail:
                network.failures[network.requests + fail] = Unknown("cut", code="reset")
            now += timedelta(hours=1)
            sync_account(opened, me, network, now, SMALL)
        for _ in range(20):  # then a quiet network: syncs until everything is in
            now += timedelta(hours=1)
            if sync_account(opened, me, network, now, SMALL).complete:
                break
        assert stored(opened) == expected(*range(n))
        with opened.session() as session:
            state = session.get(InboxSync, me.id)
            assert state is not None and not state.gap_open
    finally:
        opened.close()
