"""The calendar page: month, week and list views of every post, in the business's time zone.

Reads cover only what is on screen (a month grid, a week, or one page of search results); changes go
through core.calendar_query and the page reloads what it shows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QLocale, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core import calendar_query
from cm_desktop.core import networks as registry
from cm_desktop.core.calendar_query import PostFilter, PostView, SlotTime
from cm_desktop.core.moments import Moment
from cm_desktop.core.schedule import Clock, Problem, Severity, from_utc
from cm_desktop.core.store import Store, known_error
from cm_desktop.platform.logs import log_failure
from cm_desktop.ui.calendar.grid_view import DEFAULT_COMPOSE_TIME, CalendarGrid
from cm_desktop.ui.calendar.legend import StateLegend
from cm_desktop.ui.calendar.list_panel import PostListPanel
from cm_desktop.ui.calendar.month_model import ROWS, MonthModel, grid_start
from cm_desktop.ui.calendar.roles import DropTarget, current_lang
from cm_desktop.ui.calendar.slots_dialog import SlotsDialog
from cm_desktop.ui.calendar.week_model import WeekModel
from cm_desktop.ui.qtdates import to_qdate
from cm_desktop.ui.reflow import GAP, FlowRow
from cm_desktop.ui.tasks import TaskRunner
from cm_desktop.ui.theme import make_title

if TYPE_CHECKING:
    # Imported when a file is imported or exported: calendar_io brings Pillow and the networks' text rules.
    from cm_desktop.core import calendar_io
    from cm_desktop.ui.calendar.import_dialog import ImportDialog

log = logging.getLogger(__name__)

MONTH, WEEK, LIST = "month", "week", "list"
SEARCH_DELAY_MS = 250  # wait for a pause in typing before searching
EXPORT_LIMIT = 100_000
# The view switch: the chosen view must stand out in light and dark alike.
VIEW_BUTTON_STYLE = """
QToolButton { padding: 4px 12px; border: 1px solid palette(mid); border-radius: 4px; background: palette(button); }
QToolButton:checked { background: palette(highlight); color: palette(highlighted-text); border-color: palette(highlight); }
"""


@dataclass(frozen=True)
class _MonthData:
    first: date
    posts: list[PostView]
    moments: list[Moment]


@dataclass(frozen=True)
class _WeekData:
    monday: date
    posts: list[PostView]
    slots: list[SlotTime]
    moments: list[Moment]


class CalendarPage(QWidget):
    compose_requested = Signal(object)  # naive local datetime in the business zone
    post_opened = Signal(int)  # post id
    posts_changed = Signal()  # something moved, was copied, deleted or imported
    # A post a server holds for later (native_schedule_id) moved or went back to drafts: its server copy
    # is stale. TODO(outbox): connect to the outbox so it updates or cancels the server's scheduled copy.
    native_reschedule_needed = Signal(int)  # post id

    def __init__(
        self,
        store: Store,
        zone: str,
        country: str,
        clock: Clock,
        runner: TaskRunner,
        data_dir: Path,
        networks: Sequence[str] | None = None,
        parent: QWidget | None = None,
        *,
        load_when_shown: bool = False,
    ) -> None:
        """`load_when_shown`: the first month is read when the page is first shown (or refreshed), not now:
        the app builds it at start, off screen, and its holidays need not load before the person looks."""
        super().__init__(parent)
        self.setObjectName("page_calendar")
        self.store, self.zone, self.country, self.clock, self.runner = store, zone, country, clock, runner
        self.data_dir = data_dir
        self.networks = registry.ids() if networks is None else tuple(networks)
        self.mode = MONTH
        self.anchor = self.today()  # the day the month or week shown contains
        self._generation = 0  # answers of an older load are dropped (fast clicking, slow disk)
        # Asked before deleting; tests replace it.
        self.confirm: Callable[[str, str], bool] = self._ask
        self._build()
        self.retranslate()
        self._load_pending = load_when_shown
        if not load_when_shown:
            self.refresh()

    # --- building ----------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = QLabel()
        self.title_label.setObjectName("page_title")
        make_title(self.title_label)
        self.period_label = QLabel()
        self.period_label.setObjectName("calendar_period")
        font = self.period_label.font()
        font.setPointSizeF((font.pointSizeF() if font.pointSizeF() > 0 else 10.0) * 1.25)
        font.setBold(True)
        self.period_label.setFont(font)
        self.previous_button = QToolButton()
        self.previous_button.setObjectName("calendar_previous")
        self.previous_button.setText("‹")
        self.previous_button.clicked.connect(self.go_previous)
        self.next_button = QToolButton()
        self.next_button.setObjectName("calendar_next")
        self.next_button.setText("›")
        self.next_button.clicked.connect(self.go_next)
        self.today_button = QPushButton()
        self.today_button.setObjectName("calendar_today")
        self.today_button.clicked.connect(self.go_today)
        self.view_buttons = QButtonGroup(self)
        self.mode_buttons: dict[str, QToolButton] = {}
        for mode in (MONTH, WEEK, LIST):
            button = QToolButton()
            button.setObjectName(f"view_{mode}")
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setStyleSheet(VIEW_BUTTON_STYLE)
            button.clicked.connect(lambda _checked=False, m=mode: self.set_mode(m))
            self.view_buttons.addButton(button)
            self.mode_buttons[mode] = button
        self.mode_buttons[MONTH].setChecked(True)
        self.search = QLineEdit()
        self.search.setObjectName("calendar_search")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_now)
        self.search.textEdited.connect(lambda _text: self._search_timer.start())
        self.slots_button = QPushButton()
        self.slots_button.setObjectName("calendar_slots")
        self.slots_button.clicked.connect(self.edit_slots)
        self.io_button = QPushButton()
        self.io_button.setObjectName("calendar_import_export")
        self.io_menu = QMenu(self)
        self.import_action = self.io_menu.addAction("")
        self.import_action.triggered.connect(self._choose_import)
        self.export_ics_action = self.io_menu.addAction("")
        self.export_ics_action.triggered.connect(lambda: self._choose_export("ics"))
        self.export_csv_action = self.io_menu.addAction("")
        self.export_csv_action.triggered.connect(lambda: self._choose_export("csv"))
        self.io_button.setMenu(self.io_menu)

        self.message = QLabel()
        self.message.setObjectName("calendar_message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet(
            "QLabel { background: palette(alternate-base); border: 1px solid palette(mid);"
            " border-radius: 6px; padding: 8px 12px; }"
        )
        self.message.hide()

        self.month_model = MonthModel(self)
        self.month_model.move_requested.connect(self.move_post)
        self.month_view = CalendarGrid(self.month_model)
        self.month_view.setObjectName("month_view")
        self.week_model = WeekModel(self)
        self.week_model.move_requested.connect(self.move_post)
        self.week_view = CalendarGrid(self.week_model)
        self.week_view.setObjectName("week_view")
        for view in (self.month_view, self.week_view):
            view.post_clicked.connect(self.post_opened)
            view.compose_clicked.connect(self.compose_requested)
            view.post_menu_requested.connect(self.show_post_menu)
            view.period_step_requested.connect(self._step)
        self.month_view.more_clicked.connect(lambda day: self.show_week(day))
        self.week_view.more_clicked.connect(lambda day: self.show_list_of(day))
        self.list_panel = PostListPanel(self.networks)
        self.list_panel.filters_changed.connect(self._search_now)
        self.list_panel.post_activated.connect(self.post_opened)
        self.list_panel.post_menu_requested.connect(self.show_post_menu)
        self.stack = QStackedWidget()
        for widget in (self.month_view, self.week_view, self.list_panel):
            self.stack.addWidget(widget)
        self.legend = StateLegend()

        # Toolbars that wrap: the French labels, a large font or 200 % never make the page wider than the
        # window. Groups that belong together (previous, today, next, the period; the three views) stay whole.
        self.search.setMaximumWidth(300)
        tools = FlowRow(
            (self.search, self.slots_button, self.io_button), align_right=True, name="calendar_tools"
        )
        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addWidget(tools, 1)
        period = QWidget()
        period.setObjectName("calendar_period_bar")
        period_row = QHBoxLayout(period)
        period_row.setContentsMargins(0, 0, 0, 0)
        period_row.addWidget(self.previous_button)
        period_row.addWidget(self.today_button)
        period_row.addWidget(self.next_button)
        period_row.addSpacing(8)
        period_row.addWidget(self.period_label)
        views = QWidget()
        views.setObjectName("calendar_views")
        views_row = QHBoxLayout(views)
        views_row.setContentsMargins(0, 0, 0, 0)
        for mode in (MONTH, WEEK, LIST):
            views_row.addWidget(self.mode_buttons[mode])
        bar = FlowRow((period, views), spacing=24, line_spacing=GAP, name="calendar_bar")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 12)
        layout.addLayout(top)
        layout.addWidget(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.legend)

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Calendar"))
        self.today_button.setText(self.tr("Today"))
        self.previous_button.setAccessibleName(self.tr("Previous"))
        self.previous_button.setToolTip(self.tr("Previous"))
        self.next_button.setAccessibleName(self.tr("Next"))
        self.next_button.setToolTip(self.tr("Next"))
        self.mode_buttons[MONTH].setText(self.tr("Month"))
        self.mode_buttons[WEEK].setText(self.tr("Week"))
        self.mode_buttons[LIST].setText(self.tr("List"))
        self.search.setPlaceholderText(self.tr("Find a post…"))
        self.search.setAccessibleName(self.tr("Find a post"))
        self.slots_button.setText(self.tr("Posting times…"))
        self.io_button.setText(self.tr("Import / export"))
        self.import_action.setText(self.tr("Import posts from a CSV file…"))
        self.export_ics_action.setText(self.tr("Export the schedule for a calendar app (.ics)…"))
        self.export_csv_action.setText(self.tr("Export the schedule as a table (.csv)…"))
        keys = self.tr(
            "The arrow keys move from cell to cell; Enter opens the post there, or writes a new one; the "
            "menu key shows what can be done with the post."
        )
        self.month_view.setAccessibleName(self.tr("Posts of the month, day by day"))
        self.month_view.setAccessibleDescription(keys)
        self.month_view.horizontalHeader().setAccessibleName(self.tr("Days of the week"))
        self.week_view.setAccessibleName(self.tr("Posts of the week, hour by hour"))
        self.week_view.setAccessibleDescription(keys)
        self.week_view.horizontalHeader().setAccessibleName(self.tr("Days of the week"))
        self.week_view.verticalHeader().setAccessibleName(self.tr("Hours of the day"))
        self.io_button.setAccessibleName(self.tr("Import or export"))
        self._update_period_label()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            # Style sheets read palette() when polished: set again so a light/dark switch reaches them.
            for button in self.mode_buttons.values():
                button.setStyleSheet(VIEW_BUTTON_STYLE)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            # Day names, moment titles and tooltips come from the models: repaint them in the new language.
            self.refresh()
        super().changeEvent(event)

    # --- navigation --------------------------------------------------------------------------------------

    def today(self) -> date:
        return from_utc(self.clock.now(), self.zone).date()

    def now_local(self) -> datetime:
        return from_utc(self.clock.now(), self.zone)

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.mode_buttons[mode].setChecked(True)
        self.stack.setCurrentIndex((MONTH, WEEK, LIST).index(mode))
        for button in (self.previous_button, self.next_button, self.today_button):
            button.setEnabled(mode != LIST)
        self.refresh()

    def show_month(self, day: date) -> None:
        self.anchor = day
        self.set_mode(MONTH)

    def show_week(self, day: date) -> None:
        self.anchor = day
        self.set_mode(WEEK)
        # After the stack has laid the view out: before that, the scroll range is still empty.
        QTimer.singleShot(0, self.week_view.scroll_to_morning)

    def show_list_of(self, day: date) -> None:
        self.anchor = day
        self.set_mode(LIST)

    def go_today(self) -> None:
        self.anchor = self.today()
        self.refresh()

    def go_previous(self) -> None:
        self._step(-1)

    def go_next(self) -> None:
        self._step(1)

    def _step(self, direction: int) -> None:
        if self.mode == WEEK:
            self.anchor += timedelta(days=7 * direction)
        elif self.mode == MONTH:
            month = self.anchor.month - 1 + direction
            self.anchor = date(self.anchor.year + month // 12, month % 12 + 1, 1)
        self.refresh()

    def _update_period_label(self) -> None:
        locale = QLocale()
        if self.mode == MONTH:
            first = QDate(self.anchor.year, self.anchor.month, 1)
            text = locale.toString(first, "MMMM yyyy")
        elif self.mode == WEEK:
            monday = self.anchor - timedelta(days=self.anchor.weekday())
            sunday = monday + timedelta(days=6)
            week = self.tr("Week %1").replace("%1", str(monday.isocalendar().week))
            span = f"{locale.toString(to_qdate(monday), 'd MMM')} – {locale.toString(to_qdate(sunday), 'd MMM yyyy')}"
            text = f"{week} · {span}"
        else:
            text = self.tr("All posts")
        self.period_label.setText(text[:1].upper() + text[1:])

    # --- loading -----------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._load_pending:
            self.refresh()

    def refresh(self) -> None:
        self._load_pending = False
        self._generation += 1
        generation = self._generation
        self._update_period_label()
        today = self.today()
        if self.mode == MONTH:
            first = self.anchor.replace(day=1)
            self.runner.run(
                lambda: self._load_month(first),
                lambda data: self._show_month(generation, data, today),
                self._failed,
            )
        elif self.mode == WEEK:
            monday = self.anchor - timedelta(days=self.anchor.weekday())
            self.runner.run(
                lambda: self._load_week(monday),
                lambda data: self._show_week(generation, data, today),
                self._failed,
            )
        else:
            self._search_now()

    def _load_month(self, first: date) -> _MonthData:
        start = grid_start(first)
        end = start + timedelta(days=ROWS * 7)
        posts = self._posts_and_ideas(start, end)
        moments = calendar_query.moments_between(self.country, start, end - timedelta(days=1))
        return _MonthData(first, posts, moments)

    def _posts_and_ideas(self, first: date, end: date) -> list[PostView]:
        """The posts of the range and the plan's ideas on their suggested days (one click from a draft)."""
        posts = calendar_query.posts_between(self.store, first, end, self.zone)
        ideas = calendar_query.suggestions_between(self.store, first, end, self.zone)
        return sorted([*posts, *ideas], key=lambda p: (p.local or datetime.min, p.id))

    def _show_month(self, generation: int, data: _MonthData, today: date) -> None:
        if generation == self._generation:
            self.month_model.set_month(data.first, data.posts, data.moments, today)

    def _load_week(self, monday: date) -> _WeekData:
        end = monday + timedelta(days=7)
        posts = self._posts_and_ideas(monday, end)
        slots = calendar_query.slot_times_between(calendar_query.list_slots(self.store), monday, 7)
        moments = calendar_query.moments_between(self.country, monday, end - timedelta(days=1))
        return _WeekData(monday, posts, slots, moments)

    def _show_week(self, generation: int, data: _WeekData, today: date) -> None:
        if generation == self._generation:
            self.week_model.set_week(data.monday, data.posts, data.slots, data.moments, today)

    def _search_now(self) -> None:
        text = self.search.text()
        if text.strip() and self.mode != LIST:
            self.set_mode(LIST)  # set_mode comes back here
            return
        query = self.list_panel.make_filter(text)
        if not self.list_panel.past_box.isChecked():
            start_of_today = datetime.combine(self.today(), time())
            query = PostFilter(query.text, query.networks, query.states, self._utc(start_of_today))
        self._generation += 1
        generation = self._generation
        self.runner.run(
            lambda: calendar_query.find_posts(self.store, query, self.zone),
            lambda posts: self._show_list(generation, posts),
            self._failed,
        )

    def _show_list(self, generation: int, posts: list[PostView]) -> None:
        if generation == self._generation:
            self.list_panel.model.set_posts(posts)

    def _utc(self, local: datetime) -> datetime:
        return calendar_query.day_bounds_utc(local.date(), local.date(), self.zone)[0]

    def _failed(self, exc: BaseException) -> None:
        """A known failure (disk full, file unreadable...) in a sentence; anything else is logged as a bug."""
        known = known_error(exc)
        log_failure(log, "calendar", exc, known=known is not None)
        self.say(
            known.message(current_lang()) if known else self.tr("Something went wrong. Please try again.")
        )

    # --- messages ----------------------------------------------------------------------------------------

    def say(self, text: str) -> None:
        """A plain sentence above the calendar (no pop-up to dismiss)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _say_problems(self, problems: list[Problem]) -> bool:
        """Show the errors; True when there was none."""
        errors = [p for p in problems if p.severity is Severity.ERROR]
        shown = errors or problems
        self.say(" ".join(p.message(current_lang()) for p in shown))
        return not errors

    # --- changes -----------------------------------------------------------------------------------------

    def _post(self, post_id: int) -> PostView | None:
        return calendar_query.get_post(self.store, post_id, self.zone)

    def move_post(self, post_id: int, target: DropTarget) -> None:
        """Move a dropped post; past times and sent posts are refused with a sentence."""
        post = self._post(post_id)
        if post is None:
            self.refresh()
            return
        old = post.local.time() if post.local else DEFAULT_COMPOSE_TIME
        if target.hour is not None:
            minute = target.minute if target.minute is not None else old.minute
            when = time(target.hour, minute)
        else:
            when = old
        local = datetime.combine(target.day, when)
        if post.local == local:
            return
        store, zone, now = self.store, self.zone, self.clock.now()
        self._write(post_id, lambda: calendar_query.reschedule(store, post_id, local, zone, now))

    def _write(
        self, post_id: int | None, work: Callable[[], list[Problem]], then: Callable[[], None] | None = None
    ) -> None:
        """A change of the store, on the task runner; its problems are said, then the views refresh.

        A post whose copy a server holds (Mastodon) wakes the outbox, which brings that copy in line.
        """
        store = self.store

        def change() -> tuple[list[Problem], bool]:
            problems = work()
            native = post_id is not None and calendar_query.natively_scheduled(store, post_id)
            return problems, native

        def done(result: tuple[list[Problem], bool]) -> None:
            problems, native = result
            if not self._say_problems(problems):
                return
            if then is not None:
                then()
            if native and post_id is not None:
                self.native_reschedule_needed.emit(post_id)
            self.refresh()
            self.posts_changed.emit()

        self.runner.run(change, done, self._failed)

    def show_post_menu(self, post_id: int, where: QPoint) -> None:
        menu = self.post_menu(post_id)
        menu.popup(where)

    def post_menu(self, post_id: int) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("post_menu")
        menu.addAction(self.tr("Open"), lambda: self.post_opened.emit(post_id))
        menu.addAction(self.tr("Duplicate"), lambda: self.duplicate(post_id))
        menu.addAction(self.tr("Back to drafts"), lambda: self.back_to_drafts(post_id))
        menu.addSeparator()
        menu.addAction(self.tr("Delete…"), lambda: self.delete(post_id))
        menu.aboutToHide.connect(menu.deleteLater)
        return menu

    def duplicate(self, post_id: int) -> None:
        store = self.store

        def copy() -> list[Problem]:
            calendar_query.duplicate_post(store, post_id)
            return []

        self._write(None, copy, lambda: self.say(self.tr("A copy was added as a draft on the same day.")))

    def back_to_drafts(self, post_id: int) -> None:
        store = self.store
        self._write(
            post_id,
            lambda: calendar_query.back_to_drafts(store, post_id),
            lambda: self.say(
                self.tr(
                    "The post is back in your drafts: it will not be published until you schedule it again."
                )
            ),
        )

    def delete(self, post_id: int) -> bool:
        """Ask, then delete the post from the app. True when the person confirmed."""
        post = self._post(post_id)
        if post is None:
            return False
        sentence = self.tr("Delete this post from the app? This cannot be undone.")
        if post.state == "published" or any(t.state == "published" for t in post.targets):
            sentence += " " + self.tr("What is already published stays on the networks.")
        if not self.confirm(self.tr("Delete the post"), sentence):
            return False
        store = self.store

        def deleted() -> list[Problem]:
            return calendar_query.delete_post(store, post_id)

        # A copy held by a server (Mastodon) is cancelled by the outbox: its warning stays, the outbox is woken.
        self._write(post_id, deleted, lambda: None)
        return True

    def _ask(self, title: str, sentence: str) -> bool:
        answer = QMessageBox.question(self, title, sentence)
        return answer == QMessageBox.StandardButton.Yes

    def edit_slots(self) -> SlotsDialog:
        dialog = SlotsDialog(self.store, self.networks, self.runner, self)
        dialog.slots_changed.connect(self.refresh)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- import and export -------------------------------------------------------------------------------

    def _choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import posts"), str(Path.home()), self.tr("Tables (*.csv *.txt)")
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path, on_dialog: Callable[[ImportDialog], Any] | None = None) -> None:
        """Check the file off the GUI thread, then show the preview; importing is the dialog's OK."""
        from cm_desktop.core import calendar_io
        from cm_desktop.ui.calendar.import_dialog import ImportDialog

        zone, now = self.zone, self.clock.now()

        def work() -> calendar_io.ImportPreview:
            return calendar_io.read_csv_file(path, zone, now)

        def done(preview: calendar_io.ImportPreview) -> None:
            dialog = ImportDialog(preview, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.accepted.connect(lambda: self.land_import(preview, dialog.queue))
            if on_dialog is not None:
                on_dialog(dialog)
            else:
                dialog.open()

        self.runner.run(work, done, self._failed)

    def land_import(self, preview: calendar_io.ImportPreview, queue: bool) -> None:
        from cm_desktop.core import calendar_io

        def done(ids: list[int]) -> None:
            self.say(self.tr("%1 posts were imported.").replace("%1", str(len(ids))))
            self.refresh()
            self.posts_changed.emit()

        self.runner.run(
            lambda: calendar_io.import_rows(self.store, preview, self.zone, self.data_dir, queue=queue),
            done,
            self._failed,
        )

    def _choose_export(self, kind: str) -> None:
        filters = self.tr("Calendar (*.ics)") if kind == "ics" else self.tr("Tables (*.csv)")
        default = str(Path.home() / f"calendar.{kind}")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the schedule"), default, filters)
        if name:
            self.export_to(Path(name), kind)

    def export_to(self, path: Path, kind: str) -> None:
        """Write every post from today on (drafts with a date included) to an .ics or .csv file."""
        from cm_desktop.core import calendar_io

        store, zone, now = self.store, self.zone, self.clock.now()
        since = self._utc(datetime.combine(self.today(), time()))

        def work() -> int:
            posts = calendar_query.find_posts(store, PostFilter(since_utc=since), zone, limit=EXPORT_LIMIT)
            dated = [p for p in posts if p.scheduled_utc is not None]
            if kind == "ics":
                path.write_text(
                    calendar_io.export_ics(dated, now, lang=current_lang()), encoding="utf-8", newline=""
                )
            else:
                path.write_bytes(calendar_io.export_csv(dated))
            return len(dated)

        def done(count: int) -> None:
            self.say(
                self.tr("%1 posts were exported to %2.").replace("%1", str(count)).replace("%2", path.name)
            )

        self.runner.run(work, done, self._failed)
