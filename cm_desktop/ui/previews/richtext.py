"""The post's text as Qt rich text: escaped, entities styled as the network styles them, cut at "See more".

Qt-free on purpose so it is cheap to test; every piece of user text goes through `escape` exactly once.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from cm_desktop.core.rules import Entity

Styles = Mapping[str, str]  # entity kind -> CSS; a kind left out shows as plain text


@dataclass(frozen=True)
class Piece:
    """A run of the body: the person's text styled by `css` ("" = the body's own style), or a fragment of
    the network's own HTML (Instagram's name, "See more"). The preview updates its document piece by piece."""

    text: str
    css: str = ""
    html: bool = False

    def as_html(self) -> str:
        if self.html:
            return self.text
        return f'<span style="{self.css}">{escape(self.text)}</span>' if self.css else escape(self.text)


@dataclass(frozen=True)
class Body:
    html: str
    cut_at: int | None  # index in the NFC text where the text stops, None when all of it shows
    pieces: tuple[Piece, ...] = ()


def escape(text: str) -> str:
    # Line breaks become <br>; pre-wrap in the wrapper keeps runs of spaces as typed.
    return html.escape(text, quote=False).replace("\n", "<br>")


def prepare(text: str) -> str:
    """One line-break convention, so entity indices and the rules' cut agree with what is shown."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def short_url(url: str, keep: int, *, strip_www: bool = True) -> str:
    """A link as X and Mastodon show it: no scheme, cut after `keep` characters with an ellipsis."""
    shown = url.split("://", 1)[1] if "://" in url[:10] else url
    if strip_www and shown.startswith("www."):
        shown = shown[4:]
    return shown if len(shown) <= keep else shown[:keep] + "…"


def body_html(
    text: str,
    entities: Sequence[Entity],
    styles: Styles,
    *,
    cut: int | None = None,
    more_html: str = "",
    display_url: Callable[[str], str] | None = None,
    prefix_html: str = "",
) -> Body:
    end = len(text)
    if cut is not None and cut < len(text):
        end = len(text[:cut].rstrip())
    else:
        cut = None
    parts = [Piece(prefix_html, html=True)] if prefix_html else []
    pos = 0
    for entity in entities:
        if entity.start >= end:
            break
        if entity.start < pos:
            continue
        if entity.start > pos:
            parts.append(Piece(text[pos : entity.start]))
        stop = min(entity.end, end)
        shown = text[entity.start : stop]
        if entity.kind == "url" and display_url is not None and stop == entity.end:
            shown = display_url(shown)
        parts.append(Piece(shown, styles.get(entity.kind) or ""))
        pos = stop
    if end > pos:
        parts.append(Piece(text[pos:end]))
    if cut is not None and more_html:
        parts.append(Piece(more_html, html=True))
    return Body(html="".join(p.as_html() for p in parts), cut_at=cut, pieces=tuple(parts))
