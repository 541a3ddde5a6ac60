"""One publisher at a time: an operating-system lock on a file in the data folder.

The app and the background job (`cm-desktop publish-due`) may both wake up at 09:00. The lock is taken on an
open file with flock (POSIX) or LockFileEx through msvcrt (Windows): the kernel drops it when the process
dies, even by SIGKILL or a power cut, so a crashed publisher never leaves a stale lock behind (a pid file
would). flock locks belong to the open file, so two threads of one process exclude each other too.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import IO


class PublisherBusy(Exception):
    """Another publisher (the app or the background job) holds the lock."""


class PublisherLock:
    """`with PublisherLock(path, wait=0):` raises PublisherBusy when someone else publishes."""

    def __init__(self, path: Path, *, wait: float = 0.0, poll: float = 0.05) -> None:
        self.path = path
        self.wait = wait
        self.poll = poll
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        if self._handle is not None:
            raise RuntimeError("lock already held by this object")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+b")  # kept open while the lock is held
        deadline = time.monotonic() + self.wait
        while True:
            if _try_lock(handle):
                break
            if time.monotonic() >= deadline:
                handle.close()
                raise PublisherBusy(str(self.path))
            time.sleep(self.poll)
        # Who holds it, for a person looking at the folder; the lock itself is what counts.
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n".encode())
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        try:
            _unlock(handle)
        finally:
            handle.close()

    def __enter__(self) -> PublisherLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


if sys.platform == "win32":  # pragma: no cover - exercised on Windows CI only
    import msvcrt

    def _try_lock(handle: IO[bytes]) -> bool:
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[bytes]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
