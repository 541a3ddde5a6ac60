"""The Compose page driven through its real widgets, on a real store (SyncTaskRunner: deterministic)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlmodel import select

from cm_desktop.core.models import PostTarget, TargetState
from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import Store, open_store
from cm_desktop.ui.composer.page import ComposerPage
from cm_desktop.ui.tasks import SyncTaskRunner

NOW = datetime(2027, 3, 20, 10, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield s
    s.close()


def make_page(qtbot: QtBot, store: Store, tmp_path: Path) -> ComposerPage:
    page = ComposerPage(SyncTaskRunner(), ManualClock(NOW), "Europe/Paris", tmp_path / "media", lambda: "en")
    qtbot.addWidget(page)
    page.set_store(store)
    return page


def settle(qtbot: QtBot, page: ComposerPage) -> None:
    """Key events are checked on the next turn of the event loop (coalesced): wait for that turn."""
    qtbot.waitUntil(lambda: not page.refresh_pending(), timeout=3_000)


def test_typing_updates_counters_and_issues_per_network(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    page = make_page(qtbot, store, tmp_path)
    page.targets.set_selected(["bluesky", "x", "instagram"])
    qtbot.keyClicks(page.editor, "Galette ")
    page.editor.insertPlainText("🥐")  # QTest types ASCII only
    qtbot.keyClicks(page.editor, " https://boulangerie.fr #Lyon")
    settle(qtbot, page)
    counters = page.counters.labels()
    assert set(counters) == {"bluesky", "x", "instagram"}
    # X counts the link as 23 and the emoji as 2: "Galette " 8 + 2 + 1 + 23 + 6.
    assert page.measures["x"].count == 40
    assert "40 / 280" in counters["x"].text()
    codes = {i.code for i in page.issues["instagram"]}
    assert "images.required" in codes
    assert any(row.button is not None for row in page.issues_panel.rows)


def test_override_changes_only_that_network(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    page = make_page(qtbot, store, tmp_path)
    page.targets.set_selected(["bluesky", "mastodon"])
    page.editor.setPlainText("Texte commun")
    page.override_editors["mastodon"].setPlainText("Texte pour Mastodon, plus long")
    settle(qtbot, page)
    assert page.text_for("bluesky") == "Texte commun"
    assert page.measures["mastodon"].count == len("Texte pour Mastodon, plus long")


def test_too_long_text_fix_selects_what_is_over(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    page = make_page(qtbot, store, tmp_path)
    page.targets.set_selected(["bluesky"])
    page.editor.setPlainText("é" * 310)
    settle(qtbot, page)
    row = next(r for r in page.issues_panel.rows if r.issue.fix is not None and r.issue.fix.kind == "shorten")
    assert row.button is not None
    row.button.click()
    assert page.editor.textCursor().selectedText() == "é" * 10


def test_autosave_and_restore_after_a_crash(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    page = make_page(qtbot, store, tmp_path)
    page.targets.set_selected(["facebook"])
    with qtbot.waitSignal(page.draft_saved, timeout=3000):
        qtbot.keyClicks(page.editor, "Brouillon ")  # QTest types ASCII only
        page.editor.insertPlainText("à ne pas perdre ✨")
    # A new page on the same store (as after a restart) gets the text back.
    again = make_page(qtbot, store, tmp_path)
    assert again.editor.toPlainText() == "Brouillon à ne pas perdre ✨"
    assert again.targets.selected() == ["facebook"]


def test_schedule_refuses_a_time_that_does_not_exist(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    page = make_page(qtbot, store, tmp_path)
    page.targets.set_selected(["mastodon"])
    page.editor.setPlainText("Bonjour")
    page.schedule()
    dialog = page.schedule_dialog
    qtbot.addWidget(dialog)
    dialog.when.setDateTime(dialog.when.dateTime().fromString("2027-03-28 02:30", "yyyy-MM-dd HH:mm"))
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()
    assert "03:00" in dialog.message.text()
    dialog.when.setDateTime(dialog.when.dateTime().fromString("2027-03-19 09:00", "yyyy-MM-dd HH:mm"))
    dialog.buttons.accepted.emit()
    assert "already passed" in dialog.message.text()
    dialog.when.setDateTime(dialog.when.dateTime().fromString("2027-03-29 09:00", "yyyy-MM-dd HH:mm"))
    dialog.buttons.accepted.emit()
    with store.session() as session:
        targets = session.exec(select(PostTarget)).all()
    assert [(t.state, t.next_attempt_utc) for t in targets] == [
        (TargetState.SCHEDULED.value, datetime(2027, 3, 29, 7, 0, tzinfo=UTC))
    ]
    assert page.editor.toPlainText() == ""  # a fresh post once this one is scheduled


def test_pictures_feed_the_rules_and_alt_text_prompt(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    page = make_page(qtbot, store, tmp_path)
    page.targets.set_selected(["instagram"])
    picture = tmp_path / "galette.jpg"
    Image.new("RGB", (1080, 1350), (200, 150, 80)).save(picture)
    page.editor.setPlainText("La galette est là")
    page.media.add_files([picture])
    settle(qtbot, page)
    assert len(page.media.items()) == 1
    codes = {i.code for i in page.issues["instagram"]}
    assert "images.required" not in codes
    assert "image.alt_missing" in codes


def test_publish_now_needs_a_network(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    page = make_page(qtbot, store, tmp_path)
    page.editor.setPlainText("Bonjour")
    page.publish_button.click()
    assert "network" in page.status.text()
    page.targets.set_selected(["bluesky"])
    qtbot.mouseClick(page.publish_button, Qt.MouseButton.LeftButton)
    with store.session() as session:
        assert [t.state for t in session.exec(select(PostTarget))] == [TargetState.SCHEDULED.value]
