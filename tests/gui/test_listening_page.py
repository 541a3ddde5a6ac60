"""The Listening page through its real widgets: the saved searches (add with the profile's ideas, refuse what
cannot be searched, change, pause, remove), the list and its model, the post and what can be done with it
(answer, like, follow, keep as an idea, dismiss; R and E), the empty states, the number of new posts on
the navigation, the timer. A real store and the real core; the network is a scripted searcher
(tests/unit/test_listening_core.py's); the real servers are in tests/integration/test_listening_*.py."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlmodel import select

from cm_desktop.core.listening import board, leads, watches
from cm_desktop.core.listening.run import ListenRun, run_due
from cm_desktop.core.models import Post, PostReply, Watch, WatchResult
from cm_desktop.core.ports import RemotePost
from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import Store, open_store
from cm_desktop.ui.listening.controller import ListeningController, ListeningServices
from cm_desktop.ui.listening.model import ResultsModel
from cm_desktop.ui.listening.watch_dialog import WatchDialog
from cm_desktop.ui.tasks import SyncTaskRunner
from tests.unit.test_listening_core import Searcher, add_account, post

T0 = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield opened
    opened.close()


@dataclass
class Fake:
    store: Store
    searcher: Searcher = field(default_factory=Searcher)
    runs: int = 0
    now: datetime = T0
    opened: list[str] = field(default_factory=list)

    def run(self) -> ListenRun:
        self.runs += 1
        return run_due(self.store, lambda _a: self.searcher, self.now)

    def send_likes(self) -> list[leads.LikeOutcome]:
        return leads.send_likes(self.store, lambda _a: self.searcher)

    def send_follows(self) -> list[leads.FollowOutcome]:
        return leads.send_follows(self.store, lambda _a: self.searcher)


def controller(qtbot: QtBot, store: Store, fake: Fake, tmp_path: Path) -> ListeningController:
    made = ListeningController(
        store,
        ListeningServices(run=fake.run, send_likes=fake.send_likes, send_follows=fake.send_follows),
        SyncTaskRunner(),
        ManualClock(T0),
        "Europe/Paris",
        lambda: "en",
        open_url=lambda url: fake.opened.append(url.toString()) or True,
        data_dir=tmp_path,
        renditions_dir=tmp_path / "r",
        new_key=lambda: "3key",
        tick_ms=3_600_000,
    )
    qtbot.addWidget(made.page)
    made.page.set_profile("Fleurs de Marie", "Lyon", "shop", "fleuriste")
    return made


def seeded(qtbot: QtBot, store: Store, tmp_path: Path) -> tuple[ListeningController, Fake]:
    account = add_account(store)
    watches.add(store, account, "fleuriste Lyon", T0)
    fake = Fake(
        store, Searcher({"fleuriste Lyon": [post(1), post(2, "Un fleuriste à Lyon ouvert dimanche ?")]})
    )
    made = controller(qtbot, store, fake, tmp_path)
    made.start()
    return made, fake


def test_the_results_model_passes_qts_checks(qtmodeltester: object, store: Store) -> None:
    account = add_account(store)
    watches.add(store, account, "fleuriste Lyon", T0)
    run_due(store, lambda _a: Searcher({"fleuriste Lyon": [post(1), post(2)]}), T0)
    model = ResultsModel("Europe/Paris", lambda: T0)
    model.set_rows(board.results(store))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.rowCount() == 2
    spoken = model.data(model.index(0, 0), Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("New. Marie. Bluesky") and "Found by “fleuriste Lyon”" in spoken


def test_no_account_teaches_and_sends_to_accounts(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    made = controller(qtbot, store, Fake(store), tmp_path)
    page = made.page
    assert page.left.currentIndex() == 1 and not page.add_button.isEnabled()
    assert "Connect a Bluesky or Mastodon account" in page.empty_text.text()
    with qtbot.waitSignal(made.accounts_requested):
        page.empty_button.click()


def test_adding_a_search_with_the_profiles_ideas_runs_it_at_once(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    add_account(store)
    fake = Fake(store, Searcher({"fleuriste Lyon": [post(1)]}))
    made = controller(qtbot, store, fake, tmp_path)
    made.start()
    page = made.page
    assert "Save a search with your trade and your town" in page.empty_text.text()
    assert not page.searches_row.isVisibleTo(page)
    page.empty_button.click()
    dialog = page.dialog
    assert isinstance(dialog, WatchDialog)
    assert [b.text() for b in dialog.idea_buttons][:2] == ["fleuriste Lyon", '"Fleurs de Marie"']
    assert not dialog.save_button.isEnabled() and not dialog.problem.isVisibleTo(dialog)  # calm when empty
    dialog.idea_buttons[0].click()
    assert dialog.field.text() == "fleuriste Lyon" and dialog.save_button.isEnabled()
    runs = fake.runs
    dialog.save_button.click()
    assert fake.runs == runs + 1  # the new search is made at once
    assert [w.query for w in watches.list_watches(store)] == ["fleuriste Lyon"]
    assert page.model.rowCount() == 1 and page.watch_choice.currentText().startswith("“fleuriste Lyon”")


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("#", "Write the word right after the # sign"),
        ("🌸🌷", "emoji and signs alone cannot be searched"),
        ("le la les", "has only very common words"),
        ("x" * 500, "keep it under 100 characters (this one has 500)"),
        ("@", "Write the account's name right after the @ sign"),
    ],
)
def test_the_dialog_says_plainly_what_cannot_be_searched(qtbot: QtBot, typed: str, said: str) -> None:
    dialog = WatchDialog("en", [(1, "bluesky", "shop.test")], [])
    qtbot.addWidget(dialog)
    dialog.field.setText(typed)
    assert said in dialog.problem.text()
    assert dialog.problem.isVisibleTo(dialog) and not dialog.save_button.isEnabled()


def test_the_dialog_refuses_a_twin_on_the_same_account_only(qtbot: QtBot) -> None:
    accounts = [(1, "bluesky", "shop.test"), (2, "mastodon", "@shop@example.org")]
    dialog = WatchDialog("fr", accounts, [(7, 1, "fleuriste Lyon")])
    qtbot.addWidget(dialog)
    assert dialog.account.isVisibleTo(dialog)
    dialog.field.setText("Fleuriste  LYON")
    assert "Vous écoutez déjà" in dialog.problem.text() and not dialog.save_button.isEnabled()
    dialog.account.setCurrentIndex(1)
    assert dialog.problem.text() == "" and dialog.save_button.isEnabled()


def test_a_post_opens_and_is_answered_through_the_outbox(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    made, _fake = seeded(qtbot, store, tmp_path)
    page = made.page
    assert page.model.rowCount() == 2
    page.list.setCurrentIndex(page.model.index(0, 0))
    pane = page.pane
    assert pane.stack.currentIndex() == 1 and pane.title.text() == "Marie"
    assert "Found by “fleuriste Lyon”" in pane.meta.text()
    assert not pane.send_button.isEnabled()
    pane.answer.setPlainText("x" * 301)
    assert not pane.send_button.isEnabled() and pane.box.issues.text()
    pane.answer.setPlainText("Bonjour ! Nous livrons à Lyon.")
    queued: list[int] = []
    made.answer_queued.connect(queued.append)
    pane.send_button.click()
    assert len(queued) == 1 and "sent once" in pane.note.text()
    with store.session() as session:
        reply = session.get(PostReply, queued[0])
        assert reply is not None and reply.watch_result_id is not None
    states = {r.id: r.answer for r in page.model.rows()}
    assert "sending" in states.values()


def test_like_follow_idea_and_open(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    made, fake = seeded(qtbot, store, tmp_path)
    page, pane = made.page, made.page.pane
    page.list.setCurrentIndex(page.model.index(0, 0))
    pane.like_button.click()
    assert fake.searcher.likes and pane.like_button.text() == "Liked" and not pane.like_button.isEnabled()
    pane.follow_button.click()
    assert fake.searcher.follows == [("did:plc:marie", "3key")]
    assert pane.follow_button.text() == "Following"
    ideas: list[int] = []
    made.idea_made.connect(ideas.append)
    pane.idea_button.click()
    assert len(ideas) == 1 and not pane.idea_button.isEnabled()
    with store.session() as session:
        idea = session.get(Post, ideas[0])
        assert idea is not None and idea.origin.startswith("idea:listening:")
    shown = pane.result
    pane.open_button.click()
    assert shown is not None and fake.opened == [shown.url]


def test_dismiss_with_the_key_e_and_the_next_post_is_chosen(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    made, _fake = seeded(qtbot, store, tmp_path)
    page = made.page
    page.list.setCurrentIndex(page.model.index(0, 0))
    first = page.model.row_at(page.model.index(0, 0))
    second = page.model.row_at(page.model.index(1, 0))
    assert first is not None and second is not None
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_E)
    assert [r.id for r in page.model.rows()] == [second.id]
    assert page.pane.result is not None and page.pane.result.id == second.id
    qtbot.keyClick(page.list, Qt.Key.Key_R)  # R goes to the answer box (its focus needs a shown window)
    with store.session() as session:
        dismissed = session.get(WatchResult, first.id)
        assert dismissed is not None and dismissed.dismissed


def test_new_posts_are_counted_until_the_person_looks(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    counts: list[int] = []
    account = add_account(store)
    watches.add(store, account, "fleuriste Lyon", T0)
    fake = Fake(store, Searcher({"fleuriste Lyon": [post(1), post(2)]}))
    made = controller(qtbot, store, fake, tmp_path)
    made.new_changed.connect(counts.append)
    made.start()
    assert counts[-1] == 2  # the page is not on screen: the navigation says 2 new
    made.page.show()
    qtbot.waitUntil(lambda: counts[-1] == 0)
    assert all(made.page.model.is_new(r) for r in made.page.model.rows())  # still marked for this visit
    made.page.hide()
    assert not any(made.page.model.is_new(r) for r in made.page.model.rows())


def test_change_pause_and_remove_the_chosen_search(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    made, _fake = seeded(qtbot, store, tmp_path)
    page = made.page
    assert not page.change_button.isEnabled()  # "All searches" chosen
    page.watch_choice.setCurrentIndex(1)
    page.watch_choice.activated.emit(1)
    assert page.change_button.isEnabled()
    page.pause_button.click()
    assert page.pause_button.text() == "Resume" and "paused" in page.watch_note.text()
    assert watches.list_watches(store)[0].paused
    page.pause_button.click()
    page.change_button.click()
    dialog = page.dialog
    assert (
        dialog.field.text() == "fleuriste Lyon" and not dialog.account.isEnabled() and not dialog.idea_buttons
    )
    dialog.field.setText("fleuriste Villeurbanne")
    dialog.save_button.click()
    assert [w.query for w in watches.list_watches(store)] == ["fleuriste Villeurbanne"]
    page.remove_button.click()
    assert watches.list_watches(store) == [] and page.model.rowCount() == 0
    with store.session() as session:
        assert session.exec(select(Watch)).all() == []


def test_a_search_that_went_wrong_says_so_under_the_searches(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    from cm_desktop.core.ports import RateLimited

    account = add_account(store)
    watches.add(store, account, "fleuriste Lyon", T0)
    fake = Fake(store, Searcher(fail=RateLimited("429", until=T0 + timedelta(minutes=30))))
    made = controller(qtbot, store, fake, tmp_path)
    made.start()
    assert "“fleuriste Lyon”: Bluesky asked us to wait" in made.page.watch_note.text()


def test_the_timer_runs_only_online_and_never_twice_at_once(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    fake = Fake(store)
    made = controller(qtbot, store, fake, tmp_path)
    made.set_online(False)
    made.start()
    assert fake.runs == 0
    made.set_online(True)
    assert fake.runs == 1
    made.running = True
    made.tick()
    assert fake.runs == 1 and made._again
    made._finish()
    assert fake.runs == 2


def test_the_page_follows_the_language(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    from cm_desktop.ui.i18n import Translations

    made, _fake = seeded(qtbot, store, tmp_path)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translations = Translations(app)
    translations.apply("fr")
    try:
        QCoreApplication.sendPostedEvents()
        qtbot.waitUntil(lambda: made.page.title_label.text() == "À l'écoute")
        assert made.page.add_button.text() == "Ajouter une recherche"
    finally:
        translations.apply("en")
        QCoreApplication.sendPostedEvents()


def test_a_remote_post_with_markup_stays_plain_text(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    account = add_account(store)
    watches.add(store, account, "fleuriste", T0)
    hostile = post(3, "<b>fleuriste</b> <img src=x onerror=alert(1)> & co")
    hostile = RemotePost(
        **{
            **hostile.__dict__,
            "author": hostile.author.__class__(
                handle="<i>x</i>", display_name="<b>Bob</b>", remote_id="did:plc:bob"
            ),
        }
    )
    fake = Fake(store, Searcher({"fleuriste": [hostile]}))
    made = controller(qtbot, store, fake, tmp_path)
    made.start()
    made.page.list.setCurrentIndex(made.page.model.index(0, 0))
    assert made.page.pane.title.text() == "<b>Bob</b>"
    assert made.page.pane.title.textFormat() == Qt.TextFormat.PlainText
    assert made.page.pane.meta.textFormat() == Qt.TextFormat.PlainText
