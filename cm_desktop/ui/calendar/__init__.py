"""The calendar page: month, week and list of every post, queue slots, moments, import and export.

The page is imported on first use (PEP 562): other pages borrow `ui.calendar.style` at start, and the page's
modules wait until the person opens the Calendar."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cm_desktop.ui.calendar.page import CalendarPage

__all__ = ["CalendarPage"]


def __getattr__(name: str) -> Any:
    if name == "CalendarPage":
        from cm_desktop.ui.calendar.page import CalendarPage

        return CalendarPage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
