"""Instagram: caption 2,200 characters, <= 30 hashtags, <= 20 mentions, an image is required.

The feed shows about the first 125 characters then "more" (approximate). The publishing API takes JPEG
only, aspect ratio between 4:5 and 1.91:1 (other images are cropped), width 320-1440 px (scaled).
Links in captions are not clickable.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import regex

from cm_desktop.core.networks import name_of
from cm_desktop.core.rules import twitter_text
from cm_desktop.core.rules.messages import MESSAGES
from cm_desktop.core.rules.model import Fix, ImageFacts, Issue, Severity
from cm_desktop.core.rules.plain import plain_spec
from cm_desktop.core.rules.text import clean, window
from cm_desktop.core.rules.twitter_text import Entity

LIMIT = 2200
FEED_CUT = 125  # approximate
MAX_HASHTAGS = 30
MAX_MENTIONS = 20

# Instagram user names: letters, digits, "." and "_", up to 30.
_MENTION = regex.compile(r"(?<![\w@.])@(?P<name>[a-z0-9._]{1,30})(?<!\.)", regex.IGNORECASE)


def mentions(text: str) -> list[Entity]:
    if "@" not in text:
        return []
    return [
        Entity("mention", m.start(), m.end(), m.group(), m.group("name")) for m in _MENTION.finditer(text)
    ]


def entities(text: str) -> list[Entity]:
    cleaned = window(clean(text))
    urls = twitter_text.extract_urls(cleaned)
    found = [*urls, *twitter_text.extract_hashtags(cleaned, urls=urls), *mentions(cleaned)]
    kept: list[Entity] = []
    for e in sorted(found, key=lambda e: e.start):
        if not kept or e.start >= kept[-1].end:
            kept.append(e)
    return kept


def count_checks(network: str, found: list[Entity], max_hashtags: int, max_mentions: int) -> list[Issue]:
    """Too many hashtags or mentions (shared with Threads, which follows Instagram's rules)."""
    issues: list[Issue] = []
    for kind, code, most, unit in (
        ("hashtag", "hashtags.too_many", max_hashtags, "hashtags"),
        ("mention", "mentions.too_many", max_mentions, "mentions"),
    ):
        n = sum(1 for e in found if e.kind == kind)
        if n > most:
            fix = Fix("remove_hashtags" if kind == "hashtag" else "remove_mentions", n - most, unit)  # type: ignore[arg-type]
            issues.append(
                Issue(
                    code,
                    Severity.BLOCKS,
                    MESSAGES[code],
                    {"network": name_of(network), "max": most, "over": n - most},
                    fix,
                )
            )
    return issues


def checks(text: str, images: Sequence[ImageFacts], limits: Mapping[str, int]) -> list[Issue]:
    return count_checks("instagram", entities(text), MAX_HASHTAGS, MAX_MENTIONS)


SPEC = plain_spec(
    name="instagram",
    limit=LIMIT,
    feed_cut=FEED_CUT,
    checks=checks,
    entities=entities,
    link_issue="link.not_clickable",
)
measure = SPEC.measure
