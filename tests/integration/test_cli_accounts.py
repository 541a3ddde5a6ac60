"""`cm-desktop accounts / post / publish-due / status` as real processes, against the real PDS.

The keychain is keyrings.alt's file backend, named explicitly (PYTHON_KEYRING_BACKEND) so several processes
share it; secrets.py refuses such a backend otherwise. `accounts add mastodon` runs against an IMITATION
(mastodon-mock), with BROWSER set to a script that follows the sign-in address like a browser would.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from tests.integration.outbox_helpers import CliHome, list_records

if TYPE_CHECKING:
    from tests.pds_peer import PdsPeer


def _keyring_text(home: CliHome) -> str:
    return "\n".join(p.read_text() for p in (home.root / "xdg-data").rglob("*.cfg"))


@pytest.mark.pds
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


# --- `accounts add mastodon --server S`, end to end, against an imitation ------------------------------

FOLLOWER = '''#!{python}
"""Stands in for the person's browser (BROWSER=this file): the imitation's sign-in page, "alice" chosen
and approved, then the redirect followed to the app's loopback listener, as a browser would."""
import sys

import httpx

url = httpx.URL(sys.argv[1])
with httpx.Client(timeout=10) as client:
    picker = client.get(url)
    answer = client.post(
        str(url.copy_with(query=None)),
        data={{
            "username": "alice",
            "redirect_uri": url.params["redirect_uri"],
            "client_id": url.params["client_id"],
            "scope": url.params["scope"],
            "state": url.params["state"],
        }},
    )
    done = client.get(answer.headers["location"])
    sys.exit(0 if picker.status_code == 200 and done.status_code == 200 else 1)
'''


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


def _browser(tmp_path: Path) -> Path:
    script = tmp_path / "follow-like-a-browser"
    script.write_text(FOLLOWER.format(python=sys.executable), encoding="utf-8")
    script.chmod(0o755)
    return script


def _stored_secret(home: CliHome, ref: str) -> str | None:
    from keyrings.alt.file import PlaintextKeyring

    class _ThisHome(PlaintextKeyring):
        file_path = str(next((home.root / "xdg-data").rglob("keyring_pass.cfg")))

    value: str | None = _ThisHome().get_password("cm-desktop", ref)
    return value


def test_add_mastodon_through_the_browser_against_the_imitation(
    mastodon_imitation: str, tmp_path: Path
) -> None:
    home = CliHome(tmp_path)
    added = home.run(
        "accounts", "add", "mastodon", "--server", mastodon_imitation, BROWSER=str(_browser(tmp_path))
    )
    assert added.returncode == 0, added.stderr
    account = json.loads(added.stdout)
    host = httpx.URL(mastodon_imitation).netloc.decode()
    assert account["network"] == "mastodon" and account["handle"] == f"@alice@{host}"
    assert account["status"] == "ok" and account["server_url"] == mastodon_imitation
    assert "Your browser opens the server's sign-in page" in added.stderr

    import sqlite3

    conn = sqlite3.connect(home.database)
    [ref] = [row[0] for row in conn.execute("SELECT secret_ref FROM account")]
    conn.close()
    token = _stored_secret(home, ref)
    assert token  # in the keychain...
    # ...and nowhere else: not the database, its write-ahead log, or what the command printed.
    for path in (home.database, home.database.with_name(home.database.name + "-wal")):
        if path.exists():
            assert token.encode() not in path.read_bytes()
    assert token not in added.stdout + added.stderr

    listed = json.loads(home.run("accounts", "list", "--json").stdout)
    assert [(a["handle"], a["connection"]) for a in listed] == [(account["handle"], "connected")]
    removed = home.run("accounts", "remove", account["handle"], LANG="fr_FR.UTF-8")
    assert removed.returncode == 0 and "a été retiré" in removed.stderr
    assert _stored_secret(home, ref) is None


def test_add_mastodon_unknown_server_or_bad_name(tmp_path: Path) -> None:
    home = CliHome(tmp_path)
    unknown = home.run("accounts", "add", "mastodon", "--server", "nosuchserver.invalid")
    assert unknown.returncode == 1 and "This server could not be found" in unknown.stderr
    bad = home.run("accounts", "add", "mastodon", "--server", "not a server!", LANG="fr_FR.UTF-8")
    assert bad.returncode == 2 and "n'est pas une adresse de serveur" in bad.stderr
    assert json.loads(home.run("accounts", "list", "--json").stdout) == []
