"""OAuth for the desktop app: PKCE, state, the one-shot loopback listener, timeouts, copy-paste.

A small authorization server runs on 127.0.0.1 inside the test. Like Mastodon (Doorkeeper), it accepts any
port for a registered loopback redirect URI, binds the code to the PKCE S256 challenge and the exact
redirect_uri, checks the verifier at the token endpoint, refuses a reused code, and echoes `state` back.
The "browser" is an httpx client handed to the flow as its opener.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from cm_desktop.core.ports import Refused
from cm_desktop.networks.mastodon import SCOPES, MastodonConnector, MastodonLogin
from cm_desktop.networks.oauth import (
    OOB_REDIRECT_URI,
    LoopbackListener,
    OAuthBadCode,
    OAuthCancelled,
    OAuthDenied,
    OAuthStateMismatch,
    OAuthTimeout,
    authorize_with_loopback,
    build_authorize_url,
    clean_pasted_code,
    make_pkce,
    make_state,
    pkce_challenge,
)

# --- a local authorization server that checks what Mastodon checks ------------------------------------


@dataclass
class Grant:
    client_id: str
    redirect_uri: str
    challenge: str
    scope: str
    used: bool = False


@dataclass
class AuthServerState:
    base: str = ""
    apps: dict[str, dict[str, Any]] = field(default_factory=dict)
    grants: dict[str, Grant] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    authorize_requests: list[dict[str, str]] = field(default_factory=list)
    token_requests: list[dict[str, str]] = field(default_factory=list)
    discovery: bool = True


def _loopback_matches(registered: str, requested: str) -> bool:
    """RFC 8252 §7.3 as Doorkeeper does it: for a loopback IP, any port; everything else must be equal."""
    if registered == requested:
        return True
    reg, req = urlsplit(registered), urlsplit(requested)
    return (
        reg.scheme == req.scheme == "http"
        and reg.hostname == req.hostname == "127.0.0.1"
        and reg.path == req.path
        and reg.query == req.query
    )


class _AuthHandler(BaseHTTPRequestHandler):
    server: _AuthHttpServer

    def log_message(self, format: str, *args: object) -> None:
        return

    def _json(self, status: int, body: object) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _form(self) -> dict[str, str]:
        length = int(self.headers.get("Content-Length", "0"))
        return {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}

    def do_GET(self) -> None:
        state = self.server.state
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        if parts.path == "/.well-known/oauth-authorization-server":
            if not state.discovery:
                return self._json(404, {"error": "Not Found"})
            return self._json(
                200,
                {
                    "issuer": state.base + "/",
                    "authorization_endpoint": state.base + "/oauth/authorize",
                    "token_endpoint": state.base + "/oauth/token",
                    "revocation_endpoint": state.base + "/oauth/revoke",
                    "scopes_supported": [*SCOPES.split(), "read", "write"],
                    "response_types_supported": ["code"],
                    "code_challenge_methods_supported": ["S256"],
                },
            )
        if parts.path == "/oauth/authorize":
            state.authorize_requests.append(query)
            app = state.apps.get(query.get("client_id", ""))
            if app is None:
                return self._json(401, {"error": "invalid_client"})
            redirect_uri = query.get("redirect_uri", "")
            if not any(_loopback_matches(r, redirect_uri) for r in app["redirect_uris"]):
                return self._json(400, {"error": "invalid_redirect_uri"})
            if query.get("code_challenge_method") != "S256" or not query.get("code_challenge"):
                return self._json(400, {"error": "invalid_request"})
            if not set(query.get("scope", "").split()) <= set(app["scopes"].split()):
                return self._json(400, {"error": "invalid_scope"})
            # The person logs in and clicks "Authorise".
            code = secrets.token_urlsafe(16)
            state.grants[code] = Grant(
                app["client_id"], redirect_uri, query["code_challenge"], query["scope"]
            )
            if redirect_uri == OOB_REDIRECT_URI:
                body = f"<html><body><input value='{code}'></body></html>".encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return None
            self.send_response(302)
            self.send_header(
                "Location", redirect_uri + "?" + urlencode({"code": code, "state": query["state"]})
            )
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if parts.path == "/api/v1/accounts/verify_credentials":
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            if token not in state.tokens:
                return self._json(401, {"error": "The access token is invalid"})
            return self._json(200, {"id": "7", "username": "boulangerie", "display_name": "La Boulangerie"})
        return self._json(404, {"error": "Not Found"})

    def do_POST(self) -> None:
        state = self.server.state
        form = self._form()
        if self.path == "/api/v1/apps":
            client_id = secrets.token_urlsafe(8)
            state.apps[client_id] = {
                "client_id": client_id,
                "client_secret": secrets.token_urlsafe(8),
                "redirect_uris": form["redirect_uris"].split("\n"),
                "scopes": form["scopes"],
            }
            return self._json(200, state.apps[client_id])
        if self.path == "/oauth/token":
            state.token_requests.append(form)
            app = state.apps.get(form.get("client_id", ""))
            if app is None or app["client_secret"] != form.get("client_secret"):
                return self._json(401, {"error": "invalid_client"})
            grant = state.grants.get(form.get("code", ""))
            verifier = form.get("code_verifier", "")
            digest = (
                base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
            )
            if (
                grant is None
                or grant.used
                or grant.client_id != app["client_id"]
                or grant.redirect_uri != form.get("redirect_uri")
                or digest != grant.challenge
            ):
                return self._json(
                    400, {"error": "invalid_grant", "error_description": "The provided grant is invalid"}
                )
            grant.used = True
            token = secrets.token_urlsafe(16)
            state.tokens[token] = grant.scope
            return self._json(200, {"access_token": token, "token_type": "Bearer", "scope": grant.scope})
        return self._json(404, {"error": "Not Found"})


class _AuthHttpServer(ThreadingHTTPServer):
    daemon_threads = True
    state: AuthServerState


@pytest.fixture
def auth_server() -> Iterator[AuthServerState]:
    server = _AuthHttpServer(("127.0.0.1", 0), _AuthHandler)
    server.state = AuthServerState(base=f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server.state
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


class Browser:
    """Stands in for the person's browser: follows the server's redirect to our listener."""

    def __init__(self, *, tamper_state: bool = False, deny: bool = False) -> None:
        self.tamper_state = tamper_state
        self.deny = deny
        self.pages: list[httpx.Response] = []
        self.opened: list[str] = []

    def __call__(self, url: str) -> None:
        self.opened.append(url)
        with httpx.Client(timeout=5) as client:
            answer = client.get(url)
            if answer.status_code != 302:
                self.pages.append(answer)
                return
            location = httpx.URL(answer.headers["location"])
            if self.tamper_state:
                location = location.copy_set_param("state", "forged-by-someone-else")
            if self.deny:
                location = location.copy_remove_param("code").copy_set_param("error", "access_denied")
            self.pages.append(client.get(location))


# --- PKCE and state -----------------------------------------------------------------------------------


def test_pkce_s256_matches_the_rfc_7636_example() -> None:
    # RFC 7636 Appendix B.
    assert (
        pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
        == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    )


def test_pkce_verifiers_and_states_are_random_and_well_formed() -> None:
    pairs = [make_pkce() for _ in range(20)]
    assert len({p.verifier for p in pairs}) == 20
    for pair in pairs:
        assert 43 <= len(pair.verifier) <= 128 and pair.method == "S256"
        assert set(pair.verifier) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        assert pair.challenge == pkce_challenge(pair.verifier)
        assert pair.verifier not in repr(pair)
    assert len({make_state() for _ in range(20)}) == 20


def test_authorize_url_carries_challenge_and_state() -> None:
    pkce = make_pkce()
    url = build_authorize_url(
        "https://s.example/oauth/authorize",
        client_id="c",
        redirect_uri="r",
        scope="a b",
        state="st",
        pkce=pkce,
    )
    params = httpx.URL(url).params
    assert params["code_challenge"] == pkce.challenge and params["code_challenge_method"] == "S256"
    assert params["state"] == "st" and params["response_type"] == "code" and params["scope"] == "a b"
    assert pkce.verifier not in url


# --- the loopback flow against the local authorization server ------------------------------------------


def _register(
    state: AuthServerState, redirect_uris: str = "http://127.0.0.1/callback\n" + OOB_REDIRECT_URI
) -> dict[str, Any]:
    with httpx.Client() as client:
        answer = client.post(
            state.base + "/api/v1/apps", data={"redirect_uris": redirect_uris, "scopes": SCOPES}
        )
    return dict(answer.json())


def _url_builder(state: AuthServerState, app: dict[str, Any]) -> Any:
    def build(redirect_uri: str, st: str, pkce: Any) -> str:
        return build_authorize_url(
            state.base + "/oauth/authorize",
            client_id=app["client_id"],
            redirect_uri=redirect_uri,
            scope=SCOPES,
            state=st,
            pkce=pkce,
        )

    return build


def _exchange(
    state: AuthServerState, app: dict[str, Any], code: str, redirect_uri: str, verifier: str
) -> httpx.Response:
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri,
        "client_id": app["client_id"],
        "client_secret": app["client_secret"],
        "code_verifier": verifier,
    }
    with httpx.Client() as client:
        return client.post(state.base + "/oauth/token", data=form)


def test_loopback_flow_gets_a_code_that_the_server_accepts_with_the_verifier(
    auth_server: AuthServerState,
) -> None:
    app = _register(auth_server)
    browser = Browser()
    addresses: list[tuple[str, int]] = []
    auth = authorize_with_loopback(
        _url_builder(auth_server, app),
        browser,
        timeout=10,
        on_listening=lambda li: addresses.append(li.address),
    )

    # The listener was bound to the loopback IPv4 address only, on a port the system chose.
    host, port = addresses[0]
    assert host == "127.0.0.1" and port > 0
    assert auth.redirect_uri == f"http://127.0.0.1:{port}/callback"
    # The browser was shown the success page in both languages.
    page = browser.pages[-1]
    assert page.status_code == 200 and "You are connected" in page.text and "Vous êtes connecté" in page.text
    # The server checks PKCE: the right verifier works once.
    assert _exchange(auth_server, app, auth.code, auth.redirect_uri, auth.verifier).status_code == 200
    assert _exchange(auth_server, app, auth.code, auth.redirect_uri, auth.verifier).status_code == 400


def test_the_server_refuses_a_wrong_verifier(auth_server: AuthServerState) -> None:
    app = _register(auth_server)
    auth = authorize_with_loopback(_url_builder(auth_server, app), Browser(), timeout=10)
    wrong = make_pkce().verifier
    answer = _exchange(auth_server, app, auth.code, auth.redirect_uri, wrong)
    assert answer.status_code == 400 and answer.json()["error"] == "invalid_grant"


def test_the_listener_serves_one_redirect_then_refuses_connections(auth_server: AuthServerState) -> None:
    app = _register(auth_server)
    auth = authorize_with_loopback(_url_builder(auth_server, app), Browser(), timeout=10)
    with httpx.Client(timeout=2) as client, pytest.raises(httpx.ConnectError):
        client.get(auth.redirect_uri + "?code=again&state=x")


def test_the_listener_socket_is_ipv4_loopback_only() -> None:
    with LoopbackListener("s") as listener:
        host, port = listener.address
        assert host == "127.0.0.1"
        # Not reachable on another address of this machine (the wildcard is not bound).
        assert listener._server is not None and listener._server.socket.family == socket.AF_INET
        assert listener.redirect_uri == f"http://127.0.0.1:{port}/callback"


def test_a_wrong_state_is_refused_and_the_flow_says_so(auth_server: AuthServerState) -> None:
    app = _register(auth_server)
    browser = Browser(tamper_state=True)
    with pytest.raises(OAuthStateMismatch) as caught:
        authorize_with_loopback(_url_builder(auth_server, app), browser, timeout=10)
    page = browser.pages[-1]
    assert page.status_code == 400
    assert "Connection refused" in page.text and "Connexion refusée" in page.text
    assert "refusée pour votre sécurité" in caught.value.message("fr")


def test_access_denied_by_the_person(auth_server: AuthServerState) -> None:
    app = _register(auth_server)
    with pytest.raises(OAuthDenied):
        authorize_with_loopback(_url_builder(auth_server, app), Browser(deny=True), timeout=10)


def test_a_closed_browser_times_out_with_a_clear_message() -> None:
    opened: list[str] = []
    with pytest.raises(OAuthTimeout) as caught:
        authorize_with_loopback(
            lambda uri, st, pkce: f"https://s.example/?r={uri}", opened.append, timeout=0.2
        )
    assert opened
    assert "browser window may have been closed" in caught.value.message("en")
    assert "fenêtre du navigateur" in caught.value.message("fr")
    # The listener is gone after the timeout.
    port = httpx.URL(httpx.URL(opened[0]).params["r"]).port
    with httpx.Client(timeout=2) as client, pytest.raises(httpx.ConnectError):
        client.get(f"http://127.0.0.1:{port}/callback")


def test_stray_requests_do_not_consume_the_one_shot() -> None:
    with LoopbackListener("good") as listener:
        base = f"http://127.0.0.1:{listener.address[1]}"
        with httpx.Client(timeout=2) as client:
            assert client.get(base + "/favicon.ico").status_code == 404
            assert client.get(base + "/callback?code=abc&state=good").status_code == 200
        assert listener.wait(1) == "abc"


def test_cancel_stops_waiting() -> None:
    def open_browser(url: str) -> None:
        return None

    with pytest.raises(OAuthCancelled):
        authorize_with_loopback(
            lambda uri, st, pkce: "https://s.example/",
            open_browser,
            timeout=10,
            on_listening=lambda listener: threading.Timer(0.05, listener.cancel).start(),
        )


# --- copy-paste fallback ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pasted", "code"),
    [
        ("  abc123\n", "abc123"),
        ("abc 123", "abc123"),
        ("http://127.0.0.1:5/callback?code=xyz&state=s", "xyz"),
    ],
)
def test_pasted_codes_are_cleaned(pasted: str, code: str) -> None:
    assert clean_pasted_code(pasted) == code


@pytest.mark.parametrize("pasted", ["", "   ", "x" * 600])
def test_bad_pasted_codes_are_refused_with_a_message(pasted: str) -> None:
    with pytest.raises(OAuthBadCode) as caught:
        clean_pasted_code(pasted)
    assert "paste the code" in caught.value.message("en")


# --- Mastodon login end to end against the local authorization server -----------------------------------


def test_mastodon_login_loopback_flow_end_to_end(auth_server: AuthServerState) -> None:
    browser = Browser()
    with MastodonLogin(auth_server.base) as login:
        app = login.register_app()
        info = login.discover()
        assert login.choose_flow(info, app) == "loopback"
        token = login.login_in_browser(app, info, browser, timeout=10, lang="fr")
    request = auth_server.authorize_requests[-1]
    assert request["redirect_uri"].startswith("http://127.0.0.1:") and request["lang"] == "fr"
    assert request["scope"] == SCOPES
    assert auth_server.token_requests[-1]["code_verifier"]  # PKCE sent to the token endpoint
    with MastodonConnector(auth_server.base, token) as connector:
        assert connector.verify().handle == f"@boulangerie@{httpx.URL(auth_server.base).netloc.decode()}"


def test_mastodon_login_copy_paste_flow_on_an_older_server(auth_server: AuthServerState) -> None:
    auth_server.discovery = False  # before Mastodon 4.3: no discovery document
    with MastodonLogin(auth_server.base) as login:
        app = login.register_app()
        info = login.discover()
        assert login.choose_flow(info, app) == "copy_paste"
        attempt = login.start_copy_paste(app, info)
        page = httpx.get(attempt.url)  # the person reads the code on the server's page
        code = page.text.split("value='")[1].split("'")[0]
        token = login.exchange_code(app, info, attempt.finish(f"  {code}\n"))
    assert token in auth_server.tokens


def test_mastodon_token_exchange_with_a_wrong_code_is_permanent(auth_server: AuthServerState) -> None:
    with MastodonLogin(auth_server.base) as login:
        app = login.register_app()
        info = login.discover()
        attempt = login.start_copy_paste(app, info)
        with pytest.raises(Refused) as caught:
            login.exchange_code(app, info, attempt.finish("not-a-code"))
    assert caught.value.code == "refused" and "invalid_grant" in caught.value.server_reason
