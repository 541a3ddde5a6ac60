"""The outbox sends the link card the composer showed (Bluesky builds none itself), against the real PDS.

The page is served by a real HTTP server on 127.0.0.1 acting as the web proxy, so the post holds an ordinary
address; the record is read back from the PDS and its thumbnail blob compared byte for byte.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from cm_desktop.core.outbox import Outbox, queue_post, targets
from cm_desktop.core.store import Store
from cm_desktop.networks.http import build_client
from cm_desktop.platform.secrets import Secrets
from cm_desktop.services.publishing import connector_factory, link_cards_for
from tests.integration.outbox_helpers import bluesky_account_store
from tests.local_http import QuietHandler, serving
from tests.pds_peer import PdsPeer

pytestmark = pytest.mark.pds

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<meta property="og:title" content="Galette des rois — Boulangerie Martin">
<meta property="og:description" content="Frangipane maison, fève en porcelaine 👑">
<meta property="og:image" content="/galette.png">
</head><body>…</body></html>""".encode()


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (600, 315), (214, 160, 60)).save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def web() -> Iterator[str]:
    picture = png()

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            if "boulangerie-martin.fr" not in self.path:
                self.send_error(404)
                return
            body, kind = (picture, "image/png") if self.path.endswith(".png") else (PAGE, "text/html")
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    with serving(Handler) as base:
        yield base


@pytest.fixture
def bluesky(pds: PdsPeer, tmp_path: Path) -> Iterator[tuple[Store, Secrets, int, str]]:
    found = bluesky_account_store(pds, tmp_path, "card")
    yield found
    found[0].close()


def record_of(pds: PdsPeer, did: str, rkey: str) -> dict[str, Any]:
    with build_client(pds.url) as http:
        response = http.get(
            "/xrpc/com.atproto.repo.getRecord",
            params={"repo": did, "collection": "app.bsky.feed.post", "rkey": rkey},
        )
        assert response.status_code == 200, response.text
        value: dict[str, Any] = response.json()["value"]
        return value


def blob(pds: PdsPeer, did: str, cid: str) -> bytes:
    with build_client(pds.url) as http:
        response = http.get("/xrpc/com.atproto.sync.getBlob", params={"did": did, "cid": cid})
        assert response.status_code == 200
        return response.content


def test_the_card_the_composer_showed_is_the_card_bluesky_gets(
    pds: PdsPeer, bluesky: tuple[Store, Secrets, int, str], web: str, tmp_path: Path
) -> None:
    store, secrets, account_id, did = bluesky
    now = datetime.now(UTC)
    text = "La galette est là 👑 http://boulangerie-martin.fr/galette #Lyon"
    post_id, _ = queue_post(store, text=text, account_ids=[account_id], when_utc=now, now=now)
    gone_id, _ = queue_post(
        store,
        text="Page absente http://ailleurs.example/rien",
        account_ids=[account_id],
        when_utc=now,
        now=now,
    )
    cards = link_cards_for(tmp_path / "cards", lambda: httpx.Client(proxy=web, timeout=5.0))
    outbox = Outbox(store, connector_factory(secrets), link_card_for=cards)
    outcomes = outbox.run()
    assert sorted(o.event for o in outcomes) == ["published", "published"]

    (sent,) = targets(store, post_id)
    embed = record_of(pds, did, sent.remote_id.rsplit("/", 1)[-1])["embed"]
    assert embed["$type"] == "app.bsky.embed.external"
    external = embed["external"]
    assert (external["uri"], external["title"], external["description"]) == (
        "http://boulangerie-martin.fr/galette",
        "Galette des rois — Boulangerie Martin",
        "Frangipane maison, fève en porcelaine 👑",
    )
    assert blob(pds, did, external["thumb"]["ref"]["$link"]) == png()

    # A page that cannot be read never holds the post back: it goes out as text.
    (plain,) = targets(store, gone_id)
    assert "embed" not in record_of(pds, did, plain.remote_id.rsplit("/", 1)[-1])
