"""The composer as a florist met it on her first hour (issue #16): the same checks as the outbox, no false
alarm after success, status lines that belong to their draft, buttons that stay where they are."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import Store, open_store
from cm_desktop.ui.composer.page import ComposerPage
from cm_desktop.ui.tasks import SyncTaskRunner, ThreadTaskRunner

NOW = datetime(2027, 3, 20, 10, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield s
    s.close()


def make_page(
    qtbot: QtBot, store: Store, tmp_path: Path, runner: object = None, lang: str = "fr"
) -> ComposerPage:
    page = ComposerPage(
        runner or SyncTaskRunner(),  # type: ignore[arg-type]
        ManualClock(NOW),
        "Europe/Paris",
        tmp_path / "media",
        lambda: lang,  # type: ignore[arg-type,return-value]
    )
    qtbot.addWidget(page)
    page.set_store(store)
    return page


def settle(qtbot: QtBot, page: ComposerPage) -> None:
    qtbot.waitUntil(lambda: not page.refresh_pending() and not page.renditions.pending(), timeout=10_000)
    page.flush()


def phone_photo(path: Path) -> Path:
    """3000x2000, well over a megabyte: what a phone gives (noise compresses badly)."""
    Image.effect_noise((3000, 2000), 80).convert("RGB").save(path, quality=95)
    assert path.stat().st_size > 1_000_000
    return path


def test_a_phone_photo_is_fitted_for_bluesky_not_refused(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    page = make_page(qtbot, store, tmp_path, ThreadTaskRunner())
    page.targets.set_selected(["bluesky"])
    page.editor.setPlainText("Les tulipes sont arrivées")
    page.media.add_files([phone_photo(tmp_path / "bouquet.jpg")])
    qtbot.waitUntil(lambda: len(page.media.items()) == 1, timeout=10_000)
    page.media.set_alt(0, "Un bouquet de tulipes jaunes")
    settle(qtbot, page)
    codes = {i.code: i for i in page.issues["bluesky"]}
    assert "image.too_heavy" not in codes
    assert [i.code for i in page.issues["bluesky"] if i.severity.value == "blocks"] == []
    note = codes["image.fitted"]
    assert note.severity.value == "tip"
    assert "2000×1333" in note.text("fr") and "Bluesky" in note.text("fr")
    # What the outbox will send was prepared off the GUI thread, once for Bluesky.
    assert page.renditions.started == 1
    assert page._ready()
