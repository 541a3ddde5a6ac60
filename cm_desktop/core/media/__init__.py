"""The media pipeline: safe decoding, metadata stripping and per-network renditions (pure Python, no Qt).

Names load on first use (PEP 562): the network registry imports `core.media.spec` at start-up, and that must
not bring Pillow in with the rest of the package.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from cm_desktop.core.media.spec import MediaRules, RenditionSpec

__all__ = [
    "FIRST_FRAME_ONLY",
    "MAX_INPUT_BYTES",
    "MAX_SOURCE_PIXELS",
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
    "MediaRules",
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
]

_SUBMODULES = ("spec", "errors", "decode", "pipeline")  # cheapest first


def __getattr__(name: str) -> Any:
    if name in __all__:
        for submodule in _SUBMODULES:
            module = importlib.import_module(f"{__name__}.{submodule}")
            if hasattr(module, name):
                return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
