"""core/targets.py: the state table, then random sequences of what a person does and what the outbox meets.

The state machine drives a real store and the real outbox against two servers: a Mastodon-like server that
keeps copies for later (`Held`, OUR IMITATION from test_outbox_native_changes) and a plain one whose answers
can be lost (`Plain`, an imitation too: it publishes, then the answer may never arrive). After every step:
- a published target never comes back to waiting or sending;
- no post has two targets for one account that could still go out;
- every copy the Mastodon-like server holds is still known to the store (a local delete or move is never
  final before the copy is withdrawn or moved);
- no post is on a server twice.
"""

from __future__ import annotations

import itertools
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlmodel import col, select

from cm_desktop.core import calendar_query as cq
from cm_desktop.core import targets
from cm_desktop.core.models import Account, PostTarget, TargetState
from cm_desktop.core.outbox import (
    NoConnector,
    Outbox,
    OutboxPolicy,
    assisted,
    late_publish_now,
    late_skip,
    queue_post,
    retry_failed,
    review_publish_again,
    review_published,
)
from cm_desktop.core.ports import (
    AccountInfo,
    NotSent,
    OutgoingPost,
    Publisher,
    PublishResult,
    Refused,
    ServerLimits,
    Unknown,
)
from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import Store, open_store
from tests.unit.test_outbox_native_changes import Crash, Held

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


# --- the table -----------------------------------------------------------------------------------------------


def test_every_event_has_a_rule_and_the_sets_are_states() -> None:
    states = {s.value for s in TargetState}
    assert set(targets.TABLE) == set(targets.Event)
    for each in targets.TABLE.values():
        assert each.sources <= states and each.to in states
    for named in (
        targets.WAITING,
        targets.EDITABLE,
        targets.QUEUEABLE,
        targets.SENDABLE,
        targets.OUT_OR_UNCLEAR,
    ):
        assert named <= states
    assert targets.PERSON_EVENTS | targets.OUTBOX_EVENTS == set(targets.Event)
    assert not targets.PERSON_EVENTS & targets.OUTBOX_EVENTS


def test_nothing_leads_out_of_published() -> None:
    assert all(targets.next_state(targets.PUBLISHED, event) is None for event in targets.Event)


def test_the_docstring_table_is_the_table() -> None:
    """The table in the module's docstring is what people read: it must say what the code does."""
    doc = targets.__doc__ or ""
    for event, each in targets.TABLE.items():
        line = next(line for line in doc.splitlines() if line.startswith(f"| {event.name} "))
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert cells[2] == each.to, event
        shown = {
            s.strip().replace("assisted_p.", "assisted_pending") for s in cells[1].split("(")[0].split(",")
        }
        assert shown == set(each.sources), event


# --- a plain server whose answers may be lost ---------------------------------------------------------------


@dataclass
class Plain:
    """IMITATION of a server with record keys (like Bluesky): a post is kept once per key."""

    network: str = "bluesky"
    posts: dict[str, str] = field(default_factory=dict)  # key -> text
    mode: str = (
        "ok"  # ok | lost (published, answer lost) | unknown (not published, no answer) | offline | refused
    )
    ids: itertools.count[int] = field(default_factory=itertools.count)

    def verify(self) -> AccountInfo:  # pragma: no cover - not used by the outbox
        raise NotImplementedError

    def limits(self) -> ServerLimits:  # pragma: no cover
        return ServerLimits()

    def publish(self, post: OutgoingPost) -> PublishResult:
        if self.mode == "offline":
            raise NotSent("no connection")
        if self.mode == "refused":
            raise Refused("no", code="refused")
        if self.mode == "unknown":
            raise Unknown("timeout", code="timeout")
        if post.idempotency_key in self.posts:
            # Bluesky's PDS answers a second create with the same record key with an error (500).
            raise Unknown("record exists", code="server_error")
        self.posts[post.idempotency_key] = post.text
        if self.mode == "lost":
            raise Unknown("reset", code="connection_lost")
        return PublishResult(remote_id=post.idempotency_key, url=f"https://plain.test/{post.idempotency_key}")

    def lookup(self, post: OutgoingPost) -> PublishResult | None:
        if self.mode == "offline":
            raise NotSent("no connection")
        if post.idempotency_key in self.posts:
            return PublishResult(remote_id=post.idempotency_key, url="")
        return None

    def delete(self, remote_id: str) -> None:  # pragma: no cover
        self.posts.pop(remote_id, None)

    def close(self) -> None:
        pass


# --- the machine ---------------------------------------------------------------------------------------------

WHEN = st.integers(min_value=-90, max_value=4 * 60)  # minutes from now: a little past to hours ahead


class Lossy(Held):
    """The Mastodon-like IMITATION, whose answer to a publish can be lost after the server acted on it."""

    lose_answers: bool = False

    def publish(self, post: OutgoingPost) -> PublishResult:
        result = super().publish(post)
        if self.lose_answers:
            raise Unknown("connection reset", code="connection_lost")
        return result


class People(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="cm-targets-"))
        self.store: Store = open_store(self.folder / "db.sqlite3", self.folder / "backups")
        self.clock = ManualClock(T0)
        self.held = Lossy(self.clock)
        self.plain = Plain()
        with self.store.session() as session:
            self.mastodon = Account(network="mastodon", handle="@m", remote_id="1")
            self.bluesky = Account(network="bluesky", handle="b.test", remote_id="did:plc:b")
            session.add(self.mastodon)
            session.add(self.bluesky)
            session.commit()
            self.mastodon_id, self.bluesky_id = self.mastodon.id, self.bluesky.id
        self.posts: list[int] = []
        self.ever_published: set[int] = set()
        self.count = itertools.count(1)

    def teardown(self) -> None:
        self.store.close()

    # what the outbox meets
    def _outbox(self) -> Outbox:
        def connector_for(account: Account) -> Publisher:
            if account.id == self.mastodon_id:
                return self.held
            if account.id == self.bluesky_id:
                return self.plain
            raise NoConnector(account.network)

        policy = OutboxPolicy(backoff_base=timedelta(seconds=1), backoff_max=timedelta(seconds=2))
        return Outbox(self.store, connector_for, self.clock, policy=policy, lock_path=self.folder / "lock")

    @rule(
        minutes=st.sampled_from([0, 1, 6, 12, 30, 90]),
        mastodon=st.sampled_from(["ok", "ok", "lost", "offline"]),
        plain=st.sampled_from(["ok", "ok", "lost", "unknown", "offline", "refused"]),
    )
    def time_passes_and_the_outbox_runs(self, minutes: int, mastodon: str, plain: str) -> None:
        """What the networks do now (answer, lose the answer, be unreachable), then the outbox's pass."""
        self.clock.advance(timedelta(minutes=minutes))
        self.held.tick()
        self.held.offline = mastodon == "offline"
        self.held.lose_answers = mastodon == "lost"
        self.plain.mode = plain
        self._outbox().run()

    @rule(step=st.sampled_from(["publish", "cancel", "reschedule"]))
    def outbox_dies_after_the_server_acted(self, step: str) -> None:
        """The process is killed right after the server did something, before the store knew."""
        self.held.crash_after = {step}
        try:
            self._outbox().run()
        except Crash:
            pass
        self.held.crash_after = set()

    # what the person does
    @rule(minutes=WHEN, where=st.sampled_from(["m", "b", "mb", "mbx", "x"]))
    def queue(self, minutes: int, where: str) -> None:
        accounts = [a for key, a in (("m", self.mastodon_id), ("b", self.bluesky_id)) if key in where]
        post_id, _ = queue_post(
            self.store,
            text=f"Post {next(self.count)}",
            account_ids=[a for a in accounts if a is not None],
            assisted_networks=["x"] if "x" in where else [],
            when_utc=self.clock.now() + timedelta(minutes=max(minutes, 1)),
            now=self.clock.now(),
        )
        self.posts.append(post_id)

    @precondition(lambda self: self.posts)
    @rule(data=st.data(), minutes=WHEN)
    def move(self, data: st.DataObject, minutes: int) -> None:
        post_id = data.draw(st.sampled_from(self.posts))
        local = (self.clock.now() + timedelta(minutes=minutes)).replace(tzinfo=None)
        cq.reschedule(self.store, post_id, local, "UTC", self.clock.now())

    @precondition(lambda self: self.posts)
    @rule(data=st.data())
    def back_to_drafts(self, data: st.DataObject) -> None:
        cq.back_to_drafts(self.store, data.draw(st.sampled_from(self.posts)))

    @precondition(lambda self: self.posts)
    @rule(data=st.data(), minutes=st.integers(min_value=0, max_value=240))
    def schedule_again(self, data: st.DataObject, minutes: int) -> None:
        from cm_desktop.core.drafts import schedule_draft

        local = (self.clock.now() + timedelta(minutes=minutes + 1)).replace(tzinfo=None)
        try:
            schedule_draft(self.store, data.draw(st.sampled_from(self.posts)), local, "UTC", self.clock.now())
        except KeyError:
            pass  # deleted meanwhile: the composer would have nothing open

    @precondition(lambda self: self.posts)
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        cq.delete_post(self.store, data.draw(st.sampled_from(self.posts)))

    @rule()
    def retry(self) -> None:
        retry_failed(self.store, self.clock.now())

    @precondition(lambda self: self.posts)
    @rule(data=st.data(), answer=st.sampled_from(["published", "again", "late_now", "late_skip"]))
    def answer_a_question(self, data: st.DataObject, answer: str) -> None:
        post_id = data.draw(st.sampled_from(self.posts))
        now = self.clock.now()
        if answer == "late_now":
            late_publish_now(self.store, post_id, now)
        elif answer == "late_skip":
            late_skip(self.store, post_id, now)
        else:
            # The person looks on the network before answering, as the page asks.
            out = self._on_a_server(post_id)
            for target in self._targets(post_id):
                if target.state == targets.NEEDS_REVIEW and target.id is not None:
                    if out:
                        review_published(self.store, target.id, now)
                    elif answer == "again":
                        review_publish_again(self.store, target.id, now)

    def _on_a_server(self, post_id: int) -> bool:
        with self.store.session() as session:
            from cm_desktop.core.models import Post

            post = session.get(Post, post_id)
        if post is None:
            return False
        held = [c.text for c in self.held.scheduled.values()] + [s.text for s in self.held.statuses]
        return post.text in held or post.text in self.plain.posts.values()

    @rule(answer=st.sampled_from(["posted", "later", "skip"]))
    def publish_by_hand(self, answer: str) -> None:
        now = self.clock.now()
        for item in assisted.waiting(self.store, self.folder):
            {"posted": assisted.mark_posted, "later": assisted.snooze, "skip": assisted.skip}[answer](
                self.store, item.target_id, now
            )

    # what must always hold
    def _targets(self, post_id: int | None = None) -> list[PostTarget]:
        with self.store.session() as session:
            query = select(PostTarget)
            if post_id is not None:
                query = query.where(col(PostTarget.post_id) == post_id)
            return list(session.exec(query).all())

    @invariant()
    def published_stays_published(self) -> None:
        now = {t.id: t.state for t in self._targets()}
        for target_id in self.ever_published:
            assert now.get(target_id, targets.PUBLISHED) == targets.PUBLISHED, target_id
        self.ever_published |= {i for i, state in now.items() if state == targets.PUBLISHED and i is not None}

    @invariant()
    def one_sendable_target_per_post_and_account(self) -> None:
        with self.store.session() as session:
            counts = targets.sendable_per_account(session)
        assert all(n <= 1 for n in counts.values()), counts

    @invariant()
    def every_copy_the_server_holds_is_known(self) -> None:
        """Known by its id, or (right after a crash) left `sending` for a look-up that will find it."""
        rows = self._targets()
        known = {t.native_schedule_id for t in rows if t.native_schedule_id}
        with self.store.session() as session:
            from cm_desktop.core.models import Post

            looked_up = {
                post.text
                for t in rows
                if t.state == targets.SENDING and (post := session.get(Post, t.post_id)) is not None
            }
        unknown = {i: c.text for i, c in self.held.scheduled.items() if i not in known}
        assert set(unknown.values()) <= looked_up, unknown

    @invariant()
    def no_post_is_on_a_server_twice(self) -> None:
        texts = [c.text for c in self.held.scheduled.values()] + [s.text for s in self.held.statuses]
        assert len(texts) == len(set(texts)), texts
        plain = list(self.plain.posts.values())
        assert len(plain) == len(set(plain)), plain


_SETTINGS = {
    "stateful_step_count": 25,
    "deadline": None,
    "derandomize": True,  # the same sequences on every machine: a failure is a bug, never luck
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.filter_too_much],
}
People.TestCase.settings = settings(max_examples=120, **_SETTINGS)  # type: ignore[arg-type]
TestRandomSequencesOfPeopleAndOutbox = People.TestCase


class ManyPeople(People):
    """The same machine, five times the sequences (the slow run: `python3 scripts/dev.py test -m slow`)."""


ManyPeople.TestCase.settings = settings(max_examples=600, **_SETTINGS)  # type: ignore[arg-type]
TestManyMoreSequences = pytest.mark.slow(ManyPeople.TestCase)
