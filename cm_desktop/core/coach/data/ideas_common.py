"""Post ideas that suit every kind of business. Placeholders: see ideas.ALLOWED_PLACEHOLDERS."""

from __future__ import annotations

from cm_desktop.core.coach.content_types import IdeaEntry
from cm_desktop.core.coach.content_types import Occasion as O
from cm_desktop.core.coach.profile import Goal as G
from cm_desktop.core.i18n import Text as T

BRING, EVENTS, SELL = G.BRING_PEOPLE_IN, G.ANNOUNCE_EVENTS, G.SELL_ONLINE
MEMBERS, COMMUNITY, LOCAL = G.FIND_MEMBERS, G.BUILD_COMMUNITY, G.BE_FOUND_LOCALLY

COMMON_IDEAS: tuple[IdeaEntry, ...] = (
    IdeaEntry(
        "bts_before_opening",
        O.BEHIND_THE_SCENES,
        (),
        (COMMUNITY, BRING),
        T(en="A moment before you open", fr="Un moment avant l'ouverture"),
        T(
            en="People love seeing what they normally never see: it makes you human.",
            fr="On adore voir ce qu'on ne voit jamais d'habitude : ça vous rend proche.",
        ),
        T(
            en="Before the doors open at {business}: this is what an ordinary morning looks like for us. What would you like to see next time?",
            fr="Avant l'ouverture chez {business} : voilà à quoi ressemble une matinée ordinaire. Qu'est-ce que vous aimeriez découvrir la prochaine fois ?",
        ),
    ),
    IdeaEntry(
        "bts_favourite_tool",
        O.BEHIND_THE_SCENES,
        (),
        (COMMUNITY,),
        T(en="The tool you could not live without", fr="L'outil dont vous ne pourriez pas vous passer"),
        T(
            en="One object tells a story and makes people ask questions.",
            fr="Un seul objet raconte une histoire et donne envie de poser des questions.",
        ),
        T(
            en="Meet the tool we could not work without at {business}. It has been with us for years, and it has a story: ...",
            fr="Voici l'outil sans lequel on ne pourrait pas travailler chez {business}. Il nous accompagne depuis des années, et il a une histoire : ...",
        ),
    ),
    IdeaEntry(
        "bts_flop",
        O.BEHIND_THE_SCENES,
        (),
        (COMMUNITY,),
        T(en="Your flop of the week", fr="Votre raté de la semaine"),
        T(
            en="A funny mistake is warmer than a perfect photo, and people answer with their own.",
            fr="Un raté qui fait sourire touche plus qu'une photo parfaite, et chacun répond avec le sien.",
        ),
        T(
            en="Not everything goes to plan at {business}... Here is our flop of the week! Do you have one too?",
            fr="Tout ne se passe pas toujours comme prévu chez {business}... Voici notre raté de la semaine ! Et vous, vous en avez un ?",
        ),
    ),
    IdeaEntry(
        "new_product_intro",
        O.NEW_PRODUCT,
        (),
        (BRING, SELL),
        T(en="Introduce something new", fr="Présenter une nouveauté"),
        T(
            en="News gives people a reason to come back, and a reason to share.",
            fr="Une nouveauté donne une raison de revenir, et une raison de partager.",
        ),
        T(
            en="New at {business}: {product}! Come and discover it from {date} at {place}. We can't wait to hear what you think.",
            fr="Nouveau chez {business} : {product} ! À découvrir dès le {date} à {place}. On a hâte d'avoir votre avis.",
        ),
    ),
    IdeaEntry(
        "new_online",
        O.NEW_PRODUCT,
        (),
        (SELL,),
        T(en="Point to your online shop", fr="Mettre en avant votre boutique en ligne"),
        T(
            en="Make buying easy: one post, one product, one link.",
            fr="Facilitez l'achat : un post, un produit, un lien.",
        ),
        T(
            en="{product} is now available online! Order before {date} and we will take care of the rest. Link in bio.",
            fr="{product} est maintenant disponible en ligne ! Commandez avant le {date}, on s'occupe du reste. Lien en bio.",
        ),
    ),
    IdeaEntry(
        "story_kind_word",
        O.CUSTOMER_STORY,
        (),
        (COMMUNITY, BRING),
        T(en="Share a kind word you received", fr="Partager un petit mot reçu"),
        T(
            en="What others say about you is more convincing than anything you say yourself.",
            fr="Ce que les autres disent de vous convainc plus que tout ce que vous pourriez dire vous-même.",
        ),
        T(
            en="“...” This message made the whole {business} team smile. Thank you for taking the time to write it! (Shared with permission.)",
            fr="« ... » Ce message a fait sourire toute l'équipe de {business}. Merci d'avoir pris le temps de l'écrire ! (Partagé avec son accord.)",
        ),
    ),
    IdeaEntry(
        "story_ask_review",
        O.CUSTOMER_STORY,
        (),
        (LOCAL, BRING),
        T(en="Ask for a review", fr="Demander un avis"),
        T(
            en="Reviews are what people nearby read before choosing; a friendly request is often enough.",
            fr="Les avis sont la première chose que lisent les gens du coin avant de choisir ; une demande sympathique suffit souvent.",
        ),
        T(
            en="Did you enjoy {product}? A short review on Google helps other people find {business}. It takes a minute and it means a lot to us!",
            fr="Vous avez aimé {product} ? Un petit avis sur Google aide d'autres personnes à trouver {business}. Ça prend une minute et ça compte énormément pour nous !",
        ),
    ),
    IdeaEntry(
        "question_favourite",
        O.QUESTION,
        (),
        (COMMUNITY,),
        T(en="Ask about favourites", fr="Demander le préféré de chacun"),
        T(
            en="Easy questions get answers, and answers make the network show your post to more people.",
            fr="Une question facile attire des réponses, et les réponses poussent le réseau à montrer votre post à plus de monde.",
        ),
        T(
            en="Quick question: what is your favourite at {business}? Tell us in the comments, we read every one.",
            fr="Petite question : c'est quoi, votre préféré chez {business} ? Dites-le-nous en commentaire, on lit tout.",
        ),
    ),
    IdeaEntry(
        "question_what_next",
        O.QUESTION,
        (),
        (COMMUNITY, SELL),
        T(en="Let people tell you what they want", fr="Laisser les gens dire ce qu'ils veulent"),
        T(
            en="People support what they helped to create.",
            fr="On soutient volontiers ce qu'on a aidé à construire.",
        ),
        T(
            en="We are thinking about what comes next at {business}. If you could ask us for one thing, what would it be?",
            fr="On réfléchit à la suite chez {business}. Si vous pouviez nous demander une seule chose, ce serait quoi ?",
        ),
    ),
    IdeaEntry(
        "question_first_visit",
        O.QUESTION,
        (),
        (COMMUNITY, LOCAL),
        T(en="Ask for a memory", fr="Faire appel aux souvenirs"),
        T(
            en="Memories are personal and easy to share: they bring long, warm comments.",
            fr="Les souvenirs sont personnels et faciles à raconter : ils amènent des commentaires longs et chaleureux.",
        ),
        T(
            en="Do you remember the first time you came to {business}? Tell us in the comments!",
            fr="Vous vous souvenez de la première fois que vous êtes venus chez {business} ? Racontez-nous en commentaire !",
        ),
    ),
    IdeaEntry(
        "question_town",
        O.QUESTION,
        (),
        (LOCAL, COMMUNITY),
        T(en="Ask about your town", fr="Parler de votre ville"),
        T(
            en="Talking about the place you share reaches locals, even those who don't know you yet.",
            fr="Parler du coin que vous partagez touche les habitants, même ceux qui ne vous connaissent pas encore.",
        ),
        T(
            en="Your favourite spot in {town} for a Sunday walk? We are collecting ideas!",
            fr="Votre coin préféré à {town} pour une balade du dimanche ? On prend toutes vos idées !",
        ),
    ),
    IdeaEntry(
        "poll_a_or_b",
        O.POLL,
        (),
        (COMMUNITY, BRING),
        T(en="A poll with two choices", fr="Un sondage à deux choix"),
        T(
            en="One tap to answer: the easiest way to get people involved.",
            fr="Un seul geste pour répondre : la façon la plus simple d'impliquer les gens.",
        ),
        T(
            en="Help us choose! A or B for {date}? Vote in the comments with A or B.",
            fr="Aidez-nous à choisir ! A ou B pour le {date} ? Votez en commentaire avec A ou B.",
        ),
    ),
    IdeaEntry(
        "poll_this_or_that",
        O.POLL,
        (),
        (COMMUNITY,),
        T(en="This or that?", fr="Plutôt ceci ou cela ?"),
        T(
            en="A light-hearted debate gets people talking to each other, not only to you.",
            fr="Un petit débat sans enjeu fait discuter les gens entre eux, pas seulement avec vous.",
        ),
        T(
            en="Team ... or team ...? At {business} we can't agree. Your turn to decide!",
            fr="Plutôt ... ou plutôt ... ? Chez {business}, on n'est pas d'accord. À vous de trancher !",
        ),
    ),
    IdeaEntry(
        "tip_trade_secret",
        O.TIP,
        (),
        (COMMUNITY, LOCAL),
        T(en="Share a tip of your trade", fr="Partager une astuce de métier"),
        T(
            en="Useful posts get saved and shared, and they show that you know your job.",
            fr="Les posts utiles sont enregistrés et partagés, et ils montrent que vous connaissez votre métier.",
        ),
        T(
            en="A tip from {business}: ... It takes thirty seconds and makes all the difference. Save this post for later!",
            fr="L'astuce de {business} : ... Ça prend trente secondes et ça change tout. Enregistrez ce post pour plus tard !",
        ),
    ),
    IdeaEntry(
        "faq_most_asked",
        O.FAQ,
        (),
        (LOCAL, BRING),
        T(en="Answer the question you hear most", fr="Répondre à la question qu'on vous pose le plus"),
        T(
            en="If one person asks, ten others are wondering; the answer saves you time too.",
            fr="Si une personne pose la question, dix autres se la posent ; la réponse vous fait gagner du temps aussi.",
        ),
        T(
            en="The question we hear most at {business}: “...?” Here is the answer: ...",
            fr="La question qu'on nous pose le plus chez {business} : « ... ? » Voici la réponse : ...",
        ),
    ),
    IdeaEntry(
        "faq_true_false",
        O.FAQ,
        (),
        (COMMUNITY, LOCAL),
        T(en="True or false?", fr="Vrai ou faux ?"),
        T(
            en="Busting a common myth is fun, and people love to guess before reading the answer.",
            fr="Démonter une idée reçue, c'est amusant, et chacun aime deviner avant de lire la réponse.",
        ),
        T(
            en="True or false: “...”? At {business} we hear it all the time. The answer: ...",
            fr="Vrai ou faux : « ... » ? Chez {business}, on l'entend tout le temps. La réponse : ...",
        ),
    ),
    IdeaEntry(
        "thanks_customers",
        O.THANK_YOU,
        (),
        (COMMUNITY, BRING),
        T(en="Say thank you", fr="Dire merci"),
        T(
            en="Gratitude is shared gladly and reminds people that they are part of your story.",
            fr="Un merci se partage volontiers et rappelle aux gens qu'ils font partie de votre histoire.",
        ),
        T(
            en="A big thank you to everyone who came by {place} this week. You are the reason {business} exists!",
            fr="Un grand merci à toutes celles et ceux qui sont passés à {place} cette semaine. C'est grâce à vous que {business} existe !",
        ),
    ),
    IdeaEntry(
        "thanks_behind_scenes",
        O.THANK_YOU,
        (),
        (COMMUNITY, MEMBERS),
        T(en="Thank the people behind the scenes", fr="Remercier ceux qu'on ne voit pas"),
        T(
            en="Naming the people nobody sees makes them proud, and they share the post.",
            fr="Nommer ceux qu'on ne voit jamais les rend fiers, et ils partagent le post.",
        ),
        T(
            en="Nothing would happen at {business} without ... Thank you for ...!",
            fr="Rien ne se ferait chez {business} sans ... Merci pour ... !",
        ),
    ),
    IdeaEntry(
        "partner_neighbour",
        O.LOCAL_PARTNER,
        (),
        (LOCAL, COMMUNITY),
        T(en="Give a shout-out to a neighbour", fr="Mettre un voisin à l'honneur"),
        T(
            en="Tagging a local partner shows you to their followers too, and they often return the favour.",
            fr="Identifier un partenaire du coin vous montre aussi à ses abonnés, et il vous rend souvent la pareille.",
        ),
        T(
            en="Let us introduce our neighbours: ..., in {town}. We love working with them because ... Go and say hello from {business}!",
            fr="On vous présente nos voisins : ..., à {town}. On adore travailler avec eux parce que ... Passez leur dire bonjour de la part de {business} !",
        ),
    ),
    IdeaEntry(
        "partner_supplier",
        O.LOCAL_PARTNER,
        (),
        (LOCAL, SELL),
        T(en="Introduce a supplier", fr="Présenter un fournisseur"),
        T(
            en="Where things come from matters to people, and it builds trust.",
            fr="Les gens tiennent à savoir d'où viennent les choses, et ça crée la confiance.",
        ),
        T(
            en="Our ... comes from ..., just a few kilometres from {town}. Here is why we chose them.",
            fr="Notre ... vient de chez ..., à quelques kilomètres de {town}. On vous explique pourquoi on les a choisis.",
        ),
    ),
    IdeaEntry(
        "team_portrait",
        O.MEET_THE_TEAM,
        (),
        (COMMUNITY, BRING),
        T(en="Introduce a person", fr="Présenter une personne"),
        T(
            en="Faces get more attention than objects: people trust people.",
            fr="Un visage attire plus l'attention qu'un objet : on fait confiance à des personnes.",
        ),
        T(
            en="Meet ..., who ... at {business}. Favourite part of the job? “...” Come and say hello!",
            fr="Voici ..., qui ... chez {business}. Le meilleur moment du métier ? « ... » Venez lui dire bonjour !",
        ),
    ),
    IdeaEntry(
        "team_why_we_started",
        O.MEET_THE_TEAM,
        (),
        (COMMUNITY, MEMBERS),
        T(en="Tell why you started", fr="Raconter pourquoi vous avez commencé"),
        T(
            en="Your story is the one thing nobody else can copy.",
            fr="Votre histoire est la seule chose que personne ne peut copier.",
        ),
        T(
            en="Why {business}? It all started in {town}, when ... Here is the story.",
            fr="Pourquoi {business} ? Tout a commencé à {town}, quand ... On vous raconte.",
        ),
    ),
    IdeaEntry(
        "before_after_work",
        O.BEFORE_AFTER,
        (),
        (SELL, BRING),
        T(en="Before and after", fr="Avant / après"),
        T(
            en="Two pictures side by side show your work at a glance and stop the scroll.",
            fr="Deux photos côte à côte montrent votre travail d'un coup d'œil et arrêtent le défilement.",
        ),
        T(
            en="Before / after. Swipe to see the difference! This one took us ... hours at {business}.",
            fr="Avant / après. Faites glisser pour voir la différence ! Ce projet nous a pris ... heures chez {business}.",
        ),
    ),
    IdeaEntry(
        "milestone_anniversary",
        O.MILESTONE,
        (),
        (COMMUNITY, BRING),
        T(en="Celebrate an anniversary", fr="Fêter un anniversaire"),
        T(
            en="Milestones invite congratulations, and congratulations carry your post further.",
            fr="Un cap franchi attire les félicitations, et les félicitations font voyager votre post.",
        ),
        T(
            en="... years ago today, {business} started out in {town}. Thank you for every visit since!",
            fr="Il y a ... ans jour pour jour, {business} démarrait à {town}. Merci pour chacune de vos visites depuis !",
        ),
        plannable=False,
    ),
    IdeaEntry(
        "milestone_followers",
        O.MILESTONE,
        (),
        (COMMUNITY,),
        T(en="Thank your followers for a round number", fr="Remercier vos abonnés pour un chiffre rond"),
        T(
            en="A round number is a nice excuse to say thank you and to ask people to share.",
            fr="Un chiffre rond est une belle occasion de dire merci et d'inviter à partager.",
        ),
        T(
            en="There are now ... of you following {business} here! Thank you. To celebrate, ...",
            fr="Vous êtes maintenant ... à suivre {business} ici ! Merci. Pour fêter ça, ...",
        ),
        plannable=False,
    ),
    IdeaEntry(
        "event_save_the_date",
        O.EVENT,
        (),
        (EVENTS, BRING),
        T(en="Announce an event", fr="Annoncer un événement"),
        T(
            en="A date gives people a reason to come; announce a week ahead, then remind them the day before.",
            fr="Une date donne une raison de venir ; annoncez une semaine avant, puis rappelez la veille.",
        ),
        T(
            en="Save the date: {date} at {place}! ... Everyone is welcome. Who's coming?",
            fr="À noter dans vos agendas : le {date} à {place} ! ... Tout le monde est bienvenu. Qui vient ?",
        ),
    ),
    IdeaEntry(
        "event_reminder",
        O.EVENT,
        (),
        (EVENTS, BRING),
        T(en="Remind people the day before", fr="Faire un rappel la veille"),
        T(
            en="Most people decide at the last minute: a reminder the day before fills the room.",
            fr="La plupart des gens se décident au dernier moment : un rappel la veille remplit la salle.",
        ),
        T(
            en="It's tomorrow! See you on {date} at {place}. Bring a friend!",
            fr="C'est demain ! Rendez-vous le {date} à {place}. Venez avec un ami !",
        ),
        plannable=False,
    ),
    IdeaEntry(
        "event_recap",
        O.EVENT,
        (),
        (EVENTS, COMMUNITY, MEMBERS),
        T(en="Share photos after the event", fr="Partager les photos après l'événement"),
        T(
            en="Those who came tag themselves; those who missed it will come next time.",
            fr="Ceux qui étaient là s'identifient ; ceux qui l'ont manqué viendront la prochaine fois.",
        ),
        T(
            en="What a day on {date}! Thank you to everyone who came to {place}. Find yourself in the photos and tag your friends.",
            fr="Quelle journée, ce {date} ! Merci à tous ceux qui sont venus à {place}. Retrouvez-vous sur les photos et identifiez vos amis.",
        ),
        plannable=False,
    ),
    IdeaEntry(
        "howto_three_steps",
        O.HOW_TO,
        (),
        (SELL, COMMUNITY),
        T(en="Show how to use it, in three steps", fr="Montrer comment s'en servir, en trois étapes"),
        T(
            en="A short how-to gets saved, and it proves your know-how without bragging.",
            fr="Un petit mode d'emploi est enregistré, et il prouve votre savoir-faire sans vous vanter.",
        ),
        T(
            en="How to get the most out of {product}, in 3 steps: 1. ... 2. ... 3. ... Any questions? Just ask!",
            fr="Comment profiter au mieux de {product}, en 3 étapes : 1. ... 2. ... 3. ... Une question ? Demandez-nous !",
        ),
    ),
    IdeaEntry(
        "moment_season",
        O.MOMENT_OF_YEAR,
        (),
        (COMMUNITY, BRING),
        T(en="Mark the change of season", fr="Marquer le changement de saison"),
        T(
            en="Everyone is living the same season: an easy topic that everybody shares.",
            fr="Tout le monde vit la même saison : un sujet facile que chacun partage.",
        ),
        T(
            en="The season is changing at {business}: ... Which season is your favourite?",
            fr="Changement de saison chez {business} : ... Et vous, quelle est votre saison préférée ?",
        ),
    ),
    IdeaEntry(
        "moment_holiday_hours",
        O.MOMENT_OF_YEAR,
        (),
        (BRING, LOCAL),
        T(en="Opening hours over the holidays", fr="Les horaires pendant les fêtes"),
        T(
            en="Holiday hours are what people search for; posting them early avoids a closed door.",
            fr="Les horaires des fêtes sont ce que les gens cherchent ; les publier tôt évite de trouver porte close.",
        ),
        T(
            en="The holidays are coming: {business} will be open on {date} ... and closed on ... Plan ahead!",
            fr="Les fêtes approchent : {business} sera ouvert le {date} ... et fermé le ... Pensez à vous organiser !",
        ),
        plannable=False,
    ),
    IdeaEntry(
        "info_opening_hours",
        O.PRACTICAL_INFO,
        (),
        (BRING, LOCAL),
        T(en="Remind your opening hours", fr="Rappeler vos horaires"),
        T(
            en="Practical posts are not glamorous, but they are exactly what people look for before coming.",
            fr="Les posts pratiques ne brillent pas, mais c'est exactement ce que les gens cherchent avant de venir.",
        ),
        T(
            en="Good to know: {business} is open ... You will find us at {place}, {town}. See you soon!",
            fr="Bon à savoir : {business} vous accueille ... Vous nous trouverez à {place}, à {town}. À bientôt !",
        ),
    ),
    IdeaEntry(
        "info_find_us",
        O.PRACTICAL_INFO,
        (),
        (LOCAL, BRING),
        T(en="Show how to find you", fr="Montrer comment vous trouver"),
        T(
            en="A photo of your door or your street makes the first visit much easier.",
            fr="Une photo de votre porte ou de votre rue rend la première visite bien plus simple.",
        ),
        T(
            en="Coming for the first time? Here is our door, at {place} in {town}. Look out for ...",
            fr="C'est votre première visite ? Voici notre porte, à {place} à {town}. Repérez ...",
        ),
    ),
    IdeaEntry(
        "event_countdown",
        O.EVENT,
        (),
        (EVENTS, COMMUNITY),
        T(en="Count down to the day", fr="Le compte à rebours"),
        T(
            en="A countdown keeps the date in people's heads without repeating the same announcement.",
            fr="Un compte à rebours garde la date en tête sans répéter la même annonce.",
        ),
        T(
            en="7 days to go until {date}! Here is a first glimpse of what awaits you at {place}: ...",
            fr="J-7 avant le {date} ! Voici un avant-goût de ce qui vous attend à {place} : ...",
        ),
    ),
    IdeaEntry(
        "event_preparations",
        O.BEHIND_THE_SCENES,
        (),
        (EVENTS, COMMUNITY),
        T(en="Show the preparations", fr="Montrer les préparatifs"),
        T(
            en="The behind-the-scenes of an event makes people feel they are already part of it.",
            fr="Les coulisses d'un événement donnent l'impression d'en faire déjà partie.",
        ),
        T(
            en="Getting ready for {date}: boxes everywhere at {business}... We can't wait to see you at {place}!",
            fr="Les préparatifs pour le {date} battent leur plein chez {business} : des cartons partout... Vivement de vous retrouver à {place} !",
        ),
    ),
    IdeaEntry(
        "event_who_is_coming",
        O.QUESTION,
        (),
        (EVENTS, COMMUNITY),
        T(en="Ask who is coming", fr="Demander qui vient"),
        T(
            en="Saying “I'm coming” in public is a small promise, and tagging a friend brings one more person.",
            fr="Dire « je viens » en public, c'est une petite promesse, et identifier un ami amène une personne de plus.",
        ),
        T(
            en="Who's coming on {date}? Tell us in the comments and tag the friend you are bringing along!",
            fr="Qui sera là le {date} ? Dites-le en commentaire et identifiez l'ami que vous emmenez !",
        ),
    ),
    IdeaEntry(
        "event_whats_on_in_town",
        O.LOCAL_PARTNER,
        (),
        (EVENTS, LOCAL, COMMUNITY),
        T(en="Share what's on in town", fr="Partager l'agenda du coin"),
        T(
            en="Being useful about your town makes you the page locals follow to know what's going on.",
            fr="Être utile sur la vie locale fait de vous la page qu'on suit pour savoir ce qui se passe.",
        ),
        T(
            en="This weekend in {town}: ... and ... Our pick? ... See you there!",
            fr="Ce week-end à {town} : ... et ... Notre coup de cœur ? ... On s'y retrouve !",
        ),
    ),
)
