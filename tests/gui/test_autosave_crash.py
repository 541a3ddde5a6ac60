"""Autosave survives a crash: the real app (`python -m cm_desktop`) on a real X server (Xvfb), text typed
with xdotool, the process killed with SIGKILL once the draft is saved, the app started again, and the
text read back from the composer's editor through the X clipboard.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

TEXT = "Brouillon à garder ✨ galette café #Lyon"
# Where the text box sits in a fresh 1100x720 window: under the title and the network toggles.
EDITOR_AT = ("500", "200")


def xdotool(display: str, *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args], env={**os.environ, "DISPLAY": display}, capture_output=True, text=True, timeout=30
    )
    return done.stdout.strip()


def wait_for(check: Callable[[], object], seconds: float, what: str) -> object:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def start_app(display: str, home: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "CM_DESKTOP_HOME": str(home)}
    env.pop("CM_DESKTOP_QUIT_AFTER_FIRST_PAINT", None)
    with log.open("ab") as stderr:
        app = subprocess.Popen([sys.executable, "-m", "cm_desktop"], env=env, stderr=stderr)

    def window() -> str:
        if app.poll() is not None:
            raise AssertionError(f"the app stopped: {log.read_text(errors='replace')}")
        found = xdotool(display, "search", "--onlyvisible", "--name", "^CM Desktop$")
        return found.splitlines()[0] if found else ""

    found = str(wait_for(window, 30, "the window"))
    # The store opens after the first paint; the composer is built right after it.
    wait_for(lambda: (home / "cm-desktop.sqlite3").exists(), 30, "the database")
    time.sleep(1.5)
    return app, found


def open_composer_text(display: str, window: str) -> None:
    xdotool(display, "windowactivate", "--sync", window)
    xdotool(display, "windowfocus", "--sync", window)
    xdotool(display, "mousemove", "--window", window, "57", "70", "click", "1")  # "Compose" in the list
    time.sleep(0.3)
    xdotool(display, "mousemove", "--window", window, *EDITOR_AT, "click", "1")
    time.sleep(0.2)


def saved_texts(database: Path) -> list[str]:
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1) as db:
            return [row[0] for row in db.execute("select text from post")]
    except sqlite3.Error:
        return []


def clipboard(display: str) -> str:
    """The X clipboard as another program reads it (a tiny Qt program on the same display)."""
    code = "from PySide6.QtWidgets import QApplication; app = QApplication([]); print(app.clipboard().text())"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=30)
    return done.stdout.rstrip("\n")


def test_typed_text_is_back_after_the_app_is_killed(x_display: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    # Past the first-run wizard, in English: straight to the main window.
    (home / "settings.json").write_text(json.dumps({"onboarding_seen": True, "language": "en"}))
    log = tmp_path / "stderr.txt"
    database = home / "cm-desktop.sqlite3"

    app, window = start_app(x_display, home, log)
    try:
        open_composer_text(x_display, window)
        xdotool(x_display, "type", "--delay", "30", TEXT)
        # Saved within a second of the last key (debounced, off the GUI thread).
        wait_for(lambda: TEXT in saved_texts(database), 10, "the autosave")
        os.kill(app.pid, signal.SIGKILL)
        assert app.wait(timeout=10) == -signal.SIGKILL
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=10)

    app, window = start_app(x_display, home, log)
    try:

        def shown() -> bool:
            open_composer_text(x_display, window)
            xdotool(x_display, "key", "--clearmodifiers", "ctrl+a", "ctrl+c")
            time.sleep(0.3)
            return clipboard(x_display) == TEXT

        wait_for(shown, 20, "the text back in the composer")
        # The restored draft is the same post: nothing was duplicated by the restart.
        assert saved_texts(database) == [TEXT]
    finally:
        app.terminate()
        try:
            app.wait(timeout=15)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait(timeout=10)
