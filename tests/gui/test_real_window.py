"""The app as a person starts it: `python -m cm_desktop` on a real X server (Xvfb), closed with Ctrl+Q."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cm_desktop.core.store import current_revision


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    if not sys.platform.startswith("linux"):
        pytest.skip("Xvfb is a Linux X server; Windows and macOS runners test offscreen")
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        if os.environ.get("CI") == "true":
            pytest.fail("Xvfb and xdotool are required under CI (see .ci/run)")
        pytest.skip("Xvfb or xdotool not installed")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        number = pipe.readline().strip()
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


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
    assert current_revision(home / "cm-desktop.sqlite3") == "0003"
    assert "main_window" in (home / "window.ini").read_text()
    assert (home / "logs" / "cm-desktop.log").exists()
