"""`cm-desktop post`, `publish-due` and `status`: queue posts, send what is due, show where each one is."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
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
from cm_desktop.core.i18n import Text

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
NO_SUCH_POST = Text(en="There is no post {post_id}.", fr="Il n'y a pas de publication {post_id}.")


def _when(value: str | None, zone: str) -> tuple[datetime, datetime | None, str]:
    """(UTC instant, wall-clock time, zone) for --at; now when absent. A naive time is in the business's zone."""
    from cm_desktop.core.schedule import ScheduleError, to_utc

    if not value:
        return datetime.now(UTC), None, ""
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise CommandError(BAD_TIME, USAGE, value=value) from None
    if parsed.tzinfo is not None:
        return parsed.astimezone(UTC), None, ""
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


def queue(args: argparse.Namespace) -> int:
    from cm_desktop.cli_commands.accounts import find_account
    from cm_desktop.core.media import MediaError, import_original, inspect
    from cm_desktop.core.outbox import NewImage, queue_post

    lang = cli_language()
    images: list[str] = args.image or []
    alts: list[str] = args.alt or []
    if len(alts) > len(images):
        raise CommandError(ALT_WITHOUT_IMAGE, USAGE)
    if not (args.text or "").strip() and not images:
        raise CommandError(EMPTY_POST, USAGE)
    with opened_store() as (paths, store):
        account_ids: list[int] = []
        for ref in (part.strip() for part in args.to.split(",")):
            if not ref:
                continue
            account = find_account(store, ref)
            if account is None or account.id is None:
                raise CommandError(UNKNOWN_ACCOUNT, USAGE, account=ref)
            if account.id not in account_ids:
                account_ids.append(account.id)
        if not account_ids:
            raise CommandError(UNKNOWN_ACCOUNT, USAGE, account=args.to)
        when, local_time, zone = _when(args.at, _business_zone(store) if args.at else "UTC")
        new_images: list[NewImage] = []
        for index, name in enumerate(images):
            source = Path(name).expanduser()
            try:
                facts = inspect(source)
                stored, sha256 = import_original(source, paths.media)
            except MediaError as exc:
                say(f"{source.name}: {exc.message(lang)}")
                return FAILED
            new_images.append(
                NewImage(
                    stored_path=str(stored.relative_to(paths.data)),
                    sha256=sha256,
                    mime_type=facts.mime_type,
                    width=facts.width,
                    height=facts.height,
                    alt_text=alts[index] if index < len(alts) else "",
                )
            )
        post_id, _target_ids = queue_post(
            store,
            text=args.text or "",
            account_ids=account_ids,
            when_utc=when,
            local_time=local_time,
            time_zone=zone,
            images=new_images,
        )
        from cm_desktop.core.outbox import targets

        rows = [t.as_json(lang) for t in targets(store, post_id)]
    say(QUEUED.get(lang, post_id=post_id, when=when.strftime("%Y-%m-%d %H:%M UTC")))
    if args.json:
        emit({"post_id": post_id, "scheduled_utc": when.isoformat(), "targets": rows})
    else:
        print(post_id)
    return OK


def publish_due(args: argparse.Namespace) -> int:
    from cm_desktop.core.outbox import PublisherBusy
    from cm_desktop.core.outbox.messages import PUBLISHER_BUSY
    from cm_desktop.services.publishing import build_outbox

    lang = cli_language()
    secrets = _keychain_watch()
    with opened_store() as (paths, store):
        outbox = build_outbox(paths, store, secrets=secrets)
        try:
            outcomes = outbox.run()
        except PublisherBusy:
            say(PUBLISHER_BUSY.get(lang))
            if args.json:
                emit({"busy": True, "targets": []})
            return OK
    rows = [o.as_json(lang) for o in outcomes]
    if secrets.failure is not None:
        # The outbox keeps such targets waiting without a message of their own: say why, and fail the run.
        said = secrets.failure.message(lang)
        say(said)
        for row in rows:
            if row["event"] == "account_unavailable" and not row["error"]:
                row["error"] = said
    if args.json:
        emit({"busy": False, "targets": rows})
    else:
        for row in rows:
            line = f"{row['post_id']}/{row['target_id']}\t{row['network']}\t{row['state']}\t{row['url']}"
            print(line + (f"\t{row['error']}" if row["error"] else ""))
    failed = secrets.failure is not None or any(o.event in ("failed", "error") for o in outcomes)
    return FAILED if failed else OK


def _keychain_watch() -> Any:
    """The keychain as the outbox uses it, remembering the first failure (locked, missing, unloadable)."""
    from cm_desktop.platform.secrets import SecretError, Secrets

    class Watch(Secrets):
        failure: SecretError | None = None

        def get(self, ref: str) -> str | None:
            try:
                return super().get(ref)
            except SecretError as exc:
                self.failure = self.failure or exc
                raise

    return Watch()


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
