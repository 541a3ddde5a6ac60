"""Account pictures, downloaded once into the data folder (never on the GUI thread)."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

AVATAR_MAX_BYTES = 2_000_000


def avatar_file(cache_dir: Path, url: str) -> Path:
    """Where the picture of ``url`` is kept (named by a hash of the address: any character is safe)."""
    return cache_dir / (hashlib.sha256(url.encode("utf-8")).hexdigest()[:32] + ".img")


def fetch_avatar(url: str, cache_dir: Path, *, transport: httpx.BaseTransport | None = None) -> Path | None:
    """The account's picture, downloaded once into the data folder; None when there is none or it fails.

    Never on the GUI thread. Only http(s) addresses, images of at most 2 MB.
    """
    if not url.startswith(("https://", "http://")):
        return None
    path = avatar_file(cache_dir, url)
    if path.is_file():
        return path
    import httpx

    from cm_desktop.networks.http import build_client

    try:
        with build_client(timeout=15.0, transport=transport) as client:
            with client.stream("GET", url, follow_redirects=True) as response:
                kind = response.headers.get("content-type", "")
                if response.status_code != 200 or not kind.startswith("image/"):
                    return None
                data = bytearray()
                for chunk in response.iter_bytes():
                    data.extend(chunk)
                    if len(data) > AVATAR_MAX_BYTES:
                        return None
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_bytes(bytes(data))
        partial.replace(path)
    except (httpx.HTTPError, OSError) as exc:
        log.info("avatar not fetched: %s", type(exc).__name__)
        return None
    return path
