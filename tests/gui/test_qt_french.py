"""Qt's own dialogs in French on a French system (issue #16.14): the file dialog said "Look in:" and "Files
of type:" because Qt 6 renamed them and its French catalogue kept the old ones. Every label, button,
tooltip and accessible name of Qt's file dialog (open, save, folder) and of the standard buttons is built
in English, then in French: none may stay the same."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QFileDialog, QLabel, QWidget

from cm_desktop.ui.i18n import Translations

SAME_IN_BOTH = {"OK"}


def qt_texts() -> set[str]:
    found: set[str] = set()
    for mode in ("open", "save", "folder"):
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        if mode == "save":
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        if mode == "folder":
            dialog.setFileMode(QFileDialog.FileMode.Directory)
        for widget in dialog.findChildren(QWidget):
            if isinstance(widget, QLabel | QAbstractButton) and widget.text():
                found.add(widget.text())
            for text in (widget.toolTip(), widget.accessibleName()):
                if text:
                    found.add(text)
        dialog.deleteLater()
    every = QDialogButtonBox.StandardButton
    box = QDialogButtonBox(every.Ok | every.Cancel | every.Close | every.Yes | every.No | every.Save)
    found.update(button.text() for button in box.buttons())
    return found


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    found = Translations(app)
    yield found
    found.apply("en")


def test_qt_dialogs_have_no_english_left_in_french(translations: Translations) -> None:
    translations.apply("en")
    english = qt_texts()
    translations.apply("fr")
    assert translations.qt_loaded
    french = qt_texts()
    assert "&Voir dans :" in french
    assert (english & french) - SAME_IN_BOTH == set()
