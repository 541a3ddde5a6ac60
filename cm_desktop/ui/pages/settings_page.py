"""Settings: the interface language and a way to reach the logs when something goes wrong."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cm_desktop.ui.theme import make_title


class SettingsPage(QWidget):
    language_chosen = Signal(str)  # "", "en" or "fr"
    setup_requested = Signal()  # run the first-run wizard again

    def __init__(
        self,
        current_language: str,
        logs_dir: Path,
        open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl,
        parent: QWidget | None = None,
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
        inner.addWidget(self.logs_hint)
        inner.addLayout(logs_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(column)
        layout.addStretch(1)

        self.language_combo.activated.connect(self._on_language)
        self.logs_button.clicked.connect(self.open_logs_folder)
        self.setup_button.clicked.connect(self.setup_requested)
        self.retranslate()

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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
