"""Preview of a CSV import: every row with what is wrong with it; importing only when all rows are right."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core.calendar_io import NOTHING_IMPORTED, ImportPreview, ImportRow
from cm_desktop.core.schedule import Severity
from cm_desktop.ui.calendar.list_model import one_line
from cm_desktop.ui.calendar.roles import Index, current_lang
from cm_desktop.ui.colours import Role, colour
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.plain_text import plain_tooltip
from cm_desktop.ui.qtdates import to_qdatetime
from cm_desktop.ui.reflow import fit_to_screen

LINE, WHEN, NETWORKS, TEXT, REPORT = range(5)
ROWS_SIZED_TO_TEXT = 300


class ImportRowsModel(QAbstractTableModel):
    def __init__(self, rows: tuple[ImportRow, ...] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows = rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == LINE:
                return str(row.line)
            if column == WHEN:
                if row.local is None:
                    return "—"
                return QLocale().toString(to_qdatetime(row.local), QLocale.FormatType.ShortFormat)
            if column == NETWORKS:
                return ", ".join(network_name(n) for n in row.networks)
            if column == TEXT:
                return (
                    one_line(row.text, 80)
                    if role == Qt.ItemDataRole.DisplayRole
                    else plain_tooltip(row.text[:1000])
                )
            lang = current_lang()
            report = [p.message(lang) for p in row.problems]
            said = "\n".join(report) if report else self.tr("Ready")
            return plain_tooltip(said) if role == Qt.ItemDataRole.ToolTipRole else said
        if role == Qt.ItemDataRole.ForegroundRole and column == REPORT:
            palette = QApplication.palette()
            if not row.ok:
                return colour(Role.BLOCKING, palette)
            if any(p.severity is Severity.WARNING for p in row.problems):
                return colour(Role.CHECK, palette)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            LINE: self.tr("Line"),
            WHEN: self.tr("When"),
            NETWORKS: self.tr("Networks"),
            TEXT: self.tr("Text"),
            REPORT: self.tr("Check"),
        }
        return titles.get(section)


class ImportDialog(QDialog):
    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendar_import_dialog")
        self.preview = preview
        self.summary = QLabel()
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # problems quote the file's cells
        self.encoding_label = QLabel()
        self.encoding_label.setObjectName("import_encoding")
        self.encoding_label.setWordWrap(True)
        self.encoding_label.setTextFormat(Qt.TextFormat.PlainText)
        self.model = ImportRowsModel(preview.rows, self)
        self.table = QTableView()
        self.table.setTabKeyNavigation(False)  # one stop: the arrows move inside, Tab moves on
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TEXT, 240)
        header.setSectionResizeMode(REPORT, QHeaderView.ResizeMode.Stretch)
        self.queue_box = QCheckBox()
        self.queue_box.setObjectName("import_queue")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setObjectName("import_button")
        self.import_button.setEnabled(preview.ok)
        self.queue_box.setEnabled(preview.ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.encoding_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.queue_box)
        layout.addWidget(self.buttons)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.table.resizeRowsToContents)
        fit_to_screen(self, QSize(900, 560))
        self.retranslate()
        if len(preview.rows) <= ROWS_SIZED_TO_TEXT:
            # Whole sentences for each row's report, as columns get their width; past a few hundred rows
            # this would take seconds, and the tooltip still has the whole report.
            header.sectionResized.connect(lambda *_: self._fit_timer.start())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if len(self.preview.rows) <= ROWS_SIZED_TO_TEXT:
            self._fit_timer.start()

    @property
    def queue(self) -> bool:
        return self.queue_box.isChecked()

    def retranslate(self) -> None:
        lang = current_lang()
        self.setWindowTitle(self.tr("Import posts"))
        self.table.setAccessibleName(self.tr("Posts found in the file"))
        self.table.horizontalHeader().setAccessibleName(self.tr("Columns"))
        self.import_button.setText(self.tr("Import %1 posts").replace("%1", str(len(self.preview.rows))))
        self.queue_box.setText(
            self.tr("Schedule them for publishing at once (otherwise they arrive as drafts to check)")
        )
        self.encoding_label.setText(self.preview.encoding_message(lang))
        self.encoding_label.setVisible(bool(self.encoding_label.text()))
        if self.preview.file_problems:
            lines = [p.message(lang) for p in self.preview.file_problems]
            if self.preview.rows:
                lines.append(NOTHING_IMPORTED.get(lang))
            self.summary.setText("\n".join(lines))
        elif self.preview.ok:
            self.summary.setText(
                self.tr(
                    "%1 posts are ready. Check them, then import: they land all together or not at all."
                ).replace("%1", str(len(self.preview.rows)))
            )
        else:
            bad = len(self.preview.error_rows)
            first = self.tr("%1 rows have a problem (in red below).").replace("%1", str(bad))
            self.summary.setText(f"{first} {NOTHING_IMPORTED.get(lang)}")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
