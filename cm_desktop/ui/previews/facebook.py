"""Facebook: name and time above the text, photos edge to edge, "See more" after about 480 characters."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRect, QSize

from cm_desktop.ui.colours import LOOK_FACEBOOK
from cm_desktop.ui.previews.base import PostPreview, relative_time, span
from cm_desktop.ui.previews.images import aspect, big_top, row, single
from cm_desktop.ui.previews.model import PreviewModel
from cm_desktop.ui.previews.richtext import Styles
from cm_desktop.ui.previews.widgets import Action, CardLook, Colours

GAP = 2


class FacebookPreview(PostPreview):
    network = "facebook"
    title = "Facebook"
    light = Colours(**LOOK_FACEBOOK[0])
    dark = Colours(**LOOK_FACEBOOK[1])
    max_images = 10
    card_look = CardLook(ratio=1.91, border=False, domain_upper=True, title_px=16)
    action_mode = "equal"

    def arrange(self) -> None:
        self.stack(
            [self.header_row(), self.body, self.grid, self.card, self.action_bar],
            bleed=[self.grid, self.card],
        )

    def header_html(self, model: PreviewModel, c: Colours) -> str:
        return (
            span(model.author, c.text, 15, 600)
            + "<br>"
            + span(relative_time(model.age) + " · 🌐︎", c.muted, 13)
        )

    def styles(self, c: Colours) -> Styles:
        # Hashtags are links in semi-bold; mentions need Facebook's own picker, so plain text stays plain.
        return {"url": f"color:{c.link}", "hashtag": f"color:{c.link}; font-weight:600"}

    def more_html(self, c: Colours) -> str:
        more = QCoreApplication.translate("Previews", "See more")
        return f'… <span style="color:{c.text}; font-weight:600">{more}</span>'

    def image_layout(self, sizes: Sequence[QSize], width: int) -> tuple[list[QRect], int]:
        n = len(sizes)
        if n == 1:
            return single(width, aspect(sizes[0], 0.8, 1.91))
        if n == 2:
            height = (width - GAP) // 2
            return row(width, height, 2, GAP), height
        if n in (3, 4):
            height = width  # a square box: one big picture on top, the rest in a row below
            return big_top(width, height, 0.62 if n == 3 else 0.66, n - 1, GAP), height
        # Five and more: two on top, three below, "+N" on the last one.
        upper = (width - GAP) // 2
        lower = (width - 2 * GAP) // 3
        return [*row(width, upper, 2, GAP), *row(width, lower, 3, GAP, top=upper + GAP)], upper + GAP + lower

    def action_items(self) -> tuple[list[Action], list[Action]]:
        return [
            Action("thumb", QCoreApplication.translate("Previews", "Like")),
            Action("bubble", QCoreApplication.translate("Previews", "Comment")),
            Action("share", QCoreApplication.translate("Previews", "Share")),
        ], []
