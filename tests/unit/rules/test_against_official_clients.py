"""Our counts and links against the networks' own code, on texts nobody here wrote.

X: npm twitter-text 3.1.0 (parseTweet, entity extraction). Bluesky: @atproto/api RichText
(detectFacetsWithoutResolution) and its grapheme and byte counts. Both run in Node (official_clients.py).
Mastodon: its server's length check restated from its Ruby source (mastodon_oracle.py).

Texts: every text of the twitter-text conformance suite, then Hypothesis examples built from URL-like,
tag-like, cashtag-like, mention-like and emoji-heavy pieces (ZWJ sequences, skin tones, flags, keycaps,
accents, CJK, brackets). Hypothesis is derandomized with no example database: the same texts on every run and
every machine, so the comparison cannot flake.

Any difference fails unless an entry of known_differences.toml explains it: each entry names the network, the
fields it may change and a check (EXPLAINED_BY below) that the difference is that one and nothing else, and
gives an example that must still differ (so an entry that is no longer needed is noticed).
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cm_desktop.core.rules import bluesky, mastodon, measure, x
from cm_desktop.core.rules import twitter_text as tt
from cm_desktop.core.rules.bluesky import FacetSpan
from cm_desktop.core.rules.text import nfc
from tests.unit.rules import mastodon_oracle
from tests.unit.rules.lexicon import LexiconError, Validator
from tests.unit.rules.official_clients import ORACLE_DIR, OfficialClients, unavailable

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "data" / "twitter-text"
ALLOW_LIST = HERE / "known_differences.toml"
DATA_DIR = HERE.parents[2] / "cm_desktop" / "core" / "rules" / "data"

# Deterministic and quick: fixed examples, no database, no deadline (the machine is shared).
DIFFERENTIAL = settings(
    max_examples=250,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

Fields = dict[str, Any]


# --- what each side says --------------------------------------------------------------------------------------
def x_ours(text: str) -> Fields:
    parsed = x.parse_tweet(text)
    return {
        "weightedLength": parsed.weighted_length,
        "keystrokeCount": measure("x", text).count,  # the fast path the composer runs on every key
        "valid": parsed.valid,
        "permillage": parsed.permillage,
        "displayRangeEnd": parsed.display_range_end,
        "validRangeEnd": parsed.valid_range_end,
        "entities": [(e.kind, e.start, e.end, e.value) for e in x.entities(text)],
        "urls": [(e.start, e.end, e.value) for e in tt.extract_urls(text)],
        "hashtags": [(e.start, e.end, e.value) for e in tt.extract_hashtags(text)],
    }


def x_theirs(answer: dict[str, Any]) -> Fields:
    got = answer["x"]
    return {
        "weightedLength": got["weightedLength"],
        "keystrokeCount": got["weightedLength"],
        "valid": got["valid"],
        "permillage": got["permillage"],
        "displayRangeEnd": got["displayRangeEnd"],
        "validRangeEnd": got["validRangeEnd"],
        "entities": [(e["kind"], e["start"], e["end"], e["value"]) for e in got["entities"]],
        "urls": [(e["start"], e["end"], e["value"]) for e in got["urls"]],
        "hashtags": [(e["start"], e["end"], e["value"]) for e in got["hashtags"]],
    }


def bluesky_ours(text: str) -> Fields:
    m = bluesky.measure(text)
    spans = bluesky.detect_facets(bluesky.prepare_text(text))
    return {
        "facets": [(s.kind, s.byte_start, s.byte_end, s.value) for s in spans],
        "graphemes": m.count,
        "bytes": m.byte_count,
    }


def bluesky_theirs(answer: dict[str, Any]) -> Fields:
    got = answer["bluesky"]
    return {
        "facets": [(f["kind"], f["byteStart"], f["byteEnd"], f["value"]) for f in got["facets"]],
        "graphemes": got["graphemes"],
        "bytes": got["bytes"],
    }


def mastodon_ours(text: str, spoiler: str) -> Fields:
    return {"count": mastodon.measure(text, spoiler=spoiler).count}


def mastodon_theirs(text: str, spoiler: str) -> Fields:
    return {"count": mastodon_oracle.count(nfc(text), nfc(spoiler))}  # the text as we send it


# --- differences and the allow-list ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    network: str
    text: str
    spoiler: str
    ours: Fields
    theirs: Fields
    answer: dict[str, Any]  # the oracle's raw answer (X and Bluesky), for the explanations

    def differing(self) -> set[str]:
        return {k for k in self.ours if self.ours[k] != self.theirs[k]}

    def describe(self) -> str:
        lines = [f"{self.network}: {self.text!r}" + (f" (spoiler {self.spoiler!r})" if self.spoiler else "")]
        for k in sorted(self.differing()):
            lines.append(f"    {k}: ours {self.ours[k]!r}\n    {' ' * len(k)}  theirs {self.theirs[k]!r}")
        return "\n".join(lines)


@dataclass(frozen=True)
class Known:
    id: str
    network: str
    fields: frozenset[str]
    example: str
    reason: str


@lru_cache(maxsize=1)
def load_allow_list() -> tuple[Known, ...]:
    raw = tomllib.loads(ALLOW_LIST.read_text(encoding="utf-8"))
    return tuple(
        Known(d["id"], d["network"], frozenset(d["fields"]), d["example"], d["reason"])
        for d in raw.get("difference", [])
    )


def x_recount(text: str, emoji: Iterable[Sequence[int]]) -> int:
    """twitter-text's weighted length of `text` (parseTweet's walk) with the given emoji spans, in code
    points of the NFC text: the same links, each emoji span weighing 2, every other code point its weight."""
    norm = nfc(text)
    links = {e.start: e.end for e in tt.extract_urls(norm)}
    spans = {int(start): int(end) for start, end in emoji}
    light = [(a, b) for a, b, w in x.V3.ranges if w == x.V3.scale]
    total = i = 0
    while i < len(norm):
        if i in links:
            total += x.V3.transformed_url_length * x.V3.scale
            i = links[i]
        elif i in spans:
            total += x.V3.default_weight
            i = spans[i]
        else:
            code = ord(norm[i])
            total += x.V3.scale if any(a <= code <= b for a, b in light) else x.V3.default_weight
            i += 1
    return total // x.V3.scale


def with_todays_emoji(
    twemoji: Sequence[Sequence[int]], rgi: Sequence[Sequence[int]]
) -> list[tuple[int, int]]:
    """twemoji-parser's emoji, where Unicode's RGI emoji sequences (from Node) take precedence."""
    spans = [(int(a), int(b)) for a, b in rgi]
    spans += [(int(a), int(b)) for a, b in twemoji if not any(a < d and c < b for c, d in spans)]
    return sorted(spans)


def _x_emoji_newer_than_twitter_text(case: Case) -> bool:
    got = case.answer["x"]
    return (
        case.ours["keystrokeCount"] == case.ours["weightedLength"]
        and x_recount(case.text, got["emoji"]) == case.theirs["weightedLength"]
        and x_recount(case.text, with_todays_emoji(got["emoji"], got["rgiEmoji"]))
        == case.ours["weightedLength"]
    )


def _bluesky_bare_domain_starting_with_http(case: Case) -> bool:
    fixed = [
        (
            kind,
            start,
            end,
            value if kind != "link" or value.startswith(("http://", "https://")) else "https://" + value,
        )
        for kind, start, end, value in case.theirs["facets"]
    ]
    return fixed == case.ours["facets"]


def _bluesky_tag_over_640_bytes(case: Case) -> bool:
    kept = [
        f for f in case.theirs["facets"] if not (f[0] == "tag" and len(f[3].encode()) > bluesky.TAG_MAX_BYTES)
    ]
    return kept == case.ours["facets"]


# Each entry's check: True when the case's difference is exactly what the entry describes.
EXPLAINED_BY: dict[str, Callable[[Case], bool]] = {
    "x-emoji-newer-than-twitter-text": _x_emoji_newer_than_twitter_text,
    "bluesky-bare-domain-starting-with-http": _bluesky_bare_domain_starting_with_http,
    "bluesky-tag-over-640-bytes": _bluesky_tag_over_640_bytes,
}


def unexplained(case: Case, known: Sequence[Known]) -> bool:
    """True when some differing field is explained by no entry (each entry's check confirms its fields)."""
    diff = case.differing()
    if not diff:
        return False
    explaining = [k for k in known if k.network == case.network and EXPLAINED_BY[k.id](case)]
    return any(not any(field in k.fields for k in explaining) for field in diff)


def x_case(text: str, answer: dict[str, Any]) -> Case:
    return Case("x", text, "", x_ours(text), x_theirs(answer), answer)


def bluesky_case(text: str, answer: dict[str, Any]) -> Case:
    return Case("bluesky", text, "", bluesky_ours(text), bluesky_theirs(answer), answer)


def mastodon_case(text: str, spoiler: str = "") -> Case:
    return Case("mastodon", text, spoiler, mastodon_ours(text, spoiler), mastodon_theirs(text, spoiler), {})


def all_cases(clients: OfficialClients, texts: Sequence[str]) -> list[Case]:
    answers = clients.ask([(t, nfc(t)) for t in texts])
    out: list[Case] = []
    for text, answer in zip(texts, answers, strict=True):
        out += [x_case(text, answer), bluesky_case(text, answer), mastodon_case(text)]
    return out


def report(cases: Iterable[Case], known: Sequence[Known]) -> list[str]:
    return [c.describe() for c in cases if unexplained(c, known)]


# --- the texts ------------------------------------------------------------------------------------------------
def conformance_texts() -> list[str]:
    texts: list[str] = []
    for name in ("extract.yml", "validate.yml", "tlds.yml"):
        with (DATA / name).open(encoding="utf-8") as f:
            for cases in yaml.safe_load(f)["tests"].values():
                texts += [c["text"] for c in cases if isinstance(c.get("text"), str)]
    return list(dict.fromkeys(texts))


SCHEMES = ["https://", "http://", "", "", "HTTPS://", "Http://", "ftp://", "gemini://"]
HOSTS = [
    "example.com",
    "exemple.fr",
    "boulangerie-exemple.fr",
    "www.example.org",
    "sub.domain.co.uk",
    "Example.COM",
    "bsky.app",
    "x.com",
    "t.co",
    "httpbin.org",
    "localhost",
    "localhost:8080",
    "127.0.0.1",
    "192.168.1.10:3000",
    "[::1]",
    "example.invalid",
    "shop.example",
    "site.zz",
    "my_site.com",
    "kids.music",
    "bücher.de",
    "例え.jp",
    "пример.рф",
    "xn--bcher-kva.de",
    "café.fr",
    "ÉCOLE.FR",
    "ex--ample.com",
    "-bad.com",
    "a.b",
]
PATHS = [
    "",
    "/",
    "/menu",
    "/été",
    "/新商品",
    "/каталог",
    "/a_(b)",
    "/wiki/Pomme_(fruit)",
    "/a(b",
    "/x)",
    "/[x]",
    "/{id}",
    "/a.b",
    "/a-b/",
    "/%C3%A9",
    "/@alice",
    "/#/tag",
    "/~user/",
    "/a!b",
    "/😀",
]
QUERIES = ["", "", "?q=1", "?saison=été", "?a=1&b=2", "?q=(x)", "?", "?q=新"]
ANCHORS = ["", "", "#top", "#été"]
ENDINGS = ["", "", ".", ",", "!", "?", ")", ").", ":", ";", "'", '"', "»", "]", "}", "…", "?!"]
URLS = st.builds(
    lambda *parts: "".join(parts),
    st.sampled_from(SCHEMES),
    st.sampled_from(HOSTS),
    st.sampled_from(PATHS),
    st.sampled_from(QUERIES),
    st.sampled_from(ANCHORS),
    st.sampled_from(ENDINGS),
)
TAG_BODIES = [
    "tag",
    "Boulangerie",
    "été_2024",
    "fait_maison",
    "2024",
    "123abc",
    "日本",
    "한국어",
    "مرحبا",
    "café!",
    "tag.",
    "a-b",
    "a_b_",
    "١٢٣",
    "x" * 70,
    "é" * 65,
    "😀",
    "tag😀",
    "\ufe0f",
    "",
    "tag#tag",
]
TAGS = st.builds(lambda h, b: h + b, st.sampled_from(["#", "#", "＃"]), st.sampled_from(TAG_BODIES))
CASHTAGS = st.builds(
    lambda body, end: "$" + body + end,
    st.sampled_from(["AAPL", "aapl", "BRK.A", "BRK_A", "A1", "TOOLONG", "X", "ÉTÉ", "12", "GOOG"]),
    st.sampled_from(["", "", ".", ",", ")", "!", "'", "’", "s"]),
)
MENTIONS = st.sampled_from(
    [
        "@alice.bsky.social",
        "@Alice.Bsky.Social",
        "@bob@mastodon.social",
        "@user",
        "@user_name",
        "@alice.test",
        "@a.b.c.d.com.",
        "@user/list",
        "@claire@exemple.fr",
        "@x.music",
        "@dev-team.example.com",
        "＠user",
        "@@user",
        "@noël",
    ]
)
EMOJI = st.sampled_from(
    [
        "😀",
        "👍🏽",
        "👨‍👩‍👧‍👦",
        "👩🏿‍❤️‍💋‍👨🏻",
        "🧑🏽‍🦰",
        "🏳️‍🌈",
        "🏳️‍⚧️",
        "🇫🇷",
        "🇧🇪",
        "🇺🇳",
        "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
        "1️⃣",
        "#️⃣",
        "*️⃣",
        "©",
        "©️",
        "™️",
        "☺",
        "☺️",
        "⌚",
        "🫠",
        "🫶🏽",
        "🧑‍🧑‍🧒",
        "🐦‍🔥",
        "❤️‍🔥",
        "🧔‍♀️",
        "🫨",
        "🩷",
        "🙂‍↔️",
        "🫱🏼‍🫲🏿",
        "🥱",
        "🦩",
        "👁️‍🗨️",
        "\u200d",
        "\ufe0f",
        "🏽",
    ]
)
WORDS = st.sampled_from(
    [
        "Bonjour",
        "café",
        "e\u0301te\u0301",
        "Ça",
        "日本語のテキスト",
        "한국어",
        "مرحبا",
        "Ελληνικά",
        "١٢٣",
        "123",
        "ok",
        "ﬁ",
        "Å",
        "Ω",
    ]
)
SEPARATORS = st.sampled_from(
    [*" \n\t()[]{}<>«»“”,.!?:;/-_'’…", " ", " ", "\u00a0", "\u3000", "\u200b", "\u2060", "\u202e"]
)
PIECES = st.one_of(URLS, TAGS, CASHTAGS, MENTIONS, EMOJI, WORDS, SEPARATORS, st.text(max_size=3))
TEXTS = st.lists(PIECES, max_size=14).map("".join)


# --- the tests ------------------------------------------------------------------------------------------------
def test_allow_list_is_small_and_well_formed() -> None:
    known = load_allow_list()
    assert len(known) <= 12, "the allow-list should stay small: fix the rules instead"
    assert len({k.id for k in known}) == len(known)
    for k in known:
        assert k.network in {"x", "bluesky", "mastodon"}, k.id
        assert k.id in EXPLAINED_BY, f"{k.id} has no check in EXPLAINED_BY"
        assert len(k.reason.split()) >= 8, f"{k.id}: say why"
        assert k.fields, k.id
    assert set(EXPLAINED_BY) == {k.id for k in known}, "a check without its entry"


def test_every_allow_list_entry_is_still_needed(official_clients: OfficialClients) -> None:
    """Each entry's example still differs, and only as the entry says: a stale entry must be removed."""
    known = load_allow_list()
    answers = official_clients.ask([(k.example, nfc(k.example)) for k in known])
    for k, answer in zip(known, answers, strict=True):
        case = {
            "x": lambda t, a: x_case(t, a),
            "bluesky": lambda t, a: bluesky_case(t, a),
            "mastodon": lambda t, a: mastodon_case(t),
        }[k.network](k.example, answer)
        assert case.differing(), f"{k.id}: its example no longer differs; remove the entry"
        assert case.differing() <= k.fields and EXPLAINED_BY[k.id](case), case.describe()
        assert not unexplained(case, known)


def test_conformance_texts(official_clients: OfficialClients) -> None:
    texts = conformance_texts()
    assert len(texts) > 300
    problems = report(all_cases(official_clients, texts), load_allow_list())
    assert not problems, f"{len(problems)} differences:\n" + "\n".join(problems[:25])


@DIFFERENTIAL
@given(text=TEXTS)
def test_generated_texts_x_and_bluesky(official_clients: OfficialClients, text: str) -> None:
    [answer] = official_clients.ask([(text, nfc(text))])
    known = load_allow_list()
    problems = report([x_case(text, answer), bluesky_case(text, answer)], known)
    assert not problems, "\n".join(problems)


@DIFFERENTIAL
@given(text=TEXTS, spoiler=st.one_of(st.just(""), st.just(""), TEXTS))
def test_generated_texts_mastodon(text: str, spoiler: str) -> None:
    problems = report([mastodon_case(text, spoiler)], load_allow_list())
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://example.com/menu", 23),
        ("@bob@mastodon.social", 4),
        ("  Bonjour\n", 7),
        ("http://localhost:8080", 21),  # no known TLD: not a link for Mastodon, counted in full
        ("gemini://exemple.fr/x", 23),
        ("https://example.jp/新商品 ok", 26),
    ],
)
def test_mastodon_oracle_on_known_answers(text: str, expected: int) -> None:
    """The restated server code itself, on answers worked out by hand from the Ruby source."""
    assert mastodon_oracle.count(text) == expected


def test_bluesky_entries_are_posts_the_server_would_refuse(official_clients: OfficialClients) -> None:
    """Where we differ from Bluesky's client, its post is one the lexicon refuses, and ours is accepted."""
    validator = Validator()
    known = [k for k in load_allow_list() if k.network == "bluesky"]
    answers = official_clients.ask([(k.example, nfc(k.example)) for k in known])
    for k, answer in zip(known, answers, strict=True):
        text = nfc(k.example)
        theirs = [
            FacetSpan("link" if f["kind"] == "link" else "tag", f["byteStart"], f["byteEnd"], f["value"])
            for f in answer["bluesky"]["facets"]
            if f["kind"] in ("link", "tag")
        ]
        post = {"$type": "app.bsky.feed.post", "text": text, "createdAt": "2026-01-01T00:00:00.000Z"}
        with pytest.raises(LexiconError):
            validator.validate_main("app.bsky.feed.post", {**post, "facets": bluesky.to_lexicon(theirs, {})})
        ours = bluesky.to_lexicon(bluesky.detect_facets(text), {})
        validator.validate_main("app.bsky.feed.post", {**post, "facets": ours})


def test_bluesky_tld_list_is_the_clients() -> None:
    """data/bluesky_tlds.txt is the `tlds` package the locked @atproto/api uses."""
    modules = ORACLE_DIR / "node_modules" / "tlds" / "index.json"
    if not modules.exists():
        unavailable(f"{modules} is missing")
    ours = (DATA_DIR / "bluesky_tlds.txt").read_text(encoding="utf-8").splitlines()
    assert [line for line in ours if line and not line.startswith("#")] == json.loads(modules.read_text())


def test_x_emoji_data_holds_only_emoji(official_clients: OfficialClients) -> None:
    """Every sequence of data/x_emoji.txt is one emoji for Unicode (RGI, Node's data) or for twitter-text."""
    lines = (DATA_DIR / "x_emoji.txt").read_text(encoding="utf-8").splitlines()
    sequences = ["".join(chr(int(c, 16)) for c in line.split()) for line in lines if not line.startswith("#")]
    assert len(sequences) > 2500
    answers = official_clients.ask([(s, s) for s in sequences])
    for sequence, answer in zip(sequences, answers, strict=True):
        whole = [[0, len(sequence)]]
        assert answer["x"]["rgiEmoji"] == whole or answer["x"]["emoji"] == whole, ascii(sequence)
