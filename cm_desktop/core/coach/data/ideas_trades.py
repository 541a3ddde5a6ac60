"""Post ideas written for one family of trades (core.coach.trades): they may name its products, and are
offered only to its trades. Written for the customers who read the post, never as advice to the owner.
Gaps the person fills are "[…]"; placeholders: see ideas.ALLOWED_PLACEHOLDERS.
"""

from __future__ import annotations

from cm_desktop.core.coach.content_types import IdeaEntry
from cm_desktop.core.coach.content_types import Occasion as O
from cm_desktop.core.coach.profile import Goal as G
from cm_desktop.core.i18n import Text as T

BRING, EVENTS, SELL = G.BRING_PEOPLE_IN, G.ANNOUNCE_EVENTS, G.SELL_ONLINE
MEMBERS, COMMUNITY, LOCAL = G.FIND_MEMBERS, G.BUILD_COMMUNITY, G.BE_FOUND_LOCALLY
SHOP_GOALS = (BRING, SELL, COMMUNITY, LOCAL)
CLUB_GOALS = (MEMBERS, EVENTS, COMMUNITY, LOCAL)


def idea(
    code: str,
    family: str,
    occasion: O,
    goals: tuple[G, ...],
    title: tuple[str, str],
    why: tuple[str, str],
    template: tuple[str, str],
) -> IdeaEntry:
    """(English, French) pairs, in that order."""
    return IdeaEntry(
        code,
        occasion,
        (),
        goals,
        T(en=title[0], fr=title[1]),
        T(en=why[0], fr=why[1]),
        T(en=template[0], fr=template[1]),
        families=(family,),
    )


WHY_SEASON = (
    "What is in season changes every week: a reason to look, and to come back.",
    "Ce qui est de saison change chaque semaine : une raison de regarder, et de revenir.",
)
WHY_HOW = (
    "A useful tip gets saved and shared, and shows you know your trade.",
    "Une astuce utile est gardée et partagée, et montre que vous connaissez votre métier.",
)
WHY_HANDS = (
    "People love to see hands at work: it makes what you sell worth its price.",
    "On aime voir des mains au travail : ce que vous vendez y gagne sa valeur.",
)
WHY_JOIN = (
    "A concrete first step (a date, a place, who to ask) is what makes people come.",
    "Un premier pas concret (une date, un lieu, à qui s'adresser) est ce qui fait venir.",
)

TRADE_IDEAS: tuple[IdeaEntry, ...] = (
    # flowers
    idea(
        "flowers_bouquet_of_the_week",
        "flowers",
        O.NEW_PRODUCT,
        SHOP_GOALS,
        ("The bouquet of the week", "Le bouquet de la semaine"),
        WHY_SEASON,
        (
            "This week's bouquet at {business}: […]. Ready to take away, or made for you at {place}.",
            "Le bouquet de la semaine chez {business} : […]. À emporter, ou composé pour vous à {place}.",
        ),
    ),
    idea(
        "flowers_care",
        "flowers",
        O.HOW_TO,
        SHOP_GOALS,
        ("Make your flowers last", "Faire durer vos fleurs"),
        WHY_HOW,
        (
            "Your flowers last longer with three gestures: cut the stems, change the water every two days, "
            "keep them away from ripe fruit. From {business}, with love.",
            "Vos fleurs tiennent plus longtemps avec trois gestes : recouper les tiges, changer l'eau tous "
            "les deux jours, les éloigner des fruits mûrs. Avec amour, {business}.",
        ),
    ),
    idea(
        "flowers_arrival",
        "flowers",
        O.BEHIND_THE_SCENES,
        SHOP_GOALS,
        ("This morning's delivery", "L'arrivage du matin"),
        WHY_HANDS,
        (
            "Six o'clock, the delivery has arrived at {business}: […]. Which ones will you take home?",
            "Six heures, l'arrivage est là chez {business} : […]. Lesquelles repartiront avec vous ?",
        ),
    ),
    # bakery
    idea(
        "bakery_first_batch",
        "bakery",
        O.BEHIND_THE_SCENES,
        SHOP_GOALS,
        ("The first batch of the day", "La première fournée du jour"),
        WHY_HANDS,
        (
            "5 a.m.: the first batch of {product} comes out of the oven at {business}. Who is coming for "
            "one still warm?",
            "5 h du matin : la première fournée de {product} sort du four chez {business}. Qui passe la "
            "chercher encore tiède ?",
        ),
    ),
    idea(
        "bakery_order",
        "bakery",
        O.PRACTICAL_INFO,
        SHOP_GOALS,
        ("Order your cake for the weekend", "Commander son gâteau pour le week-end"),
        WHY_JOIN,
        (
            "A cake for Sunday? Order it by […] at {business}: it will be waiting for you at {place}.",
            "Un gâteau pour dimanche ? Commandez-le avant […] chez {business} : il vous attendra à {place}.",
        ),
    ),
    # books
    idea(
        "books_pick",
        "books",
        O.NEW_PRODUCT,
        SHOP_GOALS,
        ("The bookseller's pick", "Le coup de cœur du libraire"),
        WHY_SEASON,
        (
            "Our pick this week at {business}: […], a novel you will not put down. Come and leaf through it.",
            "Notre coup de cœur cette semaine chez {business} : […], un roman qu'on ne lâche plus. Venez le "
            "feuilleter.",
        ),
    ),
    idea(
        "books_signing",
        "books",
        O.EVENT,
        (BRING, EVENTS, COMMUNITY, LOCAL),
        ("A book signing", "Une séance de dédicace"),
        WHY_JOIN,
        (
            "Book signing at {business} on {date}: […] will sign their books at {place}. Free, all welcome.",
            "Séance de dédicace chez {business} le {date} : […] signera ses livres à {place}. Entrée libre.",
        ),
    ),
    # food shops
    idea(
        "food_tasting",
        "food_shop",
        O.EVENT,
        SHOP_GOALS,
        ("A tasting at the shop", "Une dégustation en boutique"),
        WHY_JOIN,
        (
            "Tasting on Saturday at {business}: come and taste […] at {place}. We will tell you where it "
            "comes from.",
            "Dégustation samedi chez {business} : venez goûter […] à {place}. On vous raconte d'où ça vient.",
        ),
    ),
    idea(
        "food_producer",
        "food_shop",
        O.LOCAL_PARTNER,
        SHOP_GOALS,
        ("Meet a producer", "Présenter un producteur"),
        WHY_HANDS,
        (
            "Our […] comes from […], a few kilometres from {town}. Here is why we chose them.",
            "Notre […] vient de chez […], à quelques kilomètres de {town}. On vous dit pourquoi on l'a "
            "choisi.",
        ),
    ),
    # clothing
    idea(
        "clothing_new_in",
        "clothing",
        O.NEW_PRODUCT,
        SHOP_GOALS,
        ("New in the shop", "Les nouveautés en boutique"),
        WHY_SEASON,
        (
            "New in at {business}: […]. Sizes go fast: come and try them on at {place}.",
            "Nouveautés chez {business} : […]. Les tailles partent vite : venez essayer à {place}.",
        ),
    ),
    idea(
        "clothing_outfit",
        "clothing",
        O.TIP,
        SHOP_GOALS,
        ("One piece, three outfits", "Une pièce, trois tenues"),
        WHY_HOW,
        (
            "One piece, three outfits: […] for work, for the weekend, for a dinner. Which one is you?",
            "Une pièce, trois tenues : […] pour le bureau, pour le week-end, pour un dîner. Laquelle vous "
            "ressemble ?",
        ),
    ),
    # hair and beauty
    idea(
        "hair_before_after",
        "hair_beauty",
        O.BEFORE_AFTER,
        SHOP_GOALS,
        ("Before and after", "Avant / après"),
        WHY_HANDS,
        (
            "Before / after at {business}: a new haircut for […] (shared with her agreement). Book yours!",
            "Avant / après chez {business} : une nouvelle coupe pour […] (partagée avec son accord). "
            "Réservez la vôtre !",
        ),
    ),
    idea(
        "hair_tip",
        "hair_beauty",
        O.HOW_TO,
        SHOP_GOALS,
        ("A tip between two appointments", "Le conseil entre deux rendez-vous"),
        WHY_HOW,
        (
            "Our tip for a haircut that lasts: […]. Questions? Ask us at your next appointment at {business}.",
            "Notre conseil pour une coupe qui dure : […]. Une question ? Posez-la à votre prochain rendez-vous "
            "chez {business}.",
        ),
    ),
    # pets
    idea(
        "pets_portrait",
        "pets",
        O.CUSTOMER_STORY,
        SHOP_GOALS,
        ("Today's four-legged customer", "Le client à quatre pattes du jour"),
        WHY_HANDS,
        (
            "Say hello to […], fresh from grooming at {business}! (Photo shared with the agreement of his "
            "humans.)",
            "Dites bonjour à […], tout beau après son toilettage chez {business} ! (Photo partagée avec "
            "l'accord de ses humains.)",
        ),
    ),
    idea(
        "pets_tip",
        "pets",
        O.HOW_TO,
        SHOP_GOALS,
        ("Brushing at home", "Le brossage à la maison"),
        WHY_HOW,
        (
            "Between two visits to {business}: brush your dog […] times a week, from the neck to the tail.",
            "Entre deux visites chez {business} : brossez votre chien […] fois par semaine, du cou vers la "
            "queue.",
        ),
    ),
    # restaurants and cafés
    idea(
        "restaurant_dish",
        "restaurant",
        O.NEW_PRODUCT,
        SHOP_GOALS,
        ("The dish of the day", "Le plat du jour"),
        WHY_SEASON,
        (
            "Today at {business}: […]. From noon, while it lasts!",
            "Aujourd'hui chez {business} : […]. Dès midi, jusqu'à épuisement !",
        ),
    ),
    idea(
        "restaurant_table",
        "restaurant",
        O.PRACTICAL_INFO,
        SHOP_GOALS,
        ("Book your table", "Réservez votre table"),
        WHY_JOIN,
        (
            "The weekend fills up fast at {business}: book your table by phone or by message.",
            "Le week-end se remplit vite chez {business} : réservez votre table par téléphone ou par "
            "message.",
        ),
    ),
    # ceramics
    idea(
        "ceramics_kiln",
        "ceramics",
        O.BEHIND_THE_SCENES,
        SHOP_GOALS,
        ("Opening the kiln", "La fin de la cuisson"),
        WHY_HANDS,
        (
            "Opening the kiln at {business}: the bowls and mugs of this firing are out. Come and choose "
            "yours at {place}.",
            "Fin de cuisson chez {business} : les bols et les tasses de cette cuisson sont sortis. "
            "Venez choisir les vôtres à {place}.",
        ),
    ),
    idea(
        "ceramics_class",
        "ceramics",
        O.EVENT,
        (BRING, EVENTS, SELL, LOCAL),
        ("A pottery class", "Un atelier de poterie"),
        WHY_JOIN,
        (
            "Learn to make your own bowl: pottery class on {date} at {place}, […] places. Book by message.",
            "Apprenez à faire votre propre bol : atelier de poterie le {date} à {place}, […] places. "
            "Réservation par message.",
        ),
    ),
    # jewellery
    idea(
        "jewellery_making",
        "jewellery",
        O.BEHIND_THE_SCENES,
        SHOP_GOALS,
        ("A ring in the making", "Une bague en train de naître"),
        WHY_HANDS,
        (
            "From a silver wire to a ring: […] hours of work at {business}. Would you wear it?",
            "D'un fil d'argent à une bague : […] heures de travail chez {business}. Vous la porteriez ?",
        ),
    ),
    idea(
        "jewellery_care",
        "jewellery",
        O.HOW_TO,
        SHOP_GOALS,
        ("Keep your jewellery shining", "Garder ses bijoux brillants"),
        WHY_HOW,
        (
            "To keep your jewellery shining: take it off before the shower, store it apart, wipe it with a "
            "soft cloth. The tip from {business}.",
            "Pour garder vos bijoux brillants : retirez-les avant la douche, rangez-les à part, essuyez-les "
            "avec un chiffon doux. Le conseil de {business}.",
        ),
    ),
    # woodwork
    idea(
        "wood_piece",
        "woodwork",
        O.NEW_PRODUCT,
        SHOP_GOALS,
        ("Out of the workshop", "Tout juste sorti de l'atelier"),
        WHY_HANDS,
        (
            "Out of the workshop at {business}: […], in solid oak, made to last a lifetime.",
            "Tout juste sorti de l'atelier chez {business} : […], en chêne massif, fait pour durer toute une "
            "vie.",
        ),
    ),
    idea(
        "wood_care",
        "woodwork",
        O.HOW_TO,
        SHOP_GOALS,
        ("Caring for wooden furniture", "Entretenir un meuble en bois"),
        WHY_HOW,
        (
            "Wooden furniture likes […] once a year, and no wet sponge. The tip from {business}.",
            "Un meuble en bois aime […] une fois par an, et jamais l'éponge mouillée. Le conseil de "
            "{business}.",
        ),
    ),
    # textile
    idea(
        "textile_alteration",
        "textile",
        O.BEFORE_AFTER,
        SHOP_GOALS,
        ("A second life", "Une deuxième vie"),
        WHY_HANDS,
        (
            "Before / after at {business}: […], given a second life with a few alterations. Nothing is "
            "thrown away!",
            "Avant / après chez {business} : […], qui a trouvé une deuxième vie grâce à quelques retouches. "
            "Ici, rien ne se jette !",
        ),
    ),
    idea(
        "textile_fabric",
        "textile",
        O.NEW_PRODUCT,
        SHOP_GOALS,
        ("The new fabrics", "Les nouveaux tissus"),
        WHY_SEASON,
        (
            "New fabrics at {business}: […]. Come and touch them at {place}, and tell us what you would make.",
            "Nouveaux tissus chez {business} : […]. Venez les toucher à {place}, et dites-nous ce que vous "
            "en feriez.",
        ),
    ),
    # garden
    idea(
        "garden_season",
        "garden",
        O.TIP,
        SHOP_GOALS,
        ("This month in the garden", "Ce mois-ci au jardin"),
        WHY_HOW,
        (
            "This month in the garden: […]. Need a hand? {business} comes to you around {town}.",
            "Ce mois-ci au jardin : […]. Besoin d'un coup de main ? {business} se déplace autour de {town}.",
        ),
    ),
    idea(
        "garden_before_after",
        "garden",
        O.BEFORE_AFTER,
        SHOP_GOALS,
        ("A garden transformed", "Un jardin transformé"),
        WHY_HANDS,
        (
            "Before / after: a garden in {town}, transformed by {business} in […] days.",
            "Avant / après : un jardin de {town}, transformé par {business} en […] jours.",
        ),
    ),
    # repairs
    idea(
        "repairs_tip",
        "repairs",
        O.HOW_TO,
        SHOP_GOALS,
        ("The check that avoids a call-out", "La vérification qui évite un dépannage"),
        WHY_HOW,
        (
            "Before you call us: […]. It often solves it. If not, {business} comes around {town}.",
            "Avant de nous appeler : […]. Souvent, ça suffit. Sinon, {business} intervient autour de {town}.",
        ),
    ),
    idea(
        "repairs_job",
        "repairs",
        O.BEFORE_AFTER,
        SHOP_GOALS,
        ("The job of the week", "Le chantier de la semaine"),
        WHY_HANDS,
        (
            "The job of the week for {business} in {town}: […]. Done in […], clean and tidy.",
            "Le chantier de la semaine pour {business} à {town} : […]. Fait en […], propre et rangé.",
        ),
    ),
    # visual art
    idea(
        "art_canvas",
        "visual_art",
        O.BEHIND_THE_SCENES,
        (SELL, COMMUNITY, EVENTS),
        ("A canvas in progress", "Une toile en cours"),
        WHY_HANDS,
        (
            "A canvas in progress in the studio: […]. Can you guess what it will become?",
            "Une toile en cours à l'atelier : […]. Vous devinez ce qu'elle va devenir ?",
        ),
    ),
    idea(
        "art_small_format",
        "visual_art",
        O.NEW_PRODUCT,
        (SELL, COMMUNITY),
        ("Small formats", "Les petits formats"),
        WHY_SEASON,
        (
            "Not everyone has a wall for a big painting: small formats are here, from […]. Write to me.",
            "Tout le monde n'a pas un mur pour un grand tableau : les petits formats sont là, à partir de "
            "[…]. Écrivez-moi.",
        ),
    ),
    # photography
    idea(
        "photo_session",
        "photography",
        O.PRACTICAL_INFO,
        (SELL, BRING, LOCAL),
        ("Book a photo shoot", "Réserver une séance photo"),
        WHY_JOIN,
        (
            "Family, portrait, pets: photo shoots in {town} on […]. A few slots left, write to {business}.",
            "Famille, portrait, animaux : séances photo à {town} le […]. Quelques créneaux libres, écrivez "
            "à {business}.",
        ),
    ),
    idea(
        "photo_tip",
        "photography",
        O.HOW_TO,
        (SELL, COMMUNITY),
        ("A tip for your own photos", "Une astuce pour vos photos"),
        WHY_HOW,
        (
            "For brighter photos with your phone: […]. Try it this weekend and show us!",
            "Pour des photos plus lumineuses avec votre téléphone : […]. Essayez ce week-end et montrez-"
            "nous !",
        ),
    ),
    # sports clubs
    idea(
        "club_match",
        "sports_club",
        O.EVENT,
        CLUB_GOALS,
        ("The match this weekend", "Le match du week-end"),
        WHY_JOIN,
        (
            "Match on {date} at {place}: {business} plays […]. Come and cheer, it's free!",
            "Match le {date} à {place} : {business} reçoit […]. Venez encourager, c'est gratuit !",
        ),
    ),
    idea(
        "club_try",
        "sports_club",
        O.VOLUNTEER_CALL,
        CLUB_GOALS,
        ("Come and try a training session", "Venir essayer un entraînement"),
        WHY_JOIN,
        (
            "Want to try? Come to a training session at {place}, […]. Your first one is free at {business}.",
            "Envie d'essayer ? Venez à un entraînement à {place}, […]. Le premier est offert chez "
            "{business}.",
        ),
    ),
    # music
    idea(
        "music_concert",
        "music",
        O.EVENT,
        CLUB_GOALS,
        ("Our next concert", "Notre prochain concert"),
        WHY_JOIN,
        (
            "Concert on {date} at {place}: {business} sings […]. Free entry, bring your friends!",
            "Concert le {date} à {place} : {business} chante […]. Entrée libre, venez avec vos amis !",
        ),
    ),
    idea(
        "music_rehearsal",
        "music",
        O.BEHIND_THE_SCENES,
        CLUB_GOALS,
        ("A rehearsal evening", "Un soir de répétition"),
        WHY_HANDS,
        (
            "Rehearsal evening at {business}: […]. New voices are welcome, no need to read music.",
            "Soir de répétition chez {business} : […]. Les nouvelles voix sont les bienvenues, pas besoin de "
            "lire la musique.",
        ),
    ),
    # stage
    idea(
        "stage_show",
        "stage",
        O.EVENT,
        CLUB_GOALS,
        ("Our next performance", "Notre prochaine représentation"),
        WHY_JOIN,
        (
            "Performance on {date} at {place}: {business} plays […]. Book your seats by message.",
            "Représentation le {date} à {place} : {business} joue […]. Réservez vos places par message.",
        ),
    ),
    idea(
        "stage_costumes",
        "stage",
        O.BEHIND_THE_SCENES,
        CLUB_GOALS,
        ("Behind the curtain", "Derrière le rideau"),
        WHY_HANDS,
        (
            "Behind the curtain at {business}: the costumes for […] are almost ready. Who wants to help?",
            "Derrière le rideau chez {business} : les costumes pour […] sont presque prêts. Qui veut aider ?",
        ),
    ),
    # charity
    idea(
        "charity_drive",
        "charity",
        O.VOLUNTEER_CALL,
        CLUB_GOALS,
        ("A collection this weekend", "Une collecte ce week-end"),
        WHY_JOIN,
        (
            "Collection on {date} at {place}: {business} needs […]. Even one item helps. Thank you!",
            "Collecte le {date} à {place} : {business} a besoin de […]. Même un seul article aide. Merci !",
        ),
    ),
    idea(
        "charity_adoption",
        "charity",
        O.CUSTOMER_STORY,
        CLUB_GOALS,
        ("Looking for a home", "Cherche une famille"),
        WHY_HANDS,
        (
            "[…] is looking for a family! Adoption at {business}, {place}. Share this post, it may find them.",
            "[…] cherche une famille ! Adoption chez {business}, {place}. Partagez ce post, il la trouvera "
            "peut-être.",
        ),
    ),
    # wellbeing
    idea(
        "wellbeing_break",
        "wellbeing",
        O.HOW_TO,
        SHOP_GOALS,
        ("Two minutes for yourself", "Deux minutes pour soi"),
        WHY_HOW,
        (
            "Two minutes for yourself today: […]. And when you need more, {business} is at {place}.",
            "Deux minutes pour vous aujourd'hui : […]. Et quand il vous en faut plus, {business} est à "
            "{place}.",
        ),
    ),
    idea(
        "wellbeing_slots",
        "wellbeing",
        O.PRACTICAL_INFO,
        SHOP_GOALS,
        ("Slots this week", "Les créneaux de la semaine"),
        WHY_JOIN,
        (
            "A few massage slots left this week at {business}: […]. Book by message or phone.",
            "Quelques créneaux de massage libres cette semaine chez {business} : […]. Réservez par message "
            "ou par téléphone.",
        ),
    ),
    # lodging
    idea(
        "lodging_view",
        "lodging",
        O.BEHIND_THE_SCENES,
        SHOP_GOALS,
        ("The view this morning", "La vue ce matin"),
        WHY_SEASON,
        (
            "The view from our guest rooms this morning at {business}. Your stay near {town} starts here.",
            "La vue depuis nos chambres ce matin chez {business}. Votre séjour près de {town} commence ici.",
        ),
    ),
    idea(
        "lodging_dates",
        "lodging",
        O.PRACTICAL_INFO,
        SHOP_GOALS,
        ("Dates still free", "Les dates encore libres"),
        WHY_JOIN,
        (
            "Still free at {business}: […]. Breakfast included, book by message.",
            "Encore libre chez {business} : […]. Petit-déjeuner compris, réservez par message.",
        ),
    ),
    # studio work
    idea(
        "studio_project",
        "studio_work",
        O.CUSTOMER_STORY,
        (SELL, COMMUNITY, LOCAL),
        ("A project just delivered", "Un projet tout juste livré"),
        WHY_HANDS,
        (
            "Just delivered: the new logo for […] in {town}. Here is how it was born.",
            "Tout juste livré : le nouveau logo de […] à {town}. Voici comment il est né.",
        ),
    ),
    idea(
        "studio_tip",
        "studio_work",
        O.TIP,
        (SELL, COMMUNITY),
        ("Three mistakes on a website", "Trois erreurs sur un site web"),
        WHY_HOW,
        (
            "Three mistakes we often see on a website: […]. Need a look at yours? Write to {business}.",
            "Trois erreurs qu'on voit souvent sur un site web : […]. Besoin d'un regard sur le vôtre ? "
            "Écrivez à {business}.",
        ),
    ),
    # office
    idea(
        "office_deadline",
        "office",
        O.PRACTICAL_INFO,
        (SELL, LOCAL, COMMUNITY),
        ("A date not to miss", "Une date à ne pas manquer"),
        WHY_JOIN,
        (
            "Reminder: […] is due on {date}. {business} can help, call us in {town}.",
            "Rappel : […] à faire avant le {date}. {business} peut vous aider, appelez-nous à {town}.",
        ),
    ),
    idea(
        "office_question",
        "office",
        O.FAQ,
        (SELL, LOCAL, COMMUNITY),
        ("The question we hear most", "La question qu'on nous pose le plus"),
        WHY_HOW,
        (
            "The question we hear most at {business}: “[…]?” The answer: […]",
            "La question qu'on nous pose le plus chez {business} : « […] ? » La réponse : […]",
        ),
    ),
)
