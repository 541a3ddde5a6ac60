"""Moments: public holidays and curated dates per country and year, checked against rules and known dates."""

from __future__ import annotations

import string
from datetime import date, time, timedelta

import holidays
import pytest

from cm_desktop.core.moments import (
    BUSINESS_KINDS,
    Moment,
    MomentKind,
    UnknownCountry,
    moments_for,
    notes_for,
    upcoming,
)
from cm_desktop.core.moments import dates as d
from cm_desktop.core.moments.curated import CURATED

YEARS = range(2026, 2031)
COUNTRIES = ["FR", "BE", "CH", "CA", "GB", "US"]
# Other subdivisions worth walking too: a canton, another province, the other UK nations.
EXTRA = [("CH", "VD"), ("CH", "GE"), ("CA", "ON"), ("GB", "SCT"), ("GB", "NIR"), ("GB", "WLS")]


def one(country: str, year: int, code: str, subdivision: str | None = None) -> Moment:
    [moment] = [m for m in moments_for(country, year, subdivision) if m.code == code]
    return moment


def starts(country: str, code: str, years: range = YEARS) -> dict[int, date]:
    return {y: one(country, y, code).start for y in years}


# --- the date rules ---------------------------------------------------------------------------------------


def test_nth_weekday() -> None:
    assert d.nth_weekday(2026, 1, d.WED, 1) == date(2026, 1, 7)
    assert d.nth_weekday(2026, 1, d.WED, 2) == date(2026, 1, 14)
    assert d.nth_weekday(2026, 6, d.WED, -1) == date(2026, 6, 24)
    assert d.nth_weekday(2027, 6, d.WED, -1) == date(2027, 6, 30)
    assert d.nth_weekday(2027, 6, d.WED, -2) == date(2027, 6, 23)
    assert d.nth_weekday(2026, 12, d.THU, -1) == date(2026, 12, 31)
    with pytest.raises(ValueError):
        d.nth_weekday(2026, 1, d.MON, 0)


def test_easter_matches_known_dates_and_the_holidays_package() -> None:
    known = {
        2026: date(2026, 4, 5),
        2027: date(2027, 3, 28),
        2028: date(2028, 4, 16),
        2029: date(2029, 4, 1),
        2030: date(2030, 4, 21),
        2024: date(2024, 3, 31),
    }
    assert {y: d.easter_sunday(y) for y in known} == known
    for year in range(2000, 2100):
        mondays = [
            day
            for day, name in holidays.country_holidays("FR", years=year, language="en_US").items()
            if name == "Easter Monday"
        ]
        assert mondays == [d.easter_sunday(year) + timedelta(days=1)], year


# --- Mother's and Father's Days ---------------------------------------------------------------------------


def test_french_mothers_day_is_the_last_sunday_of_may() -> None:
    assert starts("FR", "mothers_day") == {
        2026: date(2026, 5, 31),
        2027: date(2027, 5, 30),
        2028: date(2028, 5, 28),
        2029: date(2029, 5, 27),
        2030: date(2030, 5, 26),
    }


def test_french_mothers_day_moves_to_june_when_it_falls_on_pentecost() -> None:
    # Computed: the years 2026-2035 whose last Sunday of May is Pentecost Sunday.
    moved = [y for y in range(2026, 2036) if d.nth_weekday(y, 5, d.SUN, -1) == d.pentecost_sunday(y)]
    assert moved == [2034]
    assert d.pentecost_sunday(2034) == date(2034, 5, 28)
    assert one("FR", 2034, "mothers_day").start == date(2034, 6, 4)
    # Past years when it happened, as celebrated: 7 June 2020 and 4 June 2023; 2024 stayed in May.
    assert d.fr_mothers_day(2020) == date(2020, 6, 7)
    assert d.fr_mothers_day(2023) == date(2023, 6, 4)
    assert d.fr_mothers_day(2024) == date(2024, 5, 26)


@pytest.mark.parametrize("country", ["BE", "CH", "CA", "US"])
def test_second_sunday_of_may_mothers_day(country: str) -> None:
    assert starts(country, "mothers_day") == {
        2026: date(2026, 5, 10),
        2027: date(2027, 5, 9),
        2028: date(2028, 5, 14),
        2029: date(2029, 5, 13),
        2030: date(2030, 5, 12),
    }


def test_uk_mothering_sunday_is_three_weeks_before_easter() -> None:
    assert starts("GB", "mothers_day") == {
        2026: date(2026, 3, 15),
        2027: date(2027, 3, 7),
        2028: date(2028, 3, 26),
        2029: date(2029, 3, 11),
        2030: date(2030, 3, 31),
    }
    assert one("GB", 2026, "mothers_day").title.en == "Mothering Sunday"


def test_fathers_days() -> None:
    third = {
        2026: date(2026, 6, 21),
        2027: date(2027, 6, 20),
        2028: date(2028, 6, 18),
        2029: date(2029, 6, 17),
        2030: date(2030, 6, 16),
    }
    for country in ("FR", "CA", "US", "GB"):
        assert starts(country, "fathers_day") == third
    assert starts("BE", "fathers_day") == {y: day - timedelta(weeks=1) for y, day in third.items()}
    assert starts("CH", "fathers_day") == {y: day - timedelta(weeks=2) for y, day in third.items()}


# --- sales ------------------------------------------------------------------------------------------------

# Computed by the rule and checked by hand against each January and June calendar.
FR_WINTER = {
    2026: date(2026, 1, 7),
    2027: date(2027, 1, 6),
    2028: date(2028, 1, 12),
    2029: date(2029, 1, 10),
    2030: date(2030, 1, 9),
}
FR_SUMMER = {
    2026: date(2026, 6, 24),
    2027: date(2027, 6, 23),
    2028: date(2028, 6, 28),
    2029: date(2029, 6, 27),
    2030: date(2030, 6, 26),
}


def test_french_sales_follow_the_rule_for_2026_to_2030() -> None:
    assert starts("FR", "winter_sales") == FR_WINTER
    assert starts("FR", "summer_sales") == FR_SUMMER
    for year in YEARS:
        for code in ("winter_sales", "summer_sales"):
            sale = one("FR", year, code)
            assert sale.start.weekday() == d.WED
            assert sale.end == sale.start + timedelta(days=27)  # four weeks, ending on a Tuesday
            assert sale.start_time == time(8, 0)
            assert not sale.approximate and sale.note is not None


def test_french_sales_rule_matches_published_past_dates() -> None:
    published_winter = {
        2019: date(2019, 1, 9),
        2020: date(2020, 1, 8),
        2022: date(2022, 1, 12),
        2023: date(2023, 1, 11),
        2024: date(2024, 1, 10),
        2025: date(2025, 1, 8),
    }
    published_summer = {
        2015: date(2015, 6, 24),
        2017: date(2017, 6, 28),
        2019: date(2019, 6, 26),
        2022: date(2022, 6, 22),
        2023: date(2023, 6, 28),
    }
    assert {y: d.fr_winter_sales_start(y) for y in published_winter} == published_winter
    assert {y: d.fr_summer_sales_start(y) for y in published_summer} == published_summer
    assert one("FR", 2025, "winter_sales").end == date(2025, 2, 4)  # 8 Jan - 4 Feb 2025


def test_belgian_sales_move_a_day_earlier_when_they_would_start_on_a_sunday() -> None:
    assert (one("BE", 2026, "winter_sales").start, one("BE", 2026, "winter_sales").end) == (
        date(2026, 1, 3),
        date(2026, 1, 31),
    )
    assert one("BE", 2027, "winter_sales").start == date(2027, 1, 2)  # 3 January 2027 is a Sunday
    assert one("BE", 2029, "summer_sales").start == date(2029, 6, 30)  # 1 July 2029 is a Sunday
    assert (one("BE", 2030, "summer_sales").start, one("BE", 2030, "summer_sales").end) == (
        date(2030, 7, 1),
        date(2030, 7, 31),
    )


# --- shopping days ----------------------------------------------------------------------------------------

THANKSGIVING = {
    2026: date(2026, 11, 26),
    2027: date(2027, 11, 25),
    2028: date(2028, 11, 23),
    2029: date(2029, 11, 22),
    2030: date(2030, 11, 28),
}


def test_us_thanksgiving_and_the_days_after() -> None:
    for year, thursday in THANKSGIVING.items():
        assert one("US", year, "holiday:thanksgiving-day").start == thursday
        assert one("US", year, "black_friday").start == thursday + timedelta(days=1)
        assert one("US", year, "small_business_saturday").start == thursday + timedelta(days=2)
        assert one("US", year, "cyber_monday").start == thursday + timedelta(days=4)
        assert one("US", year, "giving_tuesday").start == thursday + timedelta(days=5)
        # The same US-driven dates elsewhere.
        assert one("FR", year, "black_friday").start == thursday + timedelta(days=1)


def test_uk_small_business_saturday_is_the_first_saturday_of_december() -> None:
    assert starts("GB", "small_business_saturday") == {
        2026: date(2026, 12, 5),
        2027: date(2027, 12, 4),
        2028: date(2028, 12, 2),
        2029: date(2029, 12, 1),
        2030: date(2030, 12, 7),
    }


def test_fixed_and_weekend_dates() -> None:
    assert one("FR", 2026, "candlemas").start == date(2026, 2, 2)
    assert one("BE", 2026, "epiphany").start == date(2026, 1, 6)
    assert one("CH", 2026, "saint_nicolas").start == date(2026, 12, 6)
    assert one("US", 2026, "halloween").start == date(2026, 10, 31)
    assert one("FR", 2026, "music_day").start == date(2026, 6, 21)
    assert one("FR", 2026, "world_book_day").start == date(2026, 4, 23)
    assert one("GB", 2026, "world_book_day").start == date(2026, 3, 5)  # first Thursday of March
    heritage = one("FR", 2025, "heritage_days")
    assert (heritage.start, heritage.end) == (date(2025, 9, 20), date(2025, 9, 21))
    assert one("FR", 2024, "heritage_days").start == date(2024, 9, 21)
    crafts = one("FR", 2025, "crafts_days")  # JEMA 2025: 31 March - 6 April
    assert (crafts.start, crafts.end, crafts.approximate) == (date(2025, 3, 31), date(2025, 4, 6), True)
    markets = one("FR", 2026, "christmas_markets")
    assert markets.end == date(2026, 12, 24) and markets.start.weekday() == d.FRI and markets.approximate


def test_france_has_no_saint_nicolas_entry_and_only_quebec_has_culture_days() -> None:
    assert not [m for m in moments_for("FR", 2026) if m.code == "saint_nicolas"]
    assert [m.code for m in moments_for("CA", 2026) if m.code == "culture_days"] == ["culture_days"]
    assert not [m for m in moments_for("CA", 2026, "ON") if m.code == "culture_days"]


# --- public holidays --------------------------------------------------------------------------------------


def test_public_holidays_come_in_both_languages() -> None:
    national = one("FR", 2026, "holiday:national-day")
    assert (national.start, national.title.en, national.title.fr) == (
        date(2026, 7, 14),
        "National Day",
        "Fête nationale",
    )
    assert national.kind is MomentKind.HOLIDAY
    quebec = one("CA", 2026, "holiday:saint-jean-baptiste-day")  # Quebec is the default for Canada
    assert (quebec.start, quebec.title.fr) == (date(2026, 6, 24), "Fête nationale du Québec")
    assert not [m for m in moments_for("CA", 2026, "ON") if m.start == date(2026, 6, 24)]


@pytest.mark.parametrize(
    ("country", "subdivision"), [("GB", "ENG"), ("GB", "SCT"), ("GB", "NIR"), ("GB", "WLS"), ("US", None)]
)
def test_uk_and_us_holidays_have_a_french_name(country: str, subdivision: str | None) -> None:
    for year in YEARS:
        for m in moments_for(country, year, subdivision, kinds={"holiday"}):
            assert m.title.fr != m.title.en, (year, m.title.en)


def test_switzerland_without_a_canton_shows_national_days_and_says_why() -> None:
    national = {m.code for m in moments_for("CH", 2026, kinds={"holiday"})}
    assert national == {
        "holiday:new-years-day",
        "holiday:ascension-day",
        "holiday:national-day",
        "holiday:christmas-day",
    }
    assert notes_for("CH") and notes_for("CH", "VD") == []
    vaud = {m.code for m in moments_for("CH", 2026, "VD", kinds={"holiday"})}
    assert "holiday:good-friday" in vaud and national <= vaud


def test_england_is_the_default_for_the_uk() -> None:
    assert moments_for("UK", 2026) == moments_for("GB", 2026, "ENG") == moments_for("gb", 2026)
    assert not [m for m in moments_for("GB", 2026) if "andrew" in m.code]
    assert [m for m in moments_for("GB", 2026, "SCT") if "andrew" in m.code]


def test_a_curated_entry_replaces_the_holiday_of_the_same_day() -> None:
    belgium = moments_for("BE", 2026)
    assert [m.code for m in belgium if m.start == date(2026, 4, 5)] == ["easter"]
    ulster = moments_for("GB", 2026, "NIR")
    assert [m.code for m in ulster if m.start == date(2026, 3, 17)] == ["st_patricks_day"]


def test_an_unknown_country_is_refused() -> None:
    with pytest.raises(UnknownCountry):
        moments_for("XX", 2026)
    with pytest.raises(UnknownCountry):
        moments_for("FR", 2026, "not-a-region")


def test_another_country_gets_its_holidays_and_the_international_days() -> None:
    germany = moments_for("DE", 2026)
    codes = {m.code for m in germany}
    assert {"womens_day", "earth_day", "volunteer_day"} <= codes
    assert "holiday:german-unity-day" in codes
    assert "winter_sales" not in codes


# --- every moment is complete -----------------------------------------------------------------------------


def _fields(template: str) -> list[str]:
    return sorted(f for _, f, _, _ in string.Formatter().parse(template) if f)


def _all() -> list[tuple[str, int, Moment]]:
    places = [(c, None) for c in COUNTRIES] + EXTRA
    return [(f"{c}/{s}", y, m) for c, s in places for y in YEARS for m in moments_for(c, y, s)]


def test_every_moment_is_complete_in_both_languages() -> None:
    everything = _all()
    assert len(everything) > 700
    for where, year, m in everything:
        label = (where, year, m.code)
        assert m.title.en.strip() and m.title.fr.strip(), label
        assert m.idea.en.strip() and m.idea.fr.strip() and m.idea.en != m.idea.fr, label
        assert _fields(m.idea.en) == _fields(m.idea.fr) == [], label  # no placeholder left unfilled
        if m.note is not None:
            assert m.note.en.strip() and m.note.fr.strip() and m.note.en != m.note.fr, label
        assert m.lead_days > 0, label
        assert m.start <= m.end and m.start.year == year, label
        assert m.business_kinds <= BUSINESS_KINDS, label
        assert isinstance(m.kind, MomentKind), label
        assert m.plan_from == m.start - timedelta(days=m.lead_days)


@pytest.mark.parametrize("country", COUNTRIES)
def test_no_duplicates_and_sorted_by_date(country: str) -> None:
    for year in YEARS:
        moments = moments_for(country, year)
        codes = [m.code for m in moments]
        assert len(codes) == len(set(codes)), (country, year)
        titled = [(m.title.en, m.start) for m in moments]
        assert len(titled) == len(set(titled)), (country, year)
        assert [m.start for m in moments] == sorted(m.start for m in moments)


def test_curated_table_codes_are_unique_per_country() -> None:
    seen: set[tuple[str, str]] = set()
    for spec in CURATED:
        for country in spec.countries:
            assert (country, spec.code) not in seen, (country, spec.code)
            seen.add((country, spec.code))


def test_approximate_entries_are_the_ones_without_a_fixed_rule() -> None:
    approximate = {m.code for c in COUNTRIES for m in moments_for(c, 2026) if m.approximate}
    assert approximate == {
        "christmas_markets",
        "back_to_school",
        "crafts_days",
        "heritage_days",
        "taste_week",
        "neighbours_day",
        "local_shops_day",
        "culture_days",
        "world_book_day",
    }
    assert not one("FR", 2026, "heritage_days").approximate and one("BE", 2026, "heritage_days").approximate


# --- filters and upcoming ---------------------------------------------------------------------------------


def test_filters_by_moment_kind_and_business_kind() -> None:
    holidays_only = moments_for("FR", 2026, kinds={"holiday"})
    assert holidays_only and {m.kind for m in holidays_only} == {MomentKind.HOLIDAY}
    seasons = moments_for("FR", 2026, kinds={MomentKind.SEASON, "commercial"})
    assert {m.kind for m in seasons} == {MomentKind.SEASON, MomentKind.COMMERCIAL}
    association = {m.code for m in moments_for("FR", 2026, business_kind="association")}
    assert "giving_tuesday" in association and "volunteer_day" in association
    assert "winter_sales" not in association and "black_friday" not in association
    assert "holiday:national-day" in association  # holidays matter to everyone
    shop = {m.code for m in moments_for("FR", 2026, business_kind="shop")}
    assert "winter_sales" in shop and "giving_tuesday" not in shop


def test_upcoming_crosses_the_new_year() -> None:
    got = upcoming("FR", date(2026, 12, 20), 30)
    assert [(m.code, m.start) for m in got] == [
        ("christmas_markets", date(2026, 11, 20)),  # under way until 24 December
        ("holiday:christmas-day", date(2026, 12, 25)),
        ("holiday:new-years-day", date(2027, 1, 1)),
        ("epiphany", date(2027, 1, 6)),
        ("winter_sales", date(2027, 1, 6)),
    ]
    assert [m.code for m in upcoming("FR", date(2026, 12, 20), 30, kind="holiday")] == [
        "holiday:christmas-day",
        "holiday:new-years-day",
    ]
    assert [m.code for m in upcoming("FR", date(2026, 12, 20), 30, business_kind="association")] == [
        "christmas_markets",
        "holiday:christmas-day",
        "holiday:new-years-day",
        "epiphany",
    ]


def test_upcoming_includes_a_period_that_started_last_year_and_the_edges() -> None:
    # A period running over New Year would come from the year before; sales started in early January do.
    got = upcoming("FR", date(2027, 1, 20), 0)
    assert [m.code for m in got] == ["winter_sales"]
    assert [m.code for m in upcoming("US", date(2026, 11, 26), 0)] == [
        "christmas_markets",
        "holiday:thanksgiving-day",
    ]
    last_day = upcoming("US", date(2026, 11, 20), 6)
    assert "holiday:thanksgiving-day" in [m.code for m in last_day]
    assert "black_friday" not in [m.code for m in last_day]
    with pytest.raises(ValueError):
        upcoming("US", date(2026, 11, 20), -1)


def test_upcoming_over_a_whole_year_matches_moments_for() -> None:
    got = upcoming("BE", date(2027, 1, 1), 364)
    assert [(m.code, m.start) for m in got if m.start.year == 2027] == [
        (m.code, m.start) for m in moments_for("BE", 2027)
    ]
