"""What the outbox costs over the HTTP calls it makes: 200 text posts to Bluesky's reference PDS on loopback.

Floor: the same 200 com.atproto.repo.createRecord calls made with a bare httpx.Client (same server, same
account, same record shape, in the same run). Measured: the outbox's `run()` over 200 due posts (each claim
committed with synchronous=FULL before its request; each verdict rides on the next commit). Medians of several
rounds, floor and outbox alternating. Prints only; needs the peer installed (npm ci --prefix tests/peers/bluesky).

    .venv/bin/python bench/outbox.py [--posts 200] [--rounds 3] [--profile FILE]

`--profile FILE` runs one outbox round under cProfile instead, saves it to FILE and prints the top entries.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--profile", type=Path, default=None, help="write a cProfile of one outbox round to this file"
    )
    args = parser.parse_args()

    import keyring
    import pytest

    from cm_desktop.core.models import Account
    from cm_desktop.core.outbox import Outbox, queue_post, targets
    from cm_desktop.core.store import open_store
    from cm_desktop.core.tid import new_tid
    from cm_desktop.networks.bluesky import connect, utc_timestamp
    from cm_desktop.networks.http import build_client
    from cm_desktop.platform.secrets import Secrets
    from cm_desktop.services.publishing import connector_factory
    from tests.memory_keyring import MemoryKeyring
    from tests.pds_peer import _start_peer

    keyring.set_keyring(MemoryKeyring())
    secrets = Secrets()
    with tempfile.TemporaryDirectory(prefix="cm-bench-outbox-") as tmp:
        base = Path(tmp)
        try:
            peers = _start_peer(base / "pds", rate_limits=False)
            pds = next(peers)
        except pytest.skip.Exception as exc:
            print(f"skipped: {exc}")
            return 0
        try:
            handle, did, app_password = pds.create_account("bench")
            ref = "account:bluesky:bench"
            connect(
                handle,
                app_password,
                secrets=secrets,
                secret_ref=ref,
                service_url=pds.url,
                plc_url=pds.plc_url,
            ).close()
            import json

            session = json.loads(secrets.get(ref) or "{}")
            token, service = session["accessJwt"], session["service"]

            def raw_round(tag: str) -> float:
                with build_client(service) as http:
                    started = time.perf_counter()
                    for i in range(args.posts):
                        record = {
                            "$type": "app.bsky.feed.post",
                            "text": f"raw {tag} {i}",
                            "createdAt": utc_timestamp(),
                        }
                        response = http.post(
                            "/xrpc/com.atproto.repo.createRecord",
                            json={
                                "repo": did,
                                "collection": "app.bsky.feed.post",
                                "rkey": new_tid(),
                                "record": record,
                            },
                            headers={"Authorization": f"Bearer {token}"},
                        )
                        response.raise_for_status()
                    return time.perf_counter() - started

            def outbox_round(tag: str, profiler: Any = None) -> float:
                folder = base / f"store-{tag}"
                store = open_store(folder / "db.sqlite3", folder / "backups")
                with store.session() as s:
                    account = Account(network="bluesky", handle=handle, remote_id=did, secret_ref=ref)
                    s.add(account)
                    s.commit()
                    assert account.id is not None
                now = datetime.now(UTC)
                for i in range(args.posts):
                    queue_post(
                        store, text=f"outbox {tag} {i}", account_ids=[account.id], when_utc=now, now=now
                    )
                outbox = Outbox(store, connector_factory(secrets), lock_path=folder / "publisher.lock")
                started = time.perf_counter()
                if profiler is not None:
                    profiler.enable()
                outcomes = outbox.run()
                elapsed = time.perf_counter() - started
                if profiler is not None:
                    profiler.disable()
                assert sum(o.state == "published" for o in outcomes) == args.posts, "not all published"
                stored = targets(store)  # every verdict is on disk once run() returns
                assert sum(t.state == "published" for t in stored) == args.posts, "verdicts not stored"
                store.close()
                return elapsed

            def connector_round(tag: str) -> float:
                """The connector alone (no store): separates its own cost from the outbox's."""
                from cm_desktop.core.models import Account as _Account
                from cm_desktop.core.ports import OutgoingPost

                connector = connector_factory(secrets)(_Account(network="bluesky", secret_ref=ref))
                try:
                    started = time.perf_counter()
                    for i in range(args.posts):
                        connector.publish(
                            OutgoingPost(text=f"connector {tag} {i}", idempotency_key=new_tid())
                        )
                    return time.perf_counter() - started
                finally:
                    getattr(connector, "close", lambda: None)()

            raw_round("warmup")
            connector_round("warmup")
            outbox_round("warmup")
            if args.profile is not None:
                import cProfile
                import pstats

                profiler = cProfile.Profile()
                outbox_round("profile", profiler)
                profiler.dump_stats(str(args.profile))
                stats = pstats.Stats(str(args.profile))
                stats.sort_stats("cumulative").print_stats(40)
                stats.sort_stats("tottime").print_stats(25)
                return 0
            raws, conns, outs = [], [], []
            for r in range(args.rounds):
                raws.append(raw_round(str(r)))
                conns.append(connector_round(str(r)))
                outs.append(outbox_round(str(r)))
            raw, conn, out = statistics.median(raws), statistics.median(conns), statistics.median(outs)
            print(f"posts per round: {args.posts}, rounds: {args.rounds} (medians)")
            print(f"raw httpx createRecord: {raw * 1000:.0f} ms ({raw / args.posts * 1000:.1f} ms/post)")
            print(f"connector.publish only: {conn * 1000:.0f} ms ({conn / args.posts * 1000:.1f} ms/post)")
            print(f"outbox run():           {out * 1000:.0f} ms ({out / args.posts * 1000:.1f} ms/post)")
            print(f"ratio connector/raw: {conn / raw:.2f}")
            print(f"ratio outbox/raw: {out / raw:.2f} (budget <= 1.20)")
        finally:
            getattr(peers, "close", lambda: None)()  # a generator: closing it stops the peer
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
