"""The damaged-store question at start, and restoring a backup from Settings, through the real Shell."""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select

from cm_desktop.core import models
from cm_desktop.core.store import StoreSetAside, list_backups, open_store, set_aside_copy
from cm_desktop.platform.paths import AppPaths
from cm_desktop.ui import store_dialogs
from cm_desktop.ui.app import Shell
from cm_desktop.ui.i18n import Translations
from cm_desktop.ui.store_dialogs import (
    CorruptedChoice,
    RestoreDialog,
    corrupted_dialog,
    resolve_damaged_store,
)
from cm_desktop.ui.tasks import SyncTaskRunner


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(data=tmp_path / "data", logs=tmp_path / "logs")


def _posts(paths: AppPaths) -> list[str]:
    store = open_store(paths.database, paths.backups)
    with store.session() as session:
        texts = sorted(p.text for p in session.exec(select(models.Post)))
    store.close()
    return texts


def _store_with(paths: AppPaths, *texts: str, days_ago: int = 1) -> None:
    store = open_store(paths.database, paths.backups)
    with store.session() as session:
        for text in texts:
            session.add(models.Post(text=text, scheduled_utc=datetime(2027, 5, 1, 8, 0, tzinfo=UTC)))
        session.commit()
    store.close()
    open_store(paths.database, paths.backups, now=datetime.now() - timedelta(days=days_ago)).close()


def _damage(paths: AppPaths) -> StoreSetAside:
    """Damage the state index (the post rows stay readable), let a run set it aside, return what the app sees."""
    conn = sqlite3.connect(paths.database)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name='ix_post_target_state'").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    data = bytearray(paths.database.read_bytes())
    data[(root - 1) * size : root * size] = b"\xa5" * size
    paths.database.write_bytes(bytes(data))
    with pytest.raises(Exception):  # noqa: B017 - the first run sets it aside (StoreCorrupted)
        open_store(paths.database, paths.backups)
    with pytest.raises(StoreSetAside) as caught:
        open_store(paths.database, paths.backups)
    return caught.value


def test_the_question_offers_the_latest_backup_by_its_date(qtbot: QtBot, paths: AppPaths) -> None:
    _store_with(paths, "Galette")
    error = _damage(paths)
    translations = Translations(QApplication.instance())  # type: ignore[arg-type]
    translations.apply("fr")
    box = corrupted_dialog(None, error, "fr")
    qtbot.addWidget(box)
    translations.apply("en")
    restore = next(b for b in box.buttons() if b.objectName() == CorruptedChoice.RESTORE_BACKUP.value)
    day = (datetime.now() - timedelta(days=1)).strftime("%Y-%m-%d")
    assert day in restore.text() and "Restaurer" in restore.text()
    assert box.defaultButton() is restore
    assert "Rien n'est publié" in box.informativeText()


def test_save_what_can_be_read_then_restore(qtbot: QtBot, paths: AppPaths, tmp_path: Path) -> None:
    _store_with(paths, "Galette des rois", "Crêpes")
    error = _damage(paths)
    answers = [CorruptedChoice.SAVE_READABLE, CorruptedChoice.RESTORE_BACKUP]
    said: list[str] = []
    saved = tmp_path / "lu.csv"

    def ask(box: QMessageBox) -> CorruptedChoice:
        box.deleteLater()
        return answers.pop(0)

    reopen = resolve_damaged_store(
        None,
        error,
        paths.database,
        paths.backups,
        "Europe/Paris",
        "en",
        ask=ask,
        save_path=lambda _parent: saved,
        tell=lambda _parent, text: said.append(text),
    )
    assert reopen is True and answers == []
    assert said == [f"2 posts could be read from the damaged file and were saved in {saved}."]
    rows = list(csv.reader(io.StringIO(saved.read_bytes().decode("utf-8-sig"))))
    assert sorted(r[3] for r in rows[1:]) == ["Crêpes", "Galette des rois"]
    assert rows[1][1] == "10:00"  # 08:00 UTC in Paris, as planned
    assert set_aside_copy(paths.database) is None
    assert _posts(paths) == ["Crêpes", "Galette des rois"]


def test_start_fresh_and_quit(qtbot: QtBot, paths: AppPaths) -> None:
    _store_with(paths, "Galette")
    error = _damage(paths)
    quit_now = resolve_damaged_store(
        None, error, paths.database, paths.backups, "UTC", "en", ask=lambda box: CorruptedChoice.QUIT
    )
    assert quit_now is False and set_aside_copy(paths.database) is not None  # still waiting
    fresh = resolve_damaged_store(
        None, error, paths.database, paths.backups, "UTC", "en", ask=lambda box: CorruptedChoice.START_FRESH
    )
    assert fresh is True and _posts(paths) == []


def test_the_app_asks_at_start_and_opens_what_was_chosen(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store_with(paths, "Galette")
    _damage(paths)
    asked: list[type] = []

    def resolve(parent: QWidget, error: Exception, db: Path, backups: Path, *_rest: object) -> bool:
        asked.append(type(error))
        from cm_desktop.core.store import restore_backup

        restore_backup(list_backups(backups)[0], db, backups)
        return True

    monkeypatch.setattr(store_dialogs, "resolve_damaged_store", resolve)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    shell = Shell(app, paths, SyncTaskRunner(), show_dialogs=True, use_system_network=False)
    qtbot.addWidget(shell.window)
    shell.settings.onboarding_seen = True
    with qtbot.waitSignal(shell.store_ready, timeout=10_000):
        shell.window.show()
    assert asked == [StoreSetAside]
    with shell.store.session() as session:
        assert [p.text for p in session.exec(select(models.Post))] == ["Galette"]
    shell.shutdown()


def test_restore_from_settings(qtbot: QtBot, paths: AppPaths) -> None:
    _store_with(paths, "ancien")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    shell = Shell(app, paths, SyncTaskRunner(), show_dialogs=False, use_system_network=False)
    qtbot.addWidget(shell.window)
    with qtbot.waitSignal(shell.store_ready, timeout=10_000):
        shell.window.show()
    with shell.store.session() as session:
        session.add(models.Post(text="nouveau"))
        session.commit()
    backup = next(b for b in list_backups(paths.backups) if "daily" in b.name)
    with qtbot.waitSignal(shell.store_ready, timeout=10_000):
        shell.restore_backup(backup)
    with shell.store.session() as session:
        assert [p.text for p in session.exec(select(models.Post))] == ["ancien"]
    assert shell.settings_page.restore_status.isVisibleTo(shell.settings_page)
    assert "restored" in shell.settings_page.restore_status.text()
    assert any("before-restore" in b.name for b in list_backups(paths.backups))
    shell.shutdown()


def test_the_restore_dialog_lists_backups_newest_first(qtbot: QtBot, paths: AppPaths) -> None:
    from cm_desktop.core.store import backup_info

    _store_with(paths, "a", days_ago=3)
    open_store(paths.database, paths.backups, now=datetime.now() - timedelta(days=1)).close()
    infos = [i for i in map(backup_info, list_backups(paths.backups)) if i is not None]
    dialog = RestoreDialog(infos)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    assert dialog.chosen() == infos[0].path
    assert "daily copy" in dialog.list.item(0).text()
    empty = RestoreDialog([])
    qtbot.addWidget(empty)
    assert not empty.restore_button.isEnabled()
