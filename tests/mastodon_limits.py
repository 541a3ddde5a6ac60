"""A Mastodon server with limits of its own, from recorded traffic: the real 4.6.4 instance body (replayed,
see tests/data/mastodon/README.md) with some of its configuration edited, beside the recorded
verify_credentials."""

from __future__ import annotations

import json
from typing import Any

import httpx

from tests.unit.test_mastodon_replay import SERVER, TOKEN, Cassette

__all__ = ["SERVER", "TOKEN", "edited_server"]


def edited_server(
    statuses: dict[str, Any] | None = None, media: dict[str, Any] | None = None
) -> httpx.MockTransport:
    """Replays verify_credentials and /api/v2/instance, the instance's `configuration.statuses` and
    `configuration.media_attachments` updated with `statuses` and `media` (e.g. max_characters=1000)."""
    instance = Cassette.load("test_instance")
    for recorded in instance.interactions:
        body = json.loads(recorded.body)
        body["configuration"]["statuses"].update(statuses or {})
        body["configuration"]["media_attachments"].update(media or {})
        recorded.body = json.dumps(body).encode()
    cassettes = (Cassette.load("test_verify_credentials"), instance)

    def handler(request: httpx.Request) -> httpx.Response:
        for cassette in cassettes:
            try:
                return cassette.handler(request)
            except AssertionError:
                cassette.requests.pop()  # not this one's request
        raise AssertionError(f"no recorded answer for {request.method} {request.url}")

    return httpx.MockTransport(handler)
