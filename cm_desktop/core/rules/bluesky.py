"""Bluesky: 300 graphemes AND 3,000 UTF-8 bytes; links, mentions and tags exist only as facets.

Facet offsets are UTF-8 byte offsets (start inclusive, end exclusive) into the text exactly as sent:
compute them on the final text (call `nfc` first, as `prepare_text` does). Character offsets would break
every link that follows an emoji or an accented letter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import regex

from cm_desktop.core.networks import name_of
from cm_desktop.core.rules import twitter_text
from cm_desktop.core.rules.counting import (
    byte_overflow_index,
    check_limits,
    overflow_index,
    shared_grapheme_count,
)
from cm_desktop.core.rules.messages import MESSAGES
from cm_desktop.core.rules.model import ImageFacts, Issue, Measure, NetworkSpec, Severity
from cm_desktop.core.rules.text import clean, grapheme_count, nfc, utf8_offsets, window
from cm_desktop.core.rules.twitter_text import Entity

FacetKind = Literal["link", "mention", "tag"]

LIMIT_DEFAULTS: Mapping[str, int] = {"max_characters": 300, "max_bytes": 3000}
TAG_MAX_GRAPHEMES = 64
TAG_MAX_BYTES = 640  # the lexicon's maxLength for a tag (Lexicon string lengths are UTF-8 bytes)


@dataclass(frozen=True)
class FacetSpan:
    kind: FacetKind
    byte_start: int
    byte_end: int
    value: str  # uri, handle without @, or tag without #


def prepare_text(text: str) -> str:
    """The text to send and to compute facets on: cleaned and NFC."""
    return nfc(text)


# Mentions as Bluesky's own app finds them: after a space, "(" or the start; a handle is a domain name.
_MENTION = regex.compile(r"(?:(?<=^)|(?<=[\s(]))@(?P<handle>[a-z0-9.\-]+)", regex.IGNORECASE)
_HANDLE = regex.compile(
    r"^(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9\-]{0,61}[a-z0-9])?$", regex.IGNORECASE
)
# Tags as Bluesky's app finds them: "#" after a space or the start, at least one char that is not a digit
# or punctuation; trailing punctuation is not part of the tag.
_TAG_STOP = r"\s\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2"
_TAG = regex.compile(
    rf"(?:(?<=^)|(?<=\s))(?P<hash>[#\uff03])(?!\ufe0f)"
    rf"(?P<tag>[^{_TAG_STOP}]*[^\d\p{{P}}{_TAG_STOP}][^{_TAG_STOP}]*)"
)
_TRAILING_PUNCT = regex.compile(r"\p{P}+$")


@lru_cache(maxsize=1)
def _all_tlds() -> frozenset[str]:
    country, generic = twitter_text.tlds()
    return frozenset(t.lower() for t in (*country, *generic))


def _known_tld(handle: str) -> bool:
    tld = handle.rsplit(".", 1)[-1].lower()
    return tld in _all_tlds() or tld == "test"  # ".test" handles exist on development servers


def _entities(text: str) -> list[Entity]:
    found: list[Entity] = []
    for e in twitter_text.extract_urls(text):
        uri = e.value if regex.match(r"https?://", e.value, regex.IGNORECASE) else "https://" + e.value
        found.append(Entity("url", e.start, e.end, e.text, uri))
    if "@" in text:
        for m in _MENTION.finditer(text):
            handle = m.group("handle").rstrip(".-")
            if _HANDLE.match(handle) and _known_tld(handle):
                end = m.start("handle") + len(handle)
                found.append(Entity("mention", m.start(), end, text[m.start() : end], handle))
    if "#" in text or "\uff03" in text:
        for m in _TAG.finditer(text):
            tag = _TRAILING_PUNCT.sub("", m.group("tag"))
            if (
                not tag
                or len(tag.encode("utf-8", "replace")) > TAG_MAX_BYTES
                or grapheme_count(tag) > TAG_MAX_GRAPHEMES
            ):
                continue
            end = m.start("tag") + len(tag)
            found.append(Entity("hashtag", m.start(), end, text[m.start() : end], tag))
    kept: list[Entity] = []
    for e in sorted(found, key=lambda e: e.start):
        if not kept or e.start >= kept[-1].end:
            kept.append(e)
    return kept


def entities(text: str) -> list[Entity]:
    """Links (value = full uri), mentions (handle) and tags, in code point indices of clean(text)."""
    return _entities(window(clean(text)))


def detect_facets(text: str) -> list[FacetSpan]:
    """Facet spans with UTF-8 byte offsets into `text` (which should be the final, NFC text)."""
    cleaned = clean(text)
    found = _entities(window(cleaned))  # a sendable post is far shorter than the window
    if not found:
        return []
    offsets = utf8_offsets(cleaned, [i for e in found for i in (e.start, e.end)])
    kinds: dict[str, FacetKind] = {"url": "link", "mention": "mention", "hashtag": "tag"}
    return [FacetSpan(kinds[e.kind], offsets[e.start], offsets[e.end], e.value) for e in found]


def to_lexicon(spans: Sequence[FacetSpan], dids: Mapping[str, str]) -> list[dict[str, Any]]:
    """app.bsky.richtext.facet records; a mention whose handle has no DID in `dids` is dropped."""
    lowered = {k.lower(): v for k, v in dids.items()}
    out: list[dict[str, Any]] = []
    for span in spans:
        feature: dict[str, Any]
        if span.kind == "link":
            feature = {"$type": "app.bsky.richtext.facet#link", "uri": span.value}
        elif span.kind == "tag":
            feature = {"$type": "app.bsky.richtext.facet#tag", "tag": span.value}
        else:
            did = dids.get(span.value) or lowered.get(span.value.lower())
            if not did:
                continue
            feature = {"$type": "app.bsky.richtext.facet#mention", "did": did}
        out.append(
            {
                "$type": "app.bsky.richtext.facet",
                "index": {"byteStart": span.byte_start, "byteEnd": span.byte_end},
                "features": [feature],
            }
        )
    return out


def measure(text: str, **limits: int) -> Measure:
    lim = check_limits("bluesky", limits, LIMIT_DEFAULTS)
    norm = nfc(text)
    count = shared_grapheme_count(norm)
    size = len(norm.encode("utf-8"))
    over_at: int | None = None
    if count > lim["max_characters"] or size > lim["max_bytes"]:
        candidates = [
            overflow_index(norm, lim["max_characters"]),
            byte_overflow_index(norm, lim["max_bytes"]),
        ]
        over_at = min(i for i in candidates if i is not None)
    return Measure(
        network="bluesky",
        count=count,
        limit=lim["max_characters"],
        byte_count=size,
        max_bytes=lim["max_bytes"],
        overflow_at=over_at,
    )


def checks(text: str, images: Sequence[ImageFacts], limits: Mapping[str, int]) -> list[Issue]:
    issues: list[Issue] = []
    cleaned = window(clean(text))
    for m in _TAG.finditer(cleaned):
        tag = _TRAILING_PUNCT.sub("", m.group("tag"))
        if grapheme_count(tag) > TAG_MAX_GRAPHEMES or len(tag.encode("utf-8")) > TAG_MAX_BYTES:
            issues.append(
                Issue(
                    "hashtags.too_long",
                    Severity.WARNING,
                    MESSAGES["hashtags.too_long"],
                    {"tag": tag[:20], "network": name_of("bluesky"), "max": TAG_MAX_GRAPHEMES},
                )
            )
    return issues


SPEC = NetworkSpec(
    name="bluesky",
    limit_defaults=LIMIT_DEFAULTS,
    measure=measure,
    entities=entities,
    feed_cut=None,
    checks=checks,
)
