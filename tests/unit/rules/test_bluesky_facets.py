"""Bluesky facets: byte offsets, Bluesky's own link/mention/tag rules, and records valid per the lexicons."""

from __future__ import annotations

import fnmatch
from typing import Any

import pytest

from cm_desktop.core import networks
from cm_desktop.core.rules import bluesky
from cm_desktop.core.rules.bluesky import FacetSpan, detect_facets, to_lexicon
from tests.unit.rules.lexicon import LexiconError, Validator

VALIDATOR = Validator()
DID = "did:plc:z72i7hdynmk6r22z27h6tvur"


def _slice(text: str, span: FacetSpan) -> str:
    return text.encode("utf-8")[span.byte_start : span.byte_end].decode("utf-8")


def _post(text: str, facets: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "$type": "app.bsky.feed.post",
        "text": text,
        "createdAt": "2026-01-01T00:00:00.000Z",
        "facets": facets,
    }


def test_offsets_are_utf8_bytes_after_emoji_and_accents() -> None:
    text = "Café 👨‍👩‍👧 ouvert ! https://example.com/menu"
    [span] = detect_facets(text)
    assert span == FacetSpan(
        "link", len("Café 👨‍👩‍👧 ouvert ! ".encode()), len(text.encode()), "https://example.com/menu"
    )
    assert _slice(text, span) == "https://example.com/menu"


def test_bare_domain_gets_https() -> None:
    text = "Voir example.com/x et nous.fr."
    spans = detect_facets(text)
    assert [(s.kind, s.value, _slice(text, s)) for s in spans] == [
        ("link", "https://example.com/x", "example.com/x"),
        ("link", "https://nous.fr", "nous.fr"),
    ]


def test_mentions_and_tags() -> None:
    text = "Merci @alice.bsky.social. (@bob.example.com) #Boulangerie! #2024 #été_2024 mail@x.com"
    spans = detect_facets(text)
    got = [(s.kind, s.value, _slice(text, s)) for s in spans]
    assert got == [
        ("mention", "alice.bsky.social", "@alice.bsky.social"),
        ("mention", "bob.example.com", "@bob.example.com"),
        ("tag", "Boulangerie", "#Boulangerie"),
        ("tag", "été_2024", "#été_2024"),
    ]  # "#2024" has no letter; "x.com" after "@" is part of an e-mail address, not a link


def test_invalid_handles_and_long_tags_are_not_facets() -> None:
    text = "@notahandle @bad.invalidtld " + "#" + "a" * 65
    assert detect_facets(text) == []
    issues = bluesky.checks(text, (), {})
    assert [i.code for i in issues] == ["hashtags.too_long"]


def test_tag_of_exactly_64_graphemes_is_kept() -> None:
    tag = "é" * 64
    [span] = detect_facets("#" + tag)
    assert span.value == tag


def test_to_lexicon_drops_mentions_without_did() -> None:
    text = "@alice.bsky.social @bob.bsky.social https://example.com #tag"
    spans = detect_facets(text)
    facets = to_lexicon(spans, {"alice.bsky.social": DID})
    assert [f["features"][0]["$type"] for f in facets] == [
        "app.bsky.richtext.facet#mention",
        "app.bsky.richtext.facet#link",
        "app.bsky.richtext.facet#tag",
    ]
    assert facets[0] == {
        "$type": "app.bsky.richtext.facet",
        "index": {"byteStart": 0, "byteEnd": len("@alice.bsky.social")},
        "features": [{"$type": "app.bsky.richtext.facet#mention", "did": DID}],
    }
    for facet in facets:
        VALIDATOR.validate_main("app.bsky.richtext.facet", facet)


@pytest.mark.parametrize(
    "text",
    [
        "Bonjour 👋🏽 @alice.bsky.social, nouveau menu : example.com/menu #resto #bon_appétit",
        "🇫🇷🇧🇪 e\u0301te\u0301 https://exemple.fr/été?x=1#a",
        "مرحبا #مرحبا https://example.com/عربي",
        "x" * 300,
        "é" * 300,  # 600 bytes: fine
    ],
)
def test_post_record_validates_against_lexicon(text: str) -> None:
    sent = bluesky.prepare_text(text)
    spans = detect_facets(sent)
    facets = to_lexicon(spans, {"alice.bsky.social": DID})
    record = _post(sent, facets)
    VALIDATOR.validate_main("app.bsky.feed.post", record)
    size = len(sent.encode("utf-8"))
    for facet in facets:
        index = facet["index"]
        assert 0 <= index["byteStart"] < index["byteEnd"] <= size
    assert bluesky.measure(text).ok


def test_measure_agrees_with_lexicon_limits() -> None:
    too_many_graphemes = "a" * 301
    too_many_bytes = "👨‍👩‍👧‍👦" * 200  # 200 graphemes, 5,000 bytes
    for text in (too_many_graphemes, too_many_bytes):
        assert not bluesky.measure(text).ok
        with pytest.raises(LexiconError):
            VALIDATOR.validate_main("app.bsky.feed.post", _post(text, []))
    m = bluesky.measure(too_many_bytes)
    assert (m.count, m.byte_count, m.max_bytes) == (200, 5000, 3000)
    assert m.overflow_at is not None and len(too_many_bytes[: m.overflow_at].encode()) <= 3000


def test_validator_rejects_broken_facets() -> None:
    with pytest.raises(LexiconError):
        VALIDATOR.validate_main(
            "app.bsky.richtext.facet", {"index": {"byteStart": -1, "byteEnd": 2}, "features": []}
        )
    with pytest.raises(LexiconError):
        VALIDATOR.validate_main(
            "app.bsky.richtext.facet",
            {
                "index": {"byteStart": 0, "byteEnd": 2},
                "features": [{"$type": "app.bsky.richtext.facet#bold"}],
            },
        )


def test_images_embed_lexicon_limit_matches_media_rules() -> None:
    schema = VALIDATOR.docs["app.bsky.embed.images"]["defs"]["main"]["properties"]["images"]
    blob = VALIDATOR.docs["app.bsky.embed.images"]["defs"]["image"]["properties"]["image"]
    rules = networks.get("bluesky").accepts
    assert rules.max_images == schema["maxLength"]
    assert rules.max_bytes <= blob["maxSize"]
    assert rules.alt_required
    # Every type the registry says Bluesky takes is one the lexicon's blob accepts ("image/*").
    assert rules.mime_types and all(
        any(fnmatch.fnmatchcase(mime, pattern) for pattern in blob["accept"]) for mime in rules.mime_types
    )
    assert rules.formats == {"jpeg", "png", "webp", "gif"}


# --- as Bluesky's own client finds them (@atproto/api RichText.detectFacets); see also
# test_against_official_clients.py, which runs the client itself on many more texts ---------------------------
def _facets(text: str) -> list[tuple[str, str, str]]:
    return [(s.kind, s.value, _slice(text, s)) for s in detect_facets(text)]


def test_cashtags_are_tags() -> None:
    assert _facets("Achetez $aapl et $BRK.A, pas $TOOLONG") == [
        ("tag", "$AAPL", "$aapl"),
        ("tag", "$BRK", "$BRK"),
    ]


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8080",
        "http://127.0.0.1/admin",
        "https://shop.invalid/x",
        "https://bücher.de/katalog",
        "https://xn--bcher-kva.de",
        "http://[::1]:3000/",
    ],
)
def test_any_http_url_is_a_link(url: str) -> None:
    assert _facets(f"Voir {url} !") == [("link", url, url)]


def test_link_ends_like_the_client() -> None:
    # A closing parenthesis stays when the link has an opening one; one trailing mark of punctuation goes.
    assert _facets("(https://fr.wikipedia.org/wiki/Pomme_(fruit))")[0][1] == (
        "https://fr.wikipedia.org/wiki/Pomme_(fruit))"
    )
    assert _facets("(voir https://exemple.fr/menu).")[0][1] == "https://exemple.fr/menu"
    assert (
        _facets("(voir https://exemple.fr/menu.)")[0][1] == "https://exemple.fr/menu."
    )  # one of each, in order
    assert _facets("(voir https://exemple.fr/menu)")[0][1] == "https://exemple.fr/menu"
    assert (
        _facets("https://exemple.jp/新商品 et https://exemple.fr/été.")[0][1] == "https://exemple.jp/新商品"
    )
    assert _facets("https://exemple.jp/新商品 et https://exemple.fr/été.")[1][1] == "https://exemple.fr/été"


def test_links_start_after_a_space_or_parenthesis_only() -> None:
    assert _facets("[https://exemple.fr] {exemple.fr} «exemple.fr»") == []
    assert _facets("(exemple.fr)") == [("link", "https://exemple.fr", "exemple.fr")]


def test_bare_domains_as_the_client_sees_them() -> None:
    # No hyphen in a bare domain; the TLD must be in the client's list, in lower case.
    assert _facets("boulangerie-exemple.fr Exemple.FR exemple.fr") == [
        ("link", "https://exemple.fr", "exemple.fr")
    ]
    assert _facets("https://boulangerie-exemple.fr") == [
        ("link", "https://boulangerie-exemple.fr", "https://boulangerie-exemple.fr")
    ]
    assert _facets("HTTPS://EXEMPLE.FR") == []  # the client wants "http" in lower case


def test_overlapping_facets_are_kept_and_the_preview_shows_the_first() -> None:
    text = "#soldes(https://exemple.fr)"
    assert [kind for kind, _, _ in _facets(text)] == ["tag", "link"]
    assert [e.kind for e in bluesky.entities(text)] == ["hashtag", "url"]
