"""Answering and liking from the inbox, and what the person does with items (read, archive).

An answer is a post like any other (core/posts.create) with a reply reference (PostReply): the outbox sends it
with the same claim / commit / look-up protocol as every post, so it goes out exactly once, waits while
offline, and counts as answered only once the network has confirmed it (its target is `published`).

- Bluesky: `reply {root, parent}`, each with its content id; the root is the thread's true first post (read
  from the item's own record), the parent the item's post.
- Mastodon: `in_reply_to_id` the item's status, the same visibility as that status, and its author mentioned
  at the start of the text when the person did not name them (the text counted by the composer's rules is
  the text sent).

A like is sent exactly once too: its key (Bluesky: the like's record key) is made and committed before the
request, and a repeat with the same key finds the first like instead of making a second one.

The same path answers and likes the posts a saved search found (core/listening): `Answered` says which table
holds what is answered and which PostReply column names it; the inbox's is the default (`INBOX`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import update
from sqlmodel import Session, col, select

from cm_desktop.core import posts, targets
from cm_desktop.core.i18n import Lang, Text
from cm_desktop.core.inbox import messages as m
from cm_desktop.core.models import Account, InboxItem, PostReply, PostTarget
from cm_desktop.core.ports import (
    AuthExpired,
    Liking,
    NetworkError,
    NotSent,
    RateLimited,
    Refused,
    ReplyTo,
    ServerLimits,
)
from cm_desktop.core.store import Store


def release(resource: object) -> None:
    """Give back a reader's or liker's connection (those that hold one have `close`)."""
    close = getattr(resource, "close", None)
    if callable(close):
        close()


log = logging.getLogger(__name__)

ANSWERABLE = ("reply", "mention", "quote")
# An answer's state, from its target's.
ANSWERED, ON_ITS_WAY, NOT_SENT, NEEDS_LOOK = "answered", "sending", "failed", "check"


class AnswerRefused(Exception):
    """Why an answer or a like was not queued, for the person; `issues` are the rules' blocking findings."""

    def __init__(self, text: Text, *, issues: Sequence[str] = (), **params: object) -> None:
        super().__init__(text.en)
        self.text, self.params, self.issues = text, params, tuple(issues)

    def message(self, lang: Lang) -> str:
        params = {k: v.get(lang) if isinstance(v, Text) else v for k, v in self.params.items()}
        return self.text.get(lang, **params)


@dataclass(frozen=True)
class Queued:
    item_id: int
    post_id: int
    target_id: int
    text: str  # as it will be sent (with the mention added where needed)


class Answerable(Protocol):
    """A stored post the person may answer or like: an inbox item, or a post a saved search found."""

    id: int | None
    account_id: int
    network: str
    post_id: str
    post_cid: str
    root_id: str
    root_cid: str
    visibility: str
    author_mention: str
    gone: str
    like_key: str
    like_state: str


@dataclass(frozen=True)
class Answered:
    """Where what is answered lives: its table (rows with Answerable's columns), the PostReply column that
    names it (`link`, named `link_field` on NewPost), an answer's Post.origin prefix, and the columns an
    answer sets on it (it counts as read)."""

    table: Any
    link: Any
    link_field: str
    origin: str
    on_answer: tuple[tuple[str, object], ...]


INBOX = Answered(InboxItem, PostReply.inbox_item_id, "inbox_item_id", "answer:", (("read", True),))


def reply_to(item: Answerable) -> ReplyTo:
    if item.network == "bluesky":
        return ReplyTo(
            parent_id=item.post_id,
            root_id=item.root_id or item.post_id,
            parent_cid=item.post_cid,
            root_cid=item.root_cid or item.post_cid,
        )
    return ReplyTo(parent_id=item.post_id, visibility=item.visibility, mention=item.author_mention)


def _names(text: str, mention: str) -> bool:
    """Whether `text` already names the person ("@marie@example.org", or "@marie" as people type it)."""
    short = "@" + mention.lstrip("@").split("@")[0]
    for form in (mention, short):
        if re.search(rf"(?<![\w@]){re.escape(form)}(?![\w@.-]|\.\w)", text, re.IGNORECASE):
            return True
    return False


def answer_text(item: Answerable, text: str) -> str:
    """The text sent: the person's words, after a mention of the author where the network needs one."""
    mention = item.author_mention
    if mention and item.network == "mastodon" and not _names(text, mention):
        return f"{mention} {text.lstrip()}"
    return text


def prefill(item: Answerable) -> str:
    """What the answer box starts with (the mention, so that the counter counts what will be sent)."""
    return f"{item.author_mention} " if item.network == "mastodon" and item.author_mention else ""


def new_answer(item: Answerable, text: str, now: datetime, answered: Answered = INBOX) -> posts.NewPost:
    assert item.id is not None
    return posts.NewPost(
        text=answer_text(item, text),
        targets=(posts.NewTarget(item.network, item.account_id),),
        scheduled_utc=now.astimezone(UTC),
        origin=f"{answered.origin}{item.id}",
        reply_to=reply_to(item),
        **{answered.link_field: item.id},  # type: ignore[arg-type]
    )


def account_limits(account: Account | None) -> ServerLimits | None:
    """What the account's server announced (a Mastodon server's own character limit), for the rules."""
    return ServerLimits.from_json(account.server_limits) if account is not None else None


def check_answer(
    item: Answerable, text: str, account: Account | None, data_dir: Path, renditions_dir: Path, now: datetime
) -> list[posts.Problem]:
    """The composer's checks for the answer on the item's network (the length counted as that network does)."""
    new = new_answer(item, text, now)
    announced = account_limits(account)
    return posts.check(new, data_dir, renditions_dir, {item.account_id: announced} if announced else None)


def refusal(item: Answerable | None, text: str | None = None) -> AnswerRefused | None:
    """Why this item cannot be answered (with `text`) at all, before any check of the words."""
    from cm_desktop.core.networks import name_of as network_name

    if item is None:
        return AnswerRefused(m.NO_SUCH_ITEM, item="?")
    if isinstance(item, InboxItem) and item.kind not in ANSWERABLE:
        return AnswerRefused(m.NOTHING_TO_ANSWER, kind=m.KIND_WORDS.get(item.kind, m.KIND_WORDS["like"]))
    if item.gone == "blocked":
        return AnswerRefused(m.BLOCKED, network=network_name(item.network))
    if item.gone:
        return AnswerRefused(m.POST_GONE, network=network_name(item.network))
    if text is not None and not text.strip():
        return AnswerRefused(m.EMPTY_ANSWER)
    return None


def pending(session: Session, item_id: int, answered: Answered = INBOX) -> bool:
    """An answer to the item is queued or being sent (so a second click does not send a second answer)."""
    found = session.exec(
        select(PostTarget.id)
        .join(PostReply, col(PostReply.post_id) == col(PostTarget.post_id))
        .where(
            col(answered.link) == item_id,
            col(PostTarget.state).in_((targets.SCHEDULED, targets.SENDING, targets.NEEDS_REVIEW)),
        )
    ).first()
    return found is not None


def queue_answer(
    store: Store,
    item_id: int,
    text: str,
    now: datetime,
    *,
    data_dir: Path,
    renditions_dir: Path,
    lang: Lang = "en",
    answered: Answered = INBOX,
) -> Queued:
    """Queue the answer in the outbox (it sends it). Raises AnswerRefused with what to fix."""
    with store.session() as session:
        item = session.get(answered.table, item_id)
        refused = refusal(item, text)
        if refused is not None:
            if item is None:
                refused.params["item"] = item_id
            raise refused
        assert item is not None
        account = session.get(Account, item.account_id)
        if account is None:
            raise AnswerRefused(m.NO_ACCOUNT)
        if pending(session, item_id, answered):
            raise AnswerRefused(m.ANSWER_PENDING)
    problems = posts.blocking(check_answer(item, text, account, data_dir, renditions_dir, now))
    if problems:
        raise AnswerRefused(m.ANSWER_BLOCKED, issues=[p.issue.text(lang) for p in problems])
    new = new_answer(item, text, now, answered)
    with store.session() as session:
        if pending(session, item_id, answered):  # queued meanwhile by another window or the command line
            raise AnswerRefused(m.ANSWER_PENDING)
        post_id, target_ids = posts.create(session, new, now, queue=True)
        session.exec(
            update(answered.table)
            .where(col(answered.table.id) == item_id)
            .values(**dict(answered.on_answer))
            .execution_options(synchronize_session=False)
        )
        session.commit()
    return Queued(item_id, post_id, target_ids[0], new.text)


def answer_states(session: Session, item_ids: Sequence[int], answered: Answered = INBOX) -> dict[int, str]:
    """Each item's answer as it stands: answered (the network confirmed), on its way, not sent, or to check."""
    if not item_ids:
        return {}
    rank = {
        targets.PUBLISHED: ANSWERED,
        targets.SCHEDULED: ON_ITS_WAY,
        targets.SENDING: ON_ITS_WAY,
        targets.NEEDS_REVIEW: NEEDS_LOOK,
        targets.FAILED: NOT_SENT,
    }
    order = (ANSWERED, ON_ITS_WAY, NEEDS_LOOK, NOT_SENT)
    found: dict[int, str] = {}
    for start in range(0, len(item_ids), 500):
        rows = session.exec(
            select(answered.link, PostTarget.state)
            .join(PostTarget, col(PostTarget.post_id) == col(PostReply.post_id))
            .where(col(answered.link).in_(list(item_ids[start : start + 500])))
        ).all()
        for item_id, state in rows:
            state_word = rank.get(state)
            if item_id is None or state_word is None:
                continue
            current = found.get(item_id)
            if current is None or order.index(state_word) < order.index(current):
                found[item_id] = state_word
    return found


# --- read, archive ------------------------------------------------------------------------------------


def mark_read(store: Store, item_ids: Sequence[int] | None, *, read: bool = True) -> list[int]:
    """Mark items read here (all unread ones with None); returns the accounts whose seen mark may move."""
    with store.session() as session:
        query = select(InboxItem.id, InboxItem.account_id).where(col(InboxItem.read).is_(not read))
        if item_ids is not None:
            query = query.where(col(InboxItem.id).in_(list(item_ids)))
        rows = session.exec(query).all()
        ids = [i for i, _ in rows if i is not None]
        for start in range(0, len(ids), 500):
            session.exec(
                update(InboxItem)
                .where(col(InboxItem.id).in_(ids[start : start + 500]))
                .values(read=read)
                .execution_options(synchronize_session=False)
            )
        session.commit()
    return sorted({a for _, a in rows})


def _set(store: Store, item_ids: Sequence[int], table: Any = InboxItem, **values: Any) -> None:
    """Columns of some items (of `table`), in one committed UPDATE."""
    with store.session() as session:
        session.exec(
            update(table)
            .where(col(table.id).in_(list(item_ids)))
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        session.commit()


def archive(store: Store, item_ids: Sequence[int], *, archived: bool = True) -> None:
    """Out of the list (and read): the person dealt with it elsewhere or does not need to."""
    _set(store, item_ids, archived=archived, **({"read": True} if archived else {}))


def mark_gone(store: Store, item_id: int, why: str) -> None:
    """The network says the item's post is deleted ("deleted") or blocked ("blocked"): no answer offered."""
    _set(store, [item_id], gone=why)


# --- likes ----------------------------------------------------------------------------------------------

LIKE_WAITING, LIKE_SENDING, LIKE_DONE, LIKE_FAILED = "waiting", "sending", "done", "failed"


def request_like(store: Store, item_id: int, new_key: Callable[[], str], answered: Answered = INBOX) -> bool:
    """The person likes the item's post: its key is made and committed now, sent by `send_likes`. False
    when it was liked (or asked) already."""
    table = answered.table
    with store.session() as session:
        item = session.get(table, item_id)
        if item is None:
            raise AnswerRefused(m.NO_SUCH_ITEM, item=item_id)
        if (isinstance(item, InboxItem) and item.kind not in ANSWERABLE) or not item.post_id:
            raise AnswerRefused(m.NOTHING_TO_LIKE)
        if item.like_state in (LIKE_WAITING, LIKE_SENDING, LIKE_DONE):
            return False
        result = session.exec(
            update(table)
            .where(col(table.id) == item_id, col(table.like_state).in_(("", LIKE_FAILED)))
            .values(like_state=LIKE_WAITING, like_key=item.like_key or new_key())
            .execution_options(synchronize_session=False)
        )
        session.commit()
        return bool(result.rowcount)


@dataclass(frozen=True)
class LikeOutcome:
    item_id: int
    state: str
    error: str = ""


def send_likes(
    store: Store,
    liker_for: Callable[[Account], Any],
    *,
    item_ids: Sequence[int] | None = None,
    answered: Answered = INBOX,
) -> list[LikeOutcome]:
    """Send the likes asked for (and those a crash left `sending`: the same key, so never a second like)."""
    table = answered.table
    with store.session() as session:
        query = select(table, Account).join(Account, col(Account.id) == col(table.account_id))
        query = query.where(col(table.like_state).in_((LIKE_WAITING, LIKE_SENDING)))
        if item_ids is not None:
            query = query.where(col(table.id).in_(list(item_ids)))
        work = list(session.exec(query).all())
    outcomes: list[LikeOutcome] = []
    likers: dict[int, Any] = {}
    try:
        for item, account in work:
            assert item.id is not None and account.id is not None
            outcomes.append(_send_like(store, item, account, likers, liker_for, table))
    finally:
        for liker in likers.values():
            release(liker)
    return outcomes


def send_once(mark: Callable[[str], None], act: Callable[[], object]) -> tuple[str, str]:
    """One request whose key is committed already (a like, a follow): `sending` is committed before it
    leaves; returns (state, what went wrong). Nothing arrived: waiting, sent again later. It may have
    arrived: left `sending`, sent again with the same key (which finds the first) next time."""
    mark(LIKE_SENDING)
    try:
        act()
    except (NotSent, RateLimited) as exc:
        mark(LIKE_WAITING)
        return LIKE_WAITING, type(exc).__name__
    except AuthExpired as exc:
        mark(LIKE_FAILED)
        return LIKE_FAILED, exc.code or "auth"
    except Refused as exc:
        mark(LIKE_FAILED)
        return LIKE_FAILED, exc.server_reason or str(exc)
    except NetworkError as exc:
        return LIKE_SENDING, type(exc).__name__
    mark(LIKE_DONE)
    return LIKE_DONE, ""


def _send_like(
    store: Store,
    item: Answerable,
    account: Account,
    likers: dict[int, Any],
    liker_for: Callable[[Account], Any],
    table: Any = InboxItem,
) -> LikeOutcome:
    assert item.id is not None and account.id is not None
    item_id = item.id

    def like() -> None:
        liker = likers.get(item.account_id)
        if liker is None:
            liker = likers[item.account_id] = liker_for(account)
        if not isinstance(liker, Liking):
            raise Refused(m.NOTHING_TO_LIKE, code="no_like")
        liker.like(item.post_id, item.post_cid, item.like_key)

    state, error = send_once(lambda state: _set(store, [item_id], table, like_state=state), like)
    return LikeOutcome(item_id, state, error)


def like_error(outcome: LikeOutcome, network: str, lang: Lang) -> str:
    from cm_desktop.core.networks import name_of as network_name

    if outcome.state != LIKE_FAILED:
        return ""
    if outcome.error in ("auth", "suspended", "auth_expired"):
        return m.LIKE_NEEDS_PERMISSION.get(lang, network=network_name(network))
    return m.LIKE_FAILED.get(lang, network=network_name(network), reason=outcome.error or "—")


def limits_by_account(store: Store) -> Mapping[int, ServerLimits]:
    with store.session() as session:
        return {
            a.id: ServerLimits.from_json(a.server_limits) for a in session.exec(select(Account)).all() if a.id
        }
