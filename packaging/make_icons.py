"""Render resources/icons/app.svg to the icon files the installers need (.ico, .icns, .png).

Run by the spec at build time, so the SVG stays the only source.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def render(svg: Path, out_dir: Path) -> dict[str, Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QGuiApplication, QIcon

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    icon = QIcon(str(svg))
    images: dict[int, Image.Image] = {}
    for size in SIZES:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        icon.pixmap(size, size).save(buffer, "PNG")
        images[size] = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")
    del app
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"png": out_dir / "app.png", "ico": out_dir / "app.ico", "icns": out_dir / "app.icns"}
    images[256].save(paths["png"])
    images[256].save(paths["ico"], sizes=[(s, s) for s in SIZES if s <= 256])
    images[1024].save(paths["icns"])
    return paths


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    print(render(root / "resources" / "icons" / "app.svg", root / "build" / "icons"))
