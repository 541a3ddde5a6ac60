"""X (Twitter): twitter-text v3 weighted length, as in tests/data/twitter-text/v3.json.

NFC first; code points in the light ranges weigh 1, all others 2; any emoji sequence 2; any link 23
whatever its length. The limit is 280 weighted characters.

Emoji: twitter-text 3.1.0 discounts only the sequences its twemoji-parser 11 (2018) knows, so a newer one
(🫶🏽, 🐦‍🔥, 🧑‍🧑‍🧒, 🏳️‍⚧️ ...) would cost 4 to 11. X counts every emoji as 2 today, "regardless of
complexity", ZWJ sequences and skin tones included (X's developer documentation, "Counting characters",
https://docs.x.com/fundamentals/counting-characters, and twitter-text's README: "Emoji supported by twemoji
always count as two characters"). So we count as one emoji every sequence twitter-text knows and every
sequence Unicode recommends today (data/x_emoji.txt, made by scripts/make_x_emoji.mjs);
tests/unit/rules/test_against_official_clients.py checks that this is our only difference with
twitter-text's count (known_differences.toml).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import regex

from cm_desktop.core.rules import twitter_text
from cm_desktop.core.rules.counting import check_limits, shared_urls
from cm_desktop.core.rules.model import ImageFacts, Issue, Measure, NetworkSpec
from cm_desktop.core.rules.text import clean, nfc, utf16_len, window
from cm_desktop.core.rules.twitter_text import Entity


@dataclass(frozen=True)
class WeightConfig:
    """twitter-text's configuration file, field by field (v3.json)."""

    max_weighted_length: int = 280
    scale: int = 100
    default_weight: int = 200
    emoji_parsing: bool = True
    transformed_url_length: int = 23
    ranges: tuple[tuple[int, int, int], ...] = (
        (0, 4351, 100),
        (8192, 8205, 100),
        (8208, 8223, 100),
        (8242, 8247, 100),
    )

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> WeightConfig:
        raw_ranges = data.get("ranges", [])
        assert isinstance(raw_ranges, list)
        return cls(
            max_weighted_length=int(str(data["maxWeightedTweetLength"])),
            scale=int(str(data["scale"])),
            default_weight=int(str(data["defaultWeight"])),
            emoji_parsing=bool(data.get("emojiParsingEnabled", False)),
            transformed_url_length=int(str(data["transformedURLLength"])),
            ranges=tuple((int(r["start"]), int(r["end"]), int(r["weight"])) for r in raw_ranges),
        )


V3 = WeightConfig()
V2 = replace(V3, emoji_parsing=False)  # the same, before emoji sequences were discounted

_INVALID = frozenset("\ufffe\ufeff\uffff")


@dataclass(frozen=True)
class TweetParse:
    """twitter-text's parseTweet result. Ranges are inclusive UTF-16 indices, as twitter-text gives them."""

    weighted_length: int
    valid: bool
    permillage: int
    display_range_end: int
    valid_range_end: int
    valid_end: int  # code point index in the NFC text where the valid part ends


@lru_cache(maxsize=1)
def _emoji_sequences() -> tuple[frozenset[str], int]:
    """The emoji sequences of two or more code points that count as one emoji, and the longest one's length."""
    raw = resources.files("cm_desktop.core.rules").joinpath("data/x_emoji.txt").read_text(encoding="utf-8")
    found = frozenset(
        "".join(chr(int(code, 16)) for code in line.split())
        for line in raw.splitlines()
        if line and not line.startswith("#")
    )
    return found, max(map(len, found))


# Runs of code points that may belong to an emoji sequence. A lone emoji weighs 2 as a character anyway, so
# only runs of two or more can change a count; each is cut, left to right, into the longest known sequences,
# as twitter-text's emoji regex does.
_EMOJI_RUN = regex.compile(r"[\p{Emoji}\p{Emoji_Component}\u200d\u20e3\ufe0f\U000e0020-\U000e007f]{2,}")


@lru_cache(maxsize=4)
def emoji_spans(norm: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each emoji sequence of two or more code points in an NFC text."""
    if norm.isascii():
        return ()
    known, longest = _emoji_sequences()
    spans: list[tuple[int, int]] = []
    for run in _EMOJI_RUN.finditer(norm):
        pos, end = run.span()
        while pos < end - 1:
            for size in range(min(longest, end - pos), 1, -1):
                if norm[pos : pos + size] in known:
                    spans.append((pos, pos + size))
                    pos += size
                    break
            else:
                pos += 1
    return tuple(spans)


def _skipped(norm: str, link: Entity) -> tuple[int, bool]:
    """Where parseTweet resumes counting after a link, and whether it left half of a surrogate pair.

    It skips as many UTF-16 units as the link's value has: the value of a bare link whose host holds other
    characters than its ASCII domain is shorter than its range ("P.fr.fr\ufe0f.fr/" links "P.fr.fr/"), and
    the rest of the range is then counted as text. For every other link it is the link's end.
    """
    if link.value == link.text:
        return link.end, False
    units = utf16_len(link.value)
    i, used = link.start, 0
    while used < units:
        used += 2 if ord(norm[i]) > 0xFFFF else 1
        i += 1
    return i, used > units  # a low surrogate left alone weighs default_weight


def _weight_of(code: int, config: WeightConfig) -> int:
    for start, end, weight in config.ranges:
        if start <= code <= end:
            return weight
    return config.default_weight


def parse_tweet(
    text: str,
    config: WeightConfig = V3,
    *,
    stop_when_over: bool = False,
    urls: Sequence[Entity] | None = None,
) -> TweetParse:
    """Walk the text exactly as twitter-text does (slow path: for the valid range and the tests).

    With `stop_when_over`, stop once past the limit: only `valid_end` is then meaningful.
    """
    original = clean(text)
    norm = nfc(original)
    if not norm:
        return TweetParse(0, False, 0, 0, 0, 0)  # twitter-text's answer for an empty text
    max_scaled = config.max_weighted_length * config.scale
    links = twitter_text.extract_urls(norm) if urls is None or norm != original else urls
    url_ends = {e.start: _skipped(norm, e) for e in links}
    emojis = dict(emoji_spans(norm)) if config.emoji_parsing else {}
    url_weight = config.transformed_url_length * config.scale
    weighted = valid_units = valid_end = 0
    invalid = False
    i = 0
    n = len(norm)
    while i < n:
        if stop_when_over and weighted > max_scaled:
            break
        if i in url_ends:
            end, half = url_ends[i]
            weighted += url_weight + (config.default_weight if half else 0)
            if weighted <= max_scaled:
                valid_units += utf16_len(norm[i:end])
                valid_end = end
            i = end
        elif i in emojis:
            end = emojis[i]
            weighted += config.default_weight
            if weighted <= max_scaled:
                valid_units += utf16_len(norm[i:end])
                valid_end = end
            i = end
        else:
            ch = norm[i]
            weighted += _weight_of(ord(ch), config)
            invalid = invalid or ch in _INVALID
            if not invalid and weighted <= max_scaled:
                valid_units += 2 if ord(ch) > 0xFFFF else 1
                valid_end = i + 1
            i += 1
    length = weighted // config.scale
    shift = utf16_len(original) - utf16_len(norm)
    return TweetParse(
        weighted_length=length,
        valid=not invalid and length <= config.max_weighted_length,
        permillage=length * 1000 // config.max_weighted_length,
        display_range_end=utf16_len(original) - 1,
        valid_range_end=valid_units + shift - 1,
        valid_end=valid_end,
    )


def _heavy_runs(config: WeightConfig) -> regex.Pattern[str]:
    """Runs of characters outside the light ranges (counting runs beats counting characters one by one)."""
    parts = "".join(
        f"\\U{start:08x}-\\U{end:08x}" for start, end, w in config.ranges if w != config.default_weight
    )
    return regex.compile(f"[^{parts}]+")


_HEAVY_V3 = _heavy_runs(V3)


def weighted_length(text: str, config: WeightConfig = V3, urls: Sequence[Entity] | None = None) -> int:
    """Fast path of parse_tweet's weighted length, for every keystroke (no per-character Python loop)."""
    norm = nfc(text)
    links = twitter_text.extract_urls(norm) if urls is None else urls
    heavy = _HEAVY_V3 if config.ranges == V3.ranges else _heavy_runs(config)
    light_weight = next((w for _, _, w in config.ranges if w != config.default_weight), config.default_weight)
    total = len(links) * config.transformed_url_length * config.scale
    skips = [(e.start, *_skipped(norm, e)) for e in links]
    total += sum(config.default_weight for _, _, half in skips if half)
    pos = 0
    for piece_end, next_pos, _ in [*skips, (len(norm), len(norm), False)]:
        piece = norm[pos:piece_end]
        pos = next_pos
        if piece:
            n_heavy = sum(map(len, heavy.findall(piece)))
            total += (len(piece) - n_heavy) * light_weight + n_heavy * config.default_weight
    if config.emoji_parsing:
        # Each emoji sequence weighs default_weight instead of its code points' weights; one that starts
        # inside a link is part of the link (twitter-text looks for a link first at each index).
        inside = [(start, end) for start, end, _ in skips]
        for start, end in emoji_spans(norm):
            if any(a <= start < b for a, b in inside):
                continue
            total += config.default_weight - sum(_weight_of(ord(ch), config) for ch in norm[start:end])
    return total // config.scale


LIMIT_DEFAULTS: Mapping[str, int] = {"max_characters": V3.max_weighted_length}


def measure(text: str, **limits: int) -> Measure:
    lim = check_limits("x", limits, LIMIT_DEFAULTS)
    config = (
        V3
        if lim["max_characters"] == V3.max_weighted_length
        else replace(V3, max_weighted_length=lim["max_characters"])
    )
    norm = nfc(text)
    urls = list(shared_urls(norm))
    count = weighted_length(norm, config, urls)
    over_at = None
    if count > config.max_weighted_length:
        over_at = parse_tweet(norm, config, stop_when_over=True, urls=urls).valid_end
    return Measure(
        network="x", count=count, limit=config.max_weighted_length, unit="weighted", overflow_at=over_at
    )


def entities(text: str) -> list[Entity]:
    return twitter_text.extract_entities(window(clean(text)), cashtags=True)


def checks(text: str, images: Sequence[ImageFacts], limits: Mapping[str, int]) -> list[Issue]:
    return []


SPEC = NetworkSpec(
    name="x",
    limit_defaults=LIMIT_DEFAULTS,
    measure=measure,
    entities=entities,
    feed_cut=None,
    checks=checks,
)
