"""Reading the figures (core/results/sync.py) against a scripted network and a clock we move.

What must hold: each post is read on its milestones and no more; a late reading skips what it missed; a
deleted post keeps its last figures, marked; what the network cannot tell is never written as a number; a
count that goes down is kept as read; a server that stops answering stops only its account and keeps the
date of the last figures; a clock that jumps never floods the network. The real servers are in
tests/integration/test_results_appview.py, the Mastodon replays and the imitation's test.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlmodel import col, select

from cm_desktop.core.models import (
    Account,
    CountSnapshot,
    FollowerSnapshot,
    Post,
    PostReply,
    PostResult,
    PostTarget,
    ResultsSync,
)
from cm_desktop.core.ports import AccountCounts, PostCounts, RateLimited, Unknown
from cm_desktop.core.results import sync
from cm_desktop.core.results.query import AccountFigures, load_accounts
from cm_desktop.core.results.schedule import MILESTONES
from cm_desktop.core.results.sync import ResultsPolicy, sync_all
from cm_desktop.core.store import Store, open_store

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # a Monday, 09:00 in Paris


@dataclass
class Network:
    """The posts' counts as the network has them now; ids in `gone` are deleted, in `hidden` not indexed."""

    counts: dict[str, PostCounts] = field(default_factory=dict)
    gone: set[str] = field(default_factory=set)
    hidden: set[str] = field(default_factory=set)
    followers: int = 10
    failures: list[Exception] = field(default_factory=list)  # raised by the next calls, in order
    asked: list[list[str]] = field(default_factory=list)
    profiles: int = 0
    closed: int = 0

    def set(
        self, remote_id: str, likes: int = 0, reposts: int = 0, replies: int = 0, quotes: int = 0
    ) -> None:
        self.counts[remote_id] = PostCounts(remote_id, likes, reposts, replies, quotes)

    def _maybe_fail(self) -> None:
        if self.failures:
            raise self.failures.pop(0)

    def post_counts(self, remote_ids: Sequence[str]) -> list[PostCounts]:
        self._maybe_fail()
        self.asked.append(list(remote_ids))
        out = []
        for remote_id in remote_ids:
            if remote_id in self.gone:
                out.append(PostCounts(remote_id, deleted=True))
            elif remote_id not in self.hidden:
                out.append(self.counts.get(remote_id, PostCounts(remote_id)))
        return out

    def account_counts(self) -> AccountCounts:
        self._maybe_fail()
        self.profiles += 1
        return AccountCounts(followers=self.followers, following=3, posts=len(self.counts))

    def pause_until(self) -> datetime | None:
        return None

    def close(self) -> None:
        self.closed += 1

    def read(self) -> list[str]:
        return [i for batch in self.asked for i in batch]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield store
    store.close()


def account(store: Store, network: str = "bluesky", handle: str = "shop.test") -> Account:
    with store.session() as session:
        row = Account(network=network, handle=handle, remote_id=f"did:{handle}")
        session.add(row)
        session.commit()
        session.refresh(row)
        return row


def published(
    store: Store,
    who: Account | None,
    remote_id: str,
    when: datetime,
    *,
    network: str = "",
    text: str = "Hello",
) -> int:
    """A post published at `when` on `who`'s account (or by hand on `network`); returns the target id."""
    with store.session() as session:
        post = Post(text=text, created_at=when)
        session.add(post)
        session.flush()
        assert post.id is not None
        target = PostTarget(
            post_id=post.id,
            account_id=who.id if who is not None else None,
            network=network,
            state="published",
            remote_id=remote_id,
            published_at=when,
        )
        session.add(target)
        session.commit()
        assert target.id is not None
        return target.id


def result(store: Store, target_id: int) -> PostResult:
    with store.session() as session:
        row = session.get(PostResult, target_id)
    assert row is not None
    return row


def snapshots(store: Store, target_id: int) -> list[CountSnapshot]:
    with store.session() as session:
        return list(
            session.exec(
                select(CountSnapshot)
                .where(col(CountSnapshot.target_id) == target_id)
                .order_by(col(CountSnapshot.id))
            ).all()
        )


def run(store: Store, network: Network, now: datetime, **kwargs: object) -> sync.ResultsRun:
    return sync_all(store, lambda _a: network, now, "Europe/Paris", **kwargs)  # type: ignore[arg-type]


def test_a_post_is_read_on_its_ten_milestones_and_then_no_more(store: Store) -> None:
    me = account(store)
    target = published(store, me, "at://me/post/1", T0)
    network = Network()
    network.set("at://me/post/1", likes=1)

    assert run(store, network, T0 + timedelta(minutes=30)).watched == 1
    assert network.read() == []  # not due before its first hour
    for number, offset in enumerate(MILESTONES, start=1):
        network.set("at://me/post/1", likes=number)
        # Every hour for nine weeks: only the milestones read it.
        [outcome] = run(store, network, T0 + offset + timedelta(minutes=5)).results
        assert (outcome.error_code, outcome.posts_read) == ("", 1)
        assert run(store, network, T0 + offset + timedelta(hours=3)).results[0].posts_read == 0
    assert run(store, network, T0 + timedelta(weeks=20)).results[0].posts_read == 0

    assert len(MILESTONES) == 10
    assert network.read() == ["at://me/post/1"] * 10
    row = result(store, target)
    assert (row.likes, row.fetches, row.next_fetch_at, row.deleted) == (10, 10, None, False)
    assert [s.likes for s in snapshots(store, target)] == list(range(1, 11))


def test_a_late_reading_skips_the_milestones_it_missed(store: Store) -> None:
    me = account(store)
    target = published(store, me, "at://me/post/1", T0)
    network = Network()

    run(store, network, T0 + timedelta(days=10))  # the computer was off for ten days

    assert network.read() == ["at://me/post/1"]
    assert result(store, target).next_fetch_at == T0 + timedelta(weeks=2)


def test_a_deleted_post_keeps_its_last_figures_marked_and_is_not_read_again(store: Store) -> None:
    me = account(store)
    target = published(store, me, "at://me/post/1", T0)
    network = Network()
    network.set("at://me/post/1", likes=7, replies=2)
    run(store, network, T0 + timedelta(hours=2))
    network.gone.add("at://me/post/1")

    [outcome] = run(store, network, T0 + timedelta(days=2)).results
    run(store, network, T0 + timedelta(days=30))

    assert (outcome.posts_read, outcome.deleted) == (0, 1)
    row = result(store, target)
    assert (row.deleted, row.likes, row.replies, row.next_fetch_at) == (True, 7, 2, None)
    assert [(s.deleted, s.likes) for s in snapshots(store, target)] == [(False, 7), (True, 0)]
    assert network.read() == ["at://me/post/1", "at://me/post/1"]


def test_what_the_network_cannot_tell_is_never_written_as_a_number(store: Store) -> None:
    me = account(store)
    target = published(store, me, "at://me/post/1", T0)
    network = Network(hidden={"at://me/post/1"})

    run(store, network, T0 + timedelta(hours=2))

    row = result(store, target)
    assert (row.fetched_at, row.fetches, snapshots(store, target)) == (None, 0, [])
    assert row.next_fetch_at == T0 + timedelta(hours=3)  # asked again in an hour
    # Still hidden a week after the last milestone: no more asking.
    run(store, network, T0 + MILESTONES[-1] + timedelta(weeks=1, hours=1))
    assert result(store, target).next_fetch_at is None


def test_a_count_that_goes_down_is_kept_as_read(store: Store) -> None:
    me = account(store)
    target = published(store, me, "at://me/post/1", T0)
    network = Network()
    network.set("at://me/post/1", likes=5)
    run(store, network, T0 + timedelta(hours=2))
    network.set("at://me/post/1", likes=3)  # two likes taken back

    run(store, network, T0 + timedelta(days=2))

    assert result(store, target).likes == 3
    assert [s.likes for s in snapshots(store, target)] == [5, 3]


def test_a_server_that_stops_answering_stops_only_its_account_and_keeps_the_figures_date(
    store: Store,
) -> None:
    first, second = account(store, handle="one.test"), account(store, handle="two.test")
    one = published(store, first, "at://one/post/1", T0)
    two = published(store, second, "at://two/post/1", T0)
    broken, working = Network(), Network()
    broken.set("at://one/post/1", likes=4)
    working.set("at://two/post/1", likes=9)
    networks = {first.id: broken, second.id: working}

    def counter_for(who: Account) -> Network:
        return networks[who.id]

    sync_all(store, counter_for, T0 + timedelta(hours=2), "UTC")
    broken.failures = [Unknown("HTTP 503", code="server_error")]
    later = T0 + timedelta(days=1, hours=1)
    outcomes = sync_all(store, counter_for, later, "UTC").results

    assert [(o.handle, o.error_code) for o in outcomes] == [("one.test", "server"), ("two.test", "")]
    assert result(store, one).likes == 4  # the last figures stay
    assert result(store, two).fetches == 2
    assert outcomes[0].last_ok_at == T0 + timedelta(hours=2)
    assert "figures shown are from 2026-03-02 10:00" in outcomes[0].message("en")
    with store.session() as session:
        state = session.get(ResultsSync, first.id)
    assert state is not None and (state.failures, state.last_error_code) == (1, "server")
    # It rests (backoff) while the other goes on.
    assert [a.handle for a in sync.due_accounts(store, later + timedelta(minutes=1))] == ["two.test"]
    assert broken.closed == 2  # every connection given back


def test_a_429_keeps_the_chunks_read_and_waits_until_the_reset(store: Store) -> None:
    me = account(store)
    targets = [published(store, me, f"at://me/post/{n}", T0 + timedelta(minutes=n)) for n in range(5)]
    network = Network()
    reset = T0 + timedelta(hours=5)
    network.failures = [Exception("unused")]  # replaced below: fail on the second chunk
    calls = {"n": 0}
    real = network.post_counts

    def counts(remote_ids: Sequence[str]) -> list[PostCounts]:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RateLimited("slow down", until=reset)
        return real(remote_ids)

    network.failures = []
    network.post_counts = counts  # type: ignore[method-assign]

    [outcome] = run(store, network, T0 + timedelta(hours=2), policy=ResultsPolicy(chunk=2)).results

    assert (outcome.error_code, outcome.posts_read, outcome.next_sync_at) == ("rate_limited", 2, reset)
    assert [result(store, t).fetches for t in targets] == [1, 1, 0, 0, 0]
    assert sync.due_accounts(store, T0 + timedelta(hours=4)) == []
    assert [a.id for a in sync.due_accounts(store, reset)] == [me.id]


def test_followers_once_a_day_refreshed_during_the_day_on_the_business_clock(store: Store) -> None:
    me = account(store)
    network = Network(followers=10)
    run(store, network, T0)
    network.followers = 12
    run(store, network, T0 + timedelta(hours=1))  # read an hour ago: not again
    run(store, network, T0 + timedelta(hours=7))  # same day in Paris, six hours later: refreshed
    network.followers = 15
    run(store, network, datetime(2026, 3, 2, 23, 30, tzinfo=UTC))  # 00:30 in Paris: the next day

    with store.session() as session:
        days = session.exec(select(FollowerSnapshot).order_by(col(FollowerSnapshot.day))).all()
    assert [(d.day, d.followers) for d in days] == [(date(2026, 3, 2), 12), (date(2026, 3, 3), 15)]
    assert network.profiles == 3
    assert me.id is not None


def test_a_clock_jump_reads_each_post_once_and_a_reading_from_the_future_is_redone(store: Store) -> None:
    me = account(store)
    targets = [published(store, me, f"at://me/post/{n}", T0 + timedelta(days=n)) for n in range(3)]
    network = Network()
    today = T0 + timedelta(days=3)
    run(store, network, today)  # the first reading of each
    asked = len(network.read())

    far = T0 + timedelta(days=400)  # the clock jumps more than a year ahead
    run(store, network, far)
    run(store, network, far + timedelta(hours=1))
    assert len(network.read()) - asked == 3  # one reading each, not ten
    assert all(result(store, t).next_fetch_at is None for t in targets)

    run(store, network, today + timedelta(hours=7))  # back to the right year: today's followers at 16:00
    network.followers = 99
    run(store, network, today + timedelta(hours=1))  # and back to 09:00: a reading "from the future"
    with store.session() as session:
        snap = session.get(FollowerSnapshot, (me.id, date(2026, 3, 5)))
    assert snap is not None and snap.followers == 99
    [figures] = load_accounts_now(store, today + timedelta(hours=1))
    assert (figures.followers, figures.history[-1]) == (99, (date(2026, 3, 5), 99))  # not the 2027 day


def load_accounts_now(store: Store, now: datetime) -> list[AccountFigures]:
    with store.session() as session:
        return load_accounts(session, now, "Europe/Paris")


def test_answers_and_posts_published_by_hand_are_not_followed(store: Store) -> None:
    me = account(store)
    post = published(store, me, "at://me/post/1", T0)
    answer = published(store, me, "at://me/post/answer", T0)
    by_hand = published(store, None, "", T0, network="facebook")
    with store.session() as session:
        target = session.get(PostTarget, answer)
        assert target is not None
        session.add(PostReply(post_id=target.post_id, parent_id="at://other/post/9"))
        session.commit()

    run(store, Network(), T0 + timedelta(hours=2))

    with store.session() as session:
        followed = session.exec(select(PostResult.target_id)).all()
    assert list(followed) == [post]
    assert by_hand not in followed


def test_a_removed_account_keeps_its_posts_figures_and_loses_its_followers(store: Store) -> None:
    me = account(store)
    target = published(store, me, "at://me/post/1", T0)
    network = Network()
    network.set("at://me/post/1", likes=3)
    run(store, network, T0 + timedelta(hours=2))
    with store.session() as session:
        # What services/accounts/remove.py does to the rows.
        session.exec(update(PostTarget).where(col(PostTarget.account_id) == me.id).values(account_id=None))
        row = session.get(Account, me.id)
        session.delete(row)
        session.commit()

    assert run(store, network, T0 + timedelta(days=2)).results == []
    kept = result(store, target)
    assert (kept.account_id, kept.likes) == (None, 3)
    with store.session() as session:
        assert session.exec(select(FollowerSnapshot)).all() == []
