"""What earlier attempts of a target learnt from its server, kept in PostTarget.intermediate_ids (JSON, beside
what native.py records of a copy the server holds):
- "uploaded": the pictures' ids the server gave before a failure, so a retry does not upload them again
  (orphans, and Mastodon's 30 uploads per 30 minutes); trusted for a while only, since a server removes
  pictures attached to nothing after a day;
- "native_refused": the server would not keep this post for later (Mastodon: 25 a day, 300 in all, at least
  5 minutes ahead): the outbox sends it itself at its time;
- "cancelled_copy": a copy cancelled so near its time that the server may have been publishing it: before
  the post is sent, it is looked for among the published posts (so it never goes out twice).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

UPLOADED = "uploaded"
NATIVE_REFUSED = "native_refused"
CANCELLED_COPY = "cancelled_copy"
# Mastodon removes pictures attached to no status after a day: trust ids for half of that.
UPLOADS_KEPT = timedelta(hours=12)


def fields(intermediate: str) -> dict[str, Any]:
    """The JSON object kept in PostTarget.intermediate_ids ({} when empty or damaged)."""
    try:
        data = json.loads(intermediate or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _when(value: Any) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(value or ""))
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def uploaded(intermediate: str, count: int, now: datetime) -> tuple[str, ...]:
    """The pictures' ids an earlier attempt got ("" where none), while they can still be trusted."""
    raw = fields(intermediate).get(UPLOADED)
    if not isinstance(raw, dict):
        return ()
    at = _when(raw.get("at"))
    if at is None or now - at > UPLOADS_KEPT:
        return ()
    ids = raw.get("ids")
    if not isinstance(ids, dict):
        return ()
    return tuple(str(ids.get(f"media:{i}", "")) for i in range(count))


def with_uploaded(intermediate: str, progress: dict[str, str], now: datetime) -> str:
    """intermediate_ids with the ids a failed attempt reported (`NetworkError.progress`)."""
    found = {k: v for k, v in progress.items() if k.startswith("media:") and v}
    if not found:
        return intermediate
    data = fields(intermediate)
    data[UPLOADED] = {"at": now.astimezone(UTC).isoformat(), "ids": found}
    return dump(data)


def without_uploaded(intermediate: str) -> str:
    data = fields(intermediate)
    if UPLOADED not in data:
        return intermediate
    data.pop(UPLOADED)
    return dump(data)


def native_refused(intermediate: str) -> bool:
    return NATIVE_REFUSED in fields(intermediate)


def with_native_refused(intermediate: str, now: datetime, reason: str) -> str:
    data = fields(intermediate)
    data[NATIVE_REFUSED] = {"at": now.astimezone(UTC).isoformat(), "reason": reason[:300]}
    return dump(data)


@dataclass(frozen=True)
class CancelledCopy:
    """A copy cancelled near its time: what it said, and from when it could have been published."""

    at: datetime  # its time on the server
    since: datetime  # it cannot have been published before this
    text: str
    images: int


def cancelled_copy(intermediate: str) -> CancelledCopy | None:
    raw = fields(intermediate).get(CANCELLED_COPY)
    if not isinstance(raw, dict):
        return None
    at, since = _when(raw.get("at")), _when(raw.get("since"))
    if at is None or since is None:
        return None
    return CancelledCopy(at, since, str(raw.get("text", "")), int(raw.get("images", 0) or 0))


def with_cancelled_copy(intermediate: str, copy: CancelledCopy | None) -> str:
    data = fields(intermediate)
    if copy is None:
        data.pop(CANCELLED_COPY, None)
    else:
        data[CANCELLED_COPY] = {
            "at": copy.at.astimezone(UTC).isoformat(),
            "since": copy.since.astimezone(UTC).isoformat(),
            "text": copy.text,
            "images": copy.images,
        }
    return dump(data)
