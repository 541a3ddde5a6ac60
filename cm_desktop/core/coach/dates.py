"""Dates written out in words without the system locale (core must not depend on the machine's settings)."""

from __future__ import annotations

from datetime import date

from cm_desktop.core.i18n import Lang

_DAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}
_MONTHS = {
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    "fr": (
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ),
}  # fmt: skip


def weekday_name(weekday: int, lang: Lang) -> str:
    return _DAYS[lang][weekday]


def day_in_words(day: date, lang: Lang) -> str:
    """'Saturday 14 June' / 'samedi 14 juin' (French uses 1er for the first of the month)."""
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{_DAYS[lang][day.weekday()]} {number} {_MONTHS[lang][day.month - 1]}"


def clock(minute_of_day: int) -> str:
    return f"{minute_of_day // 60:02d}:{minute_of_day % 60:02d}"
