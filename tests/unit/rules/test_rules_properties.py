"""Properties over arbitrary Unicode: facets slice back exactly, nothing raises, NFC and NFD count alike."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from cm_desktop.core.networks import ids as network_ids
from cm_desktop.core.rules import (
    ImageFacts,
    check_report,
    entities,
    feed_cut,
    measure,
    preflight,
    x,
)
from cm_desktop.core.rules.bluesky import detect_facets, to_lexicon
from cm_desktop.core.rules.text import clean

FRAGMENTS = [
    "👨‍👩‍👧‍👦",
    "🏳️‍🌈",
    "🇫🇷",
    "🇧🇪",
    "👍🏽",
    "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
    "1️⃣",
    "e\u0301",
    "a\u0308\u0323",
    "\u0915\u094d\u0937",  # Devanagari conjunct
    "مرحبا",
    "שָׁלוֹם",
    "\u202e",
    "\u2067",
    "\u200d",
    "\ufe0f",
    "\ud83d",  # lone surrogate
    "\x00",
    " ",
    "\n",
    "\u3000",
    "https://example.com/été?q=1#x",
    "http://t.co/abc",
    "example.fr/menu",
    "www.exemple.fr.",
    "javascript:alert(1)",
    "data:text/html,hi",
    "@alice.bsky.social",
    "@bob@mastodon.social",
    "@user",
    "#café",
    "#été_2024!",
    "＃全角",
    "$AAPL",
    "(",
    ")",
    ".",
    ",",
    "/",
    "#",
    "@",
    "ﬁ",  # compatibility ligature: NFC keeps it
    "Å",
    "한국어",
]
TEXTS = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=30).map("".join)
IMAGES = st.lists(
    st.builds(
        ImageFacts,
        width=st.integers(0, 10_000),
        height=st.integers(0, 10_000),
        byte_size=st.integers(0, 50_000_000),
        format=st.sampled_from(["jpeg", "jpg", "png", "gif", "webp", "heic", "bmp", ""]),
        alt=st.text(max_size=20),
        animated=st.booleans(),
    ),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_facets_slice_back_to_their_entity(text: str) -> None:
    cleaned = clean(text)
    data = cleaned.encode("utf-8")
    previous_start = 0
    for span in detect_facets(text):
        # Sorted by start; they may overlap, as the facets of Bluesky's own client may ("#a(https://b.fr").
        assert previous_start <= span.byte_start < span.byte_end <= len(data)
        previous_start = span.byte_start
        piece = data[span.byte_start : span.byte_end].decode("utf-8")  # on character boundaries
        if span.kind == "link":
            assert span.value in (piece, "https://" + piece)
            assert span.value.lower().startswith(("http://", "https://"))
        elif span.kind == "mention":
            assert piece == "@" + span.value
        elif piece[0] == "$":  # a cashtag: a tag "$AAPL", upper case, as Bluesky's client makes it
            assert span.value == "$" + piece[1:].upper()
        else:
            assert piece[0] in "#＃" and piece[1:] == span.value
    to_lexicon(detect_facets(text), {})


@settings(max_examples=150, deadline=None)
@given(TEXTS, IMAGES)
def test_nothing_raises(text: str, images: list[ImageFacts]) -> None:
    for network in network_ids():
        m = measure(network, text)
        assert m.count >= 0
        assert m.overflow_at is None or 0 <= m.overflow_at <= len(text) + len(text)
        preflight(network, text, images)
        check_report(network, text, "fr")
        feed_cut(network, text)
        for e in entities(network, text):
            assert clean(text)[e.start : e.end] == e.text


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_nfc_and_nfd_count_alike(text: str) -> None:
    text = clean(text)
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    for network in network_ids():
        assert measure(network, nfd) == measure(network, nfc), network


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_fast_x_count_matches_reference_walk(text: str) -> None:
    assert x.weighted_length(text) == x.parse_tweet(text).weighted_length
    assert measure("x", text).count == x.parse_tweet(text).weighted_length
