"""Network rules, exactly as each network counts: measures, entities, media rules and pre-flight issues.

Pure Python (no Qt, no HTTP). Entry points: `measure`, `preflight`, `check_report`, `entities`,
`media_rules`, `feed_cut`; one module per network for the details (e.g. `bluesky.detect_facets`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

from cm_desktop.core.i18n import Lang
from cm_desktop.core.rules import (
    bluesky,
    facebook,
    google_business,
    instagram,
    linkedin,
    mastodon,
    pinterest,
    threads,
    twitter_text,
    x,
)
from cm_desktop.core.rules import preflight as _preflight
from cm_desktop.core.rules.counting import feed_cut_index
from cm_desktop.core.rules.model import (
    Fix,
    ImageFacts,
    Issue,
    Measure,
    MediaRules,
    NetworkSpec,
    Severity,
)
from cm_desktop.core.rules.twitter_text import Entity

__all__ = [
    "NETWORKS",
    "SPECS",
    "Entity",
    "Fix",
    "ImageFacts",
    "Issue",
    "Measure",
    "MediaRules",
    "Severity",
    "check_report",
    "entities",
    "feed_cut",
    "measure",
    "media_rules",
    "preflight",
    "spec",
    "warm_up",
]

SPECS = MappingProxyType(
    {
        s.name: s
        for s in (
            mastodon.SPEC,
            bluesky.SPEC,
            x.SPEC,
            facebook.SPEC,
            instagram.SPEC,
            linkedin.SPEC,
            threads.SPEC,
            google_business.SPEC,
            pinterest.SPEC,
        )
    }
)
NETWORKS: tuple[str, ...] = tuple(SPECS)


def warm_up() -> None:
    """Compile the link recogniser (about 0.2 s) ahead of the first keystroke, e.g. in a worker thread."""
    twitter_text.extract_urls("example.com")


def spec(network: str) -> NetworkSpec:
    try:
        return SPECS[network]
    except KeyError:
        raise ValueError(f"unknown network {network!r}; known: {', '.join(NETWORKS)}") from None


def _split(network: str, limits: dict[str, int]) -> tuple[dict[str, int], dict[str, int]]:
    """Text limits for measure(); max_media_attachments goes to media rules only."""
    text_limits = {k: v for k, v in limits.items() if k != "max_media_attachments"}
    if "max_media_attachments" in limits and network != "mastodon":
        raise TypeError(f"{network} has no server-announced media limit")
    return text_limits, limits


def measure(network: str, text: str, *, spoiler: str = "", **limits: int) -> Measure:
    """Count `text` as `network` does. Limits a server announces (Mastodon) are keyword arguments.

    `spoiler` is Mastodon's content warning, which counts too; other networks have none and ignore it.
    """
    return _measure(network, text, spoiler, limits)


def _measure(network: str, text: str, spoiler: str, limits: Mapping[str, int]) -> Measure:
    text_limits, _ = _split(network, dict(limits))
    if network == "mastodon":
        return mastodon.measure(text, spoiler=spoiler, **text_limits)
    return spec(network).measure(text, **text_limits)


def entities(network: str, text: str) -> list[Entity]:
    """Links, mentions, hashtags (and cashtags on X) as `network` recognises them, in code point indices."""
    return spec(network).entities(text)


def media_rules(network: str, **limits: int) -> MediaRules:
    return spec(network).media(**limits)


def feed_cut(network: str, text: str) -> int | None:
    """Approximate index where the feed shows "See more", or None when the whole text shows."""
    return feed_cut_index(text, spec(network).feed_cut)


def preflight(
    network: str, text: str, images: Sequence[ImageFacts] = (), *, spoiler: str = "", **limits: int
) -> list[Issue]:
    """Everything `network` would refuse (BLOCKS), show differently (WARNING) or that would help (TIP)."""
    measured = measure(network, text, spoiler=spoiler, **limits)
    return _preflight.run(spec(network), text, images, measured, limits)


def check_report(
    network: str, text: str, lang: Lang, images: Sequence[ImageFacts] = (), **limits: int
) -> dict[str, Any]:
    """A JSON-friendly summary for the command line: count, limit, issues in `lang`, facets on Bluesky."""
    measured = _measure(network, text, "", limits)
    issues = _preflight.run(spec(network), text, images, measured, limits)
    report: dict[str, Any] = {
        "network": network,
        "count": measured.count,
        "limit": measured.limit,
        "unit": measured.unit,
        "ok": measured.ok and not any(i.severity is Severity.BLOCKS for i in issues),
        "issues": [i.to_json(lang) for i in issues],
        "entities": [
            {"kind": e.kind, "start": e.start, "end": e.end, "value": e.value}
            for e in entities(network, text)
        ],
    }
    if measured.max_bytes is not None:
        report["bytes"] = measured.byte_count
        report["max_bytes"] = measured.max_bytes
    if measured.overflow_at is not None:
        report["overflow_at"] = measured.overflow_at
    if network == "bluesky":
        spans = bluesky.detect_facets(bluesky.prepare_text(text))
        report["facets"] = [
            {"kind": s.kind, "byte_start": s.byte_start, "byte_end": s.byte_end, "value": s.value}
            for s in spans
        ]
        # As sent in the record; mentions join once the connector has resolved each handle to a DID.
        report["record_facets"] = bluesky.to_lexicon(spans, {})
    return report
