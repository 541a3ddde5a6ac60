"""Help content: the glossary and the step-by-step guides, looked up by stable code."""

from __future__ import annotations

import unicodedata

from cm_desktop.core.coach.content_types import GlossaryTerm, Guide
from cm_desktop.core.coach.data.glossary import GLOSSARY
from cm_desktop.core.coach.data.guides import GUIDES
from cm_desktop.core.i18n import Lang


def glossary(lang: Lang | None = None) -> list[GlossaryTerm]:
    """Every term; sorted alphabetically in `lang` when given (for an index), else in authoring order."""
    terms = list(GLOSSARY)
    if lang is not None:
        terms.sort(key=lambda t: _sort_key(t.term.fr if lang == "fr" else t.term.en))
    return terms


def _sort_key(word: str) -> str:
    # "Événement" sorts with the E's, as in a printed index.
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def term(code: str) -> GlossaryTerm:
    for entry in GLOSSARY:
        if entry.code == code:
            return entry
    raise KeyError(f"unknown glossary term {code!r}")


def guides() -> list[Guide]:
    return list(GUIDES)


def guide(code: str) -> Guide:
    for entry in GUIDES:
        if entry.code == code:
            return entry
    raise KeyError(f"unknown guide {code!r}")
