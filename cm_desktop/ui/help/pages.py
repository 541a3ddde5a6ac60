"""Help: the glossary (searchable, word + plain explanation) and the short step-by-step guides.

Content comes from core.coach in the current language; it is re-read on a language change.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cm_desktop.core.coach import GlossaryTerm, Guide, glossary, guides
from cm_desktop.core.i18n import Lang
from cm_desktop.ui.i18n import current_lang
from cm_desktop.ui.theme import make_body, make_title, scaled_font

CODE_ROLE = 256  # Qt.UserRole: the stable code of a term or guide
WORD_ROLE = 257  # the word alone, drawn in bold above its meaning
MEANING_ROLE = 258
PADDING = 8


class TermDelegate(QStyledItemDelegate):
    """The word in bold, its meaning wrapped under it: a glossary reads like a printed one."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        word = QFont(option.font)
        word.setWeight(QFont.Weight.DemiBold)
        return word, QFont(option.font)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        word_font, body_font = self._fonts(option)
        view = option.widget
        width = (view.viewport().width() if isinstance(view, QAbstractScrollArea) else 600) - 2 * PADDING
        flags = int(Qt.TextFlag.TextWordWrap)
        word = QFontMetrics(word_font).boundingRect(0, 0, width, 10_000, flags, str(index.data(WORD_ROLE)))
        body = QFontMetrics(body_font).boundingRect(0, 0, width, 10_000, flags, str(index.data(MEANING_ROLE)))
        return QSize(width, word.height() + body.height() + 2 * PADDING + 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        style_option = QStyleOptionViewItem(option)
        self.initStyleOption(style_option, index)
        style_option.text = ""  # the background, selection and focus come from the style; the text from us
        style = option.widget.style() if option.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, style_option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        word_font, body_font = self._fonts(option)
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        flags = int(Qt.TextFlag.TextWordWrap)
        painter.save()
        painter.setPen(option.palette.color(role))
        painter.setFont(word_font)
        drawn = painter.boundingRect(rect, flags, str(index.data(WORD_ROLE)))
        painter.drawText(rect, flags, str(index.data(WORD_ROLE)))
        painter.setFont(body_font)
        painter.drawText(rect.adjusted(0, drawn.height() + 2, 0, 0), flags, str(index.data(MEANING_ROLE)))
        painter.restore()


def folded(text: str) -> str:
    """Lower case without accents: typing "evenement" finds "Événement"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class GlossaryPage(QWidget):
    def __init__(self, lang: Callable[[], Lang] = current_lang, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_glossary")
        self._lang = lang
        self.search = QLineEdit()
        self.search.setObjectName("glossary_search")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("glossary_list")
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setAlternatingRowColors(True)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setItemDelegate(TermDelegate(self.list))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)  # re-wrap the meanings on resize
        self.empty = QLabel()
        self.empty.setObjectName("glossary_empty")
        self.empty.setWordWrap(True)
        self.empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        self.search.textChanged.connect(self.filter)
        self.retranslate()

    def retranslate(self) -> None:
        lang = self._lang()
        self.search.setPlaceholderText(self.tr("Search a word, e.g. hashtag"))
        self.search.setAccessibleName(self.tr("Search the glossary"))
        self.list.setAccessibleName(self.tr("Glossary"))
        self.empty.setText(self.tr("No word matches your search."))
        self.list.clear()
        for entry in glossary(lang):
            self.list.addItem(self._item(entry, lang))
        self.filter(self.search.text())

    @staticmethod
    def _item(entry: GlossaryTerm, lang: Lang) -> QListWidgetItem:
        word, meaning = entry.term.get(lang), entry.meaning.get(lang)
        item = QListWidgetItem(f"{word}\n{meaning}")
        item.setData(CODE_ROLE, entry.code)
        item.setData(WORD_ROLE, word)
        item.setData(MEANING_ROLE, meaning)
        return item

    def filter(self, query: str) -> None:
        wanted = folded(query.strip())
        shown = 0
        for row in range(self.list.count()):
            item = self.list.item(row)
            match = not wanted or wanted in folded(item.text())
            item.setHidden(not match)
            shown += match
        self.empty.setVisible(shown == 0)

    def visible_codes(self) -> list[str]:
        return [
            str(self.list.item(r).data(CODE_ROLE))
            for r in range(self.list.count())
            if not self.list.item(r).isHidden()
        ]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class GuidesPage(QWidget):
    """The list of guides on the left; the chosen guide's numbered steps on the right."""

    url_opened = Signal(str)

    def __init__(
        self,
        lang: Callable[[], Lang] = current_lang,
        open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("help_guides")
        self._lang, self._open_url = lang, open_url
        self.list = QListWidget()
        self.list.setObjectName("guides_list")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setMaximumWidth(320)
        self.title = QLabel()
        self.title.setObjectName("guide_title")
        self.title.setWordWrap(True)
        font = self.title.font()
        self.title.setFont(scaled_font(font, 1.3, font.Weight.DemiBold))
        self.steps = QLabel()
        self.steps.setObjectName("guide_steps")
        self.steps.setWordWrap(True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.steps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        make_body(self.steps)
        self.open_button = QPushButton()
        self.open_button.setObjectName("guide_open")
        right = QVBoxLayout()
        right.addWidget(self.title)
        right.addWidget(self.steps)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        right.addLayout(row)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(20)
        layout.addWidget(self.list)
        layout.addLayout(right, 1)
        self.list.currentRowChanged.connect(self._show)
        self.open_button.clicked.connect(self.open_guide_url)
        self.retranslate()

    def _guide(self) -> Guide | None:
        item = self.list.currentItem()
        if item is None:
            return None
        code = item.data(CODE_ROLE)
        return next((g for g in guides() if g.code == code), None)

    def _show(self, _row: int = 0) -> None:
        import html

        guide = self._guide()
        lang = self._lang()
        if guide is None:
            self.title.clear()
            self.steps.clear()
            self.open_button.hide()
            return
        self.title.setText(guide.title.get(lang))
        # Steps are our own texts, escaped anyway: rich text only for the numbered list.
        items = "".join(f"<li style='margin-bottom:8px'>{html.escape(s.get(lang))}</li>" for s in guide.steps)
        self.steps.setText(f"<ol style='margin-left:0'>{items}</ol>")
        self.steps.setAccessibleName(guide.title.get(lang))
        self.open_button.setVisible(bool(guide.url))

    def open_guide_url(self) -> bool:
        guide = self._guide()
        if guide is None or not guide.url:
            return False
        self.url_opened.emit(guide.url)
        return self._open_url(QUrl(guide.url))

    def retranslate(self) -> None:
        lang = self._lang()
        row = max(0, self.list.currentRow())
        self.list.blockSignals(True)
        self.list.clear()
        for guide in guides():
            item = QListWidgetItem(guide.title.get(lang))
            item.setData(CODE_ROLE, guide.code)
            self.list.addItem(item)
        self.list.setCurrentRow(min(row, self.list.count() - 1))
        self.list.blockSignals(False)
        self.list.setAccessibleName(self.tr("Guides"))
        self.open_button.setText(self.tr("&Open the website"))
        self.open_button.setAccessibleName(self.tr("Open the website"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class HelpPage(QWidget):
    """Both, as tabs under one title: what the lead puts in the navigation."""

    def __init__(
        self,
        lang: Callable[[], Lang] = current_lang,
        open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page_help")
        self.title_label = QLabel()
        self.title_label.setObjectName("page_title")
        make_title(self.title_label)
        self.glossary = GlossaryPage(lang)
        self.guides = GuidesPage(lang, open_url)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("help_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.guides, "")
        self.tabs.addTab(self.glossary, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(self.title_label)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Help"))
        self.tabs.setTabText(0, self.tr("&Guides"))
        self.tabs.setTabText(1, self.tr("G&lossary"))
        self.tabs.setAccessibleName(self.tr("Help"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
