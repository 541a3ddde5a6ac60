"""The schedule out (iCalendar, CSV) and posts in (CSV), in pure Python.

iCalendar is hand-written: we only emit VEVENTs with UTC times (valid without a VTIMEZONE block), so the
writer is a few dozen lines of RFC 5545 (escaping, CRLF, folding at 75 octets) instead of a dependency.

A CSV import is read whole first (`read_csv`), every row checked and reported, and only a file without a
single error can land (`import_rows`), in one transaction: nothing is ever imported half-way.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from sqlmodel import col, select

from cm_desktop.core import (
    link_card,  # noqa: F401 - registers the "cm_desktop_cp1252" error handler
    posts,
)
from cm_desktop.core import networks as registry
from cm_desktop.core.calendar_query import PostView
from cm_desktop.core.i18n import Lang, Text
from cm_desktop.core.media import MediaError, inspect
from cm_desktop.core.models import Account, utcnow
from cm_desktop.core.schedule import Severity, in_range, to_utc, validate_schedule
from cm_desktop.core.store import Store

PRODID = "-//CM Desktop//Calendar//EN"

# --- iCalendar --------------------------------------------------------------------------------------------


def ics_escape(value: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (RFC 5545 3.1)."""
    out: list[str] = []
    current: list[str] = []
    size, limit = 0, 75
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            out.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines start with one space
        current.append(ch)
        size += width
    out.append("".join(current))
    return "\r\n ".join(out)


def _stamp(when: datetime) -> str:
    # Not strftime: "%Y" gives "1", not "0001", for year 1 on some systems, an invalid DATE-TIME.
    t = when.astimezone(UTC)
    return f"{t.year:04d}{t.month:02d}{t.day:02d}T{t.hour:02d}{t.minute:02d}{t.second:02d}Z"


def _summary(post: PostView) -> str:
    first_line = post.text.strip().splitlines()[0] if post.text.strip() else ""
    return first_line[:80] + ("…" if len(first_line) > 80 else "")


def export_ics(
    posts: Iterable[PostView], now: datetime, uid_domain: str = "cm-desktop.local", lang: Lang = "en"
) -> str:
    """A VCALENDAR with one 15-minute VEVENT per dated post (times in UTC; network names in `lang`)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for post in posts:
        if post.scheduled_utc is None or not in_range(post.scheduled_utc.replace(tzinfo=None)):
            continue  # a date no calendar can hold (kept from before dates were checked): left out
        networks = ", ".join(registry.name_of(n).get(lang) for n in post.networks)
        description = f"{post.text}\n\n{networks}" if networks else post.text
        lines += [
            "BEGIN:VEVENT",
            f"UID:post-{post.id}@{uid_domain}",
            f"DTSTAMP:{_stamp(now)}",
            f"DTSTART:{_stamp(post.scheduled_utc)}",
            f"DTEND:{_stamp(post.scheduled_utc + timedelta(minutes=15))}",
            f"SUMMARY:{ics_escape(_summary(post) or networks)}",
            f"DESCRIPTION:{ics_escape(description)}",
        ]
        if post.networks:
            lines.append(f"CATEGORIES:{','.join(ics_escape(n) for n in post.networks)}")
        lines += [f"X-CM-DESKTOP-STATE:{post.state}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def read_ics(text: str) -> list[dict[str, str]]:
    """The VEVENTs of an iCalendar text as {NAME(;params): raw value}, lines unfolded (for checks)."""
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in unfolded.splitlines():
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT" and current is not None:
            events.append(current)
            current = None
        elif current is not None:
            current[name] = value
    return events


def ics_unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


# --- CSV export -------------------------------------------------------------------------------------------

CSV_HEADER = ("date", "time", "networks", "text", "images", "state")

# A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets (CSV injection:
# "=HYPERLINK(...)", "=cmd|...", "@SUM(...)"). Exported cells get an apostrophe in front, which spreadsheets
# show as text; the importer takes it off again, so an export re-imports to the same texts.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def neutralise(cell: str) -> str:
    """The cell as a spreadsheet will show it, never run it."""
    if cell.startswith(FORMULA_START) or (cell.startswith(QUOTE) and cell[1:2] in (*FORMULA_START, QUOTE)):
        return QUOTE + cell
    return cell


def unneutralise(cell: str) -> str:
    """What neutralise() added, taken off (a plain "'Tis the season" is left alone)."""
    if cell.startswith(QUOTE) and cell[1:2] in (*FORMULA_START, QUOTE):
        return cell[1:]
    return cell


def export_csv(posts: Iterable[PostView], images: dict[int, list[str]] | None = None) -> bytes:
    """UTF-8 with a BOM (so spreadsheet programs read the accents right); re-importable as is."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for post in posts:
        local = post.local
        row = (
            local.strftime("%Y-%m-%d") if local else "",
            local.strftime("%H:%M") if local else "",
            ", ".join(post.networks),
            post.text,
            " | ".join((images or {}).get(post.id, [])),
            post.state,
        )
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


# --- CSV import: messages ---------------------------------------------------------------------------------

MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_IMPORT_ROWS = 2000
MAX_TEXT_CHARS = 10_000
MAX_REPORTED_ERRORS = 200  # past this, more lines would not help anyone: the file needs a fix anyway

FILE_TOO_BIG = Text(
    en="This file is too big to be a list of posts ({size} MB). Choose a smaller file.",
    fr="Ce fichier est trop gros pour une liste de publications ({size} Mo). Choisissez un fichier plus petit.",
)
TOO_MANY_ROWS = Text(
    en="This file has more than {limit} rows. Split it into smaller files and import them one by one.",
    fr="Ce fichier a plus de {limit} lignes. Découpez-le en fichiers plus petits et importez-les un par un.",
)
EMPTY_FILE = Text(
    en="This file contains no posts.",
    fr="Ce fichier ne contient aucune publication.",
)
NOT_A_TABLE = Text(
    en="This file could not be read as a table (line {line}). Save it from your spreadsheet as CSV, then try "
    "again.",
    fr="Ce fichier n'a pas pu être lu comme un tableau (ligne {line}). Enregistrez-le depuis votre tableur au "
    "format CSV, puis réessayez.",
)
MISSING_COLUMNS = Text(
    en="Columns missing: {columns}. The first line must name the columns: date, time, networks, text, images.",
    fr="Colonnes manquantes : {columns}. La première ligne doit nommer les colonnes : date, heure, réseaux, "
    "texte, images.",
)
BAD_DATE = Text(
    en="The date “{value}” is not understood. Write it like 2026-03-14 or 14/03/2026.",
    fr="La date « {value} » n'est pas comprise. Écrivez-la comme 14/03/2026 ou 2026-03-14.",
)
BAD_TIME = Text(
    en="The time “{value}” is not understood. Write it like 09:30 or 14:00.",
    fr="L'heure « {value} » n'est pas comprise. Écrivez-la comme 09:30 ou 14h00.",
)
NO_NETWORK = Text(
    en="No network given: name at least one (for example Mastodon, Facebook).",
    fr="Aucun réseau indiqué : nommez-en au moins un (par exemple Mastodon, Facebook).",
)
UNKNOWN_NETWORK = Text(
    en="The network “{value}” is not known. Known networks: {known}.",
    fr="Le réseau « {value} » est inconnu. Réseaux connus : {known}.",
)
EMPTY_POST = Text(
    en="The post is empty: write some text or give a picture.",
    fr="La publication est vide : écrivez un texte ou indiquez une image.",
)
TEXT_TOO_LONG = Text(
    en="The text is too long ({count} characters): no network accepts more than {limit}.",
    fr="Le texte est trop long ({count} caractères) : aucun réseau n'accepte plus de {limit}.",
)
FORMULA_TEXT = Text(
    en="This text starts with “=”, like a spreadsheet formula, not a post. If it really is your text, "
    "start the cell with an apostrophe (').",
    fr="Ce texte commence par « = », comme une formule de tableur, pas comme une publication. Si c'est "
    "vraiment votre texte, commencez la cellule par une apostrophe (').",
)
IMAGE_OUTSIDE = Text(
    en="The picture “{value}” must be in the same folder as the CSV file, or in a folder inside it.",
    fr="L'image « {value} » doit se trouver dans le même dossier que le fichier CSV, ou dans un dossier à "
    "l'intérieur.",
)
READ_AS = Text(en="The file was read as {encoding}.", fr="Le fichier a été lu en {encoding}.")
READ_AS_REPAIRED = Text(
    en="The file was read as UTF-8; {count} characters were not UTF-8 and were read as Windows-1252 "
    "(Western European): check the accents in the rows below.",
    fr="Le fichier a été lu en UTF-8 ; {count} caractères n'étaient pas en UTF-8 et ont été lus en "
    "Windows-1252 (Europe occidentale) : vérifiez les accents dans les lignes ci-dessous.",
)
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8", "utf-16": "UTF-16"}  # the same in every language
WINDOWS_1252 = Text(en="Windows-1252 (Western European)", fr="Windows-1252 (Europe occidentale)")
MISSING_IMAGE = Text(
    en="The picture “{value}” was not found. Check its name and folder (relative to the CSV file).",
    fr="L'image « {value} » est introuvable. Vérifiez son nom et son dossier (par rapport au fichier CSV).",
)
BAD_IMAGE = Text(
    en="The picture “{value}”: {reason}",
    fr="L'image « {value} » : {reason}",
)
CANNOT_READ = Text(
    en="This file could not be opened. Check that it still exists and is not open in another program.",
    fr="Ce fichier n'a pas pu être ouvert. Vérifiez qu'il existe toujours et qu'il n'est pas ouvert dans un "
    "autre programme.",
)
MORE_ERRORS = Text(
    en="…and more problems further down: fix these first, then try again.",
    fr="…et d'autres problèmes plus bas : corrigez d'abord ceux-ci, puis réessayez.",
)
NOTHING_IMPORTED = Text(
    en="Nothing was imported: fix the rows with problems in your file, then import it again.",
    fr="Rien n'a été importé : corrigez les lignes qui posent problème dans votre fichier, puis importez-le à "
    "nouveau.",
)


@dataclass(frozen=True)
class RowProblem:
    text: Text
    params: dict[str, str | Text] = field(default_factory=dict)
    severity: Severity = Severity.ERROR
    reason: MediaError | None = None  # a picture's own problem, said in the same language

    def message(self, lang: Lang) -> str:
        if self.reason is not None:
            return self.text.get(lang, **self.params, reason=self.reason.message(lang))
        return self.text.get(lang, **self.params)


@dataclass(frozen=True)
class ImportRow:
    line: int  # the line number in the file, as a spreadsheet shows it
    local: datetime | None
    networks: tuple[str, ...]
    text: str
    images: tuple[Path, ...]
    problems: tuple[RowProblem, ...]

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)


@dataclass(frozen=True)
class ImportPreview:
    rows: tuple[ImportRow, ...]
    file_problems: tuple[RowProblem, ...] = ()
    encoding: str = ""
    delimiter: str = ","
    repaired: int = 0  # bytes that were not UTF-8 in a UTF-8 file, read as Windows-1252

    def encoding_message(self, lang: Lang) -> str:
        """Which encoding the file was read with, said so the person can check the accents."""
        if not self.encoding:
            return ""
        if self.repaired:
            return READ_AS_REPAIRED.get(lang, count=self.repaired)
        name = WINDOWS_1252.get(lang) if self.encoding == "cp1252" else ENCODING_NAMES.get(self.encoding)
        return READ_AS.get(lang, encoding=name or self.encoding)

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.file_problems and all(r.ok for r in self.rows)

    @property
    def error_rows(self) -> list[ImportRow]:
        return [r for r in self.rows if not r.ok]


# --- CSV import: reading ----------------------------------------------------------------------------------

# Column names people write, in English and French (lower case, accents removed).
_COLUMNS = {
    "date": ("date", "day", "jour"),
    "time": ("time", "hour", "heure", "horaire"),
    "networks": ("networks", "network", "reseaux", "reseau", "social networks", "reseaux sociaux"),
    "text": ("text", "texte", "message", "post", "publication", "contenu", "content"),
    "images": ("images", "image", "image paths", "pictures", "picture", "photos", "photo", "chemins images"),
}
# Everything after "text" is optional.
_REQUIRED = ("date", "time", "networks", "text")


def _fold_name(value: str) -> str:
    table = str.maketrans("éèêëàâäîïôöûüç", "eeeeaaaiioouuc")
    return re.sub(r"[\s_\-]+", " ", value.strip().lower().translate(table)).strip()


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


_ESCAPED = re.compile("[\udc80-\udcff]")


def _stray_bytes(data: bytes) -> int:
    """How many bytes are not UTF-8 (one pass: surrogateescape keeps each of them as one marker)."""
    return len(_ESCAPED.findall(data.decode("utf-8", errors="surrogateescape")))


def decode_text(data: bytes) -> tuple[str, str, int]:
    """Text, the encoding used, and how many stray bytes were read as Windows-1252.

    BOMs first; then UTF-8. A file that is UTF-8 with a few bytes that are not (a cell pasted from an old
    Windows program) stays UTF-8, those bytes alone read as Windows-1252: reading the whole file as
    Windows-1252 would turn every accent into two signs ("CafÃ© crÃ¨me"). A file with no UTF-8 sequence at
    all and bytes above ASCII is what Windows spreadsheets write: Windows-1252.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        body = data[3:]
        return body.decode("utf-8", errors="cm_desktop_cp1252"), "utf-8-sig", _stray_bytes(body)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16", 0
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    sequences = len(_UTF8_SEQUENCE.findall(data))
    stray = _stray_bytes(data) if sequences else 0  # none at all: not UTF-8, no need to count
    if sequences and sequences >= stray:
        return data.decode("utf-8", errors="cm_desktop_cp1252"), "utf-8", stray
    return data.decode("cp1252", errors="replace"), "cp1252", 0


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Text and the encoding used (see decode_text)."""
    text, encoding, _stray = decode_text(data)
    return text, encoding


def _delimiter(text: str) -> str:
    """The separator of the header line: French Excel writes ';', others ',' or a tab."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d", "%d/%m/%y")
_TIME_RE = re.compile(r"^(\d{1,2})\s*(?:[:hH.]\s*(\d{2})?)?(?::(\d{2}))?$")


def parse_date(value: str) -> date | None:
    value = value.strip()
    # A date cell may carry a time ("2026-03-14 09:30" or ISO "T"): keep the date part.
    head = re.split(r"[T ]", value, maxsplit=1)[0]
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(head, fmt).date()
        except ValueError:
            continue
    return None


def parse_time(value: str) -> time | None:
    match = _TIME_RE.match(value.strip())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def parse_networks(value: str) -> tuple[list[str], list[str]]:
    """(known network names, unknown words) from a cell such as "Mastodon, Facebook" or "x|bluesky"."""
    known: list[str] = []
    unknown: list[str] = []
    # Every name the registry knows for a network: its id, its names in both languages, what people write.
    names = {
        _fold_name(name): n.id for n in registry.all() for name in (n.id, n.name.en, n.name.fr, *n.aliases)
    }
    for part in re.split(r"[,;|/+\n]", value):
        name = _fold_name(part)
        if not name:
            continue
        found = names.get(name)
        if found is None:
            unknown.append(part.strip())
        elif found not in known:
            known.append(found)
    return known, unknown


def _split_images(value: str) -> list[str]:
    return [p.strip() for p in re.split(r"[|\n;]", value) if p.strip()]


def _header_map(cells: Sequence[str]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for index, cell in enumerate(cells):
        name = _fold_name(cell)
        for column, names in _COLUMNS.items():
            if name in names and column not in found:
                found[column] = index
    return found or None


def read_csv(data: bytes, zone: str, now: datetime, base_dir: Path) -> ImportPreview:
    """Check every row of a CSV of posts; nothing is written. Image paths are relative to `base_dir`."""
    if len(data) > MAX_IMPORT_BYTES:
        size = f"{len(data) / 1024 / 1024:.0f}"
        return ImportPreview((), (RowProblem(FILE_TOO_BIG, {"size": size}),))
    text, encoding, repaired = decode_text(data)
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        columns = _header_map(header) if header else None
        if header is None or not any(c.strip() for c in header):
            return ImportPreview((), (RowProblem(EMPTY_FILE),), encoding, delimiter, repaired)
        if columns is None and parse_date(header[0]) is not None:
            # No header line: the documented column order.
            columns = {name: i for i, name in enumerate(("date", "time", "networks", "text", "images"))}
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        missing = [c for c in _REQUIRED if c not in (columns or {})]
        if missing:
            problem = RowProblem(MISSING_COLUMNS, {"columns": ", ".join(missing)})
            return ImportPreview((), (problem,), encoding, delimiter, repaired)
        assert columns is not None
        rows: list[ImportRow] = []
        errors = 0
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(rows) >= MAX_IMPORT_ROWS:
                problem = RowProblem(TOO_MANY_ROWS, {"limit": str(MAX_IMPORT_ROWS)})
                return ImportPreview((), (problem,), encoding, delimiter, repaired)
            row = _check_row(reader.line_num, cells, columns, zone, now, base_dir)
            errors += not row.ok
            if errors > MAX_REPORTED_ERRORS:
                return ImportPreview(tuple(rows), (RowProblem(MORE_ERRORS),), encoding, delimiter, repaired)
            rows.append(row)
    except csv.Error:
        problem = RowProblem(NOT_A_TABLE, {"line": str(reader.line_num)})
        return ImportPreview((), (problem,), encoding, delimiter, repaired)
    if not rows:
        return ImportPreview((), (RowProblem(EMPTY_FILE),), encoding, delimiter, repaired)
    return ImportPreview(tuple(rows), (), encoding, delimiter, repaired)


def read_csv_file(path: Path, zone: str, now: datetime) -> ImportPreview:
    """read_csv on a file the person chose; image paths are relative to its folder."""
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            return ImportPreview((), (RowProblem(FILE_TOO_BIG, {"size": f"{size / 1024 / 1024:.0f}"}),))
        data = path.read_bytes()
    except OSError:
        return ImportPreview((), (RowProblem(CANNOT_READ),))
    return read_csv(data, zone, now, path.parent)


def _cell(cells: Sequence[str], columns: dict[str, int], name: str) -> str:
    index = columns.get(name)
    return cells[index] if index is not None and index < len(cells) else ""


def _check_row(
    line: int, cells: Sequence[str], columns: dict[str, int], zone: str, now: datetime, base_dir: Path
) -> ImportRow:
    problems: list[RowProblem] = []
    raw_date, raw_time = _cell(cells, columns, "date").strip(), _cell(cells, columns, "time").strip()
    day, clock = parse_date(raw_date), parse_time(raw_time)
    if day is None:
        problems.append(RowProblem(BAD_DATE, {"value": raw_date[:40]}))
    if clock is None:
        problems.append(RowProblem(BAD_TIME, {"value": raw_time[:40]}))
    local = datetime.combine(day, clock) if day is not None and clock is not None else None
    if local is not None:
        for p in validate_schedule(local, zone, now):
            problems.append(RowProblem(p.text, dict(p.params), p.severity))
    networks, unknown = parse_networks(_cell(cells, columns, "networks"))
    known_labels = Text(
        en=", ".join(n.name.en for n in registry.all()), fr=", ".join(n.name.fr for n in registry.all())
    )
    problems += [RowProblem(UNKNOWN_NETWORK, {"value": u[:40], "known": known_labels}) for u in unknown]
    if not networks and not unknown:
        problems.append(RowProblem(NO_NETWORK))
    raw_text = _cell(cells, columns, "text").strip()
    text = unneutralise(raw_text)
    if raw_text.startswith("="):
        problems.append(RowProblem(FORMULA_TEXT))
    if len(text) > MAX_TEXT_CHARS:
        problems.append(RowProblem(TEXT_TOO_LONG, {"count": str(len(text)), "limit": str(MAX_TEXT_CHARS)}))
    images: list[Path] = []
    folder = base_dir.resolve()
    for name in _split_images(unneutralise(_cell(cells, columns, "images"))):
        path = _inside(folder, name)
        if path is None:
            problems.append(RowProblem(IMAGE_OUTSIDE, {"value": name[:120]}))
            continue
        if not path.is_file():
            problems.append(RowProblem(MISSING_IMAGE, {"value": name[:120]}))
            continue
        try:
            inspect(path)
        except MediaError as exc:
            problems.append(RowProblem(BAD_IMAGE, {"value": name[:120]}, reason=exc))
            continue
        images.append(path)
    if not text and not images and not any(p.text is MISSING_IMAGE for p in problems):
        problems.append(RowProblem(EMPTY_POST))
    return ImportRow(line, local, tuple(networks), text, tuple(images), tuple(problems))


def _inside(folder: Path, name: str) -> Path | None:
    """`name` inside `folder` (the CSV's), or None: a file elsewhere on the computer is not the CSV's to
    name, whether by an absolute path, a drive, "~", "../" or a link that leads out."""
    relative = Path(name.replace("\\", "/"))
    if relative.is_absolute() or relative.drive or name.startswith("~") or ".." in relative.parts:
        return None
    path = (folder / relative).resolve()
    return path if path.is_relative_to(folder) else None


# --- CSV import: landing ----------------------------------------------------------------------------------


class ImportRefused(ValueError):
    """The preview has problems: nothing was imported."""

    text = NOTHING_IMPORTED


def import_rows(
    store: Store, preview: ImportPreview, zone: str, data_dir: Path, *, queue: bool = False
) -> list[int]:
    """Land every row of a clean preview as one post each, in one transaction; returns the post ids.

    Pictures are copied into our media folder first (content-addressed, so a failed import leaves at
    most unused copies, never a half-written post). `queue`: scheduled at once, else dated drafts.
    """
    if not preview.ok:
        raise ImportRefused("the preview has problems")
    pictures: dict[Path, posts.PostImage] = {}
    for row in preview.rows:
        for image in row.images:
            if image not in pictures:
                pictures[image] = posts.import_picture(image, data_dir)
    ids: list[int] = []
    now = utcnow()
    with store.session() as session:
        accounts: dict[str, int | None] = {}
        for account in session.exec(select(Account).order_by(col(Account.id))):
            accounts.setdefault(account.network, account.id)
        for row in preview.rows:
            assert row.local is not None
            new = posts.NewPost(
                text=row.text,
                targets=tuple(posts.NewTarget(network, accounts.get(network)) for network in row.networks),
                images=tuple(pictures[image] for image in row.images),
                local_time=row.local,
                time_zone=zone,
                scheduled_utc=to_utc(row.local, zone),
                origin="import:csv",
            )
            post_id, _ = posts.create(session, new, now, queue=queue)
            ids.append(post_id)
        session.commit()  # the only commit: any failure above rolls everything back
    return ids
