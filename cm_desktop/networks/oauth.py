"""OAuth for a desktop app (RFC 8252) with PKCE (RFC 7636), without Qt.

The browser is opened by a callable the caller passes in (``webbrowser.open`` in the app, an httpx client in
tests). The redirect comes back to a one-shot listener bound to 127.0.0.1 on a port the system picks; it
accepts exactly one redirect, then closes. Servers that cannot redirect to a loopback address get the
copy-paste fallback (``urn:ietf:wg:oauth:2.0:oob``): the person copies the code shown by the server.

Nothing here logs or raises with a code, a verifier or a token in it.
"""

from __future__ import annotations

import base64
import hashlib
import html
import http.server
import logging
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlsplit

from cm_desktop.core.i18n import Lang, Text

log = logging.getLogger(__name__)

OOB_REDIRECT_URI = "urn:ietf:wg:oauth:2.0:oob"
LOOPBACK_HOST = "127.0.0.1"  # an IP literal, not "localhost": RFC 8252 §8.3 (no DNS, no IPv6 surprise)
CALLBACK_PATH = "/callback"
DEFAULT_TIMEOUT_S = 300.0  # five minutes to log in (two-factor codes, password managers)

# RFC 7636 §4.1: 43 to 128 characters from the unreserved set; 32 random bytes give 43 base64url chars.
_VERIFIER_BYTES = 32


class OAuthError(Exception):
    """A login problem a person can act on; ``message(lang)`` says what to do. Never holds a secret."""

    text = Text(
        en="The connection could not be completed. Please try again.",
        fr="La connexion n'a pas pu aboutir. Veuillez réessayer.",
    )

    def __init__(self, detail: str = "") -> None:
        # `detail` is for logs and tests: a short reason, never a code, a state or a token.
        super().__init__(detail or type(self).__name__)

    def message(self, lang: Lang) -> str:
        return self.text.get(lang)


class OAuthTimeout(OAuthError):
    text = Text(
        en=(
            "We did not receive the authorisation. The browser window may have been closed before you "
            "clicked “Authorise”. Please try again."
        ),
        fr=(
            "Nous n'avons pas reçu l'autorisation. La fenêtre du navigateur a peut-être été fermée avant "
            "que vous cliquiez sur « Autoriser ». Veuillez réessayer."
        ),
    )


class OAuthStateMismatch(OAuthError):
    text = Text(
        en=(
            "The answer from the browser did not match this connection attempt, so it was refused for "
            "your safety. Please start the connection again from CM Desktop."
        ),
        fr=(
            "La réponse du navigateur ne correspond pas à cette tentative de connexion : elle a été "
            "refusée pour votre sécurité. Veuillez relancer la connexion depuis CM Desktop."
        ),
    )


class OAuthDenied(OAuthError):
    text = Text(
        en="The access was not granted on the server. You can try again whenever you like.",
        fr="L'accès n'a pas été accordé sur le serveur. Vous pouvez réessayer quand vous le souhaitez.",
    )


class OAuthCancelled(OAuthError):
    text = Text(en="The connection was cancelled.", fr="La connexion a été annulée.")


class OAuthBadCode(OAuthError):
    text = Text(
        en="Please paste the code shown by your server after you authorised CM Desktop.",
        fr="Veuillez coller le code affiché par votre serveur après avoir autorisé CM Desktop.",
    )


class OAuthListenerError(OAuthError):
    text = Text(
        en=(
            "CM Desktop could not open a local connection to receive the authorisation. Use the "
            "“copy the code” option instead."
        ),
        fr=(
            "CM Desktop n'a pas pu ouvrir de connexion locale pour recevoir l'autorisation. Utilisez "
            "plutôt l'option « copier le code »."
        ),
    )


@dataclass(frozen=True)
class Pkce:
    """A PKCE pair for one authorisation. The verifier stays in memory and goes only to the token endpoint."""

    verifier: str = field(repr=False)
    challenge: str
    method: str = "S256"


def pkce_challenge(verifier: str) -> str:
    """S256: base64url(sha256(verifier)) without padding (RFC 7636 §4.2)."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def make_pkce() -> Pkce:
    verifier = secrets.token_urlsafe(_VERIFIER_BYTES)
    return Pkce(verifier=verifier, challenge=pkce_challenge(verifier))


def make_state() -> str:
    """An unguessable value tying the redirect to this attempt (CSRF protection, RFC 6749 §10.12)."""
    return secrets.token_urlsafe(24)


def build_authorize_url(
    endpoint: str,
    *,
    client_id: str,
    redirect_uri: str,
    scope: str,
    state: str,
    pkce: Pkce,
    extra: dict[str, str] | None = None,
) -> str:
    params = {
        "response_type": "code",
        "client_id": client_id,
        "redirect_uri": redirect_uri,
        "scope": scope,
        "state": state,
        "code_challenge": pkce.challenge,
        "code_challenge_method": pkce.method,
    }
    params.update(extra or {})
    separator = "&" if "?" in endpoint else "?"
    return endpoint + separator + urlencode(params)


@dataclass(frozen=True)
class AuthorizationCode:
    """What the token endpoint needs: the code, the exact redirect_uri used, and the PKCE verifier."""

    code: str = field(repr=False)
    redirect_uri: str
    verifier: str = field(repr=False)


# --- the one-shot loopback listener -------------------------------------------------------------------

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CM Desktop</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:system-ui,sans-serif;max-width:36em;margin:3em auto;padding:0 1em;line-height:1.5}}
h1{{font-size:1.3em}}.fr{{margin-top:2em;color:#333}}</style></head>
<body><div lang="en"><h1>{title_en}</h1><p>{body_en}</p></div>
<div class="fr" lang="fr"><h1>{title_fr}</h1><p>{body_fr}</p></div></body></html>
"""

_PAGE_OK = (
    Text(en="You are connected", fr="Vous êtes connecté·e"),
    Text(
        en="You can close this window and go back to CM Desktop.",
        fr="Vous pouvez fermer cette fenêtre et revenir à CM Desktop.",
    ),
)
_PAGE_STATE = (Text(en="Connection refused", fr="Connexion refusée"), OAuthStateMismatch.text)
_PAGE_DENIED = (Text(en="Access not granted", fr="Accès non accordé"), OAuthDenied.text)
_PAGE_BAD = (Text(en="Connection failed", fr="La connexion a échoué"), OAuthError.text)


def _page(parts: tuple[Text, Text]) -> bytes:
    title, body = parts
    return _PAGE.format(
        title_en=html.escape(title.get("en")),
        body_en=html.escape(body.get("en")),
        title_fr=html.escape(title.get("fr")),
        body_fr=html.escape(body.get("fr")),
    ).encode("utf-8")


class _Server(http.server.HTTPServer):
    # Serve one request at a time: there is exactly one redirect to wait for.
    allow_reuse_address = False
    owner: LoopbackListener


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Server
    server_version = "CM-Desktop"
    sys_version = ""

    def do_GET(self) -> None:
        self.server.owner._handle(self)

    def log_message(self, format: str, *args: object) -> None:
        # The request line carries the code and the state: never write it anywhere.
        return


class LoopbackListener:
    """Receives one OAuth redirect on http://127.0.0.1:<random port>/callback, then stops.

    Use as a context manager; ``redirect_uri`` is ready as soon as it is entered. A request with the wrong
    ``state`` is refused (an en+fr page in the browser) and ends the attempt with OAuthStateMismatch.
    """

    def __init__(self, expected_state: str, *, path: str = CALLBACK_PATH) -> None:
        self._expected_state = expected_state
        self._path = path
        self._done = threading.Event()
        self._lock = threading.Lock()
        self._code: str | None = None
        self._error: OAuthError | None = None
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # lifecycle -------------------------------------------------------------------------------------

    def start(self) -> LoopbackListener:
        try:
            server = _Server((LOOPBACK_HOST, 0), _Handler)  # port 0: the system picks a free one
        except OSError as exc:
            raise OAuthListenerError(f"bind failed: {type(exc).__name__}") from None
        server.owner = self
        self._server = server
        # A short poll interval so that closing after the redirect takes milliseconds, not half a second.
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="oauth-loopback", daemon=True
        )
        self._thread.start()
        return self

    def close(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()  # waits for the request being answered, so the browser gets its page
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> LoopbackListener:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    # accessors -------------------------------------------------------------------------------------

    @property
    def address(self) -> tuple[str, int]:
        """The bound socket address, as the system reports it."""
        if self._server is None:
            raise RuntimeError("listener not started")
        host, port = self._server.socket.getsockname()[:2]
        return str(host), int(port)

    @property
    def redirect_uri(self) -> str:
        return f"http://{LOOPBACK_HOST}:{self.address[1]}{self._path}"

    # waiting ---------------------------------------------------------------------------------------

    def wait(self, timeout: float) -> str:
        """The authorisation code, or OAuthTimeout / OAuthStateMismatch / OAuthDenied / OAuthCancelled."""
        if not self._done.wait(timeout):
            raise OAuthTimeout(f"no redirect within {timeout:g}s")
        self.close()  # one redirect only: later requests find nothing listening
        if self._error is not None:
            raise self._error
        if self._code is None:  # cannot happen: the event is set with a code or an error
            raise OAuthError("no code")
        return self._code

    def cancel(self) -> None:
        """Stop waiting (the person clicked Cancel in the app)."""
        with self._lock:
            if not self._done.is_set():
                self._error = OAuthCancelled("cancelled")
                self._done.set()

    # request handling (listener thread) ------------------------------------------------------------

    def _handle(self, request: _Handler) -> None:
        parts = urlsplit(request.path)
        if parts.path != self._path:
            # A favicon or a stray probe: not our redirect, do not consume the one shot.
            self._reply(request, 404, _page(_PAGE_BAD))
            return
        query = parse_qs(parts.query, keep_blank_values=True)
        state = query.get("state", [""])[0]
        code = query.get("code", [""])[0]
        error = query.get("error", [""])[0]
        with self._lock:
            if self._done.is_set():
                self._reply(request, 410, _page(_PAGE_BAD))
                return
            if not secrets.compare_digest(state.encode(), self._expected_state.encode()):
                self._error = OAuthStateMismatch("state mismatch")
                page, status = _page(_PAGE_STATE), 400
            elif error:
                # access_denied when the person clicks "Deny"; the value is a fixed OAuth token word.
                self._error = OAuthDenied(f"server said {error[:40]}")
                page, status = _page(_PAGE_DENIED), 200
            elif not code:
                self._error = OAuthError("redirect without a code")
                page, status = _page(_PAGE_BAD), 400
            else:
                self._code = code
                page, status = _page(_PAGE_OK), 200
            self._reply(request, status, page)
            self._done.set()

    @staticmethod
    def _reply(request: _Handler, status: int, body: bytes) -> None:
        request.send_response(status)
        request.send_header("Content-Type", "text/html; charset=utf-8")
        request.send_header("Content-Length", str(len(body)))
        request.send_header("Cache-Control", "no-store")
        request.send_header("Referrer-Policy", "no-referrer")  # the URL holds the code
        request.send_header("Connection", "close")
        request.end_headers()
        request.wfile.write(body)


def authorize_with_loopback(
    build_url: Callable[[str, str, Pkce], str],
    open_browser: Callable[[str], object],
    *,
    timeout: float = DEFAULT_TIMEOUT_S,
    path: str = CALLBACK_PATH,
    on_listening: Callable[[LoopbackListener], None] | None = None,
) -> AuthorizationCode:
    """Run the browser part of the flow and return what the token endpoint needs.

    ``build_url(redirect_uri, state, pkce)`` makes the server's authorisation URL; ``open_browser(url)``
    shows it (``webbrowser.open`` in the app). ``on_listening`` gives the caller the listener, so a Cancel
    button can call ``listener.cancel()``.
    """
    state = make_state()
    pkce = make_pkce()
    with LoopbackListener(state, path=path) as listener:
        if on_listening is not None:
            on_listening(listener)
        redirect_uri = listener.redirect_uri
        open_browser(build_url(redirect_uri, state, pkce))
        code = listener.wait(timeout)
    return AuthorizationCode(code=code, redirect_uri=redirect_uri, verifier=pkce.verifier)


@dataclass(frozen=True)
class OobAttempt:
    """The copy-paste fallback: show ``url``, let the person paste the code, then call ``finish``."""

    url: str
    pkce: Pkce = field(repr=False)

    def finish(self, pasted: str) -> AuthorizationCode:
        return AuthorizationCode(
            code=clean_pasted_code(pasted), redirect_uri=OOB_REDIRECT_URI, verifier=self.pkce.verifier
        )


def start_oob(build_url: Callable[[str, str, Pkce], str]) -> OobAttempt:
    """Prepare the copy-paste flow. There is no redirect, so no state comes back to check: PKCE guards it."""
    pkce = make_pkce()
    return OobAttempt(url=build_url(OOB_REDIRECT_URI, make_state(), pkce), pkce=pkce)


def clean_pasted_code(pasted: str) -> str:
    """What people paste: the code with spaces or line breaks around it, or a whole URL with ?code=."""
    value = "".join(pasted.split())
    if "code=" in value:
        found = parse_qs(urlsplit(value).query).get("code") or parse_qs(value).get("code")
        value = found[0] if found else ""
    if not value or len(value) > 512 or not value.isprintable():
        raise OAuthBadCode("empty or malformed code")
    return value
