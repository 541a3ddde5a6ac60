"""What the Results page and `cm-desktop insights` tell people, in English and French."""

from __future__ import annotations

from cm_desktop.core.i18n import Lang, Text

# Why the last reading of an account stopped (ResultsSync.last_error_code).
from cm_desktop.core.reading import BUG, OFFLINE, RATE_LIMITED, RECONNECT, REFUSED, SERVER

SYNC_TEXTS: dict[str, Text] = {
    OFFLINE: Text(
        en="{network} could not be reached: the figures shown are from {since}.",
        fr="{network} est injoignable : les chiffres affichés datent du {since}.",
    ),
    RATE_LIMITED: Text(
        en="{network} asked us to wait: the figures will be read again after {when}.",
        fr="{network} nous demande d'attendre : les chiffres seront relus après {when}.",
    ),
    RECONNECT: Text(
        en="The {network} account must be reconnected (in Accounts) before its figures can be read.",
        fr="Le compte {network} doit être reconnecté (dans Comptes) pour que ses chiffres soient lus.",
    ),
    SERVER: Text(
        en="{network} is not answering properly: the figures shown are from {since}. We will try again.",
        fr="{network} ne répond pas correctement : les chiffres affichés datent du {since}. Nous réessaierons.",
    ),
    REFUSED: Text(
        en="{network} refused to give the figures: “{reason}”.",
        fr="{network} a refusé de donner les chiffres : « {reason} ».",
    ),
    BUG: Text(
        en="Something went wrong while reading your {network} figures. The details are in the log.",
        fr="Un problème est survenu pendant la lecture de vos chiffres {network}. Les détails sont dans le journal.",
    ),
}
NEVER = Text(en="never", fr="jamais")
BUSY = Text(
    en="Your figures are already being read (by the app or another command).",
    fr="Vos chiffres sont déjà en cours de lecture (par l'application ou une autre commande).",
)
SYNCED = Text(
    en="{handle} ({network}): {posts} posts read, followers {followers}.",
    fr="{handle} ({network}) : {posts} publications lues, abonnés {followers}.",
)

# The "How did it go?" form of a network the app cannot read.
NOT_BY_HAND = Text(
    en="This post's figures are read from {network} by the app: there is nothing to type in.",
    fr="Les chiffres de cette publication sont lus sur {network} par l'application : rien à saisir.",
)
NOT_PUBLISHED = Text(
    en="This post is not published yet: its figures can be given once it is.",
    fr="Cette publication n'est pas encore publiée : ses chiffres pourront être donnés ensuite.",
)
NO_SUCH_POST = Text(en="There is no such post.", fr="Cette publication n'existe pas.")
BAD_NUMBER = Text(
    en="The figures must be whole numbers from 0 to 10,000,000.",
    fr="Les chiffres doivent être des nombres entiers de 0 à 10 000 000.",
)

# Why a post did well: one plain sentence (core/results/analysis.py chooses the reason).
RATIO_TIMES = Text(
    en="{times} times as many reactions as usual", fr="{times} fois plus de réactions que d'habitude"
)
RATIO_TWICE = Text(en="twice as many reactions as usual", fr="deux fois plus de réactions que d'habitude")
RATIO_FEWER = Text(
    en="{percent}% fewer reactions than usual", fr="{percent} % de réactions en moins que d'habitude"
)
RATIO_USUAL = Text(en="about as many reactions as usual", fr="à peu près autant de réactions que d'habitude")
RATIO_MORE = Text(
    en="{percent}% more reactions than usual", fr="{percent} % de réactions en plus que d'habitude"
)
WHY_TEXTS: dict[str, Text] = {
    "kind_pictures": Text(
        en="Your “{kind}” posts with pictures get {ratio}.",
        fr="Vos publications « {kind} » avec photos obtiennent {ratio}.",
    ),
    "kind": Text(en="Your “{kind}” posts get {ratio}.", fr="Vos publications « {kind} » obtiennent {ratio}."),
    "pictures": Text(
        en="Your posts with pictures get {ratio}.", fr="Vos publications avec photos obtiennent {ratio}."
    ),
    "time": Text(
        en="Posted on a {day} {part}: your posts then get {ratio}.",
        fr="Publiée un {day} {part} : vos publications obtiennent alors {ratio}.",
    ),
    "itself": Text(en="It got {ratio}.", fr="Elle a obtenu {ratio}."),
    "usual": Text(
        en="It did about as well as your usual posts.",
        fr="Elle a fait à peu près comme vos publications habituelles.",
    ),
}
DAY_PARTS: dict[str, Text] = {
    "morning": Text(en="morning", fr="matin"),
    "midday": Text(en="lunchtime", fr="midi"),
    "afternoon": Text(en="afternoon", fr="après-midi"),
    "evening": Text(en="evening", fr="soir"),
}
OWN_KIND = Text(en="Your own ideas", fr="Vos propres idées")

METHOD = Text(
    en=(
        "How: each post's reactions (likes, shares, replies and quotes) compared with the average of its "
        "account over the last 8 weeks, then averaged by day and hour of publication. Only times you used at "
        "least twice are proposed."
    ),
    fr=(
        "Méthode : les réactions de chaque publication (j'aime, partages, réponses et citations) comparées à "
        "la moyenne de son compte sur les 8 dernières semaines, puis moyennées par jour et heure de "
        "publication. Seuls les horaires utilisés au moins deux fois sont proposés."
    ),
)
NOT_ENOUGH = Text(
    en=(
        "Best times need at least {needed} posts with figures over the last 8 weeks; you have {count}. "
        "Until then, your plan's times stay."
    ),
    fr=(
        "Les meilleurs horaires demandent au moins {needed} publications avec des chiffres sur les 8 "
        "dernières semaines ; vous en avez {count}. D'ici là, les horaires de votre plan restent."
    ),
)


def sync_message(
    code: str, network: str, lang: Lang, *, reason: str = "", when: str = "", since: str = ""
) -> str:
    from cm_desktop.core.networks import name_of as network_name

    if not code:
        return ""
    text = SYNC_TEXTS.get(code, SYNC_TEXTS[BUG])
    return text.get(
        lang,
        network=network_name(network),
        reason=reason or "—",
        when=when or "—",
        since=since or NEVER.get(lang),
    )


def ratio_words(ratio: float, lang: Lang) -> str:
    """'twice as many reactions as usual', '3 times…', '40% more…', 'about as many…', '30% fewer…'."""
    if ratio >= 2.75:
        return RATIO_TIMES.get(lang, times=int(ratio + 0.5))
    if ratio >= 1.9:
        return RATIO_TWICE.get(lang)
    if ratio >= 1.1:
        return RATIO_MORE.get(lang, percent=round((ratio - 1) * 100))
    if ratio > 0.9:
        return RATIO_USUAL.get(lang)
    return RATIO_FEWER.get(lang, percent=round((1 - ratio) * 100))
