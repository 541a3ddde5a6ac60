"""Render the Messages page in the main window to PNG (en/fr, light/dark, 1280x800 and 1024x640).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_messages.py shots/messages

A store is filled with what a small shop meets in a week: replies and a mention to answer, a quote, likes,
shares and new followers grouped per post, an answered message and a deleted one, and a network the app
cannot read (its "check your messages" card). No network is asked: the conversation comes from here.
Three pictures per language, scheme and size: a reply open with its conversation and an answer being
written; "Everything" with nothing selected (the cards); and an account with nothing yet (the empty state).
Look at every picture before calling the screen done.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from cm_desktop.core.inbox.sync import SyncRun
from cm_desktop.core.models import Account, InboxItem, Post, PostReply, PostTarget, Slot
from cm_desktop.core.ports import Author, RemotePost, Thread
from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import Store, open_store
from cm_desktop.ui.app import make_application
from cm_desktop.ui.i18n import Translations
from cm_desktop.ui.main_window import MainWindow
from cm_desktop.ui.messages.controller import InboxController, InboxServices
from cm_desktop.ui.tasks import SyncTaskRunner
from scripts.screenshots import SIZES, dark_palette, settle

NOW = datetime(2026, 12, 4, 16, 0, tzinfo=UTC)  # a Friday
SHOP = Author("atelier-lune.bsky.social", "Atelier Lune")
MARIE = Author("marie-fleurs.bsky.social", "Marie Fleurs")
POST = RemotePost(
    "at://did:plc:shop/app.bsky.feed.post/3root",
    "",
    SHOP,
    "Marché de Noël samedi : venez voir nos nouveaux vases en grès, faits main à Lyon !",
    NOW - timedelta(days=1),
)
QUESTION = RemotePost(
    "at://did:plc:marie/app.bsky.feed.post/3q",
    "https://bsky.app/profile/marie-fleurs.bsky.social/post/3q",
    MARIE,
    "Bonjour ! Est-ce que vous livrez à Villeurbanne ? Je cherche un vase pour l'anniversaire de ma mère 🎁",
    NOW - timedelta(hours=2),
    reply_parent_id=POST.remote_id,
)


def item(account: int, network: str, kind: str, n: int, who: str, **values: object) -> InboxItem:
    return InboxItem(
        account_id=account,
        network=network,
        kind=kind,
        remote_id=f"{kind}-{n}",
        sort_key=f"{n:06d}",
        created_at=values.pop("created_at", NOW - timedelta(minutes=10 * n)),  # type: ignore[arg-type]
        author_name=who,
        author_handle=str(values.pop("author_handle", f"{who.split()[0].lower()}.bsky.social")),
        **values,  # type: ignore[arg-type]
    )


def seed(store: Store) -> int:
    with store.session() as session:
        bluesky = Account(network="bluesky", handle="atelier-lune.bsky.social", remote_id="did:plc:shop")
        mastodon = Account(network="mastodon", handle="@atelierlune@piaille.fr", remote_id="1")
        session.add(bluesky)
        session.add(mastodon)
        session.commit()
        assert bluesky.id is not None and mastodon.id is not None
        b, m = bluesky.id, mastodon.id
        subject = {"subject_id": POST.remote_id, "subject_text": POST.text}
        rows = [
            item(b, "bluesky", "reply", 12, "Marie Fleurs", text=QUESTION.text, post_id=QUESTION.remote_id,
                 url=QUESTION.url, root_id=POST.remote_id, created_at=QUESTION.created_at, **subject),
            item(m, "mastodon", "mention", 3, "Paul Martin", text="@atelierlune Vous serez au marché de Noël de la Croix-Rousse ?",
                 post_id="11", url="https://piaille.fr/@paul/11", author_mention="@paul@piaille.fr",
                 author_handle="@paul@piaille.fr"),
            item(b, "bluesky", "quote", 20, "Léa", text="Regardez ces couleurs, j'adore !", post_id="at://lea/q",
                 url="https://bsky.app/profile/lea/post/q", read=True, **subject),
            item(b, "bluesky", "reply", 40, "Zoé Dubois", text="Merci pour le joli vase, il trône sur la table !",
                 post_id="at://zoe/r", read=True, **subject),
            item(m, "mastodon", "reply", 45, "Hugo", text="Ce message a été supprimé.", post_id="12", read=True,
                 gone="deleted"),
        ]  # fmt: skip
        for n, who in enumerate(["Camille", "Nina", "Julien", "Sophie", "Karim"]):
            rows.append(item(b, "bluesky", "like", 50 + n, who, read=n > 1, **subject))
        for n, who in enumerate(["Inès", "Tom"]):
            rows.append(item(b, "bluesky", "repost", 60 + n, who, read=True, **subject))
        for n, who in enumerate(["Élodie", "Marc", "Anne"]):
            rows.append(item(m, "mastodon", "follow", 70 + n, who, read=True))
        for row in rows:
            session.add(row)
        session.flush()
        answered = next(r for r in rows if r.author_name == "Zoé Dubois")
        post = Post(text="Merci Zoé !", origin=f"answer:{answered.id}")
        session.add(post)
        session.flush()
        session.add(PostReply(post_id=post.id, inbox_item_id=answered.id, parent_id="at://zoe/r"))  # type: ignore[arg-type]
        session.add(PostTarget(post_id=post.id, account_id=b, state="published", remote_id="at://shop/a"))  # type: ignore[arg-type]
        session.add(Slot(network="facebook", weekday=1, minute_of_day=10 * 60))
        session.add(Slot(network="google_business", weekday=1, minute_of_day=10 * 60))
        session.commit()
        return b


def controller_for(store: Store, data: Path, translations: Translations) -> InboxController:
    answer = RemotePost(
        "at://shop/earlier",
        "",
        SHOP,
        "Oui, tous les samedis de 10 h à 18 h !",
        NOW,
        reply_parent_id=POST.remote_id,
    )
    thread = Thread(QUESTION, ancestors=(POST,), replies=())
    services = InboxServices(
        sync=lambda _interval: SyncRun(),
        thread=lambda _account, remote_id: thread if remote_id == QUESTION.remote_id else Thread(POST, (), (answer,)),
        send_likes=lambda: [],
        push_seen=lambda _ids: {},
    )  # fmt: skip
    return InboxController(
        store, services, SyncTaskRunner(), ManualClock(NOW), "Europe/Paris", lambda: translations.language,
        show_notification=lambda _t, _m: True, open_url=lambda _u: True, data_dir=data,
        renditions_dir=data / "renditions", new_key=lambda: "3k", tick_ms=3_600_000,
    )  # fmt: skip


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
            session.add(Account(network="bluesky", handle="atelier-lune.bsky.social"))
            session.commit()
        window = MainWindow(QWidget(), QSettings(str(Path(tmp) / "w.ini"), QSettings.Format.IniFormat))
        controller = controller_for(store, data, translations)
        window.set_page("inbox", controller.page)
        controller.unread_changed.connect(lambda n: window.set_badge("inbox", n))
        controller.start()
        window.show()
        window.show_page("inbox")
        second = MainWindow(QWidget(), QSettings(str(Path(tmp) / "w2.ini"), QSettings.Format.IniFormat))
        empty = controller_for(empty_store, data, translations)
        second.set_page("inbox", empty.page)
        empty.start()
        second.show()
        second.show_page("inbox")
        for scheme in ("light", "dark"):
            app.styleHints().setColorScheme(Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
            app.setPalette(dark_palette() if scheme == "dark" else app.style().standardPalette())
            for lang in ("en", "fr"):
                translations.apply(lang)
                settle(app)
                for size_name, (w, h) in SIZES.items():
                    window.resize(w, h)
                    shoot(app, window, controller, out / f"messages-{lang}-{scheme}-{size_name}")
                    second.resize(w, h)
                    settle(app)
                    second.grab().save(str(out / f"messages-{lang}-{scheme}-{size_name}-empty.png"))
        translations.apply("en")
        store.close()
        empty_store.close()
    print(out)


def shoot(app: QApplication, window: MainWindow, controller: InboxController, stem: Path) -> None:
    page = controller.page
    page.to_answer_button.click()
    settle(app)
    page.list.clearSelection()
    page.list.setCurrentIndex(page.model.index(1, 0))  # Marie's question, under the shop's post
    settle(app)
    page.pane.answer.setPlainText("Bonjour Marie ! Oui, nous livrons à Villeurbanne le samedi matin.")
    settle(app)
    window.grab().save(str(stem) + "-reply.png")
    page.everything_button.click()
    page.list.clearSelection()
    page.pane.show_nothing()
    settle(app)
    window.grab().save(str(stem) + "-everything.png")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "shots/messages"))
