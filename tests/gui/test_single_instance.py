"""One window per data folder, with real processes on a real X server (Xvfb).

A second `cm-desktop` on the same data folder brings the first window forward and exits; another data folder
runs side by side; a crash (SIGKILL) leaves a lock and a socket file behind that do not block the next start;
the CLI keeps working beside the open window.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

import pytest

from cm_desktop.ui.single_instance import LOCK_FILE_NAME

TITLE = "^CM Desktop$"
OTHER = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
w = QWidget(); w.setWindowTitle("Another program"); w.resize(300, 200); w.show()
app.exec()
"""


def wait_for(condition: Callable[[], object], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


class Desktop:
    """Processes started on one X display, all ended at the end of the test."""

    def __init__(self, display: str, tmp: Path) -> None:
        self.display, self.tmp = display, tmp
        self.processes: list[subprocess.Popen[str]] = []
        self.logs: list[TextIO] = []

    def env(self, home: Path) -> dict[str, str]:
        return {**os.environ, "DISPLAY": self.display, "QT_QPA_PLATFORM": "xcb", "CM_DESKTOP_HOME": str(home)}

    def start(self, args: list[str], home: Path) -> subprocess.Popen[str]:
        errors = (self.tmp / f"stderr-{len(self.processes)}.txt").open("w")
        self.logs.append(errors)
        process = subprocess.Popen(
            args, env=self.env(home), stderr=errors, stdout=subprocess.DEVNULL, text=True
        )
        self.processes.append(process)
        return process

    def app(self, home: Path) -> subprocess.Popen[str]:
        return self.start([sys.executable, "-m", "cm_desktop"], home)

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(
            ["xdotool", *args], env={**os.environ, "DISPLAY": self.display}, capture_output=True, text=True
        )
        return done.stdout.strip()

    def windows(self, title: str = TITLE) -> list[str]:
        return self.xdotool("search", "--onlyvisible", "--name", title).split()

    def stacking(self) -> list[str]:
        """Top-level windows, the top-most first (xwininfo lists the root's children that way)."""
        done = subprocess.run(
            ["xwininfo", "-root", "-children"],
            env={**os.environ, "DISPLAY": self.display},
            capture_output=True,
            text=True,
        )
        return [
            str(int(line.split()[0], 16))
            for line in done.stdout.splitlines()
            if line.strip().startswith("0x")
        ]

    def above(self, upper: str, lower: str) -> bool:
        order = self.stacking()
        return order.index(upper) < order.index(lower)

    def close(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)
        for log in self.logs:
            log.close()


@pytest.fixture
def desktop(x_display: str, tmp_path: Path) -> Iterator[Desktop]:
    if shutil.which("xwininfo") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("xwininfo (x11-utils) is required under CI (see .ci/run)")
        pytest.skip("xwininfo not installed (Debian: x11-utils)")
    screen = Desktop(x_display, tmp_path)
    yield screen
    screen.close()


def test_second_launch_brings_the_first_window_forward_and_exits(desktop: Desktop, tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = desktop.app(home)
    wait_for(lambda: len(desktop.windows()) == 1, "the first window")
    (window,) = desktop.windows()
    wait_for(lambda: (home / "logs" / "cm-desktop.log").exists(), "the log file (after the first paint)")

    # Another program covers it, as when the person works elsewhere.
    desktop.start([sys.executable, "-c", OTHER], home)
    wait_for(lambda: desktop.windows("^Another program$"), "the other window")
    (other,) = desktop.windows("^Another program$")
    desktop.xdotool("windowraise", other)
    wait_for(lambda: desktop.above(other, window), "the other window on top")

    second = desktop.app(home)
    assert second.wait(timeout=60) == 0
    # Raised above the other program. (Taking the keyboard focus is the window manager's decision, with
    # its focus-stealing rules; Xvfb runs none, so the test looks at what the app itself does.)
    wait_for(lambda: desktop.above(window, other), "the first window to come forward")
    assert desktop.windows() == [window], "one window only"
    assert first.poll() is None
    log = (home / "logs" / "cm-desktop.log").read_text(encoding="utf-8")
    assert "a second launch asked for the window" in log and "window brought forward" in log

    # The command line keeps working beside the open window (it has no window, and its own lock).
    status = subprocess.run(
        [sys.executable, "-m", "cm_desktop", "status", "--json"],
        env=desktop.env(home),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert status.returncode == 0, status.stderr

    # Another data folder is another app: it opens its own window beside the first.
    desktop.app(tmp_path / "other-home")
    wait_for(lambda: len(desktop.windows()) == 2, "a window for the other data folder")


def test_a_crashed_window_does_not_block_the_next_start(desktop: Desktop, tmp_path: Path) -> None:
    home = tmp_path / "home"
    crashed = desktop.app(home)
    wait_for(lambda: len(desktop.windows()) == 1, "the first window")
    crashed.send_signal(signal.SIGKILL)
    crashed.wait(timeout=30)
    assert (home / LOCK_FILE_NAME).exists(), "the crash left its lock behind"
    wait_for(lambda: not desktop.windows(), "the crashed window to go")

    again = desktop.app(home)
    wait_for(lambda: len(desktop.windows()) == 1, "a window after the crash")
    assert again.poll() is None

    # And the new window is the one a further launch brings forward (its server replaced the stale one).
    third = desktop.app(home)
    assert third.wait(timeout=60) == 0
    assert len(desktop.windows()) == 1
