"""Posts a server keeps for later (Mastodon `scheduled_at`): what it holds, and what changed since.

The interface only writes to the database; the outbox's next run brings the server's copy in line, exactly
once (engine.py, `_native_changes`):
- the post moved -> the copy is moved (`PUT scheduled_statuses/:id`), or cancelled when the new time is too
  near for the server, and the post is then sent normally at its time;
- its text or pictures changed -> the copy is cancelled, then handed over again with a new key;
- back to drafts or deleted -> the copy is cancelled. `withdraw` (below) keeps the target, still scheduled
  and marked, until that is done: the server's copy is never forgotten while it can still go out.

What the server holds is kept in PostTarget.intermediate_ids under "native" (no schema change): the time
and content handed over (a signature, and the text and picture count to find the post again after a 404).
Every change is worked out again from (what the server holds, what the post says now), so redoing it after a
crash is safe: a move is the same PUT again, a cancel that already happened answers 404 and the copy is then
looked for among the published posts.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from cm_desktop.core.models import Media
from cm_desktop.core.outbox import progress
from cm_desktop.core.ports import OutgoingImage, OutgoingPost

KEY = "native"
# Why a copy must go: the post went back to the drafts, or was deleted.
Withdraw = Literal["", "draft", "delete"]
# What the outbox is doing to the copy (committed before its request, with the state `sending`).
Op = Literal["", "move", "replace", "cancel"]


@dataclass(frozen=True)
class Held:
    """The copy a server holds for later, as it was handed over (and moved) by the outbox."""

    at: datetime | None  # when the server will publish it
    signature: str  # the content handed over (text and pictures)
    text: str  # the text handed over: finds the copy among published posts after a 404
    images: int
    since: datetime | None  # the copy cannot have been published before this moment
    withdraw: Withdraw = ""
    op: Op = ""
    op_from: str = ""  # the state to go back to if the op does not complete


def signature(text: str, media: Sequence[Media]) -> str:
    """What the server was given: the text and, for each picture, its bytes and alt text. Not the focus
    point: moving it changes only how a timeline crops the picture, not worth withdrawing a copy for."""
    parts = [unicodedata.normalize("NFC", text)]
    parts += [f"{m.sha256}|{m.alt_text}" for m in media]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def signature_with_focus(text: str, media: Sequence[Media]) -> str:
    """The signature versions before 0.2 recorded (with the focus points): a copy they handed over is the
    same content when this one matches, and is not withdrawn for it."""
    parts = [unicodedata.normalize("NFC", text)]
    parts += [f"{m.sha256}|{m.alt_text}|{m.focal_x:.4f}|{m.focal_y:.4f}" for m in media]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def _when(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _iso(value: datetime | None) -> str:
    if value is None:
        return ""
    return (value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)).isoformat()


def read(intermediate: str) -> Held | None:
    """The held copy recorded in a target's intermediate_ids, or None (none recorded)."""
    raw = progress.fields(intermediate).get(KEY)
    if not isinstance(raw, dict):
        return None
    withdraw = raw.get("withdraw", "")
    op = raw.get("op", "")
    return Held(
        at=_when(raw.get("at")),
        signature=str(raw.get("sig", "")),
        text=str(raw.get("text", "")),
        images=int(raw.get("images", 0) or 0),
        since=_when(raw.get("since")),
        withdraw=withdraw if withdraw in ("draft", "delete") else "",
        op=op if op in ("move", "replace", "cancel") else "",
        op_from=str(raw.get("from", "")),
    )


def write(intermediate: str, held: Held | None) -> str:
    """intermediate_ids with `held` recorded (None removes it); other keys are kept as they were."""
    data = progress.fields(intermediate)
    if held is None:
        data.pop(KEY, None)
    else:
        data[KEY] = {
            "at": _iso(held.at),
            "sig": held.signature,
            "text": held.text,
            "images": held.images,
            "since": _iso(held.since),
            "withdraw": held.withdraw,
            "op": held.op,
            "from": held.op_from,
        }
    return progress.dump(data)


def change_needed(held: Held, due: datetime | None, content: str) -> Op:
    """What the copy needs so that it matches the post: "" (nothing), "move", "replace" or "cancel"."""
    if held.withdraw:
        return "cancel"
    if held.signature and content != held.signature:
        return "replace"
    if due is not None and held.at is not None and due != held.at:
        return "move"
    return ""


def as_sent(text: str, images: int, key: str) -> OutgoingPost:
    """A copy as it was handed over, to look it up among the published posts: a look-up only needs the words
    and how many pictures there were (the post may have been edited since)."""
    placeholder = OutgoingImage(path=Path(), mime_type="", alt="", width=0, height=0)
    return OutgoingPost(text=text, idempotency_key=key, images=(placeholder,) * images)
