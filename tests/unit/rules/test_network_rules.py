"""Each network counts as it does: Mastodon links and remote mentions, Threads emoji, X weights, limits."""

from __future__ import annotations

import dataclasses
import unicodedata

import pytest

from cm_desktop.core import networks, rules
from cm_desktop.core.networks import ids as network_ids
from cm_desktop.core.ports import ServerLimits
from cm_desktop.core.rules import feed_cut, mastodon, measure, threads, x


def test_nine_networks_each_with_its_rules_module() -> None:
    assert set(network_ids()) == {
        "mastodon",
        "bluesky",
        "x",
        "facebook",
        "instagram",
        "linkedin",
        "threads",
        "google_business",
        "pinterest",
    }
    for network in network_ids():
        assert networks.get(network).rules.name == network
    with pytest.raises(ValueError):
        measure("myspace", "hi")


@pytest.mark.parametrize(
    ("network", "limit"),
    [
        ("mastodon", 500),
        ("bluesky", 300),
        ("x", 280),
        ("facebook", 63_206),
        ("instagram", 2200),
        ("linkedin", 3000),
        ("threads", 500),
        ("google_business", 1500),
        ("pinterest", 800),
    ],
)
def test_limits_and_grapheme_counting(network: str, limit: int) -> None:
    m = measure(network, "Bonjour 👨‍👩‍👧 !")
    assert m.limit == limit and m.ok
    expected = {"x": 12, "threads": 10 + len("👨‍👩‍👧".encode())}.get(network, 11)
    assert m.count == expected


def test_mastodon_links_count_23_and_remote_mentions_count_as_local() -> None:
    long_url = "https://example.com/" + "a" * 100
    assert measure("mastodon", long_url).count == 23
    assert measure("mastodon", "@alice@social.example.org").count == len("@alice")
    assert measure("mastodon", "example.com/" + "a" * 30).count == len("example.com/") + 30  # no scheme: full
    assert measure("mastodon", "hi", spoiler="CW: food").count == 10


def test_mastodon_server_limits_are_parameters() -> None:
    text = "x" * 600 + " https://example.com/very/long/path"
    default = measure("mastodon", text)
    assert (default.count, default.limit, default.ok) == (624, 500, False)
    fork = measure("mastodon", text, max_characters=5000, characters_reserved_per_url=30)
    assert (fork.count, fork.limit, fork.ok) == (631, 5000, True)
    mastodon_record = networks.get("mastodon")
    assert mastodon_record.accepts_on(ServerLimits(max_media_attachments=8)).max_images == 8
    assert mastodon_record.accepts_on(None).max_images == 4
    with pytest.raises(TypeError):
        measure("mastodon", "hi", max_charcters=10)


def test_mastodon_overflow_index_accounts_for_links() -> None:
    text = "https://example.com/" + "a" * 100 + " " + "b" * 480
    m = mastodon.measure(text)
    assert m.count == 23 + 1 + 480
    assert m.overflow_at == len(text) - 4


def test_x_weighted_counts() -> None:
    assert measure("x", "é").count == 1
    assert measure("x", "漢字").count == 4
    assert measure("x", "👍🏽").count == 2
    assert measure("x", "see https://example.com/" + "a" * 200).count == 4 + 23
    over = measure("x", "a" * 300)
    assert over.over == 20 and over.overflow_at == 280
    assert x.parse_tweet("a" * 300).valid_end == 280


def test_threads_counts_emoji_as_utf8_bytes() -> None:
    assert threads.measure("😀").count == 4
    assert threads.measure("👍🏽").count == 8
    assert threads.measure("é").count == 1
    m = threads.measure("a" * 497 + "😀")
    assert m.count == 501 and not m.ok and m.overflow_at == 497


def test_nfc_where_the_network_normalises() -> None:
    nfd = unicodedata.normalize("NFD", "Été à Noël")
    for network in network_ids():
        assert measure(network, nfd) == measure(network, "Été à Noël")
    assert measure("bluesky", nfd).byte_count == len("Été à Noël".encode())


def test_media_rules_are_frozen_and_complete() -> None:
    for network in network_ids():
        r = networks.get(network).accepts
        with pytest.raises(dataclasses.FrozenInstanceError):
            r.max_images = 99  # type: ignore[misc]
        assert r.max_bytes > 0 and r.formats and r.mime_types
    ig = networks.get("instagram").accepts
    assert ig.image_required and ig.formats == {"jpeg"} and ig.aspect_min == 0.8 and ig.aspect_max == 1.91
    assert ig.max_width == 1440
    assert networks.get("bluesky").accepts.alt_required
    assert networks.get("x").accepts.alt_max == 1000
    assert networks.get("mastodon").accepts.alt_max == 1500
    gbp = networks.get("google_business").accepts
    assert (gbp.max_images, gbp.min_width, gbp.min_height) == (1, 400, 300)


def test_feed_cut() -> None:
    text = ("Bonjour à toutes et à tous, " * 30).strip()
    ig = feed_cut("instagram", text)
    assert ig is not None and 100 <= ig <= 125 and text[ig] == " "
    assert feed_cut("facebook", text) is not None
    assert feed_cut("linkedin", "court") is None
    assert feed_cut("mastodon", text) is None


def test_entities_per_network() -> None:
    text = "Promo $AAPL chez @alice #soldes https://example.com"
    kinds = {n: [e.kind for e in rules.entities(n, text)] for n in network_ids()}
    assert kinds["x"] == ["cashtag", "mention", "hashtag", "url"]
    assert kinds["facebook"] == ["hashtag", "url"]  # mentions are made with Facebook's picker
    assert kinds["instagram"] == ["mention", "hashtag", "url"]
    assert kinds["mastodon"] == ["mention", "hashtag", "url"]
    assert kinds["bluesky"] == ["cashtag", "hashtag", "url"]  # "@alice" is not a handle; "$AAPL" is a tag
    for network in network_ids():
        for e in rules.entities(network, text):
            assert text[e.start : e.end] == e.text


def test_editor_helpers() -> None:
    from cm_desktop.core.rules.text import strip_invisible
    from cm_desktop.core.rules.twitter_text import to_utf16

    assert strip_invisible("a\x00b\ufeffc\ud800") == "ab c".replace(" ", "") + "\ufffd"
    assert to_utf16("😀a", 1) == 2
    rules.warm_up()
