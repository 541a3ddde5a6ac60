"""The Accounts page and its two connect dialogs, driven through their real widgets (pytest-qt, offscreen).

Bluesky runs against Bluesky's own PDS on loopback (the session-wide `pds` fixture, tests/pds_peer.py).
Mastodon runs against IMITATIONS, as no Mastodon can run here: `mastodon-mock` (PyPI) for the browser
sign-in, and the local authorization server of tests/unit/test_oauth.py (answering like a Mastodon 4.2, with
no discovery document) for the paste-the-code fallback. The "browser" is a function that follows the
sign-in address like a browser would. The keychain is the in-memory one of tests/conftest.py.
"""

from __future__ import annotations

import io
import json
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from keyring.backends import fail
from PIL import Image
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select

from cm_desktop.core.i18n import Lang
from cm_desktop.core.models import Account, AccountStatus
from cm_desktop.core.store import Store, open_store
from cm_desktop.networks.bluesky import APP_PASSWORD_FORMAT, WRONG_LOGIN
from cm_desktop.networks.mastodon import TEXTS, ServerNameError
from cm_desktop.networks.oauth import OAuthTimeout
from cm_desktop.platform.secrets import KeychainUnavailable, Secrets
from cm_desktop.services.accounts import connect_bluesky
from cm_desktop.ui.accounts.feedback import Tone
from cm_desktop.ui.accounts.mastodon_dialog import BROWSER, CODE, SERVER
from cm_desktop.ui.accounts.page import AccountsPage
from cm_desktop.ui.tasks import SyncTaskRunner, ThreadTaskRunner
from tests.memory_keyring import MemoryKeyring
from tests.pds_peer import PdsPeer
from tests.unit.test_oauth import AuthServerState, _AuthHandler, _AuthHttpServer

LEFT = Qt.MouseButton.LeftButton


# --- what the tests share -------------------------------------------------------------------------------


class CountingRunner(SyncTaskRunner):
    """The synchronous runner, counting the jobs it was given (a refused input must give none)."""

    def __init__(self) -> None:
        self.jobs = 0

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None], on_error: Any) -> None:
        self.jobs += 1
        super().run(work, on_done, on_error)


class WatchedThreadRunner(ThreadTaskRunner):
    """The app's real runner (a thread pool), noting on which thread each job ran."""

    def __init__(self) -> None:
        super().__init__()
        self.on_gui_thread: list[bool] = []

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None], on_error: Any) -> None:
        def watched() -> Any:
            self.on_gui_thread.append(threading.current_thread() is threading.main_thread())
            return work()

        super().run(watched, on_done, on_error)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "data" / "cm-desktop.sqlite3", tmp_path / "data" / "backups")
    yield opened
    opened.close()


@pytest.fixture
def thread_runner() -> Iterator[WatchedThreadRunner]:
    runner = WatchedThreadRunner()
    yield runner
    assert runner.wait(30_000)  # no job outlives its test
    QApplication.processEvents()


def make_page(
    qtbot: QtBot,
    store: Store,
    runner: Any,
    *,
    secrets: Secrets | None = None,
    open_url: Callable[[QUrl], bool] = lambda _url: True,
    lang: Callable[[], Lang] = lambda: "en",
    **options: Any,
) -> AccountsPage:
    page = AccountsPage(store, runner, secrets or Secrets(), open_url, lang, **options)
    qtbot.addWidget(page)
    page.resize(900, 640)
    page.show()
    qtbot.waitUntil(lambda: page.loaded)
    return page


def saved_accounts(store: Store) -> list[Account]:
    with store.session() as session:
        return list(session.exec(select(Account)).all())


def account_secrets(keyring: MemoryKeyring) -> dict[str, str]:
    return {user: value for (_service, user), value in keyring.items.items() if user.startswith("account:")}


def seed(
    store: Store, secrets: Secrets, handle: str, *, status: str = "ok", network: str = "bluesky"
) -> Account:
    """An account as a previous connection left it (row + keychain secret), without the network."""
    ref = f"account:{network}:{handle}"
    secrets.set(ref, '{"refreshJwt": "r"}')
    with store.session() as session:
        account = Account(
            network=network,
            handle=handle,
            display_name=handle.split(".")[0].title(),
            remote_id=f"did:plc:{handle.split('.')[0]}",
            server_url="https://bsky.social",
            secret_ref=ref,
            status=status,
        )
        session.add(account)
        session.commit()
        session.refresh(account)
    return account


@contextmanager
def debug_log(folder: Path) -> Iterator[Path]:
    """The app's own log file (cm_desktop.platform.logs), at DEBUG level, for the secrets canary."""
    from cm_desktop.platform.logs import setup_logging

    root = logging.getLogger()
    level = root.level
    log_file = setup_logging(folder, level=logging.DEBUG)
    handler = root.handlers[-1]
    assert log_file is not None
    try:
        yield log_file
    finally:
        root.removeHandler(handler)
        handler.close()
        root.setLevel(level)


def png_bytes(colour: tuple[int, int, int] = (200, 120, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def set_profile(peer: PdsPeer, handle: str, did: str, app_password: str, name: str, avatar: bytes) -> None:
    """Give the PDS account a display name and a picture, as the Bluesky app would."""
    with peer.client() as http:
        session = http.post(
            "/xrpc/com.atproto.server.createSession", json={"identifier": handle, "password": app_password}
        ).json()
        auth = {"Authorization": f"Bearer {session['accessJwt']}"}
        blob = http.post(
            "/xrpc/com.atproto.repo.uploadBlob", content=avatar, headers={**auth, "Content-Type": "image/png"}
        ).json()["blob"]
        put = http.post(
            "/xrpc/com.atproto.repo.putRecord",
            json={
                "repo": did,
                "collection": "app.bsky.actor.profile",
                "rkey": "self",
                "record": {"$type": "app.bsky.actor.profile", "displayName": name, "avatar": blob},
            },
            headers=auth,
        )
        assert put.status_code == 200, put.text


# --- Bluesky against the real PDS ----------------------------------------------------------------------


@pytest.mark.pds
def test_connect_bluesky_through_the_dialog_against_the_real_pds(
    qtbot: QtBot,
    pds: PdsPeer,
    store: Store,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    thread_runner: WatchedThreadRunner,
) -> None:
    handle, did, app_password = pds.create_account("gui")
    avatar = png_bytes()
    set_profile(pds, handle, did, app_password, "Boulangerie Alice", avatar)
    with debug_log(tmp_path / "logs") as log_file:
        page = make_page(qtbot, store, thread_runner, plc_url=pds.plc_url, avatar_dir=tmp_path / "avatars")
        changed: list[bool] = []
        page.accounts_changed.connect(lambda: changed.append(True))
        assert page.empty_label.isVisible()

        qtbot.mouseClick(page.bluesky_button, LEFT)
        # The keychain is checked off the GUI thread first, then the form opens.
        qtbot.waitUntil(lambda: page.bluesky_dialog is not None and page.bluesky_dialog.isVisible())
        dialog = page.bluesky_dialog
        assert dialog is not None
        qtbot.keyClicks(dialog.handle_edit, handle)
        qtbot.keyClicks(dialog.password_edit, app_password)
        qtbot.keyClick(dialog.advanced_box, Qt.Key.Key_Space)  # a check box ticks from the keyboard
        assert dialog.advanced_box.isChecked() and dialog.service_edit.isVisible()
        qtbot.keyClicks(dialog.service_edit, pds.url)
        qtbot.mouseClick(dialog.connect_button, LEFT)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)

        qtbot.waitUntil(lambda: page.row_for(handle) is not None)
        row = page.row_for(handle)
        assert row is not None
        assert row.status_label.text() == "Connected" and row.hint_label.isHidden()
        assert row.name_label.text() == "Boulangerie Alice"
        assert row.details_label.text() == f"{handle} · Bluesky"
        qtbot.waitUntil(lambda: row.avatar is not None, timeout=10_000)  # fetched off the GUI thread
        assert row.avatar is not None and row.avatar.read_bytes() == avatar
        assert row.avatar.parent == tmp_path / "avatars"
        assert changed and page.empty_label.isHidden()
        assert thread_runner.on_gui_thread and not any(thread_runner.on_gui_thread)

    [account] = saved_accounts(store)
    assert account.remote_id == did and account.status == "ok"
    session = json.loads(account_secrets(memory_keyring)[account.secret_ref])
    # The canary: the app password and both tokens are in the keychain only.
    assert "createSession" in log_file.read_text()  # the log holds the requests made, at DEBUG level
    for secret in (app_password, session["accessJwt"], session["refreshJwt"]):
        for path in (store.path, store.path.with_name(store.path.name + "-wal"), log_file):
            if path.exists():
                assert secret.encode() not in path.read_bytes(), path.name


@pytest.mark.pds
def test_a_wrong_app_password_says_so_keeps_what_was_typed_and_saves_nothing(
    qtbot: QtBot,
    pds: PdsPeer,
    store: Store,
    memory_keyring: MemoryKeyring,
) -> None:
    handle, _did, _app_password = pds.create_account("wrong")
    page = make_page(qtbot, store, SyncTaskRunner(), plc_url=pds.plc_url)
    dialog = page.open_bluesky()
    dialog.handle_edit.setText(handle)
    dialog.password_edit.setText("abcd-efgh-ijkl-mnop")
    dialog.advanced_box.setChecked(True)
    dialog.service_edit.setText(pds.url)
    qtbot.mouseClick(dialog.connect_button, LEFT)

    assert dialog.isVisible() and not dialog.busy
    assert dialog.status.tone is Tone.ERROR and dialog.status.text == WRONG_LOGIN.en
    assert dialog.handle_edit.text() == handle and dialog.password_edit.text() == "abcd-efgh-ijkl-mnop"
    assert dialog.service_edit.text() == pds.url and dialog.connect_button.isEnabled()
    assert dialog.focusWidget() is dialog.password_edit
    assert saved_accounts(store) == [] and account_secrets(memory_keyring) == {}
    assert page.rows == []


@pytest.mark.pds
def test_reconnect_an_account_that_needs_it(
    qtbot: QtBot,
    pds: PdsPeer,
    store: Store,
    memory_keyring: MemoryKeyring,
) -> None:
    handle, _did, app_password = pds.create_account("again")
    secrets = Secrets()
    first = connect_bluesky(store, secrets, handle, app_password, pds.url, pds.plc_url)
    with store.session() as session:
        row_before = session.get(Account, first.id)
        assert row_before is not None
        row_before.status = AccountStatus.NEEDS_RECONNECT.value
        session.add(row_before)
        session.commit()

    page = make_page(qtbot, store, SyncTaskRunner(), secrets=secrets, plc_url=pds.plc_url)
    row = page.row_for(handle)
    assert (
        row is not None and row.status_label.text() == "Needs reconnecting" and not row.hint_label.isHidden()
    )
    qtbot.mouseClick(row.reconnect_button, LEFT)
    dialog = page.bluesky_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.handle_edit.text() == handle
    assert (
        dialog.advanced_box.isChecked() and dialog.service_edit.text() == first.server_url
    )  # its own server
    qtbot.keyClicks(dialog.password_edit, app_password)
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # Enter connects

    assert not dialog.isVisible()
    [account] = saved_accounts(store)
    assert account.id == first.id and account.status == "ok"
    assert list(account_secrets(memory_keyring)) == [account.secret_ref] != [first.secret_ref]
    row = page.row_for(handle)
    assert row is not None and row.status_label.text() == "Connected"


def test_a_badly_formatted_app_password_is_refused_before_any_request(qtbot: QtBot, store: Store) -> None:
    runner = CountingRunner()
    page = make_page(qtbot, store, runner, lang=lambda: "fr")
    jobs_before = runner.jobs
    dialog = page.open_bluesky()
    # From the keyboard only: type, Tab to the next field, type, Enter.
    qtbot.keyClicks(dialog.handle_edit, "alice.bsky.social")
    qtbot.keyClick(dialog.handle_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.password_edit
    qtbot.keyClicks(dialog.password_edit, "my main password")
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    assert runner.jobs == jobs_before  # nothing was sent anywhere
    assert dialog.isVisible() and dialog.status.text == APP_PASSWORD_FORMAT.fr
    assert dialog.password_edit.text() == "my main password"
    dialog.handle_edit.clear()
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.status.tone is Tone.ERROR and "handle" in dialog.status.text
    assert dialog.focusWidget() is dialog.handle_edit
    assert runner.jobs == jobs_before


def test_the_dialog_links_to_the_app_passwords_page(qtbot: QtBot, store: Store) -> None:
    opened: list[str] = []

    def no_browser(url: QUrl) -> bool:
        opened.append(url.toString())
        return False

    page = make_page(qtbot, store, SyncTaskRunner(), open_url=no_browser)
    dialog = page.open_bluesky()
    assert "app password" in dialog.intro_label.text() and "main Bluesky" in dialog.intro_label.text()
    qtbot.mouseClick(dialog.link_button, LEFT)
    assert opened == ["https://bsky.app/settings/app-passwords"]
    assert dialog.link_address.text() == "https://bsky.app/settings/app-passwords"
    assert "Copy the address" in dialog.status.text  # no browser: the person is told what to do


# --- the list: disconnecting and statuses --------------------------------------------------------------


def test_disconnect_asks_then_removes_the_row_and_the_keychain_secret(
    qtbot: QtBot, store: Store, memory_keyring: MemoryKeyring
) -> None:
    secrets = Secrets()
    seed(store, secrets, "alice.test")
    seed(store, secrets, "bob.test")
    page = make_page(qtbot, store, SyncTaskRunner(), secrets=secrets)
    changed: list[bool] = []
    page.accounts_changed.connect(lambda: changed.append(True))
    row = page.row_for("alice.test")
    assert row is not None and [r.account.handle for r in page.rows] == ["alice.test", "bob.test"]

    qtbot.mouseClick(row.disconnect_button, LEFT)
    box = page.confirm_box
    assert box is not None and box.isVisible() and "alice.test" in box.text()
    keep = box.findChild(QAbstractButton, "keep_account")
    assert keep is not None and box.defaultButton() is keep  # Enter keeps the account
    qtbot.mouseClick(keep, LEFT)
    assert page.row_for("alice.test") is not None and changed == []

    qtbot.mouseClick(row.disconnect_button, LEFT)
    box = page.confirm_box
    assert box is not None
    confirm = box.findChild(QAbstractButton, "confirm_disconnect")
    assert confirm is not None
    qtbot.mouseClick(confirm, LEFT)

    assert [r.account.handle for r in page.rows] == ["bob.test"]
    assert list(account_secrets(memory_keyring)) == ["account:bluesky:bob.test"]
    assert [a.handle for a in saved_accounts(store)] == ["bob.test"]
    assert changed == [True] and page.status.text.startswith("alice.test is disconnected.")
    # The seeded login points to no real server: the page says it could not be ended there, and where to.
    assert "could not be ended" in page.status.text and "App passwords" in page.status.text


def test_statuses_in_plain_words_and_keychain_unavailable(qtbot: QtBot, store: Store) -> None:
    secrets = Secrets()
    seed(store, secrets, "alice.test")
    seed(store, secrets, "bob.test", status=AccountStatus.NEEDS_RECONNECT.value)
    page = make_page(qtbot, store, SyncTaskRunner(), secrets=secrets)
    assert [r.status_label.text() for r in page.rows] == ["Connected", "Needs reconnecting"]
    assert page.keychain_label.isHidden()

    locked_out = make_page(qtbot, store, SyncTaskRunner(), secrets=Secrets(fail.Keyring()))
    assert [r.status_label.text() for r in locked_out.rows] == ["Keychain unavailable"] * 2
    assert all("cannot be read" in r.hint_label.text() for r in locked_out.rows)
    assert not locked_out.keychain_label.isHidden()
    assert locked_out.keychain_label.text() == KeychainUnavailable.text.en
    # Connecting says the same, without a request.
    dialog = locked_out.open_bluesky()
    dialog.handle_edit.setText("alice.test")
    dialog.password_edit.setText("abcd-efgh-ijkl-mnop")
    qtbot.mouseClick(dialog.connect_button, LEFT)
    assert dialog.status.text == KeychainUnavailable.text.en


def test_every_control_has_an_accessible_name_and_french_words(qtbot: QtBot, store: Store) -> None:
    from cm_desktop.ui.i18n import Translations

    secrets = Secrets()
    seed(store, secrets, "alice.test")
    seed(store, secrets, "bob.test", status=AccountStatus.NEEDS_RECONNECT.value)
    page = make_page(qtbot, store, SyncTaskRunner(), secrets=secrets)
    windows: list[QWidget] = [page, page.open_bluesky(), page.open_mastodon()]
    for window in windows:
        for control in window.findChildren(QAbstractButton) + window.findChildren(QLineEdit):
            assert control.accessibleName().strip(), f"{window.objectName()}: {control.objectName()}"
    for row in page.rows:
        assert row.accessibleName().startswith(row.account.display_name)

    app = QApplication.instance()
    assert app is not None
    translations = Translations(app)
    try:
        translations.apply("fr")
        qtbot.waitUntil(lambda: page.title_label.text() == "Comptes")  # LanguageChange is posted
        assert [r.status_label.text() for r in page.rows] == ["Connecté", "À reconnecter"]
        assert page.bluesky_dialog is not None and page.bluesky_dialog.windowTitle() == "Connecter Bluesky"
    finally:
        translations.apply("en")
    qtbot.waitUntil(lambda: page.title_label.text() == "Accounts")


# --- Mastodon against imitations -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mastodon_imitation() -> Iterator[str]:
    """`mastodon-mock` (PyPI) on 127.0.0.1: an IMITATION of a Mastodon server, not the real one."""
    try:
        from mastodon_mock.testing.server import MockServer
    except ImportError:  # pragma: no cover - depends on the dev environment
        if os.environ.get("CI") == "true":
            raise
        pytest.skip("mastodon-mock is not installed (pip install mastodon-mock)")
    server = MockServer(host="127.0.0.1")
    server.start()
    try:
        yield server.base_url
    finally:
        server.stop()


class FollowingBrowser:
    """Stands in for the person's browser: on the imitation's sign-in page, picks `alice` and approves;
    the server then redirects to the app's loopback listener, and the browser follows."""

    def __init__(self) -> None:
        self.opened: list[str] = []
        self.on_gui_thread: list[bool] = []

    def __call__(self, qurl: QUrl) -> bool:
        url = httpx.URL(qurl.toString(QUrl.ComponentFormattingOption.FullyEncoded))
        self.opened.append(str(url))
        self.on_gui_thread.append(threading.current_thread() is threading.main_thread())
        with httpx.Client(timeout=10) as client:
            picker = client.get(url)
            assert picker.status_code == 200 and "alice" in picker.text
            answer = client.post(
                str(url.copy_with(query=None)),
                data={
                    "username": "alice",
                    "redirect_uri": url.params["redirect_uri"],
                    "client_id": url.params["client_id"],
                    "scope": url.params["scope"],
                    "state": url.params["state"],
                },
            )
            assert answer.status_code == 302
            assert client.get(answer.headers["location"]).status_code == 200
        return True


class ClosedBrowser:
    """A browser that opens the page and is then left alone (or closed) by the person."""

    def __init__(self) -> None:
        self.opened: list[str] = []

    def __call__(self, qurl: QUrl) -> bool:
        self.opened.append(qurl.toString(QUrl.ComponentFormattingOption.FullyEncoded))
        return True


def test_connect_mastodon_through_the_browser_imitation(
    qtbot: QtBot,
    mastodon_imitation: str,
    store: Store,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    thread_runner: WatchedThreadRunner,
) -> None:
    browser = FollowingBrowser()
    page = make_page(qtbot, store, thread_runner, open_url=browser, avatar_dir=tmp_path / "avatars")
    changed: list[bool] = []
    page.accounts_changed.connect(lambda: changed.append(True))
    qtbot.mouseClick(page.mastodon_button, LEFT)
    qtbot.waitUntil(lambda: page.mastodon_dialog is not None)  # after the keychain check, off the GUI thread
    dialog = page.mastodon_dialog
    assert dialog is not None and dialog.step == SERVER
    with debug_log(tmp_path / "logs") as log_file:
        qtbot.keyClicks(dialog.server_edit, mastodon_imitation)
        qtbot.keyClick(dialog.server_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)

    host = httpx.URL(mastodon_imitation).netloc.decode()
    qtbot.waitUntil(lambda: page.row_for(f"@alice@{host}") is not None)
    row = page.row_for(f"@alice@{host}")
    assert row is not None and row.status_label.text() == "Connected"
    assert row.details_label.text() == f"@alice@{host} · Mastodon"
    assert changed
    assert browser.on_gui_thread == [True]  # the browser is opened from the GUI thread...
    assert thread_runner.on_gui_thread and not any(thread_runner.on_gui_thread)  # ...the waiting is not
    [account] = saved_accounts(store)
    token = account_secrets(memory_keyring)[account.secret_ref]
    assert "verify_credentials" in log_file.read_text()
    for path in (store.path, store.path.with_name(store.path.name + "-wal"), log_file):
        if path.exists():
            assert token.encode() not in path.read_bytes(), path.name
    # The imitation's avatars live on a host that does not exist: the initial stays, nothing is shown.
    assert thread_runner.wait(10_000)
    QApplication.processEvents()
    assert row.avatar is None and page.status.tone is Tone.NOTE


def test_cancel_while_the_browser_is_open(
    qtbot: QtBot,
    mastodon_imitation: str,
    store: Store,
    memory_keyring: MemoryKeyring,
    thread_runner: WatchedThreadRunner,
) -> None:
    browser = ClosedBrowser()
    page = make_page(qtbot, store, thread_runner, open_url=browser)
    dialog = page.open_mastodon()
    dialog.server_edit.setText(mastodon_imitation)
    qtbot.mouseClick(dialog.next_button, LEFT)
    qtbot.waitUntil(lambda: dialog.step == BROWSER and bool(browser.opened), timeout=15_000)
    assert dialog.browser_address.edit.text() == browser.opened[0]  # to copy if no browser opened
    assert not dialog.next_button.isVisible() and dialog.status.tone is Tone.BUSY

    qtbot.mouseClick(dialog.cancel_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert saved_accounts(store) == [] and account_secrets(memory_keyring) == {}
    # The one-shot listener is gone: a late approval in the browser reaches nothing.
    redirect = httpx.URL(browser.opened[0]).params["redirect_uri"]
    with httpx.Client(timeout=2) as client, pytest.raises(httpx.ConnectError):
        client.get(redirect + "?code=late&state=x")


def test_a_closed_browser_times_out_then_offers_to_paste_a_code(
    qtbot: QtBot,
    mastodon_imitation: str,
    store: Store,
    thread_runner: WatchedThreadRunner,
    memory_keyring: MemoryKeyring,
) -> None:
    """On a server of 4.3 or later too, the pasted code stays the way out; and a sign-in page that never came
    back may mean the server forgot CM Desktop's registration: the next try registers again."""
    page = make_page(qtbot, store, thread_runner, open_url=ClosedBrowser(), browser_timeout=0.5)
    dialog = page.open_mastodon()
    dialog.server_edit.setText(mastodon_imitation)
    qtbot.mouseClick(dialog.next_button, LEFT)
    qtbot.waitUntil(lambda: dialog.status.tone is Tone.ERROR, timeout=15_000)
    assert dialog.step == BROWSER and dialog.status.text == OAuthTimeout.text.en
    assert dialog.use_code_button.isVisible() and dialog.use_code_button.hasFocus()
    assert not [user for (_service, user) in memory_keyring.items if user.startswith("mastodon:app:")]
    qtbot.mouseClick(dialog.use_code_button, LEFT)
    assert dialog.step == CODE and "redirect_uri=urn" in dialog.code_address.edit.text()
    assert saved_accounts(store) == []
    qtbot.mouseClick(dialog.cancel_button, LEFT)  # gives back the sign-in's connection
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)


def test_an_unknown_server_and_a_mistyped_one(
    qtbot: QtBot, store: Store, thread_runner: WatchedThreadRunner
) -> None:
    page = make_page(qtbot, store, thread_runner, lang=lambda: "fr")
    dialog = page.open_mastodon()
    qtbot.keyClicks(dialog.server_edit, "@moi@nosuchserver.invalid")
    qtbot.keyClick(dialog.server_edit, Qt.Key.Key_Return)
    assert dialog.busy and dialog.status.tone is Tone.BUSY
    qtbot.waitUntil(lambda: dialog.status.tone is Tone.ERROR, timeout=15_000)
    assert dialog.status.text == TEXTS["unknown_host"].fr
    assert dialog.step == SERVER and dialog.server_edit.text() == "@moi@nosuchserver.invalid"
    assert dialog.next_button.isEnabled() and dialog.isVisible()

    jobs = len(thread_runner.on_gui_thread)
    dialog.server_edit.setText("pas un serveur !")
    qtbot.keyClick(dialog.server_edit, Qt.Key.Key_Return)
    assert dialog.status.text == ServerNameError.INVALID.fr.format(name="pas un serveur !")
    assert len(thread_runner.on_gui_thread) == jobs  # refused before any request


class _OlderMastodonHandler(_AuthHandler):
    """The authorization server of test_oauth.py, answering `/api/v2/instance` like a Mastodon 4.2."""

    def do_GET(self) -> None:
        if self.path.startswith("/api/v2/instance"):
            return self._json(200, {"domain": "127.0.0.1", "version": "4.2.10", "configuration": {}})
        return super().do_GET()


@pytest.fixture
def older_server() -> Iterator[AuthServerState]:
    server = _AuthHttpServer(("127.0.0.1", 0), _OlderMastodonHandler)
    server.state = AuthServerState(base=f"http://127.0.0.1:{server.server_address[1]}", discovery=False)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server.state
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_paste_the_code_on_an_older_server(
    qtbot: QtBot,
    older_server: AuthServerState,
    store: Store,
    memory_keyring: MemoryKeyring,
    thread_runner: WatchedThreadRunner,
) -> None:
    browser = ClosedBrowser()
    page = make_page(qtbot, store, thread_runner, open_url=browser)
    dialog = page.open_mastodon()
    dialog.server_edit.setText(older_server.base)
    qtbot.keyClick(dialog.server_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.step == CODE, timeout=15_000)
    assert browser.opened and dialog.code_address.edit.text() == browser.opened[0]
    assert dialog.focusWidget() is dialog.code_edit

    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)  # nothing pasted yet
    assert dialog.status.tone is Tone.ERROR and dialog.step == CODE
    page_text = httpx.get(browser.opened[0]).text  # the person reads the code on the server's page
    code = page_text.split("value='")[1].split("'")[0]
    qtbot.keyClicks(dialog.code_edit, f" {code} ")
    qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)

    [account] = saved_accounts(store)
    assert account.handle.startswith("@boulangerie@") and account.display_name == "La Boulangerie"
    assert list(account_secrets(memory_keyring)) == [account.secret_ref]
    qtbot.waitUntil(lambda: page.row_for(account.handle) is not None)


def test_the_keychain_is_asked_when_the_page_is_first_shown(qtbot: QtBot, store: Store) -> None:
    """Built at start but not on screen, the page leaves keyring's backends unloaded (issue #20's memory)."""
    asked: list[str] = []

    class Watched(Secrets):
        def check(self) -> None:
            asked.append("check")
            super().check()

    page = AccountsPage(store, SyncTaskRunner(), Watched(), lambda _url: True, lambda: "en")
    qtbot.addWidget(page)
    assert asked == [] and not page.loaded
    page.show()
    qtbot.waitUntil(lambda: page.loaded)
    assert asked and page.empty_label.isVisible()
