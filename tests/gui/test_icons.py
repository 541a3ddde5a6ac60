"""The app's pictures: every network in the registry has a mark painted in its registry colour, every page of
the navigation has a drawing painted in the colour asked for, and the files stay light."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QImage

from cm_desktop.core import networks
from cm_desktop.platform.resources import icon_path
from cm_desktop.ui import icons
from cm_desktop.ui.main_window import PAGES

NAV_PAGES = [name for name, _title, _sentence in PAGES] + ["settings"]


def _opaque_colours(image: QImage) -> set[str]:
    seen = set()
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() == 255:
                seen.add(pixel.name())
    return seen


def test_every_network_has_a_mark_in_its_registry_colour(qapp: object) -> None:
    for record in networks.all():
        path = icon_path(f"networks/{record.id}.svg")
        assert path.is_file(), record.id
        image = icons.svg_image(f"networks/{record.id}.svg", record.colour, 48)
        assert not image.isNull(), record.id
        assert image.size().width() == 48
        opaque = _opaque_colours(image)
        # The square is the registry's colour; the sign on it is white and covers part of it.
        assert QColor(record.colour).name() in opaque, record.id
        assert "#ffffff" in opaque, record.id
        assert not icons.network_mark(record.id).isNull()


def test_every_page_of_the_navigation_has_a_drawing_in_the_colour_asked_for(qapp: object) -> None:
    for page in NAV_PAGES:
        image = icons.svg_image(f"nav/{page}.svg", "#123456", 48)
        assert not image.isNull(), page
        opaque = _opaque_colours(image)
        assert opaque == {"#123456"}, (page, opaque)
        icon = icons.page_icon(page, "#123456", "#ffffff")
        assert {s.width() for s in icon.availableSizes()} == set(icons.ICON_SIDES)


def test_the_selected_state_is_painted_in_its_own_colour(qapp: object) -> None:
    icon = icons.page_icon("home", "#123456", "#fedcba")
    selected = icon.pixmap(48, 48, QIcon.Mode.Selected).toImage()
    assert _opaque_colours(selected) == {"#fedcba"}


def test_an_unknown_network_or_a_missing_file_gives_an_empty_picture_not_an_error(qapp: object) -> None:
    assert icons.network_mark("myspace").isNull()
    assert icons.svg_image("nav/no-such-page.svg", "#000000", 24).isNull()


def test_the_pictures_are_light() -> None:
    folder = icon_path("nav").parent
    files = [*folder.glob("nav/*.svg"), *folder.glob("networks/*.svg")]
    assert len(files) == len(NAV_PAGES) + len(networks.all())
    for file in files:
        assert file.stat().st_size < 1500, file.name
