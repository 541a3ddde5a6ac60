"""What a preview shows: one frozen value per network, compared cheaply on every keystroke."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from PySide6.QtGui import QImage

MAX_IMAGES = 10  # Facebook and Instagram take up to ten; the others show fewer


@dataclass(frozen=True)
class PreviewImage:
    path: str
    alt: str = ""


@dataclass(frozen=True)
class LinkPreview:
    """The card a network builds from the page's Open Graph tags."""

    url: str
    title: str = ""
    description: str = ""
    image: str | None = None  # path of the og:image, already downloaded


@dataclass(frozen=True)
class PreviewModel:
    text: str
    author: str  # display name, or the page's name on Facebook, LinkedIn and Google
    handle: str = ""  # without "@"; "name.bsky.social", "name@server" on Mastodon
    # A QImage compares by pixels but has no hash: kept out of the hash, still in ==.
    avatar: str | QImage | None = field(default=None, hash=False)
    age: timedelta = timedelta(0)  # how long ago it was posted: 0 shows "Just now"
    images: tuple[PreviewImage, ...] = ()
    link: LinkPreview | None = None
    # None: the network's own "See more" position from the rules; a number overrides it (characters).
    feed_cut: int | None = None

    def __post_init__(self) -> None:
        if len(self.images) > MAX_IMAGES:
            object.__setattr__(self, "images", self.images[:MAX_IMAGES])

    @staticmethod
    def image_paths(*paths: str | Path) -> tuple[PreviewImage, ...]:
        return tuple(PreviewImage(str(p)) for p in paths)
