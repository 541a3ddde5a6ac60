"""core/posts.py on a real store and real pictures: one way to create a post, paths kept relative to the data
folder (old absolute ones migrated), and the checks judged by what the media pipeline really sends."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import select

from cm_desktop.core import posts
from cm_desktop.core.models import Account, Media, PostTarget
from cm_desktop.core.rules import ImageFacts, Severity, preflight
from cm_desktop.core.store import Store, current_revision, open_store
from tests.unit.test_store import _create_at_revision

NOW = datetime(2027, 3, 20, 10, 0, tzinfo=UTC)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def store(data: Path) -> Iterator[Store]:
    opened = open_store(data / "cm-desktop.sqlite3", data / "backups")
    yield opened
    opened.close()


def _photo(path: Path, size: tuple[int, int], quality: int = 95) -> Path:
    """A phone-like photo: noise compresses badly, so it is heavy like a real one."""
    Image.effect_noise(size, 80).convert("RGB").save(path, quality=quality)
    return path


def _blocking(found: list[posts.Problem]) -> list[str]:
    return [p.issue.code for p in posts.blocking(found)]


def test_create_names_each_accounts_network_and_queues_at_the_time(store: Store) -> None:
    with store.session() as session:
        account = Account(network="bluesky", handle="atelier.test")
        session.add(account)
        session.commit()
        new = posts.NewPost(
            "Bonjour",
            (posts.NewTarget("", account.id), posts.NewTarget("instagram")),
            scheduled_utc=NOW,
        )
        post_id, target_ids = posts.create(session, new, NOW, queue=True)
        session.commit()
        rows = session.exec(select(PostTarget).where(PostTarget.post_id == post_id)).all()
    assert [(r.network, r.state) for r in rows] == [("bluesky", "scheduled"), ("instagram", "scheduled")]
    assert len(target_ids) == 2 and all(r.next_attempt_utc is not None for r in rows)


def test_a_queued_post_needs_its_time(store: Store) -> None:
    with store.session() as session, pytest.raises(ValueError):
        posts.create(session, posts.NewPost("x", (posts.NewTarget("x"),)), NOW, queue=True)


def test_pictures_are_kept_relative_to_the_data_folder(data: Path, tmp_path: Path) -> None:
    image = posts.import_picture(_photo(tmp_path / "a.jpg", (300, 200)), data, alt="Vitrine")
    assert image.stored_path.startswith("media/") and not Path(image.stored_path).is_absolute()
    assert posts.absolute(image.stored_path, data).is_file()
    assert (image.width, image.height, image.alt) == (300, 200, "Vitrine")


def test_the_migration_makes_absolute_picture_paths_relative(data: Path) -> None:
    db = data / "cm-desktop.sqlite3"
    _create_at_revision(db, "0003")
    inside = data / "media" / "ab.jpg"
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO post (id, text, time_zone, origin, created_at, updated_at) "
                 "VALUES (1, 't', 'UTC', '', '2027-01-01', '2027-01-01')")  # fmt: skip
    for position, path in enumerate((str(inside), "/elsewhere/photo.jpg", "media/cd.jpg")):
        conn.execute(
            "INSERT INTO media (post_id, position, sha256, stored_path, mime_type, width, height, alt_text, "
            "focal_x, focal_y) VALUES (1, ?, '', ?, '', 0, 0, '', 0.5, 0.5)",
            (position, path),
        )
    conn.commit()
    conn.close()
    opened = open_store(db, data / "backups")
    try:
        with opened.session() as session:
            stored = [m.stored_path for m in session.exec(select(Media).order_by(Media.position))]
    finally:
        opened.close()
    assert current_revision(db) == "0005"
    assert stored == ["media/ab.jpg", "/elsewhere/photo.jpg", "media/cd.jpg"]


def test_a_phone_photo_fits_bluesky_by_itself(data: Path, tmp_path: Path) -> None:
    """3000x2000 JPEG over 1 MB: the pipeline resizes it for Bluesky, so nothing blocks, a note says so."""
    photo = _photo(tmp_path / "phone.jpg", (3000, 2000))
    assert photo.stat().st_size > 1_000_000
    image = posts.import_picture(photo, data, alt="La boutique")
    new = posts.NewPost("Nouveautés", (posts.NewTarget("bluesky", 1),), (image,))
    found = posts.check(new, data, data / "renditions")
    assert _blocking(found) == []
    (note,) = [p.issue for p in found if p.issue.code == "image.fitted"]
    assert note.severity is Severity.TIP and (note.params["width"], note.params["height"]) == (2000, 1333)
    # The raw rules alone would have blocked it: the pipeline is what makes the difference.
    facts = ImageFacts(3000, 2000, photo.stat().st_size, "jpeg", "La boutique")
    assert "image.too_heavy" in [i.code for i in preflight("bluesky", "Nouveautés", [facts])]


@pytest.mark.parametrize("cut", [0.5, 0.02])
def test_a_damaged_picture_blocks_before_it_is_queued(data: Path, tmp_path: Path, cut: float) -> None:
    """A truncated JPEG, or one with little more than its header, passes the header check and only fails when
    decoded: the check decodes it, for every network, before anything is queued."""
    photo = _photo(tmp_path / "whole.jpg", (1200, 900))
    image = posts.import_picture(photo, data)
    stored = posts.absolute(image.stored_path, data)
    content = stored.read_bytes()
    stored.write_bytes(content[: max(int(len(content) * cut), 700)])
    new = posts.NewPost("Texte", (posts.NewTarget("bluesky", 1), posts.NewTarget("instagram")), (image,))
    found = posts.check(new, data, data / "renditions")
    assert sorted(p.network for p in posts.blocking(found) if p.issue.code == "image.unusable") == [
        "bluesky",
        "instagram",
    ]
    message = next(p.issue for p in found if p.issue.code == "image.unusable")
    assert message.text("fr").startswith("Image 1 : ")


def test_checks_use_the_accounts_own_server_limit(data: Path) -> None:
    new = posts.NewPost("a" * 600, (posts.NewTarget("mastodon", 7),))
    assert "text.too_long" in _blocking(posts.check(new, data, data / "r"))
    assert _blocking(posts.check(new, data, data / "r", {7: {"max_characters": 1000}})) == []
