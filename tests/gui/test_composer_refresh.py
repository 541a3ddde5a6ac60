"""How the composer keeps up with typing (bench/composer.py has the figures; no test here asserts a time).

Queued key events are checked once; a network's text is checked once; a pasted megabyte is capped and
checked when typing pauses; only previews on screen are rendered; link cards come from a real HTTP server
on 127.0.0.1 (acting as the web proxy, so the post can hold an ordinary address) and from the disk cache.

Nothing here depends on how fast the machine is: where a test checks that something waits for a pause,
the pause is made long enough that it cannot end by itself (a loaded machine once ended the real 300 ms
pause before the check), and the test ends it when it wants (end_pauses).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cm_desktop.core.i18n import Lang
from cm_desktop.core.link_card import LinkCardCache
from cm_desktop.core.schedule import ManualClock
from cm_desktop.networks.link_preview import LinkPreviewFetcher
from cm_desktop.ui.composer.checks import rules_cap
from cm_desktop.ui.composer.link_cards import CardSource
from cm_desktop.ui.composer.page import ComposerPage
from cm_desktop.ui.tasks import SyncTaskRunner
from tests.local_http import QuietHandler, serving

NOW = datetime(2027, 3, 20, 10, 0, tzinfo=UTC)
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e2a5e1b20000000049454e44ae426082"
)
PAGE = (
    b'<html><head><meta charset="utf-8"><meta property="og:title" content="Galette des rois">'
    b'<meta property="og:description" content="Frangipane maison.">'
    b'<meta property="og:image" content="/galette.png"></head><body></body></html>'
)


def make_page(
    qtbot: QtBot, tmp_path: Path, link_source: Callable[[], CardSource] | None = None
) -> ComposerPage:
    page = ComposerPage(
        SyncTaskRunner(),
        ManualClock(NOW),
        "Europe/Paris",
        tmp_path / "media",
        lambda: "en",
        link_source=link_source,
    )
    qtbot.addWidget(page)
    return page


LONG_PAUSE_MS = 3_600_000  # a pause no test run outlasts


def hold_pauses(monkeypatch: pytest.MonkeyPatch) -> None:
    """Typing pauses that do not end by themselves (see end_pauses)."""
    from cm_desktop.ui.composer import link_cards, page

    monkeypatch.setattr(page, "LONG_TEXT_PAUSE_MS", LONG_PAUSE_MS)
    monkeypatch.setattr(page, "PROBLEMS_PAUSE_MS", LONG_PAUSE_MS)
    monkeypatch.setattr(link_cards, "SETTLE_MS", LONG_PAUSE_MS)


def end_pauses(page: ComposerPage) -> None:
    """The person stopped typing: the waiting timers fire at the next turn of the event loop."""
    for timer in (page._refresh_timer, page._problems_timer, page.link_cards._settle):
        if timer.isActive():
            timer.setInterval(0)  # restarts it: due now


def post_key(widget: object, char: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.postEvent(widget, QKeyEvent(kind, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, char))  # type: ignore[arg-type]


def test_queued_key_events_are_checked_once(qtbot: QtBot, tmp_path: Path) -> None:
    page = make_page(qtbot, tmp_path)
    page.targets.set_selected(["x", "bluesky", "mastodon"])
    page.editor.setFocus()
    before = page._checks.computed
    for char in "galette":
        post_key(page.editor, char)
    qtbot.waitUntil(
        lambda: page.editor.toPlainText() == "galette" and not page.refresh_pending(), timeout=30_000
    )
    # Seven keys, three networks: one measure and one pre-flight each, not seven.
    assert page._checks.computed - before == 6
    assert page.measures["x"].count == 7


def test_a_network_whose_text_did_not_change_is_not_checked_again(qtbot: QtBot, tmp_path: Path) -> None:
    page = make_page(qtbot, tmp_path)
    page.targets.set_selected(["x", "mastodon"])
    page.override_editors["mastodon"].setPlainText("Texte pour Mastodon")
    page.editor.setPlainText("Texte commun")
    page.flush()
    mastodon = page.measures["mastodon"]
    before = page._checks.computed
    page.editor.setPlainText("Texte commun, plus long")
    page.flush()
    assert page._checks.computed - before == 2  # X only: measure and pre-flight
    assert page.measures["mastodon"] is mastodon


def test_the_problems_list_waits_for_a_pause_and_publishing_never_uses_a_stale_one(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hold_pauses(monkeypatch)
    page = make_page(qtbot, tmp_path)
    page.targets.set_selected(["bluesky"])
    page.editor.setPlainText("court")
    page.flush()
    page.editor.setPlainText("é" * 301)
    qtbot.waitUntil(lambda: not page.refresh_pending(problems=False), timeout=30_000)
    assert page.measures["bluesky"].count == 301  # the counter follows the key at once
    assert page.refresh_pending()  # the problems list comes when typing pauses
    page.publish_button.click()  # ... but a click sees the text as it is now
    assert "Must fix" in page.status.text()


def test_a_pasted_megabyte_is_capped_and_checked_when_typing_pauses(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hold_pauses(monkeypatch)
    page = make_page(qtbot, tmp_path)
    page.targets.set_selected(["x", "bluesky", "facebook"])
    page.editor.setPlainText("Bonjour Lyon #galette " * 50_000)  # 1.1 million characters
    assert page.refresh_pending()
    page.flush()
    total = len(page.editor.toPlainText())
    # Past the cap each character counts one: the exact count of the first part, then the rest.
    x = page.measures["x"]
    assert x.count >= total - rules_cap("x") and not x.ok
    over = next(i for i in page.issues["x"] if i.code == "text.too_long_weighted")
    assert over.fix is not None and over.fix.amount == x.count - 280
    assert page.measures["facebook"].count == total
    # Previews show the start of the text only.
    shown = page.previews.preview("bluesky").model
    assert shown is not None and len(shown.text) < 10_000 and shown.text.endswith("…")
    # A key in the long text waits for a pause: the counts are not redone on every key.
    page.editor.setFocus()
    page.editor.moveCursor(page.editor.textCursor().MoveOperation.End)
    post_key(page.editor, "x")
    qtbot.waitUntil(lambda: page.editor.toPlainText().endswith("x"), timeout=30_000)
    assert page.refresh_pending(problems=False)
    assert page.measures["facebook"].count == total  # not redone for this key
    end_pauses(page)
    qtbot.waitUntil(lambda: not page.refresh_pending(), timeout=30_000)
    assert page.measures["facebook"].count == total + 1


def test_only_previews_on_screen_follow_each_key(qtbot: QtBot, tmp_path: Path) -> None:
    page = make_page(qtbot, tmp_path)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    page.targets.set_selected(["mastodon", "bluesky", "x", "facebook", "threads", "linkedin"])
    page.editor.setPlainText("Galette des rois, frangipane maison. " * 20)
    page.flush()
    # The previews' first layout, however long it takes: until then every preview sits at the top.
    panel = page.previews
    # The last one in the panel's order: far below the first at any width the splitter gives.
    qtbot.waitUntil(lambda: not panel._on_screen(list(panel._previews.values())[-1]), timeout=30_000)
    page.editor.setPlainText("Nouveau texte. " * 20)
    page.flush()
    waiting = panel.pending()
    first = page.targets.selected()[0]  # in the registry's order
    assert waiting and first not in waiting  # the first is on screen, the last ones wait
    last = waiting[-1]
    stale = panel._previews[last].model
    assert stale is not None and stale.text.startswith("Galette")
    # Scrolled into view, it catches up; asked for, it catches up too.
    bar = panel.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: last not in panel.pending(), timeout=30_000)
    model = panel._previews[last].model
    assert model is not None and model.text == page.editor.toPlainText()
    assert panel.preview(waiting[0]).model is not None


def test_a_preview_left_alone_after_the_networks_change_takes_its_whole_height(
    qapp: QApplication, tmp_path: Path
) -> None:
    """The furnished app's composer with eight networks (the last previews off screen, waiting), then only
    Bluesky kept: its preview gets the height of its text. It stayed squashed to its header when the panel
    re-placed the previews without deleting their old layout items (a stale size cache)."""
    from PySide6.QtCore import QSize

    from scripts.showroom import open_showroom, settle

    room = open_showroom(qapp, tmp_path)
    try:
        room.fill_composer()
        room.shell.set_language("en")
        settle(qapp)
        room.window.resize(QSize(800, 728))
        room.show_page("compose")
        settle(qapp)
        composer = room.shell.composer
        assert "bluesky" in composer.previews.pending()
        room.fill_composer()
        composer.targets.set_selected(["bluesky"])
        composer.flush()
        settle(qapp)
        preview = composer.previews.preview("bluesky")
        assert preview.height() == preview.heightForWidth(preview.width()) > 300
    finally:
        room.close()


# --- link cards --------------------------------------------------------------------------------------------


@pytest.fixture
def web(tmp_path: Path) -> Iterator[tuple[list[str], str]]:
    """A real HTTP server on 127.0.0.1 used as the web proxy: requests arrive with the full address."""
    asked: list[str] = []

    class Handler(QuietHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            body, kind = (PNG, "image/png") if self.path.endswith(".png") else (PAGE, "text/html")
            if "boulangerie-martin.fr" not in self.path:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    with serving(Handler) as proxy:
        yield asked, proxy


def through_proxy(proxy: str, folder: Path) -> CardSource:
    return LinkPreviewFetcher(LinkCardCache(folder), lambda: httpx.Client(proxy=proxy, timeout=5.0))


def test_link_cards_are_fetched_when_online_and_kept_for_offline(
    qtbot: QtBot, tmp_path: Path, web: tuple[list[str], str]
) -> None:
    asked, proxy = web
    cards = tmp_path / "cache" / "link_cards"  # the default: beside the media folder
    page = make_page(qtbot, tmp_path, link_source=lambda: through_proxy(proxy, cards))
    page.targets.set_selected(["bluesky", "facebook", "instagram"])
    page.editor.setPlainText("La galette est là : http://boulangerie-martin.fr/galette #Lyon")
    page.flush()
    qtbot.wait(800)  # offline (the default until told): nothing is asked of the web
    assert asked == []
    with qtbot.waitSignal(page.link_cards.card_ready, timeout=30_000):
        page.set_online(True)
    page.flush()
    link = page.previews.preview("bluesky").model.link
    assert link is not None and (link.title, link.description) == ("Galette des rois", "Frangipane maison.")
    assert link.image is not None and Path(link.image).read_bytes() == PNG
    assert page.previews.preview("instagram").model.link is None
    assert asked == ["http://boulangerie-martin.fr/galette", "http://boulangerie-martin.fr/galette.png"]
    assert any(cards.glob("*.json"))
    # A picture added: every network drops the card, as they do.
    picture = tmp_path / "p.png"
    picture.write_bytes(PNG)
    page.media.add_files([picture])
    assert page.previews.preview("bluesky").model.link is None

    # Another composer on the same data folder, offline: the card comes from the disk, nothing is asked.
    again = make_page(qtbot, tmp_path, link_source=lambda: through_proxy(proxy, cards))
    again.targets.set_selected(["facebook"])
    with qtbot.waitSignal(again.link_cards.card_ready, timeout=30_000):
        again.editor.setPlainText("http://boulangerie-martin.fr/galette")
        again.flush()
    again.flush()
    assert again.previews.preview("facebook").model.link.title == "Galette des rois"
    assert len(asked) == 2


def test_a_link_typed_letter_by_letter_is_asked_once(
    qtbot: QtBot, tmp_path: Path, web: tuple[list[str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked, proxy = web
    hold_pauses(monkeypatch)  # however slowly the keys arrive, no half-typed link is looked up
    page = make_page(qtbot, tmp_path, link_source=lambda: through_proxy(proxy, tmp_path / "cards"))
    page.set_online(True)
    page.targets.set_selected(["linkedin"])
    page.editor.setFocus()
    for char in "http://boulangerie-martin.fr/galette":
        post_key(page.editor, char)
        QApplication.processEvents()
    qtbot.waitUntil(lambda: page.editor.toPlainText().endswith("galette"), timeout=30_000)
    page.flush()
    with qtbot.waitSignal(page.link_cards.card_ready, timeout=30_000):
        end_pauses(page)
    assert asked == ["http://boulangerie-martin.fr/galette", "http://boulangerie-martin.fr/galette.png"]


def test_problems_follow_a_change_of_language(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> None:
    from cm_desktop.ui.i18n import Translations

    language: list[Lang] = ["en"]
    page = ComposerPage(
        SyncTaskRunner(), ManualClock(NOW), "Europe/Paris", tmp_path / "media", lambda: language[0]
    )
    qtbot.addWidget(page)
    page.targets.set_selected(["instagram"])
    page.editor.setPlainText("Bonjour")
    page.flush()
    row = next(r for r in page.issues_panel.rows if r.issue.code == "images.required")
    assert row.button is not None and row.button.text() == "Add a picture"
    translations = Translations(qapp)
    try:
        language[0] = "fr"
        translations.apply("fr")
        qtbot.waitUntil(lambda: "À corriger" in page.issues_panel.rows[0].label.text(), timeout=30_000)
        row = next(r for r in page.issues_panel.rows if r.issue.code == "images.required")
        assert row.button is not None and row.button.text() == "Ajouter une image"
        assert "image" in row.label.text()
    finally:
        translations.apply("en")
