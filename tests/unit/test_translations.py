"""Every interface string has a finished French translation; every core message exists in both languages."""

from __future__ import annotations

import importlib
import pkgutil
import re
import shutil
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import cm_desktop
from cm_desktop.core.i18n import Text, pseudo

ROOT = Path(__file__).resolve().parents[2]
TS_FILES = sorted((ROOT / "resources" / "translations").glob("*_fr.ts"))


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(ts)
    return [
        (ctx.findtext("name") or "", msg.findtext("source") or "", msg.find("translation"))  # type: ignore[misc]
        for ctx in tree.iter("context")
        for msg in ctx.iter("message")
    ]


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_french_ts_has_no_unfinished_or_empty_translation(ts: Path) -> None:
    problems = [
        f"{ctx}: {src!r}"
        for ctx, src, tr in _messages(ts)
        if tr is None
        or tr.get("type") in ("unfinished", "obsolete", "vanished")
        or not (tr.text or "").strip()
    ]
    assert problems == []


def test_every_string_in_the_code_is_in_a_french_ts(tmp_path: Path) -> None:
    """Run lupdate on the current code into copies: a new or changed string shows up as unfinished."""
    import scripts.translations as tools

    copies = []
    for ts in tools.ts_files():
        copy = tmp_path / ts.name
        if ts.exists():
            shutil.copy(ts, copy)
        copies.append(copy)
    tools.update(copies)
    unfinished = [
        f"{copy.name} {ctx}: {src!r}"
        for copy in copies
        if copy.exists()
        for ctx, src, tr in _messages(copy)
        if tr is None or tr.get("type") == "unfinished" or not (tr.text or "").strip()
    ]
    assert unfinished == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_translations_keep_accelerators_and_placeholders(ts: Path) -> None:
    for _ctx, src, tr in _messages(ts):
        assert tr is not None
        text = tr.text or ""
        assert ("&" in src.replace("&&", "")) == ("&" in text.replace("&&", "")), src
        assert sorted(re.findall(r"%\d", src)) == sorted(re.findall(r"%\d", text)), src


def _all_core_texts() -> list[tuple[str, Text]]:
    found: list[tuple[str, Text]] = []
    for info in pkgutil.walk_packages(cm_desktop.__path__, "cm_desktop."):
        if ".ui" in info.name or "migrations" in info.name or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, Text):
                found.append((f"{info.name}.{name}", value))
            elif isinstance(value, type) and value.__module__ == info.name:
                found.extend(
                    (f"{info.name}.{name}.{attr}", v)
                    for attr, v in vars(value).items()
                    if isinstance(v, Text)
                )
            elif isinstance(value, dict):
                found.extend(
                    (f"{info.name}.{name}[{k!r}]", v) for k, v in value.items() if isinstance(v, Text)
                )
    return found


def _fields(template: str) -> list[str]:
    return sorted(f for _, f, _, _ in string.Formatter().parse(template) if f)


def test_every_core_message_has_english_and_french_with_the_same_placeholders() -> None:
    texts = _all_core_texts()
    assert len(texts) >= 10
    for where, text in texts:
        assert text.en.strip() and text.fr.strip(), where
        assert text.en != text.fr, where
        assert _fields(text.en) == _fields(text.fr), where


@pytest.mark.parametrize("source", ["Home", "Open the {folder} folder", "&Quit"])
def test_pseudo_locale_doubles_length_and_keeps_placeholders(source: str) -> None:
    stretched = pseudo(source)
    assert stretched.startswith("[") and stretched.endswith("]")
    assert len(stretched) >= int(len(source) * 1.6)
    assert _fields(stretched) == _fields(source)
