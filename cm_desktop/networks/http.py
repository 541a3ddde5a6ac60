"""The one place an httpx.Client is built: explicit timeouts, our User-Agent, TLS verified with the
operating system's certificate store (truststore), so that corporate proxies with their own CA work."""

from __future__ import annotations

import ssl
from datetime import UTC, datetime, timedelta

import httpx

from cm_desktop import __version__

USER_AGENT = f"CM-Desktop/{__version__} (+https://github.com/cm-desktop)"

# Connect fast or say we are offline; give uploads time to go through.
DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=30.0, write=60.0, pool=10.0)


def _ssl_context() -> ssl.SSLContext:
    import truststore

    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def build_client(
    base_url: str = "",
    *,
    timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
    transport: httpx.BaseTransport | None = None,
    headers: dict[str, str] | None = None,
) -> httpx.Client:
    """A client for one server. `transport` is for tests that replay recorded traffic."""
    all_headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
    all_headers.update(headers or {})
    return httpx.Client(
        base_url=base_url,
        timeout=timeout,
        headers=all_headers,
        verify=_ssl_context(),
        transport=transport,
        follow_redirects=False,
        trust_env=True,
    )


def never_sent(exc: httpx.HTTPError) -> bool:
    """True when a failed request surely never left this computer: no connection was made (refused, no
    route, unknown host, TLS handshake refused) or none was free. Anything later may have reached the server."""
    return isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout | httpx.ProxyError)


def rate_limit_until(headers: httpx.Headers, now: datetime | None = None) -> datetime:
    """When a 429 lets us try again: Retry-After, RateLimit-Reset or X-RateLimit-Reset, else in a minute.

    Reset values come as seconds from now, a Unix timestamp or an ISO 8601 date depending on the server.
    """
    now = now or datetime.now(UTC)
    for name in ("retry-after", "ratelimit-reset", "x-ratelimit-reset"):
        value = headers.get(name)
        if not value:
            continue
        value = value.strip()
        try:
            number = float(value)
        except ValueError:
            try:
                parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                continue
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
        # Small numbers are delays in seconds; large ones are Unix timestamps.
        if number < 10**9:
            return now + timedelta(seconds=max(number, 0))
        return datetime.fromtimestamp(number, UTC)
    return now + timedelta(seconds=60)
