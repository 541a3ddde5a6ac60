"""The two set-up commands of the README, for a fresh clone with only Python 3.11+.

    python3 scripts/dev.py run    # install into .venv, build the translations, open the app
    python3 scripts/dev.py test   # install with the test tools, the Node peers, run every check

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
ORACLE = ROOT / "tests" / "peers" / "oracle"


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


def install_node_peer(folder: Path, what: str, *npm_args: str) -> None:
    """npm ci for a Node package the tests run, skipped when its lock file has not changed."""
    if not (folder / "package-lock.json").exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        if os.environ.get("CI") == "true":
            raise SystemExit(f"npm is missing: {what} cannot be installed.")
        print(f"npm not found: the tests that need {what} will be skipped.")
        return
    digest = hashlib.sha256((folder / "package-lock.json").read_bytes()).hexdigest()
    stamp = folder / "node_modules" / ".cm-lock-sha256"
    if stamp.exists() and stamp.read_text().strip() == digest:
        return
    sh(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error", *npm_args, cwd=folder)
    stamp.write_text(digest)


def install_bluesky_peer() -> None:
    """Bluesky's reference server (tests only)."""
    install_node_peer(PEER, "the Bluesky test server")


def install_oracle() -> None:
    """X's twitter-text and Bluesky's @atproto/api (tests only); neither needs an install script."""
    install_node_peer(ORACLE, "the networks' own text libraries", "--ignore-scripts")


def run() -> int:
    python = install()
    return subprocess.call([str(python), "-m", "cm_desktop"], cwd=ROOT)


def test() -> int:
    python = install("[dev]")
    install_bluesky_peer()
    install_oracle()
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
