<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CheckCardWidget</name>
    <message>
        <source>Check your messages on %1</source>
        <translation>Consultez vos messages sur %1</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Ouvrir %1</translation>
    </message>
    <message>
        <source>Done for this week. The next reminder comes next week.</source>
        <translation>Fait pour cette semaine. Le prochain rappel viendra la semaine prochaine.</translation>
    </message>
    <message>
        <source>Waiting for you this week.</source>
        <translation>À faire cette semaine.</translation>
    </message>
    <message>
        <source>A reminder comes each week.</source>
        <translation>Un rappel vient chaque semaine.</translation>
    </message>
    <message>
        <source>Done for this week</source>
        <translation>Fait pour cette semaine</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>and 1 other</source>
        <translation>et 1 autre</translation>
    </message>
    <message>
        <source>and %1 others</source>
        <translation>et %1 autres</translation>
    </message>
    <message>
        <source>About your post: %1</source>
        <translation>À propos de votre publication : %1</translation>
    </message>
    <message>
        <source>This post was deleted on the network: it can no longer be answered.</source>
        <translation>Cette publication a été supprimée sur le réseau : on ne peut plus y répondre.</translation>
    </message>
    <message>
        <source>You blocked this person, or they blocked you: the post cannot be answered from here.</source>
        <translation>Vous avez bloqué cette personne, ou elle vous a bloqué : on ne peut pas répondre d&apos;ici.</translation>
    </message>
    <message>
        <source>You are offline: the whole conversation shows when the connection is back. You can still write your answer; it is sent when the connection is back.</source>
        <translation>Vous êtes hors ligne : la conversation entière s&apos;affichera au retour de la connexion. Vous pouvez déjà écrire votre réponse ; elle partira au retour de la connexion.</translation>
    </message>
    <message>
        <source>The conversation could not be read now. It is tried again when you come back.</source>
        <translation>La conversation n&apos;a pas pu être lue pour l&apos;instant. Elle sera relue quand vous reviendrez.</translation>
    </message>
    <message>
        <source>Liked</source>
        <translation>Aimé</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>J&apos;aime</translation>
    </message>
    <message>
        <source>You answered. You can answer again below.</source>
        <translation>Vous avez répondu. Vous pouvez répondre à nouveau ci-dessous.</translation>
    </message>
    <message>
        <source>Your answer is on its way. It is sent once, even if the computer stops.</source>
        <translation>Votre réponse est en route. Elle part une seule fois, même si l&apos;ordinateur s&apos;arrête.</translation>
    </message>
    <message>
        <source>Your answer could not be sent: the Sending page says why.</source>
        <translation>Votre réponse n&apos;a pas pu partir : la page Envoi dit pourquoi.</translation>
    </message>
    <message>
        <source>We could not tell whether your answer went out: the Sending page asks you.</source>
        <translation>Nous ne savons pas si votre réponse est partie : la page Envoi vous le demande.</translation>
    </message>
    <message>
        <source>Choose a message on the left to read the conversation and answer it.</source>
        <translation>Choisissez un message à gauche pour lire la conversation et y répondre.</translation>
    </message>
    <message>
        <source>Your &amp;answer</source>
        <translation>Votre &amp;réponse</translation>
    </message>
    <message>
        <source>Write your answer here. Ctrl+Enter sends it.</source>
        <translation>Écrivez votre réponse ici. Ctrl+Entrée l&apos;envoie.</translation>
    </message>
    <message>
        <source>Send answer</source>
        <translation>Envoyer la réponse</translation>
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
        <source>Archive</source>
        <translation>Archiver</translation>
    </message>
    <message>
        <source>Take it out of the list (E)</source>
        <translation>Le retirer de la liste (E)</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Entrée</translation>
    </message>
</context>
<context>
    <name>InboxController</name>
    <message>
        <source>%1 replied to you</source>
        <translation>%1 vous a répondu</translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation>%1 vous a mentionné</translation>
    </message>
    <message>
        <source>%1 quoted your post</source>
        <translation>%1 a cité votre publication</translation>
    </message>
    <message>
        <source>%1 wrote to you</source>
        <translation>%1 vous a écrit</translation>
    </message>
    <message>
        <source>%1 new messages to answer</source>
        <translation>%1 nouveaux messages à traiter</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>De %1</translation>
    </message>
</context>
<context>
    <name>MessageWords</name>
    <message>
        <source>%1 replied</source>
        <translation>%1 a répondu</translation>
    </message>
    <message>
        <source>%1 mentioned you</source>
        <translation>%1 vous a mentionné</translation>
    </message>
    <message>
        <source>%1 quoted your post</source>
        <translation>%1 a cité votre publication</translation>
    </message>
    <message>
        <source>%1 liked your post</source>
        <translation>%1 a aimé votre publication</translation>
    </message>
    <message>
        <source>%1 and 1 other liked your post</source>
        <translation>%1 et 1 autre ont aimé votre publication</translation>
    </message>
    <message>
        <source>%1 and %2 others liked your post</source>
        <translation>%1 et %2 autres ont aimé votre publication</translation>
    </message>
    <message>
        <source>Someone liked your post</source>
        <translation>Une personne a aimé votre publication</translation>
    </message>
    <message>
        <source>%2 people liked your post</source>
        <translation>%2 personnes ont aimé votre publication</translation>
    </message>
    <message>
        <source>%1 shared your post</source>
        <translation>%1 a partagé votre publication</translation>
    </message>
    <message>
        <source>%1 and 1 other shared your post</source>
        <translation>%1 et 1 autre ont partagé votre publication</translation>
    </message>
    <message>
        <source>%1 and %2 others shared your post</source>
        <translation>%1 et %2 autres ont partagé votre publication</translation>
    </message>
    <message>
        <source>Someone shared your post</source>
        <translation>Une personne a partagé votre publication</translation>
    </message>
    <message>
        <source>%2 people shared your post</source>
        <translation>%2 personnes ont partagé votre publication</translation>
    </message>
    <message>
        <source>%1 started following you</source>
        <translation>%1 vous suit désormais</translation>
    </message>
    <message>
        <source>%1 and 1 other started following you</source>
        <translation>%1 et 1 autre vous suivent désormais</translation>
    </message>
    <message>
        <source>%1 and %2 others started following you</source>
        <translation>%1 et %2 autres vous suivent désormais</translation>
    </message>
    <message>
        <source>Someone started following you</source>
        <translation>Une personne vous suit désormais</translation>
    </message>
    <message>
        <source>%2 people started following you</source>
        <translation>%2 personnes vous suivent désormais</translation>
    </message>
    <message>
        <source>Deleted on the network</source>
        <translation>Supprimé sur le réseau</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqué</translation>
    </message>
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
        <source>One of your posts</source>
        <translation>Une de vos publications</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Non lu</translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <source>The messages could not be read. Please try again in a moment.</source>
        <translation>Les messages n&apos;ont pas pu être lus. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>All accounts</source>
        <translation>Tous les comptes</translation>
    </message>
    <message>
        <source>All of %1</source>
        <translation>Tout %1</translation>
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
        <source>Connect a Bluesky or Mastodon account to read your messages here.</source>
        <translation>Connectez un compte Bluesky ou Mastodon pour lire vos messages ici.</translation>
    </message>
    <message>
        <source>1 message waits for an answer.</source>
        <translation>1 message attend une réponse.</translation>
    </message>
    <message>
        <source>%1 messages wait for an answer.</source>
        <translation>%1 messages attendent une réponse.</translation>
    </message>
    <message>
        <source>Nothing waits for an answer.</source>
        <translation>Rien n&apos;attend de réponse.</translation>
    </message>
    <message>
        <source>To answer (%1)</source>
        <translation>À répondre (%1)</translation>
    </message>
    <message>
        <source>To answer</source>
        <translation>À répondre</translation>
    </message>
    <message>
        <source>Replies, mentions and new followers of your Bluesky and Mastodon accounts appear here, so that nobody waits for an answer. Connect an account to start.</source>
        <translation>Les réponses, mentions et nouveaux abonnés de vos comptes Bluesky et Mastodon apparaissent ici, pour que personne n&apos;attende de réponse. Connectez un compte pour commencer.</translation>
    </message>
    <message>
        <source>Connect an account</source>
        <translation>Connecter un compte</translation>
    </message>
    <message>
        <source>Nothing here for this account.</source>
        <translation>Rien ici pour ce compte.</translation>
    </message>
    <message>
        <source>Show all accounts</source>
        <translation>Voir tous les comptes</translation>
    </message>
    <message>
        <source>Nothing waits for an answer. Well done! Likes, shares and new followers are under Everything.</source>
        <translation>Rien n&apos;attend de réponse. Bravo ! Les « j&apos;aime », partages et nouveaux abonnés sont sous Tout.</translation>
    </message>
    <message>
        <source>See everything</source>
        <translation>Tout voir</translation>
    </message>
    <message>
        <source>No messages yet. When someone answers you, mentions you or follows you, it appears here: the app checks every few minutes.</source>
        <translation>Pas encore de message. Quand quelqu&apos;un vous répond, vous mentionne ou s&apos;abonne à vous, cela apparaît ici : l&apos;application vérifie toutes les quelques minutes.</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Vérifier maintenant</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Look for new messages on your accounts now</source>
        <translation>Chercher maintenant les nouveaux messages de vos comptes</translation>
    </message>
    <message>
        <source>Mark all read</source>
        <translation>Tout marquer comme lu</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Show older messages</source>
        <translation>Voir les messages plus anciens</translation>
    </message>
    <message>
        <source>Messages (R to answer, E to archive)</source>
        <translation>Messages (R pour répondre, E pour archiver)</translation>
    </message>
    <message>
        <source>Show the messages of</source>
        <translation>Voir les messages de</translation>
    </message>
</context>
<context>
    <name>Reflow</name>
    <message>
        <source>Networks to check</source>
        <translation>Réseaux à consulter</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
</context>
</TS>
