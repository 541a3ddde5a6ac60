"""Whole Mastodon flows against an imitation server: `mastodon-mock` (PyPI) on 127.0.0.1.

This is NOT a real Mastodon: it is a FastAPI imitation that keeps state (apps, tokens, statuses, scheduled
statuses, idempotency keys) and can inject faults. Parsing of real server answers is checked by the
replays of recorded traffic in tests/unit/test_mastodon_replay.py; these tests check that the steps fit
together: register the app, log in through the browser flow, upload, post, refuse too-long text, find a
post by fingerprint, schedule natively, and survive injected 429/500/slow answers.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from cm_desktop.core.ports import (
    AuthExpired,
    OutgoingImage,
    OutgoingPost,
    RateLimited,
    Refused,
    Unknown,
)
from cm_desktop.networks.mastodon import MastodonConnector, MastodonLogin, fingerprint, fingerprint_html

try:
    from mastodon_mock.testing.server import MockServer
except ImportError:  # pragma: no cover - depends on the dev environment
    if os.environ.get("CI") == "true":
        raise  # a missing peer is a failure under CI, never a skip
    pytest.skip("mastodon-mock is not installed (pip install mastodon-mock)", allow_module_level=True)

SEEDED_TOKEN = "alice_token"  # the imitation's seeded test account "alice"


def _attempt() -> datetime:
    """When the attempt is made: a look-up reads the account's statuses back to this moment."""
    return datetime.now(UTC)


@pytest.fixture(scope="module")
def imitation() -> Iterator[str]:
    server = MockServer(host="127.0.0.1")
    server.start()
    try:
        yield server.base_url
    finally:
        server.stop()


@pytest.fixture
def base_url(imitation: str) -> Iterator[str]:
    with httpx.Client(base_url=imitation) as client:
        client.post("/api/v1/_mock/reset").raise_for_status()
    yield imitation
    with httpx.Client(base_url=imitation) as client:
        client.delete("/api/v1/_mock/faults")


def inject(base_url: str, path: str, *, count: int = 1, **effect: Any) -> None:
    """Add a fault rule to the imitation (its mock-only control plane)."""
    rule = {"match": {"methods": ["POST"], "path": path}, "effect": effect, "count": count}
    with httpx.Client(base_url=base_url) as client:
        client.post("/api/v1/_mock/faults", json=rule).raise_for_status()


def image(tmp_path: Path, name: str = "pain.png") -> OutgoingImage:
    path = tmp_path / name
    # A 1x1 PNG; the imitation stores bytes without decoding them.
    path.write_bytes(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
        )
    )
    return OutgoingImage(path=path, mime_type="image/png", alt="Une baguette dorée", width=1, height=1)


class Person:
    """The browser of someone who logs in as `alice` on the imitation's account picker."""

    def __init__(self, username: str = "alice") -> None:
        self.username = username

    def __call__(self, url: str) -> None:
        params = httpx.URL(url).params
        with httpx.Client(timeout=10) as client:
            picker = client.get(url)
            assert picker.status_code == 200 and self.username in picker.text
            answer = client.post(
                str(httpx.URL(url).copy_with(query=None)),
                data={
                    "username": self.username,
                    "redirect_uri": params["redirect_uri"],
                    "client_id": params["client_id"],
                    "scope": params["scope"],
                    "state": params["state"],
                },
            )
            assert answer.status_code == 302
            done = client.get(answer.headers["location"])  # lands on our loopback listener
            assert done.status_code == 200


def test_imitation_register_app_log_in_and_verify(base_url: str) -> None:
    with MastodonLogin(base_url) as login:
        assert login.check_server()
        app = login.register_app()
        info = login.discover()
        assert info.discovered and login.choose_flow(info, app) == "loopback"
        token = login.login_in_browser(app, info, Person(), timeout=20)
    with MastodonConnector(base_url, token) as connector:
        account = connector.verify()
    assert account.handle.startswith("@alice@127.0.0.1:")
    assert account.server_url == base_url


def test_imitation_limits(base_url: str) -> None:
    with MastodonConnector(base_url, SEEDED_TOKEN) as connector:
        limits = connector.limits()
    assert limits.max_characters == 500 and limits.max_media_attachments == 4


def test_imitation_upload_and_post_with_alt_text(base_url: str, tmp_path: Path) -> None:
    post = OutgoingPost(
        text="Pain frais ce matin 🥖 https://boulangerie.example/pain",
        idempotency_key="target-1",
        images=(image(tmp_path),),
        langs=("fr",),
    )
    with MastodonConnector(base_url, SEEDED_TOKEN) as connector:
        result = connector.publish(post)
        status = connector.get_status(result.remote_id)
    assert not result.scheduled and result.url
    assert status["language"] == "fr" and status["visibility"] == "public"
    assert [m["description"] for m in status["media_attachments"]] == ["Une baguette dorée"]
    assert fingerprint_html(status["content"]) == fingerprint_html(f"<p>{post.text}</p>")


def test_imitation_refuses_too_long_text_with_422(base_url: str) -> None:
    with MastodonConnector(base_url, SEEDED_TOKEN) as connector, pytest.raises(Refused) as caught:
        connector.publish(OutgoingPost(text="x" * 501, idempotency_key="too-long"))
    assert caught.value.code == "refused" and caught.value.server_reason


def test_imitation_same_idempotency_key_gives_the_same_status(base_url: str) -> None:
    post = OutgoingPost(text="Une seule fois", idempotency_key="target-once", not_before=_attempt())
    with MastodonConnector(base_url, SEEDED_TOKEN) as connector:
        first = connector.publish(post)
        second = connector.publish(post)
    assert first.remote_id == second.remote_id


def test_imitation_lookup_by_fingerprint(base_url: str) -> None:
    post = OutgoingPost(
        text="Ouvert dimanche\n\n#Boulangerie @bob", idempotency_key="t", not_before=_attempt()
    )
    with MastodonConnector(base_url, SEEDED_TOKEN) as connector:
        assert connector.lookup(post) is None
        published = connector.publish(post)
    with MastodonConnector(base_url, SEEDED_TOKEN) as fresh:  # a restart: nothing cached
        found = fresh.lookup(post)
        assert found is not None and found.remote_id == published.remote_id
        assert (
            fresh.lookup(OutgoingPost(text="Fermé lundi", idempotency_key="u", not_before=_attempt())) is None
        )


def test_imitation_native_scheduling_update_and_cancel(base_url: str) -> None:
    when = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=3)
    post = OutgoingPost(
        text="Promo de la semaine", idempotency_key="sched-1", scheduled_at=when, not_before=_attempt()
    )
    with MastodonConnector(base_url, SEEDED_TOKEN) as connector:
        result = connector.publish(post)
        assert result.scheduled and result.remote_id
        assert datetime.fromisoformat(result.extra["scheduled_at"].replace("Z", "+00:00")) == when
        found = connector.lookup(post)
        assert found is not None and found.scheduled and found.remote_id == result.remote_id
        later = connector.update_schedule(result.remote_id, when + timedelta(days=1))
        assert datetime.fromisoformat(later.extra["scheduled_at"].replace("Z", "+00:00")) == when + timedelta(
            days=1
        )
        connector.cancel_schedule(result.remote_id)
        assert connector.lookup(post) is None
        connector.cancel_schedule(result.remote_id)  # already gone: still fine


def test_imitation_injected_429_gives_the_time_to_wait(base_url: str) -> None:
    inject(base_url, "/api/v1/statuses", type="ratelimit")
    before = datetime.now(UTC)
    with MastodonConnector(base_url, SEEDED_TOKEN) as connector:
        with pytest.raises(RateLimited) as caught:
            connector.publish(OutgoingPost(text="Trop vite", idempotency_key="rl"))
        assert before + timedelta(seconds=290) <= caught.value.until <= before + timedelta(seconds=310)
        assert connector.publish(OutgoingPost(text="Trop vite", idempotency_key="rl")).remote_id


def test_imitation_injected_500_then_retry_posts_once(base_url: str) -> None:
    inject(base_url, "/api/v1/statuses", type="status", status=500)
    post = OutgoingPost(text="Après une erreur", idempotency_key="k-500", not_before=_attempt())
    with MastodonConnector(base_url, SEEDED_TOKEN) as connector:
        with pytest.raises(Unknown) as caught:
            connector.publish(post)
        assert caught.value.code == "server_error"
        assert connector.lookup(post) is None  # reconcile first: nothing went out
        result = connector.publish(post)
        assert connector.lookup(post) == result


def test_imitation_slow_answer_times_out_then_reconcile_and_retry_posts_exactly_once(base_url: str) -> None:
    """The answer comes after our timeout: the outcome is unclear, so look first, then retry with the key."""
    inject(base_url, "/api/v1/statuses", type="latency", delay_ms=1500)
    post = OutgoingPost(text="Réponse lente", idempotency_key="k-slow", not_before=_attempt())
    with MastodonConnector(base_url, SEEDED_TOKEN, timeout=httpx.Timeout(5.0, read=0.5)) as connector:
        with pytest.raises(Unknown) as caught:
            connector.publish(post)
        assert caught.value.code == "timeout"
    time.sleep(1.6)  # let the imitation finish (or drop) the slow request before we look
    with MastodonConnector(base_url, SEEDED_TOKEN) as connector:
        found = connector.lookup(post)
        result = found or connector.publish(post)
        again = connector.publish(post)  # a further retry with the same key does not post twice
        assert again.remote_id == result.remote_id
        account = connector.verify()
        statuses = connector._api.call("GET", f"/api/v1/accounts/{account.remote_id}/statuses")
    wanted = fingerprint(post.text)
    assert [s["id"] for s in statuses if fingerprint_html(s["content"]) == wanted] == [result.remote_id]


def test_imitation_malformed_answer_is_an_unclear_outcome(base_url: str) -> None:
    inject(base_url, "/api/v1/statuses", type="malformed")
    with MastodonConnector(base_url, SEEDED_TOKEN) as connector, pytest.raises(Unknown) as caught:
        connector.publish(OutgoingPost(text="Coupé", idempotency_key="k-cut"))
    assert caught.value.code == "bad_response"


def test_imitation_revoked_token_is_auth_expired(base_url: str) -> None:
    with MastodonConnector(base_url, "not-a-token") as connector, pytest.raises(AuthExpired):
        connector.verify()
