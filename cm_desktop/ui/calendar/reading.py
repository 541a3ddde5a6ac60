"""What a screen reader says for a calendar cell: its date (and hour), its trade dates, then its posts.

"Tuesday 8 December 2026. Festival of Lights. 2 posts: 09:00, Bluesky and Mastodon, scheduled, «Our new
vases…»; 14:00, Instagram, draft, «Behind the kiln»." The sighted person gets the same from the cell's
chips and its tooltips.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale

from cm_desktop.core.calendar_query import PostView, SlotTime, is_suggestion
from cm_desktop.core.moments import Moment
from cm_desktop.ui.calendar.roles import current_lang
from cm_desktop.ui.calendar.style import state_label
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.qtdates import to_qdate

TEXT_CHARS = 60  # the beginning of each post's text


def _start(words: str) -> str:
    text = " ".join(words.split())
    return text[: TEXT_CHARS - 1] + "…" if len(text) > TEXT_CHARS else text


def post_reading(post: PostView) -> str:
    if is_suggestion(post):
        return QCoreApplication.translate("CalendarReading", "an idea from your plan: « %1 »").replace(
            "%1", _start(post.text)
        )
    when = (
        post.local.strftime("%H:%M")
        if post.local
        else QCoreApplication.translate("CalendarReading", "no time yet")
    )
    networks = ", ".join(network_name(n) for n in post.networks) or QCoreApplication.translate(
        "CalendarReading", "no network yet"
    )
    text = _start(post.text)
    return f"{when}, {networks}, {state_label(post.state)}, « {text} »" if text else f"{when}, {networks}"


def cell_reading(
    day: date,
    moments: list[Moment],
    posts: list[PostView],
    hour: int | None = None,
    slots: list[SlotTime] | None = None,
) -> str:
    parts = [QLocale().toString(to_qdate(day), QLocale.FormatType.LongFormat)]
    if hour is not None:
        parts[0] += f", {hour:02d}:00"
    lang = current_lang()
    parts += [m.title.get(lang) for m in moments]
    if posts:
        count = (
            QCoreApplication.translate("CalendarReading", "1 post")
            if len(posts) == 1
            else QCoreApplication.translate("CalendarReading", "%1 posts").replace("%1", str(len(posts)))
        )
        parts.append(f"{count}: " + "; ".join(post_reading(p) for p in posts))
    else:
        parts.append(QCoreApplication.translate("CalendarReading", "No post. Enter writes one for this day."))
    free = slots or []
    if free:
        times = ", ".join(f"{s.local.strftime('%H:%M')} {network_name(s.slot.network)}" for s in free)
        parts.append(
            QCoreApplication.translate("CalendarReading", "Free posting times: %1").replace("%1", times)
        )
    return ". ".join(parts) + "."
