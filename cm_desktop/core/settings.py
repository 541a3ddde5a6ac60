"""Typed settings, kept in a small JSON file in the data folder.

Attributes, not string keys: a typo is a type error. Unknown or ill-typed values fall back to the default
(logged), so a hand-edited file never stops the app.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass
class Settings:
    # "" follows the system language; otherwise "en" or "fr".
    language: str = ""
    # A post found later than this is not sent blindly: the person is asked.
    late_margin_minutes: int = 60
    # Publish through an operating-system job while the app is closed.
    background_publishing: bool = False
    # The first-run wizard was finished or skipped: do not open it again by itself.
    onboarding_seen: bool = False
    # Where logins are kept: "" the system keychain; "encrypted_file" a file locked by a passphrase the
    # person chose, offered only when this computer has no usable keychain (platform/login_file.py).
    login_store: str = ""


def load_settings(path: Path) -> Settings:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("settings file unreadable (%s); using defaults", type(exc).__name__)
        return Settings()
    settings = Settings()
    if not isinstance(raw, dict):
        return settings
    for item in fields(Settings):
        value = raw.get(item.name)
        default = getattr(settings, item.name)
        # bool is an int subclass: compare exact types so "true" or 1 never slips into a bool field.
        if value is not None and type(value) is type(default):
            setattr(settings, item.name, value)
        elif value is not None:
            log.warning("setting %s has the wrong type; using the default", item.name)
    return settings


def save_settings(settings: Settings, path: Path) -> None:
    """Write atomically: a crash or a full disk leaves the previous file intact."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")
    temp.write_text(json.dumps(asdict(settings), indent=2, sort_keys=True), encoding="utf-8")
    os.replace(temp, path)
