"""The named colours of DESIGN.md, checked against WCAG 2.2 (text >= 4.5:1 on the page's background), in one
place: widgets ask for a role and get the light or the dark value for the palette in use."""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QColor, QPalette

from cm_desktop.ui.theme import is_dark


class Role(Enum):
    SECONDARY = ("#59636E", "#9198A1")  # secondary text, 6.1:1 on white / 6.5:1 on #0D1117
    ACCENT = ("#0969DA", "#4493F8")  # selected, primary button, unread mark
    BLOCKING = ("#B42318", "#F85149")  # "must fix"
    CHECK = ("#9A6700", "#F0B72F")  # "to check"
    DONE = ("#1A7F37", "#3FB950")  # done, answered
    ON_ACCENT = ("#FFFFFF", "#0D1117")  # text on the accent: 5.2:1 / 6.1:1
    TEXT = ("#1F2328", "#E6EDF3")  # a focus ring around an accent button (distinct from its fill)


def colour(role: Role, palette: QPalette) -> QColor:
    light, dark = role.value
    return QColor(dark if is_dark(palette) else light)


def css(role: Role, palette: QPalette) -> str:
    return colour(role, palette).name()


def primary_button_style(name: str, palette: QPalette) -> str:
    """The page's one primary button (filled accent), with a 2 px ring when it has the focus. Set it again
    on a palette change: style sheets resolve colours when they are set."""
    return (
        f"QPushButton#{name} {{ background: {css(Role.ACCENT, palette)}; color: {css(Role.ON_ACCENT, palette)};"
        " border: 2px solid transparent; border-radius: 6px; padding: 5px 16px; font-weight: 600; }"
        f"QPushButton#{name}:focus {{ border: 2px solid {css(Role.TEXT, palette)}; }}"
        f"QPushButton#{name}:disabled {{ background: palette(button); color: {css(Role.SECONDARY, palette)};"
        " border: 1px solid palette(mid); font-weight: normal; }"
    )


def toggle_style(names: tuple[str, ...], palette: QPalette) -> str:
    """Buttons that show which view is on (checked: filled accent, like the primary button)."""

    def each(state: str) -> str:
        return ", ".join(f"QPushButton#{name}{state}" for name in names)

    return (
        f"{each('')} {{ background: palette(button); color: palette(button-text);"
        " border: 1px solid palette(mid); border-radius: 6px; padding: 4px 12px; }"
        f"{each(':hover')} {{ background: palette(midlight); }}"
        f"{each(':checked')} {{ background: {css(Role.ACCENT, palette)}; color: {css(Role.ON_ACCENT, palette)};"
        " border: 1px solid transparent; }"
        f"{each(':focus')} {{ border: 2px solid {css(Role.TEXT, palette)}; }}"
    )
