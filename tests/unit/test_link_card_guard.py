"""A page cannot send the app to private addresses, and a compressed page cannot blow up in memory.

Real HTTP servers on loopback addresses (127.0.0.1 and 127.0.0.2, both ours). The default policy refuses
loopback outright; the tests that need a page to load use a policy that lets exactly one of the two
addresses pass, so the other one plays the part of the person's router or a local service.
"""

from __future__ import annotations

import gzip
import ipaddress
import tracemalloc
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from cm_desktop.core.link_card import LinkCardCache
from cm_desktop.networks.link_preview import (
    MAX_PAGE_BYTES,
    Address,
    FetchProblem,
    LinkPreviewFetcher,
    fetch_card,
    guarded_client,
    public_only,
)
from tests.local_http import QuietHandler

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2a5e1b20000000049454e44ae426082"
)


class Recorder:
    def __init__(self) -> None:
        self.requests: list[str] = []
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}


def _serve(host: str, recorder: Recorder) -> tuple[ThreadingHTTPServer, str]:
    import threading

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            recorder.requests.append(self.path)
            status, headers, body = recorder.routes.get(self.path, (404, {}, b""))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = ThreadingHTTPServer((host, 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}"


@pytest.fixture
def two_hosts() -> Iterator[tuple[Recorder, str, Recorder, str]]:
    """The page's server on 127.0.0.1 ("the internet") and another on 127.0.0.2 ("the router")."""
    page, inside = Recorder(), Recorder()
    page_server, page_base = _serve("127.0.0.1", page)
    inside_server, inside_base = _serve("127.0.0.2", inside)
    try:
        yield page, page_base, inside, inside_base
    finally:
        for server in (page_server, inside_server):
            server.shutdown()
            server.server_close()


def only_127_0_0_1(address: Address) -> bool:
    return address == ipaddress.ip_address("127.0.0.1")


def _html(image: str) -> bytes:
    return (
        '<html><head><meta property="og:title" content="Galette des rois">'
        f'<meta property="og:image" content="{image}"></head></html>'
    ).encode()


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "10.0.0.8", "172.16.4.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
        "224.0.0.251", "::1", "fe80::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:192.168.1.1",
    ],
)  # fmt: skip
def test_the_default_policy_refuses_every_non_public_address(address: str) -> None:
    assert public_only(ipaddress.ip_address(address)) is False


@pytest.mark.parametrize("address", ["8.8.8.8", "151.101.1.140", "2001:4860:4860::8888", "2a00:1450::1"])
def test_the_default_policy_allows_public_addresses(address: str) -> None:
    assert public_only(ipaddress.ip_address(address)) is True


def test_the_default_client_reaches_no_loopback_page_by_address_or_by_name(
    two_hosts: tuple[Recorder, str, Recorder, str], tmp_path: Path
) -> None:
    page, page_base, _inside, _ = two_hosts
    page.routes["/galette"] = (200, {"Content-Type": "text/html"}, _html("/p.png"))
    port = page_base.rsplit(":", 1)[1]
    fetcher = LinkPreviewFetcher(LinkCardCache(tmp_path / "cards"))  # the app's own default client
    for link in (f"{page_base}/galette", f"http://localhost:{port}/galette"):
        found = fetcher.card_for(link)
        assert found.card is None and found.problem == "not_public"
    fetcher.close()
    assert page.requests == []  # not a single byte reached the server


def test_a_picture_on_a_private_address_is_not_fetched(
    two_hosts: tuple[Recorder, str, Recorder, str],
) -> None:
    page, page_base, inside, inside_base = two_hosts
    page.routes["/galette"] = (200, {"Content-Type": "text/html"}, _html(f"{inside_base}/admin/camera.png"))
    inside.routes["/admin/camera.png"] = (200, {"Content-Type": "image/png"}, PNG)
    with guarded_client(only_127_0_0_1) as client:
        fetched = fetch_card(client, f"{page_base}/galette")
    assert fetched.card.title == "Galette des rois"  # the card stays, without the picture
    assert fetched.image is None
    assert inside.requests == []


def test_a_redirect_to_a_private_address_is_not_followed(
    two_hosts: tuple[Recorder, str, Recorder, str],
) -> None:
    page, page_base, inside, inside_base = two_hosts
    page.routes["/short"] = (302, {"Location": f"{inside_base}/status"}, b"")
    inside.routes["/status"] = (200, {"Content-Type": "text/html"}, _html("/p.png"))
    with guarded_client(only_127_0_0_1) as client, pytest.raises(FetchProblem) as problem:
        fetch_card(client, f"{page_base}/short")
    assert problem.value.code == "not_public"
    assert page.requests == ["/short"] and inside.requests == []


def test_the_guarded_client_still_fetches_what_the_policy_allows(
    two_hosts: tuple[Recorder, str, Recorder, str],
) -> None:
    page, page_base, _inside, _ = two_hosts
    page.routes["/galette"] = (200, {"Content-Type": "text/html"}, _html("/p.png"))
    page.routes["/p.png"] = (200, {"Content-Type": "image/png"}, PNG)
    with guarded_client(only_127_0_0_1) as client:
        fetched = fetch_card(client, f"{page_base}/galette")
    assert fetched.image == PNG


def _bomb(size: int) -> bytes:
    return gzip.compress(b"\0" * size, compresslevel=9)


def test_a_gzip_bomb_is_cut_while_it_is_being_decompressed(
    two_hosts: tuple[Recorder, str, Recorder, str],
) -> None:
    page, page_base, _inside, _ = two_hosts
    head = b"<html><head><title>Galette</title>"
    page_bomb = gzip.compress(head + b" " * 200_000_000, compresslevel=9)  # ~200 KB on the wire
    assert len(page_bomb) < 300_000
    page.routes["/bomb"] = (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, page_bomb)
    picture_bomb = _bomb(200_000_000)
    page.routes["/bomb-picture"] = (200, {"Content-Type": "text/html"}, _html("/p.png"))
    page.routes["/p.png"] = (200, {"Content-Type": "image/png", "Content-Encoding": "gzip"}, picture_bomb)
    tracemalloc.start()
    try:
        with guarded_client(only_127_0_0_1) as client:
            fetched = fetch_card(client, f"{page_base}/bomb-picture")
            assert fetched.image is None  # too big once decompressed: no picture, the card stays
            page_card = fetch_card(client, f"{page_base}/bomb")  # read up to the cap: the head is there
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert page_card.card.title == "Galette"
    assert peak < 8 * MAX_PAGE_BYTES + 12_000_000, f"peak {peak / 1e6:.0f} MB"
