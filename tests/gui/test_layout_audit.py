"""Every page and dialog fits a small screen, in French and English, with the system font and a large one.

The audit (tests/gui/layout_audit.py) walks each one at 960x540, 1024x640 and 1280x720 logical pixels (less
a task bar and a title bar): nothing outside its window or its parent, no two visible siblings drawn over
each other, no text cut. Pages come from the main window's navigation and dialogs from the way the app
opens them (scripts/showroom.py), so a page or dialog added later is walked too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from scripts.showroom import dialog_classes, open_dialogs
from tests.gui.layout_audit import Finding, audit
from tests.gui.rooms import FONT_SCALES, SCREENS, fit, larger_font, room_for, showroom

# Found by the audit, fixed in another issue's work: (where, problem) -> who fixes it. A fixed one fails
# the test below: take it off this list then.
KNOWN: dict[tuple[str, str], str] = {}


def known(finding: Finding) -> bool:
    return any(where in finding.widget and problem == finding.problem for where, problem in KNOWN)


@pytest.mark.parametrize("font_scale", FONT_SCALES, ids=["system-font", "large-font"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_and_dialog_fits_small_screens(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, lang: str, font_scale: float
) -> None:
    found: list[str] = []
    seen_known: set[tuple[str, str]] = set()

    def check(screen_name: str, screen_label: str, window: object) -> None:
        for finding in audit(window, room_for(SCREENS[screen_name])):  # type: ignore[arg-type]
            if known(finding):
                seen_known.update(k for k in KNOWN if k[0] in finding.widget and k[1] == finding.problem)
            else:
                found.append(f"{screen_label} {screen_name}: {finding}")

    with showroom(qapp, tmp_path, lang, font_scale) as room:
        room.fill_composer()
        for name in room.page_names():
            room.show_page(name)
            for screen_name in SCREENS:
                fit(room.window, room_for(SCREENS[screen_name]))
                check(screen_name, f"page {name}", room.window)
        room.window.resize(room_for(SCREENS["1280x720"]))
        for name, dialog in open_dialogs(room):
            for screen_name in SCREENS:
                fit(dialog, room_for(SCREENS[screen_name]))
                check(screen_name, f"dialog {name}", dialog)
    assert not found, f"{len(found)} layout problems:\n" + "\n".join(found)
    if lang == "fr" and font_scale == FONT_SCALES[-1]:
        stale = set(KNOWN) - seen_known
        assert not stale, f"fixed since: take them off KNOWN: {sorted(stale)}"


def test_every_dialog_class_is_opened_by_the_walk(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    """A dialog written later must be added to scripts/showroom.py's openers, or this fails."""
    opened: set[type] = set()
    with showroom(qapp, tmp_path) as room:
        for _name, dialog in open_dialogs(room):
            opened.add(type(dialog))
    missing = {cls.__qualname__ for cls in dialog_classes() if not any(issubclass(o, cls) for o in opened)}
    assert not missing, f"dialogs the audit never opens: {sorted(missing)}"


def test_previews_check_boxes_and_icons_follow_the_system_font(qtbot: QtBot, qapp: QApplication) -> None:
    """A 1.5 times larger system font: the previews' text, check boxes and icons grow with it."""
    from PySide6.QtWidgets import QCheckBox, QStyle

    from cm_desktop.ui.app_style import AppStyle
    from cm_desktop.ui.previews.model import PreviewModel
    from cm_desktop.ui.previews.registry import make_preview

    def measured() -> tuple[str, int, int]:
        preview = make_preview("bluesky")
        qtbot.addWidget(preview)
        preview.set_model(
            PreviewModel(text="Bonjour", author="Atelier Lune", handle="atelier-lune.bsky.social")
        )
        box = QCheckBox("Bluesky")
        qtbot.addWidget(box)
        style = AppStyle("fusion")
        indicator = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, box)
        icon = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, box)
        return preview.body.text(), indicator, icon

    body, indicator, icon = measured()
    with larger_font(qapp, 1.5):
        large_body, large_indicator, large_icon = measured()
    assert "font-size:15px" in body and "font-size:15px" not in large_body
    # A 9-point default font (this machine) makes 13.5 points: boxes about 1.3 times larger.
    assert large_indicator >= 1.25 * indicator and large_icon >= 1.25 * icon
