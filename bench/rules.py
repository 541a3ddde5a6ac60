"""Time the network rules on a 2,000-character mixed text: prints figures, never asserts.

Run: .venv/bin/python bench/rules.py
Target: measuring one text for all nine networks together in <= 2 ms (a keystroke in the composer).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from cm_desktop.core.networks import ids as network_ids
from cm_desktop.core.rules import check_report, measure, preflight
from cm_desktop.core.rules.bluesky import detect_facets

PARAGRAPH = (
    "Bonjour à toutes et à tous ! 👋🏽 Notre boulangerie rouvre lundi avec une nouvelle carte : "
    "https://boulangerie-exemple.fr/carte?saison=été et exemple.com/menu. Merci @alice.bsky.social "
    "et @bob@mastodon.social 👨‍👩‍👧 #boulangerie #fait_maison $AAPL 🇫🇷 Ελληνικά, العربية, 日本語のテキスト. "
    "Appelez le 06 12 34 56 78.\n"
)
TEXT = (PARAGRAPH * (2000 // len(PARAGRAPH) + 1))[:2000]


def median_ms(action: Callable[[], object], runs: int = 200) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    for network in network_ids():  # compile the recognisers once, as the app does at its first keystroke
        check_report(network, TEXT, "en")
    print(f"text: {len(TEXT)} characters")
    # A composer keystroke changes the text, so nothing can be reused between two runs: every run gets a text
    # of its own (the rules keep a small cache of links and counts per text, shared by the networks).
    counter = iter(range(10**9))

    def fresh() -> str:
        return TEXT[:-6] + f"{next(counter):06d}"

    print(f"{'network':<16} {'measure ms':>10} {'preflight ms':>13}")
    for network in network_ids():
        m = median_ms(lambda network=network: measure(network, fresh()))  # type: ignore[misc]
        p = median_ms(lambda network=network: preflight(network, fresh()))  # type: ignore[misc]
        print(f"{network:<16} {m:>10.3f} {p:>13.3f}")

    def all_nine() -> None:
        text = fresh()
        for network in network_ids():
            measure(network, text)

    print(f"all nine networks, measure: median {median_ms(all_nine):.3f} ms (target <= 2 ms)")
    print(f"bluesky detect_facets: median {median_ms(lambda: detect_facets(TEXT)):.3f} ms")


if __name__ == "__main__":
    main()
