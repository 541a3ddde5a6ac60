"""Short step-by-step guides for the first things people get stuck on."""

from __future__ import annotations

from cm_desktop.core.coach.content_types import Guide
from cm_desktop.core.i18n import Text as T

GUIDES: tuple[Guide, ...] = (
    Guide(
        "bluesky_app_password",
        T(en="Create a Bluesky app password", fr="Créer un mot de passe d'application Bluesky"),
        (
            T(
                en="Open bsky.app in your browser and sign in.",
                fr="Ouvrez bsky.app dans votre navigateur et connectez-vous.",
            ),
            T(
                en="Go to Settings, then Privacy and security, then App passwords.",
                fr="Allez dans Paramètres, puis Confidentialité et sécurité, puis Mots de passe d'application.",
            ),
            T(
                en="Click “Add App Password” and give it a name you will recognise, such as “CM Desktop”.",
                fr="Cliquez sur « Ajouter un mot de passe d'application » et donnez-lui un nom reconnaissable, par exemple « CM Desktop ».",
            ),
            T(
                en="Copy the password shown (it looks like xxxx-xxxx-xxxx-xxxx): Bluesky shows it only once.",
                fr="Copiez le mot de passe affiché (il ressemble à xxxx-xxxx-xxxx-xxxx) : Bluesky ne l'affiche qu'une seule fois.",
            ),
            T(
                en="Paste it into CM Desktop with your handle. Your real password stays secret, and you can delete this one at any time.",
                fr="Collez-le dans CM Desktop avec votre identifiant. Votre vrai mot de passe reste secret, et vous pouvez supprimer celui-ci à tout moment.",
            ),
        ),
        "https://bsky.app/settings/app-passwords",
    ),
    Guide(
        "what_is_mastodon",
        T(en="What is Mastodon?", fr="Qu'est-ce que Mastodon ?"),
        (
            T(
                en="Mastodon is a social network with no owner and no ads: thousands of independent servers, run by associations, companies or volunteers, connected to each other.",
                fr="Mastodon est un réseau social sans propriétaire et sans publicité : des milliers de serveurs indépendants, tenus par des associations, des entreprises ou des bénévoles, reliés entre eux.",
            ),
            T(
                en="You pick one server to create your account, like choosing an email provider; you can still follow and talk to people on every other server.",
                fr="Vous choisissez un serveur pour créer votre compte, comme on choisit un fournisseur d'e-mail ; vous pouvez quand même suivre et parler avec les gens de tous les autres serveurs.",
            ),
            T(
                en="Choose a general server in your language or region (joinmastodon.org lists them), and read its rules before signing up.",
                fr="Choisissez un serveur généraliste dans votre langue ou votre région (joinmastodon.org en donne la liste), et lisez ses règles avant de vous inscrire.",
            ),
            T(
                en="Posts appear in the order they are written, with no algorithm: hashtags and boosts are how people discover you.",
                fr="Les posts s'affichent dans l'ordre où ils sont écrits, sans algorithme : ce sont les hashtags et les boosts qui vous font découvrir.",
            ),
            T(
                en="Fill in your profile, mention your town and your trade, then connect the account in CM Desktop: it publishes directly.",
                fr="Remplissez votre profil, indiquez votre ville et votre métier, puis connectez le compte dans CM Desktop : il publie directement.",
            ),
        ),
        "https://joinmastodon.org/servers",
    ),
    Guide(
        "instagram_professional",
        T(
            en="Switch Instagram to a professional account",
            fr="Passer Instagram en compte professionnel",
        ),
        (
            T(
                en="Open the Instagram app on your phone and go to your profile.",
                fr="Ouvrez l'application Instagram sur votre téléphone et allez sur votre profil.",
            ),
            T(
                en="Tap the menu (three lines at the top right), then “Account type and tools”.",
                fr="Touchez le menu (les trois traits en haut à droite), puis « Type de compte et outils ».",
            ),
            T(
                en="Choose “Switch to professional account”, then “Business” for a shop, restaurant or association, or “Creator” for an artist.",
                fr="Choisissez « Passer à un compte professionnel », puis « Entreprise » pour un commerce, un restaurant ou une association, ou « Créateur » pour un artiste.",
            ),
            T(
                en="Pick the category closest to your activity and add your contact details: address, phone, email.",
                fr="Choisissez la catégorie la plus proche de votre activité et ajoutez vos coordonnées : adresse, téléphone, e-mail.",
            ),
            T(
                en="Link it to your Facebook Page when asked: it is needed to publish from other tools later, and it is free.",
                fr="Reliez-le à votre Page Facebook quand c'est proposé : c'est nécessaire pour publier plus tard depuis d'autres outils, et c'est gratuit.",
            ),
        ),
        "https://help.instagram.com/502981923235522",
    ),
    Guide(
        "claim_google_business",
        T(en="Claim your Google Business Profile", fr="Revendiquer votre fiche d'établissement Google"),
        (
            T(
                en="Search for your business name and town on Google Maps. If a card already exists, click “Own this business?”; if not, go to google.com/business.",
                fr="Cherchez le nom de votre établissement et votre ville sur Google Maps. Si une fiche existe déjà, cliquez sur « Vous êtes le propriétaire de cet établissement ? » ; sinon, allez sur google.com/business.",
            ),
            T(
                en="Sign in with a Google account that you will keep (ideally your business one, not a personal one you might lose).",
                fr="Connectez-vous avec un compte Google que vous garderez (idéalement celui de votre structure, pas un compte personnel que vous risquez de perdre).",
            ),
            T(
                en="Check your name, category, address, phone number and opening hours.",
                fr="Vérifiez le nom, la catégorie, l'adresse, le téléphone et les horaires d'ouverture.",
            ),
            T(
                en="Verify that it is really you: Google offers a short video, a phone call, an email or a postcard with a code, depending on your business.",
                fr="Prouvez que c'est bien vous : Google propose une courte vidéo, un appel, un e-mail ou une carte postale avec un code, selon votre activité.",
            ),
            T(
                en="Once verified, add a few good photos and answer your reviews: that is what people nearby look at first.",
                fr="Une fois la fiche validée, ajoutez quelques belles photos et répondez aux avis : c'est ce que regardent d'abord les gens du coin.",
            ),
        ),
        "https://www.google.com/business/",
    ),
)
