"""No message is escaped twice (issue #16.2): "Corrigez d&#x27;abord…" on screen is a plain label given
escaped text. The whole app runs in French (messages full of apostrophes and « »), the message paths are
driven, then every widget is walked: what Qt renders (plain text as written, rich text once parsed) must
never show an HTML entity. The opposite fault (markup read as HTML) is tests/gui/test_hostile_widgets.py.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from cm_desktop.core import models
from cm_desktop.core.settings import Settings
from cm_desktop.core.store import open_store
from cm_desktop.platform.paths import AppPaths
from cm_desktop.ui.app import Shell
from cm_desktop.ui.tasks import SyncTaskRunner

ENTITY = re.compile(r"&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);")


def rendered(text: str, fmt: Qt.TextFormat) -> str:
    """The text as Qt draws it: rich text is parsed once, plain text is shown as written."""
    rich = fmt == Qt.TextFormat.RichText or (fmt == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def _where(widget: QWidget) -> str:
    names = []
    current: QWidget | None = widget
    while current is not None:
        names.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return "/".join(reversed(names))


def entities_on_screen() -> list[str]:
    found = []
    for widget in QApplication.allWidgets():
        texts: list[tuple[str, Qt.TextFormat]] = []
        if isinstance(widget, QLabel):
            texts.append((widget.text(), widget.textFormat()))
        elif isinstance(widget, QAbstractButton):
            texts.append((widget.text(), Qt.TextFormat.PlainText))
        if widget.toolTip():
            texts.append((widget.toolTip(), Qt.TextFormat.AutoText))
        for text, fmt in texts:
            shown = rendered(text, fmt)
            if ENTITY.search(shown):
                found.append(f"{_where(widget)}: {shown[:100]!r}")
    return found


def test_no_message_shows_an_html_entity_in_french(qtbot: QtBot, tmp_path: Path) -> None:
    paths = AppPaths(data=tmp_path / "data", logs=tmp_path / "logs")
    store = open_store(paths.database, paths.backups)
    now = datetime.now(UTC)
    with store.session() as session:
        profile = models.BusinessProfile(name="L'Atelier d'Iris", town="Lyon", country="FR")
        session.add(profile)
        account = models.Account(network="bluesky", handle="iris.test", display_name="L'Atelier d'Iris")
        session.add(account)
        session.flush()
        post = models.Post(text="Aujourd'hui : l'arrivée des pivoines & des renoncules", scheduled_utc=now)
        session.add(post)
        session.flush()
        assert post.id is not None
        session.add(
            models.PostTarget(
                post_id=post.id, account_id=account.id, state="failed", next_attempt_utc=now,
                last_error_code="refused", last_error_message="Le serveur n'a pas accepté l'image",
            )
        )  # fmt: skip
        session.commit()
    store.close()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    shell = Shell(
        app, paths, SyncTaskRunner(), settings=Settings(language="fr", onboarding_seen=True),
        show_dialogs=True, use_system_network=False,
    )  # fmt: skip
    qtbot.addWidget(shell.window)
    try:
        _walk(qtbot, shell, now)
    finally:
        shell.translations.apply("en")  # the next tests read English


def _walk(qtbot: QtBot, shell: Shell, now: datetime) -> None:
    shell.window.resize(1280, 800)
    with qtbot.waitSignal(shell.store_ready, timeout=20_000):
        shell.window.show()
    found: list[str] = []
    for page in ("home", "compose", "calendar", "sending", "inbox", "accounts", "help", "settings"):
        shell.window.show_page(page)
        QApplication.processEvents()
        found.extend(entities_on_screen())

    # The composer's own sentences: a refusal ("Corrigez d'abord…"), a saved draft, a scheduled post.
    composer = shell.composer
    shell.window.show_page("compose")
    composer.targets.set_selected(["bluesky"])
    composer.editor.setPlainText("L'été " * 80)
    composer.schedule_button.click()
    assert "abord" in composer.status.text()
    found.extend(entities_on_screen())
    composer.editor.setPlainText("C'est l'heure des pivoines")
    composer.flush()
    composer._sent(1, (now + timedelta(days=1)).replace(tzinfo=None))
    found.extend(entities_on_screen())
    assert found == []
