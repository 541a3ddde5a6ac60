"""A backup put back can be older than what went out: the store settles every post that may have been sent
since the backup was made, so nothing is published twice (look it up where the network can tell, else ask)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import select

from cm_desktop.core.models import Account, PostTarget
from cm_desktop.core.outbox import messages as m
from cm_desktop.core.outbox import queue_post
from cm_desktop.core.store import backup_to, open_store, restore_backup

NOW = datetime.now(UTC)


def _states(db: Path, backups: Path) -> dict[str, tuple[str, str]]:
    store = open_store(db, backups)
    try:
        with store.session() as session:
            rows = session.exec(select(PostTarget)).all()
            return {
                (session.get(Account, r.account_id).handle if r.account_id else r.network): (  # type: ignore[union-attr]
                    r.state,
                    r.last_error_code,
                )
                for r in rows
            }
    finally:
        store.close()


def test_posts_that_may_have_gone_out_since_the_backup_are_looked_up_or_asked(tmp_path: Path) -> None:
    db, backups = tmp_path / "cm-desktop.sqlite3", tmp_path / "backups"
    store = open_store(db, backups)
    with store.session() as session:
        handles = ["@m@m.test", "keyed.test", "due.test", "later.test"]
        networks = ["mastodon", "bluesky", "bluesky", "bluesky"]
        accounts = [Account(network=n, handle=h) for n, h in zip(networks, handles, strict=True)]
        session.add_all(accounts)
        session.commit()
        ids = [a.id for a in accounts]
    due_past, due_later = NOW - timedelta(hours=2), NOW + timedelta(days=2)
    queue_post(store, text="Mastodon", account_ids=[ids[0]], when_utc=due_later)  # may be held by the server
    _p, (keyed,) = queue_post(store, text="Avec clé", account_ids=[ids[1]], when_utc=due_past)
    queue_post(store, text="Sans clé", account_ids=[ids[2]], when_utc=due_past)
    queue_post(store, text="Plus tard", account_ids=[ids[3]], when_utc=due_later)
    with store.session() as session:
        row = session.get(PostTarget, keyed)
        assert row is not None
        row.idempotency_key = "3kabcdefghijk"  # claimed before the backup: Bluesky can be asked by this key
        session.add(row)
        session.commit()
    backup = backup_to(db, backups, "daily", datetime.now() - timedelta(hours=3))
    with store.session() as session:  # since the backup, everything went out
        for row in session.exec(select(PostTarget)).all():
            row.state = "published"
            session.add(row)
        session.commit()
    store.close()

    restore_backup(backup, db, backups)
    states = _states(db, backups)

    assert states["@m@m.test"][0] == "sending"  # the outbox asks Mastodon (its scheduled and published posts)
    assert states["keyed.test"][0] == "sending"  # the outbox asks Bluesky by the record key it kept
    assert states["due.test"] == ("needs_review", m.RESTORED)  # nothing to ask by: the person checks
    assert states["later.test"][0] == "scheduled"  # not due yet, and no server keeps it: nothing out
    assert "sauvegarde" in m.message_for(m.RESTORED, "bluesky", "2026-12-01 09:00 UTC", "fr")
    # Settled once: opening again changes nothing.
    assert _states(db, backups) == states
