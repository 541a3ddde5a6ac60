"""Home (the coach) and Help, read from a store with known posts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot

from cm_desktop.core import onboarding
from cm_desktop.core.coach import Goal, ProfileAnswers, glossary, guides, tip_of_week
from cm_desktop.core.models import BusinessKind, Post, PostTarget, TargetState
from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import Store, open_store
from cm_desktop.ui.help import HelpPage
from cm_desktop.ui.home import HomePage
from cm_desktop.ui.tasks import SyncTaskRunner

# Tuesday 19 May 2026, 10:00 in Paris: French Mother's Day is Sunday 31 May, 12 days away.
NOW = datetime(2026, 5, 19, 8, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "cm.sqlite3", tmp_path / "backups")
    yield opened
    opened.close()


def add_post(store: Store, when: datetime, *states: TargetState, origin: str = "") -> None:
    with store.session() as session:
        post = Post(text="Nos croissants", scheduled_utc=when, time_zone="Europe/Paris", origin=origin)
        session.add(post)
        session.flush()
        assert post.id is not None
        for i, state in enumerate(states):
            session.add(
                PostTarget(post_id=post.id, network=("facebook", "instagram")[i % 2], state=state.value)
            )
        session.commit()


def seed_bakery(store: Store) -> None:
    answers = ProfileAnswers(
        kind=BusinessKind.SHOP,
        goals=(Goal.BRING_PEOPLE_IN,),
        weekly_minutes=60,  # three posts a week
        country="FR",
        town="Lyon",
        language="en",
        business_name="Martin's Bakery",
    )
    onboarding.apply(
        store, answers, "Europe/Paris", onboarding.build_plan(answers, "Europe/Paris", date(2026, 5, 18))
    )


def make_home(qtbot: QtBot, store: Store | None) -> HomePage:
    page = HomePage(SyncTaskRunner(), ManualClock(NOW), lang=lambda: "en")
    qtbot.addWidget(page)
    if store is not None:
        page.set_store(store)
    return page


def test_home_shows_the_week_counts_and_the_next_moment(qtbot: QtBot, store: Store) -> None:
    seed_bakery(store)
    add_post(store, NOW - timedelta(days=1), TargetState.PUBLISHED)  # Monday: out
    add_post(store, NOW - timedelta(hours=2), TargetState.ASSISTED_PENDING)  # due: waiting for the person
    add_post(store, NOW - timedelta(days=7), TargetState.FAILED, TargetState.PUBLISHED)  # last week, to fix
    add_post(store, NOW + timedelta(days=2), TargetState.SCHEDULED, TargetState.SCHEDULED)
    page = make_home(qtbot, store)

    assert page.title_label.text() == "Hello, Martin's Bakery"
    assert page.planned_tile.number.text() == "3"  # published + waiting + scheduled, this week
    assert page.planned_tile.caption.text() == "planned (your plan: 3)"
    assert page.published_tile.number.text() == "1"
    assert page.waiting_tile.number.text() == "1"
    assert page.to_fix_tile.number.text() == "1"
    assert "1 post could not be published" in page.week_lines.text()
    assert "waiting for you to publish it by hand" in page.week_lines.text()
    assert "Thursday 21 May, 10:00 · Facebook and Instagram" in page.next_posts.text()
    assert not page.posts_button.isHidden()
    assert page.setup_card.isHidden()

    moment = page.data.moment if page.data is not None else None
    assert moment is not None
    days = (moment.start - date(2026, 5, 19)).days
    assert page.moment_question.text() == f"{moment.title.en} in {days} days: plan a post?"
    with qtbot.waitSignal(page.compose_requested) as asked:
        page.moment_button.click()
    assert asked.args[1] == f"moment:{moment.code}"
    # The card gives the owner advice; the composer gets a post written for the customers, gaps to fill.
    draft = asked.args[0]
    assert draft and draft != page.moment_idea.text()
    assert moment.title.en in draft and "[" in draft

    tip = tip_of_week(2026, 21)
    assert page.tip_title.text() == tip.title.en

    bars = page.week_bars.bars()
    assert len(bars) == 6
    assert (bars[-1].planned, bars[-1].posted, bars[-1].target) == (3, 1, 3)
    assert (bars[-2].planned, bars[-2].posted) == (1, 1)  # a post out on one network counts as posted
    assert "18 May: 1 posted out of 3 planned" in page.week_bars.accessibleDescription()


def test_mothers_day_is_offered_once_its_preparation_time_has_come(qtbot: QtBot, store: Store) -> None:
    seed_bakery(store)
    page = HomePage(SyncTaskRunner(), ManualClock(datetime(2026, 5, 25, 8, tzinfo=UTC)), lang=lambda: "en")
    qtbot.addWidget(page)
    # Neighbours' Day (29 May) would come first: say it is already planned.
    add_post(
        store, datetime(2026, 5, 27, 8, tzinfo=UTC), TargetState.SCHEDULED, origin="moment:neighbours_day"
    )
    page.set_store(store)
    assert page.moment_question.text() == "Mother's Day in 6 days: plan a post?"


def test_home_without_a_profile_invites_to_set_up(qtbot: QtBot, store: Store) -> None:
    page = make_home(qtbot, store)
    assert not page.setup_card.isHidden()
    assert page.title_label.text() == "Hello"
    assert page.planned_tile.number.text() == "0"
    with qtbot.waitSignal(page.setup_requested):
        page.setup_button.click()


def test_home_before_the_store_is_open_says_it_is_loading(qtbot: QtBot) -> None:
    page = make_home(qtbot, None)
    assert page.week_lines.text() == "Loading your week…"
    assert page.setup_card.isHidden()


def test_home_reports_a_failed_load_in_plain_words(qtbot: QtBot, store: Store) -> None:
    page = make_home(qtbot, None)
    store.close()
    page.store = object()  # not a store: load_home fails like a bug would
    page.refresh()
    assert page.status.text() == "Your week could not be loaded. Try again in a moment."


def test_glossary_search_ignores_case_and_accents(qtbot: QtBot) -> None:
    help_page = HelpPage(lang=lambda: "fr", open_url=lambda _url: True)
    qtbot.addWidget(help_page)
    words = help_page.glossary
    assert len(words.visible_codes()) == len(glossary())
    words.search.setText("ABONNES")
    assert "followers" in words.visible_codes()
    words.search.setText("zzzz")
    assert words.visible_codes() == [] and not words.empty.isHidden()
    words.search.clear()
    assert words.empty.isHidden()


def test_guides_show_steps_and_open_their_site(qtbot: QtBot) -> None:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    help_page = HelpPage(lang=lambda: "en", open_url=open_url)
    qtbot.addWidget(help_page)
    panel = help_page.guides
    assert panel.list.count() == len(guides())
    first = guides()[0]
    assert panel.title.text() == first.title.en
    assert first.steps[0].en.split(" ")[0] in panel.steps.text()
    assert panel.open_guide_url()
    assert opened == [QUrl(first.url)]
    assert help_page.tabs.tabText(0) == "&Guides"
