"""What the person sees when the data file cannot be opened as it is, the choices offered, and restoring a
backup from Settings.

After damage nothing runs until the person chooses (the CLI and the background job refuse meanwhile):
restore the latest backup, save what can still be read from the damaged copy as a CSV (then choose again),
start fresh, or quit and decide later.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core.i18n import Lang
from cm_desktop.core.store import BackupInfo, StoreCorrupted, StoreError
from cm_desktop.ui.reflow import stack_buttons


class CorruptedChoice(Enum):
    RESTORE_BACKUP = "restore"
    SAVE_READABLE = "save_readable"
    START_FRESH = "fresh"
    QUIT = "quit"


def _when(info: BackupInfo | None, fallback: str) -> str:
    return info.made.strftime("%Y-%m-%d %H:%M") if info is not None else fallback


def corrupted_dialog(parent: QWidget | None, error: StoreCorrupted, lang: Lang) -> QMessageBox:
    from cm_desktop.core.store import backup_info

    box = QMessageBox(parent)
    box.setObjectName("corrupted_dialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("CM Desktop")
    box.setTextFormat(Qt.TextFormat.PlainText)  # a folder name is never read as markup
    # The same words whether it was set aside just now or at an earlier run (the CLI's version says
    # "open the app", which is where the person is).
    box.setText(StoreCorrupted.text.get(lang))
    box.setInformativeText(
        QCoreApplication.translate(
            "StoreDialogs", "Nothing is published until you choose. The damaged file was kept here:"
        )
        + f"\n{error.moved_to}"
    )
    if error.backups:
        latest = _when(backup_info(error.backups[0]), error.backups[0].name)
        restore = box.addButton(
            QCoreApplication.translate("StoreDialogs", "Restore the backup of %1").replace("%1", latest),
            QMessageBox.ButtonRole.AcceptRole,
        )
        restore.setObjectName(CorruptedChoice.RESTORE_BACKUP.value)
        box.setDefaultButton(restore)
    save = box.addButton(
        QCoreApplication.translate("StoreDialogs", "Save what can be read…"),
        QMessageBox.ButtonRole.ActionRole,
    )
    save.setObjectName(CorruptedChoice.SAVE_READABLE.value)
    fresh = box.addButton(
        QCoreApplication.translate("StoreDialogs", "Start fresh"), QMessageBox.ButtonRole.DestructiveRole
    )
    fresh.setObjectName(CorruptedChoice.START_FRESH.value)
    quit_button = box.addButton(
        QCoreApplication.translate("StoreDialogs", "Quit"), QMessageBox.ButtonRole.RejectRole
    )
    quit_button.setObjectName(CorruptedChoice.QUIT.value)
    box.setEscapeButton(quit_button)
    stack_buttons(box)  # four long choices: one under the other, never cut
    return box


def choice_of(box: QMessageBox) -> CorruptedChoice:
    clicked = box.clickedButton()
    name = clicked.objectName() if clicked is not None else ""
    for choice in CorruptedChoice:
        if choice.value == name:
            return choice
    return CorruptedChoice.QUIT


def _ask(box: QMessageBox) -> CorruptedChoice:
    box.exec()
    return choice_of(box)


def _save_path(parent: QWidget | None) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("StoreDialogs", "Save what can be read"),
        str(Path.home() / "cm-desktop-posts.csv"),
        QCoreApplication.translate("StoreDialogs", "Table (*.csv)"),
    )
    return Path(name) if name else None


def _tell(parent: QWidget | None, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> None:
    box = QMessageBox(parent)
    box.setObjectName("store_result_dialog")
    box.setIcon(icon)
    box.setWindowTitle("CM Desktop")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.exec()


def resolve_damaged_store(
    parent: QWidget | None,
    error: StoreCorrupted,
    database: Path,
    backups_dir: Path,
    zone: str,
    lang: Lang,
    *,
    ask: Callable[[QMessageBox], CorruptedChoice] = _ask,
    save_path: Callable[[QWidget | None], Path | None] = _save_path,
    tell: Callable[[QWidget | None, str], None] = _tell,
) -> bool:
    """Ask until the person decides. True: open the store again (restored or fresh); False: quit."""
    from cm_desktop.core.salvage import NOTHING_READABLE, SAVED, read_damaged
    from cm_desktop.core.store import list_backups, restore_backup, start_fresh

    while True:
        error.backups = list_backups(backups_dir)
        choice = ask(corrupted_dialog(parent, error, lang))
        try:
            if choice is CorruptedChoice.RESTORE_BACKUP and error.backups:
                restore_backup(error.backups[0], database, backups_dir)
                return True
            if choice is CorruptedChoice.START_FRESH:
                start_fresh(database)
                return True
            if choice is CorruptedChoice.QUIT:
                return False
        except StoreError as exc:  # busy, a damaged backup, a full disk: say it and ask again
            tell(parent, exc.message(lang))
            continue
        if choice is CorruptedChoice.SAVE_READABLE:
            target = save_path(parent)
            if target is None:
                continue
            found = read_damaged(error.moved_to, zone)
            if not found.posts:
                tell(parent, NOTHING_READABLE.get(lang))
                continue
            try:
                target.write_bytes(found.csv())
            except OSError:
                tell(
                    parent,
                    QCoreApplication.translate(
                        "StoreDialogs", "The file could not be saved there. Choose another folder."
                    ),
                )
                continue
            tell(parent, SAVED.get(lang, count=len(found.posts), file=str(target)))


def store_error_dialog(parent: QWidget | None, error: StoreError, lang: Lang) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("store_error_dialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("CM Desktop")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(error.message(lang))
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    return box


# --- Settings: restore from a backup -----------------------------------------------------------------------


class RestoreDialog(QDialog):
    """The backups, newest first; the person picks one and confirms that it replaces the current data."""

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restore_dialog")
        self.setWindowTitle(QCoreApplication.translate("StoreDialogs", "Restore from a backup"))
        self.setMinimumWidth(460)
        self.intro = QLabel(
            QCoreApplication.translate(
                "StoreDialogs",
                "Choose the copy to go back to. Your data as it is now is kept as a backup first, so you can "
                "come back to it. Posts published since that copy will show as not published yet: CM "
                "Desktop asks you before sending a late post again.",
            )
        )
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget()
        self.list.setObjectName("backup_list")
        self.list.setAccessibleName(QCoreApplication.translate("StoreDialogs", "Backups, newest first"))
        for info in backups:
            item = QListWidgetItem(_describe(info))
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.empty = QLabel(
            QCoreApplication.translate(
                "StoreDialogs",
                "There is no backup yet: the first one is made tomorrow when you open the app.",
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setVisible(not backups)
        self.list.setVisible(bool(backups))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            QCoreApplication.translate("StoreDialogs", "Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setEnabled(bool(backups))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


def _describe(info: BackupInfo) -> str:
    when = _when(info, info.path.name)
    size = str(max(1, round(info.size / 1_000_000)))  # whole megabytes: no decimal separator to localise
    if info.label == "daily":
        kind = QCoreApplication.translate("StoreDialogs", "daily copy")
    elif info.label == "before-restore":
        kind = QCoreApplication.translate("StoreDialogs", "your data before a restore")
    elif info.label.startswith("before-"):
        kind = QCoreApplication.translate("StoreDialogs", "before an update of the app")
    else:
        kind = info.label
    return (
        QCoreApplication.translate("StoreDialogs", "%1 · %2 · %3 MB")
        .replace("%1", when)
        .replace("%2", kind)
        .replace("%3", size)
    )


def choose_backup(parent: QWidget | None, backups_dir: Path) -> Path | None:
    """The backup the person chose in RestoreDialog, or None."""
    from cm_desktop.core.store import backup_info, list_backups

    infos = [info for info in map(backup_info, list_backups(backups_dir)) if info is not None]
    dialog = RestoreDialog(infos, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
