"""The first frame's light or dark comes from the system's palette (ui/theme.install_look): the colour scheme
itself is read after the first paint (follow_system_scheme), as reading it builds Qt's enums."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from cm_desktop.ui.colours import PALETTES
from cm_desktop.ui.theme import follow_system_scheme, install_look

R = QPalette.ColorRole


@pytest.fixture
def fresh_look(qapp: QApplication) -> Iterator[QApplication]:
    """install_look as at a first start (it runs once per application), the app's palette put back after."""
    saved, installed = QPalette(qapp.palette()), qapp.property("cm_look_installed")
    qapp.setProperty("cm_look_installed", False)
    try:
        yield qapp
    finally:
        qapp.setPalette(saved)
        qapp.setProperty("cm_look_installed", installed)


@pytest.mark.parametrize(("system_window", "scheme"), [("#1E1E1E", "dark"), ("#EFEFEF", "light")])
def test_the_first_frame_takes_light_or_dark_from_the_system_palette(
    fresh_look: QApplication, system_window: str, scheme: str
) -> None:
    system = QPalette()
    system.setColor(R.Window, QColor(system_window))
    fresh_look.setPalette(system)
    install_look(fresh_look)
    assert fresh_look.palette().color(R.Window) == QColor(PALETTES[scheme][R.Window])
    assert fresh_look.palette().color(R.Text) == QColor(PALETTES[scheme][R.Text])


def test_an_unknown_scheme_keeps_the_palette_chosen_at_start(fresh_look: QApplication) -> None:
    """Offscreen has no desktop: its scheme is Unknown, and the palette taken at start stays."""
    system = QPalette()
    system.setColor(R.Window, QColor("#1E1E1E"))
    fresh_look.setPalette(system)
    install_look(fresh_look)
    follow_system_scheme(fresh_look)
    assert fresh_look.palette().color(R.Window) == QColor(PALETTES["dark"][R.Window])


def test_the_style_put_in_after_the_first_paint_keeps_the_palette(fresh_look: QApplication) -> None:
    """QApplication.setStyle after the first paint (ui/app_style.install_style) must not bring back the
    style's own colours: the dark palette chosen for the first frame stays."""
    from cm_desktop.ui.app_style import AppStyle, install_style

    system = QPalette()
    system.setColor(R.Window, QColor("#1E1E1E"))
    fresh_look.setPalette(system)
    install_look(fresh_look)
    before = fresh_look.style()
    was_ours, name = isinstance(before, AppStyle), before.name()  # setStyle deletes the style it replaces
    try:
        install_style(fresh_look)
        assert isinstance(fresh_look.style(), AppStyle)
        assert fresh_look.palette().color(R.Window) == QColor(PALETTES["dark"][R.Window])
        assert fresh_look.palette().color(R.Text) == QColor(PALETTES["dark"][R.Text])
    finally:
        if not was_ours:
            fresh_look.setStyle(name)
