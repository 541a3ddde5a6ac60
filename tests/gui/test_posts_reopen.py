"""One path to create a post: whichever face made it (the command line, a CSV import, the composer), the
composer reopens it with its pictures. Real CLI process, real store, real widgets."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image
from pytestqt.qtbot import QtBot

from cm_desktop.core.calendar_io import import_rows, read_csv_file
from cm_desktop.core.drafts import load_draft
from cm_desktop.core.models import Account
from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import Store, open_store
from cm_desktop.platform.paths import AppPaths
from cm_desktop.ui.composer.media_strip import MediaItem
from cm_desktop.ui.composer.page import ComposerPage
from cm_desktop.ui.tasks import SyncTaskRunner

NOW = datetime(2027, 3, 20, 10, 0, tzinfo=UTC)


def _home(tmp_path: Path) -> AppPaths:
    home = tmp_path / "home"
    return AppPaths(data=home, logs=home / "logs")


def _picture(path: Path, colour: tuple[int, int, int]) -> Path:
    Image.new("RGB", (640, 480), colour).save(path, quality=90)
    return path


def _account(store: Store) -> int:
    with store.session() as session:
        account = Account(network="mastodon", handle="@atelier@example.social", remote_id="1")
        session.add(account)
        session.commit()
        assert account.id is not None
        return account.id


def _composer(qtbot: QtBot, paths: AppPaths, store: Store) -> ComposerPage:
    page = ComposerPage(SyncTaskRunner(), ManualClock(NOW), "Europe/Paris", paths.media, lambda: "en")
    qtbot.addWidget(page)
    page.set_store(store)
    return page


def _stored_paths(paths: AppPaths) -> list[str]:
    conn = sqlite3.connect(paths.database)
    try:
        return [row[0] for row in conn.execute("SELECT stored_path FROM media ORDER BY post_id, position")]
    finally:
        conn.close()


def _reopened(page: ComposerPage, store: Store, post_id: int) -> list[MediaItem]:
    draft = load_draft(store, post_id)
    assert draft is not None
    page.load(draft)
    return page.media.items()


def test_a_post_queued_from_the_command_line_reopens_with_its_pictures(qtbot: QtBot, tmp_path: Path) -> None:
    paths = _home(tmp_path)
    store = open_store(paths.database, paths.backups)
    try:
        account_id = _account(store)
        photo = _picture(tmp_path / "vitrine.jpg", (200, 80, 40))
        env = {**os.environ, "CM_DESKTOP_HOME": str(paths.data), "QT_QPA_PLATFORM": "offscreen"}
        done = subprocess.run(
            [sys.executable, "-m", "cm_desktop", "post", "--to", str(account_id), "--text", "La vitrine",
             "--image", str(photo), "--alt", "Notre vitrine", "--at", "2030-05-04T09:00"],
            capture_output=True, text=True, env=env, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        post_id = int(done.stdout.strip())
        items = _reopened(_composer(qtbot, paths, store), store, post_id)
        assert [i.alt for i in items] == ["Notre vitrine"]
        assert all(i.path.is_file() for i in items)
        assert not any(Path(p).is_absolute() for p in _stored_paths(paths))
    finally:
        store.close()


def test_a_post_imported_from_csv_reopens_with_its_pictures(qtbot: QtBot, tmp_path: Path) -> None:
    paths = _home(tmp_path)
    store = open_store(paths.database, paths.backups)
    try:
        folder = tmp_path / "import"
        folder.mkdir()
        _picture(folder / "bouquet.jpg", (40, 160, 60))
        csv = folder / "plan.csv"
        csv.write_text(
            "date,time,networks,text,images\n2030-05-06,10:00,Instagram,Bouquet du jour,bouquet.jpg\n"
        )
        preview = read_csv_file(csv, "Europe/Paris", NOW)
        assert preview.ok, preview.rows
        (post_id,) = import_rows(store, preview, "Europe/Paris", paths.data)
        items = _reopened(_composer(qtbot, paths, store), store, post_id)
        assert len(items) == 1 and items[0].path.is_file()
    finally:
        store.close()


def test_the_composer_stores_pictures_relative_to_the_data_folder(qtbot: QtBot, tmp_path: Path) -> None:
    """Saved by the composer, a picture's path names no folder of this computer: moved data still works."""
    paths = _home(tmp_path)
    store = open_store(paths.database, paths.backups)
    try:
        page = _composer(qtbot, paths, store)
        page.editor.setPlainText("Nouveautés")
        page.targets.set_selected(["instagram"])
        page.media.add_files([_picture(tmp_path / "nouveau.jpg", (10, 20, 200))])
        qtbot.waitUntil(lambda: len(page.media.items()) == 1)
        page.save_now()
        qtbot.waitUntil(lambda: page.post_id is not None)
        (stored,) = _stored_paths(paths)
        assert not Path(stored).is_absolute() and stored.startswith("media/")
        assert page.post_id is not None
        items = _reopened(_composer(qtbot, paths, store), store, page.post_id)
        assert items[0].path == paths.data / stored
    finally:
        store.close()
