<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>LatePostDialog</name>
    <message>
        <source>Your answer could not be saved. Please try again.</source>
        <translation>Votre réponse n&apos;a pas pu être enregistrée. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>A post was not sent on time</source>
        <translation>Une publication n&apos;est pas partie à l&apos;heure</translation>
    </message>
    <message>
        <source>This post for %1 was planned for %2, but your computer was off, asleep or offline. What would you like to do?</source>
        <translation>Cette publication pour %1 était prévue %2, mais votre ordinateur était éteint, en veille ou hors ligne. Que voulez-vous faire ?</translation>
    </message>
    <message>
        <source>Publish now</source>
        <translation>Publier maintenant</translation>
    </message>
    <message>
        <source>Choose a new time…</source>
        <translation>Choisir une autre heure…</translation>
    </message>
    <message>
        <source>Do not publish</source>
        <translation>Ne pas publier</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Time to publish on %1</source>
        <translation>C&apos;est le moment de publier sur %1</translation>
    </message>
    <message>
        <source>Click here: the publish assistant shows you what to post, step by step.</source>
        <translation>Cliquez ici : l&apos;assistant de publication vous montre quoi publier, étape par étape.</translation>
    </message>
    <message>
        <source>A post was not sent on time</source>
        <translation>Une publication n&apos;est pas partie à l&apos;heure</translation>
    </message>
    <message>
        <source>%1 posts were not sent on time</source>
        <translation>%1 publications ne sont pas parties à l&apos;heure</translation>
    </message>
    <message>
        <source>Your computer was off or asleep. Click here to choose what to do.</source>
        <translation>Votre ordinateur était éteint ou en veille. Cliquez ici pour choisir quoi faire.</translation>
    </message>
    <message>
        <source>Please check a post on %1</source>
        <translation>Vérifiez une publication sur %1</translation>
    </message>
    <message>
        <source>We could not tell whether it went out. Click here to see what to do.</source>
        <translation>Nous n&apos;avons pas pu savoir si elle est partie. Cliquez ici pour voir quoi faire.</translation>
    </message>
    <message>
        <source>Not published on %1</source>
        <translation>Non publiée sur %1</translation>
    </message>
    <message>
        <source>%1 posts could not be published</source>
        <translation>%1 publications n&apos;ont pas pu partir</translation>
    </message>
    <message>
        <source>On %1. Click here to see why and what to do.</source>
        <translation>Sur %1. Cliquez ici pour savoir pourquoi et quoi faire.</translation>
    </message>
    <message>
        <source>Reconnect your %1 account</source>
        <translation>Reconnectez votre compte %1</translation>
    </message>
    <message>
        <source>Posts for it wait until you reconnect it in Accounts. Nothing is lost.</source>
        <translation>Ses publications attendent que vous le reconnectiez dans Comptes. Rien n&apos;est perdu.</translation>
    </message>
    <message>
        <source>Published on %1</source>
        <translation>Publiée sur %1</translation>
    </message>
    <message>
        <source>Your post went out.</source>
        <translation>Votre publication est partie.</translation>
    </message>
    <message>
        <source>%1 posts went out.</source>
        <translation>%1 publications sont parties.</translation>
    </message>
</context>
<context>
    <name>PublishAssistant</name>
    <message>
        <source>The link should start with https:// (or leave it empty).</source>
        <translation>Le lien doit commencer par https:// (ou laissez-le vide).</translation>
    </message>
    <message>
        <source>Your answer could not be saved. Please try again.</source>
        <translation>Votre réponse n&apos;a pas pu être enregistrée. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>Publish on %1</source>
        <translation>Publier sur %1</translation>
    </message>
    <message>
        <source>Time to publish on %1</source>
        <translation>C&apos;est le moment de publier sur %1</translation>
    </message>
    <message>
        <source>1. The text</source>
        <translation>1. Le texte</translation>
    </message>
    <message>
        <source>The text is already copied: in %1, paste it with Ctrl+V (⌘V on a Mac).</source>
        <translation>Le texte est déjà copié : dans %1, collez-le avec Ctrl+V (⌘V sur Mac).</translation>
    </message>
    <message>
        <source>Copy the text again</source>
        <translation>Copier à nouveau le texte</translation>
    </message>
    <message>
        <source>Text to publish</source>
        <translation>Texte à publier</translation>
    </message>
    <message>
        <source>2. The pictures</source>
        <translation>2. Les images</translation>
    </message>
    <message>
        <source>Save the pictures…</source>
        <translation>Enregistrer les images…</translation>
    </message>
    <message>
        <source>Show the folder</source>
        <translation>Afficher le dossier</translation>
    </message>
    <message>
        <source>%1. Open %2</source>
        <translation>%1. Ouvrir %2</translation>
    </message>
    <message>
        <source>Your browser opens %1. Sign in if asked, create a new post, paste the text and add the pictures.</source>
        <translation>Votre navigateur ouvre %1. Connectez-vous si on vous le demande, créez une nouvelle publication, collez le texte et ajoutez les images.</translation>
    </message>
    <message>
        <source>Open %1 in the browser</source>
        <translation>Ouvrir %1 dans le navigateur</translation>
    </message>
    <message>
        <source>%1. Once it is published</source>
        <translation>%1. Une fois publiée</translation>
    </message>
    <message>
        <source>Link to your post (optional, to find it again later):</source>
        <translation>Lien vers votre publication (facultatif, pour la retrouver plus tard) :</translation>
    </message>
    <message>
        <source>I have posted it</source>
        <translation>Je l&apos;ai publiée</translation>
    </message>
    <message>
        <source>Later (in 1 hour)</source>
        <translation>Plus tard (dans 1 heure)</translation>
    </message>
    <message>
        <source>Do not publish</source>
        <translation>Ne pas publier</translation>
    </message>
    <message>
        <source>Preparing the pictures for %1…</source>
        <translation>Préparation des images pour %1…</translation>
    </message>
    <message>
        <source>Ready in the right size for %1. Save them, then add them to your post.</source>
        <translation>Prêtes, à la bonne taille pour %1. Enregistrez-les, puis ajoutez-les à votre publication.</translation>
    </message>
    <message>
        <source>Saved in %1.</source>
        <translation>Enregistrées dans %1.</translation>
    </message>
    <message>
        <source>The pictures could not be saved there. Choose another folder (is the disk full?).</source>
        <translation>Les images n&apos;ont pas pu être enregistrées ici. Choisissez un autre dossier (le disque est-il plein ?).</translation>
    </message>
    <message>
        <source>The pictures could not be prepared.</source>
        <translation>Les images n&apos;ont pas pu être préparées.</translation>
    </message>
</context>
<context>
    <name>Reflow</name>
    <message>
        <source>Posts and where they are</source>
        <translation>Les publications et où elles en sont</translation>
    </message>
</context>
<context>
    <name>SendingPage</name>
    <message>
        <source>The list could not be read. Please try again in a moment.</source>
        <translation>La liste n&apos;a pas pu être lue. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Your answer could not be saved. Please try again.</source>
        <translation>Votre réponse n&apos;a pas pu être enregistrée. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>published %1</source>
        <translation>publiée %1</translation>
    </message>
    <message>
        <source>sending now</source>
        <translation>envoi en cours</translation>
    </message>
    <message>
        <source>planned for %1</source>
        <translation>prévue %1</translation>
    </message>
    <message>
        <source>%1 is published by hand: the assistant shows you what to post.</source>
        <translation>%1 se publie à la main : l&apos;assistant vous montre quoi publier.</translation>
    </message>
    <message>
        <source>It did not go out at its time: your computer was off, asleep or offline. Publish it now, choose a new time, or skip it?</source>
        <translation>Elle n&apos;est pas partie à son heure : votre ordinateur était éteint, en veille ou hors ligne. La publier maintenant, choisir une autre heure, ou y renoncer ?</translation>
    </message>
    <message>
        <source>Publish it now…</source>
        <translation>La publier maintenant…</translation>
    </message>
    <message>
        <source>Choose what to do…</source>
        <translation>Choisir quoi faire…</translation>
    </message>
    <message>
        <source>It is published</source>
        <translation>Elle est publiée</translation>
    </message>
    <message>
        <source>Publish again</source>
        <translation>Publier à nouveau</translation>
    </message>
    <message>
        <source>Open the post</source>
        <translation>Ouvrir la publication</translation>
    </message>
    <message>
        <source>Reconnect the account</source>
        <translation>Reconnecter le compte</translation>
    </message>
    <message>
        <source>How did it go?</source>
        <translation>Comment ça s&apos;est passé ?</translation>
    </message>
    <message>
        <source>See it online</source>
        <translation>La voir en ligne</translation>
    </message>
    <message>
        <source>You are offline: posts wait here and go out as soon as the connection is back.</source>
        <translation>Vous êtes hors ligne : les publications attendent ici et partiront dès le retour de la connexion.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi en cours…</translation>
    </message>
    <message>
        <source>1 post needs you.</source>
        <translation>1 publication vous attend.</translation>
    </message>
    <message>
        <source>%1 posts need you.</source>
        <translation>%1 publications vous attendent.</translation>
    </message>
    <message>
        <source>Nothing needs you: posts go out on their own at their time.</source>
        <translation>Rien ne vous attend : les publications partent seules à leur heure.</translation>
    </message>
    <message>
        <source>Waiting for you</source>
        <translation>Vous attendent</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>Non publiées</translation>
    </message>
    <message>
        <source>On the way (next 7 days)</source>
        <translation>En route (7 prochains jours)</translation>
    </message>
    <message>
        <source>Published (last 14 days)</source>
        <translation>Publiées (14 derniers jours)</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Suivi des envois</translation>
    </message>
    <message>
        <source>Retry what failed</source>
        <translation>Réessayer ce qui a échoué</translation>
    </message>
    <message>
        <source>Sends again only the posts that were not published.</source>
        <translation>Renvoie seulement les publications qui ne sont pas parties.</translation>
    </message>
    <message>
        <source>Send what is due now</source>
        <translation>Envoyer maintenant ce qui est prévu</translation>
    </message>
    <message>
        <source>Nothing here yet. Posts you schedule appear here when they are about to go out.</source>
        <translation>Rien pour l&apos;instant. Les publications programmées apparaissent ici quand elles sont sur le point de partir.</translation>
    </message>
</context>
</TS>
