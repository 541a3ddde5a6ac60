"""Where the read-only resources (icons, translations) are: an installed wheel, a frozen bundle or a source tree.

The top-level `resources/` folder is the source. Building a wheel (setup.py) or a frozen bundle
(packaging/cm_desktop.spec) puts the icons and the compiled translations (.qm) in `cm_desktop/resources`,
beside the code; a source tree has no such folder and uses `resources/` itself (after
`scripts/translations.py build`).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[1]


def resources_dir(package: Path = _PACKAGE) -> Path:
    # In a frozen bundle `__file__` points into sys._MEIPASS/cm_desktop, where the spec puts the resources.
    packaged = package / "resources"
    if packaged.is_dir():
        return packaged
    return package.parent / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def icon_path(name: str) -> Path:
    return resources_dir() / "icons" / name
