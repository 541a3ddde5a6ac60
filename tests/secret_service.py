"""A real Secret Service for tests: a private D-Bus session bus with GNOME Keyring in it, in the test's folder.

Never the person's own: HOME, XDG_DATA_HOME and XDG_RUNTIME_DIR point into the test's folder, and the bus
is a new one whose address only this test knows. GNOME Keyring leaves when its bus goes away.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

KEYRING_PASSWORD = b"session-password-for-tests"


class SecretServiceSession:
    def __init__(self, address: str) -> None:
        self.address = address

    def lock(self) -> None:
        import secretstorage

        with closing(secretstorage.dbus_init()) as connection:
            collection = secretstorage.get_default_collection(connection)
            collection.lock()
            assert collection.is_locked()

    def unlock(self) -> None:
        """With the keyring's password, as the session login does (Unlock through the Secret Service would
        put up a prompt, impossible here): gnome-keyring's own interface for that."""
        import secretstorage
        from secretstorage.util import DBusAddressWrapper, format_secret, open_session

        with closing(secretstorage.dbus_init()) as connection:
            collection = secretstorage.get_default_collection(connection)
            session = open_session(connection)
            service = DBusAddressWrapper(
                "/org/freedesktop/secrets",
                "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface",
                connection,
            )
            service.call(
                "UnlockWithMasterPassword",
                "o(oayays)",
                collection.collection_path,
                format_secret(session, KEYRING_PASSWORD, "text/plain"),
            )
            assert not collection.is_locked()


@contextmanager
def secret_service_session(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SecretServiceSession]:
    missing = [tool for tool in ("dbus-daemon", "gnome-keyring-daemon") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"not installed here: {', '.join(missing)}")
    home = folder / "session-home"
    runtime = folder / "session-run"
    for path in (home, runtime):
        path.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    # The bus looks for services to start by itself only in this empty folder: nothing is started behind
    # the test's back (the system's GNOME Keyring would be, and would outlive the bus).
    monkeypatch.setenv("XDG_DATA_DIRS", str(home / "no-services"))
    bus = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()  # printed once the bus listens
        assert address.startswith("unix:"), address
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        # --daemonize returns once the daemon owns its name on the bus: ready when this returns.
        subprocess.run(
            ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--daemonize"],
            input=KEYRING_PASSWORD,
            capture_output=True,
            timeout=30,
            check=True,
        )
        yield SecretServiceSession(address)
    finally:
        bus.terminate()
        bus.wait(timeout=30)
        if bus.stdout is not None:
            bus.stdout.close()
