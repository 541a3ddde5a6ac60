"""The Results page's Mastodon reads replayed from traffic recorded against a real Mastodon 4.6.4 server.

The cassettes (tests/data/mastodon, licence in its README) hold real Status and Account bodies with their
counts. The recording has no `GET /api/v1/statuses?id[]=` call (several statuses at once, Mastodon 4.3+):
where a test needs one, it answers with the recorded statuses put in a JSON list, and says so. A server
older than 4.3 is played by answering that path with the recorded 404; a revoked token by the recorded 401
served at verify_credentials.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import httpx
import pytest

from cm_desktop.core.ports import AccountCounts, AuthExpired, PostCounts
from cm_desktop.networks.mastodon import MastodonConnector
from cm_desktop.networks.mastodon_results import MAX_STATUSES, MastodonCounter
from tests.unit.test_mastodon_inbox_replay import ME, Replay, recorded
from tests.unit.test_mastodon_replay import SERVER, TOKEN

LIKED = "117020585802289163"  # test_status_favourited_by: favourited once
BOOSTED = "117020586019094258"  # test_status_reblog_unreblog: boosted once
PLAIN = "117020583223442465"  # test_status: nothing yet


def counter(replay: Replay) -> MastodonCounter:
    transport = httpx.MockTransport(replay.handler)
    return MastodonCounter(MastodonConnector(SERVER, TOKEN, account_id=ME, transport=transport))


def status_body(cassette: str, index: int) -> dict[str, object]:
    body = json.loads(recorded(cassette, index).body)
    # A boost's answer is the boost; the person's status, with its count, is inside it.
    return dict(body["reblog"]) if body.get("reblog") else dict(body)


def batch(*bodies: dict[str, object]) -> bytes:
    """EDITED: recorded statuses put in a list, as `GET /api/v1/statuses?id[]=` answers (not recorded)."""
    return json.dumps(list(bodies)).encode()


def test_several_statuses_at_once_give_likes_boosts_replies_and_quotes() -> None:
    liked, boosted = (
        status_body("test_status_favourited_by", 1),
        status_body("test_status_reblog_unreblog", 1),
    )
    replay = Replay().add(
        recorded("test_status", 1), url=f"{SERVER}/api/v1/statuses", body=batch(liked, boosted)
    )
    reader = counter(replay)

    found = reader.post_counts([LIKED, BOOSTED])
    reader.close()

    assert found == [PostCounts(LIKED, likes=1), PostCounts(BOOSTED, reposts=1)]
    [asked] = replay.sent("/api/v1/statuses")
    assert parse_qs(asked.url.query.decode()) == {"id[]": [LIKED, BOOSTED]}


def test_a_status_the_batch_leaves_out_is_asked_alone_and_a_404_means_deleted() -> None:
    liked = status_body("test_status_favourited_by", 1)
    replay = (
        Replay()
        .add(recorded("test_status", 1), url=f"{SERVER}/api/v1/statuses", body=batch(liked))
        .add(recorded("test_status", 1))  # the plain one, asked alone: it is there after all
        .add(recorded("test_status_missing", 0), url=f"{SERVER}/api/v1/statuses/404404")
    )
    reader = counter(replay)

    found = reader.post_counts([LIKED, PLAIN, "404404"])

    assert found == [PostCounts(LIKED, likes=1), PostCounts(PLAIN), PostCounts("404404", deleted=True)]
    assert [r.url.path for r in replay.requests] == [
        "/api/v1/statuses",
        f"/api/v1/statuses/{PLAIN}",
        "/api/v1/statuses/404404",
    ]


def test_a_server_before_4_3_is_read_one_status_at_a_time_for_the_rest_of_the_session() -> None:
    replay = (
        Replay()
        .add(recorded("test_status_missing", 0), url=f"{SERVER}/api/v1/statuses")  # no such route there
        .add(recorded("test_status", 1))
        .add(recorded("test_status_favourited_by", 1), method="GET", url=f"{SERVER}/api/v1/statuses/{LIKED}")
    )
    reader = counter(replay)

    assert reader.post_counts([PLAIN]) == [PostCounts(PLAIN)]
    assert reader.post_counts([LIKED]) == [PostCounts(LIKED, likes=1)]
    assert [r.url.path for r in replay.requests] == [
        "/api/v1/statuses",
        f"/api/v1/statuses/{PLAIN}",
        f"/api/v1/statuses/{LIKED}",  # not the batch again
    ]


def test_batches_hold_at_most_twenty_ids() -> None:
    ids = [str(100 + n) for n in range(45)]
    bodies = {i: {**status_body("test_status", 1), "id": i} for i in ids}  # EDITED: one body per id
    replay = Replay()
    for start in range(0, 45, MAX_STATUSES):
        chunk = ids[start : start + MAX_STATUSES]
        replay.add(
            recorded("test_status", 1),
            url=f"{SERVER}/api/v1/statuses",
            body=batch(*(bodies[i] for i in chunk)),
        )

    found = counter(replay).post_counts(ids)

    assert [c.remote_id for c in found] == ids
    assert [len(parse_qs(r.url.query.decode())["id[]"]) for r in replay.requests] == [20, 20, 5]


def test_followers_following_and_statuses_from_verify_credentials() -> None:
    replay = Replay().add(recorded("test_verify_credentials", 0))
    assert counter(replay).account_counts() == AccountCounts(followers=0, following=0, posts=0)


def test_a_revoked_token_asks_for_reconnecting() -> None:
    replay = Replay().add(
        recorded("test_unauthed_home_tl_throws", 1), url=f"{SERVER}/api/v1/accounts/verify_credentials"
    )
    with pytest.raises(AuthExpired):
        counter(replay).account_counts()
