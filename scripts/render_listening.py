"""Render the Listening page in the main window to PNG (en/fr, light/dark, 1280x800 and 1024x640).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_listening.py shots/listening

A store is filled with what a florist in Lyon hears in a week: three saved searches (one on a Mastodon server
without full-text search, one paused), posts found (new ones, one answered, one liked, one kept as an idea),
and the person's own post left out. No network is asked. Four pictures per language, scheme and size: a post
open with an answer being written; one search chosen with its note; the "add a search" dialog with the
profile's ideas; and an account with no search yet (the empty state). Look at every picture.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from cm_desktop.core.listening.run import ListenRun
from cm_desktop.core.models import Account, Post, PostReply, PostTarget, Watch, WatchResult
from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import Store, open_store
from cm_desktop.ui.app import make_application
from cm_desktop.ui.i18n import Translations
from cm_desktop.ui.listening.controller import ListeningController, ListeningServices
from cm_desktop.ui.main_window import MainWindow
from cm_desktop.ui.tasks import SyncTaskRunner
from scripts.screenshots import SIZES, dark_palette
from scripts.screenshots import settle as settle_events

NOW = datetime(2026, 12, 4, 16, 0, tzinfo=UTC)  # a Friday


def settle(app: QApplication) -> None:
    """Events, and the widgets given up meanwhile really gone (as the app's event loop does)."""
    settle_events(app)
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    settle_events(app)


def result(
    watch: int, account: int, network: str, n: int, who: str, handle: str, text: str, **values: object
) -> WatchResult:
    values.setdefault("url", f"https://bsky.app/profile/{handle}/post/{n}")
    return WatchResult(
        watch_id=watch,
        account_id=account,
        network=network,
        post_id=f"post-{n}",
        text=text,
        created_at=NOW - timedelta(minutes=25 * n),
        found_at=NOW,
        author_handle=handle,
        author_name=who,
        author_id=f"did:plc:{n}",
        **values,  # type: ignore[arg-type]
    )


def seed(store: Store) -> None:
    with store.session() as session:
        bluesky = Account(network="bluesky", handle="fleurs-de-marie.bsky.social", remote_id="did:plc:shop")
        mastodon = Account(network="mastodon", handle="@fleursdemarie@piaille.fr", remote_id="1")
        session.add(bluesky)
        session.add(mastodon)
        session.flush()
        b, m = bluesky.id or 0, mastodon.id or 0
        first = Watch(account_id=b, query="fleuriste Lyon", last_run_at=NOW - timedelta(minutes=5))
        second = Watch(account_id=m, query="fleuriste Lyon", limited="words_as_tags", last_run_at=NOW)
        third = Watch(account_id=b, query="#mariage", paused=True)
        for watch in (first, second, third):
            session.add(watch)
        session.flush()
        w1, w2, w3 = first.id or 0, second.id or 0, third.id or 0
        rows = [
            result(w1, b, "bluesky", 1, "Camille R.", "camille-r.bsky.social",
                   "Bonjour Lyon ! Quelqu'un connaît un fleuriste pour un mariage en juin, vers la Croix-Rousse ? "
                   "On cherche des fleurs de saison, pas trop chères 💐"),
            result(w2, m, "mastodon", 2, "Paul Martin", "@paul@piaille.fr",
                   "Besoin d'un bouquet pour demain matin, un fleuriste ouvert le dimanche à Lyon ? #fleuriste #lyon",
                   url="https://piaille.fr/@paul/2"),
            result(w1, b, "bluesky", 3, "Léa", "lea.bsky.social",
                   "Le fleuriste de la rue d'Austerlitz à Lyon a fait un travail magnifique pour l'anniversaire de ma mère",
                   seen=True, like_state="done"),
            result(w1, b, "bluesky", 5, "Atelier Végétal", "atelier-vegetal.bsky.social",
                   "Atelier composition florale samedi à Lyon, il reste 2 places ! Qui veut venir ? fleuriste",
                   seen=True),
            result(w3, b, "bluesky", 7, "Sophie", "sophie.bsky.social",
                   "Nos fleurs de #mariage étaient parfaites, merci au fleuriste de Lyon 7e !", seen=True),
        ]  # fmt: skip
        for row in rows:
            session.add(row)
        session.flush()
        answered = rows[3]
        post = Post(
            text="Bonjour ! Nous organisons aussi des ateliers.", origin=f"answer:heard:{answered.id}"
        )
        session.add(post)
        session.flush()
        session.add(PostReply(post_id=post.id or 0, watch_result_id=answered.id, parent_id="post-5"))
        session.add(
            PostTarget(post_id=post.id or 0, account_id=b, state="published", remote_id="at://shop/a")
        )
        idea = Post(text="Entendu sur Bluesky", origin=f"idea:listening:{rows[4].id}")
        session.add(idea)
        session.flush()
        rows[4].idea_post_id = idea.id
        session.add(rows[4])
        session.commit()


def controller_for(store: Store, data: Path, translations: Translations) -> ListeningController:
    services = ListeningServices(run=ListenRun, send_likes=lambda: [], send_follows=lambda: [])
    controller = ListeningController(
        store, services, SyncTaskRunner(), ManualClock(NOW), "Europe/Paris", lambda: translations.language,
        open_url=lambda _u: True, data_dir=data, renditions_dir=data / "renditions", new_key=lambda: "3k",
        tick_ms=3_600_000,
    )  # fmt: skip
    controller.page.set_profile("Fleurs de Marie", "Lyon", "shop", "fleuriste")
    return controller


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv[:1])
    app.setStyle("Fusion")
    translations = Translations(app)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        store = open_store(data / "db.sqlite3", data / "backups")
        seed(store)
        empty_store = open_store(data / "empty.sqlite3", data / "backups")
        with empty_store.session() as session:
            session.add(Account(network="bluesky", handle="fleurs-de-marie.bsky.social"))
            session.commit()
        window = MainWindow(QWidget(), QSettings(str(Path(tmp) / "w.ini"), QSettings.Format.IniFormat))
        controller = controller_for(store, data, translations)
        window.set_page("listening", controller.page)
        controller.new_changed.connect(lambda n: window.set_badge("listening", n))
        window.set_badge("listening", 2)
        window.show()
        window.show_page("inbox")  # the badge as the person sees it before opening the page
        controller.start()
        settle(app)
        window.grab().save(str(out / "listening-badge.png"))
        window.show_page("listening")
        second = MainWindow(QWidget(), QSettings(str(Path(tmp) / "w2.ini"), QSettings.Format.IniFormat))
        empty = controller_for(empty_store, data, translations)
        second.set_page("listening", empty.page)
        empty.start()
        second.show()
        second.show_page("listening")
        for scheme in ("light", "dark"):
            app.styleHints().setColorScheme(Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
            app.setPalette(dark_palette() if scheme == "dark" else app.style().standardPalette())
            for lang in ("en", "fr"):
                translations.apply(lang)
                settle(app)
                for size_name, (w, h) in SIZES.items():
                    stem = out / f"listening-{lang}-{scheme}-{size_name}"
                    window.resize(w, h)
                    shoot(app, window, controller, stem)
                    second.resize(w, h)
                    settle(app)
                    second.grab().save(str(stem) + "-empty.png")
                    empty.page.open_dialog(editing=False)
                    settle(app)
                    empty.page.dialog.field.setText("#")
                    settle(app)
                    empty.page.dialog.grab().save(str(stem) + "-dialog.png")
                    empty.page.dialog.reject()
        translations.apply("en")
        store.close()
        empty_store.close()
    print(out)


def shoot(app: QApplication, window: MainWindow, controller: ListeningController, stem: Path) -> None:
    page = controller.page
    page.watch_choice.setCurrentIndex(0)
    page._watch_chosen(0)
    settle(app)
    page.list.clearSelection()
    page.list.setCurrentIndex(page.model.index(0, 0))
    settle(app)
    page.pane.answer.setPlainText(
        "Bonjour Camille ! Nous faisons les mariages, passez nous voir rue Burdeau."
    )
    settle(app)
    window.grab().save(str(stem) + "-post.png")
    page.watch_choice.setCurrentIndex(2)
    page._watch_chosen(2)
    settle(app)
    page.list.setCurrentIndex(page.model.index(0, 0))
    settle(app)
    window.grab().save(str(stem) + "-search.png")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "shots/listening"))
