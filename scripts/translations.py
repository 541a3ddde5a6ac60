"""Update the .ts sources from the code (lupdate) and build the .qm files the app loads (lrelease).

    python scripts/translations.py update   # after adding or changing interface strings
    python scripts/translations.py build    # before running or packaging the app

One catalogue per area of the interface, so that people working on different screens never edit the same
file: `<catalogue>_fr.ts` holds the strings of the folders listed below; `cm_desktop` takes everything else.
The app loads every `*_fr.qm` it finds.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "cm_desktop" / "ui"
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("fr",)
# catalogue -> folders under cm_desktop/ui it owns
AREAS: dict[str, tuple[str, ...]] = {
    "calendar": ("calendar",),
    "wizard": ("wizard", "home", "help"),
    "accounts": ("accounts",),
    "outbox": ("outbox",),
    "messages": ("messages",),
    "listening": ("listening",),
    "results": ("results",),
}


def _tool(name: str) -> str:
    # The PySide6 wrappers live next to the interpreter in a venv; fall back to PATH.
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def catalogue_of(path: Path) -> str:
    parts = path.relative_to(UI).parts
    for catalogue, folders in AREAS.items():
        if parts and parts[0] in folders:
            return catalogue
    return "cm_desktop"


def sources(catalogue: str) -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in UI.rglob("*.py") if catalogue_of(p) == catalogue)


def ts_files() -> list[Path]:
    return [TS_DIR / f"{c}_{lang}.ts" for c in ("cm_desktop", *AREAS) for lang in LANGUAGES]


def update(targets: list[Path] | None = None) -> None:
    """Refresh each catalogue (or the given copies, named like the real ones) from the current code."""
    for ts in targets or ts_files():
        catalogue = ts.stem.rsplit("_", 1)[0]
        files = sources(catalogue)
        if not files:
            continue
        subprocess.run(
            [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *files, "-ts", str(ts)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )


def build(out_dir: Path | None = None) -> list[Path]:
    """Compile every .ts into a .qm, beside it or into `out_dir` (setup.py does that for the wheel)."""
    built = []
    for ts in sorted(TS_DIR.glob("*.ts")):
        qm = (out_dir / ts.name if out_dir else ts).with_suffix(".qm")
        qm.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
        built.append(qm)
    return built


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "build"
    {"update": update, "build": build}[command]()
