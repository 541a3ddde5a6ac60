"""The first-run wizard's answers: who you are, what you want, how much time you have, where you post."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from cm_desktop.core import networks
from cm_desktop.core.i18n import Lang, Text
from cm_desktop.core.models import BusinessKind, BusinessProfile


class Goal(StrEnum):
    BRING_PEOPLE_IN = "bring_people_in"
    ANNOUNCE_EVENTS = "announce_events"
    SELL_ONLINE = "sell_online"
    FIND_MEMBERS = "find_members"
    BUILD_COMMUNITY = "build_community"
    BE_FOUND_LOCALLY = "be_found_locally"


class TimeBudget(IntEnum):
    """Minutes a week; the wizard offers three answers, stored as plain minutes."""

    QUARTER_HOUR = 15
    HOUR = 60
    THREE_HOURS = 180


KIND_LABELS: dict[BusinessKind, Text] = {
    BusinessKind.SHOP: Text(en="Shop", fr="Commerce"),
    BusinessKind.CRAFT: Text(en="Craftsperson", fr="Artisan ou artisane"),
    BusinessKind.ARTIST: Text(en="Artist", fr="Artiste"),
    BusinessKind.ASSOCIATION: Text(en="Association or club", fr="Association ou club"),
    BusinessKind.RESTAURANT: Text(en="Restaurant or café", fr="Restaurant ou café"),
    BusinessKind.SMALL_FIRM: Text(en="Small firm", fr="Petite entreprise"),
    BusinessKind.FREELANCER: Text(en="Freelancer", fr="Indépendant ou indépendante"),
    BusinessKind.OTHER: Text(en="Something else", fr="Autre chose"),
}

GOAL_LABELS: dict[Goal, Text] = {
    Goal.BRING_PEOPLE_IN: Text(en="Bring people through the door", fr="Faire venir du monde"),
    Goal.ANNOUNCE_EVENTS: Text(en="Announce events", fr="Annoncer des événements"),
    Goal.SELL_ONLINE: Text(en="Sell online", fr="Vendre en ligne"),
    Goal.FIND_MEMBERS: Text(en="Find members or volunteers", fr="Trouver des membres ou des bénévoles"),
    Goal.BUILD_COMMUNITY: Text(en="Build a community", fr="Fédérer une communauté"),
    Goal.BE_FOUND_LOCALLY: Text(en="Be found by people nearby", fr="Être trouvé par les gens du coin"),
}

BUDGET_LABELS: dict[TimeBudget, Text] = {
    TimeBudget.QUARTER_HOUR: Text(en="15 minutes a week", fr="15 minutes par semaine"),
    TimeBudget.HOUR: Text(en="About an hour a week", fr="Environ une heure par semaine"),
    TimeBudget.THREE_HOURS: Text(en="Three hours a week or more", fr="Trois heures par semaine ou plus"),
}


def budget_tier(weekly_minutes: int) -> TimeBudget:
    """The wizard's tier closest to a number of minutes (the profile stores plain minutes)."""
    if weekly_minutes < 40:
        return TimeBudget.QUARTER_HOUR
    if weekly_minutes < 150:
        return TimeBudget.HOUR
    return TimeBudget.THREE_HOURS


@dataclass(frozen=True)
class ProfileAnswers:
    """Everything the wizard asks. Optional fields fill idea templates; empty ones leave a visible gap."""

    kind: BusinessKind
    goals: tuple[Goal, ...]
    weekly_minutes: int
    country: str  # ISO 3166-1 alpha-2
    town: str
    language: Lang
    networks: tuple[str, ...] = ()  # chosen by the person; empty: follow the recommendation
    business_name: str = ""
    product: str = ""  # a signature product, service or activity: "croissants", "pottery classes"
    place: str = ""  # where people find you: "the shop", "the village hall"
    trade: str = ""  # a code of core.coach.trades ("florist"): the plan's ideas fit it

    @property
    def family(self) -> str | None:
        """The trade's family, whose products the plan's ideas may name (None: no product named)."""
        from cm_desktop.core.coach.trades import trade

        found = trade(self.trade) if self.trade else None
        return found.family if found is not None else None

    def __post_init__(self) -> None:
        unknown = [n for n in self.networks if not networks.known(n)]
        if unknown:
            raise ValueError(f"unknown networks {unknown}; known: {', '.join(networks.ids())}")
        if self.weekly_minutes <= 0:
            raise ValueError("weekly_minutes must be positive")

    @property
    def budget(self) -> TimeBudget:
        return budget_tier(self.weekly_minutes)

    def to_profile(self, time_zone: str, profile: BusinessProfile | None = None) -> BusinessProfile:
        """Copy the answers onto a (new or existing) BusinessProfile row; networks live on Accounts."""
        row = profile if profile is not None else BusinessProfile()
        row.name = self.business_name
        row.kind = self.kind.value
        row.town = self.town
        row.country = self.country.upper()
        row.time_zone = time_zone
        row.language = self.language
        row.goals = ",".join(g.value for g in self.goals)
        row.weekly_minutes = self.weekly_minutes
        row.trade = self.trade
        row.product = self.product
        return row


def goals_from_text(value: str) -> tuple[Goal, ...]:
    """Read BusinessProfile.goals (comma-separated codes), skipping codes this version does not know."""
    known = {g.value for g in Goal}
    return tuple(Goal(code) for code in (c.strip() for c in value.split(",")) if code in known)
