"""Each Mastodon server's own limits reach the account on connecting and every week after; a smaller
server gets smaller pictures. The server is replayed from a real Mastodon 4.6.4 (tests/mastodon_limits.py)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from PIL import Image
from sqlmodel import select

from cm_desktop.core import networks
from cm_desktop.core.drafts import connected_accounts
from cm_desktop.core.models import Account
from cm_desktop.core.ports import Publisher, ServerLimits
from cm_desktop.core.rules import preflight
from cm_desktop.core.store import Store, open_store
from cm_desktop.networks.mastodon import MastodonConnector
from cm_desktop.platform.secrets import Secrets
from cm_desktop.services.accounts.connect import save_mastodon
from cm_desktop.services.accounts.server_facts import ServerFactsRefresher
from tests.mastodon_limits import SERVER, TOKEN, edited_server

NOW = datetime(2027, 3, 20, 10, 0, tzinfo=UTC)
SMALL = {"max_characters": 1000}
SMALL_PICTURES = {"image_size_limit": 300_000, "image_matrix_limit": 2_000_000}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield s
    s.close()


def account_row(store: Store) -> Account:
    with store.session() as session:
        return session.exec(select(Account)).one()


def test_connecting_reads_the_servers_own_limits(store: Store) -> None:
    save_mastodon(store, Secrets(), SERVER, TOKEN, transport=edited_server(SMALL, SMALL_PICTURES))
    row = account_row(store)
    limits = ServerLimits.from_json(row.server_limits)
    assert (limits.max_characters, limits.image_size_limit, limits.description_limit) == (
        1000,
        300_000,
        10_000,
    )
    assert row.server_read_at is not None
    assert row.token_expires_at is None  # Mastodon tokens have no end of their own
    (account,) = connected_accounts(store)
    assert account.limits == limits


def test_600_characters_pass_on_a_1000_character_server_and_1001_do_not(store: Store) -> None:
    save_mastodon(store, Secrets(), SERVER, TOKEN, transport=edited_server(SMALL))
    limits = connected_accounts(store)[0].limits
    assert not [i for i in preflight("mastodon", "a" * 600, limits=limits) if i.code.startswith("text.too")]
    assert [i.code for i in preflight("mastodon", "a" * 1001, limits=limits)][:1] == ["text.too_long"]
    # Without the server's word, the stock limit of 500 applies.
    assert [i.code for i in preflight("mastodon", "a" * 600)][:1] == ["text.too_long"]


def test_a_server_with_a_smaller_picture_limit_gets_smaller_renditions(store: Store, tmp_path: Path) -> None:
    from cm_desktop.core.media import prepare

    save_mastodon(store, Secrets(), SERVER, TOKEN, transport=edited_server(media=SMALL_PICTURES))
    limits = connected_accounts(store)[0].limits
    noisy = Image.frombytes("RGB", (2400, 1600), random.Random(7).randbytes(2400 * 1600 * 3))
    source = tmp_path / "photo.png"
    noisy.save(source)
    record = networks.get("mastodon")
    stock = prepare(source, record.rendition, tmp_path / "cache")
    small = prepare(source, record.rendition_on(limits), tmp_path / "cache")
    assert stock.byte_size > 300_000 >= small.byte_size
    assert small.width * small.height <= 2_000_000 < stock.width * stock.height


# --- the weekly pass ---------------------------------------------------------------------------------------


class Replayed:
    """Connectors on the replayed server, counting how often the server was asked."""

    def __init__(self, statuses: dict[str, int] | None = None, *, offline: bool = False) -> None:
        self.statuses, self.offline, self.asked = statuses or {}, offline, 0

    def __call__(self, account: Account) -> Publisher:
        self.asked += 1
        if self.offline:

            def refuse(request: httpx.Request) -> httpx.Response:
                raise httpx.ConnectError("offline", request=request)

            return MastodonConnector(SERVER, TOKEN, transport=httpx.MockTransport(refuse))
        return MastodonConnector(SERVER, TOKEN, transport=edited_server(self.statuses))


def stored_account(store: Store, read_at: datetime | None, limits: str = '{"max_characters":500}') -> int:
    with store.session() as session:
        row = Account(
            network="mastodon",
            handle="@b@piaille.fr",
            server_url=SERVER,
            server_limits=limits,
            server_read_at=read_at,
        )
        session.add(row)
        session.commit()
        assert row.id is not None
        return row.id


@pytest.mark.parametrize(
    ("read_at", "asked"), [(None, 1), (NOW - timedelta(days=8), 1), (NOW - timedelta(days=2), 0)]
)
def test_limits_a_week_old_are_read_again(store: Store, read_at: datetime | None, asked: int) -> None:
    account_id = stored_account(store, read_at)
    server = Replayed(SMALL)
    refreshed = ServerFactsRefresher(store, server, lambda: NOW).refresh_due()
    assert (server.asked, refreshed) == (asked, [account_id] * asked)
    row = account_row(store)
    assert ServerLimits.from_json(row.server_limits).max_characters == (1000 if asked else 500)
    if asked:
        assert row.server_read_at is not None and row.server_read_at.replace(tzinfo=UTC) == NOW


def test_an_unreachable_server_keeps_the_old_limits_and_is_asked_again_an_hour_later(store: Store) -> None:
    stored_account(store, NOW - timedelta(days=30))
    now = [NOW]
    server = Replayed(offline=True)
    refresher = ServerFactsRefresher(store, server, lambda: now[0])
    assert refresher.refresh_due() == []  # never raises: it runs beside the outbox
    assert refresher.refresh_due() == [] and server.asked == 1  # not again at the next minute's pass
    row = account_row(store)
    assert row.server_limits == '{"max_characters":500}'
    assert row.server_read_at is not None and row.server_read_at.replace(tzinfo=UTC) == NOW - timedelta(
        days=30
    )
    now[0] = NOW + timedelta(hours=1)
    refresher.refresh_due()
    assert server.asked == 2


def test_networks_posted_by_hand_have_no_server_to_ask(store: Store) -> None:
    with store.session() as session:
        session.add(Account(network="instagram", handle="shop"))
        session.commit()
    server = Replayed()
    assert ServerFactsRefresher(store, server, lambda: NOW).refresh_due() == []
    assert server.asked == 0
