"""The outbox inside the app, through its real widgets: the worker, notifications, the Sending page, the publish
assistant, the late-post question and the Settings switch for publishing while the app is closed.

A real store and the real engine throughout. Assisted networks never reach a connector; the direct
publishing path against Bluesky's real server is in test_outbox_app_pds.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from cm_desktop.core.media import import_original
from cm_desktop.core.models import Account, PostTarget
from cm_desktop.core.outbox import (
    NoConnector,
    Outbox,
    OutboxPolicy,
    PublisherBusy,
    queue_post,
    targets,
)
from cm_desktop.core.outbox.assisted import waiting
from cm_desktop.core.posts import PostImage
from cm_desktop.core.schedule import ManualClock
from cm_desktop.core.store import Store, open_store
from cm_desktop.ui.outbox.controller import OutboxController
from cm_desktop.ui.outbox.notifier import Notifier
from cm_desktop.ui.outbox.page import StatusRowWidget
from cm_desktop.ui.outbox.worker import OutboxWorker
from cm_desktop.ui.tasks import SyncTaskRunner

T0 = datetime(2026, 6, 5, 7, 0, tzinfo=UTC)  # 09:00 in Paris


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield opened
    opened.close()


class DeferredRunner:
    """Keeps work until the test releases it: shows what happens while a run is still going (ours)."""

    def __init__(self) -> None:
        self.pending: list[
            tuple[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]]
        ] = []

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        self.pending.append((work, on_done, on_error))

    def release(self) -> None:
        work, on_done, on_error = self.pending.pop(0)
        try:
            result = work()
        except Exception as exc:
            on_error(exc)
            return
        on_done(result)


def test_worker_is_quiet_offline_runs_once_at_a_time_and_resumes_when_back(qtbot: QtBot) -> None:
    runs: list[int] = []
    runner = DeferredRunner()

    def run() -> list[Any]:
        runs.append(1)
        return []

    worker = OutboxWorker(run, runner, tick_ms=60_000)
    worker.start()
    assert len(runner.pending) == 1  # the start-up run (it reconciles what a crash left in "sending")
    worker.wake()
    qtbot.wait(400)
    assert len(runner.pending) == 1  # still running: the wake-up waits for it
    with qtbot.waitSignal(worker.ran):
        runner.release()
    qtbot.waitUntil(lambda: len(runner.pending) == 1, timeout=2_000)  # then runs once more
    runner.release()

    worker.set_online(False)
    worker.wake()
    qtbot.wait(400)
    assert runner.pending == []  # offline: no run, so no failure and no error flood
    worker.set_online(True)
    qtbot.waitUntil(lambda: len(runner.pending) == 1, timeout=2_000)
    runner.release()
    assert len(runs) == 3
    worker.stop()


def test_worker_treats_another_publisher_as_busy_not_as_an_error(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    def busy() -> list[Any]:
        raise PublisherBusy()

    worker = OutboxWorker(busy, SyncTaskRunner())
    states: list[bool] = []
    worker.busy_changed.connect(states.append)
    worker.start()
    assert states == [True, False] and not worker.running
    assert not [r for r in caplog.records if r.levelname == "ERROR"]
    worker.stop()


class Outcome:
    def __init__(self, event: str, network: str, account_id: int | None = None, message: str = "") -> None:
        self.event, self.network, self.account_id, self._message = event, network, account_id, message

    def message(self, _lang: str) -> str:
        return self._message


def test_notifier_says_what_needs_the_person_first_and_an_account_only_once(qtbot: QtBot) -> None:
    shown: list[tuple[str, str]] = []
    notifier = Notifier(lambda title, message: shown.append((title, message)), lambda: "en")
    result = notifier.notify_run(
        [
            Outcome("published", "bluesky"),
            Outcome("published", "mastodon"),
            Outcome("failed", "x", message="X refused this post."),
            Outcome("assisted", "instagram"),
            Outcome("account_unavailable", "bluesky", account_id=4),
            Outcome("offline", "bluesky"),
        ]
    )
    assert [kind for kind, _t, _m in result] == ["assisted", "failed", "account", "published"]
    assert shown[0][0] == "Time to publish on Instagram"
    assert shown[1] == ("Not published on X", "X refused this post.")
    assert shown[3][0] == "Published on Bluesky, Mastodon" and shown[3][1] == "2 posts went out."
    clicked: list[str] = []
    notifier.clicked.connect(clicked.append)
    notifier.on_message_clicked()
    assert clicked == ["assisted"]
    # The same disconnected account at the next run: no second notification.
    assert notifier.notify_run([Outcome("waiting_account", "bluesky", account_id=4)]) == []
    assert notifier.notify_run([]) == []


def no_connector(account: Account) -> object:
    raise NoConnector(account.network)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(T0)


def record(into: list[Any], item: Any) -> bool:
    into.append(item)
    return True


def make_controller(
    qtbot: QtBot, store: Store, clock: ManualClock, tmp_path: Path, *, notify: bool = True
) -> tuple[OutboxController, list[tuple[str, str]], list[QUrl]]:
    notes: list[tuple[str, str]] = []
    opened: list[QUrl] = []
    window = QWidget()
    qtbot.addWidget(window)
    engine = Outbox(store, no_connector, clock, policy=OutboxPolicy())  # type: ignore[arg-type]

    def show(title: str, message: str) -> bool:
        notes.append((title, message))
        return notify

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    controller = OutboxController(
        store,
        engine.run,
        SyncTaskRunner(),
        clock,
        "Europe/Paris",
        lambda: "en",
        data_dir=tmp_path / "data",
        renditions_dir=tmp_path / "renditions",
        show_notification=show,
        open_url=lambda url: record(opened, url),
        clipboard=app.clipboard(),
        window=window,
        show_dialogs=True,
    )
    qtbot.addWidget(controller.page)
    return controller, notes, opened


def picture(tmp_path: Path) -> PostImage:
    data = tmp_path / "data"
    source = tmp_path / "shop.jpg"
    Image.new("RGB", (1200, 900), (30, 120, 200)).save(source)
    stored, sha = import_original(source, data / "media")
    return PostImage(
        stored_path=str(stored.relative_to(data)), sha256=sha, mime_type="image/jpeg", width=1200, height=900
    )


def buttons(widget: QWidget) -> dict[str, QPushButton]:
    return {b.objectName(): b for b in widget.findChildren(QPushButton) if b.objectName()}


def test_assistant_walks_the_person_through_publishing_by_hand(
    qtbot: QtBot, store: Store, clock: ManualClock, tmp_path: Path
) -> None:
    text = "Nouvelle collection 🌸 à l'atelier ! #fait_main https://atelier.example/printemps"
    _post, (target,) = queue_post(
        store, text=text, account_ids=[], when_utc=T0, assisted_networks=["x"], images=[picture(tmp_path)]
    )
    controller, notes, opened = make_controller(qtbot, store, clock, tmp_path)
    controller.start()
    assert notes[0][0] == "Time to publish on X"
    assert [r.target_id for r in controller.page.board.to_answer] == [target]

    controller.notifier.on_message_clicked()  # the person clicks the notification
    dialog = controller.dialog
    assert dialog is not None and dialog.objectName() == "publish_assistant"
    qtbot.waitUntil(lambda: dialog.prepared != [], timeout=5_000)  # type: ignore[attr-defined]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.clipboard().text() == text  # already copied
    assert dialog.thumbs.count() >= 1  # type: ignore[attr-defined]

    folder = tmp_path / "to post"
    dialog._choose_folder = lambda _parent: str(folder)  # type: ignore[attr-defined]  # the folder picker
    buttons(dialog)["assistant_save_pictures"].click()
    assert sorted(p.name for p in folder.iterdir()) == [f"x-{_post}-1.jpg"]
    buttons(dialog)["assistant_open_network"].click()
    assert opened[-1].host() == "x.com" and "atelier" in opened[-1].query(
        QUrl.ComponentFormattingOption.FullyDecoded
    )

    dialog.link_edit.setText("not a link")  # type: ignore[attr-defined]
    buttons(dialog)["assistant_posted"].click()
    assert "https://" in dialog.message.text()  # type: ignore[attr-defined]
    assert [t.state for t in targets(store)] == ["assisted_pending"]
    dialog.link_edit.setText("https://x.com/atelier/status/1")  # type: ignore[attr-defined]
    buttons(dialog)["assistant_posted"].click()
    (row,) = targets(store)
    assert (row.state, row.url) == ("published", "https://x.com/atelier/status/1")
    assert [r.url for r in controller.page.board.sent] == ["https://x.com/atelier/status/1"]
    assert controller.dialog is None


def test_without_notifications_the_assistant_opens_by_itself_and_later_snoozes(
    qtbot: QtBot, store: Store, clock: ManualClock, tmp_path: Path
) -> None:
    queue_post(store, text="hello", account_ids=[], when_utc=T0, assisted_networks=["linkedin"])
    controller, _notes, _opened = make_controller(qtbot, store, clock, tmp_path, notify=False)
    controller.start()
    dialog = controller.dialog
    assert dialog is not None and dialog.objectName() == "publish_assistant"
    assert not dialog.pictures_box.isVisibleTo(dialog)  # type: ignore[attr-defined]  # no pictures: no step for them
    buttons(dialog)["assistant_later"].click()
    (row,) = targets(store)
    assert row.state == "scheduled"
    assert waiting(store, tmp_path) == []


def late_post(store: Store, clock: ManualClock) -> int:
    with store.session() as session:
        account = Account(network="bluesky", handle="atelier.bsky.social", remote_id="did:plc:a")
        session.add(account)
        session.commit()
        assert account.id is not None
        account_id = account.id
    post_id, _ = queue_post(
        store, text="Marché de Noël ce samedi", account_ids=[account_id], when_utc=T0, now=T0
    )
    clock.advance(hours=8)  # the computer slept all day
    return post_id


def test_late_post_question_refuses_a_past_time_then_takes_a_new_one(
    qtbot: QtBot, store: Store, clock: ManualClock, tmp_path: Path
) -> None:
    post_id = late_post(store, clock)
    controller, notes, _opened = make_controller(qtbot, store, clock, tmp_path)
    controller.start()
    assert notes[0][0] == "A post was not sent on time"
    (row,) = controller.page.board.to_answer
    assert row.is_late
    buttons(controller.page)[f"late_{row.target_id}"].click()
    dialog = controller.dialog
    assert dialog is not None and "Bluesky" in dialog.question.text()  # type: ignore[attr-defined]

    buttons(dialog)["late_new_time"].click()
    schedule = dialog.schedule_dialog  # type: ignore[attr-defined]
    from cm_desktop.ui.qtdates import to_qdatetime

    schedule.when.setDateTime(to_qdatetime(datetime(2026, 6, 5, 8, 0)))  # this morning: already past
    schedule._on_ok()
    assert schedule.message.text() != "" and schedule.isVisible()
    assert [t.state for t in targets(store, post_id)] == ["needs_review"]
    schedule.when.setDateTime(to_qdatetime(datetime(2026, 6, 6, 10, 30)))
    schedule._on_ok()
    (target,) = targets(store, post_id)
    assert target.state == "scheduled"
    assert controller.page.board.to_answer == ()
    assert [r.when for r in controller.page.board.on_the_way] == [datetime(2026, 6, 6, 8, 30, tzinfo=UTC)]


def test_late_post_publish_now_from_the_notification(
    qtbot: QtBot, store: Store, clock: ManualClock, tmp_path: Path
) -> None:
    post_id = late_post(store, clock)
    controller, _notes, _opened = make_controller(qtbot, store, clock, tmp_path)
    controller.start()
    controller.notifier.on_message_clicked()
    dialog = controller.dialog
    assert dialog is not None and dialog.objectName() == "late_post_dialog"
    buttons(dialog)["late_publish_now"].click()
    with store.session() as session:
        row = session.get(PostTarget, targets(store, post_id)[0].target_id)
        assert row is not None and row.state == "scheduled"
        assert row.next_attempt_utc is not None and row.next_attempt_utc.replace(tzinfo=UTC) == clock.now()


def test_sending_page_retries_only_what_failed_and_answers_a_post_to_check(
    qtbot: QtBot, store: Store, clock: ManualClock, tmp_path: Path
) -> None:
    with store.session() as session:
        account = Account(network="bluesky", handle="shop.bsky.social", remote_id="did:plc:s")
        session.add(account)
        session.commit()
        assert account.id is not None
        account_id = account.id
    _p, (failed,) = queue_post(
        store, text="refused <one>", account_ids=[account_id], when_utc=T0 + timedelta(days=2)
    )
    _p, (check,) = queue_post(
        store, text="unclear", account_ids=[account_id], when_utc=T0 + timedelta(days=2)
    )
    _p, (fine,) = queue_post(store, text="fine", account_ids=[account_id], when_utc=T0 + timedelta(days=2))
    with store.session() as session:
        for target_id, state, code in ((failed, "failed", "refused"), (check, "needs_review", "unclear")):
            row = session.get(PostTarget, target_id)
            assert row is not None
            row.state, row.last_error_code, row.last_error_message = state, code, "Too long"
            session.add(row)
        session.commit()
    controller, _notes, _opened = make_controller(qtbot, store, clock, tmp_path)
    controller.page.refresh()
    page = controller.page
    assert "2 posts need you" in page.summary.text()
    rows = {w.row.target_id: w for w in page.findChildren(StatusRowWidget)}
    assert rows[failed].text.text() == "refused <one>"  # shown as written, not as markup
    assert "Too long" in rows[failed].message.text()

    page.retry_button.click()
    states = {t.target_id: t.state for t in targets(store)}
    assert states == {failed: "scheduled", check: "needs_review", fine: "scheduled"}
    buttons(page)[f"published_{check}"].click()
    assert {t.target_id: t.state for t in targets(store)}[check] == "published"
    assert not page.retry_button.isEnabled()

    page.set_online(False)
    assert "offline" in page.summary.text() and not page.send_button.isEnabled()


def test_a_refresh_changes_only_the_rows_whose_target_changed(
    qtbot: QtBot, store: Store, clock: ManualClock, tmp_path: Path
) -> None:
    """The minute's tick reloads the board; rows that did not change keep their widgets (focus, scroll)."""
    _p, ids = queue_post(store, text="one", account_ids=[], assisted_networks=["x", "linkedin", "threads"],
                         when_utc=T0 + timedelta(days=1))  # fmt: skip
    controller, _notes, _opened = make_controller(qtbot, store, clock, tmp_path)
    page = controller.page
    page.refresh()
    before = {w.row.target_id: w for w in page.findChildren(StatusRowWidget) if w.isVisibleTo(page)}
    assert sorted(before) == sorted(ids) and page.rows_made == 3
    page.refresh()
    assert page.rows_made == 3  # nothing changed: nothing remade
    with store.session() as session:
        row = session.get(PostTarget, ids[1])
        assert row is not None
        row.state, row.last_error_code = "failed", "refused"
        session.add(row)
        session.commit()
    page.refresh()
    assert page.rows_made == 4
    after = {w.row.target_id: w for w in page.findChildren(StatusRowWidget) if not w.isHidden()}
    assert after[ids[0]] is before[ids[0]] and after[ids[2]] is before[ids[2]]
    assert after[ids[1]] is not before[ids[1]] and after[ids[1]].row.state == "failed"


def test_french_sending_page_and_assistant_read_in_french(
    qtbot: QtBot, store: Store, clock: ManualClock, tmp_path: Path
) -> None:
    from cm_desktop.ui.i18n import Translations

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translations = Translations(app)
    translations.apply("fr")
    try:
        queue_post(store, text="Bonjour", account_ids=[], when_utc=T0, assisted_networks=["facebook"])
        controller, notes, _opened = make_controller(qtbot, store, clock, tmp_path)
        controller.start()
        assert notes[0][0] == "C'est le moment de publier sur Facebook"
        assert controller.page.retry_button.text() == "Réessayer ce qui a échoué"
        controller.open_assistant(None)
        dialog = controller.dialog
        assert dialog is not None
        assert buttons(dialog)["assistant_posted"].text() == "Je l'ai publiée"
    finally:
        translations.apply("en")


class RecordingJob:
    """Stands in for the operating system's scheduler (ours): install or fail on demand."""

    def __init__(self, fail: bool) -> None:
        self.fail = fail
        self.calls: list[str] = []

    def install(self) -> Any:
        from cm_desktop.platform.background_job import JobError, JobStatus

        self.calls.append("install")
        if self.fail:
            raise JobError("schtasks: exit 1")
        return JobStatus(True, "systemd")

    def remove(self) -> Any:
        from cm_desktop.platform.background_job import JobStatus

        self.calls.append("remove")
        return JobStatus(False, "")


@pytest.mark.parametrize("fail", [False, True], ids=["installed", "refused"])
def test_settings_switch_installs_the_background_job_and_tells_the_truth(
    qtbot: QtBot, tmp_path: Path, fail: bool
) -> None:
    from cm_desktop.core.settings import load_settings
    from cm_desktop.platform.paths import AppPaths
    from cm_desktop.ui.app import Shell

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    paths = AppPaths(data=tmp_path / "data", logs=tmp_path / "logs")
    job = RecordingJob(fail)
    shell = Shell(
        app, paths, SyncTaskRunner(), show_dialogs=False, use_system_network=False, background_job=lambda: job
    )
    qtbot.addWidget(shell.window)
    page = shell.settings_page
    page.background_check.click()
    assert job.calls == ["install"]
    assert page.background_check.isChecked() is (not fail)
    assert load_settings(paths.settings_file).background_publishing is (not fail)
    if fail:
        assert "could not be switched on" in page.background_status.text()
    else:
        assert "every 5 minutes" in page.background_status.text()
        page.background_check.click()
        assert (
            job.calls == ["install", "remove"]
            and not load_settings(paths.settings_file).background_publishing
        )
    page.late_spin.setValue(120)
    page.late_spin.editingFinished.emit()
    assert load_settings(paths.settings_file).late_margin_minutes == 120


def test_real_background_job_installs_a_systemd_timer_in_a_temporary_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real BackgroundJob writes its files; only `systemctl` is replaced (it would touch this machine)."""
    import subprocess

    from cm_desktop.platform.background_job import BackgroundJob
    from cm_desktop.platform.paths import AppPaths
    from cm_desktop.ui.app import Shell

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    commands: list[Sequence[str]] = []

    def systemctl(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
        commands.append(list(args))
        return subprocess.CompletedProcess(list(args), 0, "", "")

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    paths = AppPaths(data=tmp_path / "data", logs=tmp_path / "logs")
    shell = Shell(
        app,
        paths,
        SyncTaskRunner(),
        show_dialogs=False,
        use_system_network=False,
        background_job=lambda: BackgroundJob(platform="linux", runner=systemctl, systemd=True),
    )
    qtbot.addWidget(shell.window)
    shell.settings_page.background_check.click()
    timer = tmp_path / "config" / "systemd" / "user" / "cm-desktop-publish.timer"
    assert (timer.exists() and "OnUnitActiveSec" in timer.read_text()) or "OnCalendar" in timer.read_text()
    assert ["systemctl", "--user", "enable", "--now", "cm-desktop-publish.timer"] in commands
    shell.settings_page.background_check.click()
    assert not timer.exists()


@pytest.mark.parametrize("switched_on", [True, False], ids=["on", "off"])
def test_at_start_a_job_installed_by_an_earlier_version_is_installed_again_with_results(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, switched_on: bool
) -> None:
    """An install from before `--results` keeps running the earlier command line until the app starts: then
    the real BackgroundJob reads its unit back and writes this version's (only `systemctl` is replaced).
    Background publishing switched off: the app leaves the scheduler alone."""
    import shlex
    import subprocess

    from cm_desktop.core.settings import load_settings
    from cm_desktop.platform.background_job import BackgroundJob, publish_command
    from cm_desktop.platform.paths import AppPaths
    from cm_desktop.ui.app import Shell

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    commands: list[Sequence[str]] = []

    def systemctl(args: Sequence[str]) -> subprocess.CompletedProcess[str]:
        commands.append(list(args))
        return subprocess.CompletedProcess(list(args), 0, "", "")

    earlier = [c for c in publish_command() if c != "--results"]
    assert earlier != publish_command()
    BackgroundJob(platform="linux", command=earlier, runner=systemctl, systemd=True).install()
    service = tmp_path / "config" / "systemd" / "user" / "cm-desktop-publish.service"
    commands.clear()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    paths = AppPaths(data=tmp_path / "data", logs=tmp_path / "logs")
    paths.data.mkdir(parents=True)
    settings = load_settings(paths.settings_file)
    settings.background_publishing = switched_on
    shell = Shell(
        app,
        paths,
        SyncTaskRunner(),
        settings=settings,
        show_dialogs=False,
        use_system_network=False,
        background_job=lambda: BackgroundJob(platform="linux", runner=systemctl, systemd=True),
    )
    qtbot.addWidget(shell.window)
    with qtbot.waitSignal(shell.store_ready, timeout=10_000):
        shell.window.show()

    expected = publish_command() if switched_on else earlier
    assert f"ExecStart={shlex.join(expected)}\n" in service.read_text()
    enabled = ["systemctl", "--user", "enable", "--now", "cm-desktop-publish.timer"] in commands
    assert enabled is switched_on
    shell.shutdown()


def test_settings_opens_the_same_posting_times_as_the_calendar(qtbot: QtBot, tmp_path: Path) -> None:
    from cm_desktop.platform.paths import AppPaths
    from cm_desktop.ui.app import Shell

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    paths = AppPaths(data=tmp_path / "data", logs=tmp_path / "logs")
    shell = Shell(app, paths, SyncTaskRunner(), show_dialogs=False, use_system_network=False)
    qtbot.addWidget(shell.window)
    with qtbot.waitSignal(shell.store_ready, timeout=10_000):
        shell.window.show()
    shell.settings_page.slots_button.click()
    dialogs = shell.calendar.findChildren(QWidget, "calendar_slots_dialog")
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialogs[0].close()
    shell.shutdown()
