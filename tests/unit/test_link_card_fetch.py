"""Fetching link cards from a real HTTP server on 127.0.0.1 (http.server in a thread), through httpx.

Redirects, a huge page, a head too big to read, non-HTML, error statuses, a stalled server and a slow drip,
broken encodings, pictures that are too big or not pictures, and what the cache keeps.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import httpx
import pytest

from cm_desktop.core.link_card import LinkCardCache
from cm_desktop.networks.http import build_client
from cm_desktop.networks.link_preview import (
    BLUESKY_THUMB_BYTES,
    MAX_IMAGE_BYTES,
    FetchProblem,
    LinkPreviewFetcher,
    bluesky_link_card,
    fetch_card,
)
from tests.local_http import QuietHandler, serving

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2a5e1b20000000049454e44ae426082"
)
HEAD = (
    '<html><head><meta charset="utf-8"><title>Galette</title>'
    '<meta property="og:title" content="Galette des rois">'
    '<meta property="og:description" content="Frangipane maison, pâte feuilletée pur beurre.">'
    '<meta property="og:image" content="/pictures/galette.png"></head>'
)


class Site:
    """What the server answers, per path; counts what it sent so tests see where the client stopped."""

    def __init__(self) -> None:
        self.routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {}
        self.sent: dict[str, int] = {}
        self.requests: list[str] = []

    def page(self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8") -> None:
        def answer(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(200)
            handler.send_header("Content-Type", content_type)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)

        self.routes[path] = answer

    def redirect(self, path: str, location: str, status: int = 301) -> None:
        def answer(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(status)
            handler.send_header("Location", location)
            handler.send_header("Content-Length", "0")
            handler.end_headers()

        self.routes[path] = answer


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    state = Site()

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            state.requests.append(self.path)
            route = state.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            try:
                route(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading: that is the point of some tests

    with serving(Handler) as base:
        yield state, base


def client(timeout: float = 5.0) -> httpx.Client:
    return build_client(timeout=httpx.Timeout(timeout))


def test_a_page_with_its_picture(site: tuple[Site, str]) -> None:
    state, base = site
    state.page("/galette", HEAD.encode() + b"<body>...</body></html>")
    state.page("/pictures/galette.png", PNG, "image/png")
    with client() as c:
        fetched = fetch_card(c, f"{base}/galette")
    assert fetched.card.title == "Galette des rois"
    assert fetched.card.description == "Frangipane maison, pâte feuilletée pur beurre."
    assert fetched.card.image_url == f"{base}/pictures/galette.png"
    assert fetched.image == PNG and fetched.image_type == "image/png"


def test_redirects_are_followed_relative_ones_too_and_loops_end(site: tuple[Site, str]) -> None:
    state, base = site
    state.redirect("/old", "/middle", 301)
    state.redirect("/middle", f"{base}/new", 302)
    state.page("/new", HEAD.encode())
    state.page("/pictures/galette.png", PNG, "image/png")
    state.redirect("/loop", "/loop", 307)
    with client() as c:
        fetched = fetch_card(c, f"{base}/old")
        assert fetched.card.url == f"{base}/old"  # the card keeps the link as written in the post
        assert fetched.card.image_url == f"{base}/pictures/galette.png"
        with pytest.raises(FetchProblem) as loop:
            fetch_card(c, f"{base}/loop")
    assert loop.value.code == "too_many_redirects"
    assert state.requests.count("/loop") == 6


def test_a_huge_page_is_read_only_to_the_end_of_its_head(site: tuple[Site, str]) -> None:
    state, base = site
    total = 50 * 1024 * 1024

    def huge(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(len(HEAD) + total))
        handler.end_headers()
        handler.wfile.write(HEAD.encode())
        sent = len(HEAD)
        state.sent["/huge"] = sent
        chunk = b"<p>" + b"x" * 65_530 + b"</p>"
        while sent < total:
            handler.wfile.write(chunk)
            sent += len(chunk)
            state.sent["/huge"] = sent

    state.routes["/huge"] = huge
    with client() as c:
        fetched = fetch_card(c, f"{base}/huge")
    assert fetched.card.title == "Galette des rois"
    assert state.sent["/huge"] < total  # the client hung up long before the end


def test_a_head_bigger_than_the_cap_gives_no_card(site: tuple[Site, str]) -> None:
    state, base = site
    script = "<script>" + "var a = 1;" * 100_000 + "</script>"  # 1 MB of script before the tags
    state.page("/bloated", f"<html><head>{script}{HEAD[12:]}".encode())
    with client() as c, pytest.raises(FetchProblem) as problem:
        fetch_card(c, f"{base}/bloated")
    assert problem.value.code == "no_card"


@pytest.mark.parametrize(
    ("path", "content_type", "code"),
    [("/file.pdf", "application/pdf", "not_html"), ("/data.json", "application/json", "not_html")],
)
def test_non_html_is_not_read(site: tuple[Site, str], path: str, content_type: str, code: str) -> None:
    state, base = site
    state.page(path, b"%PDF-1.7" + b"\0" * 1000, content_type)
    with client() as c, pytest.raises(FetchProblem) as problem:
        fetch_card(c, base + path)
    assert problem.value.code == code


def test_error_statuses(site: tuple[Site, str]) -> None:
    _, base = site
    with client() as c, pytest.raises(FetchProblem) as problem:
        fetch_card(c, f"{base}/missing")
    assert problem.value.code == "http_404"


def test_a_stalled_server_times_out(site: tuple[Site, str]) -> None:
    state, base = site

    def stall(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        handler.wfile.flush()
        time.sleep(2)

    state.routes["/stall"] = stall
    with client(timeout=0.3) as c, pytest.raises(FetchProblem) as problem:
        fetch_card(c, f"{base}/stall")
    assert problem.value.code == "timeout"


def test_a_slow_drip_hits_the_deadline(site: tuple[Site, str]) -> None:
    state, base = site

    def drip(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        for _ in range(40):  # each byte comes within the read timeout; the whole never ends
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(0.05)

    state.routes["/drip"] = drip
    with client() as c, pytest.raises(FetchProblem) as problem:
        fetch_card(c, f"{base}/drip", deadline_seconds=0.5)
    assert problem.value.code == "timeout"


def test_broken_encoding_is_read_as_a_browser_would(site: tuple[Site, str]) -> None:
    state, base = site
    body = "<head><title>Crème brûlée ".encode() + "à emporter".encode("cp1252") + b"</title></head>"
    state.page("/broken", body, "text/html; charset=utf-8")
    state.page(
        "/latin",
        "<head><title>Café de l'été</title></head>".encode("latin-1"),
        "text/html; charset=iso-8859-1",
    )
    state.page(
        "/nocharset", '<head><meta charset="windows-1252"><title>Œuf</title>'.encode("cp1252"), "text/html"
    )
    with client() as c:
        assert fetch_card(c, f"{base}/broken").card.title == "Crème brûlée à emporter"
        assert fetch_card(c, f"{base}/latin").card.title == "Café de l'été"
        assert fetch_card(c, f"{base}/nocharset").card.title == "Œuf"


def test_pictures_that_are_too_big_or_not_pictures_leave_a_card_without_picture(
    site: tuple[Site, str],
) -> None:
    state, base = site
    state.page("/big", HEAD.replace("/pictures/galette.png", "/big.png").encode())
    state.page("/big.png", b"\x89PNG" + b"\0" * (MAX_IMAGE_BYTES + 10), "image/png")
    state.page("/html-picture", HEAD.replace("/pictures/galette.png", "/page").encode())
    state.page("/page", b"<html>not a picture</html>")
    with client() as c:
        big = fetch_card(c, f"{base}/big")
        not_picture = fetch_card(c, f"{base}/html-picture")
    assert big.card.title == not_picture.card.title == "Galette des rois"
    assert big.image is None and not_picture.image is None


def test_fetcher_caches_results_and_failures_and_keeps_a_card_it_had(
    site: tuple[Site, str], tmp_path: Path
) -> None:
    state, base = site
    state.page("/galette", HEAD.encode())
    state.page("/pictures/galette.png", PNG, "image/png")
    clock = [datetime(2027, 1, 6, 9, tzinfo=UTC)]
    fetcher = LinkPreviewFetcher(LinkCardCache(tmp_path / "cards"), client, now=lambda: clock[0])
    try:
        first = fetcher.card_for(f"{base}/galette")
        assert first.card is not None and first.card.title == "Galette des rois"
        assert first.image_path is not None and first.image_path.read_bytes() == PNG
        asked = len(state.requests)
        assert fetcher.card_for(f"{base}/galette") == first  # from the cache: no request
        assert len(state.requests) == asked
        # A week later the page is gone: the card we had is kept rather than lost.
        clock[0] += timedelta(days=8)
        del state.routes["/galette"]
        assert fetcher.card_for(f"{base}/galette").card == first.card
        # A page that fails is remembered for a while, not asked again on every keystroke.
        failed = fetcher.card_for(f"{base}/nothing")
        assert failed.card is None and failed.problem == "http_404"
        asked = len(state.requests)
        assert fetcher.card_for(f"{base}/nothing").card is None
        assert len(state.requests) == asked
        assert fetcher.card_for(f"{base}/nothing", refresh_failures=True).card is None
        assert len(state.requests) == asked + 1
    finally:
        fetcher.close()
    # What Bluesky will be sent: the same title and description, the picture as the thumb.
    card = bluesky_link_card(first)
    assert card is not None and card.uri == f"{base}/galette" and card.title == "Galette des rois"
    assert card.thumb is not None and card.thumb.mime_type == "image/png"
    assert first.image_path is not None and first.image_path.stat().st_size <= BLUESKY_THUMB_BYTES
    assert bluesky_link_card(failed) is None
