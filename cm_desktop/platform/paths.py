"""Where the app keeps its data, logs, backups and media on this computer.

CM_DESKTOP_HOME overrides everything (tests, portable use); otherwise the platform's usual folders.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

HOME_ENV = "CM_DESKTOP_HOME"
APP_NAME = "CM Desktop"

# Folder names of sync clients: SQLite's locking does not survive their copying (corruption risk).
_CLOUD_MARKERS = (
    "dropbox",
    "onedrive",
    "icloud drive",
    "mobile documents",
    "google drive",
    "googledrive",
    "my drive",
    "mon drive",
    "cloudstorage",
)


@dataclass(frozen=True)
class AppPaths:
    data: Path
    logs: Path

    @property
    def database(self) -> Path:
        return self.data / "cm-desktop.sqlite3"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def media(self) -> Path:
        return self.data / "media"

    @property
    def renditions(self) -> Path:
        return self.data / "cache" / "renditions"

    @property
    def settings_file(self) -> Path:
        return self.data / "settings.json"

    @property
    def lock_file(self) -> Path:
        return self.data / "publisher.lock"


def default_paths() -> AppPaths:
    override = os.environ.get(HOME_ENV)
    if override:
        home = Path(override).expanduser()
        return AppPaths(data=home, logs=home / "logs")
    data, logs = platform_folders(sys.platform)
    return AppPaths(data=Path(data), logs=Path(logs))


def platform_folders(platform: str) -> tuple[str, str]:
    """The data and log folders platformdirs gives on `platform` (its classes run on any system, so the
    Windows and macOS answers are tested here): not roaming, no author folder."""
    from platformdirs.api import PlatformDirsABC

    dirs: PlatformDirsABC
    if platform == "win32":
        from platformdirs.windows import Windows

        dirs = Windows(APP_NAME, appauthor=False)
    elif platform == "darwin":
        from platformdirs.macos import MacOS

        dirs = MacOS(APP_NAME, appauthor=False)
    else:
        from platformdirs.unix import Unix

        dirs = Unix(APP_NAME, appauthor=False)
    return dirs.user_data_dir, dirs.user_log_dir


def in_cloud_synced_folder(path: Path) -> bool:
    """True when the path sits inside Dropbox, OneDrive, iCloud Drive or Google Drive."""
    return cloud_synced(path.expanduser().resolve())


def cloud_synced(path: PurePath) -> bool:
    """The same test on an absolute path of any system (PureWindowsPath included)."""
    parts = [part.lower() for part in path.parts]
    return any(marker in part for part in parts for marker in _CLOUD_MARKERS)


def instance_name(data_dir: PurePath, platform: str) -> str:
    """The local-server name of the window that owns `data_dir` (absolute): one per data folder.

    Windows and macOS compare paths without regard to case (NTFS, APFS by default), so `C:\\Users\\Zoé` and
    `c:/users/ZOÉ/` name one folder there. A hash keeps the name short: a macOS socket path (temporary folder
    plus name) must fit in 104 bytes, and a pipe name cannot hold a backslash.
    """
    import hashlib
    import unicodedata

    if platform == "win32":
        text = str(PureWindowsPath(data_dir)).rstrip("\\")
    else:
        text = str(PurePosixPath(data_dir))
    if platform in ("win32", "darwin"):
        # Both file systems also treat "é" typed as one character or as "e" + accent as one name.
        text = unicodedata.normalize("NFC", text).casefold()
    return "cm-desktop-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
