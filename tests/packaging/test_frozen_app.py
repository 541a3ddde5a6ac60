"""Build the Linux onedir from packaging/cm_desktop.spec and start the frozen app's self-test.

The same spec builds the Windows and macOS apps on their runners: a resource, translation or keychain
backend missing from the bundle shows up here first.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAX_ONEDIR_MIB = 170


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.mark.slow
@pytest.mark.packaging
@pytest.mark.timeout(900)
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle is built here")
def test_frozen_app_builds_and_passes_its_self_test(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    assert pyinstaller, "PyInstaller is a dev dependency"
    dist, work = tmp_path / "dist", tmp_path / "work"
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
    app = dist / "cm-desktop" / "cm-desktop"
    assert app.exists()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CM_DESKTOP_HOME": str(tmp_path / "home")}
    env.pop("PYTHON_KEYRING_BACKEND", None)
    result = subprocess.run([str(app), "--self-test"], capture_output=True, text=True, env=env, timeout=120)
    report = json.loads(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert report["ok"] is True
    assert report["keyring"]["backend_loads"] is True
    assert report["translations"]["fr_loaded"] is True
    assert report["store"]["ok"] is True

    version = subprocess.run([str(app), "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.strip().startswith("cm-desktop ")

    size = folder_size(dist / "cm-desktop")
    with capsys.disabled():
        print(
            f"\nfrozen onedir: {size / 2**20:.1f} MiB ({size:,} bytes); first paint {report['first_paint_ms']} ms"
        )
    assert size <= MAX_ONEDIR_MIB * 2**20
