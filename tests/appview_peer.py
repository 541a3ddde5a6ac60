"""Bluesky's PDS *and* AppView on loopback, for the tests that read (inbox, listening, results).

The `appview` fixture (installed by tests/conftest.py, started lazily by the first test that asks for it)
runs, once per session:
- PostgreSQL and Redis from the system packages, on 127.0.0.1 with free ports, started here in the
  foreground as children of pytest (PostgreSQL as an unprivileged user when we are root: it refuses root);
- tests/peers/bluesky/start.mjs --appview: dev-env's TestNetwork (PLC, PDS, AppView, Ozone).

The person's account talks to `appview.url` (the PDS) exactly as the app does; the PDS proxies app.bsky.*
reads to the AppView. `Actor`s are *other* accounts that reply, mention, like... through the same PDS.
The AppView indexes writes asynchronously: call `appview.process_all()` after writing, before reading.

Linux only. Needs Node + `npm ci --prefix tests/peers/bluesky`, PostgreSQL (`apt-get install postgresql`;
binaries looked for in $CM_PG_BIN, /usr/lib/postgresql/*/bin, then PATH) and Redis (`apt-get install
redis-server`). Locally a missing piece skips the `appview` tests with the reason; under CI (CI=true) it
fails them. Logs: initdb.log, postgres.log, redis.log, appview.log in the fixture's pytest folder.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx
import pytest

from cm_desktop.networks.http import build_client
from tests.pds_peer import PdsPeer, missing_peer, node_or_missing, node_peer

if TYPE_CHECKING:
    import pwd  # POSIX only: imported where used, so that this module loads on Windows

WHAT = "Bluesky AppView peer"
# dev-env makes `appview_<this>` and `ozone_<this>` schemas; Postgres takes it unquoted: [A-Za-z_] only.
PG_SCHEMA = "cm_tests"
SERVICE_READY_TIMEOUT_S = 30.0
# TestNetwork migrates two schemas and seeds Ozone before it answers: slower than the PDS alone.
APPVIEW_READY_TIMEOUT_S = 90.0
# Our leftovers in the shared temp folder (see _services_root): one folder per pytest process.
ROOT_PREFIX = "cm-appview-"

# A hashtag as Bluesky's clients facet it: after a space or at the start, not only digits.
_TAG_RE = re.compile(r"(?<!\S)[#＃](\w*[^\W\d_]\w*)")


# --- PostgreSQL and Redis -------------------------------------------------------------------------------


def postgres_bin_dir() -> Path | None:
    """Debian keeps the server binaries off PATH, in /usr/lib/postgresql/<major>/bin: take the newest."""
    candidates: list[Path] = []
    if os.environ.get("CM_PG_BIN"):
        candidates.append(Path(os.environ["CM_PG_BIN"]))
    versions = Path("/usr/lib/postgresql").glob("*/bin")
    candidates += sorted(versions, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0)[::-1]
    on_path = shutil.which("postgres")
    if on_path:
        candidates.append(Path(on_path).resolve().parent)
    for candidate in candidates:
        if all((candidate / tool).is_file() for tool in ("initdb", "postgres", "pg_isready")):
            return candidate
    return None


def _service_user() -> pwd.struct_passwd | None:
    """Who runs the services: ourselves, or when we are root (CI), Debian's `postgres` user, else nobody."""
    import pwd

    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name)
    missing_peer("running as root and neither a `postgres` nor a `nobody` user exists", what=WHAT)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _traversable_by_others(path: Path) -> bool:
    return all(os.stat(part).st_mode & stat.S_IXOTH for part in (path, *path.parents))


def _services_root(user: pwd.struct_passwd | None) -> Path:
    """A private folder for the data files. Not under pytest's folder: that one is 0700 root, which the
    unprivileged PostgreSQL user cannot enter. Leftovers of a killed run are removed by the next run."""
    shared = Path(tempfile.gettempdir())
    if user is not None and not _traversable_by_others(shared):
        shared = Path("/tmp")
    for stale in shared.glob(f"{ROOT_PREFIX}*"):
        with contextlib.suppress(OSError, ValueError):
            owner = int((stale / "owner.pid").read_text())
            if not Path(f"/proc/{owner}").exists():
                shutil.rmtree(stale, ignore_errors=True)
    root = Path(tempfile.mkdtemp(prefix=ROOT_PREFIX, dir=shared))
    (root / "owner.pid").write_text(str(os.getpid()))
    for sub in ("run", "redis"):
        (root / sub).mkdir()
    if user is not None:
        for path in (root, root / "run", root / "redis"):
            os.chown(path, user.pw_uid, user.pw_gid)
    return root


def _as_user(user: pwd.struct_passwd | None, command: Sequence[str], *, parent_death: str) -> list[str]:
    """`command` as `user`, and stopped by the kernel with `parent_death` if pytest dies without teardown
    (setpriv is util-linux's, always on Debian). Without setpriv, only our teardown stops it."""
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        if user is not None:
            missing_peer("`setpriv` (util-linux) is needed to run PostgreSQL as a non-root user", what=WHAT)
        return list(command)
    drop = []
    if user is not None:
        drop = [f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups"]
    return [setpriv, *drop, "--pdeathsig", parent_death, *command]


def _wait_until(check: Callable[[], bool], process: subprocess.Popen[bytes], log: Path, name: str) -> None:
    deadline = time.monotonic() + SERVICE_READY_TIMEOUT_S
    while not check():
        if process.poll() is not None or time.monotonic() > deadline:
            state = "exited" if process.poll() is not None else "not ready"
            tail = log.read_text(errors="replace")[-2000:]
            pytest.fail(f"{name} {state}; its log ends with:\n{tail}", pytrace=False)
        time.sleep(0.1)


def _pg_answers(isready: Sequence[str]) -> bool:
    return subprocess.run(isready, stdin=subprocess.DEVNULL, timeout=10, check=False).returncode == 0


def _redis_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def _spawn(command: Sequence[str], log_path: Path, cwd: Path) -> subprocess.Popen[bytes]:
    """Output into a file we open, in the test's folder: the unprivileged user could not open it there."""
    with log_path.open("wb") as log:
        return subprocess.Popen(command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=log, stderr=log)


def _stop(process: subprocess.Popen[bytes], sig: int) -> None:
    if process.poll() is None:
        process.send_signal(sig)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@dataclass(frozen=True)
class Services:
    postgres_url: str
    redis_host: str
    root: Path


@contextlib.contextmanager
def local_services(logs: Path) -> Iterator[Services]:
    """PostgreSQL and Redis on 127.0.0.1 until the block ends; their logs in `logs` (the test's folder)."""
    bin_dir = postgres_bin_dir()
    if bin_dir is None:
        missing_peer("PostgreSQL server binaries not found (`apt-get install postgresql`)", what=WHAT)
    redis = shutil.which("redis-server")
    if redis is None:
        missing_peer("`redis-server` is not on PATH (`apt-get install redis-server`)", what=WHAT)
    user = _service_user()
    root = _services_root(user)
    pg_port, redis_port = _free_port(), _free_port()
    started: list[tuple[subprocess.Popen[bytes], int]] = []
    try:
        initdb = [str(bin_dir / "initdb"), "-D", str(root / "pg"), "-A", "trust", "-U", "postgres"]
        initdb += ["-E", "UTF8", "--no-locale", "--no-sync"]
        if _spawn(_as_user(user, initdb, parent_death="TERM"), logs / "initdb.log", root).wait(120) != 0:
            tail = (logs / "initdb.log").read_text(errors="replace")[-2000:]
            pytest.fail(f"initdb failed:\n{tail}", pytrace=False)

        # In the foreground rather than `pg_ctl start`: a daemon would outlive a killed pytest; a child
        # stops with it (SIGINT: PostgreSQL's fast shutdown).
        server = [str(bin_dir / "postgres"), "-D", str(root / "pg"), "-k", str(root / "run")]
        server += ["-p", str(pg_port), "-c", "listen_addresses=127.0.0.1"]
        # Throwaway data: no durability, faster writes.
        server += ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
        postgres = _spawn(_as_user(user, server, parent_death="INT"), logs / "postgres.log", root)
        started.append((postgres, signal.SIGINT))

        # No snapshots, no append-only file: nothing written but into its own folder.
        redis_args = [redis, "--port", str(redis_port), "--bind", "127.0.0.1", "--dir", str(root / "redis")]
        redis_args += ["--save", "", "--appendonly", "no", "--daemonize", "no"]
        redis_server = _spawn(_as_user(user, redis_args, parent_death="TERM"), logs / "redis.log", root)
        started.append((redis_server, signal.SIGTERM))

        isready = [str(bin_dir / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(pg_port), "-U", "postgres"]
        _wait_until(lambda: _pg_answers(isready), postgres, logs / "postgres.log", "PostgreSQL")
        _wait_until(lambda: _redis_answers(redis_port), redis_server, logs / "redis.log", "Redis")
        yield Services(
            postgres_url=f"postgresql://postgres@127.0.0.1:{pg_port}/postgres",
            redis_host=f"127.0.0.1:{redis_port}",
            root=root,
        )
    finally:
        for process, sig in reversed(started):
            _stop(process, sig)
        shutil.rmtree(root, ignore_errors=True)


# --- Other accounts -------------------------------------------------------------------------------------


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _byte_span(text: str, start: int, end: int) -> dict[str, int]:
    """Facet indexes count UTF-8 bytes, not characters."""
    return {"byteStart": len(text[:start].encode()), "byteEnd": len(text[:end].encode())}


def tag_facets(text: str) -> list[dict[str, Any]]:
    """#hashtag facets as Bluesky's clients write them (the AppView derives the post's tags from them)."""
    facets = []
    for match in _TAG_RE.finditer(text):
        feature = {"$type": "app.bsky.richtext.facet#tag", "tag": match.group(1)}
        facets.append({"index": _byte_span(text, match.start(), match.end()), "features": [feature]})
    return facets


@dataclass(frozen=True)
class Ref:
    """A record on the network: what a reply, like, repost or quote points to."""

    uri: str
    cid: str

    def strong(self) -> dict[str, str]:
        return {"uri": self.uri, "cid": self.cid}

    @property
    def rkey(self) -> str:
        return self.uri.rsplit("/", 1)[-1]


@dataclass
class Actor:
    """Another account, logged in with its app password through the same PDS, writing real records."""

    pds_url: str
    handle: str
    did: str
    app_password: str
    # The AppView indexes repositories in parallel: a reply indexed at the same moment as its parent
    # finds no parent and notifies nobody. reply() and quote() call this first (the peer's process_all).
    settle: Callable[[], None] = field(default=lambda: None, repr=False)
    _access_jwt: str = field(default="", repr=False)

    @classmethod
    def login(
        cls, pds_url: str, handle: str, did: str, app_password: str, settle: Callable[[], None] | None = None
    ) -> Actor:
        actor = cls(pds_url, handle, did, app_password)
        if settle is not None:
            actor.settle = settle
        actor._login()
        return actor

    def _login(self) -> None:
        with build_client(self.pds_url) as http:
            made = http.post(
                "/xrpc/com.atproto.server.createSession",
                json={"identifier": self.handle, "password": self.app_password},
            )
        assert made.status_code == 200, made.text
        self._access_jwt = made.json()["accessJwt"]

    def call(
        self, method: str, nsid: str, *, params: Mapping[str, Any] | None = None, body: Any = None
    ) -> dict[str, Any]:
        """One XRPC call as this account; asserts success. A session older than its 2 hours is renewed."""
        for attempt in (1, 2):
            with build_client(self.pds_url) as http:
                response = http.request(
                    method,
                    f"/xrpc/{nsid}",
                    params=params,
                    json=body,
                    headers={"Authorization": f"Bearer {self._access_jwt}"},
                )
            if attempt == 1 and response.status_code == 400 and "ExpiredToken" in response.text:
                self._login()
                continue
            assert response.status_code == 200, f"{nsid} -> {response.status_code} {response.text}"
            return response.json() if response.content else {}
        raise AssertionError("unreachable")

    def get(self, nsid: str, **params: Any) -> dict[str, Any]:
        """A read through the PDS (app.bsky.* reads are proxied to the AppView)."""
        return self.call("GET", nsid, params=params)

    def create(self, collection: str, record: Mapping[str, Any]) -> Ref:
        made = self.call(
            "POST",
            "com.atproto.repo.createRecord",
            body={"repo": self.did, "collection": collection, "record": {"$type": collection, **record}},
        )
        return Ref(made["uri"], made["cid"])

    def delete(self, ref: Ref) -> None:
        collection = ref.uri.split("/")[-2]
        self.call(
            "POST",
            "com.atproto.repo.deleteRecord",
            body={"repo": self.did, "collection": collection, "rkey": ref.rkey},
        )

    def post(
        self,
        text: str,
        *,
        facets: Sequence[Mapping[str, Any]] = (),
        embed: Mapping[str, Any] | None = None,
        reply: Mapping[str, Any] | None = None,
        langs: Sequence[str] = (),
    ) -> Ref:
        """A post; #hashtags get their tag facets, as in Bluesky's own app."""
        record: dict[str, Any] = {"text": text, "createdAt": _now()}
        all_facets = [*facets, *tag_facets(text)]
        if all_facets:
            record["facets"] = all_facets
        if embed is not None:
            record["embed"] = dict(embed)
        if reply is not None:
            record["reply"] = dict(reply)
        if langs:
            record["langs"] = list(langs)
        return self.create("app.bsky.feed.post", record)

    def reply(self, to_uri: str, to_cid: str, root_uri: str, root_cid: str, text: str) -> Ref:
        self.settle()
        parent, root = {"uri": to_uri, "cid": to_cid}, {"uri": root_uri, "cid": root_cid}
        return self.post(text, reply={"root": root, "parent": parent})

    def mention(self, handle_or_did: str, text: str) -> Ref:
        """A post with a real mention facet (the DID). "@handle" is put in front unless `text` has it."""
        who = handle_or_did.removeprefix("@")
        if who.startswith("did:"):
            did, handle = who, str(self.get("com.atproto.repo.describeRepo", repo=who)["handle"])
        else:
            handle, did = who, str(self.get("com.atproto.identity.resolveHandle", handle=who)["did"])
        token = f"@{handle}"
        if token not in text:
            text = f"{token} {text}"
        start = text.index(token)
        facet = {
            "index": _byte_span(text, start, start + len(token)),
            "features": [{"$type": "app.bsky.richtext.facet#mention", "did": did}],
        }
        return self.post(text, facets=[facet])

    def quote(self, uri: str, cid: str, text: str) -> Ref:
        self.settle()
        return self.post(text, embed={"$type": "app.bsky.embed.record", "record": {"uri": uri, "cid": cid}})

    def like(self, uri: str, cid: str) -> Ref:
        return self.create("app.bsky.feed.like", {"subject": {"uri": uri, "cid": cid}, "createdAt": _now()})

    def repost(self, uri: str, cid: str) -> Ref:
        return self.create("app.bsky.feed.repost", {"subject": {"uri": uri, "cid": cid}, "createdAt": _now()})

    def follow(self, did: str) -> Ref:
        return self.create("app.bsky.graph.follow", {"subject": did, "createdAt": _now()})

    def set_profile(self, display_name: str, description: str = "") -> None:
        """The profile record the AppView shows as the author's name (no avatar: keep it light)."""
        record = {"$type": "app.bsky.actor.profile", "displayName": display_name, "description": description}
        self.call(
            "POST",
            "com.atproto.repo.putRecord",
            body={"repo": self.did, "collection": "app.bsky.actor.profile", "rkey": "self", "record": record},
        )


# --- The peer -------------------------------------------------------------------------------------------


@dataclass
class AppViewPeer(PdsPeer):
    """The PDS of a full TestNetwork. `url`, `plc_url` and `create_account` as for the PDS alone;
    post/reply/mention/quote/like/repost/follow act as one other account (`other`), made on first use."""

    appview_url: str = ""
    services: Services | None = field(default=None, repr=False)
    _other: Actor | None = field(default=None, repr=False)

    def _account_created(self, http: httpx.Client, did: str, access_jwt: str) -> None:
        # dev-env's data plane races in updateSeen: it writes the "seen" row twice at once (all, priority);
        # when the row does not exist yet and the priority write wins, the account switches to "priority
        # notifications" (only from accounts it follows): listNotifications [] and unread 0 from then on.
        # Creating the row first (as Bluesky's app does when its notification settings are saved) avoids
        # it. Side effect: "seen" starts at the account's creation, so every notification is unread.
        saved = http.post(
            "/xrpc/app.bsky.notification.putPreferences",
            json={"priority": False},
            headers={"Authorization": f"Bearer {access_jwt}"},
        )
        assert saved.status_code == 200, saved.text

    def actor(self, handle_prefix: str = "other") -> Actor:
        """A new account, logged in, to act on the person's posts (several for "Marie and 4 others")."""
        handle, did, app_password = self.create_account(handle_prefix)
        return Actor.login(self.url, handle, did, app_password, settle=self.process_all)

    @property
    def other(self) -> Actor:
        if self._other is None:
            self._other = self.actor("other")
        return self._other

    def post(self, text: str) -> Ref:
        return self.other.post(text)

    def reply(self, to_uri: str, to_cid: str, root_uri: str, root_cid: str, text: str) -> Ref:
        return self.other.reply(to_uri, to_cid, root_uri, root_cid, text)

    def mention(self, handle_or_did: str, text: str) -> Ref:
        return self.other.mention(handle_or_did, text)

    def quote(self, uri: str, cid: str, text: str) -> Ref:
        return self.other.quote(uri, cid, text)

    def like(self, uri: str, cid: str) -> Ref:
        return self.other.like(uri, cid)

    def repost(self, uri: str, cid: str) -> Ref:
        return self.other.repost(uri, cid)

    def follow(self, did: str) -> Ref:
        return self.other.follow(did)


def _appview_args(services: Services) -> list[str]:
    return ["--appview", "--pg-url", services.postgres_url, "--pg-schema", PG_SCHEMA]


@pytest.fixture(scope="session")
def appview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppViewPeer]:
    """PDS + AppView (+ PostgreSQL, Redis) shared by the session; use fresh accounts per test."""
    if not sys.platform.startswith("linux"):
        # Debian's packages, setpriv, the parent-death signal: Linux (and the Linux CI job) only.
        pytest.skip(f"{WHAT} runs on Linux only (PostgreSQL and Redis started as on Debian)")
    node_or_missing()  # before starting the databases: no point without the Node side
    base = tmp_path_factory.mktemp("appview")
    with (
        local_services(base) as services,
        node_peer(
            base,
            args=_appview_args(services),
            env={"REDIS_HOST": services.redis_host},
            ready_timeout=APPVIEW_READY_TIMEOUT_S,
            name="appview",
        ) as (node, ready),
    ):
        yield AppViewPeer.from_ready(node, ready, appview_url=str(ready["appview"]), services=services)
