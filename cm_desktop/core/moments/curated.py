"""The curated table: commercial and community dates for FR, BE, CH, CA (Quebec), GB and US.

Each entry is a rule computed per year. Country tags are ISO codes; "CA-QC" means Quebec only and
"*" any country (international days). Where the date is a usual pattern rather than a rule anyone
fixes, the entry says `approximate=True` and, where useful, a note tells the person why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time, timedelta

from cm_desktop.core.i18n import Text
from cm_desktop.core.moments import dates as d
from cm_desktop.core.moments.model import MomentKind

Rule = Callable[[int], tuple[date, date]]

EUROPE_FR = frozenset({"FR", "BE", "CH"})
SIX = frozenset({"FR", "BE", "CH", "CA", "GB", "US"})
ANY = frozenset({"*"})

SELLERS = frozenset({"shop", "craft", "artist"})
GIFTS = frozenset({"shop", "craft", "artist", "restaurant"})
FOOD = frozenset({"shop", "craft", "restaurant", "association"})


@dataclass(frozen=True)
class Spec:
    code: str
    countries: frozenset[str]
    title: Text
    kind: MomentKind
    rule: Rule
    idea: Text
    lead_days: int
    business_kinds: frozenset[str] = frozenset()
    approximate: bool = False
    note: Text | None = None
    start_time: time | None = None
    # English names of public holidays this entry stands for (same day, better idea): they are dropped.
    replaces: tuple[str, ...] = ()


def fixed(month: int, day: int) -> Rule:
    return lambda year: (date(year, month, day), date(year, month, day))


def one(compute: Callable[[int], date]) -> Rule:
    return lambda year: (compute(year), compute(year))


def nth(month: int, weekday: int, n: int) -> Rule:
    return one(lambda year: d.nth_weekday(year, month, weekday, n))


def span(first: Callable[[int], date], days: int) -> Rule:
    """`days` days long, starting on `first(year)`."""
    return lambda year: (first(year), first(year) + timedelta(days=days - 1))


def between(start: tuple[int, int], end: tuple[int, int]) -> Rule:
    return lambda year: (date(year, *start), date(year, *end))


def _heritage_fr(year: int) -> date:
    # "Third weekend of September": the third Saturday and the Sunday after it.
    return d.nth_weekday(year, 9, d.SAT, 3)


def _heritage_second(year: int) -> date:
    return d.nth_weekday(year, 9, d.SAT, 2)


def _crafts_days(year: int) -> date:
    # JEMA ran about 27 Mar-2 Apr 2023, 2-7 Apr 2024, 31 Mar-6 Apr 2025: the week ending on the first
    # Sunday of April.
    return d.nth_weekday(year, 4, d.SUN, 1) - timedelta(days=6)


def _christmas_markets(year: int) -> tuple[date, date]:
    # Many markets open on the Friday nine days before the first Sunday of Advent (Strasbourg: Friday
    # 22 Nov 2024, Advent Sunday 1 Dec) and run to Christmas Eve; others open a week later.
    return d.first_advent_sunday(year) - timedelta(days=9), date(year, 12, 24)


def _quebec_culture_days(year: int) -> date:
    # Journées de la culture: the last weekend of September, Friday to Sunday.
    return d.nth_weekday(year, 9, d.FRI, -1)


SALES_IDEA = Text(
    en="Show three items that will be on sale, with the old and the new price, and say when the sales "
    "start. Remind people they can set them aside.",
    fr="Montrez trois articles qui seront soldés, avec l'ancien et le nouveau prix, et rappelez le jour "
    "du début des soldes. Dites qu'on peut vous les mettre de côté.",
)
FR_SALES_NOTE = Text(
    en="National dates set by the law. Some départements differ: Meurthe-et-Moselle, Meuse, Moselle and "
    "Vosges (winter), Alpes-Maritimes, Pyrénées-Orientales and Corsica (summer), and overseas.",
    fr="Dates nationales fixées par la loi. Certains départements ont d'autres dates : Meurthe-et-Moselle, "
    "Meuse, Moselle et Vosges (hiver), Alpes-Maritimes, Pyrénées-Orientales et Corse (été), et l'outre-mer.",
)
BE_SALES_NOTE = Text(
    en="Set by the Code of Economic Law; the month before, price cuts may not be announced in clothing, "
    "shoes and leather goods (waiting period).",
    fr="Fixées par le Code de droit économique ; le mois précédent, les réductions ne peuvent pas être "
    "annoncées dans l'habillement, la chaussure et la maroquinerie (période d'attente).",
)
MOTHERS_IDEA = Text(
    en="Suggest three gift ideas for mothers at different prices, with a photo of each, and say until "
    "when people can order or book.",
    fr="Proposez trois idées de cadeaux pour les mamans à différents prix, avec une photo de chacune, et "
    "dites jusqu'à quand on peut commander ou réserver.",
)
FATHERS_IDEA = Text(
    en="Suggest three gift ideas for fathers, with a photo and the price of each, and offer gift wrapping "
    "or a gift card.",
    fr="Proposez trois idées de cadeaux pour les papas, avec une photo et le prix de chacune, et proposez "
    "un paquet cadeau ou une carte cadeau.",
)
BLACK_FRIDAY_IDEA = Text(
    en="Announce your offer with its exact dates, or explain why you choose not to discount and what you "
    "offer instead (quality, repairs, a small gift).",
    fr="Annoncez votre offre avec ses dates exactes, ou expliquez pourquoi vous ne faites pas de remise "
    "et ce que vous proposez à la place (qualité, réparation, petit cadeau).",
)
SMALL_BUSINESS_IDEA = Text(
    en="Introduce yourself and your team with a photo, tell how long you have been here, and thank the "
    "customers who buy local.",
    fr="Présentez-vous avec votre équipe en photo, dites depuis quand vous êtes là, et remerciez les "
    "clients qui achètent près de chez eux.",
)
HERITAGE_IDEA = Text(
    en="Share an old photo or a story about your building, your street or your trade, and say if you open "
    "your doors that weekend.",
    fr="Partagez une photo ancienne ou une histoire sur votre bâtiment, votre rue ou votre métier, et dites "
    "si vous ouvrez vos portes ce week-end-là.",
)
BACK_TO_SCHOOL_IDEA = Text(
    en="Post your opening hours for the back-to-school weeks and one thing that makes the start of the year "
    "easier (a checklist, a bundle, a registration day).",
    fr="Publiez vos horaires de la rentrée et une chose qui la facilite (une liste, un lot, une journée "
    "d'inscription).",
)
BACK_TO_SCHOOL_NOTE = Text(
    en="Approximate: the exact start of the school year depends on the region and the year.",
    fr="Approximatif : la date exacte de la rentrée dépend de la région et de l'année.",
)
WORLD_BOOK_IDEA = Text(
    en="Share the book that matters to your trade or your team, with a photo, and ask your followers for "
    "theirs.",
    fr="Partagez le livre qui compte pour votre métier ou votre équipe, avec une photo, et demandez à vos "
    "abonnés le leur.",
)
CYBER_MONDAY_IDEA = Text(
    en="Post the link to your online shop with one offer valid today only, and say until when delivery "
    "arrives before Christmas.",
    fr="Publiez le lien de votre boutique en ligne avec une offre valable aujourd'hui seulement, et dites "
    "jusqu'à quand la livraison arrive avant Noël.",
)
EPIPHANY_NOTE = Text(
    en="In France Epiphany is celebrated on the first Sunday of January; galettes sell all month.",
    fr="En France, l'Épiphanie se fête le premier dimanche de janvier ; les galettes se vendent tout le mois.",
)
MOTHERS_BE_NOTE = Text(
    en="In the province of Antwerp Mother's Day is on 15 August.",
    fr="Dans la province d'Anvers, la fête des mères a lieu le 15 août.",
)
APPROX_ORGANISER_NOTE = Text(
    en="Approximate: the organisers announce the exact dates each year.",
    fr="Approximatif : les organisateurs annoncent les dates exactes chaque année.",
)
SAINT_NICOLAS_NOTE = Text(
    en="Also celebrated in Alsace, Lorraine and the north of France.",
    fr="Fêtée aussi en Alsace, en Lorraine et dans le Nord de la France.",
)
HERITAGE_BE_CH_NOTE = Text(
    en="Approximate: in Belgium Wallonia uses the second weekend of September, Brussels the third; "
    "in Switzerland the dates may vary.",
    fr="Approximatif : en Belgique, la Wallonie retient le deuxième week-end de septembre, Bruxelles le "
    "troisième ; en Suisse, les dates peuvent varier.",
)

WINTER_SALES = Text(en="Winter sales", fr="Soldes d'hiver")
SUMMER_SALES = Text(en="Summer sales", fr="Soldes d'été")
MOTHERS_DAY = Text(en="Mother's Day", fr="Fête des mères")
FATHERS_DAY = Text(en="Father's Day", fr="Fête des pères")
HERITAGE_DAYS = Text(en="European Heritage Days", fr="Journées européennes du patrimoine")
BACK_TO_SCHOOL = Text(en="Back to school", fr="Rentrée")
WORLD_BOOK_DAY = Text(en="World Book Day", fr="Journée mondiale du livre")
SMALL_BUSINESS_SATURDAY = Text(
    en="Small Business Saturday", fr="Small Business Saturday (samedi du commerce local)"
)

CURATED: tuple[Spec, ...] = (
    # --- sales ---
    Spec(
        "winter_sales",
        frozenset({"FR"}),
        WINTER_SALES,
        MomentKind.COMMERCIAL,
        span(d.fr_winter_sales_start, d.FR_SALES_DAYS),
        SALES_IDEA,
        14,
        frozenset({"shop", "craft"}),
        note=FR_SALES_NOTE,
        start_time=time(8, 0),
    ),
    Spec(
        "summer_sales",
        frozenset({"FR"}),
        SUMMER_SALES,
        MomentKind.COMMERCIAL,
        span(d.fr_summer_sales_start, d.FR_SALES_DAYS),
        SALES_IDEA,
        14,
        frozenset({"shop", "craft"}),
        note=FR_SALES_NOTE,
        start_time=time(8, 0),
    ),
    Spec(
        "winter_sales",
        frozenset({"BE"}),
        WINTER_SALES,
        MomentKind.COMMERCIAL,
        d.be_winter_sales,
        SALES_IDEA,
        14,
        frozenset({"shop", "craft"}),
        note=BE_SALES_NOTE,
    ),
    Spec(
        "summer_sales",
        frozenset({"BE"}),
        SUMMER_SALES,
        MomentKind.COMMERCIAL,
        d.be_summer_sales,
        SALES_IDEA,
        14,
        frozenset({"shop", "craft"}),
        note=BE_SALES_NOTE,
    ),
    Spec(
        "boxing_day",
        frozenset({"CA"}),
        Text(en="Boxing Day sales", fr="Soldes de l'après-Noël (Boxing Day)"),
        MomentKind.COMMERCIAL,
        fixed(12, 26),
        Text(
            en="Announce your Boxing Day offer and your opening hours on the 26th, with photos of the "
            "items concerned.",
            fr="Annoncez votre offre de l'après-Noël et vos heures d'ouverture le 26, avec des photos des "
            "articles concernés.",
        ),
        14,
        SELLERS,
        replaces=("Boxing Day",),
    ),
    # --- gift days ---
    Spec(
        "mothers_day",
        frozenset({"FR"}),
        MOTHERS_DAY,
        MomentKind.COMMERCIAL,
        one(d.fr_mothers_day),
        MOTHERS_IDEA,
        14,
        GIFTS,
    ),
    Spec(
        "mothers_day",
        frozenset({"BE"}),
        MOTHERS_DAY,
        MomentKind.COMMERCIAL,
        nth(5, d.SUN, 2),
        MOTHERS_IDEA,
        14,
        GIFTS,
        note=MOTHERS_BE_NOTE,
    ),
    Spec(
        "mothers_day",
        frozenset({"CH", "CA", "US"}),
        MOTHERS_DAY,
        MomentKind.COMMERCIAL,
        nth(5, d.SUN, 2),
        MOTHERS_IDEA,
        14,
        GIFTS,
    ),
    Spec(
        # The fourth Sunday of Lent, three weeks before Easter Sunday.
        "mothers_day",
        frozenset({"GB"}),
        Text(en="Mothering Sunday", fr="Fête des mères (Mothering Sunday)"),
        MomentKind.COMMERCIAL,
        one(lambda y: d.easter_sunday(y) - timedelta(weeks=3)),
        MOTHERS_IDEA,
        14,
        GIFTS,
    ),
    Spec(
        "fathers_day",
        frozenset({"FR", "CA", "US", "GB"}),
        FATHERS_DAY,
        MomentKind.COMMERCIAL,
        nth(6, d.SUN, 3),
        FATHERS_IDEA,
        14,
        GIFTS,
    ),
    Spec(
        "fathers_day",
        frozenset({"BE"}),
        FATHERS_DAY,
        MomentKind.COMMERCIAL,
        nth(6, d.SUN, 2),
        FATHERS_IDEA,
        14,
        GIFTS,
    ),
    Spec(
        "fathers_day",
        frozenset({"CH"}),
        FATHERS_DAY,
        MomentKind.COMMERCIAL,
        nth(6, d.SUN, 1),
        FATHERS_IDEA,
        14,
        GIFTS,
    ),
    Spec(
        "grandmothers_day",
        frozenset({"FR"}),
        Text(en="Grandmothers' Day", fr="Fête des grands-mères"),
        MomentKind.COMMERCIAL,
        nth(3, d.SUN, 1),
        Text(
            en="Ask your followers to share a memory of their grandmother, and show one gift idea for her.",
            fr="Invitez vos abonnés à partager un souvenir de leur grand-mère, et montrez une idée de "
            "cadeau pour elle.",
        ),
        10,
        GIFTS,
    ),
    Spec(
        "valentines_day",
        SIX,
        Text(en="Valentine's Day", fr="Saint-Valentin"),
        MomentKind.COMMERCIAL,
        fixed(2, 14),
        Text(
            en="Show a gift or a dinner for two with its price, and say until when people can order or book "
            "a table.",
            fr="Montrez un cadeau ou un dîner pour deux avec son prix, et dites jusqu'à quand on peut "
            "commander ou réserver une table.",
        ),
        14,
        GIFTS,
    ),
    Spec(
        "easter",
        SIX,
        Text(en="Easter", fr="Pâques"),
        MomentKind.COMMERCIAL,
        one(d.easter_sunday),
        Text(
            en="Show your Easter treats or decorations in a photo and post your opening hours for the "
            "Easter weekend.",
            fr="Montrez en photo vos douceurs ou décorations de Pâques et publiez vos horaires du week-end "
            "de Pâques.",
        ),
        21,
        FOOD | frozenset({"craft"}),
        replaces=("Easter Sunday",),
    ),
    # --- traditions ---
    Spec(
        "epiphany",
        EUROPE_FR,
        Text(en="Epiphany (king cake)", fr="Épiphanie (galette des rois)"),
        MomentKind.COMMUNITY,
        fixed(1, 6),
        Text(
            en="Post a photo of your king cake (or the one you share with your team) and ask who got the "
            "charm this year.",
            fr="Publiez une photo de votre galette (ou de celle partagée avec l'équipe) et demandez qui a eu "
            "la fève cette année.",
        ),
        10,
        FOOD,
        note=EPIPHANY_NOTE,
    ),
    Spec(
        "candlemas",
        EUROPE_FR,
        Text(en="Candlemas (pancake day)", fr="Chandeleur"),
        MomentKind.COMMUNITY,
        fixed(2, 2),
        Text(
            en="Share your favourite crêpe recipe or the crêpes you serve, with a photo, and ask for your "
            "followers' favourite topping.",
            fr="Partagez votre recette de crêpes préférée ou celles que vous servez, en photo, et demandez "
            "la garniture préférée de vos abonnés.",
        ),
        7,
        FOOD,
    ),
    Spec(
        "saint_nicolas",
        frozenset({"BE", "CH"}),
        Text(en="Saint Nicholas", fr="Saint-Nicolas"),
        MomentKind.COMMUNITY,
        fixed(12, 6),
        Text(
            en="Show the treats or small gifts you have for Saint Nicholas and say until when people can "
            "order them.",
            fr="Montrez les friandises ou petits cadeaux que vous avez pour la Saint-Nicolas et dites "
            "jusqu'à quand on peut les commander.",
        ),
        14,
        GIFTS,
        note=SAINT_NICOLAS_NOTE,
    ),
    Spec(
        "halloween",
        SIX,
        Text(en="Halloween", fr="Halloween"),
        MomentKind.COMMUNITY,
        fixed(10, 31),
        Text(
            en="Post a photo of your shop window or team in costume, or a small offer for children who "
            "come dressed up.",
            fr="Publiez une photo de votre vitrine ou de l'équipe déguisée, ou une petite offre pour les "
            "enfants qui viennent déguisés.",
        ),
        14,
    ),
    Spec(
        "st_patricks_day",
        frozenset({"GB", "US", "CA"}),
        Text(en="Saint Patrick's Day", fr="Saint-Patrick"),
        MomentKind.COMMUNITY,
        fixed(3, 17),
        Text(
            en="Share what you have planned for Saint Patrick's Day (music, a green dish, a special) and "
            "invite people to book.",
            fr="Partagez ce que vous prévoyez pour la Saint-Patrick (musique, plat vert, offre spéciale) et "
            "invitez à réserver.",
        ),
        10,
        frozenset({"restaurant", "association", "shop"}),
        replaces=("Saint Patrick's Day",),
    ),
    # --- shopping days ---
    Spec(
        "black_friday",
        SIX,
        Text(en="Black Friday", fr="Black Friday"),
        MomentKind.COMMERCIAL,
        one(d.black_friday),
        BLACK_FRIDAY_IDEA,
        21,
        SELLERS | frozenset({"small_firm", "freelancer"}),
    ),
    Spec(
        "cyber_monday",
        SIX,
        Text(en="Cyber Monday", fr="Cyber Monday"),
        MomentKind.COMMERCIAL,
        one(lambda y: d.black_friday(y) + timedelta(days=3)),
        CYBER_MONDAY_IDEA,
        21,
        SELLERS,
    ),
    Spec(
        # The Saturday after Thanksgiving in the US (American Express, since 2010).
        "small_business_saturday",
        frozenset({"US"}),
        SMALL_BUSINESS_SATURDAY,
        MomentKind.COMMERCIAL,
        one(lambda y: d.black_friday(y) + timedelta(days=1)),
        SMALL_BUSINESS_IDEA,
        14,
        frozenset({"shop", "craft", "artist", "restaurant", "small_firm", "freelancer"}),
    ),
    Spec(
        # The UK campaign is held on the first Saturday of December.
        "small_business_saturday",
        frozenset({"GB"}),
        SMALL_BUSINESS_SATURDAY,
        MomentKind.COMMERCIAL,
        nth(12, d.SAT, 1),
        SMALL_BUSINESS_IDEA,
        14,
        frozenset({"shop", "craft", "artist", "restaurant", "small_firm", "freelancer"}),
    ),
    Spec(
        "giving_tuesday",
        SIX,
        Text(en="Giving Tuesday", fr="Giving Tuesday (mardi des dons)"),
        MomentKind.COMMUNITY,
        one(lambda y: d.black_friday(y) + timedelta(days=4)),
        Text(
            en='Tell one concrete thing a donation pays for ("10 € = one meal"), with a photo, and post the '
            "link to give.",
            fr="Dites une chose concrète que finance un don (« 10 € = un repas »), avec une photo, et "
            "publiez le lien pour donner.",
        ),
        21,
        frozenset({"association"}),
    ),
    # --- seasons ---
    Spec(
        "christmas_markets",
        SIX,
        Text(en="Christmas market season", fr="Saison des marchés de Noël"),
        MomentKind.SEASON,
        _christmas_markets,
        Text(
            en="List the markets and fairs where people can find you, with dates and places, and the last "
            "day to order for Christmas.",
            fr="Listez les marchés et salons où l'on peut vous trouver, avec dates et lieux, et le dernier "
            "jour pour commander avant Noël.",
        ),
        30,
        frozenset({"shop", "craft", "artist", "association", "restaurant"}),
        approximate=True,
        note=APPROX_ORGANISER_NOTE,
    ),
    Spec(
        "back_to_school",
        frozenset({"FR", "BE", "GB"}),
        BACK_TO_SCHOOL,
        MomentKind.SEASON,
        between((8, 20), (9, 10)),
        BACK_TO_SCHOOL_IDEA,
        21,
        approximate=True,
        note=BACK_TO_SCHOOL_NOTE,
    ),
    Spec(
        "back_to_school",
        frozenset({"CH", "CA", "US"}),
        BACK_TO_SCHOOL,
        MomentKind.SEASON,
        between((8, 10), (9, 5)),
        BACK_TO_SCHOOL_IDEA,
        21,
        approximate=True,
        note=BACK_TO_SCHOOL_NOTE,
    ),
    # --- culture and community ---
    Spec(
        "crafts_days",
        EUROPE_FR,
        Text(en="European Artistic Crafts Days", fr="Journées européennes des métiers d'art"),
        MomentKind.SEASON,
        span(_crafts_days, 7),
        Text(
            en="Film or photograph your hands at work on one piece, step by step, and invite people to "
            "visit your workshop.",
            fr="Filmez ou photographiez vos mains au travail sur une pièce, étape par étape, et invitez à "
            "visiter votre atelier.",
        ),
        30,
        frozenset({"craft", "artist", "association"}),
        approximate=True,
        note=APPROX_ORGANISER_NOTE,
    ),
    Spec(
        "heritage_days",
        frozenset({"FR"}),
        HERITAGE_DAYS,
        MomentKind.COMMUNITY,
        span(_heritage_fr, 2),
        HERITAGE_IDEA,
        21,
    ),
    Spec(
        "heritage_days",
        frozenset({"BE", "CH"}),
        HERITAGE_DAYS,
        MomentKind.COMMUNITY,
        span(_heritage_second, 2),
        HERITAGE_IDEA,
        21,
        approximate=True,
        note=HERITAGE_BE_CH_NOTE,
    ),
    Spec(
        "music_day",
        SIX,
        Text(en="Fête de la Musique (Make Music Day)", fr="Fête de la musique"),
        MomentKind.COMMUNITY,
        fixed(6, 21),
        Text(
            en="Say who plays near you or at your place on 21 June, at what time, and share a short video "
            "or a playlist.",
            fr="Dites qui joue chez vous ou près de chez vous le 21 juin, à quelle heure, et partagez une "
            "courte vidéo ou une playlist.",
        ),
        21,
        frozenset({"artist", "restaurant", "association", "shop"}),
    ),
    Spec(
        "taste_week",
        frozenset({"FR"}),
        Text(en="Taste Week", fr="Semaine du goût"),
        MomentKind.COMMUNITY,
        span(lambda y: d.nth_weekday(y, 10, d.MON, 2), 7),
        Text(
            en="Offer a tasting or tell the story of one local product you use, with the producer's name "
            "and a photo.",
            fr="Proposez une dégustation ou racontez l'histoire d'un produit local que vous utilisez, avec "
            "le nom du producteur et une photo.",
        ),
        21,
        FOOD,
        approximate=True,
        note=APPROX_ORGANISER_NOTE,
    ),
    Spec(
        "neighbours_day",
        frozenset({"FR"}),
        Text(en="Neighbours' Day", fr="Fête des voisins"),
        MomentKind.COMMUNITY,
        nth(5, d.FRI, -1),
        Text(
            en="Invite your street or your members to a simple get-together and say what each person can "
            "bring.",
            fr="Invitez votre rue ou vos adhérents à un moment convivial et dites ce que chacun peut "
            "apporter.",
        ),
        14,
        frozenset({"association", "restaurant", "shop"}),
        approximate=True,
        note=APPROX_ORGANISER_NOTE,
    ),
    Spec(
        "local_shops_day",
        frozenset({"FR"}),
        Text(en="Local Shops Day", fr="Journée nationale du commerce de proximité"),
        MomentKind.COMMERCIAL,
        nth(10, d.SAT, 2),
        SMALL_BUSINESS_IDEA,
        14,
        frozenset({"shop", "craft", "restaurant"}),
        approximate=True,
        note=APPROX_ORGANISER_NOTE,
    ),
    Spec(
        "culture_days",
        frozenset({"CA-QC"}),
        Text(en="Culture Days (Quebec)", fr="Journées de la culture"),
        MomentKind.COMMUNITY,
        span(_quebec_culture_days, 3),
        Text(
            en="Open your workshop or your practice for an hour and post the time and place, with a photo "
            "of last year's visitors.",
            fr="Ouvrez votre atelier ou vos coulisses pendant une heure et publiez l'heure et le lieu, "
            "avec une photo des visiteurs de l'an dernier.",
        ),
        21,
        frozenset({"artist", "craft", "association"}),
        approximate=True,
        note=APPROX_ORGANISER_NOTE,
    ),
    Spec(
        "world_book_day",
        frozenset({"FR", "BE", "CH", "CA", "US"}),
        WORLD_BOOK_DAY,
        MomentKind.COMMUNITY,
        fixed(4, 23),
        WORLD_BOOK_IDEA,
        10,
        frozenset({"shop", "artist", "association"}),
    ),
    Spec(
        # The UK and Ireland hold it on the first Thursday of March (usually; organisers may move it).
        "world_book_day",
        frozenset({"GB"}),
        WORLD_BOOK_DAY,
        MomentKind.COMMUNITY,
        nth(3, d.THU, 1),
        WORLD_BOOK_IDEA,
        10,
        frozenset({"shop", "artist", "association"}),
        approximate=True,
        note=APPROX_ORGANISER_NOTE,
    ),
    Spec(
        "womens_day",
        ANY,
        Text(en="International Women's Day", fr="Journée internationale des droits des femmes"),
        MomentKind.COMMUNITY,
        fixed(3, 8),
        Text(
            en="Introduce a woman who matters to your business or your association (a founder, a supplier, "
            "a volunteer), with her permission.",
            fr="Présentez une femme qui compte pour votre entreprise ou votre association (fondatrice, "
            "fournisseuse, bénévole), avec son accord.",
        ),
        10,
    ),
    Spec(
        "earth_day",
        ANY,
        Text(en="Earth Day", fr="Jour de la Terre"),
        MomentKind.COMMUNITY,
        fixed(4, 22),
        Text(
            en="Show one concrete thing you do to waste less (packaging, repairs, local suppliers), with a "
            "photo.",
            fr="Montrez une chose concrète que vous faites pour moins gaspiller (emballages, réparations, "
            "fournisseurs locaux), avec une photo.",
        ),
        10,
    ),
    Spec(
        "volunteer_day",
        ANY,
        Text(en="International Volunteer Day", fr="Journée mondiale du bénévolat"),
        MomentKind.COMMUNITY,
        fixed(12, 5),
        Text(
            en="Thank your volunteers by name (with their permission) and say how many hours they gave this "
            "year; add how to join.",
            fr="Remerciez vos bénévoles par leur prénom (avec leur accord) et dites combien d'heures ils ont "
            "données cette année ; ajoutez comment les rejoindre.",
        ),
        14,
        frozenset({"association"}),
    ),
)
