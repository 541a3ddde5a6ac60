"""A preview's text changed in place on each keystroke shows exactly what a document built from scratch shows.

The body's QTextDocument is edited incrementally (only the characters that differ are replaced); these tests
drive random edit sequences through every network's preview and compare, after each edit, with a document
built from nothing by the same code, and with the HTML the preview has always rendered (`setHtml`).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QGuiApplication, QPaintEvent, QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cm_desktop.ui.previews import PREVIEWS, PostPreview, PreviewModel, PreviewPanel, make_preview
from cm_desktop.ui.previews.richtext import Piece
from cm_desktop.ui.previews.widgets import TextBlock

WIDTH = 420
LINE_BREAKS = ("\n", "\u2028", "\u2029")
TOKENS = (
    "a",
    "é",
    "Lyon",
    " ",
    "   ",
    "\n",
    "\n\n",
    "\u2028",
    "\u2029",
    "\t",
    "\xa0",
    "#Lyon",
    "#fait_maison",
    "@marie",
    "@bob@mastodon.social",
    "$AAPL",
    "https://www.boulangerie-martin.fr/galette-des-rois?saison=été",
    "exemple.com/menu",
    "🥐",
    "👩‍🍳",
    "🇫🇷",
    "👋🏽",
    "خبز طازج",
    "日本語",
    "<b>",
    "&amp;",
    ".",
)
STARTS = (
    "",
    "Galette 🥐👩‍🍳 à Lyon : https://boulangerie-martin.fr/galette #Lyon merci @marie !",
    "خبز طازج كل صباح في ليون #Lyon\nBonjour",
    "Notre galette des rois 🥐 est de retour :\n" + " ".join(f"mot{i:03d} #tag{i}" for i in range(90)),
)
edits = st.lists(
    st.tuples(
        st.floats(0, 1),  # where, as a share of the text
        st.integers(0, 40),  # characters removed there
        st.lists(st.sampled_from(TOKENS), max_size=4).map("".join),  # text typed or pasted there
    ),
    min_size=1,
    max_size=8,
)


def canonical(doc: QTextDocument) -> list[tuple[str, Any]]:
    """(text, character format) runs, line breaks as ("\\n", None) whether block breaks or U+2028."""
    runs: list[tuple[str, Any]] = []

    def add(text: str, props: Any) -> None:
        if runs and props is not None and runs[-1][1] == props:
            runs[-1] = (runs[-1][0] + text, props)
        elif text:
            runs.append((text, props))

    block = doc.begin()
    while block.isValid():
        if block != doc.begin():
            add("\n", None)
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            props = fragment.charFormat().properties()
            for i, line in enumerate(fragment.text().split("\u2028")):
                if i:
                    add("\n", None)
                add(line, props)
            it += 1
        block = block.next()
    return runs


def blocks(doc: QTextDocument) -> list[tuple[Any, Any, str]]:
    """Each block's format, the format of its line break and its text: what a fresh build must match."""
    found = []
    block = doc.begin()
    while block.isValid():
        found.append((block.blockFormat().properties(), block.charFormat().properties(), block.text()))
        block = block.next()
    return found


class Spy:
    """The arguments of the body's last set_pieces, to build the same text again from nothing."""

    def __init__(self, body: TextBlock) -> None:
        self.args: tuple[str, str, Sequence[Piece]] = ("", "", ())
        original = body.set_pieces

        def spy(html: str, wrapper: str, pieces: Sequence[Piece]) -> None:
            self.args = (html, wrapper, pieces)
            original(html, wrapper, pieces)

        body.set_pieces = spy  # type: ignore[method-assign]


def model(text: str) -> PreviewModel:
    return PreviewModel(text=text, author="Boulangerie Martin", handle="boulangerie")


def edited(text: str, where: float, removed: int, typed: str) -> str:
    at = round(where * len(text))
    return text[:at] + typed + text[at + removed :]


def check_same_as_fresh(qtbot: QtBot, preview: PostPreview, spy: Spy) -> None:
    body = preview.body
    fresh = TextBlock()
    qtbot.addWidget(fresh)
    fresh.setFont(body.font())
    fresh.set_pieces(*spy.args)
    assert blocks(body.doc) == blocks(fresh.doc)
    assert canonical(body.doc) == canonical(fresh.doc)
    # What the preview rendered before documents were edited in place: the same text, the same formats.
    html = QTextDocument()
    html.setHtml(body.text())
    assert body.doc.toPlainText() == html.toPlainText() == preview.shown_text()
    assert canonical(body.doc) == canonical(html)
    # The cached height is the height of the text now.
    fresh.doc.setTextWidth(body.width())
    assert body.heightForWidth(body.width()) == math.ceil(fresh.doc.size().height())


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(start=st.sampled_from(STARTS), steps=edits)
def test_edits_in_place_equal_a_document_built_from_scratch(
    qtbot: QtBot, start: str, steps: list[tuple[float, int, str]]
) -> None:
    previews = {}
    for network in PREVIEWS:
        preview = make_preview(network)
        qtbot.addWidget(preview)
        spy = Spy(preview.body)
        preview.set_model(model(start))
        preview.setFixedWidth(WIDTH)
        preview.show()
        previews[network] = (preview, spy)
    QApplication.processEvents()
    text = start
    for where, removed, typed in steps:
        text = edited(text, where, removed, typed)
        for preview, _spy in previews.values():
            preview.set_model(model(text))
        QApplication.processEvents()  # layouts ask for heights, paints lay out: as while typing
        for preview, spy in previews.values():
            check_same_as_fresh(qtbot, preview, spy)


def test_a_theme_change_and_a_direction_change_rebuild_the_same_text(qtbot: QtBot) -> None:
    preview = make_preview("mastodon")
    qtbot.addWidget(preview)
    spy = Spy(preview.body)
    preview.set_model(model("Bonjour #Lyon\nمرحبا"))
    preview.set_model(model("مرحبا\nBonjour #Lyon"))  # the first strong letter is Arabic now
    check_same_as_fresh(qtbot, preview, spy)
    palette = preview.palette()
    palette.setColor(palette.ColorRole.Window, "#101010")
    palette.setColor(palette.ColorRole.WindowText, "#f0f0f0")
    preview.setPalette(palette)
    assert preview.is_dark()
    check_same_as_fresh(qtbot, preview, spy)
    assert preview.dark.text in preview.body.text()


class PaintedRects(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            assert isinstance(event, QPaintEvent)
            self.rects.append(event.rect())
        return False


def test_a_key_that_keeps_the_height_repaints_only_its_line(qtbot: QtBot) -> None:
    preview = make_preview("x")
    qtbot.addWidget(preview)
    lines = [f"Ligne {i} de la publication, #Lyon" for i in range(12)]
    preview.set_model(model("\n".join(lines)))
    preview.setFixedWidth(WIDTH)
    preview.show()
    QApplication.processEvents()
    preview.grab()
    height = preview.body.height()
    painted = PaintedRects()
    preview.body.installEventFilter(painted)
    lines[5] += "a"
    preview.set_model(model("\n".join(lines)))
    QApplication.processEvents()
    assert preview.body.height() == height
    assert painted.rects, "the changed line was not repainted"
    assert all(rect.height() < height / 4 for rect in painted.rects), painted.rects


def test_heights_at_other_widths_leave_the_text_laid_out_at_its_own(qtbot: QtBot) -> None:
    preview = make_preview("bluesky")
    qtbot.addWidget(preview)
    text = " ".join(f"mot{i:03d}" for i in range(200))
    preview.set_model(model(text))
    preview.setFixedWidth(WIDTH)
    preview.show()
    QApplication.processEvents()
    body = preview.body
    other = QTextDocument()
    other.setDocumentMargin(0)
    other.setDefaultFont(body.font())
    other.setHtml(body.text())
    for width in (body.width() - 4, 640):
        other.setTextWidth(width)
        assert body.heightForWidth(width) == math.ceil(other.size().height())
        assert body.doc.textWidth() == body.width()


def test_the_screen_after_edits_equals_a_full_repaint(qtbot: QtBot) -> None:
    """Only changed lines are repainted: what the window holds must still be what a full repaint draws."""
    panel = PreviewPanel(list(PREVIEWS))
    qtbot.addWidget(panel)
    panel.resize(1400, 4000)
    panel.show()
    text = STARTS[3][:700]
    panel.update_model(model(text))
    QApplication.processEvents()
    rng = random.Random(16)
    for _ in range(30):
        at = rng.randrange(len(text) + 1)
        if rng.random() < 0.6:  # typing, a new line, a word: some keys change a text's height, some do not
            text = text[:at] + rng.choice(["a", "\n", "mot ", "#tag ", "🥐", "خبز "]) + text[at:]
        else:
            text = text[:at] + text[at + rng.randrange(1, 30) :]
        panel.update_model(model(text))
        for _ in range(3):
            QApplication.processEvents()
        screen = QGuiApplication.primaryScreen().grabWindow(panel.winId()).toImage()
        repainted = panel.grab().toImage().convertToFormat(screen.format())
        assert screen == repainted, f"stale pixels after the text became {text!r}"
