"""Network previews through their real widgets: escaping, "See more" cuts, picture layouts, themes, caching."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cm_desktop.core import rules
from cm_desktop.ui.i18n import Translations
from cm_desktop.ui.previews import (
    PREVIEWS,
    FacebookPreview,
    InstagramPreview,
    LinkPreview,
    PixmapCache,
    PostPreview,
    PreviewImage,
    PreviewModel,
    PreviewPanel,
    XPreview,
    make_preview,
)
from cm_desktop.ui.previews.bluesky import bluesky_short_url
from cm_desktop.ui.previews.richtext import short_url

RICH = "Galette 🥐👩‍🍳 à Lyon : https://boulangerie-martin.fr/galette #Lyon merci @marie !"
LONG = "Notre galette des rois 🥐 est de retour : " + " ".join(f"mot{i:03d}" for i in range(150))


def _picture(path: Path, width: int, height: int, colour: str) -> str:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    painter = QPainter(image)
    painter.fillRect(0, 0, width // 4, height // 4, QColor("#5a3214"))
    painter.end()
    assert image.save(str(path))
    return str(path)


@pytest.fixture
def pictures(tmp_path: Path, qapp: QApplication) -> list[str]:
    return [
        _picture(tmp_path / "a.png", 1600, 1000, "#f6b26b"),
        _picture(tmp_path / "b.png", 1000, 1250, "#c2410c"),
        _picture(tmp_path / "c.png", 1200, 1200, "#9f1239"),
        _picture(tmp_path / "d.jpg", 1500, 1000, "#92400e"),
    ]


def model(text: str = RICH, images: list[str] | tuple[str, ...] = (), **extra: object) -> PreviewModel:
    return PreviewModel(
        text=text,
        author="Boulangerie Martin",
        handle="boulangerie",
        images=tuple(PreviewImage(p, f"photo {i}") for i, p in enumerate(images)),
        **extra,  # type: ignore[arg-type]
    )


def shown(
    qtbot: QtBot, network: str, m: PreviewModel, width: int = 460, cache: PixmapCache | None = None
) -> PostPreview:
    preview = make_preview(network, cache)
    qtbot.addWidget(preview)
    preview.set_model(m)
    preview.resize(width, preview.heightForWidth(width))
    preview.show()
    QApplication.processEvents()
    preview.grab()  # paints everything once, pixmaps included
    return preview


@pytest.mark.parametrize("network", list(PREVIEWS))
def test_every_network_renders_emoji_link_hashtag_mention_and_two_pictures(
    qtbot: QtBot, pictures: list[str], network: str
) -> None:
    preview = shown(qtbot, network, model(images=pictures[:2]))
    assert preview.accessibleName() == f"Preview on {preview.title}"
    assert "🥐👩‍🍳" in preview.shown_text()
    assert "#Lyon" in preview.shown_text()
    expected_tiles = 1 if network in ("instagram", "google_business") else 2
    assert len(preview.grid.tiles()) == expected_tiles
    assert preview.grid.isVisible()


@pytest.mark.parametrize("network", list(PREVIEWS))
def test_typed_markup_shows_literally(qtbot: QtBot, network: str) -> None:
    typed = "<b>not bold</b> & <script>x</script> #Lyon"
    preview = shown(
        qtbot, network, model(typed, link=LinkPreview("https://a.fr", "<i>title</i>", "<u>d</u>"))
    )
    assert "<b>" not in preview.body_source and "&lt;b&gt;not bold&lt;/b&gt;" in preview.body_source
    assert "<b>not bold</b> & <script>x</script>" in preview.shown_text()
    assert "<i>" not in preview.card.text.text()


def test_names_are_escaped(qtbot: QtBot) -> None:
    preview = shown(qtbot, "x", PreviewModel("hi", author="<i>Bob</i>", handle="<b>"))
    assert "&lt;i&gt;Bob&lt;/i&gt;" in preview.header.text()
    assert "<i>Bob" not in preview.header.text()


@pytest.mark.parametrize("network", ["facebook", "instagram", "linkedin"])
def test_long_text_is_cut_where_the_network_says_see_more(qtbot: QtBot, network: str) -> None:
    preview = shown(qtbot, network, model(LONG))
    cut = rules.feed_cut(network, LONG)
    assert cut is not None
    assert preview.cut_at == cut
    text = preview.shown_text()
    assert LONG[:cut].rstrip() in text
    assert LONG[cut:].split()[0] not in text
    assert text.rstrip().endswith("See more" if network == "facebook" else "more")


@pytest.mark.parametrize("network", ["facebook", "instagram", "linkedin"])
def test_short_text_is_not_cut(qtbot: QtBot, network: str) -> None:
    preview = shown(qtbot, network, model("Bonjour Lyon ! #Lyon"))
    assert preview.cut_at is None
    assert "more" not in preview.shown_text()


def test_x_shows_the_whole_text_and_short_links(qtbot: QtBot) -> None:
    preview = shown(qtbot, "x", model(LONG + " https://boulangerie-martin.fr/galette"))
    assert preview.cut_at is None
    assert "boulangerie-martin.fr/gal…" in preview.shown_text()


def _relative(rects: list[QRect]) -> list[tuple[float, float, float, float]]:
    width = max(r.right() + 1 for r in rects)
    return [(r.x() / width, r.y() / width, r.width() / width, r.height() / width) for r in rects]


def test_x_picture_layouts(qtbot: QtBot, pictures: list[str]) -> None:
    preview = shown(qtbot, "x", model(images=pictures[:1]))
    assert isinstance(preview, XPreview)
    width = preview.grid.width()
    one = preview.grid.tiles()
    assert len(one) == 1 and one[0].width() == width
    assert one[0].height() == pytest.approx(width / 1.6, abs=2)  # its own 16:10 shape
    for count in (2, 3, 4):
        preview.set_model(model(images=pictures[:count]))
        tiles = preview.grid.tiles()
        assert len(tiles) == count
        box_height = max(t.bottom() + 1 for t in tiles)
        assert box_height == pytest.approx(width * 9 / 16, abs=2)  # one 16:9 box
        if count == 2:  # side by side, same size
            assert tiles[0].y() == tiles[1].y() and tiles[0].right() < tiles[1].x()
            assert abs(tiles[0].width() - tiles[1].width()) <= 1
        if count == 3:  # one tall on the left, two stacked on the right
            left, top, bottom = tiles
            assert left.height() == box_height and left.right() < top.x()
            assert top.x() == bottom.x() and top.bottom() < bottom.y()
        if count == 4:  # 2 x 2
            assert {t.x() for t in tiles} == {tiles[0].x(), tiles[1].x()}
            assert len({t.y() for t in tiles}) == 2


def test_facebook_picture_layouts(qtbot: QtBot, pictures: list[str]) -> None:
    preview = shown(qtbot, "facebook", model(images=pictures[:1]))
    assert isinstance(preview, FacebookPreview)
    width = preview.grid.width()
    assert preview.grid.tiles()[0].width() == width  # one large picture, edge to edge
    preview.set_model(model(images=pictures[:2]))
    a, b = preview.grid.tiles()
    assert a.y() == b.y() and a.right() < b.x()  # two side by side
    for count in (3, 4):
        preview.set_model(model(images=pictures[:count]))
        big, *below = preview.grid.tiles()
        assert big.width() == width and len(below) == count - 1  # one big on top, the rest in a row
        assert all(t.y() > big.bottom() for t in below)
        assert len({t.y() for t in below}) == 1
        assert sum(t.width() for t in below) == pytest.approx(width, abs=2 * count)
    rel = _relative(preview.grid.tiles())
    assert rel[0][3] > rel[1][3]  # the top one is the tallest


def test_facebook_shows_plus_n_beyond_five(qtbot: QtBot, pictures: list[str]) -> None:
    preview = shown(qtbot, "facebook", model(images=pictures * 2))
    assert len(preview.grid.tiles()) == 5 and len(preview.grid.images) == 8


def test_instagram_shows_carousel_dots_for_three_pictures(qtbot: QtBot, pictures: list[str]) -> None:
    preview = shown(qtbot, "instagram", model(images=pictures[:3]))
    assert isinstance(preview, InstagramPreview)
    assert preview.carousel_dots() == 3
    assert len(preview.grid.tiles()) == 1
    tile = preview.grid.tiles()[0]
    assert tile.width() / tile.height() == pytest.approx(1.6, abs=0.02)  # within 4:5 .. 1.91:1
    preview.set_model(model(images=pictures[1:2]))
    assert preview.carousel_dots() == 0
    tile = preview.grid.tiles()[0]
    assert tile.width() / tile.height() == pytest.approx(0.8, abs=0.02)  # portrait: cropped to 4:5


def test_instagram_has_no_link_card_and_plain_links(qtbot: QtBot, pictures: list[str]) -> None:
    link = LinkPreview("https://boulangerie-martin.fr/galette", "Galette")
    preview = shown(qtbot, "instagram", model(images=pictures[:1], link=link))
    assert not preview.card.isVisible()
    assert "https://boulangerie-martin.fr/galette" in preview.body_source
    assert "<span" not in preview.body_source.split("https://")[0].rsplit(">", 1)[-1]


def test_link_card_shows_without_pictures_only(qtbot: QtBot, pictures: list[str]) -> None:
    link = LinkPreview("https://www.boulangerie-martin.fr/galette", "Galette", "Frangipane", pictures[0])
    preview = shown(qtbot, "bluesky", model(link=link))
    assert preview.card.isVisible() and "boulangerie-martin.fr" in preview.card.text.text()
    preview.set_model(model(images=pictures[:1], link=link))
    assert not preview.card.isVisible()


def test_dark_palette_re_renders_in_the_network_colours(
    qtbot: QtBot, qapp: QApplication, pictures: list[str]
) -> None:
    previews = [shown(qtbot, network, model(images=pictures[:2])) for network in PREVIEWS]
    light = qapp.palette()
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    try:
        qapp.setPalette(dark)
        QApplication.processEvents()
        for preview in previews:
            assert preview.is_dark()
            assert preview.colours() == preview.dark
            assert preview.dark.text in preview.body.text()
            preview.grab()
    finally:
        qapp.setPalette(light)
        QApplication.processEvents()
    assert all(p.light.text in p.body.text() for p in previews)


def test_second_update_reuses_the_scaled_pictures(qtbot: QtBot, pictures: list[str]) -> None:
    panel = PreviewPanel(["facebook", "instagram", "x", "linkedin", "mastodon", "bluesky"])
    qtbot.addWidget(panel)
    panel.resize(1400, 900)
    panel.show()
    panel.update_model(model("Bonjour", images=pictures))
    QApplication.processEvents()
    panel.grab()
    misses, hits = panel.cache.misses, panel.cache.hits
    assert misses > 0
    panel.update_model(model("Bonjour Lyon", images=pictures))
    QApplication.processEvents()
    panel.grab()
    assert panel.cache.misses == misses  # nothing decoded or scaled again
    assert panel.cache.hits > hits


def test_cache_keys_by_size_and_evicts_within_budget(qapp: QApplication, pictures: list[str]) -> None:
    from PySide6.QtCore import QSize

    cache = PixmapCache(budget_bytes=200 * 200 * 4 * 2)
    first = cache.cover(pictures[0], QSize(200, 200))
    assert first is not None and first.size() == QSize(200, 200)
    assert cache.cover(pictures[0], QSize(200, 200)) is first and cache.hits == 1
    cache.cover(pictures[1], QSize(200, 200))
    cache.cover(pictures[2], QSize(200, 200))
    cache.cover(pictures[0], QSize(200, 200))
    assert cache.misses == 4  # the first was evicted to stay within two pictures' bytes
    assert cache.cover("/no/such/picture.png", QSize(10, 10)) is None


def test_a_keystroke_that_keeps_the_height_lays_nothing_out_again(qtbot: QtBot) -> None:
    """Speed without a clock (bench/composer.py has the figures): after a key that leaves a text's height
    as it was, its preview is not laid out again (only the text is re-rendered and repainted)."""
    from PySide6.QtCore import QEvent, QObject

    class LayoutSpy(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[str] = []

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.LayoutRequest:
                self.seen.append(watched.objectName())
            return False

    networks = ["x", "mastodon", "bluesky", "threads"]  # no "See more": the whole text shows
    panel = PreviewPanel(networks)
    qtbot.addWidget(panel)
    panel.resize(1400, 900)
    panel.show()
    text = (RICH + " ") * 3 + "1"
    panel.update_model(model(text))
    for _ in range(3):
        QApplication.processEvents()
    spy = LayoutSpy()
    for network in networks:
        panel.preview(network).installEventFilter(spy)
    panel.update_model(model(text[:-1] + "2"))  # digits have the same width
    for _ in range(3):
        QApplication.processEvents()
    assert all(panel.preview(n).shown_text().endswith("2") for n in networks)
    assert spy.seen == []
    panel.update_model(model(text + "\n\nUne ligne de plus"))  # taller: laid out again
    for _ in range(3):
        QApplication.processEvents()
    assert set(spy.seen) == {f"preview_{n}" for n in networks}


def test_previews_off_screen_wait_and_catch_up(qtbot: QtBot) -> None:
    panel = PreviewPanel(["mastodon", "bluesky", "x", "threads"])
    qtbot.addWidget(panel)
    panel.resize(420, 500)  # one column, room for about one preview
    panel.update_model(model(LONG))
    panel.show()
    qtbot.waitExposed(panel)
    for _ in range(3):
        QApplication.processEvents()
    panel.update_model(model("Nouveau texte"))
    waiting = panel.pending()
    assert "mastodon" not in waiting and "threads" in waiting
    assert panel._previews["threads"].shown_text().startswith("Notre galette")  # not rendered yet
    panel.scroll_area.verticalScrollBar().setValue(panel.scroll_area.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: "threads" not in panel.pending())
    assert panel._previews["threads"].shown_text().startswith("Nouveau texte")
    # Asking for a preview renders it first, wherever it is.
    assert all(panel.preview(n).shown_text().startswith("Nouveau") for n in panel.networks)
    assert panel.pending() == []


def test_panel_keeps_previews_and_follows_language(
    qtbot: QtBot, qapp: QApplication, pictures: list[str]
) -> None:
    panel = PreviewPanel(["x", "facebook"])
    qtbot.addWidget(panel)
    panel.update_model({"x": model("hi"), "facebook": model(LONG)})
    kept = panel.preview("x")
    panel.set_networks(["facebook", "x", "mastodon"])
    assert panel.networks == ["facebook", "x", "mastodon"] and panel.preview("x") is kept
    assert panel.preview("mastodon").model is None  # no model for it yet
    panel.update_model(model("salut"))
    assert panel.preview("mastodon").model is not None
    panel.update_model({"facebook": model(LONG)})
    translations = Translations(qapp)
    try:
        translations.apply("fr")
        qtbot.waitUntil(lambda: "Voir plus" in panel.preview("facebook").shown_text(), timeout=2_000)
        assert panel.preview("x").accessibleName() == "Aperçu sur X"
    finally:
        translations.apply("en")
        qtbot.waitUntil(lambda: "See more" in panel.preview("facebook").shown_text(), timeout=2_000)
    panel.set_networks(["x"])
    assert panel.networks == ["x"]


def test_unknown_network_is_refused() -> None:
    with pytest.raises(ValueError, match="no preview"):
        make_preview("myspace")


def test_right_to_left_text_is_laid_out_right_to_left(qtbot: QtBot) -> None:
    preview = shown(qtbot, "x", model("خبز طازج كل صباح في ليون #Lyon"))
    block = preview.body.doc.firstBlock()
    assert block.layout().lineAt(0).naturalTextRect().right() == pytest.approx(preview.body.width(), abs=2)
    assert block.textDirection() == Qt.LayoutDirection.RightToLeft


def test_short_urls_as_networks_show_them() -> None:
    assert short_url("https://www.boulangerie-martin.fr/galette-des-rois", 25) == "boulangerie-martin.fr/gal…"
    assert short_url("http://a.fr/b", 30) == "a.fr/b"
    assert bluesky_short_url("https://boulangerie-martin.fr/galette") == "boulangerie-martin.fr/galette"
    assert (
        bluesky_short_url("https://a.fr/une-tres-longue-adresse") == "a.fr/une-tres-lon..."
    )  # 13 characters of the path
