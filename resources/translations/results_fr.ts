<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ByHandDialog</name>
    <message>
        <source>The figures could not be saved. Please try again.</source>
        <translation>Les chiffres n&apos;ont pas pu être enregistrés. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>How did it go on %1?</source>
        <translation>Comment ça s&apos;est passé sur %1 ?</translation>
    </message>
    <message>
        <source>The app cannot read %1 by itself. Look at your post there and copy its figures: they join your results. You can change them later.</source>
        <translation>L&apos;application ne peut pas lire %1 toute seule. Regardez votre publication là-bas et recopiez ses chiffres : ils rejoignent vos résultats. Vous pourrez les modifier plus tard.</translation>
    </message>
    <message>
        <source>&amp;Likes</source>
        <translation>&amp;J&apos;aime</translation>
    </message>
    <message>
        <source>&amp;Comments</source>
        <translation>&amp;Commentaires</translation>
    </message>
    <message>
        <source>&amp;Shares</source>
        <translation>&amp;Partages</translation>
    </message>
    <message>
        <source>Save the figures</source>
        <translation>Enregistrer les chiffres</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
</context>
<context>
    <name>Reflow</name>
    <message>
        <source>Your results</source>
        <translation>Vos résultats</translation>
    </message>
</context>
<context>
    <name>ResultsController</name>
    <message>
        <source>You are offline: the figures will be read when the connection is back.</source>
        <translation>Vous êtes hors ligne : les chiffres seront lus au retour de la connexion.</translation>
    </message>
    <message>
        <source>Export your results</source>
        <translation>Exporter vos résultats</translation>
    </message>
    <message>
        <source>Tables (*.csv)</source>
        <translation>Tableaux (*.csv)</translation>
    </message>
    <message>
        <source>results</source>
        <translation>resultats</translation>
    </message>
    <message>
        <source>The file could not be written: choose another folder.</source>
        <translation>Le fichier n&apos;a pas pu être écrit : choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>Saved in %1.</source>
        <translation>Enregistré dans %1.</translation>
    </message>
    <message>
        <source>Your queue now uses these times.</source>
        <translation>Votre file utilise maintenant ces horaires.</translation>
    </message>
    <message>
        <source>Your queue already used them.</source>
        <translation>Votre file les utilisait déjà.</translation>
    </message>
    <message>
        <source>Your queue could not be changed. Please try again.</source>
        <translation>Votre file n&apos;a pas pu être modifiée. Veuillez réessayer.</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>Your results could not be loaded. Try again in a moment.</source>
        <translation>Vos résultats n&apos;ont pas pu être chargés. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Read the figures now</source>
        <translation>Lire les chiffres maintenant</translation>
    </message>
    <message>
        <source>The app reads them by itself every quarter of an hour while it is open.</source>
        <translation>L&apos;application les lit d&apos;elle-même tous les quarts d&apos;heure tant qu&apos;elle est ouverte.</translation>
    </message>
    <message>
        <source>Export to a spreadsheet…</source>
        <translation>Exporter vers un tableur…</translation>
    </message>
    <message>
        <source>Write a post</source>
        <translation>Écrire une publication</translation>
    </message>
    <message>
        <source>Open the Sending page</source>
        <translation>Ouvrir le suivi des envois</translation>
    </message>
    <message>
        <source>Reconnect in Accounts</source>
        <translation>Reconnecter dans Comptes</translation>
    </message>
    <message>
        <source>Use these times for my queue</source>
        <translation>Utiliser ces horaires pour ma file</translation>
    </message>
    <message>
        <source>Your results will appear here</source>
        <translation>Vos résultats apparaîtront ici</translation>
    </message>
    <message>
        <source>Once your posts are published, the app reads their likes, shares and replies on Bluesky and Mastodon, and your new followers every day. For the other networks, you tell it how a post did in ten seconds. Then this page shows what works best for you.</source>
        <translation>Une fois vos publications parues, l&apos;application lit leurs j&apos;aime, partages et réponses sur Bluesky et Mastodon, et vos nouveaux abonnés chaque jour. Pour les autres réseaux, vous lui dites en dix secondes comment une publication a marché. Cette page montre alors ce qui marche le mieux pour vous.</translation>
    </message>
    <message>
        <source>The last 8 weeks.</source>
        <translation>Les 8 dernières semaines.</translation>
    </message>
    <message>
        <source>Figures last read %1 at %2.</source>
        <translation>Chiffres lus pour la dernière fois %1 à %2.</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>Lecture des chiffres…</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd&apos;hui</translation>
    </message>
    <message>
        <source>1 post</source>
        <translation>1 publication</translation>
    </message>
    <message>
        <source>%1 posts</source>
        <translation>%1 publications</translation>
    </message>
    <message>
        <source>This week, against last week</source>
        <translation>Cette semaine, comparée à la semaine dernière</translation>
    </message>
    <message>
        <source>posts</source>
        <translation>publications</translation>
    </message>
    <message>
        <source>likes</source>
        <translation>j&apos;aime</translation>
    </message>
    <message>
        <source>shares</source>
        <translation>partages</translation>
    </message>
    <message>
        <source>replies</source>
        <translation>réponses</translation>
    </message>
    <message>
        <source>new followers</source>
        <translation>nouveaux abonnés</translation>
    </message>
    <message>
        <source>Last week: %1</source>
        <translation>La semaine dernière : %1</translation>
    </message>
    <message>
        <source>%1 this week: %2; last week: %3</source>
        <translation>%1 cette semaine : %2 ; la semaine dernière : %3</translation>
    </message>
    <message>
        <source>Last week: %1 posts, %2 likes, %3 shares, %4 replies, %5 new followers.</source>
        <translation>La semaine dernière : %1 publications, %2 j&apos;aime, %3 partages, %4 réponses, %5 nouveaux abonnés.</translation>
    </message>
    <message>
        <source>One of this week&apos;s posts has no figures yet.</source>
        <translation>Une publication de cette semaine n'a pas encore de chiffres.</translation>
    </message>
    <message>
        <source>%1 of this week&apos;s posts have no figures yet.</source>
        <translation>%1 publications de cette semaine n&apos;ont pas encore de chiffres.</translation>
    </message>
    <message>
        <source>Figures keep growing for a few days after a post goes out.</source>
        <translation>Les chiffres continuent de monter quelques jours après la publication.</translation>
    </message>
    <message>
        <source>Best times to post</source>
        <translation>Les meilleurs moments pour publier</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>aucun pour l&apos;instant</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1 : %2 (%3)</translation>
    </message>
    <message>
        <source>Your queue now: %1.</source>
        <translation>Votre file aujourd&apos;hui : %1.</translation>
    </message>
    <message>
        <source>It already uses these times.</source>
        <translation>Elle utilise déjà ces horaires.</translation>
    </message>
    <message>
        <source>Your queue already uses these times.</source>
        <translation>Votre file utilise déjà ces horaires.</translation>
    </message>
    <message>
        <source>Set your queue times in the Calendar first.</source>
        <translation>Réglez d&apos;abord les horaires de votre file dans le Calendrier.</translation>
    </message>
    <message>
        <source>Your plan&apos;s times stay: %1.</source>
        <translation>Les horaires de votre plan restent : %1.</translation>
    </message>
    <message>
        <source>Your plan&apos;s times: %1.</source>
        <translation>Les horaires de votre plan : %1.</translation>
    </message>
    <message>
        <source>By day of the week</source>
        <translation>Par jour de la semaine</translation>
    </message>
    <message>
        <source>By hour of the day</source>
        <translation>Par heure de la journée</translation>
    </message>
    <message>
        <source>Each bar: your posts&apos; reactions against your usual (the dashed line). No bar: no post then.</source>
        <translation>Chaque barre : les réactions à vos publications comparées à votre habitude (la ligne pointillée). Pas de barre : pas de publication à ce moment-là.</translation>
    </message>
    <message>
        <source>usual</source>
        <translation>habitude</translation>
    </message>
    <message>
        <source>No post yet.</source>
        <translation>Pas encore de publication.</translation>
    </message>
    <message>
        <source>Your best posts</source>
        <translation>Vos meilleures publications</translation>
    </message>
    <message>
        <source>No post got a reaction yet over these 8 weeks.</source>
        <translation>Aucune publication n&apos;a encore eu de réaction sur ces 8 semaines.</translation>
    </message>
    <message>
        <source>%1 likes · %2 shares · %3 replies</source>
        <translation>%1 j&apos;aime · %2 partages · %3 réponses</translation>
    </message>
    <message>
        <source>deleted on %1</source>
        <translation>supprimée sur %1</translation>
    </message>
    <message>
        <source>Your followers</source>
        <translation>Vos abonnés</translation>
    </message>
    <message>
        <source>No account to read yet: connect one in Accounts.</source>
        <translation>Aucun compte à lire pour l&apos;instant : connectez-en un dans Comptes.</translation>
    </message>
    <message>
        <source>%1: followers not read yet.</source>
        <translation>%1 : abonnés pas encore lus.</translation>
    </message>
    <message>
        <source>%1: %2 followers</source>
        <translation>%1 : %2 abonnés</translation>
    </message>
    <message>
        <source>(%1 in 4 weeks)</source>
        <translation>(%1 en 4 semaines)</translation>
    </message>
    <message>
        <source>What kinds of posts work</source>
        <translation>Les sortes de publications qui marchent</translation>
    </message>
    <message>
        <source>1 post published by hand has no figures yet.</source>
        <translation>1 publication faite à la main n&apos;a pas encore de chiffres.</translation>
    </message>
    <message>
        <source>%1 posts published by hand have no figures yet.</source>
        <translation>%1 publications faites à la main n&apos;ont pas encore de chiffres.</translation>
    </message>
    <message>
        <source>On the Sending page, “How did it go?” takes ten seconds and makes these results complete.</source>
        <translation>Dans le suivi des envois, « Comment ça s&apos;est passé ? » prend dix secondes et complète ces résultats.</translation>
    </message>
    <message>
        <source>Kinds come from the coach&apos;s ideas your posts started from; the dashed line is your usual.</source>
        <translation>Les sortes viennent des idées du coach dont vos publications sont parties ; la ligne pointillée est votre habitude.</translation>
    </message>
    <message>
        <source>Each network keeps as many weekly times as it has now; the best come first.</source>
        <translation>Chaque réseau garde autant d&apos;horaires par semaine qu&apos;aujourd&apos;hui ; les meilleurs passent en premier.</translation>
    </message>
    <message>
        <source>No time stands out yet: post at the same times for a few more weeks to compare them.</source>
        <translation>Aucun horaire ne se détache encore : publiez aux mêmes heures quelques semaines de plus pour les comparer.</translation>
    </message>
    <message>
        <source>No post with figures yet over these 8 weeks.</source>
        <translation>Pas encore de publication avec des chiffres sur ces 8 semaines.</translation>
    </message>
</context>
</TS>
