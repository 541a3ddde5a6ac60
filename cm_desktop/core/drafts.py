"""Saving what the person is writing, and turning a draft into a scheduled post.

The composer calls these off the GUI thread. A draft is one Post with one PostTarget per chosen network and
its Media rows; saving replaces the draft's targets and media in one transaction, so a crash mid-save leaves
the previous version intact (SQLite rolls back the unfinished transaction).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import and_, not_, or_
from sqlmodel import Session, col, delete, select

from cm_desktop.core import posts, targets
from cm_desktop.core.i18n import Text
from cm_desktop.core.models import Account, Media, Post, PostTarget, TargetState, utcnow
from cm_desktop.core.ports import ServerLimits
from cm_desktop.core.posts import NewTarget, PostImage
from cm_desktop.core.schedule import Problem, Severity, to_utc, validate_schedule
from cm_desktop.core.store import Store


@dataclass(frozen=True)
class Draft:
    text: str
    targets: tuple[NewTarget, ...] = ()
    media: tuple[PostImage, ...] = ()
    post_id: int | None = None
    updated_at: datetime | None = field(default=None, compare=False)


NO_TARGET = Text(
    en="Choose at least one network for this post.",
    fr="Choisissez au moins un réseau pour cette publication.",
)
NOTHING_TO_POST = Text(
    en="The post is empty: write some text or add a picture.",
    fr="La publication est vide : écrivez un texte ou ajoutez une image.",
)


def save_draft(store: Store, draft: Draft) -> int:
    """Create or update the draft; returns its post id."""
    now = utcnow()
    with store.session() as session:
        post = session.get(Post, draft.post_id) if draft.post_id is not None else None
        if post is None:
            post_id, _ = posts.create(
                session, posts.NewPost(draft.text, draft.targets, draft.media), now, queue=False
            )
            session.commit()
            return post_id
        post.text = draft.text
        post.updated_at = now
        session.add(post)
        assert post.id is not None
        # Only targets still in draft are rewritten: one already sent or queued is never replaced here.
        targets.discard_drafts(session, post.id)
        session.exec(delete(Media).where(col(Media.post_id) == post.id))
        live = _live_targets(session, post.id)
        for target in draft.targets:
            current = live.get(_target_key(target.network, target.account_id))
            if current is not None:
                # A scheduled (or failed) post opened again: the edit applies to its own target. A second
                # target for the same account would publish the post twice.
                if current.state in targets.EDITABLE:
                    current.text_override = target.text_override
                    session.add(current)
                continue
            session.add(
                PostTarget(
                    post_id=post.id,
                    network=target.network,
                    account_id=target.account_id,
                    text_override=target.text_override,
                    state=TargetState.DRAFT.value,
                )
            )
        posts.write_media(session, post.id, draft.media)
        session.commit()
        return post.id


def _target_key(network: str, account_id: int | None) -> tuple[int | None, str]:
    # An account's target is that account's; an assisted one is its network's.
    return (account_id, "") if account_id is not None else (None, network)


def _live_targets(session: Session, post_id: int) -> dict[tuple[int | None, str], PostTarget]:
    """The post's targets that are past the draft stage, by account (or network), except those withdrawn.

    A target whose server copy is being cancelled (back to drafts) is left to the outbox: the draft target
    that replaced it is the one the person edits.
    """
    live: dict[tuple[int | None, str], PostTarget] = {}
    for target in session.exec(
        select(PostTarget).where(
            col(PostTarget.post_id) == post_id, col(PostTarget.state) != TargetState.DRAFT.value
        )
    ):
        if not targets.withdrawing(target):
            live[_target_key(target.network, target.account_id)] = target
    return live


ALREADY_OUT = Text(
    en="This post has already gone out. To publish it again, duplicate it from the calendar.",
    fr="Cette publication est déjà partie. Pour la publier à nouveau, dupliquez-la depuis le calendrier.",
)


def load_draft(store: Store, post_id: int) -> Draft | None:
    with store.session() as session:
        post = session.get(Post, post_id)
        if post is None:
            return None
        targets = session.exec(
            select(PostTarget).where(col(PostTarget.post_id) == post_id).order_by(col(PostTarget.id))
        ).all()
        media = session.exec(
            select(Media).where(col(Media.post_id) == post_id).order_by(col(Media.position))
        ).all()
        # Targets queued from the command line name only their account: their network is the account's.
        networks = {
            a.id: a.network
            for a in session.exec(
                select(Account).where(col(Account.id).in_([t.account_id for t in targets if t.account_id]))
            )
        }
        return Draft(
            post_id=post.id,
            text=post.text,
            updated_at=post.updated_at,
            targets=tuple(
                NewTarget(t.network or networks.get(t.account_id or 0, ""), t.account_id, t.text_override)
                for t in targets
            ),
            media=tuple(
                PostImage(
                    stored_path=m.stored_path,
                    sha256=m.sha256,
                    mime_type=m.mime_type,
                    width=m.width,
                    height=m.height,
                    alt=m.alt_text,
                    focal=(m.focal_x, m.focal_y),
                )
                for m in media
            ),
        )


@dataclass(frozen=True)
class ConnectedAccount:
    """A connected account as the composer offers it: one toggle, the name and handle its previews show."""

    id: int
    network: str
    display_name: str = ""
    handle: str = ""
    status: str = "ok"
    # What the account's server announced (a Mastodon instance's characters, picture sizes...).
    limits: ServerLimits = field(default_factory=ServerLimits)


def connected_accounts(store: Store) -> list[ConnectedAccount]:
    """Every connected account, in the order they were added."""
    with store.session() as session:
        rows = session.exec(select(Account).order_by(col(Account.id))).all()
    found = []
    for row in rows:
        assert row.id is not None
        limits = ServerLimits.from_json(row.server_limits)
        found.append(ConnectedAccount(row.id, row.network, row.display_name, row.handle, row.status, limits))
    return found


def latest_draft(store: Store) -> Draft | None:
    """The draft the person was last writing (to restore after a crash or a restart)."""
    with store.session() as session:
        scheduled = select(PostTarget.post_id).where(col(PostTarget.state) != TargetState.DRAFT.value)
        # The plan's ideas are posts too, but not hers until she works on one (saving moves updated_at).
        untouched_idea = and_(
            or_(col(Post.origin).startswith("idea:"), col(Post.origin).startswith("moment:")),
            col(Post.updated_at) == col(Post.created_at),
        )
        post_id = session.exec(
            select(Post.id)
            .where(col(Post.scheduled_utc).is_(None), col(Post.id).not_in(scheduled), not_(untouched_idea))
            .order_by(col(Post.updated_at).desc())
            .limit(1)
        ).first()
    return load_draft(store, post_id) if post_id is not None else None


def readiness_problems(draft: Draft) -> list[Text]:
    problems = []
    if not draft.targets:
        problems.append(NO_TARGET)
    if not draft.text.strip() and not draft.media:
        problems.append(NOTHING_TO_POST)
    return problems


def schedule_draft(store: Store, post_id: int, local: datetime, zone: str, now: datetime) -> list[Problem]:
    """Queue every draft target of the post for `local` in `zone`. Returns the problems; empty means done.

    Refused: past times, and times that do not exist because of a DST change.
    """
    problems = validate_schedule(local, zone, now)
    if any(p.severity is Severity.ERROR for p in problems):
        return problems
    due = to_utc(local, zone)
    with store.session() as session:
        post = session.get(Post, post_id)
        if post is None:
            raise KeyError(post_id)
        if not targets.queue(session, post_id, due, utcnow()):
            session.rollback()
            return [Problem("already_out", Severity.ERROR, ALREADY_OUT)]
        post.local_time, post.time_zone, post.scheduled_utc = local, zone, due
        post.updated_at = utcnow()
        session.add(post)
        session.commit()
    return problems


def publish_now(store: Store, post_id: int, now: datetime) -> None:
    """Queue the post for right now: the outbox sends it as soon as it is online."""
    local = now.astimezone(UTC).replace(tzinfo=None)
    with store.session() as session:
        post = session.get(Post, post_id)
        if post is None:
            raise KeyError(post_id)
        if not targets.queue(session, post_id, now, utcnow()):
            session.rollback()  # everything has gone out already: the post keeps its own time
            return
        post.local_time, post.time_zone, post.scheduled_utc = local, "UTC", now
        post.updated_at = utcnow()
        session.add(post)
        session.commit()


_HASHTAG = re.compile(r"(?<![\w#])#(\w{2,64})", re.UNICODE)


def hashtag_suggestions(store: Store, prefix: str = "", limit: int = 8) -> list[str]:
    """The person's own hashtags, most used first, that start with `prefix` (case-insensitive)."""
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    with store.session() as session:
        texts: Sequence[str] = session.exec(select(Post.text).order_by(col(Post.id).desc()).limit(500)).all()
    for text in texts:
        for tag in _HASHTAG.findall(text):
            key = tag.casefold()
            counts[key] += 1
            spelling.setdefault(key, tag)
    wanted = prefix.lstrip("#").casefold()
    return [f"#{spelling[key]}" for key, _ in counts.most_common() if key.startswith(wanted)][:limit]


NO_SLOTS = Text(
    en="You have no posting times yet. Set them in the Calendar, or choose “Schedule…”.",
    fr="Vous n'avez pas encore d'horaires de publication. Réglez-les dans le Calendrier, ou choisissez « Programmer… ».",
)


def queue_draft(
    store: Store, post_id: int, networks: Sequence[str], zone: str, now: datetime
) -> tuple[datetime | None, list[Text | Problem]]:
    """Schedule the draft at the next free posting time of its networks. Returns (local time, problems)."""
    from cm_desktop.core.models import Slot
    from cm_desktop.core.schedule import from_utc, next_free_slot

    with store.session() as session:
        slots = [
            (s.weekday, s.minute_of_day)
            for s in session.exec(select(Slot).where(col(Slot.network).in_(list(networks))))
        ]
        # Only times still ahead can collide with a new slot.
        taken = set(session.exec(select(Post.scheduled_utc).where(col(Post.scheduled_utc) > now)).all()) - {
            None
        }
    if not slots:
        return None, [NO_SLOTS]
    local = from_utc(next_free_slot(slots, zone, now, taken), zone)  # type: ignore[arg-type]
    problems = schedule_draft(store, post_id, local, zone, now)
    if any(p.severity is Severity.ERROR for p in problems):
        return None, list(problems)
    return local, []
