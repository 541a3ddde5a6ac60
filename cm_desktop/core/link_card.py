"""Link cards: which link of a post gets one, what a page's Open Graph tags say, and a cache on disk.

Pure Python (no Qt, no HTTP): networks/link_preview.py fetches pages, the previews show the result, and the
same cached card is what we send to Bluesky (whose card is built by the client, not the server).
"""

from __future__ import annotations

import codecs
import hashlib
import html
import json
import os
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from cm_desktop.core import networks
from cm_desktop.core.rules import twitter_text

MAX_TITLE = 300  # longer titles are cut by every network's card anyway
MAX_DESCRIPTION = 1000
FRESH_FOR = timedelta(days=7)  # a page's card rarely changes; a week keeps previews offline-ready
RETRY_AFTER = timedelta(hours=1)  # a page that could not be read is tried again after this
CACHE_BUDGET_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class PageCard:
    """What a page says about itself in its head: the parts of a link card."""

    url: str  # the link as the post has it, with its scheme
    title: str = ""
    description: str = ""
    image_url: str = ""
    site_name: str = ""

    @property
    def empty(self) -> bool:
        return not (self.title or self.description or self.image_url)


@dataclass(frozen=True)
class CachedCard:
    """One cache entry: a card (with its picture file, if any), or a page that could not be read."""

    url: str
    card: PageCard | None  # None: the page could not be read or had nothing to show
    image_path: Path | None
    fetched_at: datetime
    problem: str = ""  # why there is no card ("timeout", "not_html", "http_404", ...): for the log

    def fresh(self, now: datetime) -> bool:
        return now - self.fetched_at < (FRESH_FOR if self.card is not None else RETRY_AFTER)


# --- which link ----------------------------------------------------------------------------------------------


def with_scheme(url: str) -> str:
    return url if re.match(r"(?i)^https?://", url) else "https://" + url


def card_links(text: str) -> list[str]:
    """Every link of the text, in order, with its scheme (bare domains get https://)."""
    return [with_scheme(e.value) for e in twitter_text.extract_urls(text)]


def card_link(network: str, text: str, links: Sequence[str] | None = None) -> str | None:
    """The link `network` builds its card from, or None. `links` saves finding them again per network."""
    record = networks.get(network)
    found = card_links(text) if links is None else list(links)
    if record.card_needs_scheme:
        typed = {with_scheme(e.value) for e in twitter_text.extract_urls(text, without_protocol=False)}
        found = [link for link in found if link in typed]
    if not found:
        return None
    return found[-1] if record.card_from == "last" else found[0]


# --- reading a page's head -----------------------------------------------------------------------------------


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8 in a page that says it is: almost always Windows-1252 (é as one byte)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("cp1252", errors="replace"), error.end


# A named error handler is the only way to decode with a fallback in linear time; registering is idempotent.
codecs.register_error("cm_desktop_cp1252", _cp1252_fallback)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.IGNORECASE)
# What browsers actually use for these labels (WHATWG Encoding): latin-1 and ascii pages are Windows-1252.
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252"}
_ALIASES |= {"ascii": "cp1252", "iso8859-1": "cp1252"}


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def charset_of(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Bytes to text as a browser would: BOM, then the HTTP header, then <meta charset>, then UTF-8.

    Never raises: bytes that do not fit the declared encoding become their Windows-1252 reading.
    """
    for bom, bom_codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")):
        if body.startswith(bom):
            return body[len(bom) :].decode(bom_codec, errors="replace")
    if body.startswith(codecs.BOM_UTF16_BE):
        return body[2:].decode("utf-16-be", errors="replace")
    name = _codec(charset_of(content_type))
    if name is None:
        sniffed = _META_CHARSET.search(body[:4096])
        name = _codec(sniffed.group(1).decode("ascii", errors="replace")) if sniffed else None
    if name is None or name.startswith(("utf-8", "utf-16")):
        # A page cannot be UTF-16 once its head was readable as ASCII to find the label: treat it as UTF-8.
        return body.decode("utf-8", errors="cm_desktop_cp1252")
    return body.decode(name, errors="replace")


class _HeadParser(HTMLParser):
    """Collects <meta> tags, <title> and <base> until the head ends."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.base = ""
        self.done = False
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or "").strip().lower()
            content = values.get("content")
            if key and content is not None and key not in self.meta:
                self.meta[key] = content
        elif tag == "title":
            self._in_title = True
        elif tag == "base" and not self.base:
            self.base = values.get("href", "")
        elif tag == "body":
            self.done = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "head":
            self.done = True

    def handle_data(self, data: str) -> None:
        if self._in_title and not self.done:
            self.title_parts.append(data)


def _clean(text: str, limit: int) -> str:
    # Some pages escape twice ("&amp;eacute;"): one more unescape is harmless on clean text.
    text = " ".join(html.unescape(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _absolute(url: str, base: str) -> str:
    url = url.strip()
    if not url:
        return ""
    if url.startswith("//"):
        url = (urlsplit(base).scheme or "https") + ":" + url
    joined = urljoin(base, url)
    return joined if urlsplit(joined).scheme in ("http", "https") else ""


def parse_card(page: str, link: str, page_url: str | None = None) -> PageCard:
    """The card for `link` from its page's HTML (only the head is read). `page_url`: where it was read."""
    parser = _HeadParser()
    # Feed in pieces so that a huge page stops being parsed as soon as the head is over.
    for start in range(0, len(page), 16_384):
        parser.feed(page[start : start + 16_384])
        if parser.done:
            break
    parser.close()
    meta = parser.meta
    base = _absolute(parser.base, page_url or link) or page_url or link

    def first(*keys: str) -> str:
        return next((meta[k] for k in keys if meta.get(k, "").strip()), "")

    title = first("og:title", "twitter:title") or "".join(parser.title_parts)
    image = first("og:image:secure_url", "og:image", "og:image:url", "twitter:image", "twitter:image:src")
    return PageCard(
        url=link,
        title=_clean(title, MAX_TITLE),
        description=_clean(first("og:description", "twitter:description", "description"), MAX_DESCRIPTION),
        image_url=_absolute(image, base),
        site_name=_clean(first("og:site_name"), MAX_TITLE),
    )


# --- the cache on disk ---------------------------------------------------------------------------------------


def _write_atomic(path: Path, data: bytes) -> None:
    temp = path.with_name(path.name + ".tmp")
    temp.write_bytes(data)
    os.replace(temp, path)


class LinkCardCache:
    """One JSON file (and one picture) per link, in a folder of the data folder; safe to delete at any time."""

    def __init__(self, folder: Path, budget_bytes: int = CACHE_BUDGET_BYTES) -> None:
        self.folder, self.budget_bytes = folder, budget_bytes

    def _key(self, url: str) -> str:
        return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]

    def get(self, url: str) -> CachedCard | None:
        path = self.folder / f"{self._key(url)}.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            card = PageCard(**raw["card"]) if raw.get("card") else None
            image = self.folder / raw["image"] if raw.get("image") else None
            fetched = datetime.fromisoformat(raw["fetched_at"])
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or damaged: fetched again
        if image is not None and not image.exists():
            image = None
        return CachedCard(url, card, image, fetched, str(raw.get("problem", "")))

    def put(
        self,
        url: str,
        card: PageCard | None,
        now: datetime,
        image: bytes | None = None,
        image_suffix: str = ".img",
        problem: str = "",
    ) -> CachedCard:
        self.folder.mkdir(parents=True, exist_ok=True)
        key = self._key(url)
        image_path = None
        if image:
            image_path = self.folder / f"{key}{image_suffix}"
            _write_atomic(image_path, image)
        entry = {
            "url": url,
            "card": asdict(card) if card is not None else None,
            "image": image_path.name if image_path is not None else None,
            "fetched_at": now.astimezone(UTC).isoformat(),
            "problem": problem,
        }
        _write_atomic(self.folder / f"{key}.json", json.dumps(entry, ensure_ascii=False).encode("utf-8"))
        self.prune()
        return CachedCard(url, card, image_path, now, problem)

    def prune(self) -> None:
        """Remove the oldest entries while the folder holds more than its budget."""
        try:
            files = [p for p in self.folder.iterdir() if p.is_file()]
        except OSError:
            return
        sizes = {p: p.stat().st_size for p in files}
        total = sum(sizes.values())
        if total <= self.budget_bytes:
            return
        for path in sorted(files, key=lambda p: p.stat().st_mtime):
            if total <= self.budget_bytes:
                break
            path.unlink(missing_ok=True)
            total -= sizes[path]
