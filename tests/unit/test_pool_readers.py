"""The app's readings (inbox, listening, results) borrow the connectors of its one ConnectorPool: closing a
reading gives the connector back without closing it, so the Bluesky session it keeps (and refreshes, for
everyone at once) stays usable for the next post or reading. The command line and the background job own
theirs and close them. Checked on real connectors over httpx.MockTransport (IMITATION answers: only the
connectors' open or closed state is under test; the shared refresh itself is shown on the real PDS in
tests/integration/test_connector_pool.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from cm_desktop.core.inbox.answers import release
from cm_desktop.core.models import Account
from cm_desktop.core.ports import Publisher
from cm_desktop.networks.mastodon import MastodonConnector
from cm_desktop.services.inbox import readers_over
from cm_desktop.services.listening import searcher_factory
from cm_desktop.services.results import counters_over
from tests.unit.test_bluesky_errors import make

Factory = Callable[..., Callable[[Account], Any]]
FACTORIES: dict[str, Factory] = {
    "inbox": readers_over,
    "results": counters_over,
    "listening": searcher_factory,
}


def answer(_request: httpx.Request) -> httpx.Response:
    # Enough of verify's answer for either network: who the login belongs to.
    return httpx.Response(200, json={"id": "1", "username": "shop", "handle": "shop.example"})


def connector_for(network: str) -> Publisher:
    if network == "bluesky":
        return make(answer)
    return MastodonConnector("https://mastodon.example", "token", transport=httpx.MockTransport(answer))


@pytest.mark.parametrize("network", ["bluesky", "mastodon"])
@pytest.mark.parametrize("reading", sorted(FACTORIES))
def test_a_reading_over_the_pool_leaves_its_connector_open(reading: str, network: str) -> None:
    connector = connector_for(network)
    account = Account(id=1, network=network, handle="shop.example", secret_ref="ref")
    reader = FACTORIES[reading](lambda _account: connector, owns_connectors=False)(account)
    assert reader.connector is connector
    release(reader)  # as every reading ends (core/inbox/answers.py, core/results/sync.py, listening)
    assert connector.verify().remote_id  # still open: the next post or reading uses it
    connector.close()


@pytest.mark.parametrize("network", ["bluesky", "mastodon"])
@pytest.mark.parametrize("reading", sorted(FACTORIES))
def test_a_reading_with_a_connector_of_its_own_closes_it(reading: str, network: str) -> None:
    connector = connector_for(network)
    account = Account(id=1, network=network, handle="shop.example", secret_ref="ref")
    reader = FACTORIES[reading](lambda _account: connector, owns_connectors=True)(account)
    release(reader)
    with pytest.raises(RuntimeError, match="closed"):
        connector.verify()
