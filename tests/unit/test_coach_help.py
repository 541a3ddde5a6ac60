"""Help content: the glossary and the guides exist, complete, in both languages."""

from __future__ import annotations

import string

import pytest

from cm_desktop.core.coach import (
    BUDGET_LABELS,
    GOAL_LABELS,
    KIND_LABELS,
    Goal,
    TimeBudget,
    glossary,
    guide,
    guides,
    term,
)
from cm_desktop.core.models import BusinessKind

REQUIRED_TERMS = {
    "community_manager", "engagement", "reach", "hashtag", "mention", "story", "reel", "thread", "alt_text",
    "algorithm", "dm", "handle", "fediverse", "feed", "followers", "post", "repost", "link_in_bio",
    "app_password", "scheduled_post",
}  # fmt: skip
REQUIRED_GUIDES = {
    "bluesky_app_password",
    "what_is_mastodon",
    "instagram_professional",
    "claim_google_business",
}


def test_glossary_has_at_least_20_terms_explained_in_both_languages() -> None:
    terms = glossary()
    assert len(terms) >= 20
    assert len({t.code for t in terms}) == len(terms)
    assert REQUIRED_TERMS <= {t.code for t in terms}
    for entry in terms:
        assert entry.term.en.strip() and entry.term.fr.strip(), entry.code
        assert entry.meaning.en.strip() and entry.meaning.fr.strip(), entry.code
        assert entry.meaning.en != entry.meaning.fr, entry.code
        assert len(entry.meaning.en) < 220, entry.code  # explained simply, not a lecture


def test_glossary_sorts_per_language_ignoring_accents() -> None:
    fr = [t.term.fr for t in glossary("fr")]
    assert fr.index("Engagement") < fr.index("Fédivers") < fr.index("Fil d'actualité")
    en = [t.term.en for t in glossary("en")]
    assert en == sorted(en, key=str.casefold)
    assert term("fediverse").term.fr == "Fédivers"
    with pytest.raises(KeyError):
        term("nope")


def test_guides_have_a_few_steps_in_both_languages() -> None:
    found = guides()
    assert REQUIRED_GUIDES <= {g.code for g in found}
    for g in found:
        assert g.title.en != g.title.fr
        assert 3 <= len(g.steps) <= 8, g.code
        for step in g.steps:
            assert step.en.strip() and step.fr.strip() and step.en != step.fr, g.code
            assert not [f for _, f, _, _ in string.Formatter().parse(step.en + step.fr) if f], g.code
        assert g.url.startswith("https://"), g.code
    assert "app password" in guide("bluesky_app_password").title.en.lower()


def test_wizard_labels_cover_every_choice() -> None:
    assert set(KIND_LABELS) == set(BusinessKind)
    assert set(GOAL_LABELS) == set(Goal)
    assert set(BUDGET_LABELS) == set(TimeBudget)
