<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>ConnectivityIndicator</name>
    <message>
        <source>Checking the connection…</source>
        <translation>Vérification de la connexion…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Offline: your posts will be sent when the connection is back</source>
        <translation>Hors ligne : vos publications partiront dès le retour de la connexion</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sections of the app</source>
        <translation>Rubriques de l'application</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Your week at a glance: what is planned, what went out, and the next dates that matter.</source>
        <translation>Votre semaine en un coup d'œil : ce qui est prévu, ce qui est parti et les prochaines dates importantes.</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>Écrire</translation>
    </message>
    <message>
        <source>Write a post once and see exactly how each network will show it before you schedule it.</source>
        <translation>Écrivez une publication une seule fois et voyez exactement comment chaque réseau l'affichera avant de la programmer.</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <source>Your posts by month and week, with the holidays and key dates for your trade.</source>
        <translation>Vos publications par mois et par semaine, avec les jours fériés et les dates clés de votre métier.</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Replies and mentions from every network in one place, so nobody waits.</source>
        <translation>Les réponses et mentions de tous les réseaux au même endroit, pour que personne n'attende.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Connect your networks here; your passwords stay in this computer's keychain.</source>
        <translation>Connectez vos réseaux ici ; vos mots de passe restent dans le trousseau de cet ordinateur.</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>What your posts brought you: likes, shares, replies and new followers.</source>
        <translation>Ce que vos publications vous ont apporté : mentions J'aime, partages, réponses et nouveaux abonnés.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Same as this computer</source>
        <translation>Comme cet ordinateur</translation>
    </message>
    <message>
        <source>Language of the app</source>
        <translation>Langue de l'application</translation>
    </message>
    <message>
        <source>The new language applies at once, no restart needed.</source>
        <translation>La nouvelle langue s'applique tout de suite, sans redémarrer.</translation>
    </message>
    <message>
        <source>If something goes wrong, the log files help us understand what happened.</source>
        <translation>En cas de problème, les fichiers journaux nous aident à comprendre ce qui s'est passé.</translation>
    </message>
    <message>
        <source>Open the logs folder</source>
        <translation>Ouvrir le dossier des journaux</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Your data folder is inside a synchronised folder (Dropbox, OneDrive, iCloud or Google Drive). Synchronisation can damage the app's database: please move the folder elsewhere.</source>
        <translation>Votre dossier de données se trouve dans un dossier synchronisé (Dropbox, OneDrive, iCloud ou Google Drive). La synchronisation peut abîmer la base de données de l'application : déplacez ce dossier ailleurs.</translation>
    </message>
    <message>
        <source>Something went wrong while opening your data.</source>
        <translation>Un problème est survenu à l'ouverture de vos données.</translation>
    </message>
</context>
<context>
    <name>StoreDialogs</name>
    <message>
        <source>The damaged file was kept here:</source>
        <translation>Le fichier endommagé a été conservé ici :</translation>
    </message>
    <message>
        <source>Restore the last backup</source>
        <translation>Restaurer la dernière sauvegarde</translation>
    </message>
    <message>
        <source>Start fresh</source>
        <translation>Repartir de zéro</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Open CM Desktop</source>
        <translation>Ouvrir CM Desktop</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
</TS>