"""Answers and likes from the inbox (core/inbox/answers.py): queued through the outbox with their reply
reference, refused with a clear reason when they cannot be sent, "answered" only once the network confirms.
The real servers: tests/integration/test_inbox_appview.py (Bluesky) and test_inbox_mastodon_mock.py."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from cm_desktop.core.inbox import answers
from cm_desktop.core.inbox.answers import AnswerRefused, queue_answer
from cm_desktop.core.inbox.query import Filter, get_item, load_board, unread_to_answer
from cm_desktop.core.models import Account, InboxItem, Post, PostReply
from cm_desktop.core.outbox import Outbox, OutboxPolicy
from cm_desktop.core.ports import (
    AccountInfo,
    OutgoingPost,
    PublishResult,
    ReplyTo,
    ServerLimits,
    Unknown,
)
from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import Store, open_store

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield opened
    opened.close()


def add_item(store: Store, network: str = "bluesky", **values: object) -> int:
    with store.session() as session:
        account = Account(network=network, handle="shop.test", secret_ref="ref")
        session.add(account)
        session.flush()
        defaults: dict[str, object] = {
            "account_id": account.id,
            "network": network,
            "kind": "reply",
            "remote_id": f"n-{network}-{values.get('post_id', 'x')}",
            "sort_key": "0001",
            "created_at": T0,
            "author_handle": "marie.test",
            "author_name": "Marie",
            "text": "Vous livrez à Villeurbanne ?",
            "post_id": "at://did:plc:marie/app.bsky.feed.post/3reply",
            "post_cid": "bafyreply",
            "root_id": "at://did:plc:shop/app.bsky.feed.post/3root",
            "root_cid": "bafyroot",
        }
        defaults.update(values)
        item = InboxItem(**defaults)  # type: ignore[arg-type]
        session.add(item)
        session.commit()
        assert item.id is not None
        return item.id


def queue(store: Store, item_id: int, text: str, tmp_path: Path) -> answers.Queued:
    return queue_answer(store, item_id, text, T0, data_dir=tmp_path, renditions_dir=tmp_path / "r")


@dataclass
class Capturing:
    """A publisher that keeps what it was asked to send; `fail_first` loses the first answer's reply."""

    network: str = "bluesky"
    sent: list[OutgoingPost] = field(default_factory=list)
    on_server: dict[str, OutgoingPost] = field(default_factory=dict)
    fail_first: bool = False

    def verify(self) -> AccountInfo:  # pragma: no cover
        raise NotImplementedError

    def limits(self) -> ServerLimits:  # pragma: no cover
        return ServerLimits()

    def publish(self, post: OutgoingPost) -> PublishResult:
        self.sent.append(post)
        self.on_server.setdefault(post.idempotency_key, post)
        if self.fail_first:
            self.fail_first = False
            raise Unknown("connection reset", code="network")
        return PublishResult(remote_id=f"at://me/{post.idempotency_key}", url="https://bsky.app/x")

    def lookup(self, post: OutgoingPost) -> PublishResult | None:
        if post.idempotency_key in self.on_server:
            return PublishResult(remote_id=f"at://me/{post.idempotency_key}", url="https://bsky.app/x")
        return None

    def delete(self, remote_id: str) -> None:  # pragma: no cover
        pass

    def close(self) -> None:
        pass


def run_outbox(store: Store, publisher: Capturing, when: datetime) -> None:
    Outbox(store, lambda _a: publisher, ManualClock(when), policy=OutboxPolicy()).run()


def test_bluesky_answer_goes_under_the_reply_with_the_threads_true_root(store: Store, tmp_path: Path) -> None:
    item_id = add_item(store)
    queued = queue(store, item_id, "Oui, le samedi matin !", tmp_path)
    assert queued.text == "Oui, le samedi matin !"
    publisher = Capturing()
    run_outbox(store, publisher, T0 + timedelta(seconds=1))
    [sent] = publisher.sent
    assert sent.reply_to == ReplyTo(
        parent_id="at://did:plc:marie/app.bsky.feed.post/3reply",
        root_id="at://did:plc:shop/app.bsky.feed.post/3root",
        parent_cid="bafyreply",
        root_cid="bafyroot",
    )
    item = get_item(store, item_id)
    assert item is not None and item.answered and item.read
    with store.session() as session:
        post = session.exec(select(Post)).one()
        assert post.origin == f"answer:{item_id}"


def test_a_top_level_mention_is_its_own_root(store: Store, tmp_path: Path) -> None:
    item_id = add_item(store, kind="mention", root_id="", root_cid="")
    queue(store, item_id, "Merci !", tmp_path)
    with store.session() as session:
        reply = session.exec(select(PostReply)).one()
    assert (reply.root_id, reply.root_cid) == (reply.parent_id, reply.parent_cid)


def test_mastodon_answer_keeps_the_audience_and_names_the_author(store: Store, tmp_path: Path) -> None:
    item_id = add_item(
        store,
        "mastodon",
        post_id="110",
        post_cid="",
        root_id="",
        root_cid="",
        visibility="unlisted",
        author_mention="@marie@piaille.fr",
    )
    queued = queue(store, item_id, "Oui, le samedi matin !", tmp_path)
    assert queued.text == "@marie@piaille.fr Oui, le samedi matin !"
    publisher = Capturing(network="mastodon")
    run_outbox(store, publisher, T0 + timedelta(seconds=1))
    [sent] = publisher.sent
    assert sent.reply_to == ReplyTo(parent_id="110", visibility="unlisted", mention="@marie@piaille.fr")
    assert sent.text == "@marie@piaille.fr Oui, le samedi matin !"


@pytest.mark.parametrize("typed", ["@marie merci !", "Merci @Marie@piaille.fr !"])
def test_a_mastodon_answer_that_names_the_author_is_left_as_typed(
    store: Store, tmp_path: Path, typed: str
) -> None:
    item_id = add_item(store, "mastodon", post_id="110", author_mention="@marie@piaille.fr")
    assert queue(store, item_id, typed, tmp_path).text == typed


def test_answered_only_once_the_network_confirms_and_never_twice(store: Store, tmp_path: Path) -> None:
    item_id = add_item(store)
    queue(store, item_id, "Oui !", tmp_path)
    assert get_item(store, item_id).answer == answers.ON_ITS_WAY  # type: ignore[union-attr]
    with pytest.raises(AnswerRefused) as caught:
        queue(store, item_id, "Oui !", tmp_path)  # a second click while it is on its way
    assert caught.value.text is answers.m.ANSWER_PENDING

    publisher = Capturing(fail_first=True)  # the answer arrives, its confirmation is lost
    run_outbox(store, publisher, T0 + timedelta(seconds=1))
    assert len(publisher.on_server) == 1 and len(publisher.sent) == 1  # looked up, not sent again
    assert get_item(store, item_id).answer == answers.ANSWERED  # type: ignore[union-attr]


def test_an_answer_over_the_networks_limit_is_refused_with_the_composers_words(
    store: Store, tmp_path: Path
) -> None:
    item_id = add_item(store)
    with pytest.raises(AnswerRefused) as caught:
        queue(store, item_id, "é" * 301, tmp_path)
    assert caught.value.issues == ("Your text is too long for Bluesky: shorten it by 1 characters.",)
    with store.session() as session:
        assert session.exec(select(Post)).all() == []


def test_the_servers_own_limit_counts_for_mastodon(store: Store, tmp_path: Path) -> None:
    item_id = add_item(store, "mastodon", post_id="110", author_mention="@m@x.fr")
    with store.session() as session:
        account = session.exec(select(Account)).one()
        account.server_limits = '{"max_characters": 1000}'
        session.add(account)
        session.commit()
    queue(store, item_id, "a" * 900, tmp_path)  # over 500, under the server's 1,000


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"kind": "like"}, "NOTHING_TO_ANSWER"),
        ({"gone": "deleted"}, "POST_GONE"),
        ({"gone": "blocked"}, "BLOCKED"),
    ],
)
def test_what_cannot_be_answered_says_why(
    store: Store, tmp_path: Path, values: dict[str, str], expected: str
) -> None:
    item_id = add_item(store, **values)
    with pytest.raises(AnswerRefused) as caught:
        queue(store, item_id, "Bonjour", tmp_path)
    assert caught.value.text is getattr(answers.m, expected)
    assert caught.value.message("fr") != caught.value.message("en")


def test_an_empty_answer_and_an_unknown_message_are_refused(store: Store, tmp_path: Path) -> None:
    item_id = add_item(store)
    with pytest.raises(AnswerRefused) as empty:
        queue(store, item_id, "   ", tmp_path)
    assert empty.value.text is answers.m.EMPTY_ANSWER
    with pytest.raises(AnswerRefused) as unknown:
        queue(store, 999, "Bonjour", tmp_path)
    assert unknown.value.message("en") == "There is no message 999."


@dataclass
class Liker:
    likes: dict[str, str] = field(default_factory=dict)  # key -> post
    fail: list[Exception] = field(default_factory=list)

    def like(self, remote_id: str, cid: str, key: str) -> str:
        self.likes.setdefault(key, remote_id)
        if self.fail:
            raise self.fail.pop(0)
        return f"at://me/like/{key}"

    def close(self) -> None:
        pass


def test_a_like_is_sent_once_even_when_its_answer_is_lost(store: Store) -> None:
    item_id = add_item(store)
    keys = iter(["3like1", "3like2"])
    assert answers.request_like(store, item_id, lambda: next(keys)) is True
    assert answers.request_like(store, item_id, lambda: next(keys)) is False  # asked already
    liker = Liker(fail=[Unknown("reset", code="network")])
    [lost] = answers.send_likes(store, lambda _a: liker)
    assert lost.state == answers.LIKE_SENDING
    [done] = answers.send_likes(store, lambda _a: liker)
    assert done.state == answers.LIKE_DONE
    assert liker.likes == {"3like1": "at://did:plc:marie/app.bsky.feed.post/3reply"}  # one key, one like


def test_the_board_groups_likes_per_post_and_day_and_puts_what_waits_first(store: Store) -> None:
    item_id = add_item(store, created_at=T0 - timedelta(hours=2))
    answered = add_item(store, kind="mention", remote_id="m2", post_id="at://x/2", created_at=T0)
    with store.session() as session:
        account_id = session.exec(select(Account)).first().id  # type: ignore[union-attr]
        for n, who in enumerate(["Marie", "Paul", "Léa"]):
            session.add(
                InboxItem(
                    account_id=account_id,
                    network="bluesky",
                    kind="like",
                    remote_id=f"like{n}",
                    sort_key=f"00{n}",
                    created_at=T0 - timedelta(minutes=n),
                    author_name=who,
                    subject_id="at://me/post/1",
                    subject_text="Nos roses",
                    read=n > 0,
                )
            )
        session.add(
            InboxItem(
                account_id=account_id,
                network="bluesky",
                kind="like",
                remote_id="like-yesterday",
                created_at=T0 - timedelta(days=1),
                author_name="Zoé",
                subject_id="at://me/post/1",
                subject_text="Nos roses",
            )
        )
        session.commit()

    queue_answer(store, answered, "Merci", T0, data_dir=Path("."), renditions_dir=Path("r"))
    board = load_board(store, Filter(view="all"), "Europe/Paris")
    likes = [r for r in board.rows if r.kind == "like"]
    assert [(r.people, r.subject_text, r.read) for r in likes] == [
        (("Marie", "Paul", "Léa"), "Nos roses", False),
        (("Zoé",), "Nos roses", False),
    ]
    to_answer = load_board(store, Filter(view="to_answer"), "Europe/Paris")
    assert [r.first_id for r in to_answer.rows] == [item_id, answered]  # the answered one after
    assert (to_answer.to_answer, unread_to_answer(store)) == (1, 1)


def test_an_answer_queued_while_offline_goes_out_late_without_asking(store: Store, tmp_path: Path) -> None:
    """A post found late asks the person; an answer is still wanted: it goes out when the connection is back."""
    item_id = add_item(store)
    queue(store, item_id, "Oui !", tmp_path)
    publisher = Capturing()
    run_outbox(store, publisher, T0 + timedelta(hours=5))  # the computer was offline all afternoon
    assert len(publisher.sent) == 1
    assert get_item(store, item_id).answer == answers.ANSWERED  # type: ignore[union-attr]


def test_removing_the_account_removes_its_messages(store: Store) -> None:
    item_id = add_item(store)
    with store.session() as session:
        session.delete(session.exec(select(Account)).one())
        session.commit()
        assert session.get(InboxItem, item_id) is None
