"""`cm-desktop data`: the backups, and the choices after a damaged store was set aside (as the app offers them).

data backups                 list the backups, newest first
data restore [BACKUP]        put a backup (the newest when absent) in place of the data
data start-fresh             after damage: start again with empty data (the damaged copy stays on disk)
data export-damaged FILE     after damage: save what can still be read as a CSV the calendar imports
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cm_desktop.cli_commands.common import FAILED, OK, USAGE, CommandError, cli_language, emit, say
from cm_desktop.core.i18n import Text
from cm_desktop.platform.paths import default_paths

NO_BACKUP = Text(en="There is no backup yet.", fr="Il n'y a encore aucune sauvegarde.")
UNKNOWN_BACKUP = Text(
    en="No backup is called “{name}”. See `cm-desktop data backups`.",
    fr="Aucune sauvegarde ne s'appelle « {name} ». Voir `cm-desktop data backups`.",
)
RESTORED = Text(
    en="Your data was restored from the backup of {when}.",
    fr="Vos données ont été restaurées depuis la sauvegarde du {when}.",
)
NOTHING_SET_ASIDE = Text(
    en="Your data file is not damaged: there is nothing to choose.",
    fr="Votre fichier de données n'est pas endommagé : il n'y a rien à choisir.",
)
STARTED_FRESH = Text(
    en="CM Desktop starts again with empty data. The damaged file was kept: {file}",
    fr="CM Desktop repart avec des données vides. Le fichier endommagé a été gardé : {file}",
)


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    data = commands.add_parser("data", help="backups, and what to do after your data file was damaged")
    which = data.add_subparsers(dest="data_command", required=True)
    backups = which.add_parser("backups", help="list the backups, newest first")
    backups.add_argument("--json", action="store_true", help="print JSON")
    restore = which.add_parser("restore", help="put a backup in place of your data")
    restore.add_argument("backup", nargs="?", help="a backup's name (the newest when absent)")
    which.add_parser("start-fresh", help="after damage: start again with empty data")
    export = which.add_parser("export-damaged", help="after damage: save what can be read as a CSV")
    export.add_argument("file", help="the CSV file to write")


def run(args: argparse.Namespace) -> int:
    return {
        "backups": list_backups_command,
        "restore": restore_command,
        "start-fresh": start_fresh_command,
        "export-damaged": export_damaged_command,
    }[args.data_command](args)


def list_backups_command(args: argparse.Namespace) -> int:
    from cm_desktop.core.store import backup_info, list_backups

    paths = default_paths()
    infos = [i for i in map(backup_info, list_backups(paths.backups)) if i is not None]
    rows = [
        {"name": i.path.name, "made": i.made.isoformat(timespec="seconds"), "kind": i.label, "bytes": i.size}
        for i in infos
    ]
    if args.json:
        emit(rows)
    else:
        for row in rows:
            print(f"{row['name']}\t{row['made']}\t{row['kind']}\t{row['bytes']}")
    return OK


def restore_command(args: argparse.Namespace) -> int:
    from cm_desktop.core.store import backup_info, list_backups, restore_backup

    paths = default_paths()
    backups = list_backups(paths.backups)
    if not backups:
        raise CommandError(NO_BACKUP, FAILED)
    chosen = backups[0]
    if args.backup:
        found = [b for b in backups if b.name == Path(args.backup).name]
        if not found:
            raise CommandError(UNKNOWN_BACKUP, USAGE, name=args.backup)
        chosen = found[0]
    restore_backup(chosen, paths.database, paths.backups)
    info = backup_info(chosen)
    say(RESTORED.get(cli_language(), when=info.made.strftime("%Y-%m-%d %H:%M") if info else chosen.name))
    return OK


def start_fresh_command(_args: argparse.Namespace) -> int:
    from cm_desktop.core.store import set_aside_copy, start_fresh

    paths = default_paths()
    damaged = set_aside_copy(paths.database)
    if damaged is None:
        raise CommandError(NOTHING_SET_ASIDE, FAILED)
    start_fresh(paths.database)
    say(STARTED_FRESH.get(cli_language(), file=str(damaged)))
    return OK


def export_damaged_command(args: argparse.Namespace) -> int:
    from cm_desktop.core.salvage import NOTHING_READABLE, SAVED, read_damaged
    from cm_desktop.core.store import set_aside_copy

    paths = default_paths()
    damaged = set_aside_copy(paths.database)
    if damaged is None:
        raise CommandError(NOTHING_SET_ASIDE, FAILED)
    found = read_damaged(damaged, _zone())
    if not found.posts:
        raise CommandError(NOTHING_READABLE, FAILED)
    target = Path(args.file).expanduser()
    try:
        target.write_bytes(found.csv())
    except OSError as exc:
        from cm_desktop.core.store import known_error

        known = known_error(exc)
        if known is None:
            raise
        raise CommandError(known.text, FAILED) from None
    say(SAVED.get(cli_language(), count=len(found.posts), file=str(target)))
    return OK


def _zone() -> str:
    from datetime import datetime

    key = getattr(datetime.now().astimezone().tzinfo, "key", None)
    return key if isinstance(key, str) else "UTC"
