"""What listening tells people, in English and French (the CLI and the Listening page both use these)."""

from __future__ import annotations

from cm_desktop.core.i18n import Lang, Text
from cm_desktop.core.ports import NO_SEARCH_HERE, REMOTE_TAGS_OFF, SEARCH_NOT_ALLOWED, WORDS_AS_TAGS

# --- what the person typed ---------------------------------------------------------------------------

EMPTY = Text(
    en="Write a word, a name or a #hashtag to listen for, for example: florist Lyon.",
    fr="Écrivez un mot, un nom ou un #hashtag à écouter, par exemple : fleuriste Lyon.",
)
ONLY_COMMON_WORDS = Text(
    en=(
        "“{query}” has only very common words: it would find almost every post. Add a word that says what you "
        "listen for, such as your trade, your town or your shop's name."
    ),
    fr=(
        "« {query} » n'a que des mots très courants : cela trouverait presque toutes les publications. "
        "Ajoutez un mot qui dit ce que vous écoutez : votre métier, votre ville ou le nom de votre boutique."
    ),
)
TOO_LONG = Text(
    en="A search is a few words: keep it under {limit} characters (this one has {count}).",
    fr="Une recherche tient en quelques mots : moins de {limit} caractères (celle-ci en a {count}).",
)
TOO_MANY_PARTS = Text(
    en="A search is a few words: at most {limit} words, names and hashtags (this one has {count}).",
    fr="Une recherche tient en quelques mots : {limit} mots, noms et hashtags au plus (celle-ci en a {count}).",
)
NO_LETTERS = Text(
    en="A search needs letters or numbers: emoji and signs alone cannot be searched.",
    fr="Une recherche a besoin de lettres ou de chiffres : les émojis et les signes seuls ne se cherchent pas.",
)
LONE_HASH = Text(
    en="Write the word right after the # sign, without a space: for example #flowers.",
    fr="Écrivez le mot juste après le signe #, sans espace : par exemple #fleurs.",
)
LONE_AT = Text(
    en="Write the account's name right after the @ sign, without a space: for example @marie.bsky.social.",
    fr="Écrivez le nom du compte juste après le signe @, sans espace : par exemple @marie.bsky.social.",
)
DUPLICATE = Text(
    en="You already listen for “{query}” with this account.",
    fr="Vous écoutez déjà « {query} » avec ce compte.",
)
TOO_MANY_SEARCHES = Text(
    en="This account already has {limit} searches: remove one before adding another.",
    fr="Ce compte a déjà {limit} recherches : retirez-en une avant d'en ajouter une autre.",
)

# --- which account ----------------------------------------------------------------------------------------

NO_ACCOUNT = Text(
    en="Connect a Bluesky or Mastodon account first: searches are made with your account.",
    fr="Reliez d'abord un compte Bluesky ou Mastodon : les recherches se font avec votre compte.",
)
WHICH_ACCOUNT = Text(
    en="Several of your accounts can search: say which one with --account (see `cm-desktop accounts list`).",
    fr=(
        "Plusieurs de vos comptes peuvent chercher : indiquez lequel avec --account "
        "(voir `cm-desktop accounts list`)."
    ),
)
CANNOT_SEARCH = Text(
    en="{network} cannot be searched from CM Desktop: choose a Bluesky or Mastodon account.",
    fr="On ne peut pas chercher sur {network} depuis CM Desktop : choisissez un compte Bluesky ou Mastodon.",
)
NO_SUCH_WATCH = Text(
    en="There is no saved search {watch}.", fr="Il n'y a pas de recherche enregistrée {watch}."
)
NO_SUCH_RESULT = Text(
    en="There is no post {result} in what was found.",
    fr="Il n'y a pas de publication {result} parmi les trouvailles.",
)
NO_AUTHOR = Text(
    en="The network did not say who wrote this post: there is nobody to follow.",
    fr="Le réseau n'a pas dit qui a écrit cette publication : il n'y a personne à suivre.",
)
BUSY = Text(
    en="Your searches are already running (in the app or the background job).",
    fr="Vos recherches sont déjà en cours (dans l'application ou la tâche de fond).",
)

# --- how a search went (Watch.last_error_code, Watch.limited) --------------------------------------------------

OFFLINE = "offline"
RATE_LIMITED = "rate_limited"
RECONNECT = "reconnect"
SERVER = "server"
REFUSED = "refused"
BUG = "bug"

RUN_TEXTS: dict[str, Text] = {
    OFFLINE: Text(
        en="{network} could not be reached. The search is made again when the connection is back.",
        fr="{network} est injoignable. La recherche sera refaite au retour de la connexion.",
    ),
    RATE_LIMITED: Text(
        en="{network} asked us to wait. The search is made again after {when}.",
        fr="{network} nous demande d'attendre. La recherche sera refaite après {when}.",
    ),
    RECONNECT: Text(
        en=(
            "{network} did not accept the login for this search. Reconnect the account in Accounts "
            "(CM Desktop now also asks for the permission to search and to follow)."
        ),
        fr=(
            "{network} n'a pas accepté la connexion pour cette recherche. Reconnectez le compte dans "
            "Comptes (CM Desktop demande aussi désormais l'autorisation de chercher et de suivre)."
        ),
    ),
    SERVER: Text(
        en="{network} had a problem during the search. It is made again a little later.",
        fr="{network} a eu un problème pendant la recherche. Elle sera refaite un peu plus tard.",
    ),
    REFUSED: Text(
        en="{network} refused this search: “{reason}”. Try other words.",
        fr="{network} a refusé cette recherche : « {reason} ». Essayez d'autres mots.",
    ),
    NO_SEARCH_HERE: Text(
        en=(
            "Your {network} server does not search the words of posts, and it has turned its hashtag pages off: "
            "this search cannot be made there. Try it with another account."
        ),
        fr=(
            "Votre serveur {network} ne cherche pas dans les mots des publications et a fermé ses pages de "
            "hashtags : cette recherche ne peut pas s'y faire. Essayez-la avec un autre compte."
        ),
    ),
    BUG: Text(
        en="Something went wrong during this search. The details are in the log.",
        fr="Un problème est survenu pendant cette recherche. Les détails sont dans le journal.",
    ),
}

# How the network searched less than it was asked (core.ports.SearchPage.limited).
LIMITED_TEXTS: dict[str, Text] = {
    WORDS_AS_TAGS: Text(
        en=(
            "Your {network} server does not search the words of posts. We listen to the hashtags {tags} "
            "instead."
        ),
        fr=(
            "Votre serveur {network} ne cherche pas dans les mots des publications. Nous écoutons plutôt "
            "les hashtags {tags}."
        ),
    ),
    SEARCH_NOT_ALLOWED: Text(
        en=(
            "Your {network} account does not yet let CM Desktop search the words of posts: reconnect it in "
            "Accounts to allow it. Meanwhile we listen to the hashtags {tags}."
        ),
        fr=(
            "Votre compte {network} ne permet pas encore à CM Desktop de chercher dans les mots des "
            "publications : reconnectez-le dans Comptes pour l'autoriser. En attendant, nous écoutons les "
            "hashtags {tags}."
        ),
    ),
    REMOTE_TAGS_OFF: Text(
        en="Your {network} server shows the hashtags of its own members only: posts from elsewhere are missed.",
        fr=(
            "Votre serveur {network} ne montre que les hashtags de ses propres membres : les publications "
            "d'ailleurs échappent à l'écoute."
        ),
    ),
}

FOLLOW_FAILED = Text(
    en="{network} did not accept the follow: “{reason}”.",
    fr="{network} n'a pas accepté l'abonnement : « {reason} ».",
)
FOLLOW_NEEDS_PERMISSION = Text(
    en="To follow from the app, reconnect the {network} account in Accounts (it needs one more permission).",
    fr=(
        "Pour suivre depuis l'application, reconnectez le compte {network} dans Comptes (il lui faut une "
        "autorisation de plus)."
    ),
)

# --- an idea from what was heard ---------------------------------------------------------------------------

IDEA_TEXT = Text(
    en="Heard on {network} ({author}): “{text}”\n\nA post of mine about it: ",
    fr="Entendu sur {network} ({author}) : « {text} »\n\nMa publication à ce sujet : ",
)


def run_message(code: str, network: str, lang: Lang, *, reason: str = "", when: str = "") -> str:
    from cm_desktop.core.networks import name_of as network_name

    if not code:
        return ""
    text = RUN_TEXTS.get(code, RUN_TEXTS[BUG])
    return text.get(lang, network=network_name(network), reason=reason or "—", when=when or "—")


def limited_message(limited: str, network: str, tags: str, lang: Lang) -> str:
    from cm_desktop.core.networks import name_of as network_name

    text = LIMITED_TEXTS.get(limited)
    return text.get(lang, network=network_name(network), tags=tags or "—") if text is not None else ""
