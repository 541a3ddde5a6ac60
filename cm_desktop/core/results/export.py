"""The results as a CSV file for a spreadsheet: one row per post and network, with its latest figures.

UTF-8 with a BOM (spreadsheet programs then read accents right); cells that a spreadsheet would run as a
formula are neutralised as in the calendar's export. A figure never read is an empty cell, never a 0.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

from cm_desktop.core.calendar_io import neutralise
from cm_desktop.core.i18n import Lang
from cm_desktop.core.networks import name_of
from cm_desktop.core.results.query import posts_rows
from cm_desktop.core.schedule import from_utc
from cm_desktop.core.store import Store

HEADER = {
    "en": (
        "date",
        "time",
        "network",
        "text",
        "likes",
        "shares",
        "replies",
        "quotes",
        "read on",
        "state",
        "link",
    ),
    "fr": (
        "date",
        "heure",
        "réseau",
        "texte",
        "j'aime",
        "partages",
        "réponses",
        "citations",
        "lu le",
        "état",
        "lien",
    ),
}
STATES = {
    "en": {"deleted": "deleted", "by_hand": "typed in", "": ""},
    "fr": {"deleted": "supprimée", "by_hand": "saisi", "": ""},
}


def _local(iso: str | None, zone: str) -> datetime | None:
    return from_utc(datetime.fromisoformat(iso), zone) if iso else None


def export_csv(store: Store, zone: str, lang: Lang) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER[lang])
    for row in posts_rows(store):
        published = _local(row["published_at"], zone)
        read = _local(row["fetched_at"], zone)
        state = "deleted" if row["deleted"] else "by_hand" if row["by_hand"] else ""
        cells = (
            published.strftime("%Y-%m-%d") if published else "",
            published.strftime("%H:%M") if published else "",
            name_of(row["network"]).get(lang),
            row["text"],
            *("" if row[k] is None else str(row[k]) for k in ("likes", "reposts", "replies", "quotes")),
            read.strftime("%Y-%m-%d %H:%M") if read else "",
            STATES[lang][state],
            row["url"] or "",
        )
        writer.writerow([neutralise(str(cell)) for cell in cells])
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(store: Store, path: Path, zone: str, lang: Lang) -> int:
    """Write the file; returns its size in bytes."""
    data = export_csv(store, zone, lang)
    path.write_bytes(data)
    return len(data)
