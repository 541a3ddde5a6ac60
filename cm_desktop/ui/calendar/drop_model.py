"""What the month and week grids share: cells accept a dragged post (the drop itself differs per view)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QMimeData, Qt

from cm_desktop.ui.calendar.roles import POST_MIME, Index, post_id_from


class PostDropTable(QAbstractTableModel):
    """A table whose valid cells take a post dropped on them; subclasses implement dropMimeData."""

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled

    def mimeTypes(self) -> list[str]:
        return [POST_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return parent.isValid() and post_id_from(data) is not None
