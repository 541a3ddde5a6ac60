"""What the inbox tells people, in English and French (the CLI and the Messages page both use these)."""

from __future__ import annotations

from cm_desktop.core.i18n import Lang, Text

# Why the last reading of an account stopped (InboxSync.last_error_code).
from cm_desktop.core.reading import BUG, OFFLINE, RATE_LIMITED, RECONNECT, REFUSED, SERVER

SYNC_TEXTS: dict[str, Text] = {
    OFFLINE: Text(
        en="{network} could not be reached. Your messages will be fetched when the connection is back.",
        fr="{network} est injoignable. Vos messages seront récupérés au retour de la connexion.",
    ),
    RATE_LIMITED: Text(
        en="{network} asked us to wait. Your messages will be fetched again after {when}.",
        fr="{network} nous demande d'attendre. Vos messages seront récupérés à nouveau après {when}.",
    ),
    RECONNECT: Text(
        en="The {network} account must be reconnected (in Accounts) before its messages can be read.",
        fr="Le compte {network} doit être reconnecté (dans Comptes) pour que ses messages soient lus.",
    ),
    SERVER: Text(
        en=(
            "{network} had a problem while we were reading your messages. What was read is kept; the rest "
            "will be fetched at the next try."
        ),
        fr=(
            "{network} a eu un problème pendant la lecture de vos messages. Ce qui a été lu est gardé ; la "
            "suite sera récupérée au prochain essai."
        ),
    ),
    REFUSED: Text(
        en="{network} refused to give your messages: “{reason}”.",
        fr="{network} a refusé de donner vos messages : « {reason} ».",
    ),
    BUG: Text(
        en="Something went wrong while reading your {network} messages. The details are in the log.",
        fr="Un problème est survenu pendant la lecture de vos messages {network}. Les détails sont dans le journal.",
    ),
}

SKIPPED = Text(
    en="{count} notifications from {network} could not be read and were left out.",
    fr="{count} notifications de {network} n'ont pas pu être lues et ont été laissées de côté.",
)
BUSY = Text(
    en="Your messages are already being fetched (by the app or the background job).",
    fr="Vos messages sont déjà en cours de récupération (par l'application ou la tâche de fond).",
)

# Why an answer or a like cannot be queued.
NO_SUCH_ITEM = Text(en="There is no message {item}.", fr="Il n'y a pas de message {item}.")
NOTHING_TO_ANSWER = Text(
    en="This is {kind}: there is nothing to answer. Answer a reply, a mention or a quote.",
    fr="C'est {kind} : il n'y a rien à répondre. Répondez à une réponse, une mention ou une citation.",
)
EMPTY_ANSWER = Text(
    en="The answer is empty: write something first.",
    fr="La réponse est vide : écrivez d'abord quelque chose.",
)
POST_GONE = Text(
    en="This post was deleted on {network}: it can no longer be answered.",
    fr="Cette publication a été supprimée sur {network} : on ne peut plus y répondre.",
)
BLOCKED = Text(
    en="You blocked this person on {network}, or they blocked you: the post cannot be answered.",
    fr="Vous avez bloqué cette personne sur {network}, ou elle vous a bloqué : on ne peut pas répondre.",
)
ANSWER_PENDING = Text(
    en="An answer to this message is already on its way. It is sent once; check the Sending page.",
    fr="Une réponse à ce message est déjà en route. Elle part une seule fois ; voyez la page Envoi.",
)
NO_ACCOUNT = Text(
    en="The account that received this message is no longer connected.",
    fr="Le compte qui a reçu ce message n'est plus connecté.",
)
ANSWER_BLOCKED = Text(
    en="The answer was not queued: fix what is above first.",
    fr="La réponse n'a pas été programmée : corrigez d'abord ce qui est indiqué ci-dessus.",
)
NOTHING_TO_LIKE = Text(
    en="Only a reply, a mention or a quote can be liked from here.",
    fr="Seule une réponse, une mention ou une citation peut être aimée d'ici.",
)
LIKE_FAILED = Text(
    en="{network} did not accept the like: “{reason}”.",
    fr="{network} n'a pas accepté le « j'aime » : « {reason} ».",
)
LIKE_NEEDS_PERMISSION = Text(
    en="To like from the app, reconnect the {network} account in Accounts (it needs one more permission).",
    fr="Pour aimer depuis l'application, reconnectez le compte {network} dans Comptes (il lui faut une autorisation de plus).",
)

KIND_WORDS: dict[str, Text] = {
    "reply": Text(en="a reply", fr="une réponse"),
    "mention": Text(en="a mention", fr="une mention"),
    "quote": Text(en="a quote", fr="une citation"),
    "follow": Text(en="a new follower", fr="un nouvel abonné"),
    "like": Text(en="a like", fr="un « j'aime »"),
    "repost": Text(en="a repost", fr="un partage"),
}


def sync_message(code: str, network: str, lang: Lang, *, reason: str = "", when: str = "") -> str:
    from cm_desktop.core.networks import name_of as network_name

    if not code:
        return ""
    text = SYNC_TEXTS.get(code, SYNC_TEXTS[BUG])
    return text.get(lang, network=network_name(network), reason=reason or "—", when=when or "—")


def kind_word(kind: str, lang: Lang) -> str:
    word = KIND_WORDS.get(kind)
    return word.get(lang) if word is not None else kind
