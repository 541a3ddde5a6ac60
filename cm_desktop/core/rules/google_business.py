"""Google Business Profile local posts: summary <= 1,500 characters, one photo, no phone numbers.

Google refuses posts whose text holds a phone number: the call-to-action button carries it instead.
Links in the summary are not clickable either.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import regex

from cm_desktop.core.rules.messages import MESSAGES
from cm_desktop.core.rules.model import Fix, ImageFacts, Issue, Severity
from cm_desktop.core.rules.plain import plain_spec
from cm_desktop.core.rules.text import clean, window

LIMIT = 1500
TITLE_LIMIT = 58  # event and offer titles

# A run of digits with the separators people type: "06 12 34 56 78", "+33 (0)6-12-34-56-78", "555.123.4567".
_PHONE = regex.compile(r"(?<![\w+])(?:\+|00)?\d(?:[\d\s.\-/()]|\u00a0){6,22}\d(?!\w)")
_DATE = regex.compile(r"\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}")


def phone_numbers(text: str) -> list[tuple[int, int]]:
    """(start, end) of what looks like a phone number: 8 to 15 digits, not a date or a time range."""
    found: list[tuple[int, int]] = []
    for m in _PHONE.finditer(text):
        raw = m.group().strip()
        digits = sum(ch.isdigit() for ch in raw)
        if not 8 <= digits <= 15 or _DATE.fullmatch(raw):
            continue
        found.append((m.start(), m.start() + len(raw)))
    return found


def checks(text: str, images: Sequence[ImageFacts], limits: Mapping[str, int]) -> list[Issue]:
    cleaned = window(clean(text))
    return [
        Issue(
            "phone.in_text",
            Severity.BLOCKS,
            MESSAGES["phone.in_text"],
            {"phone": cleaned[start:end]},
            Fix("remove_text", start=start, end=end),
        )
        for start, end in phone_numbers(cleaned)
    ]


SPEC = plain_spec(
    name="google_business",
    limit=LIMIT,
    feed_cut=None,
    checks=checks,
    link_issue="link.use_button",
)
measure = SPEC.measure
entities = SPEC.entities
