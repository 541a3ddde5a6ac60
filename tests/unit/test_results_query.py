"""What the Results page reads (core/results/query.py), the figures typed in by hand, "use these times for my
queue" and the CSV export, on a store filled here."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import col, select

from cm_desktop.core.models import (
    Account,
    BusinessProfile,
    FollowerSnapshot,
    Media,
    Post,
    PostResult,
    PostTarget,
    Slot,
)
from cm_desktop.core.results.by_hand import ByHand, ByHandRefused, by_hand_figures, record_by_hand
from cm_desktop.core.results.export import export_csv
from cm_desktop.core.results.query import accounts_rows, kind_of, load_results, posts_rows
from cm_desktop.core.results.queue import use_times
from cm_desktop.core.store import Store, open_store

NOW = datetime(2026, 6, 11, 10, 0, tzinfo=UTC)  # a Thursday, 12:00 in Paris
ZONE = "Europe/Paris"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    with store.session() as session:
        session.add(BusinessProfile(name="Atelier Lune", time_zone=ZONE, weekly_minutes=60))
        session.add(Account(network="bluesky", handle="lune.bsky.social"))
        session.add(Account(network="mastodon", handle="@lune@piaille.fr"))
        session.commit()
    yield store
    store.close()


def add_post(
    store: Store,
    when: datetime,
    figures: dict[str, tuple[int, int, int, int] | None],
    *,
    origin: str = "",
    pictures: int = 0,
    text: str = "Bonjour",
) -> int:
    """A post published at `when` on each network in `figures` (None: published, never read)."""
    with store.session() as session:
        accounts = {a.network: a.id for a in session.exec(select(Account)).all()}
        post = Post(text=text, origin=origin)
        session.add(post)
        session.flush()
        assert post.id is not None
        for n in range(pictures):
            session.add(Media(post_id=post.id, position=n))
        for network, counts in figures.items():
            account_id = accounts.get(network)
            target = PostTarget(
                post_id=post.id,
                account_id=account_id,
                network="" if account_id else network,
                state="published",
                remote_id=f"{network}-{post.id}" if account_id else "",
                remote_url=f"https://{network}.example/{post.id}",
                published_at=when,
            )
            session.add(target)
            session.flush()
            assert target.id is not None
            if counts is not None:
                likes, reposts, replies, quotes = counts
                session.add(
                    PostResult(
                        target_id=target.id,
                        account_id=account_id,
                        network=network,
                        remote_id=target.remote_id,
                        published_at=when,
                        fetched_at=when + timedelta(hours=1),
                        fetches=1,
                        likes=likes,
                        reposts=reposts,
                        replies=replies,
                        quotes=quotes,
                        by_hand=account_id is None,
                    )
                )
        session.commit()
        return post.id


def followers(store: Store, network: str, *days: tuple[date, int]) -> None:
    with store.session() as session:
        account = session.exec(select(Account).where(col(Account.network) == network)).one()
        for day, count in days:
            session.add(FollowerSnapshot(account_id=account.id, day=day, followers=count, fetched_at=NOW))  # type: ignore[arg-type]
        session.commit()


def test_this_week_against_last(store: Store) -> None:
    add_post(store, NOW - timedelta(days=1), {"bluesky": (5, 1, 2, 0), "mastodon": (3, 0, 0, 1)})
    add_post(store, NOW - timedelta(hours=1), {"bluesky": None})  # this morning: not read yet
    add_post(store, NOW - timedelta(days=7), {"bluesky": (2, 0, 1, 0)})
    add_post(store, NOW - timedelta(days=30), {"bluesky": (50, 0, 0, 0)})  # long ago: in neither week
    followers(store, "bluesky", (date(2026, 5, 31), 100), (date(2026, 6, 7), 104), (date(2026, 6, 11), 110))
    followers(store, "mastodon", (date(2026, 6, 9), 40), (date(2026, 6, 11), 41))  # none before the week

    data = load_results(store, NOW)

    this, last = data.this_week, data.last_week
    assert this is not None and last is not None
    assert (this.monday, this.posts, this.with_figures) == (date(2026, 6, 8), 2, 1)
    assert (this.likes, this.reposts, this.replies, this.quotes) == (8, 1, 2, 1)
    assert this.new_followers == 6  # Bluesky 104 -> 110; Mastodon has no reading from before the week
    assert (last.monday, last.posts, last.likes, last.new_followers) == (date(2026, 6, 1), 1, 2, 4)
    assert data.zone == ZONE


def test_posts_never_read_show_no_figures_and_by_hand_ones_wait_for_the_person(store: Store) -> None:
    add_post(store, NOW - timedelta(days=2), {"bluesky": None, "facebook": None})
    add_post(store, NOW - timedelta(days=3), {"instagram": (12, 0, 3, 0)})

    data = load_results(store, NOW)

    first = data.posts[0]
    assert [(t.network, t.known, t.likes) for t in first.targets] == [
        ("bluesky", False, None),
        ("facebook", False, None),
    ]
    assert first.score is None and not first.known
    assert data.by_hand_waiting == 1
    assert [(t.network, t.account, t.by_hand) for t in data.posts[1].targets] == [
        ("instagram", "hand:instagram", True)
    ]


def test_kinds_come_from_the_coach_idea_or_the_moment(store: Store) -> None:
    assert kind_of("idea:new_product_intro") == "new_product"
    assert kind_of("moment:mothers_day") == "moment_of_year"
    assert kind_of("") == kind_of("answer:4") == kind_of("idea:no_such_idea") == ""


def test_the_page_data_holds_top_posts_with_a_reason_and_the_best_times(store: Store) -> None:
    for week in range(7):
        monday = NOW - timedelta(days=3 + 7 * week)  # Mondays at 12:00 Paris
        add_post(store, monday, {"bluesky": (9, 1, 0, 0)}, origin="idea:new_product_intro", pictures=1)
        add_post(
            store,
            monday + timedelta(days=2, hours=6),
            {"bluesky": (2, 0, 0, 0)},
            origin="idea:tip_of_the_trade",
        )
    with store.session() as session:
        session.add(Slot(network="bluesky", weekday=0, minute_of_day=600))
        session.add(Slot(network="bluesky", weekday=4, minute_of_day=600))
        session.commit()

    data = load_results(store, NOW)

    assert data.best.enough and data.best.counted == 14
    assert [(t.weekday, t.minute_of_day) for t in data.best.proposal] == [(0, 720)]  # Wednesdays: below usual
    assert data.queue_times == ((0, 600), (4, 600))
    post, reason = data.top[0]
    assert (post.kind, reason.code) == ("new_product", "kind_pictures")
    assert [g.key for g in data.kinds][:1] == ["new_product"]


def test_followers_gained_over_days(store: Store) -> None:
    followers(store, "bluesky", (date(2026, 5, 1), 80), (date(2026, 5, 14), 90), (date(2026, 6, 11), 120))
    [bluesky, mastodon] = load_results(store, NOW).accounts
    assert bluesky.gained(28, date(2026, 6, 11)) == 30
    assert bluesky.gained(400, date(2026, 6, 11)) is None
    assert (mastodon.followers, mastodon.history) == (None, ())


def test_figures_typed_in_by_hand(store: Store) -> None:
    post_id = add_post(store, NOW - timedelta(days=1), {"facebook": None, "bluesky": None})
    with store.session() as session:
        targets = {
            t.network or "bluesky": t.id
            for t in session.exec(select(PostTarget).where(col(PostTarget.post_id) == post_id)).all()
        }
    facebook = targets["facebook"]
    assert facebook is not None and targets["bluesky"] is not None

    assert by_hand_figures(store, facebook) == ByHand(facebook, "facebook")
    record_by_hand(store, facebook, likes=14, comments=3, shares=2, now=NOW)
    record_by_hand(store, facebook, likes=15, comments=3, shares=2, now=NOW + timedelta(days=1))
    assert by_hand_figures(store, facebook) == ByHand(facebook, "facebook", 15, 3, 2)
    [row] = [r for r in posts_rows(store) if r["target_id"] == facebook]
    assert (row["likes"], row["replies"], row["reposts"], row["by_hand"], row["readings"]) == (
        15,
        3,
        2,
        True,
        2,
    )

    with pytest.raises(ByHandRefused) as read_here:
        record_by_hand(store, targets["bluesky"], likes=1, comments=0, shares=0, now=NOW)
    assert "read from Bluesky by the app" in read_here.value.message("en")
    for bad in (-1, 10_000_001):
        with pytest.raises(ByHandRefused):
            record_by_hand(store, facebook, likes=bad, comments=0, shares=0, now=NOW)
    with pytest.raises(ByHandRefused):
        by_hand_figures(store, 999)


def test_use_these_times_keeps_each_queue_size_and_changes_slots_in_place(store: Store) -> None:
    with store.session() as session:
        for weekday, minute in ((0, 540), (2, 540), (4, 540)):
            session.add(Slot(network="bluesky", weekday=weekday, minute_of_day=minute))
        session.add(Slot(network="facebook", weekday=1, minute_of_day=600))
        session.commit()
        before = {s.id for s in session.exec(select(Slot)).all()}

    changed = use_times(store, [(5, 600), (1, 1110)])  # best first

    with store.session() as session:
        slots = session.exec(select(Slot).order_by(col(Slot.network), col(Slot.weekday))).all()
    assert [(s.network, s.weekday, s.minute_of_day) for s in slots] == [
        ("bluesky", 1, 1110),
        ("bluesky", 4, 540),  # a third time was not found: kept
        ("bluesky", 5, 600),
        ("facebook", 5, 600),  # one slot: the best time
    ]
    assert {s.id for s in slots} == before
    assert changed == 3
    assert use_times(store, []) == 0


def test_the_csv_has_every_post_and_network_with_empty_cells_for_figures_never_read(store: Store) -> None:
    add_post(store, NOW - timedelta(days=1), {"bluesky": (5, 1, 2, 0)}, text='=HYPERLINK("x") Nouveautés')
    add_post(store, NOW - timedelta(days=2), {"mastodon": None})  # published, never read

    data = export_csv(store, ZONE, "fr")

    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == [
        "date",
        "heure",
        "réseau",
        "texte",
        "j'aime",
        "partages",
        "réponses",
        "citations",
        "lu le",
        "état",
        "lien",
    ]
    assert rows[1][:8] == [
        "2026-06-10",
        "12:00",
        "Bluesky",
        '\'=HYPERLINK("x") Nouveautés',
        "5",
        "1",
        "2",
        "0",
    ]
    assert rows[2][2:10] == ["Mastodon", "Bonjour", "", "", "", "", "", ""]  # empty cells, never zeros
    assert len(rows) == 3


def test_accounts_rows_give_the_whole_history(store: Store) -> None:
    followers(store, "bluesky", (date(2025, 1, 1), 10), (date(2026, 6, 10), 120))
    [bluesky, _mastodon] = accounts_rows(store, NOW)
    assert (bluesky["followers"], bluesky["history"]) == (
        120,
        [{"date": "2025-01-01", "followers": 10}, {"date": "2026-06-10", "followers": 120}],
    )
