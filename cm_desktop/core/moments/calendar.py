"""moments_for() and upcoming(): the public holidays and curated moments of a country, per year."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from cm_desktop.core.i18n import Text
from cm_desktop.core.moments.curated import CURATED
from cm_desktop.core.moments.model import Moment, MomentKind
from cm_desktop.core.moments.public import public_holidays

# Countries with a curated table; any other country the `holidays` package knows gets its public
# holidays plus the international days.
CURATED_COUNTRIES = ("FR", "BE", "CH", "CA", "GB", "US")
ALIASES = {"UK": "GB"}
# Where one region is the sensible default: England for the UK (its bank holidays differ from
# Scotland's and Northern Ireland's), Quebec for Canada (our French-speaking Canadian users).
DEFAULT_SUBDIVISION = {"GB": "ENG", "CA": "QC"}

SWISS_CANTONS_NOTE = Text(
    en="In Switzerland most public holidays are set by each canton: choose your canton to see them all.",
    fr="En Suisse, la plupart des jours fériés sont fixés par chaque canton : choisissez votre canton pour "
    "les voir tous.",
)
FRENCH_REGIONS_NOTE = Text(
    en="Alsace and Moselle have two more public holidays (Good Friday, 26 December), and some départements "
    "have other sales dates.",
    fr="L'Alsace et la Moselle ont deux jours fériés de plus (Vendredi saint, 26 décembre), et certains "
    "départements ont d'autres dates de soldes.",
)
BELGIAN_MOTHERS_NOTE = Text(
    en="In the province of Antwerp, Mother's Day is on 15 August rather than in May.",
    fr="Dans la province d'Anvers, la fête des mères a lieu le 15 août et non en mai.",
)


class UnknownCountry(ValueError):
    pass


def normalise_country(country: str, subdivision: str | None) -> tuple[str, str | None]:
    code = country.strip().upper()
    code = ALIASES.get(code, code)
    if subdivision is None:
        subdivision = DEFAULT_SUBDIVISION.get(code)
    return code, subdivision


def notes_for(country: str, subdivision: str | None = None) -> list[Text]:
    """Caveats about a country's calendar worth showing once near the list of moments."""
    code, sub = normalise_country(country, subdivision)
    if code == "CH" and sub is None:
        return [SWISS_CANTONS_NOTE]
    if code == "FR":
        return [FRENCH_REGIONS_NOTE]
    if code == "BE":
        return [BELGIAN_MOTHERS_NOTE]
    return []


@lru_cache(maxsize=64)
def _year(country: str, year: int, subdivision: str | None) -> tuple[Moment, ...]:
    try:
        holidays = public_holidays(country, year, subdivision)
    except NotImplementedError as exc:  # the package's way to say "no such country or subdivision"
        raise UnknownCountry(f"no calendar for {country!r} / {subdivision!r}") from exc
    tags = {country, "*"}
    if subdivision:
        tags.add(f"{country}-{subdivision}")
    curated: list[Moment] = []
    replaced: set[tuple[str, date]] = set()
    for spec in CURATED:
        if not spec.countries & tags:
            continue
        start, end = spec.rule(year)
        curated.append(
            Moment(
                code=spec.code,
                country=country,
                title=spec.title,
                start=start,
                end=end,
                kind=spec.kind,
                idea=spec.idea,
                lead_days=spec.lead_days,
                business_kinds=spec.business_kinds,
                approximate=spec.approximate,
                note=spec.note,
                start_time=spec.start_time,
            )
        )
        replaced.update((name, start) for name in spec.replaces)
    kept = [h for h in holidays if (h.title.en, h.start) not in replaced]
    out: list[Moment] = []
    seen: set[str] = set()
    for moment in sorted([*kept, *curated], key=_order):
        if moment.code in seen:  # a name used twice in a year (rare, e.g. a re-observed day): keep both
            moment = replace(moment, code=f"{moment.code}@{moment.start.isoformat()}")
        seen.add(moment.code)
        out.append(moment)
    return tuple(out)


def _order(moment: Moment) -> tuple[date, date, int, str]:
    # Holidays first on a shared day: opening hours matter more than a theme.
    return moment.start, moment.end, 0 if moment.kind is MomentKind.HOLIDAY else 1, moment.code


def _filter(
    moments: Iterable[Moment], kinds: Iterable[str] | None, business_kind: str | None
) -> list[Moment]:
    wanted = {MomentKind(k) for k in kinds} if kinds is not None else None
    return [m for m in moments if (wanted is None or m.kind in wanted) and m.relevant_to(business_kind)]


def moments_for(
    country: str,
    year: int,
    subdivision: str | None = None,
    kinds: set[str] | None = None,
    *,
    business_kind: str | None = None,
) -> list[Moment]:
    """Every moment of `year` in `country`, sorted by date.

    `kinds` keeps only those moment kinds (holiday, commercial, community, season); `business_kind`
    keeps the moments relevant to that kind of business. Raises UnknownCountry for a country or
    subdivision the `holidays` package does not know.
    """
    code, sub = normalise_country(country, subdivision)
    return _filter(_year(code, year, sub), kinds, business_kind)


def upcoming(
    country: str,
    today: date,
    days: int,
    kind: str | None = None,
    *,
    subdivision: str | None = None,
    business_kind: str | None = None,
) -> list[Moment]:
    """Moments that are on or start within `days` days from `today` (inclusive), across year ends.

    A period already under way (sales started yesterday) is included: it is still worth a post.
    """
    if days < 0:
        raise ValueError("days must be >= 0")
    last = today + timedelta(days=days)
    code, sub = normalise_country(country, subdivision)
    found: dict[tuple[str, date], Moment] = {}
    # The year before too: a period that started last year may still run.
    for year in range(today.year - 1, last.year + 1):
        for moment in _year(code, year, sub):
            if moment.overlaps(today, last):
                found[(moment.code, moment.start)] = moment
    kinds = {kind} if kind is not None else None
    return _filter(sorted(found.values(), key=_order), kinds, business_kind)
