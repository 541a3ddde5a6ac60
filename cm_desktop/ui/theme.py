"""The app's look: a few rules on top of the platform style, in palette colours so light and dark both work."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

STYLE_SHEET = """
QLabel#page_title { font-size: 20pt; font-weight: 600; margin-bottom: 6px; qproperty-indent: 0; }
QLabel#page_sentence { font-size: 11pt; }
QListWidget#navigation {
    border: none;
    border-right: 1px solid palette(mid);
    background: palette(alternate-base);
    padding-top: 14px;
    font-size: 11pt;
    outline: 0;
}
QListWidget#navigation::item { padding: 9px 14px; margin: 2px 10px; border-radius: 6px; }
QListWidget#navigation::item:selected { background: palette(highlight); color: palette(highlighted-text); }
QListWidget#navigation::item:hover:!selected { background: palette(midlight); }
QStatusBar QLabel { padding: 2px 8px; }
"""


class ThemeFollower(QObject):
    """Re-applies the style sheet when the palette changes (light <-> dark), so every widget follows."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._busy = False
        app.setStyleSheet(STYLE_SHEET)
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._app and event.type() == QEvent.Type.ApplicationPaletteChange and not self._busy:
            self._busy = True
            try:
                self._app.setStyleSheet(STYLE_SHEET)
            finally:
                self._busy = False
        return False
