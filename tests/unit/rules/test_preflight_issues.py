"""Pre-flight issues: stable codes, plain words in both languages, a fix the editor can apply."""

from __future__ import annotations

import string

import pytest

from cm_desktop.core.i18n import LANGS
from cm_desktop.core.networks import ids as network_ids
from cm_desktop.core.rules import Fix, ImageFacts, Issue, Severity, check_report, preflight
from cm_desktop.core.rules.messages import MESSAGES

PHOTO = ImageFacts(width=1080, height=1350, byte_size=900_000, format="jpeg", alt="Une tarte aux pommes")


def _codes(issues: list[Issue]) -> list[str]:
    return [i.code for i in issues]


def _one(issues: list[Issue], code: str) -> Issue:
    found = [i for i in issues if i.code == code]
    assert len(found) == 1, _codes(issues)
    return found[0]


def test_every_message_has_both_languages_and_known_placeholders() -> None:
    formatter = string.Formatter()
    for code, text in MESSAGES.items():
        assert text.en and text.fr, code
        names_en = {f for _, f, _, _ in formatter.parse(text.en) if f}
        names_fr = {f for _, f, _, _ in formatter.parse(text.fr) if f}
        assert names_en == names_fr, code


def test_too_long_says_by_how_much() -> None:
    issue = _one(preflight("mastodon", "a" * 523), "text.too_long")
    assert issue.severity is Severity.BLOCKS
    assert issue.fix == Fix("shorten", 23, "characters")
    assert issue.text("en") == "Your text is too long for Mastodon: shorten it by 23 characters."
    assert "raccourcissez-le de 23 caractères" in issue.text("fr")


def test_x_explains_double_counting() -> None:
    issue = _one(preflight("x", "漢" * 141), "text.too_long_weighted")
    assert issue.fix == Fix("shorten", 2, "characters")


def test_bluesky_bytes() -> None:
    issue = _one(preflight("bluesky", "👨‍👩‍👧‍👦" * 200), "text.too_many_bytes")
    assert issue.fix == Fix("shorten", 2000, "bytes")


@pytest.mark.parametrize("network", network_ids())
@pytest.mark.parametrize("text", ["", "   \n\t  ", "\u200b\u00a0"])
def test_empty_text(network: str, text: str) -> None:
    issue = _one(preflight(network, text), "text.empty")
    assert issue.severity is Severity.BLOCKS
    with_image = preflight(network, text, [PHOTO])
    assert "text.empty" not in _codes(with_image)


def test_alt_text() -> None:
    no_alt = ImageFacts(1200, 800, 500_000, "png")
    issue = _one(preflight("bluesky", "Nouveau !", [no_alt]), "image.alt_missing")
    assert issue.severity is Severity.WARNING and issue.fix == Fix("add_alt", image=0)
    assert issue.text("en") == "Describe image 1 for people who cannot see it."
    assert _one(preflight("mastodon", "Nouveau !", [no_alt]), "image.alt_missing").severity is Severity.TIP
    assert "image.alt_missing" not in _codes(preflight("google_business", "Nouveau !", [no_alt]))
    long_alt = ImageFacts(1200, 800, 500_000, "png", alt="a" * 1005)
    assert _one(preflight("x", "hi", [long_alt]), "image.alt_too_long").fix == Fix(
        "shorten_alt", 5, "characters", image=0
    )


def test_instagram_rules() -> None:
    text = "Nouveau menu ! " + " ".join(f"#tag{n}a" for n in range(31)) + " https://example.com"
    issues = preflight("instagram", text)
    assert _one(issues, "images.required").fix == Fix("add_image")
    assert _one(issues, "images.required").text("en") == "Instagram needs at least one image."
    assert _one(issues, "hashtags.too_many").fix == Fix("remove_hashtags", 1, "hashtags")
    assert _one(issues, "link.not_clickable").severity is Severity.WARNING
    assert "text.feed_cut" in _codes(issues)
    mentions = " ".join(f"@user{n}" for n in range(21))
    assert _one(preflight("instagram", mentions, [PHOTO]), "mentions.too_many").params["over"] == 1


def test_instagram_crop_and_format() -> None:
    square_ok = ImageFacts(1080, 1080, 500_000, "jpeg", alt="x")
    tall = ImageFacts(1080, 1920, 500_000, "jpeg", alt="x")
    wide = ImageFacts(3000, 1000, 500_000, "png", alt="x")
    issues = preflight("instagram", "Bonjour", [square_ok, tall, wide])
    crops = [i for i in issues if i.code == "image.cropped"]
    assert [c.fix for c in crops] == [
        Fix("crop", image=1, target="4:5"),
        Fix("crop", image=2, target="1.91:1"),
    ]
    assert crops[0].text("en").startswith("Image 2 will be cropped to 4:5")
    assert _one(issues, "image.format").fix == Fix("convert_image", image=2, target="jpeg")


def test_image_limits() -> None:
    heavy = ImageFacts(4000, 3000, 3_000_000, "jpeg", alt="x")
    five = [PHOTO] * 5
    assert _one(preflight("bluesky", "hi", [heavy]), "image.too_heavy").fix == Fix("resize_image", image=0)
    assert _one(preflight("bluesky", "hi", five), "images.too_many").fix == Fix("remove_images", 1, "images")
    tiny = ImageFacts(300, 200, 10_000, "jpeg")
    assert _one(preflight("google_business", "Soldes", [tiny]), "image.too_small").severity is Severity.BLOCKS
    gif = ImageFacts(400, 400, 10_000, "gif", alt="x", animated=True)
    assert _one(preflight("x", "hi", [gif, PHOTO]), "image.animated_alone").severity is Severity.BLOCKS
    assert _one(preflight("bluesky", "hi", [gif]), "image.animated").severity is Severity.WARNING
    huge = ImageFacts(6000, 4000, 9_000_000, "jpeg", alt="x")
    assert _one(preflight("mastodon", "hi", [huge]), "image.downscaled").severity is Severity.TIP
    assert "image.aspect_tip" in _codes(
        preflight("pinterest", "Recette", [ImageFacts(1000, 1000, 1000, "png", "x")])
    )


@pytest.mark.parametrize(
    "phone", ["06 12 34 56 78", "+33 6 12 34 56 78", "01.23.45.67.89", "(555) 123-4567", "0612345678"]
)
def test_google_business_refuses_phone_numbers(phone: str) -> None:
    issue = _one(preflight("google_business", f"Appelez le {phone} !"), "phone.in_text")
    assert issue.severity is Severity.BLOCKS
    assert issue.params["phone"] in (phone, phone.lstrip("("))
    assert issue.fix is not None and issue.fix.kind == "remove_text"


@pytest.mark.parametrize(
    "text", ["Ouvert le 2024-05-01", "Le 01/05/2024 de 9h à 18h", "Prix : 1 200 €", "Code 75011"]
)
def test_google_business_dates_and_prices_are_not_phones(text: str) -> None:
    assert "phone.in_text" not in _codes(preflight("google_business", text))


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "JavaScript:void(0)", "data:text/html;base64,PHNjcmlwdD4="]
)
def test_javascript_and_data_urls_are_never_links(url: str) -> None:
    for network in network_ids():
        issues = preflight(network, f"Cliquez {url}")
        issue = _one(issues, "link.not_a_link")
        assert issue.severity is Severity.WARNING
        report = check_report(network, f"Cliquez {url}", "fr")
        assert all(e["kind"] != "url" for e in report["entities"])
    assert check_report("bluesky", f"Cliquez {url}", "en")["facets"] == []


def test_issues_sorted_by_severity() -> None:
    issues = preflight("instagram", "a" * 2300 + " https://example.com")
    order = [i.severity for i in issues]
    assert order == sorted(order, key=[Severity.BLOCKS, Severity.WARNING, Severity.TIP].index)


@pytest.mark.parametrize("network", network_ids())
@pytest.mark.parametrize("lang", LANGS)
def test_check_report_shape(network: str, lang: str) -> None:
    report = check_report(network, "Bonjour @alice.bsky.social https://example.com #café", lang)  # type: ignore[arg-type]
    assert {"network", "count", "limit", "ok", "issues", "entities"} <= set(report)
    for issue in report["issues"]:
        assert set(issue) >= {"code", "severity", "message", "fix"}
        assert "{" not in issue["message"]
    if network == "bluesky":
        assert [f["kind"] for f in report["facets"]] == ["mention", "link", "tag"]
        assert all(set(f) == {"kind", "byte_start", "byte_end", "value"} for f in report["facets"])
    else:
        assert "facets" not in report
