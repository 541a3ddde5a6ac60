"""Date rules behind the moments: weekdays of a month, Easter, and the rules the law sets for sales.

Everything is computed per year from a rule; nothing here is a per-year table.
"""

from __future__ import annotations

from datetime import date, timedelta

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based) `weekday` of the month; n=-1 is the last, n=-2 the one before."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    if n < 0:
        following = date(year + month // 12, month % 12 + 1, 1)
        last = following - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))
    raise ValueError("n must not be 0")


def weekday_on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def easter_sunday(year: int) -> date:
    """Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def pentecost_sunday(year: int) -> date:
    return easter_sunday(year) + timedelta(days=49)


def us_thanksgiving(year: int) -> date:
    """Fourth Thursday of November (5 U.S.C. 6103)."""
    return nth_weekday(year, 11, THU, 4)


def black_friday(year: int) -> date:
    return us_thanksgiving(year) + timedelta(days=1)


def first_advent_sunday(year: int) -> date:
    """The fourth Sunday before Christmas Day (between Nov 27 and Dec 3)."""
    return weekday_on_or_before(date(year, 12, 24), SUN) - timedelta(weeks=3)


def fr_mothers_day(year: int) -> date:
    """Code de l'action sociale et des familles, art. D215-1: last Sunday of May, or the first Sunday
    of June when the last Sunday of May is Pentecost Sunday."""
    last_may = nth_weekday(year, 5, SUN, -1)
    if last_may == pentecost_sunday(year):
        return nth_weekday(year, 6, SUN, 1)
    return last_may


def fr_winter_sales_start(year: int) -> date:
    """Second Wednesday of January, brought forward to the first when the second is after the 12th.

    Code de commerce art. L310-3; the dates are set by the arrêté du 27 mai 2019 (art. 1), which took
    over the rule of the former art. D310-15-2 (abrogated 1 Jan 2020); sales last four weeks from 08:00.
    """
    second = nth_weekday(year, 1, WED, 2)
    return nth_weekday(year, 1, WED, 1) if second.day > 12 else second


def fr_summer_sales_start(year: int) -> date:
    """Last Wednesday of June, brought forward to the one before when the last is after the 28th
    (same sources as fr_winter_sales_start)."""
    last = nth_weekday(year, 6, WED, -1)
    return nth_weekday(year, 6, WED, -2) if last.day > 28 else last


# French sales last four weeks (arrêté du 27 mai 2019): from Wednesday 08:00 to the fourth Tuesday after.
FR_SALES_DAYS = 28


def be_winter_sales(year: int) -> tuple[date, date]:
    """Belgian Code de droit économique, art. VI.25: 3 to 31 January, from the 2nd when the 3rd is a
    Sunday (shops are mostly closed on Sundays)."""
    start = date(year, 1, 3)
    return (start - timedelta(days=1) if start.weekday() == SUN else start), date(year, 1, 31)


def be_summer_sales(year: int) -> tuple[date, date]:
    """Same article: 1 to 31 July, from 30 June when 1 July is a Sunday."""
    start = date(year, 7, 1)
    return (start - timedelta(days=1) if start.weekday() == SUN else start), date(year, 7, 31)
