from __future__ import annotations

import json
from pathlib import Path

from cm_desktop.core.settings import Settings, load_settings, save_settings


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(Settings(language="fr", late_margin_minutes=30), path)
    assert load_settings(path) == Settings(language="fr", late_margin_minutes=30)


def test_missing_broken_or_mistyped_values_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    assert load_settings(path) == Settings()
    path.write_text("{not json")
    assert load_settings(path) == Settings()
    path.write_text(
        json.dumps({"language": 3, "background_publishing": 1, "late_margin_minutes": 15, "x": 1})
    )
    assert load_settings(path) == Settings(late_margin_minutes=15)
