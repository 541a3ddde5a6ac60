"""The main window driven through its real widgets (pytest-qt, offscreen)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThread, QUrl
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from cm_desktop.core.settings import load_settings
from cm_desktop.core.store import HEAD_REVISION, StoreCorrupted, current_revision
from cm_desktop.platform.paths import AppPaths
from cm_desktop.ui.app import Shell
from cm_desktop.ui.main_window import MainWindow
from cm_desktop.ui.pages.settings_page import SettingsPage
from cm_desktop.ui.store_dialogs import CorruptedChoice, corrupted_dialog
from cm_desktop.ui.tasks import SyncTaskRunner, ThreadTaskRunner


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(data=tmp_path / "data", logs=tmp_path / "logs")


def make_shell(qtbot: QtBot, paths: AppPaths, probe: object = None) -> Shell:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    shell = Shell(app, paths, SyncTaskRunner(), show_dialogs=False, probe=probe, use_system_network=False)  # type: ignore[arg-type]
    qtbot.addWidget(shell.window)
    return shell


def nav_texts(window: MainWindow) -> list[str]:
    return [window.navigation.item(i).text() for i in range(window.navigation.count())]


def test_navigation_shows_every_section(qtbot: QtBot, paths: AppPaths) -> None:
    shell = make_shell(qtbot, paths)
    window = shell.window
    assert nav_texts(window) == [
        "Home",
        "Compose",
        "Calendar",
        "Sending",
        "Messages",
        "Listening",
        "Accounts",
        "Results",
        "Help",
        "Settings",
    ]
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        assert window.pages.currentIndex() == row
    window.show_page("settings")
    assert window.current_page() is shell.settings_page
    shell.set_language("en")


def test_language_switch_applies_at_once_and_is_remembered(qtbot: QtBot, paths: AppPaths) -> None:
    shell = make_shell(qtbot, paths)
    combo = shell.settings_page.language_combo
    combo.setCurrentIndex(combo.findData("fr"))
    combo.activated.emit(combo.currentIndex())
    try:
        # Qt posts LanguageChange to every widget: wait for it to arrive.
        qtbot.waitUntil(lambda: nav_texts(shell.window)[0] == "Accueil", timeout=2_000)
        assert nav_texts(shell.window)[:3] == ["Accueil", "Écrire", "Calendrier"]
        assert shell.settings_page.logs_button.text() == "Ouvrir le dossier des journaux"
        page = shell.window.page_at(2)
        assert "jours fériés" in page.sentence_label.text()  # type: ignore[attr-defined]
        assert load_settings(paths.settings_file).language == "fr"
    finally:
        shell.set_language("en")
    qtbot.waitUntil(lambda: nav_texts(shell.window)[0] == "Home", timeout=2_000)


def test_pseudo_locale_stretches_every_string(
    qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CM_DESKTOP_PSEUDO_LOCALE", "1")
    shell = make_shell(qtbot, paths)
    try:
        assert nav_texts(shell.window)[0] == "[Hhoommee]"
        assert shell.settings_page.logs_button.text().startswith("[Ooppeenn")
    finally:
        monkeypatch.delenv("CM_DESKTOP_PSEUDO_LOCALE")
        shell.set_language("en")
    qtbot.waitUntil(lambda: nav_texts(shell.window)[0] == "Home", timeout=2_000)


def test_window_geometry_is_remembered(qtbot: QtBot, paths: AppPaths) -> None:
    shell = make_shell(qtbot, paths)
    shell.window.resize(700, 520)
    shell.window.show()
    qtbot.waitExposed(shell.window)
    shell.window.close()
    again = make_shell(qtbot, paths)
    assert (again.window.width(), again.window.height()) == (700, 520)


def test_open_logs_folder_opens_the_log_folder(qtbot: QtBot, tmp_path: Path) -> None:
    opened: list[QUrl] = []
    page = SettingsPage("", tmp_path / "logs", open_url=lambda url: opened.append(url) or True)
    qtbot.addWidget(page)
    page.logs_button.click()
    assert [u.toLocalFile() for u in opened] == [str(tmp_path / "logs")]
    assert (tmp_path / "logs").is_dir()


def test_store_opens_after_first_paint_and_status_shows_offline(qtbot: QtBot, paths: AppPaths) -> None:
    shell = make_shell(qtbot, paths, probe=lambda: False)
    with qtbot.waitSignal(shell.store_ready, timeout=10_000):
        shell.window.show()
    assert current_revision(paths.database) == HEAD_REVISION
    assert shell.window.connectivity.online is False
    assert "Offline" in shell.window.connectivity.text()
    shell.window.connectivity.set_online(True)
    assert "Online" in shell.window.connectivity.text()
    shell.shutdown()


def test_damaged_database_is_reported_and_set_aside(qtbot: QtBot, paths: AppPaths) -> None:
    paths.data.mkdir(parents=True)
    paths.database.write_bytes(b"garbage" * 1000)
    shell = make_shell(qtbot, paths)
    with qtbot.waitSignal(shell.store_failed, timeout=10_000) as blocker:
        shell.window.show()
    error = blocker.args[0]
    assert isinstance(error, StoreCorrupted)
    assert error.moved_to.exists() and not paths.database.exists()

    box = corrupted_dialog(shell.window, error, "fr")
    qtbot.addWidget(box)
    names = {b.objectName() for b in box.buttons()}
    assert names == {  # no backup yet
        CorruptedChoice.SAVE_READABLE.value,
        CorruptedChoice.START_FRESH.value,
        CorruptedChoice.QUIT.value,
    }
    assert "endommagé" in box.text()
    assert box.icon() == QMessageBox.Icon.Warning


def test_thread_runner_delivers_results_and_errors_on_the_gui_thread(qtbot: QtBot) -> None:
    runner = ThreadTaskRunner()
    seen: list[tuple[str, bool, object]] = []
    gui = QCoreApplication.instance().thread()  # type: ignore[union-attr]

    def work() -> str:
        assert threading.current_thread() is not threading.main_thread()
        return "done"

    def boom() -> None:
        raise ValueError("expected")

    runner.run(work, lambda r: seen.append(("ok", QThread.currentThread() is gui, r)), lambda e: None)
    runner.run(boom, lambda r: None, lambda e: seen.append(("err", QThread.currentThread() is gui, type(e))))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5_000)
    assert sorted(seen, key=lambda s: s[0]) == [("err", True, ValueError), ("ok", True, "done")]


def test_geometry_store_is_inside_the_data_folder(paths: AppPaths, qtbot: QtBot) -> None:
    shell = make_shell(qtbot, paths)
    shell.window.close()
    assert QSettings(str(paths.data / "window.ini"), QSettings.Format.IniFormat).contains(
        "main_window/geometry"
    )


def test_closing_the_window_stops_every_background_timer(qtbot: QtBot, paths: AppPaths) -> None:
    """Tests and the real app alike: nothing keeps publishing or probing once the window is gone."""
    shell = make_shell(qtbot, paths, probe=lambda: True)
    with qtbot.waitSignal(shell.store_ready, timeout=10_000):
        shell.window.show()
    assert shell.outbox is not None and shell.outbox.worker._tick.isActive()
    assert shell.connectivity is not None and shell.connectivity._timer is not None
    assert shell.connectivity._timer.isActive()
    shell.window.close()
    assert not shell.outbox.worker._tick.isActive() and not shell.connectivity._timer.isActive()
    shell.shutdown()


def test_the_status_light_follows_the_last_exchange_with_each_network(qtbot: QtBot) -> None:
    """Issue #16.13: "Online" while Bluesky's server does not answer was a lie."""
    from datetime import datetime

    from cm_desktop.ui.connectivity_indicator import ConnectivityIndicator

    light = ConnectivityIndicator()
    qtbot.addWidget(light)
    light.set_online(True)
    assert light.accessibleName() == "Online"
    light.exchange("bluesky", False, datetime(2027, 12, 8, 7, 49))
    light.exchange("bluesky", False, datetime(2027, 12, 8, 7, 54))  # still down: the first failure counts
    assert light.accessibleName().startswith("Bluesky unreachable since 07:49")
    light.exchange("mastodon", True, datetime(2027, 12, 8, 7, 55))
    assert "Mastodon" not in light.accessibleName()
    light.exchange("bluesky", True, datetime(2027, 12, 8, 8, 2))
    assert light.accessibleName() == "Online"
    light.set_online(False)
    assert light.accessibleName().startswith("Offline")


def test_settings_is_built_when_first_shown_or_used(qtbot: QtBot, paths: AppPaths) -> None:
    """Its Qt widget types cost ~20 ms before the window could show (issue #20's time to a visible window),
    and memory at start: it waits until the person opens it, even once the store is open."""
    from cm_desktop.ui.pages.placeholder import PlaceholderPage

    shell = make_shell(qtbot, paths)
    last = shell.window.pages.count() - 1
    # Each page sits in its scrolling holder (ui/reflow.ScrollPage): look at what the holder holds.
    assert isinstance(shell.window.page_at(last), PlaceholderPage)
    shell.window.show_page("settings")
    assert isinstance(shell.window.current_page(), SettingsPage)
    assert shell.window.current_page() is shell.settings_page is shell.window.page("settings")

    later = make_shell(qtbot, paths)
    assert isinstance(later.window.page_at(last), PlaceholderPage)
    with qtbot.waitSignal(later.store_ready, timeout=10_000):
        later.window.show()
    assert isinstance(later.window.page_at(last), PlaceholderPage)
    later.set_language("fr")  # as the wizard does: the page built later shows that choice
    assert later.settings_page.language_combo.currentData() == "fr"
    assert later.window.page_at(last) is later.settings_page
    later.shutdown()
    later.set_language("en")
    shell.set_language("en")
