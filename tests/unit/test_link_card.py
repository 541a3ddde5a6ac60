"""Reading a page's Open Graph tags, choosing which link gets a card, and the card cache on disk.

The pages below are hand-written after the heads that common site builders produce (a WordPress shop with
Yoast SEO, a Shopify product page, a hand-made association site, an old ISO-8859-1 page). They are not
copies of real pages: they reproduce the shapes that matter (scripts and styles before the tags,
protocol-relative and relative picture links, entities, duplicate tags, tags after the head).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cm_desktop.core.link_card import (
    MAX_TITLE,
    LinkCardCache,
    PageCard,
    card_link,
    card_links,
    decode_html,
    parse_card,
)

# Fixture: the head a WordPress 6 + WooCommerce + Yoast SEO shop page emits (shape, not a copy).
WORDPRESS_SHOP = """<!DOCTYPE html>
<html lang="fr-FR">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<script>document.documentElement.className = document.documentElement.className + ' yes-js';</script>
<title>Galette des rois frangipane &#8211; Boulangerie Martin</title>
<meta name="description" content="Galette pur beurre, frangipane maison. Retrait rue Merci&egrave;re." />
<link rel="canonical" href="https://boulangerie-martin.fr/produit/galette/" />
<meta property="og:locale" content="fr_FR" />
<meta property="og:type" content="product" />
<meta property="og:title" content="Galette des rois frangipane &#8211; Boulangerie Martin" />
<meta property="og:description" content="Galette pur beurre, frangipane maison.
  Retrait en boutique, rue Merci&egrave;re &amp; livraison à Lyon 2e." />
<meta property="og:url" content="https://boulangerie-martin.fr/produit/galette/" />
<meta property="og:site_name" content="Boulangerie Martin" />
<meta property="og:image" content="https://boulangerie-martin.fr/wp-content/uploads/2027/01/galette-1200x630.jpg" />
<meta property="og:image:width" content="1200" />
<meta property="og:image:height" content="630" />
<meta property="og:image:type" content="image/jpeg" />
<meta name="twitter:card" content="summary_large_image" />
<style id='wp-block-library-inline-css'>
.wp-block-button__link{color:#fff;background-color:#32373c}
</style>
<script type="application/ld+json" class="yoast-schema-graph">{"@context":"https://schema.org","@graph":[]}</script>
</head>
<body class="product-template-default single single-product">
<meta property="og:title" content="A tag in the body must not win" />
<p>Contenu</p>
</body>
</html>
"""

# Fixture: a Shopify product page head (shape, not a copy): http og:image, protocol-relative secure_url,
# twitter:* duplicates, the title only in og:title.
SHOPIFY_PRODUCT = """<!doctype html>
<html class="no-js" lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="X-UA-Compatible" content="IE=edge">
  <link rel="preconnect" href="https://cdn.shopify.com" crossorigin>
  <title>
    Hand-thrown stoneware mug
 &ndash; Atelier Céramique</title>
  <meta property="og:site_name" content="Atelier Céramique">
  <meta property="og:url" content="https://atelier-ceramique.com/products/mug">
  <meta property="og:title" content="Hand-thrown stoneware mug">
  <meta property="og:type" content="product">
  <meta property="og:description" content="Glazed by hand in our Nantes workshop. Each mug is unique.">
  <meta property="og:image" content="http://atelier-ceramique.com/cdn/shop/products/mug.jpg?v=1700000000">
  <meta property="og:image:secure_url" content="//atelier-ceramique.com/cdn/shop/products/mug.jpg?v=1700000000">
  <meta property="og:price:amount" content="32,00">
  <meta name="twitter:card" content="summary_large_image">
  <meta name="twitter:title" content="Hand-thrown stoneware mug">
  <meta name="twitter:description" content="Glazed by hand in our Nantes workshop. Each mug is unique.">
  <script>window.ShopifyAnalytics = window.ShopifyAnalytics || {};</script>
</head>
<body></body></html>
"""

# Fixture: a hand-made association site: no og: tags at all, a relative picture in twitter:image, <base>.
ASSOCIATION = """<html><head>
<base href="https://asso-jardins.org/blog/">
<TITLE>Troc de graines : samedi 14 mars</TITLE>
<META NAME="Description" CONTENT="Apportez vos graines, repartez avec celles des autres.">
<meta name="twitter:image" content="images/troc.png">
</head><body>...</body></html>
"""


def test_wordpress_shop_head() -> None:
    card = parse_card(WORDPRESS_SHOP, "https://boulangerie-martin.fr/produit/galette/")
    assert card == PageCard(
        url="https://boulangerie-martin.fr/produit/galette/",
        title="Galette des rois frangipane – Boulangerie Martin",
        description="Galette pur beurre, frangipane maison. Retrait en boutique, rue Mercière & livraison à Lyon 2e.",
        image_url="https://boulangerie-martin.fr/wp-content/uploads/2027/01/galette-1200x630.jpg",
        site_name="Boulangerie Martin",
    )


def test_shopify_product_prefers_the_secure_picture_and_keeps_the_link_as_typed() -> None:
    card = parse_card(SHOPIFY_PRODUCT, "https://atelier-ceramique.com/products/mug?variant=1")
    assert card.url == "https://atelier-ceramique.com/products/mug?variant=1"
    assert card.title == "Hand-thrown stoneware mug"
    assert card.image_url == "https://atelier-ceramique.com/cdn/shop/products/mug.jpg?v=1700000000"
    assert card.site_name == "Atelier Céramique"


def test_page_without_open_graph_falls_back_to_title_description_and_base() -> None:
    card = parse_card(ASSOCIATION, "https://asso-jardins.org/blog/troc")
    assert card.title == "Troc de graines : samedi 14 mars"
    assert card.description == "Apportez vos graines, repartez avec celles des autres."
    assert card.image_url == "https://asso-jardins.org/blog/images/troc.png"


def test_nothing_useful_gives_an_empty_card_and_odd_pictures_are_dropped() -> None:
    page = '<head><meta property="og:image" content="javascript:alert(1)"></head>'
    card = parse_card(page, "https://example.com/")
    assert card.empty and card.image_url == ""


def test_long_titles_are_cut_and_a_page_cut_mid_tag_keeps_what_came_before() -> None:
    title = "Très " * 200
    page = f'<head><meta property="og:title" content="{title}"><meta property=og:description content=Court>'
    page += '<meta property="og:image" content="https://example.com/pic'  # cut here by the size cap
    card = parse_card(page, "https://example.com/")
    assert len(card.title) == MAX_TITLE and card.title.endswith("…")
    assert card.description == "Court"
    assert card.image_url == ""  # half a tag is not trusted


def test_a_huge_page_stops_at_the_end_of_its_head() -> None:
    body = "<p>" + "x" * 5_000_000 + "</p>"
    page = f'<head><meta property="og:title" content="Vite"></head><body>{body}</body>'
    assert parse_card(page, "https://example.com/").title == "Vite"


# --- encodings --------------------------------------------------------------------------------------------


def test_decoding_follows_header_then_meta_then_utf8() -> None:
    latin = (
        '<head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Café</title>'
    )
    raw = latin.encode("latin-1")
    assert "Café" in decode_html(raw)
    assert "Café" in decode_html(raw, "text/html; charset=ISO-8859-1")
    assert "Café" in decode_html("<title>Café ☕</title>".encode(), "text/html")
    assert decode_html(b"\xef\xbb\xbf<title>BOM</title>") == "<title>BOM</title>"
    # "windows-1252" from the header wins over a wrong <meta charset>.
    assert "Crème" in decode_html(
        '<meta charset="utf-8"><title>Crème'.encode("cp1252"), "text/html; charset=windows-1252"
    )


def test_broken_utf8_keeps_the_good_parts_and_reads_stray_bytes_as_windows_1252() -> None:
    raw = "<title>Crème brûlée ✨ ".encode() + "à emporter".encode("cp1252") + b"</title>"
    assert parse_card(decode_html(raw, "text/html; charset=utf-8"), "https://e.fr/").title == (
        "Crème brûlée ✨ à emporter"
    )
    assert decode_html(b"<title>\xff\xfe\x00", "text/html; charset=no-such-codec")  # never raises


# --- which link --------------------------------------------------------------------------------------------


def test_the_card_comes_from_the_first_link_except_on_x_and_mastodon_needs_a_scheme() -> None:
    text = "Nouvelle carte sur boulangerie-martin.fr et la galette https://boulangerie-martin.fr/galette !"
    assert card_links(text) == ["https://boulangerie-martin.fr", "https://boulangerie-martin.fr/galette"]
    assert card_link("facebook", text) == "https://boulangerie-martin.fr"
    assert card_link("x", text) == "https://boulangerie-martin.fr/galette"
    assert card_link("mastodon", text) == "https://boulangerie-martin.fr/galette"
    assert card_link("bluesky", "Pas de lien ici.") is None


# --- the cache ---------------------------------------------------------------------------------------------


def test_cache_round_trip_freshness_and_failures(tmp_path: Path) -> None:
    cache = LinkCardCache(tmp_path / "cards")
    now = datetime(2027, 1, 6, 9, 0, tzinfo=UTC)
    card = PageCard("https://e.fr/a", "Titre é", "Desc", "https://e.fr/p.jpg")
    stored = cache.put("https://e.fr/a", card, now, b"\xff\xd8jpeg", ".jpg")
    again = cache.get("https://e.fr/a")
    assert again is not None and again.card == card and again.image_path == stored.image_path
    assert again.image_path is not None and again.image_path.read_bytes() == b"\xff\xd8jpeg"
    assert again.fresh(now + timedelta(days=6)) and not again.fresh(now + timedelta(days=8))
    failed = cache.put("https://e.fr/b", None, now, problem="timeout")
    assert failed.fresh(now + timedelta(minutes=30)) and not failed.fresh(now + timedelta(hours=2))
    assert cache.get("https://e.fr/b") == failed
    assert cache.get("https://e.fr/never") is None
    # A damaged entry is treated as missing, never as an error.
    next(p for p in (tmp_path / "cards").glob("*.json")).write_text("{not json", encoding="utf-8")
    assert None in (cache.get("https://e.fr/a"), cache.get("https://e.fr/b"))


def test_cache_stays_within_its_budget(tmp_path: Path) -> None:
    cache = LinkCardCache(tmp_path / "cards", budget_bytes=25_000)
    now = datetime(2027, 1, 6, tzinfo=UTC)
    for i in range(5):
        cache.put(f"https://e.fr/{i}", PageCard(f"https://e.fr/{i}", "T"), now, b"x" * 10_000, ".jpg")
    total = sum(p.stat().st_size for p in (tmp_path / "cards").iterdir())
    assert total <= 25_000
    assert cache.get("https://e.fr/4") is not None


@pytest.mark.parametrize("network", ["bluesky", "facebook", "linkedin", "threads"])
def test_bare_domains_get_https(network: str) -> None:
    assert card_link(network, "Voir exemple.com/menu") == "https://exemple.com/menu"
