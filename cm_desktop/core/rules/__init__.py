"""Network rules, exactly as each network counts: measures, entities and pre-flight issues.

Pure Python (no Qt, no HTTP). Entry points: `measure`, `preflight`, `check_report`, `entities`, `feed_cut`;
one module per network for the details (e.g. `bluesky.detect_facets`), reached through the network registry
(`core.networks`), which also holds each network's media rules.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from cm_desktop.core import networks
from cm_desktop.core.i18n import Lang
from cm_desktop.core.rules import preflight as _preflight
from cm_desktop.core.rules import twitter_text
from cm_desktop.core.rules.counting import feed_cut_index
from cm_desktop.core.rules.model import (
    Fix,
    ImageFacts,
    Issue,
    Measure,
    Severity,
)
from cm_desktop.core.rules.twitter_text import Entity

if TYPE_CHECKING:
    from cm_desktop.core.ports import ServerLimits

__all__ = [
    "Entity",
    "Fix",
    "ImageFacts",
    "Issue",
    "Measure",
    "Severity",
    "check_report",
    "entities",
    "feed_cut",
    "measure",
    "preflight",
    "warm_up",
]


def warm_up() -> None:
    """Compile the link recogniser (about 0.2 s) ahead of the first keystroke, e.g. in a worker thread."""
    twitter_text.extract_urls("example.com")


def measure(network: str, text: str, *, spoiler: str = "", **limits: int) -> Measure:
    """Count `text` as `network` does. Limits a server announces (Mastodon) are keyword arguments.

    `spoiler` is Mastodon's content warning, which counts too; other networks have none and ignore it.
    """
    return _measure(network, text, spoiler, limits)


def _measure(network: str, text: str, spoiler: str, limits: Mapping[str, int]) -> Measure:
    rules = networks.get(network).rules
    if spoiler and network == "mastodon":  # the only network with a content warning, and it counts
        return rules.measure(text, spoiler=spoiler, **limits)
    return rules.measure(text, **limits)


def entities(network: str, text: str) -> list[Entity]:
    """Links, mentions, hashtags (and cashtags on X) as `network` recognises them, in code point indices."""
    return networks.get(network).rules.entities(text)


def feed_cut(network: str, text: str) -> int | None:
    """Approximate index where the feed shows "See more", or None when the whole text shows."""
    return feed_cut_index(text, networks.get(network).rules.feed_cut)


def preflight(
    network: str,
    text: str,
    images: Sequence[ImageFacts] = (),
    *,
    spoiler: str = "",
    limits: ServerLimits | None = None,
) -> list[Issue]:
    """Everything `network` would refuse (BLOCKS), show differently (WARNING) or that would help (TIP).

    `limits`: what the account's server announced (a Mastodon instance's characters, picture sizes...)."""
    record = networks.get(network)
    measured = _measure(network, text, spoiler, record.text_limits(limits))
    return _preflight.run(record, text, images, measured, limits)


def check_report(
    network: str,
    text: str,
    lang: Lang,
    images: Sequence[ImageFacts] = (),
    *,
    limits: ServerLimits | None = None,
) -> dict[str, Any]:
    """A JSON-friendly summary for the command line: count, limit, issues in `lang`, facets on Bluesky."""
    record = networks.get(network)
    measured = _measure(network, text, "", record.text_limits(limits))
    issues = _preflight.run(record, text, images, measured, limits)
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
        from cm_desktop.core.rules import bluesky

        spans = bluesky.detect_facets(bluesky.prepare_text(text))
        report["facets"] = [
            {"kind": s.kind, "byte_start": s.byte_start, "byte_end": s.byte_end, "value": s.value}
            for s in spans
        ]
        # As sent in the record; mentions join once the connector has resolved each handle to a DID.
        report["record_facets"] = bluesky.to_lexicon(spans, {})
    return report
