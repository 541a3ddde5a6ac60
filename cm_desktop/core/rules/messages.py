"""Every message preflight shows, in plain English and French (no jargon: people are not technicians)."""

from __future__ import annotations

from cm_desktop.core.i18n import Text

MESSAGES: dict[str, Text] = {
    "text.to_complete": Text(
        en="To complete: replace “{gap}” with your own words ({count} in all) before it is scheduled.",
        fr="À compléter : remplacez « {gap} » par vos propres mots ({count} en tout) avant de programmer.",
    ),
    "text.empty": Text(
        en="Write something before posting on {network}.",
        fr="Écrivez quelque chose avant de publier sur {network}.",
    ),
    "text.empty_with_images": Text(
        en="Your post has no text. A few words help people understand your pictures.",
        fr="Votre publication n'a pas de texte. Quelques mots aident à comprendre vos images.",
    ),
    "text.too_long": Text(
        en="Your text is too long for {network}: shorten it by {over} characters.",
        fr="Votre texte est trop long pour {network} : raccourcissez-le de {over} caractères.",
    ),
    "text.too_long_weighted": Text(
        en="Your text is too long for X: shorten it by {over} characters. "
        "On X, emoji and some alphabets (Chinese, Japanese…) count double.",
        fr="Votre texte est trop long pour X : raccourcissez-le de {over} caractères. "
        "Sur X, les émojis et certaines écritures (chinois, japonais…) comptent double.",
    ),
    "text.too_many_bytes": Text(
        en="Your text is too long for {network}: accents and emoji take more room. "
        "Remove about {over} characters.",
        fr="Votre texte est trop long pour {network} : les accents et les émojis prennent plus de place. "
        "Retirez environ {over} caractères.",
    ),
    "text.broken_characters": Text(
        en="Your text contains {count} damaged characters (often from a copy and paste). Remove them.",
        fr="Votre texte contient {count} caractères abîmés (souvent à cause d'un copier-coller). "
        "Retirez-les.",
    ),
    "text.null_characters": Text(
        en="Your text contains {count} empty characters (code 0, often from a file or a copy and paste). "
        "Networks refuse them: remove them.",
        fr="Votre texte contient {count} caractères nuls (code 0, souvent venus d'un fichier ou d'un "
        "copier-coller). Les réseaux les refusent : retirez-les.",
    ),
    "text.invisible_characters": Text(
        en="Your text contains {count} invisible characters (often from a copy and paste). Remove them.",
        fr="Votre texte contient {count} caractères invisibles (souvent à cause d'un copier-coller). "
        "Retirez-les.",
    ),
    "text.feed_cut": Text(
        en="On {network}, only the first {cut} characters show before “See more”: put the important part first.",
        fr="Sur {network}, seuls les {cut} premiers caractères s'affichent avant « Voir plus » : "
        "mettez l'essentiel au début.",
    ),
    "link.not_a_link": Text(
        en="“{scheme}:” is not a web address: it will show as plain text, not as a link. "
        "Use an address that starts with https://.",
        fr="« {scheme}: » n'est pas une adresse web : elle s'affichera comme du texte, pas comme un lien. "
        "Utilisez une adresse qui commence par https://.",
    ),
    "link.not_clickable": Text(
        en="Links cannot be clicked in {network} posts. Put the link in your profile and write “link in bio”.",
        fr="Les liens ne sont pas cliquables dans les publications {network}. Mettez le lien dans votre profil "
        "et écrivez « lien dans la bio ».",
    ),
    "link.use_button": Text(
        en="Links in the text cannot be clicked on {network}. Add a button to your post instead.",
        fr="Les liens dans le texte ne sont pas cliquables sur {network}. Ajoutez plutôt un bouton "
        "à votre publication.",
    ),
    "link.use_pin_link": Text(
        en="Links cannot be clicked in a {network} description. Put the address in the pin's link instead.",
        fr="Les liens ne sont pas cliquables dans la description {network}. Mettez plutôt l'adresse "
        "dans le lien de l'épingle.",
    ),
    "hashtags.too_many": Text(
        en="{network} allows at most {max} hashtags: remove {over}.",
        fr="{network} accepte au plus {max} hashtags : retirez-en {over}.",
    ),
    "hashtags.too_long": Text(
        en="The hashtag #{tag}… is too long for {network} and will not work. Keep it under {max} characters.",
        fr="Le hashtag #{tag}… est trop long pour {network} et ne fonctionnera pas. "
        "Gardez-le sous {max} caractères.",
    ),
    "mentions.too_many": Text(
        en="{network} allows at most {max} mentions of other accounts: remove {over}.",
        fr="{network} accepte au plus {max} mentions d'autres comptes : retirez-en {over}.",
    ),
    "phone.in_text": Text(
        en="Google does not allow phone numbers in the text ({phone}). Use the “Call” button instead.",
        fr="Google n'accepte pas de numéro de téléphone dans le texte ({phone}). "
        "Utilisez plutôt le bouton « Appeler ».",
    ),
    "images.required": Text(
        en="{network} needs at least one image.",
        fr="{network} a besoin d'au moins une image.",
    ),
    "images.too_many": Text(
        en="{network} accepts at most {max} images: remove {over}.",
        fr="{network} accepte au plus {max} images : retirez-en {over}.",
    ),
    "images.not_supported": Text(
        en="{network} does not take images in this kind of post: remove them.",
        fr="{network} n'accepte pas d'images dans ce type de publication : retirez-les.",
    ),
    "image.format": Text(
        en="Image {number} is a {format} file, which {network} does not accept. It must be saved as {target}.",
        fr="L'image {number} est un fichier {format}, que {network} n'accepte pas. "
        "Elle doit être enregistrée en {target}.",
    ),
    "image.too_heavy": Text(
        en="Image {number} is too heavy for {network} ({size_mb} MB, at most {max_mb} MB): make it smaller.",
        fr="L'image {number} est trop lourde pour {network} ({size_mb} Mo, au plus {max_mb} Mo) : "
        "réduisez-la.",
    ),
    "image.downscaled": Text(
        en="Image {number} is very large: {network} will make it smaller, which is fine.",
        fr="L'image {number} est très grande : {network} la réduira, ce n'est pas un problème.",
    ),
    "image.too_small": Text(
        en="Image {number} is too small for {network} ({width}×{height}): use one at least {min_width}×{min_height}.",
        fr="L'image {number} est trop petite pour {network} ({width}×{height}) : "
        "utilisez-en une d'au moins {min_width}×{min_height}.",
    ),
    "image.cropped": Text(
        en="Image {number} will be cropped to {target} on {network}: adjust the crop so nothing important is cut.",
        fr="L'image {number} sera recadrée en {target} sur {network} : ajustez le cadrage pour ne rien couper "
        "d'important.",
    ),
    "image.aspect_tip": Text(
        en="Image {number}: {network} shows {target} images best (taller than wide).",
        fr="Image {number} : {network} affiche mieux les images au format {target} (plus hautes que larges).",
    ),
    "image.animated": Text(
        en="Image {number} is animated: {network} will only show a still picture.",
        fr="L'image {number} est animée : {network} n'en montrera qu'une image fixe.",
    ),
    "image.animated_alone": Text(
        en="On {network}, an animated image must be posted alone: remove the other images.",
        fr="Sur {network}, une image animée doit être publiée seule : retirez les autres images.",
    ),
    "image.alt_missing": Text(
        en="Describe image {number} for people who cannot see it.",
        fr="Décrivez l'image {number} pour les personnes qui ne peuvent pas la voir.",
    ),
    "image.alt_too_long": Text(
        en="The description of image {number} is too long for {network}: shorten it by {over} characters.",
        fr="La description de l'image {number} est trop longue pour {network} : "
        "raccourcissez-la de {over} caractères.",
    ),
}
