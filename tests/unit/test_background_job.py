"""The OS job that runs `cm-desktop publish-due` every 5 minutes: generated commands and files, per platform.

Windows and macOS: only the generated command lines and plist are checked (plistlib reads it back).
Linux: the systemd user units are really written into a temporary XDG_CONFIG_HOME; the `systemctl --user`
calls go to a recording runner (this machine may have no user systemd).
"""

from __future__ import annotations

import plistlib
import shlex
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from cm_desktop.platform.background_job import (
    FALLBACK_USED,
    INSTALL_FAILED,
    BackgroundJob,
    JobError,
    publish_command,
    task_xml,
)


class Recorder:
    def __init__(self, returncode: int = 0) -> None:
        self.calls: list[list[str]] = []
        self.returncode = returncode

    def __call__(self, args: Sequence[str]) -> subprocess.CompletedProcess[str]:
        self.calls.append(list(args))
        return subprocess.CompletedProcess(list(args), self.returncode, "enabled\n", "")


def test_command_is_this_python_with_module_or_the_frozen_exe() -> None:
    module = [sys.executable, "-m", "cm_desktop", "publish-due", "--json", "--inbox", "--watch", "--results"]
    assert publish_command(frozen=False) == module
    assert publish_command(frozen=True, executable=r"C:\Program Files\CM Desktop\cm-desktop.exe") == [
        r"C:\Program Files\CM Desktop\cm-desktop.exe",
        "publish-due",
        "--json",
        "--inbox",
        "--watch",
        "--results",  # the Results page's figures are read while the app is closed too
    ]


def test_windows_task_from_a_definition_file_for_this_user_without_admin() -> None:
    command = [r"C:\Users\Zoé & Co\AppData\Local\Programs\CM Desktop\cm-desktop.exe", "publish-due", "--json"]
    definitions: list[bytes] = []

    class KeepsTheDefinition(Recorder):
        def __call__(self, args: Sequence[str]) -> subprocess.CompletedProcess[str]:
            if "/XML" in args:
                definitions.append(Path(args[args.index("/XML") + 1]).read_bytes())
            return super().__call__(args)

    runner = KeepsTheDefinition()
    job = BackgroundJob(platform="win32", command=command, runner=runner)
    assert job.install().installed
    job.remove()
    (create, delete) = runner.calls
    assert create[:4] == ["schtasks", "/Create", "/TN", "CM Desktop publish"] and create[-1] == "/F"
    assert "/RU" not in create and "/RL" not in create  # no other user, no elevation
    assert not Path(create[create.index("/XML") + 1]).exists(), "the definition file is cleaned up"
    assert delete == ["schtasks", "/Delete", "/TN", "CM Desktop publish", "/F"]
    assert definitions == [task_xml(command)]


def test_macos_launch_agent_plist_and_launchctl(tmp_path: Path) -> None:
    runner = Recorder()
    command = ["/Applications/CM Desktop.app/Contents/MacOS/cm-desktop", "publish-due", "--json"]
    job = BackgroundJob(platform="darwin", command=command, runner=runner, home=tmp_path)
    status = job.install()
    plist_path = tmp_path / "Library" / "LaunchAgents" / "org.cmdesktop.publish.plist"
    assert status.installed and Path(status.detail) == plist_path
    data = plistlib.loads(plist_path.read_bytes())
    assert data["Label"] == "org.cmdesktop.publish"
    assert data["ProgramArguments"] == command
    assert data["StartInterval"] == 300
    assert runner.calls == [["launchctl", "load", "-w", str(plist_path)]]
    assert job.status().installed
    job.remove()
    assert runner.calls[-1] == ["launchctl", "unload", "-w", str(plist_path)]
    assert not plist_path.exists() and not job.status().installed


def test_linux_systemd_user_timer_really_installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    runner = Recorder()
    command = ["/usr/bin/python3", "-m", "cm_desktop", "publish-due", "--json"]
    job = BackgroundJob(platform="linux", command=command, runner=runner, systemd=True)
    assert job.install().kind == "systemd"
    units = tmp_path / "config" / "systemd" / "user"
    service = (units / "cm-desktop-publish.service").read_text()
    timer = (units / "cm-desktop-publish.timer").read_text()
    assert "ExecStart=/usr/bin/python3 -m cm_desktop publish-due --json" in service
    assert "Type=oneshot" in service
    assert (
        "OnUnitActiveSec=5min" in timer and "Persistent=true" in timer and "WantedBy=timers.target" in timer
    )
    assert runner.calls == [
        ["systemctl", "--user", "daemon-reload"],
        ["systemctl", "--user", "enable", "--now", "cm-desktop-publish.timer"],
    ]
    assert job.status().installed
    job.remove()
    assert not (units / "cm-desktop-publish.timer").exists()
    assert ["systemctl", "--user", "disable", "--now", "cm-desktop-publish.timer"] in runner.calls
    assert not job.status().installed


def test_linux_without_systemd_falls_back_to_autostart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    runner = Recorder()
    job = BackgroundJob(
        platform="linux", command=["/opt/cm desktop/cm-desktop", "publish-due"], runner=runner, systemd=False
    )
    status = job.install()
    entry = (tmp_path / "config" / "autostart" / "cm-desktop-publish.desktop").read_text()
    assert status.kind == "autostart" and runner.calls == []
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    shell, flag, loop = shlex.split(exec_line.removeprefix("Exec="))
    assert (shell, flag) == ("sh", "-c")
    assert "'/opt/cm desktop/cm-desktop' publish-due" in loop and "sleep 300" in loop
    assert job.status().kind == "autostart"
    job.remove()
    assert not job.status().installed
    assert FALLBACK_USED.en and FALLBACK_USED.fr


def test_a_failing_scheduler_is_a_job_error_with_a_message(tmp_path: Path) -> None:
    job = BackgroundJob(platform="win32", command=["x"], runner=Recorder(returncode=1))
    with pytest.raises(JobError) as caught:
        job.install()
    assert "could not be switched on" in caught.value.message("en")
    assert "n'a pas pu être activée" in caught.value.message("fr")
    assert INSTALL_FAILED.fr


# ---- an earlier version's job is installed again with this version's command line ------------------------

EARLIER = ["/opt/cm-desktop/cm-desktop", "publish-due", "--json", "--inbox", "--watch"]  # before --results
NOW = [*EARLIER, "--results"]


def test_linux_an_earlier_systemd_job_is_installed_again_and_a_current_one_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    runner = Recorder()
    service = tmp_path / "config" / "systemd" / "user" / "cm-desktop-publish.service"
    assert BackgroundJob(platform="linux", command=NOW, runner=runner, systemd=True).update() is None
    assert runner.calls == [] and not service.exists()  # none installed: the person never switched it on

    BackgroundJob(platform="linux", command=EARLIER, runner=runner, systemd=True).install()
    job = BackgroundJob(platform="linux", command=NOW, runner=runner, systemd=True)
    assert job.current() is False
    runner.calls.clear()
    status = job.update()
    assert status is not None and status.installed and status.kind == "systemd"
    assert f"ExecStart={shlex.join(NOW)}\n" in service.read_text()
    assert ["systemctl", "--user", "enable", "--now", "cm-desktop-publish.timer"] in runner.calls
    runner.calls.clear()
    assert job.current() is True and job.update() is None and runner.calls == []


def test_linux_an_earlier_autostart_entry_is_written_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    BackgroundJob(platform="linux", command=EARLIER, runner=Recorder(), systemd=False).install()
    job = BackgroundJob(platform="linux", command=NOW, runner=Recorder(), systemd=False)
    status = job.update()
    assert status is not None and status.kind == "autostart"
    entry = (tmp_path / "config" / "autostart" / "cm-desktop-publish.desktop").read_text()
    assert "--watch --results" in entry and job.update() is None


def test_macos_an_earlier_launch_agent_is_loaded_again(tmp_path: Path) -> None:
    runner = Recorder()
    BackgroundJob(platform="darwin", command=EARLIER, runner=runner, home=tmp_path).install()
    plist_path = tmp_path / "Library" / "LaunchAgents" / "org.cmdesktop.publish.plist"
    job = BackgroundJob(platform="darwin", command=NOW, runner=runner, home=tmp_path)
    runner.calls.clear()
    assert job.update() is not None
    assert plistlib.loads(plist_path.read_bytes())["ProgramArguments"] == NOW
    assert runner.calls == [
        ["launchctl", "unload", "-w", str(plist_path)],
        ["launchctl", "load", "-w", str(plist_path)],
    ]
    runner.calls.clear()
    assert job.update() is None and runner.calls == []
    plist_path.write_bytes(b"not a plist")  # damaged: installed again rather than left broken
    assert job.current() is False


class TaskScheduler(Recorder):
    """Windows' scheduler as schtasks shows it: /Create keeps the definition, /Query /XML prints it back
    (already decoded, its declaration still naming UTF-16, as `subprocess` gives it)."""

    def __init__(self) -> None:
        super().__init__()
        self.definition: bytes | None = None

    def __call__(self, args: Sequence[str]) -> subprocess.CompletedProcess[str]:
        self.calls.append(list(args))
        if "/Create" in args:
            self.definition = Path(args[args.index("/XML") + 1]).read_bytes()
        if "/Query" in args:
            if self.definition is None:
                return subprocess.CompletedProcess(list(args), 1, "", "ERROR: cannot find the task")
            shown = self.definition.decode("utf-16") if "/XML" in args else "CM Desktop publish  Ready"
            return subprocess.CompletedProcess(list(args), 0, shown, "")
        return subprocess.CompletedProcess(list(args), 0, "", "")


def test_windows_an_earlier_task_is_created_again_with_this_command_line() -> None:
    scheduler = TaskScheduler()
    windows = [r"C:\Users\Zoé & Co\AppData\Local\Programs\CM Desktop\cm-desktop.exe", *EARLIER[1:]]
    job = BackgroundJob(platform="win32", command=[*windows, "--results"], runner=scheduler)
    assert job.update() is None  # no task yet
    BackgroundJob(platform="win32", command=windows, runner=scheduler).install()
    assert job.current() is False
    assert job.update() is not None
    assert scheduler.definition == task_xml([*windows, "--results"])
    scheduler.calls.clear()
    assert job.update() is None
    assert [call[1] for call in scheduler.calls] == ["/Query", "/Query"]  # read, nothing created
