"""Trades: what the person typed ("fleuriste", "club de foot", "hairdresser") mapped to a trade, its family and
its kind of business, so the plan's ideas fit her trade and never name another trade's products.

A family groups trades that sell the same things (a florist and a flower stall; a baker and a pastry cook);
each family lists its product words (`PRODUCT_WORDS`): an idea written for one family may use them, no idea
offered to another family may (tests/unit/test_trades.py checks every trade against every idea).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from cm_desktop.core.i18n import LANGS, Lang, Text
from cm_desktop.core.models import BusinessKind

K = BusinessKind


@dataclass(frozen=True)
class Trade:
    code: str
    family: str
    kind: BusinessKind
    name: Text
    synonyms: tuple[str, ...]  # French and English, as people type them (accents and case do not matter)


def _t(code: str, family: str, kind: BusinessKind, en: str, fr: str, *synonyms: str) -> Trade:
    return Trade(code, family, kind, Text(en=en, fr=fr), (en, fr, *synonyms))


TRADES: tuple[Trade, ...] = (
    # Shops
    _t(
        "florist",
        "flowers",
        K.SHOP,
        "Florist",
        "Fleuriste",
        "fleuristerie",
        "fleurs",
        "flower shop",
        "flowers",
        "artisan fleuriste",
        "boutique de fleurs",
    ),
    _t(
        "baker",
        "bakery",
        K.SHOP,
        "Baker",
        "Boulangerie",
        "boulanger",
        "boulangere",
        "bakery",
        "boulangerie patisserie",
        "pain",
    ),
    _t(
        "pastry",
        "bakery",
        K.SHOP,
        "Pastry shop",
        "Pâtisserie",
        "patissier",
        "patissiere",
        "patisserie",
        "pastry chef",
        "cake shop",
        "chocolatier",
        "chocolaterie",
    ),
    _t(
        "bookshop",
        "books",
        K.SHOP,
        "Bookshop",
        "Librairie",
        "libraire",
        "bookstore",
        "bookseller",
        "bouquiniste",
        "librairie papeterie",
    ),
    _t("stationery", "books", K.SHOP, "Stationery shop", "Papeterie", "stationer", "stationery"),
    _t(
        "grocer",
        "food_shop",
        K.SHOP,
        "Grocer",
        "Épicerie",
        "epicier",
        "epiciere",
        "epicerie fine",
        "grocery",
        "delicatessen",
        "epicerie vrac",
        "zero dechet",
    ),
    _t("cheese", "food_shop", K.SHOP, "Cheese shop", "Fromagerie", "fromager", "fromagere", "cheesemonger"),
    _t(
        "butcher",
        "food_shop",
        K.SHOP,
        "Butcher",
        "Boucherie",
        "boucher",
        "bouchere",
        "charcuterie",
        "charcutier",
        "traiteur charcutier",
    ),
    _t(
        "wine",
        "food_shop",
        K.SHOP,
        "Wine shop",
        "Cave à vin",
        "caviste",
        "cave",
        "wine merchant",
        "bar a vin",
    ),
    _t(
        "greengrocer",
        "food_shop",
        K.SHOP,
        "Greengrocer",
        "Primeur",
        "marchand de fruits et legumes",
        "fruits et legumes",
        "maraicher",
        "maraichere",
    ),
    _t(
        "fashion",
        "clothing",
        K.SHOP,
        "Clothes shop",
        "Boutique de vêtements",
        "pret a porter",
        "friperie",
        "vetements",
        "fashion boutique",
        "clothing store",
        "thrift shop",
        "boutique de mode",
        "mode",
    ),
    _t(
        "hairdresser",
        "hair_beauty",
        K.SHOP,
        "Hairdresser",
        "Coiffeuse",
        "coiffeur",
        "salon de coiffure",
        "coiffure",
        "hair salon",
        "hairstylist",
    ),
    _t("barber", "hair_beauty", K.SHOP, "Barber", "Barbier", "barber shop", "barbershop"),
    _t(
        "beauty",
        "hair_beauty",
        K.SHOP,
        "Beautician",
        "Esthéticienne",
        "estheticien",
        "institut de beaute",
        "onglerie",
        "prothesiste ongulaire",
        "nail salon",
        "beauty salon",
        "estheticienne",
    ),
    _t(
        "pet_groomer",
        "pets",
        K.SHOP,
        "Dog groomer",
        "Toiletteur",
        "toiletteuse",
        "toilettage",
        "animalerie",
        "pet shop",
        "pet groomer",
        "pension canine",
    ),
    # Food and drink
    _t(
        "restaurant",
        "restaurant",
        K.RESTAURANT,
        "Restaurant",
        "Restaurant",
        "bistrot",
        "bistro",
        "brasserie",
        "pizzeria",
        "creperie",
        "auberge",
        "cantine",
    ),
    _t(
        "cafe",
        "restaurant",
        K.RESTAURANT,
        "Café",
        "Café",
        "cafe",
        "coffee shop",
        "salon de the",
        "tea room",
        "bar",
        "coffee",
    ),
    _t("caterer", "restaurant", K.RESTAURANT, "Caterer", "Traiteur", "catering", "food truck"),
    # Crafts
    _t(
        "ceramist",
        "ceramics",
        K.CRAFT,
        "Ceramist",
        "Céramiste",
        "potier",
        "potiere",
        "poterie",
        "potter",
        "pottery",
        "ceramique",
        "ceramics",
    ),
    _t(
        "jeweller",
        "jewellery",
        K.CRAFT,
        "Jeweller",
        "Bijoutier",
        "bijoutiere",
        "createur de bijoux",
        "creatrice de bijoux",
        "joaillier",
        "jeweler",
        "jewellery maker",
        "bijoux",
    ),
    _t(
        "woodworker",
        "woodwork",
        K.CRAFT,
        "Cabinetmaker",
        "Ébéniste",
        "ebeniste",
        "menuisier",
        "menuisiere",
        "woodworker",
        "carpenter",
        "charpentier",
        "tourneur sur bois",
    ),
    _t(
        "seamstress",
        "textile",
        K.CRAFT,
        "Seamstress",
        "Couturière",
        "couturier",
        "tailleur",
        "tailor",
        "retouches",
        "tapissier",
        "tapissiere",
        "upholsterer",
        "creatrice textile",
        "couture",
    ),
    _t(
        "landscaper",
        "garden",
        K.SMALL_FIRM,
        "Landscape gardener",
        "Paysagiste",
        "jardinier",
        "jardiniere",
        "landscaper",
        "gardener",
        "pepiniere",
        "pepinieriste",
        "garden centre",
        "jardinerie",
    ),
    _t(
        "plumber",
        "repairs",
        K.SMALL_FIRM,
        "Plumber",
        "Plombier",
        "plombiere",
        "chauffagiste",
        "heating engineer",
    ),
    _t("electrician", "repairs", K.SMALL_FIRM, "Electrician", "Électricien", "electricien", "electricienne"),
    _t(
        "mechanic",
        "repairs",
        K.SMALL_FIRM,
        "Garage",
        "Garagiste",
        "garage",
        "mecanicien",
        "mechanic",
        "car repair",
        "reparateur de velos",
        "bike repair",
    ),
    # Artists
    _t(
        "painter",
        "visual_art",
        K.ARTIST,
        "Painter",
        "Peintre",
        "artiste peintre",
        "painter",
        "aquarelliste",
        "illustratrice",
        "illustrateur",
        "illustrator",
        "sculpteur",
        "sculptrice",
        "sculptor",
        "artiste plasticien",
        "artiste plasticienne",
        "artist",
    ),
    _t(
        "photographer",
        "photography",
        K.ARTIST,
        "Photographer",
        "Photographe",
        "photographer",
        "photo studio",
        "studio photo",
    ),
    # Associations and clubs
    _t(
        "football_club",
        "sports_club",
        K.ASSOCIATION,
        "Football club",
        "Club de foot",
        "club de football",
        "football",
        "foot",
        "soccer club",
        "club de rugby",
        "rugby club",
        "rugby",
        "club de basket",
        "basketball club",
        "club de handball",
        "club de volley",
    ),
    _t(
        "tennis_club",
        "sports_club",
        K.ASSOCIATION,
        "Tennis club",
        "Club de tennis",
        "tennis",
        "club de badminton",
        "club de ping pong",
        "table tennis club",
    ),
    _t(
        "sports_club",
        "sports_club",
        K.ASSOCIATION,
        "Sports club",
        "Club de sport",
        "association sportive",
        "club sportif",
        "club de judo",
        "club de natation",
        "swimming club",
        "club de cyclisme",
        "cycling club",
        "club de randonnee",
        "hiking club",
        "running club",
        "club de course",
    ),
    _t("choir", "music", K.ASSOCIATION, "Choir", "Chorale", "choeur", "chorus", "ensemble vocal"),
    _t(
        "music_school",
        "music",
        K.ASSOCIATION,
        "Music school",
        "École de musique",
        "ecole de musique",
        "fanfare",
        "harmonie",
        "orchestre",
        "orchestra",
        "brass band",
        "conservatoire",
    ),
    _t(
        "charity",
        "charity",
        K.ASSOCIATION,
        "Charity",
        "Association caritative",
        "banque alimentaire",
        "food bank",
        "restos du coeur",
        "secours populaire",
        "solidarite",
        "entraide",
        "charity shop",
        "ressourcerie",
        "recyclerie",
    ),
    _t(
        "animal_shelter",
        "charity",
        K.ASSOCIATION,
        "Animal shelter",
        "Refuge pour animaux",
        "refuge",
        "spa",
        "animal rescue",
        "protection animale",
    ),
    _t(
        "theatre_group",
        "stage",
        K.ASSOCIATION,
        "Theatre group",
        "Troupe de théâtre",
        "theatre",
        "troupe",
        "compagnie de theatre",
        "theatre company",
        "amateur dramatics",
        "club de danse",
        "ecole de danse",
        "dance school",
    ),
    # Wellbeing
    _t(
        "massage",
        "wellbeing",
        K.FREELANCER,
        "Massage therapist",
        "Masseuse",
        "masseur",
        "massage",
        "naturopathe",
        "sophrologue",
        "reflexologue",
        "osteopathe",
        "naturopath",
    ),
    _t(
        "yoga",
        "wellbeing",
        K.FREELANCER,
        "Yoga teacher",
        "Professeur de yoga",
        "yoga",
        "pilates",
        "professeure de yoga",
        "studio de yoga",
        "yoga studio",
        "meditation",
    ),
    # Lodging
    _t(
        "guest_house",
        "lodging",
        K.SMALL_FIRM,
        "Guest house",
        "Chambre d'hôtes",
        "chambres d'hotes",
        "gite",
        "gites",
        "b&b",
        "bed and breakfast",
        "camping",
        "campsite",
        "hotel",
        "holiday cottage",
    ),
    # Office and freelance work
    _t(
        "graphic_designer",
        "studio_work",
        K.FREELANCER,
        "Graphic designer",
        "Graphiste",
        "designer",
        "webdesigner",
        "web designer",
        "developpeur",
        "developpeuse",
        "developer",
        "traductrice",
        "traducteur",
        "translator",
        "redactrice",
        "redacteur",
        "copywriter",
        "consultante",
        "consultant",
    ),
    _t(
        "accountant",
        "office",
        K.SMALL_FIRM,
        "Accountant",
        "Expert-comptable",
        "expert comptable",
        "cabinet comptable",
        "comptable",
        "accounting firm",
        "agence immobiliere",
        "estate agent",
        "real estate agency",
        "assurance",
        "insurance broker",
        "notaire",
    ),
)

# The products each family may name. Words, not stems: matched whole, without regard to case; French
# words in French texts, English words in English texts.
PRODUCT_WORDS: dict[str, dict[Lang, tuple[str, ...]]] = {
    "flowers": {
        "fr": (
            "fleur",
            "fleurs",
            "bouquet",
            "bouquets",
            "tulipe",
            "tulipes",
            "pivoine",
            "pivoines",
            "rose",
            "roses",
            "composition florale",
            "compositions florales",
        ),
        "en": ("flower", "flowers", "bouquet", "bouquets", "tulip", "tulips", "peony", "peonies", "roses"),
    },
    "bakery": {
        "fr": (
            "pain",
            "pains",
            "baguette",
            "baguettes",
            "croissant",
            "croissants",
            "viennoiserie",
            "viennoiseries",
            "brioche",
            "brioches",
            "fournée",
            "galette",
            "galettes",
            "farine",
            "gâteau",
            "gâteaux",
            "pâtisserie",
            "pâtisseries",
        ),
        "en": (
            "bread",
            "loaf",
            "loaves",
            "baguette",
            "croissant",
            "croissants",
            "pastry",
            "pastries",
            "batch",
            "cake",
            "cakes",
            "flour",
            "oven",
        ),
    },
    "books": {
        "fr": ("livre", "livres", "roman", "romans", "dédicace", "dédicaces", "libraire"),
        "en": ("books", "novel", "novels", "book signing", "bookseller"),
    },
    "food_shop": {
        "fr": ("fromage", "fromages", "vin", "vins", "viande", "viandes", "légumes", "saucisson"),
        "en": ("cheese", "cheeses", "wine", "wines", "meat", "vegetables"),
    },
    "clothing": {
        "fr": ("vêtement", "vêtements", "tenue", "tenues", "robe", "robes", "pull", "pulls"),
        "en": ("clothes", "clothing", "outfit", "outfits", "dress", "dresses", "jumper", "jumpers"),
    },
    "hair_beauty": {
        "fr": (
            "coupe",
            "coupes",
            "coiffure",
            "coiffures",
            "brushing",
            "mèches",
            "barbe",
            "manucure",
            "soin du visage",
        ),
        "en": (
            "haircut",
            "haircuts",
            "hairstyle",
            "hairstyles",
            "blow-dry",
            "highlights",
            "beard",
            "manicure",
            "facial",
        ),
    },
    "pets": {
        "fr": ("chien", "chiens", "chat", "chats", "toilettage"),
        "en": ("dog", "dogs", "cat", "cats", "grooming"),
    },
    "restaurant": {
        "fr": ("plat du jour", "assiette", "assiettes", "menu", "réservez votre table", "cuisine"),
        "en": ("dish of the day", "plate", "plates", "menu", "book your table", "kitchen"),
    },
    "ceramics": {
        "fr": (
            "céramique",
            "céramiques",
            "poterie",
            "poteries",
            "argile",
            "émail",
            "bol",
            "bols",
            "tasse",
            "tasses",
        ),
        "en": ("ceramic", "ceramics", "pottery", "clay", "glaze", "bowl", "bowls", "mug", "mugs", "kiln"),
    },
    "jewellery": {
        "fr": ("bijou", "bijoux", "bague", "bagues", "collier", "colliers", "boucles d'oreilles"),
        "en": ("jewellery", "jewelry", "ring", "rings", "necklace", "necklaces", "earrings"),
    },
    "woodwork": {
        "fr": ("bois", "meuble", "meubles", "chêne", "établi"),
        "en": ("wood", "furniture", "oak", "workbench"),
    },
    "textile": {
        "fr": ("tissu", "tissus", "couture", "retouche", "retouches", "ourlet", "fauteuil"),
        "en": ("fabric", "fabrics", "sewing", "alteration", "alterations", "hem", "armchair"),
    },
    "garden": {
        "fr": ("jardin", "jardins", "haie", "haies", "pelouse", "potager"),
        "en": ("garden", "gardens", "hedge", "hedges", "lawn", "flowerbed", "flowerbeds"),
    },
    "repairs": {
        "fr": ("dépannage", "chantier", "chantiers", "chaudière", "tableau électrique", "vidange"),
        "en": ("call-out", "job site", "boiler", "fuse box", "oil change"),
    },
    "visual_art": {
        "fr": ("toile", "toiles", "tableau", "tableaux", "pinceau", "pinceaux", "aquarelle", "aquarelles"),
        "en": ("canvas", "canvases", "painting", "paintings", "paintbrush", "watercolour", "watercolours"),
    },
    "photography": {
        "fr": ("séance photo", "shooting", "objectif", "appareil photo"),
        "en": ("photo shoot", "photoshoot", "lens", "camera"),
    },
    "sports_club": {
        "fr": (
            "match",
            "matchs",
            "entraînement",
            "entraînements",
            "terrain",
            "maillot",
            "maillots",
            "tournoi",
            "tournois",
            "licence",
            "licences",
        ),
        "en": (
            "match",
            "matches",
            "training session",
            "pitch",
            "jersey",
            "jerseys",
            "tournament",
            "tournaments",
        ),
    },
    "music": {
        "fr": (
            "répétition",
            "répétitions",
            "concert",
            "concerts",
            "partition",
            "partitions",
            "choristes",
            "pupitre",
        ),
        "en": ("rehearsal", "rehearsals", "concert", "concerts", "sheet music", "singers"),
    },
    "stage": {
        "fr": ("spectacle", "spectacles", "représentation", "représentations", "costumes", "comédiens"),
        "en": ("performance", "performances", "costumes", "actors", "the play"),
    },
    "charity": {
        "fr": ("collecte", "collectes", "colis", "maraude", "maraudes", "adoption", "adoptions"),
        "en": ("food drive", "parcels", "adoption", "adoptions"),
    },
    "wellbeing": {
        "fr": ("massage", "massages", "posture", "postures", "respiration", "détente"),
        "en": ("massage", "massages", "posture", "postures", "breathing", "relaxation"),
    },
    "lodging": {
        "fr": ("chambre", "chambres", "séjour", "séjours", "petit-déjeuner"),
        "en": ("guest room", "guest rooms", "your stay", "breakfast"),
    },
    "studio_work": {
        "fr": ("logo", "logos", "site web", "maquette", "maquettes"),
        "en": ("logo", "logos", "website", "websites", "mock-up", "mock-ups"),
    },
    "office": {
        "fr": ("bilan", "bilans", "déclaration", "déclarations", "comptabilité", "visite du bien"),
        "en": ("bookkeeping", "tax return", "tax returns", "viewing", "viewings"),
    },
}
FAMILIES: frozenset[str] = frozenset(PRODUCT_WORDS)


def _plain(text: str) -> str:
    """Lower case, no accents, single spaces: "Club de FOOT" and "club de foot" are the same."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("œ", "oe").replace("æ", "ae"))
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9&]+", " ", letters).split())


@cache
def _index() -> list[tuple[str, Trade]]:
    """Every synonym, longest first: "peintre en batiment" would win over "peintre"."""
    pairs = {(_plain(s), t) for t in TRADES for s in t.synonyms}
    return sorted(pairs, key=lambda p: (-len(p[0]), p[1].code))


def trade_from_text(text: str) -> Trade | None:
    """The trade a free text names ("Je suis fleuriste à Lyon", "club de foot", "Hairdresser"), or None."""
    plain = f" {_plain(text)} "
    if not plain.strip():
        return None
    for synonym, trade in _index():
        if f" {synonym} " in plain:
            return trade
    # "fleuristes", "coiffeurs": a plural matches its trade.
    for synonym, trade in _index():
        if len(synonym) > 3 and (f" {synonym}s " in plain or f" {synonym}x " in plain):
            return trade
    return None


def trade(code: str) -> Trade | None:
    return next((t for t in TRADES if t.code == code), None)


@cache
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'’-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def foreign_products(text: str, lang: Lang, family: str | None) -> list[str]:
    """Product words of families other than `family` found in `text` (in `lang`): what an idea offered to
    that family must never say. `family` None: every family's products are foreign."""
    found: list[str] = []
    for other, words in PRODUCT_WORDS.items():
        if other == family:
            continue
        found.extend(m.group(0) for m in _pattern(words[lang]).finditer(text))
    return found


def names_no_foreign_product(texts: Sequence[Text], family: str | None) -> bool:
    """None of `texts` names, in either language, a product of a family other than `family` (a moment
    such as Epiphany's "galette des rois" is for bakers, not for a florist)."""
    return not any(foreign_products(t.get_raw(lang), lang, family) for t in texts for lang in LANGS)
