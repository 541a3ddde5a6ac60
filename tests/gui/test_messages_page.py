"""The Messages page through its real widgets: the list and its model, the conversation, the answer box with
the composer's counter and checks, the keyboard, the empty states, the badge, desktop notifications and the
"check your messages" cards. A real store and the real core; the network is a scripted one
(tests/unit/test_inbox_sync.py's), the real servers are in tests/integration/test_inbox_appview.py."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlmodel import select

from cm_desktop.core.inbox import sync
from cm_desktop.core.inbox.answers import LikeOutcome, send_likes
from cm_desktop.core.inbox.query import Row
from cm_desktop.core.models import Account, InboxItem, Post, PostReply, Slot
from cm_desktop.core.ports import Author, Notification, PostGone, RemotePost, Thread
from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import Store, open_store
from cm_desktop.ui.messages.controller import InboxController, InboxServices
from cm_desktop.ui.messages.conversation import Bubble
from cm_desktop.ui.messages.model import MessagesModel, MessageWords
from cm_desktop.ui.tasks import SyncTaskRunner
from tests.unit.test_inbox_sync import Network, note

T0 = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)  # Monday, 14:00 in Paris: the scripted network's day


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield opened
    opened.close()


def add_account(store: Store, network: str = "bluesky", handle: str = "shop.bsky.social") -> int:
    with store.session() as session:
        account = Account(network=network, handle=handle, secret_ref="ref")
        session.add(account)
        session.commit()
        assert account.id is not None
        return account.id


@dataclass
class Fake:
    """The network side: a scripted network per account, and what the page asked of it."""

    store: Store
    networks: dict[int, Network] = field(default_factory=dict)
    threads: dict[str, Thread | Exception] = field(default_factory=dict)
    pushed: list[list[int]] = field(default_factory=list)
    likes: list[str] = field(default_factory=list)
    syncs: list[timedelta | None] = field(default_factory=list)
    now: datetime = T0

    def sync(self, interval: timedelta | None) -> sync.SyncRun:
        self.syncs.append(interval)
        return sync.sync_all(self.store, lambda a: self.networks[a.id or 0], self.now, interval=interval)

    def thread(self, account_id: int, remote_id: str) -> Thread:
        found = self.threads.get(remote_id)
        if isinstance(found, Exception):
            raise found
        if found is None:  # the post as it is, alone in its thread
            return Thread(RemotePost(remote_id, "", Author("someone.test"), "…", self.now))
        return found

    def send_likes(self) -> list[LikeOutcome]:
        class Liker:
            def like(inner, remote_id: str, cid: str, key: str) -> str:
                self.likes.append(remote_id)
                return "at://like"

        return send_likes(self.store, lambda _a: Liker())

    def push_seen(self, account_ids: Sequence[int]) -> dict[int, str]:
        self.pushed.append(list(account_ids))
        return {}

    def services(self) -> InboxServices:
        return InboxServices(self.sync, self.thread, self.send_likes, self.push_seen)


@dataclass
class App:
    controller: InboxController
    fake: Fake
    clock: ManualClock
    notices: list[tuple[str, str]]
    opened: list[str]

    @property
    def page(self) -> Any:
        return self.controller.page


def make_app(qtbot: QtBot, store: Store, tmp_path: Path, fake: Fake | None = None) -> App:
    fake = fake or Fake(store)
    clock = ManualClock(T0)
    notices: list[tuple[str, str]] = []
    opened: list[str] = []
    keys = iter(f"3like{n}" for n in range(100))

    def notify(title: str, message: str) -> bool:
        notices.append((title, message))
        return True

    def open_url(url: QUrl) -> bool:
        opened.append(url.toString())
        return True

    controller = InboxController(
        store,
        fake.services(),
        SyncTaskRunner(),
        clock,
        "Europe/Paris",
        lambda: "en",
        show_notification=notify,
        open_url=open_url,
        data_dir=tmp_path,
        renditions_dir=tmp_path / "renditions",
        new_key=lambda: next(keys),
        tick_ms=3_600_000,
    )
    qtbot.addWidget(controller.page)
    controller.page.resize(1100, 700)
    return App(controller, fake, clock, notices, opened)


def network_with(*numbers: int) -> Network:
    network = Network()
    network.arrive(*numbers)
    return network


def rows(app: App) -> list[Row]:
    return app.page.model.rows()


def select_row(app: App, number: int) -> None:
    app.page.list.setCurrentIndex(app.page.model.index(number, 0))


def test_the_model_passes_qts_own_checks(
    qtbot: QtBot, qtmodeltester: Any, store: Store, tmp_path: Path
) -> None:
    account = add_account(store)
    app = make_app(qtbot, store, tmp_path)
    app.fake.networks[account] = network_with(*range(12))
    app.controller.start()
    app.page.show_everything()
    assert len(rows(app)) >= 5
    qtmodeltester.check(app.page.model)
    empty = MessagesModel("UTC", lambda: T0)
    qtmodeltester.check(empty)


def test_without_an_account_the_page_says_how_to_start(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    app = make_app(qtbot, store, tmp_path)
    app.controller.start()
    page = app.page
    assert page.left.currentIndex() == 1
    assert "Connect an account to start" in page.empty_text.text()
    with qtbot.waitSignal(page.accounts_requested):
        page.empty_button.click()


def test_first_reading_fills_the_list_without_a_desktop_notification_then_new_replies_notify(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    account = add_account(store)
    app = make_app(qtbot, store, tmp_path)
    network = app.fake.networks[account] = network_with(0, 2, 3)  # a reply, a like, a repost
    badges: list[int] = []
    app.controller.unread_changed.connect(badges.append)
    app.controller.start()
    assert [r.kind for r in rows(app)] == ["reply"]  # "To answer" first
    assert app.notices == []  # old messages: nothing to announce
    assert badges[-1] == 1
    assert app.page.to_answer_button.text() == "To answer (1)"

    network.arrive(4)  # a like: no notification for likes
    app.fake.now = app.clock.now() + timedelta(minutes=6)
    app.controller.check_now()
    assert app.notices == []
    network.arrive(6)  # a reply
    app.controller.check_now()
    assert app.notices == [("Person 6 replied to you", "message 6")]
    assert badges[-1] == 2
    app.page.list.clearSelection()
    app.controller.on_notification_clicked()
    current = app.page.model.row_at(app.page.list.currentIndex())
    assert current is not None and current.text == "message 6"


def test_likes_reposts_and_follows_are_grouped_per_post_and_day(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    account = add_account(store)
    network = Network()
    for n, who in enumerate(["Marie", "Paul", "Léa"]):
        base = note(n, kind="like")
        network.items.append(
            Notification(
                base.remote_id,
                "like",
                Author(f"{who.lower()}.test", who),
                base.created_at,
                base.sort_key,
                subject_id="at://me/post/1",
            )
        )
    network.items.reverse()
    network.texts = {"at://me/post/1": "Nos roses de Lyon sont arrivées"}
    app = make_app(qtbot, store, tmp_path)
    app.fake.networks[account] = network
    app.controller.start()
    app.page.show_everything()
    [group] = rows(app)
    assert app.page.model.data(app.page.model.index(0, 0)) == "Léa and 2 others liked your post"
    assert group.subject_text == "Nos roses de Lyon sont arrivées"
    select_row(app, 0)
    assert not app.page.pane.answer_area.isVisibleTo(app.page.pane)  # nothing to answer in a like


def test_french_plurals(qtbot: QtBot) -> None:
    from cm_desktop.ui.i18n import Translations

    app = QApplication.instance()
    assert isinstance(app, QCoreApplication)
    translations = Translations(app)
    try:
        translations.apply("fr")
        words = MessageWords()
        row = Row("k", "like", "bluesky", 1, (1, 2), ("Marie", "Paul"), 3, "", "", T0, False, "", "", "")
        assert words.headline(row) == "Marie et 4 autres ont aimé votre publication"
        one = Row("k", "like", "bluesky", 1, (1, 2), ("Marie", "Paul"), 0, "", "", T0, False, "", "", "")
        assert words.headline(one) == "Marie et 1 autre ont aimé votre publication"
    finally:
        translations.apply("en")


def test_opening_a_reply_shows_the_conversation_marks_it_read_and_tells_the_network(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    account = add_account(store)
    app = make_app(qtbot, store, tmp_path)
    app.fake.networks[account] = network_with(0)
    question = RemotePost("at://other/post/0", "", Author("p0.test", "Person 0"), "message 0", T0)
    original = RemotePost("at://me/post/1", "", Author("shop.test", "La boutique"), "Nos roses", T0)
    ours = RemotePost(
        "at://me/post/9",
        "",
        Author("shop.test", "La boutique"),
        "Merci !",
        T0,
        reply_parent_id=question.remote_id,
    )
    app.fake.threads[question.remote_id] = Thread(question, ancestors=(original,), replies=(ours,))
    app.controller.start()
    select_row(app, 0)
    pane = app.page.pane
    texts = [b.accessibleName() for b in pane.thread_box.findChildren(Bubble) if not b.isHidden()]
    assert texts == ["La boutique: Nos roses", "Person 0: message 0", "La boutique: Merci !"]
    assert app.fake.pushed == [[account]]
    with store.session() as session:
        assert session.exec(select(InboxItem)).one().read


def test_keyboard_moves_answers_and_archives(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    account = add_account(store)
    app = make_app(qtbot, store, tmp_path)
    app.fake.networks[account] = network_with(0, 1, 6)  # reply, mention, reply
    app.controller.start()
    page = app.page
    page.show()
    page.activateWindow()
    qtbot.waitActive(page)
    page.list.setFocus()
    select_row(app, 0)
    qtbot.keyClick(page.list, Qt.Key.Key_Down)
    assert page.list.currentIndex().row() == 1
    qtbot.keyClick(page.list, Qt.Key.Key_R)
    qtbot.waitUntil(page.pane.answer.hasFocus)
    page.list.setFocus()
    before = [r.key for r in rows(app)]
    qtbot.keyClick(page.list, Qt.Key.Key_E)
    after = [r.key for r in rows(app)]
    assert len(after) == len(before) - 1 and before[1] not in after
    with store.session() as session:
        assert len([i for i in session.exec(select(InboxItem)).all() if i.archived]) == 1


def test_the_answer_box_counts_like_the_network_and_queues_once(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    account = add_account(store)
    app = make_app(qtbot, store, tmp_path)
    app.fake.networks[account] = network_with(0)
    app.fake.threads["at://other/post/0"] = Thread(
        RemotePost("at://other/post/0", "", Author("p0"), "message 0", T0)
    )
    app.controller.start()
    select_row(app, 0)
    pane = app.page.pane
    assert not pane.send_button.isEnabled()  # nothing written yet
    pane.answer.setPlainText("é" * 301)
    assert pane.counters.labels()["bluesky"].text().endswith("301 / 300</span>")
    assert "shorten it by 1" in pane.issues.text() and not pane.send_button.isEnabled()
    pane.answer.setPlainText("Oui, le samedi matin !")
    assert pane.send_button.isEnabled() and pane.issues.text() == ""
    queued: list[int] = []
    app.controller.answer_queued.connect(queued.append)
    pane.send_button.click()
    assert len(queued) == 1 and pane.answer.toPlainText() == ""
    assert "sent once" in pane.note.text()
    [row] = rows(app)
    assert row.answer == "sending"
    with store.session() as session:
        reply = session.exec(select(PostReply)).one()
        assert reply.parent_id == "at://other/post/0"
        assert session.exec(select(Post)).one().origin.startswith("answer:")
    select_row(app, 0)
    pane.answer.setPlainText("Encore")
    pane.send_button.click()  # the first answer is still on its way: not a second one
    assert len(queued) == 1 and "already on its way" in pane.note.text()


def test_a_mastodon_answer_starts_with_the_mention_the_counter_counts(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    account = add_account(store, "mastodon", "@shop@piaille.fr")
    with store.session() as session:
        session.add(
            InboxItem(account_id=account, network="mastodon", kind="mention", remote_id="1", sort_key="1",
                      created_at=T0, author_handle="@marie@piaille.fr", author_mention="@marie@piaille.fr",
                      text="Bonjour", post_id="110", visibility="unlisted")
        )  # fmt: skip
        session.commit()
    app = make_app(qtbot, store, tmp_path)
    app.fake.networks[account] = Network()
    app.controller.start()
    select_row(app, 0)
    assert app.page.pane.answer.toPlainText() == "@marie@piaille.fr "
    # "@marie" counts: the server's host does not (Mastodon counts a mention without it), nor the space at
    # the end (the server strips the text's ends before counting).
    assert "6 / 500" in app.page.pane.counters.labels()["mastodon"].text()


def test_like_is_sent_once(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    account = add_account(store)
    app = make_app(qtbot, store, tmp_path)
    app.fake.networks[account] = network_with(0)
    app.controller.start()
    select_row(app, 0)
    app.page.pane.like_button.click()
    assert app.fake.likes == ["at://other/post/0"]
    select_row(app, 0)
    assert not app.page.pane.like_button.isEnabled() and app.page.pane.like_button.text() == "Liked"


def test_a_deleted_post_says_so_and_offers_no_answer(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    account = add_account(store)
    app = make_app(qtbot, store, tmp_path)
    app.fake.networks[account] = network_with(0)
    app.fake.threads["at://other/post/0"] = PostGone("gone", code="not_found")
    app.controller.start()
    select_row(app, 0)
    pane = app.page.pane
    assert "deleted" in pane.note.text()
    assert not pane.answer.isEnabled() and not pane.send_button.isEnabled()
    with store.session() as session:
        assert session.exec(select(InboxItem)).one().gone == "deleted"
    assert rows(app)[0].gone == "deleted"


def test_mark_all_read_clears_the_badge_and_tells_every_network(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    account = add_account(store)
    app = make_app(qtbot, store, tmp_path)
    app.fake.networks[account] = network_with(0, 1, 2)
    badges: list[int] = []
    app.controller.unread_changed.connect(badges.append)
    app.controller.start()
    assert badges[-1] == 2
    app.page.read_all_button.click()
    assert badges[-1] == 0 and app.fake.pushed[-1] == [account]
    assert not app.page.read_all_button.isEnabled()


def test_problems_reading_an_account_are_said_plainly(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    from cm_desktop.core.ports import Unknown

    account = add_account(store)
    app = make_app(qtbot, store, tmp_path)
    network = app.fake.networks[account] = network_with(0)
    network.failures[1] = Unknown("server trouble", code="server_error")
    app.controller.start()
    assert "Bluesky had a problem while we were reading your messages" in app.page.problems.text()
    assert app.page.problems.isVisibleTo(app.page)


def test_networks_the_app_cannot_read_get_a_card_and_a_weekly_reminder(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    with store.session() as session:
        session.add(Slot(network="facebook", weekday=0, minute_of_day=9 * 60))  # Monday 09:00
        session.commit()
    app = make_app(qtbot, store, tmp_path)
    app.clock.advance(timedelta(days=2))  # Wednesday: past Tuesday 09:00, this week's reminder is due
    app.fake.now = app.clock.now()
    app.controller.start()
    [card] = app.page.cards
    assert card.network == "facebook" and card.overdue
    assert app.notices == [
        (
            "Check your messages on Facebook",
            "People may be waiting for an answer. Click here to open the page.",
        )
    ]
    widget = app.page.pane.cards_layout.itemAt(0).widget()
    assert "cannot read your Facebook messages" in widget.body.text()
    widget.open_button.click()
    assert app.opened == ["https://business.facebook.com/latest/inbox/all"]
    widget.done_button.click()
    assert app.page.cards[0].done_this_week
    app.controller.check_now()
    assert len(app.notices) == 1  # reminded once a week


def test_the_tray_shows_the_number_to_answer(qtbot: QtBot) -> None:
    from PySide6.QtGui import QIcon

    from cm_desktop.ui.tray import Tray

    tray = Tray(QIcon())
    tray.set_unread(3)
    assert tray.icon.toolTip() == "CM Desktop — 3 messages to answer"
    assert not tray.icon.icon().isNull()
    tray.set_unread(0)
    assert tray.icon.toolTip() == "CM Desktop"


def test_reading_is_faster_while_the_page_is_on_screen(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    from cm_desktop.ui.messages.controller import FAST, SLOW

    add_account(store)
    app = make_app(qtbot, store, tmp_path)
    app.fake.networks[1] = Network()
    app.controller.start()
    app.page.show()
    qtbot.waitExposed(app.page)
    app.controller.tick()
    app.page.hide()
    app.controller.tick()
    app.controller.set_online(False)
    app.controller.tick()  # offline: nothing is asked
    app.controller.set_online(True)  # back: read at once
    assert app.fake.syncs == [SLOW, FAST, SLOW, SLOW]
