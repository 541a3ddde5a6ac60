"""The wheel carries the app's resources: icons and compiled translations go into cm_desktop/resources.

Everything else is in pyproject.toml. The translations are compiled here, from resources/translations/*.ts,
with the lrelease of PySide6 (a build requirement), so `pip install .` gives a French interface too.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def _translations_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("cm_translations", ROOT / "scripts" / "translations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildPyWithResources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the source tree's resources/ (platform/resources.py)
        target = Path(self.build_lib) / "cm_desktop" / "resources"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(ROOT / "resources" / "icons", target / "icons")
        built = _translations_script().build(target / "translations")
        if not built:
            raise SystemExit("no translations were compiled: resources/translations/*.ts missing?")


setup(cmdclass={"build_py": BuildPyWithResources})
