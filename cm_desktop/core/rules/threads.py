"""Threads: 500 characters, where an emoji counts as many as its UTF-8 bytes (per NETWORKS.md).

So a plain letter or an accented one counts 1, "😀" counts 4 and a skin-toned "👍🏽" counts 8. This is the
rule Meta's documentation gives for the API; the app may be more lenient, so we stay on the safe side.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from cm_desktop.core.rules import instagram
from cm_desktop.core.rules.counting import check_limits, overflow_index, shared_emoji, shared_grapheme_count
from cm_desktop.core.rules.model import ImageFacts, Issue, Measure
from cm_desktop.core.rules.plain import plain_spec
from cm_desktop.core.rules.text import EMOJI_RE, nfc, window

LIMIT = 500
LIMIT_DEFAULTS: Mapping[str, int] = {"max_characters": LIMIT}


def measure(text: str, **limits: int) -> Measure:
    limit = check_limits("threads", limits, LIMIT_DEFAULTS)["max_characters"]
    norm = nfc(text)
    # Each emoji is one grapheme: add its extra bytes to the grapheme count.
    count = shared_grapheme_count(norm) + sum(len(e.encode("utf-8")) - 1 for e in shared_emoji(norm))
    spans: list[tuple[int, int, int]] = []
    if count > limit:
        spans = [
            (m.start(), m.end(), len(m.group().encode("utf-8"))) for m in EMOJI_RE.finditer(window(norm))
        ]
    over = overflow_index(norm, limit, spans) if count > limit else None
    return Measure(network="threads", count=count, limit=limit, overflow_at=over)


def checks(text: str, images: Sequence[ImageFacts], limits: Mapping[str, int]) -> list[Issue]:
    return instagram.count_checks(
        "threads", instagram.entities(text), instagram.MAX_HASHTAGS, instagram.MAX_MENTIONS
    )


_BASE = plain_spec(
    name="threads",
    limit=LIMIT,
    feed_cut=None,
    checks=checks,
    entities=instagram.entities,
)
SPEC = replace(_BASE, measure=measure)
entities = instagram.entities
