"""Render the first-run wizard's pages, Home and Help to PNG, in French and English (Home also in dark).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/render_wizard.py shots/

Uses the real Shell (main window, translations) on a throwaway data folder, a fixed date and a seeded store,
so the pictures are the same on every run. Look at every picture before calling a screen done.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a file: `scripts` importable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget

from cm_desktop.core.schedule import ManualClock
from cm_desktop.platform.paths import AppPaths
from cm_desktop.ui.app import Shell, make_application
from cm_desktop.ui.tasks import SyncTaskRunner
from scripts.screenshots import dark_palette, settle

SIZE = (1280, 800)
# A Tuesday two weeks before French Mother's Day 2026 (31 May): Home has a moment to offer.
NOW = datetime(2026, 5, 19, 8, 0, tzinfo=UTC)
PERSONA_NAME = {"fr": "Boulangerie Martin", "en": "Martin's Bakery"}


def fill_bakery(wizard: object, lang: str) -> None:
    """The bakery in Lyon: what a person would type, page by page."""
    from cm_desktop.core.coach import Goal, TimeBudget
    from cm_desktop.core.models import BusinessKind
    from cm_desktop.ui.wizard.wizard import FirstRunWizard

    assert isinstance(wizard, FirstRunWizard)
    page = wizard.business_page
    page.name_edit.setText(PERSONA_NAME[lang])
    page.set_kind(BusinessKind.SHOP)
    page.product_edit.setText("croissants" if lang == "fr" else "sourdough bread")
    page.town_edit.setText("Lyon")
    page.set_country("FR")
    wizard.goals_page.set_goals((Goal.BRING_PEOPLE_IN, Goal.BE_FOUND_LOCALLY))
    wizard.time_page.buttons[TimeBudget.QUARTER_HOUR].setChecked(True)


def grab(widget: QWidget, path: Path, app: QApplication) -> None:
    settle(app)
    widget.grab().save(str(path))
    print(path)


def seed_home(store: object) -> None:
    """A bakery two months in: some weeks kept, one post failed, one waiting to be published by hand."""
    from cm_desktop.core import onboarding
    from cm_desktop.core.coach import Goal, ProfileAnswers
    from cm_desktop.core.models import BusinessKind, Post, PostTarget, TargetState

    answers = ProfileAnswers(
        kind=BusinessKind.SHOP,
        goals=(Goal.BRING_PEOPLE_IN, Goal.BE_FOUND_LOCALLY),
        weekly_minutes=60,
        country="FR",
        town="Lyon",
        language="fr",
        business_name="Boulangerie Martin",
    )
    plan = onboarding.build_plan(answers, "Europe/Paris", date(2026, 5, 18))
    onboarding.apply(store, answers, "Europe/Paris", plan)  # type: ignore[arg-type]
    history = [(-35, 3, 3), (-28, 3, 2), (-21, 2, 2), (-14, 3, 3), (-7, 3, 1)]
    rows: list[tuple[datetime, TargetState, str]] = []
    for offset, planned, posted in history:
        for i in range(planned):
            when = NOW + timedelta(days=offset + i)
            state = TargetState.PUBLISHED if i < posted else TargetState.FAILED
            rows.append((when, state, "Notre pain du jour est sorti du four !"))
    rows += [
        (NOW - timedelta(hours=3), TargetState.ASSISTED_PENDING, "Nouveau : la tarte aux pralines de Lyon."),
        (NOW + timedelta(days=1, hours=9), TargetState.SCHEDULED, "Demain matin, croissants aux amandes."),
        (
            NOW + timedelta(days=3, hours=10),
            TargetState.SCHEDULED,
            "Ce samedi, on vous attend au marché de la Croix-Rousse avec nos pains spéciaux.",
        ),
    ]
    with store.session() as session:  # type: ignore[attr-defined]
        for when, state, text in rows:
            post = Post(text=text, scheduled_utc=when, time_zone="Europe/Paris")
            session.add(post)
            session.flush()
            assert post.id is not None
            network = "instagram" if state == TargetState.ASSISTED_PENDING else "facebook"
            session.add(PostTarget(post_id=post.id, network=network, state=state))
        session.commit()


def main(out: Path) -> None:
    from cm_desktop.ui.help import HelpPage
    from cm_desktop.ui.home import HomePage
    from cm_desktop.ui.wizard.wizard import FirstRunWizard

    out.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv[:1])
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as home:
        paths = AppPaths(data=Path(home) / "data", logs=Path(home) / "logs")
        runner = SyncTaskRunner()
        shell = Shell(app, paths, runner, show_dialogs=False, probe=lambda: False, use_system_network=False)
        shell.window.show()
        settle(app)
        store = shell.store
        assert store is not None, "the store did not open"
        app.styleHints().setColorScheme(Qt.ColorScheme.Light)
        app.setPalette(app.style().standardPalette())

        for lang in ("fr", "en"):
            shell.set_language(lang)
            wizard = FirstRunWizard(
                store, runner, shell.set_language, language=lang, today=lambda: date(2026, 5, 18)
            )
            wizard.resize(*SIZE)
            wizard.show()
            fill_bakery(wizard, lang)
            names = ("language", "business", "goals", "time", "networks", "connect", "summary")
            for index, name in enumerate(names):
                grab(wizard, out / f"wizard-{index + 1}-{name}-{lang}.png", app)
                if index < len(names) - 1:
                    wizard.next()
            wizard.hide()
            wizard.deleteLater()

        seed_home(store)
        clock = ManualClock(NOW)
        page = HomePage(runner, clock)
        shell.window.set_page("home", page)
        shell.window.show_page("home")
        shell.window.resize(*SIZE)
        page.set_store(store)
        help_page = HelpPage()
        help_page.resize(*SIZE)
        for scheme in ("light", "dark"):
            app.styleHints().setColorScheme(Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
            app.setPalette(dark_palette() if scheme == "dark" else app.style().standardPalette())
            for lang in ("fr", "en"):
                shell.set_language(lang)
                settle(app)
                grab(shell.window, out / f"home-{lang}-{scheme}.png", app)
                if scheme == "light":
                    help_page.show()
                    help_page.tabs.setCurrentIndex(0)
                    grab(help_page, out / f"help-guides-{lang}.png", app)
                    help_page.tabs.setCurrentIndex(1)
                    help_page.glossary.search.setText("")
                    grab(help_page, out / f"help-glossary-{lang}.png", app)
                    help_page.hide()
        shell.shutdown()
    QCoreApplication.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "shots"))
