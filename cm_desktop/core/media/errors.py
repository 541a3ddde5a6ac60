"""Media problems a person can act on, each with a plain message in English and French.

Every failure of the media pipeline (bad file, bomb, full disk...) ends as one of these classes, so the UI
shows `message(lang)` and the outbox can tell them apart by class. Details for the log go in `detail`.
"""

from __future__ import annotations

from cm_desktop.core.i18n import Lang, Text


class MediaError(Exception):
    """Base of every media error. `message(lang)` says what happened and what to do."""

    text = Text(
        en="Something went wrong with this picture. Please try another one.",
        fr="Un problème est survenu avec cette image. Essayez-en une autre.",
    )

    def __init__(self, detail: str = "", **params: object) -> None:
        # `detail` is for logs (never shown); `params` fill the {placeholders} of `text`.
        super().__init__(detail or type(self).__name__)
        self.params = params

    def message(self, lang: Lang) -> str:
        return self.text.get(lang, **self.params)


class EmptyFile(MediaError):
    text = Text(
        en="This file is empty: it contains no picture.",
        fr="Ce fichier est vide : il ne contient aucune image.",
    )


class NotAPicture(MediaError):
    text = Text(
        en="This file is not a picture we can read. Please choose a JPEG, PNG, WebP or GIF picture.",
        fr=(
            "Ce fichier n'est pas une image que nous savons lire. "
            "Choisissez une image JPEG, PNG, WebP ou GIF."
        ),
    )


class HeicNotSupported(MediaError):
    text = Text(
        en=(
            "This is an iPhone photo (HEIC format), which this computer cannot read yet. "
            "Send the photo again as JPEG, or on the iPhone choose Settings > Camera > Formats > "
            "Most Compatible."
        ),
        fr=(
            "C'est une photo d'iPhone (format HEIC), que cet ordinateur ne sait pas encore lire. "
            "Renvoyez la photo en JPEG, ou sur l'iPhone choisissez Réglages > Appareil photo > Formats > "
            "Le plus compatible."
        ),
    )


class FileTooBig(MediaError):
    text = Text(
        en="This file is too big ({size_mb} MB). Please choose a picture under {limit_mb} MB.",
        fr="Ce fichier est trop gros ({size_mb} Mo). Choisissez une image de moins de {limit_mb} Mo.",
    )


class PictureTooLarge(MediaError):
    text = Text(
        en="This picture is too large to open safely. Please choose a smaller picture.",
        fr=(
            "Cette image est trop grande pour être ouverte en toute sécurité. "
            "Choisissez une image plus petite."
        ),
    )


class TooManyPixels(PictureTooLarge):
    """Within the file size limit, but too many pixels to prepare within our memory budget."""

    text = Text(
        en=(
            "This picture has too many pixels ({megapixels} megapixels) to prepare safely on this computer. "
            "Save it smaller (under {limit} megapixels, or as a JPEG), then add it again."
        ),
        fr=(
            "Cette image a trop de pixels ({megapixels} mégapixels) pour être préparée sans risque sur cet "
            "ordinateur. Enregistrez-la plus petite (moins de {limit} mégapixels, ou en JPEG), puis "
            "ajoutez-la à nouveau."
        ),
    )


class DamagedPicture(MediaError):
    text = Text(
        en="This picture is damaged or incomplete. Try to copy or export it again.",
        fr="Cette image est abîmée ou incomplète. Essayez de la copier ou de l'exporter à nouveau.",
    )


class CannotReadFile(MediaError):
    text = Text(
        en=(
            "We could not open this file. Check that it still exists and that you can open it, "
            "then try again."
        ),
        fr=(
            "Nous n'avons pas pu ouvrir ce fichier. Vérifiez qu'il existe toujours et que vous pouvez "
            "l'ouvrir, puis réessayez."
        ),
    )


class DiskFull(MediaError):
    text = Text(
        en="Your disk is full, so the picture could not be saved. Free some space, then try again.",
        fr=(
            "Votre disque est plein : l'image n'a pas pu être enregistrée. "
            "Libérez de la place, puis réessayez."
        ),
    )


class CannotSaveFile(MediaError):
    text = Text(
        en="The picture could not be saved in the app's folder. Please try again.",
        fr="L'image n'a pas pu être enregistrée dans le dossier de l'application. Veuillez réessayer.",
    )


class TooSmall(MediaError):
    text = Text(
        en="This picture is too small for {network}: it needs at least {min_width} x {min_height} pixels.",
        fr="Cette image est trop petite pour {network} : il faut au moins {min_width} x {min_height} pixels.",
    )


class ShapeNotSupported(MediaError):
    text = Text(
        en="This picture is too long or too narrow for {network}. Please crop it, then try again.",
        fr="Cette image est trop allongée ou trop étroite pour {network}. Recadrez-la, puis réessayez.",
    )


class CannotFit(MediaError):
    text = Text(
        en="We could not make this picture light enough for {network}. Please choose a simpler picture.",
        fr="Nous n'avons pas pu alléger assez cette image pour {network}. Choisissez une image plus simple.",
    )


# Not an error: shown beside a rendition made from the first frame of an animation.
FIRST_FRAME_ONLY = Text(
    en="This picture is animated: only its first image will be posted.",
    fr="Cette image est animée : seule sa première image sera publiée.",
)
