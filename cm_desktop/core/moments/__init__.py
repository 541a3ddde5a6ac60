"""The dates that matter to a small business, per country and year.

Public holidays come from the `holidays` package; commercial and community dates (sales, Mother's Day,
Black Friday, Heritage Days...) from a curated table of rules in `curated`, computed per year.
"""

from __future__ import annotations

from cm_desktop.core.moments.calendar import (
    CURATED_COUNTRIES,
    DEFAULT_SUBDIVISION,
    UnknownCountry,
    moments_for,
    normalise_country,
    notes_for,
    upcoming,
)
from cm_desktop.core.moments.model import BUSINESS_KINDS, Moment, MomentKind

__all__ = [
    "BUSINESS_KINDS",
    "CURATED_COUNTRIES",
    "DEFAULT_SUBDIVISION",
    "Moment",
    "MomentKind",
    "UnknownCountry",
    "moments_for",
    "normalise_country",
    "notes_for",
    "upcoming",
]
