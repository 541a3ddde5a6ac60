"""core and networks never import Qt; core never imports httpx (STYLE.md: a Qt-free core the UI wraps)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "cm_desktop"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize(
    ("folder", "forbidden"),
    [("core", {"PySide6", "httpx", "shiboken6"}), ("networks", {"PySide6", "shiboken6"})],
)
def test_layer_does_not_import(folder: str, forbidden: set[str]) -> None:
    files = sorted((PACKAGE / folder).rglob("*.py"))
    assert files
    offenders = {str(f.relative_to(PACKAGE)): _imports(f) & forbidden for f in files}
    assert {k: v for k, v in offenders.items() if v} == {}


def _cm_imports(path: Path) -> set[str]:
    """The cm_desktop modules a file imports (also inside functions), as dotted names."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names if alias.name.startswith("cm_desktop"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.startswith("cm_desktop"):
                names.add(node.module)
    return names


@pytest.mark.parametrize(
    ("folder", "forbidden"),
    [
        # The domain depends on its ports (core/ports.py), never on the adapters or the composition.
        ("core", ("cm_desktop.networks", "cm_desktop.services", "cm_desktop.platform", "cm_desktop.ui")),
        ("networks", ("cm_desktop.services", "cm_desktop.ui")),
        ("platform", ("cm_desktop.networks", "cm_desktop.services", "cm_desktop.ui")),
        ("services", ("cm_desktop.ui",)),
    ],
)
def test_layer_does_not_depend_on_outer_layers(folder: str, forbidden: tuple[str, ...]) -> None:
    files = sorted((PACKAGE / folder).rglob("*.py"))
    assert files
    offenders = {
        str(f.relative_to(PACKAGE)): sorted(m for m in _cm_imports(f) if m.startswith(forbidden))
        for f in files
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_core_and_networks_loads_no_qt() -> None:
    modules = [
        "cm_desktop." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
        for folder in ("core", "networks")
        for p in (PACKAGE / folder).rglob("*.py")
        if p.name != "__init__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_qt_is_only_imported_under_ui() -> None:
    outside = [
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if "ui" not in p.relative_to(PACKAGE).parts[:1] and "PySide6" in _imports(p)
    ]
    assert outside == []


def test_the_window_comes_up_without_the_heavy_libraries() -> None:
    """sqlmodel, alembic, httpx, keyring and Pillow cost ~450 ms: they load after the first paint."""
    code = (
        "import sys\n"
        "import cm_desktop.ui.app, cm_desktop.cli\n"
        "heavy = {'httpx', 'sqlmodel', 'sqlalchemy', 'alembic', 'keyring', 'PIL', 'PySide6.QtNetwork'}\n"
        "print(sorted(m for m in sys.modules if m in heavy or m.split('.')[0] in heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
