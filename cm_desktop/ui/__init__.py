"""Everything that imports PySide6 lives under this package."""

from __future__ import annotations

import sys

import shiboken6  # noqa: F401 (installs PySide's import hook, which quiet_feature_scan adjusts)


def _never_uses_pyside(_module: object) -> bool:
    return False


def quiet_feature_scan() -> bool:
    """PySide's `__feature__` support reads the whole source of every module imported after it (through
    linecache, kept for the life of the process: ~25 MiB of text, ~35 MiB resident for the app) only to
    mark the modules that mention PySide6. Those marks matter to a module that asks for a feature (`from
    __feature__ import snake_case`), which this app never does (tests/unit/test_startup_imports.py): a mark
    of "ignore" selects the same default features, without reading anything. True if the hook was found."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False  # another PySide6 version: its own behaviour, nothing breaks
    setattr(feature, "_mod_uses_pyside", _never_uses_pyside)  # noqa: B010 (a private module attribute)
    return True


quiet_feature_scan()
