"""The app's look: a few touches on top of the platform style, in palette colours so light and dark both work.

Style sheets are scoped to the widgets that need them: an application-wide sheet makes Qt polish every widget
through its slower style-sheet engine (~30 ms at start-up here).

Nothing here touches the `Qt` namespace before the first paint: its first use builds all of its ~130 Python
enums at once (~16 ms here), so the system's colour scheme is read once the window is on screen
(follow_system_scheme) and the first frame takes light or dark from the system's palette.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QFontMetricsF, QPalette
from PySide6.QtWidgets import QApplication, QLabel

if TYPE_CHECKING:
    from PySide6.QtCore import Qt

NAVIGATION_STYLE = """
QListWidget {
    border: none;
    border-right: 1px solid palette(mid);
    background: palette(alternate-base);
    padding-top: 14px;
    outline: 0;
}
QListWidget::item { padding: 9px 10px; margin: 2px 6px; border-radius: 6px; }
QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }
QListWidget::item:hover:!selected { background: palette(midlight); }
"""


def scaled_font(base: QFont, factor: float, weight: QFont.Weight | None = None) -> QFont:
    font = QFont(base)
    size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * factor)
    if weight is not None:
        font.setWeight(weight)
    return font


def make_title(label: QLabel) -> None:
    """A page title: about twice the body size, semi-bold."""
    label.setFont(scaled_font(label.font(), 2.0, QFont.Weight.DemiBold))
    label.setContentsMargins(0, 0, 0, 6)


def make_body(label: QLabel) -> None:
    label.setFont(scaled_font(label.font(), 1.1))


def text_scale() -> float:
    """How much larger than a 10-point font the system font is (never smaller than 1): pixel sizes that
    imitate another app (the previews' networks) grow with it, as those apps grow with the phone's setting."""
    font = QApplication.font()
    key = font.pointSizeF() if font.pointSizeF() > 0 else float(font.pixelSize())
    scale = _TEXT_SCALES.get(key)
    if scale is None:
        scale = _TEXT_SCALES[key] = max(1.0, QFontMetricsF(font).height() / REFERENCE_FONT_HEIGHT)
    return scale


def text_px(px: float) -> int:
    """`px` pixels of text at the system's font size (see text_scale)."""
    return round(px * text_scale())


_TEXT_SCALES: dict[float, float] = {}


def is_dark(palette: QPalette) -> bool:
    """A dark theme: the window's background is darker than mid-grey."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


# --- the palette and the style, for the whole application ---------------------------------------------------

REFERENCE_FONT_HEIGHT = 16.0  # a 10-point system font's line: check boxes and icons keep the style's size


def install_look(app: QApplication) -> None:
    """Our palette on the application, once. The first frame is light or dark as the system's palette is
    (the platforms' palettes follow their colour scheme); after the first paint, follow_system_scheme reads
    the scheme itself and ui/app_style.install_style puts in the style whose boxes grow with the font (the
    first frame has no check box, and QStyle's Python type costs ~5 ms)."""
    if app.property("cm_look_installed"):
        return
    app.setProperty("cm_look_installed", True)
    apply_palette(app, is_dark(app.palette()))
    # Connecting builds no enum; the scheme is only looked at when it changes.
    app.styleHints().colorSchemeChanged.connect(lambda scheme: _scheme_changed(app, scheme))


def follow_system_scheme(app: QApplication) -> None:
    """The system's colour scheme, once the window is on screen: if it differs from what the palette said
    at start (a platform whose palette does not follow its scheme), the app's palette changes to it."""
    from PySide6.QtCore import Qt

    scheme = app.styleHints().colorScheme()
    if scheme != Qt.ColorScheme.Unknown and (scheme == Qt.ColorScheme.Dark) != is_dark(app.palette()):
        apply_palette(app, scheme == Qt.ColorScheme.Dark)


def _scheme_changed(app: QApplication, scheme: Qt.ColorScheme) -> None:
    from PySide6.QtCore import Qt

    apply_palette(app, scheme == Qt.ColorScheme.Dark)


def system_is_dark(app: QApplication) -> bool:
    from PySide6.QtCore import Qt

    scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Unknown:
        return is_dark(app.palette())
    return scheme == Qt.ColorScheme.Dark


def apply_palette(app: QApplication, dark: bool | None = None) -> None:
    """DESIGN.md's palette (light or dark, a Disabled group in both): every text is >= 4.5:1."""
    from cm_desktop.ui.colours import make_palette

    app.setPalette(make_palette(system_is_dark(app) if dark is None else dark))
