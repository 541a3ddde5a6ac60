"""The wizard inside the running app (issue #16.6, .11, .12): connecting opens on top of it and comes back
to it, publishing while closed is asked there, Settings shows the language chosen there."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from cm_desktop.core.settings import Settings, load_settings
from cm_desktop.platform.paths import AppPaths
from cm_desktop.ui.app import Shell
from cm_desktop.ui.tasks import SyncTaskRunner
from cm_desktop.ui.wizard.wizard import FirstRunWizard


class RecordingJob:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def install(self) -> Any:
        from cm_desktop.platform.background_job import JobStatus

        self.calls.append("install")
        return JobStatus(True, "systemd")

    def remove(self) -> Any:
        from cm_desktop.platform.background_job import JobStatus

        self.calls.append("remove")
        return JobStatus(False, "")


def start(qtbot: QtBot, tmp_path: Path, job: RecordingJob) -> Shell:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    paths = AppPaths(data=tmp_path / "data", logs=tmp_path / "logs")
    shell = Shell(
        app, paths, SyncTaskRunner(), settings=Settings(), show_dialogs=True, use_system_network=False,
        background_job=lambda: job,
    )  # fmt: skip
    shell._job_can_run_closed = lambda: True  # type: ignore[method-assign]  # as on Windows, macOS, systemd
    qtbot.addWidget(shell.window)
    with qtbot.waitSignal(shell.store_ready, timeout=20_000):
        shell.window.show()
    qtbot.waitUntil(lambda: getattr(shell, "wizard", None) is not None, timeout=5_000)
    return shell


def test_the_wizard_connects_on_top_of_itself_and_asks_about_publishing_while_closed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    job = RecordingJob()
    shell = start(qtbot, tmp_path, job)
    wizard: FirstRunWizard = shell.wizard
    qtbot.addWidget(wizard)
    try:
        wizard.language_page.french.click()
        # Settings shows the choice made in the wizard, not "Same as this computer".
        assert shell.settings_page.language_combo.currentData() == "fr"
        assert load_settings(shell.paths.settings_file).language == "fr"
        page = wizard.business_page
        page.name_edit.setText("Fleurs d'Iris")
        page.kind_combo.setCurrentIndex(page.kind_combo.findData("shop"))
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        next_button.click()
        next(iter(wizard.goals_page.boxes.values())).setChecked(True)
        for _ in range(4):  # business, goals, time, networks
            assert next_button.isEnabled(), wizard.currentId()
            next_button.click()
        assert wizard.currentId() == FirstRunWizard.CONNECT
        shown_page = shell.window.current_page_name()
        # Publishing while closed is asked here, ticked where the system can run the job.
        assert wizard.connect_page.background_box.isChecked()
        qtbot.mouseClick(wizard.connect_page.buttons["bluesky"], Qt.MouseButton.LeftButton)
        dialog = shell.accounts.bluesky_dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.parentWidget() is wizard  # on top of the wizard, not behind it on the Accounts page
        assert shell.window.current_page_name() == shown_page
        dialog.connected.emit(SimpleNamespace(handle="iris.test", display_name="Fleurs d'Iris"))
        dialog.reject()
        assert wizard.isVisible() and wizard.currentId() == FirstRunWizard.CONNECT
        assert "iris.test" in wizard.connect_page.connected_label.text()
        wizard.button(QWizard.WizardButton.NextButton).click()
        qtbot.waitUntil(lambda: wizard.summary_page.plan is not None, timeout=5_000)
        wizard.button(QWizard.WizardButton.FinishButton).click()
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5_000)
        assert job.calls == ["install"]
        assert load_settings(shell.paths.settings_file).background_publishing is True
        assert shell.settings_page.background_check.isChecked()
    finally:
        shell.translations.apply("en")


def test_typing_her_trade_chooses_the_kind_and_the_plan_speaks_of_flowers(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from datetime import date

    from cm_desktop.core.coach.trades import foreign_products
    from cm_desktop.core.store import open_store

    store = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    try:
        wizard = FirstRunWizard(
            store, SyncTaskRunner(), lambda _l: None, language="fr", today=lambda: date(2027, 3, 1),
            fallback_zone="Europe/Paris",
        )  # fmt: skip
        qtbot.addWidget(wizard)
        page = wizard.business_page
        page.name_edit.setText("Fleurs d'Iris")
        qtbot.keyClicks(page.trade_edit, "fleuriste")
        assert page.kind_combo.currentData() == "shop"
        assert "Fleuriste" in page.trade_hint.text()
        answers, _zone = wizard.answers()
        assert answers.trade == "florist"
        from cm_desktop.core.onboarding import build_plan

        plan = build_plan(answers, "Europe/Paris", date(2027, 3, 1))
        text = " ".join(s.text for s in plan.suggestions)
        assert foreign_products(text, "fr", "flowers") == []
        assert any(s.idea_code.startswith("flowers_") for s in plan.suggestions)
    finally:
        store.close()
