"""Installs the French or English translation of the interface, and switches it while the app runs.

Widgets rebuild their texts on QEvent.LanguageChange (see `retranslate()` in each page), so a change of
language in Settings applies at once, without a restart.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from cm_desktop.core.i18n import PSEUDO_ENV, Lang, normalise_lang, pseudo
from cm_desktop.platform.resources import translations_dir

log = logging.getLogger(__name__)


def current_lang() -> Lang:
    """The interface language: Translations.apply() sets the default QLocale along with the translators."""
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def network_name(network: str) -> str:
    """A network's name in the interface language (Google's is not the same in French)."""
    from cm_desktop.core.networks import name_of  # the registry is not needed for the first paint

    return name_of(network).get(current_lang())


class PseudoTranslator(QTranslator):
    """Every string about twice as long, in brackets: shows where a layout will break in French."""

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return pseudo(source_text)

    def isEmpty(self) -> bool:
        return False


class Translations:
    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language: Lang = "en"
        self.qt_loaded = False  # Qt's own French (standard buttons, dialogs) was found

    @staticmethod
    def system_language() -> Lang:
        return normalise_lang(QLocale.system().name())

    def apply(self, choice: str) -> Lang:
        """Install the translation for `choice` ("" = the system's language). Returns the language used."""
        lang = normalise_lang(choice) if choice else self.system_language()
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        self.qt_loaded = False
        if os.environ.get(PSEUDO_ENV):
            self._install(PseudoTranslator(self._app))
        elif lang == "fr":
            # One catalogue per area of the interface (see scripts/translations.py).
            catalogues = sorted(translations_dir().glob(f"*_{lang}.qm"))
            if not catalogues:
                log.warning("French interface files missing in %s", translations_dir())
            for path in catalogues:
                ours = QTranslator(self._app)
                if ours.load(str(path)):
                    self._install(ours)
            qt_own = QTranslator(self._app)
            qt_path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt_own.load(QLocale(lang), "qtbase", "_", qt_path):
                self._install(qt_own)
                self.qt_loaded = True
            else:
                log.warning("Qt's French files missing in %s", qt_path)
        self.language = lang
        QLocale.setDefault(QLocale(QLocale.Language.French if lang == "fr" else QLocale.Language.English))
        return lang

    def _install(self, translator: QTranslator) -> None:
        self._app.installTranslator(translator)
        self._installed.append(translator)
