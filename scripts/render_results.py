"""Render the Results page in the main window to PNG (en/fr, light/dark, 1280x800 and 1024x640).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_results.py shots/results

A store is filled with what a craft shop in Lyon has after eight weeks: three posts a week at its queue times
on Bluesky and Mastodon (and some by hand on Facebook, a few with their figures typed in), new pieces with
photos doing twice as well, Thursday evenings doing best, one post deleted on Bluesky, six months of
followers, and a Mastodon server that stopped answering two days ago. No network is asked.
Per language, scheme and size: the top of the page (`-top`), the whole page in one picture (`-full`), a
shop with too few posts for best times (`-few`), one with nothing published yet (`-empty`), and the
"How did it go?" form (`-form`). Look at every picture before calling the screen done.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget

from cm_desktop.core.models import (
    Account,
    BusinessProfile,
    FollowerSnapshot,
    Media,
    Post,
    PostResult,
    PostTarget,
    ResultsSync,
    Slot,
)
from cm_desktop.core.results.by_hand import by_hand_figures
from cm_desktop.core.results.sync import ResultsRun
from cm_desktop.core.schedule import ManualClock, to_utc
from cm_desktop.core.store import Store, open_store
from cm_desktop.ui.app import make_application
from cm_desktop.ui.i18n import Translations
from cm_desktop.ui.main_window import MainWindow
from cm_desktop.ui.results.controller import ResultsController, ResultsServices
from cm_desktop.ui.tasks import SyncTaskRunner
from scripts.screenshots import SIZES, dark_palette, settle

NOW = datetime(2026, 12, 4, 16, 0, tzinfo=UTC)  # a Friday, 17:00 in Lyon
ZONE = "Europe/Paris"
TEXTS = {
    "new_product_intro": "Nouveaux vases en grès émaillé, tournés cette semaine à l'atelier : bleu nuit, vert d'eau et blanc cassé.",
    "bts_before_opening": "7 h 30, l'atelier s'éveille : le four refroidit, on ouvre pour voir la fournée du jour.",
    "tip_trade_secret": "Astuce : pour qu'un vase en grès reste beau, un peu de vinaigre blanc une fois par mois.",
    "question_favourite": "Plutôt bol ou tasse pour votre café du matin ? Dites-nous tout !",
    "thanks_customers": "Merci à toutes celles et ceux venus au marché de la Croix-Rousse samedi !",
    "event_save_the_date": "Portes ouvertes de l'atelier le 13 décembre : venez tourner votre premier bol.",
}
# (weekday, time, idea, pictures, usual reactions on Bluesky): the queue's times and two tries elsewhere.
WEEK = (
    (1, time(7, 30), "bts_before_opening", 1, 5),
    (3, time(19, 0), "new_product_intro", 2, 11),
    (5, time(9, 0), "tip_trade_secret", 0, 4),
)


def seed(store: Store, weeks: int = 8, *, with_error: bool = True) -> None:
    rng = random.Random(7)
    with store.session() as session:
        session.add(
            BusinessProfile(name="Atelier Lune", kind="craft", town="Lyon", time_zone=ZONE, weekly_minutes=60)
        )
        bluesky = Account(network="bluesky", handle="atelier-lune.bsky.social")
        mastodon = Account(network="mastodon", handle="@atelierlune@piaille.fr")
        session.add(bluesky)
        session.add(mastodon)
        session.flush()
        for weekday, at, _idea, _pictures, _usual in WEEK:
            for account in (bluesky, mastodon):
                session.add(
                    Slot(
                        network=account.network,
                        account_id=account.id,
                        weekday=weekday,
                        minute_of_day=at.hour * 60 + at.minute,
                    )
                )
            session.add(Slot(network="facebook", weekday=weekday, minute_of_day=at.hour * 60 + at.minute))
        today = NOW.astimezone(ZoneInfo(ZONE)).date()
        monday = date(2026, 11, 30)
        extra = [
            (monday - timedelta(days=19), time(18, 0), "question_favourite", 0, 3),
            (monday - timedelta(days=5), time(18, 0), "thanks_customers", 1, 6),
            (monday - timedelta(days=33), time(12, 30), "event_save_the_date", 1, 4),
        ]
        posts: list[tuple[date, time, str, int, int]] = []
        for week in range(weeks):
            start = monday - timedelta(weeks=week)
            for weekday, at, idea, pictures, usual in WEEK:
                day = start + timedelta(days=weekday)
                if day <= today:
                    posts.append((day, at, idea, pictures, usual))
        posts += [p for p in extra if weeks >= 6]
        for number, (day, at, idea, pictures, usual) in enumerate(sorted(posts)):
            published = to_utc(datetime.combine(day, at), ZONE)
            if published > NOW:
                continue
            post = Post(text=TEXTS[idea], origin=f"idea:{idea}", created_at=published)
            session.add(post)
            session.flush()
            for n in range(pictures):
                session.add(Media(post_id=post.id, position=n))  # type: ignore[arg-type]
            fresh = NOW - published < timedelta(hours=1)
            for account, scale in ((bluesky, 1.0), (mastodon, 2.6)):
                target = PostTarget(
                    post_id=post.id,
                    account_id=account.id,
                    state="published",
                    remote_id=f"{account.network}/{post.id}",
                    remote_url=f"https://example.org/{post.id}",
                    published_at=published,
                )  # type: ignore[arg-type]
                session.add(target)
                session.flush()
                reactions = max(0, round(usual * scale * rng.uniform(0.6, 1.4)))
                likes = round(reactions * 0.7)
                session.add(
                    PostResult(
                        target_id=target.id,
                        account_id=account.id,
                        network=account.network,
                        remote_id=target.remote_id,
                        published_at=published,
                        fetched_at=None if fresh else NOW - timedelta(hours=2),
                        fetches=0 if fresh else 3,
                        likes=likes,
                        reposts=round(reactions * 0.2),
                        replies=reactions - likes - round(reactions * 0.2),
                        deleted=number == 4 and account is bluesky,
                    )
                )  # type: ignore[arg-type]
            if number % 2 == 0:
                target = PostTarget(
                    post_id=post.id, network="facebook", state="published", published_at=published
                )  # type: ignore[arg-type]
                session.add(target)
                session.flush()
                if number % 4 == 0:
                    session.add(
                        PostResult(
                            target_id=target.id,
                            network="facebook",
                            published_at=published,
                            fetched_at=published + timedelta(days=1),
                            fetches=1,
                            likes=usual * 3,
                            replies=2,
                            reposts=1,
                            by_hand=True,
                        )
                    )  # type: ignore[arg-type]
        for account, base, growth in ((bluesky, 60, 0.6), (mastodon, 290, 0.25)):
            count = float(base)
            for back in range(182, -1, -1):
                day = today - timedelta(days=back)
                count += growth * rng.uniform(0, 2) - (0.3 if rng.random() < 0.1 else 0)
                session.add(
                    FollowerSnapshot(
                        account_id=account.id,
                        day=day,
                        followers=int(count),
                        following=40,
                        posts=120,
                        fetched_at=NOW,
                    )
                )  # type: ignore[arg-type]
        session.add(
            ResultsSync(
                account_id=bluesky.id,
                last_ok_at=NOW - timedelta(minutes=20),
                last_sync_at=NOW - timedelta(minutes=20),
            )
        )  # type: ignore[arg-type]
        if with_error:
            session.add(
                ResultsSync(
                    account_id=mastodon.id,
                    last_ok_at=NOW - timedelta(days=2, hours=3),
                    last_sync_at=NOW - timedelta(minutes=20),
                    next_sync_at=NOW + timedelta(minutes=40),
                    failures=4,
                    last_error_code="server",
                    last_error="HTTP 502",
                )
            )  # type: ignore[arg-type]
        session.commit()  # fmt: skip


def controller_for(store: Store, translations: Translations) -> ResultsController:
    services = ResultsServices(sync=lambda _everyone: ResultsRun())
    return ResultsController(
        store, services, SyncTaskRunner(), ManualClock(NOW), ZONE, lambda: translations.language,
        choose_file=lambda _name: "", tick_ms=3_600_000,
    )  # fmt: skip


def window_with(controller: ResultsController, settings: Path) -> MainWindow:
    window = MainWindow(QWidget(), QSettings(str(settings), QSettings.Format.IniFormat))
    window.set_page("insights", controller.page)
    controller.start()
    window.show()
    window.show_page("insights")
    return window


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv[:1])
    app.setStyle("Fusion")
    translations = Translations(app)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        stores = {
            name: open_store(data / f"{name}.sqlite3", data / "backups") for name in ("full", "few", "empty")
        }
        seed(stores["full"])
        seed(stores["few"], weeks=3, with_error=False)
        with stores["empty"].session() as session:
            session.add(Account(network="bluesky", handle="atelier-lune.bsky.social"))
            session.commit()
        controllers = {name: controller_for(store, translations) for name, store in stores.items()}
        windows = {name: window_with(c, data / f"{name}.ini") for name, c in controllers.items()}
        with stores["full"].session() as session:
            facebook = next(t.id for t in session.query(PostTarget).filter(PostTarget.network == "facebook"))
        for scheme in ("light", "dark"):
            app.styleHints().setColorScheme(Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
            app.setPalette(dark_palette() if scheme == "dark" else app.style().standardPalette())
            for lang in ("en", "fr"):
                translations.apply(lang)
                settle(app)
                for size_name, (w, h) in SIZES.items():
                    stem = out / f"results-{lang}-{scheme}-{size_name}"
                    for name, window in windows.items():
                        window.resize(w, h)
                        controllers[name].page.refresh()
                        settle(app)
                        label = "top" if name == "full" else name
                        window.grab().save(f"{stem}-{label}.png")
                    page = controllers["full"].page
                    inner = page.scroll_area.widget()
                    inner.grab().save(f"{stem}-full.png")
                    controllers["full"]._show_by_hand(
                        by_hand_figures(stores["full"], facebook), "Nouveaux vases en grès émaillé"
                    )
                    dialog = controllers["full"].dialog
                    assert dialog is not None
                    settle(app)
                    dialog.grab().save(f"{stem}-form.png")
                    dialog.close()
                    settle(app)
        translations.apply("en")
        for store in stores.values():
            store.close()
    print(out)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "shots/results"))
