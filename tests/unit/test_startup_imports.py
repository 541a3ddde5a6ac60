"""What the app's start loads (issue #20's memory budget): what the first screens do not use waits for its use.

Each check runs in a fresh interpreter: sys.modules there is what the app would hold. bench/startup.py prints
the resident memory these keep off; nothing here measures it.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "cm_desktop"


def _run(code: str) -> str:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_no_module_asks_pyside_for_a_feature() -> None:
    """cm_desktop.ui skips PySide's per-module source scan, which only `from __feature__ import …` needs."""
    users = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "__feature__":
                users.append(str(path.relative_to(PACKAGE)))
    assert users == []


def test_modules_imported_after_qt_are_not_read_into_linecache() -> None:
    code = (
        "import linecache, sys\n"
        "import cm_desktop.ui\n"
        "from cm_desktop.ui import quiet_feature_scan\n"
        "import PySide6.QtWidgets\n"
        "import json.decoder, email.message, cm_desktop.core.schedule\n"
        "print(quiet_feature_scan(), sorted(f for f in linecache.cache if 'email' in f or 'schedule' in f))"
    )
    assert _run(code) == "True []"


def test_one_country_s_holidays_load_that_country_only() -> None:
    code = (
        "import sys\n"
        "from cm_desktop.core.moments.public import public_holidays\n"
        "days = public_holidays('FR', 2027, None)\n"
        "countries = sorted(m for m in sys.modules if m.startswith('holidays.countries'))\n"
        "print(len(days), countries, 'holidays.calendars.germany_school' in sys.modules)"
    )
    assert _run(code) == "11 ['holidays.countries.france'] False"


def test_the_whole_package_still_finds_the_country_loaded_alone() -> None:
    """The class loaded alone is the one the package's own lookup returns later (one class per country)."""
    code = (
        "import holidays\n"
        "from cm_desktop.core.moments.public import _country_class, public_holidays\n"
        "public_holidays('CA', 2027, 'QC')\n"
        "from holidays.countries import Canada\n"
        "print(Canada is _country_class('CA'), isinstance(holidays.country_holidays('CA', years=2027), Canada))"
    )
    assert _run(code) == "True True"


def test_the_pages_built_at_start_wait_for_pillow_the_keychain_and_the_link_fetcher() -> None:
    """Pillow comes with the first picture or import, keyring with the Accounts page or a login, httpx with
    the first connector, httpcore with the first link card, httpx's command line never."""
    code = (
        "import sys\n"
        "sys.modules.setdefault('httpx._main', None)\n"  # as cm_desktop.__main__ does
        "import cm_desktop.ui.app, cm_desktop.ui.composer.page, cm_desktop.ui.calendar.page\n"
        "import cm_desktop.ui.accounts.page, cm_desktop.ui.outbox.controller, cm_desktop.services.publishing\n"
        "import cm_desktop.ui.messages.controller, cm_desktop.ui.listening.controller\n"
        "import cm_desktop.ui.results.controller, cm_desktop.ui.help.pages, cm_desktop.ui.home.page\n"
        "heavy = {'PIL', 'keyring', 'cryptography', 'secretstorage', 'httpx', 'httpcore', 'click', 'pygments', 'rich'}\n"
        "print(sorted({m.split('.')[0] for m, loaded in sys.modules.items() if loaded} & heavy))"
    )
    assert _run(code) == "[]"


def test_the_first_paint_builds_neither_qt_s_enums_nor_the_style_type(tmp_path: Path) -> None:
    """The real start (`cm-desktop` with no arguments) up to the window's first paint: the `Qt` namespace's
    ~130 enums (~16 ms when first touched) and QStyle's Python type (the font-following style, ~5 ms) come
    after it. Both are there once the window is on screen, where the keys and the style need them, and the
    style whose boxes grow with the font is in place."""
    code = (
        "import os, sys\n"
        "from PySide6 import QtCore, QtWidgets\n"
        "from PySide6.QtCore import QTimer\n"
        "from cm_desktop.ui.main_window import MainWindow\n"
        "seen = {}\n"
        "paint = MainWindow.paintEvent\n"
        "def first(self, event):\n"
        "    seen.setdefault('paint', ('Qt' in QtCore.__dict__, 'QStyle' in QtWidgets.__dict__))\n"
        "    paint(self, event)\n"
        "MainWindow.paintEvent = first\n"
        "def after(window):\n"
        "    style = type(QtWidgets.QApplication.style()).__name__\n"
        "    seen['after'] = ('Qt' in QtCore.__dict__, 'QStyle' in QtWidgets.__dict__, style)\n"
        "    QtWidgets.QApplication.quit()\n"
        "done = MainWindow.after_first_paint\n"
        "def then(self):\n"
        "    done(self)\n"
        "    QTimer.singleShot(0, lambda: after(self))\n"
        "MainWindow.after_first_paint = then\n"
        "from cm_desktop.cli import main\n"
        "main([])\n"
        "print(seen['paint'], seen['after'])"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CM_DESKTOP_HOME": str(tmp_path / "home")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "(False, False) (True, True, 'AppStyle')"
