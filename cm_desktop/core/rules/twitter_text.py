"""Entity recognition that behaves like twitter-text (X's reference library), written for this project.

The conformance files in tests/data/twitter-text are the specification: every URL, mention, hashtag and
cashtag case there runs as a test. All indices here are Python string indices (code points) into the text as
given; `to_utf16` converts for Qt. The recogniser only knows http(s) links and bare domains with a known TLD,
so `javascript:` and `data:` addresses are never links.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
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
# twitter-text's punct: ASCII punctuation except '"' and '`', which it lets into domains and after cashtags.
_PUNCT = r"!'#%&()*+,\\\-./:;<=>?@\[\]^_{|}~$"
_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"  # JavaScript's \s
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
def tld_patterns() -> tuple[str, str]:
    """(generic, country) TLD patterns, each followed by a character that cannot continue a TLD."""
    country, generic = tlds()
    tld_end = r"(?=[^a-z0-9@+\-]|$)"
    return rf"(?:{_trie(generic)}{tld_end})", rf"(?:{_trie(country)}{tld_end})"


_LABEL_OTHERS = f"{_SPACES}{_INVALID_CHARS}{_DIRECTIONAL}"
_PUNCT_BUT_HYPHEN_UNDERSCORE = r"!'#%&()*+,\\./:;<=>?@\[\]^{|}~$"
_LABEL_CHAR = rf"[^{_PUNCT}{_LABEL_OTHERS}]"
# The run of label characters, "_" and "-" that ends at a given dot (matched backwards from the dot): a
# domain's first label is in one.
_LABEL_CHAR_RE = regex.compile(_LABEL_CHAR)
_LABEL_RUN_BEFORE = regex.compile(rf"(?r)[^{_PUNCT_BUT_HYPHEN_UNDERSCORE}{_LABEL_OTHERS}]+")
# A position after a character that may come before a link, or at an astral character (see _urls_in_run).
_NEXT_START = regex.compile(r"(?<=[^a-zA-Z0-9\uff20\uff03])|(?=[\U00010000-\U0010ffff])")
_SCHEME = regex.compile(r"[hH][tT][tT][pP][sS]?://")


@lru_cache(maxsize=1)
def _url_regex() -> regex.Pattern[str]:
    """twitter-text 3.1.0's extractUrl (JavaScript) from where the link starts (the character before it is
    checked by _urls_in_run).

    Labels may hold any character but ASCII punctuation, spaces and direction marks; a label is matched
    possessively up to its dot, which finds the same labels as twitter-text's backtracking without its cost.
    What follows the path is optional, so a possessive path finds what twitter-text's greedy one finds.
    """
    gtld, cctld = tld_patterns()
    subdomain = rf"(?:{_LABEL_CHAR}[^{_PUNCT_BUT_HYPHEN_UNDERSCORE}{_LABEL_OTHERS}]*+(?<={_LABEL_CHAR})\.)"
    domain_name = rf"(?:{_LABEL_CHAR}[^{_PUNCT_BUT_HYPHEN_UNDERSCORE}_{_LABEL_OTHERS}]*+(?<={_LABEL_CHAR})\.)"
    domain = rf"(?:{subdomain}*{domain_name}(?:{gtld}|{cctld}|xn--[\-0-9a-z]+))"
    cyrillic = r"\u0400-\u04ff"
    path_chars = rf"[a-z{cyrillic}0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN_ACCENTS}]"
    parens = rf"\((?:{path_chars}+|(?:{path_chars}*\({path_chars}+\){path_chars}*))\)"
    path_end = rf"(?:[+\-a-z{cyrillic}0-9=_#/{_LATIN_ACCENTS}]|(?:{parens}))"
    path = rf"(?:(?:{path_chars}*(?:{parens}{path_chars}*)*{path_end})|(?:@{path_chars}+/))"
    query_chars = r"[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
    query_end = r"[a-z0-9\-_&=#/]"
    pattern = (
        rf"(?P<protocol>{_SCHEME.pattern})?(?P<domain>{domain})(?::[0-9]++)?"
        rf"(?P<path>/{path}*+)?(?:\?{query_chars}*{query_end})?"
    )
    return regex.compile(pattern, regex.IGNORECASE | regex.V0)


_NOT_BEFORE = frozenset("@\uff20$#\uff03\ufffe\ufeff\uffff")


def _fine_before(ch: str) -> bool:
    """twitter-text's validUrlPrecedingChars: not an ASCII letter or digit, @, $, # (or full-width), BOM."""
    return not (ch.isascii() and ch.isalnum()) and ch not in _NOT_BEFORE


@dataclass(frozen=True)
class LinkGrammar:
    """What a scan for links needs to know of a twitter-text-like link regex (X's, Mastodon's)."""

    body: Callable[[], regex.Pattern[str]]  # the link from its first character (compiled on first use)
    label_char: regex.Pattern[str]  # a character a domain label may start and end with
    label_run_before: regex.Pattern[str]  # reversed: the label characters, "_" and "-" before a dot
    scheme: regex.Pattern[str]  # where a link with a scheme starts
    fine_before: Callable[[str], bool]  # a character that may come before a link
    next_start: regex.Pattern[str]  # the next position after such a character (or an astral one, for X)
    astral_start: bool  # JavaScript's UTF-16 view: an astral character may start a domain after anything


def _link_starts(text: str, pos: int, endpos: int, grammar: LinkGrammar) -> Iterator[tuple[int, int, int]]:
    """Where a link may start, in order: (start, label run end, last "_" of the run or -1) for a domain
    (its first label must end at a dot), (start, -1, -1) for a scheme."""
    schemes = [m.start() for m in grammar.scheme.finditer(text, pos, endpos)]
    runs = []
    dot = text.find(".", pos + 1, endpos)
    while dot >= 0:
        run = grammar.label_run_before.match(text, pos, dot)
        if run is not None:
            runs.append((run.start(), dot))
        dot = text.find(".", dot + 1, endpos)
    i = 0
    for start, end in runs:
        while i < len(schemes) and schemes[i] < start:
            yield schemes[i], -1, -1
            i += 1
        yield start, end, text.rfind("_", start, end)
    yield from ((s, -1, -1) for s in schemes[i:])


def find_links(text: str, pos: int, endpos: int, grammar: LinkGrammar) -> list[tuple[regex.Match[str], str]]:
    """The link regex's matches in text[pos:endpos] as a left-to-right scan finds them, with the character
    each took before it ("" at the start), trying only where a link can start.

    The regex would try every position; here a domain is tried only in a run of label characters that ends
    at a dot, where the character before is fine, and a run whose domain failed is not tried again: every
    start in it reaches the same dot, so the same labels follow (except past its last "_", which a domain
    name may not hold). Same matches, without the regex's quadratic cost on text without spaces (Japanese).
    """
    found: list[tuple[regex.Match[str], str]] = []
    body = grammar.body()
    floor = pos  # where the next match may begin (its "before" character included)
    dead = -1  # a run starting here cannot start a domain: the failed domain before it went through it
    for start, run_end, underscore in _link_starts(text, pos, endpos, grammar):
        stop = run_end if run_end >= 0 else start + 1
        u = start
        if run_end >= 0 and start == dead:
            if grammar.label_char.match(text, start) and grammar.label_char.match(text, run_end - 1):
                dead = run_end + 1
            u = underscore + 1 if underscore >= start else run_end
        while u < stop:
            if u < floor or (run_end >= 0 and grammar.label_char.match(text, u) is None):
                u = max(u + 1, floor)
                continue
            after_char = u - 1 >= floor and grammar.fine_before(text[u - 1])
            # The regex's "^"; and twitter-text's UTF-16 view: the low half of an astral character can start
            # a domain whatever came before (the high half is then the character before it).
            at_edge = u == 0 or (grammar.astral_start and ord(text[u]) > 0xFFFF)
            if not (after_char or at_edge):
                if run_end < 0:
                    break
                following = grammar.next_start.search(text, u + 1, run_end)
                u = following.start() if following else run_end
                continue
            if u == 0 and ord(text[0]) <= 0xFFFF and grammar.fine_before(text[0]):
                # At the very start the regex first tries the first character as the one before a link.
                m = body.match(text, 1, endpos)
                if m is not None:
                    floor = m.end()
                    found.append((m, text[0]))
                    break
            m = body.match(text, u, endpos)
            if m is None:
                if run_end < 0:
                    break
                if grammar.label_char.match(text, run_end - 1):
                    # This label could lead the next run's labels: the regex tried those too, and failed.
                    dead = run_end + 1
                u = underscore + 1 if u <= underscore else run_end
                continue
            floor = m.end()
            found.append((m, text[u - 1] if after_char else ""))
            break
    return found


_GRAMMAR = LinkGrammar(
    body=_url_regex,
    label_char=_LABEL_CHAR_RE,
    label_run_before=_LABEL_RUN_BEFORE,
    scheme=_SCHEME,
    fine_before=_fine_before,
    next_start=_NEXT_START,
    astral_start=True,
)
_TCO = regex.compile(
    r"^https?://t\.co/([a-z0-9]+)(?:\?[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-z0-9\-_&=#/])?", regex.IGNORECASE
)
_INVALID_BEFORE_BARE_URL = frozenset("-_./")
_NON_ASCII = regex.compile(r"[^\x00-\x7e]")


def _valid_host(host: str) -> bool:
    """twitter-text's idna.toAscii check: every label 1 to 63 characters once punycoded (none of the rest of
    IDNA), and a host starting with "xn--" must hold an ASCII domain."""
    if host[:4] == "xn--" and _ascii_domain_regex().search(host) is None:
        return False
    for label in host.split("."):
        if not _NON_ASCII.search(label):
            size = len(label)
        elif len(label) > 59:
            return False  # "xn--" and at least one character per character: over 63 without encoding it
        else:
            try:
                size = 4 + len(label.encode("punycode"))
            except UnicodeError:
                return False
        if not 1 <= size <= 63:
            return False
    return True


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
    return _urls_in_run(text, 0, len(text), without_protocol)


def _urls_in_run(text: str, pos: int, endpos: int, without_protocol: bool) -> list[Entity]:
    out: list[Entity] = []
    for m, before in find_links(text, pos, endpos, _GRAMMAR):
        out.extend(_link(text, m, before, without_protocol))
    return out


def _link(text: str, m: regex.Match[str], before: str, without_protocol: bool) -> list[Entity]:
    protocol = m.group("protocol")
    start, end = m.span()
    url = m.group()
    host = m.group("domain")
    if not _valid_host(host) or len(protocol or "https://") + utf16_length(url) > MAX_URL_LENGTH:
        return []
    if protocol:
        tco = _TCO.match(url)
        if tco:
            if len(tco.group(1)) > MAX_TCO_SLUG_LENGTH:
                return []
            url = tco.group(0)
            end = start + len(url)
        return [Entity("url", start, end, url, url)]
    if not without_protocol or before in _INVALID_BEFORE_BARE_URL:
        return []
    # Without a scheme, twitter-text links the ASCII domains inside the host ("té_2024www.example.org"
    # links "2024www.example.org"), each one; the last keeps the path and query, when there is a path.
    # A bare link without a path is its domain alone: "example.com?q=1" and "example.com:8080" link
    # "example.com", the rest is text.
    host_start = m.start("domain")
    found: list[tuple[int, int]] = []
    ascii_end = 0
    for a in _ascii_domain_regex().finditer(host):
        # twitter-text places each one with indexOf from the previous one's end, so an earlier copy of the
        # same text wins ("6.jp9¥69¥6.jp" links its first "6.jp"): so do we.
        at = host.find(a.group(), ascii_end)
        ascii_end = at + len(a.group())
        found.append((host_start + at, host_start + ascii_end))
    if not found:
        return []
    links = [Entity("url", a, b, text[a:b], text[a:b]) for a, b in found]
    if m.group("path") is not None:
        # Its value is the last ASCII domain followed by the rest of the link (the host's other characters
        # dropped), its range from that domain to the link's end.
        a = found[-1][0]
        links[-1] = Entity("url", a, end, text[a:end], text[a : found[-1][1]] + url[len(host) :])
    return links


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


@lru_cache(maxsize=1)
def _ascii_domain_regex() -> regex.Pattern[str]:
    gtld, cctld = tld_patterns()
    return regex.compile(
        rf"(?:[\-a-z0-9{_LATIN_ACCENTS}]+\.)+(?:{gtld}|{cctld}|xn--[\-0-9a-z]+)", regex.IGNORECASE | regex.V0
    )


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
@lru_cache(maxsize=1)
def _hashtag_classes() -> tuple[str, str]:
    """(letters, letters and digits) of twitter-text 3.1.0's hashtags, as regex class contents: its tables
    are older than today's Unicode, and X's library, not ours, decides what a hashtag is."""
    raw = (
        resources.files("cm_desktop.core.rules").joinpath("data/twitter_text_hashtag.txt").read_text("utf-8")
    )
    sections: dict[str, list[str]] = {"alpha": [], "alphanumeric": []}
    current: list[str] = []
    for line in raw.splitlines():
        if line.startswith("["):
            current = sections[line.strip("[]")]
        elif line and not line.startswith("#"):
            current.append("-".join(f"\\U{int(code, 16):08x}" for code in line.split("-")))
    return "".join(sections["alpha"]), "".join(sections["alphanumeric"])


# twitter-text's tables agree with Unicode's letters, marks and digits below U+0558; above, some letters are
# newer than its tables (and it takes 68 private-use characters as letters). Its tables as a regex class are
# slow (20 times a property class), so hashtags are found with properties and only those holding a character
# from U+0558 on are checked again with the tables.
HASHTAG_TABLES_AGREE_BELOW = 0x0558
_HASHTAG_SPECIAL = (
    "_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\u00b7"
)
_BEYOND_AGREEMENT = regex.compile(r"[^\x00-\u0557]")


@lru_cache(maxsize=1)
def _hashtag_regex() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """(quick hashtag, its character that may not come before "#", exact hashtag, exact such character)."""
    alpha, alnum = _hashtag_classes()
    quick_alpha = r"\p{L}\p{M}\uf870-\uf8d6"  # a superset of the tables: the exact check can only shorten
    quick_alnum = rf"\p{{L}}\p{{M}}\p{{Nd}}{_HASHTAG_SPECIAL}\uf870-\uf8d6"
    return (  # no IGNORECASE: the tables hold both cases already
        regex.compile(
            rf"[{_HASH}](?![\ufe0f\u20e3])(?P<tag>[{quick_alnum}]*[{quick_alpha}][{quick_alnum}]*)"
        ),
        regex.compile(rf"[&{quick_alnum}]"),
        regex.compile(rf"[{_HASH}](?![\ufe0f\u20e3])(?P<tag>[{alnum}]*[{alpha}][{alnum}]*)"),
        regex.compile(rf"[&{alnum}]"),
    )


_INVALID_HASHTAG_END = regex.compile(rf"[{_HASH}]|://")

_CASHTAG = regex.compile(
    rf"(?:(?<=^)|(?<=[{_SPACES}]))(?P<dollar>\$)(?P<tag>[a-z]{{1,6}}(?:[._][a-z]{{1,2}})?)(?=\Z|[{_JS_SPACE}]|[{_PUNCT}])",
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
    found: list[Entity] = []
    quick, quick_not_before, exact, exact_not_before = _hashtag_regex()
    previous_end = 0
    for m in quick.finditer(text):
        start = m.start()
        not_before = quick_not_before
        if _BEYOND_AGREEMENT.search(text, max(0, start - 1), m.end()):
            # Characters where twitter-text's tables may differ from Unicode's: ask its tables.
            exact_match = exact.match(text, start)
            if exact_match is None:
                continue
            m, not_before = exact_match, exact_not_before
        if start > 0 and text[start - 1] not in "\ufe0e\ufe0f" and not_before.match(text, start - 1):
            continue
        if 0 < start <= previous_end:
            # twitter-text takes the character before "#" with the match: one that ended the previous match
            # cannot open this one ("#한국어\ufe0f＃x" has one hashtag).
            continue
        previous_end = m.end()
        if not _INVALID_HASHTAG_END.match(text, m.end()):
            found.append(Entity("hashtag", start, m.end(), m.group(), m.group("tag")))
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
    """Links, mentions (and @user/list), hashtags (and cashtags) without overlaps, in reading order."""
    urls = extract_urls(text)
    found = [*urls, *extract_mentions(text, lists=True), *extract_hashtags(text, urls=urls)]
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
