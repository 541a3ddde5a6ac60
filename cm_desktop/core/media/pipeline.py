"""The media pipeline's entry points: inspect a file, import an original, prepare a network rendition.

Renditions are content-addressed and cached: the key covers the source bytes, the spec, the focal point and
the pipeline version, so a second prepare() of the same thing returns the file already made.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

import PIL

from cm_desktop.core.i18n import Text
from cm_desktop.core.media.decode import (
    LOSSLESS_FORMATS,
    ImageFacts,
    check_byte_size,
    decode,
    displayed_size,
    facts,
    is_animated,
    open_lazy,
    quiet_pillow,
    read_source,
)
from cm_desktop.core.media.encode import Encoded, encode_to_fit
from cm_desktop.core.media.errors import FIRST_FRAME_ONLY
from cm_desktop.core.media.files import copy_content_addressed, read_error, sha256_file, write_atomic
from cm_desktop.core.media.geometry import Focal, Plan, Size, apply, clamp_focal, plan
from cm_desktop.core.media.spec import EXTENSIONS, MIME_TYPES, RenditionSpec

log = logging.getLogger(__name__)

# Bump when the output for the same input changes (new encoder settings, crop rules...): old cache entries
# are then simply never looked up again.
PIPELINE_VERSION = "1"

_ORIGINAL_EXTENSIONS = {
    "JPEG": ".jpg", "MPO": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif",
    "BMP": ".bmp", "TIFF": ".tif", "AVIF": ".avif", "HEIF": ".heic",
}  # fmt: skip


@dataclass(frozen=True)
class Rendition:
    """A file ready to upload to one network."""

    path: Path
    mime_type: str
    width: int
    height: int
    byte_size: int
    sha256: str
    # Made from the first frame of an animation: tell the person (see `notice`).
    first_frame_only: bool = False
    from_cache: bool = field(default=False, compare=False)

    @property
    def notice(self) -> Text | None:
        return FIRST_FRAME_ONLY if self.first_frame_only else None


def inspect(path: Path) -> ImageFacts:
    """Facts about a picture file from its header (fast: no pixels decoded). Raises MediaError."""
    try:
        byte_size = path.stat().st_size
    except OSError as exc:
        raise read_error(exc) from exc
    check_byte_size(byte_size)
    with quiet_pillow(), open_lazy(path) as im:
        return facts(im, byte_size)


def import_original(source: Path, media_dir: Path) -> tuple[Path, str]:
    """Copy the person's picture into our media folder as `<sha256>.<ext>`; never a link to their file.

    Refuses what we could never publish (not a picture, too big, bomb) now rather than at publish time.
    """
    found = inspect(source)
    extension = _ORIGINAL_EXTENSIONS.get(found.format, ".bin")
    return copy_content_addressed(source, media_dir, extension)


def prepare(source: Path, spec: RenditionSpec, cache_dir: Path, focal: Focal = (0.5, 0.5)) -> Rendition:
    """A rendition of `source` that `spec`'s network accepts, from the cache when already made."""
    data = read_source(source)
    focal = clamp_focal(focal)
    key = cache_key(hashlib.sha256(data).hexdigest(), spec, focal)
    cached = _from_cache(cache_dir, key)
    if cached is not None:
        return cached
    encoded, first_frame_only = _render(data, spec, focal)
    folder = cache_dir / key[:2]
    path = folder / f"{key}{EXTENSIONS[encoded.format]}"
    write_atomic(path, encoded.data)
    rendition = Rendition(
        path=path,
        mime_type=MIME_TYPES[encoded.format],
        width=encoded.width,
        height=encoded.height,
        byte_size=len(encoded.data),
        sha256=hashlib.sha256(encoded.data).hexdigest(),
        first_frame_only=first_frame_only,
    )
    # Written after the picture: a crash in between leaves a picture without its note, simply remade later.
    write_atomic(folder / f"{key}.json", _note(rendition).encode())
    return rendition


def cache_key(source_sha256: str, spec: RenditionSpec, focal: Focal) -> str:
    parts = [
        PIPELINE_VERSION,
        PIL.__version__,
        source_sha256,
        spec.cache_token(),
        [round(v, 4) for v in focal],
    ]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def _render(data: bytes, spec: RenditionSpec, focal: Focal) -> tuple[Encoded, bool]:
    with quiet_pillow(), open_lazy(BytesIO(data)) as im:
        animated = is_animated(im)
        lossless = im.format in LOSSLESS_FORMATS
        size = displayed_size(im)
        clean = decode(im, draft_size=_draft_size(plan(size, spec, focal), size))
    shaped = apply(clean, plan(clean.size, spec, focal))
    del clean  # the encoder's own buffers come next: the full-size frame must be gone by then
    return encode_to_fit(shaped, spec, lossless_source=lossless), animated


def _draft_size(the_plan: Plan, size: Size) -> Size:
    """The whole-picture size at which the crop still has at least the output's pixels."""
    region_w = the_plan.crop[2] - the_plan.crop[0]
    region_h = the_plan.crop[3] - the_plan.crop[1]
    return (
        -(-size[0] * the_plan.content[0] // region_w),  # ceiling division
        -(-size[1] * the_plan.content[1] // region_h),
    )


def _note(rendition: Rendition) -> str:
    return json.dumps(
        {
            "file": rendition.path.name,
            "mime_type": rendition.mime_type,
            "width": rendition.width,
            "height": rendition.height,
            "byte_size": rendition.byte_size,
            "sha256": rendition.sha256,
            "first_frame_only": rendition.first_frame_only,
        }
    )


def _from_cache(cache_dir: Path, key: str) -> Rendition | None:
    """The cached rendition if its note is readable and its file intact; None means make it again."""
    note_path = cache_dir / key[:2] / f"{key}.json"
    try:
        note = json.loads(note_path.read_text(encoding="utf-8"))
        name = str(note["file"])
        path = note_path.parent / name
        if Path(name).name != name or not name.startswith(key):
            return None
        rendition = Rendition(
            path=path,
            mime_type=str(note["mime_type"]),
            width=int(note["width"]),
            height=int(note["height"]),
            byte_size=int(note["byte_size"]),
            sha256=str(note["sha256"]),
            first_frame_only=bool(note["first_frame_only"]),
            from_cache=True,
        )
        # Checking the hash costs milliseconds and catches a file damaged on disk or edited by hand.
        if path.stat().st_size != rendition.byte_size or sha256_file(path) != rendition.sha256:
            return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return rendition
