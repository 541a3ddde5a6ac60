"""The outbox: offline-first publishing that never loses a post and never posts twice.

Exactly once rests on four rules (ARCHITECTURE.md, "Publishing each post exactly once"):
1. A target is claimed by one conditional UPDATE (`... WHERE id=? AND state='scheduled' AND due`) that must
   change exactly one row; anything else means someone else has it (send.claim).
2. The claim commits the attempt and its idempotency material (Bluesky record key, Mastodon
   Idempotency-Key: one per target, reused by every retry) before any request leaves (persist.py).
3. A lost answer (timeout, reset, 5xx) is *unknown*, never failed: the target stays `sending` (send.py).
4. A `sending` target (an unknown outcome, or one left by a crash) is looked up on the network before
   anything else; only "surely absent" allows another send; "cannot tell" goes to the person (reconcile.py).

A run, in order: settle what is in `sending`; hand due targets of networks without a connection to the
person; ask about late ones; bring the copies servers hold in line with their posts (copies.py); hand new
ones over; send what is due; look up this run's unknown outcomes. Dates are aware UTC here and in the store.
"""

from __future__ import annotations

import functools
import logging
import random
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from cm_desktop.core import targets
from cm_desktop.core.outbox import copies, reconcile, send
from cm_desktop.core.outbox import select as selection
from cm_desktop.core.outbox.context import ConnectorFactory, Deps, PrepareImage, Run, db_time
from cm_desktop.core.outbox.lock import PublisherLock
from cm_desktop.core.outbox.persist import Ledger
from cm_desktop.core.outbox.policy import OutboxPolicy, TargetOutcome, default_new_key
from cm_desktop.core.ports import LinkCard
from cm_desktop.core.schedule import Clock, SystemClock
from cm_desktop.core.store import Store

log = logging.getLogger(__name__)

Step = Callable[[Run, int], None]


class Outbox:
    """Publishes due targets of the store through connectors made by `connector_for(account)`.

    Built once and kept (the app owns one for its life; `cm-desktop publish-due` builds one per run): each
    `run` reads the store afresh, so nothing goes stale between runs.
    """

    def __init__(
        self,
        store: Store,
        connector_for: ConnectorFactory,
        clock: Clock | None = None,
        *,
        data_dir: Path | None = None,
        renditions_dir: Path | None = None,
        lock_path: Path | None = None,
        policy: OutboxPolicy | None = None,
        new_key: Callable[[str], str] = default_new_key,
        rng: random.Random | None = None,
        prepare_image: PrepareImage | None = None,
        link_card_for: Callable[[str, str], LinkCard | None] | None = None,
        keep_connectors: bool = False,
        langs: tuple[str, ...] = (),
    ) -> None:
        self.lock_path = lock_path
        self.deps = Deps(
            store=store,
            connector_for=connector_for,
            clock=clock or SystemClock(),
            policy=policy or OutboxPolicy(),
            new_key=new_key,
            rng=rng or random.Random(),
            prepare_image=prepare_image or send.prepare_with_pipeline,
            link_card_for=link_card_for,
            data_dir=data_dir,
            renditions_dir=renditions_dir,
            close_connectors=not keep_connectors,
            langs=langs,
        )

    @property
    def store(self) -> Store:
        return self.deps.store

    @property
    def clock(self) -> Clock:
        return self.deps.clock

    @property
    def policy(self) -> OutboxPolicy:
        return self.deps.policy

    def with_policy(self, policy: OutboxPolicy) -> None:
        """New settings (the late margin changed in Settings) for the next runs."""
        self.deps = replace(self.deps, policy=policy)

    # --- the run ----------------------------------------------------------------------------------------

    def run(self, *, post_id: int | None = None) -> list[TargetOutcome]:
        """Reconcile what is in `sending`, then send what is due. Raises PublisherBusy if another publishes."""
        if self.lock_path is None:
            return self._run_unlocked(post_id, alone=False)
        with PublisherLock(self.lock_path, wait=self.policy.lock_wait):
            return self._run_unlocked(post_id, alone=True)

    def publish_now(self, post_id: int) -> list[TargetOutcome]:
        """ "Publish now": every waiting target of the post becomes due, then a run for that post alone."""
        with self.store.session() as session:
            targets.publish_now(session, post_id, db_time(self.clock.now()))
            session.commit()
        return self.run(post_id=post_id)

    def _run_unlocked(self, post_id: int | None, *, alone: bool) -> list[TargetOutcome]:
        now = self.clock.now()
        run = Run(deps=self.deps, now=now, ledger=Ledger(self.store, now))
        try:
            # Targets left in `sending` (a crash, a lost answer) are settled before anything is sent. Holding
            # the lock, we know no other publisher is in the middle of sending them.
            for target_id in selection.ids_in(run, targets.SENDING, post_id, due_only=not alone):
                _guarded(run, target_id, reconcile.reconcile)
            run.ledger.flush()
            selection.due_by_hand(run, post_id)
            selection.found_late(run, post_id)
            # Copies a server holds that no longer match their post, before anything new is handed over.
            copies.bring_in_line(run, post_id, _guarded)
            for target_id in selection.to_hand_over(run, post_id):
                _guarded(run, target_id, functools.partial(send.send, native_copy=True))
            run.ledger.flush()
            due = selection.ids_in(run, targets.SCHEDULED, post_id, due_only=True)
            preloaded = run.load_many(due)  # one read for the whole batch; each claim re-checks
            for target_id in due:
                step = functools.partial(send.send, native_copy=False, ctx=preloaded.get(target_id))
                _guarded(run, target_id, step)
            run.ledger.flush()
            if self.policy.reconcile_delay <= timedelta(0):
                # Unknown outcomes of this run: look them up now rather than at the next run.
                for target_id in selection.ids_in(run, targets.SENDING, post_id, due_only=True):
                    _guarded(run, target_id, reconcile.reconcile)
        finally:
            run.ledger.close()
            run.close_connectors()
        return list(run.ledger.outcomes.values())


def _guarded(run: Run, target_id: int, step: Step) -> None:
    """One target's failure never stops the others."""
    try:
        step(run, target_id)
    except Exception:
        # A bug (or the store failing). The target keeps its state: a `sending` one is looked up next time,
        # never blindly sent again.
        log.exception("outbox: target %s", target_id)
        run.ledger.report_by_id(target_id, "error")
