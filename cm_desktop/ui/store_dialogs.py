"""What the person sees when the data file cannot be opened as it is, and the choices offered."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from cm_desktop.core.i18n import Lang
from cm_desktop.core.store import StoreCorrupted, StoreError


class CorruptedChoice(Enum):
    RESTORE_BACKUP = "restore"
    START_FRESH = "fresh"
    QUIT = "quit"


def corrupted_dialog(parent: QWidget | None, error: StoreCorrupted, lang: Lang) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("corrupted_dialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("CM Desktop")
    box.setText(error.message(lang))
    box.setInformativeText(
        QCoreApplication.translate("StoreDialogs", "The damaged file was kept here:") + f"\n{error.moved_to}"
    )
    if error.backups:
        restore = box.addButton(
            QCoreApplication.translate("StoreDialogs", "Restore the last backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        restore.setObjectName(CorruptedChoice.RESTORE_BACKUP.value)
    fresh = box.addButton(
        QCoreApplication.translate("StoreDialogs", "Start fresh"), QMessageBox.ButtonRole.DestructiveRole
    )
    fresh.setObjectName(CorruptedChoice.START_FRESH.value)
    quit_button = box.addButton(
        QCoreApplication.translate("StoreDialogs", "Quit"), QMessageBox.ButtonRole.RejectRole
    )
    quit_button.setObjectName(CorruptedChoice.QUIT.value)
    return box


def choice_of(box: QMessageBox) -> CorruptedChoice:
    clicked = box.clickedButton()
    name = clicked.objectName() if clicked is not None else ""
    for choice in CorruptedChoice:
        if choice.value == name:
            return choice
    return CorruptedChoice.QUIT


def store_error_dialog(parent: QWidget | None, error: StoreError, lang: Lang) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("store_error_dialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("CM Desktop")
    box.setText(error.message(lang))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box
