"""Figures the person types in for a post on a network the app cannot read ("How did it go on Facebook?").

They are stored like a reading (PostResult + a CountSnapshot marked `by_hand`): likes as likes, comments as
replies, shares as reposts. Typing them again replaces the latest figures and adds to the history.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlmodel import Session

from cm_desktop.core import networks
from cm_desktop.core.i18n import Lang, Text
from cm_desktop.core.models import Account, CountSnapshot, PostResult, PostTarget, TargetState
from cm_desktop.core.models import stored_utc as aware
from cm_desktop.core.results import messages as m
from cm_desktop.core.store import Store

MAX_FIGURE = 10_000_000


class ByHandRefused(ValueError):
    def __init__(self, text: Text, **params: object) -> None:
        super().__init__(text.en)
        self.text, self.params = text, params

    def message(self, lang: Lang) -> str:
        return self.text.get(lang, **self.params)


@dataclass(frozen=True)
class ByHand:
    """What the form shows: the post's network, and the figures typed last time (None: never)."""

    target_id: int
    network: str
    likes: int | None = None
    comments: int | None = None
    shares: int | None = None


def by_hand_figures(store: Store, target_id: int) -> ByHand:
    """The form's starting values. Raises ByHandRefused for a post whose figures are not typed in."""
    with store.session() as session:
        target = session.get(PostTarget, target_id)
        network = _check(session, target)
        row = session.get(PostResult, target_id)
    if row is None or row.fetched_at is None:
        return ByHand(target_id, network)
    return ByHand(target_id, network, row.likes, row.replies, row.reposts)


def _check(session: Session, target: PostTarget | None) -> str:
    if target is None:
        raise ByHandRefused(m.NO_SUCH_POST)
    account = session.get(Account, target.account_id) if target.account_id is not None else None
    network = account.network if account is not None else target.network
    if not networks.known(network) or networks.get(network).can.counts:
        raise ByHandRefused(m.NOT_BY_HAND, network=networks.name_of(network))
    if target.state != TargetState.PUBLISHED.value:
        raise ByHandRefused(m.NOT_PUBLISHED)
    return network


def record_by_hand(
    store: Store, target_id: int, *, likes: int, comments: int, shares: int, now: datetime
) -> None:
    """Keep the figures the person gave (0 to 10 million each)."""
    for value in (likes, comments, shares):
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_FIGURE:
            raise ByHandRefused(m.BAD_NUMBER)
    moment = now.astimezone(UTC)
    with store.session() as session:
        target = session.get(PostTarget, target_id)
        network = _check(session, target)
        assert target is not None
        row = session.get(PostResult, target_id) or PostResult(
            target_id=target_id,
            network=network,
            published_at=aware(target.published_at) or moment,
            by_hand=True,
        )
        row.likes, row.replies, row.reposts, row.quotes = likes, comments, shares, 0
        row.fetched_at = moment
        row.fetches += 1
        row.next_fetch_at = None
        session.add(row)
        session.add(
            CountSnapshot(
                target_id=target_id,
                fetched_at=moment,
                likes=likes,
                replies=comments,
                reposts=shares,
                by_hand=True,
            )
        )
        session.commit()
