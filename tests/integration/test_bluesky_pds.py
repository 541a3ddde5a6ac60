"""The Bluesky connector against Bluesky's own reference PDS on loopback (tests/peers/bluesky).

Everything here talks to the real server: its lexicon validation, its token checks, its rate limiter. Only
the AppView is absent, so posts are read back with com.atproto.repo.getRecord and com.atproto.sync.getBlob.
"""

from __future__ import annotations

import io
import json
import logging
import re
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest
from PIL import Image

from cm_desktop.core import networks
from cm_desktop.core.models import stored_utc
from cm_desktop.core.ports import (
    AuthExpired,
    LinkCard,
    OutgoingImage,
    OutgoingPost,
    RateLimited,
    Refused,
    Unknown,
)
from cm_desktop.core.store import open_store
from cm_desktop.networks.bluesky import (
    BlueskyConnector,
    connect,
    jwt_expiry,
    new_tid,
)
from cm_desktop.networks.http import build_client
from cm_desktop.platform.secrets import Secrets
from cm_desktop.services.accounts.connect import connect_bluesky
from tests.integration.bluesky_tokens import expired_copy

if TYPE_CHECKING:
    from tests.pds_peer import PdsPeer

pytestmark = pytest.mark.pds

REF = "account:bluesky:test"


# --- helpers --------------------------------------------------------------------------------------------


@dataclass
class Recorder:
    """Counts what went over the wire, through httpx event hooks on the connector's own client."""

    calls: list[tuple[str, str, int, str]] = field(default_factory=list)
    clients: list[httpx.Client] = field(default_factory=list)

    def client(self) -> httpx.Client:
        client = build_client()
        client.event_hooks = {"response": [self._on_response]}
        self.clients.append(client)  # closed by the fixture: an injected client belongs to its caller
        return client

    def _on_response(self, response: httpx.Response) -> None:
        response.read()
        error = ""
        if "json" in response.headers.get("content-type", ""):
            body = response.json()
            error = body.get("error", "") if isinstance(body, dict) else ""
        path = response.request.url.path
        self.calls.append((response.request.method, path.rsplit("/", 1)[-1], response.status_code, error))

    def count(self, nsid: str) -> int:
        return sum(1 for _, name, _, _ in self.calls if name == nsid)

    def statuses(self, nsid: str) -> list[tuple[int, str]]:
        return [(status, error) for _, name, status, error in self.calls if name == nsid]


@dataclass
class Account:
    handle: str
    did: str
    app_password: str


@pytest.fixture
def secrets() -> Secrets:
    return Secrets()


@pytest.fixture
def alice(pds: PdsPeer) -> Account:
    return Account(*pds.create_account("alice"))


@pytest.fixture
def recorder() -> Iterator[Recorder]:
    recorder = Recorder()
    yield recorder
    for client in recorder.clients:
        client.close()


@pytest.fixture
def connector(
    pds: PdsPeer, alice: Account, secrets: Secrets, recorder: Recorder
) -> Iterator[BlueskyConnector]:
    with connect(
        alice.handle,
        alice.app_password,
        secrets=secrets,
        secret_ref=REF,
        service_url=pds.url,
        plc_url=pds.plc_url,
        client=recorder.client(),
    ) as conn:
        yield conn


def get_record(pds: PdsPeer, did: str, rkey: str) -> dict[str, Any]:
    with pds.client() as http:
        response = http.get(
            "/xrpc/com.atproto.repo.getRecord",
            params={"repo": did, "collection": "app.bsky.feed.post", "rkey": rkey},
        )
    assert response.status_code == 200, response.text
    return response.json()


def get_blob(pds: PdsPeer, did: str, cid: str) -> bytes:
    with pds.client() as http:
        response = http.get("/xrpc/com.atproto.sync.getBlob", params={"did": did, "cid": cid})
    assert response.status_code == 200, response.text
    return response.content


def make_picture(path: Path, size: tuple[int, int], fmt: str, color: tuple[int, int, int]) -> OutgoingImage:
    """A picture made here, saved without any metadata (no EXIF, no text chunks)."""
    image = Image.new("RGB", size, color)
    for x in range(0, size[0], 7):  # some detail, so files differ and are not trivially small
        image.putpixel((x, x % size[1]), (255 - color[0], x % 256, 128))
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **({"quality": 85} if fmt == "JPEG" else {}))
    path.write_bytes(buffer.getvalue())
    with Image.open(path) as check:
        assert not check.getexif(), "test pictures must carry no EXIF"
    mime = "image/jpeg" if fmt == "JPEG" else "image/png"
    return OutgoingImage(
        path=path, mime_type=mime, alt=f"Alt text for {path.name} 🍞", width=size[0], height=size[1]
    )


def stored(secrets: Secrets) -> dict[str, Any]:
    raw = secrets.get(REF)
    assert raw is not None
    return json.loads(raw)


def set_stored_access(secrets: Secrets, access: str) -> None:
    session = stored(secrets)
    session["accessJwt"] = access
    secrets.set(REF, json.dumps(session))


# --- login ----------------------------------------------------------------------------------------------


def test_connect_with_real_app_password(
    pds: PdsPeer,
    alice: Account,
    secrets: Secrets,
    recorder: Recorder,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    assert re.fullmatch(r"[a-z0-9]{4}(-[a-z0-9]{4}){3}", alice.app_password)
    with connect(
        f"@{alice.handle.upper()}\u200e",  # as pasted from a profile page
        alice.app_password,
        secrets=secrets,
        secret_ref=REF,
        service_url=pds.url,
        plc_url=pds.plc_url,
        client=recorder.client(),
    ) as conn:
        info = conn.verify()
        conn.publish(OutgoingPost(text="canary post", idempotency_key=new_tid()))
        session = stored(secrets)

    # Discovery went through resolveHandle and the PLC directory's DID document; one login only.
    assert recorder.count("com.atproto.identity.resolveHandle") == 1
    assert recorder.count(alice.did) == 1  # GET {plc}/{did}
    assert recorder.count("com.atproto.server.createSession") == 1
    assert info.handle == alice.handle
    assert info.remote_id == alice.did
    assert info.network == "bluesky"
    assert info.server_url == pds.public_url  # the #atproto_pds endpoint from the DID document
    assert set(session) == {"did", "handle", "service", "accessJwt", "refreshJwt"}
    assert session["did"] == alice.did

    # The canary: no secret in any log line at any level (ours, httpx's, httpcore's).
    for secret in (alice.app_password, session["accessJwt"], session["refreshJwt"]):
        assert secret not in caplog.text
    assert "eyJ" not in caplog.text


def test_connecting_records_when_the_login_ends(
    pds: PdsPeer, alice: Account, secrets: Secrets, tmp_path: Path
) -> None:
    """Account.token_expires_at is the refresh token's end (90 days, pushed back at every refresh): the
    access token's own two hours are renewed without the person, so they are not what ends a login."""
    store = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    try:
        account = connect_bluesky(store, secrets, alice.handle, alice.app_password, pds.url, pds.plc_url)
    finally:
        store.close()
    now = datetime.now(UTC)
    ends = stored_utc(account.token_expires_at)
    assert ends is not None and timedelta(days=89) < ends - now <= timedelta(days=90)
    raw = secrets.get(account.secret_ref)
    assert raw is not None
    access_ends = jwt_expiry(json.loads(raw)["accessJwt"])
    assert access_ends is not None and access_ends - now <= timedelta(hours=2)
    assert account.server_read_at is not None


def test_wrong_app_password_says_so(
    pds: PdsPeer, alice: Account, secrets: Secrets, recorder: Recorder
) -> None:
    wrong = "abcd-efgh-ijkl-mnop"
    with pytest.raises(AuthExpired) as caught:
        connect(
            alice.handle,
            wrong,
            secrets=secrets,
            secret_ref=REF,
            service_url=pds.url,
            plc_url=pds.plc_url,
            client=recorder.client(),
        )
    assert recorder.statuses("com.atproto.server.createSession") == [(401, "AuthenticationRequired")]
    assert caught.value.code == "wrong_login"
    assert "App passwords" in caught.value.message("en")
    assert "Mots de passe d'application" in caught.value.message("fr")
    assert wrong not in str(caught.value)
    assert secrets.get(REF) is None


def test_unknown_handle_is_named(pds: PdsPeer, secrets: Secrets, recorder: Recorder) -> None:
    with pytest.raises((Refused, AuthExpired)) as caught:
        connect(
            "nobody-here.test",
            "abcd-efgh-ijkl-mnop",
            secrets=secrets,
            secret_ref=REF,
            service_url=pds.url,
            plc_url=pds.plc_url,
            client=recorder.client(),
        )
    # Falls back to logging in on the given server, which refuses: a clear wrong-login message.
    assert isinstance(caught.value, (Refused, AuthExpired))


def test_main_password_format_is_refused_before_any_request(
    pds: PdsPeer, alice: Account, recorder: Recorder
) -> None:
    with pytest.raises(Refused) as caught:
        connect(
            alice.handle,
            "my main password",
            secrets=Secrets(),
            secret_ref=REF,
            service_url=pds.url,
            plc_url=pds.plc_url,
            client=recorder.client(),
        )
    assert recorder.calls == []
    assert "https://bsky.app/settings/app-passwords" in caught.value.message("fr")


# --- posts ----------------------------------------------------------------------------------------------


def test_text_post_with_emoji_link_mention_and_tag(
    pds: PdsPeer, connector: BlueskyConnector, alice: Account
) -> None:
    bob_handle, bob_did, _ = pds.create_account("bob")
    url = "https://example.com/menu?jour=lundi&plat=crepe"
    # Emoji (a ZWJ sequence with a skin tone) and accents before every facet: byte offsets, not characters.
    text = f"Bonjour 👩🏽‍🍳 café ! Notre menu : {url} avec @{bob_handle} 🥐 #Boulangerie et @nobody-here.test"
    key = new_tid()
    result = connector.publish(OutgoingPost(text=text, idempotency_key=key, langs=("fr",)))

    assert result.remote_id == f"at://{alice.did}/app.bsky.feed.post/{key}"
    assert result.url == f"https://bsky.app/profile/{alice.handle}/post/{key}"
    record = get_record(pds, alice.did, key)["value"]
    assert record["text"] == text
    assert record["langs"] == ["fr"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", record["createdAt"])

    raw = text.encode("utf-8")
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    for facet in record["facets"]:
        piece = raw[facet["index"]["byteStart"] : facet["index"]["byteEnd"]].decode("utf-8")
        feature = facet["features"][0]
        found[feature["$type"].rsplit("#", 1)[1]] = (piece, feature)
    assert found["link"][0] == url
    assert found["link"][1]["uri"] == url
    assert found["mention"][0] == f"@{bob_handle}"
    assert found["mention"][1]["did"] == bob_did
    assert found["tag"][0] == "#Boulangerie"
    assert found["tag"][1]["tag"] == "Boulangerie"
    # The unresolvable mention is dropped, not sent with a made-up DID.
    assert sum(1 for f in record["facets"] if f["features"][0]["$type"].endswith("#mention")) == 1


def test_four_pictures_with_alt_text(
    pds: PdsPeer, connector: BlueskyConnector, alice: Account, tmp_path: Path
) -> None:
    pictures = (
        make_picture(tmp_path / "a.png", (640, 480), "PNG", (200, 30, 30)),
        make_picture(tmp_path / "b.jpg", (480, 640), "JPEG", (30, 200, 30)),
        make_picture(tmp_path / "c.jpg", (1200, 628), "JPEG", (30, 30, 200)),
        make_picture(tmp_path / "d.png", (300, 300), "PNG", (90, 90, 20)),
    )
    key = new_tid()
    connector.publish(OutgoingPost(text="Quatre photos 📸", idempotency_key=key, images=pictures))

    embed = get_record(pds, alice.did, key)["value"]["embed"]
    assert embed["$type"] == "app.bsky.embed.images"
    assert len(embed["images"]) == 4
    for sent, entry in zip(pictures, embed["images"], strict=True):
        assert entry["alt"] == sent.alt
        assert entry["aspectRatio"] == {"width": sent.width, "height": sent.height}
        assert entry["image"]["mimeType"] == sent.mime_type
        assert get_blob(pds, alice.did, entry["image"]["ref"]["$link"]) == sent.path.read_bytes()


def test_webp_and_gif_are_taken_as_they_are_and_a_non_picture_is_refused(
    pds: PdsPeer, connector: BlueskyConnector, alice: Account, tmp_path: Path
) -> None:
    """Settles Bluesky's picture formats: the lexicon's blob takes "image/*" and the PDS keeps the type it
    sniffs from the bytes, so WebP and GIF posts go through as they are; what is not a picture does not."""
    sent = []
    for name, fmt, mime in (("still.webp", "WEBP", "image/webp"), ("anim.gif", "GIF", "image/gif")):
        frames = [Image.new("RGB", (320, 240), colour) for colour in ((200, 40, 40), (40, 40, 200))]
        buffer = io.BytesIO()
        frames[0].save(buffer, format=fmt, save_all=True, append_images=frames[1:], duration=200)
        path = tmp_path / name
        path.write_bytes(buffer.getvalue())
        sent.append(OutgoingImage(path=path, mime_type=mime, alt=f"Une image {fmt}", width=320, height=240))
    key = new_tid()
    connector.publish(OutgoingPost(text="WebP et GIF", idempotency_key=key, images=tuple(sent)))

    images = get_record(pds, alice.did, key)["value"]["embed"]["images"]
    assert [entry["image"]["mimeType"] for entry in images] == ["image/webp", "image/gif"]
    for picture, entry in zip(sent, images, strict=True):
        assert get_blob(pds, alice.did, entry["image"]["ref"]["$link"]) == picture.path.read_bytes()
    # The registry says the same: both are pictures Bluesky takes (our renditions are JPEG or PNG).
    assert {"webp", "gif"} <= networks.get("bluesky").accepts.formats

    # The control: bytes the PDS sniffs as a ZIP archive are kept as one, and the images embed refuses them
    # whatever type we claimed for them.
    archive = tmp_path / "photos.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("note.txt", "pas une image " * 20)
    not_a_picture = OutgoingImage(path=archive, mime_type="image/png", alt="archive", width=10, height=10)
    with pytest.raises(Refused) as caught:
        connector.publish(OutgoingPost(text="ZIP", idempotency_key=new_tid(), images=(not_a_picture,)))
    # The PDS says: Expected "image/*" (got "application/zip") at $.record.embed.images[0].image.mimeType
    assert '"image/*"' in caught.value.server_reason and "application/zip" in caught.value.server_reason


def test_link_card_with_thumbnail(
    pds: PdsPeer, connector: BlueskyConnector, alice: Account, tmp_path: Path
) -> None:
    thumb = make_picture(tmp_path / "thumb.jpg", (1200, 630), "JPEG", (240, 200, 10))
    card = LinkCard(
        uri="https://example.com/evenement",
        title="Fête du pain — samedi",
        description="Dégustation gratuite 🥖",
        thumb=thumb,
    )
    key = new_tid()
    connector.publish(
        OutgoingPost(text="Venez ! https://example.com/evenement", idempotency_key=key, link_card=card)
    )

    embed = get_record(pds, alice.did, key)["value"]["embed"]
    assert embed["$type"] == "app.bsky.embed.external"
    external = embed["external"]
    assert (external["uri"], external["title"], external["description"]) == (
        card.uri,
        card.title,
        card.description,
    )
    assert get_blob(pds, alice.did, external["thumb"]["ref"]["$link"]) == thumb.path.read_bytes()


def test_picture_over_one_megabyte_is_refused_before_sending(
    connector: BlueskyConnector, recorder: Recorder, tmp_path: Path
) -> None:
    # The PDS itself accepts such a blob at upload and only refuses the record: we must not get that far.
    big = tmp_path / "big.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(1_000_001))
    image = OutgoingImage(path=big, mime_type="image/png", alt="big", width=10, height=10)
    before = len(recorder.calls)
    with pytest.raises(Refused) as caught:
        connector.publish(OutgoingPost(text="trop grosse", idempotency_key=new_tid(), images=(image,)))
    assert caught.value.code == "image_too_large"
    assert len(recorder.calls) == before


def test_too_long_text_is_permanent_with_the_servers_reason(connector: BlueskyConnector) -> None:
    with pytest.raises(Refused) as caught:
        connector.publish(OutgoingPost(text="é" * 301, idempotency_key=new_tid()))
    assert not isinstance(caught.value, Unknown)
    assert "grapheme" in caught.value.server_reason.lower()


def test_same_record_key_twice_then_lookup_finds_the_first(
    pds: PdsPeer, connector: BlueskyConnector, alice: Account
) -> None:
    key = new_tid()
    post = OutgoingPost(text="Une seule fois", idempotency_key=key)
    first = connector.publish(post)
    # The real PDS answers 500 to a second create with the same key (the outcome looks unclear)...
    with pytest.raises(Unknown):
        connector.publish(OutgoingPost(text="Une seule fois (bis)", idempotency_key=key))
    # ...and the reconciliation that follows finds the first post, unchanged.
    found = connector.lookup(post)
    assert found is not None
    assert found.remote_id == first.remote_id
    assert found.extra["cid"] == first.extra["cid"]
    assert get_record(pds, alice.did, key)["value"]["text"] == "Une seule fois"

    assert connector.lookup(OutgoingPost(text="never sent", idempotency_key=new_tid())) is None
    connector.delete(first.remote_id)
    assert connector.lookup(post) is None
    connector.delete(first.remote_id)  # deleting again is harmless


# --- tokens ---------------------------------------------------------------------------------------------


def test_expired_access_token_is_refreshed_exactly_once(
    pds: PdsPeer, alice: Account, secrets: Secrets, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    connect(
        alice.handle,
        alice.app_password,
        secrets=secrets,
        secret_ref=REF,
        service_url=pds.url,
        plc_url=pds.plc_url,
    ).close()
    before = stored(secrets)
    set_stored_access(secrets, expired_copy(before["accessJwt"]))

    with BlueskyConnector(secrets, REF, client=recorder.client()) as conn:
        key = new_tid()
        conn.publish(OutgoingPost(text="after expiry", idempotency_key=key))
        conn.publish(OutgoingPost(text="and again", idempotency_key=new_tid()))

    # The real server said ExpiredToken, we refreshed once, retried once, and kept the new tokens.
    assert recorder.statuses("com.atproto.repo.createRecord") == [(400, "ExpiredToken"), (200, ""), (200, "")]
    assert recorder.count("com.atproto.server.refreshSession") == 1
    assert recorder.count("com.atproto.server.createSession") == 0
    after = stored(secrets)
    assert after["refreshJwt"] != before["refreshJwt"]  # the rotated refresh token was saved at once
    assert get_record(pds, alice.did, key)["value"]["text"] == "after expiry"
    for secret in (before["refreshJwt"], after["accessJwt"], after["refreshJwt"]):
        assert secret not in caplog.text


def test_corrupted_access_token_refreshes_once(
    pds: PdsPeer, alice: Account, secrets: Secrets, recorder: Recorder
) -> None:
    connect(
        alice.handle,
        alice.app_password,
        secrets=secrets,
        secret_ref=REF,
        service_url=pds.url,
        plc_url=pds.plc_url,
    ).close()
    set_stored_access(secrets, stored(secrets)["accessJwt"][:-4] + "AAAA")
    with BlueskyConnector(secrets, REF, client=recorder.client()) as conn:
        conn.verify()
    assert recorder.statuses("com.atproto.server.getSession") == [(400, "InvalidToken"), (200, "")]
    assert recorder.count("com.atproto.server.refreshSession") == 1


def test_concurrent_expiry_has_one_refresher(
    pds: PdsPeer, alice: Account, secrets: Secrets, recorder: Recorder
) -> None:
    connect(
        alice.handle,
        alice.app_password,
        secrets=secrets,
        secret_ref=REF,
        service_url=pds.url,
        plc_url=pds.plc_url,
    ).close()
    set_stored_access(secrets, expired_copy(stored(secrets)["accessJwt"]))
    errors: list[BaseException] = []
    with BlueskyConnector(secrets, REF, client=recorder.client()) as conn:
        start = threading.Barrier(4)

        def worker(n: int) -> None:
            start.wait()
            try:
                conn.publish(OutgoingPost(text=f"thread {n}", idempotency_key=new_tid()))
            except BaseException as exc:  # collected and re-checked in the main thread
                errors.append(exc)

        threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    assert errors == []
    assert recorder.count("com.atproto.server.refreshSession") == 1
    assert [s for s in recorder.statuses("com.atproto.repo.createRecord") if s[0] == 200] == [(200, "")] * 4


def test_a_session_another_process_refreshed_is_adopted_not_refreshed_again(
    pds: PdsPeer, alice: Account, secrets: Secrets, recorder: Recorder
) -> None:
    """The app keeps one connector for hours while the background job (another process) may refresh the
    same login: the app then takes the rotated tokens from the keychain instead of refreshing with its old
    refresh token (which the server revokes: the account would wrongly need reconnecting)."""
    connect(
        alice.handle,
        alice.app_password,
        secrets=secrets,
        secret_ref=REF,
        service_url=pds.url,
        plc_url=pds.plc_url,
    ).close()
    set_stored_access(secrets, expired_copy(stored(secrets)["accessJwt"]))
    with (
        BlueskyConnector(secrets, REF, client=recorder.client()) as app,
        BlueskyConnector(secrets, REF, client=recorder.client()) as job,
    ):
        job.publish(OutgoingPost(text="from the job", idempotency_key=new_tid()))
        app.publish(OutgoingPost(text="from the app", idempotency_key=new_tid()))
    assert recorder.count("com.atproto.server.refreshSession") == 1
    assert [s for s in recorder.statuses("com.atproto.repo.createRecord") if s[0] == 200] == [(200, "")] * 2


def test_dead_refresh_token_asks_to_reconnect_without_looping(
    pds: PdsPeer, alice: Account, secrets: Secrets, recorder: Recorder
) -> None:
    connect(
        alice.handle,
        alice.app_password,
        secrets=secrets,
        secret_ref=REF,
        service_url=pds.url,
        plc_url=pds.plc_url,
    ).close()
    session = stored(secrets)
    session["accessJwt"] = expired_copy(session["accessJwt"])
    session["refreshJwt"] = session["refreshJwt"][:-4] + "AAAA"
    secrets.set(REF, json.dumps(session))
    with (
        BlueskyConnector(secrets, REF, client=recorder.client()) as conn,
        pytest.raises(AuthExpired) as caught,
    ):
        conn.publish(OutgoingPost(text="never", idempotency_key=new_tid()))
    assert isinstance(caught.value, AuthExpired)
    assert "reconnect" in caught.value.message("en").lower()
    assert recorder.count("com.atproto.server.refreshSession") == 1
    assert recorder.count("com.atproto.repo.createRecord") == 1
    assert session["refreshJwt"] not in str(caught.value)


# --- rate limits ----------------------------------------------------------------------------------------


def test_31st_login_in_five_minutes_is_rate_limited(pds_ratelimited: PdsPeer, recorder: Recorder) -> None:
    handle, _, app_password = pds_ratelimited.create_account("carol")
    with pds_ratelimited.client() as http:
        for _ in range(30):
            ok = http.post(
                "/xrpc/com.atproto.server.createSession",
                json={"identifier": handle, "password": app_password},
            )
            assert ok.status_code == 200, ok.text
    started = datetime.now(UTC)
    with pytest.raises(RateLimited) as caught:
        connect(
            handle,
            app_password,
            secrets=Secrets(),
            secret_ref=REF,
            service_url=pds_ratelimited.url,
            plc_url=pds_ratelimited.plc_url,
            client=recorder.client(),
        )
    assert isinstance(caught.value, RateLimited)
    # The reset time comes from the server's ratelimit-reset header: within the 5-minute window.
    assert started < caught.value.until <= started + timedelta(minutes=5, seconds=5)
    assert recorder.statuses("com.atproto.server.createSession") == [(429, "RateLimitExceeded")]
    assert "UTC" in caught.value.message("fr")
