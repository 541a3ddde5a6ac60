"""Mastodon: counted like app/validators/status_length_validator.rb.

(content warning + text) in grapheme clusters, every http(s) link counts `characters_reserved_per_url`,
`@user@host` counts as `@user`. Limits are announced by each server (GET /api/v2/instance): pass them in;
the defaults are Mastodon's own (500, 23), and forks raise them. Media limits: core.networks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import regex

from cm_desktop.core.rules import twitter_text
from cm_desktop.core.rules.counting import check_limits, overflow_index, shared_grapheme_count, shared_urls
from cm_desktop.core.rules.model import ImageFacts, Issue, Measure, NetworkSpec
from cm_desktop.core.rules.text import clean, grapheme_count, nfc, window
from cm_desktop.core.rules.twitter_text import Entity

LIMIT_DEFAULTS: Mapping[str, int] = {"max_characters": 500, "characters_reserved_per_url": 23}

# Mastodon's own mention shape: a local @user or a remote @user@host (host counts for nothing).
_MENTION = regex.compile(
    r"(?<![=/\w])@(?P<user>[a-z0-9_]+(?:[.\-]+[a-z0-9_]+)*)(?P<host>@[\w]+(?:[.\-]+[\w]+)*)?",
    regex.IGNORECASE,
)
_SEP = r"_\u00b7\u30fb\u200c"
_HASHTAG = regex.compile(
    rf"(?<![/)\w])#(?P<tag>[\w_][\w{_SEP}]*[\p{{Alpha}}{_SEP}][\w{_SEP}]*[\w_]|[\w_]*\p{{Alpha}}[\w_]*)"
)


def _links(text: str) -> list[Entity]:
    # Mastodon only shortens links written with their scheme; a bare "example.com" counts in full.
    return twitter_text.extract_urls(text, without_protocol=False)


def _mentions(text: str) -> list[Entity]:
    if "@" not in text:
        return []
    return [
        Entity("mention", m.start(), m.end(), m.group(), m.group("user") + (m.group("host") or ""))
        for m in _MENTION.finditer(text)
    ]


def _hashtags(text: str) -> list[Entity]:
    if "#" not in text:
        return []
    return [Entity("hashtag", m.start(), m.end(), m.group(), m.group("tag")) for m in _HASHTAG.finditer(text)]


def _without_overlaps(found: list[Entity]) -> list[Entity]:
    kept: list[Entity] = []
    for e in sorted(found, key=lambda e: e.start):
        if not kept or e.start >= kept[-1].end:
            kept.append(e)
    return kept


def entities(text: str) -> list[Entity]:
    cleaned = window(clean(text))
    return _without_overlaps([*_links(cleaned), *_mentions(cleaned), *_hashtags(cleaned)])


def measure(text: str, *, spoiler: str = "", **limits: int) -> Measure:
    lim = check_limits("mastodon", limits, LIMIT_DEFAULTS)
    limit = lim["max_characters"]
    per_url = lim["characters_reserved_per_url"]
    combined = nfc(spoiler) + nfc(text)
    links = [e for e in shared_urls(combined) if e.value[:4].lower() == "http" and "://" in e.value[:8]]
    head = window(combined)
    # Mastodon replaces each link and mention by its countable form, then counts graphemes: start from the
    # shared grapheme count and swap each entity's own graphemes for its weight.
    count = shared_grapheme_count(combined)
    spans: list[tuple[int, int, int]] = []
    for e in _without_overlaps([*links, *_mentions(head)]):
        weight = per_url if e.kind == "url" else 1 + grapheme_count(e.value.split("@", 1)[0])
        spans.append((e.start, e.end, weight))
        count += weight - grapheme_count(e.text)
    over = overflow_index(combined, limit, spans) if count > limit else None
    if over is not None:
        over = max(0, over - len(nfc(spoiler)))  # index in the text, not in the warning
    return Measure(network="mastodon", count=count, limit=limit, overflow_at=over)


def checks(text: str, images: Sequence[ImageFacts], limits: Mapping[str, int]) -> list[Issue]:
    return []


SPEC = NetworkSpec(
    name="mastodon",
    limit_defaults=LIMIT_DEFAULTS,
    measure=measure,
    entities=entities,
    feed_cut=None,
    checks=checks,
)
