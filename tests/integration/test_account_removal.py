"""Removing an account ends it everywhere: on Bluesky's real PDS, the old refresh token is refused afterwards;
on a Mastodon IMITATION (mastodon-mock), the scheduled copies are withdrawn and the token revoked; offline,
the account still goes here and the person is told what is left to do."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest
from sqlmodel import select

from cm_desktop.core.models import Account, PostTarget
from cm_desktop.core.outbox import Outbox, queue_post
from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import Store, open_store
from cm_desktop.platform.secrets import Secrets
from cm_desktop.services.accounts import connect_bluesky, remove_account
from cm_desktop.services.publishing import connector_factory, ending_connector
from tests.pds_peer import PdsPeer

try:
    from mastodon_mock.testing.server import MockServer
except ImportError:  # pragma: no cover - depends on the dev environment
    if os.environ.get("CI") == "true":
        raise
    pytest.skip("mastodon-mock is not installed", allow_module_level=True)

TOKEN = "alice_token"  # the imitation's seeded account


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield opened
    opened.close()


@pytest.mark.pds
def test_removing_a_bluesky_account_ends_its_session_on_the_server(
    pds: PdsPeer, store: Store, tmp_path: Path
) -> None:
    secrets = Secrets()
    handle, _did, app_password = pds.create_account("leaving")
    account = connect_bluesky(store, secrets, handle, app_password, pds.url, pds.plc_url)
    assert account.id is not None
    session = json.loads(secrets.get(account.secret_ref) or "{}")

    removed = remove_account(
        store, secrets, account.id, connector_for=ending_connector(secrets), lock_path=tmp_path / "lock"
    )

    assert removed is not None and removed.problems == () and removed.session_ended
    assert secrets.get(account.secret_ref) is None
    with httpx.Client(base_url=pds.url) as http:
        refused = http.post(
            "/xrpc/com.atproto.server.refreshSession",
            headers={"Authorization": f"Bearer {session['refreshJwt']}"},
        )
    assert refused.status_code in (400, 401), refused.text
    with store.session() as opened:
        assert opened.exec(select(Account)).all() == []


@pytest.fixture(scope="module")
def imitation() -> Iterator[str]:
    server = MockServer(host="127.0.0.1")
    server.start()
    try:
        yield server.base_url
    finally:
        server.stop()


def _mastodon_account(store: Store, secrets: Secrets, server: str) -> int:
    """The imitation's seeded account, with CM Desktop registered on the server as the app does."""
    from cm_desktop.networks.mastodon import MastodonLogin, app_secret_ref

    with MastodonLogin(server) as login:
        secrets.set(app_secret_ref(login.server_url), login.register_app().to_secret())
        server_url = login.server_url
    secrets.set("account:mastodon:alice", TOKEN)
    with store.session() as session:
        row = Account(
            network="mastodon", handle="@alice", server_url=server_url, secret_ref="account:mastodon:alice"
        )
        session.add(row)
        session.commit()
        assert row.id is not None
        return row.id


def _hand_over(store: Store, secrets: Secrets, account_id: int, now: datetime) -> int:
    """A post two days ahead, handed to the server (scheduled_at) by the real outbox."""
    _post, (target_id,) = queue_post(store, text="Portes ouvertes samedi", account_ids=[account_id],
                                     when_utc=now + timedelta(days=2), now=now)  # fmt: skip
    Outbox(store, connector_factory(secrets), ManualClock(now)).run()
    with store.session() as session:
        target = session.get(PostTarget, target_id)
        assert target is not None and target.native_schedule_id
        return target_id


def _scheduled_on_server(server: str) -> list[object]:
    """Alice's scheduled statuses, read with a token of her own (ours may have been revoked)."""
    with httpx.Client(base_url=server) as http:
        token = http.post("/api/v1/_mock/login", json={"username": "alice"}).json()["access_token"]
        answer = http.get("/api/v1/scheduled_statuses", headers={"Authorization": f"Bearer {token}"})
    answer.raise_for_status()
    return list(answer.json())


def test_removing_a_mastodon_account_withdraws_its_copies_and_revokes_the_token_imitation(
    imitation: str, store: Store, tmp_path: Path
) -> None:
    with httpx.Client(base_url=imitation) as http:
        http.post("/api/v1/_mock/reset").raise_for_status()
    secrets = Secrets()
    account_id = _mastodon_account(store, secrets, imitation)
    target_id = _hand_over(store, secrets, account_id, datetime.now(UTC))
    assert len(_scheduled_on_server(imitation)) == 1

    removed = remove_account(
        store, secrets, account_id, connector_for=ending_connector(secrets), lock_path=tmp_path / "lock"
    )

    assert removed is not None and removed.problems == ()
    assert (removed.copies_withdrawn, removed.copies_left) == (1, 0)
    with httpx.Client(base_url=imitation, headers={"Authorization": f"Bearer {TOKEN}"}) as http:
        assert http.get("/api/v1/accounts/verify_credentials").status_code == 401  # the token is revoked
    assert _scheduled_on_server(imitation) == []  # the copy will never go out
    assert secrets.get("account:mastodon:alice") is None
    with store.session() as session:
        target = session.get(PostTarget, target_id)
        assert target is not None
        assert (target.state, target.native_schedule_id, target.account_id) == ("failed", "", None)


class RevokedOnlyByItsRegistration(httpx.BaseTransport):
    """In front of the IMITATION, the one rule of real Mastodon it lacks: Doorkeeper's revocation endpoint
    (`Doorkeeper::TokensController#revoke`, `authorized?`) refuses, with 403 `unauthorized_client`, to revoke
    a token for any registration but the one that gave it out. mastodon-mock revokes for anyone; this
    transport remembers which registration each token came from (the token answers it forwards) and refuses
    the rest as Mastodon would."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.issued: dict[str, str] = {}  # token -> the client_id that obtained it
        self.refused = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        form = parse_qs(request.read().decode()) if request.method == "POST" else {}
        client_id = form.get("client_id", [""])[0]
        if request.url.path == "/oauth/revoke":
            issuer = self.issued.get(form.get("token", [""])[0])
            if issuer is not None and issuer != client_id:
                self.refused += 1
                return httpx.Response(
                    403,
                    json={
                        "error": "unauthorized_client",
                        "error_description": "You are not authorized to revoke this token",
                    },
                )
        response = self.inner.handle_request(request)
        if request.url.path == "/oauth/token" and response.status_code == 200:
            response.read()
            self.issued[str(response.json()["access_token"])] = client_id
        return response

    def close(self) -> None:
        self.inner.close()


def test_a_login_made_before_listening_is_revoked_with_its_own_registration_imitation(
    imitation: str, store: Store, tmp_path: Path
) -> None:
    """Alice connected when CM Desktop asked for fewer permissions (no search, no follows). Connecting
    another account registers CM Desktop again with them all; removing Alice later must still end her
    login on the server, which only the earlier registration can do. That registration is kept in the
    keychain only, and leaves it with the last account on the server."""
    from cm_desktop.networks.mastodon import (
        MastodonLogin,
        app_secret_ref,
        earlier_apps_ref,
        earlier_registrations,
    )
    from cm_desktop.networks.oauth import AuthorizationCode
    from cm_desktop.services.accounts.connect import start_mastodon

    with httpx.Client(base_url=imitation) as http:
        http.post("/api/v1/_mock/reset").raise_for_status()
    secrets, transport = Secrets(), RevokedOnlyByItsRegistration()
    before_listening = "read:accounts read:statuses read:notifications write:statuses write:media"
    with MastodonLogin(imitation, transport=transport) as login:
        older = login.register_app(scopes=before_listening)
        secrets.set(app_secret_ref(login.server_url), older.to_secret())
        code = AuthorizationCode("mockcode_alice", "urn:ietf:wg:oauth:2.0:oob", "v" * 43)
        token = login.exchange_code(older, login.discover(), code)
        server_url = login.server_url
    secrets.set("account:mastodon:alice", token)
    with store.session() as session:
        row = Account(
            network="mastodon",
            handle="@alice",
            server_url=server_url,
            remote_id="1",
            secret_ref="account:mastodon:alice",
        )
        session.add(row)
        session.commit()
        assert row.id is not None
        account_id = row.id

    # Connecting another account now: CM Desktop is registered again, with the listening permissions.
    with start_mastodon(secrets, imitation, transport=transport) as sign_in:
        assert sign_in.app.client_id != older.client_id
    assert [e.client_id for e in earlier_registrations(secrets, server_url)] == [older.client_id]

    removed = remove_account(
        store,
        secrets,
        account_id,
        connector_for=ending_connector(secrets, transport=transport),
        lock_path=tmp_path / "lock",
    )

    assert removed is not None and removed.problems == () and removed.session_ended
    assert transport.refused == 1  # the current registration was refused, as Mastodon refuses it
    with httpx.Client(base_url=imitation, headers={"Authorization": f"Bearer {token}"}) as http:
        assert http.get("/api/v1/accounts/verify_credentials").status_code == 401  # her login is ended
    # Kept in the keychain only (never in the database), and gone with the server's last account.
    assert older.client_secret.encode() not in b"".join(
        f.read_bytes() for f in tmp_path.iterdir() if f.name.startswith("db.sqlite3")
    )
    assert secrets.get(earlier_apps_ref(server_url)) is None
    assert secrets.get(app_secret_ref(server_url)) is None
    transport.close()


def test_offline_the_account_goes_here_and_the_person_is_told_what_is_left(
    store: Store, tmp_path: Path
) -> None:
    """A copy handed over earlier, then the server unreachable: nothing can be withdrawn or revoked."""
    secrets = Secrets()
    secrets.set("account:mastodon:bob", "bob-token")
    with store.session() as session:
        row = Account(
            network="mastodon",
            handle="@bob",
            server_url="http://127.0.0.1:9",
            secret_ref="account:mastodon:bob",
        )
        session.add(row)
        session.commit()
        assert row.id is not None
        account_id = row.id
    _post, (target_id,) = queue_post(store, text="x", account_ids=[account_id],
                                     when_utc=datetime.now(UTC) + timedelta(days=3))  # fmt: skip
    with store.session() as session:
        target = session.get(PostTarget, target_id)
        assert target is not None
        target.native_schedule_id = "42"
        session.add(target)
        session.commit()

    removed = remove_account(
        store, secrets, account_id, connector_for=ending_connector(secrets), lock_path=tmp_path / "lock"
    )

    assert removed is not None and (removed.copies_withdrawn, removed.copies_left) == (0, 1)
    assert not removed.session_ended
    french = " ".join(removed.messages("fr"))
    assert "1 publications programmées sont encore gardées" in french and "Mastodon" in french
    assert "Applications autorisées" in french
    assert secrets.get("account:mastodon:bob") is None
    with store.session() as session:
        assert session.get(Account, account_id) is None
