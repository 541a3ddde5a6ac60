"""The app-password and handle checks run before any request and say what to do."""

from __future__ import annotations

import pytest

from cm_desktop.core.ports import Refused
from cm_desktop.networks.bluesky import check_app_password, normalise_handle


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("abcd-efgh-ijkl-mnop", "abcd-efgh-ijkl-mnop"),
        ("2x7q-00aa-zz99-k3k3", "2x7q-00aa-zz99-k3k3"),
        ("  ABCD-EFGH-IJKL-MNOP\n", "abcd-efgh-ijkl-mnop"),  # pasted with spaces or typed in capitals
    ],
)
def test_accepts_app_passwords(given: str, expected: str) -> None:
    assert check_app_password(given) == expected


@pytest.mark.parametrize(
    "given",
    [
        "",
        "my main password",
        "abcd-efgh-ijkl",
        "abcd-efgh-ijkl-mnopq",
        "abcdefghijklmnop",
        "abcd efgh ijkl mnop",
        "abcd-efgh-ijkl-mnó p",
        "abcd-efgh-ijkl-mn_p",
        "abcd-efgh-ijkl-mnop-qrst",
    ],
)
def test_refuses_anything_else_and_says_where_to_make_one(given: str) -> None:
    with pytest.raises(Refused) as caught:
        check_app_password(given)
    error = caught.value
    assert error.code == "app_password_format"
    assert "Settings > Privacy and security > App passwords" in error.message("en")
    assert "Paramètres > Confidentialité et sécurité > Mots de passe d'application" in error.message("fr")
    for lang in ("en", "fr"):
        assert "https://bsky.app/settings/app-passwords" in error.message(lang)
    if given.strip():
        assert given.strip() not in str(error)  # a refused password is never echoed


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("alice.bsky.social", "alice.bsky.social"),
        ("@Alice.Bsky.Social", "alice.bsky.social"),
        ("\u200e@alice.example.com\u202c ", "alice.example.com"),
        ("alice", "alice.bsky.social"),
        ("did:plc:abc234", "did:plc:abc234"),
    ],
)
def test_handles(given: str, expected: str) -> None:
    assert normalise_handle(given) == expected


@pytest.mark.parametrize("given", ["", "@", "alice@bsky.social", "alice..social", "-a.com", "a.123"])
def test_bad_handles(given: str) -> None:
    with pytest.raises(Refused) as caught:
        normalise_handle(given)
    assert caught.value.code == "handle_format"
    assert caught.value.message("fr")
