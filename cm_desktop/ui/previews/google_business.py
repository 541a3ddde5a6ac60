"""Google Business Profile: an update with one photo cropped 4:3, plain text and a "Learn more" button."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt

from cm_desktop.ui.colours import LOOK_GOOGLE_BUSINESS
from cm_desktop.ui.previews.base import PostPreview, relative_time, span
from cm_desktop.ui.previews.images import single
from cm_desktop.ui.previews.model import PreviewModel
from cm_desktop.ui.previews.richtext import Styles
from cm_desktop.ui.previews.widgets import Colours, label


class GoogleBusinessPreview(PostPreview):
    network = "google_business"
    title = "Google Business Profile"
    light = Colours(**LOOK_GOOGLE_BUSINESS[0])
    dark = Colours(**LOOK_GOOGLE_BUSINESS[1])
    body_px = 14
    max_images = 1
    grid_radius = 8
    card_look = None  # no link card: the link becomes the button

    def arrange(self) -> None:
        self.button = label(wrap=False)
        self.button.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack([self.header_row(), self.grid, self.body, self.button])

    def header_html(self, model: PreviewModel, c: Colours) -> str:
        return span(model.author, c.text, 15, 600) + "<br>" + span(relative_time(model.age), c.muted, 13)

    def styles(self, c: Colours) -> Styles:
        return {}  # Google shows the text as typed: no links, no hashtags

    def image_layout(self, sizes: Sequence[QSize], width: int) -> tuple[list[QRect], int]:
        return single(width, 4 / 3)

    def render_extra(self, model: PreviewModel, c: Colours) -> None:
        self.button.setVisible(model.link is not None)
        more = QCoreApplication.translate("Previews", "Learn more")
        self.button.setText(span(more, c.link, 14, 600))
        sheet = f"QLabel {{ border: 1px solid {c.border}; border-radius: 18px; padding: 8px; }}"
        if self.button.styleSheet() != sheet:  # style sheets are slow to apply: only on a theme change
            self.button.setStyleSheet(sheet)
