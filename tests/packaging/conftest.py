"""The Linux onedir, built once per session from packaging/cm_desktop.spec for every packaging test."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def frozen_onedir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """build/dist/cm-desktop as the release builds it (in a temporary folder); skipped off Linux."""
    if not sys.platform.startswith("linux"):
        pytest.skip(
            "the Linux bundle is built here; Windows and macOS bundles are built by the release workflow"
        )
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    assert pyinstaller, "PyInstaller is a dev dependency"
    base = tmp_path_factory.mktemp("frozen")
    dist, work = base / "dist", base / "work"
    build = subprocess.run(
        [
            pyinstaller,
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "packaging" / "cm_desktop.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=840,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    return dist / "cm-desktop"
