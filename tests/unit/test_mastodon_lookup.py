"""The exactly-once look-up against Mastodon, on RECORDED BODIES EDITED into an account's history: the real
4.6.4 status of tests/data/mastodon (the `test_status_post` cassette) copied into statuses with their own ids,
words and times, served page by page with a Link header shaped like the recorded ones (`max_id` for older).

What a look-up must get right, each a way to lose a post or send it twice:
- the post is older than a page: 100 newer statuses since the attempt; it is still found;
- an older post with the same words (a weekly "open today") is not taken for the new one;
- a status edited on the web since is recognised by its first version;
- two targets with the same words: a copy the server keeps for another target is never claimed;
- without a time to read back to, or with more statuses than a look-up reads: it cannot tell (Unknown).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from cm_desktop.core.ports import OutgoingImage, OutgoingPost, Unknown
from cm_desktop.networks.mastodon import LOOKUP_MAX_PAGES, MastodonConnector, mastodon_focus
from tests.unit.test_mastodon_replay import Cassette

SERVER = "http://localhost:3000"
ATTEMPT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _recorded_status() -> dict[str, Any]:
    body = json.loads(Cassette.load("test_status_post[None-public]").interactions[0].body)
    assert body["content"] == "<p>Toot!</p>" and "created_at" in body  # a real Status, as recorded
    return dict(body)


RECORDED = _recorded_status()


def status(number: int, words: str, created: datetime, **extra: Any) -> dict[str, Any]:
    """The recorded status with its own id, words and time (ids grow with time, as Mastodon's snowflakes)."""
    made = copy.deepcopy(RECORDED)
    made.update(
        id=str(117_000_000_000_000_000 + number),
        content=f"<p>{words}</p>",
        created_at=created.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        url=f"{SERVER}/@me/{number}",
        media_attachments=[],
        edited_at=None,
    )
    made.update(extra)
    return made


class Account:
    """IMITATION of one account's statuses and scheduled statuses, paged like the server (40, max_id)."""

    def __init__(self, statuses: Sequence[dict[str, Any]], scheduled: Sequence[dict[str, Any]] = ()) -> None:
        self.statuses = sorted(statuses, key=lambda s: int(s["id"]), reverse=True)
        self.scheduled = list(scheduled)
        self.history: dict[str, list[dict[str, Any]]] = {}
        self.pages_read = 0

    def handler(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/api/v1/accounts/verify_credentials":
            return httpx.Response(200, json={"id": "99", "username": "me", "source": {"privacy": "unlisted"}})
        if path == "/api/v1/accounts/99/statuses":
            return self._page(request, self.statuses, path)
        if path == "/api/v1/scheduled_statuses":
            return self._page(request, self.scheduled, path)
        if path.endswith("/history"):
            return httpx.Response(200, json=self.history[path.split("/")[-2]])
        raise AssertionError(path)

    def _page(self, request: httpx.Request, items: list[dict[str, Any]], path: str) -> httpx.Response:
        self.pages_read += 1
        limit = int(request.url.params.get("limit", "20"))
        max_id = request.url.params.get("max_id")
        older = [i for i in items if max_id is None or int(i["id"]) < int(max_id)]
        page = older[:limit]
        headers = {}
        if page and len(older) > limit:
            headers["Link"] = f'<{SERVER}{path}?limit={limit}&max_id={page[-1]["id"]}>; rel="next"'
        return httpx.Response(200, json=page, headers=headers)


def connector(account: Account) -> MastodonConnector:
    return MastodonConnector(
        SERVER, "not-a-secret", account_id="99", transport=httpx.MockTransport(account.handler)
    )


def post(words: str, **extra: Any) -> OutgoingPost:
    return OutgoingPost(text=words, idempotency_key="key", not_before=ATTEMPT, **extra)


def after(minutes: int) -> datetime:
    return ATTEMPT + timedelta(minutes=minutes)


def test_a_post_behind_a_hundred_newer_statuses_is_found() -> None:
    ours = status(1, "Portes ouvertes samedi", after(1))
    newer = [status(10 + n, f"Nouvelle {n}", after(2 + n)) for n in range(100)]
    account = Account([ours, *newer, status(0, "Avant", after(-60))])
    found = connector(account).lookup(post("Portes ouvertes samedi"))
    assert found is not None and found.remote_id == ours["id"]
    assert account.pages_read == 3  # 40 + 40 + the page that holds it


def test_an_older_post_with_the_same_words_is_not_ours() -> None:
    """A weekly post: last week's says the same. Before the attempt (less the clocks' difference): not ours."""
    account = Account([status(1, "Ouvert ce dimanche", after(-7 * 24 * 60)), status(2, "Autre", after(3))])
    assert connector(account).lookup(post("Ouvert ce dimanche")) is None


def test_a_status_edited_on_the_web_is_known_by_its_first_version() -> None:
    edited = status(5, "Portes ouvertes samedi (et dimanche !)", after(1), edited_at=after(30).isoformat())
    account = Account([edited])
    account.history[edited["id"]] = [
        {"content": "<p>Portes ouvertes samedi</p>", "created_at": after(1).isoformat()},
        {"content": edited["content"], "created_at": after(30).isoformat()},
    ]
    found = connector(account).lookup(post("Portes ouvertes samedi"))
    assert found is not None and found.remote_id == edited["id"]


def test_the_picture_count_tells_a_post_with_pictures_from_one_without() -> None:
    account = Account([status(1, "Nouveautés", after(1))])  # no picture
    image = OutgoingImage(path=Path("a.jpg"), mime_type="image/jpeg", alt="", width=1, height=1)
    assert connector(account).lookup(post("Nouveautés", images=(image,))) is None


def test_a_copy_kept_for_another_target_with_the_same_words_is_never_claimed() -> None:
    when = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
    theirs = {
        "id": "501",
        "scheduled_at": when.isoformat(),
        "params": {"text": "Bonne semaine !", "media_ids": []},
    }
    mine = {
        "id": "502",
        "scheduled_at": when.isoformat(),
        "params": {"text": "Bonne semaine !", "media_ids": []},
    }
    asked = post("Bonne semaine !", scheduled_at=when, taken_ids=("501",))
    found = connector(Account([], [theirs, mine])).lookup(asked)
    assert found is not None and found.scheduled and found.remote_id == "502"
    # Only the other target's copy on the server: ours never arrived.
    assert connector(Account([], [theirs])).lookup(asked) is None


def test_a_scheduled_copy_for_another_time_is_not_ours() -> None:
    when = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
    other = {
        "id": "601",
        "scheduled_at": (when + timedelta(days=7)).isoformat(),
        "params": {"text": "Marché"},
    }
    assert connector(Account([], [other])).lookup(post("Marché", scheduled_at=when)) is None


def test_without_an_attempt_time_it_cannot_tell() -> None:
    account = Account([status(1, "Texte", after(1))])
    with pytest.raises(Unknown):
        connector(account).lookup(OutgoingPost(text="Texte", idempotency_key="key"))


def test_more_statuses_than_a_look_up_reads_cannot_tell() -> None:
    many = [status(n, f"Bruit {n}", after(1 + n)) for n in range(LOOKUP_MAX_PAGES * 40 + 5)]
    with pytest.raises(Unknown):
        connector(Account(many)).lookup(post("Jamais envoyé"))


def test_a_retry_does_not_upload_its_pictures_again(tmp_path: Path) -> None:
    """The first attempt uploaded a picture, then lost the status; the retry uses the id it was given."""
    picture = tmp_path / "p.jpg"
    picture.write_bytes(b"jpeg")
    uploads: list[dict[str, str]] = []
    statuses: list[dict[str, str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/v2/media":
            uploads.append({"focus": request.content.decode(errors="replace")})
            return httpx.Response(200, json={"id": f"m{len(uploads)}", "url": "https://x/m.jpg"})
        if request.url.path == "/api/v1/statuses":
            statuses.append(dict(httpx.QueryParams(request.content.decode())))
            if len(statuses) == 1:
                return httpx.Response(503, json={"error": "busy"})
            return httpx.Response(200, json=status(9, "Vitrine", after(2)))
        raise AssertionError(request.url.path)

    image = OutgoingImage(
        path=picture, mime_type="image/jpeg", alt="Vitrine", width=1, height=1, focal=(0.25, 0.1)
    )
    with MastodonConnector(SERVER, "x", transport=httpx.MockTransport(handler)) as c:
        with pytest.raises(Unknown) as lost:
            c.publish(OutgoingPost(text="Vitrine", idempotency_key="k", images=(image,)))
        assert lost.value.progress == {"media:0": "m1"}
        c.publish(OutgoingPost(text="Vitrine", idempotency_key="k", images=(image,), uploaded=("m1",)))
    assert len(uploads) == 1
    assert 'name="focus"' in uploads[0]["focus"] and "-0.50,0.80" in uploads[0]["focus"]
    assert statuses[1]["media_ids[]"] == "m1"


def test_focus_points_are_converted_to_mastodons_terms() -> None:
    assert mastodon_focus((0.5, 0.5)) == (0.0, 0.0)
    assert mastodon_focus((0.0, 0.0)) == (-1.0, 1.0)  # top left
    assert mastodon_focus((1.0, 1.0)) == (1.0, -1.0)  # bottom right


def test_an_answer_is_never_wider_than_the_persons_default_or_its_parent() -> None:
    """No visibility chosen: a post leaves it to the server (the person's default); an answer reads that
    default (here "unlisted") and narrows it to its parent's."""
    from cm_desktop.core.ports import ReplyTo

    sent: list[dict[str, str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/api/v1/accounts/verify_credentials":
            return httpx.Response(200, json={"id": "99", "username": "me", "source": {"privacy": "unlisted"}})
        sent.append(dict(httpx.QueryParams(request.content.decode())))
        return httpx.Response(200, json=status(len(sent), "ok", after(1)))

    with MastodonConnector(SERVER, "x", transport=httpx.MockTransport(handler)) as c:
        c.publish(OutgoingPost(text="Bonjour", idempotency_key="a"))
        c.publish(
            OutgoingPost(
                text="Merci", idempotency_key="b", reply_to=ReplyTo(parent_id="7", visibility="public")
            )
        )
        c.publish(
            OutgoingPost(
                text="Oui", idempotency_key="c", reply_to=ReplyTo(parent_id="8", visibility="private")
            )
        )
    assert "visibility" not in sent[0]
    assert [sent[1]["visibility"], sent[2]["visibility"]] == ["unlisted", "private"]
