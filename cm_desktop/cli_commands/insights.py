"""`cm-desktop insights sync|posts|accounts`: the Results page's figures without a window (a contract).

- `insights sync [--json]`: read the figures of every connected Bluesky and Mastodon account now;
- `insights posts [--json]`: every published post per network, with `post_id`, `network`, `remote_id`,
  `url`, `likes`, `reposts`, `replies`, `quotes`, `fetched_at` (null figures: never read; never a 0);
- `insights accounts [--json]`: every readable account with `account_id`, `network`, `followers`,
  `following`, `posts` and `history` (a list of `{date, followers}`, one per day).

The background job reads the same figures with `publish-due --results` (`background` below).
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from cm_desktop.cli_commands.common import FAILED, OK, cli_language, emit, opened_store, say


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    insights = commands.add_parser(
        "insights", help="what your posts brought: likes, shares, replies, followers"
    )
    which = insights.add_subparsers(dest="insights_command", required=True)
    for name, words in (
        ("sync", "read the figures of every connected account now"),
        ("posts", "every published post with its latest figures"),
        ("accounts", "followers of every account, day by day"),
    ):
        command = which.add_parser(name, help=words)
        command.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    action = {"sync": sync_command, "posts": posts_command, "accounts": accounts_command}
    return action[args.insights_command](args)


def _counters() -> Any:
    from cm_desktop.cli_commands.common import cli_secrets
    from cm_desktop.services.results import counter_factory

    return counter_factory(cli_secrets())


def sync_command(args: argparse.Namespace) -> int:
    from cm_desktop.core.results import messages as m
    from cm_desktop.core.results.query import business_zone
    from cm_desktop.core.results.sync import readable_now
    from cm_desktop.services.results import sync_results

    lang = cli_language()
    now = datetime.now(UTC)
    with opened_store() as (paths, store):
        zone = business_zone(store)
        run = sync_results(paths, store, _counters(), zone=zone, now=now, accounts=readable_now(store, now))
    if run.busy:
        say(m.BUSY.get(lang))
    report = {
        "busy": run.busy,
        "watched": run.watched,
        "accounts": [r.as_json(lang) for r in run.results],
    }
    for result in run.results:
        if result.error_code:
            say(f"{result.handle}: {result.message(lang, zone)}")
        elif not args.json:
            followers = "—" if result.followers is None else str(result.followers)
            print(
                m.SYNCED.get(
                    lang,
                    handle=result.handle,
                    network=result.network,
                    posts=result.posts_read,
                    followers=followers,
                )
            )
    if args.json:
        emit(report)
    return FAILED if any(r.error_code for r in run.results) else OK


def background(paths: Any, store: Any) -> dict[str, Any] | None:
    """The background job's reading of figures (`publish-due --results`): the accounts whose turn it is, as
    the app's timer reads them, so that the Results page fills in while the app is closed. Never fails the
    publishing."""
    import logging

    from cm_desktop.core.results.query import business_zone
    from cm_desktop.services.results import sync_results

    lang = cli_language()
    try:
        run = sync_results(paths, store, _counters(), zone=business_zone(store), now=datetime.now(UTC))
    except Exception:
        logging.getLogger("cm_desktop.cli").exception("reading the figures")
        return None
    return {"busy": run.busy, "watched": run.watched, "accounts": [r.as_json(lang) for r in run.results]}


def posts_command(args: argparse.Namespace) -> int:
    from cm_desktop.core.results.query import posts_rows

    with opened_store() as (_paths, store):
        rows = posts_rows(store)
    if args.json:
        emit(rows)
        return OK
    for row in rows:
        figures = "\t".join(
            "—" if row[k] is None else str(row[k]) for k in ("likes", "reposts", "replies", "quotes")
        )
        text = " ".join(str(row["text"]).split())[:60]
        mark = " (deleted)" if row["deleted"] else ""
        print(f"{row['post_id']}\t{row['network']}\t{figures}\t{text}{mark}")
    return OK


def accounts_command(args: argparse.Namespace) -> int:
    from cm_desktop.core.results.query import accounts_rows

    with opened_store() as (_paths, store):
        rows = accounts_rows(store, datetime.now(UTC))
    if args.json:
        emit(rows)
        return OK
    for row in rows:
        followers = "—" if row["followers"] is None else row["followers"]
        print(f"{row['account_id']}\t{row['network']}\t{row['handle']}\t{followers}")
    return OK
