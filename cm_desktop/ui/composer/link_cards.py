"""Link cards for the previews: read from the cache on disk, fetched in the background when online.

Nothing here touches the disk or the network on the GUI thread: every look-up runs through the TaskRunner.
A link is looked up once it has stayed the same for a moment (typing a link letter by letter would
otherwise ask for "https://boul", "https://boula", ...), one look-up at a time, the latest link first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from cm_desktop.core.link_card import CachedCard
from cm_desktop.ui.previews.model import LinkPreview
from cm_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

SETTLE_MS = 600  # a link must stay the same this long before it is looked up


class CardSource(Protocol):
    def cached(self, link: str) -> CachedCard | None: ...
    def card_for(self, link: str, *, refresh_failures: bool = False) -> CachedCard: ...


def default_source(folder: Path) -> Callable[[], CardSource]:
    """The real fetcher on the data folder's cache; built (and httpx imported) on first use, in a worker."""

    def make() -> CardSource:
        from cm_desktop.core.link_card import LinkCardCache
        from cm_desktop.networks.link_preview import LinkPreviewFetcher

        return LinkPreviewFetcher(LinkCardCache(folder))

    return make


def to_preview(found: CachedCard | None) -> LinkPreview | None:
    if found is None or found.card is None:
        return None
    card = found.card
    image = str(found.image_path) if found.image_path is not None else None
    return LinkPreview(card.url, card.title, card.description, image)


class LinkCardLoader(QObject):
    card_ready = Signal(str)  # a link whose card (or the lack of one) is now known

    def __init__(
        self, runner: TaskRunner, source: Callable[[], CardSource], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._runner, self._make_source = runner, source
        self._source: CardSource | None = None
        self._known: dict[str, LinkPreview | None] = {}
        self._online_checked: set[str] = set()  # links asked while online (not just read from the cache)
        self._wanted: str | None = None
        self._busy = False
        self.online = False
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._start)

    def card(self, link: str) -> LinkPreview | None:
        """The card known for `link` now (None until known); asks for it in the background if needed."""
        if link not in self._known or (self.online and link not in self._online_checked):
            if link != self._wanted:
                self._wanted = link
                self._settle.start()
        return self._known.get(link)

    def set_online(self, online: bool) -> None:
        if online == self.online:
            return
        self.online = online
        if online and self._wanted is not None:
            self._settle.start()

    def pending(self) -> bool:
        return self._busy or self._settle.isActive()

    def _start(self) -> None:
        link = self._wanted
        if self._busy or link is None:
            return
        online = self.online
        self._busy = True

        def work() -> CachedCard | None:
            if self._source is None:
                self._source = self._make_source()
            source = self._source
            # Offline only the cache is read; back online, a page that failed before is tried again.
            return source.card_for(link, refresh_failures=True) if online else source.cached(link)

        self._runner.run(
            work, lambda found: self._done(link, online, found), lambda error: self._failed(link, error)
        )

    def _done(self, link: str, online: bool, found: Any) -> None:
        self._busy = False
        self._known[link] = to_preview(found)
        if online:
            self._online_checked.add(link)
        if self._wanted == link and (online or not self.online):
            self._wanted = None
        self.card_ready.emit(link)
        if self._wanted is not None:
            self._start()

    def _failed(self, link: str, error: BaseException) -> None:
        # Not a page that failed (those are answers): a bug or a full disk. The preview goes on without a card.
        log.error("link card look-up failed", exc_info=error)
        self._done(link, True, None)

    def close(self) -> None:
        close = getattr(self._source, "close", None)
        if callable(close):
            close()
