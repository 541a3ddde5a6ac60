"""Small wording helpers shared by the wizard and Home: times and lists of names."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from cm_desktop.core.i18n import Lang


def clock_words(minute_of_day: int, lang: Lang) -> str:
    """'18:30' in English; '18 h 30' (or '9 h') in French, as a French reader writes it."""
    hours, minutes = divmod(minute_of_day, 60)
    if lang == "fr":
        return f"{hours} h {minutes:02d}" if minutes else f"{hours} h"
    return f"{hours:02d}:{minutes:02d}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def join_names(names: Sequence[str]) -> str:
    """'Facebook', 'Facebook and Instagram', 'Facebook, Instagram and LinkedIn' (in the current language)."""
    if len(names) <= 1:
        return "".join(names)
    last = QCoreApplication.translate("Words", "%1 and %2")  # a literal context, for lupdate
    return last.replace("%1", ", ".join(names[:-1])).replace("%2", names[-1])
