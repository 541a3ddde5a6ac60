"""The list of the Listening page: one row per post found, painted two lines high by ResultDelegate (who
and when; what they wrote, after what the person did with it).

The model holds core.listening.board.ResultView values only (read off the GUI thread); every word is built
here, in the interface's language.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from cm_desktop.core.listening.board import ResultView
from cm_desktop.ui.calendar.style import network_colour
from cm_desktop.ui.colours import Role, colour
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.messages.model import when_text

RESULT_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class ResultWords(QObject):
    """Every sentence about a found post, in the interface's language."""

    def state(self, row: ResultView) -> tuple[str, Role]:
        """What the person did with it, in a few words, and its colour ("" when nothing yet)."""
        if row.answer == "answered":
            return self.tr("Answered"), Role.DONE
        if row.answer == "sending":
            return self.tr("Answer on its way"), Role.CHECK
        if row.answer == "failed":
            return self.tr("Answer not sent"), Role.BLOCKING
        if row.answer == "check":
            return self.tr("Answer to check"), Role.CHECK
        if row.idea_post_id is not None:
            return self.tr("Kept as an idea"), Role.DONE
        if row.like_state == "done":
            return self.tr("Liked"), Role.DONE
        if row.follow_state == "done":
            return self.tr("Followed"), Role.DONE
        return "", Role.SECONDARY

    def found_by(self, row: ResultView) -> str:
        return self.tr("Found by “%1”").replace("%1", row.query)

    def spoken(self, row: ResultView, when: str, new: bool) -> str:
        parts = [self.tr("New") if new else "", row.who, network_name(row.network), when]
        parts += [" ".join(row.text.split()), self.state(row)[0], self.found_by(row)]
        return ". ".join(p for p in parts if p)


class ResultsModel(QAbstractListModel):
    """Found posts (core.listening.board.ResultView), replaced as a whole when the board is read again.
    `fresh`: the ids that were new when the person came to the page (marked while they look)."""

    def __init__(self, zone: str, now: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self._now = now  # () -> aware datetime
        self._rows: list[ResultView] = []
        self.fresh: set[int] = set()
        self.words = ResultWords(self)

    def set_rows(self, rows: list[ResultView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[ResultView]:
        return list(self._rows)

    def row_at(self, index: Index) -> ResultView | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def index_of(self, result_id: int) -> QModelIndex:
        for number, row in enumerate(self._rows):
            if row.id == result_id:
                return self.index(number, 0)
        return QModelIndex()

    def is_new(self, row: ResultView) -> bool:
        return not row.seen or row.id in self.fresh

    def when(self, moment: datetime) -> str:
        return when_text(moment, self.zone, self._now())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.who
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.words.found_by(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.words.spoken(row, self.when(row.created_at), self.is_new(row))
        if role == RESULT_ROLE:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class ResultDelegate(QStyledItemDelegate):
    """Two lines: who (bold while new) and when; what the person did with it, then what they wrote. A
    network mark on the left; a dot in the accent colour while new."""

    PAD = 10

    def __init__(self, model: ResultsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(200, metrics.height() * 2 + metrics.leading() + self.PAD * 2 + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = self.model.row_at(index)
        if row is None:
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)
        rect: QRect = opt.rect
        palette: QPalette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        new = self.model.is_new(row)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(
            QRect(rect.left(), rect.top() + 6, 4, rect.height() - 12), network_colour(row.network)
        )
        if new:
            painter.setBrush(colour(Role.ACCENT, palette) if not selected else palette.color(text_role))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(rect.left() + 12, rect.top() + self.PAD + 5, 8, 8)
        left, right = rect.left() + 28, rect.right() - self.PAD
        font = QFont(opt.font)
        metrics = QFontMetrics(font)
        when = self.model.when(row.created_at)
        when_width = metrics.horizontalAdvance(when) + 8
        top, line = rect.top() + self.PAD, metrics.height()
        painter.setFont(font)
        painter.setPen(palette.color(text_role) if selected else colour(Role.SECONDARY, palette))
        painter.drawText(
            QRect(right - when_width, top, when_width, line),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            when,
        )
        bold = QFont(font)
        bold.setBold(new)
        painter.setFont(bold)
        painter.setPen(palette.color(text_role))
        who = f"{row.who} · {network_name(row.network)}"
        width = right - when_width - left
        painter.drawText(
            QRect(left, top, width, line),
            int(Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(bold).elidedText(who, Qt.TextElideMode.ElideRight, width),
        )
        painter.setFont(font)
        second, x = top + line + 4, left
        state, role = self.model.words.state(row)
        if state:
            painter.setPen(palette.color(text_role) if selected else colour(role, palette))
            label = f"{state} · "
            painter.drawText(QRect(x, second, right - x, line), int(Qt.AlignmentFlag.AlignVCenter), label)
            x += metrics.horizontalAdvance(label)
        painter.setPen(palette.color(text_role) if selected else colour(Role.SECONDARY, palette))
        words = metrics.elidedText(" ".join(row.text.split()), Qt.TextElideMode.ElideRight, max(right - x, 0))
        painter.drawText(QRect(x, second, right - x, line), int(Qt.AlignmentFlag.AlignVCenter), words)
        painter.restore()
