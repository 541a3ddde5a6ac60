"""`pip install .` gives a working app: a real wheel (not editable), in a fresh virtual environment.

The wheel must carry the compiled translations and the icons (setup.py builds them into cm_desktop/resources);
Qt's own French must be found in the installed PySide6. The dependencies come from an offline wheelhouse
repacked from this environment (tests/packaging/wheelhouse.py), so the test needs no network.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import venv
import zipfile
from pathlib import Path

import pytest

from tests.packaging.wheelhouse import build_wheelhouse

ROOT = Path(__file__).resolve().parents[2]
BIN = "Scripts" if sys.platform == "win32" else "bin"


def _clean_env(**extra: str) -> dict[str, str]:
    """No trace of the source tree or of this test run's environment."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.pop("PYTEST_CURRENT_TEST", None)
    return {**env, **extra}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel built from this tree installed in it; returns its `cm-desktop`."""
    base = tmp_path_factory.mktemp("wheel")
    # The same build as `pip install .` (pip wheel runs setup.py's build_py), without the network: the build
    # tools (setuptools, PySide6's lrelease) are this environment's.
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(base / "dist"),
            ".",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (wheel,) = (base / "dist").glob("cm_desktop-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "cm_desktop/resources/icons/app.svg" in names
    assert "cm_desktop/resources/translations/cm_desktop_fr.qm" in names
    assert not any(name.startswith(("resources/", "tests/", "scripts/")) for name in names)

    build_wheelhouse("cm-desktop", base / "wheelhouse")
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / BIN / ("python.exe" if sys.platform == "win32" else "python")
    install = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--no-index",
            "--find-links",
            str(base / "wheelhouse"),
            str(wheel),
        ],
        cwd=base,
        capture_output=True,
        text=True,
        env=_clean_env(),
        timeout=600,
    )
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    return env_dir / BIN / ("cm-desktop.exe" if sys.platform == "win32" else "cm-desktop")


@pytest.mark.slow
@pytest.mark.packaging
@pytest.mark.timeout(900)
def test_installed_wheel_passes_its_self_test_in_french(installed: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [str(installed), "--self-test"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=_clean_env(QT_QPA_PLATFORM="offscreen", CM_DESKTOP_HOME=str(tmp_path / "home")),
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["translations"]["fr_loaded"] is True
    assert report["translations"]["qt_fr_loaded"] is True
    # Read from the installed package, not from this source tree.
    folder = Path(report["translations"]["folder"])
    assert folder.is_relative_to(installed.parent.parent) and folder.parts[-3:] == (
        "cm_desktop",
        "resources",
        "translations",
    )


@pytest.mark.slow
@pytest.mark.packaging
@pytest.mark.timeout(300)
def test_installed_wheel_opens_its_window(installed: Path, x_display: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = _clean_env(DISPLAY=x_display, QT_QPA_PLATFORM="xcb", CM_DESKTOP_HOME=str(home))
    xdo = {**env}
    errors = tmp_path / "stderr.txt"
    with errors.open("w") as stderr:
        app = subprocess.Popen([str(installed)], cwd=tmp_path, env=env, stderr=stderr)
    try:
        window = ""
        deadline = time.monotonic() + 60
        while not window and time.monotonic() < deadline and app.poll() is None:
            window = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", "^CM Desktop$"],
                env=xdo,
                capture_output=True,
                text=True,
            ).stdout.strip()
            time.sleep(0.2)
        assert window, "no window appeared: " + errors.read_text()
        deadline = time.monotonic() + 60
        while not (home / "cm-desktop.sqlite3").exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        subprocess.run(["xdotool", "windowfocus", "--sync", window.splitlines()[0]], env=xdo, check=False)
        subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+q"], env=xdo, check=False)
        code = app.wait(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
    assert code == 0, errors.read_text()
    assert (home / "cm-desktop.sqlite3").exists()
