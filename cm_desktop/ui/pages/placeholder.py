"""A page not built yet: its title and one sentence saying what will be there."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cm_desktop.ui.theme import make_body, make_title

# Texts are stored untranslated (QT_TRANSLATE_NOOP marks them for lupdate) and translated when shown.
CONTEXT = "Pages"


class PlaceholderPage(QWidget):
    def __init__(self, name: str, title: str, sentence: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{name}")
        self._title_source, self._sentence_source = title, sentence
        self.title_label = QLabel()
        self.title_label.setObjectName("page_title")
        make_title(self.title_label)
        self.sentence_label = QLabel()
        self.sentence_label.setWordWrap(True)
        self.sentence_label.setObjectName("page_sentence")
        make_body(self.sentence_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(self.title_label)
        layout.addWidget(self.sentence_label)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(QCoreApplication.translate(CONTEXT, self._title_source))
        self.sentence_label.setText(QCoreApplication.translate(CONTEXT, self._sentence_source))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
