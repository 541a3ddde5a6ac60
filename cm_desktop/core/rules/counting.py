"""Counting helpers shared by the grapheme-based networks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from cm_desktop.core.rules import twitter_text
from cm_desktop.core.rules.model import Measure
from cm_desktop.core.rules.text import EMOJI_RE, after_graphemes, grapheme_count, graphemes, nfc, window
from cm_desktop.core.rules.twitter_text import Entity

# (start, end, weight): a span of the text that counts as `weight` whatever its length (a link, a mention)
Span = tuple[int, int, int]


# The composer measures the same text for every selected network on each keystroke: the work they share
# (graphemes, links, emoji of the NFC text) is done once per text.
@lru_cache(maxsize=4)
def shared_grapheme_count(norm: str) -> int:
    return grapheme_count(norm)


@lru_cache(maxsize=4)
def shared_urls(norm: str) -> tuple[Entity, ...]:
    """Links in the first WINDOW characters of an NFC text (with or without scheme)."""
    return tuple(twitter_text.extract_urls(window(norm)))


@lru_cache(maxsize=4)
def shared_emoji(norm: str) -> tuple[str, ...]:
    return tuple(EMOJI_RE.findall(norm))


def check_limits(network: str, given: Mapping[str, int], defaults: Mapping[str, int]) -> dict[str, int]:
    """Merge server-announced limits over the defaults; a misspelt name is a programming error."""
    unknown = set(given) - set(defaults)
    if unknown:
        raise TypeError(f"{network} has no limit named {sorted(unknown)}; known: {sorted(defaults)}")
    merged = dict(defaults)
    for name, value in given.items():
        if value is None:
            continue  # a server that did not announce it: keep the default
        merged[name] = int(value)
    return merged


def overflow_index(text: str, limit: int, spans: Sequence[Span] = ()) -> int | None:
    """Index where the running count first exceeds `limit` (spans count as their weight), or None."""
    total = 0
    pos = 0
    for start, end, weight in [*sorted(spans), (len(text), len(text), 0)]:
        if start > pos:
            room = max(0, limit - total)
            if after_graphemes(text, room + 1, pos, start) is not None:  # this stretch crosses the limit
                return after_graphemes(text, room, pos, start) if room else pos
            total += grapheme_count(text[pos:start])
        total += weight
        if total > limit:
            return start
        pos = max(pos, end)
    return None


def byte_overflow_index(text: str, max_bytes: int) -> int | None:
    """First index whose character ends beyond `max_bytes` UTF-8 bytes, or None when all of it fits."""
    data = text[: max_bytes + 1].encode("utf-8", "surrogatepass")
    if len(data) <= max_bytes and len(text) <= max_bytes:
        return None
    # The characters wholly inside the first max_bytes bytes are the ones that fit.
    return len(data[:max_bytes].decode("utf-8", "ignore"))


def grapheme_measure(network: str, text: str, limit: int) -> Measure:
    """Plain networks: NFC, then one per grapheme cluster (what people call a character)."""
    norm = nfc(text)
    count = shared_grapheme_count(norm)
    over = overflow_index(norm, limit) if count > limit else None
    return Measure(network=network, count=count, limit=limit, overflow_at=over)


def feed_cut_index(text: str, cut: int | None) -> int | None:
    """Index in the NFC text where the feed shows "See more", or None when all of it shows.

    Approximate by design: networks cut by width and lines too; we cut after `cut` characters, moved back to
    the previous space when one is near so that no word is split.
    """
    if cut is None:
        return None
    norm = nfc(text)
    if grapheme_count(norm) <= cut:
        return None
    index = 0
    for n, m in enumerate(graphemes(norm)):
        if n == cut:
            index = m.start()
            break
    window = max(0, index - 20)
    space = max(norm.rfind(" ", window, index), norm.rfind("\n", window, index))
    return space if space > 0 else index
