"""The rules as the composer runs them on every keystroke: once per network text, and bounded in size.

Each network's text is measured and checked once (the result is kept until that text, the pictures or the
account's limits change), and never past a cap well beyond the network's limit: a pasted megabyte costs
about what a text twice the limit costs. Past the cap the count is the exact count of the first part plus
the characters after it, one each: the person sees "far too long" with the right order of magnitude.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from cm_desktop.core import networks, rules
from cm_desktop.core.ports import ServerLimits
from cm_desktop.core.rules.model import ImageFacts, Issue, Measure
from cm_desktop.core.rules.preflight import run as run_preflight

LONG_TEXT = 5_000  # characters: from here the composer measures when typing pauses, not on every key
MIN_PREVIEW_CHARS = 3_000  # a preview never shows less than this (every feed cuts well before)
# What an account's server announced; NO_LIMITS: no account chosen, the network's own defaults.
NO_LIMITS = ServerLimits()


def _limit(network: str, limits: ServerLimits) -> int:
    record = networks.get(network)
    announced = record.text_limits(limits).get("max_characters")
    return announced or record.rules.limit_defaults.get("max_characters", 500)


def rules_cap(network: str, limits: ServerLimits = NO_LIMITS) -> int:
    """How many characters of the text the rules read: twice the limit, and at least the limit + 2,000."""
    limit = _limit(network, limits)
    return limit + max(limit, 2_000)


def preview_cap(network: str, limits: ServerLimits = NO_LIMITS) -> int:
    """How many characters a preview shows: four times the "See more" cut, or the limit + 1,000."""
    cut = networks.get(network).rules.feed_cut
    wanted = cut * 4 if cut is not None else _limit(network, limits) + 1_000
    return max(MIN_PREVIEW_CHARS, wanted)


def preview_text(network: str, text: str, limits: ServerLimits = NO_LIMITS) -> str:
    cap = preview_cap(network, limits)
    return text if len(text) <= cap else text[:cap] + "…"


def measure(network: str, text: str, limits: ServerLimits) -> Measure:
    """Count `text` as `network` does (with the account server's limits), reading at most rules_cap() of it."""
    cap = rules_cap(network, limits)
    text_limits = networks.get(network).text_limits(limits)
    if len(text) <= cap:
        return rules.measure(network, text, spoiler="", **text_limits)
    measured = rules.measure(network, text[:cap], spoiler="", **text_limits)
    rest = text[cap:]
    byte_count = measured.byte_count
    if byte_count is not None:
        byte_count += len(rest.encode("utf-8", errors="replace"))
    return replace(measured, count=measured.count + len(rest), byte_count=byte_count)


def problems(
    network: str, text: str, images: Sequence[ImageFacts], limits: ServerLimits, measured: Measure
) -> list[Issue]:
    """Pre-flight `text` (at most rules_cap() characters of it) and `images` with the server's limits."""
    cap = rules_cap(network, limits)
    return run_preflight(networks.get(network), text[:cap], images, measured, limits)


class CheckCache:
    """The last measure and problems per network, reused while text, pictures and limits are the same.

    Measures (for the counters) are asked on every keystroke; problems (pre-flight) when typing pauses.
    """

    def __init__(self) -> None:
        self._measured: dict[str, tuple[tuple[str, ServerLimits], Measure]] = {}
        self._found: dict[str, tuple[tuple[str, tuple[ImageFacts, ...], ServerLimits], list[Issue]]] = {}
        self.computed = 0  # how many measures and pre-flights really ran (tests read it)

    def measure(self, network: str, text: str, limits: ServerLimits) -> Measure:
        key = (text, limits)
        found = self._measured.get(network)
        if found is not None and found[0] == key:
            return found[1]
        measured = measure(network, text, limits)
        self.computed += 1
        self._measured[network] = (key, measured)
        return measured

    def problems(
        self, network: str, text: str, images: Sequence[ImageFacts], limits: ServerLimits
    ) -> list[Issue]:
        key = (text, tuple(images), limits)
        found = self._found.get(network)
        if found is not None and found[0] == key:
            return found[1]
        issues = problems(network, text, images, limits, self.measure(network, text, limits))
        self.computed += 1
        self._found[network] = (key, issues)
        return issues

    def forget_except(self, keep: Sequence[str]) -> None:
        for cache in (self._measured, self._found):
            for network in [n for n in cache if n not in keep]:
                del cache[network]
