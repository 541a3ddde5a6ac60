"""The command line as a person (or CI) runs it: real subprocesses, exit codes, JSON on stdout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cm_desktop import __version__


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CM_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "cm_desktop", *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_version(data_home: Path) -> None:
    result = run("--version", home=data_home)
    assert result.returncode == 0
    assert result.stdout.strip() == f"cm-desktop {__version__}"


def test_bad_usage_exits_2(data_home: Path) -> None:
    result = run("--no-such-flag", home=data_home)
    assert result.returncode == 2
    assert "usage" in result.stderr


def test_self_test_reports_health_as_json(data_home: Path) -> None:
    result = run("--self-test", home=data_home)
    report = json.loads(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert report["ok"] is True
    assert report["version"] == __version__
    assert report["store"] == {"ok": True, "revision": "0002"}
    assert report["translations"]["fr_loaded"] is True
    assert report["keyring"]["backend_loads"] is True
    assert report["first_paint_ms"] > 0
    assert not data_home.exists()  # the self-test works in a temporary folder only


def test_parsing_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from cm_desktop.cli import build_parser\n"
        "build_parser().parse_args(['check', '--network', 'x', 'hi'])\n"
        "heavy = {'PySide6', 'httpx', 'sqlmodel', 'sqlalchemy', 'alembic', 'keyring', 'PIL'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
