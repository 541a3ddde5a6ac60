"""Mastodon's side of the Results page: counts of the person's statuses and of their account.

Statuses are read 20 at a time with `GET /api/v1/statuses?id[]=...` (Mastodon 4.3 and later); a server
without it (404) is read one status at a time for the rest of the session. A status the batch leaves out is
asked for alone: 404 means deleted; found, it gives its counts. `verify_credentials` gives followers,
following and statuses. A status's `quotes_count` exists since quotes did (4.5); before, there are none.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from typing import Any
from urllib.parse import quote

from cm_desktop.core.ports import AccountCounts, PostCounts, Refused, Unknown
from cm_desktop.networks.mastodon import TEXTS, MastodonConnector
from cm_desktop.networks.mastodon_inbox import MastodonReader

log = logging.getLogger(__name__)

MAX_STATUSES = 20  # the server's DEFAULT_STATUSES_LIMIT: the most `id[]` one call takes


def _count(data: dict[str, Any], name: str) -> int:
    value = data.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0


def counts_of(status: Any) -> PostCounts | None:
    """A status's counts; None for something that is not a status."""
    if not isinstance(status, dict) or not status.get("id"):
        return None
    return PostCounts(
        remote_id=str(status["id"]),
        likes=_count(status, "favourites_count"),
        reposts=_count(status, "reblogs_count"),
        replies=_count(status, "replies_count"),
        quotes=_count(status, "quotes_count"),
    )


class MastodonCounter(MastodonReader):
    """core.ports.Counting for one Mastodon account, on the inbox's reader (its connection, request budget)."""

    def __init__(
        self, connector: MastodonConnector, *, batches: bool = True, owns_connector: bool = True
    ) -> None:
        super().__init__(connector, owns_connector=owns_connector)
        # Until the server says it cannot give several statuses at once (before 4.3).
        self.batches = batches

    def post_counts(self, remote_ids: Sequence[str]) -> list[PostCounts]:
        wanted = [i for i in dict.fromkeys(remote_ids) if i]
        found: list[PostCounts] = []
        for start in range(0, len(wanted), MAX_STATUSES):
            batch = wanted[start : start + MAX_STATUSES]
            read = self._batch(batch) if self.batches else {}
            for status_id in batch:
                counts = read.get(status_id) or self._one(status_id)
                found.append(counts)
        return found

    def _batch(self, ids: list[str]) -> dict[str, PostCounts]:
        try:
            data = self.connector.api("GET", "/api/v1/statuses", params={"id[]": ids})
        except Refused as exc:
            if exc.code not in ("not_found", "not_mastodon"):
                raise
            log.info("mastodon: no reading of several statuses at once here; one at a time")
            self.batches = False
            return {}
        if not isinstance(data, list):
            raise Unknown(TEXTS["bad_response"], code="bad_response")
        return {c.remote_id: c for c in map(counts_of, data) if c is not None}

    def _one(self, status_id: str) -> PostCounts:
        try:
            data = self.connector.api("GET", f"/api/v1/statuses/{quote(status_id, safe='')}")
        except Refused as exc:
            if exc.code == "not_found":
                return PostCounts(remote_id=status_id, deleted=True)
            raise
        counts = counts_of(data)
        if counts is None:
            raise Unknown(TEXTS["bad_response"], code="bad_response")
        return replace(counts, remote_id=status_id)

    def account_counts(self) -> AccountCounts:
        data = self.connector.api("GET", "/api/v1/accounts/verify_credentials")
        if not isinstance(data, dict) or not isinstance(data.get("followers_count"), int):
            raise Unknown(TEXTS["bad_response"], code="bad_response")
        return AccountCounts(
            followers=_count(data, "followers_count"),
            following=_count(data, "following_count"),
            posts=_count(data, "statuses_count"),
        )
