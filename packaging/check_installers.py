"""Install a built installer the way a person would, prove the installed app starts, remove it, look for leftovers.

    python packaging/check_installers.py self-test PATH/TO/cm-desktop[.exe]
    python packaging/check_installers.py windows dist/CM-Desktop-<version>-windows-x64-setup.exe
    python packaging/check_installers.py macos dist/CM-Desktop-<version>-macos-<arch>.dmg [--signed]

Run by .github/workflows/release.yml on each system's runner, after the installer is built (these steps need
Windows and macOS: nothing here runs them on Linux; tests/unit/test_check_installers.py checks the parts that
do not touch the system). Standard library only: it runs with the runner's Python before anything else.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path, PurePath

APP_NAME = "CM Desktop"
EXE_WINDOWS = "cm-desktop.exe"
# packaging/windows/cm_desktop.iss's AppId: Windows files the uninstall entry under it, with "_is1".
APP_ID = "{3E5815C2-EF33-4A7E-92B0-EAD67DD8CA08}"
UNINSTALL_KEY = rf"Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP_ID}_is1"


class CheckFailed(Exception):
    pass


def run(args: Sequence[str | Path], timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Through pipes: a Windows GUI program is then waited for and its output read (a shell does neither)."""
    print("+", " ".join(str(arg) for arg in args), flush=True)
    return subprocess.run(
        [str(arg) for arg in args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        check=False,
    )


def read_report(done: subprocess.CompletedProcess[str], *, require_keychain: bool) -> dict[str, object]:
    """The self-test's JSON (its last line), checked: every part ok, and the system keychain usable."""
    lines = done.stdout.strip().splitlines()
    try:
        report = json.loads(lines[-1]) if lines else {}
    except ValueError:
        report = {}
    if done.returncode != 0 or report.get("ok") is not True:
        raise CheckFailed(f"--self-test failed (exit code {done.returncode}): {done.stdout}{done.stderr}")
    keyring = report.get("keyring")
    if require_keychain and not (isinstance(keyring, dict) and keyring.get("backend_viable")):
        raise CheckFailed(f"the system keychain backend cannot work in this build: {keyring}")
    return report


def self_test(exe: Path, *, require_keychain: bool = False) -> dict[str, object]:
    done = run([exe, "--self-test"], timeout=300)
    print(done.stdout)
    print(done.stderr, file=sys.stderr)
    return read_report(done, require_keychain=require_keychain)


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise CheckFailed(f"timed out waiting for {what}")
        time.sleep(1)


def leftovers(paths: Sequence[Path]) -> list[Path]:
    return [path for path in paths if path.exists() or path.is_symlink()]


# ---- Windows ------------------------------------------------------------------------------------------------


def windows_places(local_appdata: PurePath, start_menu: PurePath, desktop: PurePath) -> dict[str, PurePath]:
    """Where a per-user install puts things ({autopf}, {autoprograms}, {autodesktop}) and the data folder."""
    return {
        "app": local_appdata / "Programs" / APP_NAME,
        "start_menu": start_menu / f"{APP_NAME}.lnk",
        "desktop": desktop / f"{APP_NAME}.lnk",
        "data": local_appdata / APP_NAME,
    }


def _uninstall_entry_exists() -> bool:
    import winreg  # Windows only

    try:
        winreg.CloseKey(winreg.OpenKey(winreg.HKEY_CURRENT_USER, UNINSTALL_KEY))
    except OSError:
        return False
    return True


def check_windows(setup: Path) -> None:
    shell_folders = _windows_shell_folders()
    places = {
        name: Path(path)
        for name, path in windows_places(
            Path(os.environ["LOCALAPPDATA"]), shell_folders["Programs"], shell_folders["Desktop"]
        ).items()
    }
    if leftovers([places["app"]]):
        raise CheckFailed(f"{places['app']} exists before installing: not a clean runner")
    log = Path(tempfile.gettempdir()) / "cm-desktop-setup.log"
    # Setup waits for the installer it unpacks, so its exit means installed (or failed).
    done = run([setup, "/VERYSILENT", "/CURRENTUSER", "/SUPPRESSMSGBOXES", "/NORESTART", f"/LOG={log}"])
    if done.returncode != 0:
        raise CheckFailed(f"Setup exited with {done.returncode}: {log.read_text(errors='replace')}")
    exe = places["app"] / EXE_WINDOWS
    missing = [str(path) for path in (exe, places["start_menu"]) if not path.exists()]
    if missing or not _uninstall_entry_exists():
        raise CheckFailed(f"incomplete install: missing {missing or 'the uninstall entry'}")
    self_test(exe, require_keychain=True)

    uninstaller = places["app"] / "unins000.exe"
    done = run([uninstaller, "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART"])
    if done.returncode != 0:
        raise CheckFailed(f"the uninstaller exited with {done.returncode}")
    # The uninstaller copies itself to a temporary folder and returns at once: wait for the work to end.
    wait_until(lambda: not places["app"].exists(), "the uninstaller to remove the program folder")
    left = leftovers(list(places.values()))
    if left or _uninstall_entry_exists():
        raise CheckFailed(
            f"left behind after uninstalling: {[str(p) for p in left] or 'the uninstall entry'}"
        )
    print("Windows installer: installed, self-tested, uninstalled, nothing left")


def _windows_shell_folders() -> dict[str, Path]:
    """The person's Start menu Programs folder and desktop, from the shell (they move with OneDrive)."""
    done = run(
        [
            "powershell",
            "-NoProfile",
            "-Command",
            "[Environment]::GetFolderPath('Programs'); [Environment]::GetFolderPath('Desktop')",
        ]
    )
    programs, desktop = done.stdout.strip().splitlines()[:2]
    return {"Programs": Path(programs), "Desktop": Path(desktop)}


# ---- macOS --------------------------------------------------------------------------------------------------


def check_macos(dmg: Path, *, signed: bool) -> None:
    data = Path.home() / "Library" / "Application Support" / APP_NAME
    logs = Path.home() / "Library" / "Logs" / APP_NAME
    existed = {path: path.exists() for path in (data, logs)}
    work = Path(tempfile.mkdtemp(prefix="cm-desktop-dmg-"))
    mount = work / "mount"
    applications = work / "Applications"  # stands for /Applications: the person drags the app there
    mount.mkdir()
    applications.mkdir()
    attach = run(["hdiutil", "attach", "-nobrowse", "-readonly", "-noautoopen", "-mountpoint", mount, dmg])
    if attach.returncode != 0:
        raise CheckFailed(f"hdiutil attach: {attach.stderr}")
    try:
        link = mount / "Applications"
        if not (link.is_symlink() and os.readlink(link) == "/Applications"):
            raise CheckFailed("the disk image has no link to /Applications to drag the app onto")
        done = run(["ditto", mount / f"{APP_NAME}.app", applications / f"{APP_NAME}.app"])
        if done.returncode != 0:
            raise CheckFailed(f"copying the app out of the image failed: {done.stderr}")
    finally:
        run(["hdiutil", "detach", mount])
    app = applications / f"{APP_NAME}.app"
    verify = run(["codesign", "--verify", "--deep", "--strict", "--verbose=2", app])
    if verify.returncode != 0:
        raise CheckFailed(f"codesign --verify: {verify.stderr}")
    if signed:
        details = run(["codesign", "-dv", "--verbose=2", app])
        if "Authority=Developer ID Application" not in details.stderr:
            raise CheckFailed(f"not signed with a Developer ID: {details.stderr}")
    self_test(app / "Contents" / "MacOS" / "cm-desktop", require_keychain=True)
    shutil.rmtree(app)  # uninstalling a Mac app: dragging it to the Trash
    left = leftovers([app]) + [path for path, was in existed.items() if path.exists() and not was]
    if left:
        raise CheckFailed(f"left behind: {[str(p) for p in left]}")
    shutil.rmtree(work, ignore_errors=True)
    print("macOS disk image: mounted, copied, verified, self-tested, removed, nothing left")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    test = commands.add_parser("self-test", help="run an app's --self-test and check its report")
    test.add_argument("exe", type=Path)
    test.add_argument("--require-keychain", action="store_true")
    windows = commands.add_parser("windows", help="install, self-test and uninstall the Setup program")
    windows.add_argument("setup", type=Path)
    macos = commands.add_parser("macos", help="mount, copy, verify, self-test and remove the disk image")
    macos.add_argument("dmg", type=Path)
    macos.add_argument("--signed", action="store_true", help="also require a Developer ID signature")
    args = parser.parse_args(argv)
    try:
        if args.command == "self-test":
            self_test(args.exe, require_keychain=args.require_keychain)
        elif args.command == "windows":
            check_windows(args.setup)
        else:
            check_macos(args.dmg, signed=args.signed)
    except CheckFailed as failure:
        print(f"check_installers.py: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
