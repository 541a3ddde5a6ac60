"""The list of the Messages page: one row per reply, mention or quote, and likes, reposts and follows grouped
per post and day ("Marie and 4 others liked your post"), painted two lines high by RowDelegate.

The model holds core.inbox.query.Row values only (read off the GUI thread); every word is built here, in
the interface's language.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from cm_desktop.core.inbox.query import Row
from cm_desktop.core.schedule import from_utc
from cm_desktop.ui.calendar.style import network_colour
from cm_desktop.ui.colours import Role, colour
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.qtdates import to_qdatetime

ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the Row itself
KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # its stable key (selection survives a refresh)

Index = QModelIndex | QPersistentModelIndex


class MessageWords(QObject):
    """Every sentence about a row, in the interface's language (a QObject: tr() knows its plurals)."""

    def headline(self, row: Row) -> str:
        """Who did what, in one line: "Marie replied", "Marie and 4 others liked your post"."""
        people = list(row.people)
        first = people[0] if people else ""
        more = len(people) - 1 + row.others if people else row.others
        single = {
            "reply": self.tr("%1 replied"),
            "mention": self.tr("%1 mentioned you"),
            "quote": self.tr("%1 quoted your post"),
        }
        if row.kind in single:
            return single[row.kind].replace("%1", first)
        # (one person, one other, several others, one unnamed, several unnamed): English and French plurals
        # differ only between 1 and more, so each case is its own sentence.
        forms = {
            "like": (
                self.tr("%1 liked your post"),
                self.tr("%1 and 1 other liked your post"),
                self.tr("%1 and %2 others liked your post"),
                self.tr("Someone liked your post"),
                self.tr("%2 people liked your post"),
            ),
            "repost": (
                self.tr("%1 shared your post"),
                self.tr("%1 and 1 other shared your post"),
                self.tr("%1 and %2 others shared your post"),
                self.tr("Someone shared your post"),
                self.tr("%2 people shared your post"),
            ),
        }.get(row.kind) or (
            self.tr("%1 started following you"),
            self.tr("%1 and 1 other started following you"),
            self.tr("%1 and %2 others started following you"),
            self.tr("Someone started following you"),
            self.tr("%2 people started following you"),
        )
        if people:
            text = forms[0] if more == 0 else forms[1] if more == 1 else forms[2]
        else:
            text = forms[3] if more <= 1 else forms[4]
        return text.replace("%1", first).replace("%2", str(more))

    def answer_word(self, row: Row) -> str:
        """The answer's state in a few words ("" when there is none)."""
        if row.gone == "deleted":
            return self.tr("Deleted on the network")
        if row.gone == "blocked":
            return self.tr("Blocked")
        return {
            "answered": self.tr("Answered"),
            "sending": self.tr("Answer on its way"),
            "failed": self.tr("Answer not sent"),
            "check": self.tr("Answer to check"),
        }.get(row.answer, "")

    def second_line(self, row: Row) -> str:
        """The message itself; for a group, the post it is about."""
        if not row.is_group:
            return " ".join(row.text.split())
        if row.kind == "follow":
            return ""
        if row.subject_text:
            return "“" + " ".join(row.subject_text.split()) + "”"
        return self.tr("One of your posts")

    def spoken(self, row: Row, when: str) -> str:
        """What a screen reader says for the row."""
        parts = [self.headline(row), network_name(row.network), when]
        if not row.read:
            parts.insert(0, self.tr("Unread"))
        parts += [self.second_line(row), self.answer_word(row)]
        return ". ".join(p for p in parts if p)


def when_text(moment: datetime, zone: str, now: datetime) -> str:
    """Today: the time; this year: the day; else the date with its year."""
    local, today = from_utc(moment, zone), from_utc(now, zone)
    stamp = to_qdatetime(local)
    if local.date() == today.date():
        return QLocale().toString(stamp, "HH:mm")
    if local.year == today.year:
        return QLocale().toString(stamp, "d MMM")
    return QLocale().toString(stamp, "d MMM yyyy")


class MessagesModel(QAbstractListModel):
    """Rows of the Messages list (core.inbox.query.Row), replaced as a whole when the board is read again."""

    def __init__(self, zone: str, now: Any, parent: Any = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self._now = now  # () -> aware datetime: "today" for the times shown
        self._rows: list[Row] = []
        self.words = MessageWords(self)

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, index: Index) -> Row | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def index_of(self, key: str) -> QModelIndex:
        for number, row in enumerate(self._rows):
            if row.key == key:
                return self.index(number, 0)
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.words.headline(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.words.second_line(row) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.words.spoken(row, when_text(row.when, self.zone, self._now()))
        if role == ROW_ROLE:
            return row
        if role == KEY_ROLE:
            return row.key
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class RowDelegate(QStyledItemDelegate):
    """Two lines: who did what (bold while unread) and when; the message or the post it is about, and the
    answer's state. A network mark on the left; a dot in the accent colour while unread."""

    PAD = 10

    def __init__(self, model: MessagesModel, parent: QWidget | None = None) -> None:
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
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # The network's mark: a thin bar on the left (a mark, never text colour).
        painter.fillRect(
            QRect(rect.left(), rect.top() + 6, 4, rect.height() - 12), network_colour(row.network)
        )
        if not row.read:
            painter.setBrush(colour(Role.ACCENT, palette) if not selected else palette.color(text_role))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(rect.left() + 12, rect.top() + self.PAD + 5, 8, 8)
        left = rect.left() + 28
        right = rect.right() - self.PAD
        font = QFont(opt.font)
        metrics = QFontMetrics(font)
        when = when_text(row.when, self.model.zone, self.model._now())
        when_width = metrics.horizontalAdvance(when) + 8
        first_top = rect.top() + self.PAD
        line_height = metrics.height()
        painter.setPen(palette.color(text_role) if selected else colour(Role.SECONDARY, palette))
        painter.setFont(font)
        painter.drawText(
            QRect(right - when_width, first_top, when_width, line_height),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            when,
        )
        bold = QFont(font)
        bold.setBold(not row.read)
        painter.setFont(bold)
        painter.setPen(palette.color(text_role))
        title_width = right - when_width - left
        title = QFontMetrics(bold).elidedText(
            self.model.words.headline(row), Qt.TextElideMode.ElideRight, title_width
        )
        painter.drawText(
            QRect(left, first_top, title_width, line_height), int(Qt.AlignmentFlag.AlignVCenter), title
        )
        # Second line: the answer's state first (it is what the person acts on), then the words.
        painter.setFont(font)
        second_top = first_top + line_height + 4
        x = left
        state = self.model.words.answer_word(row)
        if state:
            role = Role.DONE if row.answer == "answered" else Role.CHECK if not row.gone else Role.SECONDARY
            if row.answer == "failed":
                role = Role.BLOCKING
            painter.setPen(palette.color(text_role) if selected else colour(role, palette))
            label = f"{state} · "
            painter.drawText(
                QRect(x, second_top, right - x, line_height), int(Qt.AlignmentFlag.AlignVCenter), label
            )
            x += metrics.horizontalAdvance(label)
        painter.setPen(palette.color(text_role) if selected else colour(Role.SECONDARY, palette))
        words = metrics.elidedText(
            self.model.words.second_line(row), Qt.TextElideMode.ElideRight, max(right - x, 0)
        )
        painter.drawText(
            QRect(x, second_top, right - x, line_height), int(Qt.AlignmentFlag.AlignVCenter), words
        )
        painter.restore()
