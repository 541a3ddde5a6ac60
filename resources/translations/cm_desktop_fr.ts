<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AltTextDialog</name>
    <message>
        <source>Describe the picture</source>
        <translation>Décrire l&apos;image</translation>
    </message>
    <message>
        <source>Save description</source>
        <translation>Enregistrer la description</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>AltTextEditor</name>
    <message>
        <source>Describe this picture for people who cannot see it.</source>
        <translation>Décrivez cette image pour les personnes qui ne peuvent pas la voir.</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Say what matters in the picture, as you would on the phone: who, what, where.</source>
        <translation>Dites ce qui compte dans l&apos;image, comme au téléphone : qui, quoi, où.</translation>
    </message>
    <message>
        <source>Description of the picture</source>
        <translation>Description de l&apos;image</translation>
    </message>
    <message>
        <source>For example: three fresh croissants on a wooden board</source>
        <translation>Par exemple : trois croissants tout chauds sur une planche en bois</translation>
    </message>
    <message>
        <source>The picture to describe</source>
        <translation>L&apos;image à décrire</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 caractères</translation>
    </message>
    <message>
        <source>%1 / %2 (%3 too many)</source>
        <translation>%1 / %2 (%3 en trop)</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 caractères sur %2</translation>
    </message>
</context>
<context>
    <name>AnswerBox</name>
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
        <source>Your &amp;answer</source>
        <translation>Votre &amp;réponse</translation>
    </message>
    <message>
        <source>Write your answer here. Ctrl+Enter sends it.</source>
        <translation>Écrivez votre réponse ici. Ctrl+Entrée l&apos;envoie.</translation>
    </message>
</context>
<context>
    <name>ComposerPage</name>
    <message>
        <source>Your draft was restored.</source>
        <translation>Votre brouillon a été retrouvé.</translation>
    </message>
    <message>
        <source>Adjust the crop</source>
        <translation>Ajuster le recadrage</translation>
    </message>
    <message>
        <source>Fix the problems marked “Must fix” first.</source>
        <translation>Corrigez d&apos;abord les points marqués « À corriger ».</translation>
    </message>
    <message>
        <source>The pictures are still being prepared for each network: one moment.</source>
        <translation>Les images sont encore en préparation pour chaque réseau : un instant.</translation>
    </message>
    <message>
        <source>Your post will be sent as soon as the computer is online.</source>
        <translation>Votre publication partira dès que l&apos;ordinateur sera connecté.</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <source>Added to the queue: it goes out on %1 on %2, the next free posting time.</source>
        <translation>Ajoutée à la file : elle part le %1 sur %2, au prochain horaire libre.</translation>
    </message>
    <message>
        <source>Scheduled for %1 on %2.</source>
        <translation>Programmée pour le %1 sur %2.</translation>
    </message>
    <message>
        <source>It is in the Calendar.</source>
        <translation>Vous la retrouvez dans le Calendrier.</translation>
    </message>
    <message>
        <source>Something went wrong while saving. Your text is still here.</source>
        <translation>Un problème est survenu pendant l&apos;enregistrement. Votre texte est toujours là.</translation>
    </message>
    <message>
        <source>Same as the main text. Type here to write a different text for %1.</source>
        <translation>Même texte que ci-dessus. Écrivez ici pour proposer un autre texte sur %1.</translation>
    </message>
    <message>
        <source>Text for %1</source>
        <translation>Texte pour %1</translation>
    </message>
    <message>
        <source>Your business</source>
        <translation>Votre commerce</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>Écrire</translation>
    </message>
    <message>
        <source>Write your post here. Choose the networks above; each one is checked as you type.</source>
        <translation>Écrivez votre publication ici. Choisissez les réseaux au-dessus : chacun est vérifié pendant que vous tapez.</translation>
    </message>
    <message>
        <source>Text of the post</source>
        <translation>Texte de la publication</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Insert an emoji</source>
        <translation>Insérer un émoji</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>Programmer…</translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation>Ajouter à la file</translation>
    </message>
    <message>
        <source>Publish now</source>
        <translation>Publier maintenant</translation>
    </message>
</context>
<context>
    <name>ConnectivityIndicator</name>
    <message>
        <source>Checking the connection…</source>
        <translation>Vérification de la connexion…</translation>
    </message>
    <message>
        <source>%1 unreachable since %2: posts wait and go out when it answers again</source>
        <translation>%1 injoignable depuis %2 : les publications attendent et partiront dès qu&apos;il répondra</translation>
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
    <name>CounterRow</name>
    <message>
        <source>%1: %2 of %3 characters</source>
        <translation>%1 : %2 caractères sur %3</translation>
    </message>
</context>
<context>
    <name>CropView</name>
    <message>
        <source>this network</source>
        <translation>ce réseau</translation>
    </message>
    <message>
        <source>%1 will cut the picture to the bright frame. Click or drag on what matters most (arrow keys work too).</source>
        <translation>%1 coupera l&apos;image au cadre clair. Cliquez ou faites glisser sur ce qui compte le plus (les flèches du clavier marchent aussi).</translation>
    </message>
    <message>
        <source>The whole picture fits on %1: nothing will be cut.</source>
        <translation>L&apos;image entière tient sur %1 : rien ne sera coupé.</translation>
    </message>
    <message>
        <source>Crop preview: choose what stays in the frame</source>
        <translation>Aperçu du recadrage : choisissez ce qui reste dans le cadre</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Recently used</source>
        <translation>Utilisés récemment</translation>
    </message>
    <message>
        <source>Smileys and emotions</source>
        <translation>Smileys et émotions</translation>
    </message>
    <message>
        <source>People and gestures</source>
        <translation>Personnes et gestes</translation>
    </message>
    <message>
        <source>Animals and nature</source>
        <translation>Animaux et nature</translation>
    </message>
    <message>
        <source>Food and drink</source>
        <translation>Nourriture et boissons</translation>
    </message>
    <message>
        <source>Celebrations and activities</source>
        <translation>Fêtes et activités</translation>
    </message>
    <message>
        <source>Travel and places</source>
        <translation>Voyages et lieux</translation>
    </message>
    <message>
        <source>Objects</source>
        <translation>Objets</translation>
    </message>
    <message>
        <source>Hearts and symbols</source>
        <translation>Cœurs et symboles</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Drapeaux</translation>
    </message>
    <message>
        <source>Search: heart, croissant, party…</source>
        <translation>Rechercher : cœur, croissant, fête…</translation>
    </message>
    <message>
        <source>Search emoji</source>
        <translation>Rechercher un emoji</translation>
    </message>
    <message>
        <source>Emoji categories</source>
        <translation>Catégories d&apos;emoji</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>Emoji</translation>
    </message>
    <message>
        <source>Arrow keys to move, Enter to insert the emoji.</source>
        <translation>Flèches pour se déplacer, Entrée pour insérer l&apos;emoji.</translation>
    </message>
    <message>
        <source>No emoji found for “%1”.</source>
        <translation>Aucun emoji trouvé pour « %1 ».</translation>
    </message>
    <message>
        <source>The emoji you use will show here.</source>
        <translation>Les emoji que vous utilisez s&apos;afficheront ici.</translation>
    </message>
</context>
<context>
    <name>IssuesPanel</name>
    <message>
        <source>Show what is too long</source>
        <translation>Montrer ce qui dépasse</translation>
    </message>
    <message>
        <source>Describe the picture</source>
        <translation>Décrire l&apos;image</translation>
    </message>
    <message>
        <source>Add a picture</source>
        <translation>Ajouter une image</translation>
    </message>
    <message>
        <source>Adjust the crop</source>
        <translation>Ajuster le recadrage</translation>
    </message>
    <message>
        <source>Remove it</source>
        <translation>L&apos;enlever</translation>
    </message>
    <message>
        <source>Show the link</source>
        <translation>Montrer le lien</translation>
    </message>
    <message>
        <source>Write the text</source>
        <translation>Écrire le texte</translation>
    </message>
    <message>
        <source>Show what to complete</source>
        <translation>Montrer ce qu&apos;il reste à compléter</translation>
    </message>
    <message>
        <source>To complete</source>
        <translation>À compléter</translation>
    </message>
    <message>
        <source>Must fix</source>
        <translation>À corriger</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Conseil</translation>
    </message>
    <message>
        <source>Choose above the networks this post goes to: each one is checked here.</source>
        <translation>Choisissez au-dessus les réseaux de cette publication : chacun est vérifié ici.</translation>
    </message>
    <message>
        <source>Write your post above: it is checked here for each network as you type.</source>
        <translation>Écrivez votre publication ci-dessus : elle est vérifiée ici pour chaque réseau au fil de la frappe.</translation>
    </message>
    <message>
        <source>Everything is ready for the networks you chose.</source>
        <translation>Tout est prêt pour les réseaux choisis.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sections of the app</source>
        <translation>Rubriques de l&apos;application</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>MediaStrip</name>
    <message>
        <source>“%1” is not a picture: only pictures can be added here.</source>
        <translation>« %1 » n&apos;est pas une image : seules les images peuvent être ajoutées ici.</translation>
    </message>
    <message>
        <source>A post can have up to %1 pictures: %2 were not added.</source>
        <translation>Une publication peut avoir jusqu&apos;à %1 images : %2 n&apos;ont pas été ajoutées.</translation>
    </message>
    <message>
        <source>Pasted picture</source>
        <translation>Image collée</translation>
    </message>
    <message>
        <source>Only pictures can be dropped here.</source>
        <translation>Seules des images peuvent être déposées ici.</translation>
    </message>
    <message>
        <source>Add pictures…</source>
        <translation>Ajouter des images…</translation>
    </message>
    <message>
        <source>Add pictures</source>
        <translation>Ajouter des images</translation>
    </message>
    <message>
        <source>Describe…</source>
        <translation>Décrire…</translation>
    </message>
    <message>
        <source>Describe the selected picture</source>
        <translation>Décrire l&apos;image sélectionnée</translation>
    </message>
    <message>
        <source>Describe the selected picture (Enter)</source>
        <translation>Décrire l&apos;image sélectionnée (Entrée)</translation>
    </message>
    <message>
        <source>Move the picture left</source>
        <translation>Déplacer l&apos;image vers la gauche</translation>
    </message>
    <message>
        <source>Move the picture left (Alt+Left)</source>
        <translation>Déplacer l&apos;image vers la gauche (Alt+Gauche)</translation>
    </message>
    <message>
        <source>Move the picture right</source>
        <translation>Déplacer l&apos;image vers la droite</translation>
    </message>
    <message>
        <source>Move the picture right (Alt+Right)</source>
        <translation>Déplacer l&apos;image vers la droite (Alt+Droite)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove the selected picture</source>
        <translation>Retirer l&apos;image sélectionnée</translation>
    </message>
    <message>
        <source>Remove the selected picture (Delete)</source>
        <translation>Retirer l&apos;image sélectionnée (Suppr)</translation>
    </message>
    <message>
        <source>Pictures of the post</source>
        <translation>Images de la publication</translation>
    </message>
    <message>
        <source>Alt+Left and Alt+Right move a picture, Delete removes it, Enter describes it.</source>
        <translation>Alt+Gauche et Alt+Droite déplacent une image, Suppr la retire, Entrée la décrit.</translation>
    </message>
    <message>
        <source>Drop pictures here, paste them, or click “Add pictures…”.</source>
        <translation>Déposez des images ici, collez-les, ou cliquez sur « Ajouter des images… ».</translation>
    </message>
    <message>
        <source>Describe this picture for people who cannot see it.</source>
        <translation>Décrivez cette image pour les personnes qui ne peuvent pas la voir.</translation>
    </message>
    <message>
        <source>Number of pictures</source>
        <translation>Nombre d&apos;images</translation>
    </message>
    <message>
        <source>Message about the pictures</source>
        <translation>Message sur les images</translation>
    </message>
    <message>
        <source>Pictures (%1)</source>
        <translation>Images (%1)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Picture %1 of %2</source>
        <translation>Image %1 sur %2</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>Préparation…</translation>
    </message>
    <message>
        <source>no description</source>
        <translation>sans description</translation>
    </message>
    <message>
        <source>Pictures: %1 of %2</source>
        <translation>Images : %1 sur %2</translation>
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
        <translation>Votre semaine en un coup d&apos;œil : ce qui est prévu, ce qui est parti et les prochaines dates importantes.</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>Écrire</translation>
    </message>
    <message>
        <source>Write a post once and see exactly how each network will show it before you schedule it.</source>
        <translation>Écrivez une publication une seule fois et voyez exactement comment chaque réseau l&apos;affichera avant de la programmer.</translation>
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
        <source>Sending</source>
        <translation>Suivi des envois</translation>
    </message>
    <message>
        <source>What is on its way, what went out, and what needs you: posts to publish by hand or to check.</source>
        <translation>Ce qui est en route, ce qui est parti, et ce qui vous attend : les publications à faire à la main ou à vérifier.</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Replies and mentions from every network in one place, so nobody waits.</source>
        <translation>Les réponses et mentions de tous les réseaux au même endroit, pour que personne n&apos;attende.</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>À l&apos;écoute</translation>
    </message>
    <message>
        <source>What people say about your trade, your town and your shop, with posts you can answer.</source>
        <translation>Ce qu&apos;on dit de votre métier, de votre ville et de votre boutique, avec des publications auxquelles répondre.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Connect your networks here; your passwords stay in this computer&apos;s keychain.</source>
        <translation>Connectez vos réseaux ici ; vos mots de passe restent dans le trousseau de cet ordinateur.</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>What your posts brought you: likes, shares, replies and new followers.</source>
        <translation>Ce que vos publications vous ont apporté : mentions J&apos;aime, partages, réponses et nouveaux abonnés.</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <source>Simple guides and the words of social networks, explained.</source>
        <translation>Des guides simples et les mots des réseaux sociaux, expliqués.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
</context>
<context>
    <name>Previews</name>
    <message>
        <source>Just now</source>
        <translation>À l&apos;instant</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 j</translation>
    </message>
    <message>
        <source>Preview on %1</source>
        <translation>Aperçu sur %1</translation>
    </message>
    <message>
        <source>See more</source>
        <translation>Voir plus</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>J&apos;aime</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Commenter</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Partager</translation>
    </message>
    <message>
        <source>Learn more</source>
        <translation>En savoir plus</translation>
    </message>
    <message>
        <source>more</source>
        <translation>plus</translation>
    </message>
    <message>
        <source>Instagram needs a picture</source>
        <translation>Instagram demande une photo</translation>
    </message>
    <message>
        <source>Repost</source>
        <translation>Republier</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Previews of the post</source>
        <translation>Aperçus de la publication</translation>
    </message>
    <message>
        <source>Choose where to publish: you will see here how each network shows your post.</source>
        <translation>Choisissez où publier : vous verrez ici comment chaque réseau affiche votre publication.</translation>
    </message>
</context>
<context>
    <name>Reflow</name>
    <message>
        <source>Problems found</source>
        <translation>Points relevés</translation>
    </message>
    <message>
        <source>Your post</source>
        <translation>Votre publication</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Réglages</translation>
    </message>
    <message>
        <source>Previews</source>
        <translation>Aperçus</translation>
    </message>
    <message>
        <source>The arrow keys and Page Up or Page Down scroll it.</source>
        <translation>Les flèches et les touches Page précédente et Page suivante le font défiler.</translation>
    </message>
    <message>
        <source>Page content</source>
        <translation>Contenu de la page</translation>
    </message>
    <message>
        <source>Window content</source>
        <translation>Contenu de la fenêtre</translation>
    </message>
</context>
<context>
    <name>ScheduleDialog</name>
    <message>
        <source>Done: your computer will send it even if CM Desktop is closed.</source>
        <translation>C&apos;est fait : votre ordinateur l&apos;enverra même si CM Desktop est fermé.</translation>
    </message>
    <message>
        <source>The post could not be scheduled. Please try again.</source>
        <translation>La publication n&apos;a pas pu être programmée. Veuillez réessayer.</translation>
    </message>
    <message>
        <source>Schedule the post</source>
        <translation>Programmer la publication</translation>
    </message>
    <message>
        <source>Date and time (time zone: %1)</source>
        <translation>Date et heure (fuseau horaire : %1)</translation>
    </message>
    <message>
        <source>Date and time of publication</source>
        <translation>Date et heure de publication</translation>
    </message>
    <message>
        <source>CM Desktop must be open at that time to send it: publishing while it is closed is off.</source>
        <translation>CM Desktop doit être ouvert à ce moment-là pour l&apos;envoyer : la publication quand il est fermé est désactivée.</translation>
    </message>
    <message>
        <source>Publish even when CM Desktop is closed</source>
        <translation>Publier même quand CM Desktop est fermé</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>On: this computer sends what is due every 5 minutes.</source>
        <translation>Activé : cet ordinateur envoie ce qui est prévu toutes les 5 minutes.</translation>
    </message>
    <message>
        <source>Off: posts go out while CM Desktop is open.</source>
        <translation>Désactivé : les publications partent tant que CM Desktop est ouvert.</translation>
    </message>
    <message>
        <source>Your data was restored from the backup you chose.</source>
        <translation>Vos données ont été restaurées depuis la sauvegarde choisie.</translation>
    </message>
    <message>
        <source>The backup could not be restored: your data is as it was.</source>
        <translation>La sauvegarde n&apos;a pas pu être restaurée : vos données sont restées telles quelles.</translation>
    </message>
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
        <translation>Langue de l&apos;application</translation>
    </message>
    <message>
        <source>The new language applies at once, no restart needed.</source>
        <translation>La nouvelle langue s&apos;applique tout de suite, sans redémarrer.</translation>
    </message>
    <message>
        <source>If something goes wrong, the log files help us understand what happened.</source>
        <translation>En cas de problème, les fichiers journaux nous aident à comprendre ce qui s&apos;est passé.</translation>
    </message>
    <message>
        <source>Open the logs folder</source>
        <translation>Ouvrir le dossier des journaux</translation>
    </message>
    <message>
        <source>Run the set-up again (business, goals, plan)</source>
        <translation>Refaire la configuration (activité, objectifs, plan)</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Publish even when CM Desktop is closed</source>
        <translation>Publier même quand CM Desktop est fermé</translation>
    </message>
    <message>
        <source>Your computer checks every 5 minutes and sends what is due, as long as it is on. Mastodon posts are handed to the server in advance and go out even if it is off.</source>
        <translation>Votre ordinateur vérifie toutes les 5 minutes et envoie ce qui est prévu, tant qu&apos;il est allumé. Les publications Mastodon sont confiées au serveur à l&apos;avance et partent même s&apos;il est éteint.</translation>
    </message>
    <message>
        <source>Your logins are in a file locked by your passphrase: while CM Desktop is closed, your computer cannot unlock them, so posts wait until you open the app. Publishing while it is closed needs the system keychain.</source>
        <translation>Vos identifiants sont dans un fichier verrouillé par votre phrase secrète : quand CM Desktop est fermé, votre ordinateur ne peut pas l’ouvrir, donc les publications attendent que vous ouvriez l’application. Pour publier quand elle est fermée, il faut le trousseau du système.</translation>
    </message>
    <message>
        <source>Ask me first when a post is more than</source>
        <translation>Me demander avant d&apos;envoyer une publication en retard de plus de</translation>
    </message>
    <message>
        <source> minutes late</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Ask before sending a post that is this many minutes late</source>
        <translation>Demander avant d&apos;envoyer une publication en retard de ce nombre de minutes</translation>
    </message>
    <message>
        <source>A late post is never sent blindly: you choose to publish it now, at a new time, or not at all.</source>
        <translation>Une publication en retard n&apos;est jamais envoyée à l&apos;aveugle : vous choisissez de la publier maintenant, à une autre heure, ou pas du tout.</translation>
    </message>
    <message>
        <source>Posting times…</source>
        <translation>Heures de publication…</translation>
    </message>
    <message>
        <source>Your weekly posting times: “Add to queue” puts each new post in the next free one.</source>
        <translation>Vos heures de publication de la semaine : « Ajouter à la file » place chaque nouvelle publication dans la prochaine heure libre.</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>Vos données</translation>
    </message>
    <message>
        <source>A copy of your data is made each day you use CM Desktop, on this computer: the last 7 days and 4 weeks are kept.</source>
        <translation>Une copie de vos données est faite chaque jour où vous utilisez CM Desktop, sur cet ordinateur : les 7 derniers jours et les 4 dernières semaines sont gardés.</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Restaurer une sauvegarde…</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Your data folder is inside a synchronised folder (Dropbox, OneDrive, iCloud or Google Drive). Synchronisation can damage the app&apos;s database: please move the folder elsewhere.</source>
        <translation>Votre dossier de données se trouve dans un dossier synchronisé (Dropbox, OneDrive, iCloud ou Google Drive). La synchronisation peut abîmer la base de données de l&apos;application : déplacez ce dossier ailleurs.</translation>
    </message>
    <message>
        <source>Something went wrong while opening your data.</source>
        <translation>Un problème est survenu à l&apos;ouverture de vos données.</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>CM Desktop is already open but does not answer. Close it (or restart the computer), then open it again.</source>
        <translation>CM Desktop est déjà ouvert mais ne répond pas. Fermez-le (ou redémarrez l&apos;ordinateur), puis ouvrez-le à nouveau.</translation>
    </message>
</context>
<context>
    <name>StoreDialogs</name>
    <message>
        <source>Nothing is published until you choose. The damaged file was kept here:</source>
        <translation>Rien n&apos;est publié tant que vous n&apos;avez pas choisi. Le fichier endommagé a été gardé ici :</translation>
    </message>
    <message>
        <source>Restore the backup of %1</source>
        <translation>Restaurer la sauvegarde du %1</translation>
    </message>
    <message>
        <source>Save what can be read…</source>
        <translation>Enregistrer ce qui peut être lu…</translation>
    </message>
    <message>
        <source>Start fresh</source>
        <translation>Repartir de zéro</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Save what can be read</source>
        <translation>Enregistrer ce qui peut être lu</translation>
    </message>
    <message>
        <source>Table (*.csv)</source>
        <translation>Tableau (*.csv)</translation>
    </message>
    <message>
        <source>The file could not be saved there. Choose another folder.</source>
        <translation>Le fichier n&apos;a pas pu être enregistré à cet endroit. Choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Choose the copy to go back to. Your data as it is now is kept as a backup first, so you can come back to it. Posts published since that copy will show as not published yet: CM Desktop asks you before sending a late post again.</source>
        <translation>Choisissez la copie à laquelle revenir. Vos données actuelles sont d&apos;abord gardées comme sauvegarde : vous pourrez y revenir. Les publications parues depuis cette copie apparaîtront comme non publiées : CM Desktop vous demandera avant de renvoyer une publication en retard.</translation>
    </message>
    <message>
        <source>Backups, newest first</source>
        <translation>Sauvegardes, de la plus récente à la plus ancienne</translation>
    </message>
    <message>
        <source>There is no backup yet: the first one is made tomorrow when you open the app.</source>
        <translation>Il n&apos;y a encore aucune sauvegarde : la première sera faite demain, à l&apos;ouverture de l&apos;application.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <source>daily copy</source>
        <translation>copie du jour</translation>
    </message>
    <message>
        <source>your data before a restore</source>
        <translation>vos données avant une restauration</translation>
    </message>
    <message>
        <source>before an update of the app</source>
        <translation>avant une mise à jour de l&apos;application</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 MB</source>
        <translation>%1 · %2 · %3 Mo</translation>
    </message>
</context>
<context>
    <name>TargetSelector</name>
    <message>
        <source>Publish on:</source>
        <translation>Publier sur :</translation>
    </message>
    <message>
        <source>Publish on %1 with the account %2</source>
        <translation>Publier sur %1 avec le compte %2</translation>
    </message>
    <message>
        <source>Sent by the app at the chosen time.</source>
        <translation>Envoyé par l&apos;application à l&apos;heure choisie.</translation>
    </message>
    <message>
        <source>This account needs to be connected again (see Accounts).</source>
        <translation>Ce compte doit être reconnecté (voir Comptes).</translation>
    </message>
    <message>
        <source>Publish on %1 yourself, with the app&apos;s help</source>
        <translation>Publier vous-même sur %1, avec l&apos;aide de l&apos;application</translation>
    </message>
    <message>
        <source>No account connected: at the chosen time the app prepares the post and opens %1 for you to publish it.</source>
        <translation>Aucun compte connecté : à l&apos;heure choisie, l&apos;application prépare la publication et ouvre %1 pour que vous la publiiez.</translation>
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
    <message>
        <source>1 message to answer</source>
        <translation>1 message à traiter</translation>
    </message>
    <message>
        <source>%1 messages to answer</source>
        <translation>%1 messages à traiter</translation>
    </message>
</context>
<context>
    <name>_TileDelegate</name>
    <message>
        <source>Preparing…</source>
        <translation>Préparation…</translation>
    </message>
    <message>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <source>No description</source>
        <translation>Sans description</translation>
    </message>
</context>
</TS>
