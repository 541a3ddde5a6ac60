"""cm_desktop.services.accounts, the connection service the CLI and the Accounts page share.

Mastodon sign-ins run against the local authorization server of tests/unit/test_oauth.py (an IMITATION of
Mastodon's OAuth: it checks PKCE, the redirect URI and the code like Doorkeeper does), given here the
`/api/v2/instance` answer every Mastodon has. Bluesky against its real server is in
tests/gui/test_accounts_page.py (the PDS); here only the failures that server cannot be made to produce on
demand are imitated with httpx.MockTransport, and said so in each test's name.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from keyring.backends import fail
from sqlalchemy import create_engine
from sqlmodel import select

from cm_desktop.core.models import Account, AccountStatus, Post, PostTarget, TargetState
from cm_desktop.core.store import Store, open_store
from cm_desktop.networks.bluesky import APP_PASSWORD_FORMAT, WRONG_LOGIN
from cm_desktop.networks.mastodon import TEXTS, ServerNameError, app_secret_ref
from cm_desktop.networks.oauth import OAuthTimeout
from cm_desktop.platform.secrets import KeychainUnavailable, Secrets
from cm_desktop.services.accounts import (
    CONNECTED,
    KEYCHAIN_UNAVAILABLE,
    NEEDS_RECONNECT,
    Cancellation,
    Cancelled,
    ConnectError,
    avatar_file,
    connect_bluesky,
    connect_mastodon,
    explain,
    fetch_avatar,
    list_accounts_with_status,
    remove_account,
    save_account,
    start_mastodon,
)
from tests.memory_keyring import MemoryKeyring
from tests.unit.test_oauth import AuthServerState, Browser, _AuthHandler, _AuthHttpServer

# --- the local authorization server, answering like a Mastodon 4.3 (or 4.2: no discovery) --------------


class _MastodonLikeHandler(_AuthHandler):
    def do_GET(self) -> None:
        if self.path.startswith("/api/v2/instance"):
            version = "4.3.0" if self.server.state.discovery else "4.2.10"
            return self._json(200, {"domain": "127.0.0.1", "version": version, "configuration": {}})
        return super().do_GET()


@pytest.fixture
def mastodon_server() -> Iterator[AuthServerState]:
    server = _AuthHttpServer(("127.0.0.1", 0), _MastodonLikeHandler)
    server.state = AuthServerState(base=f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server.state
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "data" / "cm-desktop.sqlite3", tmp_path / "data" / "backups")
    yield opened
    opened.close()


@pytest.fixture
def secrets() -> Secrets:
    return Secrets()  # the in-memory keyring of tests/conftest.py


def accounts(store: Store) -> list[Account]:
    with store.session() as session:
        return list(session.exec(select(Account)).all())


def account_secrets(keyring: MemoryKeyring) -> dict[str, str]:
    return {user: value for (_service, user), value in keyring.items.items() if user.startswith("account:")}


def add_account(
    store: Store, secrets: Secrets, *, remote_id: str = "did:plc:one", status: str = "ok", secret: str = "s"
) -> Account:
    ref = f"account:bluesky:{remote_id}"
    if secret:
        secrets.set(ref, secret)
    with store.session() as session:
        account = Account(
            network="bluesky",
            handle=f"{remote_id[-3:]}.test",
            remote_id=remote_id,
            secret_ref=ref,
            status=status,
        )
        session.add(account)
        session.commit()
        session.refresh(account)
    return account


# --- messages -----------------------------------------------------------------------------------------


def test_known_failures_get_the_networks_own_messages_in_both_languages() -> None:
    typed = explain(ServerNameError("not a server!"))
    assert typed is not None and typed.bad_input
    assert "“not a server!” is not a server address" in typed.message("en")
    assert "« not a server! » n'est pas une adresse" in typed.message("fr")

    timeout = explain(OAuthTimeout("x"))
    assert timeout is not None and timeout.message("en") == OAuthTimeout.text.en
    assert timeout.message("fr") == OAuthTimeout.text.fr

    keychain = explain(KeychainUnavailable("x"))
    assert keychain is not None and keychain.message("fr") == KeychainUnavailable.text.fr

    from cm_desktop.core.ports import Refused

    not_mastodon = explain(Refused(TEXTS["not_mastodon"], code="not_mastodon"))
    assert not_mastodon is not None and not_mastodon.message("fr") == TEXTS["not_mastodon"].fr
    reason = "Validation failed"
    refused = explain(Refused(TEXTS["refused"], code="refused", server_reason=reason, reason=reason))
    assert refused is not None and refused.message("en").endswith("Its explanation: Validation failed")

    assert explain(ValueError("a bug")) is None  # a bug is not dressed up as a known failure


# --- Bluesky ------------------------------------------------------------------------------------------


def test_bluesky_app_password_format_is_refused_before_any_request(
    store: Store, secrets: Secrets, memory_keyring: MemoryKeyring
) -> None:
    requests: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(500)

    transport = httpx.MockTransport(answer)
    with pytest.raises(ConnectError) as caught:
        connect_bluesky(
            store, secrets, "alice.test", "my main password", "http://127.0.0.1:1", transport=transport
        )
    assert requests == []
    assert caught.value.message("en") == APP_PASSWORD_FORMAT.en
    assert caught.value.message("fr") == APP_PASSWORD_FORMAT.fr
    assert accounts(store) == [] and account_secrets(memory_keyring) == {}


def _pds_imitation(*, get_session_status: int) -> httpx.MockTransport:
    """An IMITATION of a PDS: resolveHandle, createSession, then getSession answering as told."""

    def answer(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("com.atproto.identity.resolveHandle"):
            return httpx.Response(400, json={"error": "InvalidRequest", "message": "Unable to resolve"})
        if path.endswith("com.atproto.server.createSession"):
            return httpx.Response(
                200,
                json={
                    "did": "did:plc:abc",
                    "handle": "alice.test",
                    "accessJwt": "a.b.c",
                    "refreshJwt": "d.e.f",
                },
            )
        if path.endswith("com.atproto.server.getSession"):
            if get_session_status == 200:
                return httpx.Response(200, json={"did": "did:plc:abc", "handle": "alice.test"})
            return httpx.Response(get_session_status, json={"error": "AccountTakedown", "message": "gone"})
        return httpx.Response(400, json={"error": "RecordNotFound", "message": "no profile"})

    return httpx.MockTransport(answer)


def test_bluesky_secret_is_deleted_when_the_check_after_login_fails_imitation(
    store: Store, secrets: Secrets, memory_keyring: MemoryKeyring
) -> None:
    with pytest.raises(ConnectError) as caught:
        connect_bluesky(
            store,
            secrets,
            "alice.test",
            "abcd-efgh-ijkl-mnop",
            "http://pds.example",
            transport=_pds_imitation(get_session_status=400),
        )
    assert "suspended or deactivated" in caught.value.message("en")
    assert accounts(store) == [] and account_secrets(memory_keyring) == {}  # the session did not stay


def test_bluesky_secret_is_deleted_when_the_database_refuses_the_account_imitation(
    tmp_path: Path, store: Store, secrets: Secrets, memory_keyring: MemoryKeyring
) -> None:
    """The real SQLite, opened read-only, refuses the insert: the session written to the keychain goes."""
    read_only = Store(
        create_engine(f"sqlite:///file:{store.path}?mode=ro&uri=true", connect_args={"uri": True}), store.path
    )
    try:
        with pytest.raises(ConnectError) as caught:
            connect_bluesky(
                read_only,
                secrets,
                "alice.test",
                "abcd-efgh-ijkl-mnop",
                "http://pds.example",
                transport=_pds_imitation(get_session_status=200),
            )
    finally:
        read_only.close()
    assert caught.value.code == "ReadOnlyLocation"
    assert "could not" in caught.value.message("en").lower() or "read-only" in caught.value.message("en")
    assert accounts(store) == [] and account_secrets(memory_keyring) == {}


def test_bluesky_keychain_unavailable_saves_nothing(store: Store) -> None:
    with pytest.raises(ConnectError) as caught:
        connect_bluesky(
            store, Secrets(fail.Keyring()), "alice.test", "abcd-efgh-ijkl-mnop", "http://x.example"
        )
    assert caught.value.message("en") == KeychainUnavailable.text.en
    assert accounts(store) == []


def test_bluesky_cancelled_before_saving_leaves_nothing_imitation(
    store: Store, secrets: Secrets, memory_keyring: MemoryKeyring
) -> None:
    cancellation = Cancellation()
    cancellation.cancel()
    with pytest.raises(Cancelled):
        connect_bluesky(
            store,
            secrets,
            "alice.test",
            "abcd-efgh-ijkl-mnop",
            "http://pds.example",
            cancellation=cancellation,
            transport=_pds_imitation(get_session_status=200),
        )
    assert accounts(store) == [] and account_secrets(memory_keyring) == {}


# --- Mastodon against the local authorization server (imitation) -------------------------------------


def test_mastodon_browser_sign_in_saves_the_account_and_the_token_only_in_the_keychain(
    store: Store, secrets: Secrets, memory_keyring: MemoryKeyring, mastodon_server: AuthServerState
) -> None:
    browser = Browser()
    account = connect_mastodon(store, secrets, mastodon_server.base, browser, lang="fr", timeout=10)

    host = httpx.URL(mastodon_server.base).netloc.decode()
    assert account.id is not None and account.handle == f"@boulangerie@{host}"
    assert account.display_name == "La Boulangerie" and account.status == AccountStatus.OK.value
    [token] = mastodon_server.tokens
    assert account_secrets(memory_keyring) == {account.secret_ref: token}
    assert mastodon_server.authorize_requests[-1]["lang"] == "fr"
    # The canary: the token is in the keychain, never in the database or its write-ahead log.
    for path in (store.path, store.path.with_name(store.path.name + "-wal")):
        if path.exists():
            assert token.encode() not in path.read_bytes()
    assert [row.status for row in list_accounts_with_status(store, secrets)] == [CONNECTED]


def test_mastodon_reconnecting_the_same_account_keeps_its_row_and_replaces_its_secret(
    store: Store, secrets: Secrets, memory_keyring: MemoryKeyring, mastodon_server: AuthServerState
) -> None:
    first = connect_mastodon(store, secrets, mastodon_server.base, Browser(), timeout=10)
    with store.session() as session:
        row = session.get(Account, first.id)
        assert row is not None
        row.status = AccountStatus.NEEDS_RECONNECT.value
        session.add(row)
        session.commit()
    second = connect_mastodon(store, secrets, mastodon_server.base, Browser(), timeout=10)
    assert second.id == first.id and second.status == AccountStatus.OK.value
    assert second.secret_ref != first.secret_ref
    assert list(account_secrets(memory_keyring)) == [second.secret_ref]  # the old token is gone
    assert len(mastodon_server.apps) == 1  # CM Desktop registered once on this server, then reused
    assert secrets.get(app_secret_ref(mastodon_server.base))


def test_mastodon_a_registration_the_server_deleted_is_made_again(
    store: Store, secrets: Secrets, memory_keyring: MemoryKeyring, mastodon_server: AuthServerState
) -> None:
    """Servers before 4.3 delete registrations nobody used: the sign-in page then never comes back. The stored
    registration is forgotten, so the next try registers CM Desktop again instead of reusing it forever."""
    connect_mastodon(store, secrets, mastodon_server.base, Browser(), timeout=10)
    mastodon_server.apps.clear()
    with pytest.raises(ConnectError):
        connect_mastodon(store, secrets, mastodon_server.base, Browser(), timeout=1)
    assert secrets.get(app_secret_ref(mastodon_server.base)) is None
    again = connect_mastodon(store, secrets, mastodon_server.base, Browser(), timeout=10)
    assert again.status == AccountStatus.OK.value and len(mastodon_server.apps) == 1


def test_mastodon_copy_paste_on_an_older_server(
    store: Store, secrets: Secrets, memory_keyring: MemoryKeyring, mastodon_server: AuthServerState
) -> None:
    mastodon_server.discovery = False  # Mastodon 4.2: no discovery document, no loopback redirect

    def paste_code(url: str) -> str:
        page = httpx.get(url)  # the person reads the code on the server's page
        return "  " + page.text.split("value='")[1].split("'")[0] + "\n"

    account = connect_mastodon(
        store,
        secrets,
        mastodon_server.base,
        lambda _url: pytest.fail("no browser flow"),
        paste_code=paste_code,
    )
    assert account.handle.startswith("@boulangerie@")
    assert list(account_secrets(memory_keyring)) == [account.secret_ref]


def test_mastodon_closed_browser_times_out_and_saves_nothing(
    store: Store, secrets: Secrets, memory_keyring: MemoryKeyring, mastodon_server: AuthServerState
) -> None:
    opened: list[str] = []
    with pytest.raises(ConnectError) as caught:
        connect_mastodon(store, secrets, mastodon_server.base, opened.append, timeout=0.3)
    assert opened and "browser window may have been closed" in caught.value.message("en")
    assert accounts(store) == [] and account_secrets(memory_keyring) == {}


def test_mastodon_cancel_while_the_browser_is_open_stops_at_once(
    store: Store, secrets: Secrets, memory_keyring: MemoryKeyring, mastodon_server: AuthServerState
) -> None:
    cancellation = Cancellation()

    def person_gives_up(url: str) -> None:
        threading.Timer(0.05, cancellation.cancel).start()

    with pytest.raises(Cancelled) as caught:
        connect_mastodon(
            store, secrets, mastodon_server.base, person_gives_up, cancellation=cancellation, timeout=30
        )
    assert caught.value.message("fr") == "La connexion a été annulée."
    assert accounts(store) == [] and account_secrets(memory_keyring) == {}
    assert mastodon_server.token_requests == []


def test_mastodon_cancel_before_the_browser_makes_no_sign_in(
    secrets: Secrets, mastodon_server: AuthServerState
) -> None:
    cancellation = Cancellation()
    cancellation.cancel()
    with pytest.raises(Cancelled):
        start_mastodon(secrets, mastodon_server.base, cancellation=cancellation)
    assert mastodon_server.apps == {}


@pytest.mark.parametrize(
    ("server", "expected", "bad_input"),
    [
        ("nosuchserver.invalid", TEXTS["unknown_host"], False),
        ("not a server!", ServerNameError.INVALID, True),
    ],
)
def test_mastodon_unknown_server_and_bad_name(
    secrets: Secrets, memory_keyring: MemoryKeyring, server: str, expected: object, bad_input: bool
) -> None:
    with pytest.raises(ConnectError) as caught:
        start_mastodon(secrets, server)
    assert caught.value.bad_input is bad_input
    assert caught.value.text == expected
    assert memory_keyring.items == {}


def test_mastodon_a_web_site_that_is_not_mastodon(secrets: Secrets, memory_keyring: MemoryKeyring) -> None:
    """The authorization server without its instance endpoint answers 404 like any web site."""
    plain = _AuthHttpServer(("127.0.0.1", 0), _AuthHandler)
    plain.state = AuthServerState(base=f"http://127.0.0.1:{plain.server_address[1]}")
    thread = threading.Thread(target=plain.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        with pytest.raises(ConnectError) as caught:
            start_mastodon(secrets, plain.state.base)
    finally:
        plain.shutdown()
        plain.server_close()
        thread.join(timeout=5)
    assert caught.value.code in ("not_found", "not_mastodon")
    assert caught.value.message("fr")
    assert memory_keyring.items == {}


# --- listing and removing -----------------------------------------------------------------------------


def test_statuses_connected_needs_reconnect_and_missing_secret(store: Store, secrets: Secrets) -> None:
    add_account(store, secrets, remote_id="did:plc:ok1")
    add_account(store, secrets, remote_id="did:plc:bad", status=AccountStatus.NEEDS_RECONNECT.value)
    add_account(store, secrets, remote_id="did:plc:gon", secret="")
    assert [r.status for r in list_accounts_with_status(store, secrets)] == [
        CONNECTED,
        NEEDS_RECONNECT,
        NEEDS_RECONNECT,
    ]


def test_keychain_unavailable_or_locked_is_said_for_every_account(
    store: Store, secrets: Secrets, memory_keyring: MemoryKeyring
) -> None:
    add_account(store, secrets, remote_id="did:plc:one")
    add_account(store, secrets, remote_id="did:plc:two")
    unavailable = list_accounts_with_status(store, Secrets(fail.Keyring()))
    assert [r.status for r in unavailable] == [KEYCHAIN_UNAVAILABLE] * 2
    memory_keyring.locked = True
    assert [r.status for r in list_accounts_with_status(store, secrets)] == [KEYCHAIN_UNAVAILABLE] * 2


def test_remove_account_deletes_the_secret_fails_waiting_posts_and_keeps_history(
    store: Store, secrets: Secrets, memory_keyring: MemoryKeyring
) -> None:
    account = add_account(store, secrets)
    assert account.id is not None
    now = datetime.now(UTC)
    with store.session() as session:
        post = Post(text="Pain frais")
        session.add(post)
        session.commit()
        session.refresh(post)
        assert post.id is not None
        for state in (TargetState.SCHEDULED, TargetState.SENDING, TargetState.PUBLISHED):
            session.add(PostTarget(post_id=post.id, account_id=account.id, state=state.value, updated_at=now))
        session.commit()

    removed = remove_account(store, secrets, account.id)

    assert removed is not None and removed.secret_removed and removed.account.handle == account.handle
    assert accounts(store) == [] and account_secrets(memory_keyring) == {}
    with store.session() as session:
        rows = session.exec(select(PostTarget).order_by(PostTarget.id)).all()  # type: ignore[arg-type]
    assert [(t.state, t.last_error_code, t.account_id, t.network) for t in rows] == [
        ("failed", "no_account", None, "bluesky"),
        ("needs_review", "unclear", None, "bluesky"),
        ("published", "", None, "bluesky"),
    ]
    assert remove_account(store, secrets, account.id) is None


def test_remove_account_with_a_locked_keychain_changes_nothing(
    store: Store, secrets: Secrets, memory_keyring: MemoryKeyring
) -> None:
    account = add_account(store, secrets)
    assert account.id is not None
    memory_keyring.locked = True
    with pytest.raises(ConnectError) as caught:
        remove_account(store, secrets, account.id)
    assert "locked" in caught.value.message("en")
    memory_keyring.locked = False
    assert len(accounts(store)) == 1 and len(account_secrets(memory_keyring)) == 1


def test_remove_account_without_any_keychain_still_removes_it(store: Store, secrets: Secrets) -> None:
    account = add_account(store, secrets)
    assert account.id is not None
    removed = remove_account(store, Secrets(fail.Keyring()), account.id)
    assert removed is not None and not removed.secret_removed
    assert accounts(store) == []


def test_save_account_of_a_known_remote_account_wakes_it(
    store: Store, secrets: Secrets, memory_keyring: MemoryKeyring
) -> None:
    old = add_account(store, secrets, status=AccountStatus.NEEDS_RECONNECT.value)
    secrets.set("account:bluesky:new", "fresh")
    saved = save_account(
        store,
        secrets,
        Account(
            network="bluesky",
            handle="renamed.test",
            remote_id=old.remote_id,
            secret_ref="account:bluesky:new",
        ),
    )
    assert saved.id == old.id and saved.handle == "renamed.test" and saved.status == "ok"
    assert list(account_secrets(memory_keyring)) == ["account:bluesky:new"]


# --- avatars ------------------------------------------------------------------------------------------


def test_avatar_is_fetched_once_into_the_cache(tmp_path: Path) -> None:
    png = bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
    )
    calls: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        if request.url.path == "/big.png":
            return httpx.Response(200, content=b"x" * 2_000_001, headers={"content-type": "image/png"})
        if request.url.path == "/page":
            return httpx.Response(200, content=b"<html>", headers={"content-type": "text/html"})
        return httpx.Response(200, content=png, headers={"content-type": "image/png"})

    transport = httpx.MockTransport(answer)
    cache = tmp_path / "avatars"
    first = fetch_avatar("https://files.example/a.png", cache, transport=transport)
    again = fetch_avatar("https://files.example/a.png", cache, transport=transport)
    assert first == again == avatar_file(cache, "https://files.example/a.png")
    assert first is not None and first.read_bytes() == png and len(calls) == 1
    assert fetch_avatar("https://files.example/big.png", cache, transport=transport) is None
    assert fetch_avatar("https://files.example/page", cache, transport=transport) is None
    assert fetch_avatar("file:///etc/passwd", cache, transport=transport) is None
    assert fetch_avatar("https://nosuchhost.invalid/a.png", cache) is None
    assert sorted(p.name for p in cache.iterdir()) == [first.name]


def test_connect_error_never_holds_what_was_typed_as_a_secret() -> None:
    error = ConnectError(WRONG_LOGIN, code="wrong_login")
    assert str(error) == "wrong_login" and json.dumps(error.params) == "{}"
