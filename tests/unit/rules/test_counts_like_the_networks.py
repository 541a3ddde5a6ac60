"""X and Mastodon counts on the classes of text where we used to differ from the networks' own code.

The differential tests (test_against_official_clients.py) compare with the code itself on many texts; these
pin the classes by name and run without Node.
"""

from __future__ import annotations

import pytest

from cm_desktop.core.rules import entities, mastodon, measure, x
from cm_desktop.core.rules import twitter_text as tt


@pytest.mark.parametrize(
    ("text", "link"),
    [
        ("exemple.fr?promo=1 !", "exemple.fr"),  # no path: the domain alone, as twitter-text
        ("exemple.fr:8080 ok", "exemple.fr"),
        ("exemple.fr/?promo=1 !", "exemple.fr/?promo=1"),  # a path keeps the query
        ("#été_2024www.exemple.fr", "2024www.exemple.fr"),  # only the ASCII domain of a bare link
    ],
)
def test_x_bare_links(text: str, link: str) -> None:
    assert [e.value for e in tt.extract_urls(text)] == [link]


def test_x_bare_link_query_counts_as_text() -> None:
    # "exemple.fr" is the link (23), "?promo=1" is 8 more characters.
    assert measure("x", "exemple.fr?promo=1").count == 31
    assert x.parse_tweet("exemple.fr?promo=1").weighted_length == 31


@pytest.mark.parametrize(
    "emoji",
    ["🫶🏽", "🐦‍🔥", "🧑‍🧑‍🧒", "🏳️‍⚧️", "🙂‍↔️", "🫱🏼‍🫲🏿", "👩🏿‍❤️‍💋‍👨🏻", "🧔‍♀️", "❤️‍🔥"],
)
def test_x_counts_every_emoji_as_two(emoji: str) -> None:
    # X counts every emoji as 2 "regardless of complexity" (https://docs.x.com/fundamentals/counting-characters);
    # twitter-text 3.1.0 does not know these yet and would say 4 to 11 (allow-listed difference).
    assert measure("x", emoji).count == 2
    assert x.parse_tweet(emoji).weighted_length == 2


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("😀\u200d😀", 5),  # not an emoji sequence: two emoji and a joiner
        ("✌🏿\ufe0f", 4),  # a variation selector after a skin tone is not part of the emoji
        ("😀🏽", 4),  # a skin tone after a face that takes none
        ("👍🏽", 2),
        ("1️⃣", 2),
        ("©", 1),  # text style: a character
    ],
)
def test_x_emoji_sequences_are_the_real_ones(text: str, count: int) -> None:
    assert measure("x", text).count == count == x.parse_tweet(text).weighted_length


def test_x_lists_are_one_mention() -> None:
    [mention] = entities("x", "Voir @boulangerie/clients-fideles")
    assert mention.value == "boulangerie/clients-fideles"


def test_x_hashtag_after_an_ideograph_newer_than_twitter_text() -> None:
    # U+2DC14 (CJK extension F) is no letter in twitter-text 3.1.0's tables, so "#" after it starts a tag.
    assert [e.value for e in tt.extract_hashtags("\U0002dc14#café")] == ["café"]
    assert [e.value for e in tt.extract_hashtags("é#café")] == []


@pytest.mark.parametrize(
    ("text", "spoiler", "count"),
    [
        ("  Bonjour !\n\n", "", 9),  # the server strips the text
        ("https://exemple.jp/新商品 est en ligne", "", 23 + 13),  # any non-space character in a path
        ("https://exemple.fr/été", "", 23),
        ("Menu", "https://exemple.fr/menu", 23 + 4),  # a link in the warning counts in full
        ("@bob", "@alice", 10),  # never one mention across warning and text
        ("\u3000\u3000", "Alerte", 6),  # a blank text counts nothing
        ("http://localhost:8080", "", 21),  # no known TLD: not a link for Mastodon
        ("gemini://exemple.fr/x", "", 23),
        ("@alice@exemple.fr@", "", 18),  # followed by "@": not a mention
    ],
)
def test_mastodon_counts_like_the_server(text: str, spoiler: str, count: int) -> None:
    assert mastodon.measure(text, spoiler=spoiler).count == count


def test_mastodon_overflow_index_is_in_the_text_as_typed() -> None:
    text = "\n\n" + "a" * 501
    m = mastodon.measure(text)
    assert m.count == 501 and m.overflow_at == 2 + 500


def test_hashtag_tables_agree_with_unicode_below_the_threshold() -> None:
    # extract_hashtags trusts Unicode's properties below this code point and twitter-text's tables above it.
    quick, quick_not_before, exact, exact_not_before = tt._hashtag_regex()
    for code in range(tt.HASHTAG_TABLES_AGREE_BELOW):
        tag = "#" + chr(code) + "a"
        assert bool(quick.match(tag)) == bool(exact.match(tag)), hex(code)
        assert bool(quick_not_before.match(chr(code))) == bool(exact_not_before.match(chr(code))), hex(code)
