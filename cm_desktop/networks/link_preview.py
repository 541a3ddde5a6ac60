"""Fetching a link's card: the page's head (Open Graph tags) and its picture, within size and time limits.

Never called on the GUI thread. Each request has its own timeouts and the whole fetch a deadline; a page is
read only until its head ends or MAX_PAGE_BYTES, a picture only up to MAX_IMAGE_BYTES, and those limits
apply to the decompressed bytes as they are produced (a 200 KB gzip bomb never becomes 200 MB in memory).
Results, good or bad, go to the LinkCardCache so that previews work offline and a broken page is not asked
again at once.

A page decides where we go next (its redirects, its og:image), and the picture we fetch becomes the card
sent to Bluesky: a page must not make this computer read its own router or a service on loopback. The
default client connects only to public addresses, checked on the addresses DNS gave, at the moment of
connecting, for every hop (guarded_client). Tests that serve pages on 127.0.0.1 inject their own policy.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
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


# --- where a fetch may go -----------------------------------------------------------------------------------

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
AddressPolicy = Callable[[Address], bool]


def public_only(address: Address) -> bool:
    """Only the public internet: not loopback, private networks, link-local, carrier NAT, multicast..."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is loopback too
    return address.is_global and not address.is_multicast


class AddressRefused(Exception):
    """A connection to an address the policy refuses (raised before any byte is sent)."""


class _GuardedBackend(httpcore.NetworkBackend):
    """Resolves the host itself and connects only when every address it resolves to is allowed: the check
    is on the address really connected to, so DNS answering differently between check and use changes
    nothing, and every redirect's hop goes through it."""

    def __init__(self, policy: AddressPolicy) -> None:
        self._inner = httpcore.SyncBackend()
        self._policy = policy

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve: {type(exc).__name__}") from exc
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
        if not addresses or not all(self._policy(a) for a in addresses):
            raise AddressRefused("not a public address")
        last: Exception | None = None
        for address in dict.fromkeys(addresses):
            try:
                return self._inner.connect_tcp(str(address), port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                last = exc
        assert last is not None
        raise last

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise AddressRefused("no local sockets")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def guarded_client(policy: AddressPolicy = public_only, timeout: httpx.Timeout = TIMEOUT) -> httpx.Client:
    """A client for pages and their pictures that connects only where `policy` allows. No system proxy:
    behind one, the proxy would connect for us and the address could not be checked."""
    from cm_desktop.networks.http import USER_AGENT, _ssl_context

    transport = httpx.HTTPTransport(verify=_ssl_context())
    # httpx takes no network backend: the pool is rebuilt with ours (tests/unit/test_link_card_guard.py
    # fails if an httpx upgrade stops using it).
    transport._pool = httpcore.ConnectionPool(
        ssl_context=_ssl_context(), network_backend=_GuardedBackend(policy)
    )
    return httpx.Client(
        timeout=timeout,
        headers={"User-Agent": USER_AGENT},
        transport=transport,
        follow_redirects=False,
        trust_env=False,
    )


# --- reading -------------------------------------------------------------------------------------------------


class _BoundedDecoder:
    """Content-Encoding undone chunk by chunk, never producing more than asked for."""

    def __init__(self, encoding: str) -> None:
        encoding = encoding.strip().lower()
        self._zlib: Any = None
        if encoding in ("gzip", "x-gzip", "deflate"):
            self._zlib = zlib.decompressobj(wbits=zlib.MAX_WBITS | 32)  # zlib or gzip header, detected
            self._raw_fallback = encoding == "deflate"  # some servers send raw deflate under that name
        elif encoding not in ("", "identity"):
            raise FetchProblem("encoding")  # we asked for gzip or deflate only

    def feed(self, data: bytes, room: int) -> bytes:
        """At most room + 1 bytes: one more than room tells the caller the limit is passed."""
        if self._zlib is None:
            return data[: room + 1]
        try:
            return bytes(self._zlib.decompress(data, room + 1))
        except zlib.error as exc:
            if self._raw_fallback:
                self._raw_fallback = False
                self._zlib = zlib.decompressobj(wbits=-zlib.MAX_WBITS)
                return self.feed(data, room)
            raise FetchProblem("bad_encoding") from exc


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
            headers = {"Accept": accept, "Accept-Encoding": "gzip, deflate"}
            with client.stream("GET", url, headers=headers, follow_redirects=False) as response:
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
                decoder = _BoundedDecoder(response.headers.get("content-encoding", ""))
                body = bytearray()
                for raw in response.iter_raw(chunk_size=16_384):
                    chunk = decoder.feed(raw, limit - len(body))
                    body += chunk
                    deadline.check()
                    if stop_at is not None and stop_at in body[-(len(chunk) + len(stop_at)) :].lower():
                        break
                    if len(body) > limit or (stop_at is not None and len(body) >= limit):
                        if stop_at is None:
                            raise FetchProblem("too_big")  # half a picture is no picture
                        break
                return str(response.url), response.headers.get("content-type", ""), bytes(body[:limit])
        except AddressRefused as exc:
            raise FetchProblem("not_public") from exc
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
        self._client_factory = client_factory or guarded_client
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
