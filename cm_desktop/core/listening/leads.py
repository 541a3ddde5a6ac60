"""What the person does with a post a search found: answer it, like it, follow its author, keep it as a
post idea, dismiss it, or just look (it is then no longer new).

- An answer takes the inbox's path (core/inbox/answers.py with `HEARD`): a post created with a reply
  reference, sent by the outbox exactly once, counted as answered once the network confirmed it.
- A like takes the inbox's path too: its key is committed before the request; a repeat finds the first.
- A follow is sent exactly once the same way: one key per author and account (Bluesky: the follow's record
  key), committed on every found post of that author before the request leaves.
- An idea is a post with an `idea:listening:<id>` origin and no target, like the coach's ideas: it lands in
  the idea box, is never sent, and the wizard run again leaves it alone (it is the person's own).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import update
from sqlmodel import col, select

from cm_desktop.core import posts
from cm_desktop.core.i18n import Lang
from cm_desktop.core.inbox import answers
from cm_desktop.core.inbox.answers import (
    LIKE_DONE,
    LIKE_FAILED,
    LIKE_SENDING,
    LIKE_WAITING,
    Answered,
    AnswerRefused,
    LikeOutcome,
    Queued,
    release,
    send_once,
)
from cm_desktop.core.listening import messages as m
from cm_desktop.core.models import Account, Post, PostReply, WatchResult
from cm_desktop.core.ports import Following, Refused
from cm_desktop.core.schedule import from_utc
from cm_desktop.core.store import Store

HEARD = Answered(
    WatchResult, PostReply.watch_result_id, "watch_result_id", "answer:heard:", (("seen", True),)
)
IDEA_ORIGIN = "idea:listening:"
IDEA_EXCERPT = 280


def answer(
    store: Store,
    result_id: int,
    text: str,
    now: datetime,
    *,
    data_dir: Path,
    renditions_dir: Path,
    lang: Lang = "en",
) -> Queued:
    """Queue an answer to the found post (the outbox sends it). Raises AnswerRefused with what to fix."""
    _exists(store, result_id)
    return answers.queue_answer(
        store,
        result_id,
        text,
        now,
        data_dir=data_dir,
        renditions_dir=renditions_dir,
        lang=lang,
        answered=HEARD,
    )


def _exists(store: Store, result_id: int) -> WatchResult:
    with store.session() as session:
        found = session.get(WatchResult, result_id)
    if found is None:
        raise AnswerRefused(m.NO_SUCH_RESULT, result=result_id)
    return found


def request_like(store: Store, result_id: int, new_key: Callable[[], str]) -> bool:
    _exists(store, result_id)
    return answers.request_like(store, result_id, new_key, HEARD)


def send_likes(
    store: Store, liker_for: Callable[[Account], Any], *, result_ids: Sequence[int] | None = None
) -> list[LikeOutcome]:
    return answers.send_likes(store, liker_for, item_ids=result_ids, answered=HEARD)


# --- follows ----------------------------------------------------------------------------------------------


def request_follow(store: Store, result_id: int, new_key: Callable[[], str]) -> bool:
    """Follow the author of a found post: one key per author and account, committed now on every post of
    theirs that was found, sent by `send_follows`. False when they are followed (or asked) already."""
    result = _exists(store, result_id)
    if not result.author_id:
        raise AnswerRefused(m.NO_AUTHOR)
    with store.session() as session:
        theirs = (
            col(WatchResult.account_id) == result.account_id,
            col(WatchResult.author_id) == result.author_id,
        )
        asked = session.exec(
            select(WatchResult.follow_key, WatchResult.follow_state).where(
                *theirs, col(WatchResult.follow_state).in_((LIKE_WAITING, LIKE_SENDING, LIKE_DONE))
            )
        ).first()
        if asked is not None:
            key, state = asked
            _update(session, [*theirs, col(WatchResult.follow_state).in_(("", LIKE_FAILED))], key, state)
            session.commit()
            return False
        key = next((k for k in session.exec(select(WatchResult.follow_key).where(*theirs)) if k), "")
        _update(session, list(theirs), key or new_key(), LIKE_WAITING)
        session.commit()
        return True


def _update(session: Any, where: list[Any], key: str, state: str) -> None:
    session.exec(
        update(WatchResult)
        .where(*where)
        .values(follow_key=key, follow_state=state)
        .execution_options(synchronize_session=False)
    )


@dataclass(frozen=True)
class FollowOutcome:
    account_id: int
    author_id: str
    state: str
    error: str = ""


def send_follows(store: Store, follower_for: Callable[[Account], Any]) -> list[FollowOutcome]:
    """Send the follows asked for (and those a crash left `sending`: the same key, so never twice)."""
    with store.session() as session:
        rows = session.exec(
            select(WatchResult.account_id, WatchResult.author_id, WatchResult.follow_key)
            .where(col(WatchResult.follow_state).in_((LIKE_WAITING, LIKE_SENDING)))
            .distinct()
        ).all()
        accounts = {a.id: a for a in session.exec(select(Account)).all()}
    outcomes: list[FollowOutcome] = []
    followers: dict[int, Any] = {}
    try:
        for account_id, author_id, key in rows:
            account = accounts.get(account_id)
            if account is None:
                continue
            outcomes.append(_send_follow(store, account, author_id, key, followers, follower_for))
    finally:
        for follower in followers.values():
            release(follower)
    return outcomes


def _send_follow(
    store: Store,
    account: Account,
    author_id: str,
    key: str,
    followers: dict[int, Any],
    follower_for: Callable[[Account], Any],
) -> FollowOutcome:
    assert account.id is not None
    account_id = account.id

    def mark(state: str) -> None:
        with store.session() as session:
            session.exec(
                update(WatchResult)
                .where(col(WatchResult.account_id) == account_id, col(WatchResult.follow_key) == key)
                .values(follow_state=state)
                .execution_options(synchronize_session=False)
            )
            session.commit()

    def follow() -> None:
        follower = followers.get(account_id)
        if follower is None:
            follower = followers[account_id] = follower_for(account)
        if not isinstance(follower, Following):
            raise Refused(m.NO_AUTHOR, code="no_follow")
        follower.follow(author_id, key)

    state, error = send_once(mark, follow)
    return FollowOutcome(account_id, author_id, state, error)


def follow_error(outcome: FollowOutcome, network: str, lang: Lang) -> str:
    from cm_desktop.core.networks import name_of as network_name

    if outcome.state != LIKE_FAILED:
        return ""
    if outcome.error in ("auth", "suspended", "auth_expired"):
        return m.FOLLOW_NEEDS_PERMISSION.get(lang, network=network_name(network))
    return m.FOLLOW_FAILED.get(lang, network=network_name(network), reason=outcome.error or "—")


# --- looking, dismissing, keeping as an idea ----------------------------------------------------------------


def mark_seen(store: Store, result_ids: Sequence[int] | None = None) -> int:
    """Looked at: no longer counted as new (all of them with None). Returns how many changed."""
    with store.session() as session:
        query = update(WatchResult).where(col(WatchResult.seen).is_(False))
        if result_ids is not None:
            query = query.where(col(WatchResult.id).in_(list(result_ids)))
        changed = session.exec(query.values(seen=True).execution_options(synchronize_session=False))
        session.commit()
        return int(changed.rowcount or 0)


def dismiss(store: Store, result_ids: Sequence[int], *, dismissed: bool = True) -> None:
    """Out of the list (kept, so that the next run does not bring it back)."""
    with store.session() as session:
        session.exec(
            update(WatchResult)
            .where(col(WatchResult.id).in_(list(result_ids)))
            .values(dismissed=dismissed, seen=True)
            .execution_options(synchronize_session=False)
        )
        session.commit()


def make_idea(store: Store, result_id: int, now: datetime, zone: str, lang: Lang) -> int:
    """Keep the found post as a post idea (in the idea box, never sent). Returns the idea's post id; asking
    twice gives the same idea while it exists."""
    from cm_desktop.core.networks import name_of as network_name

    with store.session() as session:
        result = session.get(WatchResult, result_id)
        if result is None:
            raise AnswerRefused(m.NO_SUCH_RESULT, result=result_id)
        if result.idea_post_id is not None and session.get(Post, result.idea_post_id) is not None:
            return result.idea_post_id
        words = " ".join(result.text.split())
        excerpt = words if len(words) <= IDEA_EXCERPT else words[: IDEA_EXCERPT - 1].rstrip() + "…"
        text = m.IDEA_TEXT.get(
            lang,
            network=network_name(result.network),
            author=result.author_handle or result.author_name or "?",
            text=excerpt,
        )
        idea = posts.NewPost(
            text=text,
            targets=(),
            local_time=from_utc(now, zone).replace(tzinfo=None, second=0, microsecond=0),
            time_zone=zone,
            origin=f"{IDEA_ORIGIN}{result_id}",
        )
        post_id, _ = posts.create(session, idea, now, queue=False)
        result.idea_post_id, result.seen = post_id, True
        session.add(result)
        session.commit()
        return post_id
