"""Mastodon: rounded-square avatar, name over @handle@server, time on the right, media in a 16:9 box."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout

from cm_desktop.ui.colours import LOOK_MASTODON
from cm_desktop.ui.previews.base import PostPreview, at, relative_time, span
from cm_desktop.ui.previews.images import aspect, grid_2x2, row, single, tall_left
from cm_desktop.ui.previews.model import PreviewModel
from cm_desktop.ui.previews.richtext import short_url
from cm_desktop.ui.previews.widgets import Action, CardLook, Colours

GAP = 2


class MastodonPreview(PostPreview):
    network = "mastodon"
    title = "Mastodon"
    light = Colours(**LOOK_MASTODON[0])
    dark = Colours(**LOOK_MASTODON[1])
    avatar_size = 46
    avatar_corner = 8.0
    grid_radius = 8
    alt_badge = True
    card_look = CardLook(ratio=1.91, radius=8, domain="above", title_px=15)
    action_mode = "left"

    def header_row(self) -> QHBoxLayout:
        row_ = super().header_row()
        row_.addWidget(self.aside, 0, Qt.AlignmentFlag.AlignTop)
        self.aside.show()
        return row_

    def header_html(self, model: PreviewModel, c: Colours) -> str:
        return span(model.author, c.text, 15, 700) + "<br>" + span(at(model.handle), c.muted, 14)

    def aside_html(self, model: PreviewModel, c: Colours) -> str:
        return span(relative_time(model.age), c.muted, 14)

    def display_url(self, url: str) -> str:
        return short_url(url, 30)  # Mastodon hides the scheme and "www." and keeps 30 characters

    def image_layout(self, sizes: Sequence[QSize], width: int) -> tuple[list[QRect], int]:
        n = len(sizes)
        if n == 1:
            return single(width, aspect(sizes[0], 0.75, 1.91))
        height = round(width * 9 / 16)
        if n == 2:
            return row(width, height, 2, GAP), height
        if n == 3:
            return tall_left(width, height, GAP), height
        return grid_2x2(width, height, GAP), height

    def action_items(self) -> tuple[list[Action], list[Action]]:
        return [Action("reply"), Action("repost"), Action("star"), Action("bookmark")], [Action("more")]
