"""The Mastodon connector's own logic: server names, fingerprints, error mapping, retries and scheduling.

Answers here are hand-made with httpx.MockTransport (shapes follow the recorded cassettes); real recorded
traffic is replayed in test_mastodon_replay.py and whole flows run against an imitation server in
tests/integration/test_mastodon_mock.py.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from cm_desktop.core.ports import (
    AuthExpired,
    NetworkError,
    NotSent,
    OutgoingImage,
    OutgoingPost,
    Publisher,
    PublishResult,
    RateLimited,
    Refused,
    Unknown,
)
from cm_desktop.networks.mastodon import (
    SCOPES,
    TEXTS,
    AppRegistration,
    MastodonConnector,
    MastodonLogin,
    OAuthServerInfo,
    ServerNameError,
    app_secret_ref,
    earlier_apps_ref,
    earlier_registrations,
    ensure_app,
    fingerprint,
    fingerprint_html,
    html_to_text,
    normalise_server,
    parse_limits,
    parse_response,
)
from cm_desktop.networks.oauth import AuthorizationCode
from cm_desktop.platform.secrets import Secrets

SERVER = "https://social.example"
TOKEN = "secret-token-123"
NOW = datetime(2026, 8, 1, 12, 0, tzinfo=UTC)

Handler = Callable[[httpx.Request], httpx.Response]


def connector(handler: Handler) -> MastodonConnector:
    return MastodonConnector(SERVER, TOKEN, transport=httpx.MockTransport(handler), now=lambda: NOW)


def status_json(status_id: str = "1", content: str = "<p>Hello</p>", **extra: object) -> dict[str, object]:
    return {"id": status_id, "url": f"{SERVER}/@me/{status_id}", "content": content, **extra}


def json_response(status: int, body: object, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


# --- server names ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("mastodon.social", "https://mastodon.social"),
        ("  Mastodon.Social  ", "https://mastodon.social"),
        ("@me@server.tld", "https://server.tld"),
        ("me@Server.TLD", "https://server.tld"),
        ("https://server.tld/@me", "https://server.tld"),
        ("HTTPS://Server.tld:443/@me?tab=posts", "https://server.tld"),
        ("server.tld:8443", "https://server.tld:8443"),
        ("mastodon. social", "https://mastodon.social"),
        ("http://server.tld", "https://server.tld"),  # never plain http to a real server
        ("http://localhost:3000", "http://localhost:3000"),  # a test server on this computer
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
        ("société.example", "https://xn--socit-esab.example"),
    ],
)
def test_server_names_people_type_are_normalised(typed: str, expected: str) -> None:
    assert normalise_server(typed) == expected


@pytest.mark.parametrize("typed", ["foo", "@me", "ftp://x.org", "a..b", "x.org:99999", "-a.com", "https://"])
def test_invalid_server_names_explain_how_to_type_them(typed: str) -> None:
    with pytest.raises(ServerNameError) as caught:
        normalise_server(typed)
    assert typed.strip() in caught.value.message("en")
    assert "mastodon.social" in caught.value.message("fr")


def test_an_empty_server_name_asks_for_one() -> None:
    with pytest.raises(ServerNameError) as caught:
        normalise_server("   ")
    assert caught.value.message("en").startswith("Type the address")
    assert caught.value.message("fr").startswith("Saisissez l'adresse")


def test_every_error_text_exists_in_both_languages() -> None:
    for code, text in TEXTS.items():
        assert text.en and text.fr and text.en != text.fr, code
        assert ("{reason}" in text.en) == ("{reason}" in text.fr), code


# --- fingerprints -------------------------------------------------------------------------------------


def test_fingerprint_survives_mastodon_html_rendering() -> None:
    text = "Bonjour @bob@example.org !\n\nNouveau : https://example.com/une/longue/page #Boulangerie"
    content = (
        '<p>Bonjour <span class="h-card"><a href="https://example.org/@bob" class="u-url mention">'
        "@<span>bob</span></a></span> !</p><p>Nouveau : "
        '<a href="https://example.com/une/longue/page" rel="nofollow noopener" target="_blank">'
        '<span class="invisible">https://</span><span class="ellipsis">example.com/une/longue</span>'
        '<span class="invisible">/page</span></a> <a href="https://social.example/tags/boulangerie" '
        'class="mention hashtag" rel="tag">#<span>Boulangerie</span></a></p>'
    )
    assert fingerprint_html(content) == fingerprint(text)
    assert fingerprint("Autre texte") != fingerprint(text)


def test_html_to_text_unescapes_entities_and_keeps_line_breaks() -> None:
    assert html_to_text("<p>a &lt; b &amp; c<br />d</p>").split() == ["a", "<", "b", "&", "c", "d"]
    assert fingerprint_html("<p>a &lt; b</p>") == fingerprint("a < b")


# --- error mapping ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "body", "cls", "code"),
    [
        (401, {"error": "The access token is invalid"}, AuthExpired, "auth_expired"),
        (403, {"error": "Your login is currently disabled"}, AuthExpired, "suspended"),
        (404, {"error": "Record not found"}, Refused, "not_found"),
        (422, {"error": "Validation failed: Text is too long"}, Refused, "refused"),
        (413, {"error": "File too large"}, Refused, "too_large"),
        (500, {"error": "An unexpected error occurred"}, Unknown, "server_error"),
        (502, None, Unknown, "server_error"),
        (503, {"error": "Service temporarily unavailable"}, Unknown, "server_error"),
    ],
)
def test_statuses_map_to_error_classes(status: int, body: object, cls: type[Exception], code: str) -> None:
    response = (
        httpx.Response(status, json=body) if body is not None else httpx.Response(status, text="<html>")
    )
    with pytest.raises(cls) as caught:
        parse_response(response)
    assert getattr(caught.value, "code", "") == code
    if isinstance(body, dict):
        assert caught.value.server_reason == body["error"]  # type: ignore[attr-defined]


def test_403_tells_the_person_the_account_is_suspended_or_access_withdrawn() -> None:
    with pytest.raises(AuthExpired) as caught:
        parse_response(httpx.Response(403, json={"error": "anything, in any language"}))
    assert "suspended or the access was withdrawn" in caught.value.message("en")
    assert "suspendu" in caught.value.message("fr")


def test_429_waits_until_x_ratelimit_reset() -> None:
    response = httpx.Response(
        429, json={"error": "Too many requests"}, headers={"X-RateLimit-Reset": "2026-08-01T12:05:00.000Z"}
    )
    with pytest.raises(RateLimited) as caught:
        parse_response(response)
    assert caught.value.until == datetime(2026, 8, 1, 12, 5, tzinfo=UTC)


@pytest.mark.parametrize("status", [200, 404])
def test_a_web_page_instead_of_json_is_not_a_mastodon_server(status: int) -> None:
    page = httpx.Response(
        status, text="<!doctype html><html>Welcome</html>", headers={"content-type": "text/html"}
    )
    with pytest.raises(Refused) as caught:
        parse_response(page)
    assert caught.value.code == "not_mastodon"
    assert caught.value.message("en").startswith("This address is not a Mastodon server")


def test_limits_on_a_web_site_says_it_is_not_mastodon() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, text="<html>Not here</html>", headers={"content-type": "text/html"})

    with connector(handler) as c, pytest.raises(Refused) as caught:
        c.limits()
    assert caught.value.code == "not_mastodon"


def _raiser(exc: Exception) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    return handler


def _connect_error(cause: BaseException) -> httpx.ConnectError:
    error = httpx.ConnectError("failed")
    error.__cause__ = cause
    return error


@pytest.mark.parametrize(
    ("exc", "kind", "code"),
    [
        (_connect_error(socket.gaierror(-2, "Name or service not known")), NotSent, "unknown_host"),
        (_connect_error(ConnectionRefusedError(111, "Connection refused")), NotSent, "cannot_connect"),
        (_connect_error(ssl.SSLCertVerificationError("certificate verify failed")), NotSent, "tls"),
        (httpx.ConnectTimeout("timed out"), NotSent, "cannot_connect"),
        (httpx.ReadTimeout("timed out"), Unknown, "timeout"),
        (httpx.ReadError("connection reset by peer"), Unknown, "connection_lost"),
        (httpx.RemoteProtocolError("server disconnected"), Unknown, "connection_lost"),
    ],
)
def test_network_failures_say_whether_the_request_may_have_left(
    exc: Exception, kind: type[Exception], code: str
) -> None:
    """No connection made: NotSent (safe to retry, nothing to look up); anything later: Unknown."""
    with connector(_raiser(exc)) as c, pytest.raises(NetworkError) as caught:
        c.verify()
    assert type(caught.value) is kind
    assert caught.value.code == code
    assert caught.value.__cause__ is None  # the httpx error holds the request and its Authorization header
    assert caught.value.message("fr") == TEXTS[code].fr


def test_unknown_host_for_real_is_not_sent() -> None:
    """A real DNS lookup of a reserved name that never exists (RFC 2606): the request never left."""
    with MastodonConnector("https://no-such-server.invalid", TOKEN) as c, pytest.raises(NotSent) as caught:
        c.verify()
    assert caught.value.code in ("unknown_host", "cannot_connect")


def test_the_token_is_never_in_an_error_or_a_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    seen: list[str] = []
    for status in (401, 403, 404, 422, 429, 500):

        def handler(request: httpx.Request, status: int = status) -> httpx.Response:
            return json_response(status, {"error": f"bad token {request.headers['authorization']}"})

        with connector(handler) as c, pytest.raises(Exception) as caught:
            c.verify()
        seen += [str(caught.value), repr(caught.value), repr(c)]
    with connector(_raiser(httpx.ReadError("reset"))) as c, pytest.raises(Unknown) as caught:
        c.verify()
    seen.append(str(caught.value))
    assert not [s for s in seen if TOKEN in s and "bad token" not in s]
    assert TOKEN not in caplog.text


# --- publishing ---------------------------------------------------------------------------------------


def test_idempotency_key_is_identical_across_two_attempts_of_the_same_target() -> None:
    """First attempt: the connection drops after sending; second attempt: the server answers."""
    keys: list[str | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        keys.append(request.headers.get("Idempotency-Key"))
        if len(keys) == 1:
            raise httpx.ReadError("connection reset by peer")
        return json_response(200, status_json("42"))

    post = OutgoingPost(text="Hello", idempotency_key="0190f5b2-target-7")
    with connector(handler) as c:
        with pytest.raises(Unknown):
            c.publish(post)
        result = c.publish(post)
    assert keys == ["0190f5b2-target-7", "0190f5b2-target-7"]
    assert result == PublishResult(remote_id="42", url=f"{SERVER}/@me/42")


def test_scheduled_at_at_least_five_minutes_ahead_is_sent_and_gives_a_scheduled_result() -> None:
    sent: list[httpx.QueryParams] = []

    def handler(request: httpx.Request) -> httpx.Response:
        form = httpx.QueryParams(request.content.decode())
        sent.append(form)
        return json_response(
            200, {"id": "7", "scheduled_at": form["scheduled_at"], "params": {"text": form["status"]}}
        )

    when = NOW + timedelta(hours=2)
    with connector(handler) as c:
        result = c.publish(OutgoingPost(text="Later", idempotency_key="k", scheduled_at=when))
    assert sent[0]["scheduled_at"] == "2026-08-01T14:00:00.000Z"
    assert result.scheduled and result.remote_id == "7" and result.url == ""
    assert result.extra["scheduled_at"] == "2026-08-01T14:00:00.000Z"


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        (timedelta(minutes=4, seconds=59), None),  # too near: published now (the outbox held it till due)
        (timedelta(minutes=5), "2026-08-01T12:05:15.000Z"),  # a few seconds later rather than refused
        (timedelta(minutes=30), "2026-08-01T12:30:00.000Z"),
    ],
)
def test_native_scheduling_threshold(lead: timedelta, expected: str | None) -> None:
    sent: list[httpx.QueryParams] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(httpx.QueryParams(request.content.decode()))
        return json_response(200, status_json())

    with connector(handler) as c:
        c.publish(OutgoingPost(text="x", idempotency_key="k", scheduled_at=NOW + lead))
    assert sent[0].get("scheduled_at") == expected


def test_naive_schedule_times_are_refused() -> None:
    with connector(lambda r: json_response(200, status_json())) as c, pytest.raises(ValueError):
        c.publish(OutgoingPost(text="x", idempotency_key="k", scheduled_at=datetime(2030, 1, 1)))


def test_update_schedule_and_cancel() -> None:
    calls: list[tuple[str, str, str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append((request.method, request.url.path, request.content.decode()))
        if request.method == "DELETE":
            return json_response(200, {})
        form = httpx.QueryParams(request.content.decode())
        return json_response(200, {"id": "7", "scheduled_at": form["scheduled_at"], "params": {}})

    with connector(handler) as c:
        result = c.update_schedule("7", NOW + timedelta(days=1))
        c.cancel_schedule("7")
        c.delete("7", scheduled=True)
    assert result.scheduled and result.extra["scheduled_at"] == "2026-08-02T12:00:00.000Z"
    assert calls[0][:2] == ("PUT", "/api/v1/scheduled_statuses/7")
    assert calls[1][:2] == calls[2][:2] == ("DELETE", "/api/v1/scheduled_statuses/7")


def test_deleting_what_is_already_gone_is_done() -> None:
    with connector(lambda r: json_response(404, {"error": "Record not found"})) as c:
        c.delete("1")


def test_a_missing_image_file_is_permanent(tmp_path: Path) -> None:
    image = OutgoingImage(path=tmp_path / "gone.jpg", mime_type="image/jpeg", alt="", width=1, height=1)
    with connector(lambda r: json_response(200, {})) as c, pytest.raises(Refused) as caught:
        c.publish(OutgoingPost(text="x", idempotency_key="k", images=(image,)))
    assert caught.value.code == "file_missing"


def test_connector_satisfies_the_protocol() -> None:
    with connector(lambda r: json_response(200, {})) as c:
        assert isinstance(c, Publisher)


# --- limits -------------------------------------------------------------------------------------------


def test_limits_fall_back_to_v1_instance_on_404() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/v2/instance":
            return json_response(404, {"error": "Not Found"})
        return json_response(
            200, {"version": "3.5.3", "configuration": {"statuses": {"max_characters": 5000}}}
        )

    with connector(handler) as c:
        limits = c.limits()
    assert limits.max_characters == 5000 and limits.image_size_limit is None


def test_limits_of_forks_that_announce_max_toot_chars() -> None:
    assert parse_limits({"max_toot_chars": 1000, "configuration": {}}).max_characters == 1000


# --- lookup -------------------------------------------------------------------------------------------


# Look-ups (time-bounded, paged, scheduled copies by id): tests/unit/test_mastodon_lookup.py.


# --- login pieces -------------------------------------------------------------------------------------


def test_register_app_sends_name_redirects_and_narrow_scopes() -> None:
    seen: list[httpx.QueryParams] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(httpx.QueryParams(request.content.decode()))
        return json_response(200, {"client_id": "cid", "client_secret": "csecret"})

    with MastodonLogin("Social.Example", transport=httpx.MockTransport(handler)) as login:
        app = login.register_app()
    assert seen[0]["client_name"] == "CM Desktop"
    assert seen[0]["redirect_uris"].split("\n") == ["http://127.0.0.1/callback", "urn:ietf:wg:oauth:2.0:oob"]
    assert seen[0]["scopes"] == SCOPES and "follow" not in SCOPES.split() and "admin" not in SCOPES
    assert app.client_id == "cid" and "csecret" not in repr(app)


def test_ensure_app_registers_once_and_keeps_it_in_the_keychain() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        return json_response(200, {"client_id": "cid", "client_secret": "csecret"})

    secrets = Secrets()
    with MastodonLogin("social.example", transport=httpx.MockTransport(handler)) as login:
        first = ensure_app(login, secrets)
        second = ensure_app(login, secrets)
    assert calls == ["/api/v1/apps"]
    assert first == second
    stored = secrets.get(app_secret_ref(SERVER))
    assert stored is not None and AppRegistration.from_secret(stored) == first


def test_a_registration_made_before_listening_is_made_again_with_its_permissions() -> None:
    """Registered with fewer scopes (before search and follows): a new login must ask for them all."""
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        return json_response(200, {"client_id": "cid2", "client_secret": "csecret2"})

    secrets = Secrets()
    older = AppRegistration(
        server_url=SERVER, client_id="cid", client_secret="s", scopes="read:statuses write:statuses"
    )
    secrets.set(app_secret_ref(SERVER), older.to_secret())
    with MastodonLogin(SERVER, transport=httpx.MockTransport(handler)) as login:
        app = ensure_app(login, secrets)
        assert ensure_app(login, secrets) == app  # registered again once, not at every login
    assert calls == ["/api/v1/apps"] and app.client_id == "cid2"
    assert {"read:search", "write:follows"} <= set(app.scopes.split())
    # The older one stays in the keychain: the logins it gave out can only be ended with it.
    assert earlier_registrations(secrets, SERVER) == (older,)
    assert secrets.get(earlier_apps_ref(SERVER))  # under its own keychain entry


def _revocations(answers: dict[str, int]) -> tuple[Handler, list[str]]:
    """A server whose revocation endpoint answers per client_id (Mastodon: 403 unauthorized_client from a
    registration that did not give the token out, 401 invalid_client from one it no longer knows)."""
    tried: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/.well-known/oauth-authorization-server":
            return json_response(404, {"error": "Not Found"})
        assert request.url.path == "/oauth/revoke"
        client = httpx.QueryParams(request.read().decode())["client_id"]
        tried.append(client)
        status = answers[client]
        return json_response(status, {} if status == 200 else {"error": "unauthorized_client"})

    return handler, tried


def test_a_login_is_ended_with_the_registration_that_gave_it_out() -> None:
    current = AppRegistration(server_url=SERVER, client_id="new", client_secret="s2")
    older = AppRegistration(server_url=SERVER, client_id="old", client_secret="s1", scopes="read write")
    handler, tried = _revocations({"new": 403, "old": 200})
    MastodonConnector(
        SERVER,
        TOKEN,
        transport=httpx.MockTransport(handler),
        registration=current,
        earlier_registrations=(older,),
    ).end_session()
    assert tried == ["new", "old"]

    handler, tried = _revocations({"new": 403, "old": 401})
    ending = MastodonConnector(
        SERVER,
        TOKEN,
        transport=httpx.MockTransport(handler),
        registration=current,
        earlier_registrations=(older,),
    )
    with pytest.raises(AuthExpired):  # no registration could end it: said, never taken as ended
        ending.end_session()
    assert tried == ["new", "old"]

    def offline(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    cut = MastodonConnector(
        SERVER,
        TOKEN,
        transport=httpx.MockTransport(offline),
        registration=current,
        earlier_registrations=(older,),
    )
    with pytest.raises(NotSent):  # offline: not a refusal, the earlier registration is not tried
        cut.end_session()


def test_discovery_404_means_an_older_server_and_the_copy_paste_flow() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return json_response(404, {"error": "Not Found"})

    app = AppRegistration(server_url=SERVER, client_id="cid", client_secret="s")
    with MastodonLogin(SERVER, transport=httpx.MockTransport(handler)) as login:
        info = login.discover()
        attempt = login.start_copy_paste(app, info)
    assert not info.discovered and info.token_endpoint == SERVER + "/oauth/token"
    assert MastodonLogin.choose_flow(info, app) == "copy_paste"
    query = httpx.URL(attempt.url).params
    assert query["redirect_uri"] == "urn:ietf:wg:oauth:2.0:oob"
    assert query["code_challenge_method"] == "S256"  # still sent: an older server ignores it


def test_discovery_never_sends_secrets_to_another_host() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return json_response(
            200,
            {
                "authorization_endpoint": "https://evil.example/oauth/authorize",
                "token_endpoint": "https://evil.example/oauth/token",
                "code_challenge_methods_supported": ["S256"],
            },
        )

    with MastodonLogin(SERVER, transport=httpx.MockTransport(handler)) as login:
        info = login.discover()
    assert info.discovered
    assert info.token_endpoint == SERVER + "/oauth/token"
    assert info.authorization_endpoint == SERVER + "/oauth/authorize"


def test_token_exchange_401_means_the_registration_is_gone() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return json_response(401, {"error": "invalid_client"})

    app = AppRegistration(server_url=SERVER, client_id="cid", client_secret="s")
    info = OAuthServerInfo(SERVER + "/oauth/authorize", SERVER + "/oauth/token", SERVER + "/oauth/revoke")
    with MastodonLogin(SERVER, transport=httpx.MockTransport(handler)) as login:
        with pytest.raises(Refused) as caught:
            login.exchange_code(app, info, AuthorizationCode(code="c", redirect_uri="x", verifier="v"))
    assert caught.value.code == "app_invalid"


def test_check_server_on_a_non_mastodon_site() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="<html>shop</html>", headers={"content-type": "text/html"})

    with (
        MastodonLogin("shop.example", transport=httpx.MockTransport(handler)) as login,
        pytest.raises(Refused) as caught,
    ):
        login.check_server()
    assert caught.value.code == "not_mastodon"


def test_a_truncated_json_answer_is_an_unclear_outcome() -> None:
    cut = httpx.Response(
        200, content=b'{"id":"1","content":"<p>He', headers={"content-type": "application/json"}
    )
    with pytest.raises(Unknown) as caught:
        parse_response(cut)
    assert caught.value.code == "bad_response"
