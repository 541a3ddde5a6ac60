"""Choosing where a post goes by account: connected accounts, networks by hand, and what the draft keeps.

Real widgets on a real store (SyncTaskRunner); accounts are rows of the Account table as the accounts
page writes them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlmodel import col, select

from cm_desktop.core.drafts import Draft as DraftValue
from cm_desktop.core.drafts import connected_accounts, latest_draft, load_draft, save_draft
from cm_desktop.core.models import Account, AccountStatus, PostTarget
from cm_desktop.core.posts import NewTarget
from cm_desktop.core.rules import Severity
from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import Store, open_store
from cm_desktop.platform.secrets import Secrets
from cm_desktop.services.accounts.connect import save_mastodon
from cm_desktop.ui.composer.page import ComposerPage
from cm_desktop.ui.tasks import SyncTaskRunner
from tests.mastodon_limits import SERVER, TOKEN, edited_server

NOW = datetime(2027, 3, 20, 10, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield s
    s.close()


def add_account(
    store: Store, network: str, handle: str, name: str = "", status: str = "ok", server_limits: str = "{}"
) -> int:
    with store.session() as session:
        account = Account(
            network=network, handle=handle, display_name=name, status=status, server_limits=server_limits
        )
        session.add(account)
        session.commit()
        assert account.id is not None
        return account.id


def make_page(qtbot: QtBot, store: Store, tmp_path: Path) -> ComposerPage:
    page = ComposerPage(SyncTaskRunner(), ManualClock(NOW), "Europe/Paris", tmp_path / "media", lambda: "en")
    qtbot.addWidget(page)
    page.set_store(store)
    return page


def saved_targets(store: Store) -> list[tuple[str, int | None, str | None]]:
    with store.session() as session:
        rows = session.exec(select(PostTarget).order_by(col(PostTarget.id))).all()
    return [(t.network, t.account_id, t.text_override) for t in rows]


def test_one_toggle_per_account_and_the_other_networks_by_hand(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    shop = add_account(store, "bluesky", "shop.bsky.social", "Boulangerie Martin")
    add_account(
        store, "mastodon", "boulangerie@piaille.fr", "Boulangerie", status=AccountStatus.NEEDS_RECONNECT.value
    )
    page = make_page(qtbot, store, tmp_path)
    buttons = page.targets.target_buttons
    assert buttons[("bluesky", shop)].text() == "Bluesky · @shop.bsky.social"
    assert ("bluesky", None) not in buttons  # Bluesky goes through its account
    assert buttons[("facebook", None)].text() == "Facebook"  # no account: by hand
    assert "yourself" in buttons[("facebook", None)].accessibleName()
    mastodon = next(b for (n, _), b in buttons.items() if n == "mastodon")
    assert "connected again" in mastodon.toolTip()


def test_the_draft_keeps_the_account_and_the_preview_shows_it(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    shop = add_account(store, "bluesky", "shop.bsky.social", "Boulangerie Martin")
    page = make_page(qtbot, store, tmp_path)
    page.targets.target_buttons[("bluesky", shop)].click()
    page.targets.target_buttons[("facebook", None)].click()
    page.set_author("Ma boutique")
    page.editor.setPlainText("Bonjour")
    page.flush()
    with qtbot.waitSignal(page.draft_saved, timeout=3_000):
        page.save_button.click()
    # In the registry's order (core.networks): Facebook comes before Bluesky.
    assert saved_targets(store) == [("facebook", None, None), ("bluesky", shop, None)]
    bluesky = page.previews.preview("bluesky").model
    facebook = page.previews.preview("facebook").model
    assert bluesky is not None and (bluesky.author, bluesky.handle) == (
        "Boulangerie Martin",
        "shop.bsky.social",
    )
    assert facebook is not None and facebook.author == "Ma boutique"


def test_an_old_draft_without_accounts_loads_onto_the_connected_account(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    # Saved before accounts were chosen: every target by network only.
    save_draft(store, DraftValue("Ancien brouillon", (NewTarget("bluesky"), NewTarget("x"))))
    shop = add_account(store, "bluesky", "shop.bsky.social")
    page = make_page(qtbot, store, tmp_path)
    assert page.editor.toPlainText() == "Ancien brouillon"
    assert page.targets.selected_targets() == [NewTarget("x", None), NewTarget("bluesky", shop)]
    # Saved again, it now names the account: the outbox will send it instead of asking the person.
    with qtbot.waitSignal(page.draft_saved, timeout=3_000):
        page.save_now()
    assert saved_targets(store) == [("x", None, None), ("bluesky", shop, None)]


def test_a_chosen_account_that_is_gone_falls_back_to_its_network(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    first = add_account(store, "mastodon", "a@piaille.fr")
    second = add_account(store, "mastodon", "b@piaille.fr")
    page = make_page(qtbot, store, tmp_path)
    page.targets.set_selected([NewTarget("mastodon", second), NewTarget("x")])
    page.override_editors["mastodon"].setPlainText("Pour Mastodon")
    # The accounts page removed the second account and asked the composer to look again.
    page.set_accounts([a for a in connected_accounts(store) if a.id != second])
    assert page.targets.selected_targets() == [NewTarget("x"), NewTarget("mastodon", first)]
    assert page.override_editors["mastodon"].toPlainText() == "Pour Mastodon"
    page.set_accounts([])  # no Mastodon account left: Mastodon by hand
    assert page.targets.selected_targets() == [NewTarget("x"), NewTarget("mastodon")]


def test_accounts_connected_later_replace_the_network_and_keep_the_choice(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    page = make_page(qtbot, store, tmp_path)
    page.targets.set_selected(["bluesky", "instagram"])
    assert page.targets.selected_targets() == [NewTarget("instagram"), NewTarget("bluesky")]
    shop = add_account(store, "bluesky", "shop.bsky.social")
    page.reload_accounts()
    assert page.targets.selected_targets() == [NewTarget("instagram"), NewTarget("bluesky", shop)]
    assert page.targets.selected() == ["instagram", "bluesky"]


def test_a_mastodon_server_with_a_higher_limit_is_counted_with_it(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    add_account(store, "mastodon", "b@piaille.fr", server_limits=json.dumps({"max_characters": 5000}))
    page = make_page(qtbot, store, tmp_path)
    page.targets.set_selected(["mastodon"])
    page.editor.setPlainText("a" * 600)
    page.flush()
    assert page.measures["mastodon"].limit == 5000 and page.measures["mastodon"].ok
    assert "600 / 5000" in page.counters.labels()["mastodon"].text()


def test_a_1000_character_server_read_on_connecting_sets_the_counter(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    """The recorded Mastodon 4.6.4 instance body, edited to 1,000 characters, read by the real connection."""
    save_mastodon(store, Secrets(), SERVER, TOKEN, transport=edited_server({"max_characters": 1000}))
    page = make_page(qtbot, store, tmp_path)
    (account,) = connected_accounts(store)
    page.targets.target_buttons[("mastodon", account.id)].click()
    page.editor.setPlainText("a" * 600)
    page.flush()
    assert "600 / 1000" in page.counters.labels()["mastodon"].text()
    assert not [i for i in page.issues["mastodon"] if i.severity is Severity.BLOCKS]
    page.editor.setPlainText("a" * 1001)
    page.flush()
    assert "1001 / 1000" in page.counters.labels()["mastodon"].text()
    assert [i.code for i in page.issues["mastodon"] if i.severity is Severity.BLOCKS] == ["text.too_long"]


def test_draft_targets_queued_by_account_only_get_their_network(store: Store) -> None:
    """The command line queues targets by account without a network: loading them must find it."""
    shop = add_account(store, "bluesky", "shop.bsky.social")
    post_id = save_draft(store, DraftValue("Texte", (NewTarget("", shop),)))
    draft = load_draft(store, post_id)
    assert draft is not None and draft.targets == (NewTarget("bluesky", shop),)
    assert latest_draft(store) == draft
    assert [a.handle for a in connected_accounts(store)] == ["shop.bsky.social"]


def test_a_draft_opened_before_the_accounts_are_read_keeps_its_account(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    """The app builds the composer when first needed: a post opened from Home or the Calendar is loaded before
    the accounts' reading (off the GUI thread) answers. Its account is chosen once their toggles exist, not the
    network's first account."""
    add_account(store, "mastodon", "a@piaille.fr")
    second = add_account(store, "mastodon", "b@piaille.fr")
    post_id = save_draft(store, DraftValue("Pour le marché", (NewTarget("mastodon", second),)))
    draft = load_draft(store, post_id)
    assert draft is not None
    waiting: list[tuple[Any, Any]] = []

    class HeldRunner:
        """Keeps each piece of work until the test lets it run (the accounts' reading still going)."""

        def run(self, work: Any, on_done: Any, on_error: Any) -> None:
            waiting.append((work, on_done))

    page = ComposerPage(HeldRunner(), ManualClock(NOW), "Europe/Paris", tmp_path / "media", lambda: "en")
    qtbot.addWidget(page)
    page.set_store(store)
    page.load(draft)
    assert page.targets.selected_targets() == [NewTarget("mastodon")]  # no accounts known yet: by hand
    while waiting:
        work, on_done = waiting.pop(0)
        on_done(work())
    assert page.targets.selected_targets() == [NewTarget("mastodon", second)]
    assert page.editor.toPlainText() == "Pour le marché" and page.post_id == post_id
