"""Every test runs offscreen, on its own data folder, with an in-memory keychain."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("CM_DESKTOP_PSEUDO_LOCALE", None)

import keyring
import pytest

from tests.appview_peer import appview  # noqa: F401 - PDS + AppView, started only when asked for
from tests.memory_keyring import MemoryKeyring
from tests.pds_peer import pds, pds_ratelimited  # noqa: F401 - one PDS per session, for every folder
from tests.xvfb import x_display  # noqa: F401 - a real X server, for every folder


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """CM_DESKTOP_HOME on the test's own folder: no test touches the person's real data."""
    home = tmp_path / "cm-home"
    monkeypatch.setenv("CM_DESKTOP_HOME", str(home))
    return home
