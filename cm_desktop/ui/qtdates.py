"""Python dates to Qt's and back, field by field (the typed overloads differ between PySide6 releases)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def to_qdatetime(moment: datetime) -> QDateTime:
    """A naive wall-clock datetime as a local QDateTime (seconds kept, microseconds dropped)."""
    return QDateTime(to_qdate(moment.date()), QTime(moment.hour, moment.minute, moment.second))


def from_qdatetime(moment: QDateTime) -> datetime:
    d, t = moment.date(), moment.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second())
