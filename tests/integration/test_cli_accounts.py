"""`cm-desktop accounts / post / publish-due / status` as real processes, against the real PDS.

The keychain is keyrings.alt's file backend, named explicitly (PYTHON_KEYRING_BACKEND) so several processes
share it; secrets.py refuses such a backend otherwise.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.integration.outbox_helpers import CliHome, list_records

if TYPE_CHECKING:
    from tests.integration.conftest import PdsPeer

pytestmark = pytest.mark.pds


def _keyring_text(home: CliHome) -> str:
    return "\n".join(p.read_text() for p in (home.root / "xdg-data").rglob("*.cfg"))


def test_add_post_publish_status_remove(pds: PdsPeer, tmp_path: Path) -> None:
    home = CliHome(tmp_path)
    handle, did, app_password = pds.create_account("cli")

    added = home.run(
        "accounts", "add", "bluesky", "--handle", handle, "--service", pds.url, "--plc-url", pds.plc_url,
        CM_DESKTOP_SECRET=app_password,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    account = json.loads(added.stdout)
    assert account["network"] == "bluesky" and account["handle"] == handle and account["status"] == "ok"
    assert app_password not in added.stdout + added.stderr
    assert app_password not in home.database.read_bytes().decode("latin-1")  # only a reference is stored

    listed = home.run("accounts", "list", "--json")
    assert listed.returncode == 0 and [a["handle"] for a in json.loads(listed.stdout)] == [handle]

    picture = tmp_path / "croissant.png"
    from PIL import Image

    Image.new("RGB", (800, 600), (200, 150, 60)).save(picture)
    queued = home.run(
        "post", "--to", handle, "--text", "Croissants chauds 🥐", "--image", str(picture),
        "--alt", "Des croissants dorés", "--json",
    )  # fmt: skip
    assert queued.returncode == 0, queued.stderr
    post = json.loads(queued.stdout)
    assert [t["state"] for t in post["targets"]] == ["scheduled"]
    assert (home.data / "media").is_dir()  # our own copy of the picture

    sent = home.run("publish-due", "--json")
    assert sent.returncode == 0, sent.stderr
    [outcome] = json.loads(sent.stdout)["targets"]
    assert outcome["state"] == "published" and outcome["url"].startswith("https://bsky.app/profile/")

    shown = home.run("status", str(post["post_id"]), "--json")
    [row] = json.loads(shown.stdout)
    assert row["state"] == "published" and row["remote_id"].startswith(f"at://{did}/") and row["error"] == ""
    [record] = list_records(pds, did)
    assert record["value"]["text"] == "Croissants chauds 🥐"
    assert record["value"]["embed"]["images"][0]["alt"] == "Des croissants dorés"

    again = home.run("publish-due", "--json")
    assert json.loads(again.stdout)["targets"] == []  # nothing twice

    assert "account_3abluesky_3a" in _keyring_text(home)  # keyrings.alt escapes ":"
    removed = home.run("accounts", "remove", handle)
    assert removed.returncode == 0, removed.stderr
    assert "account_3abluesky_3a" not in _keyring_text(home)  # the keychain secret went with it
    assert json.loads(home.run("accounts", "list", "--json").stdout) == []
    history = json.loads(home.run("status", "--json").stdout)
    assert [h["state"] for h in history] == ["published"]


def test_usage_errors_exit_2_with_a_message(tmp_path: Path) -> None:
    home = CliHome(tmp_path)
    unknown = home.run("post", "--to", "nobody.test", "--text", "hi", "--json")
    assert unknown.returncode == 2
    assert "No connected account matches" in unknown.stderr and unknown.stdout == ""
    french = home.run("post", "--to", "nobody.test", "--text", "hi", LANG="fr_FR.UTF-8")
    assert "Aucun compte connecté" in french.stderr
    bad_time = home.run("accounts", "remove", "42")
    assert bad_time.returncode == 2
    assert home.run("publish-due").returncode == 0  # nothing due: fine
    assert json.loads(home.run("status", "--json").stdout) == []
