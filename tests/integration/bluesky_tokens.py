"""Bluesky access tokens for tests against the dev-env servers (tests/pds_peer.py, tests/appview_peer.py)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

# dev-env signs access tokens with this HS256 secret (@atproto/dev-env dist/const.js, JWT_SECRET): it lets
# us mint a genuinely expired token that the real PDS rejects with ExpiredToken, without waiting two hours.
DEV_ENV_JWT_SECRET = b"jwt-secret"


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def expired_copy(token: str) -> str:
    """The same access token, expired an hour ago, signed like the dev PDS signs its tokens."""
    header, payload, _ = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["iat"] = int(time.time()) - 7200
    claims["exp"] = int(time.time()) - 3600
    signing_input = f"{header}.{_b64url(json.dumps(claims, separators=(',', ':')).encode())}"
    signature = hmac.new(DEV_ENV_JWT_SECRET, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{_b64url(signature)}"
