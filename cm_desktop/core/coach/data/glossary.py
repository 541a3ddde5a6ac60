"""Community-management words, explained the way you would to a friend."""

from __future__ import annotations

from cm_desktop.core.coach.content_types import GlossaryTerm
from cm_desktop.core.i18n import Text as T

GLOSSARY: tuple[GlossaryTerm, ...] = (
    GlossaryTerm(
        "community_manager",
        T(en="Community manager", fr="Community manager"),
        T(
            en="The person who looks after an organisation's presence on social networks: posting, answering, and keeping the conversation friendly. Here, that is you.",
            fr="La personne qui s'occupe de la présence d'une structure sur les réseaux sociaux : publier, répondre, et garder des échanges sympathiques. Ici, c'est vous.",
        ),
    ),
    GlossaryTerm(
        "post",
        T(en="Post", fr="Post (publication)"),
        T(
            en="A message you publish: some text, often with a photo or a video.",
            fr="Un message que vous publiez : un texte, souvent accompagné d'une photo ou d'une vidéo.",
        ),
    ),
    GlossaryTerm(
        "feed",
        T(en="Feed", fr="Fil d'actualité"),
        T(
            en="The list of posts people scroll through when they open a network.",
            fr="La liste des posts que l'on fait défiler en ouvrant un réseau.",
        ),
    ),
    GlossaryTerm(
        "followers",
        T(en="Followers", fr="Abonnés"),
        T(
            en="The people who chose to see your posts in their feed.",
            fr="Les personnes qui ont choisi de voir vos posts dans leur fil d'actualité.",
        ),
    ),
    GlossaryTerm(
        "engagement",
        T(en="Engagement", fr="Engagement"),
        T(
            en="Everything people do with your post: likes, comments, shares, saves. It tells you whether a post touched people.",
            fr="Tout ce que les gens font avec votre post : mentions j'aime, commentaires, partages, enregistrements. Ça vous dit si un post a touché les gens.",
        ),
    ),
    GlossaryTerm(
        "reach",
        T(en="Reach", fr="Portée"),
        T(
            en="How many different people saw your post, followers or not.",
            fr="Le nombre de personnes différentes qui ont vu votre post, abonnées ou non.",
        ),
    ),
    GlossaryTerm(
        "hashtag",
        T(en="Hashtag", fr="Hashtag (mot-dièse)"),
        T(
            en="A word preceded by # (like #Lyon or #bakery) that groups posts on the same topic so people can find them.",
            fr="Un mot précédé de # (comme #Lyon ou #boulangerie) qui regroupe les posts sur un même sujet pour qu'on puisse les retrouver.",
        ),
    ),
    GlossaryTerm(
        "mention",
        T(en="Mention", fr="Mention"),
        T(
            en="Writing someone's account name with @ in a post: they get a notification and their name becomes a link.",
            fr="Écrire le nom de compte de quelqu'un avec un @ dans un post : la personne reçoit une notification et son nom devient un lien.",
        ),
    ),
    GlossaryTerm(
        "handle",
        T(en="Handle", fr="Identifiant (@)"),
        T(
            en="Your account's unique name, the one that starts with @, such as @mybakery.",
            fr="Le nom unique de votre compte, celui qui commence par @, comme @maboulangerie.",
        ),
    ),
    GlossaryTerm(
        "story",
        T(en="Story", fr="Story"),
        T(
            en="A photo or short video shown full screen that disappears after 24 hours. Good for the news of the day.",
            fr="Une photo ou une courte vidéo affichée en plein écran qui disparaît au bout de 24 heures. Parfait pour l'actualité du jour.",
        ),
    ),
    GlossaryTerm(
        "reel",
        T(en="Reel", fr="Reel"),
        T(
            en="A short vertical video (a few seconds to a minute or so) on Instagram or Facebook, often shown to people who don't follow you yet.",
            fr="Une courte vidéo verticale (de quelques secondes à une minute environ) sur Instagram ou Facebook, souvent montrée à des gens qui ne vous suivent pas encore.",
        ),
    ),
    GlossaryTerm(
        "thread",
        T(en="Thread", fr="Fil (thread)"),
        T(
            en="Several posts linked one after the other, to tell something longer than a single post allows.",
            fr="Plusieurs posts reliés les uns aux autres, pour raconter quelque chose de plus long qu'un seul post ne le permet.",
        ),
    ),
    GlossaryTerm(
        "alt_text",
        T(en="Alt text", fr="Texte alternatif"),
        T(
            en="A short description of an image, read aloud to people who cannot see it and used by search engines.",
            fr="Une courte description d'une image, lue à voix haute aux personnes qui ne la voient pas et utilisée par les moteurs de recherche.",
        ),
    ),
    GlossaryTerm(
        "algorithm",
        T(en="Algorithm", fr="Algorithme"),
        T(
            en="The network's automatic sorting that decides which posts each person sees first. It favours posts that get reactions quickly.",
            fr="Le tri automatique du réseau qui décide quels posts chacun voit en premier. Il favorise les posts qui font réagir rapidement.",
        ),
    ),
    GlossaryTerm(
        "dm",
        T(en="DM (direct message)", fr="MP (message privé)"),
        T(
            en="A private message between two accounts, which nobody else can see.",
            fr="Un message privé entre deux comptes, que personne d'autre ne voit.",
        ),
    ),
    GlossaryTerm(
        "fediverse",
        T(en="Fediverse", fr="Fédivers"),
        T(
            en="A family of networks (Mastodon and others) run by many independent servers that talk to each other, a bit like email providers.",
            fr="Une famille de réseaux (Mastodon et d'autres) faits de nombreux serveurs indépendants qui communiquent entre eux, un peu comme les fournisseurs d'e-mail.",
        ),
    ),
    GlossaryTerm(
        "repost",
        T(en="Repost / boost", fr="Partage / boost"),
        T(
            en="Sharing someone else's post with your own followers. On Mastodon it is called a boost.",
            fr="Partager le post de quelqu'un d'autre avec vos propres abonnés. Sur Mastodon, on appelle ça un boost.",
        ),
    ),
    GlossaryTerm(
        "link_in_bio",
        T(en="Link in bio", fr="Lien en bio"),
        T(
            en="On Instagram, links in posts cannot be clicked; the one clickable link is in your profile description, your “bio”.",
            fr="Sur Instagram, les liens dans les posts ne sont pas cliquables ; le seul lien cliquable est dans la description de votre profil, votre « bio ».",
        ),
    ),
    GlossaryTerm(
        "app_password",
        T(en="App password", fr="Mot de passe d'application"),
        T(
            en="A separate password you create for one app, so it never knows your real password. You can cancel it at any time.",
            fr="Un mot de passe à part que vous créez pour une seule application, pour qu'elle ne connaisse jamais votre vrai mot de passe. Vous pouvez l'annuler à tout moment.",
        ),
    ),
    GlossaryTerm(
        "scheduled_post",
        T(en="Scheduled post", fr="Publication programmée"),
        T(
            en="A post written in advance that goes out by itself at the day and time you chose.",
            fr="Un post écrit à l'avance qui part tout seul le jour et à l'heure que vous avez choisis.",
        ),
    ),
    GlossaryTerm(
        "bio",
        T(en="Bio", fr="Bio"),
        T(
            en="The few lines at the top of your profile that say who you are, where, and how to reach you.",
            fr="Les quelques lignes en haut de votre profil qui disent qui vous êtes, où, et comment vous joindre.",
        ),
    ),
    GlossaryTerm(
        "comment",
        T(en="Comment", fr="Commentaire"),
        T(
            en="A public reply under a post. Answering comments is the heart of the job.",
            fr="Une réponse publique sous un post. Répondre aux commentaires, c'est le cœur du métier.",
        ),
    ),
    GlossaryTerm(
        "page_vs_profile",
        T(en="Page (vs. personal profile)", fr="Page (ou profil personnel)"),
        T(
            en="On Facebook, a Page is the public face of a business or association, separate from your personal profile and your private life.",
            fr="Sur Facebook, une Page est la vitrine publique d'une entreprise ou d'une association, séparée de votre profil personnel et de votre vie privée.",
        ),
    ),
    GlossaryTerm(
        "instance",
        T(en="Instance (server)", fr="Instance (serveur)"),
        T(
            en="On Mastodon, the server where your account lives. You can follow and talk to people on every other server.",
            fr="Sur Mastodon, le serveur où vit votre compte. Vous pouvez suivre et parler avec les gens de tous les autres serveurs.",
        ),
    ),
    GlossaryTerm(
        "call_to_action",
        T(en="Call to action", fr="Appel à l'action"),
        T(
            en="The sentence that tells people what to do next: “book now”, “come on Saturday”, “tell us in the comments”.",
            fr="La phrase qui dit quoi faire ensuite : « réservez », « passez samedi », « dites-le-nous en commentaire ».",
        ),
    ),
)
