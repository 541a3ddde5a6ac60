"""The app's own outbox worker against Bluesky's real PDS: it sends, notifies, and never doubles a post even
when the background job (`cm-desktop publish-due`, a real second process) runs at the same moment."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from cm_desktop.core.outbox import queue_post, targets
from cm_desktop.core.schedule import SystemClock
from cm_desktop.core.store import open_store
from cm_desktop.platform.paths import AppPaths
from cm_desktop.platform.secrets import Secrets
from cm_desktop.services.publishing import build_outbox
from cm_desktop.ui.outbox.controller import OutboxController
from cm_desktop.ui.tasks import ThreadTaskRunner
from tests.integration.outbox_helpers import CliHome, texts_on_server
from tests.pds_peer import PdsPeer


def record(into: list[tuple[str, str]], item: tuple[str, str]) -> bool:
    into.append(item)
    return True


pytestmark = [pytest.mark.pds, pytest.mark.skipif(sys.platform == "win32", reason="file keychain paths")]


def test_app_worker_and_background_job_together_publish_each_post_once(
    qtbot: QtBot, pds: PdsPeer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = CliHome(tmp_path)
    handle, did, app_password = pds.create_account("inapp")
    account = home.add_bluesky(pds, handle, app_password)
    # The same file keychain the CLI process used (named explicitly, as secrets.py requires).
    for name, value in home.env().items():
        if name in ("PYTHON_KEYRING_BACKEND", "XDG_DATA_HOME"):
            monkeypatch.setenv(name, value)
    from keyrings.alt.file import PlaintextKeyring

    secrets = Secrets(PlaintextKeyring())
    paths = AppPaths(data=home.data, logs=tmp_path / "logs")
    store = open_store(paths.database, paths.backups)
    now = datetime.now(UTC)
    texts = [f"in the app {i} ☀️" for i in range(12)]
    for text in texts:
        queue_post(store, text=text, account_ids=[account["id"]], when_utc=now, now=now)

    notes: list[tuple[str, str]] = []
    window = QWidget()
    qtbot.addWidget(window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    runner = ThreadTaskRunner()
    controller = OutboxController(
        store,
        lambda: build_outbox(paths, store, secrets=secrets).run(),
        runner,
        SystemClock(),
        "Europe/Paris",
        lambda: "en",
        data_dir=paths.data,
        renditions_dir=paths.renditions,
        show_notification=lambda title, message: record(notes, (title, message)),
        open_url=lambda _url: True,
        clipboard=app.clipboard(),
        window=window,
        tick_ms=500,  # the lock may be held by the job: the worker simply tries again at its next tick
    )
    qtbot.addWidget(controller.page)
    app_events: list[str] = []
    controller.worker.ran.connect(lambda outcomes: app_events.extend(o.event for o in outcomes))
    job = home.spawn("publish-due", "--json")
    controller.start()

    out, err = job.communicate(timeout=60)
    assert job.returncode == 0, err.decode()
    job_sent = sum(1 for t in json.loads(out)["targets"] if t["event"] == "published")
    # Done when every post is out and the worker has reported its last run back to the GUI thread.
    qtbot.waitUntil(
        lambda: (
            all(t.state == "published" for t in targets(store))
            and app_events.count("published") + job_sent == len(texts)
        ),
        timeout=90_000,
    )
    controller.stop()
    runner.wait()

    assert texts_on_server(pds, did) == {t: 1 for t in texts}
    app_sent = app_events.count("published")
    assert app_sent + job_sent == len(texts)  # each post sent by exactly one of the two publishers
    if app_sent:
        assert "Published on Bluesky" in [title for title, _m in notes]
    qtbot.waitUntil(lambda: len(controller.page.board.sent) == len(texts), timeout=10_000)
    assert home.integrity() == "ok"
    store.close()
