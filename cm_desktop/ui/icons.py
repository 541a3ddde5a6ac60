"""The app's pictures: the navigation's line drawings and each network's mark, from light SVGs in
resources/icons (nav/<page>.svg, networks/<network id>.svg).

The drawings are painted with `currentColor`; the colour is filled in here, from the palette for the
navigation and from the network registry for the marks, so colours keep their one home. The SVG is read
through Qt's image reader (the SVG image plug-in the app icon already needs), at the size asked for: sharp
at 200 % and with large fonts.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize
from PySide6.QtGui import QIcon, QIconEngine, QImage, QImageReader, QPainter, QPixmap

from cm_desktop.platform.resources import icon_path

# The sizes an icon says it has (lists and buttons at 100 % to 200 %); it draws any size asked for.
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


class SvgIconEngine(QIconEngine):
    """Draws the SVG at the size a widget asks for, when it first asks (nothing is rendered at start-up),
    and keeps each size it drew. `selected_colour` paints the selected state (a navigation row on the
    accent); disabled icons are drawn at half opacity."""

    def __init__(self, relative: str, colour: str, selected_colour: str | None = None) -> None:
        super().__init__()
        self.relative, self.colour, self.selected_colour = relative, colour, selected_colour
        self._drawn: dict[tuple[int, QIcon.Mode], QPixmap] = {}

    def _colour(self, mode: QIcon.Mode) -> str:
        if mode == QIcon.Mode.Selected and self.selected_colour is not None:
            return self.selected_colour
        return self.colour

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        side = max(1, round(min(size.width(), size.height()) * scale))
        pixmap = self._drawn.get((side, mode))
        if pixmap is None:
            image = svg_image(self.relative, self._colour(mode), side)
            if mode == QIcon.Mode.Disabled and not image.isNull():
                faded = QImage(image.size(), QImage.Format.Format_ARGB32_Premultiplied)
                faded.fill(0)
                painter = QPainter(faded)
                painter.setOpacity(0.5)
                painter.drawImage(0, 0, image)
                painter.end()
                image = faded
            pixmap = self._drawn[(side, mode)] = QPixmap.fromImage(image)
        result = QPixmap(pixmap)
        result.setDevicePixelRatio(scale)
        return result

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        device = painter.device()
        scale = device.devicePixelRatioF() if device is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def availableSizes(
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        return [QSize(side, side) for side in ICON_SIDES]

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self.relative, self.colour, self.selected_colour)


def svg_icon(relative: str, colour: str, selected_colour: str | None = None) -> QIcon:
    """An icon drawn from resources/icons/<relative> at any size, in `colour`."""
    return QIcon(SvgIconEngine(relative, colour, selected_colour))


def page_icon(page: str, colour: str, selected_colour: str | None = None) -> QIcon:
    """The navigation's drawing for a page ("home", "compose", "calendar", …)."""
    return svg_icon(f"nav/{page}.svg", colour, selected_colour)


def network_mark(network_id: str) -> QIcon:
    """A network's mark: its sign on a rounded square of its colour from the registry (an empty icon for an
    id the registry does not know: an old row)."""
    from cm_desktop.core import networks  # the registry is not needed for the first paint

    if not networks.known(network_id):
        return QIcon()
    return svg_icon(f"networks/{network_id}.svg", networks.get(network_id).colour)
