"""Every colour of the app, in one place (DESIGN.md): the palettes, the named roles, and what the calendar and
the previews paint. Widgets ask for a role and get the light or the dark value for the palette in use; no
widget writes a colour of its own (tests/unit/test_colours.py fails on a colour literal elsewhere in the UI).

Text colours are checked against WCAG 2.2 by tests/gui/test_contrast.py: normal text >= 4.5:1 on every
background it is drawn on, in light and dark; the focus ring >= 3:1 against what surrounds it.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QColor, QPalette

from cm_desktop.ui.theme import is_dark

Pair = tuple[str, str]  # (light, dark)


class Role(Enum):
    """Named colours of DESIGN.md's table: (light, dark)."""

    TEXT = ("#1F2328", "#E6EDF3")  # also a focus ring around an accent button (distinct from its fill)
    SECONDARY = ("#59636E", "#9198A1")  # secondary text, placeholders: 6.1:1 on white / 6.5:1 on #0D1117
    ACCENT = ("#0969DA", "#4493F8")  # selected, primary button, links, the focus ring
    ON_ACCENT = ("#FFFFFF", "#0D1117")  # text on the accent: 5.2:1 / 6.1:1
    BLOCKING = ("#B42318", "#F85149")  # "must fix"
    CHECK = ("#9A6700", "#F0B72F")  # "to check"
    DONE = ("#1A7F37", "#3FB950")  # done, answered, online
    DISABLED = ("#8C959F", "#656C76")  # disabled text: dimmer than any readable text, on purpose
    WINDOW = ("#F6F8FA", "#0D1117")
    SURFACE = ("#FFFFFF", "#161B22")  # text fields, lists, cards
    BORDER = ("#D1D9E0", "#3D444D")
    HOVER = ("#E6EAEF", "#262C36")


def colour(role: Role, palette: QPalette) -> QColor:
    light, dark = role.value
    return QColor(dark if is_dark(palette) else light)


def css(role: Role, palette: QPalette) -> str:
    return colour(role, palette).name()


def pick(pair: Pair, palette: QPalette) -> QColor:
    """A (light, dark) pair of this module for the palette in use."""
    return QColor(pair[1] if is_dark(palette) else pair[0])


def tint(role: Role, palette: QPalette, alpha: int) -> str:
    """A role's colour, see-through, for a soft box behind text in the palette's own text colour."""
    c = colour(role, palette)
    return f"rgba({c.red()}, {c.green()}, {c.blue()}, {alpha})"


# --- the palettes ----------------------------------------------------------------------------------------
# Every group a widget can be in; Disabled is set in both schemes (a disabled button must look disabled).

_R = QPalette.ColorRole
PALETTES: dict[str, dict[QPalette.ColorRole, str]] = {
    "light": {
        _R.Window: "#F6F8FA",
        _R.WindowText: "#1F2328",
        _R.Base: "#FFFFFF",
        _R.AlternateBase: "#F6F8FA",
        _R.Text: "#1F2328",
        _R.Button: "#F6F8FA",
        _R.ButtonText: "#1F2328",
        _R.BrightText: "#FFFFFF",
        _R.Highlight: "#0969DA",
        _R.HighlightedText: "#FFFFFF",
        _R.Link: "#0969DA",
        _R.LinkVisited: "#8250DF",
        _R.PlaceholderText: "#59636E",
        _R.ToolTipBase: "#1F2328",
        _R.ToolTipText: "#FFFFFF",
        _R.Light: "#FFFFFF",
        _R.Midlight: "#E6EAEF",
        _R.Mid: "#D1D9E0",
        _R.Dark: "#818B98",
        _R.Shadow: "#59636E",
        _R.Accent: "#0969DA",
    },
    "dark": {
        _R.Window: "#0D1117",
        _R.WindowText: "#E6EDF3",
        _R.Base: "#161B22",
        _R.AlternateBase: "#161B22",
        _R.Text: "#E6EDF3",
        _R.Button: "#1C2128",
        _R.ButtonText: "#E6EDF3",
        _R.BrightText: "#FFFFFF",
        _R.Highlight: "#4493F8",
        _R.HighlightedText: "#0D1117",
        _R.Link: "#4493F8",
        _R.LinkVisited: "#AB7DF8",
        _R.PlaceholderText: "#9198A1",
        _R.ToolTipBase: "#E6EDF3",
        _R.ToolTipText: "#0D1117",
        _R.Light: "#3D444D",
        _R.Midlight: "#262C36",
        _R.Mid: "#3D444D",
        _R.Dark: "#010409",
        _R.Shadow: "#010409",
        _R.Accent: "#4493F8",
    },
}
DISABLED: dict[str, dict[QPalette.ColorRole, str]] = {
    "light": {
        _R.WindowText: "#8C959F",
        _R.Text: "#8C959F",
        _R.ButtonText: "#8C959F",
        _R.PlaceholderText: "#8C959F",
        _R.Button: "#EFF2F5",
        _R.Base: "#F6F8FA",
        _R.Highlight: "#D1D9E0",
        _R.HighlightedText: "#59636E",
    },
    "dark": {
        _R.WindowText: "#656C76",
        _R.Text: "#656C76",
        _R.ButtonText: "#656C76",
        _R.PlaceholderText: "#656C76",
        _R.Button: "#161B22",
        _R.Base: "#0D1117",
        _R.Highlight: "#3D444D",
        _R.HighlightedText: "#9198A1",
    },
}


def make_palette(dark: bool) -> QPalette:
    scheme = "dark" if dark else "light"
    palette = QPalette()
    for role, value in PALETTES[scheme].items():
        palette.setColor(role, QColor(value))  # every group
    for role, value in DISABLED[scheme].items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(value))
    return palette


# --- the calendar ----------------------------------------------------------------------------------------

MOMENTS: dict[str, Pair] = {  # trade dates, as text on a day (white or grey): by MomentKind value
    "holiday": ("#B42318", "#FF9492"),
    "commercial": ("#8A4B00", "#F0B72F"),
    "community": ("#1A7F37", "#3FB950"),
    "season": ("#7B1FA2", "#D7AEFB"),
}
STATES: dict[str, str] = {  # the marker of a post's state (a shape with a white mark, not text)
    "draft": "#8C959F",
    "scheduled": "#0969DA",
    "sending": "#0E8A8A",
    "published": "#1A7F37",
    "failed": "#CF222E",
    "needs_review": "#BC4C00",
    "assisted_pending": "#8250DF",
}
MARK = "#FFFFFF"  # the white mark drawn on a state marker, a badge, an avatar's initials
UNKNOWN_NETWORK = "#8C959F"  # an old row of a network the registry no longer knows


def under_mark(fill: QColor | str) -> QColor:
    """`fill` darkened just enough for white text on it to read (>= 4.5:1): a network's colour behind
    initials, a badge's number."""
    result = QColor(fill)
    while contrast(MARK, result) < 4.5:
        result = result.darker(108)
    return result


# See-through layers over pictures (crop shade, badges, the "+3" over a fourth picture): black or white.
SCRIM = (0, 0, 0)
SHEEN = (255, 255, 255)


def scrim(alpha: int) -> QColor:
    return QColor(*SCRIM, alpha)


def sheen(alpha: int) -> QColor:
    return QColor(*SHEEN, alpha)


# --- the previews ----------------------------------------------------------------------------------------
# Each network's own look, light and dark, as its app shows a post. Links and muted text are darkened or
# lightened from the networks' own values where those fall under 4.5:1 (Threads' grey, X's blue...).

# (light, dark), each: background, text, muted, link, border, card, and tag (hashtags) where it differs.
Look = tuple[dict[str, str], dict[str, str]]

LOOK_FACEBOOK: Look = (
    {"background": "#FFFFFF", "text": "#050505", "muted": "#65676B", "link": "#0064D1",
     "border": "#DADDE1", "card": "#F0F2F5"},
    {"background": "#242526", "text": "#E4E6EB", "muted": "#B0B3B8", "link": "#64ACFF",
     "border": "#3E4042", "card": "#3A3B3C"},
)  # fmt: skip
LOOK_INSTAGRAM: Look = (
    {"background": "#FFFFFF", "text": "#000000", "muted": "#6A6A6A", "link": "#000000",
     "border": "#DBDBDB", "card": "#EFEFEF", "tag": "#00376B"},
    {"background": "#000000", "text": "#F5F5F5", "muted": "#A8A8A8", "link": "#F5F5F5",
     "border": "#262626", "card": "#262626", "tag": "#E0F1FF"},
)  # fmt: skip
LOOK_X: Look = (
    {"background": "#FFFFFF", "text": "#0F1419", "muted": "#536471", "link": "#0C6DB3",
     "border": "#CFD9DE", "card": "#F7F9F9"},
    {"background": "#000000", "text": "#E7E9EA", "muted": "#8B9096", "link": "#1D9BF0",
     "border": "#2F3336", "card": "#16181C"},
)  # fmt: skip
LOOK_LINKEDIN: Look = (
    {"background": "#FFFFFF", "text": "#191919", "muted": "#666666", "link": "#0A66C2",
     "border": "#E0DFDC", "card": "#EDF3F8"},
    {"background": "#1B1F23", "text": "#E9E9E9", "muted": "#B8B8B8", "link": "#71B7FB",
     "border": "#38434F", "card": "#38434F"},
)  # fmt: skip
LOOK_MASTODON: Look = (
    {"background": "#FFFFFF", "text": "#1F232B", "muted": "#606984", "link": "#4F50E0",
     "border": "#C0CDD9", "card": "#F3F5F9"},
    {"background": "#282C37", "text": "#FFFFFF", "muted": "#9BAEC8", "link": "#9B9CFF",
     "border": "#393F4F", "card": "#313543"},
)  # fmt: skip
LOOK_BLUESKY: Look = (
    {"background": "#FFFFFF", "text": "#0B0F14", "muted": "#42576C", "link": "#0A6BD6",
     "border": "#D4DBE2", "card": "#FFFFFF"},
    {"background": "#161E27", "text": "#F1F3F5", "muted": "#AEBBC9", "link": "#208BFE",
     "border": "#2E4052", "card": "#161E27"},
)  # fmt: skip
LOOK_THREADS: Look = (
    {"background": "#FFFFFF", "text": "#000000", "muted": "#737373", "link": "#0074C2",
     "border": "#E5E5E5", "card": "#FFFFFF"},
    {"background": "#101010", "text": "#F3F5F7", "muted": "#8A8A8A", "link": "#0095F6",
     "border": "#323232", "card": "#181818"},
)  # fmt: skip
LOOK_GOOGLE_BUSINESS: Look = (
    {"background": "#FFFFFF", "text": "#202124", "muted": "#5F6368", "link": "#1967D2",
     "border": "#DADCE0", "card": "#F1F3F4"},
    {"background": "#202124", "text": "#E8EAED", "muted": "#9AA0A6", "link": "#8AB4F8",
     "border": "#3C4043", "card": "#303134"},
)  # fmt: skip
PREVIEW_TEXT_FIELDS = ("text", "muted", "link", "tag")  # drawn as text: checked for contrast
PREVIEW_PLACEHOLDER = "#D9D9D9"  # a picture not loaded yet
# Initials on a colour taken from the name: white on each is >= 4.5:1.
AVATAR_COLOURS = ("#C2410C", "#B45309", "#4D7C0F", "#0F766E", "#0369A1", "#6D28D9", "#BE185D", "#9F1239")
INSTAGRAM_RING = ("#FEDA75", "#D62976", "#4F5BD5")  # the story ring's gradient (a mark, not text)
PREVIEW_ACTIONS = "#65676B"  # action icons before a preview sets its own
CAROUSEL_DOTS = ("#0095F6", "#A8A8A8")  # Instagram's dots under several pictures: current, others


# --- style sheets of buttons -----------------------------------------------------------------------------


def primary_button_style(name: str, palette: QPalette) -> str:
    """The page's one primary button (filled accent), with a 2 px ring when it has the focus. Set it again
    on a palette change: style sheets resolve colours when they are set."""
    return (
        f"QPushButton#{name} {{ background: {css(Role.ACCENT, palette)}; color: {css(Role.ON_ACCENT, palette)};"
        " border: 2px solid transparent; border-radius: 6px; padding: 5px 16px; font-weight: 600; }"
        f"QPushButton#{name}:focus {{ border: 2px solid {css(Role.TEXT, palette)}; }}"
        f"QPushButton#{name}:disabled {{ background: palette(button); color: {css(Role.DISABLED, palette)};"
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


# --- WCAG 2.2 --------------------------------------------------------------------------------------------


def luminance(c: QColor) -> float:
    def channel(value: int) -> float:
        s = value / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def contrast(a: QColor | str, b: QColor | str) -> float:
    """WCAG 2.2 contrast ratio between two opaque colours, 1 to 21."""
    first, second = sorted((luminance(QColor(a)), luminance(QColor(b))), reverse=True)
    return (first + 0.05) / (second + 0.05)
