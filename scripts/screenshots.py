"""Render the app's screens to PNG, in French and English, light and dark, at two window sizes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py shots/

With a furnished store (scripts/showroom.py), every page and every dialog, as a person with reading glasses
sees them: at 200 % on a 1920x1080 screen (960x540 logical pixels) or with a large system font. For the
scaling to be real, run it on an X server at that size (Xvfb) rather than offscreen:

    Xvfb :99 -screen 0 1920x1080x24 -nolisten tcp &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=2 .venv/bin/python scripts/screenshots.py --furnished shots/200
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python scripts/screenshots.py --furnished --font 1.5 shots/large

Look at every picture before calling a screen done.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a file: `scripts` importable

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from cm_desktop.platform.paths import AppPaths
from cm_desktop.ui.app import Shell, make_application
from cm_desktop.ui.colours import make_palette
from cm_desktop.ui.tasks import SyncTaskRunner

SIZES = {"1280x800": (1280, 800), "1024x640": (1024, 640)}
PAGES = ("home", "compose", "calendar", "sending", "inbox", "help", "settings")
TASKBAR_AND_TITLE = 72  # what a screen keeps for itself (tests/gui/rooms.py)


def dark_palette() -> QPalette:
    """The app's dark palette (cm_desktop/ui/colours.py): the offscreen platform has no system theme."""
    return make_palette(dark=True)


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def plain(out: Path) -> None:
    """The empty app (no store content), each page, light and dark, French and English, two sizes."""
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
            app.styleHints().setColorScheme(Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
            app.setPalette(make_palette(dark=scheme == "dark"))
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


def furnished(out: Path, font_scale: float, langs: list[str], schemes: list[str]) -> None:
    """Every page and dialog of the furnished app, filling the screen it runs on (less a task bar)."""
    from scripts.showroom import open_dialogs, open_showroom

    out.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv[:1])
    app.setStyle("Fusion")
    if font_scale != 1.0:
        font = QFont(app.font())
        font.setPointSizeF(font.pointSizeF() * font_scale)
        app.setFont(font)
    screen = app.primaryScreen().availableGeometry().size()
    room_size = QSize(screen.width(), screen.height() - TASKBAR_AND_TITLE)
    print(
        f"screen {screen.width()}x{screen.height()} logical, windows up to {room_size.width()}x{room_size.height()}"
    )
    with tempfile.TemporaryDirectory() as home:
        room = open_showroom(app, Path(home))
        room.fill_composer()
        for scheme in schemes:
            app.setPalette(make_palette(dark=scheme == "dark"))
            for lang in langs:
                room.shell.set_language(lang)
                settle(app)
                room.window.resize(room_size)
                for page in room.page_names():
                    room.show_page(page)
                    settle(app)
                    path = out / f"page-{page}-{lang}-{scheme}.png"
                    room.window.grab().save(str(path))
                    print(path)
                for name, dialog in open_dialogs(room):
                    dialog.resize(dialog.size().boundedTo(room_size))
                    settle(app)
                    path = out / f"dialog-{name}-{lang}-{scheme}.png"
                    dialog.grab().save(str(path))
                    print(path)
        room.close()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("out", nargs="?", default="shots", type=Path)
    parser.add_argument("--furnished", action="store_true", help="a filled store, every page and dialog")
    parser.add_argument("--font", type=float, default=1.0, help="the system font this many times larger")
    parser.add_argument("--langs", default="en,fr")
    parser.add_argument("--schemes", default="light")
    options = parser.parse_args()
    if options.furnished:
        furnished(options.out, options.font, options.langs.split(","), options.schemes.split(","))
    else:
        plain(options.out)


if __name__ == "__main__":
    main()
