"""Unicode helpers shared by every network: cleaning, graphemes, emoji, byte and UTF-16 offsets."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

import regex

# Links, mentions and tags are looked for in the first WINDOW characters only. Every network's limit is far
# below it (Facebook's 63,206 is the largest), so this only changes results for huge pastes, whose count
# then treats links beyond the window as plain text: an over-estimate for a text that must be cut anyway.
WINDOW = 100_000

_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_GRAPHEME = regex.compile(r"\X")

# Control characters people cannot see (tabs and line breaks are fine), plus noncharacters and a stray BOM.
_INVISIBLE = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")

# One emoji as people see it: flags, keycaps, tag sequences (subdivision flags), ZWJ sequences with skin
# tones and variation selectors. A text-style symbol below U+1000 (©, ®, digits) counts only when FE0F asks
# for the emoji style: that is how twitter-text keeps "1" and "©" as ordinary characters.
_EMOJI_ELEMENT = (
    r"(?:[\p{Extended_Pictographic}--\x00-\u0fff]|[\p{Extended_Pictographic}&&\x00-\u0fff]\ufe0f)"
    r"(?:\p{Emoji_Modifier}|\ufe0f)*"
    r"(?:[\U000e0020-\U000e007e]+\U000e007f)?"
)
EMOJI_RE = regex.compile(
    r"\p{Regional_Indicator}{2}"
    r"|[#*0-9]\ufe0f?\u20e3"
    rf"|{_EMOJI_ELEMENT}(?:\u200d{_EMOJI_ELEMENT})*",
    regex.V1,
)


def clean(text: str) -> str:
    """Make any Python string safe to encode: join surrogate pairs, replace lone surrogates with U+FFFD.

    Text pasted from Windows clipboards or decoded with 'surrogateescape' may carry them; UTF-8 cannot.
    """
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def has_lone_surrogates(text: str) -> bool:
    return _SURROGATE.search(text) is not None and clean(text).count("\ufffd") > text.count("\ufffd")


def window(text: str) -> str:
    return text[:WINDOW] if len(text) > WINDOW else text


def nfc(text: str) -> str:
    """NFC of a cleaned text: what we send, so what we count (macOS pastes are often NFD)."""
    cleaned = clean(text)
    return cleaned if unicodedata.is_normalized("NFC", cleaned) else unicodedata.normalize("NFC", cleaned)


def grapheme_count(text: str) -> int:
    # Every network's rules count the same text at each keystroke: short texts are counted once.
    if len(text) <= 20_000:
        return _cached_grapheme_count(text)
    return len(_GRAPHEME.findall(text))


@lru_cache(maxsize=128)
def _cached_grapheme_count(text: str) -> int:
    return len(_GRAPHEME.findall(text))


def graphemes(text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match[str]]:
    return _GRAPHEME.finditer(text, pos, len(text) if endpos is None else endpos)


@lru_cache(maxsize=64)
def _n_graphemes(n: int) -> regex.Pattern[str]:
    return regex.compile(rf"\X{{{n}}}") if n > 0 else regex.compile("")


def after_graphemes(text: str, n: int, pos: int = 0, endpos: int | None = None) -> int | None:
    """Index just after the first `n` graphemes from `pos`, or None when there are fewer."""
    end = len(text) if endpos is None else endpos
    if n >= 100_000:  # beyond any network's limit; avoids compiling a huge repeat
        found = list(islice(_GRAPHEME.finditer(text, pos, end), n - 1, n))
        return found[0].end() if found else None
    m = _n_graphemes(n).match(text, pos, end)
    return m.end() if m else None


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: what Qt and JavaScript call a string's length."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def utf8_offsets(text: str, indices: Iterable[int]) -> dict[int, int]:
    """UTF-8 offsets of a few code point indices, without a Python loop over the whole text."""
    out: dict[int, int] = {}
    total = 0
    prev = 0
    for index in sorted(set(indices)):
        total += len(text[prev:index].encode("utf-8", "surrogatepass"))
        out[index] = total
        prev = index
    return out


def invisible_characters(text: str) -> list[int]:
    """Indices of control characters nobody can see; networks strip or refuse them."""
    return [m.start() for m in _INVISIBLE.finditer(text)]


def strip_invisible(text: str) -> str:
    return _INVISIBLE.sub("", clean(text))


_BLANK = regex.compile(r"[\s\p{Cf}\p{Cc}\p{Zs}\u2800\u3164\uffa0]*")


def is_blank(text: str) -> bool:
    """True for empty text or text made only of spaces, line breaks and invisible characters."""
    return _BLANK.fullmatch(clean(text)) is not None
