"""The wizard's pages: language, the business, goals, time, networks, connecting, and the plan.

Texts from the coach (kinds, goals, network blurbs, the plan) are core `Text` in the language chosen on the
first page; the page's own words go through tr(). Both are re-set in `retranslate()`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from cm_desktop.core import networks as registry
from cm_desktop.core.coach import (
    BUDGET_LABELS,
    GOAL_LABELS,
    KIND_LABELS,
    Goal,
    Plan,
    ProfileAnswers,
    TimeBudget,
    network_blurb,
    recommend_networks,
    rhythm_for,
)
from cm_desktop.core.coach.dates import day_in_words, weekday_name
from cm_desktop.core.coach.plan import choose_networks
from cm_desktop.core.coach.trades import Trade, trade_from_text
from cm_desktop.core.i18n import Lang, Text
from cm_desktop.core.models import BusinessKind
from cm_desktop.core.onboarding import COUNTRIES, default_zone
from cm_desktop.ui.icons import network_mark
from cm_desktop.ui.reflow import ContentScroll, ScrollPage
from cm_desktop.ui.theme import make_body, make_title, scaled_font
from cm_desktop.ui.wizard.words import capitalised, clock_words, join_names

# Pages read best as a column, not stretched across a wide window.
COLUMN_WIDTH = 720
PAGE_COUNT = 7
INNER_LIST_MIN_HEIGHT = 180  # a list that scrolls inside a page that scrolls: a few rows at least


def _body(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names typed by the person are never read as HTML
    if name:
        label.setObjectName(name)
    return label


def _hint(name: str = "") -> QLabel:
    # Secondary text keeps the normal text colour: a grey fails contrast in one of light or dark.
    return _body(name=name)


class WizardPageBase(QWizardPage):
    """A step counter, a big title, one sentence, then the page's own widgets in a readable column."""

    def __init__(self, name: str, step: int, lang: Callable[[], Lang]) -> None:
        super().__init__()
        self.setObjectName(f"wizard_page_{name}")
        self._lang, self._step = lang, step
        self.step_label = _hint("step_label")
        self.title_label = QLabel()
        self.title_label.setObjectName("page_title")
        self.title_label.setWordWrap(True)
        make_title(self.title_label)
        self.intro_label = _body(name="page_intro")
        make_body(self.intro_label)
        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        self.content = QVBoxLayout(column)
        self.content.setContentsMargins(0, 0, 0, 0)
        self.content.setSpacing(10)
        self.content.addWidget(self.step_label)
        self.content.addWidget(self.title_label)
        self.content.addWidget(self.intro_label)
        self.content.addSpacing(8)
        # The page scrolls when the window is short (200 %, a large font): the wizard's buttons stay visible.
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(32, 24, 32, 12)
        row.addWidget(column, 1)
        row.addStretch(0)
        self.page_scroll = ScrollPage(holder)
        self.page_scroll.setObjectName("wizard_page_scroll")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.page_scroll)

    def lang(self) -> Lang:
        return self._lang()

    def retranslate(self) -> None:
        self.step_label.setText(
            self.tr("Step %1 of %2").replace("%1", str(self._step)).replace("%2", str(PAGE_COUNT))
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LanguagePage(WizardPageBase):
    language_chosen = Signal(str)  # "fr" or "en"

    def __init__(self, lang: Callable[[], Lang]) -> None:
        super().__init__("language", 1, lang)
        self.choice_label = QLabel()
        font = self.choice_label.font()
        self.choice_label.setFont(scaled_font(font, 1.1, font.Weight.DemiBold))
        # The language names are written in their own language: someone who reads only one finds it.
        self.french = QRadioButton("Français")
        self.french.setObjectName("language_fr")
        self.english = QRadioButton("English")
        self.english.setObjectName("language_en")
        self.group = QButtonGroup(self)
        self.group.addButton(self.french)
        self.group.addButton(self.english)
        (self.french if lang() == "fr" else self.english).setChecked(True)
        for button in (self.french, self.english):
            button.setFont(scaled_font(button.font(), 1.15))
            button.setAccessibleName(button.text())
        self.content.addWidget(self.choice_label)
        self.content.addWidget(self.french)
        self.content.addWidget(self.english)
        self.content.addStretch(1)
        self.french.toggled.connect(lambda on: self._toggled("fr", on))
        self.english.toggled.connect(lambda on: self._toggled("en", on))
        self.retranslate()

    def _toggled(self, code: str, on: bool) -> None:
        if on:  # the other button's "off" is not a choice
            self.language_chosen.emit(code)

    def chosen(self) -> Lang:
        return "fr" if self.french.isChecked() else "en"

    def retranslate(self) -> None:
        super().retranslate()
        self.title_label.setText(self.tr("Welcome!"))
        self.intro_label.setText(
            self.tr(
                "A few simple questions, about two minutes, and CM Desktop suggests a plan that fits your "
                "week. You can skip this and come back to it any time from Settings."
            )
        )
        self.choice_label.setText(self.tr("Language of the app"))


@dataclass(frozen=True)
class BusinessAnswers:
    name: str
    kind: BusinessKind | None
    trade: str  # a code of core.coach.trades, "" when what was typed matched none
    product: str
    town: str
    country: str  # "" for another country
    zone: str


class BusinessPage(WizardPageBase):
    def __init__(self, lang: Callable[[], Lang], zones: list[str], fallback_zone: str) -> None:
        super().__init__("business", 2, lang)
        self._zones, self._fallback_zone = set(zones), fallback_zone
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("business_name")
        # Her trade in her words ("fleuriste", "club de foot"): it sets the kind and makes the ideas fit.
        self.trade_edit = QLineEdit()
        self.trade_edit.setObjectName("business_trade")
        self.trade_hint = _hint("trade_hint")
        self.trade_found: Trade | None = None
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("business_kind")
        for kind in KIND_LABELS:
            self.kind_combo.addItem("", kind.value)
        self.kind_combo.setCurrentIndex(-1)
        self.kind_combo.setPlaceholderText(" ")
        self.product_edit = QLineEdit()
        self.product_edit.setObjectName("business_product")
        self.town_edit = QLineEdit()
        self.town_edit.setObjectName("business_town")
        self.country_combo = QComboBox()
        self.country_combo.setObjectName("business_country")
        for code in (*COUNTRIES, ""):
            self.country_combo.addItem("", code)
        self.zone_combo = QComboBox()
        self.zone_combo.setObjectName("business_zone")
        self.zone_combo.setEditable(True)
        self.zone_combo.addItems(zones)
        self.zone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(zones, self.zone_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone_combo.setCompleter(completer)
        self.zone_hint = _hint("zone_hint")

        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        for key, field in (
            ("name", self.name_edit),
            ("trade", self.trade_edit),
            ("kind", self.kind_combo),
            ("product", self.product_edit),
            ("town", self.town_edit),
            ("country", self.country_combo),
            ("zone", self.zone_combo),
        ):
            label = QLabel()
            label.setBuddy(field)  # Alt+letter jumps to the field
            self.labels[key] = label
            form.addRow(label, field)
            if key == "trade":
                form.addRow("", self.trade_hint)
        form.addRow("", self.zone_hint)
        self.content.addLayout(form)
        self.content.addStretch(1)

        self.name_edit.textChanged.connect(self.completeChanged)
        self.trade_edit.textChanged.connect(self._trade_changed)
        self.kind_combo.currentIndexChanged.connect(self.completeChanged)
        self.zone_combo.currentTextChanged.connect(self.completeChanged)
        self.country_combo.currentIndexChanged.connect(self._country_changed)
        self.country_combo.setCurrentIndex(0)
        self._country_changed()
        self.retranslate()

    def _trade_changed(self) -> None:
        """A trade recognised in what she typed chooses the kind for her (one answer fewer)."""
        self.trade_found = trade_from_text(self.trade_edit.text())
        if self.trade_found is not None:
            self.set_kind(self.trade_found.kind)
        self._say_trade()
        self.completeChanged.emit()

    def _say_trade(self) -> None:
        found = self.trade_found
        if found is not None:
            self.trade_hint.setText(self.tr("Ideas for: %1").replace("%1", found.name.get(self.lang())))
        elif self.trade_edit.text().strip():
            self.trade_hint.setText(
                self.tr(
                    "We do not know this trade yet: choose below what is closest, the ideas stay general."
                )
            )
        else:
            self.trade_hint.setText(self.tr("In your words: florist, hairdresser, bookshop, football club…"))

    def _country_changed(self) -> None:
        # The country sets the usual zone; the person can still pick another (a French overseas town...).
        self.zone_combo.setCurrentText(default_zone(self.country(), self._fallback_zone))

    def country(self) -> str:
        return str(self.country_combo.currentData() or "")

    def set_country(self, code: str) -> None:
        index = self.country_combo.findData(code.upper() if code.upper() in COUNTRIES else "")
        self.country_combo.setCurrentIndex(index)

    def set_kind(self, kind: BusinessKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))

    def answers(self) -> BusinessAnswers:
        data = self.kind_combo.currentData()
        return BusinessAnswers(
            name=self.name_edit.text().strip(),
            kind=BusinessKind(data) if data else None,
            trade=self.trade_found.code if self.trade_found is not None else "",
            product=self.product_edit.text().strip(),
            town=self.town_edit.text().strip(),
            country=self.country(),
            zone=self.zone_combo.currentText().strip(),
        )

    def isComplete(self) -> bool:
        answers = self.answers()
        return bool(answers.name) and answers.kind is not None and answers.zone in self._zones

    def retranslate(self) -> None:
        super().retranslate()
        lang = self.lang()
        self.title_label.setText(self.tr("Your business"))
        self.intro_label.setText(self.tr("So that the ideas we suggest sound like you."))
        texts = {
            "name": self.tr("Na&me"),
            "trade": self.tr("Your t&rade"),
            "kind": self.tr("&What you do"),
            "product": self.tr("What people come to you &for"),
            "town": self.tr("&Town"),
            "country": self.tr("&Country"),
            "zone": self.tr("Time &zone"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.name_edit.setPlaceholderText(self.tr("Name of your business or association"))
        self.trade_edit.setPlaceholderText(self.tr("e.g. florist, hairdresser, football club"))
        self._say_trade()
        self.product_edit.setPlaceholderText(
            self.tr("Optional, e.g. seasonal bouquets, pottery classes, guided walks")
        )
        self.town_edit.setPlaceholderText(self.tr("e.g. Lyon"))
        self.kind_combo.setPlaceholderText(self.tr("Choose…"))
        for index, kind in enumerate(KIND_LABELS):
            self.kind_combo.setItemText(index, KIND_LABELS[kind].get(lang))
        countries = {
            "FR": self.tr("France"),
            "BE": self.tr("Belgium"),
            "CH": self.tr("Switzerland"),
            "CA": self.tr("Canada"),
            "GB": self.tr("United Kingdom"),
            "US": self.tr("United States"),
            "": self.tr("Another country"),
        }
        for index in range(self.country_combo.count()):
            self.country_combo.setItemText(index, countries[str(self.country_combo.itemData(index) or "")])
        self.zone_hint.setText(
            self.tr(
                "Set from your country: change it if you live elsewhere. Your posts go out at your local "
                "time, and your country's holidays are added to your plan."
            )
        )
        for key, field in (
            ("name", self.name_edit),
            ("trade", self.trade_edit),
            ("kind", self.kind_combo),
            ("product", self.product_edit),
            ("town", self.town_edit),
            ("country", self.country_combo),
            ("zone", self.zone_combo),
        ):
            field.setAccessibleName(texts[key].replace("&", ""))
        self.zone_combo.setAccessibleDescription(self.zone_hint.text())


class GoalsPage(WizardPageBase):
    def __init__(self, lang: Callable[[], Lang]) -> None:
        super().__init__("goals", 3, lang)
        self.boxes: dict[Goal, QCheckBox] = {}
        for goal in GOAL_LABELS:
            box = QCheckBox()
            box.setObjectName(f"goal_{goal.value}")
            box.setFont(scaled_font(box.font(), 1.1))
            box.toggled.connect(self.completeChanged)
            self.boxes[goal] = box
            self.content.addWidget(box)
        self.content.addStretch(1)
        self.retranslate()

    def goals(self) -> tuple[Goal, ...]:
        return tuple(goal for goal, box in self.boxes.items() if box.isChecked())

    def set_goals(self, goals: tuple[Goal, ...]) -> None:
        for goal, box in self.boxes.items():
            box.setChecked(goal in goals)

    def isComplete(self) -> bool:
        return bool(self.goals())

    def retranslate(self) -> None:
        super().retranslate()
        self.title_label.setText(self.tr("What do you want from social networks?"))
        self.intro_label.setText(
            self.tr("Tick everything that matters to you: your plan will take turns between them.")
        )
        for goal, box in self.boxes.items():
            box.setText(GOAL_LABELS[goal].get(self.lang()))
            box.setAccessibleName(box.text())


class TimePage(WizardPageBase):
    def __init__(self, lang: Callable[[], Lang]) -> None:
        super().__init__("time", 4, lang)
        self.group = QButtonGroup(self)
        self.buttons: dict[TimeBudget, QRadioButton] = {}
        for budget in BUDGET_LABELS:
            button = QRadioButton()
            button.setObjectName(f"budget_{budget.value}")
            button.setFont(scaled_font(button.font(), 1.1))
            self.group.addButton(button, budget.value)
            self.buttons[budget] = button
            self.content.addWidget(button)
        self.buttons[TimeBudget.HOUR].setChecked(True)
        self.note = _hint("time_note")
        self.content.addSpacing(8)
        self.content.addWidget(self.note)
        self.content.addStretch(1)
        self.retranslate()

    def minutes(self) -> int:
        return max(self.group.checkedId(), TimeBudget.QUARTER_HOUR.value)

    def set_minutes(self, minutes: int) -> None:
        from cm_desktop.core.coach import budget_tier

        self.buttons[budget_tier(minutes)].setChecked(True)

    def retranslate(self) -> None:
        super().retranslate()
        self.title_label.setText(self.tr("How much time do you have each week?"))
        self.intro_label.setText(
            self.tr(
                "Be honest with yourself: a small plan you keep beats a big one you drop after two weeks."
            )
        )
        for budget, button in self.buttons.items():
            button.setText(BUDGET_LABELS[budget].get(self.lang()))
            button.setAccessibleName(button.text())
        self.note.setText(self.tr("Answering comments counts too: your plan leaves time for it."))


@dataclass(frozen=True)
class NetworkInputs:
    kind: BusinessKind
    goals: tuple[Goal, ...]
    country: str
    minutes: int


class NetworkRow(QFrame):
    """One network: a checkbox with its name, what it is in one sentence, and why we suggest it."""

    def __init__(self, network: str) -> None:
        super().__init__()
        self.network = network
        self.setObjectName(f"network_row_{network}")
        self.box = QCheckBox()  # named in the chosen language by the page's retranslate()
        self.box.setObjectName(f"network_{network}")
        font = self.box.font()
        self.box.setFont(scaled_font(font, 1.1, font.Weight.DemiBold))
        self.box.setIcon(network_mark(network))  # the mark she will see on the network's own pages
        side = self.box.fontMetrics().height()
        self.box.setIconSize(QSize(side, side))
        self.blurb = _body()
        self.reason = _body()
        self.reason.setObjectName("network_reason")
        italic = self.reason.font()
        italic.setItalic(True)
        self.reason.setFont(italic)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.box)
        for label in (self.blurb, self.reason):
            label.setContentsMargins(26, 0, 0, 0)  # under the checkbox's text, not its square
            layout.addWidget(label)


class NetworksPage(WizardPageBase):
    def __init__(self, lang: Callable[[], Lang], inputs: Callable[[], NetworkInputs]) -> None:
        super().__init__("networks", 5, lang)
        self._inputs = inputs
        self._seen: NetworkInputs | None = None
        self._reasons: dict[str, Text] = {}
        self._recommended: set[str] = set()
        self.rows: dict[str, NetworkRow] = {}
        holder = QWidget()
        self.list_layout = QVBoxLayout(holder)
        self.list_layout.setContentsMargins(0, 0, 12, 0)
        for network in registry.ids():
            row = NetworkRow(network)
            row.box.toggled.connect(self._changed)
            self.rows[network] = row
            self.list_layout.addWidget(row)
        self.list_layout.addStretch(1)
        self.scroll_area = ContentScroll(name=QT_TRANSLATE_NOOP("Reflow", "Networks"))
        self.scroll_area.setObjectName("networks_scroll")
        self.scroll_area.setMinimumHeight(INNER_LIST_MIN_HEIGHT)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(holder)
        self.too_many = _body(name="too_many_networks")
        self.too_many.hide()
        self.content.addWidget(self.scroll_area, 1)
        self.content.addWidget(self.too_many)
        self.retranslate()

    def initializePage(self) -> None:
        inputs = self._inputs()
        if inputs == self._seen:
            return  # coming back with the same answers: keep what the person ticked
        self._seen = inputs
        recommendations = recommend_networks(inputs.kind, inputs.goals, inputs.country)
        self._reasons = {r.network: r.reason for r in recommendations}
        rank = {r.network: r.priority for r in recommendations}
        answers = ProfileAnswers(inputs.kind, inputs.goals, inputs.minutes, inputs.country, "", self.lang())
        picked, _ = choose_networks(answers, rhythm_for(inputs.minutes))
        # Recommended first, best first; the rest in the usual order.
        ids = registry.ids()
        order = sorted(ids, key=lambda n: (n not in picked, rank.get(n, 99), ids.index(n)))
        for network in order:
            row = self.rows[network]
            self.list_layout.removeWidget(row)
            self.list_layout.insertWidget(self.list_layout.count() - 1, row)
            row.box.setChecked(network in picked)
        self._recommended = set(picked)
        self.retranslate()

    def chosen(self) -> tuple[str, ...]:
        """Ticked networks in the order shown (best first): the plan keeps the first ones."""
        items = (self.list_layout.itemAt(i) for i in range(self.list_layout.count()))
        rows = [item.widget() for item in items if item is not None]
        return tuple(r.network for r in rows if isinstance(r, NetworkRow) and r.box.isChecked())

    def set_chosen(self, networks: tuple[str, ...]) -> None:
        for network, row in self.rows.items():
            row.box.setChecked(network in networks)

    def _changed(self) -> None:
        self._update_note()
        self.completeChanged.emit()

    def _update_note(self) -> None:
        if self._seen is None:
            return
        limit = rhythm_for(self._seen.minutes).max_networks
        self.too_many.setVisible(len(self.chosen()) > limit)
        self.too_many.setText(
            self.tr(
                "With the time you have, the first %1 ticked get every post; the others get one post in two."
            ).replace("%1", str(max(2, limit)))
        )

    def isComplete(self) -> bool:
        return bool(self.chosen())

    def retranslate(self) -> None:
        super().retranslate()
        lang = self.lang()
        self.title_label.setText(self.tr("Where to post"))
        self.intro_label.setText(
            self.tr(
                "We ticked the networks that suit you best. Two or three are plenty to start with; you can "
                "add others later."
            )
        )
        recommended = self._recommended
        for network, row in self.rows.items():
            row.blurb.setText(network_blurb(network).get(lang))
            reason = self._reasons.get(network)
            row.reason.setVisible(network in recommended and reason is not None)
            if reason is not None:
                row.reason.setText(self.tr("Suggested for you. %1").replace("%1", reason.get(lang)))
            name = registry.name_of(network).get(lang)
            row.box.setText(name)
            row.box.setAccessibleName(name)
            description = row.blurb.text() + (" " + row.reason.text() if row.reason.isVisibleTo(row) else "")
            row.box.setAccessibleDescription(description)
        self._update_note()


class ConnectPage(WizardPageBase):
    """Connect Bluesky or Mastodon on top of the wizard (it stays where it is), and choose whether posts go
    out while CM Desktop is closed."""

    connect_requested = Signal(str)  # "bluesky" or "mastodon": the Shell opens its dialog over the wizard

    def __init__(self, lang: Callable[[], Lang], background_default: bool = True) -> None:
        super().__init__("connect", 6, lang)
        self.direct = _body(name="connect_direct")
        make_body(self.direct)
        self.assisted = _body(name="connect_assisted")
        make_body(self.assisted)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for network in (n.id for n in registry.direct()):  # the networks the app connects to itself
            button = QPushButton()
            button.setObjectName(f"connect_{network}")
            # Enter on a focused Connect button connects (DESIGN.md: Enter activates the focused button);
            # anywhere else on the page, Enter still means "Next".
            button.clicked.connect(lambda _=False, n=network: self.connect_requested.emit(n))
            self.buttons[network] = button
            row.addWidget(button)
        row.addStretch(1)
        # Kept for the tests and the keyboard: the first button is Bluesky's.
        self.button = self.buttons["bluesky"]
        self.connected_label = _body(name="connect_connected")
        self.connected_label.hide()
        self.keychain_label = _body(name="connect_keychain")
        self.keychain_label.hide()
        self._keychain_problem, self._passphrase_offered = "", False
        self.connected: list[str] = []
        self.later = _hint("connect_later")
        self.background_box = QCheckBox()
        self.background_box.setObjectName("wizard_background_publishing")
        self.background_box.setChecked(background_default)
        self.background_hint = _hint("wizard_background_hint")
        self.login_file_note = _hint("wizard_background_login_file")  # logins in the passphrase file
        self.login_file_note.hide()
        self.content.addWidget(self.direct)
        self.content.addLayout(row)
        self.content.addWidget(self.connected_label)
        self.content.addWidget(self.keychain_label)
        self.content.addSpacing(12)
        self.content.addWidget(self.assisted)
        self.content.addSpacing(12)
        self.content.addWidget(self.background_box)
        self.content.addWidget(self.background_hint)
        self.content.addWidget(self.login_file_note)
        self.content.addSpacing(8)
        self.content.addWidget(self.later)
        self.content.addStretch(1)
        self.retranslate()

    def add_connected(self, name: str) -> None:
        """An account was connected from here: say so on the page the person is looking at."""
        if name not in self.connected:
            self.connected.append(name)
        self.retranslate()

    def set_keychain_problem(self, text: str, *, passphrase_offered: bool = False) -> None:
        """No usable keychain: said before any form, with what to do (empty: no problem).
        `passphrase_offered`: none at all (not a locked one): the connect buttons also offer the file."""
        self._keychain_problem, self._passphrase_offered = text, passphrase_offered
        self._say_keychain_problem()

    def _say_keychain_problem(self) -> None:
        text = self._keychain_problem
        if text and self._passphrase_offered:
            text += " " + self.tr(
                "Or click Connect above: you can also keep your logins in a file locked by a passphrase you "
                "choose."
            )
        self.keychain_label.setText(text)
        self.keychain_label.setVisible(bool(text))

    def set_login_file_in_use(self, on: bool) -> None:
        """Logins are in the passphrase file: say that posts go out only while the app is open."""
        self.login_file_note.setVisible(on)

    def background(self) -> bool:
        return self.background_box.isChecked()

    def retranslate(self) -> None:
        super().retranslate()
        self.title_label.setText(self.tr("Connect your accounts"))
        self.intro_label.setText(self.tr("Now or later, as you like."))
        self.direct.setText(
            self.tr("Bluesky and Mastodon can publish for you at the planned time once they are connected.")
        )
        # Alt+B is the wizard's "< Back": Bluesky takes the L.
        self.buttons["bluesky"].setText(self.tr("Connect B&luesky"))
        self.buttons["mastodon"].setText(self.tr("Connect &Mastodon"))
        for button in self.buttons.values():
            button.setAccessibleName(button.text().replace("&", ""))
        self.connected_label.setText(
            self.tr("Connected: %1. You can go on.").replace("%1", ", ".join(self.connected))
        )
        self.connected_label.setVisible(bool(self.connected))
        self.assisted.setText(
            self.tr(
                "The other networks need nothing: when a post is due, CM Desktop gets it ready and reminds "
                "you, and you publish it yourself in a couple of clicks."
            )
        )
        self.background_box.setText(self.tr("Publish even when CM Desktop is closed"))
        self.background_box.setAccessibleName(self.background_box.text())
        self.background_hint.setText(
            self.tr(
                "Your computer sends what is due every 5 minutes, as long as it is on. You can change this "
                "in Settings."
            )
        )
        self.login_file_note.setText(
            self.tr(
                "Your logins are in a file locked by your passphrase: while CM Desktop is closed, your "
                "computer cannot unlock them, so posts wait until you open the app. Publishing while it is "
                "closed needs the system keychain."
            )
        )
        self.later.setText(self.tr("You can connect your accounts at any time from the Accounts page."))
        self._say_keychain_problem()


class SummaryPage(WizardPageBase):
    """The plan in words: the rhythm, when to post, the first ideas. Finishing saves it."""

    FIRST_IDEAS = 6

    def __init__(self, lang: Callable[[], Lang]) -> None:
        super().__init__("summary", 7, lang)
        self.plan: Plan | None = None
        self.labels: dict[str, QLabel] = {}
        self.bodies: dict[str, QLabel] = {}
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 0, 12, 0)
        inner.setSpacing(6)
        for key in ("rhythm", "slots", "ideas"):
            heading = QLabel()
            font = heading.font()
            heading.setFont(scaled_font(font, 1.15, font.Weight.DemiBold))
            body = _body(name=f"summary_{key}")
            make_body(body)
            body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.labels[key], self.bodies[key] = heading, body
            inner.addWidget(heading)
            inner.addWidget(body)
            inner.addSpacing(10)
        inner.addStretch(1)
        self.scroll_area = ContentScroll(name=QT_TRANSLATE_NOOP("Reflow", "Your plan"))
        self.scroll_area.setMinimumHeight(INNER_LIST_MIN_HEIGHT)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(holder)
        self.status = _body(name="summary_status")
        self.content.addWidget(self.scroll_area, 1)
        self.content.addWidget(self.status)
        self.retranslate()

    def set_preparing(self) -> None:
        self.plan = None
        for body in self.bodies.values():
            body.clear()
        self.status.setText(self.tr("Preparing your plan…"))
        self.completeChanged.emit()

    def set_plan(self, plan: Plan) -> None:
        self.plan = plan
        self.status.clear()
        self._show_plan()
        self.completeChanged.emit()

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def isComplete(self) -> bool:
        return self.plan is not None

    def _show_plan(self) -> None:
        plan = self.plan
        if plan is None:
            return
        lang = plan.lang
        self.bodies["rhythm"].setText("\n".join(plan.describe()))
        times: dict[tuple[int, int], list[str]] = {}
        for slot in plan.slots:
            times.setdefault((slot.weekday, slot.minute_of_day), []).append(
                registry.name_of(slot.network).get(lang)
            )
        lines = [
            self.tr("%1 at %2 on %3")
            .replace("%1", capitalised(weekday_name(weekday, lang)))
            .replace("%2", clock_words(minute, lang))
            .replace("%3", join_names(names))
            for (weekday, minute), names in sorted(times.items())
        ]
        self.bodies["slots"].setText("\n".join(lines))
        ideas = [
            # A moment's post comes a few days before the date: say so, or "Saturday: Whit Monday" puzzles.
            (self.tr("%1: get ready for %2") if s.idea_code.startswith("moment:") else self.tr("%1: %2"))
            .replace("%1", capitalised(day_in_words(s.day, lang)))
            .replace("%2", s.title)
            for s in plan.suggestions[: self.FIRST_IDEAS]
        ]
        ideas.append("")
        ideas.append(
            self.tr(
                "%1 ideas in all for your first four weeks. They are only ideas: nothing is published "
                "without you."
            ).replace("%1", str(len(plan.suggestions)))
        )
        self.bodies["ideas"].setText("\n".join(ideas))

    def retranslate(self) -> None:
        super().retranslate()
        self.title_label.setText(self.tr("Your plan"))
        self.intro_label.setText(
            self.tr("Here is what we suggest. You can change any of it later, and run this set-up again.")
        )
        self.labels["rhythm"].setText(self.tr("Your rhythm"))
        self.labels["slots"].setText(self.tr("When to post"))
        self.labels["ideas"].setText(self.tr("Your first ideas"))
        self._show_plan()
