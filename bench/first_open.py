"""What the person waits on the first click on a page built on first showing (Compose, Calendar, Accounts,
Listening, Results, Messages): from the navigation click to the page painted.

Since issue #20 ("a lighter start") these pages are built when first shown, their modules imported then. Each
run is a fresh process (the modules not yet imported, as at a real first click), offscreen, on a store at its
revision: the app starts, opens its store and settles, then the page is chosen in the navigation and the
time to its first paint event is printed. "built at start" builds the page before the click (as the app did
before), so the ratio is what building on first click adds. Median of N runs; asserts nothing.

    .venv/bin/python bench/first_open.py [runs]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile

CHILD = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from cm_desktop.core.settings import Settings
from cm_desktop.platform.paths import AppPaths
from cm_desktop.ui.app import Shell, make_application
from cm_desktop.ui.tasks import ThreadTaskRunner

home, name, prebuilt = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "1"
app = make_application([])
runner = ThreadTaskRunner()
paths = AppPaths(data=home / "data", logs=home / "logs")
shell = Shell(app, paths, runner, settings=Settings(onboarding_seen=True), show_dialogs=False,
              use_system_network=False, probe=lambda: True)
window = shell.window
window.resize(1280, 800)
clicked = [0.0]

class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and clicked[0]:
            print(f"{(time.perf_counter() - clicked[0]) * 1000:.1f}", flush=True)
            clicked[0] = 0.0
            QTimer.singleShot(0, app.quit)
        return False

painted = Painted()

def click():
    row = next(r for r in range(window.navigation.count()) if window.navigation.item(r).data(256) == name)
    clicked[0] = time.perf_counter()
    window.navigation.setCurrentRow(row)  # what a click on the section does
    window.current_page().installEventFilter(painted)

def settled():
    runner.wait()  # Home's first reading done: the click comes on an idle app
    app.processEvents()
    QTimer.singleShot(0, click)

def ready(_store):
    if prebuilt:
        window.page(name)  # built through its factory, as at the click
    QTimer.singleShot(0, settled)

shell.store_ready.connect(ready)
window.show()
app.exec()
runner.wait()
shell.shutdown()
"""


def first_open_ms(home: str, page: str, prebuilt: bool) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, home, page, "1" if prebuilt else "0"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return float(done.stdout.split()[-1])


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    with tempfile.TemporaryDirectory() as home:
        first_open_ms(home, "calendar", True)  # creates the store (migrations) and warms the file cache
        for page in ("compose", "calendar", "accounts", "listening", "insights", "inbox"):
            lazy, built = [], []
            for _ in range(runs):  # alternated: a change in the machine's load weighs on both alike
                lazy.append(first_open_ms(home, page, False))
                built.append(first_open_ms(home, page, True))
            first, before = statistics.median(lazy), statistics.median(built)
            print(
                f"{page:9} first click to painted: built on first click {first:.0f} ms, "
                f"built at start {before:.0f} ms (median of {runs}; +{first - before:.0f} ms, "
                f"{first / before:.1f}x)"
            )


if __name__ == "__main__":
    main()
