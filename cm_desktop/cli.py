"""The command line: `cm-desktop` opens the app; subcommands work headless on the same core.

Parsing imports nothing heavy: each command imports what it needs when it runs.
Exit codes: 0 success, 1 something failed (with a message on stderr), 2 bad usage. JSON goes to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

from cm_desktop import __version__
from cm_desktop.core.i18n import Lang, Text, normalise_lang

SEVERITY_LABELS = {
    "blocks": Text(en="blocks publishing", fr="empêche la publication"),
    "warning": Text(en="warning", fr="attention"),
    "tip": Text(en="tip", fr="conseil"),
}


def _row_id(value: str) -> int:
    """A row id as SQLite can hold it (a 30-digit number is a typing error, not a crash)."""
    number = int(value)
    if not 0 < number < 2**63:
        raise argparse.ArgumentTypeError(f"{value[:30]} is not a post number")
    return number


def _cli_language() -> Lang:
    return normalise_lang(os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cm-desktop",
        description="CM Desktop: plan, write and publish your posts on social networks.",
    )
    parser.add_argument("--version", action="version", version=f"cm-desktop {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="start headless, check every part, print JSON, exit 0 or 1"
    )
    commands = parser.add_subparsers(dest="command")
    check = commands.add_parser("check", help="check a text against a network's rules")
    check.add_argument("--network", required=True, help="mastodon, bluesky, x, facebook, instagram, ...")
    check.add_argument("--json", action="store_true", help="print JSON")
    check.add_argument("--lang", choices=["en", "fr"], help="language of the messages")
    check.add_argument(
        "--image",
        action="append",
        default=[],
        help="a picture, judged as it will be sent (repeat for several)",
    )
    check.add_argument("--alt", action="append", default=[], help="the description of the picture before it")
    check.add_argument("text", help="the text of the post ('-' reads it from standard input)")
    _add_publishing_commands(commands)
    return parser


def _add_publishing_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    accounts = commands.add_parser("accounts", help="connect, list and remove accounts")
    which = accounts.add_subparsers(dest="accounts_command", required=True)
    add = which.add_parser("add", help="connect an account")
    networks = add.add_subparsers(dest="network", required=True)
    bluesky = networks.add_parser("bluesky", help="with a handle and an app password (CM_DESKTOP_SECRET)")
    bluesky.add_argument("--handle", required=True, help="for example name.bsky.social")
    bluesky.add_argument("--service", default="", help="your own server's address (self-hosted PDS)")
    bluesky.add_argument("--plc-url", default="", help=argparse.SUPPRESS)  # test networks' DID directory
    mastodon = networks.add_parser("mastodon", help="sign in through the browser")
    mastodon.add_argument("--server", required=True, help="for example mastodon.social")
    listing = which.add_parser("list", help="list connected accounts")
    listing.add_argument("--json", action="store_true", help="print JSON")
    remove = which.add_parser("remove", help="remove an account and its login from the keychain")
    remove.add_argument("account", help="the account's id or handle")
    remove.add_argument("--json", action="store_true", help="print JSON")

    post = commands.add_parser("post", help="queue a post for one or more accounts")
    post.add_argument("--to", required=True, help="ACCOUNT[,ACCOUNT]: ids or handles")
    post.add_argument("--text", default="", help="the text of the post ('-' reads it from standard input)")
    post.add_argument("--image", action="append", help="a picture (repeat for several)")
    post.add_argument("--alt", action="append", help="the description of the picture before it")
    post.add_argument(
        "--at", help="when, ISO 8601 (a time without offset is in your time zone); now if absent"
    )
    post.add_argument(
        "--late",
        choices=["publish", "skip"],
        help="when --at is already past: publish now, or keep the post as a draft",
    )
    post.add_argument("--json", action="store_true", help="print JSON")

    due = commands.add_parser("publish-due", help="send what is due now")
    due.add_argument("--json", action="store_true", help="print JSON")

    due.add_argument(
        "--inbox", action="store_true", help="then read new messages too (what the background job runs)"
    )
    due.add_argument(
        "--watch", action="store_true", help="then run the saved searches that are due (the background job)"
    )
    due.add_argument(
        "--results",
        action="store_true",
        help="then read the figures of posts and followers that are due (the background job)",
    )
    _add_inbox_commands(commands)
    from cm_desktop.cli_commands import watch

    watch.add_parser(commands, _row_id)

    from cm_desktop.cli_commands import insights

    insights.add_parser(commands)

    status = commands.add_parser("status", help="where each post stands")
    status.add_argument("post_id", nargs="?", type=_row_id, help="one post (all when absent)")
    status.add_argument("--json", action="store_true", help="print JSON")

    from cm_desktop.cli_commands import data

    data.add_parser(commands)


def _add_inbox_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    inbox = commands.add_parser("inbox", help="replies, mentions and new followers of your accounts")
    which = inbox.add_subparsers(dest="inbox_command", required=True)
    sync = which.add_parser("sync", help="read what is new on every connected account")
    sync.add_argument("--json", action="store_true", help="print JSON")
    listing = which.add_parser("list", help="every message, newest first")
    listing.add_argument("--unread", action="store_true", help="only what is not read yet")
    listing.add_argument("--json", action="store_true", help="print JSON")
    reply = which.add_parser("reply", help="queue an answer to a message")
    reply.add_argument("item", type=_row_id, help="the message's number (see `inbox list`)")
    reply.add_argument("--text", required=True, help="the answer ('-' reads it from standard input)")
    reply.add_argument("--json", action="store_true", help="print JSON")
    read = which.add_parser("read", help="mark messages read, here and on the network")
    read.add_argument("items", nargs="*", type=_row_id, help="the messages' numbers")
    read.add_argument("--all", action="store_true", help="every message")
    read.add_argument("--json", action="store_true", help="print JSON")


def _run_check(args: argparse.Namespace) -> int:
    from cm_desktop.core import networks, rules

    lang: Lang = args.lang or _cli_language()
    if not networks.known(args.network):
        print(
            f"cm-desktop: unknown network '{args.network}'. Choose one of: {', '.join(networks.ids())}",
            file=sys.stderr,
        )
        return 2
    text = sys.stdin.read() if args.text == "-" else args.text
    report = rules.check_report(args.network, text, lang)
    if args.image:
        report = _with_pictures(report, args, text, lang)
    if args.json:
        print(json.dumps(report, ensure_ascii=False))
    else:
        status = "OK" if report["ok"] else "!!"
        print(f"{status} {report['network']}: {report['count']}/{report['limit']}")
        for issue in report["issues"]:
            label = SEVERITY_LABELS.get(issue["severity"])
            print(f"- [{label.get(lang) if label else issue['severity']}] {issue['message']}")
    return 0 if report["ok"] else 1


def _with_pictures(
    report: dict[str, object], args: argparse.Namespace, text: str, lang: Lang
) -> dict[str, object]:
    """The same checks as the composer's with the pictures: each judged by what the pipeline sends (a
    phone photo too heavy for Bluesky is resized, a note; a damaged file blocks)."""
    from pathlib import Path

    from cm_desktop.core import posts
    from cm_desktop.core.rules import Severity
    from cm_desktop.platform.paths import default_paths

    alts = list(args.alt) + [""] * (len(args.image) - len(args.alt))
    pictures = [(Path(p), alt) for p, alt in zip(args.image, alts, strict=False)]
    issues = posts.check_files(args.network, text, pictures, default_paths().renditions)
    counts = report["count"], report["limit"], report.get("bytes", 0), report.get("max_bytes", 0)
    count, limit, size, max_bytes = (int(str(v)) for v in counts)
    measured_ok = count <= limit and (not max_bytes or size <= max_bytes)
    return {
        **report,
        "ok": measured_ok and not any(i.severity is Severity.BLOCKS for i in issues),
        "issues": [i.to_json(lang) for i in issues],
    }


def _run_publishing(args: argparse.Namespace) -> int:
    from cm_desktop.cli_commands import accounts, data, posting
    from cm_desktop.cli_commands.common import run_command, start_logging

    start_logging()
    if args.command == "data":
        return run_command(data.run, args)
    if args.command == "inbox":
        from cm_desktop.cli_commands import inbox

        return run_command(inbox.run, args)
    if args.command == "watch":
        from cm_desktop.cli_commands import watch

        return run_command(watch.run, args)

    if args.command == "insights":
        from cm_desktop.cli_commands import insights

        return run_command(insights.run, args)
    if args.command == "accounts":
        if args.accounts_command == "add":
            action = accounts.add_bluesky if args.network == "bluesky" else accounts.add_mastodon
        elif args.accounts_command == "list":
            action = accounts.list_accounts
        else:
            action = accounts.remove_account
    else:
        action = {"post": posting.queue, "publish-due": posting.publish_due, "status": posting.status}[
            args.command
        ]
    return run_command(action, args)


def main(argv: list[str] | None = None, started: float | None = None) -> int:
    started = started if started is not None else time.perf_counter()
    arguments = sys.argv[1:] if argv is None else argv
    if not arguments:
        # The menu entry and the desktop icon: the window, without building every command's parser first.
        return _run_window(started)
    args = build_parser().parse_args(arguments)
    if args.self_test:
        from cm_desktop.ui.selftest import run_self_test

        return run_self_test(started)
    if args.command == "check":
        return _run_check(args)
    if args.command in ("accounts", "post", "publish-due", "status", "data", "inbox", "watch", "insights"):
        return _run_publishing(args)
    return _run_window(started)


def _run_window(started: float) -> int:
    from cm_desktop.platform.paths import default_paths

    paths = default_paths()
    from cm_desktop.ui.app import run_app

    return run_app(paths, started)
