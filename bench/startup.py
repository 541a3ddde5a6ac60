"""Time to first painted main window: CM Desktop against a bare PySide6 QMainWindow, same run, offscreen.

Each figure is the wall time from spawning a fresh Python process to the first paint event of the window
(interpreter start included for both), median of N runs. Prints figures and the ratio; asserts nothing.

    .venv/bin/python bench/startup.py [runs]
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
import sys
from PySide6.QtCore import QObject, QEvent
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
class W(QMainWindow):
    def paintEvent(self, e):
        super().paintEvent(e)
        print("painted", flush=True)
        app.quit()
w = W(); w.resize(1100, 720); w.show(); app.exec()
"""

# The app's real entry point; CM_DESKTOP_QUIT_AFTER_FIRST_PAINT makes it print and quit at first paint.
APP = [sys.executable, "-m", "cm_desktop"]


def measure(command: list[str], home: str) -> float:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CM_DESKTOP_HOME": home,
        "CM_DESKTOP_QUIT_AFTER_FIRST_PAINT": "1",
    }
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = (time.perf_counter() - start) * 1000
    proc.wait(timeout=60)
    if line.strip() not in ("painted", "first-paint"):
        raise SystemExit("the window never painted")
    return elapsed


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with tempfile.TemporaryDirectory() as home:
        bare_cmd = [sys.executable, "-c", BARE]
        measure(bare_cmd, home)  # warm the file cache for both
        measure(APP, home)
        bare = [measure(bare_cmd, home) for _ in range(runs)]
        app = [measure(APP, home) for _ in range(runs)]
    floor, ours = statistics.median(bare), statistics.median(app)
    print(f"bare QMainWindow first paint: median {floor:.0f} ms over {runs} runs")
    print(f"CM Desktop first paint:       median {ours:.0f} ms over {runs} runs")
    print(f"ratio: {ours / floor:.2f} (budget <= 1.5)")


if __name__ == "__main__":
    main()
