"""Paints a month day or a week hour: posts as chips (network colour, state marker, time, text),
moments as starred lines, free queue slots as dashed boxes. The same layout answers hit tests."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from cm_desktop.core.calendar_query import PostView, SlotTime, is_suggestion
from cm_desktop.core.moments import Moment
from cm_desktop.ui.calendar.roles import (
    IN_PERIOD_ROLE,
    MOMENTS_ROLE,
    POSTS_ROLE,
    SLOTS_ROLE,
    TODAY_ROLE,
    Index,
    current_lang,
)
from cm_desktop.ui.calendar.style import chip_background, draw_state_marker, network_colour
from cm_desktop.ui.colours import MOMENTS, pick
from cm_desktop.ui.i18n import network_name

PAD = 4
GAP = 2


@dataclass
class CellLayout:
    header: QRect
    moments: list[QRect]
    chips: list[QRect]
    slots: list[QRect]
    more: QRect | None
    hidden: int  # posts (and slots) that did not fit


def layout_cell(
    rect: QRect, fm: QFontMetrics, week: bool, moments: int, posts: int, slots: int
) -> CellLayout:
    line = fm.height() + 4
    inner = rect.adjusted(PAD, PAD - 1, -PAD, -PAD)
    y = inner.top()
    header = QRect()
    moment_rects: list[QRect] = []
    if not week:
        header = QRect(inner.left(), y, inner.width(), fm.height() + 4)
        y = header.bottom() + 1
        for _ in range(min(moments, 2)):
            moment_rects.append(QRect(inner.left(), y, inner.width(), fm.height()))
            y += fm.height() + 1
        y += 1
    wanted = posts + slots
    room = max(0, (inner.bottom() - y + GAP) // (line + GAP))
    shown = wanted if wanted <= room else max(0, room - 1)
    chips: list[QRect] = []
    slot_rects: list[QRect] = []
    for i in range(shown):
        box = QRect(inner.left(), y, inner.width(), line)
        (chips if i < posts else slot_rects).append(box)
        y += line + GAP
    more = QRect(inner.left(), y, inner.width(), line) if shown < wanted else None
    return CellLayout(header, moment_rects, chips, slot_rects, more, wanted - shown)


@dataclass(frozen=True)
class Hit:
    kind: str  # "post", "slot", "more", "moment", "cell"
    post: PostView | None = None
    slot: SlotTime | None = None
    moment: Moment | None = None


class CellPainter(QStyledItemDelegate):
    def __init__(self, week: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.week = week

    def layout(self, rect: QRect, index: Index, fm: QFontMetrics) -> CellLayout:
        posts = index.data(POSTS_ROLE) or []
        slots = (index.data(SLOTS_ROLE) or []) if self.week else []
        moments = [] if self.week else (index.data(MOMENTS_ROLE) or [])
        return layout_cell(rect, fm, self.week, len(moments), len(posts), len(slots))

    def hit(self, rect: QRect, index: Index, fm: QFontMetrics, pos: QPoint) -> Hit:
        cell = self.layout(rect, index, fm)
        posts: list[PostView] = index.data(POSTS_ROLE) or []
        slots: list[SlotTime] = (index.data(SLOTS_ROLE) or []) if self.week else []
        moments: list[Moment] = [] if self.week else (index.data(MOMENTS_ROLE) or [])
        for box, post in zip(cell.chips, posts, strict=False):
            if box.contains(pos):
                return Hit("post", post=post)
        for box, slot in zip(cell.slots, slots, strict=False):
            if box.contains(pos):
                return Hit("slot", slot=slot)
        for box, moment in zip(cell.moments, moments, strict=False):
            if box.contains(pos):
                return Hit("moment", moment=moment)
        if cell.more is not None and cell.more.contains(pos):
            return Hit("more")
        return Hit("cell")

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        palette: QPalette = option.palette
        rect: QRect = option.rect
        fm = QFontMetrics(option.font)
        painter.save()
        in_period = index.data(IN_PERIOD_ROLE) is not False
        today = bool(index.data(TODAY_ROLE))
        background = palette.color(QPalette.ColorRole.Base if in_period else QPalette.ColorRole.AlternateBase)
        if today and self.week:
            background = _mix(background, palette.color(QPalette.ColorRole.Highlight), 0.07)
        painter.fillRect(rect, background)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 1))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        cell = self.layout(rect, index, fm)
        if not self.week:
            self._paint_day_number(painter, cell.header, index, fm, palette, today, in_period)
            lang = current_lang()
            for box, moment in zip(cell.moments, index.data(MOMENTS_ROLE) or [], strict=False):
                colour = pick(MOMENTS[moment.kind.value], palette)
                painter.setPen(colour)
                painter.drawText(
                    box,
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    fm.elidedText(f"★ {moment.title.get(lang)}", Qt.TextElideMode.ElideRight, box.width()),
                )
        for box, post in zip(cell.chips, index.data(POSTS_ROLE) or [], strict=False):
            self._paint_chip(painter, box, post, fm, palette)
        for box, slot in zip(cell.slots, index.data(SLOTS_ROLE) or [] if self.week else [], strict=False):
            self._paint_slot(painter, box, slot, fm, palette)
        if cell.more is not None:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            label = self.tr("+%1 more").replace("%1", str(cell.hidden))
            painter.drawText(
                cell.more.adjusted(4, 0, 0, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
        painter.restore()

    def _paint_day_number(
        self,
        painter: QPainter,
        box: QRect,
        index: Index,
        fm: QFontMetrics,
        palette: QPalette,
        today: bool,
        in_period: bool,
    ) -> None:
        number = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = max(fm.horizontalAdvance(number) + 10, box.height())
        badge = QRect(box.left(), box.top(), width, box.height())
        if today:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(QRectF(badge), box.height() / 2, box.height() / 2)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        else:
            role = QPalette.ColorRole.Text if in_period else QPalette.ColorRole.PlaceholderText
            painter.setPen(palette.color(role))
        font = painter.font()
        font.setBold(today)
        painter.setFont(font)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, number)
        font.setBold(False)
        painter.setFont(font)

    def _paint_chip(
        self, painter: QPainter, box: QRect, post: PostView, fm: QFontMetrics, palette: QPalette
    ) -> None:
        if is_suggestion(post):
            self._paint_idea(painter, box, post, fm, palette)
            return
        networks = post.networks or ("",)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(chip_background(networks[0], palette))
        painter.drawRoundedRect(QRectF(box), 4, 4)
        # The left bar: one band per network of the post.
        band = box.height() / len(networks)
        for i, network in enumerate(networks):
            painter.fillRect(QRectF(box.left(), box.top() + i * band, 4, band), network_colour(network))
        marker = QRectF(box.left() + 7, box.top() + 3, box.height() - 6, box.height() - 6)
        draw_state_marker(painter, marker, post.state)
        x = int(marker.right()) + 4
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        label = post.local.strftime("%H:%M") if post.local else ""
        text = " ".join(post.text.split()) or network_name(networks[0])
        area = QRect(x, box.top(), box.right() - x - 2, box.height())
        painter.drawText(
            area,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(f"{label}  {text}", Qt.TextElideMode.ElideRight, area.width()),
        )

    def _paint_idea(
        self, painter: QPainter, box: QRect, post: PostView, fm: QFontMetrics, palette: QPalette
    ) -> None:
        """One of the plan's ideas: a dashed outline (not a post yet), "Idea" and its words; opening it makes
        it a draft."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Text), 1, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        word = QCoreApplication.translate("Calendar", "Idea")
        text = " ".join(post.text.split())
        area = box.adjusted(7, 0, -4, 0)
        painter.drawText(
            area,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(f"{word} · {text}", Qt.TextElideMode.ElideRight, area.width()),
        )

    def _paint_slot(
        self, painter: QPainter, box: QRect, slot: SlotTime, fm: QFontMetrics, palette: QPalette
    ) -> None:
        pen = QPen(network_colour(slot.slot.network), 1.2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        text = f"+ {slot.local.strftime('%H:%M')}  {network_name(slot.slot.network)}"
        area = box.adjusted(8, 0, -4, 0)
        painter.drawText(
            area,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(text, Qt.TextElideMode.ElideRight, area.width()),
        )


def _mix(a: QColor, b: QColor, share: float) -> QColor:
    return QColor(
        round(a.red() * (1 - share) + b.red() * share),
        round(a.green() * (1 - share) + b.green() * share),
        round(a.blue() * (1 - share) + b.blue() * share),
    )
