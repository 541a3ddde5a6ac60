"""Home, the coach."""

from __future__ import annotations

from cm_desktop.ui.home.page import HomePage

__all__ = ["HomePage"]
