"""The calendar page: month, week and list of every post, queue slots, moments, import and export."""

from __future__ import annotations

from cm_desktop.ui.calendar.page import CalendarPage

__all__ = ["CalendarPage"]
