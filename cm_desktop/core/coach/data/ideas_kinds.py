"""Post ideas written for one or a few kinds of business. Placeholders: see ideas.ALLOWED_PLACEHOLDERS."""

from __future__ import annotations

from cm_desktop.core.coach.content_types import IdeaEntry
from cm_desktop.core.coach.content_types import Occasion as O
from cm_desktop.core.coach.profile import Goal as G
from cm_desktop.core.i18n import Text as T
from cm_desktop.core.models import BusinessKind as K

BRING, EVENTS, SELL = G.BRING_PEOPLE_IN, G.ANNOUNCE_EVENTS, G.SELL_ONLINE
MEMBERS, COMMUNITY, LOCAL = G.FIND_MEMBERS, G.BUILD_COMMUNITY, G.BE_FOUND_LOCALLY

SHOP_IDEAS: tuple[IdeaEntry, ...] = (
    IdeaEntry(
        "shop_just_arrived",
        O.NEW_PRODUCT,
        (K.SHOP,),
        (BRING, SELL),
        T(en="Just arrived on the shelves", fr="Tout juste arrivé en rayon"),
        T(
            en="“Only a few left” is an honest reason to come now rather than later.",
            fr="« Il y en a peu » est une raison honnête de passer maintenant plutôt que plus tard.",
        ),
        T(
            en="Just arrived at {business}: {product}! There are only a few, come and see them at {place}.",
            fr="Tout juste arrivé chez {business} : {product} ! Il y en a peu, venez voir ça à {place}.",
        ),
    ),
    IdeaEntry(
        "shop_window",
        O.BEHIND_THE_SCENES,
        (K.SHOP,),
        (BRING, LOCAL),
        T(en="Your new shop window", fr="Votre nouvelle vitrine"),
        T(
            en="People who walk past every day recognise it and stop next time.",
            fr="Ceux qui passent devant tous les jours la reconnaissent et s'arrêtent la fois suivante.",
        ),
        T(
            en="Our window at {place} has a new look! Have you spotted it on your way through {town}?",
            fr="Notre vitrine fait peau neuve à {place} ! Vous l'avez remarquée en passant dans {town} ?",
        ),
    ),
    IdeaEntry(
        "shop_gift_idea",
        O.TIP,
        (K.SHOP, K.CRAFT),
        (SELL, BRING),
        T(en="A gift idea", fr="Une idée cadeau"),
        T(
            en="You solve a real problem (what to give?) and your product is the answer.",
            fr="Vous réglez un vrai casse-tête (quoi offrir ?) et votre produit est la réponse.",
        ),
        T(
            en="Looking for a gift? {product} is a safe bet, and we wrap it for free at {business}.",
            fr="En panne d'idée cadeau ? {product}, c'est une valeur sûre, et on vous fait le paquet gratuitement chez {business}.",
        ),
    ),
    IdeaEntry(
        "shop_staff_pick",
        O.MEET_THE_TEAM,
        (K.SHOP,),
        (SELL, COMMUNITY),
        T(en="The team's pick of the week", fr="Le coup de cœur de l'équipe"),
        T(
            en="A personal recommendation sells better than an advert.",
            fr="Une recommandation personnelle vend mieux qu'une publicité.",
        ),
        T(
            en="This week's pick from the team at {business}: {product}. Why? Because ...",
            fr="Le coup de cœur de la semaine chez {business} : {product}. Pourquoi ? Parce que ...",
        ),
    ),
    IdeaEntry(
        "shop_regular",
        O.CUSTOMER_STORY,
        (K.SHOP, K.RESTAURANT),
        (COMMUNITY, BRING),
        T(en="Portrait of a regular", fr="Portrait d'un habitué"),
        T(
            en="Regulars are proud to be featured, and their friends discover you.",
            fr="Les habitués sont fiers d'être mis à l'honneur, et leurs proches vous découvrent.",
        ),
        T(
            en="Meet ..., who has been coming to {business} every ... since ... (with their blessing!). Thank you for your loyalty!",
            fr="Voici ..., qui vient chez {business} tous les ... depuis ... (avec son accord !). Merci pour votre fidélité !",
        ),
    ),
    IdeaEntry(
        "shop_order_ahead",
        O.PRACTICAL_INFO,
        (K.SHOP, K.RESTAURANT),
        (SELL, BRING),
        T(en="Order ahead, collect later", fr="Commander à l'avance, retirer plus tard"),
        T(
            en="Removing one obstacle (the queue, the wait) brings back busy people.",
            fr="Lever un obstacle (la file, l'attente) fait revenir les gens pressés.",
        ),
        T(
            en="No time to wait? Send us your order by message ({product} and the rest) and it will be ready for you at {place}.",
            fr="Pas le temps d'attendre ? Envoyez-nous votre commande par message ({product} et le reste) : elle vous attendra à {place}.",
        ),
    ),
    IdeaEntry(
        "shop_first_batch",
        O.BEHIND_THE_SCENES,
        (K.SHOP, K.CRAFT, K.RESTAURANT),
        (BRING, LOCAL),
        T(en="The first batch of the day", fr="La première fournée du jour"),
        T(
            en="An early-morning photo makes people hungry right when they are deciding where to stop.",
            fr="Une photo au petit matin donne faim au moment précis où l'on choisit où s'arrêter.",
        ),
        T(
            en="5 a.m.: the first batch of {product} is out of the oven at {business}. Who's coming to get some while it's still warm?",
            fr="5 h du matin : la première fournée de {product} sort du four chez {business}. Qui passe la chercher encore tiède ?",
        ),
    ),
    IdeaEntry(
        "shop_market_day",
        O.EVENT,
        (K.SHOP, K.CRAFT, K.ARTIST),
        (EVENTS, BRING, LOCAL),
        T(en="See you at the market", fr="Rendez-vous au marché"),
        T(
            en="Telling people where to find you this week turns followers into visitors.",
            fr="Dire où vous trouver cette semaine transforme les abonnés en visiteurs.",
        ),
        T(
            en="On {date}, you will find {business} at the market, {place} in {town}. Come and say hello!",
            fr="Le {date}, retrouvez {business} au marché, {place} à {town}. Venez nous faire un petit coucou !",
        ),
    ),
    IdeaEntry(
        "shop_thanks_local",
        O.THANK_YOU,
        (K.SHOP,),
        (BRING, LOCAL, COMMUNITY),
        T(en="Thank you for shopping local", fr="Merci de consommer local"),
        T(
            en="It reminds people that their choice matters, and they like to show they made it.",
            fr="Ça rappelle aux gens que leur choix compte, et ils aiment montrer qu'ils l'ont fait.",
        ),
        T(
            en="Every purchase at {business} keeps a shop alive in {town}. Thank you for choosing local!",
            fr="Chaque achat chez {business} fait vivre un commerce de {town}. Merci de consommer local !",
        ),
    ),
)

CRAFT_IDEAS: tuple[IdeaEntry, ...] = (
    IdeaEntry(
        "craft_making_of",
        O.BEHIND_THE_SCENES,
        (K.CRAFT,),
        (SELL, COMMUNITY),
        T(en="From raw material to finished piece", fr="De la matière brute à la pièce finie"),
        T(
            en="Seeing the work behind an object explains its price better than any words.",
            fr="Voir le travail derrière un objet explique son prix mieux que n'importe quel discours.",
        ),
        T(
            en="From raw material to {product}: every step in 30 seconds. Which one surprised you?",
            fr="De la matière brute à {product} : toutes les étapes en 30 secondes. Laquelle vous a surpris ?",
        ),
    ),
    IdeaEntry(
        "craft_how_long",
        O.FAQ,
        (K.CRAFT,),
        (SELL, COMMUNITY),
        T(en="How long does it take?", fr="Combien de temps ça prend ?"),
        T(
            en="Everyone wonders; the honest answer earns respect for your work.",
            fr="Tout le monde se le demande ; la réponse honnête fait respecter votre travail.",
        ),
        T(
            en="The question we get most: how long does it take to make {product}? The honest answer: ... hours, and here is where they go.",
            fr="La question qu'on nous pose le plus : combien de temps faut-il pour réaliser {product} ? La réponse honnête : ... heures, et voici où elles passent.",
        ),
    ),
    IdeaEntry(
        "craft_custom_order",
        O.PRACTICAL_INFO,
        (K.CRAFT, K.ARTIST),
        (SELL,),
        T(en="Say you take custom orders", fr="Dire que vous faites du sur-mesure"),
        T(
            en="Many people don't dare to ask: saying it out loud brings orders.",
            fr="Beaucoup n'osent pas demander : le dire clairement amène des commandes.",
        ),
        T(
            en="Fancy a one-off piece made just for you? At {business} we also take custom orders ({product} and more): tell us your idea in a message.",
            fr="Envie d'une pièce unique, faite rien que pour vous ? Chez {business}, on réalise aussi des commandes sur mesure ({product} et bien plus) : racontez-nous votre idée par message.",
        ),
    ),
    IdeaEntry(
        "craft_open_workshop",
        O.EVENT,
        (K.CRAFT, K.ARTIST),
        (EVENTS, BRING, LOCAL),
        T(en="Open workshop day", fr="Portes ouvertes à l'atelier"),
        T(
            en="Meeting the maker in person turns curious people into faithful customers.",
            fr="Rencontrer l'artisan en vrai transforme les curieux en clients fidèles.",
        ),
        T(
            en="Our workshop doors are open on {date}! Come and see how {product} is made, at {place} in {town}.",
            fr="Portes ouvertes à l'atelier le {date} ! Venez voir comment naît {product}, à {place} à {town}.",
        ),
    ),
    IdeaEntry(
        "craft_material",
        O.TIP,
        (K.CRAFT,),
        (SELL, COMMUNITY),
        T(en="Explain a material you love", fr="Expliquer une matière que vous aimez"),
        T(
            en="A little lesson makes people see your products differently, and remember you.",
            fr="Une petite leçon change le regard sur vos produits, et on se souvient de vous.",
        ),
        T(
            en="Why we work with ...: it ..., it ages well, and it comes from ... A little lesson from {business}.",
            fr="Pourquoi on travaille le ... : il ..., il vieillit bien, et il vient de ... Petite leçon signée {business}.",
        ),
    ),
    IdeaEntry(
        "craft_repair",
        O.BEFORE_AFTER,
        (K.CRAFT,),
        (SELL, LOCAL),
        T(en="A repair or a restoration", fr="Une réparation ou une restauration"),
        T(
            en="A rescued object is a small story with a happy ending: everybody loves those.",
            fr="Un objet sauvé, c'est une petite histoire qui finit bien : tout le monde adore ça.",
        ),
        T(
            en="It came to us in this state... and here it is after a few days at {business}. Nothing gets thrown away here!",
            fr="On nous l'a apporté dans cet état... et le voici après quelques jours chez {business}. Ici, rien ne se jette !",
        ),
    ),
    IdeaEntry(
        "craft_care",
        O.HOW_TO,
        (K.CRAFT,),
        (SELL, COMMUNITY),
        T(en="How to look after it", fr="Comment en prendre soin"),
        T(
            en="Care advice shows you stand behind what you make, long after the sale.",
            fr="Des conseils d'entretien montrent que vous suivez vos pièces bien après la vente.",
        ),
        T(
            en="To enjoy {product} for years, three simple habits: ... Advice from {business}.",
            fr="Pour profiter de {product} pendant des années, trois gestes simples : ... Le conseil de {business}.",
        ),
    ),
    IdeaEntry(
        "craft_apprentice",
        O.MEET_THE_TEAM,
        (K.CRAFT,),
        (COMMUNITY, MEMBERS),
        T(en="Passing on the trade", fr="Transmettre le métier"),
        T(
            en="Passing on a skill touches people: it shows a trade that is alive.",
            fr="La transmission touche les gens : elle montre un métier bien vivant.",
        ),
        T(
            en="Meet ..., who is learning the trade with us at {business}. It takes years: this week, ...",
            fr="Voici ..., qui apprend le métier avec nous chez {business}. Ça prend des années : cette semaine, ...",
        ),
    ),
    IdeaEntry(
        "craft_workshop_class",
        O.EVENT,
        (K.CRAFT, K.ARTIST),
        (EVENTS, SELL),
        T(en="Run a hands-on workshop", fr="Animer un atelier d'initiation"),
        T(
            en="People who made something with you remember you, and often come back to buy.",
            fr="Ceux qui ont fabriqué quelque chose avec vous s'en souviennent, et reviennent souvent acheter.",
        ),
        T(
            en="Learn to make your own {product}! Workshop on {date} at {place}, only ... places. Book by message.",
            fr="Apprenez à réaliser votre propre {product} ! Atelier le {date} à {place}, ... places seulement. Réservation par message.",
        ),
    ),
)

ARTIST_IDEAS: tuple[IdeaEntry, ...] = (
    IdeaEntry(
        "artist_wip",
        O.BEHIND_THE_SCENES,
        (K.ARTIST,),
        (COMMUNITY,),
        T(en="Work in progress: guess what it will be", fr="Travail en cours : devinez ce que ce sera"),
        T(
            en="A riddle makes people come back to see the answer.",
            fr="Une devinette donne envie de revenir voir la réponse.",
        ),
        T(
            en="Work in progress... Can you guess what it will become? Answer in a few days!",
            fr="Travail en cours... Vous devinez ce que ça va devenir ? Réponse dans quelques jours !",
        ),
    ),
    IdeaEntry(
        "artist_studio",
        O.BEHIND_THE_SCENES,
        (K.ARTIST,),
        (COMMUNITY, LOCAL),
        T(en="Your studio corner", fr="Votre coin d'atelier"),
        T(
            en="The place where you create fascinates people: it lets them into your world.",
            fr="Le lieu où vous créez fascine : il fait entrer les gens dans votre univers.",
        ),
        T(
            en="This is where it all happens: my little studio corner in {town}. Tidy? Not exactly.",
            fr="C'est ici que tout se passe : mon petit coin d'atelier à {town}. Rangé ? Pas vraiment.",
        ),
    ),
    IdeaEntry(
        "artist_story_of_a_piece",
        O.NEW_PRODUCT,
        (K.ARTIST,),
        (SELL, COMMUNITY),
        T(en="The story behind a piece", fr="L'histoire d'une œuvre"),
        T(
            en="People buy a story as much as an object.",
            fr="On achète une histoire autant qu'un objet.",
        ),
        T(
            en="The story behind “{product}”: it all began with ... The piece is available; write to me if it speaks to you.",
            fr="L'histoire de « {product} » : tout est parti de ... L'œuvre est disponible, écrivez-moi si elle vous parle.",
        ),
    ),
    IdeaEntry(
        "artist_exhibition",
        O.EVENT,
        (K.ARTIST,),
        (EVENTS, BRING),
        T(en="An exhibition or a fair", fr="Une exposition ou un salon"),
        T(
            en="An invitation from the artist in person is hard to turn down.",
            fr="Une invitation de l'artiste en personne, ça ne se refuse pas.",
        ),
        T(
            en="My work is on show at {place} from {date}. I will be there for the opening: come and say hello!",
            fr="Mes œuvres sont exposées à {place} à partir du {date}. Je serai là au vernissage : venez me dire bonjour !",
        ),
    ),
    IdeaEntry(
        "artist_new_home",
        O.CUSTOMER_STORY,
        (K.ARTIST,),
        (SELL, COMMUNITY),
        T(en="Where a piece lives now", fr="Là où vit une œuvre aujourd'hui"),
        T(
            en="Seeing a piece in a real home helps others imagine it in theirs.",
            fr="Voir une œuvre dans un vrai intérieur aide les autres à l'imaginer chez eux.",
        ),
        T(
            en="This piece has found its home! Thank you ... for the photo of it on your wall.",
            fr="Cette œuvre a trouvé sa maison ! Merci ... pour la photo, chez vous, au mur.",
        ),
    ),
    IdeaEntry(
        "artist_technique",
        O.HOW_TO,
        (K.ARTIST,),
        (COMMUNITY,),
        T(en="Show your technique", fr="Montrer votre technique"),
        T(
            en="Process videos are watched to the end, and the networks reward that.",
            fr="Les vidéos de processus sont regardées jusqu'au bout, et les réseaux le récompensent.",
        ),
        T(
            en="How I ... in three steps. Would you like a longer video?",
            fr="Comment je ... en trois étapes. Vous voulez une vidéo plus longue ?",
        ),
    ),
    IdeaEntry(
        "artist_vote_next",
        O.POLL,
        (K.ARTIST,),
        (COMMUNITY, SELL),
        T(en="Let people choose the next piece", fr="Faire choisir la prochaine œuvre"),
        T(
            en="Voters follow what they chose, and some want to own it.",
            fr="Ceux qui votent suivent ce qu'ils ont choisi, et certains voudront l'acquérir.",
        ),
        T(
            en="Which one should I work on next: 1 or 2? The one with the most votes wins.",
            fr="Laquelle je commence ensuite : la 1 ou la 2 ? Celle qui a le plus de votes l'emporte.",
        ),
    ),
    IdeaEntry(
        "artist_small_format",
        O.NEW_PRODUCT,
        (K.ARTIST,),
        (SELL,),
        T(en="Prints and small formats", fr="Tirages et petits formats"),
        T(
            en="A smaller price opens the door to people who love your work but can't afford an original.",
            fr="Un prix plus doux ouvre la porte à ceux qui aiment votre travail sans pouvoir s'offrir un original.",
        ),
        T(
            en="Not everyone has a wall for a large canvas: {product} now comes in a small format. Link in bio.",
            fr="Tout le monde n'a pas un mur pour une grande toile : {product} existe maintenant en petit format. Lien en bio.",
        ),
    ),
    IdeaEntry(
        "artist_influence",
        O.QUESTION,
        (K.ARTIST,),
        (COMMUNITY,),
        T(en="An artist who inspires you", fr="Un artiste qui vous inspire"),
        T(
            en="Talking about others' work shows generosity, and people answer with their own favourites.",
            fr="Parler du travail des autres montre votre générosité, et chacun répond avec ses propres coups de cœur.",
        ),
        T(
            en="An artist who changed the way I see things: ... And you, whose work moves you?",
            fr="Un artiste qui a changé mon regard : ... Et vous, quelle œuvre vous bouleverse ?",
        ),
    ),
)

ASSOCIATION_IDEAS: tuple[IdeaEntry, ...] = (
    IdeaEntry(
        "asso_volunteer_call",
        O.VOLUNTEER_CALL,
        (K.ASSOCIATION,),
        (MEMBERS, EVENTS),
        T(en="Ask for a hand", fr="Demander un coup de main"),
        T(
            en="A precise request (a date, a task, an hour) gets far more yeses than “we need help”.",
            fr="Une demande précise (une date, une tâche, une heure) obtient bien plus de oui qu'un « on a besoin d'aide ».",
        ),
        T(
            en="We need you! {business} is looking for ... volunteers on {date} at {place}. Even one hour helps. Send us a message!",
            fr="On a besoin de vous ! {business} cherche ... bénévoles le {date} à {place}. Même une heure, ça aide. Écrivez-nous !",
        ),
    ),
    IdeaEntry(
        "asso_volunteer_portrait",
        O.MEET_THE_TEAM,
        (K.ASSOCIATION,),
        (MEMBERS, COMMUNITY),
        T(en="Portrait of a volunteer", fr="Portrait d'un ou d'une bénévole"),
        T(
            en="Future volunteers picture themselves in someone like them.",
            fr="Les futurs bénévoles se projettent dans quelqu'un qui leur ressemble.",
        ),
        T(
            en="Meet ..., a volunteer at {business} since ... What keeps them coming back? “...”",
            fr="Voici ..., bénévole chez {business} depuis ... Ce qui l'a fait rester ? « ... »",
        ),
    ),
    IdeaEntry(
        "asso_why_join",
        O.FAQ,
        (K.ASSOCIATION,),
        (MEMBERS,),
        T(en="Why join us?", fr="Pourquoi nous rejoindre ?"),
        T(
            en="Many people would join if someone simply asked and explained how.",
            fr="Beaucoup adhéreraient si on le leur proposait simplement, en expliquant comment.",
        ),
        T(
            en="Why join {business}? 1. ... 2. ... 3. You meet wonderful people in {town}. Membership for the year: ...",
            fr="Pourquoi adhérer à {business} ? 1. ... 2. ... 3. On rencontre des gens formidables à {town}. Adhésion pour l'année : ...",
        ),
    ),
    IdeaEntry(
        "asso_general_meeting",
        O.EVENT,
        (K.ASSOCIATION,),
        (EVENTS, MEMBERS),
        T(en="The general meeting", fr="L'assemblée générale"),
        T(
            en="Inviting the curious, not just members, is how new faces arrive.",
            fr="Inviter les curieux, pas seulement les adhérents, c'est comme ça qu'arrivent de nouvelles têtes.",
        ),
        T(
            en="Our annual general meeting is on {date} at {place}. Members and curious people alike are welcome: it's the moment to have your say!",
            fr="Notre assemblée générale aura lieu le {date} à {place}. Adhérents et curieux, tout le monde est bienvenu : c'est le moment de donner votre avis !",
        ),
    ),
    IdeaEntry(
        "asso_impact",
        O.MILESTONE,
        (K.ASSOCIATION,),
        (COMMUNITY, MEMBERS),
        T(en="Show what you achieved together", fr="Montrer ce que vous avez accompli ensemble"),
        T(
            en="Concrete results make members proud and convince hesitant people.",
            fr="Des résultats concrets rendent les adhérents fiers et convainquent les hésitants.",
        ),
        T(
            en="This year, thanks to you, {business} ... A huge thank you to every member and volunteer!",
            fr="Cette année, grâce à vous, {business} a ... Un immense merci à chaque adhérent et à chaque bénévole !",
        ),
    ),
    IdeaEntry(
        "asso_thank_sponsor",
        O.LOCAL_PARTNER,
        (K.ASSOCIATION,),
        (LOCAL, COMMUNITY),
        T(en="Thank a partner or a sponsor", fr="Remercier un partenaire ou un mécène"),
        T(
            en="A public thank-you keeps partners loyal, and they share it with their own network.",
            fr="Un merci public fidélise les partenaires, et ils le relaient auprès de leur propre réseau.",
        ),
        T(
            en="Thank you to ... in {town} for supporting {business}! Thanks to them, ...",
            fr="Merci à ... à {town} de soutenir {business} ! Grâce à eux, ...",
        ),
    ),
    IdeaEntry(
        "asso_ordinary_session",
        O.BEHIND_THE_SCENES,
        (K.ASSOCIATION,),
        (MEMBERS, COMMUNITY),
        T(en="A photo of an ordinary session", fr="La photo d'une séance ordinaire"),
        T(
            en="Showing a normal day takes away the fear of walking in for the first time.",
            fr="Montrer un jour ordinaire enlève la peur de pousser la porte la première fois.",
        ),
        T(
            en="An ordinary evening at {place}: this is {business} from the inside. Want to try? Your first session is free.",
            fr="Une soirée ordinaire à {place} : voilà {business} vu de l'intérieur. Envie d'essayer ? La première séance est offerte.",
        ),
    ),
    IdeaEntry(
        "asso_support_call",
        O.VOLUNTEER_CALL,
        (K.ASSOCIATION,),
        (MEMBERS, COMMUNITY),
        T(en="Ask for support", fr="Appeler au soutien"),
        T(
            en="Saying exactly what a contribution pays for makes people give.",
            fr="Dire exactement à quoi sert une contribution donne envie de donner.",
        ),
        T(
            en="{business} runs on the energy of its volunteers and on small donations. If you can, ... Every contribution goes to ...",
            fr="{business} vit grâce à l'énergie de ses bénévoles et à de petits dons. Si vous le pouvez, ... Chaque contribution sert à ...",
        ),
    ),
    IdeaEntry(
        "asso_ask_members",
        O.QUESTION,
        (K.ASSOCIATION,),
        (COMMUNITY, MEMBERS),
        T(en="Ask members what they would like", fr="Demander leurs envies aux adhérents"),
        T(
            en="Being asked makes members feel the association is theirs.",
            fr="Être consulté donne aux adhérents le sentiment que l'association leur appartient.",
        ),
        T(
            en="Next season at {business}: which activity would you like us to add? Every idea is welcome!",
            fr="La saison prochaine chez {business} : quelle activité aimeriez-vous qu'on ajoute ? Toutes les idées sont bonnes à prendre !",
        ),
    ),
    IdeaEntry(
        "asso_programme",
        O.EVENT,
        (K.ASSOCIATION,),
        (EVENTS, BRING),
        T(en="The programme of the day", fr="Le programme de la journée"),
        T(
            en="A clear programme helps people plan their day around you.",
            fr="Un programme clair aide les gens à organiser leur journée autour de vous.",
        ),
        T(
            en="The programme for {date} at {place}: ... Free and open to all. Share it with someone who will love it!",
            fr="Au programme du {date} à {place} : ... Gratuit et ouvert à tous. Partagez-le à quelqu'un qui va adorer !",
        ),
    ),
)

RESTAURANT_IDEAS: tuple[IdeaEntry, ...] = (
    IdeaEntry(
        "resto_todays_special",
        O.NEW_PRODUCT,
        (K.RESTAURANT,),
        (BRING, LOCAL),
        T(en="Today's special", fr="Le plat du jour"),
        T(
            en="Posted before lunch, a good photo decides where people eat today.",
            fr="Publiée avant le déjeuner, une belle photo décide où l'on mange aujourd'hui.",
        ),
        T(
            en="Today at {business}: {product}. From noon, until it runs out!",
            fr="Aujourd'hui chez {business} : {product}. Dès midi, jusqu'à épuisement !",
        ),
    ),
    IdeaEntry(
        "resto_kitchen",
        O.BEHIND_THE_SCENES,
        (K.RESTAURANT,),
        (BRING, COMMUNITY),
        T(en="A look into the kitchen", fr="Un œil en cuisine"),
        T(
            en="An open kitchen, even on a screen, builds trust in what is on the plate.",
            fr="Une cuisine ouverte, même sur un écran, donne confiance dans ce qu'il y a dans l'assiette.",
        ),
        T(
            en="10 a.m. in the kitchen at {business}: we are preparing ... for lunch. Can you guess what it is?",
            fr="10 h en cuisine chez {business} : on prépare ... pour le déjeuner. Vous devinez ce que c'est ?",
        ),
    ),
    IdeaEntry(
        "resto_recipe",
        O.HOW_TO,
        (K.RESTAURANT, K.SHOP),
        (COMMUNITY,),
        T(en="Share a simple recipe", fr="Partager une recette simple"),
        T(
            en="Giving away a recipe doesn't cost you customers: it makes them want to taste the real thing.",
            fr="Donner une recette ne vous fait pas perdre de clients : ça leur donne envie de goûter l'original.",
        ),
        T(
            en="A secret from {business}: how to make ... at home, in 3 steps. Try it and send us a photo!",
            fr="Un secret de {business} : comment réussir ... à la maison, en 3 étapes. Essayez et envoyez-nous une photo !",
        ),
    ),
    IdeaEntry(
        "resto_producer",
        O.LOCAL_PARTNER,
        (K.RESTAURANT,),
        (LOCAL, COMMUNITY),
        T(en="Introduce a producer", fr="Présenter un producteur"),
        T(
            en="A face behind the ingredients tells people you care about what you serve.",
            fr="Un visage derrière les produits montre que vous tenez à ce que vous servez.",
        ),
        T(
            en="The ... on your plate at {business} comes from ..., near {town}. Meet the people who grow it!",
            fr="Les ... de votre assiette chez {business} viennent de chez ..., près de {town}. On vous présente ceux qui les font pousser !",
        ),
    ),
    IdeaEntry(
        "resto_book_table",
        O.PRACTICAL_INFO,
        (K.RESTAURANT,),
        (BRING,),
        T(en="Remind people to book", fr="Rappeler de réserver"),
        T(
            en="“It's filling up” is useful information, and a nudge to decide now.",
            fr="« Ça se remplit » est une info utile, et un petit coup de pouce pour se décider.",
        ),
        T(
            en="The weekend is filling up fast at {business}! Book your table for {date} by phone or by message.",
            fr="Le week-end se remplit vite chez {business} ! Réservez votre table pour le {date} par téléphone ou par message.",
        ),
    ),
    IdeaEntry(
        "resto_new_menu",
        O.NEW_PRODUCT,
        (K.RESTAURANT,),
        (BRING,),
        T(en="The new menu", fr="La nouvelle carte"),
        T(
            en="A new menu is news: it gives your regulars a reason to come back.",
            fr="Une nouvelle carte, c'est une actualité : vos habitués ont une raison de revenir.",
        ),
        T(
            en="New season, new menu at {business}! Among the newcomers: {product}. Which one will you try first?",
            fr="Nouvelle saison, nouvelle carte chez {business} ! Parmi les nouveautés : {product}. Vous goûtez quoi en premier ?",
        ),
    ),
    IdeaEntry(
        "resto_behind_the_bar",
        O.MEET_THE_TEAM,
        (K.RESTAURANT,),
        (COMMUNITY, BRING),
        T(en="Who is behind the bar", fr="Qui est derrière le comptoir"),
        T(
            en="People come back for a place, and even more for the people in it.",
            fr="On revient pour un lieu, et encore plus pour les gens qui l'animent.",
        ),
        T(
            en="Meet ..., who makes your coffee every morning at {business}. Their secret: ...",
            fr="Voici ..., qui prépare votre café chaque matin chez {business}. Son secret : ...",
        ),
    ),
    IdeaEntry(
        "resto_vote_dish",
        O.POLL,
        (K.RESTAURANT,),
        (COMMUNITY, BRING),
        T(en="Let regulars vote for a dish", fr="Faire voter les habitués pour un plat"),
        T(
            en="Those who voted will want to come and taste the winner.",
            fr="Ceux qui ont voté voudront venir goûter le gagnant.",
        ),
        T(
            en="Should ... come back on the menu? Yes or no, tell us in the comments!",
            fr="On remet ... à la carte ? Oui ou non, dites-le-nous en commentaire !",
        ),
    ),
    IdeaEntry(
        "resto_special_evening",
        O.EVENT,
        (K.RESTAURANT,),
        (EVENTS, BRING),
        T(en="A special evening", fr="Une soirée spéciale"),
        T(
            en="A themed evening gives a date to put in the diary and something to talk about.",
            fr="Une soirée à thème donne une date à noter et un sujet de conversation.",
        ),
        T(
            en="On {date}: ... evening at {business}! Seats are limited, book now.",
            fr="Le {date} : soirée ... chez {business} ! Places limitées, réservez vite.",
        ),
    ),
)

SMALL_FIRM_IDEAS: tuple[IdeaEntry, ...] = (
    IdeaEntry(
        "firm_client_story",
        O.CUSTOMER_STORY,
        (K.SMALL_FIRM,),
        (SELL, BRING),
        T(en="A client story", fr="Un retour d'expérience client"),
        T(
            en="A real problem solved speaks louder than a list of services.",
            fr="Un vrai problème résolu parle plus qu'une liste de services.",
        ),
        T(
            en="Client story: ... came to {business} with a problem: ... Here is what we did, and the result.",
            fr="Retour d'expérience : ... est venu voir {business} avec un problème : ... Voici ce qu'on a fait, et le résultat.",
        ),
    ),
    IdeaEntry(
        "firm_hiring",
        O.MEET_THE_TEAM,
        (K.SMALL_FIRM, K.RESTAURANT, K.SHOP),
        (MEMBERS, LOCAL),
        T(en="We are hiring", fr="On recrute"),
        T(
            en="The best candidates often come through someone who shared your post.",
            fr="Les meilleurs candidats arrivent souvent par quelqu'un qui a partagé votre post.",
        ),
        T(
            en="{business} is hiring! We are looking for a ... in {town}. Know someone? Share this post.",
            fr="{business} recrute ! Nous cherchons un ou une ... à {town}. Vous connaissez quelqu'un ? Partagez ce post.",
        ),
    ),
    IdeaEntry(
        "firm_three_mistakes",
        O.TIP,
        (K.SMALL_FIRM, K.FREELANCER),
        (SELL, COMMUNITY),
        T(en="Three common mistakes", fr="Trois erreurs fréquentes"),
        T(
            en="Practical advice shows your expertise and gets saved for later.",
            fr="Un conseil pratique montre votre expertise et on le garde pour plus tard.",
        ),
        T(
            en="3 mistakes we often see with ..., and how to avoid them. From the team at {business}.",
            fr="Trois erreurs qu'on voit souvent avec ..., et comment les éviter. Par l'équipe de {business}.",
        ),
    ),
    IdeaEntry(
        "firm_day_at_work",
        O.BEHIND_THE_SCENES,
        (K.SMALL_FIRM,),
        (COMMUNITY, MEMBERS),
        T(en="A day at the office", fr="Une journée au bureau"),
        T(
            en="Clients and future colleagues want to know who they will be dealing with.",
            fr="Clients et futurs collègues veulent savoir à qui ils auront affaire.",
        ),
        T(
            en="A day at {business}: morning coffee, ... and lunch together at {place}. This is us!",
            fr="Une journée chez {business} : café du matin, ... et déjeuner ensemble à {place}. C'est nous !",
        ),
    ),
    IdeaEntry(
        "firm_new_service",
        O.NEW_PRODUCT,
        (K.SMALL_FIRM, K.FREELANCER),
        (SELL, BRING),
        T(en="Launch a new service", fr="Lancer un nouveau service"),
        T(
            en="Saying who it is for helps the right people recognise themselves.",
            fr="Dire à qui il s'adresse aide les bonnes personnes à se reconnaître.",
        ),
        T(
            en="New at {business}: {product}. Designed for ... Get in touch for a first chat, it's free.",
            fr="Nouveau chez {business} : {product}. Pensé pour ... Contactez-nous pour un premier échange, c'est gratuit.",
        ),
    ),
    IdeaEntry(
        "firm_how_much",
        O.FAQ,
        (K.SMALL_FIRM, K.FREELANCER),
        (SELL,),
        T(en="“How much does it cost?”", fr="« Combien ça coûte ? »"),
        T(
            en="Talking about price openly builds trust and filters out the wrong requests.",
            fr="Parler prix ouvertement crée la confiance et évite les demandes qui ne vous correspondent pas.",
        ),
        T(
            en="“How much does ... cost?” We hear it a lot at {business}. The honest answer: it depends on ..., and here is how we work it out.",
            fr="« Combien coûte ... ? » On nous pose souvent la question chez {business}. La réponse honnête : ça dépend de ..., et voici comment on le calcule.",
        ),
    ),
    IdeaEntry(
        "firm_partnership",
        O.LOCAL_PARTNER,
        (K.SMALL_FIRM,),
        (LOCAL, SELL),
        T(en="A partnership", fr="Un partenariat"),
        T(
            en="Two firms announcing together reach both audiences at once.",
            fr="Deux entreprises qui annoncent ensemble touchent leurs deux publics d'un coup.",
        ),
        T(
            en="Working together: {business} and ... have joined forces on ... Proud of this partnership in {town}!",
            fr="Ensemble : {business} et ... unissent leurs forces pour ... Fiers de ce partenariat à {town} !",
        ),
    ),
    IdeaEntry(
        "firm_milestone",
        O.MILESTONE,
        (K.SMALL_FIRM,),
        (COMMUNITY, SELL),
        T(en="A company milestone", fr="Une étape pour l'entreprise"),
        T(
            en="Numbers show you are solid; a thank-you keeps it humble.",
            fr="Les chiffres montrent que vous êtes solides ; un merci garde le ton modeste.",
        ),
        T(
            en="... years, ... clients, ... projects: {business} is celebrating! Thank you for your trust.",
            fr="... ans, ... clients, ... projets : {business} fait la fête ! Merci pour votre confiance.",
        ),
    ),
    IdeaEntry(
        "firm_talk_invite",
        O.EVENT,
        (K.SMALL_FIRM, K.FREELANCER),
        (EVENTS, SELL),
        T(en="Invite people to a talk", fr="Inviter à une rencontre"),
        T(
            en="A free talk lets future clients meet you without committing to anything.",
            fr="Une rencontre gratuite permet aux futurs clients de vous découvrir sans s'engager.",
        ),
        T(
            en="Join us on {date} at {place}: ... minutes on ..., then coffee and your questions. Free, but please sign up.",
            fr="Rejoignez-nous le {date} à {place} : ... minutes pour parler de ..., puis un café et vos questions. Gratuit, sur inscription.",
        ),
    ),
)

FREELANCER_IDEAS: tuple[IdeaEntry, ...] = (
    IdeaEntry(
        "free_who_i_help",
        O.MEET_THE_TEAM,
        (K.FREELANCER,),
        (SELL, LOCAL),
        T(en="Say who you help", fr="Dire qui vous aidez"),
        T(
            en="One clear sentence about who you help lets people send you the right clients.",
            fr="Une phrase claire sur qui vous aidez permet qu'on vous envoie les bons clients.",
        ),
        T(
            en="I'm ..., and I help ... to ... If that sounds like you, my inbox is open.",
            fr="Je suis ..., et j'aide les ... à ... Si ça vous parle, ma messagerie est ouverte.",
        ),
    ),
    IdeaEntry(
        "free_lesson_learned",
        O.TIP,
        (K.FREELANCER,),
        (COMMUNITY,),
        T(en="A lesson learned", fr="Une leçon apprise"),
        T(
            en="Honest lessons get more reactions than success stories.",
            fr="Les leçons honnêtes font plus réagir que les success stories.",
        ),
        T(
            en="What ... years as a freelancer taught me about ...: ...",
            fr="Ce que ... ans à mon compte m'ont appris sur ... : ...",
        ),
    ),
    IdeaEntry(
        "free_testimonial",
        O.CUSTOMER_STORY,
        (K.FREELANCER,),
        (SELL,),
        T(en="A client testimonial", fr="Le témoignage d'un client"),
        T(
            en="For a freelancer, a happy client's words are the best shop window.",
            fr="Pour un indépendant, les mots d'un client satisfait sont la meilleure vitrine.",
        ),
        T(
            en="“...” – ..., after we worked together on {product}. Thank you for your trust!",
            fr="« ... » – ..., après notre collaboration sur {product}. Merci pour votre confiance !",
        ),
    ),
    IdeaEntry(
        "free_availability",
        O.PRACTICAL_INFO,
        (K.FREELANCER,),
        (SELL,),
        T(en="Say you are available", fr="Dire que vous êtes disponible"),
        T(
            en="People who like your work often assume you are too busy: tell them you are not.",
            fr="Ceux qui aiment votre travail pensent souvent que vous êtes débordé : dites-leur que non.",
        ),
        T(
            en="I have room for ... new projects from {date}. Need a hand with {product}? Let's talk.",
            fr="J'ai de la place pour ... nouveaux projets à partir du {date}. Besoin d'un coup de main pour {product} ? Parlons-en.",
        ),
    ),
    IdeaEntry(
        "free_workspace",
        O.BEHIND_THE_SCENES,
        (K.FREELANCER,),
        (COMMUNITY,),
        T(en="Your office of the day", fr="Votre bureau du jour"),
        T(
            en="A glimpse of your daily life makes you a person, not just a service.",
            fr="Un aperçu de votre quotidien fait de vous une personne, pas seulement un service.",
        ),
        T(
            en="My office today: {place}. And you, where do you work best?",
            fr="Mon bureau du jour : {place}. Et vous, où travaillez-vous le mieux ?",
        ),
    ),
    IdeaEntry(
        "free_process",
        O.HOW_TO,
        (K.FREELANCER, K.SMALL_FIRM),
        (SELL,),
        T(en="How working with you goes", fr="Comment se passe une collaboration"),
        T(
            en="Knowing the steps takes away the fear of getting in touch.",
            fr="Connaître les étapes enlève la peur de prendre contact.",
        ),
        T(
            en="How a project with {business} goes: 1. a free first call, 2. ..., 3. ... No surprises.",
            fr="Comment se passe un projet avec {business} : 1. un premier appel gratuit, 2. ..., 3. ... Aucune surprise.",
        ),
    ),
    IdeaEntry(
        "free_ask_peers",
        O.QUESTION,
        (K.FREELANCER,),
        (COMMUNITY, LOCAL),
        T(en="Ask your peers", fr="Interroger vos pairs"),
        T(
            en="Peers become a network that sends you work when they are too busy.",
            fr="Vos pairs deviennent un réseau qui vous envoie du travail quand ils sont débordés.",
        ),
        T(
            en="A question for fellow freelancers in {town}: how do you ...? I'd love to hear your tricks.",
            fr="Question aux indépendants de {town} : comment faites-vous pour ... ? J'ai hâte de lire vos astuces.",
        ),
    ),
    IdeaEntry(
        "free_before_after",
        O.BEFORE_AFTER,
        (K.FREELANCER,),
        (SELL,),
        T(en="Before and after your work", fr="Avant / après votre intervention"),
        T(
            en="The difference you make is easier to show than to explain.",
            fr="La différence que vous apportez se montre plus facilement qu'elle ne s'explique.",
        ),
        T(
            en="Before / after: ... for ... Swipe to compare!",
            fr="Avant / après : ... pour ... Faites glisser pour comparer !",
        ),
    ),
)

KIND_IDEAS: tuple[IdeaEntry, ...] = (
    SHOP_IDEAS
    + CRAFT_IDEAS
    + ARTIST_IDEAS
    + ASSOCIATION_IDEAS
    + RESTAURANT_IDEAS
    + SMALL_FIRM_IDEAS
    + FREELANCER_IDEAS
)
