"""The shapes every network module fills in: measures, images, issues and fixes (media rules: core.media.spec)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal

from cm_desktop.core.i18n import Lang, Text
from cm_desktop.core.rules.twitter_text import Entity

Unit = Literal["characters", "weighted"]
FixKind = Literal[
    "shorten",  # remove `amount` characters (or bytes when unit == "bytes")
    "add_alt",  # describe image number `image`
    "shorten_alt",
    "add_image",
    "remove_images",  # remove `amount` images
    "crop",  # crop image `image` to `target`, e.g. "4:5"
    "resize_image",  # make image `image` smaller (bytes or pixels) or larger (`target` gives the size)
    "convert_image",  # save image `image` as `target`, e.g. "jpeg"
    "remove_hashtags",
    "remove_mentions",
    "remove_characters",  # invisible or broken characters: the editor can strip them
    "remove_text",  # remove the text at `start`..`end` (e.g. a phone number)
    "write_text",
    "fix_link",
    "complete",  # select the gap at `start`..`end` for the person to write over it
]


@dataclass(frozen=True)
class Measure:
    """How a network counts a text. `overflow_at` is the index (in the NFC text) where it stops fitting."""

    network: str
    count: int
    limit: int
    unit: Unit = "characters"
    byte_count: int | None = None
    max_bytes: int | None = None
    overflow_at: int | None = None

    @property
    def ok(self) -> bool:
        return self.count <= self.limit and (
            self.max_bytes is None or (self.byte_count or 0) <= self.max_bytes
        )

    @property
    def over(self) -> int:
        return max(0, self.count - self.limit)

    @property
    def bytes_over(self) -> int:
        if self.max_bytes is None or self.byte_count is None:
            return 0
        return max(0, self.byte_count - self.max_bytes)

    @property
    def remaining(self) -> int:
        return self.limit - self.count


@dataclass(frozen=True)
class ImageFacts:
    """What preflight needs to know about one picked image (read by the media code, not here)."""

    width: int
    height: int
    byte_size: int
    format: str  # "jpeg", "png", ... ("jpg" is accepted)
    alt: str = ""
    animated: bool = False

    @property
    def kind(self) -> str:
        fmt = self.format.lower().lstrip(".")
        return {"jpg": "jpeg", "heif": "heic", "image/jpeg": "jpeg", "image/png": "png"}.get(fmt, fmt)

    @property
    def aspect(self) -> float:
        return self.width / self.height if self.width > 0 and self.height > 0 else 1.0


class Severity(Enum):
    BLOCKS = "blocks"  # the network would refuse the post
    WARNING = "warning"  # it will be posted, but not as the person expects
    TIP = "tip"  # a good habit


@dataclass(frozen=True)
class Fix:
    kind: FixKind
    amount: int | None = None
    unit: Literal["characters", "bytes", "images", "hashtags", "mentions"] | None = None
    image: int | None = None  # index in the images given to preflight
    target: str | None = None
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass(frozen=True)
class Issue:
    code: str  # stable: UI and tests match on it, never on the message
    severity: Severity
    message: Text
    # A Text parameter (a network's name) is shown in the message's language.
    params: Mapping[str, str | int | float | Text] = field(default_factory=dict)
    fix: Fix | None = None

    def text(self, lang: Lang) -> str:
        return self.message.get(lang, **self.params)

    def to_json(self, lang: Lang) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.text(lang),
            "params": {k: v.get(lang) if isinstance(v, Text) else v for k, v in self.params.items()},
            "fix": self.fix.to_json() if self.fix else None,
        }


@dataclass(frozen=True)
class NetworkSpec:
    """One network's text rules, as its module exposes them (`core.networks.Network.rules` reaches them)."""

    name: str  # the network's id
    limit_defaults: Mapping[str, int]
    measure: Callable[..., Measure]
    entities: Callable[[str], list[Entity]]
    feed_cut: int | None  # approximate "See more" position in characters, None when the feed shows it all
    checks: Callable[[str, Sequence[ImageFacts], Mapping[str, int]], list[Issue]]
    link_issue: str | None = None  # message code when links in the text cannot be clicked
