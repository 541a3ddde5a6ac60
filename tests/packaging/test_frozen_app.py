"""The Linux onedir (tests/packaging/conftest.py builds it): it starts, carries nothing that never loads, and
fits its budget.

The same spec builds the Windows and macOS apps on their runners: a resource, translation or keychain
backend missing from the bundle shows up here first.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAX_ONEDIR_MIB = 165
MAX_XZ_MB = 52

pytestmark = [pytest.mark.slow, pytest.mark.packaging, pytest.mark.timeout(900)]


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def elf_deps() -> ModuleType:
    if "elf_deps" not in sys.modules:  # packaging/ is not a package: the spec puts it on sys.path
        spec = importlib.util.spec_from_file_location("elf_deps", ROOT / "packaging" / "elf_deps.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["elf_deps"] = module
        spec.loader.exec_module(module)
    return sys.modules["elf_deps"]


def test_frozen_app_passes_its_self_test(
    frozen_onedir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = frozen_onedir / "cm-desktop"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CM_DESKTOP_HOME": str(tmp_path / "home")}
    env.pop("PYTHON_KEYRING_BACKEND", None)
    result = subprocess.run([str(app), "--self-test"], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert report["keyring"]["backend_loads"] is True
    assert report["translations"]["fr_loaded"] is True and report["translations"]["qt_fr_loaded"] is True
    assert Path(report["translations"]["folder"]).is_relative_to(frozen_onedir)
    assert report["store"]["ok"] is True

    version = subprocess.run([str(app), "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.strip().startswith("cm-desktop ")
    with capsys.disabled():
        print(f"\nfrozen app: first paint {report['first_paint_ms']} ms")


def test_bundle_holds_no_library_that_nothing_loads(frozen_onedir: Path) -> None:
    """Every shared library is reached through DT_NEEDED from the executable, libpython, an extension
    module or a Qt plugin: what the build host merely had installed does not ship."""
    bundle = elf_deps().Bundle.from_folder(frozen_onedir, "cm-desktop")
    assert [str(rel) for rel in bundle.unreached_libraries()] == []
    # The walk really follows the graph: Qt's core comes only through DT_NEEDED (from the Qt modules).
    assert "_internal/PySide6/Qt/lib/libQt6Core.so.6" in {str(rel) for rel in bundle.reached()}


def test_bundle_and_tarball_fit_their_budget(
    frozen_onedir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    size = folder_size(frozen_onedir)
    # The archive people download, made by the release's own script (xz -9).
    done = subprocess.run(
        ["bash", str(ROOT / "packaging" / "linux" / "build_tarball.sh"), str(frozen_onedir)],
        env={**os.environ, "OUT_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=840,
    )
    assert done.returncode == 0, done.stderr
    (tarball,) = tmp_path.glob("cm-desktop-*-linux-*.tar.xz")
    xz = tarball.stat().st_size
    with capsys.disabled():
        print(
            f"\nfrozen onedir: {size / 2**20:.1f} MiB (budget {MAX_ONEDIR_MIB}); "
            f"xz tarball: {xz / 1e6:.1f} MB (budget {MAX_XZ_MB})"
        )
    assert size <= MAX_ONEDIR_MIB * 2**20
    assert xz <= MAX_XZ_MB * 1_000_000
