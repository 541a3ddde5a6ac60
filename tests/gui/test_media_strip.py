"""The media strip, alt text editor and crop view with real widgets; pictures made with Pillow in tmp_path."""

from __future__ import annotations

import hashlib
import warnings
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, QMimeData, QModelIndex, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from cm_desktop.core import networks
from cm_desktop.ui.composer.alt_text import AltTextDialog, AltTextEditor, alt_limit
from cm_desktop.ui.composer.crop_view import CropView
from cm_desktop.ui.composer.media_strip import MediaItem, MediaStrip
from cm_desktop.ui.tasks import SyncTaskRunner


def make_picture(folder: Path, name: str, size: tuple[int, int], colour: str = "tomato") -> Path:
    path = folder / name
    Image.new("RGB", size, colour).save(path)
    return path


@pytest.fixture
def media_dir(tmp_path: Path) -> Path:
    return tmp_path / "media"


@pytest.fixture
def pictures(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    return [
        make_picture(folder, "a.jpg", (800, 600), "tomato"),
        make_picture(folder, "b.png", (400, 800), "seagreen"),
        make_picture(folder, "c.jpg", (1000, 1000), "steelblue"),
    ]


def make_strip(
    qtbot: QtBot, media_dir: Path, chosen: list[Path] | None = None, max_items: int = 10
) -> MediaStrip:
    strip = MediaStrip(
        SyncTaskRunner(), media_dir, max_items=max_items, choose_files=lambda _parent: list(chosen or [])
    )
    qtbot.addWidget(strip)
    strip.resize(640, 260)
    strip.show()
    return strip


def drop(target: QWidget, mime: QMimeData) -> QDropEvent:
    """A drag enters `target`, then drops: Qt delivers no drop without the enter first."""
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():
        # PySide marks the QPoint constructor (the only one Qt has) as deprecated.
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(target, enter)
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(target, event)
    return event


def test_add_by_chooser_keeps_order_with_hash_and_size(
    qtbot: QtBot, media_dir: Path, pictures: list[Path]
) -> None:
    strip = make_strip(qtbot, media_dir, pictures)
    with qtbot.waitSignal(strip.media_changed):
        qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    items = strip.items()
    assert [(i.width, i.height) for i in items] == [(800, 600), (400, 800), (1000, 1000)]
    for item, source in zip(items, pictures, strict=True):
        assert item.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
        assert item.path.parent == media_dir and item.path.exists()
        assert item.alt == "" and item.focal == (0.5, 0.5)
    assert strip.pending_count() == 0
    # Thumbnails are cached pixmaps, already at the tile size.
    thumb = strip.thumbnail(0)
    assert thumb is not None and max(thumb.deviceIndependentSize().toSize().toTuple()) <= 112


def test_drop_of_a_file_url_adds_it(qtbot: QtBot, media_dir: Path, pictures: list[Path]) -> None:
    strip = make_strip(qtbot, media_dir)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pictures[0]))])
    with qtbot.waitSignal(strip.media_changed):
        event = drop(strip.list.viewport(), mime)
    assert event.isAccepted()
    assert [i.width for i in strip.items()] == [800]


def test_non_picture_drop_is_refused_with_a_message_and_nothing_lost(
    qtbot: QtBot, media_dir: Path, pictures: list[Path], tmp_path: Path
) -> None:
    strip = make_strip(qtbot, media_dir, pictures[:1])
    strip.add_from_dialog()
    notes = tmp_path / "notes.txt"
    notes.write_text("not a picture")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(notes))])
    with qtbot.assertNotEmitted(strip.media_changed):
        drop(strip, mime)
    assert len(strip.items()) == 1
    assert "notes.txt" in strip.shown_message()
    assert "only pictures" in strip.shown_message()


def test_a_text_file_named_like_a_picture_gets_the_media_error(
    qtbot: QtBot, media_dir: Path, pictures: list[Path], tmp_path: Path
) -> None:
    fake = tmp_path / "fake.jpg"
    fake.write_text("hello")
    strip = make_strip(qtbot, media_dir, [pictures[0], fake, pictures[1]])
    strip.add_from_dialog()
    assert [i.width for i in strip.items()] == [800, 400]
    assert "fake.jpg" in strip.shown_message() and "not a picture" in strip.shown_message()


def test_broken_picture_gives_a_clear_message_and_keeps_the_others(
    qtbot: QtBot, media_dir: Path, pictures: list[Path], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.jpg"
    data = pictures[0].read_bytes()
    broken.write_bytes(data[: len(data) // 3])  # the header is fine, the pixels stop half-way
    strip = make_strip(qtbot, media_dir, [pictures[0], broken, pictures[2]])
    strip.add_from_dialog()
    assert [i.width for i in strip.items()] == [800, 1000]
    assert strip.list.count() == 2  # no "Preparing…" tile left behind
    message = strip.shown_message()
    assert message.startswith("broken.jpg: ")
    assert "damaged" in message


def test_paste_of_image_data_writes_a_file_into_the_media_folder(qtbot: QtBot, media_dir: Path) -> None:
    strip = make_strip(qtbot, media_dir)
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("gold"))
    mime = QMimeData()
    mime.setImageData(image)
    with qtbot.waitSignal(strip.media_changed):
        assert strip.paste_from_clipboard(mime)
    (item,) = strip.items()
    assert (item.width, item.height) == (320, 200)
    assert item.path.parent == media_dir and item.path.suffix == ".png"
    assert [p.name for p in media_dir.iterdir()] == [item.path.name]  # the temporary file is gone


def test_paste_of_text_is_not_taken(qtbot: QtBot, media_dir: Path) -> None:
    strip = make_strip(qtbot, media_dir)
    mime = QMimeData()
    mime.setText("hello")
    assert not strip.paste_from_clipboard(mime)
    assert strip.items() == []


def test_reorder_by_keyboard_and_by_buttons(qtbot: QtBot, media_dir: Path, pictures: list[Path]) -> None:
    strip = make_strip(qtbot, media_dir, pictures)
    strip.add_from_dialog()
    first = strip.items()
    strip.list.setCurrentRow(0)
    strip.list.setFocus()
    with qtbot.waitSignal(strip.media_changed) as blocker:
        qtbot.keyClick(strip.list, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert strip.items() == [first[1], first[0], first[2]]
    assert blocker.args == [strip.items()]
    assert strip.list.currentRow() == 1
    with qtbot.waitSignal(strip.media_changed):
        qtbot.mouseClick(strip.left_button, Qt.MouseButton.LeftButton)
    assert strip.items() == first
    assert not strip.left_button.isEnabled()  # already first


def test_reorder_by_model_move_as_a_drag_does(qtbot: QtBot, media_dir: Path, pictures: list[Path]) -> None:
    strip = make_strip(qtbot, media_dir, pictures)
    strip.add_from_dialog()
    first = strip.items()
    emitted: list[list[MediaItem]] = []
    strip.media_changed.connect(emitted.append)
    assert strip.list.model().moveRow(QModelIndex(), 2, QModelIndex(), 0)
    assert strip.items() == [first[2], first[0], first[1]]
    assert emitted == [strip.items()]


def test_remove_by_delete_key_and_by_tile_button(qtbot: QtBot, media_dir: Path, pictures: list[Path]) -> None:
    strip = make_strip(qtbot, media_dir, pictures)
    strip.add_from_dialog()
    first = strip.items()
    strip.list.setCurrentRow(1)
    with qtbot.waitSignal(strip.media_changed):
        qtbot.keyClick(strip.list, Qt.Key.Key_Delete)
    assert strip.items() == [first[0], first[2]]
    # The round × drawn on the first tile.
    rect = strip.list.visualItemRect(strip.list.item(0))
    cross = strip.delegate.remove_rect(rect, strip.thumbnail(0)).center()
    with qtbot.waitSignal(strip.media_changed):
        qtbot.mouseClick(strip.list.viewport(), Qt.MouseButton.LeftButton, pos=cross)
    assert strip.items() == [first[2]]


def test_max_items_is_respected(qtbot: QtBot, media_dir: Path, pictures: list[Path]) -> None:
    strip = make_strip(qtbot, media_dir, pictures, max_items=2)
    strip.add_from_dialog()
    assert len(strip.items()) == 2
    assert "up to 2 pictures" in strip.shown_message()
    assert not strip.add_button.isEnabled()


def test_alt_text_edit_updates_the_item_and_shows_the_badge(
    qtbot: QtBot, media_dir: Path, pictures: list[Path]
) -> None:
    strip = make_strip(qtbot, media_dir, pictures[:2])
    strip.add_from_dialog()
    strip.list.setCurrentRow(0)
    assert strip.alt_prompt.isVisible()  # missing description: the gentle prompt shows
    assert "no description" in strip.list.item(0).data(Qt.ItemDataRole.AccessibleTextRole)
    qtbot.keyClick(strip.list, Qt.Key.Key_Return)
    dialog = strip.alt_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.editor.prompt.isVisible()
    dialog.editor.text_edit.setPlainText("  Three croissants on a wooden board  ")
    assert not dialog.editor.prompt.isVisible()
    with qtbot.waitSignal(strip.media_changed) as blocker:
        qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert strip.items()[0].alt == "Three croissants on a wooden board"
    assert blocker.args[0][0].alt == "Three croissants on a wooden board"
    assert strip.items()[1].alt == ""
    assert not strip.alt_prompt.isVisible()
    assert "Three croissants" in strip.list.item(0).data(Qt.ItemDataRole.AccessibleTextRole)
    # The badge is painted: the tile's pixels differ from the same tile without a description.
    with_alt = strip.list.viewport().grab(strip.list.visualItemRect(strip.list.item(0))).toImage()
    strip.set_alt(0, "")
    without = strip.list.viewport().grab(strip.list.visualItemRect(strip.list.item(0))).toImage()
    assert with_alt != without


def test_alt_limit_is_the_strictest_chosen_network() -> None:
    assert alt_limit(["mastodon", "bluesky"]) == 1500
    assert alt_limit(["mastodon", "x"]) == 1000
    assert alt_limit(["facebook"]) is None  # no descriptions there
    assert alt_limit(["bluesky", "unknown-network"]) == networks.get("bluesky").accepts.alt_max


def test_alt_dialog_refuses_text_over_the_limit(qtbot: QtBot) -> None:
    dialog = AltTextDialog("", 10)
    qtbot.addWidget(dialog)
    dialog.editor.text_edit.setPlainText("x" * 11)
    assert not dialog.ok_button().isEnabled()
    assert "1 too many" in dialog.editor.counter.text()
    dialog.editor.text_edit.setPlainText("x" * 10)
    assert dialog.ok_button().isEnabled()
    assert dialog.editor.counter.text() == "10 / 10"


def test_alt_editor_prompt_when_empty(qtbot: QtBot) -> None:
    editor = AltTextEditor(1000)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.prompt.isVisible()
    assert "cannot see it" in editor.prompt.text()


def test_set_items_restores_a_draft(qtbot: QtBot, media_dir: Path, pictures: list[Path]) -> None:
    strip = make_strip(qtbot, media_dir, pictures)
    strip.add_from_dialog()
    saved = [
        MediaItem(i.path, i.sha256, i.width, i.height, alt=f"picture {n}", focal=(0.2, 0.8))
        for n, i in enumerate(strip.items())
    ]
    other = make_strip(qtbot, media_dir)
    with qtbot.waitSignal(other.media_changed):
        other.set_items(saved)
    assert other.items() == saved
    assert other.thumbnail(2) is not None


def test_thumbnail_is_not_rescaled_on_repaint(qtbot: QtBot, media_dir: Path, pictures: list[Path]) -> None:
    strip = make_strip(qtbot, media_dir, pictures[:1])
    strip.add_from_dialog()
    before = strip.thumbnail(0)
    strip.list.viewport().repaint()
    after = strip.thumbnail(0)
    assert before is not None and after is not None and before.cacheKey() == after.cacheKey()


def test_every_control_has_an_accessible_name(qtbot: QtBot, media_dir: Path) -> None:
    strip = make_strip(qtbot, media_dir)
    for widget in (
        strip.add_button,
        strip.alt_button,
        strip.left_button,
        strip.right_button,
        strip.remove_button,
    ):
        assert widget.accessibleName()
    assert strip.list.accessibleName()


def test_crop_view_click_sets_the_focal_point(qtbot: QtBot) -> None:
    pixmap = QPixmap(400, 100)  # 4:1, wider than Instagram's 1.91:1: the sides are cut
    pixmap.fill(QColor("teal"))
    view = CropView((0.8, 1.91), network_label="Instagram")
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.set_image(pixmap, (4000, 1000))
    view.show()
    qtbot.waitExposed(view)
    assert view.is_cropped()
    image = view.canvas.image_rect()
    target = QPoint(int(image.left() + image.width() * 0.9), int(image.center().y()))
    with qtbot.waitSignal(view.focal_changed) as blocker:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=target)
    x, y = blocker.args
    assert 0.0 <= x <= 1.0 and 0.0 <= y <= 1.0
    assert x == pytest.approx(0.9, abs=0.01)
    assert view.focal() == (x, y)
    box = view.crop_fraction()
    assert box.right() == pytest.approx(1.0)  # the frame is pushed to the right edge
    assert box.width() == pytest.approx(1.91 / 4, abs=0.001)
    # Clicking outside the picture still gives a value inside 0..1.
    with qtbot.waitSignal(view.focal_changed) as blocker:
        qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert all(0.0 <= v <= 1.0 for v in blocker.args)


def test_crop_view_keyboard_moves_the_focal_point(qtbot: QtBot) -> None:
    pixmap = QPixmap(100, 300)
    pixmap.fill(QColor("navy"))
    view = CropView((0.8, 1.91))
    qtbot.addWidget(view)
    view.set_image(pixmap, (1000, 3000), focal=(0.5, 0.5))
    view.show()
    with qtbot.waitSignal(view.focal_changed) as blocker:
        qtbot.keyClick(view.canvas, Qt.Key.Key_Down)
    assert blocker.args == [0.5, pytest.approx(0.55)]


def test_crop_view_says_when_nothing_is_cut(qtbot: QtBot) -> None:
    pixmap = QPixmap(100, 100)
    pixmap.fill(QColor("gray"))
    view = CropView((0.8, 1.91), network_label="Instagram")
    qtbot.addWidget(view)
    view.set_image(pixmap)
    assert not view.is_cropped()
    assert "nothing will be cut" in view.caption.text()


def test_language_change_retranslates(qtbot: QtBot, media_dir: Path) -> None:
    strip = make_strip(qtbot, media_dir)
    before = strip.add_button.text()
    QApplication.sendEvent(strip, QEvent(QEvent.Type.LanguageChange))
    assert strip.add_button.text() == before  # no translator installed: same English text, no crash


def test_ctrl_v_pastes_the_clipboard_picture(qtbot: QtBot, media_dir: Path) -> None:
    strip = make_strip(qtbot, media_dir)
    strip.activateWindow()
    qtbot.waitUntil(strip.isActiveWindow)  # shortcuts need the active window
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("orchid"))
    QGuiApplication.clipboard().setImage(image)
    strip.list.setFocus()
    with qtbot.waitSignal(strip.media_changed):
        qtbot.keyClick(strip.list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert [(i.width, i.height) for i in strip.items()] == [(64, 48)]
    QGuiApplication.clipboard().clear()
