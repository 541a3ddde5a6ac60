"""The outbox's state machine with a scripted connector (ours: it only plays back what a test tells it).

What a real server does is tested in tests/integration/test_outbox_*.py against Bluesky's PDS; here each
branch of the classification is driven on purpose: refused, auth expired, rate limited, offline, unknown then
found / absent / unclear, assisted networks, independent targets, retry of failed ones, the lock file.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from cm_desktop.core.models import Account, PostTarget
from cm_desktop.core.outbox import (
    NoConnector,
    Outbox,
    OutboxPolicy,
    PublisherBusy,
    PublisherLock,
    account_reconnected,
    queue_post,
    retry_failed,
    review_publish_again,
    targets,
)
from cm_desktop.core.outbox.messages import TEXTS
from cm_desktop.core.ports import (
    AccountInfo,
    AuthExpired,
    NotSent,
    OutgoingPost,
    Publisher,
    PublishResult,
    RateLimited,
    Refused,
    ServerLimits,
    Unknown,
)
from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import Store, open_store

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
Step = Callable[[OutgoingPost], PublishResult | None]


@dataclass
class Scripted:
    """Publishes into `server` unless the next scripted step says otherwise."""

    network: str = "bluesky"
    server: dict[str, str] = field(default_factory=dict)  # key -> text
    publish_steps: list[Step] = field(default_factory=list)
    lookup_steps: list[Step] = field(default_factory=list)
    sent_keys: list[str] = field(default_factory=list)
    lookups: int = 0

    def verify(self) -> AccountInfo:  # pragma: no cover - not used by the outbox
        raise NotImplementedError

    def limits(self) -> ServerLimits:  # pragma: no cover
        return ServerLimits()

    def publish(self, post: OutgoingPost) -> PublishResult:
        self.sent_keys.append(post.idempotency_key)
        if self.publish_steps:
            result = self.publish_steps.pop(0)(post)
            assert result is not None
            return result
        return self._create(post)

    def _create(self, post: OutgoingPost) -> PublishResult:
        self.server.setdefault(post.idempotency_key, post.text)
        return PublishResult(remote_id=f"id-{post.idempotency_key}", url=f"https://x/{post.idempotency_key}")

    def lookup(self, post: OutgoingPost) -> PublishResult | None:
        self.lookups += 1
        if self.lookup_steps:
            return self.lookup_steps.pop(0)(post)
        if post.idempotency_key in self.server:
            return PublishResult(
                remote_id=f"id-{post.idempotency_key}", url=f"https://x/{post.idempotency_key}"
            )
        return None

    def delete(self, remote_id: str) -> None:  # pragma: no cover
        pass


def raise_(exc: Exception) -> Step:
    def step(post: OutgoingPost) -> PublishResult | None:
        raise exc

    return step


def lost_after_create(connector: Scripted) -> Step:
    def step(post: OutgoingPost) -> PublishResult | None:
        connector._create(post)
        raise Unknown("connection reset", code="network")

    return step


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield opened
    opened.close()


def add_account(store: Store, network: str = "bluesky", handle: str = "a.test") -> int:
    with store.session() as session:
        account = Account(network=network, handle=handle, secret_ref=f"ref:{handle}")
        session.add(account)
        session.commit()
        assert account.id is not None
        return account.id


def make_outbox(
    store: Store, connectors: dict[int, Scripted], clock: ManualClock, **policy: object
) -> Outbox:
    def connector_for(account: Account) -> Publisher:
        assert account.id is not None
        if account.id not in connectors:
            raise NoConnector(account.network)
        return connectors[account.id]

    return Outbox(store, connector_for, clock, policy=OutboxPolicy(**policy))  # type: ignore[arg-type]


def states(store: Store) -> list[str]:
    return [t.state for t in targets(store)]


def test_published_with_remote_id_url_and_the_key_committed_before_sending(store: Store) -> None:
    account = add_account(store)
    clock = ManualClock(T0)
    seen_in_db: list[str] = []
    connector = Scripted()

    def check_committed(post: OutgoingPost) -> PublishResult | None:
        # The attempt and its key are already on disk when the request leaves.
        with store.session() as session:
            row = session.exec(select(PostTarget)).one()
        seen_in_db.append(f"{row.state}:{row.attempts}:{row.idempotency_key}")
        return connector._create(post)

    connector.publish_steps.append(check_committed)
    queue_post(store, text="Bonjour", account_ids=[account], when_utc=T0)
    [outcome] = make_outbox(store, {account: connector}, clock).run()
    assert outcome.state == "published" and outcome.event == "published"
    assert outcome.url == f"https://x/{connector.sent_keys[0]}"
    assert seen_in_db == [f"sending:1:{connector.sent_keys[0]}"]


def test_not_due_yet_is_not_sent(store: Store) -> None:
    account = add_account(store)
    connector = Scripted()
    queue_post(store, text="later", account_ids=[account], when_utc=T0 + timedelta(minutes=1))
    assert make_outbox(store, {account: connector}, ManualClock(T0)).run() == []
    assert connector.sent_keys == []


def test_refusal_fails_with_the_servers_reason_in_both_languages(store: Store) -> None:
    account = add_account(store)
    connector = Scripted(
        publish_steps=[raise_(Refused("400", code="InvalidRequest", server_reason="grapheme too big"))]
    )
    queue_post(store, text="x" * 400, account_ids=[account], when_utc=T0)
    [outcome] = make_outbox(store, {account: connector}, ManualClock(T0)).run()
    assert outcome.state == "failed" and outcome.error_code == "refused"
    assert outcome.message("en") == (
        "Bluesky refused this post. Its explanation: “grapheme too big”. Change the post, then choose Retry."
    )
    assert "a refusé cette publication" in outcome.message("fr")


def test_auth_expired_parks_the_target_and_flags_the_account_then_reconnect_wakes_it(store: Store) -> None:
    account = add_account(store)
    connector = Scripted(publish_steps=[raise_(AuthExpired("expired", code="ExpiredToken"))])
    queue_post(store, text="one", account_ids=[account], when_utc=T0)
    queue_post(store, text="two", account_ids=[account], when_utc=T0)
    clock = ManualClock(T0)
    outbox = make_outbox(store, {account: connector}, clock)
    outcomes = outbox.run()
    assert [o.event for o in outcomes] == ["waiting_account"]
    assert len(connector.sent_keys) == 1  # the second post was not tried with a dead login
    with store.session() as session:
        assert session.get(Account, account).status == "needs_reconnect"  # type: ignore[union-attr]
        parked = session.exec(select(PostTarget).where(PostTarget.attempts == 0)).all()
    assert any(t.next_attempt_utc is None and t.last_error_code == "auth_expired" for t in parked)
    clock.advance(minutes=5)
    outbox.run()
    assert len(connector.sent_keys) == 1  # still parked
    account_reconnected(store, account, clock.now())
    outbox.run()
    assert states(store) == ["published", "published"]


def test_rate_limit_waits_until_the_reset_for_the_whole_account(store: Store) -> None:
    account = add_account(store)
    until = T0 + timedelta(minutes=7)
    connector = Scripted(publish_steps=[raise_(RateLimited("slow down", until=until))])
    for i in range(3):
        queue_post(store, text=f"p{i}", account_ids=[account], when_utc=T0)
    clock = ManualClock(T0)
    outbox = make_outbox(store, {account: connector}, clock)
    outbox.run()
    assert len(connector.sent_keys) == 1 and states(store) == ["scheduled"] * 3
    clock.advance(minutes=5)
    outbox.run()  # a new run (a new process would read the same) still waits
    assert len(connector.sent_keys) == 1
    clock.set(until)
    outbox.run()
    assert states(store) == ["published"] * 3


def test_unknown_then_found_is_published_without_a_second_send(store: Store) -> None:
    account = add_account(store)
    connector = Scripted()
    connector.publish_steps.append(lost_after_create(connector))
    queue_post(store, text="lost answer", account_ids=[account], when_utc=T0)
    outcomes = make_outbox(store, {account: connector}, ManualClock(T0)).run()
    assert outcomes[0].state == "published"
    assert len(connector.sent_keys) == 1 and connector.lookups == 1


def test_unknown_then_surely_absent_retries_with_the_same_key_after_a_backoff(store: Store) -> None:
    account = add_account(store)
    connector = Scripted(publish_steps=[raise_(Unknown("504", code="server_error"))])
    queue_post(store, text="retry", account_ids=[account], when_utc=T0)
    clock = ManualClock(T0)
    outbox = make_outbox(store, {account: connector}, clock)
    outbox.run()
    assert states(store) == ["scheduled"]
    outbox.run()
    assert len(connector.sent_keys) == 1  # backoff: not at once
    clock.advance(minutes=2)
    outbox.run()
    assert states(store) == ["published"]
    assert connector.sent_keys[0] == connector.sent_keys[1]


def test_bounded_attempts_end_in_failed_with_a_message(store: Store) -> None:
    account = add_account(store)
    connector = Scripted(publish_steps=[raise_(Unknown("504", code="server_error")) for _ in range(3)])
    queue_post(store, text="never", account_ids=[account], when_utc=T0)
    clock = ManualClock(T0)
    outbox = make_outbox(store, {account: connector}, clock, max_attempts=3)
    for _ in range(6):
        outbox.run()
        clock.advance(minutes=10)
    [target] = targets(store)
    assert target.state == "failed" and target.error_code == "gave_up"
    assert len(connector.sent_keys) == 3
    assert "plusieurs essais" in target.message("fr")


def test_lookups_that_cannot_tell_go_to_review_and_never_resend(store: Store) -> None:
    account = add_account(store)
    connector = Scripted(publish_steps=[raise_(Unknown("reset", code="network"))])
    connector.lookup_steps = [raise_(Unknown("502", code="server_error")) for _ in range(10)]
    queue_post(store, text="?", account_ids=[account], when_utc=T0)
    clock = ManualClock(T0)
    outbox = make_outbox(store, {account: connector}, clock, max_unclear_lookups=3)
    for _ in range(5):
        outbox.run()
        clock.advance(minutes=10)
    [target] = targets(store)
    assert target.state == "needs_review" and target.error_code == "unclear"
    assert len(connector.sent_keys) == 1 and connector.lookups == 3
    # "Publish again" after the person checked: a new key, sent once.
    assert review_publish_again(store, target.target_id, clock.now())
    outbox.run()
    assert states(store) == ["published"]
    assert connector.sent_keys[1] != connector.sent_keys[0]


def test_offline_leaves_posts_scheduled_without_errors_or_a_flood(store: Store) -> None:
    account = add_account(store)
    connector = Scripted(publish_steps=[raise_(NotSent("refused", code="cannot_connect")) for _ in range(3)])
    for i in range(5):
        queue_post(store, text=f"o{i}", account_ids=[account], when_utc=T0)
    clock = ManualClock(T0)
    outbox = make_outbox(store, {account: connector}, clock)
    for _ in range(3):
        assert [o.event for o in outbox.run()] == ["offline"]
        clock.advance(minutes=5)
    assert [t.error_code for t in targets(store)] == [""] * 5 and states(store) == ["scheduled"] * 5
    outbox.run()
    assert states(store) == ["published"] * 5


def test_one_failing_network_never_blocks_or_repeats_the_others(store: Store) -> None:
    good, bad = add_account(store, handle="good"), add_account(store, network="mastodon", handle="bad")
    connectors = {
        good: Scripted(),
        bad: Scripted(
            network="mastodon",
            publish_steps=[raise_(Refused("422", code="refused", server_reason="too long"))],
        ),
    }
    post_id, _ = queue_post(store, text="both", account_ids=[bad, good], when_utc=T0)
    clock = ManualClock(T0)
    outbox = make_outbox(store, connectors, clock)
    outbox.run()
    by_network = {t.network: t.state for t in targets(store, post_id)}
    assert by_network == {"bluesky": "published", "mastodon": "failed"}
    # "Retry" re-sends only what failed.
    assert len(retry_failed(store, clock.now(), post_id)) == 1
    outbox.run()
    assert {t.network: t.state for t in targets(store, post_id)} == {
        "bluesky": "published",
        "mastodon": "published",
    }
    assert len(connectors[good].sent_keys) == 1


def test_assisted_networks_wait_for_the_person_at_their_time(store: Store) -> None:
    instagram = add_account(store, network="instagram", handle="shop")
    queue_post(store, text="photo", account_ids=[instagram], when_utc=T0, assisted_networks=["linkedin"])
    outcomes = make_outbox(store, {}, ManualClock(T0)).run()
    assert sorted(o.event for o in outcomes) == ["assisted", "assisted"]
    assert states(store) == ["assisted_pending", "assisted_pending"]


def test_crash_left_in_sending_is_looked_up_first(store: Store) -> None:
    account = add_account(store)
    connector = Scripted()
    queue_post(store, text="crashed", account_ids=[account], when_utc=T0)
    with store.session() as session:
        row = session.exec(select(PostTarget)).one()
        row.state, row.idempotency_key, row.attempts = "sending", "3kabcdefghij2", 1
        row.next_attempt_utc = T0 + timedelta(minutes=10)  # its lease: another publisher may hold it
        session.add(row)
        session.commit()
    connector.server["3kabcdefghij2"] = "crashed"
    outbox = make_outbox(store, {account: connector}, ManualClock(T0))
    assert outbox.run() == []  # no lock file: the lease is respected
    locked = Outbox(
        store, lambda a: connector, ManualClock(T0), lock_path=store.path.parent / "publisher.lock"
    )
    [outcome] = locked.run()  # holding the lock, nobody else can be sending it
    assert outcome.state == "published" and connector.sent_keys == []


def test_every_outbox_text_has_both_languages() -> None:
    for code, text in TEXTS.items():
        assert text.en and text.fr and text.en != text.fr, code


def test_lock_excludes_a_second_publisher_and_dies_with_its_process(tmp_path: Path) -> None:
    path = tmp_path / "publisher.lock"
    with PublisherLock(path), pytest.raises(PublisherBusy):
        PublisherLock(path).acquire()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path\n"
            "from cm_desktop.core.outbox import PublisherLock\n"
            f"lock = PublisherLock(Path({str(path)!r})); lock.acquire(); print('held', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(PublisherBusy):
            PublisherLock(path).acquire()
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
        assert holder.stdout is not None
        holder.stdout.close()
    with PublisherLock(path, wait=5):  # the kernel released it with the process
        pass
