"""Is a keychain usable here, and what to tell this person's desktop (platform/secrets.py's probe).

With keyring's own backends (fail, null, chainer), keyrings.alt's file backends, and a REAL Secret Service:
a private D-Bus session bus with GNOME Keyring in it (tests/secret_service.py), unlocked, then locked.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends import SecretService, chainer, fail, null
from keyrings.alt.file import PlaintextKeyring

from cm_desktop.platform.secrets import (
    KeychainState,
    Readiness,
    Secrets,
    desktop_family,
    keychain_advice,
    probe_keychain,
)
from tests.memory_keyring import MemoryKeyring
from tests.secret_service import SecretServiceSession, secret_service_session


@pytest.fixture
def secret_service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SecretServiceSession]:
    with secret_service_session(tmp_path, monkeypatch) as session:
        yield session


def test_keyrings_own_fail_and_null_backends_mean_no_keychain() -> None:
    assert probe_keychain(fail.Keyring()) is KeychainState.NONE
    assert probe_keychain(null.Keyring()) is KeychainState.NONE
    assert Secrets(fail.Keyring()).readiness() is Readiness.NO_KEYCHAIN


def test_a_chain_is_usable_when_one_of_its_keychains_is(monkeypatch: pytest.MonkeyPatch) -> None:
    memory = MemoryKeyring()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", property(lambda self: [fail.Keyring(), memory]))
    assert probe_keychain(chainer.ChainerBackend()) is KeychainState.OK
    monkeypatch.setattr(chainer.ChainerBackend, "backends", property(lambda self: [null.Keyring()]))
    assert probe_keychain(chainer.ChainerBackend()) is KeychainState.NONE


def test_keyrings_alt_files_are_not_a_keychain_unless_named_on_purpose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    plain = PlaintextKeyring()
    plain.file_path = str(tmp_path / "keyring_pass.cfg")  # type: ignore[misc]
    assert probe_keychain(plain) is KeychainState.NONE
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")  # the CLI tests
    assert probe_keychain(plain) is KeychainState.OK


def test_windows_and_macos_always_have_one(memory_keyring: MemoryKeyring) -> None:
    import keyring

    for platform in ("win32", "darwin"):
        assert probe_keychain(platform=platform) is KeychainState.OK
    keyring.set_keyring(fail.Keyring())  # only a setting forcing "fail" makes it missing there
    assert probe_keychain(platform="win32") is KeychainState.NONE


def test_secret_service_without_a_session_bus_is_missing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    assert probe_keychain(SecretService.Keyring()) is KeychainState.NONE


def test_a_real_gnome_keyring_unlocked_then_locked(secret_service: SecretServiceSession) -> None:
    backend = SecretService.Keyring()
    assert probe_keychain(backend) is KeychainState.OK
    assert Secrets(backend).readiness() is Readiness.READY
    secret_service.lock()
    assert probe_keychain(backend) is KeychainState.LOCKED
    assert Secrets(backend).readiness() is Readiness.KEYCHAIN_LOCKED
    secret_service.unlock()
    assert probe_keychain(backend) is KeychainState.OK


@pytest.mark.parametrize(
    ("env", "family"),
    [
        ({"XDG_CURRENT_DESKTOP": "GNOME"}, "gnome"),
        ({"XDG_CURRENT_DESKTOP": "ubuntu:GNOME"}, "gnome"),
        ({"XDG_CURRENT_DESKTOP": "KDE"}, "kde"),
        ({"XDG_CURRENT_DESKTOP": "", "DESKTOP_SESSION": "plasmawayland"}, "kde"),
        ({"XDG_CURRENT_DESKTOP": "XFCE"}, "xfce"),
        ({"XDG_CURRENT_DESKTOP": "X-Cinnamon"}, "cinnamon"),
        ({"XDG_CURRENT_DESKTOP": "MATE"}, "mate"),
        ({}, ""),
    ],
)
def test_the_desktop_is_read_from_the_session(env: dict[str, str], family: str) -> None:
    assert desktop_family(env, platform="linux") == family
    assert desktop_family(env, platform="win32") == "windows"
    assert desktop_family(env, platform="darwin") == "macos"


def test_the_advice_names_what_to_install_for_this_desktop() -> None:
    none = KeychainState.NONE
    assert "gnome-keyring" in keychain_advice(none, "gnome", "en")
    assert "gnome-keyring" in keychain_advice(none, "gnome", "fr") and "logithèque" in keychain_advice(
        none, "gnome", "fr"
    )
    assert "kwalletmanager" in keychain_advice(none, "kde", "en")
    assert "KWallet" in keychain_advice(none, "kde", "fr") and "gnome-keyring" not in keychain_advice(
        none, "kde", "fr"
    )
    xfce = keychain_advice(none, "xfce", "en")
    assert "gnome-keyring" in xfce and "on Xfce" in xfce
    assert "sous Xfce" in keychain_advice(none, "xfce", "fr")
    unnamed = keychain_advice(none, "", "en")
    assert "gnome-keyring" in unnamed and "none is running." in unnamed
    locked = KeychainState.LOCKED
    assert "Unlock" in keychain_advice(locked, "gnome", "en")
    assert "KWalletManager" in keychain_advice(locked, "kde", "fr")
    # Windows and macOS always have one: never "install", only "restart".
    for family in ("windows", "macos"):
        for lang in ("en", "fr"):
            assert "install" not in keychain_advice(none, family, lang).lower()
