"""Bluesky: avatar column, "Name @handle · 2 h", pictures with their own rounded corners, a framed link card."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from PySide6.QtCore import QRect, QSize

from cm_desktop.ui.colours import LOOK_BLUESKY
from cm_desktop.ui.previews.base import PostPreview, at, relative_time, span
from cm_desktop.ui.previews.images import aspect, grid_2x2, row, single, tall_left
from cm_desktop.ui.previews.model import PreviewModel
from cm_desktop.ui.previews.widgets import Action, CardLook, Colours

GAP = 4


def bluesky_short_url(url: str) -> str:
    """Bluesky's toShortUrl: host, then the path cut to 13 characters and "..." when longer than 15."""
    parts = urlsplit(url if "://" in url else f"https://{url}")
    path = url.split(parts.netloc, 1)[1] if parts.netloc else ""
    if path == "/":
        path = ""
    return parts.netloc + (path[:13] + "..." if len(path) > 15 else path)


class BlueskyPreview(PostPreview):
    network = "bluesky"
    title = "Bluesky"
    light = Colours(**LOOK_BLUESKY[0])
    dark = Colours(**LOOK_BLUESKY[1])
    avatar_size = 42
    tile_radius = 8
    alt_badge = True
    card_look = CardLook(ratio=1.91, radius=12, domain="below", title_px=15)
    frame_radius = 0

    def arrange(self) -> None:
        self.column([self.header, self.body, self.grid, self.card, self.action_bar])

    def header_html(self, model: PreviewModel, c: Colours) -> str:
        handle = f" {at(model.handle)} · " if model.handle else " · "
        return span(model.author, c.text, 15, 700) + span(handle + relative_time(model.age), c.muted, 15)

    def display_url(self, url: str) -> str:
        return bluesky_short_url(url)

    def image_layout(self, sizes: Sequence[QSize], width: int) -> tuple[list[QRect], int]:
        n = len(sizes)
        if n == 1:
            return single(width, aspect(sizes[0], 0.75, 2.0))
        if n == 2:
            height = (width - GAP) // 2  # two squares
            return row(width, height, 2, GAP), height
        if n == 3:
            height = (width - GAP) // 2
            return tall_left(width, height, GAP), height
        height = round(width * 2 / 3)
        return grid_2x2(width, height, GAP), height

    def action_items(self) -> tuple[list[Action], list[Action]]:
        return [Action("bubble"), Action("repost"), Action("heart"), Action("more")], []
