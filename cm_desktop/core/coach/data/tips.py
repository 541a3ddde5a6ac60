"""The weekly coach's tips: one habit at a time, said simply."""

from __future__ import annotations

from cm_desktop.core.coach.content_types import Tip
from cm_desktop.core.i18n import Text as T

TIPS: tuple[Tip, ...] = (
    Tip(
        "listen_first",
        T(en="Listen before you speak", fr="Écoutez avant de parler"),
        T(
            en="Spend five minutes reading what people around you post and comment. You will find your next post ideas there.",
            fr="Passez cinq minutes à lire ce que publient et commentent les gens autour de vous. Vos prochaines idées de posts sont là.",
        ),
    ),
    Tip(
        "answer_within_a_day",
        T(en="Answer within a day", fr="Répondez dans la journée"),
        T(
            en="A comment or a message answered the same day shows that someone is there. Waiting a week feels like a closed door.",
            fr="Un commentaire ou un message qui reçoit une réponse dans la journée montre qu'il y a quelqu'un. Une semaine d'attente, c'est une porte close.",
        ),
    ),
    Tip(
        "ask_questions",
        T(en="Ask questions", fr="Posez des questions"),
        T(
            en="End a post with a simple question that anyone can answer in three words. Replies make the network show your post to more people.",
            fr="Terminez un post par une question simple, à laquelle on peut répondre en trois mots. Les réponses poussent le réseau à montrer votre post à plus de monde.",
        ),
    ),
    Tip(
        "thank_people",
        T(en="Thank people", fr="Dites merci"),
        T(
            en="Thank the people who share, comment or come by. A thank-you costs nothing and it is remembered.",
            fr="Remerciez ceux qui partagent, commentent ou passent vous voir. Un merci ne coûte rien et on s'en souvient.",
        ),
    ),
    Tip(
        "faces",
        T(en="Show faces", fr="Montrez des visages"),
        T(
            en="Photos with a smiling face get noticed far more than photos of objects. Always ask the person first.",
            fr="Une photo avec un visage souriant attire bien plus l'attention qu'une photo d'objet. Demandez toujours l'accord de la personne.",
        ),
    ),
    Tip(
        "alt_text",
        T(en="Describe your images", fr="Décrivez vos images"),
        T(
            en="Add a short description (alt text) to each image: people who cannot see it hear it read aloud, and search engines understand it.",
            fr="Ajoutez une courte description (texte alternatif) à chaque image : les personnes qui ne la voient pas l'entendent lue à voix haute, et les moteurs de recherche la comprennent.",
        ),
    ),
    Tip(
        "regular_not_a_lot",
        T(en="Post regularly rather than a lot", fr="Publiez régulièrement plutôt que beaucoup"),
        T(
            en="Two posts every week beat ten posts one week and then nothing for a month. Regularity builds the habit, for you and for your followers.",
            fr="Deux posts chaque semaine valent mieux que dix posts une semaine puis plus rien pendant un mois. La régularité crée l'habitude, chez vous comme chez vos abonnés.",
        ),
    ),
    Tip(
        "reuse",
        T(en="Reuse a good post", fr="Réutilisez un bon post"),
        T(
            en="A post that worked on one network deserves a second life on another, or again in a few months. Most people did not see it the first time.",
            fr="Un post qui a marché sur un réseau mérite une seconde vie sur un autre, ou de nouveau dans quelques mois. La plupart des gens ne l'ont pas vu la première fois.",
        ),
    ),
    Tip(
        "one_message",
        T(en="One post, one message", fr="Un post, un message"),
        T(
            en="Say one thing per post. If you have three pieces of news, that makes three posts, and three reasons to come back.",
            fr="Dites une seule chose par post. Trois nouvelles, ça fait trois posts, et trois raisons de revenir.",
        ),
    ),
    Tip(
        "first_line",
        T(en="Make the first line count", fr="Soignez la première ligne"),
        T(
            en="Networks often cut a post after a line or two. Put what matters first: the news, the date, the question.",
            fr="Les réseaux coupent souvent un post après une ou deux lignes. Mettez l'essentiel en premier : la nouvelle, la date, la question.",
        ),
    ),
    Tip(
        "natural_light",
        T(en="Use daylight for photos", fr="Photographiez à la lumière du jour"),
        T(
            en="Near a window, without flash, in the morning or late afternoon: your phone takes its best photos there.",
            fr="Près d'une fenêtre, sans flash, le matin ou en fin d'après-midi : c'est là que votre téléphone fait ses plus belles photos.",
        ),
    ),
    Tip(
        "few_hashtags",
        T(en="A few well-chosen hashtags", fr="Quelques hashtags bien choisis"),
        T(
            en="Two to five precise hashtags (your town, your trade) work better than thirty vague ones. On Mastodon they are how people find you.",
            fr="Deux à cinq hashtags précis (votre ville, votre métier) marchent mieux que trente hashtags vagues. Sur Mastodon, c'est ainsi qu'on vous trouve.",
        ),
    ),
    Tip(
        "tag_partners",
        T(en="Mention your partners", fr="Mentionnez vos partenaires"),
        T(
            en="When you talk about a supplier, a neighbour or a partner, mention their account: they get a notification and often share.",
            fr="Quand vous parlez d'un fournisseur, d'un voisin ou d'un partenaire, mentionnez son compte : il reçoit une notification et partage souvent.",
        ),
    ),
    Tip(
        "stay_kind",
        T(en="Stay calm with criticism", fr="Restez calme face aux critiques"),
        T(
            en="Answer a negative comment politely, in public, once; then offer to continue in private. Others judge you on how you answer.",
            fr="Répondez à un commentaire négatif poliment, en public, une fois ; puis proposez de poursuivre en privé. Les autres vous jugent sur votre réponse.",
        ),
    ),
    Tip(
        "batch",
        T(en="Prepare in one go", fr="Préparez tout d'un coup"),
        T(
            en="Write the week's posts in one sitting, for example on Monday with a coffee, and let the app publish them at the right time.",
            fr="Rédigez les posts de la semaine en une seule fois, par exemple le lundi avec un café, et laissez l'application les publier au bon moment.",
        ),
    ),
    Tip(
        "keep_photos",
        T(en="Take photos all week", fr="Prenez des photos toute la semaine"),
        T(
            en="Snap a few photos every day, even ordinary ones. When it is time to post, you choose instead of searching.",
            fr="Prenez quelques photos chaque jour, même ordinaires. Au moment de publier, vous choisissez au lieu de chercher.",
        ),
    ),
    Tip(
        "update_profile",
        T(en="Keep your profile up to date", fr="Tenez votre profil à jour"),
        T(
            en="Hours, address, phone, link: check them once a month. A wrong opening time costs more than a missed post.",
            fr="Horaires, adresse, téléphone, lien : vérifiez-les une fois par mois. Un horaire faux coûte plus cher qu'un post manqué.",
        ),
    ),
    Tip(
        "be_yourself",
        T(en="Write the way you speak", fr="Écrivez comme vous parlez"),
        T(
            en="No need for advertising language. Write as you would talk to a customer at the counter: that is what people come for.",
            fr="Pas besoin de langage publicitaire. Écrivez comme vous parleriez à un client au comptoir : c'est ce que les gens viennent chercher.",
        ),
    ),
    Tip(
        "call_to_action",
        T(en="Say what to do next", fr="Dites quoi faire ensuite"),
        T(
            en="Finish with a clear invitation: come by on Saturday, book a table, reply with your favourite. People act when they are asked.",
            fr="Terminez par une invitation claire : passez samedi, réservez une table, répondez avec votre préféré. On agit quand on nous le demande.",
        ),
    ),
    Tip(
        "look_at_results",
        T(en="Look at what worked", fr="Regardez ce qui a marché"),
        T(
            en="Once a month, find your two posts with the most reactions and ask yourself why. Then do more of that.",
            fr="Une fois par mois, retrouvez vos deux posts qui ont le plus fait réagir et demandez-vous pourquoi. Puis refaites-en davantage.",
        ),
    ),
    Tip(
        "short_video",
        T(en="Try a short video", fr="Essayez une courte vidéo"),
        T(
            en="Ten seconds filmed with your phone, hands at work or a door opening, is enough. No editing needed.",
            fr="Dix secondes filmées au téléphone, des mains au travail ou une porte qui s'ouvre, ça suffit. Pas besoin de montage.",
        ),
    ),
    Tip(
        "ask_permission",
        T(en="Ask before posting someone", fr="Demandez avant de publier quelqu'un"),
        T(
            en="Before posting a photo of a customer, a volunteer or a child, ask for permission. For children, ask their parents, and avoid showing their faces.",
            fr="Avant de publier la photo d'un client, d'un bénévole ou d'un enfant, demandez l'autorisation. Pour un enfant, demandez à ses parents, et évitez de montrer son visage.",
        ),
    ),
    Tip(
        "rest",
        T(en="It is fine to take a break", fr="Vous avez le droit de faire une pause"),
        T(
            en="Holidays, a busy week: say so in one post and come back later. A short announced break is better than a silent disappearance.",
            fr="Vacances, semaine chargée : dites-le en un post et revenez plus tard. Une courte pause annoncée vaut mieux qu'une disparition silencieuse.",
        ),
    ),
    Tip(
        "local_groups",
        T(en="Join local groups", fr="Participez aux groupes locaux"),
        T(
            en="Your town's groups and pages are full of people nearby. Take part as a neighbour, helpfully, not only to advertise.",
            fr="Les groupes et pages de votre ville sont pleins de gens du coin. Participez en voisin, pour rendre service, pas seulement pour faire de la publicité.",
        ),
    ),
)
