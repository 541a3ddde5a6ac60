"""Network advice: a clear table by kind, nudged by goals, explained in a sentence, in both languages."""

from __future__ import annotations

import pytest

from cm_desktop.core import networks
from cm_desktop.core.coach import Goal, network_blurb, recommend_networks
from cm_desktop.core.coach.data.networks import GOAL_TABLE, KIND_TABLE
from cm_desktop.core.models import BusinessKind as K


def _top(kind: K, goals: tuple[Goal, ...] = (), country: str = "", n: int = 3) -> list[str]:
    return [r.network for r in recommend_networks(kind, goals, country)[:n]]


@pytest.mark.parametrize("network", networks.ids())
def test_every_network_has_a_blurb_in_both_languages(network: str) -> None:
    blurb = network_blurb(network)
    assert blurb.en.strip() and blurb.fr.strip() and blurb.en != blurb.fr
    assert blurb.en.count(".") <= 2  # one plain sentence, not a paragraph


def test_unknown_network_blurb_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown network"):
        network_blurb("myspace")


def test_table_examples() -> None:
    assert set(_top(K.SHOP)) == {"facebook", "instagram", "google_business"}
    association = _top(K.ASSOCIATION)
    assert association[0] == "facebook" and {"mastodon", "bluesky"} & set(association[1:])
    artist = _top(K.ARTIST, n=4)
    assert artist[0] == "instagram" and "pinterest" in artist and {"bluesky", "mastodon"} & set(artist)
    assert _top(K.SMALL_FIRM) == ["linkedin", "facebook", "google_business"]
    assert _top(K.RESTAURANT) == ["facebook", "instagram", "google_business"]


def test_goals_move_networks_up() -> None:
    assert _top(K.CRAFT, (Goal.BE_FOUND_LOCALLY,), n=5).index("google_business") < _top(K.CRAFT, n=5).index(
        "google_business"
    )
    assert "pinterest" in _top(K.SHOP, (Goal.SELL_ONLINE,), n=4)


def test_country_breaks_the_mastodon_bluesky_tie_and_flags_the_alternative() -> None:
    swiss = [r.network for r in recommend_networks(K.ASSOCIATION, (), "CH")]
    american = [r.network for r in recommend_networks(K.ASSOCIATION, (), "US")]
    assert swiss.index("mastodon") < swiss.index("bluesky")
    assert american.index("bluesky") < american.index("mastodon")
    flagged = {r.network: r.alternative_to for r in recommend_networks(K.ASSOCIATION, (), "fr")}
    assert flagged["bluesky"] == "mastodon" and flagged["mastodon"] is None


def test_priorities_are_ranks_and_reasons_are_bilingual() -> None:
    for kind in K:
        recs = recommend_networks(kind, tuple(Goal), "FR")
        assert [r.priority for r in recs] == list(range(1, len(recs) + 1))
        assert len({r.network for r in recs}) == len(recs)
        for r in recs:
            assert r.reason.en.strip() and r.reason.fr.strip() and r.reason.en != r.reason.fr


def test_tables_cover_every_kind_and_goal_with_known_networks() -> None:
    assert set(KIND_TABLE) == set(K)
    assert set(GOAL_TABLE) == set(Goal)
    for rows in (*KIND_TABLE.values(), *GOAL_TABLE.values()):
        for network, weight, reason in rows:
            assert network in networks.ids() and weight > 0
            assert reason.en != reason.fr


def test_same_input_same_advice() -> None:
    goals = (Goal.SELL_ONLINE, Goal.BUILD_COMMUNITY)
    assert recommend_networks(K.ARTIST, goals, "BE") == recommend_networks(K.ARTIST, goals, "BE")
    # A repeated goal counts once.
    assert recommend_networks(K.ARTIST, goals + goals, "BE") == recommend_networks(K.ARTIST, goals, "BE")
