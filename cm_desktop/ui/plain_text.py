"""Showing user and server data as the text it is.

Qt reads a label in its default AutoText format, a tooltip and a message box's text as rich text as soon as
they look like HTML: a post, an alt text, an account's display name or a server's error message holding
`<img src="file:///...">` would then load a local file, `<b>` would change the look, `&amp;` would show as
`&`. Labels that show such data are set to plain text; tooltips, which have no format of their own, are
escaped here. tests/gui/test_hostile_widgets.py walks every widget to check.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox


def plain_tooltip(text: str) -> str:
    """`text` for setToolTip() or a model's ToolTipRole: escaped when Qt would take it for HTML."""
    if not GuiQt.mightBeRichText(text):
        return text
    return GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpacePre)


def plain(widget: QLabel | QMessageBox) -> QLabel | QMessageBox:
    """The label or message box shows its text as written, whatever it holds; returns it, for chaining."""
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget
