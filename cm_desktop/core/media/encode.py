"""Encode a clean picture into one of the spec's formats, under its byte limit, losing as little as possible.

Order of preference: lossless PNG when the picture has transparency or looks like a graphic and PNG fits;
otherwise the best JPEG (or WebP) quality that fits, found by binary search; otherwise a smaller size.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from io import BytesIO

from PIL import Image

from cm_desktop.core.media.errors import CannotFit
from cm_desktop.core.media.geometry import WHITE, smaller
from cm_desktop.core.media.spec import OutputFormat, RenditionSpec
from cm_desktop.core.networks import name_of

TOP_QUALITY = 95  # above this JPEG grows a lot for no visible gain
LOW_QUALITY = 40  # below this artefacts show: better to lose pixels than quality
MAX_SHRINKS = 12
# Few distinct colours in a sample means a logo, chart or screenshot: PNG keeps it sharp.
GRAPHIC_MAX_COLOURS = 1024
SMALL_PIXELS = 1_000_000
WEBP_MAX_SIDE = 16383  # the WebP format cannot store more


@dataclass(frozen=True)
class Encoded:
    data: bytes
    format: OutputFormat
    width: int
    height: int


def encode_to_fit(im: Image.Image, spec: RenditionSpec, *, lossless_source: bool) -> Encoded:
    """`im` is RGB or RGBA, already within the spec's pixel limits."""
    has_alpha = im.mode == "RGBA"
    if "PNG" in spec.formats and (has_alpha or (lossless_source and _looks_like_graphic(im))):
        data = _png(im)
        if len(data) <= spec.max_bytes:
            return Encoded(data, "PNG", im.width, im.height)
    fmt = _lossy_format(spec, im)
    base = flatten(im) if fmt == "JPEG" and has_alpha else im
    current = base
    for _ in range(MAX_SHRINKS):
        found, smallest = _best_at_this_size(current, fmt, spec.max_bytes)
        if found is not None:
            return Encoded(found, fmt, current.width, current.height)
        # Bytes grow about with the pixel count; aim a little under the limit.
        factor = min(max(math.sqrt(spec.max_bytes / smallest) * 0.95, 0.5), 0.95)
        new_size = smaller(current.size, factor, spec)
        if new_size is None:
            break
        current = base.resize(new_size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    raise CannotFit(f"{im.size} {fmt} > {spec.max_bytes} bytes", network=name_of(spec.network))


def flatten(im: Image.Image) -> Image.Image:
    """RGBA on white (JPEG has no transparency; black, Pillow's default, looks broken)."""
    out = Image.new("RGB", im.size, WHITE)
    out.paste(im, mask=im.getchannel("A"))
    return out


def _lossy_format(spec: RenditionSpec, im: Image.Image) -> OutputFormat:
    """JPEG normally; WebP when it keeps transparency JPEG would lose, or when JPEG is not allowed."""
    webp_ok = "WEBP" in spec.formats and max(im.size) <= WEBP_MAX_SIDE
    if webp_ok and (im.mode == "RGBA" or "JPEG" not in spec.formats):
        return "WEBP"
    if "JPEG" in spec.formats:
        return "JPEG"
    return "WEBP" if webp_ok else "PNG"


def _looks_like_graphic(im: Image.Image) -> bool:
    if im.width * im.height <= SMALL_PIXELS:
        return True
    step = max(1, round(math.sqrt(im.width * im.height / 250_000)))
    sample = im.reduce(step) if step > 1 else im
    # reduce() averages, which adds a few colours on edges; the threshold allows for it.
    return sample.getcolors(GRAPHIC_MAX_COLOURS) is not None


def _best_at_this_size(im: Image.Image, fmt: OutputFormat, max_bytes: int) -> tuple[bytes | None, int]:
    """The highest quality that fits (None if none does) and the smallest size seen."""
    if fmt == "PNG":
        data = _png(im)
        return (data if len(data) <= max_bytes else None), len(data)
    top = _lossy(im, fmt, TOP_QUALITY)
    if len(top) <= max_bytes:
        return _polish(im, fmt, TOP_QUALITY, top), len(top)
    bottom = _lossy(im, fmt, LOW_QUALITY)
    if len(bottom) > max_bytes:
        return None, len(bottom)
    best_q, best = LOW_QUALITY, bottom
    low, high = LOW_QUALITY + 1, TOP_QUALITY - 1
    while low <= high:  # about 6 encodes
        mid = (low + high) // 2
        data = _lossy(im, fmt, mid)
        if len(data) <= max_bytes:
            best_q, best, low = mid, data, mid + 1
        else:
            high = mid - 1
    return _polish(im, fmt, best_q, best), len(bottom)


def _lossy(im: Image.Image, fmt: OutputFormat, quality: int) -> bytes:
    buf = BytesIO()
    if fmt == "JPEG":
        im.save(buf, "JPEG", quality=quality)
    else:
        im.save(buf, "WEBP", quality=quality, method=4)
    return buf.getvalue()


def _polish(im: Image.Image, fmt: OutputFormat, quality: int, data: bytes) -> bytes:
    """Huffman-optimised JPEG: same pixels, a few % smaller; done once, not in the search (it is slower)."""
    if fmt != "JPEG":
        return data
    buf = BytesIO()
    im.save(buf, "JPEG", quality=quality, optimize=True)
    return buf.getvalue() if buf.tell() <= len(data) else data


def _png(im: Image.Image) -> bytes:
    buf = BytesIO()
    im.save(buf, "PNG", compress_level=6)
    return buf.getvalue()
