"""Bluesky: 300 graphemes AND 3,000 UTF-8 bytes; links, mentions and tags exist only as facets.

Facet offsets are UTF-8 byte offsets (start inclusive, end exclusive) into the text exactly as sent:
compute them on the final text (call `nfc` first, as `prepare_text` does). Character offsets would break
every link that follows an emoji or an accented letter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import regex

from cm_desktop.core.networks import name_of
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


# Facets as Bluesky's own client finds them: @atproto/api's RichText.detectFacets (rich-text/detection.ts and
# util.ts, version 0.21.0), restated here rule by rule, JavaScript regex semantics included, so that the facets
# we send are the ones Bluesky's app would send for the same text (checked against the library itself in
# tests/unit/rules/test_against_official_clients.py). Its quirks are kept on purpose: "HTTPS://..." in capitals
# is not a link, a TLD in capitals is not one, "name.al-x@foo.com" becomes a link, "$AAPL" becomes a tag.

# JavaScript's \s (with or without the u flag): Unicode White_Space minus U+0085, plus U+FEFF.
_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
# After the start of the text, a space or "(" (links, mentions, cashtags); tags: the start or a space only.
_AFTER_SPACE_OR_PAREN = rf"(?:^|(?<=[{_JS_SPACE}(]))"
_AFTER_SPACE = rf"(?:^|(?<=[{_JS_SPACE}]))"
# A handle ends at an ASCII word boundary (JavaScript's \b without the u flag), hence regex.ASCII.
_MENTION = regex.compile(rf"{_AFTER_SPACE_OR_PAREN}@(?P<handle>[a-zA-Z0-9.\-]+)\b", regex.ASCII)
# Any http(s) URL up to the next space, or a bare domain (ASCII letters and digits, no hyphen) and what
# follows it. The scheme matches in any case, but only one written "http..." in lower case is kept below.
_LINK = regex.compile(
    rf"{_AFTER_SPACE_OR_PAREN}(?P<url>[hH][tT][tT][pP][sS]?://[^{_JS_SPACE}]+"
    rf"|(?P<domain>[a-zA-Z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+)+)[^{_JS_SPACE}]*)"
)
_LINK_END_PUNCT = ".,;:!?"
# A tag: "#" or "＃", then characters up to a space or an invisible joiner, at least one of them neither an
# ASCII digit nor punctuation; trailing punctuation is dropped afterwards.
_TAG_STOP = _JS_SPACE + "\u00ad\u2060\u200a\u200b\u200c\u200d\u20e2"
_TAG = regex.compile(
    rf"{_AFTER_SPACE}[#\uff03](?P<tag>(?!\ufe0f)[^{_TAG_STOP}]*[^0-9\p{{P}}{_TAG_STOP}]+[^{_TAG_STOP}]*)?"
)
_TRAILING_PUNCT = regex.compile(r"\p{P}+\Z")
# A cashtag: "$", a letter, up to 4 letters or digits, then a space, the end or a closing punctuation mark.
_CASHTAG = regex.compile(
    rf"{_AFTER_SPACE_OR_PAREN}\$(?P<ticker>[A-Za-z][A-Za-z0-9]{{0,4}})(?=[{_JS_SPACE}]|\Z|[.,;:!?)\"'\u2019])"
)


@lru_cache(maxsize=1)
def _tlds() -> frozenset[str]:
    raw = (
        resources.files("cm_desktop.core.rules").joinpath("data/bluesky_tlds.txt").read_text(encoding="utf-8")
    )
    return frozenset(line for line in raw.splitlines() if line and not line.startswith("#"))


def _valid_domain(name: str) -> bool:
    """Ends with "." and a TLD of the client's list, in the same case (the list is lower case)."""
    _, dot, tld = name.rpartition(".")
    return bool(dot) and tld in _tlds()


def _tag_too_long(tag: str) -> bool:
    # The client drops a tag over 64 graphemes; we also drop one over the lexicon's 640 UTF-8 bytes, which the
    # server would refuse with the whole post (allow-listed in tests/unit/rules/known_differences.toml).
    return (len(tag) > TAG_MAX_GRAPHEMES and grapheme_count(tag) > TAG_MAX_GRAPHEMES) or len(
        tag.encode("utf-8", "replace")
    ) > TAG_MAX_BYTES


def _entities(text: str) -> list[Entity]:
    """Every facet the client would make, sorted by start (they may overlap, as the client's may)."""
    # The preview, the checks and the facets ask for the same text: short texts are found once.
    return list(_cached_entities(text)) if len(text) <= 20_000 else _find_entities(text)


@lru_cache(maxsize=8)
def _cached_entities(text: str) -> tuple[Entity, ...]:
    return tuple(_find_entities(text))


def _find_entities(text: str) -> list[Entity]:
    found: list[Entity] = []
    if "@" in text:
        for m in _MENTION.finditer(text):
            handle = m.group("handle")
            if _valid_domain(handle) or handle.endswith(".test"):
                found.append(Entity("mention", m.start(), m.end(), m.group(), handle))
    if "." in text or ":" in text:  # a bare domain has a dot, an http(s) URL a colon
        for m in _LINK.finditer(text):
            uri = m.group("url")
            start, end = m.span("url")
            if not uri.startswith("http"):
                domain = m.group("domain")
                if domain is None or not _valid_domain(domain):
                    continue
                # The client keeps "httpbin.org" without a scheme (its test is startsWith("http")), a URI
                # the lexicon refuses; every other bare domain gets https://, and so does this one here.
                uri = "https://" + uri
            elif "://" not in uri[:8]:
                uri = "https://" + uri
            if uri[-1] in _LINK_END_PUNCT:
                uri, end = uri[:-1], end - 1
            if uri[-1] == ")" and "(" not in uri:
                uri, end = uri[:-1], end - 1
            found.append(Entity("url", start, end, text[start:end], uri))
    if "#" in text or "\uff03" in text:
        for m in _TAG.finditer(text):
            tag = m.group("tag")
            if not tag:
                continue
            tag = _TRAILING_PUNCT.sub("", tag)
            if not tag or _tag_too_long(tag):
                continue
            end = m.start() + 1 + len(tag)
            found.append(Entity("hashtag", m.start(), end, text[m.start() : end], tag))
    if "$" in text:
        for m in _CASHTAG.finditer(text):
            found.append(Entity("cashtag", m.start(), m.end(), m.group(), "$" + m.group("ticker").upper()))
    found.sort(key=lambda e: e.start)  # stable, as the client's sort: mentions, links, tags, cashtags
    return found


def entities(text: str) -> list[Entity]:
    """Links (value = full uri), mentions (handle), tags and cashtags ("$AAPL"), in code point indices of
    clean(text); overlapping ones are kept, and the preview shows the first, as Bluesky's app does."""
    return _entities(window(clean(text)))


def detect_facets(text: str) -> list[FacetSpan]:
    """Facet spans with UTF-8 byte offsets into `text` (which should be the final, NFC text)."""
    cleaned = clean(text)
    found = _entities(window(cleaned))  # a sendable post is far shorter than the window
    if not found:
        return []
    offsets = utf8_offsets(cleaned, [i for e in found for i in (e.start, e.end)])
    kinds: dict[str, FacetKind] = {"url": "link", "mention": "mention", "hashtag": "tag", "cashtag": "tag"}
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
    if "#" not in cleaned and "\uff03" not in cleaned:
        return issues
    for m in _TAG.finditer(cleaned):
        tag = _TRAILING_PUNCT.sub("", m.group("tag") or "")
        if tag and _tag_too_long(tag):
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
