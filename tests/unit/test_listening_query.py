"""What a saved search means (core/listening/query.py): the forms people write, and a plain refusal for what
could find nothing useful. Suggestions from the set-up profile (core/listening/suggest.py)."""

from __future__ import annotations

import pytest

from cm_desktop.core.listening import messages as m
from cm_desktop.core.listening.query import (
    MAX_CHARS,
    BadSearch,
    contains_terms,
    has_tags,
    parse,
    same,
    tag_words,
)
from cm_desktop.core.listening.suggest import suggestions


def test_words_phrases_hashtags_and_handles() -> None:
    search = parse(
        "  fleuriste   Lyon « bouquet de mariée » #Fleurs @marie.bsky.social @paul@mastodon.social "
    )
    assert (
        search.text == 'fleuriste Lyon " bouquet de mariée " #Fleurs @marie.bsky.social @paul@mastodon.social'
    )
    assert search.words == ("fleuriste", "Lyon")
    assert search.phrases == ("bouquet de mariée",)
    assert search.tags == ("Fleurs",)
    assert search.handles == ("marie.bsky.social", "paul@mastodon.social")


def test_typographic_quotes_and_punctuation_are_read_as_people_mean_them() -> None:
    assert parse("“fleurs de Marie”").phrases == ("fleurs de Marie",)
    assert parse("fleuriste, Lyon ?").words == ("fleuriste", "Lyon")
    assert parse("#fleurs, #lyon.").tags == ("fleurs", "lyon")


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("", m.EMPTY),
        ("   ", m.EMPTY),
        ("le la les de", m.ONLY_COMMON_WORDS),
        ("the and of", m.ONLY_COMMON_WORDS),
        ('"de la"', m.ONLY_COMMON_WORDS),
        ("x" * (MAX_CHARS + 400), m.TOO_LONG),
        ("🌸🌷💐", m.NO_LETTERS),
        ("!!! ???", m.NO_LETTERS),
        ("#", m.LONE_HASH),
        ("fleurs # lyon", m.LONE_HASH),
        ("#2024", m.LONE_HASH),
        ("@", m.LONE_AT),
        ("a b c d e f g h i j", m.TOO_MANY_PARTS),
    ],
)
def test_what_cannot_be_searched_is_refused_in_plain_words(typed: str, why: object) -> None:
    with pytest.raises(BadSearch) as caught:
        parse(typed)
    assert caught.value.text is why
    for lang in ("en", "fr"):
        said = caught.value.message(lang)
        assert said and "{" not in said
        assert not any(word in said.lower() for word in ("api", "cursor", "query", "syntax", "requête"))


def test_five_hundred_characters_says_how_many() -> None:
    typed = ("fleuriste Lyon mariage " * 22)[:500]
    assert len(typed) == 500
    with pytest.raises(BadSearch) as caught:
        parse(typed)
    assert "500" in caught.value.message("fr")
    assert str(MAX_CHARS) in caught.value.message("en")


def test_a_common_word_with_a_hashtag_or_a_name_is_fine() -> None:
    assert parse("le #marché").tags == ("marché",)
    assert parse("la @marie.bsky.social").handles == ("marie.bsky.social",)


def test_same_search_whatever_the_case_accents_and_spaces() -> None:
    assert same("Fleuriste  Lyon", "fleuriste lyon")
    assert same("Fête des mères", "fete des meres")
    assert not same("fleuriste Lyon", "fleuriste Paris")


def test_terms_are_found_in_a_text_as_a_person_would() -> None:
    search = parse('fleuriste Lyon "bouquet de mariée" @marie.bsky.social')
    text = "Quelqu'un connaît des Fleuristes à LYON ? Un bouquet de mariee pour @marie.bsky.social"
    assert contains_terms(search, text)
    assert not contains_terms(search, text.replace("LYON", "Paris"))
    assert not contains_terms(parse("iste"), "fleuriste")  # a word starts where a word starts
    assert contains_terms(parse("@paul@mastodon.social"), "merci @paul pour les roses")


def test_hashtags_from_the_post_or_its_text() -> None:
    search = parse("#Fleurs #lyon")
    assert has_tags(search, ("fleurs", "Lyon"), "")
    assert has_tags(search, (), "Jolies #fleurs à #Lyon")
    assert not has_tags(search, ("fleurs",), "à Lyon")


def test_words_stand_for_hashtags_where_only_hashtags_can_be_listed() -> None:
    assert tag_words(parse("fleuriste Saint-Étienne")) == ("fleuriste", "SaintÉtienne")
    assert tag_words(parse("le fleuriste #roses")) == ("roses",)


def test_suggestions_from_the_profile_of_a_florist_in_lyon() -> None:
    found = suggestions(name="Fleurs de Marie", town="Lyon", kind="shop", lang="fr", trade="fleuriste")
    assert found[:2] == ["fleuriste Lyon", '"Fleurs de Marie"']
    assert "#lyon" in found and "#fleuriste" in found
    for each in found:
        parse(each)
    # Already saved (whatever the case): not offered again.
    again = suggestions(
        name="Fleurs de Marie",
        town="Lyon",
        kind="shop",
        lang="fr",
        trade="fleuriste",
        existing=["FLEURISTE lyon"],
    )
    assert "fleuriste Lyon" not in again


def test_suggestions_without_a_trade_use_the_name_and_the_kind() -> None:
    found = suggestions(name="Le Petit Bistrot", town="Nantes", kind="restaurant", lang="fr")
    assert '"Le Petit Bistrot"' in found and "restaurant Nantes" in found and "#nantes" in found
    assert suggestions(name="", town="", kind="other", lang="en") == []
