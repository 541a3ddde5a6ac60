"""Time a Bluesky rendition of a 12-megapixel noisy phone-like JPEG (target: median <= 1.5 s).

Run: .venv/bin/python bench/media.py [runs]. Prints only; each run starts with an empty cache.
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import ExifTags, Image

from cm_desktop.core import networks
from cm_desktop.core.media import prepare


def make_photo(path: Path) -> None:
    """4000 x 3000, strong noise over a gradient (compresses like a grainy indoor photo), EXIF rotated."""
    size = (4000, 3000)
    grad = Image.linear_gradient("L").resize(size)
    channels = [Image.blend(Image.effect_noise(size, 40), grad, 0.5) for _ in range(3)]
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    Image.merge("RGB", channels).save(path, quality=92, exif=exif)


def main(runs: int = 5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "phone.jpg"
        make_photo(source)
        spec = networks.get("bluesky").rendition
        times: list[float] = []
        for _ in range(runs):
            shutil.rmtree(folder / "cache", ignore_errors=True)
            start = time.perf_counter()
            rendition = prepare(source, spec, folder / "cache")
            times.append(time.perf_counter() - start)
        start = time.perf_counter()
        prepare(source, spec, folder / "cache")
        cached = time.perf_counter() - start
        print(f"source: {source.stat().st_size:,} bytes, 4000x3000 JPEG")
        print(
            f"rendition: {rendition.width}x{rendition.height} {rendition.mime_type} {rendition.byte_size:,} bytes"
        )
        print(f"runs: {', '.join(f'{t:.3f}' for t in times)}")
        print(f"median: {statistics.median(times):.3f} s (target <= 1.5 s); cache hit: {cached:.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
