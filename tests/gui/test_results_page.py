"""The Results page, its controller and the "How did it go?" form, on a store filled here.

A craft shop posted twice a week for seven weeks on Bluesky: Mondays at noon its new pieces with a photo
(9 likes each), Wednesdays at 18:00 a tip (2 likes). So its best time is Monday 12:00, its best kind
"Something new" with pictures; its queue says Monday and Friday 10:00; one post also went to Facebook by hand.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import col, select

from cm_desktop.core.models import (
    Account,
    BusinessProfile,
    FollowerSnapshot,
    Media,
    Post,
    PostResult,
    PostTarget,
    ResultsSync,
    Slot,
)
from cm_desktop.core.results.sync import ResultsRun
from cm_desktop.core.schedule import ManualClock, to_utc
from cm_desktop.core.store import Store, open_store
from cm_desktop.ui.outbox.page import SendingPage
from cm_desktop.ui.results.by_hand_dialog import ByHandDialog
from cm_desktop.ui.results.controller import ResultsController, ResultsServices
from cm_desktop.ui.tasks import SyncTaskRunner

NOW = datetime(2026, 6, 11, 10, 0, tzinfo=UTC)  # Thursday, 12:00 in Paris
ZONE = "Europe/Paris"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "cm.sqlite3", tmp_path / "backups")
    yield opened
    opened.close()


def seed(store: Store, *, facebook_figures: bool = False) -> int:
    """The shop of the module's docstring; returns its Facebook target's id."""
    with store.session() as session:
        session.add(BusinessProfile(name="Atelier Lune", kind="craft", time_zone=ZONE))
        bluesky = Account(network="bluesky", handle="lune.bsky.social")
        mastodon = Account(network="mastodon", handle="@lune@piaille.fr")
        session.add(bluesky)
        session.add(mastodon)
        session.flush()
        for weekday in (0, 4):
            session.add(Slot(network="bluesky", account_id=bluesky.id, weekday=weekday, minute_of_day=600))
        facebook = 0
        for week in range(1, 8):
            monday = date(2026, 6, 8) - timedelta(weeks=week)
            for day, hour, idea, likes in (
                (monday, 12, "new_product_intro", 9),
                (monday + timedelta(days=2), 18, "tip_trade_secret", 2),
            ):
                published = to_utc(datetime(day.year, day.month, day.day, hour), ZONE)
                post = Post(text=f"{idea} {day}", origin=f"idea:{idea}")
                session.add(post)
                session.flush()
                assert post.id is not None
                if likes == 9:
                    session.add(Media(post_id=post.id))
                target = PostTarget(
                    post_id=post.id,
                    account_id=bluesky.id,
                    state="published",
                    remote_id=f"at://{post.id}",
                    published_at=published,
                )
                session.add(target)
                session.flush()
                session.add(
                    PostResult(
                        target_id=target.id,
                        account_id=bluesky.id,
                        network="bluesky",
                        published_at=published,
                        fetched_at=published + timedelta(days=1),
                        fetches=2,
                        likes=likes,
                    )
                )  # type: ignore[arg-type]
                if week == 1 and likes == 9:
                    by_hand = PostTarget(
                        post_id=post.id, network="facebook", state="published", published_at=published
                    )
                    session.add(by_hand)
                    session.flush()
                    assert by_hand.id is not None
                    facebook = by_hand.id
                    if facebook_figures:
                        session.add(
                            PostResult(
                                target_id=facebook,
                                network="facebook",
                                published_at=published,
                                fetched_at=NOW,
                                likes=20,
                                replies=4,
                                reposts=1,
                                by_hand=True,
                            )
                        )
        for back, followers in ((30, 100), (7, 110), (0, 118)):
            session.add(
                FollowerSnapshot(
                    account_id=bluesky.id,
                    day=date(2026, 6, 11) - timedelta(days=back),
                    followers=followers,
                    fetched_at=NOW,
                )
            )  # type: ignore[arg-type]
        session.add(ResultsSync(account_id=bluesky.id, last_ok_at=NOW - timedelta(minutes=5)))  # type: ignore[arg-type]
        session.add(
            ResultsSync(
                account_id=mastodon.id,
                last_ok_at=NOW - timedelta(days=2),
                last_error_code="server",
                last_error="HTTP 502",
            )
        )  # type: ignore[arg-type]
        session.commit()  # fmt: skip
        return facebook


class Network:
    """What the controller asks of services/results.py: the calls it made."""

    def __init__(self) -> None:
        self.calls: list[bool] = []

    def sync(self, everyone: bool) -> ResultsRun:
        self.calls.append(everyone)
        return ResultsRun()


def make(
    qtbot: QtBot, store: Store, *, chosen: str = "", lang: str = "en"
) -> tuple[ResultsController, Network]:
    network = Network()
    parent = QWidget()
    qtbot.addWidget(parent)
    controller = ResultsController(
        store,
        ResultsServices(sync=network.sync),
        SyncTaskRunner(),
        ManualClock(NOW),
        ZONE,
        lambda: lang,  # type: ignore[arg-type, return-value]
        choose_file=lambda _name: chosen,
        parent=parent,
    )
    qtbot.addWidget(controller.page)
    return controller, network


def test_the_page_words_the_figures_and_draws_them(qtbot: QtBot, store: Store) -> None:
    seed(store)
    controller, _network = make(qtbot, store)
    page = controller.page

    assert page.title_label.text() == "Results"
    assert "Figures last read today at 11:55." in page.summary.text()
    assert page.problems.text() == (
        "@lune@piaille.fr: Mastodon is not answering properly: the figures shown are from Tuesday 9 June. "
        "We will try again."
    )
    assert (page.tiles["posts"].number.text(), page.tiles["likes"].number.text()) == ("0", "0")
    assert "Last week: 2 posts, 11 likes, 0 shares, 0 replies, 10 new followers." in page.week_note.text()
    # Wednesday 18:00 does worse than usual: it is not proposed (the queue keeps its other time).
    assert page.times_text.text().splitlines() == ["Monday 12:00: 64% more reactions than usual (7 posts)"]
    assert page.queue_text.text() == "Your queue now: Monday 10:00, Friday 10:00."
    assert page.use_button.isVisibleTo(page) and page.use_button.isEnabled()
    bars = page.weekday_chart.bars()
    assert [b.label for b in bars] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert [b.value is not None for b in bars] == [True, False, True, False, False, False, False]
    assert page.weekday_chart.accessibleDescription() == "Monday: +64% (7 posts); Wednesday: −64% (7 posts)"
    first_why = page.findChild(QWidget, "results_top_1_why")
    assert first_why is not None
    assert first_why.text() == "Your “Something new” posts with pictures get 64% more reactions than usual."  # type: ignore[attr-defined]
    assert page.followers_text.text().splitlines() == [
        "Bluesky (lune.bsky.social): 118 followers (+18 in 4 weeks).",
        "Mastodon (@lune@piaille.fr): followers not read yet.",
    ]
    assert [b.label for b in page.kinds_chart.bars()] == ["Something new", "Tip of the trade"]
    assert page.by_hand_card.isVisibleTo(page)
    assert page.by_hand_text.text().startswith("1 post published by hand has no figures yet.")
    assert not page.empty_card.isVisibleTo(page)


def test_every_part_is_reached_by_tab_in_reading_order_and_named(qtbot: QtBot, store: Store) -> None:
    """Without a mouse (#22): the buttons, each chart, each top post, in the order they stand on the page;
    each with a name a screen reader says (a top post: its words, its figures and why it worked)."""
    from PySide6.QtGui import QAccessible

    from cm_desktop.ui.keyboard import can_take_focus, reading_order

    seed(store)
    controller, _network = make(qtbot, store)
    page = controller.page
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)

    def shown(name: str) -> bool:
        widget = page.findChild(QWidget, name)
        return widget is not None and widget.isVisibleTo(page)

    qtbot.waitUntil(lambda: shown("results_top_1"))  # rows added while shown appear once events run
    stops = [w.objectName() for w in reading_order(page) if can_take_focus(w, page)]
    tops = [n for n in stops if n.startswith("results_top_")]
    assert tops and tops == sorted(tops)
    assert stops == [
        "results_scroll",
        "read_now",
        "export_csv",
        "use_best_times",
        "results_weekday_chart",
        "results_hour_chart",
        *tops,
        "results_followers_chart",
        "results_kinds_chart",
        "results_open_sending",
    ]
    for name in stops:
        widget = page.findChild(QWidget, name)
        assert widget is not None
        accessible = QAccessible.queryAccessibleInterface(widget)
        assert accessible is not None and accessible.text(QAccessible.Text.Name).strip(), name
    first = page.findChild(QWidget, tops[0])
    assert first is not None
    said = QAccessible.queryAccessibleInterface(first).text(QAccessible.Text.Name)
    assert "9 likes" in said and "64% more reactions" in said


def test_use_these_times_changes_the_queue_and_tells_the_calendar(qtbot: QtBot, store: Store) -> None:
    seed(store)
    controller, _network = make(qtbot, store)
    page = controller.page

    with qtbot.waitSignal(controller.slots_changed):
        page.use_button.click()

    with store.session() as session:
        slots = session.exec(select(Slot).order_by(col(Slot.weekday))).all()
    assert [(s.weekday, s.minute_of_day) for s in slots] == [(0, 720), (4, 600)]  # Friday's stays
    assert "Your queue now uses these times." in page.summary.text()
    assert not page.use_button.isEnabled()  # now the same times: nothing more to do
    assert page.use_button.toolTip() == "Your queue already uses these times."
    assert page.queue_text.text().endswith("It already uses these times.")


def test_the_timer_reads_what_is_due_and_read_now_reads_everything_but_not_offline(
    qtbot: QtBot, store: Store
) -> None:
    seed(store)
    controller, network = make(qtbot, store)

    controller.start()
    controller.page.sync_button.click()
    controller.set_online(False)
    controller.page.sync_button.click()
    controller.tick()
    controller.set_online(True)  # back: one reading at once
    controller.stop()
    controller.tick()

    assert network.calls == [False, True, False]
    assert controller.page.sync_button.isEnabled()
    assert "You are offline" in controller.page.summary.text()


def test_export_writes_the_spreadsheet_where_the_person_chose(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    seed(store)
    chosen = tmp_path / "mes résultats.csv"
    controller, _network = make(qtbot, store, chosen=str(chosen))

    controller.page.export_button.click()

    rows = list(csv.reader(io.StringIO(chosen.read_text(encoding="utf-8-sig"))))
    assert rows[0][:4] == ["date", "time", "network", "text"]
    assert len(rows) == 1 + 14 + 1  # 14 Bluesky posts and the Facebook one
    assert f"Saved in {chosen}." in controller.page.summary.text()


def test_a_shop_with_nothing_yet_is_told_what_will_appear(qtbot: QtBot, store: Store) -> None:
    controller, _network = make(qtbot, store)
    page = controller.page

    assert page.empty_card.isVisibleTo(page) and not page.week_card.isVisibleTo(page)
    assert page.empty_heading.text() == "Your results will appear here"
    assert page.export_button.isHidden()
    with qtbot.waitSignal(page.compose_requested):
        page.compose_button.click()


def test_how_did_it_go_from_the_sending_page_to_the_results(qtbot: QtBot, store: Store) -> None:
    facebook = seed(store)
    controller, _network = make(qtbot, store)
    sending = SendingPage(SyncTaskRunner(), ManualClock(NOW), ZONE, lambda: "en", lambda _url: True)
    qtbot.addWidget(sending)
    sending.set_store(store)
    sending.by_hand_requested.connect(controller.open_by_hand)
    buttons = {b.objectName(): b for b in sending.findChildren(QPushButton)}
    assert f"how_{facebook}" in buttons
    assert not [
        name for name in buttons if name.startswith("how_") and name != f"how_{facebook}"
    ]  # Bluesky's are read

    buttons[f"how_{facebook}"].click()
    dialog = controller.dialog
    assert isinstance(dialog, ByHandDialog)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "How did it go on Facebook?"
    assert dialog.values() == (0, 0, 0)
    dialog.boxes["likes"].setValue(31)
    dialog.boxes["comments"].setValue(4)
    dialog.boxes["shares"].setValue(2)
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()

    with store.session() as session:
        row = session.get(PostResult, facebook)
    assert row is not None and (row.likes, row.replies, row.reposts, row.by_hand) == (31, 4, 2, True)
    assert not controller.page.by_hand_card.isVisibleTo(controller.page)  # nothing waits any more


def test_the_form_says_so_when_the_figures_cannot_be_kept(qtbot: QtBot, store: Store) -> None:
    from cm_desktop.core.results.by_hand import ByHand, ByHandRefused, record_by_hand

    facebook = seed(store, facebook_figures=True)
    with store.session() as session:
        row = session.get(PostTarget, facebook)
        assert row is not None
        row.state = "failed"  # it was taken back meanwhile
        session.add(row)
        session.commit()

    def save(likes: int, comments: int, shares: int) -> None:
        record_by_hand(store, facebook, likes=likes, comments=comments, shares=shares, now=NOW)

    dialog = ByHandDialog(
        ByHand(facebook, "facebook", 20, 4, 1), "Nouveautés", SyncTaskRunner(), save, lambda: "en"
    )
    qtbot.addWidget(dialog)
    assert dialog.values() == (20, 4, 1)  # what was typed last time
    dialog.save_button.click()
    assert dialog.problem.isVisibleTo(dialog)
    assert dialog.problem.text() == "This post is not published yet: its figures can be given once it is."
    assert dialog.save_button.isEnabled()
    with pytest.raises(ByHandRefused):
        save(1, 1, 1)


def test_the_page_in_french(qtbot: QtBot, store: Store) -> None:
    from cm_desktop.ui.i18n import Translations

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translations = Translations(app)
    translations.apply("fr")
    try:
        seed(store)
        controller, _network = make(qtbot, store, lang="fr")
        page = controller.page
        assert page.title_label.text() == "Résultats"
        assert page.times_text.text().splitlines()[0] == (
            "Lundi 12 h : 64 % de réactions en plus que d'habitude (7 publications)"
        )
        assert page.queue_text.text() == "Votre file aujourd'hui : lundi 10 h, vendredi 10 h."
        assert page.use_button.text() == "Utiliser ces horaires pour ma file"
        assert [b.label for b in page.kinds_chart.bars()] == ["Nouveauté", "Astuce de métier"]
        assert page.weekday_chart.bars()[0].caption == "+64\u202f%"
    finally:
        translations.apply("en")


def test_the_charts_paint_at_any_size_and_with_odd_data(qtbot: QtBot, store: Store) -> None:
    """Painting runs here (grab), at the page's sizes and squeezed, with nothing, one point, equal values."""
    from PySide6.QtGui import QImage

    from cm_desktop.ui.results.charts import BarValue, ColumnChart, LineChart, RowChart, Series

    seed(store)
    controller, _network = make(qtbot, store)
    inner = controller.page.scroll_area.widget()
    for width in (1090, 834, 500):
        controller.page.resize(width, 700)
        image = inner.grab().toImage()
        assert not image.isNull() and image.width() >= 400

    column, rows, line = ColumnChart("c"), RowChart("r"), LineChart("l")
    for chart in (column, rows, line):
        qtbot.addWidget(chart)
    cases: list[tuple[object, object]] = [
        ([], []),
        ([BarValue("Mon", None)], [BarValue("a very long kind of post name indeed", 0.0, "+0%")]),
        ([BarValue(str(h), 3.0, "+200%") for h in range(24)], [BarValue("x", 50.0, "+4900% · 9 posts")]),
    ]
    series = [
        [],
        [Series("Bluesky", "#1185FE", ((date(2026, 6, 1), 5),))],
        [Series("A", "#1185FE", ((date(2026, 6, 1), 5), (date(2026, 6, 2), 5))), Series("B", "#6364FF", ((date(2026, 6, 2), 5),))],
    ]  # fmt: skip
    for (bars, row_bars), lines in zip(cases, series, strict=True):
        column.set_bars(bars, "usual")  # type: ignore[arg-type]
        rows.set_bars(row_bars, "usual")  # type: ignore[arg-type]
        line.set_series(lines)
        for width in (120, 640):
            for chart in (column, rows, line):
                chart.resize(width, chart.sizeHint().height())
                painted: QImage = chart.grab().toImage()
                assert not painted.isNull()
