"""Describing a picture for people who cannot see it: an editor with a counter, and the dialog around it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core import networks
from cm_desktop.ui.colours import Role, css, tint
from cm_desktop.ui.keyboard import leave_on_tab

# Used when no chosen network says: Mastodon's, the most common strict one.
DEFAULT_ALT_LIMIT = 1500
PREVIEW_SIZE = 220


def alt_limit(chosen: Iterable[str]) -> int | None:
    """The strictest description limit among the `chosen` networks that take descriptions (None: none says)."""
    limits: list[int] = []
    for name in chosen:
        if not networks.known(name):  # an old row's network: it sets no limit
            continue
        rules = networks.get(name).accepts
        if rules.alt_supported and rules.alt_max is not None:
            limits.append(rules.alt_max)
    return min(limits) if limits else None


def alt_length(text: str) -> int:
    # Networks count what people see as characters; code points are close enough for a counter.
    return len(text.strip())


class AltTextEditor(QWidget):
    """The picture, a prompt when it has no description yet, the description and a counter."""

    alt_edited = Signal(str)

    def __init__(self, limit: int | None = DEFAULT_ALT_LIMIT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alt_text_editor")
        self._limit = limit
        self.preview = QLabel()
        self.preview.setObjectName("alt_preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_SIZE, PREVIEW_SIZE // 2)
        self.prompt = QLabel()
        self.prompt.setObjectName("alt_prompt")
        self.prompt.setWordWrap(True)
        # The same soft amber box as the strip's prompt: a nudge, not an error.
        self.prompt.setStyleSheet(
            f"QLabel {{ background: {tint(Role.CHECK, self.palette(), 40)}; border-radius: 6px;"
            " padding: 6px 10px; }"
        )
        self.heading = QLabel()
        self.heading.setObjectName("alt_heading")
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("alt_text")
        leave_on_tab(self.text_edit)  # Tab leaves the box; Ctrl+Tab types a tab
        self.text_edit.setMinimumHeight(110)
        self.heading.setBuddy(self.text_edit)
        self.hint = QLabel()
        self.hint.setObjectName("alt_hint")
        self.hint.setWordWrap(True)
        self.counter = QLabel()
        self.counter.setObjectName("alt_counter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addWidget(self.prompt)
        layout.addWidget(self.heading)
        layout.addWidget(self.text_edit, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.hint, 1)
        bottom.addWidget(self.counter)
        layout.addLayout(bottom)
        self.text_edit.textChanged.connect(self._on_text_changed)
        self.retranslate()

    def set_preview(self, pixmap: QPixmap | None) -> None:
        if pixmap is None or pixmap.isNull():
            self.preview.clear()
            self.preview.hide()
            return
        dpr = self.devicePixelRatioF()
        # Scaled once here: the label shows the same pixmap on every repaint.
        scaled = pixmap.scaled(
            round(PREVIEW_SIZE * dpr),
            round(PREVIEW_SIZE * dpr),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        scaled.setDevicePixelRatio(dpr)
        self.preview.setPixmap(scaled)
        self.preview.show()

    def set_limit(self, limit: int | None) -> None:
        self._limit = limit
        self._refresh()

    def limit(self) -> int | None:
        return self._limit

    def text(self) -> str:
        return self.text_edit.toPlainText().strip()

    def set_text(self, text: str) -> None:
        self.text_edit.setPlainText(text)

    def is_over_limit(self) -> bool:
        return self._limit is not None and alt_length(self.text_edit.toPlainText()) > self._limit

    def retranslate(self) -> None:
        self.prompt.setText(self.tr("Describe this picture for people who cannot see it."))
        self.heading.setText(self.tr("&Description"))
        self.hint.setText(
            self.tr("Say what matters in the picture, as you would on the phone: who, what, where.")
        )
        self.text_edit.setAccessibleName(self.tr("Description of the picture"))
        self.text_edit.setPlaceholderText(self.tr("For example: three fresh croissants on a wooden board"))
        self.preview.setAccessibleName(self.tr("The picture to describe"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_text_changed(self) -> None:
        self._refresh()
        self.alt_edited.emit(self.text())

    def _refresh(self) -> None:
        self.prompt.setVisible(not self.text())
        count = alt_length(self.text_edit.toPlainText())
        locale = QLocale()
        if self._limit is None:
            self.counter.setText(locale.toString(count))
            self.counter.setAccessibleName(self.tr("%1 characters").replace("%1", locale.toString(count)))
            self.counter.setStyleSheet("")
            return
        self.counter.setText(f"{locale.toString(count)} / {locale.toString(self._limit)}")
        over = count - self._limit
        if over > 0:
            self.counter.setText(
                self.tr("%1 / %2 (%3 too many)")
                .replace("%1", locale.toString(count))
                .replace("%2", locale.toString(self._limit))
                .replace("%3", locale.toString(over))
            )
        self.counter.setStyleSheet(
            f"color: {css(Role.BLOCKING, self.palette())}; font-weight: 600;" if over > 0 else ""
        )
        self.counter.setAccessibleName(
            self.tr("%1 of %2 characters")
            .replace("%1", locale.toString(count))
            .replace("%2", locale.toString(self._limit))
        )


class AltTextDialog(QDialog):
    """Edit one picture's description; OK is refused while the text is over the strictest limit."""

    def __init__(
        self,
        text: str = "",
        limit: int | None = DEFAULT_ALT_LIMIT,
        pixmap: QPixmap | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("alt_text_dialog")
        self.editor = AltTextEditor(limit)
        self.editor.set_preview(pixmap)
        self.editor.set_text(text)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.setObjectName("alt_buttons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.buttons)
        self.editor.alt_edited.connect(self._update_ok)
        self.resize(460, 520)
        self.editor.text_edit.setFocus()
        self.retranslate()

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def text(self) -> str:
        return self.editor.text()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Describe the picture"))
        self.ok_button().setText(self.tr("Save description"))
        self.ok_button().setAccessibleName(self.tr("Save description"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        self._update_ok()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_ok(self, _text: str = "") -> None:
        self.ok_button().setEnabled(not self.editor.is_over_limit())
