"""The previews of the networks a post goes to, side by side when there is room, one pixmap cache for all.

Only the previews on screen follow every keystroke: the others keep their new model aside and render it when
they are scrolled into view, the panel is shown or resized, or someone asks for them (`preview()`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.ui.icons import network_mark
from cm_desktop.ui.previews.base import PostPreview
from cm_desktop.ui.previews.images import PixmapCache
from cm_desktop.ui.previews.model import PreviewModel
from cm_desktop.ui.previews.registry import PREVIEWS, make_preview
from cm_desktop.ui.reflow import ContentScroll

COLUMN_MIN = 380  # narrower than this and a feed post stops looking like one
COLUMN_MAX = 520
ON_SCREEN_MARGIN = 200  # pixels above and below the visible area that count as on screen


class Heading(QLabel):
    """A preview's title: the network's mark, then its name (never translated). A label with the mark painted
    in its left margin, so it lays out as the plain label it was."""

    def __init__(self, network: str, title: str) -> None:
        super().__init__(title)
        self.setObjectName(f"preview_heading_{network}")
        self.network = network
        self.mark = network_mark(network)
        font = self.font()
        font.setWeight(font.Weight.DemiBold)
        self.setFont(font)
        self._make_room()

    def _make_room(self) -> None:
        side = self.fontMetrics().height()  # as tall as the name, at any font size
        self.setContentsMargins(side + 6, 0, 0, 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._make_room()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        side = self.fontMetrics().height()
        painter = QPainter(self)
        self.mark.paint(painter, QRect(0, (self.height() - side) // 2, side, side))
        painter.end()


class PreviewPanel(QWidget):
    def __init__(
        self, networks: Sequence[str] = (), cache: PixmapCache | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preview_panel")
        self.cache = cache or PixmapCache()
        self._previews: dict[str, PostPreview] = {}
        self._headings: dict[str, Heading] = {}
        self._models: dict[str, PreviewModel] = {}
        self._default: PreviewModel | None = None
        self._pending: dict[str, PreviewModel] = {}  # models of previews off screen, not rendered yet
        self._columns = 0
        self.scroll_area = ContentScroll(name=QT_TRANSLATE_NOOP("Reflow", "Previews"))
        self.scroll_area.setObjectName("previews_scroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.grid.setContentsMargins(12, 12, 12, 12)
        self.grid.setHorizontalSpacing(16)
        self.grid.setVerticalSpacing(6)
        self.scroll_area.setWidget(self.body)
        # Scrolling moves the body; a preview growing or shrinking resizes it: both can bring others on screen.
        self.body.installEventFilter(self)
        # Without a network the panel would be a blank half of the page: say what will appear there.
        self.empty_label = QLabel()
        self.empty_label.setObjectName("previews_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setContentsMargins(24, 24, 24, 24)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.empty_label)
        outer.addWidget(self.scroll_area)
        self.retranslate()
        self.set_networks(networks)

    @property
    def networks(self) -> list[str]:
        return list(self._previews)

    def preview(self, network: str) -> PostPreview:
        """The preview of `network`, up to date (rendered now if it was waiting off screen)."""
        preview = self._previews[network]
        pending = self._pending.pop(network, None)
        if pending is not None:
            preview.set_model(pending)
        return preview

    def set_networks(self, networks: Sequence[str]) -> None:
        """Show these networks in this order; previews kept across calls keep their state."""
        # A network without a look of its own yet (Pinterest) has no preview; its checks still run.
        wanted = [n for n in dict.fromkeys(networks) if n in PREVIEWS]
        self.empty_label.setVisible(not wanted)
        self.scroll_area.setVisible(bool(wanted))
        for gone in [n for n in self._previews if n not in wanted]:
            for widget in (self._previews.pop(gone), self._headings.pop(gone)):
                widget.hide()  # off the screen now (no ghost heading until the deletion runs)
                widget.deleteLater()
            self._pending.pop(gone, None)
        previews: dict[str, PostPreview] = {}
        for network in wanted:
            preview = self._previews.get(network) or make_preview(network, self.cache)
            previews[network] = preview
            if network not in self._headings:
                self._headings[network] = Heading(network, preview.title)
        self._previews = previews
        self._columns = 0
        self._reflow()
        for network, preview in previews.items():
            model = self._models.get(network, self._default)
            if model is not None:
                self._offer(network, preview, model)

    def update_model(self, model: PreviewModel | Mapping[str, PreviewModel]) -> None:
        """One model for every network, or one per network (handles and pictures may differ)."""
        if isinstance(model, PreviewModel):
            self._default, self._models = model, {}
        else:
            self._models = dict(model)
        for network, preview in self._previews.items():
            chosen = self._models.get(network, self._default)
            if chosen is not None:
                self._offer(network, preview, chosen)

    def pending(self) -> list[str]:
        """Networks whose preview waits off screen for its latest model."""
        return list(self._pending)

    def _offer(self, network: str, preview: PostPreview, model: PreviewModel) -> None:
        # A preview never rendered is rendered at once: its first layout decides where the others sit.
        if preview.model is None or self._on_screen(preview):
            self._pending.pop(network, None)
            preview.set_model(model)
        else:
            self._pending[network] = model

    def _on_screen(self, preview: PostPreview) -> bool:
        if not self.isVisible():
            return False
        viewport = self.scroll_area.viewport()
        area = viewport.rect().adjusted(0, -ON_SCREEN_MARGIN, 0, ON_SCREEN_MARGIN)
        return QRect(preview.mapTo(viewport, QPoint(0, 0)), preview.size()).intersects(area)

    def _render_on_screen(self) -> None:
        for network in [n for n in self._pending if self._on_screen(self._previews[n])]:
            self._previews[network].set_model(self._pending.pop(network))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.body and self._pending and event.type() in (QEvent.Type.Move, QEvent.Type.Resize):
            self._render_on_screen()
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._render_on_screen()

    def _reflow(self) -> None:
        width = self.scroll_area.viewport().width() - 24
        columns = max(1, min(len(self._previews) or 1, (width + 16) // (COLUMN_MIN + 16)))
        # A fixed width per preview: the grid then asks each text for its height at one width only.
        column = max(COLUMN_MIN // 2, min(COLUMN_MAX, (width - 16 * (columns - 1)) // columns))
        for preview in self._previews.values():
            if preview.width() != column or preview.minimumWidth() != column:
                preview.setFixedWidth(column)
        if columns == self._columns:
            return
        self._columns = columns
        # removeWidget deletes each widget's layout item. An item only taken out stays alive, and a widget
        # clears the size cache of its first item only: the new item would keep a preview's height for a
        # width from before its text (a preview squashed to its header after the networks changed).
        for widget in [*self._headings.values(), *self._previews.values()]:
            self.grid.removeWidget(widget)
        while self.grid.count():  # the filler row's spacer, and what a removed network left
            self.grid.takeAt(0)
        for index, network in enumerate(self._previews):
            row, col = divmod(index, columns)
            self.grid.addWidget(self._headings[network], row * 2, col)
            self.grid.addWidget(self._previews[network], row * 2 + 1, col, Qt.AlignmentFlag.AlignTop)
        for col in range(self.grid.columnCount()):
            self.grid.setColumnStretch(col, 1 if col < columns else 0)
        # The space left under the previews goes to a filler row: an empty row takes none, and the grid then
        # shared it among the preview rows, so a text growing by a line moved the next row (and repainted it).
        last = (len(self._previews) + columns - 1) // columns * 2
        for row in range(self.grid.rowCount()):
            self.grid.setRowStretch(row, 0)  # rows of an earlier column count kept theirs
        self.grid.addItem(
            QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding), last, 0
        )
        self.grid.setRowStretch(last, 1)

    def retranslate(self) -> None:
        self.setAccessibleName(QCoreApplication.translate("Previews", "Previews of the post"))
        self.empty_label.setText(
            QCoreApplication.translate(
                "Previews", "Choose where to publish: you will see here how each network shows your post."
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reflow()
        self._render_on_screen()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
