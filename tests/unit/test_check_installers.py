"""packaging/check_installers.py: the parts that run anywhere (the install steps need Windows and macOS)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path, PureWindowsPath
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def checker() -> ModuleType:
    if "check_installers" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "check_installers", ROOT / "packaging" / "check_installers.py"
        )
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["check_installers"] = module
        spec.loader.exec_module(module)
    return sys.modules["check_installers"]


def done(code: int, report: object, noise: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.CompletedProcess([], code, noise + json.dumps(report) + "\n", "")


def test_reads_the_last_line_of_a_good_report() -> None:
    report = {"ok": True, "keyring": {"backend_viable": True}}
    assert checker().read_report(done(0, report, "a warning\n"), require_keychain=True) == report


@pytest.mark.parametrize(
    ("code", "report", "keychain"),
    [
        (1, {"ok": False}, False),
        (0, {"ok": False}, False),
        (0, {"ok": True, "keyring": {"backend_viable": False}}, True),
        (0, {"ok": True}, True),
    ],
)
def test_refuses_a_failed_report(code: int, report: object, keychain: bool) -> None:
    with pytest.raises(checker().CheckFailed):
        checker().read_report(done(code, report), require_keychain=keychain)


def test_refuses_output_that_is_not_a_report() -> None:
    with pytest.raises(checker().CheckFailed):
        checker().read_report(
            subprocess.CompletedProcess([], 0, "Traceback ...\n", ""), require_keychain=False
        )


def test_windows_places_match_the_installer_script() -> None:
    places = checker().windows_places(
        PureWindowsPath(r"C:\Users\Zoé Martin\AppData\Local"),
        PureWindowsPath(r"C:\Users\Zoé Martin\AppData\Roaming\Microsoft\Windows\Start Menu\Programs"),
        PureWindowsPath(r"C:\Users\Zoé Martin\OneDrive\Bureau"),
    )
    assert places["app"] == PureWindowsPath(r"C:\Users\Zoé Martin\AppData\Local\Programs\CM Desktop")
    assert places["start_menu"].name == places["desktop"].name == "CM Desktop.lnk"
    iss = (ROOT / "packaging" / "windows" / "cm_desktop.iss").read_text(encoding="utf-8-sig")
    # {autopf} is %LOCALAPPDATA%\Programs in a per-user install; the shortcut is named after the app.
    assert r"DefaultDirName={autopf}\{#AppName}" in iss and r'Name: "{autoprograms}\{#AppName}"' in iss
    app_id = next(line.split("=", 1)[1] for line in iss.splitlines() if line.startswith("AppId="))
    assert app_id == "{" + checker().APP_ID  # "{{" in the script is an escaped "{"
    assert checker().EXE_WINDOWS == "cm-desktop.exe"


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need a privilege on Windows")
def test_leftovers_lists_what_still_exists(tmp_path: Path) -> None:
    (tmp_path / "kept").mkdir()
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    found = checker().leftovers([tmp_path / "kept", tmp_path / "gone", tmp_path / "dangling"])
    assert found == [tmp_path / "kept", tmp_path / "dangling"]


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands for the app")
def test_self_test_subcommand_runs_an_app(tmp_path: Path) -> None:
    fake = tmp_path / "fake-app"
    fake.write_text('#!/bin/sh\necho \'{"ok": true, "keyring": {"backend_viable": true}}\'\n')
    fake.chmod(0o755)
    assert checker().main(["self-test", str(fake), "--require-keychain"]) == 0
    fake.write_text("#!/bin/sh\necho '{\"ok\": false}'\nexit 1\n")
    assert checker().main(["self-test", str(fake)]) == 1
