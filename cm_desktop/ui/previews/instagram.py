"""Instagram: the picture first (cropped between 4:5 and 1.91:1), carousel dots, then "handle caption… more"."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt

from cm_desktop.ui.colours import LOOK_INSTAGRAM
from cm_desktop.ui.previews.base import PostPreview, relative_time, span
from cm_desktop.ui.previews.images import aspect, single
from cm_desktop.ui.previews.model import PreviewImage, PreviewModel
from cm_desktop.ui.previews.richtext import Styles
from cm_desktop.ui.previews.widgets import Action, Colours, label


class InstagramPreview(PostPreview):
    network = "instagram"
    title = "Instagram"
    light = Colours(**LOOK_INSTAGRAM[0])
    dark = Colours(**LOOK_INSTAGRAM[1])
    body_px = 14
    avatar_size = 36
    max_images = 10
    card_look = None  # links in captions are plain text: "link in bio"
    action_mode = "left"

    def arrange(self) -> None:
        self.when = label(wrap=False)
        self.needs_picture = label()  # Instagram refuses a post without a picture: say so in its place
        self.needs_picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.needs_picture.setMinimumHeight(220)
        self.stack(
            [self.header_row(), self.grid, self.needs_picture, self.action_bar, self.body, self.when],
            bleed=[self.grid, self.needs_picture],
            spacing=8,
        )

    def header_html(self, model: PreviewModel, c: Colours) -> str:
        name = model.handle.lstrip("@") or model.author
        return span(name, c.text, 14, 600) + span(" • " + relative_time(model.age), c.muted, 14)

    def body_prefix(self, model: PreviewModel, c: Colours) -> str:
        name = model.handle.lstrip("@") or model.author
        return span(name, c.text, 14, 600) + " "

    def styles(self, c: Colours) -> Styles:
        return {"hashtag": f"color:{c.tag_colour}", "mention": f"color:{c.tag_colour}"}

    def more_html(self, c: Colours) -> str:
        more = QCoreApplication.translate("Previews", "more")  # outside the f-string, where lupdate finds it
        return f'<span style="color:{c.muted}">… {more}</span>'

    def shown_images(self, model: PreviewModel) -> tuple[PreviewImage, ...]:
        return model.images[:1]  # a carousel shows its first picture; the dots say how many follow

    def image_layout(self, sizes: Sequence[QSize], width: int) -> tuple[list[QRect], int]:
        return single(width, aspect(sizes[0], 0.8, 1.91))

    def carousel_dots(self) -> int:
        return self.action_bar.dots[0]

    def render_extra(self, model: PreviewModel, c: Colours) -> None:
        count = len(model.images)
        self.action_bar.dots = (count if count > 1 else 0, 0)
        self.action_bar.update()
        self.needs_picture.setVisible(not model.images)
        self.needs_picture.setText(
            span(QCoreApplication.translate("Previews", "Instagram needs a picture"), c.muted, 14)
        )
        sheet = f"background:{c.card}"
        if self.needs_picture.styleSheet() != sheet:  # style sheets are slow to apply: only on a theme change
            self.needs_picture.setStyleSheet(sheet)
        self.when.setText(span(relative_time(model.age), c.muted, 12))

    def action_items(self) -> tuple[list[Action], list[Action]]:
        return [Action("heart"), Action("bubble"), Action("send")], [Action("bookmark")]
