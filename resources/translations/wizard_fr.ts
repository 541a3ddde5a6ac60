<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>BusinessPage</name>
    <message>
        <source>Your business</source>
        <translation>Votre activité</translation>
    </message>
    <message>
        <source>So that the ideas we suggest sound like you.</source>
        <translation>Pour que nos idées vous ressemblent.</translation>
    </message>
    <message>
        <source>Na&amp;me</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;What you do</source>
        <translation>&amp;Type d&apos;activité</translation>
    </message>
    <message>
        <source>What people come to you &amp;for</source>
        <translation>Votre spé&amp;cialité</translation>
    </message>
    <message>
        <source>&amp;Town</source>
        <translation>&amp;Ville</translation>
    </message>
    <message>
        <source>&amp;Country</source>
        <translation>Pa&amp;ys</translation>
    </message>
    <message>
        <source>Time &amp;zone</source>
        <translation>&amp;Fuseau horaire</translation>
    </message>
    <message>
        <source>Name of your business or association</source>
        <translation>Le nom de votre commerce, entreprise ou association</translation>
    </message>
    <message>
        <source>Ideas for: %1</source>
        <translation>Des idées pour : %1</translation>
    </message>
    <message>
        <source>We do not know this trade yet: choose below what is closest, the ideas stay general.</source>
        <translation>Nous ne connaissons pas encore ce métier : choisissez ci-dessous le plus proche, les idées resteront générales.</translation>
    </message>
    <message>
        <source>In your words: florist, hairdresser, bookshop, football club…</source>
        <translation>Avec vos mots : fleuriste, coiffeuse, librairie, club de foot…</translation>
    </message>
    <message>
        <source>Your t&amp;rade</source>
        <translation>Votre &amp;métier</translation>
    </message>
    <message>
        <source>e.g. florist, hairdresser, football club</source>
        <translation>par ex. fleuriste, coiffeuse, club de foot</translation>
    </message>
    <message>
        <source>Optional, e.g. seasonal bouquets, pottery classes, guided walks</source>
        <translation>Facultatif, par ex. bouquets de saison, cours de poterie, visites guidées</translation>
    </message>
    <message>
        <source>e.g. Lyon</source>
        <translation>par exemple : Lyon</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisissez…</translation>
    </message>
    <message>
        <source>France</source>
        <translation>France</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>Belgique</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>Suisse</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>Canada</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>Royaume-Uni</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>États-Unis</translation>
    </message>
    <message>
        <source>Another country</source>
        <translation>Un autre pays</translation>
    </message>
    <message>
        <source>Set from your country: change it if you live elsewhere. Your posts go out at your local time, and your country&apos;s holidays are added to your plan.</source>
        <translation>Choisi d&apos;après votre pays : changez-le si vous vivez ailleurs. Vos publications partent à votre heure, et les jours fériés de votre pays sont ajoutés à votre plan.</translation>
    </message>
</context>
<context>
    <name>ConnectPage</name>
    <message>
        <source>Or click Connect above: you can also keep your logins in a file locked by a passphrase you choose.</source>
        <translation>Ou cliquez sur Connecter ci-dessus : vous pouvez aussi garder vos identifiants dans un fichier verrouillé par une phrase secrète de votre choix.</translation>
    </message>
    <message>
        <source>Connect your accounts</source>
        <translation>Relier vos comptes</translation>
    </message>
    <message>
        <source>Now or later, as you like.</source>
        <translation>Maintenant ou plus tard, comme vous préférez.</translation>
    </message>
    <message>
        <source>Bluesky and Mastodon can publish for you at the planned time once they are connected.</source>
        <translation>Une fois reliés, Bluesky et Mastodon peuvent publier pour vous, à l&apos;heure prévue.</translation>
    </message>
    <message>
        <source>Connect B&amp;luesky</source>
        <translation>Connecter &amp;Bluesky</translation>
    </message>
    <message>
        <source>Connect &amp;Mastodon</source>
        <translation>Connecter &amp;Mastodon</translation>
    </message>
    <message>
        <source>Connected: %1. You can go on.</source>
        <translation>Connecté : %1. Vous pouvez continuer.</translation>
    </message>
    <message>
        <source>The other networks need nothing: when a post is due, CM Desktop gets it ready and reminds you, and you publish it yourself in a couple of clicks.</source>
        <translation>Pour les autres réseaux, rien à faire : le moment venu, CM Desktop prépare la publication et vous prévient, puis vous la publiez vous-même en quelques clics.</translation>
    </message>
    <message>
        <source>Publish even when CM Desktop is closed</source>
        <translation>Publier même quand CM Desktop est fermé</translation>
    </message>
    <message>
        <source>Your computer sends what is due every 5 minutes, as long as it is on. You can change this in Settings.</source>
        <translation>Votre ordinateur envoie ce qui est prévu toutes les 5 minutes, tant qu&apos;il est allumé. Vous pourrez changer cela dans les Réglages.</translation>
    </message>
    <message>
        <source>Your logins are in a file locked by your passphrase: while CM Desktop is closed, your computer cannot unlock them, so posts wait until you open the app. Publishing while it is closed needs the system keychain.</source>
        <translation>Vos identifiants sont dans un fichier verrouillé par votre phrase secrète : quand CM Desktop est fermé, votre ordinateur ne peut pas l’ouvrir, donc les publications attendent que vous ouvriez l’application. Pour publier quand elle est fermée, il faut le trousseau du système.</translation>
    </message>
    <message>
        <source>You can connect your accounts at any time from the Accounts page.</source>
        <translation>Vous pourrez relier vos comptes à tout moment depuis la page Comptes.</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up CM Desktop</source>
        <translation>Bien démarrer avec CM Desktop</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>&amp;Start with this plan</source>
        <translation>&amp;Démarrer avec ce plan</translation>
    </message>
    <message>
        <source>Skip for now</source>
        <translation>Passer pour l&apos;instant</translation>
    </message>
    <message>
        <source>Close without changes</source>
        <translation>Fermer sans rien changer</translation>
    </message>
    <message>
        <source>Leave the set-up?</source>
        <translation>Quitter la configuration ?</translation>
    </message>
    <message>
        <source>Leave the set-up? Your answers have not been saved yet.</source>
        <translation>Quitter la configuration ? Vos réponses ne sont pas encore enregistrées.</translation>
    </message>
    <message>
        <source>They are saved when you press “Start with this plan” on the last step.</source>
        <translation>Elles le sont quand vous appuyez sur « Démarrer avec ce plan » à la dernière étape.</translation>
    </message>
    <message>
        <source>&amp;Keep answering</source>
        <translation>&amp;Continuer à répondre</translation>
    </message>
    <message>
        <source>&amp;Leave without saving</source>
        <translation>&amp;Quitter sans enregistrer</translation>
    </message>
    <message>
        <source>Your plan could not be prepared. Go back one step and try again.</source>
        <translation>Votre plan n&apos;a pas pu être préparé. Revenez d&apos;une étape et réessayez.</translation>
    </message>
    <message>
        <source>Saving your plan…</source>
        <translation>Enregistrement de votre plan…</translation>
    </message>
    <message>
        <source>Your plan could not be saved. Nothing was changed: please try again.</source>
        <translation>Votre plan n&apos;a pas pu être enregistré. Rien n&apos;a été modifié : veuillez réessayer.</translation>
    </message>
</context>
<context>
    <name>GlossaryPage</name>
    <message>
        <source>Search a word, e.g. hashtag</source>
        <translation>Chercher un mot, par exemple : hashtag</translation>
    </message>
    <message>
        <source>Search the glossary</source>
        <translation>Chercher dans le lexique</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Lexique</translation>
    </message>
    <message>
        <source>No word matches your search.</source>
        <translation>Aucun mot ne correspond à votre recherche.</translation>
    </message>
</context>
<context>
    <name>GoalsPage</name>
    <message>
        <source>What do you want from social networks?</source>
        <translation>Qu&apos;attendez-vous des réseaux sociaux ?</translation>
    </message>
    <message>
        <source>Tick everything that matters to you: your plan will take turns between them.</source>
        <translation>Cochez tout ce qui compte pour vous : votre plan les fera tourner.</translation>
    </message>
</context>
<context>
    <name>GuidesPage</name>
    <message>
        <source>Guides</source>
        <translation>Guides</translation>
    </message>
    <message>
        <source>&amp;Open the website</source>
        <translation>&amp;Ouvrir le site</translation>
    </message>
    <message>
        <source>Open the website</source>
        <translation>Ouvrir le site</translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
    <message>
        <source>&amp;Guides</source>
        <translation>&amp;Guides</translation>
    </message>
    <message>
        <source>G&amp;lossary</source>
        <translation>&amp;Lexique</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Your week could not be loaded. Try again in a moment.</source>
        <translation>Votre semaine n&apos;a pas pu être chargée. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>Hello, %1</source>
        <translation>Bonjour, %1</translation>
    </message>
    <message>
        <source>Hello</source>
        <translation>Bonjour</translation>
    </message>
    <message>
        <source>Answer a few questions (about two minutes) and the coach suggests a posting plan that fits your week, with ideas for your first four weeks.</source>
        <translation>Répondez à quelques questions (deux minutes environ) : le coach vous propose un rythme de publication adapté à votre semaine, avec des idées pour vos quatre premières semaines.</translation>
    </message>
    <message>
        <source>&amp;Set up my plan</source>
        <translation>&amp;Préparer mon plan</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Cette semaine</translation>
    </message>
    <message>
        <source>Coming next</source>
        <translation>Prochaines publications</translation>
    </message>
    <message>
        <source>See these &amp;posts</source>
        <translation>&amp;Voir ces publications</translation>
    </message>
    <message>
        <source>Loading your week…</source>
        <translation>Chargement de votre semaine…</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Semaine du %1</translation>
    </message>
    <message>
        <source>planned (your plan: %1)</source>
        <translation>au programme (objectif : %1)</translation>
    </message>
    <message>
        <source>published</source>
        <translation>déjà en ligne</translation>
    </message>
    <message>
        <source>waiting for you</source>
        <translation>à publier vous-même</translation>
    </message>
    <message>
        <source>to fix</source>
        <translation>à corriger</translation>
    </message>
    <message>
        <source>Nothing scheduled yet.</source>
        <translation>Rien de programmé pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Coming up</source>
        <translation>À venir</translation>
    </message>
    <message>
        <source>P&amp;lan a post</source>
        <translation>&amp;Préparer une publication</translation>
    </message>
    <message>
        <source>No special date in the coming weeks: a good time for your own news.</source>
        <translation>Pas de date particulière dans les semaines qui viennent : le bon moment pour parler de vous.</translation>
    </message>
    <message>
        <source>Tell us your country in the set-up to see the holidays and key dates.</source>
        <translation>Indiquez votre pays dans la configuration pour voir les jours fériés et les dates clés.</translation>
    </message>
    <message>
        <source>%1 is tomorrow: plan a post?</source>
        <translation>%1, c&apos;est demain : on prépare une publication ?</translation>
    </message>
    <message>
        <source>%1 in %2 days: plan a post?</source>
        <translation>%1 dans %2 jours : on prépare une publication ?</translation>
    </message>
    <message>
        <source>Ideas for this week</source>
        <translation>Idées pour cette semaine</translation>
    </message>
    <message>
        <source>No idea left for this week: your plan&apos;s next ones come on Monday.</source>
        <translation>Plus d&apos;idée pour cette semaine : les prochaines de votre plan arrivent lundi.</translation>
    </message>
    <message>
        <source>Write it</source>
        <translation>L&apos;écrire</translation>
    </message>
    <message>
        <source>Write the idea for %1</source>
        <translation>Écrire l&apos;idée de %1</translation>
    </message>
    <message>
        <source>Tip of the week</source>
        <translation>Le conseil de la semaine</translation>
    </message>
    <message>
        <source>Your last six weeks</source>
        <translation>Vos six dernières semaines</translation>
    </message>
    <message>
        <source>Each column is a week: posted out of planned. The solid bar is what went out, the faded one what was planned, the dashed line your plan&apos;s target.</source>
        <translation>Chaque colonne est une semaine : publiées sur prévues. La barre pleine montre ce qui est parti, la barre estompée ce qui était prévu, le pointillé l&apos;objectif de votre plan.</translation>
    </message>
    <message>
        <source>Week of %1: %2 posted out of %3 planned.</source>
        <translation>Semaine du %1 : %2 publiées sur %3 prévues.</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <source>Welcome!</source>
        <translation>Bienvenue !</translation>
    </message>
    <message>
        <source>A few simple questions, about two minutes, and CM Desktop suggests a plan that fits your week. You can skip this and come back to it any time from Settings.</source>
        <translation>Quelques questions simples, deux minutes à peine, et CM Desktop vous propose un plan adapté à votre semaine. Vous pouvez passer cette étape et y revenir quand vous voulez depuis les Réglages.</translation>
    </message>
    <message>
        <source>Language of the app</source>
        <translation>Langue de l&apos;application</translation>
    </message>
</context>
<context>
    <name>NetworksPage</name>
    <message>
        <source>With the time you have, the first %1 ticked get every post; the others get one post in two.</source>
        <translation>Avec le temps dont vous disposez, les %1 premiers cochés reçoivent chaque publication ; les autres, une sur deux.</translation>
    </message>
    <message>
        <source>Where to post</source>
        <translation>Où publier</translation>
    </message>
    <message>
        <source>We ticked the networks that suit you best. Two or three are plenty to start with; you can add others later.</source>
        <translation>Nous avons coché les réseaux qui vous conviennent le mieux. Deux ou trois suffisent largement pour commencer ; vous en ajouterez d&apos;autres plus tard.</translation>
    </message>
    <message>
        <source>Suggested for you. %1</source>
        <translation>Conseillé pour vous. %1</translation>
    </message>
</context>
<context>
    <name>Reflow</name>
    <message>
        <source>Your week</source>
        <translation>Votre semaine</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Réseaux</translation>
    </message>
    <message>
        <source>Your plan</source>
        <translation>Votre plan</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Preparing your plan…</source>
        <translation>Préparation de votre plan…</translation>
    </message>
    <message>
        <source>%1 at %2 on %3</source>
        <translation>%1 à %2 sur %3</translation>
    </message>
    <message>
        <source>%1: get ready for %2</source>
        <translation>%1 : préparez « %2 »</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 ideas in all for your first four weeks. They are only ideas: nothing is published without you.</source>
        <translation>%1 idées en tout pour vos quatre premières semaines. Ce ne sont que des idées : rien n&apos;est publié sans vous.</translation>
    </message>
    <message>
        <source>Your plan</source>
        <translation>Votre plan</translation>
    </message>
    <message>
        <source>Here is what we suggest. You can change any of it later, and run this set-up again.</source>
        <translation>Voici ce que nous vous proposons. Vous pourrez tout modifier plus tard, et refaire cette configuration.</translation>
    </message>
    <message>
        <source>Your rhythm</source>
        <translation>Votre rythme</translation>
    </message>
    <message>
        <source>When to post</source>
        <translation>Quand publier</translation>
    </message>
    <message>
        <source>Your first ideas</source>
        <translation>Vos premières idées</translation>
    </message>
</context>
<context>
    <name>TimePage</name>
    <message>
        <source>How much time do you have each week?</source>
        <translation>Combien de temps avez-vous chaque semaine ?</translation>
    </message>
    <message>
        <source>Be honest with yourself: a small plan you keep beats a big one you drop after two weeks.</source>
        <translation>Soyez réaliste : mieux vaut un petit plan que l&apos;on tient qu&apos;un grand plan abandonné au bout de deux semaines.</translation>
    </message>
    <message>
        <source>Answering comments counts too: your plan leaves time for it.</source>
        <translation>Répondre aux commentaires compte aussi : votre plan vous en laisse le temps.</translation>
    </message>
</context>
<context>
    <name>WizardPageBase</name>
    <message>
        <source>Step %1 of %2</source>
        <translation>Étape %1 sur %2</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>%1 and %2</source>
        <translation>%1 et %2</translation>
    </message>
</context>
</TS>
