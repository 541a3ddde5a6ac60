"""`cm-desktop accounts add|list|remove`: connect accounts; secrets go to the keychain, never the database."""

from __future__ import annotations

import argparse
import getpass
import os
import uuid
from typing import Any

from cm_desktop.cli_commands.common import (
    FAILED,
    OK,
    USAGE,
    CommandError,
    cli_language,
    emit,
    opened_store,
    say,
)
from cm_desktop.core.i18n import Text
from cm_desktop.core.models import Account
from cm_desktop.core.store import Store

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


def _save_account(store: Store, account: Account) -> Account:
    """Insert, or update the same remote account (a reconnection), then wake its parked posts."""
    from datetime import UTC, datetime

    from sqlmodel import col, select

    from cm_desktop.core.outbox import account_reconnected

    with store.session() as session:
        existing = session.exec(
            select(Account).where(
                col(Account.network) == account.network, col(Account.remote_id) == account.remote_id
            )
        ).first()
        if existing is not None:
            for name in ("handle", "display_name", "server_url", "avatar_url", "secret_ref"):
                setattr(existing, name, getattr(account, name))
            existing.status = "ok"
            account = existing
        session.add(account)
        session.commit()
        session.refresh(account)
    assert account.id is not None
    account_reconnected(store, account.id, datetime.now(UTC))
    return account


def add_bluesky(args: argparse.Namespace) -> int:
    from cm_desktop.networks.base import ConnectorError
    from cm_desktop.networks.bluesky import DEFAULT_SERVICE, PLC_DIRECTORY, connect
    from cm_desktop.secrets import Secrets

    lang = cli_language()
    password = os.environ.get(SECRET_ENV) or getpass.getpass(PASSWORD_PROMPT.get(lang))
    if not password.strip():
        raise CommandError(NO_PASSWORD, USAGE)
    secrets = Secrets()
    secrets.check()
    ref = f"account:bluesky:{uuid.uuid4().hex}"
    with opened_store() as (_paths, store):
        try:
            with connect(
                args.handle,
                password,
                secrets=secrets,
                secret_ref=ref,
                service_url=args.service or None,
                plc_url=args.plc_url or PLC_DIRECTORY,
            ) as connector:
                info = connector.verify()
        except ConnectorError as exc:
            secrets.delete(ref)
            explain = getattr(exc, "message", None)
            say(explain(lang) if callable(explain) else str(exc))
            return FAILED
        account = Account(
            network="bluesky",
            handle=info.handle,
            display_name=info.display_name,
            server_url=info.server_url or args.service or DEFAULT_SERVICE,
            remote_id=info.remote_id,
            avatar_url=info.avatar_url,
            secret_ref=ref,
        )
        previous = _previous_ref(store, "bluesky", info.remote_id)
        account = _save_account(store, account)
        if previous and previous != ref:
            secrets.delete(previous)
    say(CONNECTED.get(lang, handle=account.handle, network="Bluesky"))
    emit(account_json(account))
    return OK


def _previous_ref(store: Store, network: str, remote_id: str) -> str:
    from sqlmodel import col, select

    with store.session() as session:
        found = session.exec(
            select(Account).where(col(Account.network) == network, col(Account.remote_id) == remote_id)
        ).first()
        return found.secret_ref if found is not None else ""


def add_mastodon(args: argparse.Namespace) -> int:
    """Sign in through the browser (loopback redirect), or a pasted code on servers before 4.3."""
    import webbrowser

    from cm_desktop.networks.base import ConnectorError
    from cm_desktop.networks.mastodon import (
        MastodonConnector,
        MastodonLogin,
        ServerNameError,
        ensure_app,
        user_message,
    )
    from cm_desktop.secrets import Secrets

    lang = cli_language()
    secrets = Secrets()
    secrets.check()
    ref = f"account:mastodon:{uuid.uuid4().hex}"
    try:
        login = MastodonLogin(args.server)
    except ServerNameError as exc:
        say(exc.message(lang))
        return USAGE
    try:
        with login:
            login.check_server()
            app = ensure_app(login, secrets)
            info = login.discover()
            if login.choose_flow(info, app) == "loopback":
                say(BROWSER_OPENED.get(lang))
                token = login.login_in_browser(app, info, webbrowser.open, lang=lang)
            else:
                attempt = login.start_copy_paste(app, info, lang=lang)
                code = input(PASTE_CODE.get(lang, url=attempt.url))
                token = login.exchange_code(app, info, attempt.finish(code))
        secrets.set(ref, token)
        with MastodonConnector(login.server_url, token) as connector:
            me = connector.verify()
    except ConnectorError as exc:
        secrets.delete(ref)
        say(user_message(exc, lang))
        return FAILED
    account = Account(
        network="mastodon",
        handle=me.handle,
        display_name=me.display_name,
        server_url=me.server_url,
        remote_id=me.remote_id,
        avatar_url=me.avatar_url,
        secret_ref=ref,
    )
    with opened_store() as (_paths, store):
        previous = _previous_ref(store, "mastodon", me.remote_id)
        account = _save_account(store, account)
    if previous and previous != ref:
        secrets.delete(previous)
    say(CONNECTED.get(lang, handle=account.handle, network="Mastodon"))
    emit(account_json(account))
    return OK


def list_accounts(args: argparse.Namespace) -> int:
    from sqlmodel import col, select

    with opened_store() as (_paths, store), store.session() as session:
        accounts = session.exec(select(Account).order_by(col(Account.id))).all()
        rows = [account_json(a) for a in accounts]
    if args.json:
        emit(rows)
    else:
        for row in rows:
            print(f"{row['id']}\t{row['network']}\t{row['handle']}\t{row['status']}")
    return OK


def remove_account(args: argparse.Namespace) -> int:
    """Delete the account and its keychain secret; its unsent posts fail with a reason, history stays."""
    from datetime import UTC, datetime

    from sqlalchemy import update
    from sqlmodel import col

    from cm_desktop.cli_commands.common import UNKNOWN_ACCOUNT
    from cm_desktop.core.models import PostTarget, TargetState
    from cm_desktop.core.outbox.messages import NO_ACCOUNT, UNCLEAR
    from cm_desktop.secrets import Secrets

    lang = cli_language()
    with opened_store() as (_paths, store):
        account = find_account(store, args.account)
        if account is None:
            raise CommandError(UNKNOWN_ACCOUNT, USAGE, account=args.account)
        now = datetime.now(UTC)
        with store.session() as session:
            waiting = [TargetState.SCHEDULED.value, TargetState.DRAFT.value, TargetState.NEEDS_REVIEW.value]
            session.exec(
                update(PostTarget)
                .where(col(PostTarget.account_id) == account.id, col(PostTarget.state).in_(waiting))
                .values(state=TargetState.FAILED.value, last_error_code=NO_ACCOUNT, updated_at=now)
                .execution_options(synchronize_session=False)
            )
            # An unknown outcome can no longer be looked up: the person checks.
            session.exec(
                update(PostTarget)
                .where(
                    col(PostTarget.account_id) == account.id,
                    col(PostTarget.state) == TargetState.SENDING.value,
                )
                .values(state=TargetState.NEEDS_REVIEW.value, last_error_code=UNCLEAR, updated_at=now)
                .execution_options(synchronize_session=False)
            )
            # Published targets keep their history under the network's name.
            session.exec(
                update(PostTarget)
                .where(col(PostTarget.account_id) == account.id)
                .values(account_id=None, network=account.network)
                .execution_options(synchronize_session=False)
            )
            row = session.get(Account, account.id)
            if row is not None:
                session.delete(row)
            session.commit()
    if account.secret_ref:
        Secrets().delete(account.secret_ref)
    say(REMOVED.get(lang, handle=account.handle, network=account.network))
    if args.json:
        emit(account_json(account))
    return OK
