"""Which networks suit whom, and why, in plain words. Weights feed recommend.recommend_networks."""

from __future__ import annotations

from cm_desktop.core.coach.content_types import Occasion
from cm_desktop.core.coach.profile import Goal
from cm_desktop.core.i18n import Text
from cm_desktop.core.models import BusinessKind as K

BLURBS: dict[str, Text] = {
    "facebook": Text(
        en="Facebook is where your neighbours, customers' parents and local groups already are: ideal for news, events and opening hours.",
        fr="Facebook, c'est là où sont déjà vos voisins, vos clients et les groupes du coin : idéal pour les nouvelles, les événements et les horaires.",
    ),
    "instagram": Text(
        en="Instagram is a photo and video album people scroll on their phone: perfect if what you do looks good.",
        fr="Instagram est un album de photos et de vidéos qu'on fait défiler sur son téléphone : parfait si ce que vous faites est beau à voir.",
    ),
    "x": Text(
        en="X (formerly Twitter) is a stream of short messages about the news of the moment; it rarely brings local customers today.",
        fr="X (ex-Twitter) est un flot de messages courts sur l'actualité du moment ; il amène rarement des clients du coin aujourd'hui.",
    ),
    "linkedin": Text(
        en="LinkedIn is the professional network: people follow it to find partners, clients and staff.",
        fr="LinkedIn est le réseau professionnel : on y cherche des partenaires, des clients et des collaborateurs.",
    ),
    "mastodon": Text(
        en="Mastodon is a non-commercial network run by many independent servers, with no ads, where people read posts in the order they come.",
        fr="Mastodon est un réseau non commercial fait de nombreux serveurs indépendants, sans publicité, où l'on lit les posts dans l'ordre où ils arrivent.",
    ),
    "bluesky": Text(
        en="Bluesky is a newer network of short posts, friendly and growing fast, where a post can travel far without paying.",
        fr="Bluesky est un réseau de messages courts plus récent, convivial et en pleine croissance, où un post peut aller loin sans rien payer.",
    ),
    "threads": Text(
        en="Threads is Instagram's sister for short text posts: you log in with your Instagram account and reach the same people in words.",
        fr="Threads est le petit frère d'Instagram pour les messages courts : on s'y connecte avec son compte Instagram et on touche le même public avec des mots.",
    ),
    "google_business": Text(
        en="Google Business Profile is your card on Google Search and Maps: hours, photos, reviews and short news shown to people looking nearby.",
        fr="La fiche d'établissement Google est votre carte de visite sur Google et Maps : horaires, photos, avis et petites actualités pour ceux qui cherchent près de chez vous.",
    ),
    "pinterest": Text(
        en="Pinterest is a big idea board where people plan purchases and projects; a good image keeps bringing visitors for months.",
        fr="Pinterest est un grand tableau d'idées où l'on prépare achats et projets ; une belle image y attire des visiteurs pendant des mois.",
    ),
}

# Each kind's starting weights, with the reason shown when the kind is what put the network there.
KIND_TABLE: dict[K, tuple[tuple[str, float, Text], ...]] = {
    K.SHOP: (
        (
            "facebook",
            3,
            Text(
                en="Your local customers are there, of every age.",
                fr="Vos clients du coin y sont, de tous les âges.",
            ),
        ),
        (
            "instagram",
            3,
            Text(
                en="A shop window people browse from their sofa.",
                fr="Une vitrine que l'on parcourt depuis son canapé.",
            ),
        ),
        (
            "google_business",
            2,
            Text(
                en="You show up on Maps when someone nearby searches for a shop like yours.",
                fr="Vous apparaissez sur Maps quand quelqu'un cherche un commerce comme le vôtre près de chez lui.",
            ),
        ),
    ),
    K.CRAFT: (
        (
            "instagram",
            3,
            Text(
                en="Your hands at work make beautiful photos and videos.",
                fr="Vos mains au travail font de belles photos et vidéos.",
            ),
        ),
        (
            "facebook",
            2,
            Text(
                en="Word of mouth for your workshop, around you.",
                fr="Le bouche-à-oreille de votre atelier, autour de chez vous.",
            ),
        ),
        (
            "pinterest",
            2,
            Text(
                en="People collect ideas for handmade things there and come back to buy.",
                fr="On y collectionne les idées de fait-main et on revient acheter.",
            ),
        ),
        (
            "google_business",
            1,
            Text(
                en="People searching for a craftsperson nearby find you.",
                fr="Ceux qui cherchent un artisan près de chez eux vous trouvent.",
            ),
        ),
    ),
    K.ARTIST: (
        (
            "instagram",
            3,
            Text(en="The gallery in everyone's pocket.", fr="La galerie que tout le monde a dans sa poche."),
        ),
        (
            "bluesky",
            2,
            Text(
                en="Many artists moved there: a warm, curious audience.",
                fr="Beaucoup d'artistes s'y sont installés : un public curieux et bienveillant.",
            ),
        ),
        (
            "mastodon",
            2,
            Text(
                en="An art community that values the work, not the algorithm.",
                fr="Une communauté artistique qui valorise l'œuvre, pas l'algorithme.",
            ),
        ),
        (
            "pinterest",
            2,
            Text(
                en="Your images keep circulating for months.", fr="Vos images y circulent pendant des mois."
            ),
        ),
        (
            "threads",
            1,
            Text(
                en="Words around your pictures, for the same audience as Instagram.",
                fr="Des mots autour de vos images, pour le même public qu'Instagram.",
            ),
        ),
    ),
    K.ASSOCIATION: (
        (
            "facebook",
            3,
            Text(
                en="Members, volunteers and the town's groups are there.",
                fr="Adhérents, bénévoles et groupes de la ville y sont.",
            ),
        ),
        (
            "mastodon",
            2,
            Text(
                en="Non-commercial, like you: associations and public services gather there.",
                fr="Non commercial, comme vous : associations et services publics s'y retrouvent.",
            ),
        ),
        (
            "bluesky",
            2,
            Text(
                en="A growing, friendly audience that shares causes readily.",
                fr="Un public convivial et grandissant qui relaie volontiers les causes.",
            ),
        ),
        (
            "instagram",
            1,
            Text(
                en="To reach younger people with photos of your activities.",
                fr="Pour toucher les plus jeunes avec des photos de vos activités.",
            ),
        ),
    ),
    K.RESTAURANT: (
        (
            "instagram",
            3,
            Text(en="People choose where to eat from photos.", fr="On choisit où manger sur photo."),
        ),
        (
            "facebook",
            3,
            Text(
                en="Your regulars follow your specials and evenings there.",
                fr="Vos habitués y suivent vos plats du jour et vos soirées.",
            ),
        ),
        (
            "google_business",
            3,
            Text(
                en="“Restaurant near me” searches land on your card, with your reviews.",
                fr="Les recherches « restaurant près de moi » tombent sur votre fiche, avec vos avis.",
            ),
        ),
    ),
    K.SMALL_FIRM: (
        (
            "linkedin",
            3,
            Text(
                en="Clients, partners and future staff look you up there.",
                fr="Clients, partenaires et futurs salariés vous y cherchent.",
            ),
        ),
        (
            "facebook",
            2,
            Text(
                en="Your local reputation, in front of the people around you.",
                fr="Votre réputation locale, sous les yeux des gens autour de vous.",
            ),
        ),
        (
            "google_business",
            2,
            Text(
                en="Your card on Maps, with reviews that reassure.",
                fr="Votre fiche sur Maps, avec des avis qui rassurent.",
            ),
        ),
    ),
    K.FREELANCER: (
        (
            "linkedin",
            3,
            Text(
                en="Where clients check who you are before calling.",
                fr="Là où les clients vérifient qui vous êtes avant d'appeler.",
            ),
        ),
        (
            "instagram",
            2,
            Text(en="A portfolio people can scroll.", fr="Un portfolio que l'on peut faire défiler."),
        ),
        (
            "bluesky",
            1,
            Text(
                en="Peers and clients who like conversations.",
                fr="Des pairs et des clients qui aiment échanger.",
            ),
        ),
        (
            "mastodon",
            1,
            Text(en="Thoughtful conversations with peers.", fr="Des échanges de fond avec vos pairs."),
        ),
    ),
    K.OTHER: (
        (
            "facebook",
            3,
            Text(
                en="The network most people around you already use.",
                fr="Le réseau que la plupart des gens autour de vous utilisent déjà.",
            ),
        ),
        (
            "instagram",
            2,
            Text(
                en="Good if you have things to show in pictures.",
                fr="Bien si vous avez des choses à montrer en images.",
            ),
        ),
        (
            "google_business",
            1,
            Text(
                en="So that people nearby find you on Maps.",
                fr="Pour que les gens du coin vous trouvent sur Maps.",
            ),
        ),
    ),
}

# What each goal adds, with the reason shown when the goal is what matters most.
GOAL_TABLE: dict[Goal, tuple[tuple[str, float, Text], ...]] = {
    Goal.BRING_PEOPLE_IN: (
        (
            "facebook",
            1,
            Text(
                en="Locals see your news and drop by.", fr="Les gens du coin voient vos nouvelles et passent."
            ),
        ),
        (
            "instagram",
            1,
            Text(
                en="A tempting photo is the best invitation.",
                fr="Une photo qui fait envie est la meilleure des invitations.",
            ),
        ),
        (
            "google_business",
            1,
            Text(
                en="Your hours and address, right where people look.",
                fr="Vos horaires et votre adresse, là où les gens regardent.",
            ),
        ),
    ),
    Goal.ANNOUNCE_EVENTS: (
        (
            "facebook",
            2,
            Text(
                en="Facebook events send reminders to everyone interested.",
                fr="Les événements Facebook envoient des rappels à tous les intéressés.",
            ),
        ),
        (
            "instagram",
            1,
            Text(
                en="Stories count down to the big day.",
                fr="Les stories font le compte à rebours jusqu'au jour J.",
            ),
        ),
    ),
    Goal.SELL_ONLINE: (
        (
            "instagram",
            2,
            Text(
                en="Product photos with a link to buy.",
                fr="Des photos de produits avec un lien pour acheter.",
            ),
        ),
        (
            "pinterest",
            2,
            Text(en="People go there to plan their purchases.", fr="On y va pour préparer ses achats."),
        ),
        (
            "facebook",
            1,
            Text(
                en="Your shop can be linked to your page.", fr="Votre boutique peut être reliée à votre page."
            ),
        ),
    ),
    Goal.FIND_MEMBERS: (
        (
            "facebook",
            2,
            Text(
                en="Local groups are where new members and volunteers come from.",
                fr="C'est dans les groupes locaux que l'on trouve de nouveaux membres et bénévoles.",
            ),
        ),
        (
            "mastodon",
            1,
            Text(
                en="Engaged people who like to get involved.", fr="Des gens engagés qui aiment s'impliquer."
            ),
        ),
        (
            "bluesky",
            1,
            Text(
                en="Calls for help are widely shared there.",
                fr="Les appels à l'aide y sont largement relayés.",
            ),
        ),
        (
            "linkedin",
            1,
            Text(
                en="Where people look for a job or a cause to join.",
                fr="Là où l'on cherche un emploi ou une cause à rejoindre.",
            ),
        ),
    ),
    Goal.BUILD_COMMUNITY: (
        (
            "facebook",
            1,
            Text(
                en="Groups and comments where your people talk together.",
                fr="Des groupes et des commentaires où votre communauté se parle.",
            ),
        ),
        (
            "instagram",
            1,
            Text(
                en="Faithful followers who react to every photo.",
                fr="Des abonnés fidèles qui réagissent à chaque photo.",
            ),
        ),
        (
            "mastodon",
            1,
            Text(
                en="Real conversations, without an algorithm choosing for you.",
                fr="De vraies conversations, sans algorithme qui choisit pour vous.",
            ),
        ),
        (
            "bluesky",
            1,
            Text(en="Lively replies and easy sharing.", fr="Des réponses vivantes et des partages faciles."),
        ),
    ),
    Goal.BE_FOUND_LOCALLY: (
        (
            "google_business",
            2,
            Text(
                en="The first thing people see when they search for you or your trade nearby.",
                fr="La première chose que l'on voit en cherchant votre nom ou votre métier près de chez soi.",
            ),
        ),
        (
            "facebook",
            1,
            Text(
                en="Local pages and groups recommend places to each other.",
                fr="Les pages et groupes locaux se recommandent des adresses.",
            ),
        ),
    ),
}

# Only one of these is planned when time is short: they play the same part (see recommend.py).
ALTERNATIVES: tuple[frozenset[str], ...] = (frozenset({"mastodon", "bluesky"}),)

# Where French-speaking associations, media and public services gathered on Mastodon early, it wins ties.
MASTODON_FIRST_COUNTRIES: frozenset[str] = frozenset({"FR", "BE", "CH", "LU"})

# Ideas that fall flat on a network: Google Business and Pinterest posts are read, not answered.
UNSUITED_OCCASIONS: dict[str, frozenset[Occasion]] = {
    "google_business": frozenset({Occasion.QUESTION, Occasion.POLL, Occasion.THANK_YOU, Occasion.MILESTONE}),
    "pinterest": frozenset(
        {
            Occasion.QUESTION,
            Occasion.POLL,
            Occasion.THANK_YOU,
            Occasion.PRACTICAL_INFO,
            Occasion.MEET_THE_TEAM,
        }
    ),
}
