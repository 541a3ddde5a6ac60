"""Before any connect form, the keychain (issue #16, finding 7), driven through the real widgets.

No keychain is keyring's own "fail" backend; a locked one is a real GNOME Keyring on a private session bus
(tests/secret_service.py); the passphrase file is the real one (scrypt at its smallest cost, for speed).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import SecretService, fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from cm_desktop.core.store import Store, open_store
from cm_desktop.platform.login_file import FILE_NAME, MIN_COST, LoginFile
from cm_desktop.platform.secrets import LOGIN_FILE_CHOICE, Secrets
from cm_desktop.ui.accounts.keychain_gate import KeychainGate
from cm_desktop.ui.accounts.page import AccountsPage
from cm_desktop.ui.tasks import SyncTaskRunner, ThreadTaskRunner
from tests.secret_service import secret_service_session

LEFT = Qt.MouseButton.LeftButton
PASSPHRASE = "mon atelier de poterie 2026"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "data" / "cm-desktop.sqlite3", tmp_path / "data" / "backups")
    yield opened
    opened.close()


def make_page(
    qtbot: QtBot, store: Store, runner: object, secrets: Secrets, gate: KeychainGate
) -> AccountsPage:
    page = AccountsPage(store, runner, secrets, lambda _url: True, lambda: "en", gate=gate)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.resize(900, 640)
    page.show()
    qtbot.waitUntil(lambda: page.loaded)
    return page


def test_no_keychain_says_what_to_install_before_the_form_and_offers_a_passphrase(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    runner = ThreadTaskRunner()  # the app's own: the check runs off the GUI thread
    secrets = Secrets(fail.Keyring())
    chosen: list[str] = []
    gate = KeychainGate(
        runner,
        secrets,
        lambda: "en",
        new_login_file=lambda: LoginFile(tmp_path / "data" / FILE_NAME, cost=MIN_COST),
        remember_choice=chosen.append,
        family=lambda: "kde",
    )
    try:
        page = make_page(qtbot, store, runner, secrets, gate)
        qtbot.mouseClick(page.bluesky_button, LEFT)
        qtbot.waitUntil(lambda: gate.no_keychain is not None and gate.no_keychain.isVisible())
        dialog = gate.no_keychain
        assert dialog is not None
        assert page.bluesky_dialog is None  # nothing to type before the problem is said
        assert "kwalletmanager" in dialog.advice_label.text()
        assert dialog.file_button.isVisible()

        # Still missing after "Try again": said, and the dialog stays.
        qtbot.mouseClick(dialog.retry_button, LEFT)
        qtbot.waitUntil(lambda: "Still not available" in dialog.status.text)
        assert page.bluesky_dialog is None

        qtbot.mouseClick(dialog.file_button, LEFT)
        choose = gate.choose
        assert choose is not None and choose.isVisible() and not dialog.isVisible()
        assert "connect your accounts again" in choose.intro_label.text()  # a forgotten passphrase
        qtbot.keyClicks(choose.passphrase_edit, "poterie")
        assert "Too short" in choose.strength_label.text()
        qtbot.mouseClick(choose.create_button, LEFT)
        assert "at least 10 characters" in choose.status.text
        choose.passphrase_edit.clear()
        qtbot.keyClicks(choose.passphrase_edit, PASSPHRASE)
        assert choose.strength_label.text() == "Strength: good."
        qtbot.keyClicks(choose.confirm_edit, PASSPHRASE + "x")
        qtbot.mouseClick(choose.create_button, LEFT)
        assert "not the same" in choose.status.text and choose.confirm_edit.text() == ""
        assert not (tmp_path / "data" / FILE_NAME).exists()
        qtbot.keyClicks(choose.confirm_edit, PASSPHRASE)
        assert choose.status.text == ""  # a new attempt: the complaint is gone
        qtbot.mouseClick(choose.create_button, LEFT)

        # The file is made, the choice remembered, and the form opens.
        qtbot.waitUntil(lambda: page.bluesky_dialog is not None and page.bluesky_dialog.isVisible())
        assert chosen == [LOGIN_FILE_CHOICE]
        assert not choose.isVisible() and choose.passphrase_edit.text() == ""
        login_file = secrets.login_file
        assert login_file is not None and login_file.unlocked
        assert PASSPHRASE.encode() not in (tmp_path / "data" / FILE_NAME).read_bytes()
        secrets.set("account:1:session", "kept")
        assert secrets.get("account:1:session") == "kept"
        page.bluesky_dialog.reject()  # type: ignore[union-attr]
    finally:
        assert runner.wait(30_000)
        QApplication.processEvents()


def test_a_locked_passphrase_file_asks_once_wrong_is_said_and_retried(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    created = LoginFile(tmp_path / FILE_NAME, cost=MIN_COST)
    created.create(PASSPHRASE)
    Secrets(created).set("account:1:session", "kept")
    secrets = Secrets(LoginFile(tmp_path / FILE_NAME))  # a new session: locked
    runner = SyncTaskRunner()
    gate = KeychainGate(runner, secrets, lambda: "en")
    page = make_page(qtbot, store, runner, secrets, gate)

    qtbot.mouseClick(page.mastodon_button, LEFT)
    unlock = gate.unlock
    assert unlock is not None and unlock.isVisible()
    assert page.mastodon_dialog is None
    qtbot.keyClicks(unlock.passphrase_edit, "mon atelier de poterie 2025")
    qtbot.mouseClick(unlock.unlock_button, LEFT)
    assert "This is not the right passphrase" in unlock.status.text
    assert unlock.isVisible() and unlock.passphrase_edit.isEnabled()
    assert unlock.passphrase_edit.selectedText() == "mon atelier de poterie 2025"  # ready to type again
    assert page.mastodon_dialog is None

    qtbot.keyClicks(unlock.passphrase_edit, PASSPHRASE)
    qtbot.mouseClick(unlock.unlock_button, LEFT)
    assert not unlock.isVisible()
    assert page.mastodon_dialog is not None and page.mastodon_dialog.isVisible()
    assert secrets.get("account:1:session") == "kept"
    page.mastodon_dialog.reject()

    # Once per session: the next connect goes straight to the form.
    qtbot.mouseClick(page.bluesky_button, LEFT)
    assert page.bluesky_dialog is not None and page.bluesky_dialog.isVisible()
    page.bluesky_dialog.reject()


def test_forgetting_the_passphrase_deletes_only_the_logins_file(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    LoginFile(tmp_path / FILE_NAME, cost=MIN_COST).create(PASSPHRASE)
    secrets = Secrets(LoginFile(tmp_path / FILE_NAME, cost=MIN_COST))
    runner = SyncTaskRunner()
    gate = KeychainGate(runner, secrets, lambda: "en")
    page = make_page(qtbot, store, runner, secrets, gate)
    qtbot.mouseClick(page.bluesky_button, LEFT)
    unlock = gate.unlock
    assert unlock is not None
    box = unlock.confirm_start_over()
    assert isinstance(box, QMessageBox) and "drafts" in box.informativeText()
    assert box.defaultButton().objectName() == "keep_trying"  # Enter deletes nothing
    other = tmp_path / "drafts-and-posts.txt"  # anything else in the folder stays
    other.write_text("kept")
    delete = next(b for b in box.buttons() if b.objectName() == "confirm_start_over")
    qtbot.mouseClick(delete, LEFT)
    assert not (tmp_path / FILE_NAME).exists()
    assert other.read_text() == "kept" and not unlock.isVisible()
    choose = gate.choose
    assert choose is not None and choose.isVisible()
    assert "The previous logins file was deleted" in choose.intro_label.text()
    qtbot.keyClicks(choose.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(choose.confirm_edit, PASSPHRASE)
    qtbot.mouseClick(choose.create_button, LEFT)
    assert page.bluesky_dialog is not None and page.bluesky_dialog.isVisible()
    page.bluesky_dialog.reject()


def test_a_locked_keychain_says_how_to_unlock_it_and_offers_no_file(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with secret_service_session(tmp_path, monkeypatch) as session:
        session.lock()
        secrets = Secrets(SecretService.Keyring())
        runner = SyncTaskRunner()
        gate = KeychainGate(
            runner, secrets, lambda: "en", new_login_file=lambda: None, family=lambda: "gnome"
        )
        page = make_page(qtbot, store, runner, secrets, gate)
        qtbot.mouseClick(page.bluesky_button, LEFT)
        dialog = gate.no_keychain
        assert dialog is not None and dialog.isVisible()
        assert page.bluesky_dialog is None
        assert "Your keychain is locked" in dialog.advice_label.text()
        assert dialog.title_label.text() == "Your keychain is locked"
        assert not dialog.file_button.isVisible()  # a locked keychain is unlocked, not replaced

        session.unlock()
        qtbot.mouseClick(dialog.retry_button, LEFT)
        assert not dialog.isVisible()
        assert page.bluesky_dialog is not None and page.bluesky_dialog.isVisible()
        page.bluesky_dialog.reject()


def test_the_wizard_says_it_on_the_connect_step_and_before_the_form(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring
    from PySide6.QtWidgets import QWizard

    from cm_desktop.core.settings import load_settings
    from cm_desktop.ui.wizard.wizard import FirstRunWizard
    from tests.gui.test_wizard_shell import RecordingJob, start

    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "XFCE")
    keyring.set_keyring(fail.Keyring())  # put back by the memory_keyring fixture
    shell = start(qtbot, tmp_path, RecordingJob())
    wizard: FirstRunWizard = shell.wizard
    qtbot.addWidget(wizard)
    page = wizard.connect_page
    assert page.keychain_label.isHidden()
    wizard.business_page.name_edit.setText("Poterie Anne")
    kinds = wizard.business_page.kind_combo
    kinds.setCurrentIndex(kinds.findData("shop"))
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    next_button.click()
    next(iter(wizard.goals_page.boxes.values())).setChecked(True)
    for _ in range(4):
        next_button.click()
    assert wizard.currentId() == FirstRunWizard.CONNECT
    # Said on the step itself, for this desktop, before any button is clicked.
    assert page.keychain_label.isVisible()
    assert "gnome-keyring" in page.keychain_label.text() and "Xfce" in page.keychain_label.text()

    qtbot.mouseClick(page.buttons["bluesky"], LEFT)
    gate = shell.keychain_gate
    dialog = gate.no_keychain
    assert dialog is not None and dialog.isVisible() and dialog.parentWidget() is wizard
    assert shell.accounts.bluesky_dialog is None
    qtbot.mouseClick(dialog.file_button, LEFT)
    choose = gate.choose
    assert choose is not None and choose.parentWidget() is wizard
    qtbot.keyClicks(choose.passphrase_edit, PASSPHRASE)
    qtbot.keyClicks(choose.confirm_edit, PASSPHRASE)
    qtbot.mouseClick(choose.create_button, LEFT)
    qtbot.waitUntil(lambda: shell.accounts.bluesky_dialog is not None)
    form = shell.accounts.bluesky_dialog
    assert form.isVisible() and form.parentWidget() is wizard
    assert load_settings(shell.paths.settings_file).login_store == LOGIN_FILE_CHOICE
    assert (shell.paths.data / FILE_NAME).exists()
    assert page.keychain_label.isHidden()  # solved: no longer said
    assert page.login_file_note.isVisible()  # posts go out only while the app is open
    assert shell.settings_page.login_file_note.isVisibleTo(shell.settings_page)
    form.reject()
    wizard.reject()
