"""Every text colour against every background it is drawn on, light and dark, by the WCAG 2.2 formula.

Normal text needs 4.5:1; the focus ring and other marks 3:1. The colours come from cm_desktop/ui/colours.py
(the palettes, the named roles, the calendar's and the previews'), the one place the app takes them from.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from cm_desktop.core import networks as registry
from cm_desktop.ui import colours
from cm_desktop.ui.calendar.style import chip_background, network_colour
from cm_desktop.ui.colours import (
    MARK,
    PREVIEW_TEXT_FIELDS,
    Role,
    contrast,
    make_palette,
    under_mark,
)
from cm_desktop.ui.previews.base import PostPreview
from cm_desktop.ui.previews.registry import PREVIEWS
from tests.gui.layout_audit import describe
from tests.gui.rooms import every_screen, showroom

TEXT = 4.5
MARKS = 3.0
R, G = QPalette.ColorRole, QPalette.ColorGroup
SCHEMES = {"light": False, "dark": True}
# (text, background) pairs of the palette that carry words.
PALETTE_TEXT = (
    (R.WindowText, R.Window),
    (R.Text, R.Base),
    (R.Text, R.AlternateBase),
    (R.Text, R.Window),
    (R.ButtonText, R.Button),
    (R.HighlightedText, R.Highlight),
    (R.PlaceholderText, R.Base),
    (R.PlaceholderText, R.Window),
    (R.PlaceholderText, R.AlternateBase),
    (R.ToolTipText, R.ToolTipBase),
    (R.Link, R.Base),
    (R.Link, R.Window),
    (R.LinkVisited, R.Base),
)
BACKGROUNDS = (R.Window, R.Base, R.AlternateBase, R.Button)
TEXT_ROLES = (Role.TEXT, Role.SECONDARY, Role.ACCENT, Role.BLOCKING, Role.CHECK, Role.DONE)


def blend(top: QColor, bottom: QColor) -> QColor:
    a = top.alphaF()
    return QColor(
        round(top.red() * a + bottom.red() * (1 - a)),
        round(top.green() * a + bottom.green() * (1 - a)),
        round(top.blue() * a + bottom.blue() * (1 - a)),
    )


def failures(pairs: list[tuple[str, QColor, QColor]], floor: float) -> list[str]:
    return [
        f"{what}: {fg.name()} on {bg.name()} is {contrast(fg, bg):.2f}:1"
        for what, fg, bg in pairs
        if contrast(fg, bg) < floor
    ]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_text_colour_reads_on_every_background(qapp: QApplication, scheme: str) -> None:
    palette = make_palette(SCHEMES[scheme])
    pairs: list[tuple[str, QColor, QColor]] = []
    for group in (G.Active, G.Inactive):
        for fg, bg in PALETTE_TEXT:
            pairs.append(
                (
                    f"palette {group.name} {fg.name}/{bg.name}",
                    palette.color(group, fg),
                    palette.color(group, bg),
                )
            )
    for role in TEXT_ROLES:
        for bg in BACKGROUNDS:
            pairs.append((f"{role.name} on {bg.name}", colours.colour(role, palette), palette.color(bg)))
    pairs.append(
        ("ON_ACCENT on ACCENT", colours.colour(Role.ON_ACCENT, palette), colours.colour(Role.ACCENT, palette))
    )
    # Trade dates on a day of the month and on a grey day of the next one.
    for kind, pair in colours.MOMENTS.items():
        for bg in (R.Base, R.AlternateBase):
            pairs.append((f"moment {kind} on {bg.name}", colours.pick(pair, palette), palette.color(bg)))
    # A post's chip in the calendar: the palette's text on the network's tint.
    for network in registry.ids():
        chip = chip_background(network, palette)
        pairs.append((f"calendar chip {network}", palette.color(R.Text), chip))
    # Soft boxes (a nudge, a problem, the keychain band): the palette's text on a tint of the role.
    for role, alpha in ((Role.CHECK, 40), (Role.BLOCKING, 40), (Role.CHECK, 36)):
        for bg in (R.Window, R.Base):
            tinted = colours.colour(role, palette)
            tinted.setAlpha(alpha)
            pairs.append(
                (f"text on a {role.name} box", palette.color(R.Text), blend(tinted, palette.color(bg)))
            )
    found = failures(pairs, TEXT)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_focus_ring_stands_out_and_disabled_looks_disabled(qapp: QApplication, scheme: str) -> None:
    palette = make_palette(SCHEMES[scheme])
    ring = colours.colour(Role.ACCENT, palette)
    found = failures([(f"focus ring on {bg.name}", ring, palette.color(bg)) for bg in BACKGROUNDS], MARKS)
    assert not found, "\n".join(found)
    for role, bg in ((R.ButtonText, R.Button), (R.Text, R.Base), (R.WindowText, R.Window)):
        active = contrast(palette.color(G.Active, role), palette.color(G.Active, bg))
        disabled = contrast(palette.color(G.Disabled, role), palette.color(G.Disabled, bg))
        # Dimmer than any readable text, yet still visible.
        assert 1.5 < disabled < TEXT < active, (role.name, disabled, active)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_preview_reads_as_its_network_shows_it(scheme: str) -> None:
    pairs = []
    for network, preview in PREVIEWS.items():
        look = preview.dark if SCHEMES[scheme] else preview.light
        for field in PREVIEW_TEXT_FIELDS:
            value = getattr(look, field)
            if value:
                for surface in ("background", "card"):
                    pairs.append(
                        (f"{network} {field} on {surface}", QColor(value), QColor(getattr(look, surface)))
                    )
    found = failures(pairs, TEXT)
    assert not found, "\n".join(found)


def test_white_marks_and_initials_read_on_their_colour() -> None:
    pairs = [(f"initial on {n}", QColor(MARK), under_mark(network_colour(n))) for n in registry.ids()]
    pairs += [(f"initial on avatar {c}", QColor(MARK), QColor(c)) for c in colours.AVATAR_COLOURS]
    pairs.append(("tray count", QColor(MARK), QColor(Role.BLOCKING.value[0])))
    found = failures(pairs, TEXT)
    assert not found, "\n".join(found)


def test_the_app_uses_the_palette_and_follows_light_and_dark(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    hints = qapp.styleHints()
    with showroom(qapp, tmp_path):
        try:
            # The desktop switches to dark (offscreen has no desktop: its signal is sent as the system's).
            hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
            qtbot.waitUntil(
                lambda: qapp.palette().color(R.Window) == QColor(colours.PALETTES["dark"][R.Window])
            )
            assert qapp.palette().color(G.Disabled, R.ButtonText) == QColor(
                colours.DISABLED["dark"][R.ButtonText]
            )
            hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
            qtbot.waitUntil(
                lambda: qapp.palette().color(R.Window) == QColor(colours.PALETTES["light"][R.Window])
            )
            assert qapp.palette().color(R.PlaceholderText) == colours.colour(Role.SECONDARY, qapp.palette())
        finally:
            hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_results_charts_and_the_listening_list_marks_stand_out(qapp: QApplication, scheme: str) -> None:
    """Marks that carry meaning (3:1): the Results page's bars (the palette's highlight) and axis words
    on its cards (Base), the followers' line of each network it can read, the focus ring a chart draws; the
    Listening list's network stripe and "new" dot on its rows (Base). Their words are the TEXT_ROLES above."""
    palette = make_palette(SCHEMES[scheme])
    card = palette.color(R.Base)
    pairs = [
        ("chart bars", palette.color(R.Highlight), card),
        ("chart focus ring", colours.colour(Role.ACCENT, palette), card),
        ("listening new dot", colours.colour(Role.ACCENT, palette), card),
    ]
    for network in registry.direct():  # the networks whose followers and searches the app reads
        pairs.append((f"followers line {network.id}", QColor(network.colour), card))
        pairs.append((f"listening stripe {network.id}", network_colour(network.id), card))
    found = failures(pairs, MARKS)
    assert not found, "\n".join(found)
    words = [
        ("chart words", palette.color(R.WindowText), card),
        ("chart captions", colours.colour(Role.SECONDARY, palette), card),
        ("why a post worked", colours.colour(Role.DONE, palette), card),
        ("a reading that went wrong", colours.colour(Role.CHECK, palette), palette.color(R.Window)),
    ]
    found = failures(words, TEXT)
    assert not found, "\n".join(found)


COLOUR = re.compile(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})")


def ancestors(widget: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        found.append(parent)
        parent = parent.parentWidget()
    return found


def coloured_words(window: QWidget) -> list[tuple[str, QColor]]:
    """Each visible label's own colours: its style sheet's, and those of the spans in its rich text."""
    found = []
    for label in window.findChildren(QLabel):
        if not label.isVisibleTo(window) or not label.text().strip():
            continue
        if any(isinstance(a, PostPreview) for a in ancestors(label)):
            continue  # a preview shows its network's own colours on its own card (the test above)
        for source in (label.styleSheet(), label.text()):
            for value in COLOUR.findall(source):
                found.append((f"{describe(label)}", QColor(value)))
    return found


@pytest.mark.parametrize("scheme", SCHEMES)
def test_words_in_their_own_colour_follow_light_and_dark_on_every_screen(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, scheme: str
) -> None:
    """A colour resolved when a style sheet was set stays the one of the scheme it was set in: switched to
    the other scheme, every page and dialog's coloured words (notes, problems, counters, "why it worked")
    still read on its backgrounds (4.5:1 on the window and on the cards and fields)."""
    hints = qapp.styleHints()
    other = Qt.ColorScheme.Light if scheme == "dark" else Qt.ColorScheme.Dark
    wanted = Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light
    with showroom(qapp, tmp_path, "fr") as room:
        try:
            # Built in the other scheme, then switched, as when the desktop changes while the app is open.
            hints.colorSchemeChanged.emit(other)
            hints.colorSchemeChanged.emit(wanted)
            palette = make_palette(SCHEMES[scheme])
            qtbot.waitUntil(lambda: qapp.palette().color(R.Window) == palette.color(R.Window))
            wrong = []
            for label, window in every_screen(room):
                for where, colour in coloured_words(window):
                    for bg in (R.Window, R.Base):
                        ratio = contrast(colour, palette.color(bg))
                        if ratio < TEXT:
                            wrong.append(f"{label}: {where} {colour.name()} on {bg.name} {ratio:.2f}:1")
            assert not wrong, "\n".join(sorted(set(wrong)))
        finally:
            hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
