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
        <source>Connect Bluesky and Mastodon here to publish on them straight from CM Desktop. Your logins stay in this computer&apos;s keychain, never in a file.</source>
        <translation>Connectez ici Bluesky et Mastodon pour y publier directement depuis CM Desktop. Vos identifiants restent dans le trousseau de cet ordinateur, jamais dans un fichier.</translation>
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
    <name>Reflow</name>
    <message>
        <source>Your accounts</source>
        <translation>Vos comptes</translation>
    </message>
</context>
</TS>
