"""The plan's ideas do not vanish (issue #16.9): Home shows this week's, one click from a draft."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from cm_desktop.core import onboarding
from cm_desktop.core.coach import Goal, ProfileAnswers
from cm_desktop.core.drafts import load_draft
from cm_desktop.core.models import BusinessKind
from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import open_store
from cm_desktop.ui.home import HomePage
from cm_desktop.ui.tasks import SyncTaskRunner


def test_this_weeks_ideas_are_on_home_and_one_click_makes_a_draft(qtbot: QtBot, tmp_path: Path) -> None:
    store = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    try:
        answers = ProfileAnswers(
            BusinessKind.SHOP, (Goal.BRING_PEOPLE_IN,), 60, "FR", "Lyon", "fr",
            networks=("instagram", "bluesky"), business_name="Fleurs d'Iris", trade="florist",
        )  # fmt: skip
        monday = date(2027, 3, 1)
        plan = onboarding.build_plan(answers, "Europe/Paris", monday)
        onboarding.apply(store, answers, "Europe/Paris", plan)
        page = HomePage(SyncTaskRunner(), ManualClock(datetime(2027, 3, 1, 8, 0, tzinfo=UTC)), lambda: "en")
        qtbot.addWidget(page)
        page.set_store(store)
        assert page.data is not None
        week = plan.week(0)
        assert week and len(page.idea_buttons) == min(4, len(week))
        assert page.ideas_card.isVisibleTo(page) and not page.ideas_empty.isVisibleTo(page)
        with qtbot.waitSignal(page.idea_opened) as opened:
            page.idea_buttons[0].click()
        draft = load_draft(store, opened.args[0])
        assert draft is not None and draft.text == week[0].text
        # The ideas are not counted as planned posts.
        assert page.data.posts == ()
    finally:
        store.close()
