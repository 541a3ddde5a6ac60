"""The Compose page: one text, the accounts and networks it goes to, per-network adjustments, counters,
problems with their fixes, pictures, previews, and the ways to send it (draft, schedule, queue, now).

Speed (bench/composer.py): key events are coalesced on a 0 ms timer, so several queued keys cost one
refresh of the counters and previews; the problems list (pre-flight) follows when typing pauses for
PROBLEMS_PAUSE_MS. Each network's text is measured and checked once (checks.CheckCache) and never past a
cap (checks.rules_cap); only the previews on screen are re-rendered (PreviewPanel). A text longer than
checks.LONG_TEXT (a pasted megabyte) is measured when typing pauses rather than on every key. Saving is
debounced and runs off the GUI thread; link cards are looked up in the background (LinkCardLoader).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core import networks as registry
from cm_desktop.core import posts
from cm_desktop.core.coach.dates import day_in_words
from cm_desktop.core.drafts import ConnectedAccount, Draft
from cm_desktop.core.i18n import Lang
from cm_desktop.core.link_card import card_link, card_links
from cm_desktop.core.ports import ServerLimits
from cm_desktop.core.posts import NewTarget, PostImage
from cm_desktop.core.rules.model import Fix, ImageFacts, Issue, Measure
from cm_desktop.core.schedule import Clock, Problem, from_utc
from cm_desktop.ui.composer.checks import LONG_TEXT, NO_LIMITS, CheckCache, preview_text
from cm_desktop.ui.composer.counters import CounterRow
from cm_desktop.ui.composer.issues_panel import IssuesPanel
from cm_desktop.ui.composer.link_cards import CardSource, LinkCardLoader, default_source
from cm_desktop.ui.composer.renditions import Renditions
from cm_desktop.ui.composer.targets import TargetSelector
from cm_desktop.ui.keyboard import leave_on_tab
from cm_desktop.ui.previews.model import LinkPreview, PreviewImage, PreviewModel
from cm_desktop.ui.reflow import GAP, FlowLayout, FlowRow, ScrollBody, ShortScroll, fitting_height
from cm_desktop.ui.tasks import TaskRunner
from cm_desktop.ui.theme import make_title, text_scale
from cm_desktop.ui.wizard.words import clock_words, join_names

log = logging.getLogger(__name__)

AUTOSAVE_MS = 800  # "saved within a second of the last keystroke"
LONG_TEXT_PAUSE_MS = 300  # a very long text is measured once typing pauses this long
PROBLEMS_PAUSE_MS = 150  # the problems list follows when typing pauses: it does not jump on every key
PREVIEWS_BESIDE_MIN_WIDTH = 340  # narrower, a post no longer looks like one: the previews go under
PREVIEWS_UNDER_MIN_HEIGHT = 380  # previews under the editor (a narrow window): room for one post at least


class ComposerPage(QWidget):
    draft_saved = Signal(int)  # post id
    post_scheduled = Signal(int)  # post id
    status_changed = Signal(str)  # a sentence for the person
    background_requested = Signal()  # "publish even when CM Desktop is closed", asked from the schedule

    def __init__(
        self,
        runner: TaskRunner,
        clock: Clock,
        zone: str,
        media_dir: Path,
        lang: Callable[[], Lang],
        networks: Sequence[str] | None = None,
        parent: QWidget | None = None,
        *,
        link_cache: Path | None = None,
        link_source: Callable[[], CardSource] | None = None,
        renditions_dir: Path | None = None,
    ) -> None:
        """`link_cache`: where link cards are kept (default: cache/link_cards beside the media folder);
        `link_source`: what looks them up (default: the real fetcher on that folder); `renditions_dir`:
        the pipeline's cache of pictures as each network gets them (default: cache/renditions, the
        outbox's)."""
        super().__init__(parent)
        self.setObjectName("page_compose")
        self.runner, self.clock, self.zone, self.media_dir, self._lang = runner, clock, zone, media_dir, lang
        # The data folder: pictures are stored relative to it (core/posts.py).
        self.data_dir = media_dir.parent
        cache = link_cache or media_dir.parent / "cache" / "link_cards"
        self.link_cards = LinkCardLoader(runner, link_source or default_source(cache), self)
        self.link_cards.card_ready.connect(lambda _link: self._schedule_refresh(0))
        self._checks = CheckCache()
        # The pictures as each network gets them: the checks judge what the outbox will really send.
        self.renditions = Renditions(
            runner, renditions_dir or media_dir.parent / "cache" / "renditions", self
        )
        self.renditions.ready.connect(self._renditions_ready)
        self._links: dict[str, list[str]] = {}  # links found per text, for the current refresh
        self.store: Any = None
        self.post_id: int | None = None
        # A draft opened before the accounts were read (the page is built when first needed): its targets are
        # chosen again once their accounts' toggles exist.
        self._accounts_read = False
        self._targets_waiting: tuple[NewTarget, ...] | None = None
        self._saving = False
        self._dirty = False
        self._hashtags: list[str] = []
        self._image_facts: list[ImageFacts] = []
        self._preview_images: tuple[PreviewImage, ...] = ()
        # Shown in the previews until accounts are connected (the business name once the profile is known).
        self.author, self.handle = "", ""
        self.measures: dict[str, Measure] = {}
        self.issues: dict[str, list[Issue]] = {}

        self.title_label = QLabel()
        self.title_label.setObjectName("page_title")
        make_title(self.title_label)
        self.targets = TargetSelector(registry.ids() if networks is None else networks)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("main_text")
        leave_on_tab(self.editor)  # Tab moves on to the next control; Ctrl+Tab types a tab
        self.editor.setMinimumHeight(5 * self.editor.fontMetrics().lineSpacing())  # the page scrolls instead
        self.overrides = QTabWidget()
        self.overrides.setObjectName("override_tabs")
        self.overrides.setVisible(False)  # shown once a network is chosen
        self.override_editors: dict[str, QPlainTextEdit] = {}
        self.suggestions = QWidget()
        self.suggestions.setObjectName("hashtag_suggestions")
        self._suggestion_layout = FlowLayout(self.suggestions, spacing=GAP)
        self.media = self._make_media_strip()
        self.counters = CounterRow()
        self.issues_panel = IssuesPanel()
        self.status = QLabel()
        self.status.setObjectName("composer_status")
        self.status.setWordWrap(True)
        # Sentences with apostrophes and names typed by the person: shown as written, never read as HTML.
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self._status_maker: Callable[[], str] | None = None
        self._status_about: int | None = None  # the sent post a line speaks of

        self.undo_button = QPushButton()
        self.redo_button = QPushButton()
        self.emoji_button = QPushButton("🙂")
        self.emoji_button.setObjectName("emoji_button")
        self.emoji_picker: Any = None  # made on first use (ui.composer.emoji_picker)
        self.background_publishing = False  # the OS job sends while the app is closed (Settings)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_draft")
        self.schedule_button = QPushButton()
        self.schedule_button.setObjectName("schedule")
        self.queue_button = QPushButton()
        self.queue_button.setObjectName("add_to_queue")
        self.publish_button = QPushButton()
        self.publish_button.setObjectName("publish_now")
        self.publish_button.setDefault(True)

        self.previews = self._make_previews()
        self._layout()
        self._connect()
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)
        # Key events already queued are taken together: one refresh for all of them.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self._refresh_counts)
        self._problems_timer = QTimer(self)
        self._problems_timer.setSingleShot(True)
        self._problems_timer.timeout.connect(self._refresh_problems)
        self._texts: dict[str, tuple[str, ServerLimits]] = {}  # per network: its text and server limits
        self._word: str | None = None  # the word the hashtag suggestions were made for
        self.retranslate()
        self.refresh()

    # --- building -------------------------------------------------------------------------------------

    def _make_media_strip(self) -> Any:
        from cm_desktop.ui.composer.media_strip import MediaStrip

        return MediaStrip(self.runner, self.media_dir)

    def _make_previews(self) -> Any:
        from cm_desktop.ui.previews import PreviewPanel

        panel = PreviewPanel()
        panel.setMinimumWidth(round(PREVIEWS_BESIDE_MIN_WIDTH * text_scale()))  # beside; under when narrower
        return panel

    def _layout(self) -> None:
        # Rows that wrap instead of widening the page (200 % scaling, a large font, long French labels).
        tools = FlowRow(
            (self.undo_button, self.redo_button, self.emoji_button, self.suggestions), name="tools"
        )
        actions = FlowRow(
            (self.save_button, self.schedule_button, self.queue_button, self.publish_button),
            align_right=True,
            name="actions",
        )

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(24, 24, 12, 16)
        column.addWidget(self.title_label)
        column.addWidget(self.targets)
        column.addWidget(self.editor, 3)
        column.addWidget(tools)
        column.addWidget(self.overrides, 1)
        column.addWidget(self.media)
        column.addWidget(self.counters)
        # The problems shown whole up to 24 lines (the column scrolls), past that in a list of their own.
        self.issues_scroll = ShortScroll(
            self.issues_panel, QT_TRANSLATE_NOOP("Reflow", "Problems found"), lines=24
        )
        self.issues_scroll.setObjectName("issues_scroll")
        column.addWidget(self.issues_scroll, 1)

        # A short window scrolls the column instead of squeezing it: squeezed, fixed-height parts (the
        # pictures) were drawn over their neighbours (the picture buttons, the description prompt).
        # Never sideways: the column keeps its minimum width, and the previews go under it when narrow.
        left_scroll = ScrollBody(left, QT_TRANSLATE_NOOP("Reflow", "Your post"))
        left_scroll.setObjectName("composer_column")
        splitter = QSplitter()
        splitter.addWidget(left_scroll)
        splitter.addWidget(self.previews)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        # Without sizes the editor column takes nearly all the width and previews get their minimum: too
        # narrow to look like a feed. These proportions are kept when the window is resized.
        splitter.setSizes([560, 460])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.editor_column = left
        # The status line and the buttons sit under both columns, on the page's own width: choosing networks
        # changes what the splitter gives each column, never where the buttons are.
        footer = QWidget()
        footer.setObjectName("composer_footer")
        bottom = QVBoxLayout(footer)
        bottom.setContentsMargins(24, 4, 24, 16)
        bottom.addWidget(self.status)
        bottom.addWidget(actions)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 4, 0)  # the previews' focus ring stays inside the window
        outer.setSpacing(0)
        outer.addWidget(splitter, 1)
        outer.addWidget(footer)

    def previews_beside(self) -> bool:
        return self.splitter.orientation() == Qt.Orientation.Horizontal

    def _reflow(self, width: int) -> None:
        """Previews beside the editor when both fit, under it otherwise (the page then scrolls)."""
        previews = round(PREVIEWS_BESIDE_MIN_WIDTH * text_scale())  # a larger font needs wider posts
        needed = self.editor_column.minimumSizeHint().width() + previews + self.splitter.handleWidth()
        beside = width >= needed
        if beside == self.previews_beside():
            return
        self.splitter.setOrientation(Qt.Orientation.Horizontal if beside else Qt.Orientation.Vertical)
        self.previews.setMinimumWidth(previews if beside else 0)
        self.previews.setMinimumHeight(0 if beside else PREVIEWS_UNDER_MIN_HEIGHT)
        if beside:
            self.splitter.setSizes([560, 460])

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._reflow(event.size().width())
        super().resizeEvent(event)

    def heightForWidth(self, width: int) -> int:
        """No taller than the window when it can be: the editor's column scrolls inside, and the buttons
        under both columns stay in view (the page holding it asks this, not for its preferred height)."""
        return fitting_height(self, width)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the editor's column: with less room than previews beside it need, they go under."""
        hint = super().minimumSizeHint()
        column = getattr(self, "editor_column", None)  # None while the page is being built
        if column is not None and self.previews_beside():
            hint.setWidth(column.minimumSizeHint().width())
        return hint

    def _connect(self) -> None:
        self.editor.textChanged.connect(self._on_edit)
        self.targets.targets_changed.connect(self._on_targets)
        self.media.media_changed.connect(self._on_media)
        self.issues_panel.fix_requested.connect(self.apply_fix)
        self.undo_button.clicked.connect(self.editor.undo)
        self.redo_button.clicked.connect(self.editor.redo)
        self.editor.undoAvailable.connect(self.undo_button.setEnabled)
        self.editor.redoAvailable.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.undo_button.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_button.setShortcut(QKeySequence.StandardKey.Redo)
        self.emoji_button.clicked.connect(self.show_emoji_picker)
        self.save_button.clicked.connect(lambda: self.save_now())  # clicked(bool) must not become `then`
        self.schedule_button.clicked.connect(self.schedule)
        self.queue_button.clicked.connect(self.add_to_queue)
        self.publish_button.clicked.connect(self.publish_now)

    # --- state ----------------------------------------------------------------------------------------

    def lang(self) -> Lang:
        return self._lang()

    def text_for(self, network: str) -> str:
        editor = self.override_editors.get(network)
        override = editor.toPlainText() if editor is not None else ""
        return override if override.strip() else self.editor.toPlainText()

    def draft(self) -> Draft:
        targets = []
        for target in self.targets.selected_targets():
            editor = self.override_editors.get(target.network)
            override = editor.toPlainText() if editor is not None and editor.toPlainText().strip() else None
            targets.append(NewTarget(target.network, target.account_id, override))
        media = tuple(
            PostImage(
                stored_path=posts.relative(item.path, self.data_dir),
                sha256=item.sha256,
                width=item.width,
                height=item.height,
                alt=item.alt,
                focal=item.focal,
            )
            for item in self.media.items()
        )
        return Draft(
            text=self.editor.toPlainText(), targets=tuple(targets), media=media, post_id=self.post_id
        )

    def set_store(self, store: Any) -> None:
        """Called once the store is open: offer the connected accounts, restore what was being written,
        learn the person's hashtags."""
        from cm_desktop.core.drafts import hashtag_suggestions, latest_draft

        self.store = store

        def accounts_known(accounts: list[ConnectedAccount]) -> None:
            # The draft comes after the accounts, so that its targets find their account's toggle.
            self.set_accounts(accounts)
            self.runner.run(lambda: latest_draft(store), self._restore, self._on_background_error)

        self._load_accounts(accounts_known)
        self.runner.run(
            lambda: hashtag_suggestions(store, "", 200), self._set_hashtags, self._on_background_error
        )

    def reload_accounts(self) -> None:
        """Offer the accounts as they are now in the store (call when one is connected or removed)."""
        self._load_accounts(self.set_accounts)

    def _load_accounts(self, then: Callable[[list[ConnectedAccount]], None]) -> None:
        from cm_desktop.core.drafts import connected_accounts

        store = self.store
        if store is not None:
            self.runner.run(lambda: connected_accounts(store), then, self._on_background_error)

    def set_accounts(self, accounts: Sequence[ConnectedAccount]) -> None:
        """One toggle per connected account, the other networks by hand; what was chosen stays chosen."""
        self.targets.set_accounts(accounts)
        self._accounts_read = True
        if self._targets_waiting is not None:
            self.targets.set_selected(self._targets_waiting)
            self._targets_waiting = None
        self.refresh()

    def set_online(self, online: bool) -> None:
        """Link cards are fetched only while online; offline the cards already kept are shown."""
        self.link_cards.set_online(online)
        if online:
            self._schedule_refresh(0)

    def _restore(self, draft: Draft | None) -> None:
        if draft is None or self.editor.toPlainText() or self.post_id is not None:
            return
        self.load(draft)
        self._say(lambda: self.tr("Your draft was restored."))

    def load(self, draft: Draft) -> None:
        self._say(None)
        self.post_id = draft.post_id
        self.editor.blockSignals(True)
        self.editor.setPlainText(draft.text)
        self.editor.blockSignals(False)
        self.targets.set_selected(draft.targets)
        self._targets_waiting = None if self._accounts_read else tuple(draft.targets)
        for target in draft.targets:
            if target.text_override and target.network in self.override_editors:
                self.override_editors[target.network].setPlainText(target.text_override)
        self._set_media(draft.media)
        self.refresh()

    def _set_hashtags(self, tags: list[str]) -> None:
        self._hashtags = tags
        self._word = None  # rebuild the suggestions for the current word
        self._update_suggestions()

    # --- reacting -------------------------------------------------------------------------------------

    def _on_edit(self) -> None:
        if self._status_maker is not None:
            self._say(None)  # the line spoke of what was there before this key
        long = self.editor.document().characterCount() > LONG_TEXT
        self._schedule_refresh(LONG_TEXT_PAUSE_MS if long else 0)
        self._update_suggestions()
        self._schedule_autosave()

    def _schedule_refresh(self, delay_ms: int) -> None:
        self._refresh_timer.start(delay_ms)
        self._problems_timer.start(max(delay_ms, PROBLEMS_PAUSE_MS))

    def refresh_pending(self, problems: bool = True) -> bool:
        """True while a keystroke's refresh is still to come: counters and previews, and (unless
        `problems` is False) the problems list. Tests and the bench wait on it."""
        return self._refresh_timer.isActive() or (problems and self._problems_timer.isActive())

    def flush(self) -> None:
        """Run a pending refresh now: whatever reads the counts or problems next sees the current text."""
        if self._refresh_timer.isActive():
            self._refresh_counts()
        if self._problems_timer.isActive():
            self._refresh_problems()

    def _on_targets(self, networks: list[str]) -> None:
        for network in list(self.override_editors):
            if network not in networks:
                editor = self.override_editors.pop(network)
                self.overrides.removeTab(self.overrides.indexOf(editor))
                editor.deleteLater()
        for network in networks:
            if network not in self.override_editors:
                editor = QPlainTextEdit()
                editor.setObjectName(f"override_{network}")
                leave_on_tab(editor)
                editor.textChanged.connect(self._on_edit)
                self.override_editors[network] = editor
                self.overrides.addTab(editor, registry.name_of(network).get(self.lang()))
        self._retranslate_overrides()
        self.overrides.setVisible(bool(networks))
        self.previews.set_networks(networks)
        self.media.set_networks(networks)
        self.refresh()
        self._schedule_autosave()

    def _set_media(self, media: Sequence[PostImage]) -> None:
        from cm_desktop.ui.composer.media_strip import MediaItem

        self.media.set_items(
            [
                MediaItem(
                    posts.absolute(m.stored_path, self.data_dir), m.sha256, m.width, m.height, m.alt, m.focal
                )
                for m in media
            ]
        )

    def _on_media(self, _items: object = None) -> None:
        # Facts for the rules are gathered here, when pictures change, never on a keystroke.
        facts = []
        for item in self.media.items():
            try:
                size = item.path.stat().st_size
            except OSError:
                size = 0
            facts.append(ImageFacts(item.width, item.height, size, item.path.suffix.lstrip("."), item.alt))
        self._image_facts = facts
        self._preview_images = tuple(PreviewImage(str(i.path), i.alt) for i in self.media.items())
        self.refresh()
        self._schedule_autosave()

    def refresh(self) -> None:
        """Counters, previews and problems, at once (targets, pictures or a whole draft changed)."""
        self._refresh_counts()
        self._refresh_problems()

    def _refresh_counts(self) -> None:
        """Measure every chosen network's text (once per text); update the counters and the previews."""
        self._refresh_timer.stop()
        main = self.editor.toPlainText()
        networks = self.targets.selected()
        self._checks.forget_except(networks)
        self._links, self._texts, self.measures = {}, {}, {}
        models: dict[str, PreviewModel] = {}
        for network in networks:
            editor = self.override_editors.get(network)
            override = editor.toPlainText() if editor is not None else ""
            text = override if override.strip() else main
            account = self.targets.account_for(network)
            limits = account.limits if account is not None else NO_LIMITS
            self._texts[network] = (text, limits)
            self.measures[network] = self._checks.measure(network, text, limits)
            shown = preview_text(network, text, limits)
            models[network] = PreviewModel(
                text=shown,
                author=(account.display_name or account.handle) if account is not None else self.author,
                handle=account.handle if account is not None else self.handle,
                images=self._preview_images,
                link=self._link_card(network, shown),
            )
        self.counters.update_measures(self.measures)
        self.previews.update_model(models)

    def _refresh_problems(self) -> None:
        """Pre-flight every chosen network's text (once per text) and show the problems."""
        self._problems_timer.stop()
        if self._refresh_timer.isActive():
            self._refresh_counts()
        if self._empty():
            # Nothing written yet (a fresh post, the one after a success): nothing to alarm anyone about.
            self.issues = {network: [] for network in self._texts}
            self.issues_panel.show_issues(self.issues, self.lang(), empty_post=True)
            self.issues_scroll.updateGeometry()  # the list shown whole up to 24 lines
            return
        self.issues = {
            network: self._fitted(network, self._checks.problems(network, text, self._image_facts, limits))
            for network, (text, limits) in self._texts.items()
        }
        self.issues_panel.show_issues(self.issues, self.lang())
        self.issues_scroll.updateGeometry()  # the list shown whole up to 24 lines

    def _empty(self) -> bool:
        return (
            not self.editor.toPlainText().strip()
            and not any(e.toPlainText().strip() for e in self.override_editors.values())
            and self.media.list.count() == 0
        )

    def _renditions_ready(self) -> None:
        self._problems_timer.start(0)  # the problems follow on the next turn of the event loop

    def _fitted(self, network: str, issues: list[Issue]) -> list[Issue]:
        """The rules' picture issues once the pipeline has prepared each picture for `network`, as the
        outbox will send it (core.posts.fitted): what it resizes is a note, what it cannot prepare blocks."""
        items = self.media.items()
        if not items:
            return issues
        account = self.targets.account_for(network)
        spec = registry.get(network).rendition_on(account.limits if account is not None else None)
        made, pending = {}, []
        for index, item in enumerate(items):
            result = self.renditions.get(item.path, item.sha256, item.focal, spec)
            if result is None:
                pending.append(index)
            else:
                made[index] = result
        return posts.fitted(issues, made, network, pending)

    def _link_card(self, network: str, text: str) -> LinkPreview | None:
        """The card `network` shows for the text's link: none with pictures (every network drops it then)."""
        from cm_desktop.ui.previews.registry import PREVIEWS

        preview = PREVIEWS.get(network)
        if self._preview_images or preview is None or preview.card_look is None or "." not in text:
            return None
        links = self._links.get(text)
        if links is None:
            links = self._links[text] = card_links(text)
        link = card_link(network, text, links)
        return self.link_cards.card(link) if link is not None else None

    def _update_suggestions(self) -> None:
        word = self._current_word()
        if word == self._word:
            return  # the same word: the same suggestions (most keystrokes inside a word change it, though)
        self._word = word
        while self._suggestion_layout.count():
            item = self._suggestion_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if not word.startswith("#") or not self._hashtags:
            return
        wanted = word[1:].casefold()
        for tag in [t for t in self._hashtags if t[1:].casefold().startswith(wanted) and t != word][:5]:
            button = QPushButton(tag)
            button.setFlat(True)
            button.setObjectName("hashtag_suggestion")
            button.clicked.connect(lambda _=False, t=tag: self._complete_word(t))
            self._suggestion_layout.addWidget(button)

    def _current_word(self) -> str:
        # From the start of the line to the cursor: never the whole text (a pasted megabyte).
        cursor = self.editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock, QTextCursor.MoveMode.KeepAnchor)
        text = cursor.selectedText()
        return text[text.rfind(" ") + 1 :]

    def _complete_word(self, word: str) -> None:
        cursor = self.editor.textCursor()
        current = self._current_word()
        cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, len(current))
        cursor.insertText(word + " ")
        self.editor.setFocus()

    # --- fixes ----------------------------------------------------------------------------------------

    def apply_fix(self, network: str, fix: Fix) -> None:
        self.flush()
        editor = self.override_editors.get(network)
        if editor is None or not editor.toPlainText().strip():
            editor = self.editor
        if fix.kind == "shorten":
            measure = self.measures.get(network)
            start = measure.overflow_at if measure is not None and measure.overflow_at is not None else None
            if start is not None:
                self._select(editor, start, len(editor.toPlainText()))
        elif (
            fix.kind in ("fix_link", "remove_text", "complete")
            and fix.start is not None
            and fix.end is not None
        ):
            self._select(editor, fix.start, fix.end)
            if fix.kind == "remove_text":
                editor.textCursor().removeSelectedText()
        elif fix.kind == "write_text":
            editor.setFocus()
        elif fix.kind == "add_image":
            self.media.add_from_dialog()
        elif fix.kind == "add_alt" and fix.image is not None:
            self.media.edit_alt(fix.image)
        elif fix.kind == "crop" and fix.image is not None:
            self.edit_crop(fix.image, network)

    def edit_crop(self, index: int, network: str) -> None:
        """Show where the network will crop the picture; a click moves the point kept in view."""
        from PySide6.QtGui import QPixmap
        from PySide6.QtWidgets import QDialog, QDialogButtonBox

        from cm_desktop.ui.composer.crop_view import CropView

        items = self.media.items()
        if not 0 <= index < len(items):
            return
        item = items[index]
        account = self.targets.account_for(network)
        media_rules = registry.get(network).accepts_on(account.limits if account is not None else None)
        aspect = (
            (media_rules.aspect_min, media_rules.aspect_max)
            if media_rules.aspect_min and media_rules.aspect_max
            else None
        )
        dialog = QDialog(self)
        dialog.setObjectName("crop_dialog")
        dialog.setWindowTitle(self.tr("Adjust the crop"))
        view = CropView(aspect, network_label=registry.name_of(network).get(self.lang()))
        view.set_image(QPixmap(str(item.path)), focal=item.focal)
        view.focal_changed.connect(lambda x, y: self.media.set_focal(index, (x, y)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.accept)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        layout.addWidget(buttons)
        self.crop_dialog = dialog
        dialog.open()

    @staticmethod
    def _select(editor: QPlainTextEdit, start: int, end: int) -> None:
        # Rules count in code points; Qt positions are UTF-16 units.
        text = editor.toPlainText()
        to_qt = len(text[:start].encode("utf-16-le")) // 2
        to_qt_end = len(text[:end].encode("utf-16-le")) // 2
        cursor = editor.textCursor()
        cursor.setPosition(to_qt)
        cursor.setPosition(to_qt_end, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.setFocus()

    # --- emoji ----------------------------------------------------------------------------------------

    def show_emoji_picker(self) -> None:
        from cm_desktop.ui.composer.emoji_picker import EmojiPicker

        if self.emoji_picker is None:
            # One picker for the page's life: it keeps the emoji used recently.
            self.emoji_picker = EmojiPicker(parent=self)
            self.emoji_picker.emoji_chosen.connect(self.editor.insertPlainText)
        self.emoji_picker.popup_under(self.emoji_button)

    # --- saving and sending ---------------------------------------------------------------------------

    def _schedule_autosave(self) -> None:
        self._autosave.start()

    def save_now(self, then: Callable[[int], None] | None = None) -> None:
        if self.store is None:
            return
        if self._saving:
            self._dirty = True  # save again when the one in flight lands: never two new posts at once
            return
        from cm_desktop.core.drafts import save_draft

        draft, store = self.draft(), self.store
        self._saving, self._dirty = True, False

        def done(post_id: int) -> None:
            self._saving = False
            self.post_id = post_id
            self.draft_saved.emit(post_id)
            if self._dirty:
                self.save_now(then)
            elif then is not None:
                then(post_id)

        def failed(error: BaseException) -> None:
            self._saving = False
            self._on_background_error(error)

        self.runner.run(lambda: save_draft(store, draft), done, failed)

    def _ready(self) -> bool:
        from cm_desktop.core.drafts import readiness_problems

        self.flush()  # the problems of the text as it is now, not as it was before the last key
        problems = readiness_problems(self.draft())
        blocking = [i for found in self.issues.values() for i in found if i.severity.value == "blocks"]
        if problems:
            first = problems[0]
            self._say(lambda: first.get(self.lang()))
            return False
        if blocking:
            self._say(lambda: self.tr("Fix the problems marked “Must fix” first."))
            return False
        if self.renditions.pending():
            self._say(lambda: self.tr("The pictures are still being prepared for each network: one moment."))
            return False
        return True

    def schedule(self) -> None:
        if not self._ready():
            return
        self._autosave.stop()
        self.save_now(self._open_schedule_dialog)

    def _open_schedule_dialog(self, post_id: int) -> None:
        from cm_desktop.core.drafts import schedule_draft
        from cm_desktop.ui.composer.schedule_dialog import ScheduleDialog

        now = self.clock.now()
        initial = from_utc(now + timedelta(hours=1), self.zone).replace(minute=0, second=0, microsecond=0)

        store, zone, clock = self.store, self.zone, self.clock

        def attempt(local: datetime) -> Sequence[Problem]:  # on the task runner
            return schedule_draft(store, post_id, local, zone, clock.now())

        needs_app = not self.background_publishing and any(
            t.account_id is not None and not registry.get(t.network).can.native_scheduling
            for t in self.targets.selected_targets()
        )
        dialog = ScheduleDialog(
            self.zone, initial, attempt, self.lang(), self.runner, self, app_must_be_open=needs_app
        )
        dialog.background_requested.connect(self.background_requested)
        self.schedule_dialog = dialog
        dialog.accepted.connect(lambda: self._sent(post_id, dialog.chosen))
        dialog.open()

    def add_to_queue(self) -> None:
        if not self._ready():
            return
        self._autosave.stop()
        self.save_now(self._queue)

    def _queue(self, post_id: int) -> None:
        from cm_desktop.core.drafts import queue_draft

        store, networks, now = self.store, self.targets.selected(), self.clock.now()

        def done(result: tuple[datetime | None, list[Any]]) -> None:
            local, problems = result
            if local is None:
                first = problems[0]
                self._say(
                    lambda: first.get(self.lang()) if hasattr(first, "get") else first.message(self.lang())
                )
                return
            self._sent(post_id, local, queued=True)

        self.runner.run(
            lambda: queue_draft(store, post_id, networks, self.zone, now), done, self._on_background_error
        )

    def publish_now(self) -> None:
        if not self._ready():
            return
        self._autosave.stop()

        def queue(post_id: int) -> None:
            from cm_desktop.core.drafts import publish_now

            store, now = self.store, self.clock.now()
            self.runner.run(
                lambda: publish_now(store, post_id, now),
                lambda _: self._sent(post_id, None),
                self._on_background_error,
            )

        self.save_now(queue)

    def _sent(self, post_id: int, local: datetime | None, queued: bool = False) -> None:
        """The post left the composer: say where it went (about that post), and start a fresh one."""
        self.post_scheduled.emit(post_id)
        networks = self.targets.selected()

        def sentence() -> str:
            lang = self.lang()
            names = join_names([registry.name_of(n).get(lang) for n in networks])
            if local is None:
                return self.tr("Your post will be sent as soon as the computer is online.")
            when = (
                self.tr("%1 at %2")
                .replace("%1", day_in_words(local.date(), lang))
                .replace("%2", clock_words(local.hour * 60 + local.minute, lang))
            )
            if queued:
                text = self.tr("Added to the queue: it goes out on %1 on %2, the next free posting time.")
            else:
                text = self.tr("Scheduled for %1 on %2.")
            return text.replace("%1", when).replace("%2", names) + " " + self.tr("It is in the Calendar.")

        self._say(sentence, about=post_id)
        self.post_id = None
        self._targets_waiting = None
        self.editor.blockSignals(True)
        self.editor.clear()
        self.editor.blockSignals(False)
        for editor in self.override_editors.values():
            editor.blockSignals(True)
            editor.clear()
            editor.blockSignals(False)
        self._set_media(())
        self.refresh()

    def forget_sent(self, _post_id: object = None) -> None:
        """Posts changed elsewhere (moved in the calendar, sent, deleted): a line about a sent post may no
        longer be true, so it goes."""
        if self._status_about is not None:
            self._say(None)

    def _on_background_error(self, error: BaseException) -> None:
        from cm_desktop.core.store import known_error

        known = known_error(error)
        if known is not None:
            self._say(lambda: known.message(self.lang()))
        else:
            log.error("composer background work failed", exc_info=error)
            self._say(lambda: self.tr("Something went wrong while saving. Your text is still here."))

    def _say(self, sentence: Callable[[], str] | None, about: int | None = None) -> None:
        """Show a sentence under the post. It is made again on a language change (it follows the
        language), and it belongs to the draft it describes: typing, another draft or a change to the post
        it is `about` elsewhere take it away."""
        self._status_maker, self._status_about = sentence, about
        text = sentence() if sentence is not None else ""
        self.status.setText(text)
        if text:
            self.status_changed.emit(text)

    # --- language -------------------------------------------------------------------------------------

    def _retranslate_overrides(self) -> None:
        for network, editor in self.override_editors.items():
            label = registry.name_of(network).get(self.lang())
            self.overrides.setTabText(self.overrides.indexOf(editor), label)
            editor.setPlaceholderText(
                self.tr("Same as the main text. Type here to write a different text for %1.").replace(
                    "%1", label
                )
            )
            editor.setAccessibleName(self.tr("Text for %1").replace("%1", label))

    def set_author(self, name: str, handle: str = "") -> None:
        self.author, self.handle = name, handle
        self.refresh()

    def retranslate(self) -> None:
        if not self.author:
            self.author = self.tr("Your business")
        self.title_label.setText(self.tr("Compose"))
        self.editor.setPlaceholderText(
            self.tr("Write your post here. Choose the networks above; each one is checked as you type.")
        )
        self.editor.setAccessibleName(self.tr("Text of the post"))
        self.undo_button.setText(self.tr("Undo"))
        self.redo_button.setText(self.tr("Redo"))
        self.emoji_button.setAccessibleName(self.tr("Insert an emoji"))
        self.emoji_button.setToolTip(self.tr("Insert an emoji"))
        self.save_button.setText(self.tr("Save draft"))
        self.schedule_button.setText(self.tr("Schedule…"))
        self.queue_button.setText(self.tr("Add to queue"))
        self.publish_button.setText(self.tr("Publish now"))
        self._retranslate_overrides()
        self.refresh_language()

    def refresh_language(self) -> None:
        if getattr(self, "_status_maker", None) is not None:
            self.status.setText(self._status_maker())  # type: ignore[misc]
        if hasattr(self, "measures"):
            self.issues_panel.retranslate()
            self.issues_panel.show_issues(self.issues, self.lang(), empty_post=self._empty())
            self.issues_scroll.updateGeometry()  # the list shown whole up to 24 lines

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self.targets.restyle(self.palette())
        super().changeEvent(event)
