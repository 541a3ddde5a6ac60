"""`cm-desktop --self-test`: start headless, prove each part works, print one JSON object.

Used after every build (the frozen app too): a missing resource, translation or keychain backend shows here
before a person meets it.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from cm_desktop import __version__

# The keychain backend (module, class) each system needs; the frozen app must carry it and what it imports.
PLATFORM_BACKENDS = {
    "win32": ("keyring.backends.Windows", "WinVaultKeyring"),
    "darwin": ("keyring.backends.macOS", "Keyring"),
}
DEFAULT_BACKEND = ("keyring.backends.SecretService", "Keyring")


def _check_keyring() -> dict[str, Any]:
    from cm_desktop.platform.secrets import SecretError, Secrets

    module, name = PLATFORM_BACKENDS.get(sys.platform, DEFAULT_BACKEND)
    result: dict[str, Any] = {"platform_backend": f"{module}.{name}"}
    try:
        backend = getattr(importlib.import_module(module), name)
        result["backend_loads"] = True
    except Exception as exc:  # report, never crash: this is a diagnosis
        result["backend_loads"] = False
        result["error"] = type(exc).__name__
    else:
        # keyring's backends raise from `priority` when what they need is missing (pywin32-ctypes on
        # Windows, the Security framework bindings on macOS, a D-Bus session on Linux).
        try:
            result["backend_viable"] = backend.priority > 0
        except Exception as exc:  # a diagnosis again
            result["backend_viable"] = False
            result["viable_error"] = type(exc).__name__
    secrets = Secrets()
    try:
        result["active"] = secrets.backend_name()
        secrets.check()
        result["usable"] = True
    except SecretError as exc:
        # No keychain on this machine (a headless server), or PYTHON_KEYRING_BACKEND naming a backend that is
        # not bundled: reported, not fatal.
        result["usable"] = False
        result["reason"] = str(exc)
    return result


def _check_data() -> dict[str, Any]:
    """Holidays (with their French names), time zones and the idea library are data files: check they load."""
    from datetime import date

    from cm_desktop.core.coach import ideas
    from cm_desktop.core.moments import moments_for
    from cm_desktop.core.schedule import to_utc

    try:
        moments = moments_for("FR", date.today().year)
        names = {m.title.fr for m in moments}
        paris = to_utc(datetime(2027, 7, 14, 9, 0), "Europe/Paris").hour
        count = len(ideas(lang="fr"))
    except Exception as exc:  # a diagnosis: report what failed
        return {"ok": False, "error": type(exc).__name__}
    ok = bool(moments) and "Fête nationale" in " ".join(names) and paris == 7 and count >= 80
    return {"ok": ok, "moments_fr": len(moments), "ideas_fr": count}


def run_self_test(started: float) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QCoreApplication, QEventLoop, QLibraryInfo, QTimer

    from cm_desktop.platform.paths import AppPaths
    from cm_desktop.platform.resources import translations_dir
    from cm_desktop.ui.app import Shell, make_application
    from cm_desktop.ui.tasks import SyncTaskRunner

    report: dict[str, Any] = {
        "ok": False,
        "version": __version__,
        "qt": QLibraryInfo.version().toString(),
        "pyside": pyside_version,
    }
    checks: list[bool] = []
    with tempfile.TemporaryDirectory(prefix="cm-desktop-selftest-") as temp:
        home = Path(temp)
        paths = AppPaths(data=home / "data", logs=home / "logs")
        app = make_application(sys.argv[:1])
        shell = Shell(app, paths, SyncTaskRunner(), show_dialogs=False, use_system_network=False)
        painted: list[float] = []
        shell.window.first_painted.connect(lambda: painted.append(time.perf_counter()))
        loop = QEventLoop()
        shell.window.first_painted.connect(loop.quit)
        QTimer.singleShot(10_000, loop.quit)
        shell.window.show()
        if not painted:
            loop.exec()
        report["first_paint_ms"] = round((painted[0] - started) * 1000, 1) if painted else None
        checks.append(bool(painted))
        # The store opens right after the first paint (synchronously here).
        for _ in range(50):
            if shell.store is not None:
                break
            QCoreApplication.processEvents()
        if shell.store is not None:
            from sqlalchemy import text

            with shell.store.session() as session:
                version = session.exec(text("SELECT version_num FROM alembic_version")).one()[0]
            report["store"] = {"ok": True, "revision": version}
        else:
            report["store"] = {"ok": False}
        checks.append(report["store"]["ok"])

        shell.set_language("fr")
        french = QCoreApplication.translate("Pages", "Calendar")
        report["translations"] = {
            "fr_loaded": french != "Calendar",
            "sample": french,
            "qt_fr_loaded": shell.translations.qt_loaded,
            "folder": str(translations_dir()),
        }
        checks.append(french != "Calendar" and shell.translations.qt_loaded)
        shell.set_language("")

        report["data"] = _check_data()
        checks.append(report["data"]["ok"])

        report["keyring"] = _check_keyring()
        checks.append(bool(report["keyring"]["backend_loads"]))
        shell.window.close()
        shell.shutdown()
    report["ok"] = all(checks)
    print(json.dumps(report, ensure_ascii=False))
    return 0 if report["ok"] else 1
