"""Bluesky's notifications and threads as the AppView sends them, read by networks/bluesky_inbox.py.

The same shapes are read from the real AppView in tests/integration/test_inbox_appview.py; here, what a
server should not send but might: missing fields, wrong types, a kind the inbox does not show.
"""

from __future__ import annotations

from typing import Any

import pytest

from cm_desktop.networks.bluesky_inbox import notification, sort_key

ITEM: dict[str, Any] = {
    "uri": "at://did:plc:marie/app.bsky.feed.post/3kq",
    "cid": "bafyq",
    "author": {"did": "did:plc:marie", "handle": "marie.bsky.social", "displayName": "Marie"},
    "reason": "reply",
    "record": {
        "text": "Vous livrez ?",
        "createdAt": "2026-05-04T09:00:00.000Z",
        "reply": {
            "root": {"uri": "at://did:plc:shop/app.bsky.feed.post/3r", "cid": "bafyr"},
            "parent": {"uri": "at://did:plc:shop/app.bsky.feed.post/3p", "cid": "bafyp"},
        },
    },
    "isRead": False,
    "indexedAt": "2026-05-04T09:00:01.250Z",
}


def test_a_reply_names_its_post_its_parent_and_the_threads_root() -> None:
    found = notification(ITEM)
    assert found is not None and found.post is not None
    assert (found.kind, found.remote_id) == ("reply", ITEM["uri"] + "#reply")
    assert found.sort_key == "2026-05-04T09:00:01.250000Z"
    assert (found.post.cid, found.post.reply_root_id, found.post.reply_root_cid) == (
        "bafyq",
        "at://did:plc:shop/app.bsky.feed.post/3r",
        "bafyr",
    )
    assert found.subject_id == "at://did:plc:shop/app.bsky.feed.post/3p"
    assert found.url == "https://bsky.app/profile/marie.bsky.social/post/3kq"


def test_a_like_points_to_the_post_liked() -> None:
    like = {
        **ITEM,
        "reason": "like",
        "reasonSubject": "at://did:plc:shop/app.bsky.feed.post/3p",
        "record": {},
    }
    found = notification(like)
    assert found is not None and found.post is None
    assert found.url == "https://bsky.app/profile/did:plc:shop/post/3p"


def test_kinds_the_inbox_does_not_show_are_left_out() -> None:
    assert notification({**ITEM, "reason": "starterpack-joined"}) is None


@pytest.mark.parametrize("broken", [{"uri": ""}, {"indexedAt": "yesterday"}, {"indexedAt": None}])
def test_an_item_without_address_or_time_cannot_be_stored(broken: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        notification({**ITEM, **broken})


def test_odd_types_are_read_as_missing_never_a_crash() -> None:
    found = notification({**ITEM, "author": "marie", "record": ["not", "a", "record"]})
    assert found is not None and found.post is not None
    assert (found.author.handle, found.post.text, found.post.reply_root_id) == ("", "", "")


def test_keys_sort_like_the_networks_order() -> None:
    from datetime import UTC, datetime

    earlier = sort_key(datetime(2026, 5, 4, 9, 0, 0, 999000, tzinfo=UTC))
    later = sort_key(datetime(2026, 5, 4, 9, 0, 1, tzinfo=UTC))
    assert earlier < later
