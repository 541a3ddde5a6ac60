"""Entity recognition that behaves like twitter-text (X's reference library), written for this project.

The conformance files in tests/data/twitter-text are the specification: every URL, mention, hashtag and
cashtag case there runs as a test. All indices here are Python string indices (code points) into the text as
given; `to_utf16` converts for Qt. The recogniser only knows http(s) links and bare domains with a known TLD,
so `javascript:` and `data:` addresses are never links.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import regex

EntityKind = Literal["url", "mention", "hashtag", "cashtag"]


@dataclass(frozen=True)
class Entity:
    """A link, mention, hashtag or cashtag: text[start:end] is exactly what the person typed."""

    kind: EntityKind
    start: int
    end: int
    text: str
    value: str  # url as typed; mention without @ (with "/list" for lists); tag without #


# --- character classes (kept close to twitter-text's names so the two can be compared) -------------------
_LATIN_ACCENTS = (
    r"\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f"
    r"\u0253\u0254\u0256\u0257\u0259\u025b\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_DIRECTIONAL = r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_INVALID_CHARS = r"\ufffe\ufeff\uffff"
_SPACES = r"\u0009-\u000d\u0020\u0085\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_PUNCT = r"\-_!\"#$%&'()*+,./:;<=>?@\[\]^`{|}~"  # ASCII punctuation, as Java's \p{Punct}
_AT = "@\uff20"
_HASH = "#\uff03"

MAX_URL_LENGTH = 4096
MAX_TCO_SLUG_LENGTH = 40
_PREFIX_LENGTH_WITHOUT_PROTOCOL = len("https://")


@lru_cache(maxsize=1)
def tlds() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(country, generic) top-level domains from the packaged list (twitter-text's, Apache-2.0)."""
    raw = resources.files("cm_desktop.core.rules").joinpath("data/tlds.txt").read_text(encoding="utf-8")
    sections: dict[str, list[str]] = {"country": [], "generic": []}
    current: list[str] | None = None
    for line in raw.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections[line[1:-1]]
            continue
        if current is not None:
            current.append(line)
    return tuple(sections["country"]), tuple(sections["generic"])


def _trie(words: tuple[str, ...]) -> str:
    """A regex for a set of words as a prefix tree, longest word first on every branch.

    Much faster than a flat alternation of 1,500 TLDs, and it keeps twitter-text's behaviour: the longest
    TLD that is followed by a valid character wins (".community" is not ".co" + "mmunity").
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [regex.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = "|".join(branches)
        return f"(?:{body}|)" if "" in node else f"(?:{body})"

    return build(root)


@lru_cache(maxsize=1)
def _url_regex() -> regex.Pattern[str]:
    country, generic = tlds()
    tld_end = r"(?=[^a-z0-9@+\-]|$)"
    gtld = rf"(?:{_trie(generic)}{tld_end})"
    cctld = rf"(?:{_trie(country)}{tld_end})"
    punycode = r"(?:xn--[\-0-9a-z]+)"
    chars = rf"[a-z0-9{_LATIN_ACCENTS}]"
    subdomain = rf"(?>(?:{chars}[{chars[1:-1]}\-_]{{0,255}})?{chars}\.)"
    domain_name = rf"(?:(?:{chars}[{chars[1:-1]}\-]{{0,255}})?{chars}\.)"
    uchar = rf"[^{_PUNCT}\s\p{{Z}}\u2000-\u206f]"
    unicode_domain_name = rf"(?:(?:{uchar}(?:{uchar}|-){{0,255}})?{uchar}\.)"
    domain = (
        rf"(?:{subdomain}*{domain_name}(?:{gtld}|{cctld}|{punycode}))"
        rf"|(?:(?<=https?://)(?:(?:{domain_name}{cctld})|(?:{unicode_domain_name}(?:{gtld}|{cctld}))))"
        rf"|(?:{domain_name}{cctld}(?=/))"
    )
    path_chars = rf"[a-z\p{{Cyrillic}}0-9!*';:=+,.$/%#\[\]\-\u2013_~|&@{_LATIN_ACCENTS}]"
    parens = rf"\((?:{path_chars}+|(?:{path_chars}*\({path_chars}+\){path_chars}*))\)"
    path_end = rf"(?:[a-z\p{{Cyrillic}}0-9=_#/\-+{_LATIN_ACCENTS}]|(?:{parens}))"
    path = rf"(?:(?:{path_chars}*(?:{parens}{path_chars}*)*{path_end})|(?:@{path_chars}+/))"
    query_chars = r"[a-z0-9!?*'();:&=+$/%#\[\]\-_.,~|@]"
    query_end = r"[a-z0-9\-_&=#/]"
    preceding = rf"(?:(?<=^)|(?<=[^a-z0-9@\uff20$#\uff03{_INVALID_CHARS}])|(?<=[{_DIRECTIONAL}]))"
    pattern = (
        rf"{preceding}(?P<url>(?P<protocol>https?://)?(?P<domain>{domain})(?::[0-9]++)?"
        rf"(?:/{path}*+)?(?:\?{query_chars}*{query_end})?)"
    )
    return regex.compile(pattern, regex.IGNORECASE | regex.V0)


_TCO = regex.compile(
    r"^https?://t\.co/([a-z0-9]+)(?:\?[a-z0-9!?*'();:&=+$/%#\[\]\-_.,~|@]*[a-z0-9\-_&=#/])?", regex.IGNORECASE
)
_INVALID_BEFORE_BARE_URL = regex.compile(r"[\-_./]$")


def _host_ascii_length(host: str) -> int | None:
    """Length of the host once IDNA-encoded, or None when a label cannot be encoded (like Java's IDN)."""
    total = 0
    labels = host.split(".")
    for label in labels:
        if not label:
            return None
        if label.isascii():
            encoded_len = len(label)
        else:
            if label[:4].lower() == "xn--":
                return None  # an ACE prefix on a non-ASCII label is invalid IDNA
            folded = unicodedata.normalize("NFKC", label.casefold())
            try:
                encoded_len = 4 + len(folded.encode("punycode"))
            except UnicodeError:
                return None
        if encoded_len > 63:
            return None
        total += encoded_len
    return total + len(labels) - 1


# A link never contains a space, so only runs of non-space characters holding a dot can hold one: matching
# each run alone gives the same result as matching the whole text (the character before a run is a space or
# the start, both fine before a link) and skips the regex on the rest, which keeps 1 MB pastes fast.
_DOTTED_RUN = regex.compile(r"(?<![^\s\p{Z}])[^\s\p{Z}.]*+\.[^\s\p{Z}]*+")


# The composer asks for the links of the same text once per network and per check at every keystroke: a
# small cache answers the repeats. Long pastes are not kept (the cache would hold megabytes).
_CACHED_TEXT_CHARS = 20_000


def extract_urls(text: str, *, without_protocol: bool = True) -> list[Entity]:
    """Links as twitter-text finds them (http/https and bare domains with a known TLD)."""
    if "." not in text:
        return []
    if len(text) <= _CACHED_TEXT_CHARS:
        return list(_cached_urls(text, without_protocol))
    return _find_urls(text, without_protocol)


@lru_cache(maxsize=32)
def _cached_urls(text: str, without_protocol: bool) -> tuple[Entity, ...]:
    return tuple(_find_urls(text, without_protocol))


def _find_urls(text: str, without_protocol: bool) -> list[Entity]:
    out: list[Entity] = []
    for run in _DOTTED_RUN.finditer(text):
        out.extend(_urls_in_run(run.group(), run.start(), without_protocol))
    return out


def _urls_in_run(run: str, offset: int, without_protocol: bool) -> list[Entity]:
    out: list[Entity] = []
    for m in _url_regex().finditer(run):
        protocol = m.group("protocol")
        start, end = m.span("url")
        if not protocol and (not without_protocol or _INVALID_BEFORE_BARE_URL.search(run, 0, start)):
            continue
        url = m.group("url")
        if protocol:
            tco = _TCO.match(url)
            if tco:
                if len(tco.group(1)) > MAX_TCO_SLUG_LENGTH:
                    continue
                url = tco.group(0)
                end = start + len(url)
        host = m.group("domain")
        host_len = _host_ascii_length(host)
        if host_len is None:
            continue
        length = len(url) + host_len - len(host) + (0 if protocol else _PREFIX_LENGTH_WITHOUT_PROTOCOL)
        if length > MAX_URL_LENGTH:
            continue
        out.append(Entity("url", offset + start, offset + end, url, url))
    return out


# --- mentions, lists and replies ----------------------------------------------------------------------------
_MENTION = regex.compile(
    rf"(?:(?<=^)|(?<=[^a-z0-9_!#$%&*{_AT}])|(?<=(?:^|[^a-z0-9_+~.\-])rt:?))"
    rf"(?P<at>[{_AT}])(?P<name>[a-z0-9_]{{1,20}})(?P<list>/[a-z][a-z0-9_\-]{{0,24}})?",
    regex.IGNORECASE,
)
_INVALID_MENTION_END = regex.compile(rf"[{_AT}{_LATIN_ACCENTS}]|://")
_REPLY = regex.compile(rf"^(?:[{_SPACES}]|[{_DIRECTIONAL}])*[{_AT}]([a-z0-9_]{{1,20}})", regex.IGNORECASE)


def extract_mentions(text: str, *, lists: bool = False) -> list[Entity]:
    """@mentions (and @user/list when `lists`); the value is the screen name, plus '/slug' for lists."""
    if "@" not in text and "\uff20" not in text:
        return []
    out: list[Entity] = []
    for m in _MENTION.finditer(text):
        if _INVALID_MENTION_END.match(text, m.end()):
            continue
        name = m.group("name")
        slug = m.group("list") if lists else None
        end = m.end() if slug else m.end("name")
        value = name + slug if slug else name
        out.append(Entity("mention", m.start("at"), end, text[m.start("at") : end], value))
    return out


def extract_reply(text: str) -> str | None:
    """The screen name a text replies to (a mention at the very start), or None."""
    m = _REPLY.match(text)
    if m is None or _INVALID_MENTION_END.match(text, m.end()):
        return None
    return m.group(1)


# --- hashtags and cashtags ----------------------------------------------------------------------------------
_HASHTAG_SPECIAL = (
    r"_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\u00b7"
)
_TAG_ALNUM = rf"\p{{L}}\p{{M}}\p{{Nd}}{_HASHTAG_SPECIAL}"
_HASHTAG = regex.compile(
    rf"(?:(?<=^)|(?<=[\ufe0e\ufe0f])|(?<=[^&{_TAG_ALNUM}]))(?P<hash>[{_HASH}])(?![\ufe0f\u20e3])"
    rf"(?P<tag>[{_TAG_ALNUM}]*[\p{{L}}\p{{M}}][{_TAG_ALNUM}]*)"
)
_INVALID_HASHTAG_END = regex.compile(rf"[{_HASH}]|://")

_CASHTAG = regex.compile(
    rf"(?:(?<=^)|(?<=[{_SPACES}]))(?P<dollar>\$)(?P<tag>[a-z]{{1,6}}(?:[._][a-z]{{1,2}})?)(?=$|[ \t\n\x0b\f\r]|[{_PUNCT}])",
    regex.IGNORECASE,
)


def _without_overlaps(entities: list[Entity]) -> list[Entity]:
    kept: list[Entity] = []
    for entity in sorted(entities, key=lambda e: e.start):
        if kept and entity.start < kept[-1].end:
            continue
        kept.append(entity)
    return kept


def extract_hashtags(text: str, *, urls: list[Entity] | None = None) -> list[Entity]:
    """#hashtags with at least one letter; a hashtag inside a link (example.com/#top) is not one."""
    if "#" not in text and "\uff03" not in text:
        return []
    found = [
        Entity("hashtag", m.start("hash"), m.end(), m.group(0), m.group("tag"))
        for m in _HASHTAG.finditer(text)
        if not _INVALID_HASHTAG_END.match(text, m.end())
    ]
    if not found:
        return found
    links = extract_urls(text) if urls is None else urls
    return [e for e in _without_overlaps([*found, *links]) if e.kind == "hashtag"]


def extract_cashtags(text: str) -> list[Entity]:
    """$TICKER symbols (1-6 ASCII letters, optional .XX or _XX suffix) after a space or at the start."""
    if "$" not in text:
        return []
    return [
        Entity("cashtag", m.start("dollar"), m.end(), m.group(0), m.group("tag"))
        for m in _CASHTAG.finditer(text)
    ]


def extract_entities(text: str, *, cashtags: bool = True) -> list[Entity]:
    """Links, mentions, hashtags (and cashtags) without overlaps, in reading order."""
    urls = extract_urls(text)
    found = [*urls, *extract_mentions(text), *extract_hashtags(text, urls=urls)]
    if cashtags:
        found.extend(extract_cashtags(text))
    return _without_overlaps(found)


def to_utf16(text: str, index: int) -> int:
    """Convert a code point index into a UTF-16 index (Qt's QString positions)."""
    return index + sum(1 for ch in text[:index] if ord(ch) > 0xFFFF)


def is_valid_username(text: str) -> bool:
    """True when the whole text is one @username (twitter-text's isValidUsername)."""
    found = extract_mentions(text)
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(text)


def is_valid_list(text: str) -> bool:
    """True when the whole text is one @username/list."""
    found = extract_mentions(text, lists=True)
    return len(found) == 1 and "/" in found[0].value and found[0].start == 0 and found[0].end == len(text)


def is_valid_hashtag(text: str) -> bool:
    """True when the whole text is one #hashtag."""
    found = extract_hashtags(text)
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(text)
