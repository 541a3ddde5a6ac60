"""Everything an outbox run writes, through one Writer (one connection, one write style), with every state
change taken from the table of core/targets.py, and the outcome of each target it touched.

Three kinds of writes:
- a claim (`claim`): committed with synchronous=FULL before the request it announces leaves;
- a verdict on a claimed target (`finish`): staged, it rides on the next commit (the next claim, or a flush),
  so a batch of sends costs one durable commit per target; until then the target is still `sending` on disk,
  and were the process to die it would be looked up, never sent again blindly;
- anything else (`move`, `update`, account conditions, removing a withdrawn target): committed at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cm_desktop.core import targets
from cm_desktop.core.models import Account, PostTarget
from cm_desktop.core.outbox.policy import TargetOutcome, outcome_of
from cm_desktop.core.outbox.writer import Staged, Writer
from cm_desktop.core.store import Store

log = logging.getLogger(__name__)

SENDING = targets.SENDING


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _state_guard(event: targets.Event) -> tuple[str, list[str]]:
    states = targets.sources(event)
    return f"state IN ({', '.join('?' * len(states))})", list(states)


@dataclass
class Ledger:
    """One run's writes and the outcomes it reports. Not thread-safe: one per run."""

    store: Store
    now: datetime
    writer: Writer = field(init=False)
    outcomes: dict[int, TargetOutcome] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.writer = Writer(self.store)

    # --- state changes ----------------------------------------------------------------------------------

    def claim(
        self, target_id: int, event: targets.Event, values: dict[str, Any], where: Sequence[str], *params: Any
    ) -> bool:
        """Take a target for this run (CLAIM or CLAIM_COPY_CHANGE), committed before any request leaves.

        `where` narrows the claim further (the key, the copy's record...) with `?` placeholders from `params`.
        True when exactly this row changed: anything else means someone else has it.
        """
        guard, states = _state_guard(event)
        return self.writer.update(
            target_id,
            {"state": targets.to(event), "updated_at": _utc(self.now), **values},
            [guard, *where],
            *states,
            *params,
        )

    def move(
        self, target_id: int, event: targets.Event, where: Sequence[str] = (), *params: Any, **values: Any
    ) -> bool:
        """A state change of a target that is not claimed (due by hand, late, parked...), committed now."""
        guard, states = _state_guard(event)
        return self.writer.update(
            target_id,
            {"state": targets.to(event), "updated_at": _utc(self.now), **values},
            [guard, *where],
            *states,
            *params,
        )

    def update(self, target_id: int, values: dict[str, Any], where: Sequence[str], *params: Any) -> bool:
        """Columns other than the state (what a server's copy holds), on a condition, committed now."""
        return self.writer.update(target_id, values, where, *params)

    def finish(
        self, target: PostTarget, event: targets.Event, values: dict[str, Any], on_lost: Callable[[int], None]
    ) -> None:
        """Stage the verdict on a claimed (`sending`) target; it rides on the run's next commit."""
        assert target.id is not None
        assert SENDING in targets.sources(event), event
        values = {"state": targets.to(event), "updated_at": _utc(self.now), **values}
        self.writer.stage(Staged(target.id, SENDING, values, on_lost=on_lost))

    def drop_withdrawn(self, target_id: int, post_id: int, *, with_post: bool) -> bool:
        """Remove a target whose server copy was cancelled (the post went back to drafts or was deleted).

        With `with_post`, the post and its pictures go too when no other target is left. False: the target
        had left `sending` meanwhile (it is then reported as it is).
        """
        statements: list[tuple[str, Sequence[Any]]] = [
            ("DELETE FROM post_target WHERE id = ? AND state = ?", (target_id, SENDING))
        ]
        if with_post:
            nothing_left = "NOT EXISTS (SELECT 1 FROM post_target WHERE post_id = ?)"
            statements += [
                (f"DELETE FROM media WHERE post_id = ? AND {nothing_left}", (post_id, post_id)),
                (f"DELETE FROM post WHERE id = ? AND {nothing_left}", (post_id, post_id)),
            ]
        return self.writer.execute(*statements)[0] == 1

    # --- accounts ---------------------------------------------------------------------------------------

    def account_rate_limited(self, account_id: int, until: datetime) -> None:
        """Nothing is sent to this account's server before `until` (kept across processes)."""
        self.writer.execute(
            ("UPDATE account SET rate_limited_until = ? WHERE id = ?", (_utc(until), account_id))
        )

    def account_needs_reconnect(self, account_id: int) -> None:
        from cm_desktop.core.models import AccountStatus

        self.writer.execute(
            ("UPDATE account SET status = ? WHERE id = ?", (AccountStatus.NEEDS_RECONNECT.value, account_id))
        )

    # --- the run's end ----------------------------------------------------------------------------------

    def flush(self) -> None:
        self.writer.flush()

    def close(self) -> None:
        try:
            self.writer.close()  # the last verdicts
        except Exception:
            log.exception("outbox: writing the last verdicts failed (their targets are looked up next)")

    # --- outcomes ---------------------------------------------------------------------------------------

    def report(self, target: PostTarget, account: Account | None, event: str) -> None:
        assert target.id is not None
        self.outcomes[target.id] = outcome_of(target, account, event)

    def report_by_id(self, target_id: int | None, event: str) -> None:
        """The target as the store has it now (after a write that was committed)."""
        if target_id is None:
            return
        try:
            with self.store.session() as session:
                target = session.get(PostTarget, target_id)
                if target is None:
                    return
                account = session.get(Account, target.account_id) if target.account_id is not None else None
                self.report(target, account, event)
        except Exception:
            log.exception("outbox: reading target %s", target_id)
