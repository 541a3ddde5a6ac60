"""X: the avatar in its own column, "Name @handle · 2 h" on one line, pictures in a rounded 16:9 box."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize

from cm_desktop.ui.colours import LOOK_X
from cm_desktop.ui.previews.base import PostPreview, at, relative_time, span
from cm_desktop.ui.previews.images import aspect, grid_2x2, row, single, tall_left
from cm_desktop.ui.previews.model import PreviewModel
from cm_desktop.ui.previews.richtext import short_url
from cm_desktop.ui.previews.widgets import Action, CardLook, Colours

GAP = 2


class XPreview(PostPreview):
    network = "x"
    title = "X"
    light = Colours(**LOOK_X[0])
    dark = Colours(**LOOK_X[1])
    grid_radius = 16
    alt_badge = True
    card_look = CardLook(ratio=1.91, radius=16, title_on_image=True)
    frame_radius = 0

    def arrange(self) -> None:
        self.column([self.header, self.body, self.grid, self.card, self.action_bar])

    def header_html(self, model: PreviewModel, c: Colours) -> str:
        handle = f" {at(model.handle)} · " if model.handle else " · "
        return span(model.author, c.text, 15, 700) + span(handle + relative_time(model.age), c.muted, 15)

    def display_url(self, url: str) -> str:
        return short_url(url, 25)  # X shows the link shortened, without https://

    def image_layout(self, sizes: Sequence[QSize], width: int) -> tuple[list[QRect], int]:
        n = len(sizes)
        if n == 1:
            return single(width, aspect(sizes[0], 0.75, 2.0))
        height = round(width * 9 / 16)  # two to four pictures share one 16:9 box
        if n == 2:
            return row(width, height, 2, GAP), height
        if n == 3:
            return tall_left(width, height, GAP), height
        return grid_2x2(width, height, GAP), height

    def action_items(self) -> tuple[list[Action], list[Action]]:
        return [Action("bubble"), Action("repost"), Action("heart"), Action("views"), Action("share")], []
