"""Searches to offer from what the set-up wizard knows: the shop's name, its town, its trade.

For a florist "Fleurs de Marie" in Lyon: "Fleurs de Marie" (people naming the shop), fleuriste Lyon (people
looking for one), #lyon and #fleurs. Every suggestion passes `query.parse`, and one the person already has
is left out.
"""

from __future__ import annotations

from collections.abc import Iterable

from cm_desktop.core.i18n import Lang
from cm_desktop.core.listening.query import BadSearch, common_word, fold, parse, same, tag_form
from cm_desktop.core.models import BusinessKind

# What people call the kind of business when they look for one (none for kinds too broad to search), as
# (English, French) pairs: words, not messages ("restaurant" is the same in both).
KIND_WORDS: dict[str, tuple[str, str]] = {
    BusinessKind.RESTAURANT.value: ("restaurant", "restaurant"),
    BusinessKind.ARTIST.value: ("artist", "artiste"),
    BusinessKind.CRAFT.value: ("craftsman", "artisan"),
    BusinessKind.ASSOCIATION.value: ("club", "association"),
}
MAX_SUGGESTIONS = 6


def suggestions(
    *,
    name: str,
    town: str,
    kind: str,
    lang: Lang,
    trade: str = "",
    existing: Iterable[str] = (),
) -> list[str]:
    """Searches worth offering, the most useful first, none the person already has."""
    name, town, trade = name.strip(), town.strip(), trade.strip()
    name_words = [w for w in name.split() if not common_word(w)]
    subject = trade or (KIND_WORDS[kind][lang == "fr"] if kind in KIND_WORDS else "")
    found: list[str] = []
    if trade and town:
        found.append(f"{trade} {town}")
    if name:
        found.append(f'"{name}"' if len(name.split()) > 1 else name)
    if subject and town and not trade:
        found.append(f"{subject} {town}")
    if town:
        found.append(f"#{tag_form(town).lower()}")
    topic = trade or (name_words[0] if name_words else "")
    if topic:
        found.append(f"#{tag_form(topic).lower()}")
    if name_words and town and fold(name_words[0]) != fold(trade):
        found.append(f"{name_words[0].lower()} {town}")
    kept: list[str] = []
    have = list(existing)
    for candidate in found:
        try:
            parse(candidate)
        except BadSearch:
            continue
        if any(same(candidate, other) for other in [*have, *kept]):
            continue
        kept.append(candidate)
    return kept[:MAX_SUGGESTIONS]
