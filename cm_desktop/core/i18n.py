"""Texts that core code shows to people, in both languages, without Qt.

Widgets translate with Qt's tr() and .ts files; core code (rules, store errors, the CLI) cannot import Qt,
so its messages carry both languages side by side and a test checks that none is missing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

Lang = Literal["en", "fr"]
LANGS: tuple[Lang, ...] = ("en", "fr")

# Set to any value to stretch every message about twice as long, in brackets, to test layouts.
PSEUDO_ENV = "CM_DESKTOP_PSEUDO_LOCALE"


def pseudo(text: str) -> str:
    """Stretch a text about twice as long, in brackets, keeping {placeholders} intact."""
    out: list[str] = []
    depth = 0
    for ch in text:
        if ch == "{":
            depth += 1
        if depth or not ch.isalpha():
            out.append(ch)
        else:
            out.append(ch + ch.lower())
        if ch == "}":
            depth -= 1
    return "[" + "".join(out) + "]"


@dataclass(frozen=True)
class Text:
    """One message in English and French; placeholders use str.format names."""

    en: str
    fr: str

    def get_raw(self, lang: Lang) -> str:
        """The message in `lang` as written, placeholders unfilled."""
        return self.fr if lang == "fr" else self.en

    def get(self, lang: Lang, **params: object) -> str:
        """The message in `lang`; a parameter that is itself a Text (a network's name) is shown in `lang` too."""
        template = self.fr if lang == "fr" else self.en
        if os.environ.get(PSEUDO_ENV):
            template = pseudo(template)
        if not params:
            return template
        return template.format(**{k: v.get(lang) if isinstance(v, Text) else v for k, v in params.items()})


def normalise_lang(value: str | None) -> Lang:
    """Map a locale name such as 'fr_CA' or 'en-GB' to a language we ship; English otherwise."""
    if value and value.lower().startswith("fr"):
        return "fr"
    return "en"
