"""twitter-text's own conformance suite (tests/data/twitter-text, Apache-2.0): every case is a test.

Indices: the suite's extraction indices are code point offsets (the Ruby reference) and equal UTF-16
offsets for all its cases (none has astral characters before an entity); we use code points. The weighted
counter's display and valid ranges are UTF-16, as twitter-text returns them, and are compared as such.

Sections not run (checked below so a new section is noticed):
- validate.yml `tweets`: isValidTweet with the deprecated v1 rule (140 characters), which X no longer uses.
- validate.yml `urls`, `urls_without_protocol`: isValidUrl, an RFC 3986 validator (IP addresses, user info)
  that X does not use for counting or linking; our recogniser is the extractor, tested by extract.yml.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from cm_desktop.core.rules import twitter_text as tt
from cm_desktop.core.rules import x

DATA = Path(__file__).resolve().parents[2] / "data" / "twitter-text"


def _load(name: str) -> dict[str, list[dict[str, Any]]]:
    with (DATA / name).open(encoding="utf-8") as f:
        tests: dict[str, list[dict[str, Any]]] = yaml.safe_load(f)["tests"]
    return tests


EXTRACT = _load("extract.yml")
VALIDATE = _load("validate.yml")
TLDS = _load("tlds.yml")

VALIDATE_OUT_OF_SCOPE = {"tweets", "urls", "urls_without_protocol"}
# Each weighted section with the configuration twitter-text's own runners use for it.
WEIGHTED = {
    "WeightedTweetsCounterTest": x.V2,  # v2: same weights, emoji not discounted
    "WeightedTweetsWithDiscountedEmojiCounterTest": x.V3,
    "UnicodeDirectionalMarkerCounterTest": x.V3,
}


def _cases(data: dict[str, list[dict[str, Any]]], *sections: str) -> list[Any]:
    return [
        pytest.param(section, case, id=f"{section}-{n}-{case['description'][:60]}")
        for section in sections
        for n, case in enumerate(data[section])
    ]


def test_every_section_is_covered() -> None:
    ran_extract = {
        "mentions",
        "mentions_with_indices",
        "mentions_or_lists_with_indices",
        "replies",
        "urls",
        "urls_with_indices",
        "urls_with_directional_markers",
        "tco_urls_with_params",
        "hashtags",
        "hashtags_from_astral",
        "hashtags_with_indices",
        "cashtags",
        "cashtags_with_indices",
    }
    assert set(EXTRACT) == ran_extract
    assert set(VALIDATE) == VALIDATE_OUT_OF_SCOPE | set(WEIGHTED) | {"usernames", "lists", "hashtags"}


def test_v3_json_is_our_default_config() -> None:
    config = json.loads((DATA / "v3.json").read_text(encoding="utf-8"))
    assert x.WeightConfig.from_json(config) == x.V3


@pytest.mark.parametrize(("section", "case"), _cases(EXTRACT, "mentions"))
def test_mentions(section: str, case: dict[str, Any]) -> None:
    assert [e.value for e in tt.extract_mentions(case["text"])] == case["expected"]


@pytest.mark.parametrize(("section", "case"), _cases(EXTRACT, "mentions_with_indices"))
def test_mentions_with_indices(section: str, case: dict[str, Any]) -> None:
    got = [{"screen_name": e.value, "indices": [e.start, e.end]} for e in tt.extract_mentions(case["text"])]
    assert got == case["expected"]


@pytest.mark.parametrize(("section", "case"), _cases(EXTRACT, "mentions_or_lists_with_indices"))
def test_mentions_or_lists_with_indices(section: str, case: dict[str, Any]) -> None:
    got = []
    for e in tt.extract_mentions(case["text"], lists=True):
        name, _, slug = e.value.partition("/")
        got.append(
            {"screen_name": name, "list_slug": f"/{slug}" if slug else "", "indices": [e.start, e.end]}
        )
    assert got == case["expected"]


@pytest.mark.parametrize(("section", "case"), _cases(EXTRACT, "replies"))
def test_replies(section: str, case: dict[str, Any]) -> None:
    assert tt.extract_reply(case["text"]) == case["expected"]


@pytest.mark.parametrize(("section", "case"), _cases(EXTRACT, "urls", "tco_urls_with_params"))
def test_urls(section: str, case: dict[str, Any]) -> None:
    assert [e.value for e in tt.extract_urls(case["text"])] == case["expected"]


@pytest.mark.parametrize(
    ("section", "case"), _cases(EXTRACT, "urls_with_indices", "urls_with_directional_markers")
)
def test_urls_with_indices(section: str, case: dict[str, Any]) -> None:
    text = case["text"]
    got = [{"url": e.value, "indices": [e.start, e.end]} for e in tt.extract_urls(text)]
    assert got == case["expected"]
    assert all(text[e.start : e.end] == e.value for e in tt.extract_urls(text))


@pytest.mark.parametrize(("section", "case"), _cases(EXTRACT, "hashtags", "hashtags_from_astral"))
def test_hashtags(section: str, case: dict[str, Any]) -> None:
    assert [e.value for e in tt.extract_hashtags(case["text"])] == case["expected"]


@pytest.mark.parametrize(("section", "case"), _cases(EXTRACT, "hashtags_with_indices"))
def test_hashtags_with_indices(section: str, case: dict[str, Any]) -> None:
    got = [{"hashtag": e.value, "indices": [e.start, e.end]} for e in tt.extract_hashtags(case["text"])]
    assert got == case["expected"]


@pytest.mark.parametrize(("section", "case"), _cases(EXTRACT, "cashtags"))
def test_cashtags(section: str, case: dict[str, Any]) -> None:
    assert [e.value for e in tt.extract_cashtags(case["text"])] == case["expected"]


@pytest.mark.parametrize(("section", "case"), _cases(EXTRACT, "cashtags_with_indices"))
def test_cashtags_with_indices(section: str, case: dict[str, Any]) -> None:
    got = [{"cashtag": e.value, "indices": [e.start, e.end]} for e in tt.extract_cashtags(case["text"])]
    assert got == case["expected"]


@pytest.mark.parametrize(("section", "case"), _cases(VALIDATE, *WEIGHTED))
def test_weighted_length(section: str, case: dict[str, Any]) -> None:
    config = WEIGHTED[section]
    parsed = x.parse_tweet(case["text"], config)
    got = {
        "weightedLength": parsed.weighted_length,
        "valid": parsed.valid,
        "permillage": parsed.permillage,
        "displayRangeStart": 0,
        "displayRangeEnd": parsed.display_range_end,
        "validRangeStart": 0,
        "validRangeEnd": parsed.valid_range_end,
    }
    assert got == case["expected"]
    # The fast path used on every keystroke agrees with the reference walk.
    assert x.weighted_length(case["text"], config) == case["expected"]["weightedLength"]


@pytest.mark.parametrize(("section", "case"), _cases(VALIDATE, "usernames", "lists", "hashtags"))
def test_validate_entities(section: str, case: dict[str, Any]) -> None:
    check = {"usernames": tt.is_valid_username, "lists": tt.is_valid_list, "hashtags": tt.is_valid_hashtag}
    assert check[section](case["text"]) is case["expected"]


@pytest.mark.parametrize(("section", "case"), _cases(TLDS, "country", "generic"))
def test_every_tld_is_recognised(section: str, case: dict[str, Any]) -> None:
    assert [e.value for e in tt.extract_urls(case["text"])] == case["expected"]


def test_packaged_tld_list_matches_the_conformance_file() -> None:
    country, generic = tt.tlds()
    prefix = "https://twitter."
    assert list(country) == [c["text"].removeprefix(prefix) for c in TLDS["country"]]
    assert list(generic) == [c["text"].removeprefix(prefix) for c in TLDS["generic"]]
