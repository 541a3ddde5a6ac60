"""The pictures as each chosen network will get them, prepared off the GUI thread by the outbox's own pipeline.

The composer's checks ask the same pipeline as the outbox (core.posts.fitted): a phone photo too heavy for
Bluesky is resized there, so it is at most a note here, never a problem. Renditions are cached on disk by
the pipeline (the outbox reuses them) and here by (picture, crop point, network spec).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Signal

from cm_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from cm_desktop.core.media import MediaError, Rendition
    from cm_desktop.core.media.spec import RenditionSpec

log = logging.getLogger(__name__)

Key = tuple[str, tuple[float, float], "RenditionSpec"]


def _prepare(path: Path, spec: RenditionSpec, cache: Path, focal: tuple[float, float]) -> Any:
    from cm_desktop.core.media import MediaError, prepare

    try:
        return prepare(path, spec, cache, focal)
    except MediaError as exc:
        return exc


class Renditions(QObject):
    """`get` answers at once with what is known, and starts what is missing; `ready` says one arrived."""

    ready = Signal()

    def __init__(self, runner: TaskRunner, cache_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._cache_dir = runner, cache_dir
        self._done: dict[Key, Rendition | MediaError] = {}
        self._pending: set[Key] = set()
        self.started = 0  # how many preparations ran (tests read it)

    def get(
        self, path: Path, sha256: str, focal: tuple[float, float], spec: RenditionSpec
    ) -> Rendition | MediaError | None:
        """The rendition (or why there can be none); None while it is being prepared."""
        key: Key = (sha256, focal, spec)
        found = self._done.get(key)
        if found is not None or key in self._pending:
            return found
        self._pending.add(key)
        self.started += 1
        cache = self._cache_dir
        self._runner.run(
            lambda: _prepare(path, spec, cache, focal),
            lambda result: self._arrived(key, result),
            lambda error: self._failed(key, error),
        )
        return self._done.get(key)  # a synchronous runner has answered already

    def pending(self) -> bool:
        return bool(self._pending)

    def _failed(self, key: Key, error: BaseException) -> None:
        from cm_desktop.core.media import MediaError

        log.error("preparing a picture failed", exc_info=error)
        self._arrived(key, MediaError())

    def _arrived(self, key: Key, result: Any) -> None:
        if not shiboken6.isValid(self):
            return
        from cm_desktop.core.media import MediaError, Rendition

        self._pending.discard(key)
        if not isinstance(result, Rendition | MediaError):
            result = MediaError()
        self._done[key] = result
        self.ready.emit()
