"""Hostile or broken input: never raises, always a clear issue, always fast (not timed here)."""

from __future__ import annotations

import pytest

from cm_desktop.core.networks import ids as network_ids
from cm_desktop.core.rules import Severity, check_report, entities, feed_cut, measure, preflight
from cm_desktop.core.rules.bluesky import detect_facets

MEGABYTE = ("Bonjour à tous 👋🏽 https://example.com/menu #resto @ami 06 12 34 56 78\n" * 15000)[:1_000_000]


@pytest.mark.parametrize("network", network_ids())
def test_one_megabyte_of_pasted_text(network: str) -> None:
    m = measure(network, MEGABYTE)
    assert not m.ok and m.over > 0
    issues = preflight(network, MEGABYTE)
    assert any(i.code.startswith("text.too_long") for i in issues)
    check_report(network, MEGABYTE, "fr")
    feed_cut(network, MEGABYTE)


@pytest.mark.parametrize("network", network_ids())
def test_lone_surrogates(network: str) -> None:
    text = "Bonjour \ud83d et \ude00 https://example.com \ud83d\ude00"
    issues = preflight(network, text)
    broken = [i for i in issues if i.code == "text.broken_characters"]
    assert len(broken) == 1 and broken[0].params["count"] == 2
    assert measure(network, text).count > 0
    check_report(network, text, "en")
    entities(network, text)
    detect_facets(text)


@pytest.mark.parametrize("network", network_ids())
def test_control_characters(network: str) -> None:
    text = "Bon\x00jour\x07 \x1b[31m rouge\ufeff"
    found = preflight(network, text)
    issue = [i for i in found if i.code == "text.invisible_characters"]
    assert len(issue) == 1 and issue[0].params["count"] == 3
    # A NUL is refused by the networks' databases: it blocks, where other hidden characters only warn.
    (null,) = [i for i in found if i.code == "text.null_characters"]
    assert null.severity is Severity.BLOCKS and null.params["count"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "javascript://example.com/%0aalert(1)",
        "data:text/html,<script>alert(1)</script> example.com",
        "http://" + "a" * 5000 + ".com",
        "#" * 10000,
        "@" * 10000,
        "." * 10000 + "com",
        "https://example.com/" + "(" * 3000,
        "https://example.com/path" + "." * 5000,
        "\u202e\u2066" * 1000,
        "\U000e0001" * 1000,
    ],
)
def test_nasty_patterns(text: str) -> None:
    for network in network_ids():
        preflight(network, text)
        check_report(network, text, "fr")
    for span in detect_facets(text):
        assert not span.value.lower().startswith(("javascript:", "data:"))


def test_javascript_url_hiding_a_domain_is_not_a_link() -> None:
    assert detect_facets("javascript://example.com/%0aalert(1)") == []
    assert entities("x", "javascript://example.com/%0aalert(1)") == []
