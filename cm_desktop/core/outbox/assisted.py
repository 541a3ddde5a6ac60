"""Assisted publishing: networks without a direct connection, posted by the person with our help.

At its time the outbox moves such a target to `assisted_pending` (engine._to_assisted). The publish assistant
then shows what to post (text, prepared pictures, the network's own composer in the browser) and records the
person's answer here: posted (published), later (back in the queue at a new time) or skip (back to drafts).
Every answer is one conditional UPDATE, so a second click or a second window changes nothing.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlmodel import col, select

from cm_desktop.core import networks, targets
from cm_desktop.core.models import Media, Post, PostTarget, TargetState
from cm_desktop.core.outbox import messages as m
from cm_desktop.core.store import Store

ASSISTED = TargetState.ASSISTED_PENDING.value
DEFAULT_SNOOZE = timedelta(hours=1)

# Browsers and servers refuse very long addresses: past this, the text travels by the clipboard only.
MAX_INTENT_TEXT = 1500


def composer_url(network: str, text: str) -> str:
    """The address that opens the network's composer, with the text filled in where the network allows it
    (elsewhere the text travels by the clipboard)."""
    template = networks.get(network).compose_url if networks.known(network) else ""
    if "{text}" not in template:
        return template
    if len(text) > MAX_INTENT_TEXT:
        return template.split("?", 1)[0]
    return template.format(text=quote(text, safe=""))


@dataclass(frozen=True)
class AssistedImage:
    path: Path  # our own copy in the data folder (never the person's original)
    alt: str
    focal: tuple[float, float]


@dataclass(frozen=True)
class AssistedItem:
    """One post waiting to be published by hand on one network."""

    target_id: int
    post_id: int
    network: str
    text: str
    due_utc: datetime | None
    images: tuple[AssistedImage, ...]

    @property
    def composer_url(self) -> str:
        return composer_url(self.network, self.text)


def waiting(store: Store, data_dir: Path, *, target_id: int | None = None) -> list[AssistedItem]:
    """Targets waiting for the person, oldest due first (or just `target_id`, if it is waiting)."""
    with store.session() as session:
        query = select(PostTarget, Post).where(
            col(PostTarget.post_id) == col(Post.id), col(PostTarget.state) == ASSISTED
        )
        if target_id is not None:
            query = query.where(col(PostTarget.id) == target_id)
        rows: Sequence[Any] = session.exec(query.order_by(col(Post.scheduled_utc), col(PostTarget.id))).all()
        post_ids = {post.id for _target, post in rows}
        media = session.exec(
            select(Media).where(col(Media.post_id).in_(post_ids)).order_by(col(Media.position))
        ).all()
    by_post: dict[int, list[AssistedImage]] = {}
    for item in media:
        by_post.setdefault(item.post_id, []).append(
            AssistedImage(data_dir / item.stored_path, item.alt_text, (item.focal_x, item.focal_y))
        )
    items = []
    for target, post in rows:
        assert target.id is not None and post.id is not None
        text = target.text_override if target.text_override is not None else post.text
        items.append(
            AssistedItem(
                target_id=target.id,
                post_id=post.id,
                network=target.network,
                text=text,
                due_utc=post.scheduled_utc,
                images=tuple(by_post.get(post.id, ())),
            )
        )
    return items


def mark_posted(store: Store, target_id: int, now: datetime, url: str = "") -> bool:
    """ "I have posted it": the target is published (with its link when the person gave one)."""
    with store.session() as session:
        done = targets.posted_by_hand(session, target_id, now, url)
        session.commit()
    return done


def snooze(store: Store, target_id: int, now: datetime, delay: timedelta = DEFAULT_SNOOZE) -> bool:
    """ "Later": the target asks again after `delay`."""
    with store.session() as session:
        done = targets.later(session, target_id, now + delay, now)
        session.commit()
    return done


def skip(store: Store, target_id: int, now: datetime) -> bool:
    """ "Do not publish": the target goes back to the drafts, marked as skipped."""
    with store.session() as session:
        done = targets.skip(session, target_id, m.SKIPPED, now)
        session.commit()
    return done


def save_images(sources: Sequence[Path], folder: Path, stem: str) -> list[Path]:
    """Copy prepared pictures into `folder` as stem-1.jpg, stem-2.jpg…, never overwriting a file there."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    for number, source in enumerate(sources, start=1):
        name = f"{stem}-{number}{source.suffix.lower()}"
        target = folder / name
        extra = 2
        while target.exists():
            target = folder / f"{stem}-{number} ({extra}){source.suffix.lower()}"
            extra += 1
        shutil.copyfile(source, target)
        saved.append(target)
    return saved


def prepare_images(item: AssistedItem, cache_dir: Path) -> list[Path]:
    """The pictures as the network wants them (size, crop, no location data), through the media pipeline."""
    from cm_desktop.core.media import prepare

    # By hand there is no account and so no server limits: the network's own rendition.
    spec = networks.get(item.network).rendition
    return [prepare(image.path, spec, cache_dir, image.focal).path for image in item.images]
