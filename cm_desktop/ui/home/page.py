"""Home, the coach: this week at a glance, the next date to prepare, one tip, and the last six weeks.

The store is read off the GUI thread (core.home_query.load_home on the task runner); the page words what it
got in the current language, so a language switch re-words it without reading the store again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core.coach import fill, tip_of_week, week_summary
from cm_desktop.core.coach.dates import day_in_words
from cm_desktop.core.coach.ideas import raw
from cm_desktop.core.coach.weekly import NEXT_POST
from cm_desktop.core.home_query import HomeData, load_home
from cm_desktop.core.i18n import Lang
from cm_desktop.core.networks import name_of
from cm_desktop.core.schedule import Clock
from cm_desktop.ui.home.week_bars import Bar, WeekBars
from cm_desktop.ui.i18n import current_lang
from cm_desktop.ui.reflow import ContentScroll, FlowRow
from cm_desktop.ui.tasks import TaskRunner
from cm_desktop.ui.theme import make_body, make_title, scaled_font
from cm_desktop.ui.wizard.words import capitalised, clock_words, join_names

log = logging.getLogger(__name__)

EXCERPT = 70  # characters of a post shown in "coming next"
_SHORT_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."),
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


class Card(QWidget):
    """A rounded panel painted from the palette: follows light and dark without a style sheet (a style
    sheet on the page froze its palette when the system switched to dark)."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(f"{name}_card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(18, 14, 18, 16)
        self.body.setSpacing(8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(self.palette().color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)
        painter.end()


class StatTile(QWidget):
    """A big number with a caption under it: 'Published this week'."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.number = _label(f"{name}_number", wrap=False)
        font = self.number.font()
        self.number.setFont(scaled_font(font, 2.0, font.Weight.DemiBold))
        # On one line: "à publier vous-même" broken after its hyphen reads badly.
        self.caption = _label(f"{name}_caption", wrap=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set(self, number: int, caption: str) -> None:
        self.number.setText(str(number))
        self.caption.setText(caption)
        self.setAccessibleName(f"{caption}: {number}")


class HomePage(QWidget):
    compose_requested = Signal(str, str)  # (starting text, Post.origin such as "moment:mothers_day")
    setup_requested = Signal()  # no profile yet: open the first-run wizard
    posts_requested = Signal()  # posts to fix or to publish by hand: show where they are
    idea_opened = Signal(int)  # one of the plan's ideas (a post id): open it in the composer as a draft

    def __init__(
        self,
        runner: TaskRunner,
        clock: Clock,
        lang: Callable[[], Lang] = current_lang,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page_home")
        self.runner, self.clock, self._lang = runner, clock, lang
        self.store: Any = None
        self.data: HomeData | None = None
        self._loading = False

        self.title_label = _label("page_title")
        make_title(self.title_label)
        self.date_label = _label("home_date")
        make_body(self.date_label)

        # Set-up invitation, shown while there is no profile.
        self.setup_card = Card("setup")
        self.setup_text = _label("setup_text")
        make_body(self.setup_text)
        self.setup_button = QPushButton()
        self.setup_button.setObjectName("setup_button")
        self.setup_card.body.addWidget(self.setup_text)
        self.setup_card.body.addLayout(self._left(self.setup_button))

        # This week.
        self.week_card = Card("week")
        self.week_heading = _heading("week_heading")
        self.week_lines = _label("week_lines")
        make_body(self.week_lines)
        tiles = FlowRow(spacing=24, line_spacing=8, name="week_tiles")  # wraps: four do not fit a narrow card
        self.planned_tile = StatTile("planned_tile")
        self.published_tile = StatTile("published_tile")
        self.waiting_tile = StatTile("waiting_tile")
        self.to_fix_tile = StatTile("to_fix_tile")
        for tile in (self.planned_tile, self.published_tile, self.waiting_tile, self.to_fix_tile):
            tiles.add(tile)
        self.next_heading = _label("next_heading")
        font = self.next_heading.font()
        self.next_heading.setFont(scaled_font(font, 1.05, font.Weight.DemiBold))
        self.next_posts = _label("next_posts")
        self.posts_button = QPushButton()
        self.posts_button.setObjectName("posts_button")
        self.week_card.body.addWidget(self.week_heading)
        self.week_card.body.addWidget(tiles)
        self.week_card.body.addWidget(self.week_lines)
        self.week_card.body.addSpacing(4)
        self.week_card.body.addWidget(self.next_heading)
        self.week_card.body.addWidget(self.next_posts)
        self.week_card.body.addLayout(self._left(self.posts_button))
        self.week_card.body.addStretch(1)

        # The next date to prepare.
        self.moment_card = Card("moment")
        self.moment_heading = _heading("moment_heading")
        self.moment_question = _label("moment_question")
        make_body(self.moment_question)
        self.moment_idea = _label("moment_idea")
        self.moment_button = QPushButton()
        self.moment_button.setObjectName("moment_button")
        self.moment_card.body.addWidget(self.moment_heading)
        self.moment_card.body.addWidget(self.moment_question)
        self.moment_card.body.addWidget(self.moment_idea)
        self.moment_card.body.addLayout(self._left(self.moment_button))
        self.moment_card.body.addStretch(1)

        # Tip of the week.
        self.tip_card = Card("tip")
        self.tip_heading = _heading("tip_heading")
        self.tip_title = _label("tip_title")
        font = self.tip_title.font()
        self.tip_title.setFont(scaled_font(font, 1.1, font.Weight.DemiBold))
        self.tip_body = _label("tip_body")
        self.tip_card.body.addWidget(self.tip_heading)
        self.tip_card.body.addWidget(self.tip_title)
        self.tip_card.body.addWidget(self.tip_body)
        self.tip_card.body.addStretch(1)

        # The plan's ideas for this week, one click from a draft.
        self.ideas_card = Card("ideas")
        self.ideas_heading = _heading("ideas_heading")
        self.ideas_empty = _label("ideas_empty")
        self.ideas_rows = QVBoxLayout()
        self.ideas_rows.setSpacing(6)
        self.idea_buttons: list[QPushButton] = []
        self.ideas_card.body.addWidget(self.ideas_heading)
        self.ideas_card.body.addWidget(self.ideas_empty)
        self.ideas_card.body.addLayout(self.ideas_rows)

        # The last six weeks.
        self.history_card = Card("history")
        self.history_heading = _heading("history_heading")
        self.week_bars = WeekBars()
        self.history_legend = _label("history_legend")
        self.history_card.body.addWidget(self.history_heading)
        self.history_card.body.addWidget(self.week_bars)
        self.history_card.body.addWidget(self.history_legend)

        self.status = _label("home_status")

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(16)
        self.grid = grid
        self.columns = 0
        self._arrange(2)
        for card in (self.week_card, self.moment_card, self.tip_card):
            card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

        inner = QWidget()
        inner.setObjectName("home_inner")
        column = QVBoxLayout(inner)
        column.setContentsMargins(32, 28, 32, 28)
        column.setSpacing(12)
        column.addWidget(self.title_label)
        column.addWidget(self.date_label)
        column.addWidget(self.setup_card)
        column.addLayout(grid)
        column.addWidget(self.status)
        column.addStretch(1)
        self.scroll_area = ContentScroll(name=QT_TRANSLATE_NOOP("Reflow", "Your week"))
        self.scroll_area.setObjectName("home_scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

        self.setup_button.clicked.connect(self.setup_requested)
        self.posts_button.clicked.connect(self.posts_requested)
        self.moment_button.clicked.connect(self._plan_moment)
        self.retranslate()

    def _arrange(self, columns: int) -> None:
        """Two columns of cards when they fit side by side, one under the other otherwise."""
        if columns == self.columns:
            return
        self.columns = columns
        grid = self.grid
        cards = (self.week_card, self.moment_card, self.tip_card, self.ideas_card, self.history_card)
        for card in cards:
            grid.removeWidget(card)
        if columns == 2:
            grid.addWidget(self.week_card, 0, 0, 2, 1)
            grid.addWidget(self.moment_card, 0, 1)
            grid.addWidget(self.tip_card, 1, 1)
            grid.addWidget(self.ideas_card, 2, 0, 1, 2)
            grid.addWidget(self.history_card, 3, 0, 1, 2)
            grid.setColumnStretch(0, 3)
            grid.setColumnStretch(1, 2)
        else:
            for row, card in enumerate(cards):
                grid.addWidget(card, row, 0)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        sides = 2 * 32 + self.scroll_area.verticalScrollBar().sizeHint().width()  # margins, scroll bar
        side_by_side = (
            self.week_card.minimumSizeHint().width()
            + max(self.moment_card.minimumSizeHint().width(), self.tip_card.minimumSizeHint().width())
            + self.grid.horizontalSpacing()
            + sides
        )
        self._arrange(2 if event.size().width() >= side_by_side else 1)
        super().resizeEvent(event)

    @staticmethod
    def _left(widget: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(widget)
        row.addStretch(1)
        return row

    def lang(self) -> Lang:
        return self._lang()

    # --- data ---------------------------------------------------------------------------------------

    def set_store(self, store: Any) -> None:
        self.store = store
        self.refresh()

    def refresh(self) -> None:
        """Read the store again (after a post was saved, scheduled or sent, or when the page is shown)."""
        if self.store is None or self._loading:
            return
        self._loading = True
        store, now = self.store, self.clock.now()
        self.runner.run(lambda: load_home(store, now), self._loaded, self._failed)

    def _loaded(self, data: HomeData) -> None:
        self._loading = False
        self.data = data
        self.status.clear()
        self.retranslate()

    def _failed(self, error: BaseException) -> None:
        from cm_desktop.core.store import StoreError, known_error

        self._loading = False
        known = error if isinstance(error, StoreError) else known_error(error)
        if known is None:
            log.error("loading Home failed", exc_info=error)
            self.status.setText(self.tr("Your week could not be loaded. Try again in a moment."))
        else:
            self.status.setText(known.message(self.lang()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    # --- words --------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        lang = self.lang()
        data = self.data
        name = data.business_name if data is not None else ""
        self.title_label.setText(self.tr("Hello, %1").replace("%1", name) if name else self.tr("Hello"))
        self.setup_card.setVisible(data is not None and not data.has_profile)
        self.setup_text.setText(
            self.tr(
                "Answer a few questions (about two minutes) and the coach suggests a posting plan that fits "
                "your week, with ideas for your first four weeks."
            )
        )
        self.setup_button.setText(self.tr("&Set up my plan"))
        self._render_week(lang)
        self._render_moment(lang)
        self._render_tip(lang)
        self._render_ideas(lang)
        self._render_history(lang)
        for button in (self.setup_button, self.posts_button, self.moment_button):
            button.setAccessibleName(button.text().replace("&", ""))

    def _render_week(self, lang: Lang) -> None:
        data = self.data
        self.week_heading.setText(self.tr("This week"))
        self.next_heading.setText(self.tr("Coming next"))
        self.posts_button.setText(self.tr("See these &posts"))
        if data is None:
            self.date_label.setText("")
            self.week_lines.setText(self.tr("Loading your week…"))
            for tile in (self.planned_tile, self.published_tile, self.waiting_tile, self.to_fix_tile):
                tile.set(0, "")
            self.next_posts.setText("")
            self.posts_button.hide()
            return
        summary = week_summary(data.posts, data.now, data.target, lang)
        self.date_label.setText(self.tr("Week of %1").replace("%1", day_in_words(summary.week_start, lang)))
        self.planned_tile.set(
            summary.planned, self.tr("planned (your plan: %1)").replace("%1", str(summary.target))
        )
        self.published_tile.set(summary.published, self.tr("published"))
        self.waiting_tile.set(summary.assisted_waiting, self.tr("waiting for you"))
        self.to_fix_tile.set(summary.to_fix, self.tr("to fix"))
        # The next post already has its own list below: keep the sentences that ask for something.
        lines = [m.get(lang) for m in summary.messages if m.text is not NEXT_POST]
        self.week_lines.setText("\n".join(lines))
        if data.next_posts:
            rows = []
            for post in data.next_posts:
                when = f"{capitalised(day_in_words(post.when.date(), lang))}, {clock_words(post.when.hour * 60 + post.when.minute, lang)}"
                networks = join_names([name_of(n).get(lang) for n in post.networks])
                text = " ".join(post.text.split())
                excerpt = text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"
                head = f"{when} · {networks}" if networks else when
                rows.append(f"{head}\n    {excerpt}" if excerpt else head)
            self.next_posts.setText("\n".join(rows))
        else:
            self.next_posts.setText(self.tr("Nothing scheduled yet."))
        self.posts_button.setVisible(bool(summary.to_fix or summary.assisted_waiting))

    def _render_moment(self, lang: Lang) -> None:
        data = self.data
        self.moment_heading.setText(self.tr("Coming up"))
        self.moment_button.setText(self.tr("P&lan a post"))
        moment = data.moment if data is not None else None
        if data is None or moment is None:
            self.moment_question.setText(
                self.tr("No special date in the coming weeks: a good time for your own news.")
                if data is not None and data.has_profile
                else self.tr("Tell us your country in the set-up to see the holidays and key dates.")
            )
            self.moment_idea.setText("")
            self.moment_idea.hide()
            self.moment_button.hide()
            return
        days = (moment.start - data.now.date()).days
        title = moment.title.get(lang)
        if days <= 1:
            question = self.tr("%1 is tomorrow: plan a post?").replace("%1", title)
        else:
            question = self.tr("%1 in %2 days: plan a post?").replace("%1", title).replace("%2", str(days))
        self.moment_question.setText(question)
        self.moment_idea.setText(self._moment_text(lang))
        self.moment_idea.show()
        self.moment_button.show()

    def _moment_text(self, lang: Lang, *, draft: bool = False) -> str:
        """The advice for the owner (shown on the card), or the starting post written for the customers
        (`draft`: what "Plan a post" puts in the composer, its gaps in square brackets)."""
        data = self.data
        if data is None or data.moment is None:
            return ""
        values = {
            "business": data.business_name,
            "town": data.town,
            "date": day_in_words(data.moment.start, lang),
        }
        text = data.moment.draft if draft else data.moment.idea
        return fill(raw(text, lang), values, lang)

    def _plan_moment(self) -> None:
        if self.data is None or self.data.moment is None:
            return
        self.compose_requested.emit(
            self._moment_text(self.lang(), draft=True), f"moment:{self.data.moment.code}"
        )

    def _render_ideas(self, lang: Lang) -> None:
        data = self.data
        self.ideas_heading.setText(self.tr("Ideas for this week"))
        self.ideas_card.setVisible(data is not None and data.has_profile)
        while self.ideas_rows.count():
            item = self.ideas_rows.takeAt(0)
            row = item.layout() if item is not None else None
            while row is not None and row.count():
                child = row.takeAt(0)
                widget = child.widget() if child is not None else None
                if widget is not None:
                    widget.hide()
                    widget.deleteLater()
        self.idea_buttons = []
        ideas = data.ideas if data is not None else ()
        self.ideas_empty.setVisible(not ideas)
        self.ideas_empty.setText(self.tr("No idea left for this week: your plan's next ones come on Monday."))
        for idea in ideas:
            when = capitalised(day_in_words(idea.when.date(), lang))
            text = " ".join(idea.text.split())
            excerpt = text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"
            label = _label(f"idea_{idea.post_id}")
            label.setText(f"{when} · {excerpt}")
            button = QPushButton(self.tr("Write it"))
            button.setObjectName(f"idea_button_{idea.post_id}")
            button.setAccessibleName(self.tr("Write the idea for %1").replace("%1", when))
            button.clicked.connect(lambda _=False, post_id=idea.post_id: self.idea_opened.emit(post_id))
            row = QHBoxLayout()
            row.addWidget(label, 1)
            row.addWidget(button)
            self.ideas_rows.addLayout(row)
            self.idea_buttons.append(button)

    def _render_tip(self, lang: Lang) -> None:
        self.tip_heading.setText(self.tr("Tip of the week"))
        today = self.data.now.date() if self.data is not None else self.clock.now().date()
        year, week, _ = today.isocalendar()
        tip = tip_of_week(year, week)
        self.tip_title.setText(tip.title.get(lang))
        self.tip_body.setText(tip.body.get(lang))

    def _render_history(self, lang: Lang) -> None:
        self.history_heading.setText(self.tr("Your last six weeks"))
        self.history_legend.setText(
            self.tr(
                "Each column is a week: posted out of planned. The solid bar is what went out, the faded "
                "one what was planned, the dashed line your plan's target."
            )
        )
        data = self.data
        if data is None:
            self.week_bars.set_bars([])
            return
        bars = [
            Bar(
                f"{week.monday.day} {_SHORT_MONTHS[lang][week.monday.month - 1]}",
                week.planned,
                week.posted,
                week.target,
            )
            for week in data.history
        ]
        self.week_bars.set_bars(bars)
        sentences = [
            self.tr("Week of %1: %2 posted out of %3 planned.")
            .replace("%1", bar.label)
            .replace("%2", str(bar.posted))
            .replace("%3", str(max(bar.planned, bar.posted)))
            for bar in bars
        ]
        self.week_bars.setAccessibleName(self.history_heading.text())
        self.week_bars.setAccessibleDescription(" ".join(sentences))
        self.week_bars.setToolTip("\n".join(sentences))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            super().changeEvent(event)
