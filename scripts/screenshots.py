"""Render the app's screens to PNG, in French and English, light and dark, at two window sizes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py shots/

Look at every picture before calling a screen done.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from cm_desktop.platform.paths import AppPaths
from cm_desktop.ui.app import Shell, make_application
from cm_desktop.ui.tasks import SyncTaskRunner

SIZES = {"1280x800": (1280, 800), "1024x640": (1024, 640)}
PAGES = ("home", "compose", "calendar", "sending", "inbox", "help", "settings")


def dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#17181a",
        QPalette.ColorRole.AlternateBase: "#2a2b2e",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2d2e31",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#4c8df6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Mid: "#3c4043",
        QPalette.ColorRole.Midlight: "#35363a",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.ToolTipBase: "#2d2e31",
        QPalette.ColorRole.ToolTipText: "#e8eaed",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    return palette


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv[:1])
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as home:
        paths = AppPaths(data=Path(home) / "data", logs=Path(home) / "logs")
        shell = Shell(
            app, paths, SyncTaskRunner(), show_dialogs=False, probe=lambda: False, use_system_network=False
        )
        shell.window.show()
        settle(app)
        for scheme in ("light", "dark"):
            # The offscreen platform has no system theme: give it the palette a dark desktop would.
            app.styleHints().setColorScheme(Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
            app.setPalette(dark_palette() if scheme == "dark" else app.style().standardPalette())
            for lang in ("en", "fr"):
                shell.set_language(lang)
                settle(app)
                for size_name, (w, h) in SIZES.items():
                    shell.window.resize(w, h)
                    for page in PAGES:
                        shell.window.show_page(page)
                        settle(app)
                        path = out / f"main-{page}-{lang}-{scheme}-{size_name}.png"
                        shell.window.grab().save(str(path))
                        print(path)
        shell.shutdown()
    QCoreApplication.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "shots"))
