"""The inbox's Mastodon reads replayed from traffic recorded against a real Mastodon 4.6.4 server.

The cassettes (tests/data/mastodon, licence in its README) were recorded by Mastodon.py's own tests, so the
requests we send differ in their parameters (page size, `expand_accounts`): answers are matched on the
method, the path and the page's `max_id`, and the parameters we send are checked separately. Where a body is
changed or wrapped for a case the recording lacks, the test says so next to it.
"""

from __future__ import annotations

import json
from collections import defaultdict, deque
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from cm_desktop.core.ports import OutgoingPost, PostGone, RateLimited, ReplyTo
from cm_desktop.networks.mastodon import MastodonConnector
from cm_desktop.networks.mastodon_inbox import MastodonReader, sort_key
from tests.unit.test_mastodon_replay import SERVER, TOKEN, Cassette, Recorded

ME = "117020565966271181"  # the recording's account (mastodonpy_test)
HOST = "localhost:3000"


def _key(method: str, url: str) -> tuple[str, str, str]:
    parts = urlsplit(url)
    return method.upper(), parts.path.rstrip("/"), (parse_qs(parts.query).get("max_id") or [""])[0]


@dataclass
class Replay:
    """Recorded answers by (method, path, max_id), in the order recorded; keeps what we sent."""

    answers: dict[tuple[str, str, str], deque[Recorded]] = field(default_factory=lambda: defaultdict(deque))
    requests: list[httpx.Request] = field(default_factory=list)

    def add(
        self,
        recorded: Recorded,
        *,
        method: str = "",
        url: str = "",
        body: bytes | None = None,
        status: int = 0,
    ) -> Replay:
        self.answers[_key(method or recorded.method, url or recorded.url)].append(
            Recorded(
                method or recorded.method,
                url or recorded.url,
                status or recorded.status,
                recorded.headers,
                recorded.body if body is None else body,
            )
        )
        return self

    def take(self, cassette: str, *indexes: int) -> Replay:
        loaded = Cassette.load(cassette)
        for index in indexes:
            self.add(loaded.interactions[index])
        return self

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        queue = self.answers.get(_key(request.method, str(request.url)))
        if not queue:
            raise AssertionError(f"no recorded answer for {request.method} {request.url}")
        recorded = queue.popleft()
        return httpx.Response(recorded.status, headers=recorded.headers, content=recorded.body)

    def reader(self, *, me: str = ME) -> MastodonReader:
        transport = httpx.MockTransport(self.handler)
        return MastodonReader(MastodonConnector(SERVER, TOKEN, account_id=me, transport=transport))

    def sent(self, path: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.url.path == path]


def recorded(cassette: str, index: int) -> Recorded:
    return Cassette.load(cassette).interactions[index]


def with_marker(last_read_id: str) -> Replay:
    """The recorded markers answer is for the home timeline: here the same answer for notifications (edited)."""
    answer = recorded("test_markers", 2)
    body = {"notifications": {**json.loads(answer.body)["home"], "last_read_id": last_read_id}}
    return Replay().add(answer, url=f"{SERVER}/api/v1/markers", body=json.dumps(body).encode())


def test_grouped_likes_name_each_person_once_with_our_post_and_its_text() -> None:
    replay = with_marker("0").take("test_grouped_notifications", 3)
    reader = replay.reader()
    page = reader.notifications(limit=10)
    reader.close()
    [asked] = replay.sent("/api/v2/notifications")
    assert parse_qs(asked.url.query.decode()) == {"limit": ["10"]}
    post = "117020579695730951"
    assert [(n.kind, n.author.handle, n.subject_id, n.subject_text, n.sort_key) for n in page.items] == [
        ("like", f"@mastodonpy_test_2@{HOST}", post, "Testing grouped notifications!", sort_key("32")),
        ("like", f"@admin@{HOST}", post, "Testing grouped notifications!", sort_key("32")),
    ]
    assert [n.remote_id for n in page.items] == [
        "favourite-117020579695730951-495997/117020566092212359",
        "favourite-117020579695730951-495997/117020565693913441",
    ]
    assert all(n.post is None and n.count == 1 for n in page.items)
    assert page.next_cursor == ""  # fewer than the page size: nothing older to ask for


def test_more_people_than_the_server_names_become_one_counted_item() -> None:
    """The recorded group, with its count raised to 7 as a busy post's would be (edited)."""
    answer = recorded("test_grouped_notifications", 3)
    body = json.loads(answer.body)
    body["notification_groups"][0]["notifications_count"] = 7
    replay = with_marker("0").add(answer, body=json.dumps(body).encode())
    page = replay.reader().notifications(limit=10)
    assert [(n.author.handle, n.count) for n in page.items] == [
        (f"@mastodonpy_test_2@{HOST}", 1),
        (f"@admin@{HOST}", 1),
        ("", 5),
    ]
    assert page.items[2].remote_id == "favourite-117020579695730951-495997/+32"


def test_a_mention_with_its_author_text_link_and_the_seen_marker() -> None:
    replay = with_marker("19").take("test_notifications", 1)
    reader = replay.reader()
    reader.grouped = False  # a server before 4.3
    page = reader.notifications(limit=40)
    [mention] = page.items
    assert (mention.kind, mention.remote_id, mention.sort_key) == ("mention", "20", sort_key("20"))
    assert mention.author.handle == mention.author.mention == f"@admin@{HOST}"
    assert mention.author.url == "http://localhost:3000/@admin"
    assert mention.post is not None
    assert mention.post.text == "@mastodonpy_test hello!"
    assert (mention.post.remote_id, mention.post.visibility) == ("117020576916218297", "public")
    assert mention.post.url == "http://localhost:3000/@admin/117020576916218297"
    assert page.seen_up_to == sort_key("19") < mention.sort_key  # unread
    assert page.next_cursor == ""


def test_a_reply_to_one_of_our_posts_is_a_reply_not_a_mention() -> None:
    """A recorded reply status (test_status_reply), wrapped in the notification envelope of
    test_notifications: the reply answers mastodonpy_test_2, who is "me" here (constructed)."""
    reply_status = json.loads(recorded("test_status_reply", 2).body)
    envelope = recorded("test_notifications", 1)
    notes = json.loads(envelope.body)
    notes[0]["status"] = reply_status
    replay = with_marker("0").add(envelope, body=json.dumps(notes).encode())
    reader = replay.reader(me="117020566092212359")
    reader.grouped = False
    [reply] = reader.notifications().items
    assert reply.kind == "reply"
    assert reply.subject_id == "117020583245459824"  # our status it answers
    assert reply.post is not None and reply.post.text == "@mastodonpy_test_2 same!"


def test_grouped_mentions_page_back_with_max_id() -> None:
    replay = with_marker("0").take("test_grouped_notification_pagination", 11, 12)
    reader = replay.reader()
    first = reader.notifications(limit=5)
    second = reader.notifications(first.next_cursor, limit=5)
    assert [n.remote_id for n in first.items] == ["42", "41", "40", "39", "38"]
    assert first.next_cursor == "38"
    assert [n.remote_id for n in second.items] == ["37", "36", "35", "34", "33"]
    assert second.next_cursor == "33"
    assert all(n.kind == "mention" and n.author.handle == f"@admin@{HOST}" for n in first.items)
    assert len(replay.sent("/api/v1/markers")) == 1  # the seen marker with the newest page only


def test_a_server_without_grouped_notifications_is_read_one_by_one() -> None:
    """Before 4.3, /api/v2/notifications is a 404: the recorded 404 of test_status_missing, at that path."""
    missing = recorded("test_status_missing", 0)
    replay = with_marker("0").add(missing, url=f"{SERVER}/api/v2/notifications").take("test_notifications", 1)
    reader = replay.reader()
    assert [n.remote_id for n in reader.notifications().items] == ["20"]
    assert reader.grouped is False


def test_since_id_leaves_out_what_is_stored() -> None:
    replay = with_marker("0").take("test_notifications", 1)
    reader = replay.reader()
    reader.grouped = False
    reader.notifications(since=sort_key("19"), limit=40)
    [asked] = replay.sent("/api/v1/notifications")
    assert parse_qs(asked.url.query.decode()) == {"limit": ["40"], "since_id": ["19"]}


def test_read_here_moves_the_servers_notifications_marker() -> None:
    replay = Replay().take("test_markers", 1).take("test_notifications", 3)
    reader = replay.reader()
    reader.mark_seen(sort_key("20"))
    [posted] = replay.sent("/api/v1/markers")
    assert json.loads(posted.content) == {"notifications": {"last_read_id": "20"}}
    assert reader.unread_count() == 1  # the recorded count


def test_a_thread_and_a_deleted_post() -> None:
    """The status itself: the recorded answer to its creation (the same Status a GET gives; edited method)."""
    created = recorded("test_status_context", 0)
    status_id = json.loads(created.body)["id"]
    replay = Replay().add(created, method="GET", url=f"{SERVER}/api/v1/statuses/{status_id}")
    replay.take("test_status_context", 1).take("test_status_missing", 0)
    reader = replay.reader()
    thread = reader.thread(status_id)
    assert thread.post.remote_id == status_id and (thread.ancestors, thread.replies) == ((), ())
    with pytest.raises(PostGone):
        reader.thread("0")


def test_the_answer_goes_out_as_a_reply_with_the_parents_audience() -> None:
    """The person's own default audience is read once (recorded: public); the answer is never wider than its
    parent's (unlisted)."""
    replay = Replay().take("test_verify_credentials", 1).take("test_status_reply", 2)
    connector = replay.reader().connector
    result = connector.publish(
        OutgoingPost(
            text="@mastodonpy_test_2 same!",
            idempotency_key="3kabc",
            reply_to=ReplyTo(parent_id="117020583245459824", visibility="unlisted", mention="@x"),
        )
    )
    [sent] = replay.sent("/api/v1/statuses")
    form = parse_qs(sent.content.decode())
    assert form == {
        "status": ["@mastodonpy_test_2 same!"],
        "visibility": ["unlisted"],
        "in_reply_to_id": ["117020583245459824"],
    }
    assert sent.headers["Idempotency-Key"] == "3kabc"
    assert result.remote_id == "117020583258292382"


def test_an_unreadable_notification_is_counted_and_the_others_kept() -> None:
    """The recorded page with one broken entry added (no id, no date), as a buggy fork might send."""
    answer = recorded("test_notifications", 1)
    notes = json.loads(answer.body)
    replay = with_marker("0").add(answer, body=json.dumps([{"type": "mention"}, *notes]).encode())
    reader = replay.reader()
    reader.grouped = False
    page = reader.notifications()
    assert ([n.remote_id for n in page.items], page.skipped) == (["20"], 1)


def test_a_429_while_paging_says_until_when() -> None:
    """No 429 was recorded: the recorded page's own rate-limit headers, with status 429 (edited)."""
    answer = recorded("test_notifications", 1)
    replay = with_marker("0").add(answer, status=429, body=b'{"error":"Too many requests"}')
    reader = replay.reader()
    reader.grouped = False
    with pytest.raises(RateLimited) as caught:
        reader.notifications()
    assert caught.value.until.year == 2026


def test_reading_pauses_when_the_servers_request_budget_is_nearly_spent() -> None:
    """The recorded headers say 299 of 300 left: reading goes on; edited to 12 left: it waits for the reset."""
    answer = recorded("test_notifications", 1)
    replay = with_marker("0").add(answer)
    reader = replay.reader()
    reader.grouped = False
    reader.notifications()
    assert reader.pause_until() is None
    low = [(k, "12" if k.lower() == "x-ratelimit-remaining" else v) for k, v in answer.headers]
    replay.add(Recorded(answer.method, answer.url, 200, low, answer.body))
    replay.add(recorded("test_markers", 2), url=f"{SERVER}/api/v1/markers")
    reader.notifications()
    reset = reader.pause_until()
    assert reset is not None and reset.year == 2026
