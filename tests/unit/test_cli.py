"""The command line as a person (or CI) runs it: real subprocesses, exit codes, JSON on stdout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from cm_desktop import __version__
from cm_desktop.core.store import HEAD_REVISION


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CM_DESKTOP_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "cm_desktop", *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_version(data_home: Path) -> None:
    result = run("--version", home=data_home)
    assert result.returncode == 0
    assert result.stdout.strip() == f"cm-desktop {__version__}"


def test_bad_usage_exits_2(data_home: Path) -> None:
    result = run("--no-such-flag", home=data_home)
    assert result.returncode == 2
    assert "usage" in result.stderr


def test_self_test_reports_health_as_json(data_home: Path) -> None:
    result = run("--self-test", home=data_home)
    report = json.loads(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert report["ok"] is True
    assert report["version"] == __version__
    assert report["store"] == {"ok": True, "revision": HEAD_REVISION}
    assert report["translations"]["fr_loaded"] is True
    assert report["keyring"]["backend_loads"] is True
    assert report["first_paint_ms"] > 0
    assert not data_home.exists()  # the self-test works in a temporary folder only


def test_parsing_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from cm_desktop.cli import build_parser\n"
        "build_parser().parse_args(['check', '--network', 'x', 'hi'])\n"
        "heavy = {'PySide6', 'httpx', 'sqlmodel', 'sqlalchemy', 'alembic', 'keyring', 'PIL'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_check_prints_the_composers_own_rules_as_json(data_home: Path) -> None:
    text = "Bonjour 👩‍👩‍👧 @alice.test voir example.com/crêpe #Lyon"
    result = run("check", "--network", "bluesky", "--json", text, home=data_home)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {"network", "count", "limit", "ok", "issues", "facets"} <= report.keys()
    assert (report["network"], report["limit"], report["ok"]) == ("bluesky", 300, True)
    encoded = text.encode()
    sliced = {f["kind"]: encoded[f["byte_start"] : f["byte_end"]].decode() for f in report["facets"]}
    assert sliced == {"mention": "@alice.test", "link": "example.com/crêpe", "tag": "#Lyon"}
    link = next(f for f in report["record_facets"] if "link" in f["features"][0]["$type"])
    assert link["features"][0]["uri"] == "https://example.com/crêpe"


def test_check_explains_problems_in_french_and_exits_1(data_home: Path) -> None:
    result = run(
        "check", "--network", "instagram", "--lang", "fr", "Visitez https://boulangerie.fr", home=data_home
    )
    assert result.returncode == 1
    assert "empêche la publication" in result.stdout
    assert "au moins une image" in result.stdout


def test_check_unknown_network_is_bad_usage(data_home: Path) -> None:
    result = run("check", "--network", "myspace", "hello", home=data_home)
    assert result.returncode == 2
    assert "mastodon" in result.stderr


def test_check_judges_pictures_as_the_pipeline_sends_them(data_home: Path, tmp_path: Path) -> None:
    """A 3000x2000 phone photo over a megabyte: the outbox resizes it for Bluesky, so `check --image` says
    so as a tip (with its severity in the JSON) instead of refusing it; a damaged file blocks."""
    from PIL import Image

    photo = tmp_path / "bouquet.jpg"
    Image.effect_noise((3000, 2000), 80).convert("RGB").save(photo, quality=95)
    assert photo.stat().st_size > 1_000_000
    args = ("check", "--network", "bluesky", "--json", "--lang", "fr")
    result = run(*args, "--image", str(photo), "--alt", "Des tulipes", "Les tulipes", home=data_home)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True
    severities = {i["code"]: i["severity"] for i in report["issues"]}
    assert "image.too_heavy" not in severities
    assert severities["image.fitted"] == "tip"
    fitted = next(i for i in report["issues"] if i["code"] == "image.fitted")
    assert "2000×1333" in fitted["message"]

    broken = tmp_path / "broken.jpg"
    broken.write_bytes(photo.read_bytes()[:2000])
    result = run(*args, "--image", str(photo), "--image", str(broken), "Les tulipes", home=data_home)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    blocking = [i for i in report["issues"] if i["severity"] == "blocks"]
    assert [i["code"] for i in blocking if i["params"].get("number") == 2] == ["image.unusable"]
