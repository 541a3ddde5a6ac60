<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ListeningPage</name>
    <message>
        <source>What was found could not be read. Please try again in a moment.</source>
        <translation>Les trouvailles n&apos;ont pas pu être lues. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>All searches</source>
        <translation>Toutes les recherches</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>« %1 »</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>%1 new</source>
        <translation>%1 nouvelle(s)</translation>
    </message>
    <message>
        <source>Your answer is on its way. It is sent once, even if the computer stops.</source>
        <translation>Votre réponse est en route. Elle part une seule fois, même si l&apos;ordinateur s&apos;arrête.</translation>
    </message>
    <message>
        <source>Your answer could not be saved. Please try again.</source>
        <translation>Votre réponse n&apos;a pas pu être enregistrée. Réessayez.</translation>
    </message>
    <message>
        <source>Kept in your ideas: you will find it when you plan your next posts.</source>
        <translation>Gardée dans vos idées : vous la retrouverez en préparant vos prochaines publications.</translation>
    </message>
    <message>
        <source>Connect a Bluesky or Mastodon account to listen to what people say.</source>
        <translation>Connectez un compte Bluesky ou Mastodon pour écouter ce qui se dit.</translation>
    </message>
    <message>
        <source>No saved search yet.</source>
        <translation>Aucune recherche enregistrée pour l&apos;instant.</translation>
    </message>
    <message>
        <source>1 new post since you last looked.</source>
        <translation>1 nouvelle publication depuis votre dernière visite.</translation>
    </message>
    <message>
        <source>%1 new posts since you last looked.</source>
        <translation>%1 nouvelles publications depuis votre dernière visite.</translation>
    </message>
    <message>
        <source>Nothing new since you last looked. Your searches are made every 15 minutes.</source>
        <translation>Rien de nouveau depuis votre dernière visite. Vos recherches sont faites toutes les 15 minutes.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Mettre en pause</translation>
    </message>
    <message>
        <source>“%1”: </source>
        <translation>« %1 » : </translation>
    </message>
    <message>
        <source>This search is paused: it is not made until you resume it.</source>
        <translation>Cette recherche est en pause : elle n&apos;est plus faite tant que vous ne la reprenez pas.</translation>
    </message>
    <message>
        <source>People often ask for a shop like yours without naming anyone: “a florist in Lyon for a wedding?”. Connect a Bluesky or Mastodon account, and the app listens for your name, your town and your trade.</source>
        <translation>On cherche souvent une boutique comme la vôtre sans nommer personne : « un fleuriste à Lyon pour un mariage ? ». Connectez un compte Bluesky ou Mastodon, et l&apos;application écoute votre nom, votre ville et votre métier.</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>Connecter un compte</translation>
    </message>
    <message>
        <source>People often ask for a shop like yours without naming anyone: “a florist in Lyon for a wedding?”. Save a search with your trade and your town, your shop&apos;s name or a hashtag: the app looks every 15 minutes and shows here what it finds.</source>
        <translation>On cherche souvent une boutique comme la vôtre sans nommer personne : « un fleuriste à Lyon pour un mariage ? ». Enregistrez une recherche avec votre métier et votre ville, le nom de votre boutique ou un hashtag : l&apos;application regarde toutes les 15 minutes et montre ici ce qu&apos;elle trouve.</translation>
    </message>
    <message>
        <source>Add a search</source>
        <translation>Ajouter une recherche</translation>
    </message>
    <message>
        <source>Nothing found yet. The app looks every 15 minutes; posts of the last week that match your searches appear here. Your own posts are left out.</source>
        <translation>Rien trouvé pour l&apos;instant. L&apos;application regarde toutes les 15 minutes ; les publications de la dernière semaine qui correspondent à vos recherches apparaissent ici. Vos propres publications sont laissées de côté.</translation>
    </message>
    <message>
        <source>Add another search</source>
        <translation>Ajouter une autre recherche</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>À l&apos;écoute</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Afficher</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Posts found (R to answer, E to dismiss)</source>
        <translation>Publications trouvées (R pour répondre, E pour écarter)</translation>
    </message>
    <message>
        <source>Show the posts found by</source>
        <translation>Afficher les publications trouvées par</translation>
    </message>
</context>
<context>
    <name>Reflow</name>
    <message>
        <source>The post found</source>
        <translation>Le message trouvé</translation>
    </message>
    <message>
        <source>The post and your answer</source>
        <translation>Le message et votre réponse</translation>
    </message>
</context>
<context>
    <name>ResultPane</name>
    <message>
        <source>Liked</source>
        <translation>Aimé</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>J&apos;aime</translation>
    </message>
    <message>
        <source>Following</source>
        <translation>Abonné</translation>
    </message>
    <message>
        <source>Follow</source>
        <translation>Suivre</translation>
    </message>
    <message>
        <source>Kept as an idea</source>
        <translation>Gardée en idée</translation>
    </message>
    <message>
        <source>Keep as a post idea</source>
        <translation>Garder comme idée de publication</translation>
    </message>
    <message>
        <source>Choose a post on the left to read it. You can answer it, like it, follow its author, or keep it as an idea for a post of your own.</source>
        <translation>Choisissez une publication à gauche pour la lire. Vous pouvez y répondre, l&apos;aimer, suivre son auteur, ou la garder comme idée pour une publication à vous.</translation>
    </message>
    <message>
        <source>Send answer</source>
        <translation>Envoyer la réponse</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Entrée</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Écarter</translation>
    </message>
    <message>
        <source>Take it out of the list (E)</source>
        <translation>La retirer de la liste (E)</translation>
    </message>
    <message>
        <source>Open on %1</source>
        <translation>Ouvrir sur %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Follow %1</source>
        <translation>Suivre %1</translation>
    </message>
</context>
<context>
    <name>ResultWords</name>
    <message>
        <source>Answered</source>
        <translation>Répondu</translation>
    </message>
    <message>
        <source>Answer on its way</source>
        <translation>Réponse en route</translation>
    </message>
    <message>
        <source>Answer not sent</source>
        <translation>Réponse non partie</translation>
    </message>
    <message>
        <source>Answer to check</source>
        <translation>Réponse à vérifier</translation>
    </message>
    <message>
        <source>Kept as an idea</source>
        <translation>Gardée en idée</translation>
    </message>
    <message>
        <source>Liked</source>
        <translation>Aimé</translation>
    </message>
    <message>
        <source>Followed</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Found by “%1”</source>
        <translation>Trouvée par « %1 »</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
</context>
<context>
    <name>WatchDialog</name>
    <message>
        <source>Listen for…</source>
        <translation>Écouter…</translation>
    </message>
    <message>
        <source>Change the search</source>
        <translation>Modifier la recherche</translation>
    </message>
    <message>
        <source>Write what people say when they look for a shop like yours or talk about it: a few words (florist Lyon), an exact phrase in quotes (&quot;wedding flowers&quot;), a #hashtag, or an @account. Every part must be in a post for it to be found.</source>
        <translation>Écrivez ce que disent les gens qui cherchent une boutique comme la vôtre ou qui en parlent : quelques mots (fleuriste Lyon), une expression exacte entre guillemets (&quot;fleurs de mariage&quot;), un #hashtag ou un @compte. Chaque partie doit être dans une publication pour qu&apos;elle soit trouvée.</translation>
    </message>
    <message>
        <source>&amp;Words to listen for</source>
        <translation>&amp;Mots à écouter</translation>
    </message>
    <message>
        <source>for example: florist Lyon</source>
        <translation>par exemple : fleuriste Lyon</translation>
    </message>
    <message>
        <source>Search with the &amp;account</source>
        <translation>Chercher &amp;avec le compte</translation>
    </message>
    <message>
        <source>Ideas from your profile (click one to use it):</source>
        <translation>Idées tirées de votre profil (cliquez pour l&apos;utiliser) :</translation>
    </message>
    <message>
        <source>Start listening</source>
        <translation>Commencer l&apos;écoute</translation>
    </message>
    <message>
        <source>Save the change</source>
        <translation>Enregistrer la modification</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
</TS>
