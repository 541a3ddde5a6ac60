"""The main window: navigation on the left, one page at a time, connection state in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QEvent, QSettings, QSize, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget

from cm_desktop.ui.connectivity_indicator import ConnectivityIndicator
from cm_desktop.ui.icons import page_icon
from cm_desktop.ui.pages.placeholder import CONTEXT, PlaceholderPage
from cm_desktop.ui.reflow import ScrollPage, fit_to_screen
from cm_desktop.ui.theme import NAVIGATION_STYLE, scaled_font, text_scale

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QPaintEvent

# Before the first paint nothing here touches the `Qt` namespace (its first use builds ~130 enums, ~16 ms,
# see ui/theme.py), and a page not built yet sits in the stack as it is: it is put in a ScrollPage when the
# real page comes (set_page). What needs Qt's enums waits for after_first_paint().

NAVIGATION_MIN_WIDTH = 170
NAVIGATION_ICON = 20

# (object name, title, what the page will hold): stored untranslated, translated when shown.
# QT_TRANSLATE_NOOP returns its text unchanged, typed as object in the stubs.
PAGES: tuple[tuple[str, object, object], ...] = (
    (
        "home",
        QT_TRANSLATE_NOOP("Pages", "Home"),
        QT_TRANSLATE_NOOP(
            "Pages", "Your week at a glance: what is planned, what went out, and the next dates that matter."
        ),
    ),
    (
        "compose",
        QT_TRANSLATE_NOOP("Pages", "Compose"),
        QT_TRANSLATE_NOOP(
            "Pages", "Write a post once and see exactly how each network will show it before you schedule it."
        ),
    ),
    (
        "calendar",
        QT_TRANSLATE_NOOP("Pages", "Calendar"),
        QT_TRANSLATE_NOOP(
            "Pages", "Your posts by month and week, with the holidays and key dates for your trade."
        ),
    ),
    (
        "sending",
        QT_TRANSLATE_NOOP("Pages", "Sending"),
        QT_TRANSLATE_NOOP(
            "Pages",
            "What is on its way, what went out, and what needs you: posts to publish by hand or to check.",
        ),
    ),
    (
        "inbox",
        QT_TRANSLATE_NOOP("Pages", "Messages"),
        QT_TRANSLATE_NOOP("Pages", "Replies and mentions from every network in one place, so nobody waits."),
    ),
    (
        "listening",
        QT_TRANSLATE_NOOP("Pages", "Listening"),
        QT_TRANSLATE_NOOP(
            "Pages", "What people say about your trade, your town and your shop, with posts you can answer."
        ),
    ),
    (
        "accounts",
        QT_TRANSLATE_NOOP("Pages", "Accounts"),
        QT_TRANSLATE_NOOP(
            "Pages", "Connect your networks here; your passwords stay in this computer's keychain."
        ),
    ),
    (
        "insights",
        QT_TRANSLATE_NOOP("Pages", "Results"),
        QT_TRANSLATE_NOOP("Pages", "What your posts brought you: likes, shares, replies and new followers."),
    ),
    (
        "help",
        QT_TRANSLATE_NOOP("Pages", "Help"),
        QT_TRANSLATE_NOOP("Pages", "Simple guides and the words of social networks, explained."),
    ),
)


class MainWindow(QMainWindow):
    first_painted = Signal()
    closed = Signal()  # the app is going away: background timers stop

    def __init__(self, settings_page: QWidget | None, geometry: QSettings | None = None) -> None:
        """`settings_page`: None puts a placeholder in its place (see set_page_factory)."""
        super().__init__()
        self.setObjectName("main_window")
        self._geometry = geometry
        self._painted = False

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFont(scaled_font(self.navigation.font(), 1.1))
        self.navigation.setStyleSheet(NAVIGATION_STYLE)
        # Each real page in a ScrollPage: the window is as small as the screen allows, whatever the page.
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")

        self._nav_sources: list[str] = []
        self._badges: dict[str, int] = {}
        self._factories: dict[str, Callable[[], object]] = {}
        # Rows not on screen hold an empty widget until shown or asked for (_placeholder_at): laying out
        # ten placeholders' wrapped sentences cost ~5 ms before the first paint.
        self._unbuilt: dict[int, tuple[str, str, str]] = {}
        for name, title, sentence in PAGES:
            self._add_page(name, str(title), str(sentence))
        settings_title = str(QT_TRANSLATE_NOOP("Pages", "Settings"))
        self._add_page("settings", settings_title, "")
        if settings_page is not None:
            self.set_page("settings", settings_page)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.connectivity = ConnectivityIndicator()
        self.statusBar().addPermanentWidget(self.connectivity)

        self.quit_action: QAction | None = None

        self.navigation.currentRowChanged.connect(self._build_if_pending)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        fit_to_screen(self, QSize(1100, 720))
        self.statusBar().setSizeGripEnabled(False)
        self._restore_geometry()
        self.retranslate()
        self._draw_icons()

    def _draw_icons(self) -> None:
        """Each section's drawing in the navigation's text colours (again after a light/dark switch)."""
        palette = self.navigation.palette()
        normal = palette.color(QPalette.ColorRole.Text).name()
        selected = palette.color(QPalette.ColorRole.HighlightedText).name()
        for row in range(self.navigation.count()):
            item = self.navigation.item(row)
            item.setIcon(page_icon(str(item.data(256)), normal, selected))

    def _add_page(self, name: str, title: str, sentence: str) -> None:
        item = QListWidgetItem()
        item.setData(256, name)  # Qt.UserRole: the page's stable name
        self.navigation.addItem(item)
        self._nav_sources.append(title)
        if self.pages.count() == 0:  # the first row is shown at start
            self.pages.addWidget(PlaceholderPage(name, title, sentence))
        else:
            self._unbuilt[self.pages.addWidget(QWidget())] = (name, title, sentence)

    def _placeholder_at(self, row: int) -> None:
        """The placeholder of a row still empty (a title and a sentence, nothing to scroll)."""
        source = self._unbuilt.pop(row, None)
        if source is not None:
            self._replace_at(row, PlaceholderPage(*source)).deleteLater()

    def _replace_at(self, row: int, widget: QWidget) -> QWidget:
        """`widget` in the stack at `row`, the one it replaces returned (the page shown stays shown)."""
        old = self.pages.widget(row)
        assert old is not None
        self.pages.insertWidget(row, widget)
        self.pages.removeWidget(old)
        self.pages.setCurrentIndex(self.navigation.currentRow())
        return old

    def after_first_paint(self) -> None:
        """What needs Qt's enums, once the window is on screen: keyboard shortcuts, and the navigation's
        sideways scroll bar turned off (it is as wide as its longest name: none shows before this)."""
        from PySide6.QtCore import Qt

        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.install_shortcuts()

    def install_shortcuts(self) -> None:
        """Keyboard shortcuts; called after the first paint (building Qt's key enums costs ~30 ms)."""
        from PySide6.QtGui import QAction, QKeySequence

        self.quit_action = QAction(self)
        self.quit_action.setObjectName("quit_action")
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))  # Cmd+Q on macOS
        self.quit_action.triggered.connect(self.close)
        self.addAction(self.quit_action)
        self.retranslate()

    def set_page_factory(self, name: str, build: Callable[[], object]) -> None:
        """`build()` puts the real page in place (set_page) when the page is first shown or asked for, unless
        set_page came first: a page that costs start-up time need not be built before it is looked at."""
        self._factories[name] = build
        if self.navigation.currentItem() is not None and self.current_page_name() == name:
            self._build_if_pending(self.navigation.currentRow())

    def _build_if_pending(self, row: int) -> None:
        item = self.navigation.item(row)
        build = self._factories.pop(str(item.data(256)), None) if item is not None else None
        if build is not None:
            build()
        self._placeholder_at(row)  # no real page yet: its title and sentence

    def set_page(self, name: str, page: QWidget) -> None:
        """Put the real page in place of its placeholder (pages are built when first needed)."""
        self._factories.pop(name, None)
        row = self._row_of(name)
        self._unbuilt.pop(row, None)
        holder = self.pages.widget(row)
        old: QWidget | None
        if isinstance(holder, ScrollPage):
            old = holder.takeWidget()
            holder.setObjectName(f"scroll_{page.objectName() or 'page'}")
            holder.setWidget(page)
        else:  # the placeholder, in the stack as it is: its ScrollPage takes its place
            old = self._replace_at(row, ScrollPage(page))
        if old is not None and old is not page:
            old.deleteLater()

    def page(self, name: str) -> QWidget:
        row = self._row_of(name)
        self._build_if_pending(row)
        return self.page_at(row)

    def page_at(self, row: int) -> QWidget:
        self._placeholder_at(row)
        holder = self.pages.widget(row)
        assert holder is not None
        return holder.page() if isinstance(holder, ScrollPage) else holder

    def current_page(self) -> QWidget:
        return self.page_at(self.pages.currentIndex())

    def _row_of(self, name: str) -> int:
        for row in range(self.navigation.count()):
            if self.navigation.item(row).data(256) == name:
                return row
        raise KeyError(name)

    def show_page(self, name: str) -> None:
        self.navigation.setCurrentRow(self._row_of(name))

    def current_page_name(self) -> str:
        return str(self.navigation.currentItem().data(256))

    def set_badge(self, name: str, count: int) -> None:
        """A number after a page's name (things waiting for the person there); 0 removes it."""
        self._badges[name] = count
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle("CM Desktop")
        for row, source in enumerate(self._nav_sources):
            item = self.navigation.item(row)
            title = QCoreApplication.translate(CONTEXT, source)
            count = self._badges.get(str(item.data(256)), 0)
            item.setText(f"{title} ({count})" if count else title)
        self._fit_navigation()
        self.navigation.setAccessibleName(self.tr("Sections of the app"))
        if self.quit_action is not None:
            self.quit_action.setText(self.tr("Quit"))

    def _fit_navigation(self) -> None:
        """As wide as its longest name in this language and font (no "Suivi des envo…"), no wider."""
        self.navigation.ensurePolished()
        icon = round(NAVIGATION_ICON * text_scale())  # icons grow with the system font, as the words do
        self.navigation.setIconSize(QSize(icon, icon))
        frame = self.navigation.frameWidth() * 2
        widest = self.navigation.sizeHintForColumn(0)
        self.navigation.setFixedWidth(max(NAVIGATION_MIN_WIDTH, widest + frame + 2))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            # palette() colours in a style sheet are resolved when it is set: re-set it for light <-> dark.
            self.navigation.setStyleSheet(NAVIGATION_STYLE)
            self._draw_icons()
        elif event.type() == QEvent.Type.FontChange:
            self._fit_navigation()
        super().changeEvent(event)

    def tab_chain(self) -> list[QWidget]:
        """What Tab visits: the sections, then the page shown, in its reading order (DESIGN.md)."""
        from cm_desktop.ui.keyboard import reading_order

        holder = self.pages.currentWidget()  # the page's ScrollPage: a stop while the page scrolls
        return [self.navigation, *([holder, *reading_order(holder)] if holder is not None else [])]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter on a focused button presses it, as Space does (outside dialogs Qt leaves Enter unused)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QAbstractButton

        focused = self.focusWidget()
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(focused, QAbstractButton)
            and focused.isEnabled()
            and focused.window() is self
        ):
            focused.click()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def _restore_geometry(self) -> None:
        if self._geometry is None:
            return
        saved = self._geometry.value("main_window/geometry")
        if isinstance(saved, QByteArray) and not saved.isEmpty():
            self.restoreGeometry(saved)

    def save_geometry(self) -> None:
        if self._geometry is not None:
            self._geometry.setValue("main_window/geometry", self.saveGeometry())
            self._geometry.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        super().closeEvent(event)
        if event.isAccepted():
            self.closed.emit()
