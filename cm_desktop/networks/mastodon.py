"""Mastodon: log in on any server, read its limits, publish (now or natively scheduled), find lost posts.

Two objects: ``MastodonLogin`` talks to a server before we have a token (app registration, OAuth discovery,
code exchange); ``MastodonConnector`` is one connected account (the Publisher protocol).

Errors are mapped by HTTP status only: servers translate their ``error`` texts (a Japanese server answers
in Japanese), so a text is kept as ``server_reason`` for people to read and never matched on. The access
token lives in the client's default headers only: it is never put in an exception, a repr or a log line.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import logging
import re
import socket
import ssl
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote, urlsplit

import httpx

from cm_desktop.core.i18n import Lang, Text
from cm_desktop.core.ports import (
    AccountInfo,
    AuthExpired,
    NetworkError,
    NotSent,
    OutgoingImage,
    OutgoingPost,
    PublishResult,
    RateLimited,
    Refused,
    ServerLimits,
    Unknown,
)
from cm_desktop.networks.http import DEFAULT_TIMEOUT, build_client, never_sent, rate_limit_until
from cm_desktop.networks.oauth import (
    OOB_REDIRECT_URI,
    AuthorizationCode,
    LoopbackListener,
    OobAttempt,
    Pkce,
    authorize_with_loopback,
    build_authorize_url,
    start_oob,
)

if TYPE_CHECKING:
    from cm_desktop.platform.secrets import Secrets

log = logging.getLogger(__name__)

NETWORK = "mastodon"
CLIENT_NAME = "CM Desktop"
WEBSITE = "https://github.com/cm-desktop"
# Only what we use (NETWORKS.md): posting, media, reading our own posts and scheduled posts, the inbox (its
# notifications, and liking a message from it), listening (searching posts, following their authors).
SCOPES = (
    "read:accounts read:statuses read:notifications write:statuses write:media write:favourites "
    "read:search write:follows"
)
# Registered without a port: the server must accept any port on a loopback IP (RFC 8252 §7.3).
LOOPBACK_REDIRECT_URI = "http://127.0.0.1/callback"
REDIRECT_URIS = (LOOPBACK_REDIRECT_URI, OOB_REDIRECT_URI)

# Mastodon schedules only when scheduled_at is at least 5 minutes ahead (ScheduledStatus::MINIMUM_OFFSET).
NATIVE_SCHEDULE_MIN_LEAD = timedelta(minutes=5)
# The request takes time to arrive: ask for a few seconds later rather than be refused for "too soon".
_SCHEDULE_SAFETY = timedelta(seconds=15)
LOOKUP_LIMIT = 40  # the largest page the statuses endpoints give
# Our clock and the server's differ: a look-up reaches this much before the attempt it checks.
LOOKUP_SKEW = timedelta(minutes=5)
# 25 pages of 40: more statuses than an account posts while one look-up is pending. Past that, cannot tell.
LOOKUP_MAX_PAGES = 25


# --- texts --------------------------------------------------------------------------------------------

TEXTS: dict[str, Text] = {
    "not_mastodon": Text(
        en="This address is not a Mastodon server. Check the address (for example mastodon.social).",
        fr=(
            "Cette adresse n'est pas celle d'un serveur Mastodon. Vérifiez l'adresse "
            "(par exemple mastodon.social)."
        ),
    ),
    "auth_expired": Text(
        en="Your Mastodon login is no longer valid. Please reconnect this account.",
        fr="Votre connexion à Mastodon n'est plus valide. Veuillez reconnecter ce compte.",
    ),
    "suspended": Text(
        en=(
            "Your account on this server is suspended or the access was withdrawn. Reconnect the account, "
            "or contact the team that runs the server."
        ),
        fr=(
            "Votre compte sur ce serveur est suspendu ou l'accès a été retiré. Reconnectez le compte, ou "
            "contactez l'équipe qui gère le serveur."
        ),
    ),
    "refused": Text(
        en="The server refused this request. Its explanation: {reason}",
        fr="Le serveur a refusé cette demande. Son explication : {reason}",
    ),
    "not_found": Text(
        en="The server does not have this item (any more).",
        fr="Le serveur n'a pas (ou plus) cet élément.",
    ),
    "too_large": Text(
        en="This file is too large for the server.",
        fr="Ce fichier est trop volumineux pour le serveur.",
    ),
    "file_missing": Text(
        en="An image of this post can no longer be found on this computer.",
        fr="Une image de cette publication est introuvable sur cet ordinateur.",
    ),
    "app_invalid": Text(
        en="The server no longer knows CM Desktop. Please connect the account again.",
        fr="Le serveur ne reconnaît plus CM Desktop. Veuillez connecter le compte à nouveau.",
    ),
    "rate_limited": Text(
        en="The server asks us to slow down. Sending will resume automatically.",
        fr="Le serveur nous demande de ralentir. L'envoi reprendra automatiquement.",
    ),
    "server_error": Text(
        en="The server is having trouble right now. We will try again shortly.",
        fr="Le serveur rencontre des difficultés. Nous réessaierons bientôt.",
    ),
    "timeout": Text(
        en="The server did not answer in time. We will check and try again.",
        fr="Le serveur n'a pas répondu à temps. Nous allons vérifier et réessayer.",
    ),
    "unknown_host": Text(
        en=(
            "This server could not be found. Check the spelling of its address, and that this computer "
            "is connected to the internet."
        ),
        fr=(
            "Ce serveur est introuvable. Vérifiez l'orthographe de son adresse, et que cet ordinateur est "
            "connecté à internet."
        ),
    ),
    "cannot_connect": Text(
        en="The server could not be reached. Check that this computer is connected to the internet.",
        fr="Le serveur est injoignable. Vérifiez que cet ordinateur est connecté à internet.",
    ),
    "tls": Text(
        en=(
            "The secure connection to the server could not be verified. If you are on a company or public "
            "network, try another connection."
        ),
        fr=(
            "La connexion sécurisée au serveur n'a pas pu être vérifiée. Sur un réseau d'entreprise ou "
            "public, essayez une autre connexion."
        ),
    ),
    "connection_lost": Text(
        en="The connection was interrupted. We will check whether the post went out before trying again.",
        fr=(
            "La connexion a été interrompue. Nous vérifierons si la publication est partie avant de "
            "réessayer."
        ),
    ),
    "media_processing": Text(
        en="The server is still processing an image. We will try again shortly.",
        fr="Le serveur traite encore une image. Nous réessaierons bientôt.",
    ),
    "bad_response": Text(
        en="The server gave an unexpected answer. We will check and try again.",
        fr="Le serveur a donné une réponse inattendue. Nous allons vérifier et réessayer.",
    ),
    "lookup_failed": Text(
        en="We could not check on the server whether this post went out. We will try again.",
        fr="Nous n'avons pas pu vérifier sur le serveur si cette publication est partie. Nous réessaierons.",
    ),
}


def _error(cls: type[NetworkError], code: str, server_reason: str = "") -> NetworkError:
    return cls(TEXTS[code], code=code, server_reason=server_reason, reason=server_reason or "—")


# --- the server's address -----------------------------------------------------------------------------


class ServerNameError(ValueError):
    """What the person typed is not a server address; ``message(lang)`` says how to type it."""

    EMPTY = Text(
        en="Type the address of your Mastodon server, for example mastodon.social.",
        fr="Saisissez l'adresse de votre serveur Mastodon, par exemple mastodon.social.",
    )
    INVALID = Text(
        en=(
            "“{name}” is not a server address. Type it like mastodon.social: it is the part after the "
            "second @ in your full name (@you@mastodon.social)."
        ),
        fr=(
            "« {name} » n'est pas une adresse de serveur. Saisissez-la comme mastodon.social : c'est la "
            "partie après le second @ de votre nom complet (@vous@mastodon.social)."
        ),
    )

    def __init__(self, typed: str) -> None:
        super().__init__("empty server name" if not typed else "invalid server name")
        self.typed = typed[:60]

    def message(self, lang: Lang) -> str:
        if not self.typed:
            return self.EMPTY.get(lang)
        return self.INVALID.get(lang, name=self.typed)


_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


def normalise_server(typed: str) -> str:
    """``mastodon.social``, ``@me@server.tld``, ``https://server.tld/@me`` → ``https://server.tld``.

    Plain http is kept only for a loopback address (a test server on this computer).
    """
    text = "".join(typed.split()).lower()  # people paste with spaces and capitals
    shown = typed.strip()
    if not text:
        raise ServerNameError("")
    scheme = "https"
    if "://" in text:
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https"):
            raise ServerNameError(shown)
        scheme = parts.scheme
        netloc = parts.netloc.rsplit("@", 1)[-1]  # drop any user@ part
    else:
        rest = text.lstrip("@")
        rest = re.split(r"[/?#]", rest, maxsplit=1)[0]
        netloc = rest.rsplit("@", 1)[-1]  # me@server.tld → server.tld
    host, port = _split_port(netloc, shown)
    host = host.rstrip(".")
    if not host:
        raise ServerNameError(shown)
    ip = _ip_or_none(host)
    if ip is not None:
        host = ip.compressed
        host_out = f"[{host}]" if ip.version == 6 else host
    else:
        host = _idna_host(host, shown)
        host_out = host
    loopback = host in _LOOPBACK_NAMES or (ip is not None and ip.is_loopback)
    if scheme == "http" and not loopback:
        scheme = "https"  # a real server always speaks https; never send a token in clear text
    if port is not None and not (scheme == "https" and port == 443) and not (scheme == "http" and port == 80):
        return f"{scheme}://{host_out}:{port}"
    return f"{scheme}://{host_out}"


def _ip_or_none(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def _idna_host(host: str, shown: str) -> str:
    try:
        host = host.encode("idna").decode("ascii")  # société.example → xn--socit-esab.example
    except UnicodeError:
        raise ServerNameError(shown) from None
    labels = host.split(".")
    if not all(_LABEL.match(label) for label in labels):
        raise ServerNameError(shown)
    if host != "localhost" and (len(labels) < 2 or labels[-1].isdigit()):
        raise ServerNameError(shown)
    return host


def _split_port(netloc: str, shown: str) -> tuple[str, int | None]:
    if netloc.startswith("["):
        end = netloc.find("]")
        if end < 0:
            raise ServerNameError(shown)
        host, rest = netloc[1:end], netloc[end + 1 :]
        port_text = rest[1:] if rest.startswith(":") else ""
        if rest and not rest.startswith(":"):
            raise ServerNameError(shown)
    elif netloc.count(":") == 1:
        host, port_text = netloc.split(":")
    else:
        host, port_text = netloc, ""
    if not port_text:
        return host, None
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ServerNameError(shown)
    return host, int(port_text)


# --- fingerprints -------------------------------------------------------------------------------------


class _TextExtractor(HTMLParser):
    """Status HTML → text. Mastodon hides parts of long links in spans: keep every piece of text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "p"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(content: str) -> str:
    parser = _TextExtractor()
    parser.feed(content)
    parser.close()
    return "".join(parser.parts)


# "@user@host" is shown as "@user" in the status HTML: compare without the host.
_MENTION_HOST = re.compile(r"(?<![\w@])(@[\w.-]+)@[\w-]+(?:\.[\w-]+)+", re.UNICODE)


def fingerprint(text: str) -> str:
    """A hash of a post's plain text that survives Mastodon's HTML rendering (see ``fingerprint_html``)."""
    value = unicodedata.normalize("NFC", text)
    value = _MENTION_HOST.sub(r"\1", value)
    value = " ".join(value.split()).casefold()
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:32]


def fingerprint_html(content: str) -> str:
    """The fingerprint of a status as the server returns it (its ``content`` HTML)."""
    return fingerprint(html_to_text(content))


# --- HTTP helpers -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RateLimitInfo:
    limit: int | None
    remaining: int | None
    reset: datetime | None


def rate_limit_info(headers: httpx.Headers) -> RateLimitInfo | None:
    """Mastodon's X-RateLimit-* headers (reset is an ISO 8601 time on Mastodon), or None when absent."""
    if "x-ratelimit-limit" not in headers and "x-ratelimit-remaining" not in headers:
        return None

    def number(name: str) -> int | None:
        try:
            return int(headers.get(name, ""))
        except ValueError:
            return None

    reset = rate_limit_until(headers) if "x-ratelimit-reset" in headers else None
    return RateLimitInfo(
        limit=number("x-ratelimit-limit"), remaining=number("x-ratelimit-remaining"), reset=reset
    )


def _json_body(response: httpx.Response) -> tuple[Any, bool]:
    content_type = response.headers.get("content-type", "").lower()
    if "html" in content_type or "xml" in content_type:
        return None, False
    try:
        return json.loads(response.content), True
    except (ValueError, UnicodeDecodeError):
        return None, False


def _server_reason(data: Any) -> str:
    if isinstance(data, dict):
        parts = [data.get("error"), data.get("error_description")]
        return " — ".join(str(p) for p in parts if isinstance(p, str) and p)[:500]
    return ""


def parse_response(response: httpx.Response) -> Any:
    """The JSON body of a successful answer; otherwise the NetworkError for its status.

    Decided by the status code alone; the server's (translated) text is only carried along.
    """
    status = response.status_code
    data, is_json = _json_body(response)
    reason = _server_reason(data)
    if 200 <= status < 300:
        if is_json:
            return data
        if "json" in response.headers.get("content-type", "").lower():
            # Announced as JSON but cut short: the request may well have been carried out.
            raise _error(Unknown, "bad_response")
        raise _error(Refused, "not_mastodon")  # a web page where the API should answer
    if status == 401:
        raise _error(AuthExpired, "auth_expired", reason)
    if status == 403:
        # Suspended, disabled, or a token without the needed scope: only reconnecting can help.
        raise _error(AuthExpired, "suspended", reason)
    if status == 429:
        raise RateLimited(TEXTS["rate_limited"], until=rate_limit_until(response.headers))
    if status >= 500:
        raise _error(Unknown, "server_error", reason)
    if status == 408:
        raise _error(Unknown, "timeout", reason)
    if 300 <= status < 400 or (not is_json and status in (400, 404, 405, 406)):
        raise _error(Refused, "not_mastodon", f"HTTP {status}")
    if status == 413:
        raise _error(Refused, "too_large", reason)
    if status in (404, 410):
        raise _error(Refused, "not_found", reason)
    raise _error(Refused, "refused", reason or f"HTTP {status}")


def _caused_by(exc: BaseException, kinds: tuple[type[BaseException], ...]) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, kinds):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def transport_error(exc: httpx.TransportError) -> NetworkError:
    """Map a network failure to a Unknown with a plain message (the request may or may not have arrived)."""
    if never_sent(exc):
        if _caused_by(exc, (socket.gaierror,)):
            return _error(NotSent, "unknown_host")
        if _caused_by(exc, (ssl.SSLError,)):
            return _error(NotSent, "tls")
        return _error(NotSent, "cannot_connect")
    if isinstance(exc, httpx.TimeoutException):
        return _error(Unknown, "timeout")
    return _error(Unknown, "connection_lost")


class _Api:
    """One server's HTTP client plus the mapping of every failure to our error classes."""

    def __init__(
        self,
        server_url: str,
        *,
        token: str | None,
        transport: httpx.BaseTransport | None,
        timeout: httpx.Timeout | float,
    ) -> None:
        headers = {"Authorization": f"Bearer {token}"} if token else None
        self.client = build_client(server_url, timeout=timeout, transport=transport, headers=headers)
        self.last_rate_limit: RateLimitInfo | None = None

    def send(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        try:
            response = self.client.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            # `from None`: the httpx exception holds the request, and so the Authorization header.
            raise transport_error(exc) from None
        info = rate_limit_info(response.headers)
        if info is not None:
            self.last_rate_limit = info
        log.debug("mastodon %s %s -> %s", method, path, response.status_code)
        return response

    def call(self, method: str, path: str, **kwargs: Any) -> Any:
        return parse_response(self.send(method, path, **kwargs))

    def close(self) -> None:
        self.client.close()


def _require(data: Any, key: str) -> Any:
    if not isinstance(data, dict) or key not in data:
        raise _error(Unknown, "bad_response")
    return data[key]


def _iso_utc(when: datetime) -> str:
    if when.tzinfo is None:
        raise ValueError("scheduled times must be timezone-aware")
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _host_of(server_url: str) -> str:
    return urlsplit(server_url).netloc


# --- login --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AppRegistration:
    """CM Desktop's registration on one server. Kept in the keychain (``to_secret``), never in a file."""

    server_url: str
    client_id: str
    client_secret: str = field(repr=False)
    redirect_uris: tuple[str, ...] = REDIRECT_URIS
    scopes: str = SCOPES

    def to_secret(self) -> str:
        return json.dumps(
            {
                "server_url": self.server_url,
                "client_id": self.client_id,
                "client_secret": self.client_secret,
                "redirect_uris": list(self.redirect_uris),
                "scopes": self.scopes,
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_secret(cls, value: str) -> AppRegistration:
        data = json.loads(value)
        return cls(
            server_url=str(data["server_url"]),
            client_id=str(data["client_id"]),
            client_secret=str(data["client_secret"]),
            redirect_uris=tuple(data.get("redirect_uris") or REDIRECT_URIS),
            scopes=str(data.get("scopes") or SCOPES),
        )


def app_secret_ref(server_url: str) -> str:
    """Keychain reference of CM Desktop's registration on a server (one per server, shared by accounts)."""
    return f"mastodon:app:{server_url}"


def earlier_apps_ref(server_url: str) -> str:
    """Keychain reference of CM Desktop's earlier registrations on a server (replaced when the app needed more
    permissions): the logins they gave out can only be ended (revoked) with them."""
    return f"mastodon:app:{server_url}:earlier"


def earlier_registrations(secrets: Secrets, server_url: str) -> tuple[AppRegistration, ...]:
    """The earlier registrations kept in the keychain, newest first (unreadable ones are left out)."""
    stored = secrets.get(earlier_apps_ref(server_url))
    if not stored:
        return ()
    try:
        items = json.loads(stored)
        return tuple(AppRegistration.from_secret(json.dumps(item)) for item in items)
    except (ValueError, KeyError, TypeError):
        log.warning("stored earlier Mastodon app registrations unreadable")
        return ()


def _keep_earlier(secrets: Secrets, app: AppRegistration) -> None:
    """Keep a registration being replaced (its logins stay valid on the server until revoked with it)."""
    kept = [app, *(e for e in earlier_registrations(secrets, app.server_url) if e.client_id != app.client_id)]
    value = json.dumps([json.loads(e.to_secret()) for e in kept], separators=(",", ":"))
    secrets.set(earlier_apps_ref(app.server_url), value)


@dataclass(frozen=True)
class OAuthServerInfo:
    authorization_endpoint: str
    token_endpoint: str
    revocation_endpoint: str
    scopes_supported: tuple[str, ...] = ()
    code_challenge_methods: tuple[str, ...] = ()
    discovered: bool = False  # False: the server predates 4.3 (no discovery document)


FlowKind = Literal["loopback", "copy_paste"]


class MastodonLogin:
    """Everything before we hold a token: app registration, discovery, the browser, the code exchange."""

    def __init__(
        self,
        server: str,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
    ) -> None:
        self.server_url = normalise_server(server)
        self._api = _Api(self.server_url, token=None, transport=transport, timeout=timeout)

    def close(self) -> None:
        self._api.close()

    def __enter__(self) -> MastodonLogin:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def check_server(self) -> str:
        """The server's version; raises Refused('not_mastodon') for a web site that is not Mastodon."""
        try:
            data = self._api.call("GET", "/api/v2/instance")
        except Refused as exc:
            if exc.code not in ("not_found", "not_mastodon"):
                raise
            data = self._api.call("GET", "/api/v1/instance")  # servers before 4.0
        version = data.get("version") if isinstance(data, dict) else None
        if not isinstance(version, str):
            raise _error(Refused, "not_mastodon")
        return version

    def register_app(
        self,
        *,
        redirect_uris: tuple[str, ...] = REDIRECT_URIS,
        scopes: str = SCOPES,
        website: str = WEBSITE,
    ) -> AppRegistration:
        data = self._api.call(
            "POST",
            "/api/v1/apps",
            data={
                "client_name": CLIENT_NAME,
                # Newline-separated works on every version (an array only from 4.3).
                "redirect_uris": "\n".join(redirect_uris),
                "scopes": scopes,
                "website": website,
            },
        )
        return AppRegistration(
            server_url=self.server_url,
            client_id=str(_require(data, "client_id")),
            client_secret=str(_require(data, "client_secret")),
            redirect_uris=redirect_uris,
            scopes=scopes,
        )

    def discover(self) -> OAuthServerInfo:
        """RFC 8414 metadata (Mastodon >= 4.3); a 404 means an older server with the usual endpoints."""
        defaults = OAuthServerInfo(
            authorization_endpoint=self.server_url + "/oauth/authorize",
            token_endpoint=self.server_url + "/oauth/token",
            revocation_endpoint=self.server_url + "/oauth/revoke",
        )
        response = self._api.send("GET", "/.well-known/oauth-authorization-server")
        if response.status_code == 404:
            return defaults
        data = parse_response(response)
        if not isinstance(data, dict):
            return defaults

        def same_origin(key: str, fallback: str) -> str:
            # Never send the client secret or a code to another host than the one the person chose.
            value = data.get(key)
            if isinstance(value, str) and value.startswith(self.server_url + "/"):
                return value
            return fallback

        def strings(key: str) -> tuple[str, ...]:
            value = data.get(key)
            return tuple(str(v) for v in value) if isinstance(value, list) else ()

        return OAuthServerInfo(
            authorization_endpoint=same_origin("authorization_endpoint", defaults.authorization_endpoint),
            token_endpoint=same_origin("token_endpoint", defaults.token_endpoint),
            revocation_endpoint=same_origin("revocation_endpoint", defaults.revocation_endpoint),
            scopes_supported=strings("scopes_supported"),
            code_challenge_methods=strings("code_challenge_methods_supported"),
            discovered=True,
        )

    @staticmethod
    def choose_flow(info: OAuthServerInfo, app: AppRegistration) -> FlowKind:
        """Loopback redirect on servers that announce PKCE (4.3+), copy-paste before that."""
        if (
            info.discovered
            and "S256" in info.code_challenge_methods
            and LOOPBACK_REDIRECT_URI in app.redirect_uris
        ):
            return "loopback"
        return "copy_paste"

    def url_builder(
        self, app: AppRegistration, info: OAuthServerInfo, *, lang: Lang = "en"
    ) -> Callable[[str, str, Pkce], str]:
        def build(redirect_uri: str, state: str, pkce: Pkce) -> str:
            # PKCE is sent even to servers that do not announce it: older ones simply ignore it.
            return build_authorize_url(
                info.authorization_endpoint,
                client_id=app.client_id,
                redirect_uri=redirect_uri,
                scope=app.scopes,
                state=state,
                pkce=pkce,
                extra={"lang": lang},
            )

        return build

    def login_in_browser(
        self,
        app: AppRegistration,
        info: OAuthServerInfo,
        open_browser: Callable[[str], object],
        *,
        timeout: float = 300.0,
        lang: Lang = "en",
        on_listening: Callable[[LoopbackListener], None] | None = None,
    ) -> str:
        """Loopback flow: open the browser, wait for the redirect, exchange the code. Returns the token."""
        auth = authorize_with_loopback(
            self.url_builder(app, info, lang=lang), open_browser, timeout=timeout, on_listening=on_listening
        )
        return self.exchange_code(app, info, auth)

    def start_copy_paste(
        self, app: AppRegistration, info: OAuthServerInfo, *, lang: Lang = "en"
    ) -> OobAttempt:
        """Copy-paste flow: show ``attempt.url``, then ``exchange_code(app, info, attempt.finish(text))``."""
        return start_oob(self.url_builder(app, info, lang=lang))

    def exchange_code(self, app: AppRegistration, info: OAuthServerInfo, auth: AuthorizationCode) -> str:
        """The access token for an authorisation code. Mastodon tokens do not expire (no refresh token)."""
        try:
            data = self._api.call(
                "POST",
                info.token_endpoint,
                data={
                    "grant_type": "authorization_code",
                    "code": auth.code,
                    "redirect_uri": auth.redirect_uri,
                    "client_id": app.client_id,
                    "client_secret": app.client_secret,
                    "code_verifier": auth.verifier,
                    "scope": app.scopes,
                },
            )
        except AuthExpired:
            # 401 here is "invalid_client": the registration was removed; the caller registers again.
            raise _error(Refused, "app_invalid") from None
        token = _require(data, "access_token")
        if not isinstance(token, str) or not token:
            raise _error(Unknown, "bad_response")
        return token

    def revoke(self, app: AppRegistration, info: OAuthServerInfo, token: str) -> None:
        self._api.call(
            "POST",
            info.revocation_endpoint,
            data={"client_id": app.client_id, "client_secret": app.client_secret, "token": token},
        )


def ensure_app(login: MastodonLogin, secrets: Secrets, ref: str | None = None) -> AppRegistration:
    """CM Desktop's registration on this server: from the keychain, or registered now and stored there."""
    ref = ref or app_secret_ref(login.server_url)
    stored = secrets.get(ref)
    replaced: AppRegistration | None = None
    if stored:
        try:
            app = AppRegistration.from_secret(stored)
            # Registered before CM Desktop needed more (listening): registered again with what it needs.
            if app.server_url == login.server_url and set(SCOPES.split()) <= set(app.scopes.split()):
                return app
            replaced = app if app.server_url == login.server_url else None
        except (ValueError, KeyError, TypeError):
            log.warning("stored Mastodon app registration unreadable; registering again")
    app = login.register_app()
    if replaced is not None:
        # The accounts connected with it keep working with their tokens; removing one later revokes its
        # token, which the server accepts only from the registration that gave it out.
        _keep_earlier(secrets, replaced)
    secrets.set(ref, app.to_secret())
    return app


# --- the connector ------------------------------------------------------------------------------------


class MastodonConnector:
    """One connected Mastodon account.

    Its token has no expiry: Mastodon gives no refresh tokens and a token works until it is revoked, so this
    connector has no `login_expires_at` and the account's `token_expires_at` stays empty."""

    network = NETWORK

    def __init__(
        self,
        server_url: str,
        access_token: str,
        *,
        account_id: str = "",
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        sleep: Callable[[float], None] = time.sleep,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        media_poll_tries: int = 30,
        media_poll_delay: float = 1.0,
        registration: AppRegistration | None = None,
        earlier_registrations: Sequence[AppRegistration] = (),
    ) -> None:
        self.server_url = normalise_server(server_url)
        self._api = _Api(self.server_url, token=access_token, transport=transport, timeout=timeout)
        # Kept only to end the session (revoke): never logged (the objects' reprs hide them).
        self._token, self._registration = access_token, registration
        self._earlier = tuple(earlier_registrations)
        self._transport, self._timeout = transport, timeout
        self._account_id = account_id
        self._sleep = sleep
        self._now = now
        self._media_poll_tries = media_poll_tries
        self._media_poll_delay = media_poll_delay
        self._privacy: str | None = None  # the person's default visibility, once verify has read it

    def __repr__(self) -> str:  # never the token
        return f"MastodonConnector({self.server_url!r}, account_id={self._account_id!r})"

    def end_session(self) -> None:
        """Revoke this token on the server (the account is being removed). Needs CM Desktop's registration
        that gave the token out: the current one (`registration`) or, for a login made before CM Desktop
        registered again, an earlier one (`earlier_registrations`); the server refuses a revocation from
        another registration (401 or 403), and then the next one is tried. A token the server no longer
        knows is as good as revoked."""
        registrations = [r for r in (self._registration, *self._earlier) if r is not None]
        if not registrations:
            raise _error(Refused, "app_invalid")
        login = MastodonLogin(self.server_url, transport=self._transport, timeout=self._timeout)
        try:
            info = login.discover()
            for index, registration in enumerate(registrations):
                try:
                    login.revoke(registration, info, self._token)
                    return
                except AuthExpired:
                    if index == len(registrations) - 1:
                        raise
                    log.info("mastodon: revocation refused for this registration; trying an earlier one")
        finally:
            login.close()

    def close(self) -> None:
        self._api.close()

    def __enter__(self) -> MastodonConnector:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def last_rate_limit(self) -> RateLimitInfo | None:
        """The X-RateLimit-* values of the latest answer (300 requests per 5 minutes by default)."""
        return self._api.last_rate_limit

    # account and server ----------------------------------------------------------------------------

    def verify(self) -> AccountInfo:
        data = self._api.call("GET", "/api/v1/accounts/verify_credentials")
        remote_id = str(_require(data, "id"))
        self._account_id = remote_id
        username = str(data.get("username") or data.get("acct") or "")
        source = _dict(data.get("source"))
        privacy = source.get("privacy")
        self._privacy = privacy if privacy in _VISIBILITIES else ""
        language = source.get("language")
        return AccountInfo(
            network=NETWORK,
            handle=f"@{username}@{_host_of(self.server_url)}",
            display_name=str(data.get("display_name") or username),
            remote_id=remote_id,
            server_url=self.server_url,
            avatar_url=str(data.get("avatar_static") or data.get("avatar") or ""),
            default_visibility=self._privacy,
            default_language=language if isinstance(language, str) else "",
        )

    def limits(self) -> ServerLimits:
        try:
            data = self._api.call("GET", "/api/v2/instance")
        except Refused as exc:
            if exc.code not in ("not_found", "not_mastodon"):
                raise
            data = self._api.call("GET", "/api/v1/instance")  # before Mastodon 4.0
        return parse_limits(data)

    # publishing ------------------------------------------------------------------------------------

    def upload_media(self, image: OutgoingImage, *, focus: tuple[float, float] | None = None) -> str:
        """Upload one image and wait until the server has processed it; returns the media id."""
        try:
            content = image.path.read_bytes()
        except OSError:
            raise _error(Refused, "file_missing") from None
        form = {"description": image.alt}
        if focus is not None and focus != (0.0, 0.0):
            form["focus"] = f"{focus[0]:.2f},{focus[1]:.2f}"
        data = self._api.call(
            "POST",
            "/api/v2/media",
            files={"file": (image.path.name, content, image.mime_type)},
            data=form,
        )
        media_id = str(_require(data, "id"))
        # 202 (or 200 with url null): still processing. 206 on GET means the same.
        tries = 0
        while data.get("url") is None:
            if tries >= self._media_poll_tries:
                raise _error(Unknown, "media_processing")
            tries += 1
            self._sleep(self._media_poll_delay)
            data = self._api.call("GET", f"/api/v1/media/{quote(media_id, safe='')}")
            if not isinstance(data, dict):
                raise _error(Unknown, "bad_response")
        return media_id

    def publish(self, post: OutgoingPost) -> PublishResult:
        media_ids = self._upload_all(post)
        form: dict[str, Any] = {"status": post.text}
        visibility = self._visibility(post)
        if visibility:
            form["visibility"] = visibility
        if post.reply_to is not None:
            form["in_reply_to_id"] = post.reply_to.parent_id
        if media_ids:
            form["media_ids[]"] = media_ids
        if post.langs:
            form["language"] = post.langs[0].split("-")[0].split("_")[0].lower()
        schedule = self._native_schedule_time(post.scheduled_at)
        if schedule is not None:
            form["scheduled_at"] = _iso_utc(schedule)
        # The same key on every attempt of this target: the server answers a repeat with the first status.
        headers = {"Idempotency-Key": post.idempotency_key}
        try:
            data = self._api.call("POST", "/api/v1/statuses", data=form, headers=headers)
        except NetworkError as exc:
            exc.progress.update(_uploaded(media_ids))
            raise
        return _result(data)

    def _upload_all(self, post: OutgoingPost) -> list[str]:
        """Each picture's id: the one an earlier attempt got, or a new upload. A failure halfway carries the
        ids already given (`NetworkError.progress`), so the next attempt does not upload them again."""
        ids: list[str] = []
        for position, image in enumerate(post.images):
            known = post.uploaded[position] if position < len(post.uploaded) else ""
            if known:
                ids.append(known)
                continue
            try:
                ids.append(self.upload_media(image, focus=mastodon_focus(image.focal)))
            except NetworkError as exc:
                exc.progress.update(_uploaded(ids))
                raise
        return ids

    def _visibility(self, post: OutgoingPost) -> str:
        """Who sees it: the person's choice, else their own default on this server (never forced public:
        "" leaves it to the server, which applies that default), and an answer never wider than what it
        answers (then the default is read, once)."""
        if post.reply_to is None:
            return post.visibility if post.visibility in _VISIBILITIES else ""
        return _narrowest(post.visibility or self._default_visibility(), post.reply_to.visibility)

    def _default_visibility(self) -> str:
        if self._privacy is None:
            self.verify()  # also learns the account's id
        return self._privacy or "public"

    def _native_schedule_time(self, when: datetime | None) -> datetime | None:
        """The time to send as scheduled_at, or None to publish now (the outbox keeps nearer posts itself)."""
        if when is None:
            return None
        if when.tzinfo is None:
            raise ValueError("scheduled times must be timezone-aware")
        now = self._now()
        if when - now < NATIVE_SCHEDULE_MIN_LEAD:
            return None
        return max(when, now + NATIVE_SCHEDULE_MIN_LEAD + _SCHEDULE_SAFETY)

    def update_schedule(self, remote_id: str, when: datetime) -> PublishResult:
        data = self._api.call(
            "PUT",
            f"/api/v1/scheduled_statuses/{quote(remote_id, safe='')}",
            data={"scheduled_at": _iso_utc(when)},
        )
        return _result(data)

    def cancel_schedule(self, remote_id: str) -> None:
        self._delete(f"/api/v1/scheduled_statuses/{quote(remote_id, safe='')}")

    # the outbox's native scheduling (core.ports.NativeScheduling) ------------------------------

    def reschedule(self, native_id: str, when: datetime) -> PublishResult | None:
        """Move a scheduled status; None when the server no longer has it (published at its time, or
        deleted on the web). The server refuses a time less than 5 minutes ahead (422: Refused)."""
        try:
            return self.update_schedule(native_id, when)
        except Refused as exc:
            if exc.code == "not_found":
                return None
            raise

    def cancel(self, native_id: str) -> bool:
        """Delete a scheduled status so it never goes out. False: the server no longer had it."""
        try:
            self._api.call("DELETE", f"/api/v1/scheduled_statuses/{quote(native_id, safe='')}")
        except Refused as exc:
            if exc.code == "not_found":
                return False
            raise
        return True

    def scheduled_copy(self, native_id: str) -> PublishResult | None:
        """The copy the server holds under this id; None when it no longer holds it."""
        try:
            data = self._api.call("GET", f"/api/v1/scheduled_statuses/{quote(native_id, safe='')}")
        except Refused as exc:
            if exc.code == "not_found":
                return None
            raise
        return _result(data)

    def find_published(self, post: OutgoingPost, since: datetime | None) -> PublishResult | None:
        """This post among the account's statuses created at or after `since` (by its text and pictures),
        paging back until past that moment. None when surely absent; Unknown when it cannot tell."""
        if since is None:
            raise _error(Unknown, "lookup_failed", "no time to look back to")
        try:
            return self._find_status(post, since)
        except (AuthExpired, RateLimited, NotSent, Unknown):
            raise
        except NetworkError as exc:
            raise _error(Unknown, "lookup_failed", exc.server_reason) from None

    def _find_status(self, post: OutgoingPost, since: datetime) -> PublishResult | None:
        account_id = self._account_id or self.verify().remote_id
        path = f"/api/v1/accounts/{quote(account_id, safe='')}/statuses"
        wanted = {fingerprint(post.text), post.fingerprint} - {""}
        for page in self._pages(path, {"limit": LOOKUP_LIMIT, "exclude_reblogs": "true"}):
            for item in page:
                created = _created_at(item)
                if created is not None and created < since:
                    return None  # past the attempt: everything newer has been read
                if _same_media_count(post, item.get("media_attachments")) and self._said(item, wanted):
                    return _result(item)
        return None  # every status of the account was read (_pages raises when it cannot read them all)

    def _said(self, status: dict[str, Any], wanted: set[str]) -> bool:
        """The status says what we sent: as it is now, or, edited on the web since, as it was first."""
        if fingerprint_html(str(status.get("content") or "")) in wanted:
            return True
        if not status.get("edited_at"):
            return False
        history = self._api.call("GET", f"/api/v1/statuses/{quote(str(status.get('id')), safe='')}/history")
        first = history[0] if isinstance(history, list) and history and isinstance(history[0], dict) else {}
        return fingerprint_html(str(first.get("content") or "")) in wanted

    def _pages(self, path: str, params: dict[str, Any]) -> Iterator[list[dict[str, Any]]]:
        """Pages of a list, newest first, following the Link header's "next" (max_id)."""
        url: str | None = path
        for _page in range(LOOKUP_MAX_PAGES):
            if url is None:
                return
            response = self._api.send("GET", url, params=params if url == path else None)
            data = parse_response(response)
            if not isinstance(data, list):
                raise _error(Unknown, "bad_response")
            yield [item for item in data if isinstance(item, dict)]
            following = response.links.get("next", {}).get("url")
            url = following if data and isinstance(following, str) and following else None
        if url is not None:
            raise _error(Unknown, "lookup_failed", "too many pages")

    def delete(self, remote_id: str, *, scheduled: bool = False) -> None:
        """Remove a status (or, with ``scheduled``, a natively scheduled one). Already gone counts as done."""
        if scheduled:
            self.cancel_schedule(remote_id)
            return
        self._delete(f"/api/v1/statuses/{quote(remote_id, safe='')}")

    def _delete(self, path: str) -> None:
        try:
            self._api.call("DELETE", path)
        except Refused as exc:
            if exc.code != "not_found":
                raise

    def get_status(self, remote_id: str) -> dict[str, Any]:
        data = self._api.call("GET", f"/api/v1/statuses/{quote(remote_id, safe='')}")
        if not isinstance(data, dict):
            raise _error(Unknown, "bad_response")
        return data

    # reconciliation --------------------------------------------------------------------------------

    def lookup(self, post: OutgoingPost) -> PublishResult | None:
        """Find this post if an earlier attempt created it; None when it surely did not.

        Needed because the Idempotency-Key is ignored with scheduled_at (mastodon#30039) and kept only an
        hour, and a repeat once answered 500 (mastodon#40399):
        - handed over for later: among the scheduled statuses, by text, pictures and the time asked for,
          never a copy another target holds (`post.taken_ids`);
        - published: among the statuses created after the attempt (`post.not_before`, less our clocks'
          difference), reading back page by page until past it; an edited status by its first version.
        Raises Unknown when it cannot tell (no attempt time, or more statuses than a look-up reads).
        """
        if post.not_before is None:
            raise _error(Unknown, "lookup_failed", "no attempt time recorded")
        try:
            if post.scheduled_at is not None:
                found = self._find_scheduled(post)
                if found is not None:
                    return found
            return self._find_status(post, post.not_before - LOOKUP_SKEW)
        except (AuthExpired, RateLimited, NotSent, Unknown):
            raise
        except NetworkError as exc:
            raise _error(Unknown, "lookup_failed", exc.server_reason) from None

    def _find_scheduled(self, post: OutgoingPost) -> PublishResult | None:
        assert post.scheduled_at is not None
        wanted = {fingerprint(post.text), post.fingerprint} - {""}
        # We may have asked a little later than the post's time (Mastodon wants 5 minutes ahead).
        window = NATIVE_SCHEDULE_MIN_LEAD + _SCHEDULE_SAFETY + LOOKUP_SKEW
        for page in self._pages("/api/v1/scheduled_statuses", {"limit": LOOKUP_LIMIT}):
            for item in page:
                params = _dict(item.get("params"))
                at = _parse_time(item.get("scheduled_at"))
                if (
                    str(item.get("id")) not in post.taken_ids
                    and fingerprint(str(params.get("text") or "")) in wanted
                    and _same_media_count(post, params.get("media_ids"))
                    and at is not None
                    and abs(at - post.scheduled_at) <= window
                ):
                    return _result(item)
        return None

    # reading (networks/mastodon_inbox.py builds the inbox on these) -------------------------------

    @property
    def account_id(self) -> str:
        """Our account's id on the server ("" until known: `verify` learns it)."""
        return self._account_id

    def api(self, method: str, path: str, **kwargs: Any) -> Any:
        """One call to the server's API, its answer parsed (failures raised as our errors)."""
        return self._api.call(method, path, **kwargs)

    def api_page(self, path: str, params: dict[str, Any]) -> tuple[Any, dict[str, str]]:
        """A GET of a paged list: its parsed answer and its Link header's URLs by `rel` ("next"...)."""
        response = self._api.send("GET", path, params=params)
        data = parse_response(response)
        return data, {str(rel): str(link.get("url", "")) for rel, link in response.links.items() if rel}

    def _list(self, path: str, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
        data = self._api.call("GET", path, params=params)
        if not isinstance(data, list):
            raise _error(Unknown, "bad_response")
        for item in data:
            if isinstance(item, dict):
                yield item


# From the widest audience to the narrowest: an answer never reaches wider than what it answers.
_VISIBILITIES = ("public", "unlisted", "private", "direct")


def _narrowest(wanted: str, parent: str) -> str:
    wanted = wanted if wanted in _VISIBILITIES else "public"
    if parent in _VISIBILITIES and _VISIBILITIES.index(parent) > _VISIBILITIES.index(wanted):
        return parent
    return wanted


def mastodon_focus(focal: tuple[float, float]) -> tuple[float, float]:
    """Our focal point (0..1 from the top left, as the person placed it) in Mastodon's terms: -1..1 from
    the centre, y upwards."""
    x, y = (min(max(v, 0.0), 1.0) for v in focal)
    return round(2 * x - 1, 2), round(1 - 2 * y, 2)


def _uploaded(ids: list[str]) -> dict[str, str]:
    return {f"media:{position}": media_id for position, media_id in enumerate(ids)}


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _parse_time(value: Any) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(value or ""))
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _created_at(status: dict[str, Any]) -> datetime | None:
    return _parse_time(status.get("created_at"))


def _same_media_count(post: OutgoingPost, media: Any) -> bool:
    # Posts of images only have an empty text: the number of images tells them apart a little better.
    count = len(media) if isinstance(media, list) else 0
    return count == len(post.images)


def _result(data: Any) -> PublishResult:
    remote_id = str(_require(data, "id"))
    if "scheduled_at" in data and "params" in data:  # a ScheduledStatus, not a Status
        return PublishResult(
            remote_id=remote_id, url="", scheduled=True, extra={"scheduled_at": str(data["scheduled_at"])}
        )
    url = data.get("url") or data.get("uri") or ""
    return PublishResult(remote_id=remote_id, url=str(url))


def parse_limits(data: Any) -> ServerLimits:
    """Limits from /api/v2/instance or /api/v1/instance (same ``configuration`` block in both)."""
    if not isinstance(data, dict):
        raise _error(Refused, "not_mastodon")
    config = _dict(data.get("configuration"))
    statuses = _dict(config.get("statuses"))
    media = _dict(config.get("media_attachments"))

    def number(block: dict[str, Any], key: str, fallback: Any = None) -> int | None:
        value = block.get(key, fallback)
        return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None

    mime_types = media.get("supported_mime_types")
    return ServerLimits(
        # max_toot_chars: forks (Glitch, Pleroma-compatible servers) announce it at the top of v1.
        max_characters=number(statuses, "max_characters", data.get("max_toot_chars")),
        characters_reserved_per_url=number(statuses, "characters_reserved_per_url"),
        max_media_attachments=number(statuses, "max_media_attachments"),
        image_size_limit=number(media, "image_size_limit"),
        image_matrix_limit=number(media, "image_matrix_limit"),
        video_size_limit=number(media, "video_size_limit"),
        video_matrix_limit=number(media, "video_matrix_limit"),
        description_limit=number(media, "description_limit"),  # announced since Mastodon 4.4
        supported_mime_types=tuple(str(m) for m in mime_types) if isinstance(mime_types, list) else (),
    )
