"""The calendar page: models checked by qtmodeltester, drag and drop, clicks, menus, search, slots, import."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent, QFontMetrics, QMouseEvent
from pytestqt.qtbot import QtBot
from sqlmodel import select

from cm_desktop.core import calendar_query as cq
from cm_desktop.core.calendar_io import read_ics
from cm_desktop.core.models import Post, PostTarget, TargetState
from cm_desktop.core.schedule import ManualClock, to_utc
from cm_desktop.core.store import Store, open_store
from cm_desktop.ui.calendar import CalendarPage
from cm_desktop.ui.calendar.grid_view import CalendarGrid
from cm_desktop.ui.calendar.import_dialog import ImportDialog, ImportRowsModel
from cm_desktop.ui.calendar.month_model import MonthModel
from cm_desktop.ui.calendar.roles import MOMENTS_ROLE, POSTS_ROLE, SLOTS_ROLE, TODAY_ROLE, post_mime
from cm_desktop.ui.calendar.slots_dialog import SlotsDialog
from cm_desktop.ui.tasks import SyncTaskRunner

ZONE = "Europe/Paris"
NOW = datetime(2026, 3, 10, 11, 0, tzinfo=UTC)  # Tuesday 10 March 2026, 12:00 in Paris


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield s
    s.close()


@pytest.fixture
def page(qtbot: QtBot, store: Store, tmp_path: Path) -> CalendarPage:
    widget = CalendarPage(store, ZONE, "FR", ManualClock(NOW), SyncTaskRunner(), tmp_path / "data")
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    return widget


def add_post(store: Store, text: str, local: datetime, state: str = "scheduled", native: str = "") -> int:
    with store.session() as session:
        due = to_utc(local, ZONE)
        post = Post(text=text, local_time=local, time_zone=ZONE, scheduled_utc=due)
        session.add(post)
        session.flush()
        assert post.id is not None
        session.add(
            PostTarget(
                post_id=post.id,
                network="mastodon",
                state=state,
                next_attempt_utc=due,
                native_schedule_id=native,
            )
        )
        session.commit()
        return post.id


def local_of(store: Store, post_id: int) -> datetime | None:
    with store.session() as session:
        post = session.get(Post, post_id)
        assert post is not None
        return post.local_time


# --- models -----------------------------------------------------------------------------------------------


def test_models_pass_the_model_tester(qtmodeltester, page: CalendarPage, store: Store) -> None:  # type: ignore[no-untyped-def]
    add_post(store, "Galette", datetime(2026, 3, 12, 9, 30))
    cq.add_slot(store, "facebook", 2, 18 * 60)
    page.refresh()
    qtmodeltester.check(page.month_model)
    page.show_week(date(2026, 3, 12))
    qtmodeltester.check(page.week_model)
    page.set_mode("list")
    assert page.list_panel.model.rowCount() == 1
    qtmodeltester.check(page.list_panel.model)
    dialog = SlotsDialog(store, ("mastodon", "facebook"), SyncTaskRunner())
    qtmodeltester.check(dialog.model)
    dialog.deleteLater()
    from cm_desktop.core.calendar_io import read_csv

    preview = read_csv(
        b"date,time,networks,text\n2026-04-01,09:00,mastodon,x\nbad,09:00,x,y\n", ZONE, NOW, Path()
    )
    qtmodeltester.check(ImportRowsModel(preview.rows))


def test_month_model_holds_moments_posts_and_today(page: CalendarPage, store: Store) -> None:
    pid = add_post(store, "Fête des mères", datetime(2026, 5, 30, 10, 0))
    page.show_month(date(2026, 5, 1))
    model = page.month_model
    mothers = model.index_of(date(2026, 5, 31))
    assert "mothers_day" in {m.code for m in model.data(mothers, MOMENTS_ROLE)}
    assert (
        "mère" in model.data(mothers, Qt.ItemDataRole.ToolTipRole).lower()
        or "mother" in model.data(mothers, Qt.ItemDataRole.ToolTipRole).lower()
    )
    labour_day = model.index_of(date(2026, 5, 1))
    assert any(m.kind == "holiday" for m in model.data(labour_day, MOMENTS_ROLE))
    assert [p.id for p in model.data(model.index_of(date(2026, 5, 30)), POSTS_ROLE)] == [pid]
    page.show_month(date(2026, 3, 1))
    assert page.month_model.data(page.month_model.index_of(date(2026, 3, 10)), TODAY_ROLE) is True
    assert page.month_model.first == date(2026, 2, 23)  # the grid starts on Monday


def test_months_do_not_load_other_months(page: CalendarPage, store: Store) -> None:
    add_post(store, "avril", datetime(2026, 4, 20, 9, 0))
    page.show_month(date(2026, 3, 1))
    shown = [
        p
        for row in range(6)
        for col in range(7)
        for p in page.month_model.data(page.month_model.index(row, col), POSTS_ROLE)
    ]
    assert shown == []  # 20 April is outside the March grid (23 Feb - 5 Apr)
    page.go_next()
    assert page.period_label.text().lower().startswith("april") or "avril" in page.period_label.text().lower()


# --- drag and drop ----------------------------------------------------------------------------------------


def test_drop_on_another_day_moves_the_post_and_keeps_its_time(page: CalendarPage, store: Store) -> None:
    pid = add_post(store, "Galette", datetime(2026, 3, 12, 9, 30))
    page.show_month(date(2026, 3, 1))
    target = page.month_model.index_of(date(2026, 3, 20))
    assert page.month_model.dropMimeData(post_mime(pid), Qt.DropAction.MoveAction, -1, -1, target)
    assert local_of(store, pid) == datetime(2026, 3, 20, 9, 30)
    assert [p.id for p in page.month_model.data(target, POSTS_ROLE)] == [pid]
    with store.session() as session:
        (t,) = session.exec(select(PostTarget)).all()
    assert t.next_attempt_utc == to_utc(datetime(2026, 3, 20, 9, 30), ZONE)


def test_drop_event_on_the_view(page: CalendarPage, store: Store, qtbot: QtBot) -> None:
    pid = add_post(store, "Galette", datetime(2026, 3, 12, 9, 30))
    page.show()
    qtbot.waitExposed(page)
    view = page.month_view
    rect = view.visualRect(page.month_model.index_of(date(2026, 3, 25)))
    mime = post_mime(pid)  # the event only points at it: keep it alive
    event = QDropEvent(
        QPointF(rect.center()),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)
    assert event.isAccepted()
    assert local_of(store, pid) == datetime(2026, 3, 25, 9, 30)


def test_drop_in_the_past_is_refused_with_a_sentence(page: CalendarPage, store: Store) -> None:
    pid = add_post(store, "Galette", datetime(2026, 3, 12, 9, 30))
    page.show_month(date(2026, 3, 1))
    page.month_model.dropMimeData(
        post_mime(pid), Qt.DropAction.MoveAction, -1, -1, page.month_model.index_of(date(2026, 3, 2))
    )
    assert local_of(store, pid) == datetime(2026, 3, 12, 9, 30)
    assert not page.message.isHidden()
    assert "already passed" in page.message.text()


def test_drop_of_a_published_post_is_refused(page: CalendarPage, store: Store) -> None:
    pid = add_post(store, "Déjà parti", datetime(2026, 3, 12, 9, 30), state=TargetState.PUBLISHED.value)
    page.show_month(date(2026, 3, 1))
    page.month_model.dropMimeData(
        post_mime(pid), Qt.DropAction.MoveAction, -1, -1, page.month_model.index_of(date(2026, 3, 20))
    )
    assert local_of(store, pid) == datetime(2026, 3, 12, 9, 30)
    assert "Duplicate it" in page.message.text()


def test_week_drop_on_an_hour_with_a_free_slot_takes_the_slot_time(page: CalendarPage, store: Store) -> None:
    pid = add_post(store, "Galette", datetime(2026, 3, 12, 9, 30))
    cq.add_slot(store, "mastodon", 4, 18 * 60 + 15)  # Friday 18:15
    page.show_week(date(2026, 3, 12))
    friday_18 = page.week_model.index(18, 4)
    assert [s.local for s in page.week_model.data(friday_18, SLOTS_ROLE)] == [datetime(2026, 3, 13, 18, 15)]
    page.week_model.dropMimeData(post_mime(pid), Qt.DropAction.MoveAction, -1, -1, friday_18)
    assert local_of(store, pid) == datetime(2026, 3, 13, 18, 15)
    # The slot is used now: no longer an empty box.
    assert page.week_model.data(page.week_model.index(18, 4), SLOTS_ROLE) == []
    page.week_model.dropMimeData(
        post_mime(pid), Qt.DropAction.MoveAction, -1, -1, page.week_model.index(7, 5)
    )
    assert local_of(store, pid) == datetime(2026, 3, 14, 7, 15)  # no slot there: keeps its minutes


def test_moving_a_natively_scheduled_post_asks_the_outbox(
    page: CalendarPage, store: Store, qtbot: QtBot
) -> None:
    pid = add_post(store, "Sur le serveur", datetime(2026, 3, 12, 9, 30), native="masto-42")
    page.show_month(date(2026, 3, 1))
    with qtbot.waitSignal(page.native_reschedule_needed) as blocker:
        page.month_model.dropMimeData(
            post_mime(pid), Qt.DropAction.MoveAction, -1, -1, page.month_model.index_of(date(2026, 3, 20))
        )
    assert blocker.args == [pid]


def test_deleting_a_post_mastodon_holds_keeps_it_until_the_outbox_cancels_the_copy(
    page: CalendarPage, store: Store, qtbot: QtBot
) -> None:
    from cm_desktop.core.models import Account

    pid = add_post(store, "Sur le serveur", datetime(2026, 3, 12, 9, 30), native="masto-42")
    with store.session() as session:
        account = Account(network="mastodon", handle="@a@piaille.fr", remote_id="1")
        session.add(account)
        session.flush()
        for target in session.exec(select(PostTarget).where(PostTarget.post_id == pid)):
            target.account_id = account.id
            session.add(target)
        session.commit()
    page.confirm = lambda title, sentence: True
    with qtbot.waitSignal(page.native_reschedule_needed) as blocker:
        assert page.delete(pid)
    assert blocker.args == [pid]
    assert "Mastodon" in page.message.text() and page.message.isVisibleTo(page)  # the warning stays
    assert cq.get_post(store, pid, ZONE) is not None  # until Mastodon confirms the cancel


# --- clicks and menus -------------------------------------------------------------------------------------


def click(view: CalendarGrid, pos: QPoint) -> None:
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        event = QMouseEvent(
            kind,
            QPointF(pos),
            QPointF(view.viewport().mapToGlobal(pos)),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        if kind == QEvent.Type.MouseButtonPress:
            view.mousePressEvent(event)
        else:
            view.mouseReleaseEvent(event)


def test_click_empty_day_composes_and_click_post_opens(
    page: CalendarPage, store: Store, qtbot: QtBot
) -> None:
    pid = add_post(store, "Galette", datetime(2026, 3, 12, 9, 30))
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    view = page.month_view
    empty = page.month_model.index_of(date(2026, 3, 18))
    with qtbot.waitSignal(page.compose_requested) as composed:
        click(view, view.visualRect(empty).center())
    assert composed.args == [datetime(2026, 3, 18, 9, 0)]
    busy = page.month_model.index_of(date(2026, 3, 12))
    layout = view.painter_delegate.layout(view.visualRect(busy), busy, QFontMetrics(view.font()))
    with qtbot.waitSignal(page.post_opened) as opened:
        click(view, layout.chips[0].center())
    assert opened.args == [pid]


def test_click_week_hour_composes_at_that_hour(page: CalendarPage, qtbot: QtBot) -> None:
    page.show()
    qtbot.waitExposed(page)
    page.show_week(date(2026, 3, 12))
    view = page.week_view
    index = page.week_model.index(14, 3)  # Thursday 14:00
    view.scrollTo(index)
    with qtbot.waitSignal(page.compose_requested) as composed:
        click(view, view.visualRect(index).center())
    assert composed.args == [datetime(2026, 3, 12, 14, 0)]


def test_menu_duplicate_back_to_drafts_delete(page: CalendarPage, store: Store) -> None:
    pid = add_post(store, "Galette", datetime(2026, 3, 12, 9, 30))
    menu = page.post_menu(pid)
    assert [a.text() for a in menu.actions() if a.text()] == [
        "Open",
        "Duplicate",
        "Back to drafts",
        "Delete…",
    ]
    page.duplicate(pid)
    (copy,) = [
        p.id for p in cq.posts_between(store, date(2026, 3, 12), date(2026, 3, 13), ZONE) if p.id != pid
    ]
    assert local_of(store, copy) == datetime(2026, 3, 12, 9, 30)
    page.back_to_drafts(pid)
    post = cq.get_post(store, pid, ZONE)
    assert post is not None and post.state == "draft"
    asked: list[str] = []

    def refuse(title: str, sentence: str) -> bool:
        asked.append(sentence)
        return False

    page.confirm = refuse
    assert not page.delete(pid)
    assert cq.get_post(store, pid, ZONE) is not None and asked
    page.confirm = lambda title, sentence: True
    assert page.delete(pid)
    assert cq.get_post(store, pid, ZONE) is None
    menu.deleteLater()


# --- search -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("needle", ["100%", "_", "l'", '"', "🥐", "%_\\"])
def test_search_box_takes_any_character(page: CalendarPage, store: Store, needle: str) -> None:
    add_post(store, 'Soldes 100% à l\'atelier "demain" 🥐 nom_fichier', datetime(2026, 3, 12, 9, 30))
    add_post(store, "Autre chose", datetime(2026, 3, 13, 9, 30))
    page.search.setText(needle)
    page._search_now()
    assert page.mode == "list"
    texts = [p.text for p in page.list_panel.model.posts]
    assert texts == ([] if needle == "%_\\" else ['Soldes 100% à l\'atelier "demain" 🥐 nom_fichier'])


def test_list_filters_by_network_and_state(page: CalendarPage, store: Store) -> None:
    add_post(store, "Brouillon", datetime(2026, 3, 12, 9, 30), state="draft")
    add_post(store, "Prévu", datetime(2026, 3, 13, 9, 30))
    page.set_mode("list")
    assert page.list_panel.model.rowCount() == 2
    panel = page.list_panel
    panel.state_filter.setCurrentIndex(panel.state_filter.findData("draft"))
    assert [p.text for p in panel.model.posts] == ["Brouillon"]
    panel.network_filter.setCurrentIndex(panel.network_filter.findData("facebook"))
    assert panel.model.rowCount() == 0


# --- slots ------------------------------------------------------------------------------------------------


def test_slots_editor_adds_and_removes(store: Store, qtbot: QtBot) -> None:
    dialog = SlotsDialog(store, ("mastodon", "facebook"), SyncTaskRunner())
    qtbot.addWidget(dialog)
    dialog.weekday.setCurrentIndex(2)
    dialog.network.setCurrentIndex(1)
    from PySide6.QtCore import QTime

    dialog.time.setTime(QTime(18, 30))
    with qtbot.waitSignal(dialog.slots_changed):
        dialog.add_button.click()
    assert [(s.weekday, s.minute_of_day, s.network) for s in cq.list_slots(store)] == [(2, 1110, "facebook")]
    dialog.table.selectRow(0)
    dialog.remove_button.click()
    assert cq.list_slots(store) == []


# --- import and export ------------------------------------------------------------------------------------


def test_import_preview_then_land(page: CalendarPage, store: Store, tmp_path: Path, qtbot: QtBot) -> None:
    path = tmp_path / "posts.csv"
    path.write_bytes("date;heure;réseaux;texte\r\n14/03/2026;9h30;Facebook;Crème brûlée\r\n".encode("cp1252"))
    dialogs: list[ImportDialog] = []
    page.import_file(path, on_dialog=dialogs.append)
    (dialog,) = dialogs
    assert dialog.import_button.isEnabled()
    dialog.accept()
    (post,) = cq.find_posts(store, cq.PostFilter(), ZONE)
    assert post.text == "Crème brûlée" and post.local == datetime(2026, 3, 14, 9, 30)
    assert "1 posts were imported" in page.message.text()


def test_import_with_a_bad_row_cannot_be_confirmed(page: CalendarPage, store: Store, tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("date,time,networks,text\n2026-03-14,09:30,mastodon,ok\n2026-03-15,09:30,orkut,ko\n")
    dialogs: list[ImportDialog] = []
    page.import_file(path, on_dialog=dialogs.append)
    (dialog,) = dialogs
    assert not dialog.import_button.isEnabled()
    assert (
        "1 rows have a problem" in dialog.summary.text() and "Nothing was imported" in dialog.summary.text()
    )
    assert "orkut" in dialog.model.data(dialog.model.index(1, 4))
    dialog.reject()
    assert cq.find_posts(store, cq.PostFilter(), ZONE) == []


def test_export_ics(page: CalendarPage, store: Store, tmp_path: Path) -> None:
    add_post(store, "Soldes, -50%; venez\nvite", datetime(2026, 3, 12, 9, 30))
    add_post(store, "Passé", datetime(2026, 3, 1, 9, 30), state="published")
    out = tmp_path / "plan.ics"
    page.export_to(out, "ics")
    (event,) = read_ics(out.read_text(encoding="utf-8"))
    assert event["DTSTART"] == "20260312T083000Z"
    assert "Soldes\\, -50%\\; venez" in event["SUMMARY"]
    csv_out = tmp_path / "plan.csv"
    page.export_to(csv_out, "csv")
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbfdate,time,networks,text,images,state\r\n")


def test_month_model_without_a_view(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = MonthModel()
    model.set_month(date(2026, 2, 1), [], [], date(2026, 2, 14))
    qtmodeltester.check(model)
    assert model.index_of(date(2020, 1, 1)).isValid() is False


def test_the_plans_ideas_show_on_their_day_and_open_as_a_draft(
    page: CalendarPage, store: Store, qtbot: QtBot
) -> None:
    """Ideas from the wizard's plan have a day but no schedule: the calendar shows them there (dashed, "Idea"),
    reads them as ideas, and a click opens one in the composer (post_opened, as Home's ideas do)."""
    from cm_desktop.core import onboarding
    from cm_desktop.core.coach import Goal, ProfileAnswers
    from cm_desktop.core.models import BusinessKind

    answers = ProfileAnswers(
        kind=BusinessKind.SHOP,
        goals=(Goal.BRING_PEOPLE_IN,),
        weekly_minutes=15,
        country="FR",
        town="Lyon",
        language="en",
        business_name="Lyon Flowers",
    )
    plan = onboarding.build_plan(answers, ZONE, date(2026, 3, 9))
    onboarding.apply(store, answers, ZONE, plan)
    march = [s for s in plan.suggestions if s.local_time.month == 3]
    assert march
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    idea = march[0]
    day = idea.local_time.date()
    index = page.month_model.index_of(day)
    shown = [p for p in page.month_model.data(index, POSTS_ROLE) if cq.is_suggestion(p)]
    assert [p.text for p in shown][:1] == [idea.text]
    assert "an idea from your plan" in page.month_model.data(index, Qt.ItemDataRole.AccessibleTextRole)
    view = page.month_view
    layout = view.painter_delegate.layout(view.visualRect(index), index, QFontMetrics(view.font()))
    chips = page.month_model.data(index, POSTS_ROLE)
    with qtbot.waitSignal(page.post_opened) as opened:
        click(view, layout.chips[chips.index(shown[0])].center())
    assert opened.args == [shown[0].id]


def test_built_off_screen_the_month_is_read_when_first_shown(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    """The app builds the page at start; the store and the holidays are read when the person opens it."""
    add_post(store, "Galette des rois", datetime(2026, 3, 12, 9, 30))

    class CountingRunner(SyncTaskRunner):
        jobs = 0

        def run(self, work: Any, on_done: Any, on_error: Any) -> None:
            CountingRunner.jobs += 1
            super().run(work, on_done, on_error)

    runner = CountingRunner()
    page = CalendarPage(store, ZONE, "FR", ManualClock(NOW), runner, tmp_path / "data", load_when_shown=True)
    qtbot.addWidget(page)
    assert runner.jobs == 0 and page.month_model.posts_on(date(2026, 3, 12)) == []
    page.show()
    qtbot.waitExposed(page)
    assert runner.jobs == 1
    assert [p.text for p in page.month_model.posts_on(date(2026, 3, 12))] == ["Galette des rois"]
    page.hide()
    page.show()
    assert runner.jobs == 1  # once: later loads follow the changes, as before
