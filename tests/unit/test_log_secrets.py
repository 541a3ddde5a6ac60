"""Canaries: a Bluesky session JWT, an app password and a Mastodon token, pushed through every way the app
writes a log (the CLI, the background job's command, the window, the crash handler), never reach a file.

Each path gets the secrets the way real code leaks them: in a log message's arguments, in an exception's
message (which `log.exception` writes verbatim), in a URL's query string, and in an unhandled exception.
The log must still be written and say what happened, with the secrets replaced by [hidden].
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from cm_desktop.platform.logs import HIDDEN, MaskingFormatter, mask

ROOT = Path(__file__).resolve().parents[2]
JWT = (
    "eyJhbGciOiJFUzI1NksifQ.eyJzdWIiOiJkaWQ6cGxjOmNhbmFyeSIsInNjb3BlIjoiY29tLmF0cHJvdG8uYWNjZXNzIn0"
    ".Y2FuYXJ5LXNpZ25hdHVyZS0xMjM0"
)
APP_PASSWORD = "wxyz-7k2m-p9q4-h3n8"
MASTODON_TOKEN = "Zq3X-9vLpT0aB7cD2eF5gH8iJ1kL4mN6oP0qR3sT5uV"
CANARIES = (JWT, APP_PASSWORD, MASTODON_TOKEN)
# The same in every path: an argument, an exception's message, a URL with the token in its query.
LEAK = f"""
import logging
JWT, APP_PASSWORD, TOKEN = {JWT!r}, {APP_PASSWORD!r}, {MASTODON_TOKEN!r}

def leak(*_args, **_kwargs):
    log = logging.getLogger("cm_desktop.networks.bluesky")
    log.warning("session refreshed: %s (password %s)", JWT, APP_PASSWORD)
    log.info("GET https://mastodon.example/api/v1/accounts/verify_credentials?access_token=%s", TOKEN)
    raise RuntimeError(f"server answered {{{{'accessJwt': '{{JWT}}', 'token': '{{TOKEN}}'}}}} for {{APP_PASSWORD}}")
"""


def _files_under(folder: Path) -> Iterator[Path]:
    for path in folder.rglob("*"):
        if path.is_file():
            yield path


def _assert_no_canary(home: Path, *streams: str) -> str:
    """No canary in any file under `home` nor in the given streams; returns the log's text."""
    for path in _files_under(home):
        data = path.read_bytes()
        for canary in CANARIES:
            assert canary.encode() not in data, f"{canary[:12]}… reached {path}"
    for stream in streams:
        for canary in CANARIES:
            assert canary not in stream
    logs = list(home.rglob("cm-desktop.log"))
    assert logs, "no log file was written"
    return "\n".join(p.read_text(encoding="utf-8") for p in logs)


def _python(code: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CM_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LANG": "en_GB.UTF-8"}
    return subprocess.run(
        [sys.executable, "-c", LEAK + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_the_formatter_masks_message_exception_and_stack() -> None:
    formatter = MaskingFormatter("%(levelname)s %(message)s")
    try:
        raise ValueError(f"refresh failed for {JWT} / {APP_PASSWORD}")
    except ValueError:
        record = logging.LogRecord(
            "t",
            logging.ERROR,
            __file__,
            1,
            "token %s",
            (MASTODON_TOKEN,),
            sys.exc_info(),
            sinfo=f"stack {JWT}",
        )
    out = formatter.format(record)
    assert not any(c in out for c in CANARIES)
    assert out.count(HIDDEN) >= 4 and "ValueError: refresh failed for" in out
    assert (
        mask("GET https://a.example/oauth/token?code=abc&state=x done")
        == "GET https://a.example/oauth/token?… done"
    )
    assert mask("posted 3 targets in test_a_very_long_function_name_without_digits") == (
        "posted 3 targets in test_a_very_long_function_name_without_digits"
    )


def test_the_cli_writes_a_masked_log(data_home: Path) -> None:
    result = _python(
        """
        import sys
        from cm_desktop import cli
        from cm_desktop.cli_commands import posting
        posting.status = leak
        sys.exit(cli.main(["status"]))
        """,
        data_home,
    )
    assert result.returncode == 1
    assert "details are in the log" in result.stderr
    log = _assert_no_canary(data_home, result.stdout, result.stderr)
    assert "command failed" in log and "RuntimeError: server answered" in log
    assert "session refreshed: [hidden] (password [hidden])" in log
    assert "verify_credentials?…" in log


def test_the_background_job_writes_a_masked_log(data_home: Path) -> None:
    from cm_desktop.platform.background_job import publish_command

    command = publish_command(frozen=False, executable=sys.executable)
    assert command[1:3] == ["-m", "cm_desktop"]  # what the OS scheduler runs, started the same way below
    result = _python(
        f"""
        import runpy, sys
        from cm_desktop.services import publishing
        class Outbox:
            run = staticmethod(leak)
        publishing.build_outbox = lambda *a, **k: Outbox()
        sys.argv = ["cm_desktop", *{command[3:]!r}]
        runpy.run_module("cm_desktop", run_name="__main__")
        """,
        data_home,
    )
    assert result.returncode == 1
    log = _assert_no_canary(data_home, result.stdout, result.stderr)
    assert "command failed" in log and "RuntimeError" in log


def test_the_crash_handler_writes_a_masked_log(data_home: Path) -> None:
    result = _python(
        """
        import threading
        from cm_desktop.cli_commands.common import start_logging
        start_logging()
        worker = threading.Thread(target=leak)
        worker.start()
        worker.join()
        leak()
        """,
        data_home,
    )
    assert result.returncode == 1
    assert "Something went wrong" in result.stderr and "Traceback" not in result.stderr
    log = _assert_no_canary(data_home, result.stdout, result.stderr)
    assert log.count("unhandled error") == 2 and log.count("RuntimeError: server answered") == 2


def test_the_window_writes_a_masked_log(data_home: Path) -> None:
    """The real start-up path (run_app): logging after the first paint, the crash handler, a Qt slot that
    raises, and the store failing with a secret in its message."""
    result = _python(
        """
        import os, sys
        from PySide6.QtCore import QTimer
        from cm_desktop.platform.paths import default_paths
        from cm_desktop.core import store
        from cm_desktop.ui import app as app_module

        store.open_store = leak  # the Shell reports it as a bug: logged with its traceback
        real_shell = app_module.Shell

        class Shell(real_shell):
            def __init__(self, *args, **kwargs):
                # No modal message box: a nested event loop would hold the slot's exception back.
                super().__init__(*args, **kwargs, show_dialogs=False)
                self.store_failed.connect(lambda _error: QTimer.singleShot(0, self.crash))

            def crash(self):  # a bug in a slot: PySide hands it to sys.excepthook
                QTimer.singleShot(0, self.app.quit)
                leak()

        app_module.Shell = Shell
        sys.exit(app_module.run_app(default_paths()))
        """,
        data_home,
    )
    log = _assert_no_canary(data_home, result.stdout, result.stderr)
    assert "opening the store: unexpected error" in log
    assert "unhandled error" in log
    assert "session refreshed: [hidden]" in log


@pytest.fixture(autouse=True)
def _no_leftover_handlers() -> Iterator[None]:
    before = list(logging.getLogger().handlers)
    yield
    for handler in logging.getLogger().handlers:
        if handler not in before:
            logging.getLogger().removeHandler(handler)
            handler.close()
