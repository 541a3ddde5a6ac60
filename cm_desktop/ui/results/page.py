"""The Results page: what worked, in plain words and pictures, over the last 8 weeks.

Cards, top to bottom: this week against last; the best times to post from the person's own history (with
how they were found, and "Use these times for my queue"); the top posts, each with one sentence saying why;
followers over time per network; the kinds of posts that work; and the posts published by hand still
waiting for their figures. Nothing published yet: one card that says what will appear here.

The store is read off the GUI thread (core.results.query.load_results); the page words what it got in the
current language, so a language switch re-words it without reading the store again. What needs a network
or writes (reading the figures, the CSV, the queue) goes out as signals to the controller.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core import networks
from cm_desktop.core.coach.content_types import Occasion
from cm_desktop.core.coach.dates import day_in_words, weekday_name
from cm_desktop.core.coach.ideas import OCCASION_LABELS
from cm_desktop.core.i18n import Lang
from cm_desktop.core.results import messages as m
from cm_desktop.core.results.analysis import MIN_POSTS, Group, PostFigures, Why
from cm_desktop.core.results.query import AccountFigures, ResultsData, WeekFigures
from cm_desktop.core.schedule import Clock, from_utc
from cm_desktop.ui.colours import Role, css, primary_button_style
from cm_desktop.ui.home.page import Card, StatTile
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.reflow import ContentScroll, FlowRow
from cm_desktop.ui.results.charts import BarValue, ColumnChart, LineChart, RowChart, Series
from cm_desktop.ui.tasks import TaskRunner
from cm_desktop.ui.theme import make_body, make_title, scaled_font
from cm_desktop.ui.wizard.words import capitalised, clock_words, join_names

log = logging.getLogger(__name__)

EXCERPT = 160
FOLLOWERS_GAINED_DAYS = 28
_SHORT_DAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "fr": ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."),
}


def _label(name: str, *, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)  # post texts and names are never read as HTML
    return label


def _heading(name: str) -> QLabel:
    label = _label(name)
    font = label.font()
    label.setFont(scaled_font(font, 1.25, font.Weight.DemiBold))
    return label


def _secondary(label: QLabel, palette: QPalette | None = None) -> QLabel:
    """Words in the secondary colour of `palette` (the page's on a palette change: its labels learn the new
    one only after the page does, so theirs is still the old scheme's then)."""
    label.setStyleSheet(f"color: {css(Role.SECONDARY, palette or label.palette())};")
    return label


def excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1].rstrip() + "…"


def versus_usual(score: float, lang: Lang) -> str:
    """'+80%' / '−20%' next to a bar (French puts a space before %)."""
    percent = round((score - 1) * 100)
    sign = "+" if percent > 0 else "−" if percent < 0 else "±"
    return f"{sign}{abs(percent)}\u202f%" if lang == "fr" else f"{sign}{abs(percent)}%"


class ResultsPage(QWidget):
    sync_requested = Signal()  # "Read the figures now"
    export_requested = Signal()  # "Export to a spreadsheet…"
    use_times_requested = Signal(list)  # [(weekday, minute of day)], best first
    compose_requested = Signal()
    sending_requested = Signal()  # where posts published by hand get their figures
    accounts_requested = Signal()  # an account to reconnect
    loaded = Signal(object)  # the ResultsData shown

    def __init__(
        self,
        runner: TaskRunner,
        clock: Clock,
        zone: str,
        lang: Callable[[], Lang],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page_results")
        self.runner, self.clock, self.zone, self._lang = runner, clock, zone, lang
        self.store: Any = None
        self.data: ResultsData | None = None
        self._loading = False
        self.busy = False
        self.note = ""  # the last action's outcome ("Your queue now uses…"), said once

        self.title_label = _label("page_title")
        make_title(self.title_label)
        self.summary = _label("results_summary")
        make_body(self.summary)
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("read_now")
        self.export_button = QPushButton()
        self.export_button.setObjectName("export_csv")
        # The summary, then its buttons on a row that wraps (200 %, a large font, the longer French words).
        self.top_buttons = FlowRow((self.sync_button, self.export_button), name="results_actions")
        self.problems = _label("results_problems")
        self.status = _label("results_status")
        self.status.hide()  # shown when loading went wrong

        # Nothing yet.
        self.empty_card = Card("results_empty")
        self.empty_heading = _heading("results_empty_heading")
        self.empty_text = _label("results_empty_text")
        make_body(self.empty_text)
        self.compose_button = QPushButton()
        self.compose_button.setObjectName("results_compose")
        self.compose_button.setStyleSheet(primary_button_style("results_compose", self.palette()))
        self.empty_card.body.addWidget(self.empty_heading)
        self.empty_card.body.addWidget(self.empty_text)
        self.empty_card.body.addLayout(self._left(self.compose_button))

        # This week against last.
        self.week_card = Card("results_week")
        self.week_heading = _heading("results_week_heading")
        self.tiles = {
            name: StatTile(f"results_{name}_tile")
            for name in ("posts", "likes", "reposts", "replies", "followers")
        }
        tiles = FlowRow(tuple(self.tiles.values()), spacing=24, name="results_tiles")  # wraps when narrow
        self.week_note = _secondary(_label("results_week_note"))
        self.week_card.body.addWidget(self.week_heading)
        self.week_card.body.addWidget(tiles)
        self.week_card.body.addWidget(self.week_note)

        # Best times.
        self.times_card = Card("results_times")
        self.times_heading = _heading("results_times_heading")
        self.times_text = _label("results_times_text")
        make_body(self.times_text)
        self.queue_text = _label("results_queue_text")
        self.use_button = QPushButton()
        self.use_button.setObjectName("use_best_times")
        self.use_button.setStyleSheet(primary_button_style("use_best_times", self.palette()))
        self.method_text = _secondary(_label("results_method"))
        self.weekday_title = _label("results_weekday_title")
        self.weekday_chart = ColumnChart("results_weekday_chart")
        self.hour_title = _label("results_hour_title")
        self.hour_chart = ColumnChart("results_hour_chart")
        self.charts_note = _secondary(_label("results_charts_note"))
        for label in (self.times_heading, self.times_text, self.queue_text):
            self.times_card.body.addWidget(label)
        self.times_card.body.addLayout(self._left(self.use_button))
        widget: QWidget
        for widget in (
            self.method_text,
            self.weekday_title,
            self.weekday_chart,
            self.hour_title,
            self.hour_chart,
            self.charts_note,
        ):
            self.times_card.body.addWidget(widget)

        # Top posts.
        self.top_card = Card("results_top")
        self.top_heading = _heading("results_top_heading")
        self.top_card.body.addWidget(self.top_heading)
        self.top_rows = QVBoxLayout()
        self.top_rows.setSpacing(12)
        self.top_card.body.addLayout(self.top_rows)

        # Followers.
        self.followers_card = Card("results_followers")
        self.followers_heading = _heading("results_followers_heading")
        self.followers_chart = LineChart("results_followers_chart")
        self.followers_text = _label("results_followers_text")
        self.reconnect_button = QPushButton()
        self.reconnect_button.setObjectName("results_reconnect")
        self.followers_card.body.addWidget(self.followers_heading)
        self.followers_card.body.addWidget(self.followers_chart)
        self.followers_card.body.addWidget(self.followers_text)
        self.followers_card.body.addLayout(self._left(self.reconnect_button))

        # Kinds of posts.
        self.kinds_card = Card("results_kinds")
        self.kinds_heading = _heading("results_kinds_heading")
        self.kinds_chart = RowChart("results_kinds_chart")
        self.kinds_note = _secondary(_label("results_kinds_note"))
        self.kinds_card.body.addWidget(self.kinds_heading)
        self.kinds_card.body.addWidget(self.kinds_chart)
        self.kinds_card.body.addWidget(self.kinds_note)

        # Published by hand, figures not given yet.
        self.by_hand_card = Card("results_by_hand")
        self.by_hand_text = _label("results_by_hand_text")
        self.sending_button = QPushButton()
        self.sending_button.setObjectName("results_open_sending")
        self.by_hand_card.body.addWidget(self.by_hand_text)
        self.by_hand_card.body.addLayout(self._left(self.sending_button))

        inner = QWidget()
        inner.setObjectName("results_inner")
        column = QVBoxLayout(inner)
        column.setContentsMargins(32, 28, 32, 28)
        column.setSpacing(16)
        column.addWidget(self.title_label)
        column.addWidget(self.summary)
        column.addWidget(self.top_buttons)
        column.addWidget(self.problems)
        column.addWidget(self.status)
        self.cards = (
            self.empty_card,
            self.week_card,
            self.times_card,
            self.top_card,
            self.followers_card,
            self.kinds_card,
            self.by_hand_card,
        )
        for card in self.cards:
            column.addWidget(card)
        column.addStretch(1)
        self.scroll_area = ContentScroll(inner, QT_TRANSLATE_NOOP("Reflow", "Your results"))
        self.scroll_area.setObjectName("results_scroll")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

        self.sync_button.clicked.connect(self.sync_requested)
        self.export_button.clicked.connect(self.export_requested)
        self.compose_button.clicked.connect(self.compose_requested)
        self.sending_button.clicked.connect(self.sending_requested)
        self.reconnect_button.clicked.connect(self.accounts_requested)
        self.use_button.clicked.connect(self._use_times)
        self.setTabOrder(self.sync_button, self.export_button)
        self.retranslate()

    @staticmethod
    def _left(widget: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(widget)
        row.addStretch(1)
        return row

    def lang(self) -> Lang:
        return self._lang()

    # --- data -------------------------------------------------------------------------------------------

    def set_store(self, store: Any) -> None:
        self.store = store
        self.refresh()

    def refresh(self) -> None:
        """Read the store again (after a reading, figures typed in, or when the page is shown)."""
        if self.store is None or self._loading:
            return
        from cm_desktop.core.results.query import load_results

        self._loading = True
        store, now, zone = self.store, self.clock.now(), self.zone
        self.runner.run(lambda: load_results(store, now, zone), self._loaded, self._failed)

    def _loaded(self, data: ResultsData) -> None:
        self._loading = False
        self.data = data
        self.status.clear()
        self.status.hide()  # an empty line would leave a gap above the cards
        self.retranslate()
        self.loaded.emit(data)

    def _failed(self, error: BaseException) -> None:
        from cm_desktop.core.store import StoreError, known_error

        self._loading = False
        known = error if isinstance(error, StoreError) else known_error(error)
        if known is None:
            log.error("loading the results failed", exc_info=error)
            self.status.setText(self.tr("Your results could not be loaded. Try again in a moment."))
            self.status.show()
        else:
            self.status.setText(known.message(self.lang()))
            self.status.show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.sync_button.setEnabled(not busy)
        self._render_summary()

    def set_note(self, note: str) -> None:
        self.note = note
        self._render_summary()

    def _use_times(self) -> None:
        data = self.data
        if data is not None and data.best.enough:
            self.use_times_requested.emit([(t.weekday, t.minute_of_day) for t in data.best.proposal])

    # --- words ------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        lang = self.lang()
        self.title_label.setText(self.tr("Results"))
        self.sync_button.setText(self.tr("Read the figures now"))
        self.sync_button.setToolTip(
            self.tr("The app reads them by itself every quarter of an hour while it is open.")
        )
        self.export_button.setText(self.tr("Export to a spreadsheet…"))
        self.compose_button.setText(self.tr("Write a post"))
        self.sending_button.setText(self.tr("Open the Sending page"))
        self.reconnect_button.setText(self.tr("Reconnect in Accounts"))
        self.use_button.setText(self.tr("Use these times for my queue"))
        self.empty_heading.setText(self.tr("Your results will appear here"))
        self.empty_text.setText(
            self.tr(
                "Once your posts are published, the app reads their likes, shares and replies on Bluesky "
                "and Mastodon, and your new followers every day. For the other networks, you tell it how "
                "a post did in ten seconds. Then this page shows what works best for you."
            )
        )
        data = self.data
        empty = data is None or data.empty
        self.empty_card.setVisible(data is not None and data.empty)
        for card in self.cards[1:]:
            card.setVisible(not empty)
        self.export_button.setVisible(not empty)  # nothing to export yet: one next step, "Write a post"
        self._render_summary()
        if data is None or empty:
            return
        self._render_week(data, lang)
        self._render_times(data, lang)
        self._render_top(data, lang)
        self._render_followers(data, lang)
        self._render_kinds(data, lang)
        self._render_by_hand(data)

    def _render_summary(self) -> None:
        data = self.data
        parts = [self.tr("The last 8 weeks.")] if data is not None and not data.empty else []
        if data is not None:
            read = [a.last_ok_at for a in data.accounts if a.last_ok_at is not None]
            if read:
                when = from_utc(max(read), self.zone)
                day = self._day(when.date())
                parts.append(
                    self.tr("Figures last read %1 at %2.")
                    .replace("%1", day)
                    .replace("%2", clock_words(when.hour * 60 + when.minute, self.lang()))
                )
        if self.busy:
            parts.append(self.tr("Reading the figures…"))
        if self.note:
            parts.append(self.note)
        self.summary.setText(" ".join(parts))
        lang = self.lang()
        problems = []
        for account in data.accounts if data is not None else ():
            if account.error_code and account.error_code != m.OFFLINE:
                since = from_utc(account.last_ok_at, self.zone) if account.last_ok_at else None
                until = from_utc(account.next_sync_at, self.zone) if account.next_sync_at else None
                problems.append(
                    f"{account.handle}: "
                    + m.sync_message(
                        account.error_code,
                        account.network,
                        lang,
                        reason=account.error_detail,
                        when=clock_words(until.hour * 60 + until.minute, lang) if until else "",
                        since=self._day(since.date()) if since else "",
                    )
                )
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        self.problems.setStyleSheet(f"color: {css(Role.CHECK, self.palette())};")

    def _day(self, day: date) -> str:
        today = from_utc(self.clock.now(), self.zone).date()
        if day == today:
            return self.tr("today")
        return day_in_words(day, self.lang())

    def _number(self, value: int | None) -> str:
        return "—" if value is None else QLocale().toString(value)

    def _posts(self, count: int) -> str:
        return self.tr("1 post") if count == 1 else self.tr("%1 posts").replace("%1", str(count))

    def _render_week(self, data: ResultsData, lang: Lang) -> None:
        self.week_heading.setText(self.tr("This week, against last week"))
        this, last = data.this_week, data.last_week
        if this is None or last is None:
            return
        captions = {
            "posts": self.tr("posts"),
            "likes": self.tr("likes"),
            "reposts": self.tr("shares"),
            "replies": self.tr("replies"),
            "followers": self.tr("new followers"),
        }

        def value(week: WeekFigures, name: str) -> int | None:
            if name == "followers":
                return week.new_followers
            if name == "replies":
                return week.replies + week.quotes
            return int(getattr(week, name))

        for name, tile in self.tiles.items():
            now, before = value(this, name), value(last, name)
            tile.number.setText(self._number(now))
            tile.caption.setText(captions[name])
            tile.setToolTip(self.tr("Last week: %1").replace("%1", self._number(before)))
            tile.setAccessibleName(
                self.tr("%1 this week: %2; last week: %3")
                .replace("%1", captions[name])
                .replace("%2", self._number(now))
                .replace("%3", self._number(before))
            )
        sentence = self.tr("Last week: %1 posts, %2 likes, %3 shares, %4 replies, %5 new followers.")
        for number, name in enumerate(("posts", "likes", "reposts", "replies", "followers"), start=1):
            sentence = sentence.replace(f"%{number}", self._number(value(last, name)))
        notes = [sentence]
        missing = this.posts - this.with_figures
        if missing:
            notes.append(
                self.tr("One of this week's posts has no figures yet.")
                if missing == 1
                else self.tr("%1 of this week's posts have no figures yet.").replace("%1", str(missing))
            )
        notes.append(self.tr("Figures keep growing for a few days after a post goes out."))
        self.week_note.setText(" ".join(notes))

    @staticmethod
    def _time_words(weekday: int, minute: int, lang: Lang, *, first: bool = True) -> str:
        """'Tuesday 07:30'; in French 'mardi 7 h 30', with a capital only where a line starts."""
        day = weekday_name(weekday, lang)
        return f"{capitalised(day) if first or lang == 'en' else day} {clock_words(minute, lang)}"

    def _render_times(self, data: ResultsData, lang: Lang) -> None:
        self.times_heading.setText(self.tr("Best times to post"))
        best = data.best
        queue = [self._time_words(d, mm, lang, first=False) for d, mm in data.queue_times]
        queue_words = ", ".join(queue) if queue else self.tr("none yet")
        if best.enough and best.proposal:
            lines = [
                self.tr("%1: %2 (%3)")
                .replace("%1", self._time_words(time.weekday, time.minute_of_day, lang))
                .replace("%2", m.ratio_words(time.average, lang))
                .replace("%3", self._posts(time.posts))
                for time in best.proposal
            ]
            self.times_text.setText("\n".join(lines))
            done = {(t.weekday, t.minute_of_day) for t in best.proposal} <= set(data.queue_times)
            queue_line = self.tr("Your queue now: %1.").replace("%1", queue_words)
            if done:  # said where the person looks, not only in the disabled button's tooltip
                queue_line += " " + self.tr("It already uses these times.")
            self.queue_text.setText(queue_line)
            self.use_button.setVisible(True)
            self.use_button.setEnabled(bool(data.queue_times) and not done)
            self.use_button.setToolTip(
                self.tr("Your queue already uses these times.")
                if done
                else self.tr("Set your queue times in the Calendar first.")
                if not data.queue_times
                else self.tr("Each network keeps as many weekly times as it has now; the best come first.")
            )
        elif best.enough:
            self.times_text.setText(
                self.tr(
                    "No time stands out yet: post at the same times for a few more weeks to compare them."
                )
            )
            self.queue_text.setText(self.tr("Your plan's times stay: %1.").replace("%1", queue_words))
            self.use_button.setVisible(False)
        else:
            self.times_text.setText(m.NOT_ENOUGH.get(lang, needed=MIN_POSTS, count=best.counted))
            self.queue_text.setText(self.tr("Your plan's times: %1.").replace("%1", queue_words))
            self.use_button.setVisible(False)
        self.method_text.setText(m.METHOD.get(lang))
        self.weekday_title.setText(self.tr("By day of the week"))
        self.hour_title.setText(self.tr("By hour of the day"))
        self.charts_note.setText(
            self.tr(
                "Each bar: your posts' reactions against your usual (the dashed line). No bar: no post then."
            )
        )
        self._chart(
            self.weekday_chart,
            [_SHORT_DAYS[lang][day] for day in range(7)],
            [weekday_name(day, lang) for day in range(7)],
            data.weekdays,
            lang,
        )
        self._chart(
            self.hour_chart,
            [str(hour) for hour in range(24)],
            [clock_words(hour * 60, lang) for hour in range(24)],
            data.hours,
            lang,
        )

    def _chart(
        self,
        chart: ColumnChart,
        short: Sequence[str],
        long: Sequence[str],
        groups: Sequence[Group | None],
        lang: Lang,
    ) -> None:
        chart.set_bars(
            [
                BarValue(label, g.score if g else None, versus_usual(g.score, lang) if g else "")
                for label, g in zip(short, groups, strict=True)
            ],
            self.tr("usual"),
        )
        words = [
            self.tr("%1: %2 (%3)")
            .replace("%1", name)
            .replace("%2", versus_usual(g.score, lang))
            .replace("%3", self._posts(g.posts))
            for name, g in zip(long, groups, strict=True)
            if g is not None
        ]
        title = self.weekday_title.text() if chart is self.weekday_chart else self.hour_title.text()
        chart.setAccessibleName(title)
        chart.setAccessibleDescription("; ".join(words) or self.tr("No post yet."))
        chart.setToolTip("\n".join(words))

    def _render_top(self, data: ResultsData, lang: Lang) -> None:
        self.top_heading.setText(self.tr("Your best posts"))
        while self.top_rows.count():
            item = self.top_rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # gone from the screen now, not at the next turn of the event loop
                widget.setParent(None)
                widget.deleteLater()
        if not data.top:
            empty = _label("results_top_empty")
            empty.setText(self.tr("No post got a reaction yet over these 8 weeks."))
            self.top_rows.addWidget(empty)
            return
        for rank, (post, reason) in enumerate(data.top, start=1):
            self.top_rows.addWidget(self._top_row(rank, post, reason, lang))

    def _top_row(self, rank: int, post: PostFigures, reason: Why, lang: Lang) -> QWidget:
        row = QWidget()
        row.setObjectName(f"results_top_{rank}")
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        when = from_utc(post.published_at, self.zone)
        names = join_names(list(dict.fromkeys(network_name(t.network) for t in post.targets)))
        meta = _secondary(_label(f"results_top_{rank}_meta"))
        meta.setText(f"{capitalised(day_in_words(when.date(), lang))} · {names}")
        text = _label(f"results_top_{rank}_text")
        text.setText(excerpt(post.text) or "—")
        font = text.font()
        text.setFont(scaled_font(font, 1.05, font.Weight.DemiBold))
        figures = _label(f"results_top_{rank}_figures")
        counts = self.tr("%1 likes · %2 shares · %3 replies").replace("%1", str(post.total("likes")))
        counts = counts.replace("%2", str(post.total("reposts"))).replace(
            "%3", str(post.total("replies") + post.total("quotes"))
        )
        gone = [network_name(t.network) for t in post.targets if t.deleted]
        if gone:
            counts += " · " + self.tr("deleted on %1").replace("%1", join_names(gone))
        figures.setText(counts)
        sentence = _label(f"results_top_{rank}_why")
        sentence.setText(self.why_words(reason, lang))
        sentence.setStyleSheet(f"color: {css(Role.DONE, sentence.palette())};")
        for widget in (meta, text, figures, sentence):
            layout.addWidget(widget)
        row.setAccessibleName(f"{text.text()} {meta.text()}. {counts}. {sentence.text()}")
        # A stop for Tab, as every card's row is (DESIGN.md): a screen reader reads the post, its figures
        # and why it worked; the arrows and Page Down scroll the page to it.
        row.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return row

    @staticmethod
    def why_words(reason: Why, lang: Lang) -> str:
        template = m.WHY_TEXTS[reason.code]
        kind = kind_name(reason.kind, lang)
        part = m.DAY_PARTS[reason.part].get(lang) if reason.part else ""
        day = weekday_name(reason.weekday, lang) if reason.weekday >= 0 else ""
        return template.get(lang, kind=kind, ratio=m.ratio_words(reason.ratio, lang), day=day, part=part)

    def _render_followers(self, data: ResultsData, lang: Lang) -> None:
        self.followers_heading.setText(self.tr("Your followers"))
        today = from_utc(data.now, self.zone).date()
        per_network: dict[str, dict[date, int]] = {}
        for account in data.accounts:
            days = per_network.setdefault(account.network, {})
            for day, count in account.history:
                days[day] = days.get(day, 0) + count
        self.followers_chart.date_label = lambda day: day_in_words(day, lang)
        self.followers_chart.set_series(
            [
                Series(network_name(network), networks.get(network).colour, tuple(sorted(days.items())))
                for network, days in per_network.items()
                if days
            ]
        )
        lines = [self._account_line(a, today) for a in data.accounts]
        self.followers_text.setText(
            "\n".join(lines) or self.tr("No account to read yet: connect one in Accounts.")
        )
        self.followers_chart.setVisible(any(a.history for a in data.accounts))
        self.followers_chart.setAccessibleName(self.followers_heading.text())
        self.followers_chart.setAccessibleDescription(" ".join(lines))
        self.reconnect_button.setVisible(any(a.error_code == m.RECONNECT for a in data.accounts))

    def _account_line(self, account: AccountFigures, today: date) -> str:
        who = f"{network_name(account.network)} ({account.handle})"
        if account.followers is None:
            return self.tr("%1: followers not read yet.").replace("%1", who)
        gained = account.gained(FOLLOWERS_GAINED_DAYS, today)
        line = self.tr("%1: %2 followers").replace("%1", who).replace("%2", self._number(account.followers))
        if gained is not None:
            change = f"+{gained}" if gained >= 0 else f"−{-gained}"
            line += " " + self.tr("(%1 in 4 weeks)").replace("%1", change)
        return line + "."

    def _render_kinds(self, data: ResultsData, lang: Lang) -> None:
        self.kinds_heading.setText(self.tr("What kinds of posts work"))
        groups = list(data.kinds)
        bars = [
            BarValue(
                kind_name(str(g.key), lang),
                g.score,
                f"{versus_usual(g.score, lang)} · {self._posts(g.posts)}",
            )
            for g in groups
        ]
        self.kinds_chart.set_bars(bars, self.tr("usual"))
        self.kinds_chart.setVisible(bool(bars))
        self.kinds_chart.setAccessibleName(self.kinds_heading.text())
        self.kinds_chart.setAccessibleDescription("; ".join(f"{b.label}: {b.caption}" for b in bars))
        self.kinds_note.setText(
            self.tr(
                "Kinds come from the coach's ideas your posts started from; the dashed line is your usual."
            )
            if bars
            else self.tr("No post with figures yet over these 8 weeks.")
        )

    def _render_by_hand(self, data: ResultsData) -> None:
        count = data.by_hand_waiting
        self.by_hand_card.setVisible(count > 0)
        waiting = (
            self.tr("1 post published by hand has no figures yet.")
            if count == 1
            else self.tr("%1 posts published by hand have no figures yet.").replace("%1", str(count))
        )
        self.by_hand_text.setText(
            waiting
            + " "
            + self.tr(
                "On the Sending page, “How did it go?” takes ten seconds and makes these results complete."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.use_button.setStyleSheet(primary_button_style("use_best_times", self.palette()))
            self.compose_button.setStyleSheet(primary_button_style("results_compose", self.palette()))
            for label in (self.week_note, self.method_text, self.charts_note, self.kinds_note):
                _secondary(label, self.palette())
            self.retranslate()
        super().changeEvent(event)


def kind_name(kind: str, lang: Lang) -> str:
    """A kind of post as the coach names it; the person's own ideas when it came from no idea."""
    if not kind:
        return m.OWN_KIND.get(lang)
    try:
        return OCCASION_LABELS[Occasion(kind)].get(lang)
    except ValueError:
        return kind
