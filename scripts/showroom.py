"""A furnished app for looking at every screen: the real Shell on a throwaway folder, with a profile, two
accounts, posts in every state, messages, a picture in the composer, and the way each dialog is opened.

Used by the layout, keyboard and accessibility tests (tests/gui/test_layout_audit.py and its neighbours) and
by scripts/screenshots.py. Pages are found from the main window's navigation and dialogs are opened the way
the app opens them, so a page or a dialog added later is walked without being listed here by hand (a test
fails when a QDialog class of cm_desktop.ui is never opened by `open_dialogs`).
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from sqlmodel import select

from cm_desktop.platform.paths import AppPaths
from cm_desktop.ui.app import Shell
from cm_desktop.ui.tasks import SyncTaskRunner

BUSINESS = "Atelier Lune"


def settle(app: QCoreApplication | None = None) -> None:
    """Let posted events (layouts, language changes, deferred deletes) land."""
    app = app or QCoreApplication.instance()
    for _ in range(5):
        QCoreApplication.sendPostedEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        assert app is not None
        app.processEvents()


def picture(folder: Path, name: str = "vase.jpg", size: tuple[int, int] = (1500, 1200)) -> Path:
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    image = Image.new("RGB", size, (214, 140, 90))
    ImageDraw.Draw(image).ellipse(
        (size[0] // 4, size[1] // 5, size[0] * 3 // 4, size[1] * 4 // 5), fill=(90, 60, 140)
    )
    image.save(path, quality=90)
    return path


def seed(store: Any, home: Path, now: datetime) -> None:
    """A craft shop a few weeks in: a plan, two accounts, posts in every state, and messages."""
    from cm_desktop.core import onboarding
    from cm_desktop.core.coach import Goal, ProfileAnswers
    from cm_desktop.core.media import import_original
    from cm_desktop.core.models import Account, BusinessKind, InboxItem, PostTarget
    from cm_desktop.core.outbox import NoConnector, Outbox, OutboxPolicy, queue_post
    from cm_desktop.core.posts import PostImage
    from cm_desktop.core.schedule import ManualClock

    answers = ProfileAnswers(
        kind=BusinessKind.CRAFT,
        goals=(Goal.BRING_PEOPLE_IN, Goal.BE_FOUND_LOCALLY),
        weekly_minutes=60,
        country="FR",
        town="Lyon",
        language="fr",
        business_name=BUSINESS,
    )
    plan = onboarding.build_plan(answers, "Europe/Paris", now.date())
    onboarding.apply(store, answers, "Europe/Paris", plan)
    with store.session() as session:
        bluesky = Account(network="bluesky", handle="atelier-lune.bsky.social", remote_id="did:plc:shop")
        mastodon = Account(network="mastodon", handle="@atelierlune@piaille.fr", remote_id="1")
        session.add(bluesky)
        session.add(mastodon)
        session.commit()
        b, m = bluesky.id, mastodon.id
        assert b is not None and m is not None
    stored, sha = import_original(picture(home), store_data(store) / "media")
    image = PostImage(
        stored_path=str(stored.relative_to(store_data(store))),
        sha256=sha,
        mime_type="image/jpeg",
        width=1500,
        height=1200,
    )
    queue_post(store, text="Marché de Noël samedi 🎄 : nos vases en grès, faits main à Lyon ! #artisanat",
               account_ids=[], when_utc=now - timedelta(minutes=5), assisted_networks=["instagram"],
               images=[image], now=now)  # fmt: skip
    queue_post(store, text="Atelier ouvert dimanche de 10 h à 18 h.", account_ids=[b],
               when_utc=now - timedelta(hours=9), now=now)  # fmt: skip
    _p, (unclear,) = queue_post(store, text="Nouvelle fournée de tasses 🍵", account_ids=[m],
                                when_utc=now - timedelta(days=1), now=now)  # fmt: skip
    _p, (refused,) = queue_post(store, text="Soldes d'hiver : -30 % sur la vaisselle", account_ids=[m],
                                when_utc=now - timedelta(hours=2), now=now)  # fmt: skip
    queue_post(store, text="Les coulisses du four, en images.", account_ids=[b, m],
               when_utc=now + timedelta(days=2), now=now)  # fmt: skip
    queue_post(store, text="Demain, portes ouvertes à l'atelier.", account_ids=[],
               when_utc=now + timedelta(days=1), assisted_networks=["facebook"], now=now)  # fmt: skip
    _p, (sent,) = queue_post(store, text="Merci pour vos visites ce week-end !", account_ids=[b],
                             when_utc=now - timedelta(days=3), now=now)  # fmt: skip
    _p, (by_hand,) = queue_post(store, text="Nos bols à café, en grès émaillé, sont de retour en boutique.",
                                account_ids=[], when_utc=now - timedelta(days=2),
                                assisted_networks=["facebook"], now=now)  # fmt: skip
    # One run of the real outbox, with no connection to any network: the post due for Instagram waits to
    # be published by hand, the one due nine hours ago asks what to do (it is late).
    engine = Outbox(
        store,
        lambda account: (_ for _ in ()).throw(NoConnector(account.network)),
        ManualClock(now),
        policy=OutboxPolicy(native_networks=frozenset()),
    )
    engine.run()
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
            if target_id == sent:
                row.published_at = now - timedelta(days=3)
                row.remote_url = "https://bsky.app/profile/atelier-lune.bsky.social/post/3l"
            elif target_id == by_hand:  # published by hand on Facebook: "How did it go?"
                row.published_at = now - timedelta(days=2)
            session.add(row)
        _results(session, b, sent, now)
        _listening(session, b, m, now)
        for n, (kind, who, text) in enumerate(
            (
                ("reply", "Marie Fleurs", "Bonjour ! Est-ce que vous livrez à Villeurbanne ?"),
                ("mention", "Paul Martin", "Vous serez au marché de Noël de la Croix-Rousse ?"),
                ("like", "Camille", ""),
                ("follow", "Élodie", ""),
            )
        ):
            session.add(
                InboxItem(
                    account_id=b if n % 2 == 0 else m,
                    network="bluesky" if n % 2 == 0 else "mastodon",
                    kind=kind,
                    remote_id=f"{kind}-{n}",
                    sort_key=f"{n:06d}",
                    created_at=now - timedelta(minutes=10 * (n + 1)),
                    author_name=who,
                    author_handle=f"{who.split()[0].lower()}.bsky.social",
                    text=text,
                    post_id=f"at://{n}/p" if text else "",
                    read=n > 1,
                )
            )
        session.commit()


def _results(session: Any, bluesky: int, sent: int, now: datetime) -> None:
    """What the Results page shows: the Bluesky post's figures and a month of followers."""
    from cm_desktop.core.models import FollowerSnapshot, PostResult, ResultsSync

    session.add(
        PostResult(
            target_id=sent,
            account_id=bluesky,
            network="bluesky",
            remote_id="at://did:plc:shop/app.bsky.feed.post/3l",
            published_at=now - timedelta(days=3),
            fetched_at=now - timedelta(hours=2),
            fetches=3,
            likes=14,
            reposts=3,
            replies=2,
        )
    )
    for back in range(30, -1, -1):
        session.add(
            FollowerSnapshot(
                account_id=bluesky,
                day=(now - timedelta(days=back)).date(),
                followers=120 + (30 - back) // 3,
                following=40,
                posts=60,
                fetched_at=now,
            )
        )
    session.add(ResultsSync(account_id=bluesky, last_ok_at=now - timedelta(minutes=20), last_sync_at=now))


def _listening(session: Any, bluesky: int, mastodon: int, now: datetime) -> None:
    """What the Listening page shows: two saved searches and the posts they found, one new."""
    from cm_desktop.core.models import Watch, WatchResult

    first = Watch(account_id=bluesky, query="poterie Lyon", last_run_at=now - timedelta(minutes=5))
    second = Watch(account_id=mastodon, query="#ceramique", paused=True)
    session.add(first)
    session.add(second)
    session.flush()
    assert first.id is not None
    for n, (who, handle, text, seen) in enumerate(
        (
            ("Camille R.", "camille-r.bsky.social",
             "Quelqu'un connaît un atelier de poterie à Lyon pour un cadeau de Noël ?", False),
            ("Paul Martin", "paul.bsky.social",
             "Superbe marché de la poterie à Lyon ce matin, des bols magnifiques.", True),
        )
    ):  # fmt: skip
        session.add(
            WatchResult(
                watch_id=first.id,
                account_id=bluesky,
                network="bluesky",
                post_id=f"at://did:plc:{n}/app.bsky.feed.post/{n}",
                url=f"https://bsky.app/profile/{handle}/post/{n}",
                text=text,
                created_at=now - timedelta(minutes=25 * (n + 1)),
                found_at=now,
                author_handle=handle,
                author_name=who,
                author_id=f"did:plc:{n}",
                seen=seen,
            )
        )


def store_data(store: Any) -> Path:
    return Path(store.path).parent


@dataclass
class Showroom:
    app: QApplication
    shell: Shell
    home: Path

    @property
    def window(self) -> Any:
        return self.shell.window

    def page_names(self) -> list[str]:
        """Every page of the navigation, in its order: pages added later are found here too."""
        navigation = self.window.navigation
        return [str(navigation.item(row).data(256)) for row in range(navigation.count())]

    def show_page(self, name: str) -> QWidget:
        self.window.show_page(name)
        settle(self.app)
        return self.window.page(name)

    def fill_composer(self) -> None:
        """Text, every network chosen (every preview shown), and a picture."""
        from cm_desktop.ui.previews.registry import PREVIEWS

        composer = self.shell.composer
        composer.targets.set_selected([n for n in composer.targets.networks if n in PREVIEWS])
        composer.editor.setPlainText(
            "Marché de Noël samedi 🎄 : venez voir nos nouveaux vases en grès, faits main à Lyon ! "
            "https://atelier-lune.fr #artisanat #lyon"
        )
        if not composer.media.items():
            composer.media.add_files([picture(self.home / "pictures", "bol.jpg", (1200, 1600))])
        composer.flush()
        settle(self.app)

    def close(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        self.shell.shutdown()
        self.window.close()
        self.window.deleteLater()
        settle(self.app)


def open_showroom(app: QApplication, home: Path, now: datetime | None = None) -> Showroom:
    """The real Shell on `home`, with a seeded store, the window shown and every page built."""
    from cm_desktop.core.store import open_store

    paths = AppPaths(data=home / "data", logs=home / "logs")
    store = open_store(paths.database, paths.backups)
    seed(store, home, now or datetime.now(UTC))
    store.close()
    shell = Shell(
        app, paths, SyncTaskRunner(), show_dialogs=False, probe=lambda: False, use_system_network=False
    )
    shell.settings.onboarding_seen = True
    shell.window.show()
    settle(app)
    assert shell.store is not None, "the store did not open"
    if shell.listening is not None:  # a post found, open with its answer box
        listening = shell.listening.page
        listening.list.setCurrentIndex(listening.model.index(0, 0))
        settle(app)
    return Showroom(app, shell, home)


# --- dialogs -----------------------------------------------------------------------------------------------

Opener = Callable[[Showroom], Iterator[tuple[str, QWidget]]]


def _wizard(room: Showroom) -> Iterator[tuple[str, QWidget]]:
    from PySide6.QtWidgets import QWizard

    from scripts.render_wizard import fill_bakery

    room.shell.open_wizard(first_run=False)
    wizard = room.shell.wizard
    settle(room.app)
    fill_bakery(wizard, room.shell.lang())
    names = ("language", "business", "goals", "time", "networks", "connect", "summary")
    for index, name in enumerate(names):
        settle(room.app)
        yield f"wizard-{index + 1}-{name}", wizard
        if index < len(names) - 1:
            wizard.button(QWizard.WizardButton.NextButton).click()
    wizard.done(0)


def _composer_dialogs(room: Showroom) -> Iterator[tuple[str, QWidget]]:
    from cm_desktop.ui.composer.emoji_picker import EmojiPicker

    composer = room.shell.composer
    room.show_page("compose")
    room.fill_composer()
    composer.targets.set_selected(["bluesky"])
    composer.flush()
    composer.schedule()
    settle(room.app)
    yield "schedule", composer.schedule_dialog
    composer.schedule_dialog.reject()
    alt = composer.media.edit_alt(0)
    assert alt is not None
    settle(room.app)
    yield "alt-text", alt
    alt.reject()
    composer.edit_crop(0, "instagram")
    settle(room.app)
    yield "crop", composer.crop_dialog
    composer.crop_dialog.reject()
    composer.show_emoji_picker()
    settle(room.app)
    picker = composer.emoji_picker
    assert isinstance(picker, EmojiPicker)
    yield "emoji", picker
    picker.close()  # one picker for the page's life (it keeps the recent emoji): closed, not deleted


def _calendar_dialogs(room: Showroom) -> Iterator[tuple[str, QWidget]]:
    calendar = room.shell.calendar
    room.show_page("calendar")
    slots = calendar.edit_slots()
    settle(room.app)
    yield "slots", slots
    slots.reject()
    csv = room.home / "import.csv"
    csv.write_text(
        "date,time,text,networks\n2031-03-04,09:00,Portes ouvertes samedi,facebook\n"
        "2031-03-05,25:00,Une heure qui n'existe pas,bluesky\n",
        encoding="utf-8",
    )
    shown: list[QDialog] = []
    calendar.import_file(csv, on_dialog=shown.append)
    settle(room.app)
    if shown:
        shown[0].open()
        settle(room.app)
        yield "import", shown[0]
        shown[0].reject()


def _outbox_dialogs(room: Showroom) -> Iterator[tuple[str, QWidget]]:
    outbox = room.shell.outbox
    room.show_page("sending")
    outbox.open_assistant(None)
    settle(room.app)
    if outbox.dialog is not None:
        yield "publish-assistant", outbox.dialog
        outbox.dialog.reject()
        settle(room.app)
    outbox.open_late(None)
    settle(room.app)
    if outbox.dialog is not None:
        yield "late-post", outbox.dialog
        outbox.dialog.reject()
        settle(room.app)


def _accounts_dialogs(room: Showroom) -> Iterator[tuple[str, QWidget]]:
    accounts = room.shell.accounts
    room.show_page("accounts")
    bluesky = accounts.open_bluesky()
    settle(room.app)
    yield "connect-bluesky", bluesky
    bluesky.reject()
    mastodon = accounts.open_mastodon()
    settle(room.app)
    yield "connect-mastodon", mastodon
    mastodon.reject()
    if accounts.rows:
        box = accounts.confirm_disconnect(accounts.rows[0].account)
        box.open()
        settle(room.app)
        yield "disconnect", box
        box.reject()


def _store_dialogs(room: Showroom) -> Iterator[tuple[str, QWidget]]:
    from cm_desktop.core.store import StoreCorrupted, StoreTooNew
    from cm_desktop.ui.store_dialogs import RestoreDialog, corrupted_dialog, store_error_dialog

    window, lang = room.window, room.shell.lang()
    restore = RestoreDialog(_backups(room), window)
    restore.open()
    settle(room.app)
    yield "restore", restore
    restore.reject()
    damaged = StoreCorrupted(room.home / "set-aside.sqlite3", [b.path for b in _backups(room)[:1]])
    box = corrupted_dialog(window, damaged, lang)
    box.open()
    settle(room.app)
    yield "damaged-store", box
    box.reject()
    too_new = store_error_dialog(window, StoreTooNew(), lang)
    too_new.open()
    settle(room.app)
    yield "store-error", too_new
    too_new.reject()


def _backups(room: Showroom) -> list[Any]:
    from cm_desktop.core.store import backup_info, list_backups

    return [info for info in map(backup_info, list_backups(room.shell.paths.backups)) if info is not None]


def _keychain_dialogs(room: Showroom) -> Iterator[tuple[str, QWidget]]:
    """Where logins are kept when the system has no keychain: what to do, a passphrase file, its unlocking."""
    from cm_desktop.platform.secrets import Readiness
    from cm_desktop.ui.accounts.keychain_dialogs import ChoosePassphraseDialog, NoKeychainDialog, UnlockDialog

    gate, lang, window = room.shell.keychain_gate, room.shell.lang, room.window
    assert gate is not None
    room.show_page("accounts")
    dialogs: tuple[tuple[str, QDialog], ...] = (
        (
            "no-keychain",
            NoKeychainDialog(
                lambda: gate.advice(Readiness.NO_KEYCHAIN), lang, offer_file=True, parent=window
            ),
        ),
        ("choose-passphrase", ChoosePassphraseDialog(lang, parent=window)),
        ("unlock", UnlockDialog(lang, parent=window)),
    )
    for name, dialog in dialogs:
        dialog.open()
        settle(room.app)
        yield name, dialog
        dialog.reject()
        dialog.deleteLater()
        settle(room.app)


def _listening_dialogs(room: Showroom) -> Iterator[tuple[str, QWidget]]:
    listening = room.shell.listening
    assert listening is not None
    page = listening.page
    room.show_page("listening")
    page.open_dialog(editing=False)
    settle(room.app)
    yield "watch-add", page.dialog
    page.dialog.reject()
    settle(room.app)
    if page.current_watch() is None and page.board.watches:
        page.watch_id = page.board.watches[0].id
    page.open_dialog(editing=True)
    settle(room.app)
    if page.current_watch() is not None:
        yield "watch-change", page.dialog
        page.dialog.reject()
        settle(room.app)


def _results_dialogs(room: Showroom) -> Iterator[tuple[str, QWidget]]:
    from cm_desktop.core.models import PostTarget

    results = room.shell.results
    assert results is not None and room.shell.store is not None
    room.show_page("sending")
    with room.shell.store.session() as session:
        by_hand = [
            t.id
            for t in session.exec(select(PostTarget).where(PostTarget.network == "facebook"))
            if t.state == "published"
        ]
    results.open_by_hand(by_hand[0])
    settle(room.app)
    dialog = results.dialog
    yield "how-did-it-go", dialog
    dialog.reject()
    settle(room.app)


OPENERS: tuple[Opener, ...] = (
    _wizard,
    _composer_dialogs,
    _calendar_dialogs,
    _outbox_dialogs,
    _accounts_dialogs,
    _keychain_dialogs,
    _listening_dialogs,
    _results_dialogs,
    _store_dialogs,
)


def open_dialogs(room: Showroom) -> Iterator[tuple[str, QWidget]]:
    """Each dialog opened the way the app opens it, one at a time: (name, dialog), closed after the yield."""
    for opener in OPENERS:
        yield from opener(room)
        settle(room.app)


def dialog_classes() -> set[type]:
    """Every dialog class written in cm_desktop.ui (QDialog subclasses, wizards and message boxes included)."""
    import cm_desktop.ui

    found: set[type] = set()
    for info in pkgutil.walk_packages(cm_desktop.ui.__path__, "cm_desktop.ui."):
        module = importlib.import_module(info.name)
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, QDialog) and value.__module__ == module.__name__:
                found.add(value)
    return found
