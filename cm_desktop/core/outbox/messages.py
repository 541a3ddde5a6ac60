"""What the outbox tells people about a target, in English and French.

A target stores a stable code (`last_error_code`) and the detail (`last_error_message`: the server's own
reason, already in the server's language); the sentence is built when shown, in the person's language.
"""

from __future__ import annotations

from cm_desktop.core.i18n import Lang, Text
from cm_desktop.core.networks import name_of

# Codes stored in PostTarget.last_error_code.
REFUSED = "refused"  # the network clearly said no: failed
MEDIA = "media"  # a picture could not be prepared: failed
GAVE_UP = "gave_up"  # surely not published after every allowed attempt: failed
AUTH_EXPIRED = "auth_expired"  # the account must be reconnected: the target waits
RATE_LIMITED = "rate_limited"  # the server asked to wait: the target waits until then
OFFLINE = "offline"  # the server could not be reached: nothing was sent, the target waits
UNKNOWN = "unknown"  # the request may have arrived: it is looked up before anything else
UNCLEAR = "unclear"  # look-ups could not tell: the person is asked, never a blind retry
LATE = "late"  # found too late (computer off or asleep): the person is asked
NATIVE_MISSING = "native_missing"  # handed to the server for later, then vanished there
NATIVE_PENDING = "native_pending"  # the server's copy must still be moved or cancelled: tried again
NATIVE_REFUSED = "native_refused"  # the server would not keep it for later: we send it ourselves
RESTORED = "restored"  # a backup was put back: this post may have gone out since; the person checks
NATIVE_OUT_BEFORE_MOVE = "native_out_before_move"  # the server published its copy before the move came
NATIVE_OUT_BEFORE_WITHDRAW = "native_out_before_withdraw"  # ... before "back to drafts" or "delete" came
NATIVE_CHANGED_TOO_LATE = "native_changed_too_late"  # ... before the edit came: the person is asked
NO_ACCOUNT = "no_account"  # the account was removed: failed
SKIPPED = "skipped"  # the person chose not to publish a late post
BUG = "bug"  # something went wrong on our side (logged with its traceback)

TEXTS: dict[str, Text] = {
    REFUSED: Text(
        en="{network} refused this post. Its explanation: “{reason}”. Change the post, then choose Retry.",
        fr=(
            "{network} a refusé cette publication. Son explication : « {reason} ». Modifiez la publication, "
            "puis choisissez Réessayer."
        ),
    ),
    MEDIA: Text(
        en="A picture of this post could not be prepared for {network}: {reason}",
        fr="Une image de cette publication n'a pas pu être préparée pour {network} : {reason}",
    ),
    GAVE_UP: Text(
        en=(
            "This post could not be published on {network} after several tries ({reason}). It was not "
            "published. Choose Retry to try again."
        ),
        fr=(
            "Cette publication n'a pas pu partir sur {network} après plusieurs essais ({reason}). Elle n'a "
            "pas été publiée. Choisissez Réessayer pour recommencer."
        ),
    ),
    AUTH_EXPIRED: Text(
        en="The {network} account must be reconnected. The post will go out once it is.",
        fr="Le compte {network} doit être reconnecté. La publication partira ensuite.",
    ),
    RATE_LIMITED: Text(
        en="{network} asked us to wait. The post will go out automatically after {reason}.",
        fr="{network} nous demande d'attendre. La publication partira automatiquement après {reason}.",
    ),
    OFFLINE: Text(
        en="{network} could not be reached. Nothing was sent; the post will go out once the connection is back.",
        fr=(
            "{network} est injoignable. Rien n'a été envoyé ; la publication partira dès le retour de la "
            "connexion."
        ),
    ),
    UNKNOWN: Text(
        en="The answer from {network} was lost. We are checking whether the post went out before anything else.",
        fr=(
            "La réponse de {network} s'est perdue. Nous vérifions si la publication est partie avant toute "
            "autre chose."
        ),
    ),
    UNCLEAR: Text(
        en=(
            "We could not find out whether this post went out on {network}. Look at your profile there: "
            "if the post is there, choose “It is published”; if not, choose “Publish again”."
        ),
        fr=(
            "Nous n'avons pas pu savoir si cette publication est partie sur {network}. Regardez votre "
            "profil : si elle y est, choisissez « Elle est publiée » ; sinon, choisissez « Publier à "
            "nouveau »."
        ),
    ),
    LATE: Text(
        en=(
            "This post was due at {reason} but your computer was off or asleep. Publish it now, choose a "
            "new time, or skip it?"
        ),
        fr=(
            "Cette publication était prévue à {reason}, mais votre ordinateur était éteint ou en veille. "
            "La publier maintenant, choisir une autre heure, ou y renoncer ?"
        ),
    ),
    RESTORED: Text(
        en=(
            "Your data was restored from a backup made on {reason}: this post may have gone out on {network} "
            "after it. Check on {network}, then say whether it is published."
        ),
        fr=(
            "Vos données ont été restaurées depuis une sauvegarde du {reason} : cette publication est peut-être "
            "partie sur {network} après. Vérifiez sur {network}, puis dites si elle est publiée."
        ),
    ),
    NATIVE_REFUSED: Text(
        en=(
            "{network} would not keep this post for later ({reason}). CM Desktop will send it itself at its "
            "time: leave the computer on, or turn on “Publish even when CM Desktop is closed” in Settings."
        ),
        fr=(
            "{network} n'a pas voulu garder cette publication pour plus tard ({reason}). CM Desktop "
            "l'enverra lui-même à son heure : laissez l'ordinateur allumé, ou activez « Publier même quand "
            "CM Desktop est fermé » dans les Réglages."
        ),
    ),
    NATIVE_MISSING: Text(
        en=(
            "This post was handed to {network} for later, but it is no longer there. It may have been "
            "deleted on the server. Publish it again?"
        ),
        fr=(
            "Cette publication avait été confiée à {network} pour plus tard, mais elle n'y est plus. Elle "
            "a peut-être été supprimée sur le serveur. La publier à nouveau ?"
        ),
    ),
    NATIVE_PENDING: Text(
        en=(
            "{network} keeps this post for later, and your latest change has not reached it yet ({reason}). "
            "We will try again automatically."
        ),
        fr=(
            "{network} garde cette publication pour plus tard, et votre dernière modification ne lui est pas "
            "encore parvenue ({reason}). Nous réessaierons automatiquement."
        ),
    ),
    NATIVE_OUT_BEFORE_MOVE: Text(
        en=(
            "{network} had already published this post at the time first planned ({reason}), before the new "
            "time reached it."
        ),
        fr=(
            "{network} avait déjà publié cette publication à l'heure prévue au départ ({reason}), avant que "
            "la nouvelle heure ne lui parvienne."
        ),
    ),
    NATIVE_OUT_BEFORE_WITHDRAW: Text(
        en=(
            "{network} had already published this post ({reason}) before your request to take it back "
            "reached it. It is still on {network}: delete it there if it should not be seen."
        ),
        fr=(
            "{network} avait déjà publié cette publication ({reason}) avant que votre demande de la retirer "
            "ne lui parvienne. Elle est toujours sur {network} : supprimez-la là-bas si elle ne doit pas "
            "être vue."
        ),
    ),
    NATIVE_CHANGED_TOO_LATE: Text(
        en=(
            "{network} had already published the earlier version of this post ({reason}) before your change "
            "reached it. If the new version should go out too, choose “Publish again”; otherwise choose "
            "“It is published”."
        ),
        fr=(
            "{network} avait déjà publié la version précédente de cette publication ({reason}) avant que "
            "votre modification ne lui parvienne. Si la nouvelle version doit aussi partir, choisissez "
            "« Publier à nouveau » ; sinon, choisissez « Elle est publiée »."
        ),
    ),
    NO_ACCOUNT: Text(
        en="The account this post was meant for has been removed.",
        fr="Le compte auquel cette publication était destinée a été supprimé.",
    ),
    SKIPPED: Text(
        en="You chose not to publish this post.",
        fr="Vous avez choisi de ne pas publier cette publication.",
    ),
    BUG: Text(
        en="Something went wrong on our side. The post was not sent again; please report this problem.",
        fr=(
            "Un problème est survenu de notre côté. La publication n'a pas été renvoyée ; merci de nous "
            "signaler ce problème."
        ),
    ),
}

PUBLISHER_BUSY = Text(
    en="Another copy of CM Desktop is publishing right now; it will send what is due.",
    fr="Une autre copie de CM Desktop publie en ce moment ; elle enverra ce qui est prévu.",
)


def message_for(code: str, network: str, reason: str, lang: Lang) -> str:
    """The sentence for a stored error code; '' for no error."""
    if not code:
        return ""
    text = TEXTS.get(code, TEXTS[BUG])
    return text.get(lang, network=name_of(network), reason=reason or "—")
