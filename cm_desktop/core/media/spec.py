"""What a network accepts for one picture, and the standard specs for the networks we know.

Values come from /work/shared/NETWORKS.md. Byte limits are decimal (1 MB = 1,000,000 bytes) on purpose:
a little under a binary limit is always accepted. Where a server announces its own limits (Mastodon), the
connector should build its spec with `dataclasses.replace(spec_for("mastodon"), ...)` from the server values.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Literal

OutputFormat = Literal["JPEG", "PNG", "WEBP"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("JPEG", "PNG", "WEBP")
MIME_TYPES: dict[str, str] = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
EXTENSIONS: dict[str, str] = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}

MB = 1_000_000


@dataclass(frozen=True)
class RenditionSpec:
    """Limits of one network for one picture. Aspect is width / height (4:5 -> 0.8)."""

    network: str
    display_name: str
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


_SPECS: dict[str, RenditionSpec] = {
    spec.network: spec
    for spec in (
        # Blob <= 1,000,000 bytes; we keep up to 2000 px on the long edge (what the app displays).
        RenditionSpec("bluesky", "Bluesky", ("JPEG", "PNG"), 1 * MB, max_width=2000, max_height=2000),
        # Defaults of a stock server (16 MB, downscaled to 8.3 MP); read the real ones from /api/v2/instance.
        RenditionSpec("mastodon", "Mastodon", ("JPEG", "PNG", "WEBP"), 16 * MB, max_pixels=8_294_400),
        # 5 MB per photo; the 4096 px cap is our choice (X shows no more), it keeps uploads small.
        RenditionSpec("x", "X", ("JPEG", "PNG", "WEBP"), 5 * MB, max_width=4096, max_height=4096),
        # JPEG only, <= 8 MB, 4:5 .. 1.91:1, width 320-1440.
        RenditionSpec(
            "instagram", "Instagram", ("JPEG",), 8 * MB,
            max_width=1440, min_width=320, aspect=(4 / 5, 1.91), fit="crop",
        ),
        # Meta's photo limit (4 MB, check) ; 2048 px is what the feed shows at most (our choice).
        RenditionSpec("facebook", "Facebook", ("JPEG", "PNG"), 4 * MB, max_width=2048, max_height=2048),
        # Images API pixel ceiling (36,152,320, check); 8 MB is our conservative byte limit.
        RenditionSpec("linkedin", "LinkedIn", ("JPEG", "PNG"), 8 * MB, max_pixels=36_152_320),
        RenditionSpec("threads", "Threads", ("JPEG", "PNG"), 8 * MB, max_width=1440, max_height=4096),
        RenditionSpec(
            "google_business", "Google Business Profile", ("JPEG", "PNG"), 5 * MB,
            min_width=400, min_height=300, max_width=4096, max_height=4096,
        ),
        # 20 MB (check); 2:3 is only recommended, so previews show it but we never crop to it.
        RenditionSpec(
            "pinterest", "Pinterest", ("JPEG", "PNG"), 20 * MB,
            max_width=4096, max_height=4096, recommended_aspect=2 / 3,
        ),
    )
}  # fmt: skip

NETWORKS: tuple[str, ...] = tuple(_SPECS)


def spec_for(network: str) -> RenditionSpec:
    """The standard spec for a network id ('bluesky', 'instagram'...); ValueError for an unknown id."""
    try:
        return _SPECS[network]
    except KeyError:
        raise ValueError(f"no media spec for network {network!r}; known: {', '.join(NETWORKS)}") from None
