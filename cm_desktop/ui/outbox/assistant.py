"""The publish assistant: posting by hand on a network we do not connect to directly, in four plain steps.

1. the text (already on the clipboard, with a button to copy it again);
2. the pictures, prepared for that network (save them to a folder, show the folder);
3. the network's own "new post" box, opened in the browser;
4. "I have posted it" (with the link, if the person wants), "Later", or "Do not publish".
Reading pictures and writing the answer run off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QClipboard, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core.i18n import Lang
from cm_desktop.core.outbox.assisted import AssistedItem
from cm_desktop.ui.i18n import network_name
from cm_desktop.ui.reflow import ScrollBody
from cm_desktop.ui.tasks import TaskRunner

THUMB = QSize(96, 96)

Answer = Callable[[str, str], bool]  # (kind, link) -> the answer was recorded


def _thumbnails(paths: list[Path]) -> list[tuple[Path, QImage]]:
    # QImage (not QPixmap) may be made off the GUI thread.
    images = []
    for path in paths:
        image = QImage(str(path))
        if not image.isNull():
            scaled = image.scaled(
                THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
            images.append((path, scaled))
    return images


def _choose_folder(parent: QWidget) -> str:
    return QFileDialog.getExistingDirectory(parent)


class PublishAssistant(QDialog):
    answered = Signal(int, str)  # target id, "posted" | "later" | "skip"

    def __init__(
        self,
        item: AssistedItem,
        runner: TaskRunner,
        *,
        prepare: Callable[[AssistedItem], list[Path]],
        answer: Answer,
        save: Callable[[list[Path], Path, str], list[Path]],
        clipboard: QClipboard,
        open_url: Callable[[QUrl], bool],
        choose_folder: Callable[[QWidget], str] = _choose_folder,
        lang: Callable[[], Lang],
        when_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("publish_assistant")
        self.item, self._runner = item, runner
        self._prepare, self._answer, self._save = prepare, answer, save
        self._clipboard, self._open_url, self._choose_folder = clipboard, open_url, choose_folder
        self._when_text, self._lang = when_text, lang
        self.prepared: list[Path] = []
        self.saved_to: Path | None = None
        self.saved_count = 0
        # "preparing" -> "ready" -> "saved", or "failed" / "save_failed": the sentence follows the language.
        self.pictures_state = "preparing"
        self._failure_detail = ""
        self.setMinimumWidth(560)

        self.heading = QLabel()
        self.heading.setObjectName("assistant_heading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)

        self.text_box = QGroupBox()
        self.text_view = QPlainTextEdit(item.text)
        self.text_view.setObjectName("assistant_text")
        self.text_view.setReadOnly(True)
        self.text_view.setMaximumHeight(140)
        self.copied_label = QLabel()
        self.copied_label.setWordWrap(True)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("assistant_copy")
        text_layout = QVBoxLayout(self.text_box)
        text_layout.addWidget(self.text_view)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copied_label, 1)
        copy_row.addWidget(self.copy_button)
        text_layout.addLayout(copy_row)

        self.pictures_box = QGroupBox()
        # A row of its own with the thumbnails' height: wrapped labels below must never squeeze it.
        self.thumb_row = QWidget()
        self.thumb_row.setMinimumHeight(THUMB.height())
        self.thumbs = QHBoxLayout(self.thumb_row)
        self.thumbs.setContentsMargins(0, 0, 0, 0)
        self.pictures_status = QLabel()
        self.pictures_status.setObjectName("assistant_pictures_status")
        self.pictures_status.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("assistant_save_pictures")
        self.save_button.setEnabled(False)
        self.show_folder_button = QPushButton()
        self.show_folder_button.setObjectName("assistant_show_folder")
        self.show_folder_button.setEnabled(False)
        pictures_layout = QVBoxLayout(self.pictures_box)
        pictures_layout.addWidget(self.thumb_row)
        pictures_layout.addWidget(self.pictures_status)
        picture_buttons = QHBoxLayout()
        picture_buttons.addWidget(self.save_button)
        picture_buttons.addWidget(self.show_folder_button)
        picture_buttons.addStretch(1)
        pictures_layout.addLayout(picture_buttons)
        self.pictures_box.setVisible(bool(item.images))

        self.open_box = QGroupBox()
        self.open_hint = QLabel()
        self.open_hint.setWordWrap(True)
        self.open_button = QPushButton()
        self.open_button.setObjectName("assistant_open_network")
        open_layout = QVBoxLayout(self.open_box)
        open_layout.addWidget(self.open_hint)
        open_row = QHBoxLayout()
        open_row.addWidget(self.open_button)
        open_row.addStretch(1)
        open_layout.addLayout(open_row)

        self.done_box = QGroupBox()
        self.link_label = QLabel()
        self.link_edit = QLineEdit()
        self.link_edit.setObjectName("assistant_link")
        self.link_label.setBuddy(self.link_edit)
        self.message = QLabel()
        self.message.setObjectName("assistant_message")
        self.message.setWordWrap(True)
        self.posted_button = QPushButton()
        self.posted_button.setObjectName("assistant_posted")
        self.posted_button.setDefault(True)
        self.later_button = QPushButton()
        self.later_button.setObjectName("assistant_later")
        self.skip_button = QPushButton()
        self.skip_button.setObjectName("assistant_skip")
        done_layout = QVBoxLayout(self.done_box)
        done_layout.addWidget(self.link_label)
        done_layout.addWidget(self.link_edit)
        done_layout.addWidget(self.message)
        done_row = QHBoxLayout()
        done_row.addWidget(self.skip_button)
        done_row.addStretch(1)
        done_row.addWidget(self.later_button)
        done_row.addWidget(self.posted_button)

        # The steps scroll when the screen is short (200 %, a large font); the answers stay under them, always
        # visible. Squeezed into a short window, the fixed-size thumbnails were drawn over the line under them.
        steps = QWidget()
        steps.setObjectName("assistant_steps")
        steps_layout = QVBoxLayout(steps)
        steps_layout.setContentsMargins(0, 0, 0, 0)
        for box in (self.text_box, self.pictures_box, self.open_box, self.done_box):
            steps_layout.addWidget(box)
        steps_layout.addStretch(1)
        self.steps_scroll = ScrollBody(steps)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.steps_scroll, 1)
        layout.addLayout(done_row)
        self._fit_screen()

        self.copy_button.clicked.connect(self.copy_text)
        self.save_button.clicked.connect(self.save_pictures)
        self.show_folder_button.clicked.connect(self.show_folder)
        self.open_button.clicked.connect(self.open_network)
        self.posted_button.clicked.connect(lambda: self._send("posted"))
        self.later_button.clicked.connect(lambda: self._send("later"))
        self.skip_button.clicked.connect(lambda: self._send("skip"))
        self.retranslate()
        self.copy_text()
        if item.images:
            self._runner.run(
                lambda: _prepared_with_thumbs(self._prepare, item),
                self._pictures_ready,
                self._pictures_failed,
            )

    def _fit_screen(self) -> None:
        """Tall enough to show every step without scrolling when the screen allows it."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        steps = self.steps_scroll.widget()
        inner = steps.sizeHint().height() if steps is not None else 400
        wanted = inner + self.heading.sizeHint().height() + 120
        height = min(wanted, screen.height() - 60) if screen is not None else wanted
        self.resize(max(self.minimumWidth(), 640), max(height, 360))

    # --- steps ----------------------------------------------------------------------------------------------

    def copy_text(self) -> None:
        self._clipboard.setText(self.item.text)

    def _pictures_ready(self, result: tuple[list[Path], list[tuple[Path, QImage]]]) -> None:
        self.prepared, thumbs = result
        for path, image in thumbs:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setFixedSize(image.size())
            label.setToolTip(path.name)
            self.thumbs.addWidget(label)
        self.thumbs.addStretch(1)
        self.save_button.setEnabled(bool(self.prepared))
        self.pictures_state = "ready"
        self._say_pictures()

    def _pictures_failed(self, error: BaseException) -> None:
        from cm_desktop.core.media import MediaError

        self._failure_detail = error.message(self._lang()) if isinstance(error, MediaError) else ""
        self.pictures_state = "failed"
        self._say_pictures()

    def save_pictures(self) -> None:
        folder = self._choose_folder(self)
        if not folder:
            return
        stem = f"{self.item.network}-{self.item.post_id}"

        def saved(paths: list[Path]) -> None:
            self.saved_to, self.saved_count = Path(folder), len(paths)
            self.show_folder_button.setEnabled(True)
            self.pictures_state = "saved"
            self._say_pictures()

        def failed(_error: BaseException) -> None:
            self.pictures_state = "save_failed"
            self._say_pictures()

        self._runner.run(lambda: self._save(self.prepared, Path(folder), stem), saved, failed)

    def show_folder(self) -> None:
        if self.saved_to is not None:
            self._open_url(QUrl.fromLocalFile(str(self.saved_to)))

    def open_network(self) -> None:
        self.copy_text()  # the clipboard may have changed since the dialog opened
        self._open_url(QUrl(self.item.composer_url))

    def _send(self, kind: str) -> None:
        link = self.link_edit.text().strip() if kind == "posted" else ""
        if link and not link.lower().startswith(("http://", "https://")):
            self.message.setText(self.tr("The link should start with https:// (or leave it empty)."))
            return
        for button in (self.posted_button, self.later_button, self.skip_button):
            button.setEnabled(False)

        def done(recorded: bool) -> None:
            self.answered.emit(self.item.target_id, kind if recorded else "gone")
            self.accept()

        def failed(_error: BaseException) -> None:
            for button in (self.posted_button, self.later_button, self.skip_button):
                button.setEnabled(True)
            self.message.setText(self.tr("Your answer could not be saved. Please try again."))

        self._runner.run(lambda: self._answer(kind, link), done, failed)

    # --- words ----------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        name = network_name(self.item.network)
        self.setWindowTitle(self.tr("Publish on %1").replace("%1", name))
        heading = self.tr("Time to publish on %1").replace("%1", name)
        if self._when_text:
            heading += " · " + self._when_text
        self.heading.setText(heading)
        self.text_box.setTitle(self.tr("1. The text"))
        self.copied_label.setText(
            self.tr("The text is already copied: in %1, paste it with Ctrl+V (⌘V on a Mac).").replace(
                "%1", name
            )
        )
        self.copy_button.setText(self.tr("Copy the text again"))
        self.text_view.setAccessibleName(self.tr("Text to publish"))
        self.pictures_box.setTitle(self.tr("2. The pictures"))
        self._say_pictures()
        self.save_button.setText(self.tr("Save the pictures…"))
        self.show_folder_button.setText(self.tr("Show the folder"))
        step = "3" if self.item.images else "2"
        self.open_box.setTitle(self.tr("%1. Open %2").replace("%1", step).replace("%2", name))
        self.open_hint.setText(
            self.tr(
                "Your browser opens %1. Sign in if asked, create a new post, paste the text and add the pictures."
            ).replace("%1", name)
        )
        self.open_button.setText(self.tr("Open %1 in the browser").replace("%1", name))
        last = "4" if self.item.images else "3"
        self.done_box.setTitle(self.tr("%1. Once it is published").replace("%1", last))
        self.link_label.setText(self.tr("Link to your post (optional, to find it again later):"))
        self.link_edit.setPlaceholderText("https://")
        self.posted_button.setText(self.tr("I have posted it"))
        self.later_button.setText(self.tr("Later (in 1 hour)"))
        self.skip_button.setText(self.tr("Do not publish"))

    def _say_pictures(self) -> None:
        name = network_name(self.item.network)
        state = self.pictures_state
        if state == "preparing":
            text = self.tr("Preparing the pictures for %1…").replace("%1", name)
        elif state == "ready":
            text = self.tr("Ready in the right size for %1. Save them, then add them to your post.")
            text = text.replace("%1", name)
        elif state == "saved":
            text = self.tr("Saved in %1.").replace("%1", str(self.saved_to))
        elif state == "save_failed":
            text = self.tr(
                "The pictures could not be saved there. Choose another folder (is the disk full?)."
            )
        else:
            text = self.tr("The pictures could not be prepared.")
            text += " " + self._failure_detail if self._failure_detail else ""
        self.pictures_status.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _prepared_with_thumbs(
    prepare: Callable[[AssistedItem], list[Path]], item: AssistedItem
) -> tuple[list[Path], list[tuple[Path, QImage]]]:
    paths = prepare(item)
    return paths, _thumbnails(paths)


def answer_with(store: Any, clock: Any, target_id: int) -> Answer:
    """The assistant's answers written to the store (run off the GUI thread by the dialog)."""
    from cm_desktop.core.outbox import assisted

    def answer(kind: str, link: str) -> bool:
        now: datetime = clock.now()
        if kind == "posted":
            return assisted.mark_posted(store, target_id, now, link)
        if kind == "later":
            return assisted.snooze(store, target_id, now)
        return assisted.skip(store, target_id, now)

    return answer
