"""Online or offline, for the status bar and (later) the outbox.

The operating system tells us through QNetworkInformation. Where no backend exists, a probe (injected, run
off the GUI thread at minute scale, never a busy loop) answers instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QNetworkInformation

from cm_desktop.ui.tasks import TaskRunner

PROBE_INTERVAL_MS = 60_000


class ConnectivityMonitor(QObject):
    changed = Signal(bool)  # True when online

    def __init__(
        self,
        runner: TaskRunner,
        probe: Callable[[], bool] | None = None,
        use_system: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner, self._probe = runner, probe
        self.online: bool | None = None
        self._info: QNetworkInformation | None = None
        self._timer: QTimer | None = None
        if use_system and QNetworkInformation.loadDefaultBackend():
            self._info = QNetworkInformation.instance()
        if self._info is not None:
            self._info.reachabilityChanged.connect(self._on_reachability)
            self._on_reachability(self._info.reachability())
        elif probe is not None:
            self._timer = QTimer(self)
            self._timer.setInterval(PROBE_INTERVAL_MS)
            self._timer.timeout.connect(self.check_now)
            self._timer.start()
            self.check_now()

    def _on_reachability(self, reachability: QNetworkInformation.Reachability) -> None:
        offline = reachability in (
            QNetworkInformation.Reachability.Disconnected,
            QNetworkInformation.Reachability.Local,
            QNetworkInformation.Reachability.Site,
        )
        self.set_online(not offline)

    def stop(self) -> None:
        """No more probes (the app is closing); the system's notifications are simply no longer followed."""
        if self._timer is not None:
            self._timer.stop()
        if self._info is not None:
            self._info.reachabilityChanged.disconnect(self._on_reachability)
            self._info = None

    def check_now(self) -> None:
        if self._probe is not None:
            self._runner.run(
                self._probe, lambda ok: self.set_online(bool(ok)), lambda _e: self.set_online(False)
            )

    def set_online(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self.changed.emit(online)
