"""User and server data is shown as text, never read as rich text (an <img src=...> loads a local file).

The whole app is built on a store where every name, text, alt text, error message and link card holds
markup; every page is shown and every dialog opened; then every widget is walked: a label, a tooltip, a
message box or an item view's tooltip that Qt would render as rich text must not hold that markup raw.
The core/CLI counterpart is tests/unit/test_hostile_inputs.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cm_desktop.core import models
from cm_desktop.core.link_card import CachedCard, PageCard
from cm_desktop.core.media import import_original
from cm_desktop.core.store import open_store
from cm_desktop.platform.paths import AppPaths
from cm_desktop.ui.app import Shell
from cm_desktop.ui.tasks import SyncTaskRunner

IMG = '<img src="file:///etc/hostname">'
BOLD = "<b>Bold</b>"
HOSTILE = f"{IMG} {BOLD} &amp; <a href='http://evil.example'>lien</a>"
PATH_SAFE = "<b>Bold<b>"  # a folder name cannot hold "/"
MARKERS = (IMG, BOLD, PATH_SAFE)


def rendered_as_rich(text: str, fmt: Qt.TextFormat) -> bool:
    if fmt in (Qt.TextFormat.RichText, Qt.TextFormat.MarkdownText):
        return True
    return fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)


def _where(widget: QWidget) -> str:
    names = []
    current: QWidget | None = widget
    while current is not None:
        names.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return "/".join(reversed(names))


def _count(count: object, parent: QModelIndex) -> int:
    try:
        return int(count(parent))  # type: ignore[operator]
    except TypeError:  # some of Qt's own models keep these private to Python
        return 1 if parent == QModelIndex() else 0


def _model_tips(model: QAbstractItemModel, parent: QModelIndex = QModelIndex()) -> Iterator[str]:  # noqa: B008
    for row in range(min(_count(model.rowCount, parent), 400)):
        for column in range(_count(model.columnCount, parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.WhatsThisRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield value
            if column == 0 and parent == QModelIndex() and _count(model.rowCount, index) > 0:
                yield from _model_tips(model, index)


def shown() -> set[str]:
    """Where the markup is on screen as text (what the person sees), by the top of each widget's path."""
    from PySide6.QtGui import QTextDocument

    places: set[str] = set()
    for widget in QApplication.allWidgets():
        if isinstance(widget, (QPlainTextEdit, QTextEdit)):
            text = widget.toPlainText()
        elif isinstance(widget, QLabel) and widget.text():
            text = widget.text()
        else:
            continue
        if isinstance(widget, QLabel) and rendered_as_rich(text, widget.textFormat()):
            document = QTextDocument()
            document.setHtml(text)
            text = document.toPlainText()
        if BOLD in text:
            path = _where(widget).split("/")
            places.add(
                next(
                    (
                        p
                        for p in path
                        if p.startswith(
                            (
                                "page_",
                                "late_",
                                "publish_",
                                "calendar_import",
                                "disconnect",
                                "first_run",
                                "wizard",
                            )
                        )
                    ),
                    path[0],
                )
            )
    return places


def offences() -> list[str]:
    """Every place where hostile markup would be rendered as rich text."""
    found: list[str] = []

    def check(text: str, fmt: Qt.TextFormat, where: str) -> None:
        if any(marker in text for marker in MARKERS) and rendered_as_rich(text, fmt):
            found.append(f"{where}: {text[:120]!r}")

    for widget in QApplication.allWidgets():
        where = _where(widget)
        if isinstance(widget, QLabel):
            check(widget.text(), widget.textFormat(), where)
        if widget.toolTip():
            check(widget.toolTip(), Qt.TextFormat.AutoText, f"{where} (tooltip)")
        if isinstance(widget, QTabBar):
            for i in range(widget.count()):
                check(widget.tabToolTip(i), Qt.TextFormat.AutoText, f"{where} (tab tooltip)")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for tip in _model_tips(widget.model()):
                check(tip, Qt.TextFormat.AutoText, f"{where} (item tooltip)")
        if isinstance(widget, QTextEdit) and widget.acceptRichText():
            html = widget.toHtml()
            if (
                IMG in html
                or "file:///etc/hostname" in widget.document().toHtml().split("<body")[-1].split("&lt;img")[0]
            ):
                found.append(f"{where}: rich text editor holds the markup")
    return found


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths(data=tmp_path / "data", logs=tmp_path / "logs")


def _seed(paths: AppPaths, tmp_path: Path) -> None:
    """Markup in every field a person or a server fills."""
    store = open_store(paths.database, paths.backups)
    source = tmp_path / "photo.png"
    Image.new("RGB", (800, 600), (30, 120, 200)).save(source)
    stored, sha = import_original(source, paths.media)
    now = datetime.now(UTC)
    with store.session() as session:
        session.add(
            models.BusinessProfile(name=HOSTILE, town=HOSTILE, country="FR", time_zone="Europe/Paris")
        )
        bluesky = models.Account(
            network="bluesky",
            display_name=HOSTILE,
            handle=f"{BOLD}.bsky.social",
            secret_ref="account:1:session",
        )
        mastodon = models.Account(
            network="mastodon",
            display_name=HOSTILE,
            handle=f"{BOLD}@mastodon.example",
            server_url="https://mastodon.example",
            status=models.AccountStatus.NEEDS_RECONNECT.value,
        )
        session.add_all([bluesky, mastodon])
        session.flush()
        moments = [
            (now + timedelta(days=1), "scheduled", ""),
            (now + timedelta(hours=2), "failed", HOSTILE),
            (now - timedelta(hours=8), "scheduled", ""),  # late: the app asks
            (now + timedelta(days=2), "needs_review", HOSTILE),
        ]
        for when, state, error in moments:
            post = models.Post(
                text=f"{HOSTILE} #galette", scheduled_utc=when, local_time=when.replace(tzinfo=None),
                time_zone="UTC",
            )  # fmt: skip
            session.add(post)
            session.flush()
            assert post.id is not None
            session.add(
                models.PostTarget(
                    post_id=post.id, account_id=bluesky.id, state=state, last_error_message=error,
                    last_error_code="refused" if error else "", next_attempt_utc=when,
                )
            )  # fmt: skip
            session.add(  # published by hand on X: the publish assistant shows the post
                models.PostTarget(
                    post_id=post.id, network="x", state="assisted_pending", next_attempt_utc=when
                )
            )
            session.add(
                models.Media(
                    post_id=post.id, sha256=sha, stored_path=str(stored.relative_to(paths.data)),
                    mime_type="image/png", width=800, height=600, alt_text=HOSTILE,
                )
            )  # fmt: skip
        session.commit()
    store.close()


class Cards:
    """A link card source whose page is all markup."""

    def cached(self, link: str) -> CachedCard | None:
        return self.card_for(link)

    def card_for(self, link: str, *, refresh_failures: bool = False) -> CachedCard:
        card = PageCard(url=link, title=HOSTILE, description=HOSTILE, image_url="", site_name=HOSTILE)
        return CachedCard(url=link, card=card, fetched_at=datetime.now(UTC), image_path=None, problem="")


def test_no_widget_renders_user_or_server_data_as_rich_text(
    qtbot: QtBot, paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cm_desktop.ui.composer import link_cards

    _seed(paths, tmp_path)
    monkeypatch.setattr(link_cards, "default_source", lambda _folder: lambda: Cards())
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    shell = Shell(app, paths, SyncTaskRunner(), show_dialogs=True, use_system_network=False)
    shell.settings.onboarding_seen = True
    qtbot.addWidget(shell.window)
    shell.window.resize(1280, 800)
    with qtbot.waitSignal(shell.store_ready, timeout=20_000):
        shell.window.show()
    found: list[str] = []
    seen: set[str] = set()

    def look() -> None:
        found.extend(offences())
        seen.update(shown())

    for page in ("home", "compose", "calendar", "sending", "accounts", "help", "settings"):
        shell.window.show_page(page)
        QApplication.processEvents()
    look()

    # The composer with a post made of markup, its pictures, its previews and its link card.
    from cm_desktop.core.drafts import load_draft

    draft = load_draft(shell.store, 1)
    assert draft is not None
    composer = shell.composer
    composer.load(draft)
    composer.targets.set_selected(["bluesky", "mastodon", "x", "facebook", "linkedin", "instagram"])
    composer.editor.setPlainText(f"{HOSTILE} https://boulangerie.example/galette")
    composer.set_online(True)
    composer.flush()
    qtbot.waitUntil(lambda: not composer.link_cards.pending(), timeout=5_000)
    composer.flush()
    shell.window.show_page("compose")
    QApplication.processEvents()
    alt = composer.media.edit_alt(0)
    assert alt is not None
    look()
    alt.reject()
    composer._open_schedule_dialog(1)
    look()

    # The calendar in each view, and an import whose every cell and problem is markup.
    calendar = shell.calendar
    for mode in calendar.mode_buttons:
        calendar.set_mode(mode)
        QApplication.processEvents()
        look()
    csv_file = tmp_path / "import.csv"
    csv_file.write_text(
        "date,time,networks,text,images\n"
        f'2027-01-05,09:30,"{HOSTILE}","{HOSTILE}",{BOLD}.png\n'
        f'2027-01-06,09:30,mastodon,"{HOSTILE}",\n',
        encoding="utf-8",
    )
    dialogs: list[QWidget] = []
    calendar.import_file(csv_file, on_dialog=dialogs.append)
    QApplication.processEvents()
    look()
    for dialog in dialogs:
        dialog.close()

    # The sending page's questions: a late post, a post to publish by hand.
    outbox = shell.outbox
    outbox.open_late(None)
    QApplication.processEvents()
    look()
    if outbox.dialog is not None:
        outbox.dialog.reject()
    outbox.open_assistant(None)
    QApplication.processEvents()
    look()

    # Accounts: the rows, the disconnect question, the dialogs.
    accounts = shell.accounts
    qtbot.waitUntil(lambda: accounts.row_for(f"{BOLD}.bsky.social") is not None, timeout=5_000)
    row = accounts.row_for(f"{BOLD}.bsky.social")
    assert row is not None
    box = accounts.confirm_disconnect(row.account)
    look()
    box.close()
    for dialog in (accounts.open_bluesky(row.account), accounts.open_mastodon(None), calendar.edit_slots()):
        QApplication.processEvents()
        look()
        dialog.close()

    # The damaged-store question and the backups list (a folder name can hold markup too).
    from cm_desktop.core.store import StoreSetAside
    from cm_desktop.ui.store_dialogs import RestoreDialog, corrupted_dialog

    damaged = tmp_path / f"{PATH_SAFE} & co" / "cm-desktop.damaged.sqlite3"
    question = corrupted_dialog(shell.window, StoreSetAside(moved_to=damaged, backups=[]), "en")
    question.show()
    restore = RestoreDialog([], shell.window)
    restore.show()
    look()
    question.close()
    restore.close()

    # The set-up wizard with the business name made of markup.
    shell.open_wizard(first_run=False)
    QApplication.processEvents()
    wizard = shell.wizard
    for _ in range(wizard.pageIds().__len__()):
        look()
        wizard.next()
        QApplication.processEvents()
    look()
    wizard.close()

    # A grid cell's tooltip is made when hovered: the text it would show.
    from cm_desktop.core.calendar_query import get_post
    from cm_desktop.ui.calendar.grid_view import post_tooltip

    view = get_post(shell.store, 2, "Europe/Paris")
    assert view is not None
    tip = post_tooltip(view)
    if rendered_as_rich(tip, Qt.TextFormat.AutoText) and any(m in tip for m in MARKERS):
        found.append(f"calendar grid tooltip: {tip[:120]!r}")

    shell.shutdown()
    assert not found, "\n".join(sorted(set(found)))
    # The walk saw the markup on screen, as text, in each of these places.
    assert {"page_home", "page_compose", "page_sending", "page_accounts", "late_post_dialog"} <= seen, seen
    assert "publish_assistant" in seen, seen
