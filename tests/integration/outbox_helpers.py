"""Shared by the outbox tests against the real PDS: CLI subprocesses with a file keychain, PDS read-backs."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cm_desktop.core.store import Store
from cm_desktop.networks.http import build_client
from cm_desktop.platform.secrets import Secrets

if TYPE_CHECKING:
    from tests.pds_peer import PdsPeer


@dataclass
class CliHome:
    """A data folder and a file keychain that several `python -m cm_desktop` processes share."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "home"

    @property
    def database(self) -> Path:
        return self.data / "cm-desktop.sqlite3"

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            **os.environ,
            "CM_DESKTOP_HOME": str(self.data),
            # secrets.py accepts a file keychain only when it is asked for by name, as here.
            "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
            "XDG_DATA_HOME": str(self.root / "xdg-data"),
            "QT_QPA_PLATFORM": "offscreen",
            "LANG": "en_US.UTF-8",
        }
        env.pop("CM_DESKTOP_SECRET", None)
        env.update(extra)
        return env

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "cm_desktop", *args]

    def run(self, *args: str, timeout: float = 60, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.command(*args), capture_output=True, text=True, env=self.env(**extra), timeout=timeout
        )

    def spawn(self, *args: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            self.command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env()
        )

    def add_bluesky(self, pds: PdsPeer, handle: str, app_password: str) -> dict[str, Any]:
        result = self.run(
            "accounts",
            "add",
            "bluesky",
            "--handle",
            handle,
            "--service",
            pds.url,
            "--plc-url",
            pds.plc_url,
            CM_DESKTOP_SECRET=app_password,
        )
        assert result.returncode == 0, result.stderr
        account: dict[str, Any] = json.loads(result.stdout)
        return account

    def integrity(self) -> str:
        conn = sqlite3.connect(self.database)
        try:
            return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
        finally:
            conn.close()

    def states(self) -> Counter[str]:
        conn = sqlite3.connect(self.database)
        try:
            return Counter(row[0] for row in conn.execute("SELECT state FROM post_target"))
        finally:
            conn.close()


def list_records(pds: PdsPeer, did: str, collection: str = "app.bsky.feed.post") -> list[dict[str, Any]]:
    """Every record of the collection, read from the PDS itself (com.atproto.repo.listRecords)."""
    records: list[dict[str, Any]] = []
    cursor = ""
    with build_client(pds.url) as http:
        while True:
            params = {"repo": did, "collection": collection, "limit": "100"}
            if cursor:
                params["cursor"] = cursor
            response = http.get("/xrpc/com.atproto.repo.listRecords", params=params)
            assert response.status_code == 200, response.text
            body = response.json()
            records.extend(body.get("records", []))
            cursor = body.get("cursor") or ""
            if not cursor or not body.get("records"):
                return records


def texts_on_server(pds: PdsPeer, did: str) -> Counter[str]:
    return Counter(str(r["value"]["text"]) for r in list_records(pds, did))


def bluesky_account_store(pds: PdsPeer, folder: Path, name: str) -> tuple[Store, Secrets, int, str]:
    """A fresh PDS account connected with its real app password, in a new store: (store, secrets, id, DID)."""
    from cm_desktop.core.models import Account
    from cm_desktop.core.store import open_store
    from cm_desktop.networks.bluesky import connect

    secrets = Secrets()
    handle, did, app_password = pds.create_account(name)
    ref = f"account:bluesky:{name}"
    connect(
        handle, app_password, secrets=secrets, secret_ref=ref, service_url=pds.url, plc_url=pds.plc_url
    ).close()
    store = open_store(folder / "db.sqlite3", folder / "backups")
    with store.session() as session:
        row = Account(network="bluesky", handle=handle, remote_id=did, secret_ref=ref)
        session.add(row)
        session.commit()
        assert row.id is not None
        return store, secrets, row.id, did
