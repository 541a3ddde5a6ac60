"""What every headless command shares: the language, the store, JSON on stdout, messages on stderr."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from cm_desktop.core.i18n import Lang, Text, normalise_lang
from cm_desktop.platform.paths import AppPaths, default_paths

if TYPE_CHECKING:
    from cm_desktop.core.store import Store
    from cm_desktop.platform.login_file import LoginFile
    from cm_desktop.platform.secrets import Secrets

OK, FAILED, USAGE = 0, 1, 2

UNKNOWN_ACCOUNT = Text(
    en="No connected account matches “{account}”. See `cm-desktop accounts list`.",
    fr="Aucun compte connecté ne correspond à « {account} ». Voir `cm-desktop accounts list`.",
)
SOMETHING_WRONG = Text(
    en="Something went wrong. The details are in the log.",
    fr="Un problème est survenu. Les détails sont dans le journal.",
)

PASSPHRASE_PROMPT = Text(
    en="Passphrase of your logins file (the characters do not show): ",
    fr="Phrase secrète du fichier de vos identifiants (les caractères ne s'affichent pas) : ",
)
PASSPHRASE_TRIES = 3
NO_TERMINAL = Text(
    en=(
        "Your logins are locked by your passphrase, and there is no terminal here to type it in. Run this "
        "command in a terminal, or open CM Desktop and type it there."
    ),
    fr=(
        "Vos identifiants sont verrouillés par votre phrase secrète, et il n'y a pas de terminal ici pour la "
        "taper. Lancez cette commande dans un terminal, ou ouvrez CM Desktop et tapez-la dedans."
    ),
)


class CommandError(Exception):
    """A failure with a message for the person and an exit code."""

    def __init__(self, text: Text, exit_code: int = FAILED, **params: object) -> None:
        super().__init__(text.en)
        self.text = text
        self.exit_code = exit_code
        self.params = params

    def message(self, lang: Lang) -> str:
        return self.text.get(lang, **self.params)


def cli_language() -> Lang:
    return normalise_lang(os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG"))


def start_logging() -> None:
    """The log file and the crash handler, as the app has them: "the details are in the log" is then true,
    and whatever goes there is masked (platform/logs.py)."""
    from cm_desktop.platform.logs import install_crash_handler, setup_logging

    setup_logging(default_paths().logs)
    install_crash_handler(lambda: say(SOMETHING_WRONG.get(cli_language())))


def cli_secrets(paths: AppPaths | None = None) -> Secrets:
    """The logins where the person keeps them (Settings.login_store)."""
    from cm_desktop.platform.secrets import Secrets

    return Secrets(cli_login_backend(paths))


def cli_login_backend(paths: AppPaths | None = None, *, tell: bool = True) -> LoginFile | None:
    """The encrypted file when the person chose it (None: the system keychain). Its passphrase is asked
    with getpass when a login is first needed, only in a terminal: without one (the background job) nothing
    blocks, every login read says PassphraseNeeded, and the posts stay queued. `tell`: say once, without a
    terminal, that the passphrase is needed (publish-due says it in its own report instead)."""
    from cm_desktop.core.settings import load_settings
    from cm_desktop.platform.secrets import login_backend

    paths = paths or default_paths()
    login_file = login_backend(paths.data, load_settings(paths.settings_file).login_store)
    if login_file is None:
        return None
    if sys.stdin is not None and sys.stdin.isatty():
        login_file.unlocker = _ask_passphrase
    elif tell:
        told: list[bool] = []

        def no_terminal() -> None:
            if not told:
                told.append(True)
                say(NO_TERMINAL.get(cli_language()))

        login_file.on_locked = no_terminal
    return login_file


def _ask_passphrase(login_file: LoginFile) -> None:
    import getpass

    from cm_desktop.platform.secrets import WrongPassphrase

    lang = cli_language()
    for _ in range(PASSPHRASE_TRIES):
        try:
            login_file.unlock(getpass.getpass(PASSPHRASE_PROMPT.get(lang)))
            return
        except WrongPassphrase as exc:
            say(exc.message(lang))
        except EOFError:
            return


def say(message: str) -> None:
    print(f"cm-desktop: {message}", file=sys.stderr)


def emit(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, default=str))


@contextmanager
def opened_store(paths: AppPaths | None = None) -> Iterator[tuple[AppPaths, Store]]:
    from cm_desktop.core.store import StoreError, open_store

    paths = paths or default_paths()
    try:
        store = open_store(paths.database, paths.backups)
    except StoreError as exc:
        raise CommandError(exc.text) from None
    try:
        yield paths, store
    finally:
        store.close()


def run_command(action: Any, *args: Any) -> int:
    """Run a command: CommandError and known store/keychain errors become a message and an exit code."""
    import logging

    from cm_desktop.core.store import StoreError, known_error
    from cm_desktop.platform.secrets import SecretError

    lang = cli_language()
    try:
        code: int = action(*args)
        return code
    except CommandError as exc:
        say(exc.message(lang))
        return exc.exit_code
    except (StoreError, SecretError) as exc:
        say(exc.message(lang))
        return FAILED
    except Exception as exc:
        known = known_error(exc)
        if known is not None:
            say(known.message(lang))
            return FAILED
        logging.getLogger("cm_desktop.cli").exception("command failed")
        say(SOMETHING_WRONG.get(lang))
        return FAILED
