"""The first-run wizard: seven short pages, skippable at every step, and safe to run again.

Finishing saves the answers, the weekly slots and four weeks of ideas through `core.onboarding.apply` on the
task runner; the dialog closes only once that worked, and says so in plain words when it did not.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any
from zoneinfo import available_timezones

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer, QTimeZone, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from cm_desktop.core import onboarding
from cm_desktop.core.coach import Goal, Plan, ProfileAnswers, goals_from_text
from cm_desktop.core.i18n import Lang
from cm_desktop.core.models import BusinessKind, BusinessProfile
from cm_desktop.ui.keyboard import can_take_focus, reading_order
from cm_desktop.ui.reflow import fit_to_screen
from cm_desktop.ui.tasks import TaskRunner
from cm_desktop.ui.wizard.pages import (
    BusinessPage,
    ConnectPage,
    GoalsPage,
    LanguagePage,
    NetworkInputs,
    NetworksPage,
    SummaryPage,
    TimePage,
)

log = logging.getLogger(__name__)


def system_zone() -> str:
    """The computer's IANA zone, or UTC when it has none we know (a bare offset, an odd Windows name)."""
    zone = bytes(QByteArray(QTimeZone.systemTimeZoneId()).data()).decode("ascii", "replace")
    return zone if zone in available_timezones() else "UTC"


class FirstRunWizard(QWizard):
    """Open with `open()` (or `show()`); it saves on Finish and emits `applied`, or `skipped` when left."""

    connect_requested = Signal(str)  # "bluesky" or "mastodon": open its connection over the wizard
    applied = Signal(object)  # onboarding.ApplyResult, after the store was written
    skipped = Signal()  # closed without finishing: the store was not touched

    LANGUAGE, BUSINESS, GOALS, TIME, NETWORKS, CONNECT, SUMMARY = range(7)

    def __init__(
        self,
        store: Any,
        runner: TaskRunner,
        set_language: Callable[[str], None],
        *,
        language: Lang,
        today: Callable[[], date] = date.today,
        first_run: bool = True,
        fallback_zone: str | None = None,
        background_default: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        """`background_default`: whether "Publish even when CM Desktop is closed" starts ticked (where the
        operating system can run the job)."""
        super().__init__(parent)
        self.setObjectName("first_run_wizard")
        self.store, self.runner, self._set_language = store, runner, set_language
        self._today, self._first_run = today, first_run
        self._lang: Lang = language
        self._applying = False
        self._leaving = False
        self._plan_request = 0
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, False)
        fit_to_screen(self, QSize(860, 680))

        zones = sorted(available_timezones())
        self.language_page = LanguagePage(self.lang)
        self.business_page = BusinessPage(self.lang, zones, fallback_zone or system_zone())
        self.goals_page = GoalsPage(self.lang)
        self.time_page = TimePage(self.lang)
        self.networks_page = NetworksPage(self.lang, self._network_inputs)
        self.connect_page = ConnectPage(self.lang, background_default)
        self.summary_page = SummaryPage(self.lang)
        for page_id, page in enumerate(self.pages()):
            self.setPage(page_id, page)

        self.language_page.language_chosen.connect(self.choose_language)
        self.connect_page.connect_requested.connect(self.connect_requested)
        self.currentIdChanged.connect(self._page_shown)
        self.leave_box: QMessageBox | None = None
        self.retranslate()
        self._initial = self._snapshot()
        if store is not None:
            self.runner.run(lambda: onboarding.load_profile(store), self._prefill, self._prefill_failed)

    def pages(self) -> tuple[Any, ...]:
        return (
            self.language_page,
            self.business_page,
            self.goals_page,
            self.time_page,
            self.networks_page,
            self.connect_page,
            self.summary_page,
        )

    def lang(self) -> Lang:
        return self._lang

    # --- language ---------------------------------------------------------------------------------------

    def choose_language(self, code: str) -> None:
        """Apply the language to the whole app at once, then re-word the coach's texts in it."""
        self._lang = "fr" if code == "fr" else "en"
        self._set_language(self._lang)
        # The translators post LanguageChange to every widget; the coach's own texts follow the choice now,
        # even if the callback installs nothing (tests, a missing catalogue).
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up CM Desktop"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Start with this plan"))
        self.setButtonText(
            QWizard.WizardButton.CancelButton,
            self.tr("Skip for now") if self._first_run else self.tr("Close without changes"),
        )
        for page in self.pages():
            page.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- answers ----------------------------------------------------------------------------------------

    def _prefill(self, profile: BusinessProfile | None) -> None:
        """Running the wizard again starts from the saved answers."""
        if profile is None:
            return
        page = self.business_page
        page.name_edit.setText(profile.name)
        from cm_desktop.core.coach.trades import trade

        known = trade(profile.trade) if profile.trade else None
        if known is not None:
            page.trade_edit.setText(known.name.get(self._lang))
        page.product_edit.setText(profile.product)
        if profile.kind in {k.value for k in BusinessKind}:
            page.set_kind(BusinessKind(profile.kind))
        page.town_edit.setText(profile.town)
        page.set_country(profile.country)
        page.zone_combo.setCurrentText(profile.time_zone)
        self.goals_page.set_goals(goals_from_text(profile.goals))
        self.time_page.set_minutes(profile.weekly_minutes)
        self._initial = self._snapshot()

    def _snapshot(self) -> tuple[object, ...]:
        business = self.business_page.answers()
        return (
            business,
            self.goals_page.goals(),
            self.time_page.minutes(),
            self.networks_page.chosen(),
            self.language_page.chosen(),
        )

    def has_answers(self) -> bool:
        """Something was typed or chosen since the wizard opened (or since the saved answers came in)."""
        return self._snapshot() != self._initial

    def _prefill_failed(self, error: BaseException) -> None:
        # Not worth stopping anyone: the wizard simply starts blank.
        log.warning("could not read the saved profile (%s)", type(error).__name__)

    def _network_inputs(self) -> NetworkInputs:
        business = self.business_page.answers()
        return NetworkInputs(
            kind=business.kind or BusinessKind.OTHER,
            goals=self.goals_page.goals(),
            country=business.country,
            minutes=self.time_page.minutes(),
        )

    def answers(self) -> tuple[ProfileAnswers, str]:
        """What the person answered, and their time zone."""
        business = self.business_page.answers()
        goals: tuple[Goal, ...] = self.goals_page.goals()
        answers = ProfileAnswers(
            kind=business.kind or BusinessKind.OTHER,
            goals=goals,
            weekly_minutes=self.time_page.minutes(),
            country=business.country,
            town=business.town,
            language=self._lang,
            networks=self.networks_page.chosen(),
            business_name=business.name,
            product=business.product,
            trade=business.trade,
        )
        return answers, business.zone

    # --- the plan and finishing -------------------------------------------------------------------------

    def _page_shown(self, page_id: int) -> None:
        if page_id == self.SUMMARY:
            self._prepare_plan()
        # The page's first choice takes the focus (and shows its ring) once the page is on screen.
        QTimer.singleShot(0, self._focus_first)

    # --- keyboard ---------------------------------------------------------------------------------------

    def tab_chain(self) -> list[QWidget]:
        """The page in its reading order, then the wizard's buttons as they stand on screen."""
        buttons = (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        )
        page = self.currentPage()
        return [*(reading_order(page) if page is not None else []), *(self.button(b) for b in buttons)]

    def _focus_first(self) -> None:
        # A step with nothing to fill in (the plan) gives it to the button that goes on.
        page = self.currentPage()
        onward = (
            self.button(QWizard.WizardButton.FinishButton),
            self.button(QWizard.WizardButton.NextButton),
        )
        candidates = [*(reading_order(page) if page is not None else []), *onward]
        first = next((w for w in candidates if can_take_focus(w, self)), None)
        if first is not None and self.isVisible():
            first.setFocus(Qt.FocusReason.TabFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape with answers given asks before throwing them away (they are saved only at the end)."""
        if event.key() == Qt.Key.Key_Escape and self.has_answers() and not self._applying:
            self.ask_before_leaving()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.has_answers() and not self._applying and self.result() == 0 and not self._leaving:
            event.ignore()
            self.ask_before_leaving()
            return
        super().closeEvent(event)

    def ask_before_leaving(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setObjectName("leave_wizard")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Leave the set-up?"))
        box.setText(self.tr("Leave the set-up? Your answers have not been saved yet."))
        box.setInformativeText(
            self.tr("They are saved when you press “Start with this plan” on the last step.")
        )
        stay = box.addButton(self.tr("&Keep answering"), QMessageBox.ButtonRole.RejectRole)
        stay.setObjectName("keep_answering")
        leave = box.addButton(self.tr("&Leave without saving"), QMessageBox.ButtonRole.DestructiveRole)
        leave.setObjectName("leave_without_saving")
        box.setDefaultButton(stay)  # Enter keeps the answers
        box.setEscapeButton(stay)
        box.buttonClicked.connect(lambda button: self._leave() if button is leave else None)
        self.leave_box = box
        box.open()
        return box

    def _leave(self) -> None:
        self._leaving = True
        self.reject()

    def _prepare_plan(self) -> None:
        answers, zone = self.answers()
        start = self._today()
        self._plan_request += 1
        request = self._plan_request
        self.summary_page.set_preparing()

        def done(plan: Plan) -> None:
            if request == self._plan_request:  # an older answer arriving late is dropped
                self.summary_page.set_plan(plan)

        self.runner.run(lambda: onboarding.build_plan(answers, zone, start), done, self._plan_failed)

    def _plan_failed(self, error: BaseException) -> None:
        log.error("building the plan failed", exc_info=error)
        self.summary_page.set_status(
            self.tr("Your plan could not be prepared. Go back one step and try again.")
        )

    def accept(self) -> None:
        plan = self.summary_page.plan
        if plan is None or self._applying:
            return
        self._applying = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.summary_page.set_status(self.tr("Saving your plan…"))
        answers, zone = self.answers()
        store = self.store
        self.runner.run(
            lambda: onboarding.apply(store, answers, zone, plan), self._applied, self._apply_failed
        )

    def _applied(self, result: onboarding.ApplyResult) -> None:
        self._applying = False
        self.applied.emit(result)
        super().accept()

    def _apply_failed(self, error: BaseException) -> None:
        from cm_desktop.core.store import StoreError, known_error

        self._applying = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        known = error if isinstance(error, StoreError) else known_error(error)
        if known is None:
            log.error("saving the plan failed", exc_info=error)
            self.summary_page.set_status(
                self.tr("Your plan could not be saved. Nothing was changed: please try again.")
            )
        else:
            log.warning("saving the plan failed: %s", known)
            self.summary_page.set_status(known.message(self._lang))

    def reject(self) -> None:
        if self._applying:
            return  # closing now would hide whether the plan was saved
        self.skipped.emit()
        super().reject()
