"""The app reads messages and figures over its one pool of connectors (services.publishing.ConnectorPool),
as it sends posts and runs saved searches: one connector, so one Bluesky session, per account, which the
readings borrow and never close. The race this prevents is shown on the real PDS in
tests/integration/test_connector_pool.py; here, that the app is wired that way. The pool hands out a real
Mastodon connector whose server cannot be reached (httpx.MockTransport): the readings fail as offline."""

from __future__ import annotations

import traceback
from pathlib import Path

import httpx
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cm_desktop.core.models import Account
from cm_desktop.core.store import open_store
from cm_desktop.networks.mastodon import MastodonConnector
from cm_desktop.platform.paths import AppPaths
from cm_desktop.services.publishing import ConnectorPool
from cm_desktop.ui.app import Shell
from cm_desktop.ui.tasks import SyncTaskRunner


class CountedClosing(MastodonConnector):
    closed = 0

    def close(self) -> None:
        CountedClosing.closed += 1
        super().close()


def offline(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("offline in this test", request=request)


def test_the_inbox_and_the_results_borrow_the_apps_pool_connectors_and_never_close_them(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = AppPaths(data=tmp_path / "data", logs=tmp_path / "logs")
    paths.data.mkdir(parents=True)
    store = open_store(paths.database, paths.backups)
    with store.session() as session:
        session.add(
            Account(
                network="mastodon",
                handle="@shop@mastodon.example",
                server_url="https://mastodon.example",
                remote_id="1",
                secret_ref="ref",
            )
        )
        session.commit()
    store.close()
    connector = CountedClosing("https://mastodon.example", "token", transport=httpx.MockTransport(offline))
    CountedClosing.closed = 0
    asked: list[str] = []

    def get(_pool: ConnectorPool, account: Account) -> object:
        # Who asked, by the core module that reads: the inbox's sync or the results' sync.
        asked.extend(
            part
            for frame in traceback.extract_stack()
            for part in ("core/inbox/sync.py", "core/results/sync.py")
            if frame.filename.replace("\\", "/").endswith(part)
        )
        return connector

    monkeypatch.setattr(ConnectorPool, "get", get)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    shell = Shell(app, paths, SyncTaskRunner(), show_dialogs=False, use_system_network=False)
    qtbot.addWidget(shell.window)
    with qtbot.waitSignal(shell.store_ready, timeout=10_000):
        shell.window.show()  # the pages are built; the inbox and the results read at once

    assert "core/inbox/sync.py" in asked
    assert "core/results/sync.py" in asked
    assert CountedClosing.closed == 0  # given back to the pool, still open for the next post or reading
    shell.shutdown()
    connector.close()
