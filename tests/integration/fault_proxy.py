"""A small HTTP proxy of ours on 127.0.0.1, between a connector and a real server, that misbehaves on command.

Faults are queued for the next request whose path contains a given text (e.g. "createRecord"):
- "drop_after": forward the request, wait for the server's answer, then close the connection without
  answering (the server did the work; the client sees a broken connection);
- "drop_before": close the connection without forwarding (the server never saw it);
- "504": forward, then answer 504 Gateway Timeout instead of the server's answer;
- "stall": forward, then hold the answer for `stall_seconds` (past the client's timeout) and close;
- "429": answer 429 with `ratelimit-reset` (Unix time) and `retry-after` without forwarding; nothing may
  reach the server before that moment, which `forwarded` lets a test check.
`go_offline()` closes the listening socket (connections are refused, like a closed port or no network);
`go_online()` listens again on the same port.

Each request is forwarded on a fresh upstream connection with http.client, and the answer re-sent with a
Content-Length: the proxy speaks HTTP/1.1 with keep-alive to the client, which is what httpx does.
"""

from __future__ import annotations

import http.client
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urlsplit

HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "upgrade", "te"}


@dataclass
class Fault:
    kind: str
    path_contains: str
    times: int = 1
    reset_at: float = 0.0  # for 429: Unix time


@dataclass
class Seen:
    at: float
    method: str
    path: str
    forwarded: bool
    status: int | None
    fault: str = ""
    headers: dict[str, str] = field(default_factory=dict)  # as sent by the client, names lower-cased


@dataclass
class FaultProxy:
    upstream: str
    stall_seconds: float = 3.0
    host: str = "127.0.0.1"
    port: int = 0
    seen: list[Seen] = field(default_factory=list)
    _faults: deque[Fault] = field(default_factory=deque)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _listener: socket.socket | None = None
    _stopping: bool = False
    _threads: list[threading.Thread] = field(default_factory=list)
    _clients: set[socket.socket] = field(default_factory=set)

    # --- control ------------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> FaultProxy:
        self._stopping = False
        self.go_online()
        return self

    def stop(self) -> None:
        self._stopping = True
        self.go_offline()
        for thread in self._threads:
            thread.join(timeout=self.stall_seconds + 5)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def inject(self, kind: str, path_contains: str, *, times: int = 1, reset_in: float = 2.0) -> Fault:
        fault = Fault(kind, path_contains, times, reset_at=time.time() + reset_in if kind == "429" else 0.0)
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    def go_offline(self) -> None:
        """Refuse connections, and cut the open ones (a pulled cable)."""
        listener, self._listener = self._listener, None
        if listener is not None:
            _close(listener)
        with self._lock:
            clients = list(self._clients)
        for client in clients:
            _close(client)

    def go_online(self) -> None:
        if self._listener is not None:
            return
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        thread = threading.Thread(target=self._accept, args=(listener,), daemon=True, name="fault-proxy")
        thread.start()
        self._threads.append(thread)

    def forwarded(self, path_contains: str = "") -> list[Seen]:
        with self._lock:
            return [s for s in self.seen if s.forwarded and path_contains in s.path]

    def requests(self, method: str, path_contains: str) -> list[Seen]:
        """Every request the client made (forwarded or not)."""
        with self._lock:
            return [s for s in self.seen if s.method == method and path_contains in s.path]

    def count(self, path_contains: str, *, forwarded_only: bool = True) -> int:
        with self._lock:
            return sum(
                1 for s in self.seen if path_contains in s.path and (s.forwarded or not forwarded_only)
            )

    # --- serving ------------------------------------------------------------------------------------

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # listener closed: offline or stopped
            with self._lock:
                self._clients.add(client)
            thread = threading.Thread(
                target=self._serve, args=(client,), daemon=True, name="fault-proxy-conn"
            )
            thread.start()

    def _next_fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.path_contains in path:
                    fault.times -= 1
                    if fault.times <= 0:
                        self._faults.remove(fault)
                    return fault
        return None

    def _serve(self, client: socket.socket) -> None:
        reader = client.makefile("rb")
        try:
            while not self._stopping:
                request = _read_request(reader)
                if request is None:
                    return
                method, path, headers, body = request
                fault = self._next_fault(path)
                kind = fault.kind if fault else ""
                if kind == "drop_before":
                    self._note(method, path, False, None, kind, headers)
                    return
                if kind == "429":
                    assert fault is not None
                    self._note(method, path, False, 429, kind, headers)
                    payload = b'{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}'
                    extra = {
                        "ratelimit-limit": "3000",
                        "ratelimit-remaining": "0",
                        "ratelimit-reset": str(int(fault.reset_at + 0.999)),
                        "content-type": "application/json",
                    }
                    client.sendall(_response(429, "Too Many Requests", extra, payload))
                    continue
                status, reason, answer_headers, answer = self._forward(method, path, headers, body)
                self._note(method, path, True, status, kind, headers)
                if kind == "drop_after":
                    return
                if kind == "stall":
                    time.sleep(self.stall_seconds)
                    return
                if kind == "504":
                    client.sendall(
                        _response(504, "Gateway Timeout", {"content-type": "text/plain"}, b"timeout")
                    )
                    continue
                client.sendall(_response(status, reason, answer_headers, answer))
        except OSError:
            return
        finally:
            with self._lock:
                self._clients.discard(client)
            reader.close()
            _close(client)

    def _forward(
        self, method: str, path: str, headers: list[tuple[str, str]], body: bytes
    ) -> tuple[int, str, dict[str, str], bytes]:
        target = urlsplit(self.upstream)
        conn = http.client.HTTPConnection(target.hostname or "127.0.0.1", target.port or 80, timeout=30)
        try:
            out = {k: v for k, v in headers if k.lower() not in HOP_HEADERS | {"host", "content-length"}}
            out["Host"] = target.netloc
            conn.request(method, path, body=body or None, headers=out)
            response = conn.getresponse()
            data = response.read()
            kept = {
                k: v for k, v in response.getheaders() if k.lower() not in HOP_HEADERS | {"content-length"}
            }
            return response.status, response.reason, kept, data
        finally:
            conn.close()

    def _note(
        self,
        method: str,
        path: str,
        forwarded: bool,
        status: int | None,
        fault: str,
        headers: list[tuple[str, str]],
    ) -> None:
        with self._lock:
            self.seen.append(
                Seen(time.time(), method, path, forwarded, status, fault, {k.lower(): v for k, v in headers})
            )


def _read_request(reader: object) -> tuple[str, str, list[tuple[str, str]], bytes] | None:
    readline = reader.readline  # type: ignore[attr-defined]
    line = readline(65537)
    if not line:
        return None
    parts = line.decode("latin-1").split()
    if len(parts) < 2:
        return None
    method, path = parts[0], parts[1]
    headers: list[tuple[str, str]] = []
    while True:
        raw = readline(65537)
        if raw in (b"\r\n", b"\n", b""):
            break
        name, _, value = raw.decode("latin-1").partition(":")
        headers.append((name.strip(), value.strip()))
    length = next((int(v) for k, v in headers if k.lower() == "content-length"), 0)
    body = reader.read(length) if length else b""  # type: ignore[attr-defined]
    return method, path, headers, body


def _response(status: int, reason: str, headers: dict[str, str], body: bytes) -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    lines += [f"Content-Length: {len(body)}", "Connection: keep-alive", "", ""]
    return "\r\n".join(lines).encode("latin-1") + body


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    try:
        sock.close()
    except OSError:
        pass
