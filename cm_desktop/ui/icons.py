"""The app's pictures: the navigation's line drawings and each network's mark, from light SVGs in
resources/icons (nav/<page>.svg, networks/<network id>.svg).

The drawings are painted with `currentColor`; the colour is filled in here, from the palette for the
navigation and from the network registry for the marks, so colours keep their one home. The SVG is read
through Qt's image reader (the SVG image plug-in the app icon already needs), at the size asked for: sharp
at 200 % and with large fonts.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap

from cm_desktop.core import networks
from cm_desktop.platform.resources import icon_path

# The sizes a QIcon is given up front: 16-24 px for lists and buttons at 100 %, the rest for 150-200 %.
ICON_SIDES = (16, 20, 24, 32, 40, 48)


@lru_cache(maxsize=64)
def svg_source(relative: str) -> str:
    """The text of resources/icons/<relative> (read once: the files never change while the app runs)."""
    return icon_path(relative).read_text(encoding="utf-8")


def svg_image(relative: str, colour: str, side: int) -> QImage:
    """The drawing at `side`×`side` device pixels with `currentColor` painted `colour` (a null image if the
    file cannot be read: a missing picture must not stop a page from opening)."""
    try:
        source = svg_source(relative)
    except OSError:
        return QImage()
    data = QByteArray(source.replace("currentColor", colour).encode("utf-8"))
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(b"svg"))
    reader.setScaledSize(QSize(side, side))
    image = reader.read()
    buffer.close()
    return image


def svg_icon(relative: str, colour: str, selected_colour: str | None = None) -> QIcon:
    """An icon at every size in ICON_SIDES; `selected_colour` paints the selected state (a navigation row
    on the accent)."""
    icon = QIcon()
    for side in ICON_SIDES:
        icon.addPixmap(QPixmap.fromImage(svg_image(relative, colour, side)), QIcon.Mode.Normal)
        if selected_colour is not None:
            icon.addPixmap(QPixmap.fromImage(svg_image(relative, selected_colour, side)), QIcon.Mode.Selected)
    return icon


def page_icon(page: str, colour: str, selected_colour: str | None = None) -> QIcon:
    """The navigation's drawing for a page ("home", "compose", "calendar", …)."""
    return svg_icon(f"nav/{page}.svg", colour, selected_colour)


def network_mark(network_id: str) -> QIcon:
    """A network's mark: its sign on a rounded square of its colour from the registry (an empty icon for an
    id the registry does not know: an old row)."""
    if not networks.known(network_id):
        return QIcon()
    return svg_icon(f"networks/{network_id}.svg", networks.get(network_id).colour)
