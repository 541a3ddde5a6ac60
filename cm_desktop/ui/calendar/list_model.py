"""Posts as rows (when, networks, state, text): the list view and search results."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
)

from cm_desktop.core.calendar_query import PostView
from cm_desktop.ui.calendar.roles import POST_ID_ROLE, POSTS_ROLE, Index
from cm_desktop.ui.calendar.style import marker_pixmap, network_colour, state_label
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.plain_text import plain_tooltip
from cm_desktop.ui.qtdates import to_qdatetime

WHEN, NETWORKS_COLUMN, STATE, TEXT = range(4)


def one_line(text: str, limit: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class PostListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.posts: list[PostView] = []

    def set_posts(self, posts: list[PostView]) -> None:
        self.beginResetModel()
        self.posts = list(posts)
        self.endResetModel()

    def post_at(self, row: int) -> PostView | None:
        return self.posts[row] if 0 <= row < len(self.posts) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.posts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.posts):
            return None
        post = self.posts[index.row()]
        column = index.column()
        if role == POST_ID_ROLE:
            return post.id
        if role == POSTS_ROLE:
            return [post]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == WHEN:
                if post.local is None:
                    return self.tr("No date yet")
                return QLocale().toString(to_qdatetime(post.local), QLocale.FormatType.ShortFormat)
            if column == NETWORKS_COLUMN:
                return ", ".join(network_name(n) for n in post.networks) or self.tr("No network")
            if column == STATE:
                return state_label(post.state)
            return one_line(post.text) or self.tr("(picture only)")
        if role == Qt.ItemDataRole.ToolTipRole and column == TEXT:
            return plain_tooltip(post.text[:2000]) or None
        if role == Qt.ItemDataRole.DecorationRole and column == NETWORKS_COLUMN and post.networks:
            return network_colour(post.networks[0])
        if role == Qt.ItemDataRole.DecorationRole and column == STATE:
            return marker_pixmap(post.state, 12, 1.0)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            WHEN: self.tr("When"),
            NETWORKS_COLUMN: self.tr("Networks"),
            STATE: self.tr("State"),
            TEXT: self.tr("Text"),
        }
        return titles.get(section)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
