"""What a saved search means: the words the person typed, read into a core.ports.Search, and refused with a
plain sentence when they could find nothing useful (empty, only common words, too long, only emoji, a lone
`#` or `@`).

The forms people write: words (`fleuriste Lyon`: both, anywhere, any case), "an exact phrase" (straight or
typographic quotes, « » too), `#hashtag`, `@handle` (`@marie.bsky.social`, `@marie@mastodon.social`).

`contains_terms` is the same meaning applied to a post's text, for networks that could only list posts by
hashtag (a Mastodon server without full-text search): accents and case do not matter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from cm_desktop.core.i18n import Lang, Text
from cm_desktop.core.listening import messages as m
from cm_desktop.core.ports import Search

MAX_CHARS = 100
MAX_PARTS = 8

# Words that alone find nearly everything (French and English): a search of only these is refused.
STOP_WORDS = frozenset(
    """
    a à au aux avec ce ces cet cette chez d dans de des du elle en et est il ils je l la le les leur lui ma
    mais me mes mon ne nous on ou où par pas pour qu que qui sa se ses son sur ta te tes ton tu un une vos
    votre vous y c s n j m t ça ca oui non très tres plus
    an and are as at be but by for from has have he her his i if in is it its me my no not of on or our she
    so than that the their them then there they this to too us was we were what when where which who will
    with you your yes very
    """.split()
)

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"'})
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_TAG = re.compile(r"[#＃](\w+)")
_HANDLE = re.compile(r"@([\w.-]+(?:@[\w.-]+)?)")
_EDGES = "!?,;:.()[]{}'’…¡¿<>«»\"*"
_HAS_LETTER = re.compile(r"[^\W_]")


class BadSearch(ValueError):
    """What the person typed cannot be searched; `message(lang)` says why and what to write instead."""

    def __init__(self, text: Text, **params: object) -> None:
        super().__init__(text.en)
        self.text, self.params = text, params

    def message(self, lang: Lang) -> str:
        return self.text.get(lang, **self.params)


def fold(text: str) -> str:
    """Lower case, accents taken off: "Fleuriste à Lyon" and "fleuriste a lyon" read the same."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise(text: str) -> str:
    """The search as stored and shown: NFC, typographic quotes made straight, one space between parts."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).translate(_QUOTES)).strip()


def parse(typed: str, *, language: str = "") -> Search:
    """The search the person typed, or BadSearch with what to change."""
    text = normalise(typed)
    if not text:
        raise BadSearch(m.EMPTY)
    if len(text) > MAX_CHARS:
        raise BadSearch(m.TOO_LONG, limit=MAX_CHARS, count=len(text))
    words: list[str] = []
    phrases: list[str] = []
    tags: list[str] = []
    handles: list[str] = []
    signs_only = False
    for match in _TOKEN.finditer(text):
        phrase, token = match.group(1), match.group(2)
        if phrase is not None:
            inner = " ".join(w.strip(_EDGES) for w in phrase.split() if _HAS_LETTER.search(w))
            if " " in inner:
                phrases.append(inner)
            elif inner:
                words.append(inner)
            else:
                signs_only = signs_only or bool(phrase.strip())
            continue
        assert token is not None
        if token[0] in "#＃":
            tag = _TAG.fullmatch(token.rstrip(_EDGES))
            if tag is None or not _HAS_LETTER.search(tag.group(1)) or tag.group(1).isdigit():
                raise BadSearch(m.LONE_HASH)
            tags.append(tag.group(1))
        elif token[0] == "@":
            handle = _HANDLE.fullmatch(token.rstrip(_EDGES))
            if handle is None or not _HAS_LETTER.search(handle.group(1)):
                raise BadSearch(m.LONE_AT)
            handles.append(handle.group(1))
        else:
            word = token.strip(_EDGES)
            if _HAS_LETTER.search(word):
                words.append(word)
            else:
                signs_only = True
    parts = len(words) + len(phrases) + len(tags) + len(handles)
    if not parts:
        raise BadSearch(m.NO_LETTERS if signs_only else m.EMPTY)
    if parts > MAX_PARTS:
        raise BadSearch(m.TOO_MANY_PARTS, limit=MAX_PARTS, count=parts)
    if not tags and not handles and all(common_word(w) for w in _every_word(words, phrases)):
        raise BadSearch(m.ONLY_COMMON_WORDS, query=text)
    return Search(
        text=text,
        words=tuple(dict.fromkeys(words)),
        phrases=tuple(dict.fromkeys(phrases)),
        tags=tuple(dict.fromkeys(tags)),
        handles=tuple(dict.fromkeys(handles)),
        language=language,
    )


def _every_word(words: Iterable[str], phrases: Iterable[str]) -> list[str]:
    return [*words, *(w for p in phrases for w in p.split())]


def common_word(word: str) -> bool:
    folded = fold(word)
    return len(folded) < 2 or folded in STOP_WORDS or folded.isdigit()


def same(a: str, b: str) -> bool:
    """Two searches that find the same posts (case, accents and spacing aside)."""
    return fold(normalise(a)) == fold(normalise(b))


def tag_words(search: Search) -> tuple[str, ...]:
    """The hashtags a search stands for where a network can only list hashtags: its own, else its words."""
    if search.tags:
        return search.tags
    words = [w for w in _every_word(search.words, search.phrases) if not common_word(w)]
    return tuple(dict.fromkeys(tag_form(w) for w in words if tag_form(w)))


def tag_form(word: str) -> str:
    """A word as a hashtag is written: letters and digits only ("Saint-Étienne" -> "SaintÉtienne")."""
    return "".join(c for c in word if c.isalnum() or c == "_")


def has_tags(search: Search, tags: Iterable[str], text: str) -> bool:
    """Every hashtag of the search is on the post (as the network lists them, or written in its text)."""
    listed = {fold(t) for t in tags}
    written = {fold(t) for t in _TAG.findall(text)}
    return all(fold(t) in listed or fold(t) in written for t in search.tags)


def contains_terms(search: Search, text: str) -> bool:
    """Every word, phrase and handle of the search is in `text` (case and accents aside; a word may be the
    start of a longer one: "fleuriste" finds "fleuristes")."""
    folded = " " + _SPACES.sub(" ", fold(text)) + " "
    for word in search.words:
        if not re.search(r"(?<![^\W_])" + re.escape(fold(word)), folded):
            return False
    for phrase in search.phrases:
        if fold(phrase) not in folded:
            return False
    for handle in search.handles:
        name = fold(handle).split("@")[0]
        if not re.search(r"@" + re.escape(name) + r"(?![\w])", folded):
            return False
    return True
