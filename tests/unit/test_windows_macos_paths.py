"""Windows and macOS code paths, run here: what the app writes or decides for those systems, read back.

No Windows or macOS machine runs these tests' subjects for real here (the release workflow does: see
.github/workflows/release.yml); each test checks the generated artefact or the decision against the rules of
that system: Task Scheduler's task definition, launchd's property list, platformdirs' folders, the keychain
backends, the single-window name, file dialog filters, and paths with drive letters, spaces and accents.
"""

from __future__ import annotations

import importlib
import plistlib
import re
import subprocess
import sys
import unicodedata
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path, PurePosixPath, PureWindowsPath
from xml.etree import ElementTree

import pytest

from cm_desktop.platform.background_job import (
    INTERVAL_MINUTES,
    TASK_NAMESPACE,
    BackgroundJob,
    launch_agent_path,
    launch_agent_plist,
    publish_command,
    task_xml,
    windows_command_line,
)
from cm_desktop.platform.paths import APP_NAME, cloud_synced, instance_name, platform_folders
from cm_desktop.platform.secrets import SERVICE
from cm_desktop.ui.selftest import PLATFORM_BACKENDS

ROOT = Path(__file__).resolve().parents[2]
WINDOWS_EXE = r"C:\Users\Zoé Martin & Fils\AppData\Local\Programs\CM Desktop\cm-desktop.exe"
MAC_EXE = "/Applications/CM Desktop.app/Contents/MacOS/cm-desktop"
NS = {"t": TASK_NAMESPACE}


# ---- Task Scheduler (Windows) ------------------------------------------------------------------------------


def _task(command: list[str]) -> ElementTree.Element:
    raw = task_xml(command)
    assert raw.startswith(b"\xff\xfe"), "UTF-16 with its byte-order mark, as schtasks /XML reads it"
    text = raw.decode("utf-16")
    assert text.startswith('<?xml version="1.0" encoding="UTF-16"?>')
    return ElementTree.fromstring(text.split("?>", 1)[1])


def _text(task: ElementTree.Element, path: str) -> str | None:
    found = task.find(path, NS)
    assert found is not None, path
    return found.text


def test_task_definition_runs_the_frozen_app_every_five_minutes_as_the_person() -> None:
    command = publish_command(frozen=True, executable=WINDOWS_EXE, platform="win32")
    task = _task(command)
    assert task.tag == f"{{{TASK_NAMESPACE}}}Task" and task.get("version") == "1.2"
    # The path comes back whole (drive letter, spaces, accent, ampersand escaped in XML and read back).
    assert _text(task, "t:Actions/t:Exec/t:Command") == WINDOWS_EXE
    assert PureWindowsPath(_text(task, "t:Actions/t:Exec/t:Command") or "").drive == "C:"
    assert _text(task, "t:Actions/t:Exec/t:Arguments") == "publish-due --json --inbox --watch --results"
    assert task.find("t:Actions", NS).get("Context") == "Author"  # type: ignore[union-attr]
    assert _text(task, "t:Triggers/t:TimeTrigger/t:Repetition/t:Interval") == f"PT{INTERVAL_MINUTES}M"
    assert _text(task, "t:Triggers/t:TimeTrigger/t:Enabled") == "true"
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", _text(task, "t:Triggers/t:TimeTrigger/t:StartBoundary") or ""
    )
    principal = task.find("t:Principals/t:Principal", NS)
    assert principal is not None and principal.get("id") == "Author"
    # Only while the person is logged on: no stored password, no administrator.
    assert _text(task, "t:Principals/t:Principal/t:LogonType") == "InteractiveToken"
    assert _text(task, "t:Principals/t:Principal/t:RunLevel") == "LeastPrivilege"
    assert task.find("t:Principals/t:Principal/t:UserId", NS) is None
    settings = {child.tag.split("}")[1]: child.text for child in task.find("t:Settings", NS) or []}
    # Task Scheduler's defaults would skip laptops on battery and never catch up after sleep.
    assert settings["DisallowStartIfOnBatteries"] == "false"
    assert settings["StopIfGoingOnBatteries"] == "false"
    assert settings["StartWhenAvailable"] == "true"
    assert settings["MultipleInstancesPolicy"] == "IgnoreNew"
    assert settings["ExecutionTimeLimit"] == "PT10M"


def test_task_definition_keeps_the_schema_order() -> None:
    """Task Scheduler refuses a definition whose elements are out of the schema's sequence."""
    task = _task([WINDOWS_EXE])
    assert [child.tag.split("}")[1] for child in task] == [
        "RegistrationInfo",
        "Triggers",
        "Principals",
        "Settings",
        "Actions",
    ]
    trigger = task.find("t:Triggers/t:TimeTrigger", NS)
    assert [child.tag.split("}")[1] for child in trigger or []] == ["Repetition", "StartBoundary", "Enabled"]
    assert task.find("t:Actions/t:Exec/t:Arguments", NS) is None  # no empty element for no arguments


def test_unfrozen_windows_job_uses_windowless_python() -> None:
    python = r"C:\Users\Zoé Martin\Projets\cm desktop\.venv\Scripts\python.exe"
    command = publish_command(frozen=False, executable=python, platform="win32")
    assert PureWindowsPath(command[0]) == PureWindowsPath(python).with_name("pythonw.exe")
    assert command[1:] == ["-m", "cm_desktop", "publish-due", "--json", "--inbox", "--watch", "--results"]
    task = _task(command)
    assert _text(task, "t:Actions/t:Exec/t:Command") == command[0]
    assert _text(task, "t:Actions/t:Exec/t:Arguments") == windows_command_line(command[1:])
    # Elsewhere the interpreter stays as it is.
    assert (
        publish_command(frozen=False, executable="/usr/bin/python3", platform="linux")[0]
        == "/usr/bin/python3"
    )


# ---- launchd (macOS) ---------------------------------------------------------------------------------------

# launchd.plist(5): the keys we write and the type launchd expects for each.
LAUNCHD_TYPES = {
    "Label": str,
    "ProgramArguments": list,
    "StartInterval": int,
    "RunAtLoad": bool,
    "ProcessType": str,
    "StandardOutPath": str,
    "StandardErrorPath": str,
}


def test_launch_agent_plist_reads_back_as_launchd_expects(tmp_path: Path) -> None:
    logs = tmp_path / "Library" / "Logs" / "CM Desktop"
    command = publish_command(frozen=True, executable=MAC_EXE, platform="darwin")
    data = plistlib.loads(launch_agent_plist(command, logs))
    assert data == {
        "Label": "org.cmdesktop.publish",
        "ProgramArguments": [MAC_EXE, "publish-due", "--json", "--inbox", "--watch", "--results"],
        "StartInterval": INTERVAL_MINUTES * 60,
        "RunAtLoad": True,
        "ProcessType": "Background",
        "StandardOutPath": str(logs / "publish-job.out.log"),
        "StandardErrorPath": str(logs / "publish-job.err.log"),
    }
    for key, value in data.items():
        assert type(value) is LAUNCHD_TYPES[key], key
    assert data["ProcessType"] in {"Background", "Standard", "Adaptive", "Interactive"}
    # launchd expects the file named after the label.
    assert launch_agent_path(tmp_path).name == f"{data['Label']}.plist"


# ---- data and log folders ----------------------------------------------------------------------------------


def test_windows_folders_are_the_ones_the_uninstaller_and_readme_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    local = r"C:\Users\Zoé Martin\AppData\Local"
    # platformdirs reads this override before asking Windows (which it cannot do here).
    monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", local)
    data, logs = platform_folders("win32")
    assert PureWindowsPath(data) == PureWindowsPath(local, APP_NAME)
    # One folder holds everything, so the uninstaller's "delete my data" removes the logs too.
    assert PureWindowsPath(logs) == PureWindowsPath(local, APP_NAME, "Logs")
    iss = (ROOT / "packaging" / "windows" / "cm_desktop.iss").read_text(encoding="utf-8-sig")
    assert "ExpandConstant('{localappdata}\\CM Desktop')" in iss
    assert r"%LOCALAPPDATA%\CM Desktop" in (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")


def test_macos_folders_are_the_ones_the_readme_and_the_job_use(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    home = "/Users/Zoé Martin"
    monkeypatch.setenv("HOME", home)
    data, logs = platform_folders("darwin")
    assert PurePosixPath(data) == PurePosixPath(home, "Library", "Application Support", APP_NAME)
    assert PurePosixPath(logs) == PurePosixPath(home, "Library", "Logs", APP_NAME)
    readme = (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")
    assert "~/Library/Application Support/CM Desktop" in readme and "~/Library/Logs/CM Desktop" in readme
    # The background job's own log goes to the same Logs folder.
    job = BackgroundJob(platform="darwin", command=[MAC_EXE], home=tmp_path, runner=_ok)
    job.install()
    written = plistlib.loads(
        (tmp_path / "Library" / "LaunchAgents" / "org.cmdesktop.publish.plist").read_bytes()
    )
    assert Path(written["StandardOutPath"]).parent == tmp_path / "Library" / "Logs" / APP_NAME


def _ok(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.CompletedProcess(list(args), 0, "", "")


# ---- one window per data folder ----------------------------------------------------------------------------


def test_windows_names_one_folder_however_it_is_typed() -> None:
    same = [
        PureWindowsPath(r"C:\Users\Zoé Martin\AppData\Local\CM Desktop"),
        PureWindowsPath("c:/users/ZOÉ MARTIN/appdata/local/cm desktop/"),
        PureWindowsPath(unicodedata.normalize("NFD", r"C:\Users\Zoé Martin\AppData\Local\CM Desktop")),
    ]
    assert len({instance_name(path, "win32") for path in same}) == 1
    assert instance_name(PureWindowsPath(r"D:\Users\Zoé Martin\AppData\Local\CM Desktop"), "win32") != (
        instance_name(same[0], "win32")
    )
    # A pipe name holds no backslash; Windows pipes are machine-wide, so the user's own path is in the key.
    assert "\\" not in instance_name(same[0], "win32")


def test_macos_and_linux_folder_names() -> None:
    mac = PurePosixPath("/Users/zoé/Library/Application Support/CM Desktop")
    mac_nfd = PurePosixPath(unicodedata.normalize("NFD", "/Users/ZOÉ/Library/Application Support/CM Desktop"))
    assert instance_name(mac, "darwin") == instance_name(mac_nfd, "darwin")  # APFS ignores both differences
    linux = PurePosixPath("/home/zoé/.local/share/CM Desktop")
    assert instance_name(linux, "linux") != instance_name(PurePosixPath(str(linux).upper()), "linux")
    # The socket lives in macOS's per-user temporary folder; sun_path holds 104 bytes.
    mac_tmp = "/var/folders/zz/zyxvpxvq6csfxvn_n0000000000000/T/"
    assert len((mac_tmp + instance_name(mac, "darwin")).encode()) < 104


# ---- cloud-synced folders ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "synced"),
    [
        (PureWindowsPath(r"C:\Users\Zoé\OneDrive - Société Dupont\Documents\CM Desktop"), True),
        (PureWindowsPath(r"D:\Dropbox\CM Desktop"), True),
        (PureWindowsPath(r"C:\Users\Zoé\AppData\Local\CM Desktop"), False),
        (PurePosixPath("/Users/zoe/Library/Mobile Documents/com~apple~CloudDocs/CM Desktop"), True),
        (PurePosixPath("/Users/zoe/Library/CloudStorage/GoogleDrive-zoe@example.org/Mon Drive/CM"), True),
        (PurePosixPath("/Users/zoe/Library/Application Support/CM Desktop"), False),
    ],
    ids=str,
)
def test_cloud_synced_folders_on_every_system(path: PureWindowsPath | PurePosixPath, synced: bool) -> None:
    assert cloud_synced(path) is synced


# ---- keychain backends -------------------------------------------------------------------------------------


@pytest.mark.parametrize("platform", sorted(PLATFORM_BACKENDS))
def test_keychain_backend_exists_and_ships(platform: str) -> None:
    module, name = PLATFORM_BACKENDS[platform]
    backend = getattr(
        importlib.import_module(module), name
    )  # importable anywhere: keyring guards its imports
    # Its priority raises off its own system (that is how keyring skips it); it must be there to ask.
    assert any("priority" in vars(klass) for klass in backend.__mro__)
    # keyring finds backends through its entry points: the spec copies keyring's metadata and names the module.
    points = {point.value for point in metadata.entry_points(group="keyring.backends")}
    assert module in points
    spec = (ROOT / "packaging" / "cm_desktop.spec").read_text(encoding="utf-8")
    assert f'"{module}"' in spec and "copy_metadata(dist)" in spec and '"keyring"' in spec


def test_windows_credential_names_are_the_ones_the_uninstaller_deletes() -> None:
    windows = importlib.import_module("keyring.backends.Windows")
    # keyring stores the first secret under the service name, later ones as "<reference>@<service>".
    compound = windows.WinVaultKeyring._compound_name("account:3:token", SERVICE)
    iss = (ROOT / "packaging" / "windows" / "cm_desktop.iss").read_text(encoding="utf-8-sig")
    assert compound == "account:3:token@cm-desktop" and SERVICE == "cm-desktop"
    assert "CompareText(Target, 'cm-desktop') = 0" in iss and "'@cm-desktop'" in iss


# ---- file dialog filters -----------------------------------------------------------------------------------

# Qt's own check of a name filter (QPlatformFileDialogHelper::filterRegExp): "Description (patterns)".
QT_FILTER = re.compile(r"^(.*)\(([a-zA-Z0-9_.,*? +;#\-\[\]@\{\}/!<>\$%&=^~:\|]*)\)$")
DIALOG_FILTERS = ["Pictures (%1)", "Tables (*.csv *.txt)", "Calendar (*.ics)", "Tables (*.csv)"]


def _french(source: str) -> str:
    for ts in (ROOT / "resources" / "translations").glob("*_fr.ts"):
        root = ElementTree.parse(ts).getroot()
        for message in root.iter("message"):
            if message.findtext("source") == source:
                return message.findtext("translation") or ""
    raise AssertionError(f"{source!r} is not in the catalogues")


def _patterns(name_filter: str) -> list[str]:
    match = QT_FILTER.match(name_filter)
    assert match, f"Qt would not read {name_filter!r} as a filter"
    assert "(" not in match.group(1), "a parenthesis in the description confuses macOS and Windows dialogs"
    return match.group(2).split()


def test_file_dialog_filters_read_alike_in_both_languages() -> None:
    from cm_desktop.ui.composer.media_strip import IMAGE_SUFFIXES

    pictures = " ".join(f"*{suffix}" for suffix in sorted(IMAGE_SUFFIXES))
    for source in DIALOG_FILTERS:
        english = source.replace("%1", pictures)
        french = _french(source).replace("%1", pictures)
        # The translation changes the words only, never the patterns.
        assert _patterns(french) == _patterns(english)
        for pattern in _patterns(english):
            # Windows' native dialog receives "*.a;*.b", macOS's the bare extensions: plain "*.ext" only.
            assert re.fullmatch(r"\*\.[a-z0-9]+", pattern), pattern


def test_picture_suffixes_are_plain_lowercase_extensions() -> None:
    from cm_desktop.ui.composer.media_strip import IMAGE_SUFFIXES

    assert IMAGE_SUFFIXES and all(re.fullmatch(r"\.[a-z0-9]+", suffix) for suffix in IMAGE_SUFFIXES)
    assert {".jpg", ".jpeg", ".png", ".heic"} <= IMAGE_SUFFIXES  # what phones and cameras give


@pytest.mark.skipif(sys.platform == "win32", reason="the Windows path rules are simulated on the others")
def test_windows_command_line_quotes_paths_with_spaces() -> None:
    line = windows_command_line([WINDOWS_EXE, "publish-due", "--json"])
    assert line == f'"{WINDOWS_EXE}" publish-due --json'
