"""Listening's core (core/listening): saved searches per account, runs at most once per 15 minutes, results
stored once across runs and across searches, the person's own posts left out, backoff and a server's "wait",
and what the person does with a found post: answer (through the outbox, as an inbox answer), like and follow
(each sent exactly once), keep as an idea (in the idea box, kept by the wizard), dismiss.

A scripted searcher stands in for the networks here; the real servers are in
tests/integration/test_listening_appview.py (Bluesky) and test_listening_mastodon.py (Mastodon)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from cm_desktop.core import onboarding
from cm_desktop.core.coach import ProfileAnswers
from cm_desktop.core.inbox.answers import ANSWERED, LIKE_DONE, LIKE_SENDING, LIKE_WAITING, AnswerRefused
from cm_desktop.core.listening import board, leads, watches
from cm_desktop.core.listening import messages as m
from cm_desktop.core.listening.query import BadSearch
from cm_desktop.core.listening.run import run_due
from cm_desktop.core.models import Account, AccountStatus, BusinessKind, Post, PostReply, PostTarget, Watch
from cm_desktop.core.outbox import Outbox
from cm_desktop.core.ports import (
    NO_SEARCH_HERE,
    WORDS_AS_TAGS,
    AccountInfo,
    Author,
    NotSent,
    OutgoingPost,
    PublishResult,
    RateLimited,
    Refused,
    RemotePost,
    Search,
    SearchPage,
    ServerLimits,
    Unknown,
)
from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import Store, open_store

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
SHOP_DID = "did:plc:shop"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield opened
    opened.close()


def add_account(
    store: Store, network: str = "bluesky", handle: str = "shop.test", remote_id: str = SHOP_DID
) -> int:
    with store.session() as session:
        account = Account(network=network, handle=handle, remote_id=remote_id, secret_ref="ref")
        session.add(account)
        session.commit()
        assert account.id is not None
        return account.id


def post(
    n: int,
    text: str = "Un fleuriste à Lyon pour un mariage ?",
    *,
    by: str = "did:plc:marie",
    when: datetime = T0,
) -> RemotePost:
    return RemotePost(
        remote_id=f"at://{by}/app.bsky.feed.post/{n}",
        url=f"https://bsky.app/profile/marie.test/post/{n}",
        author=Author(handle="marie.test", display_name="Marie", remote_id=by),
        text=text,
        created_at=when,
        cid=f"cid{n}",
    )


@dataclass
class Searcher:
    """A network that answers each search with the posts scripted for its text (newest first)."""

    pages: dict[str, list[RemotePost]] = field(default_factory=dict)
    fail: Exception | None = None
    limited: str = ""
    asked: list[tuple[str, datetime | None]] = field(default_factory=list)
    likes: list[tuple[str, str]] = field(default_factory=list)
    follows: list[tuple[str, str]] = field(default_factory=list)
    lose_follow: bool = False
    closed: int = 0

    def search(
        self, query: Search, cursor: str = "", *, since: datetime | None = None, limit: int = 25
    ) -> SearchPage:
        self.asked.append((query.text, since))
        if self.fail is not None:
            raise self.fail
        return SearchPage(items=tuple(self.pages.get(query.text, [])), limited=self.limited)

    def pause_until(self) -> datetime | None:
        return None

    def like(self, remote_id: str, cid: str, key: str) -> str:
        self.likes.append((remote_id, key))
        return remote_id

    def follow(self, author_id: str, key: str) -> str:
        self.follows.append((author_id, key))
        if self.lose_follow:
            self.lose_follow = False
            raise Unknown("the answer was lost")
        return author_id

    def close(self) -> None:
        self.closed += 1


def run(store: Store, searcher: Searcher, now: datetime = T0) -> list[int]:
    result = run_due(store, lambda _a: searcher, now)
    assert not result.busy
    return result.added


def test_a_search_finds_the_matching_post_once_not_the_persons_own(store: Store) -> None:
    account = add_account(store)
    watch = watches.add(store, account, "fleuriste Lyon", T0)
    mine = post(9, by=SHOP_DID)
    searcher = Searcher({"fleuriste Lyon": [post(1), mine]})

    first = run(store, searcher)
    assert len(first) == 1
    [found] = board.results(store)
    assert (found.post_id, found.author_handle, found.watch_id, found.seen) == (
        post(1).remote_id,
        "marie.test",
        watch.id,
        False,
    )
    assert board.new_count(store) == 1

    # Within 15 minutes the search is not made again; after, it is, and finds nothing new.
    assert run(store, searcher, T0 + timedelta(minutes=14)) == []
    assert len(searcher.asked) == 1
    assert run(store, searcher, T0 + timedelta(minutes=15)) == []
    assert len(searcher.asked) == 2
    assert len(board.results(store)) == 1


def test_one_post_found_by_two_searches_is_stored_once(store: Store) -> None:
    account = add_account(store)
    watches.add(store, account, "fleuriste Lyon", T0)
    watches.add(store, account, "#mariage", T0)
    both = post(1, "Un fleuriste à Lyon ? #mariage")
    both = RemotePost(**{**both.__dict__, "tags": ("mariage",)})
    searcher = Searcher({"fleuriste Lyon": [both], "#mariage": [both, post(2, "Robe #mariage")]})
    assert len(run(store, searcher)) == 2
    assert sorted(r.post_id for r in board.results(store)) == sorted([both.remote_id, post(2).remote_id])


def test_removing_a_search_keeps_the_posts_another_search_found_too(store: Store) -> None:
    """A post found by two searches is stored once, under the first; removing the first keeps it under the
    second as it was (seen, not new again), and only what the first alone found goes."""
    account = add_account(store)
    first = watches.add(store, account, "fleuriste Lyon", T0)
    second = watches.add(store, account, "#mariage", T0)
    assert first.id is not None and second.id is not None
    both = RemotePost(**{**post(1, "Un fleuriste à Lyon ? #mariage").__dict__, "tags": ("mariage",)})
    alone = post(2, "fleuriste Lyon, ouvert dimanche ?")
    searcher = Searcher({"fleuriste Lyon": [both, alone], "#mariage": [both]})
    assert len(run(store, searcher)) == 2
    [kept] = [r for r in board.results(store) if r.post_id == both.remote_id]
    assert kept.watch_id == first.id  # stored once, under the search that found it first
    leads.mark_seen(store, [r.id for r in board.results(store)])

    assert watches.remove(store, first.id) == 1  # only the post the first search alone found

    [still] = board.results(store)
    assert (still.id, still.post_id, still.watch_id, still.seen) == (kept.id, both.remote_id, second.id, True)
    # The second search's next run finds it again: nothing new, nothing stored twice.
    assert run(store, searcher, T0 + timedelta(minutes=20)) == []
    assert board.new_count(store) == 0
    assert [(w.query, w.found, w.new) for w in watches.list_watches(store)] == [("#mariage", 1, 0)]
    # Removing the last search that found it takes it away.
    assert watches.remove(store, second.id) == 1
    assert board.results(store) == []


def test_a_hashtag_search_keeps_only_posts_that_carry_the_hashtag(store: Store) -> None:
    """A server may ignore the hashtag asked for (Bluesky's local AppView does): the core checks it."""
    account = add_account(store)
    watches.add(store, account, "#fleurs", T0)
    searcher = Searcher({"#fleurs": [post(1, "De jolies #fleurs"), post(2, "Des fleurs sans hashtag")]})
    run(store, searcher)
    assert [r.text for r in board.results(store)] == ["De jolies #fleurs"]


def test_old_posts_are_left_out_and_later_runs_look_back_a_little(store: Store) -> None:
    account = add_account(store)
    watches.add(store, account, "fleuriste Lyon", T0)
    searcher = Searcher({"fleuriste Lyon": [post(1), post(2, when=T0 - timedelta(days=30))]})
    run(store, searcher)
    assert [r.post_id for r in board.results(store)] == [post(1).remote_id]
    assert searcher.asked[0][1] == T0 - timedelta(days=7)
    run(store, searcher, T0 + timedelta(hours=1))
    assert searcher.asked[1][1] == T0 - timedelta(days=2)


def test_errors_hold_one_search_back_never_the_others(store: Store) -> None:
    first, second = add_account(store), add_account(store, "mastodon", "@shop@example.org", "42")
    broken = watches.add(store, first, "fleuriste Lyon", T0)
    fine = watches.add(store, second, "fleuriste Lyon", T0)
    searchers = {
        first: Searcher(fail=Unknown("502")),
        second: Searcher({"fleuriste Lyon": [post(1)]}),
    }
    result = run_due(store, lambda a: searchers[a.id or 0], T0)
    by_watch = {r.watch_id: r for r in result.runs}
    assert by_watch[broken.id or 0].error_code == m.SERVER
    assert by_watch[fine.id or 0].added
    # Backoff: 15 minutes, then 30...
    assert by_watch[broken.id or 0].next_run_at == T0 + timedelta(minutes=15)
    run_due(store, lambda a: searchers[a.id or 0], T0 + timedelta(minutes=15))
    with store.session() as session:
        held = session.get(Watch, broken.id)
        assert held is not None and held.failures == 2
        assert held.next_run_at is not None and held.next_run_at.replace(tzinfo=UTC) == T0 + timedelta(
            minutes=45
        )


def test_a_servers_wait_is_honoured(store: Store) -> None:
    account = add_account(store)
    watches.add(store, account, "fleuriste Lyon", T0)
    until = T0 + timedelta(minutes=40)
    searcher = Searcher(fail=RateLimited("429", until=until))
    [first] = run_due(store, lambda _a: searcher, T0).runs
    assert (first.error_code, first.next_run_at) == (m.RATE_LIMITED, until)
    searcher.fail = None
    assert run_due(store, lambda _a: searcher, T0 + timedelta(minutes=30)).runs == []
    assert len(run_due(store, lambda _a: searcher, until).runs) == 1
    assert "attendre" in first.message("fr")


def test_offline_and_a_server_that_cannot_search_say_so(store: Store) -> None:
    account = add_account(store, "mastodon", "@shop@example.org", "42")
    watches.add(store, account, "fleuriste Lyon", T0)
    [offline] = run_due(store, lambda _a: Searcher(fail=NotSent("down")), T0).runs
    assert offline.error_code == m.OFFLINE
    refusal = Refused("no search", code=NO_SEARCH_HERE)
    [nowhere] = run_due(store, lambda _a: Searcher(fail=refusal), T0 + timedelta(hours=1)).runs
    assert nowhere.error_code == m.NO_SEARCH_HERE
    assert "hashtag" in nowhere.message("fr") and "{" not in nowhere.message("en")


def test_a_server_without_full_text_is_said_plainly(store: Store) -> None:
    account = add_account(store, "mastodon", "@shop@example.org", "42")
    watches.add(store, account, "fleuriste Lyon", T0)
    [done] = run_due(store, lambda _a: Searcher(limited=WORDS_AS_TAGS), T0).runs
    assert done.note("fr") == (
        "Votre serveur Mastodon ne cherche pas dans les mots des publications. Nous écoutons plutôt les "
        "hashtags #fleuriste #Lyon."
    )
    [view] = watches.list_watches(store)
    assert view.limited == WORDS_AS_TAGS


def test_paused_searches_and_accounts_to_reconnect_wait(store: Store) -> None:
    account = add_account(store)
    watch = watches.add(store, account, "fleuriste Lyon", T0)
    searcher = Searcher({"fleuriste Lyon": [post(1)]})
    assert watch.id is not None
    watches.set_paused(store, watch.id, True, T0)
    assert run(store, searcher) == []
    watches.set_paused(store, watch.id, False, T0)
    with store.session() as session:
        row = session.get(Account, account)
        assert row is not None
        row.status = AccountStatus.NEEDS_RECONNECT.value
        session.add(row)
        session.commit()
    assert run(store, searcher) == [] and searcher.asked == []


def test_saved_searches_refuse_twins_and_networks_that_cannot_search(store: Store) -> None:
    account = add_account(store)
    watches.add(store, account, "fleuriste Lyon", T0)
    with pytest.raises(BadSearch) as twin:
        watches.add(store, account, "FLEURISTE  lyon", T0)
    assert twin.value.text is m.DUPLICATE
    with store.session() as session:
        facebook = Account(network="facebook", handle="Boutique")
        session.add(facebook)
        session.commit()
        assert facebook.id is not None
        facebook_id = facebook.id
    with pytest.raises(BadSearch) as elsewhere:
        watches.add(store, facebook_id, "fleuriste", T0)
    assert "Facebook" in elsewhere.value.message("fr")
    with pytest.raises(BadSearch) as which:
        watches.choose_account(store, str(facebook_id))
    assert which.value.text is m.CANNOT_SEARCH


def test_changing_the_words_runs_the_search_again_at_once(store: Store) -> None:
    account = add_account(store)
    watch = watches.add(store, account, "fleuriste Lyon", T0)
    assert watch.id is not None
    searcher = Searcher({"fleuriste Lyon": [post(1)], "fleuriste Villeurbanne": [post(2)]})
    run(store, searcher)
    watches.change(store, watch.id, "fleuriste Villeurbanne", T0 + timedelta(minutes=1))
    assert len(run(store, searcher, T0 + timedelta(minutes=2))) == 1
    assert watches.remove(store, watch.id) == 2
    assert board.results(store) == [] and watches.list_watches(store) == []


def test_the_only_account_that_can_search_is_chosen_else_the_person_says(store: Store) -> None:
    with pytest.raises(BadSearch) as none:
        watches.choose_account(store, None)
    assert none.value.text is m.NO_ACCOUNT
    first = add_account(store)
    assert watches.choose_account(store, None).id == first
    add_account(store, "mastodon", "@shop@example.org", "42")
    with pytest.raises(BadSearch) as which:
        watches.choose_account(store, None)
    assert which.value.text is m.WHICH_ACCOUNT
    assert watches.choose_account(store, "@shop@example.org").network == "mastodon"


# --- what the person does with a found post --------------------------------------------------------------


@dataclass
class Publisher:
    network: str = "bluesky"
    sent: list[OutgoingPost] = field(default_factory=list)

    def verify(self) -> AccountInfo:
        return AccountInfo("bluesky", "shop.test", "Shop", SHOP_DID, "")

    def limits(self) -> ServerLimits:
        return ServerLimits()

    def publish(self, out: OutgoingPost) -> PublishResult:
        self.sent.append(out)
        return PublishResult(
            f"at://{SHOP_DID}/app.bsky.feed.post/{out.idempotency_key}", "https://bsky.app/x"
        )

    def lookup(self, out: OutgoingPost) -> PublishResult | None:
        return None

    def delete(self, remote_id: str) -> None: ...

    def close(self) -> None: ...


def found_one(store: Store) -> int:
    account = add_account(store)
    watches.add(store, account, "fleuriste Lyon", T0)
    reply = RemotePost(
        **{
            **post(1).__dict__,
            "reply_root_id": "at://did:plc:root/app.bsky.feed.post/0",
            "reply_root_cid": "rootcid",
        }
    )
    run(store, Searcher({"fleuriste Lyon": [reply]}))
    [found] = board.results(store)
    return found.id


def test_an_answer_goes_through_the_outbox_once_under_the_found_post(store: Store, tmp_path: Path) -> None:
    result_id = found_one(store)
    queued = leads.answer(
        store,
        result_id,
        "Bonjour ! Nous livrons à Lyon.",
        T0,
        data_dir=tmp_path,
        renditions_dir=tmp_path / "r",
    )
    with pytest.raises(AnswerRefused):  # a second click while the first is on its way
        leads.answer(store, result_id, "Bonjour !", T0, data_dir=tmp_path, renditions_dir=tmp_path / "r")
    with store.session() as session:
        reply = session.get(PostReply, queued.post_id)
        assert reply is not None and reply.watch_result_id == result_id and reply.inbox_item_id is None
        assert (reply.parent_id, reply.root_id, reply.root_cid) == (
            post(1).remote_id,
            "at://did:plc:root/app.bsky.feed.post/0",
            "rootcid",
        )
        stored = session.get(Post, queued.post_id)
        assert stored is not None and stored.origin == f"answer:heard:{result_id}"
    publisher = Publisher()
    Outbox(store, lambda _a: publisher, ManualClock(T0 + timedelta(seconds=1))).run()
    [sent] = publisher.sent
    assert sent.reply_to is not None and sent.reply_to.parent_id == post(1).remote_id
    view = board.get(store, result_id)
    assert view is not None and view.answer == ANSWERED and view.seen


def test_an_empty_or_too_long_answer_is_refused_before_the_outbox(store: Store, tmp_path: Path) -> None:
    result_id = found_one(store)
    with pytest.raises(AnswerRefused):
        leads.answer(store, result_id, "  ", T0, data_dir=tmp_path, renditions_dir=tmp_path)
    with pytest.raises(AnswerRefused) as long:
        leads.answer(store, result_id, "x" * 400, T0, data_dir=tmp_path, renditions_dir=tmp_path)
    assert long.value.issues
    with pytest.raises(AnswerRefused):
        leads.answer(store, 999, "Bonjour", T0, data_dir=tmp_path, renditions_dir=tmp_path)


def test_a_like_is_sent_once(store: Store) -> None:
    result_id = found_one(store)
    keys = iter(["3like1", "3like2"])
    assert leads.request_like(store, result_id, lambda: next(keys)) is True
    assert leads.request_like(store, result_id, lambda: next(keys)) is False
    searcher = Searcher()
    [done] = leads.send_likes(store, lambda _a: searcher)
    assert done.state == LIKE_DONE and searcher.likes == [(post(1).remote_id, "3like1")]
    assert leads.send_likes(store, lambda _a: searcher) == []


def test_a_follow_is_sent_once_per_author_even_after_a_lost_answer(store: Store) -> None:
    account = add_account(store)
    watches.add(store, account, "fleuriste", T0)
    run(store, Searcher({"fleuriste": [post(1, "fleuriste ?"), post(2, "fleuriste !")]}))
    first, second = (r.id for r in board.results(store))
    keys = iter(["3follow1", "3follow2"])
    assert leads.request_follow(store, first, lambda: next(keys)) is True
    assert leads.request_follow(store, second, lambda: next(keys)) is False  # same author: asked already
    searcher = Searcher(lose_follow=True)
    [lost] = leads.send_follows(store, lambda _a: searcher)
    assert lost.state == LIKE_SENDING  # it may have arrived: kept, sent again with the same key
    [done] = leads.send_follows(store, lambda _a: searcher)
    assert done.state == LIKE_DONE
    assert searcher.follows == [("did:plc:marie", "3follow1"), ("did:plc:marie", "3follow1")]
    assert {r.follow_state for r in board.results(store)} == {LIKE_DONE}


def test_a_follow_waits_while_offline(store: Store) -> None:
    result_id = found_one(store)
    leads.request_follow(store, result_id, lambda: "3follow")

    class Offline(Searcher):
        def follow(self, author_id: str, key: str) -> str:
            raise NotSent("offline")

    [waiting] = leads.send_follows(store, lambda _a: Offline())
    assert waiting.state == LIKE_WAITING


def test_an_idea_lands_in_the_idea_box_and_the_wizard_keeps_it(store: Store) -> None:
    result_id = found_one(store)
    idea_id = leads.make_idea(store, result_id, T0, "Europe/Paris", "fr")
    assert leads.make_idea(store, result_id, T0, "Europe/Paris", "fr") == idea_id
    with store.session() as session:
        idea = session.get(Post, idea_id)
        assert idea is not None and idea.origin == f"idea:listening:{result_id}"
        assert idea.scheduled_utc is None and idea.text.startswith("Entendu sur Bluesky (marie.test)")
        assert session.exec(select(PostTarget).where(PostTarget.post_id == idea_id)).all() == []
    answers = ProfileAnswers(
        kind=BusinessKind.SHOP, goals=(), weekly_minutes=60, country="FR", town="Lyon", language="fr"
    )
    plan = onboarding.build_plan(answers, "Europe/Paris", T0.date())
    onboarding.apply(store, answers, "Europe/Paris", plan, now=T0)
    with store.session() as session:
        assert session.get(Post, idea_id) is not None


def test_dismissed_posts_stay_away_and_looking_clears_new(store: Store) -> None:
    result_id = found_one(store)
    assert board.new_count(store) == 1
    leads.mark_seen(store, [result_id])
    assert board.new_count(store) == 0
    leads.dismiss(store, [result_id])
    assert board.results(store) == []
    run(store, Searcher({"fleuriste Lyon": [post(1)]}), T0 + timedelta(hours=1))
    assert board.results(store) == []  # found again: still dismissed


def test_the_board_counts_new_per_search(store: Store) -> None:
    account = add_account(store)
    first = watches.add(store, account, "fleuriste Lyon", T0)
    watches.add(store, account, "#roses", T0)
    run(store, Searcher({"fleuriste Lyon": [post(1), post(2, "fleuriste Lyon demain")]}))
    shown = board.load_board(store, first.id)
    assert shown.new == 2 and len(shown.rows) == 2
    assert [(w.query, w.found, w.new) for w in shown.watches] == [("fleuriste Lyon", 2, 2), ("#roses", 0, 0)]
    assert shown.accounts == ((account, "bluesky", "shop.test"),)
