"""iCalendar and CSV out, CSV in: RFC 5545 details, every bad input reported per row, all-or-nothing."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import select

from cm_desktop.core import calendar_io as io
from cm_desktop.core.calendar_query import PostView, TargetView
from cm_desktop.core.models import Media, Post, PostTarget, TargetState
from cm_desktop.core.store import Store, open_store

ZONE = "Europe/Paris"
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
HEADER = "date,time,networks,text,images\n"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "db.sqlite3", tmp_path / "backups")
    yield s
    s.close()


def view(post_id: int, text: str, when: datetime, networks: tuple[str, ...] = ("mastodon",)) -> PostView:
    targets = tuple(TargetView(i, n, None, TargetState.SCHEDULED.value) for i, n in enumerate(networks))
    return PostView(post_id, text, when, when.replace(tzinfo=None), "", targets)


# --- iCalendar --------------------------------------------------------------------------------------------


def test_ics_has_events_in_utc_with_escaping() -> None:
    text = "Soldes; -50%, ce week-end\nVenez nombreux \\o/"
    out = io.export_ics([view(7, text, datetime(2026, 3, 14, 8, 30, tzinfo=UTC), ("mastodon", "x"))], NOW)
    assert out.startswith("BEGIN:VCALENDAR\r\n") and out.endswith("END:VCALENDAR\r\n")
    assert out.count("BEGIN:VEVENT") == out.count("END:VEVENT") == 1
    assert "\n" not in out.replace("\r\n", "")  # CRLF only
    (event,) = io.read_ics(out)
    assert event["DTSTART"] == "20260314T083000Z"
    assert event["DTEND"] == "20260314T084500Z"
    assert event["UID"] == "post-7@cm-desktop.local"
    assert "Soldes\\; -50%\\, ce week-end" in event["SUMMARY"]
    assert io.ics_unescape(event["DESCRIPTION"]) == text + "\n\nMastodon, X"
    assert event["DESCRIPTION"].count("\\n") == 3
    assert event["CATEGORIES"] == "mastodon,x"


def test_ics_lines_fold_at_75_octets_without_cutting_characters() -> None:
    text = "Crème brûlée 🍮 " * 40
    out = io.export_ics([view(1, text, datetime(2026, 3, 14, 8, 30, tzinfo=UTC))], NOW)
    for line in out.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
        line.encode("utf-8").decode("utf-8")  # each physical line is valid UTF-8 on its own
    assert any(line.startswith(" ") for line in out.split("\r\n"))
    (event,) = io.read_ics(out)
    assert io.ics_unescape(event["DESCRIPTION"]).startswith(text.rstrip()[:50])


def test_ics_skips_undated_posts() -> None:
    undated = PostView(3, "x", None, None, "", ())
    assert "VEVENT" not in io.export_ics([undated], NOW)


def test_csv_export_reimports(tmp_path: Path) -> None:
    data = io.export_csv(
        [view(1, "Bonjour, «le» monde", datetime(2026, 4, 2, 7, 0, tzinfo=UTC), ("mastodon", "facebook"))]
    )
    assert data.startswith(b"\xef\xbb\xbf")
    preview = io.read_csv(data, ZONE, NOW, tmp_path)
    assert preview.ok, [p.message("en") for r in preview.rows for p in r.problems]
    (row,) = preview.rows
    assert row.text == "Bonjour, «le» monde" and row.networks == ("mastodon", "facebook")


# --- CSV import -------------------------------------------------------------------------------------------


def messages(preview: io.ImportPreview, lang: str = "en") -> list[str]:
    out = [p.message(lang) for p in preview.file_problems]  # type: ignore[arg-type]
    for row in preview.rows:
        out += [f"{row.line}: {p.message(lang)}" for p in row.problems]  # type: ignore[arg-type]
    return out


def test_good_file_lands_whole(store: Store, tmp_path: Path) -> None:
    Image.new("RGB", (400, 300), "orange").save(tmp_path / "galette.jpg")
    csv = HEADER + (
        '2026-04-02,09:30,"Mastodon, Facebook",Galette des rois 👑,galette.jpg\n'
        "03/04/2026,14h,bluesky,Atelier ouvert,\n"
    )
    preview = io.read_csv(csv.encode(), ZONE, NOW, tmp_path)
    assert preview.ok, messages(preview)
    ids = io.import_rows(store, preview, ZONE, tmp_path / "data")
    assert len(ids) == 2
    with store.session() as session:
        posts = session.exec(select(Post)).all()
        targets = session.exec(select(PostTarget)).all()
        media = session.exec(select(Media)).all()
    assert [p.local_time for p in posts] == [datetime(2026, 4, 2, 9, 30), datetime(2026, 4, 3, 14, 0)]
    assert {t.network for t in targets} == {"mastodon", "facebook", "bluesky"}
    assert all(t.state == TargetState.DRAFT.value for t in targets)
    assert len(media) == 1 and not Path(media[0].stored_path).is_absolute()
    assert (tmp_path / "data" / media[0].stored_path).is_file()


def test_one_bad_row_means_nothing_imported(store: Store, tmp_path: Path) -> None:
    csv = HEADER + "2026-04-02,09:30,mastodon,Bon,\n2026-04-03,09:30,myspace,Mauvais,\n"
    preview = io.read_csv(csv.encode(), ZONE, NOW, tmp_path)
    assert not preview.ok and len(preview.error_rows) == 1 and preview.error_rows[0].line == 3
    with pytest.raises(io.ImportRefused):
        io.import_rows(store, preview, ZONE, tmp_path)
    with store.session() as session:
        assert session.exec(select(Post)).all() == []


def test_a_failure_while_landing_rolls_everything_back(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    csv = HEADER + "2026-04-02,09:30,mastodon,Un,\n2026-04-03,09:30,mastodon,Deux,\n"
    preview = io.read_csv(csv.encode(), ZONE, NOW, tmp_path)
    calls = {"n": 0}
    real = io.to_utc

    def failing(local: datetime, zone: str) -> datetime:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk gone")
        return real(local, zone)

    monkeypatch.setattr(io, "to_utc", failing)
    with pytest.raises(OSError):
        io.import_rows(store, preview, ZONE, tmp_path)
    with store.session() as session:
        assert session.exec(select(Post)).all() == []


@pytest.mark.parametrize(
    ("row", "english", "french"),
    [
        ("2026-02-30,09:00,mastodon,x,", "date “2026-02-30” is not understood", "date « 2026-02-30 »"),
        ("demain,09:00,mastodon,x,", "date “demain”", "n'est pas comprise"),
        ("2026-04-02,25:00,mastodon,x,", "time “25:00”", "L'heure « 25:00 »"),
        ("2026-04-02,09:00,myspace,x,", "network “myspace” is not known", "réseau « myspace » est inconnu"),
        ("2026-04-02,09:00,,x,", "No network given", "Aucun réseau"),
        ("2026-04-02,09:00,mastodon,x,absent.jpg", "picture “absent.jpg” was not found", "introuvable"),
        ("2026-04-02,09:00,mastodon,,", "The post is empty", "La publication est vide"),
        ("2026-03-01,09:00,mastodon,x,", "already passed", "déjà passée"),
        ("2026-03-29,02:30,mastodon,x,", "does not exist", "n'existe pas"),
    ],
)
def test_bad_rows_are_reported_in_both_languages(tmp_path: Path, row: str, english: str, french: str) -> None:
    preview = io.read_csv((HEADER + row + "\n").encode(), ZONE, NOW, tmp_path)
    assert not preview.ok
    assert any(english in m for m in messages(preview, "en")), messages(preview, "en")
    assert any(french in m for m in messages(preview, "fr")), messages(preview, "fr")
    assert all(m.startswith("2: ") for m in messages(preview))


def test_a_file_that_is_not_a_picture(tmp_path: Path) -> None:
    (tmp_path / "notes.jpg").write_text("not a picture")
    preview = io.read_csv((HEADER + "2026-04-02,09:00,mastodon,x,notes.jpg\n").encode(), ZONE, NOW, tmp_path)
    (message,) = messages(preview, "fr")
    assert "notes.jpg" in message and "image" in message


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1"])
def test_encodings_spreadsheets_write(tmp_path: Path, encoding: str) -> None:
    text = "Crème brûlée à l'atelier, été"
    csv = f'date;heure;réseaux;texte;images\r\n14/04/2026;9h30;Facebook;"{text}";\r\n'
    preview = io.read_csv(csv.encode(encoding), ZONE, NOW, tmp_path)
    assert preview.ok, messages(preview)
    assert preview.delimiter == ";"
    assert preview.rows[0].text == text
    assert preview.rows[0].local == datetime(2026, 4, 14, 9, 30)


def test_cp1252_specific_characters(tmp_path: Path) -> None:
    csv = "date;heure;réseaux;texte\r\n14/04/2026;09:30;x;“Promo” – 10 €\r\n"
    preview = io.read_csv(csv.encode("cp1252"), ZONE, NOW, tmp_path)
    assert preview.encoding == "cp1252" and preview.rows[0].text == "“Promo” – 10 €"


def test_utf16_with_bom_and_tabs(tmp_path: Path) -> None:
    csv = "date\ttime\tnetworks\ttext\r\n2026-04-14\t09:30\tmastodon\tBonjour\r\n"
    preview = io.read_csv(csv.encode("utf-16"), ZONE, NOW, tmp_path)
    assert preview.ok and preview.rows[0].text == "Bonjour"


def test_missing_columns_and_empty_file(tmp_path: Path) -> None:
    preview = io.read_csv(b"when,what\nx,y\n", ZONE, NOW, tmp_path)
    assert "Columns missing" in messages(preview)[0]
    assert "Colonnes manquantes" in messages(preview, "fr")[0]
    assert "contains no posts" in messages(io.read_csv(b"", ZONE, NOW, tmp_path))[0]
    assert "contains no posts" in messages(io.read_csv(HEADER.encode(), ZONE, NOW, tmp_path))[0]


def test_file_without_header_uses_the_documented_order(tmp_path: Path) -> None:
    preview = io.read_csv(b"2026-04-14,09:30,mastodon,Bonjour\n", ZONE, NOW, tmp_path)
    assert preview.ok and preview.rows[0].text == "Bonjour"


def test_ten_megabytes_of_rows_answers_fast_and_clearly(tmp_path: Path) -> None:
    row = "2026-04-14,09:30,mastodon," + "x" * 200 + ",\n"
    data = (HEADER + row * (10 * 1024 * 1024 // len(row))).encode()
    assert len(data) >= 10 * 1024 * 1024 - len(row)
    start = time.perf_counter()
    preview = io.read_csv(data, ZONE, NOW, tmp_path)
    assert time.perf_counter() - start < 5
    assert not preview.ok and preview.rows == ()
    assert "more than 2000 rows" in messages(preview)[0]
    assert "plus de 2000 lignes" in messages(preview, "fr")[0]


def test_ten_megabytes_of_bad_rows_stop_at_a_readable_report(tmp_path: Path) -> None:
    row = "pas une date,09:30,mastodon,x,\n"
    data = (HEADER + row * 1500).encode()
    preview = io.read_csv(data, ZONE, NOW, tmp_path)
    assert len(preview.rows) == io.MAX_REPORTED_ERRORS
    assert "more problems further down" in messages(preview)[0]


def test_oversized_file_and_huge_field(tmp_path: Path) -> None:
    assert "too big" in messages(io.read_csv(b"x" * (io.MAX_IMPORT_BYTES + 1), ZONE, NOW, tmp_path))[0]
    huge = (HEADER + "2026-04-14,09:30,mastodon," + "y" * 300_000 + ",\n").encode()
    msgs = messages(io.read_csv(huge, ZONE, NOW, tmp_path))
    assert msgs and ("could not be read as a table" in msgs[0] or "too long" in msgs[0])


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Twitter", ["x"]),
        ("Google Business Profile; Insta", ["google_business", "instagram"]),
        ("LinkedIn | threads", ["linkedin", "threads"]),
        ("google_business", ["google_business"]),
    ],
)
def test_network_names_people_write(cell: str, expected: list[str]) -> None:
    assert io.parse_networks(cell) == (expected, [])


@pytest.mark.parametrize(
    ("value", "expected"), [("9h", (9, 0)), ("14 h 30", (14, 30)), ("09:30:00", (9, 30)), ("9.15", (9, 15))]
)
def test_times_people_write(value: str, expected: tuple[int, int]) -> None:
    parsed = io.parse_time(value)
    assert parsed is not None and (parsed.hour, parsed.minute) == expected


def test_unreadable_or_missing_file(tmp_path: Path) -> None:
    preview = io.read_csv_file(tmp_path / "absent.csv", ZONE, NOW)
    assert not preview.ok and "could not be opened" in messages(preview)[0]
    assert "n'a pas pu être ouvert" in messages(preview, "fr")[0]
