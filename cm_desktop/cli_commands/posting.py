"""`cm-desktop post`, `publish-due` and `status`: queue posts, send what is due, show where each one is."""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cm_desktop.cli_commands.common import (
    FAILED,
    OK,
    UNKNOWN_ACCOUNT,
    USAGE,
    CommandError,
    cli_language,
    emit,
    opened_store,
    say,
)
from cm_desktop.core.i18n import Lang, Text

# Dates a person can mean for a post (years 1 and 9999 break time zones and calendar files).
MIN_YEAR, MAX_YEAR = 2000, 2199
BAD_TIME = Text(
    en="“{value}” is not a date and time. Write it like 2026-03-29T09:00 or 2026-03-29T09:00+02:00.",
    fr="« {value} » n'est pas une date et une heure. Écrivez-la comme 2026-03-29T09:00 ou 2026-03-29T09:00+02:00.",
)
ALT_WITHOUT_IMAGE = Text(
    en="There are more --alt texts than --image files: give each picture its own --alt after it.",
    fr="Il y a plus de textes --alt que de fichiers --image : donnez à chaque image son --alt après elle.",
)
EMPTY_POST = Text(
    en="The post is empty: give a --text or at least one --image.",
    fr="La publication est vide : donnez un --text ou au moins une --image.",
)
QUEUED = Text(en="Post {post_id} queued for {when}.", fr="Publication {post_id} programmée pour {when}.")
KEPT_AS_DRAFT = Text(
    en="Post {post_id} kept as a draft: it will not be published.",
    fr="Publication {post_id} gardée en brouillon : elle ne sera pas publiée.",
)
PAST_TIME = Text(
    en=(
        "{when} is already past. Add --late publish to publish it now, or --late skip to keep it as a draft."
    ),
    fr=(
        "{when} est déjà passé. Ajoutez --late publish pour la publier maintenant, ou --late skip pour la "
        "garder en brouillon."
    ),
)
BAD_PICTURE = Text(
    en="The picture “{name}” cannot be used: {reason}",
    fr="L'image « {name} » ne peut pas être utilisée : {reason}",
)
NOT_QUEUED = Text(
    en="Nothing was queued: fix what is above first (the app shows the same under each network).",
    fr="Rien n'a été programmé : corrigez d'abord ce qui est indiqué ci-dessus (l'application montre la même chose sous chaque réseau).",
)
# A time a few seconds old ("now" typed by a script) is not "late".
LATE_GRACE = timedelta(minutes=1)
NO_SUCH_POST = Text(en="There is no post {post_id}.", fr="Il n'y a pas de publication {post_id}.")


def _when(value: str | None, zone: str) -> tuple[datetime, datetime | None, str]:
    """(UTC instant, wall-clock time, zone) for --at; now when absent. A naive time is in the business's zone."""
    from cm_desktop.core.schedule import ScheduleError, to_utc

    if not value:
        return datetime.now(UTC), None, ""
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        if not MIN_YEAR <= parsed.year <= MAX_YEAR:
            raise ValueError("out of range")
        if parsed.tzinfo is not None:
            return parsed.astimezone(UTC), None, ""
    except (ValueError, OverflowError):
        raise CommandError(BAD_TIME, USAGE, value=value[:60]) from None
    try:
        return to_utc(parsed, zone), parsed, zone
    except ScheduleError as exc:  # an unknown zone, or a time skipped by a clock change
        raise CommandError(exc.text, USAGE, **exc.params) from None


def _business_zone(store: Any) -> str:
    from sqlmodel import select

    from cm_desktop.core.models import BusinessProfile

    with store.session() as session:
        profile = session.exec(select(BusinessProfile)).first()
    if profile is not None and profile.time_zone:
        return profile.time_zone
    local = datetime.now().astimezone().tzinfo
    key = getattr(local, "key", None)
    return key if isinstance(key, str) else "UTC"


def _account_ids(store: Any, to: str) -> list[int]:
    from cm_desktop.cli_commands.accounts import find_account

    ids: list[int] = []
    for ref in (part.strip() for part in to.split(",")):
        if not ref:
            continue
        account = find_account(store, ref)
        if account is None or account.id is None:
            raise CommandError(UNKNOWN_ACCOUNT, USAGE, account=ref[:80])
        if account.id not in ids:
            ids.append(account.id)
    if not ids:
        raise CommandError(UNKNOWN_ACCOUNT, USAGE, account=to[:80])
    return ids


def _pictures(paths: Any, images: list[str], alts: list[str], lang: Lang) -> list[Any]:
    """Each --image copied into the data folder, or exit 2 saying which one cannot be used and why."""
    from cm_desktop.core.media import MediaError
    from cm_desktop.core.posts import import_picture

    found = []
    for index, name in enumerate(images):
        source = Path(name).expanduser()
        try:
            found.append(import_picture(source, paths.data, alt=alts[index] if index < len(alts) else ""))
        except MediaError as exc:
            raise CommandError(BAD_PICTURE, USAGE, name=source.name[:80], reason=exc.message(lang)) from None
    return found


def _refuse_blocking(problems: list[Any], lang: Lang) -> None:
    """The checks the composer marks "Must fix": said per network, and nothing is queued (exit 2)."""
    from cm_desktop.core.posts import blocking

    refused = blocking(problems)
    if not refused:
        return
    for problem in refused:
        say(f"{problem.network}: {problem.issue.text(lang)}")
    raise CommandError(NOT_QUEUED, USAGE)


def queue(args: argparse.Namespace) -> int:
    from cm_desktop.core import posts
    from cm_desktop.core.drafts import connected_accounts
    from cm_desktop.core.outbox import targets

    lang = cli_language()
    images: list[str] = args.image or []
    alts: list[str] = args.alt or []
    if len(alts) > len(images):
        raise CommandError(ALT_WITHOUT_IMAGE, USAGE)
    text = sys.stdin.read() if args.text == "-" else args.text or ""
    if not text.strip() and not images:
        raise CommandError(EMPTY_POST, USAGE)
    with opened_store() as (paths, store):
        account_ids = _account_ids(store, args.to)
        now = datetime.now(UTC)
        when, local_time, zone = _when(args.at, _business_zone(store) if args.at else "UTC")
        queue_it = True
        if args.at and when < now - LATE_GRACE:
            # A time already past is never queued silently: it would go out at once, or be asked about.
            if args.late is None:
                raise CommandError(PAST_TIME, USAGE, when=when.strftime("%Y-%m-%d %H:%M UTC"))
            queue_it = args.late == "publish"
            when, local_time, zone = (now, None, "") if queue_it else (when, local_time, zone)
        new = posts.NewPost(
            text=text,
            targets=tuple(posts.NewTarget("", account_id) for account_id in account_ids),
            images=tuple(_pictures(paths, images, alts, lang)),
            local_time=local_time,
            time_zone=zone,
            scheduled_utc=when,
        )
        with store.session() as session:
            # The composer's own checks, per account and with what its server announced.
            new = replace(new, targets=posts.with_networks(session, new.targets))
        limits = {a.id: a.limits for a in connected_accounts(store)}
        _refuse_blocking(posts.check(new, paths.data, paths.renditions, limits), lang)
        with store.session() as session:
            post_id, _ = posts.create(session, new, now, queue=queue_it)
            session.commit()
        rows = [t.as_json(lang) for t in targets(store, post_id)]
    if queue_it:
        say(QUEUED.get(lang, post_id=post_id, when=when.strftime("%Y-%m-%d %H:%M UTC")))
    else:
        say(KEPT_AS_DRAFT.get(lang, post_id=post_id))
    if args.json:
        emit({"post_id": post_id, "scheduled_utc": when.isoformat() if queue_it else None, "targets": rows})
    else:
        print(post_id)
    return OK


def publish_due(args: argparse.Namespace) -> int:
    from cm_desktop.core.outbox import PublisherBusy
    from cm_desktop.core.outbox.messages import PUBLISHER_BUSY
    from cm_desktop.platform.secrets import PassphraseNeeded
    from cm_desktop.services.accounts.server_facts import refresher_for
    from cm_desktop.services.publishing import build_outbox

    lang = cli_language()
    inbox: dict[str, Any] | None = None
    listened: dict[str, Any] | None = None
    results: dict[str, Any] | None = None
    with opened_store() as (paths, store):
        secrets = _keychain_watch(paths)
        outbox = build_outbox(paths, store, secrets=secrets)
        try:
            outcomes = outbox.run()
        except PublisherBusy:
            say(PUBLISHER_BUSY.get(lang))
            outcomes = None
        else:
            refresher_for(store, secrets).refresh_due()  # servers' limits, weekly, once the posts are sent
        if getattr(args, "inbox", False):
            inbox = _read_inbox(paths, store)
        if getattr(args, "watch", False):
            from cm_desktop.cli_commands.watch import background

            listened = background(paths, store)
        if getattr(args, "results", False):
            from cm_desktop.cli_commands.insights import background as read_figures

            results = read_figures(paths, store)
    extra = {
        **({"inbox": inbox} if inbox is not None else {}),
        **({"watch": listened} if listened is not None else {}),
        **({"results": results} if results is not None else {}),
    }
    if outcomes is None:
        if args.json:
            emit({"busy": True, "targets": [], **extra})
        return OK
    rows = [o.as_json(lang) for o in outcomes]
    waiting = isinstance(secrets.failure, PassphraseNeeded)
    if secrets.failure is not None:
        # The outbox keeps such targets waiting without a message of their own: say why (here and in the
        # log), and fail the run, except when only the passphrase is missing: waiting for the person to
        # open the app is the expected state of the background job then, not a failure.
        said = secrets.failure.message(lang)
        say(said)
        logging.getLogger("cm_desktop.cli").warning(
            "publish-due: logins not readable (%s); due posts stay queued", type(secrets.failure).__name__
        )
        for row in rows:
            if row["event"] == "account_unavailable" and not row["error"]:
                row["error"] = said
    if args.json:
        emit({"busy": False, "targets": rows, **extra})
    else:
        for row in rows:
            line = f"{row['post_id']}/{row['target_id']}\t{row['network']}\t{row['state']}\t{row['url']}"
            print(line + (f"\t{row['error']}" if row["error"] else ""))
    failed = (secrets.failure is not None and not waiting) or any(
        o.event in ("failed", "error") for o in outcomes
    )
    return FAILED if failed else OK


def _keychain_watch(paths: Any) -> Any:
    """The keychain as the outbox uses it (where the person keeps logins: the system keychain or the
    encrypted file), remembering the first failure (locked, missing, unloadable, passphrase not given)."""
    from cm_desktop.cli_commands.common import cli_login_backend
    from cm_desktop.platform.secrets import SecretError, Secrets

    class Watch(Secrets):
        failure: SecretError | None = None

        def get(self, ref: str) -> str | None:
            try:
                return super().get(ref)
            except SecretError as exc:
                self.failure = self.failure or exc
                raise

    return Watch(cli_login_backend(paths, tell=False))


def _read_inbox(paths: Any, store: Any) -> dict[str, Any] | None:
    """The background job's reading of new messages (`publish-due --inbox`): never fails the publishing."""
    import logging

    from cm_desktop.cli_commands.inbox import BACKGROUND_INTERVAL, sync_results

    try:
        return sync_results(paths, store, interval=BACKGROUND_INTERVAL)
    except Exception:
        logging.getLogger("cm_desktop.cli").exception("reading the inbox")
        return None


def status(args: argparse.Namespace) -> int:
    from cm_desktop.core.outbox import targets

    lang = cli_language()
    with opened_store() as (_paths, store):
        rows = targets(store, args.post_id)
    if args.post_id is not None and not rows:
        raise CommandError(NO_SUCH_POST, FAILED, post_id=args.post_id)
    out = [
        {
            "post_id": o.post_id,
            "target_id": o.target_id,
            "account_id": o.account_id,
            "network": o.network,
            "state": o.state,
            "remote_id": o.remote_id,
            "url": o.url,
            "error_code": o.error_code,
            "error": o.message(lang),
        }
        for o in rows
    ]
    if args.json:
        emit(out)
    else:
        for row in out:
            print(f"{row['post_id']}/{row['target_id']}\t{row['network']}\t{row['state']}\t{row['url']}")
    return OK
