"""Open untrusted picture files safely and turn them into plain 8-bit RGB/RGBA images without metadata.

Safety: an allow-list of decoders (no EPS/PSD/...), a byte cap before reading, a pixel cap checked on the
header before any pixel is decoded, and every decoder failure mapped to a MediaError. Pillow's warnings are
recorded (not raised, not printed) because a warning about a file is not a reason to fail it.

Memory: every accepted picture is prepared within about 300 MB. Pillow decodes a whole frame at once, so the
budget is on the decoded frame (pixels x bytes per pixel of its mode, plus the file's own bytes): checked on
the header, so a picture over it is refused when added, not at publish time. JPEG decodes at 1/2, 1/4 or
1/8 scale (draft mode) and so only needs the budget at the scale it is decoded. Once decoded, the frame is
reduced in horizontal bands to about the size it is needed at, before any rotation, colour conversion or
mode change (each of those would copy the full frame).
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

from PIL import ExifTags, Image, ImageCms, ImageFile, UnidentifiedImageError

from cm_desktop.core.media.errors import (
    CannotReadFile,
    DamagedPicture,
    EmptyFile,
    FileTooBig,
    HeicNotSupported,
    NotAPicture,
    PictureTooLarge,
    TooManyPixels,
)

log = logging.getLogger(__name__)

# A phone picture is 2-25 MB; 100 MB leaves room for big TIFF scans and keeps memory bounded.
MAX_INPUT_BYTES = 100 * 1024 * 1024
# Above 108 MP phone sensors, below Pillow's hard bomb limit (~179 MP). JPEG only, decoded in draft mode.
MAX_SOURCE_PIXELS = 130_000_000
# The decoded frame plus the file's bytes (held while decoding): 45 MP of RGB(A), 180 MP of grey or palette.
MAX_DECODED_BYTES = 180 * 1024 * 1024
_DRAFTABLE = frozenset({"JPEG", "MPO"})
# Decoders that fill buffers of their own besides Pillow's (measured with bench/media.py): WebP's animation
# decoder keeps canvases of its own, AVIF and HEIF their YUV planes. libtiff reads a file object into memory
# first.
_FRAME_COPIES = {"WEBP": 6, "AVIF": 2, "HEIF": 2}
_FILE_COPIES = {"TIFF": 2}
_BAND_BYTES = 8 * 1024 * 1024  # a band of rows converted and reduced at a time
# Above this (a 16 MP photo), a decoded frame is always at least halved: whole-frame copies (rotation, colour conversion)
# of a bigger one would pass the budget. The rendition is then at least half the network's largest size.
_COPYABLE_FRAME_BYTES = 64 * 1024 * 1024  # a 16 MP photo: rotated and converted whole
# Resizing translucent pictures premultiplies a copy of the whole frame first (Pillow): a lower bar for them.
_COPYABLE_TRANSLUCENT_BYTES = 40 * 1024 * 1024
_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}

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
    if im.format not in _DRAFTABLE:
        try:
            check_decoded_size(im, _source_size(source))
        except PictureTooLarge:
            im.close()
            raise
    return im


def _source_size(source: BytesIO | Path) -> int:
    if isinstance(source, BytesIO):
        return len(source.getbuffer())
    try:
        return source.stat().st_size
    except OSError:
        return 0


def bytes_per_pixel(mode: str) -> int:
    """What Pillow stores per pixel: one byte for 1/L/P, two for 16-bit grey, four for everything else."""
    if mode in ("1", "L", "P"):
        return 1
    if mode.startswith("I;16"):
        return 2
    return 4


def frame_bytes(im: Image.Image) -> int:
    width, height = im.size
    return width * height * bytes_per_pixel(im.mode)


def decoded_bytes(im: Image.Image, source_bytes: int = 0) -> int:
    """What decoding holds at once: the frame (and the decoder's own buffers) and the file's bytes."""
    fmt = im.format or ""
    return frame_bytes(im) * _FRAME_COPIES.get(fmt, 1) + source_bytes * _FILE_COPIES.get(fmt, 1)


def check_decoded_size(im: Image.Image, source_bytes: int = 0) -> None:
    """TooManyPixels when decoding this frame would pass the memory budget."""
    if decoded_bytes(im, source_bytes) <= MAX_DECODED_BYTES:
        return
    width, height = im.size
    fmt = im.format or ""
    room = MAX_DECODED_BYTES - source_bytes * _FILE_COPIES.get(fmt, 1)
    limit = max(0, room) // (bytes_per_pixel(im.mode) * _FRAME_COPIES.get(fmt, 1))
    raise TooManyPixels(
        f"{width}x{height} {im.mode} {im.format}",
        megapixels=round(width * height / 1_000_000),
        limit=max(1, limit // 1_000_000),
    )


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
        turn = orientation(im)
        stored_target = None
        if draft_size is not None:
            w, h = draft_size
            stored_target = (h, w) if turn in (5, 6, 7, 8) else (w, h)
        if im.format in _DRAFTABLE:
            _draft_within_budget(im, stored_target)
        im.seek(0)
        im.load()
        icc = im.info.get("icc_profile")
        small = _reduce(im, stored_target or im.size)
        # Colours and mode first, rotation last: each step may copy the frame, and drops the one before.
        out = _to_working_mode(small, icc if isinstance(icc, bytes) else None)
        del small
        if turn in _TRANSPOSE:
            out = out.transpose(_TRANSPOSE[turn])
        elif out is im:
            out = im.copy()  # the caller closes `im`, which would take these pixels with it
        out.info = {}  # nothing of the source (EXIF, XMP, ICC, comments, dpi) can reach the encoder
        return out
    except Image.DecompressionBombError as exc:
        raise PictureTooLarge(str(exc)) from exc
    except MemoryError as exc:
        raise PictureTooLarge("out of memory while decoding") from exc
    except Exception as exc:  # truncated data, bad chunks, decoder errors: all mean a damaged file
        log.info("cannot decode %s picture: %r", im.format, exc)
        raise DamagedPicture(repr(exc)) from exc


def _draft_within_budget(im: ImageFile.ImageFile, target: tuple[int, int] | None) -> None:
    """JPEG draft mode: the scale the target needs, or smaller when that would pass the memory budget.
    Pillow takes one draft call only, so the scale is worked out here first."""
    width, height = im.size
    scale = 1
    if target is not None:
        fits = min(width // max(target[0], 1), height // max(target[1], 1))
        scale = next(s for s in (8, 4, 2, 1) if max(fits, 1) >= s)  # 0: enlarged later
    per_pixel = bytes_per_pixel(im.mode)
    while scale < 8 and (width // scale) * (height // scale) * per_pixel > MAX_DECODED_BYTES:
        scale *= 2
    if scale > 1:
        im.draft(None, (max(1, width // scale), max(1, height // scale)))
    check_decoded_size(im)  # even 1/8 is too big: refuse rather than run out of memory


# How a band of each mode is made ready for reduce(), and the mode of the reduced frame. Alpha is averaged
# premultiplied (RGBa, La): the colour of transparent pixels must not bleed into visible ones.
_REDUCE_AS: dict[str, tuple[tuple[str, ...], str]] = {
    "L": ((), "L"),
    "RGB": ((), "RGB"),
    "CMYK": ((), "CMYK"),
    "I": ((), "I"),
    "F": ((), "F"),
    "1": (("L",), "L"),
    "P": (("RGB",), "RGB"),
    "LA": (("La",), "LA"),
    "RGBA": (("RGBa",), "RGBA"),
    "PA": (("RGBA", "RGBa"), "RGBA"),
    "I;16": (("I",), "I;16"),  # back to 16-bit after: the 8-bit conversion reads the whole 16-bit range
}


def _reduce(im: Image.Image, target: tuple[int, int]) -> Image.Image:
    """Box-reduce by the largest whole factor that keeps at least `target` (stored orientation), in bands of
    rows, so that the mode conversions reduce() needs never copy the whole frame. `im` itself when a factor
    of 2 would already go below the target, unless the frame is too big to be copied whole."""
    width, height = im.size
    factor = min(width // max(target[0], 1), height // max(target[1], 1))
    if factor < 2:
        limit = _COPYABLE_TRANSLUCENT_BYTES if _uses_transparency(im) else _COPYABLE_FRAME_BYTES
        factor = 2 if frame_bytes(im) > limit else 1
    if factor < 2:
        return im
    mode = "I;16" if im.mode.startswith("I;16") else im.mode
    steps: tuple[str, ...]
    if mode == "P" and im.has_transparency_data:
        steps, out_mode = ("RGBA", "RGBa"), "RGBA"
    else:
        steps, out_mode = _REDUCE_AS.get(mode, (("RGB",), "RGB"))
    out = Image.new(out_mode, (-(-width // factor), -(-height // factor)))
    rows = max(1, _BAND_BYTES // max(1, width * 4) // factor) * factor  # a multiple of the factor
    for top in range(0, height, rows):
        band = im.crop((0, top, width, min(top + rows, height)))
        for step in steps:
            band = band.convert(step)
        piece = band.reduce(factor)
        out.paste(piece if piece.mode == out_mode else piece.convert(out_mode), (0, top // factor))
    # Only what the next steps read: the orientation (applied next, on the small frame).
    exif = im.info.get("exif")
    if exif is not None:
        out.info["exif"] = exif
    return out


def _to_working_mode(im: Image.Image, icc: bytes | None) -> Image.Image:
    """8-bit RGB, or RGBA when transparency is really used; colours converted to sRGB when we can."""
    alpha = _uses_transparency(im)
    target = "RGBA" if alpha else "RGB"
    out: Image.Image | None = None
    if icc and (im.mode in ("RGB", "RGBA", "CMYK") or (im.mode == "L" and not alpha)):
        out = _icc_to_srgb(im, icc)
    if out is None:
        # The same object when the mode is right: decode() copies it only if nothing else did.
        out = im if im.mode == target else _plain_convert(im, target)
    if out.mode != target:
        out = out.convert(target)
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
