"""`cm-desktop post` refuses up front what the composer would mark "Must fix", as a real process: a clear
message, exit 2, nothing queued. (Hostile inputs of the store-and-security issue, point 5.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from cm_desktop.core.models import Account
from cm_desktop.core.store import open_store


def cli(
    home: Path, *args: str, lang: str = "en_GB.UTF-8", stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CM_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LANG": lang}
    env.pop("LC_ALL", None)
    return subprocess.run(
        [sys.executable, "-m", "cm_desktop", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        errors="surrogateescape",
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "home"
    store = open_store(folder / "cm-desktop.sqlite3", folder / "backups")
    with store.session() as session:
        session.add(Account(network="mastodon", handle="@atelier@example.social", remote_id="1"))
        session.commit()
    store.close()
    return folder


def queued(home: Path) -> list[object]:
    done = cli(home, "status", "--json")
    assert done.returncode == 0, done.stderr
    rows: list[object] = json.loads(done.stdout)
    return rows


def _jpeg(path: Path) -> bytes:
    Image.effect_noise((800, 600), 60).convert("RGB").save(path, quality=90)
    return path.read_bytes()


def test_a_text_far_too_long_is_refused(home: Path) -> None:
    """120 KB pasted into a file and given on standard input (`--text -`)."""
    done = cli(home, "post", "--to", "1", "--text", "-", "--at", "2031-01-01T09:00", stdin="é" * 120_000)
    assert done.returncode == 2
    assert "mastodon:" in done.stderr and "Nothing was queued" in done.stderr
    assert queued(home) == []


def test_a_nul_character_is_refused_in_french(home: Path) -> None:
    """A NUL cannot travel in a command line: it comes from a file, through standard input."""
    done = cli(home, "post", "--to", "1", "--text", "-", "--at", "2031-01-02T09:00", lang="fr_FR.UTF-8",
               stdin="Bon" + chr(0) + "jour")  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "caractères nuls" in done.stderr and "Rien n'a été programmé" in done.stderr
    assert queued(home) == []


@pytest.mark.parametrize("keep", [0.5, 0.01])
def test_a_truncated_or_header_only_jpeg_is_refused(home: Path, tmp_path: Path, keep: float) -> None:
    photo = tmp_path / "cut.jpg"
    content = _jpeg(photo)
    photo.write_bytes(content[: max(int(len(content) * keep), 700)])
    done = cli(
        home, "post", "--to", "1", "--text", "Photo", "--image", str(photo), "--at", "2031-01-01T09:00"
    )
    assert done.returncode == 2, done.stderr
    assert "Picture 1" in done.stderr
    assert queued(home) == []


def test_a_huge_file_that_is_no_picture_is_refused(home: Path, tmp_path: Path) -> None:
    big = tmp_path / "video.jpg"
    with big.open("wb") as out:
        out.write(b"\xff\xd8\xff\xe0" + b"\0" * 1024)
        out.truncate(60_000_000)
    done = cli(home, "post", "--to", "1", "--text", "Film", "--image", str(big), "--at", "2031-01-01T09:00")
    assert done.returncode == 2, done.stderr
    assert "video.jpg" in done.stderr
    assert queued(home) == []


def test_lone_surrogates_are_refused_without_a_traceback(home: Path) -> None:
    done = cli(home, "post", "--to", "1", "--text", "caf\udce9 cr\udcc3me", "--at", "2031-01-01T09:00")
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "damaged characters" in done.stderr
    assert queued(home) == []


@pytest.mark.parametrize("when", ["0001-01-01T00:00", "9999-12-31T23:59", "2031-02-30T09:00", "demain"])
def test_dates_nobody_means_are_refused(home: Path, when: str) -> None:
    done = cli(home, "post", "--to", "1", "--text", "Bonjour", "--at", when)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "is not a date and time" in done.stderr
    assert queued(home) == []


def test_a_huge_post_number_is_bad_usage(home: Path) -> None:
    done = cli(home, "status", "9" * 30)
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_a_past_time_asks_instead_of_queuing_silently(home: Path) -> None:
    done = cli(home, "post", "--to", "1", "--text", "Hier", "--at", "2020-01-01T09:00")
    assert done.returncode == 2 and "--late publish" in done.stderr
    assert queued(home) == []
    done = cli(home, "post", "--to", "1", "--text", "Hier", "--at", "2020-01-01T09:00", "--late", "skip")
    assert done.returncode == 0, done.stderr
    assert [r["state"] for r in queued(home)] == ["draft"]  # type: ignore[index]
    done = cli(home, "post", "--to", "1", "--text", "Hier", "--at", "2020-01-01T09:00", "--late", "publish")
    assert done.returncode == 0, done.stderr
    assert sorted(r["state"] for r in queued(home)) == ["draft", "scheduled"]  # type: ignore[index]
