"""Trades (issue #16.8): what she typed maps to a trade; the plan's ideas fit it and never name another
trade's products; every network she chose is in the plan."""

from __future__ import annotations

from datetime import date

import pytest

from cm_desktop.core import networks
from cm_desktop.core.coach import Goal, ProfileAnswers, make_plan
from cm_desktop.core.coach.ideas import ALL_IDEAS, suits
from cm_desktop.core.coach.trades import FAMILIES, TRADES, foreign_products, trade_from_text
from cm_desktop.core.models import BusinessKind
from cm_desktop.core.moments import moments_for
from cm_desktop.core.onboarding import build_plan


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("fleuriste", "florist"),
        ("Je suis fleuriste à Lyon", "florist"),
        ("Artisan Fleuriste", "florist"),
        ("florist", "florist"),
        ("coiffeuse", "hairdresser"),
        ("Salon de coiffure", "hairdresser"),
        ("librairie", "bookshop"),
        ("Librairie-papeterie", "bookshop"),
        ("céramiste", "ceramist"),
        ("CERAMISTE", "ceramist"),
        ("club de foot", "football_club"),
        ("Club de Football de Villeurbanne", "football_club"),
        ("boulangerie", "baker"),
        ("pâtisserie", "pastry"),
        ("barbier", "barber"),
        ("fromagerie", "cheese"),
        ("caviste", "wine"),
        ("chorale", "choir"),
        ("banque alimentaire", "charity"),
        ("photographe", "photographer"),
        ("plombier", "plumber"),
        ("chambre d'hôtes", "guest_house"),
        ("graphiste", "graphic_designer"),
        ("expert-comptable", "accountant"),
        ("bookshop", "bookshop"),
        ("hairdresser", "hairdresser"),
        ("football club", "football_club"),
        ("coffee shop", "cafe"),
        ("fleuristes", "florist"),
    ],
)
def test_free_text_maps_to_its_trade(typed: str, code: str) -> None:
    found = trade_from_text(typed)
    assert found is not None and found.code == code


def test_enough_trades_every_family_has_products_and_nothing_matches_nothing() -> None:
    assert len(TRADES) >= 30
    assert {t.family for t in TRADES} <= FAMILIES
    assert trade_from_text("") is None and trade_from_text("zzz qwerty") is None
    # Every synonym leads back to its own trade (no synonym is taken by another one).
    for t in TRADES:
        for synonym in t.synonyms:
            found = trade_from_text(synonym)
            assert found is not None and found.family == t.family, (t.code, synonym)


def _texts(entry: object, lang: str) -> str:
    return " ".join(getattr(getattr(entry, f), lang) for f in ("title", "why", "template"))


@pytest.mark.parametrize("trade", TRADES, ids=[t.code for t in TRADES])
def test_no_idea_offered_to_a_trade_names_another_trades_products(trade: object) -> None:
    from cm_desktop.core.coach.trades import Trade

    assert isinstance(trade, Trade)
    offered = [e for e in ALL_IDEAS if suits(e, trade.kind, trade.family)]
    assert len(offered) >= 25  # enough for four weeks without repeating
    assert any(trade.family in e.families for e in offered), "no idea written for this family"
    for entry in offered:
        for lang in ("fr", "en"):
            assert foreign_products(_texts(entry, lang), lang, trade.family) == [], (entry.code, lang)


def test_the_florists_plan_has_flowers_and_no_croissant() -> None:
    answers = ProfileAnswers(
        BusinessKind.SHOP, (Goal.BRING_PEOPLE_IN, Goal.BE_FOUND_LOCALLY), 60, "FR", "Lyon", "fr",
        networks=("instagram", "facebook", "bluesky"), business_name="Fleurs d'Iris", trade="florist",
    )  # fmt: skip
    for start in (date(2027, 1, 1), date(2027, 5, 3), date(2027, 12, 1)):
        plan = build_plan(answers, "Europe/Paris", start)
        text = " ".join(f"{s.title} {s.text}" for s in plan.suggestions)
        assert foreign_products(text, "fr", "flowers") == []
        assert "fournée" not in text and "croissant" not in text
    assert any(s.idea_code.startswith("flowers_") for s in plan.suggestions)


def test_moments_for_a_trade_never_name_another_trades_products() -> None:
    from cm_desktop.core.onboarding import moments_source

    for country in ("FR", "BE", "CA", "GB"):
        for t in TRADES:
            source = moments_source(country, t.kind.value, t.family)
            assert source is not None
            for when, _code, title, text in source(date(2027, 1, 1), date(2027, 12, 31)):
                for lang in ("fr", "en"):
                    words = f"{getattr(title, lang)} {getattr(text, lang)}"
                    assert foreign_products(words, lang, t.family) == [], (country, t.code, when)
    assert moments_for("FR", 2027)  # the calendar itself is unchanged


@pytest.mark.parametrize("minutes", [15, 60, 180])
def test_every_chosen_network_is_in_the_plan(minutes: int) -> None:
    chosen = ("instagram", "facebook", "bluesky", "mastodon", "linkedin")
    answers = ProfileAnswers(
        BusinessKind.SHOP, (Goal.BRING_PEOPLE_IN,), minutes, "FR", "Lyon", "fr", networks=chosen,
        trade="florist",
    )  # fmt: skip
    plan = make_plan(answers, date(2027, 3, 1), "Europe/Paris")
    assert set(plan.networks) == set(chosen)
    assert {s.network for s in plan.slots} == set(chosen)
    assert plan.later_networks == ()
    assert all(networks.known(n) for n in plan.networks)
