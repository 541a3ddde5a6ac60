"""For the tests that need a real X server (GUI, packaging): one Xvfb per module, on a display number it picks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    """A real X server (Xvfb) for windows and xdotool; skipped where there is none, failed under CI."""
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
