"""Mastodon's own length check, restated in Python from its Ruby source, as the oracle for rules/mastodon.py.

No Mastodon server can run here, so this follows the server's code step by step (read, then written in our
own words; nothing is copied). What it restates, from mastodon/mastodon:
- app/models/status.rb `prepare_contents`: text and spoiler_text are `strip!`-ed before validation.
- app/validators/status_length_validator.rb (the version with `URL_PLACEHOLDER = 'x' * 23` and
  `each_grapheme_cluster`, Mastodon 4.x): count = grapheme clusters of spoiler_text + countable_text(text);
  countable_text is '' for a blank text, else every link becomes 23 "x" and every mention "@user@host"
  becomes "@user", links and mentions found by Extractor and stripped of overlaps.
- app/lib/extractor.rb (commit 9120f1276e28ab81b891d6617e1c23a158975184): mentions by Account::MENTION_RE,
  dropped when followed by @, a Latin accent or "://", or when the host is longer than 253 characters.
- app/models/account.rb: USERNAME_RE `[a-z0-9_]+([.-]+[a-z0-9_]+)*`, MENTION_RE
  `(?<![=/[:word:]])@((USERNAME_RE)(?:@[[:word:]]+([.-]+[[:word:]]+)*)?)` (Mastodon 4.4; 4.2 at 9120f127
  had a slightly different one, which our rules do not follow).
- config/initializers/twitter_regex.rb: Mastodon's `valid_url` (schemes https?, dat, dweb, ipfs, ipns, ssb,
  gopher, gemini; a path is any run of non-space characters except <>()? with balanced parentheses; query
  characters widened to every non-ASCII code point); note that its `valid_url_path_ending_chars` is built
  before `valid_url_balanced_parens` is redefined, so its parentheses still use twitter-text's path characters.
- the twitter-text gem 3.1.0 it extends (twitter/twitter-text rb/lib/twitter-text/regex.rb at
  65e7e00da383fb77f5ab7fe3c0dc26b724e14035 and extractor.rb at 9537bdf15f935b40fed0ea3ea44cee860fbb8880):
  the preceding character, `valid_domain` (any non-punctuation, non-space character in labels, then a
  known TLD or punycode), `extract_urls_with_indices` (t.co slugs, IDNA length check), overlap removal.

IDNA: the gem calls libidn's ToASCII (IDNA2003, unassigned code points refused); Python's "idna" codec is the
same algorithm, plus a check for code points unassigned in Unicode 3.2 (stringprep table A.1).
"""

from __future__ import annotations

import stringprep
from dataclasses import dataclass
from functools import lru_cache

import regex

from cm_desktop.core.rules import twitter_text

URL_PLACEHOLDER = "x" * 23
MAX_URL_LENGTH = 4096
MAX_TCO_SLUG_LENGTH = 40
MAX_DOMAIN_LENGTH = 253
RUBY_STRIP = "\x00\t\n\v\f\r "

_DIRECTIONAL = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_INVALID = "\ufffe\ufeff\uffff"
_UNICODE_SPACES = "\t-\r \x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_PUNCTUATION = r"!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~"
_LATIN_ACCENTS = (
    "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263"
    "\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_UCHARS = (
    "\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef\U00010000-\U0001fffd\U00020000-\U0002fffd\U00030000-\U0003fffd"
    "\U00040000-\U0004fffd\U00050000-\U0005fffd\U00060000-\U0006fffd\U00070000-\U0007fffd"
    "\U00080000-\U0008fffd\U00090000-\U0009fffd\U000a0000-\U000afffd\U000b0000-\U000bfffd"
    "\U000c0000-\U000cfffd\U000d0000-\U000dfffd\U000e1000-\U000efffd\ue000-\uf8ff\U000f0000-\U000ffffd"
    "\U00100000-\U0010fffd"
)
_WORD = r"\p{L}\p{M}\p{Nd}\p{Pc}"  # Onigmo's [[:word:]] on Unicode strings


@lru_cache(maxsize=1)
def _url_regex() -> regex.Pattern[str]:
    country, generic = twitter_text.tlds()  # the gem's tld_lib.yml, in its order
    boundary = r"(?=[^0-9a-z@+\-]|$)"
    gtld = rf"(?:(?:{'|'.join(map(regex.escape, generic))}){boundary})"
    cctld = rf"(?:(?:{'|'.join(map(regex.escape, country))}){boundary})"
    ctrl = "\x00-\x1f\x7f"
    dvc = rf"[^{_DIRECTIONAL}{_PUNCTUATION} \t\n\x0b\f\r{ctrl}{_INVALID}{_UNICODE_SPACES}]"
    subdomain = rf"(?:(?:{dvc}(?:[_\-]|{dvc})*)?{dvc}\.)"
    domain_name = rf"(?:(?:{dvc}(?:-|{dvc})*)?{dvc}\.)"
    domain = rf"(?:{subdomain}*{domain_name}(?:{gtld}|{cctld}|(?:xn--[0-9a-z]+)))"
    preceding = rf"(?:[^a-z0-9@\uff20$#\uff03{_INVALID}]|[{_DIRECTIONAL}]|^)"
    # twitter-text's own path characters: Mastodon's ending parentheses still use them.
    tt_path = rf"[a-z\p{{Cyrillic}}0-9!*';:=+,.$/%#\[\]\p{{Pd}}_~&|@{_LATIN_ACCENTS}]"
    tt_parens = rf"\((?:{tt_path}+|(?:{tt_path}*\({tt_path}+\){tt_path}*))\)"
    path_chars = r"[^\p{White_Space}<>()?]"
    parens = rf"\((?:{path_chars}+|(?:{path_chars}*\({path_chars}+\){path_chars}*))\)"
    path_end = rf"(?:[^\p{{White_Space}}()?!*\"'「」<>;:=,.$%\[\]~&|@]|{tt_parens})"
    path = rf"(?:(?:{path_chars}*(?:{parens}{path_chars}*)*{path_end})|(?:{path_chars}+/))"
    query_chars = rf"[a-z0-9!?*'();:&=+$/%#\[\]\-_.,~|@\^{_UCHARS}]"
    query_end = rf"[a-z0-9_&=#/\-{_UCHARS}]"
    schemes = r"(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini)://"
    pattern = (
        rf"(?P<before>{preceding})(?P<url>(?P<protocol>{schemes})?(?P<domain>{domain})"
        rf"(?::(?:[0-9]+))?(?:/{path}*)?(?:\?{query_chars}*{query_end})?)"
    )
    return regex.compile(pattern, regex.IGNORECASE | regex.V0)


_TCO = regex.compile(r"^https?://t\.co/([a-z0-9]+)", regex.IGNORECASE)
_MENTION = regex.compile(
    rf"(?<![=/{_WORD}])@(?P<name>(?:[a-z0-9_]+(?:[.\-]+[a-z0-9_]+)*)(?:@[{_WORD}]+(?:[.\-]+[{_WORD}]+)*)?)",
    regex.IGNORECASE,
)
_END_MENTION = regex.compile(rf"[@\uff20]|[{_LATIN_ACCENTS}]+|://", regex.IGNORECASE)
_BLANK = regex.compile(r"[\p{White_Space}]*")
_GRAPHEME = regex.compile(r"\X")


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    replacement: str


def _idna_length(domain: str) -> int | None:
    """Length of the domain after libidn's ToASCII, or None when ToASCII fails."""
    if any(stringprep.in_table_a1(ch) for ch in domain):
        return None
    try:
        return len(domain.encode("idna"))
    except UnicodeError:
        return None


def links(text: str) -> list[Found]:
    """extract_urls_with_indices(text, extract_url_without_protocol: false)."""
    if ":" not in text:
        return []
    found: list[Found] = []
    for m in _url_regex().finditer(text):
        if not m.group("protocol"):
            continue
        url = m.group("url")
        start, end = m.span("url")
        tco = _TCO.match(url)
        if tco:
            if len(tco.group(1)) > MAX_TCO_SLUG_LENGTH:
                continue
            url = tco.group(0)
            end = start + len(url)
        encoded = _idna_length(m.group("domain"))
        if encoded is None:
            continue
        if len(url) + max(0, encoded - len(m.group("domain"))) > MAX_URL_LENGTH:
            continue
        found.append(Found(start, end, URL_PLACEHOLDER))
    return found


def mentions(text: str) -> list[Found]:
    """Extractor.extract_mentions_or_lists_with_indices, each replaced by "@user"."""
    if "@" not in text and "\uff20" not in text:
        return []
    found: list[Found] = []
    for m in _MENTION.finditer(text):
        if _END_MENTION.match(text, m.end()):
            continue
        user, _, host = m.group("name").partition("@")
        if host and len(host) > MAX_DOMAIN_LENGTH:
            continue
        found.append(Found(m.start(), m.end(), "@" + user))
    return found


def countable_text(text: str) -> str:
    if _BLANK.fullmatch(text):
        return ""
    kept: list[Found] = []
    for entity in sorted([*links(text), *mentions(text)], key=lambda e: e.start):
        if kept and kept[-1].end > entity.start:
            continue
        kept.append(entity)
    out: list[str] = []
    pos = 0
    for entity in kept:
        out.append(text[pos : entity.start])
        out.append(entity.replacement)
        pos = entity.end
    out.append(text[pos:])
    return "".join(out)


def count(text: str, spoiler: str = "") -> int:
    """What StatusLengthValidator compares with the server's max_characters."""
    combined = spoiler.strip(RUBY_STRIP) + countable_text(text.strip(RUBY_STRIP))
    return len(_GRAPHEME.findall(combined))
