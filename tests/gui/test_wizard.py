"""The first-run wizard driven through its widgets, end to end, for two personas."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWizard
from pytestqt.qtbot import QtBot
from sqlmodel import select

from cm_desktop.core import onboarding
from cm_desktop.core.coach import GOAL_LABELS, Goal, ProfileAnswers, TimeBudget, make_plan
from cm_desktop.core.models import BusinessKind, BusinessProfile, Post, PostTarget, Slot
from cm_desktop.core.store import Store, StoreBusy, open_store
from cm_desktop.ui.tasks import SyncTaskRunner
from cm_desktop.ui.wizard.wizard import FirstRunWizard

TODAY = date(2026, 5, 18)


@dataclass(frozen=True)
class Persona:
    name: str
    kind: BusinessKind
    town: str
    country: str
    zone: str
    goals: tuple[Goal, ...]
    budget: TimeBudget


BAKERY = Persona(
    "Boulangerie Martin",
    BusinessKind.SHOP,
    "Lyon",
    "FR",
    "Europe/Paris",
    (Goal.BRING_PEOPLE_IN, Goal.BE_FOUND_LOCALLY),
    TimeBudget.QUARTER_HOUR,
)
CHOIR = Persona(
    "Chœur du Léman",
    BusinessKind.ASSOCIATION,
    "Lausanne",
    "CH",
    "Europe/Zurich",
    (Goal.FIND_MEMBERS, Goal.ANNOUNCE_EVENTS),
    TimeBudget.HOUR,
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "cm.sqlite3", tmp_path / "backups")
    yield opened
    opened.close()


def make_wizard(qtbot: QtBot, store: Store, languages: list[str] | None = None) -> FirstRunWizard:
    chosen = languages if languages is not None else []
    wizard = FirstRunWizard(
        store, SyncTaskRunner(), chosen.append, language="en", today=lambda: TODAY, fallback_zone="UTC"
    )
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def click(qtbot: QtBot, wizard: FirstRunWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isEnabled(), f"{which} is disabled on page {wizard.currentId()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def press(qtbot: QtBot, button: QAbstractButton) -> None:
    """Tick or choose with the keyboard (Space), as someone who does not use a mouse would."""
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)


def drive(qtbot: QtBot, wizard: FirstRunWizard, persona: Persona) -> None:
    """What a person does: click, type, tick, and press Next until Finish."""
    press(qtbot, wizard.language_page.french)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)

    page = wizard.business_page
    if not page.name_edit.text():
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # a name and a kind first
    page.name_edit.clear()
    # QTest types Latin-1 only (it aborts on "œ"): type what it can, insert the rest as a paste would.
    typed = persona.name.encode("latin-1", "ignore").decode("latin-1") == persona.name
    if typed:
        qtbot.keyClicks(page.name_edit, persona.name)
    else:
        page.name_edit.insert(persona.name)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData(persona.kind.value))
    page.town_edit.clear()
    qtbot.keyClicks(page.town_edit, persona.town)
    page.country_combo.setCurrentIndex(page.country_combo.findData(persona.country))
    assert page.zone_combo.currentText() == persona.zone  # the country set the zone
    click(qtbot, wizard, QWizard.WizardButton.NextButton)

    for goal, box in wizard.goals_page.boxes.items():
        if box.isChecked() != (goal in persona.goals):
            press(qtbot, box)
    click(qtbot, wizard, QWizard.WizardButton.NextButton)

    press(qtbot, wizard.time_page.buttons[persona.budget])
    click(qtbot, wizard, QWizard.WizardButton.NextButton)

    assert wizard.networks_page.chosen()  # the recommendation comes pre-ticked
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == FirstRunWizard.CONNECT
    click(qtbot, wizard, QWizard.WizardButton.NextButton)

    assert wizard.currentId() == FirstRunWizard.SUMMARY
    assert wizard.summary_page.plan is not None
    assert wizard.summary_page.bodies["slots"].text()


def expected_answers(persona: Persona) -> ProfileAnswers:
    return ProfileAnswers(
        kind=persona.kind,
        goals=tuple(g for g in GOAL_LABELS if g in persona.goals),  # ticked goals come in the page's order
        weekly_minutes=persona.budget.value,
        country=persona.country,
        town=persona.town,
        language="fr",
        business_name=persona.name,
    )


def all_rows(store: Store, table: type) -> list[Any]:
    with store.session() as session:
        return list(session.exec(select(table)).all())


@pytest.mark.parametrize("persona", [BAKERY, CHOIR], ids=["bakery-lyon", "association-lausanne"])
def test_the_wizard_end_to_end_saves_the_plan(qtbot: QtBot, store: Store, persona: Persona) -> None:
    languages: list[str] = []
    wizard = make_wizard(qtbot, store, languages)
    drive(qtbot, wizard, persona)
    with qtbot.waitSignal(wizard.applied) as applied:
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert not wizard.isVisible()
    assert languages == ["fr"]  # applied at once, through the callback

    (profile,) = all_rows(store, BusinessProfile)
    assert (profile.name, profile.kind, profile.town, profile.country) == (
        persona.name,
        persona.kind.value,
        persona.town,
        persona.country,
    )
    assert (profile.time_zone, profile.language, profile.weekly_minutes) == (
        persona.zone,
        "fr",
        persona.budget,
    )
    assert set(profile.goals.split(",")) == {g.value for g in persona.goals}

    # The recommended networks were kept as ticked: the plan is make_plan's for these answers.
    plan = make_plan(expected_answers(persona), TODAY, persona.zone)
    slots = sorted((s.weekday, s.minute_of_day, s.network) for s in all_rows(store, Slot))
    assert slots == sorted((s.weekday, s.minute_of_day, s.network) for s in plan.slots)

    posts = all_rows(store, Post)
    full = onboarding.build_plan(expected_answers(persona), persona.zone, TODAY)
    assert len(posts) == len(full.suggestions) == applied.args[0].ideas
    assert all(p.origin.startswith(("idea:", "moment:")) for p in posts)
    assert sum(p.origin.startswith("idea:") for p in posts) >= len(posts) // 2
    weeks = {(p.local_time.date() - TODAY).days // 7 for p in posts if p.local_time is not None}
    assert weeks == {0, 1, 2, 3}
    assert all(p.scheduled_utc is None for p in posts)
    assert all_rows(store, PostTarget) == []  # none scheduled


def test_skipping_leaves_the_store_unchanged(qtbot: QtBot, store: Store) -> None:
    wizard = make_wizard(qtbot, store)
    drive(qtbot, wizard, BAKERY)
    with qtbot.waitSignal(wizard.skipped):
        click(qtbot, wizard, QWizard.WizardButton.CancelButton)
    assert not wizard.isVisible()
    assert all_rows(store, BusinessProfile) == []
    assert all_rows(store, Slot) == []
    assert all_rows(store, Post) == []


def test_running_it_twice_does_not_duplicate_ideas(qtbot: QtBot, store: Store) -> None:
    first = make_wizard(qtbot, store)
    drive(qtbot, first, BAKERY)
    click(qtbot, first, QWizard.WizardButton.FinishButton)
    count = len(all_rows(store, Post))

    again = make_wizard(qtbot, store)
    # Run again, it starts from the saved answers.
    assert again.business_page.name_edit.text() == BAKERY.name
    assert again.business_page.country() == "FR"
    assert set(again.goals_page.goals()) == set(BAKERY.goals)
    drive(qtbot, again, BAKERY)
    with qtbot.waitSignal(again.applied) as applied:
        click(qtbot, again, QWizard.WizardButton.FinishButton)
    assert applied.args[0].replaced == count
    assert len(all_rows(store, Post)) == count
    assert len(all_rows(store, BusinessProfile)) == 1
    assert len(all_rows(store, Slot)) == len(make_plan(expected_answers(BAKERY), TODAY, BAKERY.zone).slots)


def test_connect_button_asks_for_the_accounts_page(qtbot: QtBot, store: Store) -> None:
    wizard = make_wizard(qtbot, store)
    drive(qtbot, wizard, BAKERY)
    wizard.back()
    assert wizard.currentId() == FirstRunWizard.CONNECT
    with qtbot.waitSignal(wizard.connect_requested):
        qtbot.mouseClick(wizard.connect_page.button, Qt.MouseButton.LeftButton)
    assert wizard.isVisible()


def test_choosing_french_rewords_the_coach_texts(qtbot: QtBot, store: Store) -> None:
    wizard = make_wizard(qtbot, store)
    page = wizard.business_page
    assert page.kind_combo.itemText(page.kind_combo.findData("shop")) == "Shop"
    press(qtbot, wizard.language_page.french)
    assert page.kind_combo.itemText(page.kind_combo.findData("shop")) == "Commerce"
    assert wizard.goals_page.boxes[Goal.FIND_MEMBERS].text() == "Trouver des membres ou des bénévoles"


def test_more_networks_than_time_allows_says_so(qtbot: QtBot, store: Store) -> None:
    wizard = make_wizard(qtbot, store)
    drive(qtbot, wizard, BAKERY)
    for _ in range(2):
        wizard.back()
    page = wizard.networks_page
    assert wizard.currentId() == FirstRunWizard.NETWORKS
    assert page.too_many.isHidden()
    for row in page.rows.values():
        row.box.setChecked(True)
    assert not page.too_many.isHidden()
    for row in page.rows.values():
        row.box.setChecked(False)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_failed_save_keeps_the_wizard_open_and_says_why(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(*_args: object) -> None:
        raise StoreBusy("SQLITE_BUSY")

    monkeypatch.setattr(onboarding, "apply", busy)
    wizard = make_wizard(qtbot, store)
    drive(qtbot, wizard, BAKERY)
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.isVisible()
    assert "autre copie" in wizard.summary_page.status.text()  # the French sentence: French was chosen
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_controls_have_accessible_names(qtbot: QtBot, store: Store) -> None:
    wizard = make_wizard(qtbot, store)
    page = wizard.business_page
    for field in (page.name_edit, page.kind_combo, page.town_edit, page.country_combo, page.zone_combo):
        assert field.accessibleName()
    assert all(box.accessibleName() for box in wizard.goals_page.boxes.values())
    assert all(button.accessibleName() for button in wizard.time_page.buttons.values())
    assert all(row.box.accessibleDescription() for row in wizard.networks_page.rows.values())
    assert wizard.connect_page.button.accessibleName()


def test_ideas_start_today_and_span_four_weeks(qtbot: QtBot, store: Store) -> None:
    wizard = make_wizard(qtbot, store)
    drive(qtbot, wizard, CHOIR)
    plan = wizard.summary_page.plan
    assert plan is not None
    assert plan.start == TODAY
    assert max(s.day for s in plan.suggestions) < TODAY + timedelta(days=28)
