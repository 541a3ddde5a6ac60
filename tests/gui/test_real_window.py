"""The app as a person starts it: `python -m cm_desktop` on a real X server (Xvfb), closed with Ctrl+Q."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from cm_desktop.core.store import current_revision


def xdotool(display: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["xdotool", *args], env={**os.environ, "DISPLAY": display}, capture_output=True, text=True
    )


def test_app_opens_a_real_window_and_quits_cleanly(x_display: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "DISPLAY": x_display, "QT_QPA_PLATFORM": "xcb", "CM_DESKTOP_HOME": str(home)}
    errors = tmp_path / "stderr.txt"
    with errors.open("w") as stderr:
        app = subprocess.Popen([sys.executable, "-m", "cm_desktop"], env=env, stderr=stderr)
    try:
        window = ""
        deadline = time.monotonic() + 30
        while not window and time.monotonic() < deadline and app.poll() is None:
            window = xdotool(x_display, "search", "--onlyvisible", "--name", "^CM Desktop$").stdout.strip()
            time.sleep(0.2)
        assert window, "no window appeared"
        # The store is opened right after the first paint.
        deadline = time.monotonic() + 30
        while not (home / "cm-desktop.sqlite3").exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        xdotool(x_display, "windowfocus", "--sync", window.splitlines()[0])
        xdotool(x_display, "key", "--clearmodifiers", "ctrl+q")
        code = app.wait(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
    assert code == 0, errors.read_text()
    assert current_revision(home / "cm-desktop.sqlite3") == "0005"
    assert "main_window" in (home / "window.ini").read_text()
    assert (home / "logs" / "cm-desktop.log").exists()
