"""LinkedIn: a page's square logo, "…more" after about 210 characters, photos edge to edge, four actions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRect, QSize

from cm_desktop.ui.colours import LOOK_LINKEDIN
from cm_desktop.ui.previews.base import PostPreview, relative_time, span
from cm_desktop.ui.previews.images import aspect, big_top, row, single
from cm_desktop.ui.previews.model import PreviewModel
from cm_desktop.ui.previews.richtext import Styles
from cm_desktop.ui.previews.widgets import Action, CardLook, Colours

GAP = 2


class LinkedInPreview(PostPreview):
    network = "linkedin"
    title = "LinkedIn"
    light = Colours(**LOOK_LINKEDIN[0])
    dark = Colours(**LOOK_LINKEDIN[1])
    body_px = 14
    avatar_size = 48
    avatar_corner = 4.0  # a company page's logo is square
    max_images = 10
    card_look = CardLook(ratio=1.91, border=False, domain="below", description=False, title_px=14)
    action_mode = "equal"

    def arrange(self) -> None:
        self.stack(
            [self.header_row(), self.body, self.grid, self.card, self.action_bar],
            bleed=[self.grid, self.card],
        )

    def header_html(self, model: PreviewModel, c: Colours) -> str:
        return (
            span(model.author, c.text, 14, 600)
            + "<br>"
            + span(relative_time(model.age) + " • 🌐︎", c.muted, 12)
        )

    def styles(self, c: Colours) -> Styles:
        strong = f"color:{c.link}; font-weight:600"
        return {"url": strong, "hashtag": strong, "mention": strong}

    def more_html(self, c: Colours) -> str:
        more = QCoreApplication.translate("Previews", "more")  # outside the f-string, where lupdate finds it
        return f'<span style="color:{c.muted}">…{more}</span>'

    def image_layout(self, sizes: Sequence[QSize], width: int) -> tuple[list[QRect], int]:
        n = len(sizes)
        if n == 1:
            return single(width, aspect(sizes[0], 0.8, 1.91))
        if n == 2:
            height = (width - GAP) // 2
            return row(width, height, 2, GAP), height
        height = round(width * 0.9)
        return big_top(width, height, 0.66, min(n - 1, 3), GAP), height

    def action_items(self) -> tuple[list[Action], list[Action]]:
        return [
            Action("thumb", QCoreApplication.translate("Previews", "Like")),
            Action("bubble", QCoreApplication.translate("Previews", "Comment")),
            Action("repost", QCoreApplication.translate("Previews", "Repost")),
            Action("send", QCoreApplication.translate("Previews", "Send")),
        ], []
