"""Settings: the interface language, publishing while the app is closed, late posts, backups, and the logs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.ui.reflow import ContentScroll
from cm_desktop.ui.theme import make_title


class SettingsPage(QWidget):
    language_chosen = Signal(str)  # "", "en" or "fr"
    setup_requested = Signal()  # run the first-run wizard again
    background_publishing_chosen = Signal(bool)  # the OS job on or off
    late_margin_chosen = Signal(int)  # minutes
    slots_requested = Signal()  # edit the weekly posting times (the same dialog as the calendar's)
    restore_requested = Signal()  # choose a backup and put it in place of the data

    def __init__(
        self,
        current_language: str,
        logs_dir: Path,
        open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl,
        parent: QWidget | None = None,
        *,
        background_publishing: bool = False,
        late_margin_minutes: int = 60,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page_settings")
        self._logs_dir, self._open_url = logs_dir, open_url
        self.title_label = QLabel()
        self.title_label.setObjectName("page_title")
        make_title(self.title_label)
        self.language_label = QLabel()
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        for code in ("", "fr", "en"):
            self.language_combo.addItem("", code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(current_language)))
        self.language_hint = QLabel()
        self.language_hint.setWordWrap(True)
        self.logs_button = QPushButton()
        self.logs_button.setObjectName("open_logs_button")
        self.setup_button = QPushButton()
        self.setup_button.setObjectName("run_setup_again")
        self.logs_hint = QLabel()
        self.logs_hint.setWordWrap(True)
        self.language_label.setBuddy(self.language_combo)

        self.publishing_title = QLabel()
        self.publishing_title.setStyleSheet("font-weight: bold")
        self.background_check = QCheckBox()
        self.background_check.setObjectName("background_publishing")
        self.background_check.setChecked(background_publishing)
        self.background_hint = QLabel()
        self.background_hint.setWordWrap(True)
        self.background_status = QLabel()
        self.background_status.setObjectName("background_status")
        self.background_status.setWordWrap(True)
        # Logins in the passphrase file: the system job cannot type the passphrase (said where the switch is).
        self.login_file_note = QLabel()
        self.login_file_note.setObjectName("background_login_file_note")
        self.login_file_note.setWordWrap(True)
        self.login_file_note.hide()
        self.late_label = QLabel()
        self.late_label.setWordWrap(True)  # beside its field: wraps rather than being cut when narrow
        self.late_spin = QSpinBox()
        self.late_spin.setObjectName("late_margin")
        self.late_spin.setRange(5, 24 * 60)
        self.late_spin.setSingleStep(15)
        self.late_spin.setValue(late_margin_minutes)
        self.late_label.setBuddy(self.late_spin)
        self.late_hint = QLabel()
        self.late_hint.setWordWrap(True)
        self.slots_button = QPushButton()
        self.slots_button.setObjectName("settings_slots")
        self.slots_hint = QLabel()
        self.slots_hint.setWordWrap(True)

        self.data_title = QLabel()
        self.data_title.setStyleSheet("font-weight: bold")
        self.backups_hint = QLabel()
        self.backups_hint.setWordWrap(True)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restore_backup")
        self.restore_status = QLabel()
        self.restore_status.setObjectName("restore_status")
        self.restore_status.setWordWrap(True)
        self.restore_status.setTextFormat(Qt.TextFormat.PlainText)
        self.restore_status.setVisible(False)

        form = QFormLayout()
        form.addRow(self.language_label, self.language_combo)
        form.addRow("", self.language_hint)
        logs_row = QHBoxLayout()
        logs_row.addWidget(self.logs_button)
        logs_row.addStretch(1)
        # Settings read best in a column, not stretched across a wide window.
        column = QWidget()
        column.setMaximumWidth(620)
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.title_label)
        inner.addLayout(form)
        inner.addSpacing(16)
        setup_row = QHBoxLayout()
        setup_row.addWidget(self.setup_button)
        setup_row.addStretch(1)
        inner.addLayout(setup_row)
        inner.addSpacing(16)
        inner.addWidget(self.publishing_title)
        inner.addWidget(self.background_check)
        inner.addWidget(self.background_hint)
        inner.addWidget(self.login_file_note)
        inner.addWidget(self.background_status)
        late_row = QHBoxLayout()
        late_row.addWidget(self.late_label)
        late_row.addWidget(self.late_spin)
        late_row.addStretch(1)
        inner.addLayout(late_row)
        inner.addWidget(self.late_hint)
        inner.addSpacing(8)
        slots_row = QHBoxLayout()
        slots_row.addWidget(self.slots_button)
        slots_row.addStretch(1)
        inner.addLayout(slots_row)
        inner.addWidget(self.slots_hint)
        inner.addSpacing(16)
        inner.addWidget(self.data_title)
        inner.addWidget(self.backups_hint)
        restore_row = QHBoxLayout()
        restore_row.addWidget(self.restore_button)
        restore_row.addStretch(1)
        inner.addLayout(restore_row)
        inner.addWidget(self.restore_status)
        inner.addSpacing(16)
        inner.addWidget(self.logs_hint)
        inner.addLayout(logs_row)
        # Scrolls rather than making the whole window taller on a small laptop screen.
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(32, 28, 32, 28)
        # In a row with a stretch: a vertical layout would measure the wrapped lines for its own width,
        # wider than the column's 620 px, and cut them.
        column_row = QHBoxLayout()
        column_row.addWidget(column, 1)
        column_row.addStretch(0)
        content_layout.addLayout(column_row)
        content_layout.addStretch(1)
        scroll = ContentScroll(name=QT_TRANSLATE_NOOP("Reflow", "Settings"))
        scroll.setObjectName("settings_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self.language_combo.activated.connect(self._on_language)
        self.logs_button.clicked.connect(self.open_logs_folder)
        self.setup_button.clicked.connect(self.setup_requested)
        self.background_check.toggled.connect(self._on_background)
        self.slots_button.clicked.connect(self.slots_requested)
        self.restore_button.clicked.connect(lambda: self.restore_requested.emit())
        self.late_spin.editingFinished.connect(lambda: self.late_margin_chosen.emit(self.late_spin.value()))
        self._background_result = ""  # "on", "off", or "" before any change
        self._background_error = ""
        self._restore_result = ""  # "ok", "failed", a sentence saying why, or "" before any restore
        self.retranslate()

    def _on_background(self, on: bool) -> None:
        self.background_check.setEnabled(False)  # until the job is installed or removed
        self.background_publishing_chosen.emit(on)

    def set_background_result(self, installed: bool, error: str = "") -> None:
        """What the operating system did; on failure the box shows the real state and the reason."""
        self.background_check.blockSignals(True)
        self.background_check.setChecked(installed)
        self.background_check.blockSignals(False)
        self.background_check.setEnabled(True)
        self._background_result = "on" if installed else "off"
        self._background_error = error
        self._say_background()

    def _say_background(self) -> None:
        if self._background_error:
            self.background_status.setText(self._background_error)
        elif self._background_result == "on":
            self.background_status.setText(self.tr("On: this computer sends what is due every 5 minutes."))
        elif self._background_result == "off":
            self.background_status.setText(self.tr("Off: posts go out while CM Desktop is open."))
        else:
            self.background_status.setText("")
        self.background_status.setVisible(bool(self.background_status.text()))

    def set_login_file_in_use(self, on: bool) -> None:
        """Logins are in the passphrase file: say that posts go out only while the app is open."""
        self.login_file_note.setVisible(on)

    def set_restore_result(self, restored: bool, message: str = "") -> None:
        """Said under the button: the restore went through, or why not (the data is then as it was)."""
        self._restore_result = "ok" if restored else (message or "failed")
        self._say_restore()

    def _say_restore(self) -> None:
        result = self._restore_result
        if result == "ok":
            self.restore_status.setText(self.tr("Your data was restored from the backup you chose."))
        elif result == "failed":
            self.restore_status.setText(self.tr("The backup could not be restored: your data is as it was."))
        else:
            self.restore_status.setText(result)
        self.restore_status.setVisible(bool(result))

    def show_language(self, choice: str) -> None:
        """The language chosen elsewhere (the wizard): shown here, without choosing it again."""
        index = self.language_combo.findData(choice)
        if index >= 0 and index != self.language_combo.currentIndex():
            self.language_combo.setCurrentIndex(index)  # `activated` is for the person's own choice only

    def _on_language(self, index: int) -> None:
        self.language_chosen.emit(self.language_combo.itemData(index))

    def open_logs_folder(self) -> bool:
        self._logs_dir.mkdir(parents=True, exist_ok=True)
        return self._open_url(QUrl.fromLocalFile(str(self._logs_dir)))

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Settings"))
        self.language_label.setText(self.tr("&Language"))
        self.language_combo.setItemText(0, self.tr("Same as this computer"))
        self.language_combo.setItemText(1, "Français")  # a language is named in itself
        self.language_combo.setItemText(2, "English")
        self.language_combo.setAccessibleName(self.tr("Language of the app"))
        self.language_hint.setText(self.tr("The new language applies at once, no restart needed."))
        self.logs_hint.setText(
            self.tr("If something goes wrong, the log files help us understand what happened.")
        )
        self.logs_button.setText(self.tr("Open the logs folder"))
        self.setup_button.setText(self.tr("Run the set-up again (business, goals, plan)"))
        self.publishing_title.setText(self.tr("Publishing"))
        self.background_check.setText(self.tr("Publish even when CM Desktop is closed"))
        self.background_hint.setText(
            self.tr(
                "Your computer checks every 5 minutes and sends what is due, as long as it is on. "
                "Mastodon posts are handed to the server in advance and go out even if it is off."
            )
        )
        self.login_file_note.setText(
            self.tr(
                "Your logins are in a file locked by your passphrase: while CM Desktop is closed, your "
                "computer cannot unlock them, so posts wait until you open the app. Publishing while it is "
                "closed needs the system keychain."
            )
        )
        self.late_label.setText(self.tr("Ask me first when a post is more than"))
        self.late_spin.setSuffix(self.tr(" minutes late"))
        self.late_spin.setAccessibleName(self.tr("Ask before sending a post that is this many minutes late"))
        self.late_hint.setText(
            self.tr(
                "A late post is never sent blindly: you choose to publish it now, at a new time, or not at all."
            )
        )
        self.slots_button.setText(self.tr("Posting times…"))
        self.slots_hint.setText(
            self.tr("Your weekly posting times: “Add to queue” puts each new post in the next free one.")
        )
        self.data_title.setText(self.tr("Your data"))
        self.backups_hint.setText(
            self.tr(
                "A copy of your data is made each day you use CM Desktop, on this computer: the last 7 days "
                "and 4 weeks are kept."
            )
        )
        self.restore_button.setText(self.tr("Restore from a backup…"))
        self._say_background()
        self._say_restore()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
