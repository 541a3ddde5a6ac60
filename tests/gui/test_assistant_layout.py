"""The publish-by-hand dialog: nothing drawn over the thumbnails, nothing cut, in French (issue #16.4)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from cm_desktop.core.outbox.assisted import AssistedImage, AssistedItem
from cm_desktop.ui.i18n import Translations
from cm_desktop.ui.outbox.assistant import PublishAssistant
from cm_desktop.ui.tasks import SyncTaskRunner


@pytest.fixture
def french() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translations = Translations(app)
    translations.apply("fr")
    yield
    translations.apply("en")


def overlaps(parent: QWidget) -> list[str]:
    children = parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    shown = [w for w in children if w.isVisibleTo(parent) and not w.isWindow() and w.width() and w.height()]
    return [
        f"{a.objectName() or type(a).__name__} / {b.objectName() or type(b).__name__}"
        for i, a in enumerate(shown)
        for b in shown[i + 1 :]
        if a.geometry().intersects(b.geometry())
    ]


def cut_labels(root: QWidget) -> list[str]:
    """Word-wrapped labels given less height than their text needs at their width."""
    return [
        f"{label.objectName()}: {label.text()[:40]!r} {label.height()} < {label.heightForWidth(label.width())}"
        for label in root.findChildren(QLabel)
        if label.isVisibleTo(root)
        and label.wordWrap()
        and label.height() < label.heightForWidth(label.width())
    ]


@pytest.mark.parametrize("height", [640, 800])
def test_the_ready_line_is_never_drawn_over_the_thumbnails(
    qtbot: QtBot, tmp_path: Path, french: None, height: int
) -> None:
    pictures = []
    for index, size in enumerate([(1200, 900), (900, 1200), (1080, 1080)]):
        path = tmp_path / f"bouquet{index}.jpg"
        Image.new("RGB", size, (180, 40 * index, 90)).save(path)
        pictures.append(path)
    item = AssistedItem(
        target_id=1,
        post_id=1,
        network="facebook",
        text="Les pivoines sont arrivées à l'atelier ! " * 6,
        due_utc=None,
        images=tuple(AssistedImage(p, "", (0.5, 0.5)) for p in pictures),
    )
    dialog = PublishAssistant(
        item,
        SyncTaskRunner(),
        prepare=lambda _item: pictures,
        answer=lambda _kind, _link: True,
        save=lambda paths, _folder, _stem: paths,
        clipboard=QApplication.clipboard(),
        open_url=lambda _url: True,
        lang=lambda: "fr",
    )
    qtbot.addWidget(dialog)
    # What a 1024-wide laptop screen leaves a dialog once the task bar and the title bar are counted.
    dialog.resize(600, height - 90)
    dialog.show()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    assert dialog.pictures_state == "ready"
    assert "Prêtes" in dialog.pictures_status.text()
    assert overlaps(dialog.pictures_box) == []
    assert cut_labels(dialog) == []
    # The answers stay on screen, whatever the height.
    for button in (dialog.posted_button, dialog.later_button, dialog.skip_button):
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner), button.objectName()
