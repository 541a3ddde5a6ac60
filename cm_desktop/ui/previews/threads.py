"""Threads: avatar column, bold handle and time, pictures in a row that scrolls sideways past the edge."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize

from cm_desktop.ui.colours import LOOK_THREADS
from cm_desktop.ui.previews.base import PostPreview, relative_time, span
from cm_desktop.ui.previews.images import aspect, single
from cm_desktop.ui.previews.model import PreviewModel
from cm_desktop.ui.previews.widgets import Action, CardLook, Colours

GAP = 6


class ThreadsPreview(PostPreview):
    network = "threads"
    title = "Threads"
    light = Colours(**LOOK_THREADS[0])
    dark = Colours(**LOOK_THREADS[1])
    avatar_size = 36
    max_images = 10
    tile_radius = 8
    card_look = CardLook(ratio=1.91, radius=12, domain="above", description=False, title_px=15)
    action_mode = "left"
    frame_radius = 0

    def arrange(self) -> None:
        self.column([self.header, self.body, self.grid, self.card, self.action_bar])

    def header_html(self, model: PreviewModel, c: Colours) -> str:
        name = model.handle.lstrip("@") or model.author
        return span(name, c.text, 15, 600) + "&nbsp;&nbsp;" + span(relative_time(model.age), c.muted, 15)

    def image_layout(self, sizes: Sequence[QSize], width: int) -> tuple[list[QRect], int]:
        if len(sizes) == 1:
            return single(width, aspect(sizes[0], 0.75, 1.91))
        # Several pictures keep their shape at one height; the row runs past the edge as on the phone.
        height = min(260, round(width * 0.62))
        rects, x = [], 0
        for size in sizes:
            tile = round(height * aspect(size, 0.75, 1.25))
            rects.append(QRect(x, 0, tile, height))
            x += tile + GAP
        return rects, height

    def action_items(self) -> tuple[list[Action], list[Action]]:
        return [Action("heart"), Action("bubble"), Action("repost"), Action("send")], []
