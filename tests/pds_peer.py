"""Bluesky's reference PDS on loopback, started once per session from tests/peers/bluesky/start.mjs.

Its fixtures are installed by tests/conftest.py, so the GUI and integration tests share one server.

Install the peer once with `npm ci --prefix tests/peers/bluesky`. Without Node or the peer's node_modules
the `pds` tests skip with the reason; under CI (CI=true) a missing peer fails them instead.
"""

from __future__ import annotations

import json
import os
import queue
import secrets
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

import httpx
import pytest

from cm_desktop.networks.http import build_client

PEER_DIR = Path(__file__).resolve().parent / "peers" / "bluesky"
START_SCRIPT = PEER_DIR / "start.mjs"
READY_TIMEOUT_S = 60.0
INSTALL_HINT = "npm ci --prefix tests/peers/bluesky"


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def _missing_peer(reason: str) -> None:
    """Skip locally, but never in CI: there a missing peer means the tests did not run at all."""
    if _in_ci():
        pytest.fail(f"Bluesky PDS peer unavailable under CI: {reason}", pytrace=False)
    pytest.skip(f"Bluesky PDS peer unavailable: {reason}")


@dataclass
class PdsPeer:
    """A running PDS. `url` is what a connector is given as its custom service URL."""

    url: str
    public_url: str
    plc_url: str
    process: subprocess.Popen[bytes]
    log_path: Path
    _counter: int = field(default=0, repr=False)

    def client(self) -> httpx.Client:
        return build_client(self.url)

    def create_account(self, handle_prefix: str = "user") -> tuple[str, str, str]:
        """A fresh account -> (handle, did, app password). The app password is a real one (xxxx-xxxx-...)."""
        self._counter += 1
        # Service handles: the first label is 3 to 18 characters, lowercase letters, digits and hyphens.
        prefix = "".join(ch for ch in handle_prefix.lower() if ch.isascii() and ch.isalnum())[:8] or "user"
        handle = f"{prefix}{secrets.token_hex(4)}.test"
        account_password = secrets.token_urlsafe(18)
        with self.client() as http:
            created = http.post(
                "/xrpc/com.atproto.server.createAccount",
                json={"handle": handle, "email": f"{handle}@example.test", "password": account_password},
            )
            assert created.status_code == 200, created.text
            body = created.json()
            made = http.post(
                "/xrpc/com.atproto.server.createAppPassword",
                json={"name": f"cm-desktop-{self._counter}"},
                headers={"Authorization": f"Bearer {body['accessJwt']}"},
            )
            assert made.status_code == 200, made.text
        return body["handle"], body["did"], made.json()["password"]

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


def _pump(stream: IO[bytes], lines: queue.Queue[str], log_path: Path) -> None:
    """Hand the first lines to the fixture, then keep draining stdout so the peer never blocks on it."""
    with stream, log_path.open("ab") as log:
        for raw in iter(stream.readline, b""):
            log.write(raw)
            log.flush()
            lines.put(raw.decode("utf-8", errors="replace"))


def _start_peer(base: Path, *, rate_limits: bool) -> Iterator[PdsPeer]:
    node = shutil.which("node")
    if node is None:
        _missing_peer(f"`node` is not on PATH (install Node 20, then `{INSTALL_HINT}`)")
    if not (PEER_DIR / "node_modules" / "@atproto" / "dev-env").is_dir():
        _missing_peer(f"{PEER_DIR / 'node_modules'} is missing: run `{INSTALL_HINT}`")
    assert node is not None

    log_path = base / "pds.log"
    env = {**os.environ, "TMPDIR": str(base / "tmp"), "CM_PDS_DIR": str(base)}
    env.pop("LOG_ENABLED", None)  # the PDS logs through pino when set: keep stdout for the ready line
    (base / "tmp").mkdir(parents=True, exist_ok=True)
    args = [node, str(START_SCRIPT), "--dir", str(base), "--exit-with-stdin"]
    if rate_limits:
        args.append("--rate-limits")
    with log_path.open("wb") as stderr_log:
        # stdin stays open while we live: if pytest is killed, the peer sees EOF and stops by itself.
        process = subprocess.Popen(
            args,
            cwd=PEER_DIR,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr_log,
        )
    assert process.stdout is not None
    lines: queue.Queue[str] = queue.Queue()
    pump = threading.Thread(
        target=_pump, args=(process.stdout, lines, base / "pds.stdout.log"), daemon=True, name="pds-stdout"
    )
    pump.start()

    ready: dict[str, Any] | None = None
    deadline = time.monotonic() + READY_TIMEOUT_S
    try:
        while ready is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or process.poll() is not None:
                break
            try:
                line = lines.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                continue
            try:
                candidate = json.loads(line)
            except ValueError:
                continue
            if isinstance(candidate, dict) and candidate.get("ready"):
                ready = candidate
        if ready is None:
            state = "exited" if process.poll() is not None else f"not ready after {READY_TIMEOUT_S:.0f} s"
            tail = log_path.read_text(errors="replace")[-3000:]
            pytest.fail(f"Bluesky PDS peer {state}; its log ends with:\n{tail}", pytrace=False)

        public_url = str(ready["pds"])
        # Same server, by IP: avoids trying ::1 first for "localhost" on every connection.
        port = urlsplit(public_url).port
        peer = PdsPeer(
            url=f"http://127.0.0.1:{port}",
            public_url=public_url,
            plc_url=str(ready["plc"]),
            process=process,
            log_path=log_path,
        )
        yield peer
    finally:
        _stop(process)
        pump.join(timeout=5)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()  # start.mjs closes the network cleanly on SIGTERM
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
    if process.stdin is not None:
        process.stdin.close()


@pytest.fixture(scope="session")
def pds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PdsPeer]:
    """The reference PDS, rate limits off, shared by the session; use fresh accounts per test."""
    yield from _start_peer(tmp_path_factory.mktemp("pds"), rate_limits=False)


@pytest.fixture(scope="session")
def pds_ratelimited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PdsPeer]:
    """A second PDS with production rate limits on; started only by the tests that ask for it."""
    yield from _start_peer(tmp_path_factory.mktemp("pds-ratelimited"), rate_limits=True)
