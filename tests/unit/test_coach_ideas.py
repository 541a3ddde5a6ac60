"""The idea library: enough ideas, both languages, only allowed placeholders, every kind and goal covered."""

from __future__ import annotations

import string

import pytest

from cm_desktop.core.coach import (
    ALL_IDEAS,
    ALLOWED_PLACEHOLDERS,
    OCCASION_LABELS,
    Goal,
    Occasion,
    fill,
    idea,
    ideas,
    placeholders,
)
from cm_desktop.core.i18n import LANGS
from cm_desktop.core.models import BusinessKind

MIN_PER_KIND = 30  # ideas offered to each kind (its own plus the general ones)
MIN_OWN_PER_KIND = 8  # ideas written for that kind (every kind but "other", which gets the general ones)
MIN_PER_GOAL = 12


def _fields(template: str) -> list[str]:
    return sorted(f for _, f, _, _ in string.Formatter().parse(template) if f)


@pytest.mark.parametrize("lang", LANGS)
def test_at_least_80_ideas_in_each_language(lang: str) -> None:
    found = ideas(lang=lang)  # type: ignore[arg-type]
    assert len(found) >= 80
    assert all(i.title.strip() and i.why.strip() and i.template.strip() for i in found)


def test_every_idea_has_both_languages_and_they_differ() -> None:
    for entry in ALL_IDEAS:
        for text in (entry.title, entry.why, entry.template):
            assert text.en.strip() and text.fr.strip(), entry.code
            assert text.en != text.fr, entry.code


def test_templates_use_only_allowed_placeholders_and_the_same_in_both_languages() -> None:
    assert {"business", "product", "date", "place"} <= ALLOWED_PLACEHOLDERS
    for entry in ALL_IDEAS:
        for text in (entry.title, entry.why, entry.template):
            assert _fields(text.en) == _fields(text.fr), entry.code
            assert set(_fields(text.en)) <= ALLOWED_PLACEHOLDERS, entry.code


def test_codes_are_unique_and_stable_looking() -> None:
    codes = [e.code for e in ALL_IDEAS]
    assert len(codes) == len(set(codes))
    assert all(c.isascii() and c == c.lower() and " " not in c for c in codes)


@pytest.mark.parametrize("kind", list(BusinessKind))
def test_every_kind_is_covered(kind: BusinessKind) -> None:
    offered = ideas(kind=kind)
    assert len(offered) >= MIN_PER_KIND
    own = [i for i in offered if kind in i.kinds]
    if kind is not BusinessKind.OTHER:
        assert len(own) >= MIN_OWN_PER_KIND
        # Written-for-you ideas come first.
        assert offered[: len(own)] == own


@pytest.mark.parametrize("goal", list(Goal))
def test_every_goal_is_covered(goal: Goal) -> None:
    assert len(ideas(goal=goal)) >= MIN_PER_GOAL


def test_every_occasion_has_ideas_and_a_label() -> None:
    assert set(OCCASION_LABELS) == set(Occasion)
    for occasion in Occasion:
        assert ideas(occasion=occasion), occasion


def test_filters_combine() -> None:
    found = ideas(kind=BusinessKind.ASSOCIATION, goal=Goal.FIND_MEMBERS, occasion=Occasion.VOLUNTEER_CALL)
    assert found
    for i in found:
        assert Goal.FIND_MEMBERS in i.goals and i.occasion is Occasion.VOLUNTEER_CALL
        assert not i.kinds or BusinessKind.ASSOCIATION in i.kinds
    assert not any(BusinessKind.RESTAURANT in i.kinds for i in ideas(kind=BusinessKind.ARTIST))


def test_ideas_in_french_are_french() -> None:
    fr = idea("asso_volunteer_call", "fr")
    assert fr.lang == "fr" and "bénévoles" in fr.template
    assert idea("idea:asso_volunteer_call").template.startswith("We need you!")
    assert idea("asso_volunteer_call").origin == "idea:asso_volunteer_call"
    with pytest.raises(KeyError):
        idea("no_such_idea")


def test_fill_puts_values_in() -> None:
    template = "New at {business}: {product}! From {date} at {place}, {town}."
    values = {
        "business": "Chez Léa",
        "product": "brioches",
        "date": "Saturday",
        "place": "the market",
        "town": "Lyon",
    }
    assert fill(template, values) == "New at Chez Léa: brioches! From Saturday at the market, Lyon."
    assert placeholders(template) == {"business", "product", "date", "place", "town"}


def test_fill_leaves_visible_gaps_in_the_right_language() -> None:
    assert fill("Try {product} at {business}", {"business": "Chez Léa"}) == "Try [product] at Chez Léa"
    assert fill("Goûtez {product} chez {business}", {"product": "  "}, "fr") == "Goûtez [produit] chez [nom]"
    assert fill("{place}", {}, "fr") == "[lieu]"


def test_fill_keeps_text_without_placeholders_and_braces_in_values() -> None:
    assert fill("No fields here.", {"product": "x"}) == "No fields here."
    assert fill("{product}", {"product": "{business}"}) == "{business}"


@pytest.mark.parametrize("lang", LANGS)
def test_every_template_fills_completely_with_all_values(lang: str) -> None:
    values = dict.fromkeys(ALLOWED_PLACEHOLDERS, "X")
    for i in ideas(lang=lang):  # type: ignore[arg-type]
        out = fill(i.template, values, i.lang)
        # Only the owner's own gaps remain, as "[…]" (the checks block them until they are filled).
        assert "{" not in out and "[" not in out.replace("[…]", ""), i.code
