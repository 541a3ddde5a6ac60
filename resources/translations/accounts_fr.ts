<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AccountRowWidget</name>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <source>Keychain unavailable</source>
        <translation>Trousseau indisponible</translation>
    </message>
    <message>
        <source>Needs reconnecting</source>
        <translation>À reconnecter</translation>
    </message>
    <message>
        <source>The login of this account cannot be read on this computer right now (see above).</source>
        <translation>L&apos;identifiant de ce compte ne peut pas être lu sur cet ordinateur pour le moment (voir plus haut).</translation>
    </message>
    <message>
        <source>The network no longer accepts this login. Reconnect the account to keep publishing.</source>
        <translation>Le réseau n&apos;accepte plus cette connexion. Reconnectez le compte pour continuer à publier.</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconnecter</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Reconnect %1</source>
        <translation>Reconnecter %1</translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation>Déconnecter %1</translation>
    </message>
    <message>
        <source>Picture of %1</source>
        <translation>Image de %1</translation>
    </message>
    <message>
        <source>%1, %2 on %3: %4</source>
        <translation>%1, %2 sur %3 : %4</translation>
    </message>
</context>
<context>
    <name>AccountsFeedback</name>
    <message>
        <source>Something went wrong. The details are in the log.</source>
        <translation>Un problème est survenu. Les détails sont dans le journal.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Remarque</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Travail en cours</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>%1 is connected.</source>
        <translation>%1 est connecté.</translation>
    </message>
    <message>
        <source>Disconnect %1</source>
        <translation>Déconnecter %1</translation>
    </message>
    <message>
        <source>Disconnect %1?</source>
        <translation>Déconnecter %1 ?</translation>
    </message>
    <message>
        <source>CM Desktop will forget this login and remove it from this computer&apos;s keychain. Posts waiting for this account will not be sent; the posts already published stay on the network and in your history. You can connect the account again at any time.</source>
        <translation>CM Desktop oubliera cette connexion et la retirera du trousseau de cet ordinateur. Les publications qui attendent ce compte ne seront pas envoyées ; celles déjà publiées restent sur le réseau et dans votre historique. Vous pourrez reconnecter le compte à tout moment.</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Le garder</translation>
    </message>
    <message>
        <source>Keep this account connected</source>
        <translation>Garder ce compte connecté</translation>
    </message>
    <message>
        <source>Disconnecting %1…</source>
        <translation>Déconnexion de %1…</translation>
    </message>
    <message>
        <source>%1 is disconnected.</source>
        <translation>%1 est déconnecté.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Connect Bluesky and Mastodon here to publish on them straight from CM Desktop. Your logins stay locked on this computer: in its keychain, or in a file only your passphrase opens.</source>
        <translation>Connectez ici Bluesky et Mastodon pour y publier directement depuis CM Desktop. Vos identifiants restent verrouillés sur cet ordinateur : dans son trousseau, ou dans un fichier que seule votre phrase secrète ouvre.</translation>
    </message>
    <message>
        <source>Connect &amp;Bluesky</source>
        <translation>Connecter &amp;Bluesky</translation>
    </message>
    <message>
        <source>Connect a Bluesky account</source>
        <translation>Connecter un compte Bluesky</translation>
    </message>
    <message>
        <source>Connect &amp;Mastodon</source>
        <translation>Connecter &amp;Mastodon</translation>
    </message>
    <message>
        <source>Connect a Mastodon account</source>
        <translation>Connecter un compte Mastodon</translation>
    </message>
    <message>
        <source>Your accounts</source>
        <translation>Vos comptes</translation>
    </message>
    <message>
        <source>No account is connected yet. Connect Bluesky or Mastodon above: it takes a minute, and no developer account is needed.</source>
        <translation>Aucun compte n&apos;est encore connecté. Connectez Bluesky ou Mastodon ci-dessus : cela prend une minute, sans compte de développeur.</translation>
    </message>
    <message>
        <source>Keychain problem: %1</source>
        <translation>Problème de trousseau : %1</translation>
    </message>
    <message>
        <source>&amp;Type my passphrase…</source>
        <translation>&amp;Saisir ma phrase secrète…</translation>
    </message>
    <message>
        <source>Type the passphrase of my logins file</source>
        <translation>Saisir la phrase secrète du fichier de mes identifiants</translation>
    </message>
</context>
<context>
    <name>BlueskyDialog</name>
    <message>
        <source>No browser could be opened. Copy the address above into your browser.</source>
        <translation>Aucun navigateur n&apos;a pu être ouvert. Copiez l&apos;adresse ci-dessus dans votre navigateur.</translation>
    </message>
    <message>
        <source>Connecting to Bluesky…</source>
        <translation>Connexion à Bluesky…</translation>
    </message>
    <message>
        <source>Type your server&apos;s full address, starting with https://</source>
        <translation>Saisissez l&apos;adresse complète de votre serveur, qui commence par https://</translation>
    </message>
    <message>
        <source>Type your Bluesky handle, for example name.bsky.social.</source>
        <translation>Saisissez votre identifiant Bluesky, par exemple nom.bsky.social.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
    <message>
        <source>Connect Bluesky</source>
        <translation>Connecter Bluesky</translation>
    </message>
    <message>
        <source>CM Desktop publishes on Bluesky with an app password: a separate password that you create in Bluesky for one app, and can withdraw at any time. Never type your main Bluesky password here.</source>
        <translation>CM Desktop publie sur Bluesky avec un mot de passe d&apos;application : un mot de passe à part, que vous créez dans Bluesky pour une seule application et que vous pouvez retirer à tout moment. Ne saisissez jamais ici votre mot de passe Bluesky principal.</translation>
    </message>
    <message>
        <source>1. Open Bluesky&apos;s app passwords page and sign in.
2. Choose “Add App Password”, name it “CM Desktop”, and copy the password shown (it looks like xxxx-xxxx-xxxx-xxxx).
3. Paste it below, with your Bluesky handle.</source>
        <translation>1. Ouvrez la page des mots de passe d&apos;application de Bluesky et connectez-vous.
2. Choisissez « Ajouter un mot de passe d&apos;application », nommez-le « CM Desktop » et copiez le mot de passe affiché (il a la forme xxxx-xxxx-xxxx-xxxx).
3. Collez-le ci-dessous, avec votre identifiant Bluesky.</translation>
    </message>
    <message>
        <source>&amp;Open Bluesky&apos;s app passwords page</source>
        <translation>&amp;Ouvrir la page des mots de passe d&apos;application</translation>
    </message>
    <message>
        <source>Open Bluesky&apos;s app passwords page in your browser</source>
        <translation>Ouvrir dans votre navigateur la page des mots de passe d&apos;application de Bluesky</translation>
    </message>
    <message>
        <source>Address of the app passwords page</source>
        <translation>Adresse de la page des mots de passe d&apos;application</translation>
    </message>
    <message>
        <source>&amp;Handle:</source>
        <translation>&amp;Identifiant :</translation>
    </message>
    <message>
        <source>Bluesky handle</source>
        <translation>Identifiant Bluesky</translation>
    </message>
    <message>
        <source>For example name.bsky.social</source>
        <translation>Par exemple nom.bsky.social</translation>
    </message>
    <message>
        <source>&amp;App password:</source>
        <translation>Mot de passe d&apos;&amp;application :</translation>
    </message>
    <message>
        <source>App password</source>
        <translation>Mot de passe d&apos;application</translation>
    </message>
    <message>
        <source>Four groups of four letters or digits</source>
        <translation>Quatre groupes de quatre lettres ou chiffres</translation>
    </message>
    <message>
        <source>&amp;Show the app password</source>
        <translation>A&amp;fficher le mot de passe d&apos;application</translation>
    </message>
    <message>
        <source>Show the app password</source>
        <translation>Afficher le mot de passe d&apos;application</translation>
    </message>
    <message>
        <source>Ad&amp;vanced: I use my own server</source>
        <translation>A&amp;vancé : j&apos;utilise mon propre serveur</translation>
    </message>
    <message>
        <source>Advanced: I use my own server</source>
        <translation>Avancé : j&apos;utilise mon propre serveur</translation>
    </message>
    <message>
        <source>Server a&amp;ddress:</source>
        <translation>A&amp;dresse du serveur :</translation>
    </message>
    <message>
        <source>Address of your own Bluesky server</source>
        <translation>Adresse de votre propre serveur Bluesky</translation>
    </message>
    <message>
        <source>Only if you host your own Bluesky server (a PDS). Leave it empty otherwise.</source>
        <translation>Seulement si vous hébergez votre propre serveur Bluesky (un PDS). Sinon, laissez ce champ vide.</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connecter</translation>
    </message>
    <message>
        <source>Connect this Bluesky account</source>
        <translation>Connecter ce compte Bluesky</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ChoosePassphraseDialog</name>
    <message>
        <source>Strength: good.</source>
        <translation>Solidité : bonne.</translation>
    </message>
    <message>
        <source>Strength: fair. A few more words make it harder to guess.</source>
        <translation>Solidité : moyenne. Quelques mots de plus la rendent plus difficile à deviner.</translation>
    </message>
    <message>
        <source>A short sentence you will remember, at least %1 characters.</source>
        <translation>Une petite phrase dont vous vous souviendrez, d’au moins %1 caractères.</translation>
    </message>
    <message>
        <source>Too short: at least %1 characters.</source>
        <translation>Trop courte : au moins %1 caractères.</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least %1 characters.</source>
        <translation>Choisissez une phrase secrète d’au moins %1 caractères.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type it again.</source>
        <translation>Les deux phrases secrètes ne sont pas identiques. Tapez-la à nouveau.</translation>
    </message>
    <message>
        <source>Locking your logins file…</source>
        <translation>Verrouillage du fichier de vos identifiants…</translation>
    </message>
    <message>
        <source>Choose a passphrase</source>
        <translation>Choisir une phrase secrète</translation>
    </message>
    <message>
        <source>Your logins will be kept in a file on this computer, locked by this passphrase. Nobody can open it without the passphrase, not even us: if you forget it, you will connect your accounts again (your posts and drafts are kept).</source>
        <translation>Vos identifiants seront gardés dans un fichier sur cet ordinateur, verrouillé par cette phrase secrète. Personne ne peut l’ouvrir sans elle, pas même nous : si vous l’oubliez, vous reconnecterez vos comptes (vos publications et vos brouillons sont gardés).</translation>
    </message>
    <message>
        <source>The previous logins file was deleted. Connect your accounts again after this.</source>
        <translation>L’ancien fichier d’identifiants a été supprimé. Reconnectez vos comptes ensuite.</translation>
    </message>
    <message>
        <source>Posts go out only while CM Desktop is open: your computer cannot type the passphrase for you when the app is closed.</source>
        <translation>Les publications partent seulement quand CM Desktop est ouvert : votre ordinateur ne peut pas taper la phrase secrète à votre place quand l’application est fermée.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase secrète :</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nouvelle phrase secrète</translation>
    </message>
    <message>
        <source>At least %1 characters, a short sentence</source>
        <translation>Au moins %1 caractères, une petite phrase</translation>
    </message>
    <message>
        <source>T&amp;ype it again:</source>
        <translation>&amp;Retapez-la :</translation>
    </message>
    <message>
        <source>New passphrase, typed again</source>
        <translation>Nouvelle phrase secrète, tapée une deuxième fois</translation>
    </message>
    <message>
        <source>&amp;Show what I type</source>
        <translation>&amp;Afficher ce que je tape</translation>
    </message>
    <message>
        <source>Show the passphrase as I type it</source>
        <translation>Afficher la phrase secrète pendant que je la tape</translation>
    </message>
    <message>
        <source>&amp;Lock my logins with it</source>
        <translation>&amp;Verrouiller mes identifiants</translation>
    </message>
    <message>
        <source>Create the logins file with this passphrase</source>
        <translation>Créer le fichier d’identifiants avec cette phrase secrète</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel without creating the file</source>
        <translation>Annuler sans créer le fichier</translation>
    </message>
</context>
<context>
    <name>MastodonDialog</name>
    <message>
        <source>Checking the server…</source>
        <translation>Vérification du serveur…</translation>
    </message>
    <message>
        <source>Waiting for your approval in the browser…</source>
        <translation>En attente de votre autorisation dans le navigateur…</translation>
    </message>
    <message>
        <source>No browser could be opened. Copy the address above into your browser.</source>
        <translation>Aucun navigateur n&apos;a pu être ouvert. Copiez l&apos;adresse ci-dessus dans votre navigateur.</translation>
    </message>
    <message>
        <source>Paste the code shown by your server.</source>
        <translation>Collez le code affiché par votre serveur.</translation>
    </message>
    <message>
        <source>Connecting to Mastodon…</source>
        <translation>Connexion à Mastodon…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
    <message>
        <source>Connect Mastodon</source>
        <translation>Connecter Mastodon</translation>
    </message>
    <message>
        <source>Mastodon is made of many servers. Type the address of yours: it is the part after the second @ in your full name, for example mastodon.social for @you@mastodon.social.</source>
        <translation>Mastodon est fait de nombreux serveurs. Saisissez l&apos;adresse du vôtre : c&apos;est la partie après le second @ de votre nom complet, par exemple mastodon.social pour @vous@mastodon.social.</translation>
    </message>
    <message>
        <source>Your browser then opens your server&apos;s page, where you sign in and approve CM Desktop. Your password is typed there, never in CM Desktop.</source>
        <translation>Votre navigateur ouvre ensuite la page de votre serveur, où vous vous connectez et autorisez CM Desktop. Votre mot de passe se saisit là-bas, jamais dans CM Desktop.</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>Your Mastodon server</source>
        <translation>Votre serveur Mastodon</translation>
    </message>
    <message>
        <source>For example mastodon.social, or your full name @you@mastodon.social</source>
        <translation>Par exemple mastodon.social, ou votre nom complet @vous@mastodon.social</translation>
    </message>
    <message>
        <source>Your browser opens…</source>
        <translation>Votre navigateur s&apos;ouvre…</translation>
    </message>
    <message>
        <source>Sign in on your server&apos;s page and click “Authorise” to let CM Desktop publish for you. This window goes on by itself once you have approved.</source>
        <translation>Connectez-vous sur la page de votre serveur et cliquez sur « Autoriser » pour permettre à CM Desktop de publier pour vous. Cette fenêtre continue d&apos;elle-même une fois l&apos;autorisation donnée.</translation>
    </message>
    <message>
        <source>If your browser did not open, copy this address into it:</source>
        <translation>Si votre navigateur ne s&apos;est pas ouvert, copiez-y cette adresse :</translation>
    </message>
    <message>
        <source>Paste a code instead…</source>
        <translation>Coller un code à la place…</translation>
    </message>
    <message>
        <source>Paste a code instead of waiting for the browser</source>
        <translation>Coller un code au lieu d&apos;attendre le navigateur</translation>
    </message>
    <message>
        <source>Your server then shows a code to copy here: useful when the browser does not come back.</source>
        <translation>Votre serveur affiche alors un code à copier ici : utile quand le navigateur ne revient pas.</translation>
    </message>
    <message>
        <source>Your server runs an older version of Mastodon: instead of coming back to CM Desktop by itself, it shows a code.</source>
        <translation>Votre serveur utilise une ancienne version de Mastodon : au lieu de revenir de lui-même à CM Desktop, il affiche un code.</translation>
    </message>
    <message>
        <source>1. Open the sign-in page (your browser should have opened it already).
2. Sign in and click “Authorise”.
3. Copy the code shown and paste it below.</source>
        <translation>1. Ouvrez la page de connexion (votre navigateur l&apos;a sans doute déjà ouverte).
2. Connectez-vous et cliquez sur « Autoriser ».
3. Copiez le code affiché et collez-le ci-dessous.</translation>
    </message>
    <message>
        <source>&amp;Open the sign-in page</source>
        <translation>&amp;Ouvrir la page de connexion</translation>
    </message>
    <message>
        <source>Open the sign-in page in your browser</source>
        <translation>Ouvrir la page de connexion dans votre navigateur</translation>
    </message>
    <message>
        <source>Co&amp;de:</source>
        <translation>Co&amp;de :</translation>
    </message>
    <message>
        <source>Code shown by your server</source>
        <translation>Code affiché par votre serveur</translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation>Adresse de connexion</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Cop&amp;ier</translation>
    </message>
    <message>
        <source>Copy the sign-in address</source>
        <translation>Copier l&apos;adresse de connexion</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Connecter</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>C&amp;ontinuer</translation>
    </message>
    <message>
        <source>Connect with this code</source>
        <translation>Se connecter avec ce code</translation>
    </message>
    <message>
        <source>Continue to the sign-in</source>
        <translation>Continuer vers la connexion</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel the connection</source>
        <translation>Annuler la connexion</translation>
    </message>
</context>
<context>
    <name>NoKeychainDialog</name>
    <message>
        <source>Checking again…</source>
        <translation>Nouvelle vérification…</translation>
    </message>
    <message>
        <source>Still not available. Follow the steps above, then try again.</source>
        <translation>Toujours indisponible. Suivez les étapes ci-dessus, puis réessayez.</translation>
    </message>
    <message>
        <source>Where to keep your logins</source>
        <translation>Où garder vos identifiants</translation>
    </message>
    <message>
        <source>Your logins need a keychain</source>
        <translation>Vos identifiants ont besoin d’un trousseau</translation>
    </message>
    <message>
        <source>Your keychain is locked</source>
        <translation>Votre trousseau est verrouillé</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Check the keychain again</source>
        <translation>Vérifier à nouveau le trousseau</translation>
    </message>
    <message>
        <source>Or keep your logins in a file on this computer, locked by a passphrase you choose. You will type it each time you open CM Desktop, and posts will go out only while it is open.</source>
        <translation>Ou gardez vos identifiants dans un fichier sur cet ordinateur, verrouillé par une phrase secrète que vous choisissez. Vous la taperez à chaque ouverture de CM Desktop, et les publications partiront seulement quand il est ouvert.</translation>
    </message>
    <message>
        <source>&amp;Use a passphrase instead…</source>
        <translation>&amp;Utiliser plutôt une phrase secrète…</translation>
    </message>
    <message>
        <source>Keep my logins in a file locked by a passphrase</source>
        <translation>Garder mes identifiants dans un fichier verrouillé par une phrase secrète</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close without connecting</source>
        <translation>Fermer sans connecter de compte</translation>
    </message>
</context>
<context>
    <name>Reflow</name>
    <message>
        <source>Your accounts</source>
        <translation>Vos comptes</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Type your passphrase first.</source>
        <translation>Tapez d’abord votre phrase secrète.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Déverrouillage…</translation>
    </message>
    <message>
        <source>Start again without your logins?</source>
        <translation>Recommencer sans vos identifiants ?</translation>
    </message>
    <message>
        <source>Without the passphrase nobody can open the logins file, not even us. CM Desktop can delete that file, and only that file: you then choose a new passphrase and connect your accounts again. Your posts, drafts, plan and history are kept; posts waiting for an account go out once it is connected again.</source>
        <translation>Sans la phrase secrète, personne ne peut ouvrir le fichier d’identifiants, pas même nous. CM Desktop peut supprimer ce fichier, et seulement lui : vous choisissez alors une nouvelle phrase secrète et reconnectez vos comptes. Vos publications, brouillons, planning et historique sont gardés ; les publications qui attendent un compte partent dès qu’il est reconnecté.</translation>
    </message>
    <message>
        <source>Delete the logins file and start again</source>
        <translation>Supprimer le fichier d’identifiants et recommencer</translation>
    </message>
    <message>
        <source>Keep trying</source>
        <translation>Continuer d’essayer</translation>
    </message>
    <message>
        <source>Keep the file and type the passphrase again</source>
        <translation>Garder le fichier et retaper la phrase secrète</translation>
    </message>
    <message>
        <source>Unlock your logins</source>
        <translation>Déverrouiller vos identifiants</translation>
    </message>
    <message>
        <source>Your logins are kept in a file on this computer, locked by the passphrase you chose. Type it to publish and read your messages; it is asked once each time CM Desktop opens.</source>
        <translation>Vos identifiants sont gardés dans un fichier sur cet ordinateur, verrouillé par la phrase secrète que vous avez choisie. Tapez-la pour publier et lire vos messages ; elle est demandée une fois à chaque ouverture de CM Desktop.</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase secrète :</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>&amp;Show what I type</source>
        <translation>&amp;Afficher ce que je tape</translation>
    </message>
    <message>
        <source>Show the passphrase as I type it</source>
        <translation>Afficher la phrase secrète pendant que je la tape</translation>
    </message>
    <message>
        <source>&amp;Start again…</source>
        <translation>&amp;Recommencer…</translation>
    </message>
    <message>
        <source>I &amp;forgot my passphrase…</source>
        <translation>J’ai &amp;oublié ma phrase secrète…</translation>
    </message>
    <message>
        <source>Start again with a new passphrase</source>
        <translation>Recommencer avec une nouvelle phrase secrète</translation>
    </message>
    <message>
        <source>I forgot my passphrase: what can I do?</source>
        <translation>J’ai oublié ma phrase secrète : que faire ?</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>Unlock my logins</source>
        <translation>Déverrouiller mes identifiants</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Pas maintenant</translation>
    </message>
    <message>
        <source>Not now: posts wait until the logins are unlocked</source>
        <translation>Pas maintenant : les publications attendent que les identifiants soient déverrouillés</translation>
    </message>
</context>
</TS>
