"""`cm-desktop inbox sync|list|reply|read`: the Messages page without a window, on the same core.

- `inbox sync [--json]`: read what is new on every connected Bluesky and Mastodon account;
- `inbox list [--unread] [--json]`: every item, newest first;
- `inbox reply ITEM_ID --text TEXT [--json]`: queue an answer (sent by `publish-due` or the app);
- `inbox read (ITEM_ID... | --all) [--json]`: read here, and told to the network.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, timedelta
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

QUEUED = Text(
    en="Answer to message {item} queued: it will be sent by the app or `cm-desktop publish-due`.",
    fr="Réponse au message {item} programmée : elle sera envoyée par l'application ou `cm-desktop publish-due`.",
)
SYNCED = Text(en="{handle} ({network}): {added} new.", fr="{handle} ({network}) : {added} nouveau(x).")
NOT_TOLD = Text(
    en="Marked read here; {network} will be told at the next sync ({reason}).",
    fr="Marqué comme lu ici ; {network} en sera informé à la prochaine synchronisation ({reason}).",
)
NOTHING_GIVEN = Text(
    en="Give the numbers of the messages to mark read, or --all.",
    fr="Donnez les numéros des messages à marquer comme lus, ou --all.",
)
# The background job's inbox reading: a little under its 5-minute period, so that every run reads.
BACKGROUND_INTERVAL = timedelta(minutes=4)


def run(args: argparse.Namespace) -> int:
    action = {"sync": sync_command, "list": list_command, "reply": reply_command, "read": read_command}
    return action[args.inbox_command](args)


def _readers() -> Any:
    from cm_desktop.cli_commands.common import cli_secrets
    from cm_desktop.services.inbox import reader_factory

    return reader_factory(cli_secrets())


def sync_results(paths: Any, store: Any, *, interval: timedelta | None) -> dict[str, Any]:
    """Read the accounts (with `interval`: those not read within it, as the background job does; without:
    every account, also one resting after an error, but not one a server asked to wait), JSON-ready."""
    from cm_desktop.core.inbox import sync
    from cm_desktop.services.inbox import sync_inbox

    lang = cli_language()
    now = datetime.now(UTC)
    accounts = None
    if interval is None:
        accounts = [
            a
            for a in sync.readable_accounts(store)
            if a.status != "needs_reconnect" and not _told_to_wait(store, a.id, now)
        ]
    run = sync_inbox(paths, store, _readers(), interval=interval, now=now, accounts=accounts)
    return {
        "busy": run.busy,
        "added": sum(r.added for r in run.results),
        "accounts": [r.as_json(lang) for r in run.results],
    }


def _told_to_wait(store: Any, account_id: int | None, now: datetime) -> bool:
    from cm_desktop.core.models import InboxSync
    from cm_desktop.core.models import stored_utc as aware

    with store.session() as session:
        state = session.get(InboxSync, account_id)
    if state is None or state.last_error_code != "rate_limited":
        return False
    until = aware(state.next_sync_at)
    return until is not None and until > now


def sync_command(args: argparse.Namespace) -> int:
    from cm_desktop.core.inbox.messages import BUSY

    lang = cli_language()
    with opened_store() as (paths, store):
        report = sync_results(paths, store, interval=None)
    if report["busy"]:
        say(BUSY.get(lang))
    for account in report["accounts"]:
        if account["error"]:
            say(f"{account['handle']}: {account['error']}")
        elif not args.json:
            print(
                SYNCED.get(lang, handle=account["handle"], network=account["network"], added=account["added"])
            )
    if args.json:
        emit(report)
    return FAILED if any(a["error_code"] for a in report["accounts"]) else OK


def list_command(args: argparse.Namespace) -> int:
    from cm_desktop.core.inbox.query import list_items

    with opened_store() as (_paths, store):
        items = list_items(store, unread_only=args.unread)
    if args.json:
        emit([item.as_json() for item in items])
        return OK
    for item in items:
        mark = " " if item.read else "*"
        text = " ".join(item.text.split())[:80]
        print(f"{mark}{item.id}\t{item.network}\t{item.kind}\t{item.author_handle}\t{text}")
    return OK


def reply_command(args: argparse.Namespace) -> int:
    from cm_desktop.core.inbox.answers import AnswerRefused, queue_answer

    lang = cli_language()
    text = sys.stdin.read() if args.text == "-" else args.text
    with opened_store() as (paths, store):
        try:
            queued = queue_answer(
                store,
                args.item,
                text,
                datetime.now(UTC),
                data_dir=paths.data,
                renditions_dir=paths.renditions,
                lang=lang,
            )
        except AnswerRefused as exc:
            for issue in exc.issues:
                say(issue)
            said = Text(en=exc.message("en"), fr=exc.message("fr"))
            raise CommandError(said, USAGE) from None
    say(QUEUED.get(lang, item=queued.item_id))
    if args.json:
        emit(
            {
                "item_id": queued.item_id,
                "post_id": queued.post_id,
                "target_id": queued.target_id,
                "text": queued.text,
                "state": "scheduled",
            }
        )
    else:
        print(queued.post_id)
    return OK


def read_command(args: argparse.Namespace) -> int:
    from cm_desktop.core.inbox.answers import mark_read
    from cm_desktop.core.networks import name_of as network_name
    from cm_desktop.services.inbox import push_seen

    lang = cli_language()
    if not args.all and not args.items:
        raise CommandError(NOTHING_GIVEN, USAGE)
    with opened_store() as (_paths, store):
        accounts = mark_read(store, None if args.all else args.items)
        if args.all:
            from cm_desktop.core.inbox.sync import readable_accounts

            accounts = sorted({a.id for a in readable_accounts(store) if a.id is not None})
        failed = push_seen(store, accounts, _readers())
        networks = {a.id: a.network for a in _accounts(store)}
    for account_id, reason in failed.items():
        say(NOT_TOLD.get(lang, network=network_name(networks.get(account_id, "")), reason=reason))
    if args.json:
        emit({"accounts": accounts, "not_told": sorted(failed)})
    return OK


def _accounts(store: Any) -> list[Any]:
    from cm_desktop.core.inbox.sync import readable_accounts

    return readable_accounts(store)
