"""Render the Sending page, the publish assistant and the late-post question to PNG (en/fr, light/dark).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_outbox.py shots/outbox

A store is filled with one post in each state a person meets: to publish by hand, late, to check, failed,
on its way, published. Look at every picture before calling the screens done.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cm_desktop.core.posts import PostImage

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QWidget

from cm_desktop.core.media import import_original
from cm_desktop.core.models import Account, PostTarget
from cm_desktop.core.outbox import NoConnector, Outbox, OutboxPolicy, queue_post
from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import Store, open_store
from cm_desktop.ui.app import make_application
from cm_desktop.ui.i18n import Translations
from cm_desktop.ui.outbox.controller import OutboxController
from cm_desktop.ui.tasks import SyncTaskRunner
from scripts.screenshots import dark_palette, settle

NOW = datetime(2026, 12, 4, 16, 0, tzinfo=UTC)


def seed(store: Store, data: Path, home: Path) -> None:
    with store.session() as session:
        bluesky = Account(network="bluesky", handle="atelier-lune.bsky.social", remote_id="did:plc:1")
        mastodon = Account(network="mastodon", handle="@atelierlune@piaille.fr", remote_id="1")
        session.add(bluesky)
        session.add(mastodon)
        session.commit()
        assert bluesky.id is not None and mastodon.id is not None
        b, m = bluesky.id, mastodon.id
    source = home / "vase.jpg"
    image = Image.new("RGB", (1500, 1200), (214, 140, 90))
    for x in range(400, 1100):
        for y in range(300, 1000, 7):
            image.putpixel((x, y), (90, 60, 140))
    image.save(source, quality=90)
    stored, sha = import_original(source, data / "media")
    picture = PostImage(
        stored_path=str(stored.relative_to(data)), sha256=sha, mime_type="image/jpeg", width=1500, height=1200
    )
    text = "Marché de Noël samedi 🎄 : venez voir nos nouveaux vases en grès, faits main à Lyon ! #artisanat"
    queue_post(
        store,
        text=text,
        account_ids=[],
        when_utc=NOW - timedelta(minutes=5),
        assisted_networks=["instagram"],
        images=[picture],
        now=NOW,
    )
    queue_post(
        store,
        text="Atelier ouvert dimanche de 10 h à 18 h.",
        account_ids=[b],
        when_utc=NOW - timedelta(hours=9),
        now=NOW,
    )
    _p, (unclear,) = queue_post(
        store,
        text="Nouvelle fournée de tasses 🍵",
        account_ids=[m],
        when_utc=NOW - timedelta(days=1),
        now=NOW,
    )
    _p, (refused,) = queue_post(
        store,
        text="Soldes d'hiver : -30 % sur la vaisselle",
        account_ids=[m],
        when_utc=NOW - timedelta(hours=2),
        now=NOW,
    )
    queue_post(
        store,
        text="Les coulisses du four, en images.",
        account_ids=[b, m],
        when_utc=NOW + timedelta(days=2),
        now=NOW,
    )
    _p, (sent,) = queue_post(
        store,
        text="Merci pour vos visites ce week-end !",
        account_ids=[b],
        when_utc=NOW - timedelta(days=3),
        now=NOW,
    )
    # Published by hand on Facebook: its row offers "How did it go?" (the Results page's figures).
    _p, (by_hand,) = queue_post(
        store,
        text="Portes ouvertes samedi : venez tourner votre premier bol !",
        account_ids=[],
        when_utc=NOW - timedelta(days=2),
        assisted_networks=["facebook"],
        now=NOW,
    )
    with store.session() as session:
        for target_id, state, code, detail in (
            (unclear, "needs_review", "unclear", ""),
            (refused, "failed", "refused", "Text character limit of 500 exceeded"),
            (sent, "published", "", ""),
            (by_hand, "published", "", ""),
        ):
            row = session.get(PostTarget, target_id)
            assert row is not None
            row.state, row.last_error_code, row.last_error_message = state, code, detail
            if state == "published" and target_id == sent:
                row.published_at = NOW - timedelta(days=3)
                row.remote_url = "https://bsky.app/profile/atelier-lune.bsky.social/post/3l"
            elif state == "published":
                row.published_at = NOW - timedelta(days=2)
            session.add(row)
        session.commit()


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv[:1])
    app.setStyle("Fusion")
    translations = Translations(app)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        data = home / "data"
        store = open_store(data / "db.sqlite3", data / "backups")
        seed(store, data, home)
        clock = ManualClock(NOW)
        engine = Outbox(
            store,
            lambda a: (_ for _ in ()).throw(NoConnector(a.network)),
            clock,
            policy=OutboxPolicy(native_networks=frozenset()),
        )
        window = QWidget()
        controller = OutboxController(
            store, engine.run, SyncTaskRunner(), clock, "Europe/Paris", lambda: translations.language,
            data_dir=data, renditions_dir=data / "renditions", show_notification=lambda _t, _m: True,
            open_url=lambda _u: True, clipboard=app.clipboard(), window=window,
        )  # fmt: skip
        controller.start()  # moves the hand-published and the late posts to "waiting for you"
        page = controller.page
        for scheme in ("light", "dark"):
            app.styleHints().setColorScheme(Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
            app.setPalette(dark_palette() if scheme == "dark" else app.style().standardPalette())
            for lang in ("en", "fr"):
                translations.apply(lang)
                settle(app)
                for w, h in ((1090, 800), (834, 640)):  # the page area of 1280x800 and 1024x640 windows
                    page.resize(w, h)
                    page.show()
                    settle(app)
                    page.grab().save(str(out / f"sending-{lang}-{scheme}-{w}x{h}.png"))
                    scroll = page.findChild(QScrollArea)
                    assert scroll is not None
                    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())  # what went out
                    settle(app)
                    page.grab().save(str(out / f"sending-{lang}-{scheme}-{w}x{h}-end.png"))
                    scroll.verticalScrollBar().setValue(0)
                page.hide()
                controller.open_assistant(None)
                settle(app)
                dialog = controller.dialog
                assert dialog is not None
                dialog.adjustSize()
                settle(app)
                dialog.grab().save(str(out / f"assistant-{lang}-{scheme}.png"))
                dialog.reject()
                settle(app)
                controller.open_late(None)
                settle(app)
                late = controller.dialog
                assert late is not None
                late.adjustSize()
                settle(app)
                late.grab().save(str(out / f"late-{lang}-{scheme}.png"))
                late.reject()
                settle(app)
        translations.apply("en")
        store.close()
    print(out)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "shots/outbox"))
