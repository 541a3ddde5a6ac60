"""The networks' own libraries, started once for the whole session (see official_clients.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.unit.rules.official_clients import OfficialClients, install_problem, unavailable


@pytest.fixture(scope="session")
def official_clients() -> Iterator[OfficialClients]:
    problem = install_problem()
    if problem is not None:
        unavailable(problem)
    clients = OfficialClients()
    yield clients
    clients.close()
