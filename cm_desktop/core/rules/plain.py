"""Networks that count plain characters (grapheme clusters after NFC): a small factory keeps them short."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from cm_desktop.core.rules import twitter_text
from cm_desktop.core.rules.counting import check_limits, grapheme_measure
from cm_desktop.core.rules.model import ImageFacts, Issue, Measure, NetworkSpec
from cm_desktop.core.rules.text import clean, window
from cm_desktop.core.rules.twitter_text import Entity

Checks = Callable[[str, Sequence[ImageFacts], Mapping[str, int]], list[Issue]]


def no_checks(text: str, images: Sequence[ImageFacts], limits: Mapping[str, int]) -> list[Issue]:
    return []


def links_and_hashtags(text: str) -> list[Entity]:
    """Links and hashtags only: on these networks a mention is made with the network's own picker."""
    cleaned = window(clean(text))
    urls = twitter_text.extract_urls(cleaned)
    found = [*urls, *twitter_text.extract_hashtags(cleaned, urls=urls)]
    return sorted(found, key=lambda e: e.start)


def plain_spec(
    *,
    name: str,
    limit: int,
    feed_cut: int | None,
    checks: Checks = no_checks,
    entities: Callable[[str], list[Entity]] = links_and_hashtags,
    link_issue: str | None = None,
) -> NetworkSpec:
    defaults: Mapping[str, int] = {"max_characters": limit}

    def measure(text: str, **limits: int) -> Measure:
        return grapheme_measure(name, text, check_limits(name, limits, defaults)["max_characters"])

    return NetworkSpec(
        name=name,
        limit_defaults=defaults,
        measure=measure,
        entities=entities,
        feed_cut=feed_cut,
        checks=checks,
        link_issue=link_issue,
    )
