"""Bluesky's reference PDS on loopback, started once per session from tests/peers/bluesky/start.mjs.

Its fixtures are installed by tests/conftest.py, so the GUI and integration tests share one server.
tests/appview_peer.py starts the same script with the AppView and reuses what is here.

Install the peer once with `npm ci --prefix tests/peers/bluesky`. Without Node or the peer's node_modules
the `pds` tests skip with the reason; under CI (CI=true) a missing peer fails them instead.
"""

from __future__ import annotations

import itertools
import json
import os
import queue
import secrets
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, NoReturn, Self
from urllib.parse import urlsplit

import httpx
import pytest

from cm_desktop.networks.http import build_client

PEER_DIR = Path(__file__).resolve().parent / "peers" / "bluesky"
START_SCRIPT = PEER_DIR / "start.mjs"
READY_TIMEOUT_S = 60.0
COMMAND_TIMEOUT_S = 30.0
INSTALL_HINT = "npm ci --prefix tests/peers/bluesky"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def missing_peer(reason: str, *, what: str = "Bluesky PDS peer") -> NoReturn:
    """Skip locally, but never in CI: there a missing peer means the tests did not run at all."""
    if in_ci():
        pytest.fail(f"{what} unavailable under CI: {reason}", pytrace=False)
    pytest.skip(f"{what} unavailable: {reason}")


class NodePeer:
    """start.mjs as a child process: its ready line, its control channel (JSON lines), its stop."""

    def __init__(self, process: subprocess.Popen[bytes], log_path: Path, stdout_log: Path) -> None:
        assert process.stdout is not None and process.stdin is not None
        self.process = process
        self.log_path = log_path
        self._lines: queue.Queue[str] = queue.Queue()
        self._ids = itertools.count(1)
        self._lock = threading.Lock()  # one command in flight: answers are matched by id, but keep it simple
        self._pump = threading.Thread(
            target=_pump, args=(process.stdout, self._lines, stdout_log), daemon=True, name="peer-stdout"
        )
        self._pump.start()

    def _next_json(self, deadline: float, waiting_for: str) -> dict[str, Any]:
        """The next JSON object on stdout; fails the test with the log's tail when the peer dies or stalls."""
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.process.poll() is not None:
                state = "exited" if self.process.poll() is not None else f"stalled ({waiting_for})"
                pytest.fail(f"Bluesky peer {state}; its log ends with:\n{self.log_tail(3000)}", pytrace=False)
            try:
                line = self._lines.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                continue
            try:
                candidate = json.loads(line)
            except ValueError:
                continue  # a library writing to stdout: not ours
            if isinstance(candidate, dict):
                return candidate

    def wait_ready(self, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            candidate = self._next_json(deadline, f"not ready after {timeout:.0f} s")
            if candidate.get("ready"):
                return candidate

    def command(self, op: str, timeout: float = COMMAND_TIMEOUT_S) -> dict[str, Any]:
        """Send one control command (see start.mjs) and wait for its answer."""
        with self._lock:
            command_id = next(self._ids)
            assert self.process.stdin is not None
            self.process.stdin.write(json.dumps({"id": command_id, "op": op}).encode() + b"\n")
            self.process.stdin.flush()
            deadline = time.monotonic() + timeout
            while True:
                answer = self._next_json(deadline, f"no answer to {op} after {timeout:.0f} s")
                if answer.get("id") != command_id:
                    continue
                if not answer.get("ok"):
                    raise AssertionError(f"peer command {op} failed: {answer.get('error')}")
                return answer

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def stop(self) -> None:
        process = self.process
        if process.poll() is None:
            process.terminate()  # start.mjs closes the network cleanly on SIGTERM
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=5)
        if process.stdin is not None:
            try:
                process.stdin.close()
            except OSError:
                pass  # it died with our last command unread: nothing left to tell it
        self._pump.join(timeout=5)


def _pump(stream: IO[bytes], lines: queue.Queue[str], log_path: Path) -> None:
    """Hand every stdout line to the fixture, and keep draining so the peer never blocks on it."""
    with stream, log_path.open("ab") as log:
        for raw in iter(stream.readline, b""):
            log.write(raw)
            log.flush()
            lines.put(raw.decode("utf-8", errors="replace"))


def node_or_missing() -> str:
    """The `node` to run start.mjs with; skips (fails under CI) when Node or the peer is not installed."""
    node = shutil.which("node")
    if node is None:
        missing_peer(f"`node` is not on PATH (install Node 20, then `{INSTALL_HINT}`)")
    if not (PEER_DIR / "node_modules" / "@atproto" / "dev-env").is_dir():
        missing_peer(f"{PEER_DIR / 'node_modules'} is missing: run `{INSTALL_HINT}`")
    return node


@contextmanager
def node_peer(
    base: Path,
    *,
    args: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    ready_timeout: float = READY_TIMEOUT_S,
    name: str = "pds",
) -> Iterator[tuple[NodePeer, dict[str, Any]]]:
    """Run start.mjs with `args` until the block ends -> (the peer, its ready line)."""
    node = node_or_missing()
    log_path = base / f"{name}.log"
    full_env = {**os.environ, "TMPDIR": str(base / "tmp"), "CM_PDS_DIR": str(base), **(env or {})}
    full_env.pop("LOG_ENABLED", None)  # the PDS logs through pino when set: keep stdout for our lines
    (base / "tmp").mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as stderr_log:
        # stdin stays open while we live: if pytest is killed, the peer sees EOF and stops by itself.
        process = subprocess.Popen(
            [node, str(START_SCRIPT), "--dir", str(base), "--exit-with-stdin", *args],
            cwd=PEER_DIR,
            env=full_env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr_log,
        )
    peer = NodePeer(process, log_path, base / f"{name}.stdout.log")
    try:
        yield peer, peer.wait_ready(ready_timeout)
    finally:
        peer.stop()


@dataclass
class PdsPeer:
    """A running PDS. `url` is what a connector is given as its custom service URL."""

    url: str
    public_url: str
    plc_url: str
    node: NodePeer = field(repr=False)
    _counter: int = field(default=0, repr=False)

    @classmethod
    def from_ready(cls, node: NodePeer, ready: Mapping[str, Any], **extra: Any) -> Self:
        """From start.mjs's ready line; `extra`: a subclass's own fields."""
        public_url = str(ready["pds"])
        # Same server, by IP: avoids trying ::1 first for "localhost" on every connection.
        port = urlsplit(public_url).port
        return cls(
            url=f"http://127.0.0.1:{port}",
            public_url=public_url,
            plc_url=str(ready["plc"]),
            node=node,
            **extra,
        )

    @property
    def process(self) -> subprocess.Popen[bytes]:
        return self.node.process

    @property
    def log_path(self) -> Path:
        return self.node.log_path

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
            self._account_created(http, body["did"], body["accessJwt"])
        return body["handle"], body["did"], made.json()["password"]

    def _account_created(self, http: httpx.Client, did: str, access_jwt: str) -> None:
        """For a subclass that must prepare every new account; nothing to do on the PDS alone."""

    def process_all(self) -> None:
        """Wait until the servers have handled every write so far (the AppView indexes asynchronously)."""
        self.node.command("processAll")

    def log_tail(self, chars: int = 4000) -> str:
        return self.node.log_tail(chars)


def _start_peer(base: Path, *, rate_limits: bool) -> Iterator[PdsPeer]:
    with node_peer(base, args=["--rate-limits"] if rate_limits else []) as (node, ready):
        yield PdsPeer.from_ready(node, ready)


@pytest.fixture(scope="session")
def pds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PdsPeer]:
    """The reference PDS, rate limits off, shared by the session; use fresh accounts per test."""
    yield from _start_peer(tmp_path_factory.mktemp("pds"), rate_limits=False)


@pytest.fixture(scope="session")
def pds_ratelimited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PdsPeer]:
    """A second PDS with production rate limits on; started only by the tests that ask for it."""
    yield from _start_peer(tmp_path_factory.mktemp("pds-ratelimited"), rate_limits=True)
