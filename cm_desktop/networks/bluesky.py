"""Bluesky (AT Protocol) connector: handle + app password, posts with facets, images and link cards.

Login happens once (`connect`): createSession is limited to 30 per 5 minutes and 300 per day, so the session
(access + refresh tokens) is kept in the keychain and refreshed, never re-created per post. A post's record
key is the target's idempotency key (a TID made and stored before the first request): after an unclear
outcome, `lookup` asks the server for that exact key.

Secrets: tokens and the app password never reach a log line or an exception message.
"""

from __future__ import annotations

import base64
import json
import logging
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import quote, urlsplit

import httpx

from cm_desktop.core import networks as registry
from cm_desktop.core.i18n import Text
from cm_desktop.core.ports import (
    AccountInfo,
    AuthExpired,
    LinkCard,
    NetworkError,
    NotSent,
    OutgoingImage,
    OutgoingPost,
    PublishResult,
    RateLimited,
    Refused,
    ReplyTo,
    ServerLimits,
    Unknown,
)
from cm_desktop.core.tid import is_tid, new_tid
from cm_desktop.networks.http import build_client, never_sent, rate_limit_until
from cm_desktop.platform.secrets import MAX_SECRET_CHARS, Secrets, SecretTooLarge

__all__ = [
    "APP_PASSWORDS_URL",
    "DEFAULT_SERVICE",
    "MAX_BLOB_BYTES",
    "PLC_DIRECTORY",
    "BlueskyConnector",
    "Session",
    "check_app_password",
    "connect",
    "new_tid",
    "normalise_handle",
    "post_url",
]

log = logging.getLogger(__name__)

NETWORK = "bluesky"
# Where handles are resolved when the person gives no server of their own; it resolves any handle.
DEFAULT_SERVICE = "https://bsky.social"
PLC_DIRECTORY = "https://plc.directory"
APP_PASSWORDS_URL = "https://bsky.app/settings/app-passwords"
POST_COLLECTION = "app.bsky.feed.post"
PROFILE_COLLECTION = "app.bsky.actor.profile"
MAX_BLOB_BYTES = registry.get(NETWORK).accepts.max_bytes
MAX_IMAGES = registry.get(NETWORK).accepts.max_images
MAX_LANGS = 3

_APP_PASSWORD_RE = re.compile(r"[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}")
_HANDLE_RE = re.compile(
    r"([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?",
)
_DID_RE = re.compile(r"did:[a-z]+:[a-zA-Z0-9._:%-]{1,2000}")
# Invisible marks that come along when a handle is copied from a profile page.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")
)
_JWT_RE = re.compile(r"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")


# --- Messages people read -------------------------------------------------------------------------------

APP_PASSWORD_FORMAT = Text(
    en=(
        "This is not a Bluesky app password. An app password looks like xxxx-xxxx-xxxx-xxxx. Create one in "
        "Bluesky: Settings > Privacy and security > App passwords (https://bsky.app/settings/app-passwords). "
        "Do not use your main Bluesky password here."
    ),
    fr=(
        "Ce n'est pas un mot de passe d'application Bluesky. Il a la forme xxxx-xxxx-xxxx-xxxx. Créez-en un "
        "dans Bluesky : Paramètres > Confidentialité et sécurité > Mots de passe d'application "
        "(https://bsky.app/settings/app-passwords). N'utilisez pas ici votre mot de passe Bluesky principal."
    ),
)
HANDLE_FORMAT = Text(
    en="“{handle}” is not a Bluesky handle. A handle looks like name.bsky.social.",
    fr="« {handle} » n'est pas un identifiant Bluesky. Un identifiant a la forme nom.bsky.social.",
)
HANDLE_NOT_FOUND = Text(
    en="No Bluesky account was found for {handle}. Check the spelling of the handle.",
    fr="Aucun compte Bluesky n'a été trouvé pour {handle}. Vérifiez l'orthographe de l'identifiant.",
)
WRONG_LOGIN = Text(
    en=(
        "Bluesky did not accept this handle and app password. Check the handle, or create a new app "
        "password in Bluesky: Settings > Privacy and security > App passwords "
        "(https://bsky.app/settings/app-passwords)."
    ),
    fr=(
        "Bluesky n'a pas accepté cet identifiant et ce mot de passe d'application. Vérifiez l'identifiant, "
        "ou créez un nouveau mot de passe d'application dans Bluesky : Paramètres > Confidentialité et "
        "sécurité > Mots de passe d'application (https://bsky.app/settings/app-passwords)."
    ),
)
ACCOUNT_UNAVAILABLE = Text(
    en="This Bluesky account is suspended or deactivated ({reason}).",
    fr="Ce compte Bluesky est suspendu ou désactivé ({reason}).",
)
SESSION_EXPIRED = Text(
    en="The Bluesky login has expired. Please reconnect the account with an app password.",
    fr="La connexion à Bluesky a expiré. Reconnectez le compte avec un mot de passe d'application.",
)
NOT_CONNECTED = Text(
    en="This Bluesky account is not connected on this computer. Please connect it again.",
    fr="Ce compte Bluesky n'est pas connecté sur cet ordinateur. Veuillez le reconnecter.",
)
NOT_BLUESKY = Text(
    en="The server {host} did not answer like a Bluesky server. Check the server address.",
    fr="Le serveur {host} n'a pas répondu comme un serveur Bluesky. Vérifiez l'adresse du serveur.",
)
UNREACHABLE = Text(
    en="Bluesky could not be reached ({host}). Check the Internet connection; it will be tried again.",
    fr="Bluesky est injoignable ({host}). Vérifiez la connexion Internet ; un nouvel essai sera fait.",
)
SERVER_TROUBLE = Text(
    en="Bluesky had a problem ({status}). It will be tried again.",
    fr="Bluesky a rencontré un problème ({status}). Un nouvel essai sera fait.",
)
REFUSED = Text(
    en="Bluesky refused the request: {reason}",
    fr="Bluesky a refusé la demande : {reason}",
)
RATE_LIMITED = Text(
    en="Bluesky asks us to wait before sending more (until {when} UTC).",
    fr="Bluesky demande d'attendre avant d'envoyer davantage (jusqu'à {when} UTC).",
)
IMAGE_TOO_LARGE = Text(
    en="The picture “{name}” is too large for Bluesky ({size} bytes; at most 1,000,000).",
    fr="L'image « {name} » est trop lourde pour Bluesky ({size} octets ; 1 000 000 au plus).",
)
IMAGE_UNREADABLE = Text(
    en="The picture “{name}” could not be read.",
    fr="L'image « {name} » n'a pas pu être lue.",
)
TOO_MANY_IMAGES = Text(
    en="Bluesky accepts at most 4 pictures per post.",
    fr="Bluesky accepte au plus 4 images par publication.",
)
BAD_RECORD_KEY = Text(
    en="Internal error: the post has no valid Bluesky record key.",
    fr="Erreur interne : la publication n'a pas de clé d'enregistrement Bluesky valide.",
)


def _rate_limited(until: datetime) -> RateLimited:
    return RateLimited(RATE_LIMITED, until=until, when=until.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"))


# --- Pure helpers ---------------------------------------------------------------------------------------


def check_app_password(value: str) -> str:
    """The app password as Bluesky expects it, or Refused saying what one looks like and where."""
    candidate = value.strip().lower()
    if not _APP_PASSWORD_RE.fullmatch(candidate):
        raise Refused(APP_PASSWORD_FORMAT, code="app_password_format")
    return candidate


def normalise_handle(value: str, *, default_domain: str | None = "bsky.social") -> str:
    """'@Name.bsky.social' (pasted with invisible marks) -> 'name.bsky.social'; a DID is kept as is."""
    cleaned = value.translate(_INVISIBLE).strip().lstrip("@").strip()
    if _DID_RE.fullmatch(cleaned):
        return cleaned
    handle = cleaned.lower().rstrip(".")
    if handle and "." not in handle and default_domain:
        handle = f"{handle}.{default_domain}"  # people often type only their name
    if len(handle) > 253 or not _HANDLE_RE.fullmatch(handle):
        raise Refused(HANDLE_FORMAT, code="handle_format", handle=cleaned[:64])
    return handle


def post_url(handle: str, rkey: str) -> str:
    return f"https://bsky.app/profile/{handle}/post/{rkey}"


def at_uri(did: str, collection: str, rkey: str) -> str:
    return f"at://{did}/{collection}/{rkey}"


def utc_timestamp(moment: datetime | None = None) -> str:
    """ISO 8601 in UTC with milliseconds and 'Z', the form Bluesky's own app writes."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def reply_ref(reply: ReplyTo) -> dict[str, Any]:
    """A post record's `reply`: the post answered (parent) and its thread's first post (root), each with the
    content id it had when read. A top-level post is its own root."""
    parent = {"uri": reply.parent_id, "cid": reply.parent_cid}
    root = {"uri": reply.root_id, "cid": reply.root_cid} if reply.root_id else parent
    return {"root": root, "parent": parent}


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


def _service_endpoint(doc: Mapping[str, Any], did: str) -> str | None:
    """The `#atproto_pds` service of a DID document."""
    services = doc.get("service")
    if not isinstance(services, list):
        return None
    for service in services:
        if not isinstance(service, dict):
            continue
        sid = service.get("id")
        if (
            sid in ("#atproto_pds", f"{did}#atproto_pds")
            and service.get("type") == "AtprotoPersonalDataServer"
        ):
            endpoint = service.get("serviceEndpoint")
            if isinstance(endpoint, str) and endpoint.startswith(("https://", "http://")):
                return endpoint.rstrip("/")
    return None


# --- Session --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Session:
    """What is kept in the keychain for one account (one JSON string)."""

    did: str
    handle: str
    service: str
    access_jwt: str | None
    refresh_jwt: str

    def to_json(self, *, with_access: bool = True) -> str:
        data = {
            "did": self.did,
            "handle": self.handle,
            "service": self.service,
            "refreshJwt": self.refresh_jwt,
        }
        if with_access and self.access_jwt:
            data["accessJwt"] = self.access_jwt
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def from_json(cls, raw: str) -> Session:
        data = json.loads(raw)
        return cls(
            did=str(data["did"]),
            handle=str(data["handle"]),
            service=str(data["service"]),
            access_jwt=data.get("accessJwt") or None,
            refresh_jwt=str(data["refreshJwt"]),
        )

    def __repr__(self) -> str:  # tokens must never show up in a traceback or a log
        return f"Session(did={self.did!r}, handle={self.handle!r}, service={self.service!r})"


def jwt_expiry(token: str) -> datetime | None:
    """The `exp` claim of a JWT (read, not verified: the server checks its own tokens), or None."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        exp = claims["exp"]
        if isinstance(exp, bool) or not isinstance(exp, int | float):
            return None
        return datetime.fromtimestamp(exp, UTC)
    except (IndexError, ValueError, KeyError, TypeError, OverflowError, OSError):
        return None


def _save_session(secrets: Secrets, ref: str, session: Session) -> None:
    """Store at once (a rotated refresh token is the only valid one). Windows caps a secret at 2,560 bytes:
    when both tokens do not fit, keep only the refresh token; the access token is then fetched on start."""
    try:
        secrets.set(ref, session.to_json())
    except SecretTooLarge:
        compact = session.to_json(with_access=False)
        if len(compact) > MAX_SECRET_CHARS:
            raise
        secrets.set(ref, compact)


# --- HTTP layer -----------------------------------------------------------------------------------------


class _Xrpc:
    """XRPC calls over one httpx client, turning every failure into a NetworkError."""

    def __init__(self, client: httpx.Client, redact: Callable[[str], str]) -> None:
        self.client = client
        self._redact = redact

    def call(
        self,
        method: Literal["GET", "POST"],
        base: str,
        nsid: str,
        *,
        params: Mapping[str, str] | None = None,
        body: Mapping[str, Any] | None = None,
        content: bytes | None = None,
        content_type: str | None = None,
        token: str | None = None,
    ) -> dict[str, Any]:
        headers: dict[str, str] = {}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if content_type:
            headers["Content-Type"] = content_type
        return self.fetch_json(
            method,
            f"{base.rstrip('/')}/xrpc/{nsid}",
            params=params,
            body=body,
            content=content,
            headers=headers,
            what=nsid,
        )

    def fetch_json(
        self,
        method: Literal["GET", "POST"],
        url: str,
        *,
        params: Mapping[str, str] | None = None,
        body: Mapping[str, Any] | None = None,
        content: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        what: str = "",
    ) -> dict[str, Any]:
        host = _host(url)
        try:
            response = self.client.request(
                method, url, params=params, json=body, content=content, headers=headers
            )
        except httpx.HTTPError as exc:
            # `from None`: httpx's message carries the request, and the request may carry a token.
            log.info("bluesky %s %s: %s", what, host, type(exc).__name__)
            if never_sent(exc):
                raise NotSent(UNREACHABLE, code="unreachable", host=host) from None
            code = "timeout" if isinstance(exc, httpx.TimeoutException) else "network"
            raise Unknown(UNREACHABLE, code=code, host=host) from None
        log.debug("bluesky %s %s -> %s", what, host, response.status_code)
        return self._parse(response, host)

    def _parse(self, response: httpx.Response, host: str) -> dict[str, Any]:
        status = response.status_code
        if status == 429:
            raise _rate_limited(rate_limit_until(response.headers))
        data = self._json(response)
        if 200 <= status < 300:
            if data is None:
                if not response.content.strip():
                    return {}  # some procedures answer with an empty body
                raise Refused(NOT_BLUESKY, code="not_bluesky", host=host)
            return data
        error = str(data.get("error", "")) if data else ""
        reason = self._redact(str(data.get("message", "") or error)) if data else ""
        if status >= 500:
            raise Unknown(SERVER_TROUBLE, code=error or "server_error", server_reason=reason, status=status)
        if data is None:
            # An HTML page, a redirect to a login portal...: not an XRPC server.
            raise Refused(NOT_BLUESKY, code="not_bluesky", host=host)
        raise XrpcError(status, error, reason)

    @staticmethod
    def _json(response: httpx.Response) -> dict[str, Any] | None:
        if "json" not in response.headers.get("content-type", ""):
            return None
        try:
            data = response.json()
        except ValueError:
            return None
        return data if isinstance(data, dict) else None


class XrpcError(NetworkError):
    """A 4xx XRPC error, before the caller decides what it means (expired token, missing record...)."""

    def __init__(self, status: int, error: str, reason: str) -> None:
        super().__init__(f"{status} {error}: {reason}", code=error, server_reason=reason)
        self.status = status
        self.error = error
        self.reason = reason

    def mapped(self) -> NetworkError:
        """The outbox's view of this error."""
        if self.error in ("ExpiredToken", "InvalidToken", "AuthMissing", "AuthenticationRequired") or (
            self.status == 401
        ):
            return AuthExpired(SESSION_EXPIRED, code=self.error or "auth", server_reason=self.reason)
        if self.error in ("AccountTakedown", "AccountDeactivated", "AccountNotFound"):
            return AuthExpired(
                ACCOUNT_UNAVAILABLE, code=self.error, server_reason=self.reason, reason=self.error
            )
        return Refused(
            REFUSED,
            code=self.error or f"http_{self.status}",
            server_reason=self.reason,
            reason=self.reason or self.error,
        )


# --- Login ----------------------------------------------------------------------------------------------


def _resolve_pds(xrpc: _Xrpc, handle: str, *, resolver: str, plc_url: str) -> tuple[str, str]:
    """handle -> (DID, PDS URL) through resolveHandle and the DID document's `#atproto_pds` service."""
    if handle.startswith("did:"):
        did = handle
    else:
        try:
            found = xrpc.call(
                "GET", resolver, "com.atproto.identity.resolveHandle", params={"handle": handle}
            )
        except XrpcError as exc:
            if exc.status == 400:
                raise Refused(HANDLE_NOT_FOUND, code="handle_not_found", handle=handle) from None
            raise exc.mapped() from None
        did = str(found.get("did", ""))
        if not _DID_RE.fullmatch(did):
            raise Refused(NOT_BLUESKY, code="not_bluesky", host=_host(resolver))
    if did.startswith("did:plc:"):
        doc_url = f"{plc_url.rstrip('/')}/{quote(did, safe=':')}"
    elif did.startswith("did:web:"):
        rest = did.removeprefix("did:web:")
        if ":" in rest or "/" in rest:  # did:web with a path is not allowed in atproto
            raise Refused(HANDLE_NOT_FOUND, code="did_unsupported", handle=handle)
        doc_url = f"https://{rest.replace('%3A', ':')}/.well-known/did.json"
    else:
        raise Refused(HANDLE_NOT_FOUND, code="did_unsupported", handle=handle)
    try:
        doc = xrpc.fetch_json("GET", doc_url, what="did-document")
    except XrpcError as exc:
        if exc.status == 404:
            raise Refused(HANDLE_NOT_FOUND, code="did_not_found", handle=handle) from None
        raise exc.mapped() from None
    pds = _service_endpoint(doc, did)
    if pds is None:
        raise Refused(HANDLE_NOT_FOUND, code="no_pds", handle=handle)
    return did, pds


def connect(
    handle: str,
    app_password: str,
    *,
    secrets: Secrets,
    secret_ref: str,
    service_url: str | None = None,
    plc_url: str = PLC_DIRECTORY,
    transport: httpx.BaseTransport | None = None,
    client: httpx.Client | None = None,
) -> BlueskyConnector:
    """Log in once with an app password, keep the session in the keychain, return a ready connector.

    `service_url`: the person's own server (self-hosted PDS, tests); the handle is resolved there, and it is
    used as is when the DID document cannot be read. Without it the handle is resolved by bsky.social.
    """
    password = check_app_password(app_password)
    identifier = normalise_handle(handle, default_domain=None if service_url else "bsky.social")
    http = client or build_client(transport=transport)
    xrpc = _Xrpc(http, lambda text: text.replace(password, "[app password]"))
    try:
        resolver = (service_url or DEFAULT_SERVICE).rstrip("/")
        try:
            did, pds = _resolve_pds(xrpc, identifier, resolver=resolver, plc_url=plc_url)
        except (Refused, Unknown, NotSent):
            if not service_url:
                raise
            # A self-hosted server whose identity lives elsewhere: log in where we were told to.
            did, pds = "", resolver
        try:
            created = xrpc.call(
                "POST",
                pds,
                "com.atproto.server.createSession",
                body={"identifier": identifier, "password": password},
            )
        except XrpcError as exc:
            if exc.error in ("AccountTakedown", "AccountDeactivated"):
                raise exc.mapped() from None
            if exc.status in (400, 401):
                raise AuthExpired(WRONG_LOGIN, code="wrong_login", server_reason=exc.reason) from None
            raise exc.mapped() from None
        try:
            session = Session(
                did=str(created["did"]),
                handle=str(created.get("handle") or identifier),
                service=pds,
                access_jwt=str(created["accessJwt"]),
                refresh_jwt=str(created["refreshJwt"]),
            )
        except KeyError:
            raise Refused(NOT_BLUESKY, code="not_bluesky", host=_host(pds)) from None
        if did and session.did != did:
            # Logged into another identity than the handle's: refuse rather than post as someone else.
            raise Refused(NOT_BLUESKY, code="did_mismatch", host=_host(pds))
        _save_session(secrets, secret_ref, session)
        log.info("bluesky: connected %s on %s", session.handle, _host(pds))
    except BaseException:
        if client is None:
            http.close()
        raise
    return BlueskyConnector(secrets, secret_ref, client=http, owns_client=client is None)


# --- Publisher ------------------------------------------------------------------------------------------


class BlueskyConnector:
    """One Bluesky account, built from the session kept in the keychain under `secret_ref`."""

    network = NETWORK

    def __init__(
        self,
        secrets: Secrets,
        secret_ref: str,
        *,
        transport: httpx.BaseTransport | None = None,
        client: httpx.Client | None = None,
        owns_client: bool | None = None,
    ) -> None:
        self._secrets = secrets
        self._ref = secret_ref
        raw = secrets.get(secret_ref)
        if not raw:
            raise AuthExpired(NOT_CONNECTED, code="not_connected")
        try:
            self._session = Session.from_json(raw)
        except (ValueError, KeyError, TypeError):
            raise AuthExpired(NOT_CONNECTED, code="not_connected") from None
        self._http = client or build_client(transport=transport)
        self._owns_client = (client is None) if owns_client is None else owns_client
        self._xrpc = _Xrpc(self._http, self._redact)
        # One refresher at a time: two concurrent refreshSession calls with the same token would revoke it.
        self._refresh_lock = threading.Lock()
        self.refresh_count = 0

    # -- plumbing --

    @property
    def did(self) -> str:
        return self._session.did

    @property
    def handle(self) -> str:
        return self._session.handle

    @property
    def service(self) -> str:
        return self._session.service

    def login_expires_at(self) -> datetime | None:
        """When the stored login ends unless it is used: the refresh token's `exp` (90 days on Bluesky's
        PDS, pushed back at every refresh). The access token's own `exp` (2 hours) is renewed silently."""
        return jwt_expiry(self._session.refresh_jwt)

    def close(self) -> None:
        if self._owns_client:
            self._http.close()

    def __enter__(self) -> BlueskyConnector:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _redact(self, text: str) -> str:
        session = self._session
        for secret in (session.access_jwt, session.refresh_jwt):
            if secret:
                text = text.replace(secret, "[token]")
        return _JWT_RE.sub("[token]", text)

    def _refresh(self, stale_access: str | None) -> None:
        """Trade the refresh token for new tokens, unless another thread did it since `stale_access`."""
        with self._refresh_lock:
            if self._session.access_jwt is not None and self._session.access_jwt != stale_access:
                return  # someone refreshed while we waited: use their tokens
            if self._adopt_stored_session(stale_access):
                return  # another process refreshed (the background job, the CLI): its tokens are the valid ones
            self.refresh_count += 1
            try:
                data = self._xrpc.call(
                    "POST",
                    self._session.service,
                    "com.atproto.server.refreshSession",
                    token=self._session.refresh_jwt,
                )
            except XrpcError as exc:
                # The refresh token itself is expired, revoked or unknown: only a new login helps.
                log.info("bluesky: refresh refused (%s)", exc.error or exc.status)
                if exc.error in ("AccountTakedown", "AccountDeactivated"):
                    raise exc.mapped() from None
                raise AuthExpired(SESSION_EXPIRED, code=exc.error or "refresh_refused") from None
            # Unknown errors propagate as they are: a network hiccup is not a dead login.
            try:
                session = replace(
                    self._session,
                    access_jwt=str(data["accessJwt"]),
                    refresh_jwt=str(data["refreshJwt"]),
                    handle=str(data.get("handle") or self._session.handle),
                )
            except KeyError:
                raise Refused(NOT_BLUESKY, code="not_bluesky", host=_host(self.service)) from None
            self._session = session
            _save_session(self._secrets, self._ref, session)
            log.info("bluesky: session refreshed for %s", session.handle)

    def _adopt_stored_session(self, stale_access: str | None) -> bool:
        """Take the session kept in the keychain when another process rotated it since we read it (a second
        refresh with our old token would be refused, and the account wrongly marked to reconnect)."""
        try:
            raw = self._secrets.get(self._ref)
            stored = Session.from_json(raw) if raw else None
        except (ValueError, KeyError, TypeError):
            return False
        if (
            stored is None
            or stored.did != self._session.did
            or stored.refresh_jwt == self._session.refresh_jwt
        ):
            return False
        self._session = stored
        log.info("bluesky: using the session refreshed by another process for %s", stored.handle)
        return stored.access_jwt is not None and stored.access_jwt != stale_access

    def _authed(
        self,
        method: Literal["GET", "POST"],
        nsid: str,
        *,
        params: Mapping[str, str] | None = None,
        body: Mapping[str, Any] | None = None,
        content: bytes | None = None,
        content_type: str | None = None,
    ) -> dict[str, Any]:
        """A call with the access token; on an expired (or unverifiable) token, one refresh and one retry."""
        for attempt in (1, 2):
            access = self._session.access_jwt
            if access is None:
                self._refresh(None)
                access = self._session.access_jwt
            try:
                return self._xrpc.call(
                    method,
                    self._session.service,
                    nsid,
                    params=params,
                    body=body,
                    content=content,
                    content_type=content_type,
                    token=access,
                )
            except XrpcError as exc:
                if attempt == 1 and exc.error in ("ExpiredToken", "InvalidToken"):
                    log.info("bluesky: %s on %s, refreshing the session", exc.error, nsid)
                    self._refresh(access)
                    continue
                raise
        raise AssertionError("unreachable")  # pragma: no cover

    def _call(self, method: Literal["GET", "POST"], nsid: str, **kwargs: Any) -> dict[str, Any]:
        try:
            return self._authed(method, nsid, **kwargs)
        except XrpcError as exc:
            raise exc.mapped() from None

    def call(self, method: Literal["GET", "POST"], nsid: str, **kwargs: Any) -> dict[str, Any]:
        """One XRPC call with this account's session (refreshed when needed); 4xx kept as XrpcError, so the
        caller can tell a missing record from a refusal (networks/bluesky_inbox.py reads through it)."""
        return self._authed(method, nsid, **kwargs)

    # -- Publisher API --

    def verify(self) -> AccountInfo:
        data = self._call("GET", "com.atproto.server.getSession")
        handle = str(data.get("handle") or self._session.handle)
        if handle != self._session.handle:
            self._session = replace(self._session, handle=handle)
            _save_session(self._secrets, self._ref, self._session)
        display_name, avatar_url = "", ""
        # The profile record lives on the PDS itself: no AppView needed to read it.
        try:
            profile = self._authed(
                "GET",
                "com.atproto.repo.getRecord",
                params={"repo": self.did, "collection": PROFILE_COLLECTION, "rkey": "self"},
            ).get("value", {})
        except XrpcError:
            profile = {}
        if isinstance(profile, dict):
            display_name = str(profile.get("displayName") or "")
            avatar = profile.get("avatar")
            cid = avatar.get("ref", {}).get("$link") if isinstance(avatar, dict) else None
            if isinstance(cid, str):
                avatar_url = (
                    f"{self.service}/xrpc/com.atproto.sync.getBlob?did={quote(self.did)}&cid={quote(cid)}"
                )
        return AccountInfo(
            network=NETWORK,
            handle=handle,
            display_name=display_name or handle,
            remote_id=self.did,
            server_url=self.service,
            avatar_url=avatar_url,
        )

    def limits(self) -> ServerLimits:
        # Fixed by the lexicon, not announced by the server: the registry's record and the rules hold them.
        record = registry.get(NETWORK)
        return ServerLimits(
            max_characters=record.rules.limit_defaults["max_characters"],
            max_media_attachments=record.accepts.max_images,
            image_size_limit=record.accepts.max_bytes,
            description_limit=record.accepts.alt_max,
            supported_mime_types=tuple(sorted(record.accepts.mime_types)),
        )

    def publish(self, post: OutgoingPost) -> PublishResult:
        rkey = post.idempotency_key
        if not is_tid(rkey):
            raise Refused(BAD_RECORD_KEY, code="bad_rkey")
        images = self._read_images(post.images)
        thumb = (
            self._read_images((post.link_card.thumb,))[0] if post.link_card and post.link_card.thumb else None
        )
        from cm_desktop.core.rules import bluesky as rules  # imported late: the rules load their data files

        # Facet offsets are bytes of the text exactly as sent: normalise once, then use it for both.
        text = rules.prepare_text(post.text)
        record: dict[str, Any] = {
            "$type": POST_COLLECTION,
            "text": text,
            "createdAt": utc_timestamp(),
        }
        if post.langs:
            record["langs"] = list(post.langs[:MAX_LANGS])
        if post.reply_to is not None:
            record["reply"] = reply_ref(post.reply_to)
        facets = self._facets(text)
        if facets:
            record["facets"] = facets
        # A post has one embed: pictures win over a link card (the link stays clickable in the text).
        if images:
            record["embed"] = {
                "$type": "app.bsky.embed.images",
                "images": [self._image_entry(image, data) for image, data in images],
            }
        elif post.link_card is not None:
            record["embed"] = self._external(post.link_card, thumb)
        created = self._call(
            "POST",
            "com.atproto.repo.createRecord",
            body={"repo": self.did, "collection": POST_COLLECTION, "rkey": rkey, "record": record},
        )
        uri = str(created.get("uri") or at_uri(self.did, POST_COLLECTION, rkey))
        return PublishResult(
            remote_id=uri, url=post_url(self.handle, rkey), extra={"cid": str(created.get("cid", ""))}
        )

    def lookup(self, post: OutgoingPost) -> PublishResult | None:
        rkey = post.idempotency_key
        if not is_tid(rkey):
            return None  # such a key was never sent: the server cannot hold it
        try:
            found = self._authed(
                "GET",
                "com.atproto.repo.getRecord",
                params={"repo": self.did, "collection": POST_COLLECTION, "rkey": rkey},
            )
        except XrpcError as exc:
            if exc.error == "RecordNotFound":
                return None
            mapped = exc.mapped()
            if isinstance(mapped, AuthExpired):
                raise mapped from None
            # Anything else leaves us unable to tell whether the post exists.
            raise Unknown(
                REFUSED, code=exc.error or "lookup_unclear", server_reason=exc.reason, reason=exc.reason
            ) from None
        uri = str(found.get("uri") or at_uri(self.did, POST_COLLECTION, rkey))
        return PublishResult(
            remote_id=uri, url=post_url(self.handle, rkey), extra={"cid": str(found.get("cid", ""))}
        )

    def delete(self, remote_id: str) -> None:
        """Delete by at:// URI or bare record key; deleting a post that is gone already is not an error."""
        collection, rkey = POST_COLLECTION, remote_id
        if remote_id.startswith("at://"):
            parts = remote_id.removeprefix("at://").split("/")
            if len(parts) != 3 or parts[0] not in (self.did, self.handle):
                raise Refused(REFUSED, code="not_ours", reason="not a post of this account")
            collection, rkey = parts[1], parts[2]
        self._call(
            "POST",
            "com.atproto.repo.deleteRecord",
            body={"repo": self.did, "collection": collection, "rkey": rkey},
        )

    def end_session(self) -> None:
        """End this login on the server (the account is being removed): the refresh token stops working."""
        try:
            self._xrpc.call(
                "POST",
                self._session.service,
                "com.atproto.server.deleteSession",
                token=self._session.refresh_jwt,
            )
        except XrpcError as exc:
            if exc.error in ("ExpiredToken", "InvalidToken"):
                return  # already over: nothing left to end
            raise exc.mapped() from None

    # -- post building --

    def _read_images(self, images: tuple[OutgoingImage, ...]) -> list[tuple[OutgoingImage, bytes]]:
        """Read and check every picture before uploading any: a refusal costs no request."""
        if len(images) > MAX_IMAGES:
            raise Refused(TOO_MANY_IMAGES, code="too_many_images")
        loaded = []
        for image in images:
            try:
                size = image.path.stat().st_size
                if size > MAX_BLOB_BYTES:
                    raise Refused(IMAGE_TOO_LARGE, code="image_too_large", name=image.path.name, size=size)
                data = image.path.read_bytes()
            except OSError:
                raise Refused(IMAGE_UNREADABLE, code="image_unreadable", name=image.path.name) from None
            if len(data) > MAX_BLOB_BYTES:  # the file grew between stat and read
                raise Refused(IMAGE_TOO_LARGE, code="image_too_large", name=image.path.name, size=len(data))
            loaded.append((image, data))
        return loaded

    def _upload(self, image: OutgoingImage, data: bytes) -> dict[str, Any]:
        result = self._call("POST", "com.atproto.repo.uploadBlob", content=data, content_type=image.mime_type)
        blob = result.get("blob")
        if not isinstance(blob, dict):
            raise Refused(NOT_BLUESKY, code="not_bluesky", host=_host(self.service))
        return blob

    def _image_entry(self, image: OutgoingImage, data: bytes) -> dict[str, Any]:
        entry: dict[str, Any] = {"image": self._upload(image, data), "alt": image.alt}
        if image.width > 0 and image.height > 0:
            entry["aspectRatio"] = {"width": image.width, "height": image.height}
        return entry

    def _external(self, card: LinkCard, thumb: tuple[OutgoingImage, bytes] | None) -> dict[str, Any]:
        external: dict[str, Any] = {"uri": card.uri, "title": card.title, "description": card.description}
        if thumb is not None:
            external["thumb"] = self._upload(*thumb)
        return {"$type": "app.bsky.embed.external", "external": external}

    def _facets(self, text: str) -> list[dict[str, Any]]:
        """Links, mentions and hashtags as byte-range facets; mentions that resolve to no DID are dropped."""
        from cm_desktop.core.rules import bluesky as rules

        spans = rules.detect_facets(text)
        dids: dict[str, str] = {}
        unresolved: set[str] = set()
        for span in spans:
            if span.kind != "mention":
                continue
            handle = span.value.lstrip("@").lower()
            if handle in dids or handle in unresolved:
                continue
            did = self._resolve_mention(handle)
            if did:
                dids[handle] = did
            else:
                unresolved.add(handle)
        return list(rules.to_lexicon(spans, dids))

    def _resolve_mention(self, handle: str) -> str | None:
        try:
            data = self._authed("GET", "com.atproto.identity.resolveHandle", params={"handle": handle})
        except XrpcError:
            return None  # unknown handle: the text stays, without a mention link
        did = data.get("did")
        return did if isinstance(did, str) and _DID_RE.fullmatch(did) else None
