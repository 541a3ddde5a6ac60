"""Mastodon: counted like its server's StatusLengthValidator (app/validators/status_length_validator.rb).

The text and the content warning are stripped of spaces at both ends (Status#prepare_contents), then
(content warning + text) is counted in grapheme clusters, where every link written with its scheme counts
`characters_reserved_per_url` and `@user@host` counts as `@user`; a text of spaces only counts nothing. Links
are found by Mastodon's own recogniser (config/initializers/twitter_regex.rb over the twitter-text gem), which
takes any non-space character in a path, so "https://exemple.fr/été" or ".../新商品" is one link. Limits are
announced by each server (GET /api/v2/instance): pass them in; the defaults are Mastodon's own (500, 23, 4),
and forks raise them (media limits: core.networks). tests/unit/rules/mastodon_oracle.py restates the server's code; the differential test
compares the two.
"""

from __future__ import annotations

import stringprep
from collections.abc import Mapping, Sequence
from functools import lru_cache

import regex

from cm_desktop.core.rules import twitter_text
from cm_desktop.core.rules.counting import check_limits, overflow_index, shared_grapheme_count
from cm_desktop.core.rules.model import ImageFacts, Issue, Measure, NetworkSpec
from cm_desktop.core.rules.text import clean, grapheme_count, nfc, window
from cm_desktop.core.rules.twitter_text import Entity

LIMIT_DEFAULTS: Mapping[str, int] = {"max_characters": 500, "characters_reserved_per_url": 23}

_RUBY_STRIP = "\x00\t\n\v\f\r "  # what Ruby's String#strip removes
_BLANK = regex.compile(r"\p{White_Space}*")  # ActiveSupport's blank?
_WORD = r"\p{L}\p{M}\p{Nd}\p{Pc}"  # Ruby's [[:word:]]

# Account::MENTION_RE: a local @user or a remote @user@host (the host counts for nothing). A mention followed
# by "@", a Latin accent or "://" is none (Extractor's end_mention_match), nor one with a host over 253.
_MENTION = regex.compile(
    rf"(?<![=/{_WORD}])@(?P<user>[a-z0-9_]+(?:[.\-]+[a-z0-9_]+)*)(?P<host>@[{_WORD}]+(?:[.\-]+[{_WORD}]+)*)?",
    regex.IGNORECASE,
)
_LATIN_ACCENTS = (
    "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263"
    "\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
)
_END_MENTION = regex.compile(rf"[@\uff20{_LATIN_ACCENTS}]|://", regex.IGNORECASE)
MAX_MENTION_HOST = 253
_SEP = r"_\u00b7\u30fb\u200c"
_HASHTAG = regex.compile(
    rf"(?<![/)\w])#(?P<tag>[\w_][\w{_SEP}]*[\p{{Alpha}}{_SEP}][\w{_SEP}]*[\w_]|[\w_]*\p{{Alpha}}[\w_]*)"
)


_DIRECTIONAL = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_INVALID = "\ufffe\ufeff\uffff"
_SPACES = "\t-\r \x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_NOT_LABEL = rf"{_DIRECTIONAL}!\"#$%&'()*+,./:;<=>?@\[\\\]^`{{|}}~\x00-\x1f\x7f{_INVALID}{_SPACES}"
_LABEL_CHAR = rf"[^{_NOT_LABEL}_\-]"  # the gem's DOMAIN_VALID_CHARS
_BEFORE = rf"[^a-z0-9@\uff20$#\uff03{_INVALID}]|[{_DIRECTIONAL}]"  # valid_url_preceding_chars (and ^)
_SCHEME = r"(?:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini)://"


@lru_cache(maxsize=1)
def _link_regex() -> regex.Pattern[str]:
    """Mastodon's valid_url from the link's first character: twitter-text's domains (any non-punctuation
    character in a label, then a known TLD or punycode) with Mastodon's schemes, paths and queries.

    A label is matched possessively up to its dot, and the path's repetition possessively (what follows is
    optional): the same matches as the gem's backtracking regex, without its cost."""
    gtld, cctld = twitter_text.tld_patterns()
    subdomain = rf"(?:{_LABEL_CHAR}[^{_NOT_LABEL}]*+(?<={_LABEL_CHAR})\.)"  # "_" and "-" inside
    domain_name = rf"(?:{_LABEL_CHAR}[^{_NOT_LABEL}_]*+(?<={_LABEL_CHAR})\.)"  # "-" inside
    domain = rf"(?:{subdomain}*{domain_name}(?:{gtld}|{cctld}|xn--[0-9a-z]+))"
    # The path's closing parentheses still use twitter-text's path characters (Mastodon redefines the
    # parentheses after building the path's last character from them).
    tt_path = rf"[a-z\p{{Cyrillic}}0-9!*';:=+,.$/%#\[\]\p{{Pd}}_~&|@{_LATIN_ACCENTS}]"
    tt_parens = rf"\((?:{tt_path}+|(?:{tt_path}*\({tt_path}+\){tt_path}*))\)"
    path_char = r"[^\p{White_Space}<>()?]"
    parens = rf"\((?:{path_char}+|(?:{path_char}*\({path_char}+\){path_char}*))\)"
    path_end = rf"(?:[^\p{{White_Space}}()?!*\"'「」<>;:=,.$%\[\]~&|@]|{tt_parens})"
    path = rf"(?:(?:{path_char}*(?:{parens}{path_char}*)*{path_end})|(?:{path_char}+/))"
    uchars = "\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef\U00010000-\U000dfffd\U000e1000-\U0010fffd\ue000-\uf8ff"
    query_char = rf"[a-z0-9!?*'();:&=+$/%#\[\]\-_.,~|@\^{uchars}]"
    query_end = rf"[a-z0-9_&=#/\-{uchars}]"
    return regex.compile(
        rf"(?P<scheme>{_SCHEME})?(?P<domain>{domain})(?::[0-9]+)?(?:/{path}*+)?(?:\?{query_char}*{query_end})?",
        regex.IGNORECASE | regex.V0,
    )


_BEFORE_RE = regex.compile(_BEFORE, regex.IGNORECASE)
_GRAMMAR = twitter_text.LinkGrammar(
    body=_link_regex,
    label_char=regex.compile(_LABEL_CHAR),
    label_run_before=regex.compile(rf"(?r)[^{_NOT_LABEL}]+"),
    scheme=regex.compile(_SCHEME, regex.IGNORECASE),
    fine_before=lambda ch: _BEFORE_RE.match(ch) is not None,
    next_start=regex.compile(rf"(?<={_BEFORE})", regex.IGNORECASE),
    astral_start=False,
)
_TCO = regex.compile(r"https?://t\.co/([a-z0-9]+)", regex.IGNORECASE)


def _idna_length(host: str) -> int | None:
    """Length of the host after IDNA2003 ToASCII (the gem calls libidn), None where it fails: a label over
    63 octets, a forbidden character, or one unassigned in Unicode 3.2 (libidn's default refuses them)."""
    if host.isascii():
        return len(host) if all(0 < len(label) <= 63 for label in host.split(".")) else None
    if any(stringprep.in_table_a1(ch) for ch in host):
        return None
    try:
        return len(host.encode("idna"))
    except UnicodeError:
        return None


def _links(text: str) -> list[Entity]:
    """Links with their scheme, as Mastodon finds them (a bare "example.com" is text for Mastodon, but it
    still takes its characters from the scan, as in "exemple.fr/https://x.fr")."""
    if "://" not in text:
        return []
    found: list[Entity] = []
    scheme = text.find("://")
    while scheme >= 0:
        start = _STRETCH_BEFORE.match(text, 0, scheme).start()  # both match, if only the empty string
        end = _STRETCH.match(text, scheme).end()
        found += _links_in(text, max(0, start - 1), end)
        scheme = text.find("://", end)
    return found


# No link holds an ASCII space, a tab, a line break or U+0085 (a query may hold other spaces, such as U+3000):
# only the stretches between those that contain "://" can hold a link with a scheme, and scanning one from
# the space before it finds what scanning the whole text finds there.
_STRETCH = regex.compile(r"[^\t-\r \x85]*")
_STRETCH_BEFORE = regex.compile(r"(?r)[^\t-\r \x85]*")


def _links_in(text: str, pos: int, endpos: int) -> list[Entity]:
    found: list[Entity] = []
    for m, _ in twitter_text.find_links(text, pos, endpos, _GRAMMAR):
        if not m.group("scheme"):
            continue
        url = m.group()
        tco = _TCO.match(url)
        if tco:
            if len(tco.group(1)) > twitter_text.MAX_TCO_SLUG_LENGTH:
                continue
            url = tco.group()
        host = m.group("domain")
        host_length = _idna_length(host)
        if host_length is None or len(url) + max(0, host_length - len(host)) > twitter_text.MAX_URL_LENGTH:
            continue
        found.append(Entity("url", m.start(), m.start() + len(url), url, url))
    return found


def _mentions(text: str) -> list[Entity]:
    if "@" not in text:
        return []
    found: list[Entity] = []
    for m in _MENTION.finditer(text):
        host = m.group("host") or ""
        if _END_MENTION.match(text, m.end()) or len(host) - 1 > MAX_MENTION_HOST:
            continue
        found.append(Entity("mention", m.start(), m.end(), m.group(), m.group("user") + host))
    return found


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


@lru_cache(maxsize=4)
def _counted(body: str) -> tuple[Entity, ...]:
    """The links and mentions the server swaps for their countable form, without overlaps."""
    if _BLANK.fullmatch(body):
        return ()
    head = window(body)
    return tuple(_without_overlaps([*_links(head), *_mentions(head)]))


def _graphemes(norm: str, lead: int, body: str) -> int:
    """Graphemes of the stripped text, from the count the other networks share for the whole text.

    What strip removes is spaces and controls, each its own grapheme ("\r\n" one), unless a mark or a joiner
    follows a space: then count the stripped text itself.
    """
    if len(body) == len(norm):
        return shared_grapheme_count(norm)
    head, tail = norm[:lead], norm[lead + len(body) :]
    if grapheme_count(head + body[0]) == grapheme_count(head) + 1 and grapheme_count(body[-1] + tail) == 1 + (
        grapheme_count(tail)
    ):
        return shared_grapheme_count(norm) - grapheme_count(head) - grapheme_count(tail)
    return grapheme_count(body)


def measure(text: str, *, spoiler: str = "", **limits: int) -> Measure:
    lim = check_limits("mastodon", limits, LIMIT_DEFAULTS)
    limit = lim["max_characters"]
    per_url = lim["characters_reserved_per_url"]
    norm = nfc(text)
    body = norm.strip(_RUBY_STRIP)
    lead = len(norm) - len(norm.lstrip(_RUBY_STRIP))
    warning = nfc(spoiler).strip(_RUBY_STRIP)
    combined = warning + body
    if _BLANK.fullmatch(body):
        count = shared_grapheme_count(warning)  # the server counts a blank text as nothing
        spans: list[tuple[int, int, int]] = [(len(warning), len(combined), 0)]
    else:
        # The server swaps each link and mention for its countable form, then counts graphemes: start from
        # the shared grapheme count and swap each entity's own graphemes for its weight.
        count = _graphemes(norm, lead, body) if not warning else grapheme_count(combined)
        spans = []
        for e in _counted(body):
            weight = per_url if e.kind == "url" else 1 + grapheme_count(e.value.split("@", 1)[0])
            spans.append((len(warning) + e.start, len(warning) + e.end, weight))
            count += weight - grapheme_count(e.text)
    over = overflow_index(combined, limit, spans) if count > limit else None
    if over is not None:
        over = max(0, over - len(warning)) + lead  # index in the text, not in the warning
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
