"""`cm-desktop accounts add|list|remove`: a thin face on cm_desktop.services.accounts (the service the app uses too).

Secrets go to the keychain, never the database.
"""

from __future__ import annotations

import argparse
import getpass
import os
from typing import TYPE_CHECKING, Any

from cm_desktop.cli_commands.common import (
    FAILED,
    OK,
    USAGE,
    CommandError,
    cli_language,
    cli_secrets,
    emit,
    opened_store,
    say,
)
from cm_desktop.core.i18n import Text
from cm_desktop.core.models import Account
from cm_desktop.core.store import Store

if TYPE_CHECKING:
    from cm_desktop.services.accounts import ConnectError

SECRET_ENV = "CM_DESKTOP_SECRET"

PASSWORD_PROMPT = Text(
    en="Bluesky app password (xxxx-xxxx-xxxx-xxxx; not your main password): ",
    fr="Mot de passe d'application Bluesky (xxxx-xxxx-xxxx-xxxx ; pas votre mot de passe principal) : ",
)
NO_PASSWORD = Text(
    en="No app password given. Set CM_DESKTOP_SECRET or type it when asked.",
    fr="Aucun mot de passe d'application fourni. Définissez CM_DESKTOP_SECRET ou saisissez-le à la demande.",
)
CONNECTED = Text(en="Connected {handle} ({network}).", fr="{handle} est connecté ({network}).")
REMOVED = Text(en="Removed {handle} ({network}).", fr="{handle} a été retiré ({network}).")
BROWSER_OPENED = Text(
    en="Your browser opens the server's sign-in page. Approve CM Desktop there, then come back here.",
    fr="Votre navigateur ouvre la page de connexion du serveur. Autorisez CM Desktop, puis revenez ici.",
)
BROWSER_FAILED = Text(
    en="No browser could be opened. Open this address in your browser: {url}",
    fr="Aucun navigateur n'a pu être ouvert. Ouvrez cette adresse dans votre navigateur : {url}",
)
PASTE_CODE = Text(
    en="Open this address, approve CM Desktop, then paste the code shown: {url}\nCode: ",
    fr="Ouvrez cette adresse, autorisez CM Desktop, puis collez le code affiché : {url}\nCode : ",
)


def account_json(account: Account) -> dict[str, Any]:
    return {
        "id": account.id,
        "network": account.network,
        "handle": account.handle,
        "display_name": account.display_name,
        "server_url": account.server_url,
        "status": account.status,
    }


def find_account(store: Store, ref: str) -> Account | None:
    """An account by id or by handle (with or without @, any case)."""
    from sqlmodel import select

    with store.session() as session:
        if ref.strip().isdigit():
            return session.get(Account, int(ref))
        wanted = ref.strip().lstrip("@").lower()
        for account in session.exec(select(Account)).all():
            handle = account.handle.lstrip("@").lower()
            if wanted in (handle, handle.split("@")[0]) or wanted == f"{account.network}:{handle}":
                return account
    return None


def _failed(error: ConnectError) -> int:
    say(error.message(cli_language()))
    return USAGE if error.bad_input else FAILED


def _connected(account: Account, network: str) -> int:
    say(CONNECTED.get(cli_language(), handle=account.handle, network=network))
    emit(account_json(account))
    return OK


def add_bluesky(args: argparse.Namespace) -> int:
    from cm_desktop.services.accounts import ConnectError, connect_bluesky

    lang = cli_language()
    password = os.environ.get(SECRET_ENV) or getpass.getpass(PASSWORD_PROMPT.get(lang))
    if not password.strip():
        raise CommandError(NO_PASSWORD, USAGE)
    with opened_store() as (paths, store):
        try:
            account = connect_bluesky(
                store, cli_secrets(paths), args.handle, password, args.service or None, args.plc_url or None
            )
        except ConnectError as exc:
            return _failed(exc)
    return _connected(account, "Bluesky")


def add_mastodon(args: argparse.Namespace) -> int:
    """Sign in through the browser (loopback redirect), or a pasted code on servers before 4.3."""
    import webbrowser

    from cm_desktop.services.accounts import ConnectError, connect_mastodon

    lang = cli_language()

    def open_browser(url: str) -> bool:
        say(BROWSER_OPENED.get(lang))
        opened = webbrowser.open(url)
        if not opened:
            say(BROWSER_FAILED.get(lang, url=url))
        return opened

    with opened_store() as (paths, store):
        try:
            account = connect_mastodon(
                store,
                cli_secrets(paths),
                args.server,
                open_browser,
                paste_code=lambda url: input(PASTE_CODE.get(lang, url=url)),
                lang=lang,
            )
        except ConnectError as exc:
            return _failed(exc)
    return _connected(account, "Mastodon")


def list_accounts(args: argparse.Namespace) -> int:
    from cm_desktop.services.accounts import list_accounts_with_status

    with opened_store() as (paths, store):
        listed = list_accounts_with_status(store, cli_secrets(paths))
        with store.session() as session:
            rows = []
            for row in listed:
                account = session.get(Account, row.id)
                if account is not None:
                    rows.append({**account_json(account), "connection": row.status})
    if args.json:
        emit(rows)
    else:
        for item in rows:
            print(f"{item['id']}\t{item['network']}\t{item['handle']}\t{item['connection']}")
    return OK


def remove_account(args: argparse.Namespace) -> int:
    """Delete the account and its keychain secret; its unsent posts fail with a reason, history stays."""
    from cm_desktop.cli_commands.common import UNKNOWN_ACCOUNT
    from cm_desktop.services.accounts import ConnectError
    from cm_desktop.services.accounts import remove_account as forget_account
    from cm_desktop.services.publishing import ending_connector

    lang = cli_language()
    with opened_store() as (paths, store):
        account = find_account(store, args.account)
        if account is None or account.id is None:
            raise CommandError(UNKNOWN_ACCOUNT, USAGE, account=args.account)
        secrets = cli_secrets(paths)
        try:
            removed = forget_account(
                store, secrets, account.id, connector_for=ending_connector(secrets), lock_path=paths.lock_file
            )
        except ConnectError as exc:
            return _failed(exc)
    if removed is None:
        raise CommandError(UNKNOWN_ACCOUNT, USAGE, account=args.account)
    say(REMOVED.get(lang, handle=account.handle, network=account.network))
    for sentence in removed.messages(lang):
        say(sentence)
    if args.json:
        emit(account_json(account))
    return OK
