"""The two shapes of a network's picture facts: what it accepts (MediaRules) and what we send (RenditionSpec).

The values for each network live in its record in `cm_desktop.core.networks`. This module stays cheap to
import (no Pillow): the registry builds its records from these classes at start-up.
Byte limits are decimal (1 MB = 1,000,000 bytes) on purpose: a little under a binary limit always passes.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Literal

OutputFormat = Literal["JPEG", "PNG", "WEBP"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("JPEG", "PNG", "WEBP")
MIME_TYPES: dict[str, str] = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
EXTENSIONS: dict[str, str] = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
# The short format names MediaRules uses, and the MIME types servers announce for them.
FORMAT_MIME_TYPES: dict[str, tuple[str, ...]] = {
    "jpeg": ("image/jpeg",),
    "png": ("image/png",),
    "gif": ("image/gif",),
    "webp": ("image/webp",),
    "heic": ("image/heic", "image/heif"),
    "avif": ("image/avif",),
}

MB = 1_000_000


@dataclass(frozen=True)
class MediaRules:
    """What a network accepts for images. None means 'no limit we know of'."""

    max_images: int
    formats: frozenset[str]  # lower-case short names: jpeg, png, gif, webp, heic, avif
    max_bytes: int
    min_images: int = 0
    max_pixels: int | None = None  # above this the network downscales (never refuses)
    min_width: int | None = None
    min_height: int | None = None
    max_width: int | None = None  # wider images are scaled down by the network
    aspect_min: float | None = None  # width / height
    aspect_max: float | None = None
    crop_targets: tuple[tuple[str, float], ...] = ()  # what the network crops to, e.g. ("4:5", 0.8)
    recommended_aspect: tuple[str, float] | None = None
    alt_supported: bool = True
    alt_max: int | None = None
    alt_required: bool = False
    animated_allowed: bool = True
    animated_alone: bool = False  # an animated GIF must be the only image

    @property
    def image_required(self) -> bool:
        return self.min_images > 0

    @property
    def mime_types(self) -> frozenset[str]:
        return frozenset(m for f in self.formats for m in FORMAT_MIME_TYPES.get(f, ()))


def formats_of(mime_types: tuple[str, ...]) -> frozenset[str]:
    """The short format names of the MIME types a server announces (those we know; videos are left out)."""
    announced = {m.lower() for m in mime_types}
    return frozenset(f for f, mimes in FORMAT_MIME_TYPES.items() if announced.intersection(mimes))


@dataclass(frozen=True)
class RenditionSpec:
    """Limits of one network for one picture we send. Aspect is width / height (4:5 -> 0.8)."""

    network: str
    formats: tuple[OutputFormat, ...]
    max_bytes: int
    max_pixels: int | None = None
    max_width: int | None = None
    max_height: int | None = None
    min_width: int = 1
    min_height: int = 1
    aspect: tuple[float, float] | None = None
    fit: Literal["crop", "pad"] = "crop"
    # Shown in previews only; never enforced (Pinterest's 2:3).
    recommended_aspect: float | None = None

    def __post_init__(self) -> None:
        # Programming errors, caught by tests: a spec is code, not user input.
        if not self.formats or any(f not in OUTPUT_FORMATS for f in self.formats):
            raise ValueError(f"formats must be a non-empty subset of {OUTPUT_FORMATS}: {self.formats}")
        if self.max_bytes <= 0:
            raise ValueError("max_bytes must be positive")
        for name in ("max_pixels", "max_width", "max_height"):
            value = getattr(self, name)
            if value is not None and value <= 0:
                raise ValueError(f"{name} must be positive")
        if self.min_width < 1 or self.min_height < 1:
            raise ValueError("min_width and min_height must be at least 1")
        if self.aspect is not None and not 0 < self.aspect[0] <= self.aspect[1]:
            raise ValueError(f"aspect must be (min, max) with 0 < min <= max: {self.aspect}")
        if self.fit not in ("crop", "pad"):
            raise ValueError(f"fit must be 'crop' or 'pad': {self.fit}")

    def cache_token(self) -> str:
        """A stable text of every field, part of the rendition cache key."""
        return json.dumps(asdict(self), sort_keys=True)
