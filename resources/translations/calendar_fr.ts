<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Calendar</name>
    <message>
        <source>Idea</source>
        <translation>Idée</translation>
    </message>
</context>
<context>
    <name>CalendarGrid</name>
    <message>
        <source>New post on this day</source>
        <translation>Nouvelle publication ce jour-là</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Précédent</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Suivant</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semaine</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Find a post…</source>
        <translation>Chercher une publication…</translation>
    </message>
    <message>
        <source>Find a post</source>
        <translation>Chercher une publication</translation>
    </message>
    <message>
        <source>Posting times…</source>
        <translation>Heures de publication…</translation>
    </message>
    <message>
        <source>Import / export</source>
        <translation>Importer / exporter</translation>
    </message>
    <message>
        <source>Import posts from a CSV file…</source>
        <translation>Importer des publications d&apos;un fichier CSV…</translation>
    </message>
    <message>
        <source>Export the schedule for a calendar app (.ics)…</source>
        <translation>Exporter le planning pour un agenda (.ics)…</translation>
    </message>
    <message>
        <source>Export the schedule as a table (.csv)…</source>
        <translation>Exporter le planning en tableau (.csv)…</translation>
    </message>
    <message>
        <source>The arrow keys move from cell to cell; Enter opens the post there, or writes a new one; the menu key shows what can be done with the post.</source>
        <translation>Les flèches passent d&apos;une case à l&apos;autre ; Entrée ouvre la publication de la case, ou en écrit une nouvelle ; la touche menu montre ce qu&apos;on peut faire de la publication.</translation>
    </message>
    <message>
        <source>Posts of the month, day by day</source>
        <translation>Publications du mois, jour par jour</translation>
    </message>
    <message>
        <source>Days of the week</source>
        <translation>Jours de la semaine</translation>
    </message>
    <message>
        <source>Posts of the week, hour by hour</source>
        <translation>Publications de la semaine, heure par heure</translation>
    </message>
    <message>
        <source>Hours of the day</source>
        <translation>Heures de la journée</translation>
    </message>
    <message>
        <source>Import or export</source>
        <translation>Importer ou exporter</translation>
    </message>
    <message>
        <source>Week %1</source>
        <translation>Semaine %1</translation>
    </message>
    <message>
        <source>All posts</source>
        <translation>Toutes les publications</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>Un problème est survenu. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dupliquer</translation>
    </message>
    <message>
        <source>Back to drafts</source>
        <translation>Remettre en brouillon</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>A copy was added as a draft on the same day.</source>
        <translation>Une copie a été ajoutée en brouillon le même jour.</translation>
    </message>
    <message>
        <source>The post is back in your drafts: it will not be published until you schedule it again.</source>
        <translation>La publication est revenue dans vos brouillons : elle ne sera pas publiée tant que vous ne la programmerez pas à nouveau.</translation>
    </message>
    <message>
        <source>Delete this post from the app? This cannot be undone.</source>
        <translation>Supprimer cette publication de l&apos;application ? C&apos;est définitif.</translation>
    </message>
    <message>
        <source>What is already published stays on the networks.</source>
        <translation>Ce qui est déjà publié reste sur les réseaux.</translation>
    </message>
    <message>
        <source>Delete the post</source>
        <translation>Supprimer la publication</translation>
    </message>
    <message>
        <source>Import posts</source>
        <translation>Importer des publications</translation>
    </message>
    <message>
        <source>Tables (*.csv *.txt)</source>
        <translation>Tableaux (*.csv *.txt)</translation>
    </message>
    <message>
        <source>%1 posts were imported.</source>
        <translation>Publications importées : %1.</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>Agenda (*.ics)</translation>
    </message>
    <message>
        <source>Tables (*.csv)</source>
        <translation>Tableaux (*.csv)</translation>
    </message>
    <message>
        <source>Export the schedule</source>
        <translation>Exporter le planning</translation>
    </message>
    <message>
        <source>%1 posts were exported to %2.</source>
        <translation>Publications exportées : %1, dans %2.</translation>
    </message>
</context>
<context>
    <name>CalendarReading</name>
    <message>
        <source>an idea from your plan: « %1 »</source>
        <translation>une idée de votre plan : « %1 »</translation>
    </message>
    <message>
        <source>no time yet</source>
        <translation>pas encore d&apos;heure</translation>
    </message>
    <message>
        <source>no network yet</source>
        <translation>pas encore de réseau</translation>
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
        <source>No post. Enter writes one for this day.</source>
        <translation>Aucune publication. Entrée en écrit une pour ce jour.</translation>
    </message>
    <message>
        <source>Free posting times: %1</source>
        <translation>Heures de publication libres : %1</translation>
    </message>
</context>
<context>
    <name>CalendarStyle</name>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programmée</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publiée</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Needs your review</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Waiting for you to post</source>
        <translation>À publier par vous</translation>
    </message>
</context>
<context>
    <name>CellPainter</name>
    <message>
        <source>+%1 more</source>
        <translation>+%1 autres</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import posts</source>
        <translation>Importer des publications</translation>
    </message>
    <message>
        <source>Posts found in the file</source>
        <translation>Publications trouvées dans le fichier</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Import %1 posts</source>
        <translation>Importer %1 publications</translation>
    </message>
    <message>
        <source>Schedule them for publishing at once (otherwise they arrive as drafts to check)</source>
        <translation>Les programmer tout de suite (sinon elles arrivent en brouillons à vérifier)</translation>
    </message>
    <message>
        <source>%1 posts are ready. Check them, then import: they land all together or not at all.</source>
        <translation>%1 publications sont prêtes. Vérifiez-les, puis importez : elles arrivent toutes ensemble ou pas du tout.</translation>
    </message>
    <message>
        <source>%1 rows have a problem (in red below).</source>
        <translation>Lignes avec un problème (en rouge ci-dessous) : %1.</translation>
    </message>
</context>
<context>
    <name>ImportRowsModel</name>
    <message>
        <source>Ready</source>
        <translation>Prête</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Réseaux</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
</context>
<context>
    <name>PostListModel</name>
    <message>
        <source>No date yet</source>
        <translation>Pas encore de date</translation>
    </message>
    <message>
        <source>No network</source>
        <translation>Aucun réseau</translation>
    </message>
    <message>
        <source>(picture only)</source>
        <translation>(image seule)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Réseaux</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
</context>
<context>
    <name>PostListPanel</name>
    <message>
        <source>All networks</source>
        <translation>Tous les réseaux</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tous les états</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Include past posts</source>
        <translation>Inclure les publications passées</translation>
    </message>
    <message>
        <source>Posts found</source>
        <translation>Publications trouvées</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
</context>
<context>
    <name>SlotListModel</name>
    <message>
        <source>Day</source>
        <translation>Jour</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
</context>
<context>
    <name>SlotsDialog</name>
    <message>
        <source>Posting times</source>
        <translation>Heures de publication</translation>
    </message>
    <message>
        <source>Your regular posting times, each week. They show in the week view as empty boxes to fill.</source>
        <translation>Vos heures de publication habituelles, chaque semaine. Elles apparaissent dans la vue semaine comme des cases vides à remplir.</translation>
    </message>
    <message>
        <source>Remove the selected time</source>
        <translation>Retirer l&apos;heure choisie</translation>
    </message>
    <message>
        <source>Add this time</source>
        <translation>Ajouter cette heure</translation>
    </message>
    <message>
        <source>Day of the week</source>
        <translation>Jour de la semaine</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Your posting times</source>
        <translation>Vos heures de publication</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>The posting times could not be saved. Please try again.</source>
        <translation>Les horaires de publication n&apos;ont pas pu être enregistrés. Veuillez réessayer.</translation>
    </message>
</context>
</TS>
