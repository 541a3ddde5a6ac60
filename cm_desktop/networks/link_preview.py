"""Fetching a link's card: the page's head (Open Graph tags) and its picture, within size and time limits.

Never called on the GUI thread. Each request has its own timeouts and the whole fetch a deadline; a page is
read only until its head ends or MAX_PAGE_BYTES, a picture only up to MAX_IMAGE_BYTES. Results, good or
bad, go to the LinkCardCache so that previews work offline and a broken page is not asked again at once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

from cm_desktop.core.link_card import CachedCard, LinkCardCache, PageCard, decode_html, parse_card
from cm_desktop.core.ports import LinkCard, OutgoingImage

log = logging.getLogger(__name__)

MAX_PAGE_BYTES = 512 * 1024  # heads are a few KB; some pages are tens of MB
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(connect=5.0, read=5.0, write=5.0, pool=5.0)
DEADLINE_SECONDS = 12.0  # for the page and its picture together: a slow drip never holds a worker
HTML_TYPES = ("text/html", "application/xhtml+xml")
IMAGE_SUFFIXES = {"image/jpeg": ".jpg", "image/png": ".png", "image/gif": ".gif", "image/webp": ".webp"}
BLUESKY_THUMB_BYTES = 1_000_000  # app.bsky.embed.external: thumb blob maxSize


class FetchProblem(Exception):
    """Why a page gave no card; `code` is stored in the cache and logged, never shown as is."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Fetched:
    card: PageCard
    image: bytes | None = None
    image_type: str = ""


class _Deadline:
    def __init__(self, seconds: float, clock: Callable[[], float]) -> None:
        self._clock, self._end = clock, clock() + seconds

    def check(self) -> None:
        if self._clock() > self._end:
            raise FetchProblem("timeout")


def _mime(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip().lower()


def _read(
    client: httpx.Client,
    url: str,
    accept: str,
    wanted: Callable[[str], bool],
    limit: int,
    deadline: _Deadline,
    stop_at: bytes | None = None,
) -> tuple[str, str, bytes]:
    """GET `url`, following redirects ourselves (http/https only, at most MAX_REDIRECTS).

    Returns (final url, content type, body); the body is cut at `limit` bytes, or just after `stop_at`.
    """
    for _hop in range(MAX_REDIRECTS + 1):
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchProblem("not_http")
        deadline.check()
        try:
            with client.stream("GET", url, headers={"Accept": accept}, follow_redirects=False) as response:
                if response.is_redirect:
                    location = response.headers.get("location", "")
                    if not location:
                        raise FetchProblem(f"http_{response.status_code}")
                    url = urljoin(url, location)
                    continue
                if response.status_code >= 400:
                    raise FetchProblem(f"http_{response.status_code}")
                mime = _mime(response)
                if not wanted(mime):
                    raise FetchProblem("not_html" if stop_at is not None else "not_image")
                declared = response.headers.get("content-length", "")
                if stop_at is None and declared.isdigit() and int(declared) > limit:
                    raise FetchProblem("too_big")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    deadline.check()
                    if stop_at is not None and stop_at in body[-(len(chunk) + len(stop_at)) :].lower():
                        break
                    if len(body) >= limit:
                        if stop_at is None:
                            raise FetchProblem("too_big")  # half a picture is no picture
                        break
                return str(response.url), response.headers.get("content-type", ""), bytes(body[:limit])
        except httpx.TimeoutException as exc:
            raise FetchProblem("timeout") from exc
        except httpx.HTTPError as exc:
            raise FetchProblem("network") from exc
    raise FetchProblem("too_many_redirects")


def fetch_card(
    client: httpx.Client,
    link: str,
    *,
    deadline_seconds: float = DEADLINE_SECONDS,
    clock: Callable[[], float] = time.monotonic,
) -> Fetched:
    """Read the page's head and its picture. Raises FetchProblem when there is no card to show."""
    deadline = _Deadline(deadline_seconds, clock)
    final, content_type, body = _read(
        client,
        link,
        "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
        lambda mime: mime in HTML_TYPES or mime == "",
        MAX_PAGE_BYTES,
        deadline,
        stop_at=b"</head>",
    )
    card = parse_card(decode_html(body, content_type), link, final)
    if card.empty:
        raise FetchProblem("no_card")
    if not card.image_url:
        return Fetched(card)
    try:
        _, image_type, image = _read(
            client,
            card.image_url,
            "image/*",
            lambda mime: mime in IMAGE_SUFFIXES,
            MAX_IMAGE_BYTES,
            deadline,
        )
    except FetchProblem as problem:
        log.info("link card picture skipped: %s", problem.code)  # the card still shows, without it
        return Fetched(card)
    return Fetched(card, image, image_type.split(";")[0].strip().lower())


class LinkPreviewFetcher:
    """Cached cards, fetched when missing or stale. One per composer; call from a worker thread."""

    def __init__(
        self,
        cache: LinkCardCache,
        client_factory: Callable[[], httpx.Client] | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        deadline_seconds: float = DEADLINE_SECONDS,
    ) -> None:
        self.cache, self._now, self._deadline = cache, now, deadline_seconds
        self._client_factory = client_factory or _default_client
        self._client: httpx.Client | None = None

    def cached(self, link: str) -> CachedCard | None:
        """What the cache holds, fresh or not (shown at once; offline it is all there is)."""
        return self.cache.get(link)

    def card_for(self, link: str, *, refresh_failures: bool = False) -> CachedCard:
        """The card from the cache when fresh, else fetched now (blocking: never on the GUI thread)."""
        now = self._now()
        found = self.cache.get(link)
        if found is not None and found.fresh(now) and not (refresh_failures and found.card is None):
            return found
        if self._client is None:
            self._client = self._client_factory()
        try:
            fetched = fetch_card(self._client, link, deadline_seconds=self._deadline)
        except FetchProblem as problem:
            log.info("no link card for a link: %s", problem.code)  # the link itself is never logged
            if found is not None and found.card is not None:
                return found  # keep showing the card we had
            return self.cache.put(link, None, now, problem=problem.code)
        suffix = IMAGE_SUFFIXES.get(fetched.image_type, ".img")
        return self.cache.put(link, fetched.card, now, fetched.image, suffix)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


def _default_client() -> httpx.Client:
    from cm_desktop.networks.http import build_client

    return build_client(timeout=TIMEOUT)


def bluesky_link_card(cached: CachedCard | None) -> LinkCard | None:
    """The app.bsky.embed.external card we send for a cached page (the thumb only when Bluesky takes it)."""
    if cached is None or cached.card is None:
        return None
    thumb = None
    path = cached.image_path
    if path is not None and path.exists() and path.stat().st_size <= BLUESKY_THUMB_BYTES:
        mime = next((m for m, s in IMAGE_SUFFIXES.items() if s == path.suffix), "")
        if mime:
            thumb = OutgoingImage(path=path, mime_type=mime, alt="", width=0, height=0)
    card = cached.card
    return LinkCard(uri=card.url, title=card.title, description=card.description, thumb=thumb)
