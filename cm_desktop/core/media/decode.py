"""Open untrusted picture files safely and turn them into plain 8-bit RGB/RGBA images without metadata.

Safety: an allow-list of decoders (no EPS/PSD/...), a byte cap before reading, a pixel cap checked on the
header before any pixel is decoded, and every decoder failure mapped to a MediaError. Pillow's warnings are
recorded (not raised, not printed) because a warning about a file is not a reason to fail it.
"""

from __future__ import annotations

import logging
import math
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from io import BytesIO
from pathlib import Path

from PIL import ExifTags, Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

from cm_desktop.core.media.errors import (
    CannotReadFile,
    DamagedPicture,
    EmptyFile,
    FileTooBig,
    HeicNotSupported,
    NotAPicture,
    PictureTooLarge,
)

log = logging.getLogger(__name__)

# A phone picture is 2-25 MB; 100 MB leaves room for big TIFF scans and keeps memory bounded.
MAX_INPUT_BYTES = 100 * 1024 * 1024
# Above 108 MP phone sensors, below Pillow's hard bomb limit (~179 MP); about 0.5 GB as RGBA.
MAX_SOURCE_PIXELS = 130_000_000

# MPO is how Pillow names JPEGs with extra pictures (depth maps, previews): still a JPEG to the person.
_WANTED_INPUT = ("JPEG", "MPO", "PNG", "WEBP", "GIF", "BMP", "TIFF", "AVIF", "HEIF")
# Formats where several frames mean an animation (not pages of a TIFF or MPO extra pictures).
_ANIMATED_FORMATS = frozenset({"GIF", "PNG", "WEBP", "AVIF"})
LOSSLESS_FORMATS = frozenset({"PNG", "GIF", "BMP", "TIFF"})
# ISO-BMFF major brands of HEIF/HEIC files (AVIF uses 'avif'/'avis' and is read by Pillow itself).
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"})
_ORIENTATION = ExifTags.Base.Orientation

# warnings.catch_warnings changes process-wide state: two threads nesting it can leave filters wrong.
_WARNINGS_LOCK = threading.RLock()


@dataclass(frozen=True)
class ImageFacts:
    """What a picture file is, read from its header; width/height are as displayed (after rotation)."""

    width: int
    height: int
    byte_size: int
    format: str
    mime_type: str
    animated: bool
    has_alpha: bool


@cache
def heif_available() -> bool:
    """True when pillow-heif is installed; registers it with Pillow once."""
    try:
        import pillow_heif  # optional: iPhone photos (see the module's report on licences)
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True


def input_formats() -> tuple[str, ...]:
    """The decoders we allow that this Pillow build really has."""
    heif_available()
    Image.init()
    return tuple(f for f in _WANTED_INPUT if f in Image.OPEN)


@contextmanager
def quiet_pillow() -> Iterator[None]:
    """Record Pillow's warnings (bomb warning included) instead of raising or printing them."""
    with _WARNINGS_LOCK, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            for item in caught:
                log.debug("pillow warning: %s: %s", item.category.__name__, item.message)


def check_byte_size(size: int) -> None:
    if size == 0:
        raise EmptyFile()
    if size > MAX_INPUT_BYTES:
        raise FileTooBig(
            f"{size} bytes", size_mb=math.ceil(size / 1_000_000), limit_mb=MAX_INPUT_BYTES // 1_000_000
        )


def read_source(path: Path) -> bytes:
    """The whole file, after checking its size: decoding and hashing then see the very same bytes."""
    try:
        check_byte_size(path.stat().st_size)
        data = path.read_bytes()
    except OSError as exc:
        raise CannotReadFile(f"{type(exc).__name__} errno={exc.errno}") from exc
    check_byte_size(len(data))  # the file may have changed since stat
    return data


def looks_like_heif(head: bytes) -> bool:
    return head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS


def open_lazy(source: BytesIO | Path) -> ImageFile.ImageFile:
    """Read the header only; call inside quiet_pillow(). Raises MediaError for anything unsafe or unknown."""
    try:
        im = Image.open(source, formats=input_formats())
    except Image.DecompressionBombError as exc:
        raise PictureTooLarge(str(exc)) from exc
    except UnidentifiedImageError as exc:
        if looks_like_heif(_head(source)) and not heif_available():
            raise HeicNotSupported() from exc
        raise NotAPicture(str(exc)) from exc
    except (FileNotFoundError, PermissionError, IsADirectoryError) as exc:
        raise CannotReadFile(f"{type(exc).__name__} errno={exc.errno}") from exc
    except Exception as exc:  # a decoder's header parser choking on hostile bytes
        raise NotAPicture(repr(exc)) from exc
    width, height = im.size
    if width <= 0 or height <= 0:
        im.close()
        raise NotAPicture(f"size {im.size}")
    if width * height > MAX_SOURCE_PIXELS:
        im.close()
        raise PictureTooLarge(f"{width}x{height}")
    return im


def _head(source: BytesIO | Path) -> bytes:
    if isinstance(source, BytesIO):
        return source.getvalue()[:16]
    with source.open("rb") as f:
        return f.read(16)


def orientation(im: ImageFile.ImageFile) -> int:
    """EXIF orientation (1-8) without decoding pixels; 1 when unknown."""
    # PNG keeps eXIf maybe after the pixels: Pillow would decode everything to find it. Not worth it here.
    if im.format == "PNG" and "exif" not in im.info:
        return 1
    try:
        value = im.getexif().get(_ORIENTATION, 1)
    except Exception:  # broken EXIF must not make a readable picture fail
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def displayed_size(im: ImageFile.ImageFile) -> tuple[int, int]:
    width, height = im.size
    return (height, width) if orientation(im) in (5, 6, 7, 8) else (width, height)


def is_animated(im: ImageFile.ImageFile) -> bool:
    return im.format in _ANIMATED_FORMATS and bool(getattr(im, "is_animated", False))


def facts(im: ImageFile.ImageFile, byte_size: int) -> ImageFacts:
    width, height = displayed_size(im)
    fmt = im.format or "?"
    return ImageFacts(
        width=width,
        height=height,
        byte_size=byte_size,
        format=fmt,
        mime_type=Image.MIME.get(fmt.upper(), "application/octet-stream"),
        animated=is_animated(im),
        has_alpha=im.has_transparency_data,
    )


def decode(im: ImageFile.ImageFile, draft_size: tuple[int, int] | None = None) -> Image.Image:
    """First frame, rotated upright, sRGB, mode RGB or RGBA, with no metadata at all.

    `draft_size` (as displayed) lets JPEG decode at 1/2, 1/4 or 1/8 scale when the output is smaller anyway:
    much faster and no worse, since we downscale after.
    """
    try:
        if draft_size is not None and im.format in ("JPEG", "MPO"):
            w, h = draft_size
            im.draft(None, (h, w) if orientation(im) in (5, 6, 7, 8) else (w, h))
        im.seek(0)
        im.load()
        icc = im.info.get("icc_profile")
        upright = _upright(im)
        return _to_working_mode(upright, icc if isinstance(icc, bytes) else None)
    except Image.DecompressionBombError as exc:
        raise PictureTooLarge(str(exc)) from exc
    except MemoryError as exc:
        raise PictureTooLarge("out of memory while decoding") from exc
    except Exception as exc:  # truncated data, bad chunks, decoder errors: all mean a damaged file
        log.info("cannot decode %s picture: %r", im.format, exc)
        raise DamagedPicture(repr(exc)) from exc


def _upright(im: Image.Image) -> Image.Image:
    try:
        return ImageOps.exif_transpose(im)
    except Exception as exc:  # unreadable EXIF: keep the pixels as stored rather than fail
        log.info("ignoring unreadable EXIF orientation: %r", exc)
        return im.copy()


def _to_working_mode(im: Image.Image, icc: bytes | None) -> Image.Image:
    """8-bit RGB, or RGBA when transparency is really used; colours converted to sRGB when we can."""
    alpha = _uses_transparency(im)
    target = "RGBA" if alpha else "RGB"
    out: Image.Image | None = None
    if icc and (im.mode in ("RGB", "RGBA", "CMYK") or (im.mode == "L" and not alpha)):
        out = _icc_to_srgb(im, icc)
    if out is None:
        # `im` is already our own copy (from exif_transpose): no need for another when the mode is right.
        out = im if im.mode == target else _plain_convert(im, target)
    if out.mode != target:
        out = out.convert(target)
    # A fresh info dict: nothing of the source (EXIF, XMP, ICC, comments, dpi) can reach the encoder.
    out.info = {}
    return out


def _uses_transparency(im: Image.Image) -> bool:
    if not im.has_transparency_data:
        return False
    if im.mode in ("RGBA", "LA", "PA", "La", "RGBa"):
        extrema = im.getchannel("A").getextrema()
        return bool(extrema[0] != 255)  # an alpha channel that is opaque everywhere is not transparency
    return True  # palette or single-colour transparency


def _plain_convert(im: Image.Image, target: str) -> Image.Image:
    if im.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I", "F"):
        return _deep_to_8bit(im).convert(target)
    if im.mode in ("LA", "La", "PA", "RGBa") and target == "RGB":
        return im.convert("RGBA").convert("RGB")
    return im.convert(target)


def _deep_to_8bit(im: Image.Image) -> Image.Image:
    """16/32-bit grey to 8-bit by scaling (Pillow's own convert would clip everything above 255 to white)."""
    wide = im.convert("F") if im.mode == "F" else im.convert("I")
    low, high = wide.getextrema()
    assert isinstance(low, (int, float)) and isinstance(high, (int, float))
    if im.mode.startswith("I;16") or (im.mode == "I" and 255 < high <= 65535 and low >= 0):
        scale, offset = 255 / 65535, 0.0  # full 16-bit range: keep the picture's own brightness
    elif high <= 255 and low >= 0:
        scale, offset = 1.0, 0.0
    else:  # floats or odd ranges: stretch what is there
        scale = 255 / (high - low) if high > low else 1.0
        offset = -low * scale
    offset += 0.5  # convert("L") truncates: this makes it round
    return wide.convert("F").point(lambda v: v * scale + offset).convert("L")


@cache
def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _icc_to_srgb(im: Image.Image, icc: bytes) -> Image.Image | None:
    """Convert with the embedded profile (Display P3, Adobe RGB, CMYK press...); None if it cannot be used."""
    try:
        profile = ImageCms.ImageCmsProfile(BytesIO(icc))
        if im.mode in ("RGB", "RGBA") and "srgb" in ImageCms.getProfileDescription(profile).lower():
            return None  # already sRGB: converting costs time for nothing
        alpha = im.getchannel("A") if im.mode == "RGBA" else None
        base = im.convert("RGB") if alpha is not None else im
        out = ImageCms.profileToProfile(base, profile, _srgb(), outputMode="RGB")
    except Exception as exc:  # a broken or unsupported profile: drop it, keep the pixels
        log.info("ignoring unusable ICC profile: %r", exc)
        return None
    if out is None:
        return None
    if alpha is not None:
        out.putalpha(alpha)
    return out
