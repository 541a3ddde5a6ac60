"""The first-run wizard (also opened again from Settings)."""

from __future__ import annotations

from cm_desktop.ui.wizard.wizard import FirstRunWizard

__all__ = ["FirstRunWizard"]
