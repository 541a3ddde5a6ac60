"""Atomic, content-addressed writes: a crash or a full disk never leaves a half-written picture behind."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from cm_desktop.core.media.decode import check_byte_size
from cm_desktop.core.media.errors import CannotReadFile, CannotSaveFile, DiskFull, MediaError

_CHUNK = 1024 * 1024
_NO_SPACE = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})


def save_error(exc: OSError) -> MediaError:
    if exc.errno in _NO_SPACE:
        return DiskFull(f"errno={exc.errno}")
    return CannotSaveFile(f"{type(exc).__name__} errno={exc.errno}")


def read_error(exc: OSError) -> MediaError:
    return CannotReadFile(f"{type(exc).__name__} errno={exc.errno}")


@contextlib.contextmanager
def atomic_file(
    folder: Path, final_name: Callable[[], str], *, keep_existing: bool = False
) -> Iterator[BinaryIO]:
    """Write to a temporary file in `folder`, then rename it to `final_name()` (asked once writing is done,
    so the name can depend on the content). On any failure the temporary file is removed.

    keep_existing: the name is the content's hash, so a file already there of the same size is the same
    file; keep it (on Windows, replacing a file another program has open fails)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".part-", dir=folder)
    except OSError as exc:
        raise save_error(exc) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())  # the bytes are on disk before the name points at them
        target = folder / final_name()
        if keep_existing and _same_size(target, tmp):
            _remove_quietly(tmp)
        else:
            os.replace(tmp, target)
    except OSError as exc:
        _remove_quietly(tmp)
        raise save_error(exc) from exc
    except BaseException:
        _remove_quietly(tmp)
        raise


def write_atomic(path: Path, data: bytes) -> None:
    with atomic_file(path.parent, lambda: path.name) as f:
        f.write(data)


def copy_content_addressed(source: Path, folder: Path, extension: str) -> tuple[Path, str]:
    """Copy `source` to `folder/<sha256><extension>`, hashing while copying."""
    digest = hashlib.sha256()
    try:
        src = source.open("rb")
    except OSError as exc:
        raise read_error(exc) from exc
    name = lambda: f"{digest.hexdigest()}{extension}"  # noqa: E731 - known only once all is read
    with src, atomic_file(folder, name, keep_existing=True) as out:
        copied = 0
        while chunk := _read(src):
            copied += len(chunk)
            check_byte_size(copied)  # the file may have grown since we looked at it
            digest.update(chunk)
            out.write(chunk)
        check_byte_size(copied)
    sha = digest.hexdigest()
    return folder / f"{sha}{extension}", sha


def _read(src: BinaryIO) -> bytes:
    try:
        return src.read(_CHUNK)
    except OSError as exc:
        raise read_error(exc) from exc


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _same_size(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_size == b.stat().st_size
    except OSError:
        return False


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
