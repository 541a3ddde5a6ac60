"""Help: the glossary and the short guides."""

from __future__ import annotations

from cm_desktop.ui.help.pages import GlossaryPage, GuidesPage, HelpPage

__all__ = ["GlossaryPage", "GuidesPage", "HelpPage"]
