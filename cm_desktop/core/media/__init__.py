"""The media pipeline: safe decoding, metadata stripping and per-network renditions (pure Python, no Qt)."""

from cm_desktop.core.media.decode import MAX_INPUT_BYTES, MAX_SOURCE_PIXELS, ImageFacts, heif_available
from cm_desktop.core.media.errors import (
    FIRST_FRAME_ONLY,
    CannotFit,
    CannotReadFile,
    CannotSaveFile,
    DamagedPicture,
    DiskFull,
    EmptyFile,
    FileTooBig,
    HeicNotSupported,
    MediaError,
    NotAPicture,
    PictureTooLarge,
    ShapeNotSupported,
    TooSmall,
)
from cm_desktop.core.media.pipeline import PIPELINE_VERSION, Rendition, import_original, inspect, prepare
from cm_desktop.core.media.spec import NETWORKS, RenditionSpec, spec_for

__all__ = [
    "FIRST_FRAME_ONLY",
    "MAX_INPUT_BYTES",
    "MAX_SOURCE_PIXELS",
    "NETWORKS",
    "PIPELINE_VERSION",
    "CannotFit",
    "CannotReadFile",
    "CannotSaveFile",
    "DamagedPicture",
    "DiskFull",
    "EmptyFile",
    "FileTooBig",
    "HeicNotSupported",
    "ImageFacts",
    "MediaError",
    "NotAPicture",
    "PictureTooLarge",
    "Rendition",
    "RenditionSpec",
    "ShapeNotSupported",
    "TooSmall",
    "heif_available",
    "import_original",
    "inspect",
    "prepare",
    "spec_for",
]
