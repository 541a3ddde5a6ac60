"""What the calendar's models share: item roles, the drag-and-drop format, where a drop lands."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QByteArray, QLocale, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from cm_desktop.core.i18n import Lang, normalise_lang
from cm_desktop.core.moments import Moment
from cm_desktop.ui.qtdates import to_qdate

DATE_ROLE = Qt.ItemDataRole.UserRole + 1  # QDate of the cell
POSTS_ROLE = Qt.ItemDataRole.UserRole + 2  # list[PostView]
MOMENTS_ROLE = Qt.ItemDataRole.UserRole + 3  # list[Moment]
SLOTS_ROLE = Qt.ItemDataRole.UserRole + 4  # list[SlotTime] still free
TODAY_ROLE = Qt.ItemDataRole.UserRole + 5  # bool
IN_PERIOD_ROLE = Qt.ItemDataRole.UserRole + 6  # bool: the day belongs to the month shown
POST_ID_ROLE = Qt.ItemDataRole.UserRole + 7  # int (list model)

# Qt passes either kind of index to model methods.
Index = QModelIndex | QPersistentModelIndex

POST_MIME = "application/x-cm-desktop-post-id"


@dataclass(frozen=True)
class DropTarget:
    """Where a post was dropped: a day, and in the week view an hour (and a slot's minute)."""

    day: date
    hour: int | None = None
    minute: int | None = None


def post_mime(post_id: int) -> QMimeData:
    data = QMimeData()
    data.setData(POST_MIME, QByteArray(str(post_id).encode("ascii")))
    return data


def post_id_from(data: QMimeData | None) -> int | None:
    if data is None or not data.hasFormat(POST_MIME):
        return None
    raw = bytes(data.data(POST_MIME).data()).decode("ascii", errors="replace")
    return int(raw) if raw.isdigit() else None


def current_lang() -> Lang:
    # Translations.apply() sets the default locale with the interface language.
    return normalise_lang(QLocale().name())


def moment_tooltip(moments: list[Moment], lang: Lang) -> str:
    lines = []
    for m in moments:
        when = ""
        if m.days > 1:
            locale, short = QLocale(), QLocale.FormatType.ShortFormat
            when = (
                f" ({locale.toString(to_qdate(m.start), short)} – {locale.toString(to_qdate(m.end), short)})"
            )
        lines.append(f"{m.title.get(lang)}{when}\n{m.idea.get(lang)}")
    return "\n\n".join(lines)
