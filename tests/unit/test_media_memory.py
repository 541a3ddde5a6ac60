"""Every accepted picture is prepared within 300 MB; a picture that cannot be is refused when it is added.

Peak memory is measured in a fresh process (VmHWM starts again at exec), on the heaviest pictures the budget
accepts; bench/media.py prints the same for more kinds. Reducing in bands must not change what the picture
looks like: premultiplied alpha, 16-bit brightness, orientation.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PIL import ExifTags, Image

from cm_desktop.core.media import PictureTooLarge, inspect
from cm_desktop.core.media.decode import decode, open_lazy, quiet_pillow
from cm_desktop.core.media.errors import TooManyPixels

ROOT = Path(__file__).resolve().parents[2]
BUDGET_MB = 300

linux_only = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory read from /proc")


def test_the_issues_11000_pixel_png_is_refused_when_added(tmp_path: Path) -> None:
    picture = tmp_path / "plan.png"
    Image.new("RGB", (11000, 11000), (200, 120, 40)).save(picture)
    assert picture.stat().st_size < 1_000_000  # tiny on disk, 121 megapixels once decoded
    with pytest.raises(PictureTooLarge) as caught:
        inspect(picture)  # the composer, `cm-desktop post` and CSV import all start here
    assert isinstance(caught.value, TooManyPixels)
    assert "121 megapixels" in caught.value.message("en")
    assert "121 mégapixels" in caught.value.message("fr")
    assert "JPEG" in caught.value.message("en")


def _peak_of(picture: Path, network: str) -> tuple[str, float]:
    code = f"""
        import tempfile
        from pathlib import Path
        from cm_desktop.core import networks
        from cm_desktop.core.media import inspect, prepare
        source = Path({str(picture)!r})
        inspect(source)
        made = prepare(source, networks.get({network!r}).rendition, Path(tempfile.mkdtemp()))
        peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM:"))
        print(f"{{made.width}}x{{made.height}}", peak / 1024)
    """
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert out.returncode == 0, out.stderr
    size, peak = out.stdout.split()
    return size, float(peak)


@linux_only
@pytest.mark.parametrize(
    ("mode", "size", "network"),
    [
        ("RGBA", (6850, 6850), "x"),  # the most RGBA the budget takes, to a network that would take it whole
        ("I;16", (9700, 9700), "bluesky"),  # 16-bit grey: converted band by band
        ("P", (11000, 11000), "mastodon"),  # palette: 1 byte a pixel decoded, 4 once converted
    ],
)
def test_the_heaviest_accepted_pictures_stay_within_the_budget(
    tmp_path: Path, mode: str, size: tuple[int, int], network: str
) -> None:
    picture = tmp_path / "heavy.png"
    make = f"from PIL import Image; Image.new({mode!r}, {size!r}, 3).save({str(picture)!r})"
    subprocess.run([sys.executable, "-c", make], check=True, timeout=300)  # not in this process: it grows
    made, peak = _peak_of(picture, network)
    assert peak <= BUDGET_MB, f"{mode} {size} -> {network}: {made}, peak {peak:.0f} MB"


def _decoded(path: Path, draft: tuple[int, int]) -> Image.Image:
    with quiet_pillow(), open_lazy(path) as im:
        return decode(im, draft_size=draft)


def test_reducing_keeps_transparent_colours_out_of_visible_ones(tmp_path: Path) -> None:
    # Columns alternate: fully transparent red, opaque blue. Averaged plainly, the edge would turn purple.
    stripes = Image.new("RGBA", (4000, 2000), (0, 0, 255, 255))
    red = Image.new("RGBA", (1, 2000), (255, 0, 0, 0))
    for x in range(0, 4000, 2):
        stripes.paste(red, (x, 0))
    path = tmp_path / "stripes.png"
    stripes.save(path)
    out = _decoded(path, (1000, 500))
    assert out.size == (1000, 500) and out.mode == "RGBA"
    r, g, b, a = out.getpixel((500, 250))  # type: ignore[misc]
    assert r < 10 and g == 0 and b > 245 and 100 < a < 155


def test_reducing_keeps_the_brightness_of_16_bit_grey(tmp_path: Path) -> None:
    path = tmp_path / "dark16.png"
    Image.new("I;16", (4000, 4000), 25700).save(path)  # 25700 / 65535 of white: about 100 in 8 bits
    out = _decoded(path, (500, 500))
    assert out.size == (500, 500)
    assert abs(out.convert("L").getpixel((250, 250)) - 100) <= 1  # type: ignore[operator]


def test_reducing_then_turning_follows_the_exif_orientation(tmp_path: Path) -> None:
    path = tmp_path / "turned.png"
    picture = Image.new("RGB", (4000, 2000), (0, 128, 0))
    picture.paste(Image.new("RGB", (400, 2000), (255, 0, 0)), (0, 0))  # red on the stored left edge
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # shown turned 90 degrees clockwise: the left edge is on top
    picture.save(path, exif=exif)
    out = _decoded(path, (500, 1000))
    assert out.size == (500, 1000)
    assert out.getpixel((250, 10)) == (255, 0, 0) and out.getpixel((250, 990)) == (0, 128, 0)
