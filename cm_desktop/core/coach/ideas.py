"""The idea library: filter post ideas by kind, goal and occasion, and fill their templates."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, replace

from cm_desktop.core.coach.content_types import IdeaEntry, Occasion
from cm_desktop.core.coach.data.ideas_common import COMMON_IDEAS
from cm_desktop.core.coach.data.ideas_kinds import KIND_IDEAS
from cm_desktop.core.coach.data.ideas_trades import TRADE_IDEAS
from cm_desktop.core.coach.profile import Goal
from cm_desktop.core.i18n import Lang, Text
from cm_desktop.core.models import BusinessKind

# The only names a template may use; the composer offers a field for each.
ALLOWED_PLACEHOLDERS: frozenset[str] = frozenset({"business", "product", "date", "place", "town"})

# What a missing value shows as, so the person sees the gap instead of a silently broken sentence.
# (Plain pairs, not Text: "date" is the same word in both languages.)
GAP_LABELS: Mapping[str, tuple[str, str]] = {
    "business": ("business name", "nom"),
    "product": ("product", "produit"),
    "date": ("date", "date"),
    "place": ("place", "lieu"),
    "town": ("town", "ville"),
}

OCCASION_LABELS: dict[Occasion, Text] = {
    Occasion.BEHIND_THE_SCENES: Text(en="Behind the scenes", fr="Coulisses"),
    Occasion.NEW_PRODUCT: Text(en="Something new", fr="Nouveauté"),
    Occasion.CUSTOMER_STORY: Text(en="Customer story", fr="Histoire de client"),
    Occasion.EVENT: Text(en="Event", fr="Événement"),
    Occasion.QUESTION: Text(en="Question to your community", fr="Question à votre communauté"),
    Occasion.TIP: Text(en="Tip of the trade", fr="Astuce de métier"),
    Occasion.THANK_YOU: Text(en="Thank-you", fr="Remerciement"),
    Occasion.LOCAL_PARTNER: Text(en="Local partner", fr="Partenaire local"),
    Occasion.MOMENT_OF_YEAR: Text(en="Moment of the year", fr="Moment de l'année"),
    Occasion.MEET_THE_TEAM: Text(en="Meet the team", fr="L'équipe"),
    Occasion.BEFORE_AFTER: Text(en="Before / after", fr="Avant / après"),
    Occasion.FAQ: Text(en="Frequently asked question", fr="Question fréquente"),
    Occasion.POLL: Text(en="Poll", fr="Sondage"),
    Occasion.MILESTONE: Text(en="Milestone", fr="Cap franchi"),
    Occasion.VOLUNTEER_CALL: Text(en="Call for volunteers", fr="Appel aux bénévoles"),
    Occasion.HOW_TO: Text(en="How-to or recipe", fr="Mode d'emploi ou recette"),
    Occasion.PRACTICAL_INFO: Text(en="Practical information", fr="Info pratique"),
}

# Ideas of the kinds' library that name one trade family's products: offered to that family only (a florist
# is a shop, and must never be offered "the first batch of the day"). The restaurants' own ideas name
# dishes: every trade of that kind is of the restaurant family.
KIND_IDEA_FAMILIES: Mapping[str, tuple[str, ...]] = {
    "shop_first_batch": ("bakery",),
    "resto_recipe": ("restaurant", "bakery", "food_shop"),
    "artist_small_format": ("visual_art",),
}

ALL_IDEAS: tuple[IdeaEntry, ...] = (
    COMMON_IDEAS
    + tuple(replace(e, families=KIND_IDEA_FAMILIES.get(e.code, e.families)) for e in KIND_IDEAS)
    + TRADE_IDEAS
)
_BY_CODE: dict[str, IdeaEntry] = {idea.code: idea for idea in ALL_IDEAS}


@dataclass(frozen=True)
class Idea:
    """An idea in one language, ready to show. `code` is stable: favourites and Post.origin keep it."""

    code: str
    occasion: Occasion
    kinds: tuple[BusinessKind, ...]  # empty: every kind
    goals: tuple[Goal, ...]
    lang: Lang
    title: str
    why: str
    template: str

    @property
    def origin(self) -> str:
        return f"idea:{self.code}"


def raw(text: Text, lang: Lang) -> str:
    """The text in one language, unformatted: Text.get would format, fill() must see the {names}."""
    return text.fr if lang == "fr" else text.en


def _localise(entry: IdeaEntry, lang: Lang) -> Idea:
    return Idea(
        code=entry.code,
        occasion=entry.occasion,
        kinds=entry.kinds,
        goals=entry.goals,
        lang=lang,
        title=raw(entry.title, lang),
        why=raw(entry.why, lang),
        template=raw(entry.template, lang),
    )


def suits(entry: IdeaEntry, kind: BusinessKind | None, family: str | None = None) -> bool:
    """Written for this kind of business (or every kind), and naming no product of another trade family:
    an idea for one family needs a trade of that family (`family` None: the trade is not known)."""
    if entry.families and family not in entry.families:
        return False
    if entry.families and family in entry.families:
        return True  # a family's idea suits all its trades, whatever kind they picked
    return kind is None or not entry.kinds or kind in entry.kinds


def ideas(
    kind: BusinessKind | None = None,
    goal: Goal | None = None,
    occasion: Occasion | None = None,
    lang: Lang = "en",
    family: str | None = None,
) -> list[Idea]:
    """Ideas matching every given filter, those written for this kind first, in library order.
    `family`: the trade family (core.coach.trades); without it no idea naming a product is offered."""
    found = [
        e
        for e in ALL_IDEAS
        if (suits(e, kind, family) if family is not None or kind is not None else True)
        and (goal is None or goal in e.goals)
        and (occasion is None or e.occasion == occasion)
    ]
    # Written for you before written for everyone; sorted() is stable, so the order stays predictable.
    found = sorted(
        found,
        key=lambda e: 0 if family is not None and family in e.families else 1 if kind in e.kinds else 2,
    )
    return [_localise(e, lang) for e in found]


def idea(code: str, lang: Lang = "en") -> Idea:
    """One idea by its stable code (a favourite, or a Post.origin 'idea:<code>')."""
    try:
        return _localise(_BY_CODE[code.removeprefix("idea:")], lang)
    except KeyError:
        raise KeyError(f"unknown idea {code!r}") from None


def placeholders(template: str) -> set[str]:
    """The {names} a template uses (format-style)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


_FIELD = re.compile(r"\{([a-z_]+)\}")
# "Voici ..., qui ..." in the library's templates: the gaps the owner fills, shown as "[…]" so that the checks
# see them (an ellipsis after a word, "chez {business}...", is punctuation and stays).
_DOTS = re.compile(r"(?<![\w.}…])\.\.\.(?![\w.])")
GAP = "[…]"


def fill(template: str, values: Mapping[str, str], lang: Lang = "en") -> str:
    """Put the values in; a missing or blank value shows as a visible gap such as "[product]"."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        value = (values.get(name) or "").strip()
        if value:
            return value
        en, fr = GAP_LABELS.get(name, (name, name))
        return f"[{fr if lang == 'fr' else en}]"

    return _FIELD.sub(one, _DOTS.sub(GAP, template))
