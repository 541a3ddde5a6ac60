"""The operating-system job that runs `cm-desktop publish-due --inbox --watch --results` every 5 minutes while
the app is closed (it sends what is due, then reads new messages, runs the saved searches that are due, and
reads the figures of published posts and followers that are due: the Results page fills in meanwhile).

- Windows: a Task Scheduler task for the current user, from a task definition (`schtasks /Create /XML`, no
  admin): unlike `/SC MINUTE` it also runs on battery, catches up after sleep, and takes any path length;
- macOS: a LaunchAgent (~/Library/LaunchAgents/org.cmdesktop.publish.plist, StartInterval 300);
- Linux: a systemd user timer + service in $XDG_CONFIG_HOME/systemd/user; without systemd, an XDG autostart
  entry that starts a small loop at login (the fallback publishes only while the session is open).

Every command run goes through an injected `runner`, so tests check the exact commands without touching the
machine's scheduler. The lock file (core/outbox/lock.py) keeps the job and the open app from sending at once.

A job installed by an earlier version runs that version's command line (without a flag added since, or the
app's old place): `BackgroundJob.update()`, called by the app at start when background publishing is on,
reads the installed definition back and installs it again when it differs.
"""

from __future__ import annotations

import os
import plistlib
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath
from xml.etree import ElementTree

from cm_desktop.core.i18n import Text

TASK_NAME = "CM Desktop publish"
LAUNCH_LABEL = "org.cmdesktop.publish"
UNIT_NAME = "cm-desktop-publish"
INTERVAL_MINUTES = 5

# What the job does each time: send what is due, then read messages, saved searches and figures.
JOB_ARGUMENTS = ("publish-due", "--json", "--inbox", "--watch", "--results")

Runner = Callable[[Sequence[str]], "subprocess.CompletedProcess[str]"]

INSTALL_FAILED = Text(
    en="Background publishing could not be switched on ({detail}). Posts will go out while the app is open.",
    fr=(
        "La publication en arrière-plan n'a pas pu être activée ({detail}). Les publications partiront "
        "tant que l'application est ouverte."
    ),
)
FALLBACK_USED = Text(
    en="This computer has no systemd: background publishing runs while you are logged in.",
    fr="Cet ordinateur n'a pas systemd : la publication en arrière-plan fonctionne tant que votre session est ouverte.",
)


class JobError(Exception):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail

    def message(self, lang: str) -> str:
        return INSTALL_FAILED.get("fr" if lang == "fr" else "en", detail=self.detail)


@dataclass(frozen=True)
class JobStatus:
    installed: bool
    kind: str  # "schtasks", "launchd", "systemd", "autostart", ""
    detail: str = ""


def publish_command(
    *, frozen: bool | None = None, executable: str | None = None, platform: str = sys.platform
) -> list[str]:
    """The command the job runs: the frozen app itself, or this Python with `-m cm_desktop`."""
    is_frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    exe = executable or sys.executable
    if is_frozen:
        return [exe, *JOB_ARGUMENTS]
    if platform == "win32" and PureWindowsPath(exe).name.lower() == "python.exe":
        # python.exe would flash a console window every 5 minutes; pythonw.exe sits beside it, windowless.
        exe = str(PureWindowsPath(exe).with_name("pythonw.exe"))
    return [exe, "-m", "cm_desktop", *JOB_ARGUMENTS]


def _run(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, timeout=30, check=False)


def _check(result: subprocess.CompletedProcess[str], what: str) -> None:
    if result.returncode != 0:
        raise JobError(f"{what}: exit {result.returncode}")


# --- Windows ------------------------------------------------------------------------------------------


TASK_NAMESPACE = "http://schemas.microsoft.com/windows/2004/02/mit/task"


def windows_command_line(command: Sequence[str]) -> str:
    return subprocess.list2cmdline(list(command))


def task_xml(command: Sequence[str]) -> bytes:
    """The task definition (Task Scheduler schema 1.2, Windows 7 and later), UTF-16 as schtasks expects.

    Every 5 minutes from a date in the past, for ever; for the person who registers it, only while they are
    logged on (no password stored, no admin). Elements in the order the schema lists them.
    """
    ElementTree.register_namespace("", TASK_NAMESPACE)

    def add(parent: ElementTree.Element, tag: str, text: str | None = None) -> ElementTree.Element:
        element = ElementTree.SubElement(parent, f"{{{TASK_NAMESPACE}}}{tag}")
        element.text = text
        return element

    task = ElementTree.Element(f"{{{TASK_NAMESPACE}}}Task", {"version": "1.2"})
    info = add(task, "RegistrationInfo")
    add(info, "Description", "CM Desktop: publish the posts that are due")
    trigger = add(add(task, "Triggers"), "TimeTrigger")
    repetition = add(trigger, "Repetition")
    add(repetition, "Interval", f"PT{INTERVAL_MINUTES}M")
    add(repetition, "StopAtDurationEnd", "false")
    add(trigger, "StartBoundary", "2024-01-01T00:00:00")
    add(trigger, "Enabled", "true")
    principal = add(add(task, "Principals"), "Principal", None)
    principal.set("id", "Author")
    add(principal, "LogonType", "InteractiveToken")
    add(principal, "RunLevel", "LeastPrivilege")
    settings = add(task, "Settings")
    # One run at a time (the outbox lock would refuse a second anyway); laptops on battery publish too; a
    # run missed while asleep happens at wake-up; a run stuck on a dead network is ended after 10 minutes.
    add(settings, "MultipleInstancesPolicy", "IgnoreNew")
    add(settings, "DisallowStartIfOnBatteries", "false")
    add(settings, "StopIfGoingOnBatteries", "false")
    add(settings, "AllowHardTerminate", "true")
    add(settings, "StartWhenAvailable", "true")
    add(settings, "RunOnlyIfNetworkAvailable", "false")
    idle = add(settings, "IdleSettings")
    add(idle, "StopOnIdleEnd", "false")
    add(idle, "RestartOnIdle", "false")
    add(settings, "AllowStartOnDemand", "true")
    add(settings, "Enabled", "true")
    add(settings, "Hidden", "false")
    add(settings, "RunOnlyIfIdle", "false")
    add(settings, "WakeToRun", "false")
    add(settings, "ExecutionTimeLimit", "PT10M")
    add(settings, "Priority", "7")
    actions = add(task, "Actions")
    actions.set("Context", "Author")
    run = add(actions, "Exec")
    add(run, "Command", command[0])
    if len(command) > 1:
        add(run, "Arguments", windows_command_line(command[1:]))
    ElementTree.indent(task)
    body = ElementTree.tostring(task, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-16"?>\n' + body + "\n").encode("utf-16")


def schtasks_create_args(xml_file: Path | str) -> list[str]:
    # /F replaces an older task of ours; no /RU: the task runs as the current user, no admin needed.
    return ["schtasks", "/Create", "/TN", TASK_NAME, "/XML", str(xml_file), "/F"]


def schtasks_delete_args() -> list[str]:
    return ["schtasks", "/Delete", "/TN", TASK_NAME, "/F"]


def schtasks_query_args() -> list[str]:
    return ["schtasks", "/Query", "/TN", TASK_NAME]


def schtasks_definition_args() -> list[str]:
    return ["schtasks", "/Query", "/TN", TASK_NAME, "/XML"]


def task_action(definition: str) -> tuple[str, str] | None:
    """(Command, Arguments) of a task definition as `schtasks /Query /XML` prints it; None if unreadable."""
    # The declaration names UTF-16 while the text is already decoded: ElementTree would refuse it.
    body = re.sub(r"^\s*<\?xml[^>]*\?>", "", definition.lstrip("\ufeff"))
    try:
        task = ElementTree.fromstring(body)
    except ElementTree.ParseError:
        return None
    names = {"t": TASK_NAMESPACE}
    command = task.findtext("t:Actions/t:Exec/t:Command", namespaces=names)
    if command is None:
        return None
    return command.strip(), (task.findtext("t:Actions/t:Exec/t:Arguments", namespaces=names) or "").strip()


# --- macOS --------------------------------------------------------------------------------------------


def launch_agent_path(home: Path | None = None) -> Path:
    return (home or Path.home()) / "Library" / "LaunchAgents" / f"{LAUNCH_LABEL}.plist"


def launch_agent_plist(command: Sequence[str], log_dir: Path) -> bytes:
    return plistlib.dumps(
        {
            "Label": LAUNCH_LABEL,
            "ProgramArguments": list(command),
            "StartInterval": INTERVAL_MINUTES * 60,
            "RunAtLoad": True,
            "ProcessType": "Background",
            "StandardOutPath": str(log_dir / "publish-job.out.log"),
            "StandardErrorPath": str(log_dir / "publish-job.err.log"),
        }
    )


def launchctl_load_args(plist: Path) -> list[str]:
    return ["launchctl", "load", "-w", str(plist)]


def launchctl_unload_args(plist: Path) -> list[str]:
    return ["launchctl", "unload", "-w", str(plist)]


# --- Linux --------------------------------------------------------------------------------------------


def config_home() -> Path:
    value = os.environ.get("XDG_CONFIG_HOME")
    return Path(value) if value else Path.home() / ".config"


def systemd_unit_dir(base: Path | None = None) -> Path:
    return (base or config_home()) / "systemd" / "user"


def systemd_service(command: Sequence[str]) -> str:
    return (
        "[Unit]\n"
        "Description=CM Desktop: publish the posts that are due\n\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={shlex.join(command)}\n"
    )


def systemd_timer() -> str:
    return (
        "[Unit]\n"
        "Description=CM Desktop: publish the posts that are due, every 5 minutes\n\n"
        "[Timer]\n"
        "OnBootSec=2min\n"
        f"OnUnitActiveSec={INTERVAL_MINUTES}min\n"
        "Persistent=true\n\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )


def autostart_path(base: Path | None = None) -> Path:
    return (base or config_home()) / "autostart" / f"{UNIT_NAME}.desktop"


def autostart_entry(command: Sequence[str]) -> str:
    # A login item that runs the command every 5 minutes for the length of the session.
    loop = f"while true; do {shlex.join(command)} >/dev/null 2>&1; sleep {INTERVAL_MINUTES * 60}; done"
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=CM Desktop background publishing\n"
        f"Exec=sh -c {shlex.quote(loop)}\n"
        "NoDisplay=true\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def systemctl_available() -> bool:
    return shutil.which("systemctl") is not None and Path("/run/systemd/system").is_dir()


def can_run_while_closed(platform: str = sys.platform) -> bool:
    """Whether the operating system can send posts while the app is closed: Windows' Task Scheduler, a
    macOS launch agent, a systemd user timer. An autostart entry (the Linux fallback) only runs at login."""
    return platform in ("win32", "darwin") or systemctl_available()


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


# --- the job ------------------------------------------------------------------------------------------


@dataclass
class BackgroundJob:
    """install() / remove() / status() for this platform."""

    platform: str = sys.platform
    command: Sequence[str] | None = None
    runner: Runner = _run
    home: Path | None = None
    log_dir: Path | None = None
    systemd: bool | None = None  # None: detect

    def _command(self) -> list[str]:
        return list(self.command or publish_command())

    def _use_systemd(self) -> bool:
        return systemctl_available() if self.systemd is None else self.systemd

    def install(self) -> JobStatus:
        command = self._command()
        if self.platform == "win32":
            with tempfile.TemporaryDirectory(prefix="cm-desktop-task-") as folder:
                definition = Path(folder) / "task.xml"
                definition.write_bytes(task_xml(command))
                _check(self.runner(schtasks_create_args(definition)), "schtasks")
            return JobStatus(True, "schtasks")
        if self.platform == "darwin":
            path = launch_agent_path(self.home)
            path.parent.mkdir(parents=True, exist_ok=True)
            log_dir = self.log_dir or (self.home or Path.home()) / "Library" / "Logs" / "CM Desktop"
            log_dir.mkdir(parents=True, exist_ok=True)
            self.runner(launchctl_unload_args(path)) if path.exists() else None
            path.write_bytes(launch_agent_plist(command, log_dir))
            _check(self.runner(launchctl_load_args(path)), "launchctl")
            return JobStatus(True, "launchd", str(path))
        units = systemd_unit_dir()
        if self._use_systemd():
            units.mkdir(parents=True, exist_ok=True)
            (units / f"{UNIT_NAME}.service").write_text(systemd_service(command), encoding="utf-8")
            (units / f"{UNIT_NAME}.timer").write_text(systemd_timer(), encoding="utf-8")
            _check(self.runner(["systemctl", "--user", "daemon-reload"]), "systemctl")
            _check(self.runner(["systemctl", "--user", "enable", "--now", f"{UNIT_NAME}.timer"]), "systemctl")
            return JobStatus(True, "systemd", str(units))
        path = autostart_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(autostart_entry(command), encoding="utf-8")
        return JobStatus(True, "autostart", str(path))

    def current(self) -> bool | None:
        """Whether the installed job runs this version's command line: None when no job is installed; False
        when it runs another one, or its definition cannot be read back (installing again is harmless)."""
        command = self._command()
        if self.platform == "win32":
            if self.runner(schtasks_query_args()).returncode != 0:
                return None
            shown = self.runner(schtasks_definition_args())
            action = task_action(shown.stdout or "") if shown.returncode == 0 else None
            arguments = windows_command_line(command[1:]) if len(command) > 1 else ""
            return action == (command[0], arguments)
        if self.platform == "darwin":
            path = launch_agent_path(self.home)
            if not path.exists():
                return None
            try:
                agent = plistlib.loads(path.read_bytes())
            except (OSError, ValueError, plistlib.InvalidFileException):
                return False
            return isinstance(agent, dict) and agent.get("ProgramArguments") == command
        service = systemd_unit_dir() / f"{UNIT_NAME}.service"
        if service.exists():
            return _read(service) == systemd_service(command)
        entry = autostart_path()
        if entry.exists():
            return _read(entry) == autostart_entry(command)
        return None

    def update(self) -> JobStatus | None:
        """Install the job again when the installed one runs another command line (an earlier version's);
        None when there was nothing to do (no job installed, or the right one)."""
        if self.current() is not False:
            return None
        return self.install()

    def remove(self) -> JobStatus:
        if self.platform == "win32":
            self.runner(schtasks_delete_args())  # absent already: fine
            return JobStatus(False, "schtasks")
        if self.platform == "darwin":
            path = launch_agent_path(self.home)
            if path.exists():
                self.runner(launchctl_unload_args(path))
                path.unlink()
            return JobStatus(False, "launchd")
        units = systemd_unit_dir()
        timer = units / f"{UNIT_NAME}.timer"
        if timer.exists() and self._use_systemd():
            self.runner(["systemctl", "--user", "disable", "--now", f"{UNIT_NAME}.timer"])
        for name in (f"{UNIT_NAME}.timer", f"{UNIT_NAME}.service"):
            (units / name).unlink(missing_ok=True)
        if self._use_systemd():
            self.runner(["systemctl", "--user", "daemon-reload"])
        autostart_path().unlink(missing_ok=True)
        return JobStatus(False, "")

    def status(self) -> JobStatus:
        if self.platform == "win32":
            return JobStatus(self.runner(schtasks_query_args()).returncode == 0, "schtasks")
        if self.platform == "darwin":
            return JobStatus(launch_agent_path(self.home).exists(), "launchd")
        timer = systemd_unit_dir() / f"{UNIT_NAME}.timer"
        if timer.exists():
            if self._use_systemd():
                active = self.runner(["systemctl", "--user", "is-enabled", f"{UNIT_NAME}.timer"])
                return JobStatus(active.returncode == 0, "systemd", active.stdout.strip())
            return JobStatus(True, "systemd", "not checked: systemctl unavailable")
        if autostart_path().exists():
            return JobStatus(True, "autostart")
        return JobStatus(False, "")
