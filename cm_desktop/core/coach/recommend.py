"""Which networks to start with: a weighted table by kind, nudged by goals, ties broken by country."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from cm_desktop.core import networks
from cm_desktop.core.coach.data.networks import (
    ALTERNATIVES,
    BLURBS,
    GOAL_TABLE,
    KIND_TABLE,
    MASTODON_FIRST_COUNTRIES,
)
from cm_desktop.core.coach.profile import Goal
from cm_desktop.core.i18n import Text
from cm_desktop.core.models import BusinessKind

# Small enough never to outweigh a real reason; only breaks Mastodon/Bluesky ties.
_COUNTRY_NUDGE = 0.5


@dataclass(frozen=True)
class Recommendation:
    network: str
    reason: Text
    priority: int  # 1 = start here
    alternative_to: str | None = None  # e.g. bluesky when mastodon ranks higher: pick one of the two


def network_blurb(network: str) -> Text:
    """One plain sentence saying what a network is and who is there."""
    try:
        return BLURBS[network]
    except KeyError:
        raise ValueError(f"unknown network {network!r}; known: {', '.join(networks.ids())}") from None


def recommend_networks(kind: BusinessKind, goals: Iterable[Goal], country: str = "") -> list[Recommendation]:
    """Networks worth starting with, best first, each with the reason that weighed most."""
    scores: dict[str, float] = {}
    best_reason: dict[str, tuple[float, Text]] = {}

    def add(network: str, weight: float, reason: Text) -> None:
        scores[network] = scores.get(network, 0.0) + weight
        # Strictly greater: on a tie the kind's reason (added first) stays, it is the more specific one.
        if network not in best_reason or weight > best_reason[network][0]:
            best_reason[network] = (weight, reason)

    for network, weight, reason in KIND_TABLE[kind]:
        add(network, weight, reason)
    for goal in dict.fromkeys(goals):  # a goal given twice counts once
        for network, weight, reason in GOAL_TABLE[goal]:
            add(network, weight, reason)

    favoured = "mastodon" if country.upper() in MASTODON_FIRST_COUNTRIES else "bluesky"
    if favoured in scores:
        scores[favoured] += _COUNTRY_NUDGE

    # Ties fall back to the registry's order, so the result never depends on dict or set order.
    order = networks.ids()
    ranked = sorted(scores, key=lambda n: (-scores[n], order.index(n)))
    out: list[Recommendation] = []
    for rank, network in enumerate(ranked, start=1):
        rival = next(
            (r.network for r in out for group in ALTERNATIVES if {network, r.network} <= group),
            None,
        )
        out.append(Recommendation(network, best_reason[network][1], rank, alternative_to=rival))
    return out
