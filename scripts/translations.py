"""Update the .ts sources from the code (lupdate) and build the .qm files the app loads (lrelease).

python scripts/translations.py update   # after adding or changing interface strings
python scripts/translations.py build    # before running or packaging the app
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("fr",)


def _tool(name: str) -> str:
    # The PySide6 wrappers live next to the interpreter in a venv; fall back to PATH.
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "cm_desktop" / "ui").rglob("*.py"))


def update(ts_files: list[Path] | None = None) -> None:
    for ts in ts_files or [TS_DIR / f"cm_desktop_{lang}.ts" for lang in LANGUAGES]:
        subprocess.run(
            [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(ts)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )


def build() -> None:
    for lang in LANGUAGES:
        ts = TS_DIR / f"cm_desktop_{lang}.ts"
        subprocess.run(
            [_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
            check=True,
            capture_output=True,
        )


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "build"
    {"update": update, "build": build}[command]()
