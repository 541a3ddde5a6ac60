"""Error mapping of the Bluesky connector against an IMITATION server (httpx.MockTransport).

The real behaviour (ExpiredToken, RecordNotFound, 429, lexicon errors) is tested against the reference PDS
in tests/integration/test_bluesky_pds.py; here are only the failures the PDS cannot be made to produce:
HTML pages, proxies answering 502, timeouts, refused connections, a server echoing a token.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import httpx
import pytest

from cm_desktop.core.ports import (
    AuthExpired,
    NetworkError,
    NotSent,
    OutgoingPost,
    RateLimited,
    Refused,
    Unknown,
)
from cm_desktop.networks.bluesky import BlueskyConnector, Session, connect, new_tid
from cm_desktop.platform.secrets import Secrets

REF = "account:bluesky:unit"
SERVICE = "https://pds.example"
ACCESS = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkaWQ6cGxjOmFiYyJ9.c2lnbmF0dXJlLWFjY2Vzcw"
REFRESH = "eyJhbGciOiJIUzI1NiJ9.eyJzY29wZSI6InJlZnJlc2gifQ.c2lnbmF0dXJlLXJlZnJlc2g"
Handler = Callable[[httpx.Request], httpx.Response]


def make(handler: Handler) -> BlueskyConnector:
    secrets = Secrets()
    session = Session(
        did="did:plc:abc", handle="shop.example", service=SERVICE, access_jwt=ACCESS, refresh_jwt=REFRESH
    )
    secrets.set(REF, session.to_json())
    return BlueskyConnector(secrets, REF, transport=httpx.MockTransport(handler))


def post() -> OutgoingPost:
    return OutgoingPost(text="hello", idempotency_key=new_tid())


def html(status: int) -> Handler:
    return lambda request: httpx.Response(
        status, text="<html><body>Welcome!</body></html>", headers={"content-type": "text/html"}
    )


def test_html_instead_of_json_is_not_a_bluesky_server() -> None:
    with make(html(200)) as conn, pytest.raises(Refused) as caught:
        conn.publish(post())
    assert caught.value.code == "not_bluesky"
    assert "pds.example" in caught.value.message("fr")  # type: ignore[attr-defined]


def test_html_on_login_says_the_address_is_wrong() -> None:
    with pytest.raises(Refused) as caught:
        connect(
            "shop.example",
            "abcd-efgh-ijkl-mnop",
            secrets=Secrets(),
            secret_ref=REF,
            service_url="https://not-a-pds.example",
            transport=httpx.MockTransport(html(200)),
        )
    assert caught.value.code == "not_bluesky"


def test_proxy_502_page_is_transient() -> None:
    with make(html(502)) as conn, pytest.raises(Unknown):
        conn.publish(post())


@pytest.mark.parametrize(
    ("exc", "kind"),
    [
        (httpx.ReadTimeout("timed out"), Unknown),
        (httpx.RemoteProtocolError("eof"), Unknown),
        (httpx.ConnectError("refused"), NotSent),
        (httpx.ConnectTimeout("no answer to connect"), NotSent),
    ],
)
def test_network_failures_say_whether_the_request_may_have_left(exc: Exception, kind: type) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise exc

    with make(fail) as conn, pytest.raises(NetworkError) as caught:
        conn.publish(post())
    assert type(caught.value) is kind
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_429_gives_the_servers_reset_time() -> None:
    reset = 1_900_000_000
    answer = httpx.Response(
        429,
        json={"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"},
        headers={"ratelimit-limit": "5000", "ratelimit-remaining": "0", "ratelimit-reset": str(reset)},
    )
    with make(lambda request: answer) as conn, pytest.raises(RateLimited) as caught:
        conn.publish(post())
    assert caught.value.until == datetime.fromtimestamp(reset, UTC)


def test_invalid_request_is_permanent_with_the_servers_message() -> None:
    answer = httpx.Response(
        400, json={"error": "InvalidRequest", "message": "Record/text must not be longer than 300 graphemes"}
    )
    with make(lambda request: answer) as conn, pytest.raises(Refused) as caught:
        conn.publish(post())
    assert caught.value.server_reason == "Record/text must not be longer than 300 graphemes"


def test_refresh_that_cannot_reach_the_server_is_not_a_dead_login() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("refreshSession"):
            raise httpx.ConnectError("offline")
        return httpx.Response(400, json={"error": "ExpiredToken", "message": "Token has expired"})

    with make(handler) as conn, pytest.raises(NotSent) as caught:
        conn.publish(post())
    assert not isinstance(caught.value, AuthExpired)


def test_lookup_that_cannot_tell_is_transient() -> None:
    answer = httpx.Response(400, json={"error": "InvalidRequest", "message": "Could not find repo"})
    with make(lambda request: answer) as conn, pytest.raises(Unknown):
        conn.lookup(post())
    missing = httpx.Response(400, json={"error": "RecordNotFound", "message": "Could not locate record"})
    with make(lambda request: missing) as conn:
        assert conn.lookup(post()) is None


def test_a_token_echoed_by_the_server_never_reaches_the_message() -> None:
    answer = httpx.Response(400, json={"error": "InvalidRequest", "message": f"bad header Bearer {ACCESS}"})
    with make(lambda request: answer) as conn, pytest.raises(Refused) as caught:
        conn.publish(post())
    for text in (str(caught.value), caught.value.server_reason, repr(caught.value)):
        assert ACCESS not in text
        assert "eyJ" not in text


def test_session_repr_hides_tokens() -> None:
    session = Session(
        did="did:plc:abc", handle="h.example", service=SERVICE, access_jwt=ACCESS, refresh_jwt=REFRESH
    )
    assert ACCESS not in repr(session) and REFRESH not in repr(session)
    assert Session.from_json(session.to_json()) == session


def test_not_connected_asks_to_reconnect() -> None:
    with pytest.raises(AuthExpired) as caught:
        BlueskyConnector(Secrets(), "account:missing")
    assert caught.value.code == "not_connected"
