"""Colours come from one place (DESIGN.md): cm_desktop/ui/colours.py, the palette, or the network registry.

A colour written anywhere else in the UI escapes the contrast test (tests/gui/test_contrast.py): this
test finds hex values, rgb()/rgba() in style sheets, QColor(r, g, b) and named colours outside colours.py.
"""

from __future__ import annotations

import re
import tokenize
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "cm_desktop" / "ui"
HOME = UI / "colours.py"
IN_STRINGS = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?(?:[0-9a-fA-F]{2})?\b|\brgba?\s*\(")
IN_CODE = re.compile(r"QColor\(\s*(?:\d|\"[a-z]+\"|'[a-z]+')|Qt\.GlobalColor\.(?!transparent\b)\w+")


def colour_literals(path: Path, root: Path = UI) -> list[str]:
    found = []
    with path.open("rb") as source:
        for token in tokenize.tokenize(source.readline):
            line = token.start[0]
            if token.type == tokenize.STRING or token.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
                found += [f"{path.relative_to(root)}:{line}: {m}" for m in IN_STRINGS.findall(token.string)]
    text = path.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        found += [f"{path.relative_to(root)}:{number}: {m}" for m in IN_CODE.findall(line)]
    return found


def test_no_colour_is_written_outside_the_colours_module() -> None:
    found = [hit for path in sorted(UI.rglob("*.py")) if path != HOME for hit in colour_literals(path)]
    assert not found, "\n".join(found)


def test_the_check_finds_a_colour_written_in_a_widget(tmp_path: Path) -> None:
    sample = tmp_path / "widget.py"
    sample.write_text(
        'label.setStyleSheet("color: #c0392b")\nbox.setStyleSheet("background: rgba(1, 2, 3, 4)")\n'
        'pen = QColor(0, 0, 0, 170)\nink = QColor("white")\nfill = Qt.GlobalColor.red\nclear = Qt.GlobalColor.transparent\n',
        encoding="utf-8",
    )
    assert len(colour_literals(sample, tmp_path)) == 5
