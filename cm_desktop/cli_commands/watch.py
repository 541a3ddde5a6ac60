"""`cm-desktop watch add|list|run|remove`: listening without a window, on the same core (a contract).

- `watch add QUERY [--account ID] [--json]`: save a search (the account may be left out when only one can
  search); words, "an exact phrase", #hashtag, @handle;
- `watch list [--json]`: the saved searches, with how they last went;
- `watch run [--json]`: run the searches that are due (each at most once per 15 minutes), then list what was
  found: `id`, `watch_id`, `network`, `author`, `text`, `url`, `remote_id`, `created_at`, `new` (found by
  this run) and more;
- `watch remove ID`: remove a search and what it found.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
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
from cm_desktop.core.i18n import Lang, Text

ADDED = Text(
    en="Saved search {watch}: “{query}” with {account} ({network}). It runs at the next round.",
    fr="Recherche {watch} enregistrée : « {query} » avec {account} ({network}). Elle sera faite au prochain tour.",
)
REMOVED = Text(
    en="Search {watch} removed, with the {count} posts only it had found.",
    fr="Recherche {watch} retirée, avec les {count} publications qu'elle seule avait trouvées.",
)
FOUND = Text(en="{count} new posts found.", fr="{count} nouvelle(s) publication(s) trouvée(s).")
NONE_YET = Text(
    en='No saved search yet. Add one with `cm-desktop watch add "florist Lyon"`.',
    fr='Aucune recherche enregistrée. Ajoutez-en une avec `cm-desktop watch add "fleuriste Lyon"`.',
)


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser], row_id: Any) -> None:
    watch = commands.add_parser(
        "watch", help="saved searches: what people say about your trade and your town"
    )
    which = watch.add_subparsers(dest="watch_command", required=True)
    add = which.add_parser("add", help='save a search: words, "an exact phrase", #hashtag, @handle')
    add.add_argument("query", help='what to listen for, for example: "fleuriste Lyon" or #fleurs')
    add.add_argument("--account", default=None, help="the account that searches (id or handle)")
    add.add_argument("--json", action="store_true", help="print JSON")
    listing = which.add_parser("list", help="the saved searches")
    listing.add_argument("--json", action="store_true", help="print JSON")
    run = which.add_parser("run", help="run the searches that are due, then list what they found")
    run.add_argument("--json", action="store_true", help="print JSON")
    remove = which.add_parser("remove", help="remove a saved search")
    remove.add_argument("watch", type=row_id, help="the search's number (see `watch list`)")
    remove.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    action = {"add": add_command, "list": list_command, "run": run_command, "remove": remove_command}
    return action[args.watch_command](args)


def _bad(exc: Any) -> CommandError:
    return CommandError(Text(en=exc.message("en"), fr=exc.message("fr")), USAGE)


def add_command(args: argparse.Namespace) -> int:
    from cm_desktop.core.listening import watches
    from cm_desktop.core.listening.query import BadSearch
    from cm_desktop.core.networks import name_of

    lang = cli_language()
    with opened_store() as (_paths, store):
        try:
            account = watches.choose_account(store, args.account)
            assert account.id is not None
            watch = watches.add(store, account.id, args.query, datetime.now(UTC))
        except BadSearch as exc:
            raise _bad(exc) from None
    say(
        ADDED.get(
            lang, watch=watch.id, query=watch.query, account=account.handle, network=name_of(account.network)
        )
    )
    if args.json:
        emit(
            {
                "id": watch.id,
                "account_id": watch.account_id,
                "network": account.network,
                "query": watch.query,
                "paused": watch.paused,
            }
        )
    else:
        print(watch.id)
    return OK


def watch_json(view: Any, lang: Lang) -> dict[str, Any]:
    from cm_desktop.core.listening.messages import run_message
    from cm_desktop.core.listening.run import limited_note

    when = view.next_run_at.strftime("%H:%M UTC") if view.next_run_at is not None else ""
    return {
        "id": view.id,
        "account_id": view.account_id,
        "network": view.network,
        "account": view.handle,
        "query": view.query,
        "paused": view.paused,
        "last_run_at": view.last_run_at.isoformat() if view.last_run_at is not None else None,
        "next_run_at": view.next_run_at.isoformat() if view.next_run_at is not None else None,
        "error_code": view.error_code,
        "error": run_message(view.error_code, view.network, lang, reason=view.error, when=when),
        "note": limited_note(view.limited, view.network, view.query, lang),
        "found": view.found,
        "new": view.new,
    }


def list_command(args: argparse.Namespace) -> int:
    from cm_desktop.core.listening.watches import list_watches

    lang = cli_language()
    with opened_store() as (_paths, store):
        views = list_watches(store)
    rows = [watch_json(v, lang) for v in views]
    if args.json:
        emit(rows)
        return OK
    if not rows:
        say(NONE_YET.get(lang))
    for row in rows:
        state = "paused" if row["paused"] else row["error_code"] or "ok"
        print(
            f"{row['id']}\t{row['network']}\t{row['account']}\t{state}\t{row['new']}/{row['found']}\t{row['query']}"
        )
    return OK


def run_results(paths: Any, store: Any) -> tuple[Any, list[dict[str, Any]]]:
    """Run what is due with connectors of its own; (the run, every kept result as JSON with `new`)."""
    from cm_desktop.cli_commands.common import cli_secrets
    from cm_desktop.core.listening.board import results
    from cm_desktop.services.listening import listen, own_searchers

    listened = listen(paths, store, own_searchers(cli_secrets(paths)))
    new = set(listened.added)
    return listened, [r.as_json(new=r.id in new) for r in results(store, limit=None)]


def run_command(args: argparse.Namespace) -> int:
    from cm_desktop.core.listening.messages import BUSY

    lang = cli_language()
    with opened_store() as (paths, store):
        listened, rows = run_results(paths, store)
    if listened.busy:
        say(BUSY.get(lang))
    for each in listened.runs:
        if each.error_code:
            say(f"“{each.query}” ({each.handle}): {each.message(lang)}")
        elif each.limited:
            say(f"“{each.query}” ({each.handle}): {each.note(lang)}")
    if args.json:
        emit(rows)
    else:
        for row in rows:
            if row["new"]:
                text = " ".join(row["text"].split())[:80]
                print(f"{row['id']}\t{row['network']}\t{row['author']}\t{text}\t{row['url']}")
        say(FOUND.get(lang, count=sum(1 for r in rows if r["new"])))
    return FAILED if any(r.error_code for r in listened.runs) else OK


def remove_command(args: argparse.Namespace) -> int:
    from cm_desktop.core.listening import watches
    from cm_desktop.core.listening.query import BadSearch

    lang = cli_language()
    with opened_store() as (_paths, store):
        try:
            count = watches.remove(store, args.watch)
        except BadSearch as exc:
            raise CommandError(Text(en=exc.message("en"), fr=exc.message("fr")), FAILED) from None
    say(REMOVED.get(lang, watch=args.watch, count=count))
    if args.json:
        emit({"id": args.watch, "removed_results": count})
    return OK


def background(paths: Any, store: Any) -> dict[str, Any] | None:
    """The background job's listening (`publish-due --watch`): never fails the publishing."""
    import logging

    lang = cli_language()
    try:
        listened, _rows = run_results(paths, store)
    except Exception:
        logging.getLogger("cm_desktop.cli").exception("listening")
        return None
    return {
        "busy": listened.busy,
        "added": len(listened.added),
        "searches": [r.as_json(lang) for r in listened.runs],
    }
