"""The two set-up commands of the README, for a fresh clone with only Python 3.11+.

    python3 scripts/dev.py run    # install into .venv, build the translations, open the app
    python3 scripts/dev.py test   # install with the test tools, the Bluesky test server, run every check

Uses only the standard library, so it runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PEER = ROOT / "tests" / "peers" / "bluesky"


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def sh(*args: str | Path, cwd: Path = ROOT) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], cwd=cwd, check=True)


def install(extras: str = "") -> Path:
    if sys.version_info < (3, 11):  # noqa: UP036 (this script runs before anything checks the version)
        raise SystemExit("CM Desktop needs Python 3.11 or newer.")
    python = venv_python()
    if not python.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    sh(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    sh(python, "-m", "pip", "install", "--quiet", "-e", f".{extras}")
    sh(python, ROOT / "scripts" / "translations.py", "build")
    return python


def install_bluesky_peer() -> None:
    """npm ci for Bluesky's reference server (tests only), skipped when the lock file has not changed."""
    if not (PEER / "package-lock.json").exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        if os.environ.get("CI") == "true":
            raise SystemExit("npm is missing: the Bluesky test server cannot be installed.")
        print("npm not found: the tests that need Bluesky's server will be skipped.")
        return
    digest = hashlib.sha256((PEER / "package-lock.json").read_bytes()).hexdigest()
    stamp = PEER / "node_modules" / ".cm-lock-sha256"
    if stamp.exists() and stamp.read_text().strip() == digest:
        return
    sh(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error", cwd=PEER)
    stamp.write_text(digest)


def run() -> int:
    python = install()
    return subprocess.call([str(python), "-m", "cm_desktop"], cwd=ROOT)


def test() -> int:
    python = install("[dev]")
    install_bluesky_peer()
    bin_dir = python.parent
    sh(bin_dir / "ruff", "check", ".")
    sh(bin_dir / "ruff", "format", "--check", ".")
    sh(python, "-m", "mypy")
    return subprocess.call([str(python), "-m", "pytest", *sys.argv[2:]], cwd=ROOT)


if __name__ == "__main__":
    commands = {"run": run, "test": test}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        raise SystemExit("usage: python3 scripts/dev.py run|test [pytest arguments]")
    try:
        raise SystemExit(commands[sys.argv[1]]())
    except subprocess.CalledProcessError as exc:
        raise SystemExit(exc.returncode or 1) from None
