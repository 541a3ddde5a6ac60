"""One window per data folder: a second launch brings the running window forward and exits.

- A QLockFile in the data folder decides who owns the window. Qt removes a lock whose process is gone, so a
  crash never blocks the next start; two data folders (CM_DESKTOP_HOME) have two locks and run side by side.
- The owner listens on a QLocalServer (a named pipe on Windows, a socket file on macOS and Linux) named after
  the data folder, from its first paint on (QtNetwork costs start-up time); a second launch connects (retrying
  while the owner starts), asks for the window, waits for "ok" and exits.
- Only the window is single: the CLI (`publish-due`, `status`, ...) never comes here (it has its own lock).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDeadlineTimer, QLockFile, QObject, Signal
from PySide6.QtWidgets import QWidget

from cm_desktop.platform.paths import instance_name

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

LOCK_FILE_NAME = "window.lock"
# How long a second launch waits for the running app: it may still be starting (lock taken, not listening
# yet) or busy on its GUI thread. Generous: the person sees nothing until it ends.
ANSWER_TIMEOUT_MS = 15_000
_ACTIVATE, _OK = "activate", b"ok\n"
# Windows' AllowSetForegroundWindow(ASFW_ANY): a launch the person just started may hand the foreground on.
_ASFW_ANY = -1


class Claim(Enum):
    OWNER = "owner"  # this process shows the window
    FORWARDED = "forwarded"  # the running window was asked to come forward: exit quietly
    NO_ANSWER = "no_answer"  # another process holds the window but did not answer


class SingleInstance(QObject):
    """`claim()` once at start-up, `listen()` once the window is on screen; `activation_requested` fires when
    a later launch asks for the window."""

    activation_requested = Signal()

    def __init__(self, data_dir: Path, timeout_ms: int = ANSWER_TIMEOUT_MS) -> None:
        super().__init__()
        data_dir.mkdir(parents=True, exist_ok=True)
        self._data_dir = data_dir
        self._lock = QLockFile(str(data_dir / LOCK_FILE_NAME))
        # 0: never judge a lock stale by its age, only by its process being gone (the app runs for days).
        self._lock.setStaleLockTime(0)
        self._timeout_ms = timeout_ms
        self._server: QLocalServer | None = None

    @property
    def name(self) -> str:
        # Asked only after the first paint, or by a second launch: hashing waits until then.
        return instance_name(self._data_dir.resolve(), sys.platform)

    def claim(self) -> Claim:
        deadline = QDeadlineTimer(self._timeout_ms)
        while True:
            # tryLock removes a lock whose process is gone (Qt checks its pid, name and boot id).
            if self._lock.tryLock(0):
                return Claim.OWNER
            if self._ask_owner(deadline):
                return Claim.FORWARDED
            if deadline.hasExpired():
                return Claim.NO_ANSWER
            # The owner has the lock but is not listening yet (it is starting): try again shortly.
            time.sleep(0.1)  # (QThread's Python type would cost start-up time for this alone)

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def listen(self) -> None:
        """Answer later launches (the owner only)."""
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        # Only this user may connect (on Windows too: the pipe gets this user's access rights).
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # We hold the lock, so a socket file left by a crashed owner is stale: remove it, then listen.
        QLocalServer.removeServer(self.name)
        if not server.listen(self.name):
            # The window still opens; later launches will say the app does not answer.
            log.warning("single instance: cannot listen (%s)", server.errorString())
            return
        server.newConnection.connect(self._on_connection)
        self._server = server

    def _on_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._on_request(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.canReadLine():
                self._on_request(socket)

    def _on_request(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        try:
            request = json.loads(bytes(socket.readLine().data()).decode("utf-8"))
        except ValueError:
            socket.abort()
            return
        if not isinstance(request, dict) or request.get("command") != _ACTIVATE:
            socket.abort()
            return
        token = request.get("token")
        if isinstance(token, str) and token and os.environ.get("WAYLAND_DISPLAY"):
            # Wayland only lets a window take focus with the launcher's activation token (Qt reads it here).
            os.environ["XDG_ACTIVATION_TOKEN"] = token
        log.info("single instance: a second launch asked for the window")
        socket.write(_OK)
        socket.flush()
        self.activation_requested.emit()

    def _ask_owner(self, deadline: QDeadlineTimer) -> bool:
        """Ask the owner for the window; True once it has answered "ok"."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(_remaining(deadline, 1000)):
            return False
        _allow_foreground_handover()
        socket.write(json.dumps({"command": _ACTIVATE, "token": _activation_token()}).encode() + b"\n")
        socket.waitForBytesWritten(_remaining(deadline, 1000))
        while not socket.canReadLine() and not deadline.hasExpired():
            if not socket.waitForReadyRead(_remaining(deadline, 1000)) and (
                socket.state() != QLocalSocket.LocalSocketState.ConnectedState
            ):
                break
        answered = socket.canReadLine() and bytes(socket.readLine().data()) == _OK
        socket.abort()
        return answered


def _remaining(deadline: QDeadlineTimer, most: int) -> int:
    return max(1, min(most, deadline.remainingTime()))


def _activation_token() -> str:
    # Wayland's xdg-activation token, or X11's startup notification id, given to us by the launcher.
    return os.environ.get("XDG_ACTIVATION_TOKEN") or os.environ.get("DESKTOP_STARTUP_ID") or ""


def _allow_foreground_handover() -> None:
    """Windows only lets the foreground process give focus away: we are it (the person just launched us)."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(_ASFW_ANY)


def bring_to_front(window: QWidget) -> None:
    """Show the window, un-minimised (keeping it maximised if it was), on top and focused."""
    # Imported here: the first use of PySide6's Qt namespace costs ~20 ms, which start-up need not pay.
    from PySide6.QtCore import Qt

    state = window.windowState()
    if state & Qt.WindowState.WindowMinimized:
        window.setWindowState((state & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
    window.show()
    window.raise_()
    window.activateWindow()
    log.info("single instance: window brought forward")
