"""Public holidays from the `holidays` package, as moments with names in English and French."""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import threading
from datetime import date
from typing import Any

from cm_desktop.core.i18n import Text
from cm_desktop.core.moments.model import Moment, MomentKind

# The English flavour each country's names are asked for in; French comes from the package where it
# ships a French translation, else from FRENCH_NAMES below.
ENGLISH = {"CA": "en_CA", "GB": "en_GB", "US": "en_US"}

# The package has no French for the UK and the US.
FRENCH_NAMES = {
    "Battle of the Boyne": "Bataille de la Boyne",
    "Boxing Day": "Lendemain de Noël (Boxing Day)",
    "Christmas Day": "Noël",
    "Coronation of Charles III": "Couronnement de Charles III",
    "Easter Monday": "Lundi de Pâques",
    "Good Friday": "Vendredi saint",
    "Late Summer Bank Holiday": "Jour férié de fin d'été",
    "May Day": "Jour férié de mai",
    "New Year Holiday": "Jour férié du Nouvel An",
    "New Year's Day": "Jour de l'an",
    "Platinum Jubilee of Elizabeth II": "Jubilé de platine d'Élisabeth II",
    "Saint Andrew's Day": "Saint-André",
    "Saint Patrick's Day": "Saint-Patrick",
    "Scotland's participation in the FIFA World Cup final": "Participation de l'Écosse à la Coupe du monde de la FIFA",
    "Spring Bank Holiday": "Jour férié de printemps",
    "State Funeral of Queen Elizabeth II": "Funérailles nationales de la reine Élisabeth II",
    "Summer Bank Holiday": "Jour férié d'été",
    "Columbus Day": "Jour de Christophe Colomb (Columbus Day)",
    "Independence Day": "Jour de l'Indépendance",
    "Juneteenth National Independence Day": "Juneteenth (fin de l'esclavage)",
    "Labor Day": "Fête du Travail (Labor Day)",
    "Martin Luther King Jr. Day": "Journée Martin Luther King",
    "Memorial Day": "Memorial Day (jour du Souvenir)",
    "Thanksgiving Day": "Thanksgiving (Action de grâce)",
    "Veterans Day": "Journée des anciens combattants",
    "Washington's Birthday": "Anniversaire de Washington (Presidents' Day)",
}
OBSERVED_EN = " (observed)"
OBSERVED_FR = " (jour férié reporté)"

HOURS_IDEA = Text(
    en="Post your opening hours for {name} a few days before: closed, open as usual, or special hours.",
    fr="Publiez vos horaires pour {name} quelques jours avant : fermé, ouvert comme d'habitude ou horaires "
    "spéciaux.",
)
NATIONAL_IDEA = Text(
    en="For {name}, share what you love about your town or your region: a local product, a place, a person "
    "you work with.",
    fr="Pour {name}, partagez ce que vous aimez dans votre ville ou votre région : un produit local, un lieu, "
    "une personne avec qui vous travaillez.",
)
NEW_YEAR_IDEA = Text(
    en="For {name}, thank your customers or members for the year with a photo of your team or your place, "
    "and share one thing you look forward to.",
    fr="Pour {name}, remerciez vos clients ou adhérents pour l'année avec une photo de l'équipe ou du lieu, "
    "et partagez ce que vous attendez de la suivante.",
)
IDEAS_BY_NAME = {
    "New Year's Day": NEW_YEAR_IDEA,
    "National Day": NATIONAL_IDEA,
    "Canada Day": NATIONAL_IDEA,
    "Independence Day": NATIONAL_IDEA,
    "Saint Jean Baptiste Day": NATIONAL_IDEA,
}
HOLIDAY_LEAD_DAYS = 7


def _french(name_en: str, name_fr: str | None) -> str:
    if name_fr:
        return name_fr
    if name_en.endswith(OBSERVED_EN):
        base = name_en.removesuffix(OBSERVED_EN)
        return FRENCH_NAMES.get(base, base) + OBSERVED_FR
    return FRENCH_NAMES.get(name_en, name_en)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower().replace("'", "")).strip("-")


_CLASSES: dict[str, Any] = {}
_CLASSES_LOCK = threading.Lock()  # the calendar, the home page and the wizard read from worker threads


def _country_holidays(country: str, subdivision: str | None, year: int, language: str) -> Any:
    """`holidays.country_holidays`, importing only this country's module: the package's own lookup imports
    `holidays.countries`, whose __init__ imports every country (~250 modules, ~6 MiB, ~150 ms) for one."""
    # Imported here: the package costs ~40 ms to import, kept off the app's start-up path.
    import holidays

    entity = _country_class(country)
    if entity is None:  # not in the package's registry: its own lookup says so (NotImplementedError)
        return holidays.country_holidays(country, subdiv=subdivision, years=year, language=language)
    return entity(years=year, subdiv=subdivision, language=language)


def _country_class(country: str) -> Any:
    """The class of the country with this code, its module loaded alone (None: no such country)."""
    from holidays.registry import COUNTRIES

    with _CLASSES_LOCK:
        if country in _CLASSES:
            return _CLASSES[country]
        found = next(((m, names[0]) for m, names in COUNTRIES.items() if country in names[1:]), None)
        if found is None:
            return None
        module_name, class_name = f"holidays.countries.{found[0]}", found[1]
        module = sys.modules.get(module_name) or _load_alone(module_name)
        if module is None:
            module = importlib.import_module(module_name)  # the package's usual way: every country
        _CLASSES[country] = getattr(module, class_name)
        return _CLASSES[country]


def _load_alone(module_name: str) -> Any:
    """`holidays.countries.<name>` without running `holidays.countries`' __init__: found by the import
    system's own finders in the package's folder (files in a source tree or a wheel, the archive of a frozen
    bundle), as a normal import would, minus the parent. None when that is not possible here."""
    package = importlib.util.find_spec("holidays.countries")  # found, not run
    path = package.submodule_search_locations if package is not None else None
    if not path:
        return None
    for finder in sys.meta_path:
        find_spec = getattr(finder, "find_spec", None)
        spec = find_spec(module_name, list(path)) if find_spec is not None else None
        if spec is None:
            continue
        if spec.loader is None:
            return None
        module = importlib.util.module_from_spec(spec)
        # Registered under its own name: a later import of the whole package reuses it.
        sys.modules[module_name] = module
        try:
            spec.loader.exec_module(module)
        except Exception:
            del sys.modules[module_name]
            return None  # the caller imports it the usual way
        return module
    return None


def public_holidays(country: str, year: int, subdivision: str | None) -> list[Moment]:
    """The public holidays of one country (and subdivision) in one year."""
    english = _country_holidays(country, subdivision, year, ENGLISH.get(country, "en_US"))
    french = None
    if "fr" in english.supported_languages:
        french = _country_holidays(country, subdivision, year, "fr")
    out: list[Moment] = []
    for day in sorted(english):
        assert isinstance(day, date)
        names_en = english.get_list(day)
        # The same definitions in the same order, only translated: pair them by position.
        names_fr: list[str | None] = list(french.get_list(day)) if french is not None else []
        if len(names_fr) != len(names_en):
            names_fr = [None] * len(names_en)
        for name_en, name_fr in zip(names_en, names_fr, strict=True):
            fr = _french(name_en, name_fr)
            base = name_en.removesuffix(OBSERVED_EN)
            idea = IDEAS_BY_NAME.get(base, HOURS_IDEA)
            out.append(
                Moment(
                    code=f"holiday:{_slug(name_en)}",
                    country=country,
                    title=Text(en=name_en, fr=fr),
                    start=day,
                    end=day,
                    kind=MomentKind.HOLIDAY,
                    idea=Text(en=idea.en.format(name=name_en), fr=idea.fr.format(name=fr)),
                    lead_days=HOLIDAY_LEAD_DAYS,
                )
            )
    return out
