"""Replays of real traffic recorded against a Mastodon 4.6.4 server (Mastodon.py's VCR cassettes).

Each test sends the connector's requests through `httpx.MockTransport`; a small replayer answers with the
recorded status, headers and body of the matching interaction (method + path + query). What the connector
parses is therefore exactly what a real server sent. Licence and provenance: tests/data/mastodon/README.md.
"""

from __future__ import annotations

import base64
import gzip
import json
import zlib
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import yaml

from cm_desktop.core.ports import (
    AuthExpired,
    OutgoingImage,
    OutgoingPost,
    RateLimited,
    Refused,
    ServerLimits,
    Unknown,
)
from cm_desktop.networks.mastodon import (
    MastodonConnector,
    fingerprint,
    fingerprint_html,
    parse_response,
    rate_limit_info,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "mastodon"
PREFIX = "halcy__Mastodon.py__tests__cassettes__"
SERVER = "http://localhost:3000"  # where the cassettes were recorded
TOKEN = "test-token-not-a-secret"

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# --- the replayer ---------------------------------------------------------------------------------------


def _key(method: str, url: str) -> tuple[str, str, str]:
    parts = urlsplit(url)
    # Mastodon.py asks for "/api/v2/instance/", we ask for "/api/v2/instance": the same route on the server.
    return method.upper(), parts.path.rstrip("/") or "/", parts.query


def _body_bytes(body: Any) -> bytes:
    """VCR bodies come as text, as bytes (!!binary) or as {"string": ...} / {"base64_string": ...}."""
    if isinstance(body, dict):
        if "base64_string" in body:
            return base64.b64decode(body["base64_string"])
        body = body.get("string", b"")
    if body is None:
        return b""
    if isinstance(body, bytes):
        return body
    return str(body).encode("utf-8")


def _decoded(content: bytes, encoding: str) -> bytes | None:
    """The plain body when it really is compressed as the header says, else None."""
    try:
        if encoding == "gzip" and content[:2] == b"\x1f\x8b":
            return gzip.decompress(content)
        if encoding == "deflate":
            return zlib.decompress(content)
    except (OSError, zlib.error):
        return None
    return None


@dataclass
class Recorded:
    method: str
    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes


@dataclass
class Cassette:
    """A VCR cassette served by an httpx.MockTransport; records what the client sent."""

    name: str
    interactions: list[Recorded]
    queues: dict[tuple[str, str, str], deque[Recorded]] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)

    @classmethod
    def load(cls, name: str) -> Cassette:
        raw = yaml.load((DATA / f"{PREFIX}{name}.yaml").read_bytes(), Loader=_Loader)
        interactions: list[Recorded] = []
        for item in raw["interactions"]:
            response = item["response"]
            headers: list[tuple[str, str]] = []
            for header, values in (response.get("headers") or {}).items():
                for value in values if isinstance(values, list) else [values]:
                    headers.append((str(header), str(value)))
            body = _body_bytes(response.get("body"))
            encoding = next((v.lower() for k, v in headers if k.lower() == "content-encoding"), "")
            if encoding:
                plain = _decoded(body, encoding)
                body = plain if plain is not None else body
            # httpx sets the length of what we hand it; the recorded length/encoding may not match any more.
            drop = {"content-encoding", "content-length", "transfer-encoding"}
            headers = [(k, v) for k, v in headers if k.lower() not in drop]
            interactions.append(
                Recorded(
                    method=item["request"]["method"],
                    url=item["request"]["uri"],
                    status=int(response["status"]["code"]),
                    headers=headers,
                    body=body,
                )
            )
        cassette = cls(name=name, interactions=interactions)
        queues: dict[tuple[str, str, str], deque[Recorded]] = defaultdict(deque)
        for recorded in interactions:
            queues[_key(recorded.method, recorded.url)].append(recorded)
        cassette.queues = dict(queues)
        return cassette

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        queue = self.queues.get(_key(request.method, str(request.url)))
        if not queue:
            raise AssertionError(f"{self.name}: no recorded answer for {request.method} {request.url}")
        recorded = queue.popleft()
        return httpx.Response(recorded.status, headers=recorded.headers, content=recorded.body)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handler)

    def connector(self, **kwargs: Any) -> MastodonConnector:
        return MastodonConnector(SERVER, TOKEN, transport=self.transport(), **kwargs)


def _image(tmp_path: Path, name: str = "photo.jpg") -> OutgoingImage:
    path = tmp_path / name
    path.write_bytes(b"\xff\xd8\xff\xe0 not a real jpeg, the replayer does not look at request bodies")
    return OutgoingImage(path=path, mime_type="image/jpeg", alt="me when a cat", width=640, height=640)


# --- the replayer itself ------------------------------------------------------------------------------


def test_replayer_decodes_gzip_and_base64_bodies() -> None:
    plain = b'{"id":"1"}'
    assert _body_bytes({"base64_string": base64.b64encode(plain).decode()}) == plain
    assert _body_bytes({"string": plain}) == plain
    assert _decoded(gzip.compress(plain), "gzip") == plain
    assert _decoded(plain, "gzip") is None  # header says gzip but VCR stored it decoded


def test_replayer_refuses_an_unrecorded_request() -> None:
    cassette = Cassette.load("test_status_missing")
    with httpx.Client(transport=cassette.transport()) as client, pytest.raises(AssertionError):
        client.get(SERVER + "/api/v1/statuses/1")


# --- replays ------------------------------------------------------------------------------------------


def test_replay_instance_v2_gives_the_server_limits() -> None:
    cassette = Cassette.load("test_instance")
    with cassette.connector() as connector:
        limits = connector.limits()
    assert limits == ServerLimits(
        max_characters=500,
        characters_reserved_per_url=23,
        max_media_attachments=4,
        image_size_limit=16777216,
        image_matrix_limit=33177600,
        video_size_limit=103809024,
        video_matrix_limit=8294400,
        description_limit=10000,
        supported_mime_types=limits.supported_mime_types,
    )
    assert {"image/jpeg", "image/png", "image/webp", "image/avif", "image/heic"} <= set(
        limits.supported_mime_types
    )
    assert len(limits.supported_mime_types) == 28
    assert [str(r.url) for r in cassette.requests] == [SERVER + "/api/v2/instance"]


def test_replay_rate_limit_headers_are_parsed() -> None:
    cassette = Cassette.load("test_instance")
    with cassette.connector() as connector:
        connector.limits()
        info = connector.last_rate_limit
    assert info is not None
    assert (info.limit, info.remaining) == (300, 299)
    # Mastodon sends the reset as an ISO 8601 time, not a number of seconds.
    assert info.reset == datetime(2026, 8, 1, 13, 55, 0, 441909, tzinfo=UTC)


def test_replay_429_with_recorded_rate_limit_headers_waits_until_reset() -> None:
    """No 429 was recorded: a recorded answer's X-RateLimit-* headers are replayed with status 429."""
    recorded = Cassette.load("test_status_post[None-public]").interactions[0]
    response = httpx.Response(
        429,
        headers=[*recorded.headers, ("x-ratelimit-remaining", "0")],
        content=b'{"error":"Too many requests"}',
    )
    assert rate_limit_info(response.headers) is not None
    with pytest.raises(RateLimited) as caught:
        parse_response(response)
    assert caught.value.until == datetime(2026, 8, 1, 15, 0, 0, 627625, tzinfo=UTC)


def test_replay_verify_credentials() -> None:
    cassette = Cassette.load("test_verify_credentials")
    with cassette.connector() as connector:
        account = connector.verify()
    assert account.network == "mastodon"
    assert account.remote_id == "117020457910412882"
    assert account.handle == "@mastodonpy_test@localhost:3000"
    assert account.server_url == SERVER
    assert account.display_name == "mastodonpy_test"  # empty display_name on the server: the username
    sent = cassette.requests[0]
    assert sent.headers["authorization"] == f"Bearer {TOKEN}"


def test_replay_status_post_text_only() -> None:
    cassette = Cassette.load("test_status_post[None-public]")
    post = OutgoingPost(text="Toot!", idempotency_key="key-1", langs=("en",))
    with cassette.connector() as connector:
        result = connector.publish(post)
        connector.delete(result.remote_id)
    assert result.remote_id == "117020585924712638"
    assert result.url.startswith(SERVER + "/@")
    assert not result.scheduled
    sent = cassette.requests[0]
    assert sent.headers["idempotency-key"] == "key-1"
    form = httpx.QueryParams(sent.content.decode())
    # No visibility chosen: none sent, so the server applies the person's own default (never forced public).
    assert form["status"] == "Toot!" and "visibility" not in form and form["language"] == "en"
    assert [r.method for r in cassette.requests] == ["POST", "DELETE"]


def test_replay_status_content_matches_its_fingerprint() -> None:
    """The recorded request sent "Toot!"; the recorded status renders it as "<p>Toot!</p>"."""
    cassette = Cassette.load("test_status_post[None-public]")
    status = json.loads(cassette.interactions[0].body)
    assert status["content"] == "<p>Toot!</p>"
    assert fingerprint_html(status["content"]) == fingerprint("Toot!")


def test_replay_media_upload_200_is_ready_at_once(tmp_path: Path) -> None:
    cassette = Cassette.load("test_media_post_file")
    sleeps: list[float] = []
    with cassette.connector(sleep=sleeps.append) as connector:
        media_id = connector.upload_media(_image(tmp_path), focus=(-0.5, 0.3))
    assert media_id == "117020576894251992"
    assert sleeps == []  # url already set: no polling
    sent = cassette.requests[0]
    assert sent.headers["content-type"].startswith("multipart/form-data")
    assert b'name="description"' in sent.content and b"me when a cat" in sent.content
    assert b'name="focus"' in sent.content and b"-0.50,0.30" in sent.content
    assert b'name="file"; filename="photo.jpg"' in sent.content


def test_replay_media_202_then_poll_then_post(tmp_path: Path) -> None:
    cassette = Cassette.load("test_media_post[False]")
    sleeps: list[float] = []
    post = OutgoingPost(text="LOL check this out", idempotency_key="key-2", images=(_image(tmp_path),))
    with cassette.connector(sleep=sleeps.append, media_poll_delay=0.25) as connector:
        result = connector.publish(post)
    assert result.remote_id == "117020620300441304"
    assert sleeps == [0.25]  # one poll: the recorded GET answered with the url
    assert [(r.method, r.url.path) for r in cassette.requests] == [
        ("POST", "/api/v2/media"),
        ("GET", "/api/v1/media/117020619601888181"),
        ("POST", "/api/v1/statuses"),
    ]
    form = httpx.QueryParams(cassette.requests[2].content.decode())
    assert form.get_list("media_ids[]") == ["117020619601888181"]


def test_replay_media_still_processing_after_the_bounded_polls_is_transient(tmp_path: Path) -> None:
    """The recorded 202 answer, polled with the recorded 202 body again and again (never ready)."""
    cassette = Cassette.load("test_media_post[False]")
    processing = cassette.interactions[0]

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            206 if request.method == "GET" else 202, headers=processing.headers, content=processing.body
        )

    sleeps: list[float] = []
    connector = MastodonConnector(
        SERVER, TOKEN, transport=httpx.MockTransport(handler), sleep=sleeps.append, media_poll_tries=3
    )
    with connector, pytest.raises(Unknown) as caught:
        connector.upload_media(_image(tmp_path))
    assert caught.value.code == "media_processing"
    assert len(sleeps) == 3


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("test_status_empty", "バリデーションに失敗しました: Textを入力してください"),
        ("test_lang_for_errors", "バリデーションに失敗しました: Text上限は500文字です"),
    ],
)
def test_replay_422_is_permanent_with_the_server_reason_kept(name: str, reason: str) -> None:
    cassette = Cassette.load(name)
    with cassette.connector() as connector, pytest.raises(Refused) as caught:
        connector.publish(OutgoingPost(text="x" * 501, idempotency_key="k"))
    assert caught.value.code == "refused"
    assert caught.value.server_reason == reason  # kept for people to read, in whatever language it came
    assert reason in caught.value.message("fr")


def test_replay_422_in_another_language_maps_the_same_way() -> None:
    cassette = Cassette.load("test_lang_for_errors")
    with cassette.connector() as connector:
        codes = []
        for _ in range(2):
            with pytest.raises(Refused) as caught:
                connector.publish(OutgoingPost(text="x" * 501, idempotency_key="k"))
            codes.append((caught.value.code, caught.value.server_reason))
    assert codes[0][0] == codes[1][0] == "refused"
    assert codes[1][1].startswith("Gültigkeitsprüfung ist fehlgeschlagen")


def test_replay_404_is_permanent_not_found() -> None:
    cassette = Cassette.load("test_status_missing")
    with cassette.connector() as connector, pytest.raises(Refused) as caught:
        connector.get_status("0")
    assert caught.value.code == "not_found"
    assert caught.value.server_reason == "Not Found"


def test_replay_401_is_auth_expired() -> None:
    cassette = Cassette.load("test_unauthed_home_tl_throws")
    with httpx.Client(transport=cassette.transport(), base_url=SERVER) as client:
        response = client.get("/api/v1/timelines/home")
    with pytest.raises(AuthExpired) as caught:
        parse_response(response)
    assert caught.value.code == "auth_expired"
    assert caught.value.server_reason == "The access token is invalid"


def test_replay_errors_never_carry_the_token() -> None:
    cassette = Cassette.load("test_status_missing")
    with cassette.connector() as connector, pytest.raises(Refused) as caught:
        connector.get_status("0")
    error = caught.value
    assert TOKEN not in repr(error) and TOKEN not in str(error) and TOKEN not in repr(connector)
    assert error.__cause__ is None
