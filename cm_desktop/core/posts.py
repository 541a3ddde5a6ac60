"""The one way a post is created (composer, `cm-desktop post`, CSV import, answers from the inbox), with its
pictures, and the checks every one of them passes before it may be queued.

Pictures are always our own copies inside the data folder (media.import_original), and the store keeps
their path *relative* to that folder (`stored_path`), so a data folder moved to another computer or
reopened by another face of the app (the composer after the CLI) finds them. `absolute` reads both the
relative form and the absolute paths older versions wrote.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from sqlmodel import Session

from cm_desktop.core.i18n import Text
from cm_desktop.core.models import Account, Media, Post, PostReply, PostTarget, TargetState
from cm_desktop.core.ports import ReplyTo

if TYPE_CHECKING:
    from cm_desktop.core.media import MediaError, Rendition
    from cm_desktop.core.media.spec import RenditionSpec
    from cm_desktop.core.ports import ServerLimits
    from cm_desktop.core.rules import ImageFacts, Issue


@dataclass(frozen=True)
class PostImage:
    """A picture of a post, already copied into the data folder (see `import_picture`)."""

    stored_path: str  # relative to the data folder, with forward slashes
    sha256: str
    mime_type: str = ""
    width: int = 0
    height: int = 0
    alt: str = ""
    focal: tuple[float, float] = (0.5, 0.5)


@dataclass(frozen=True)
class NewTarget:
    """Where a post goes: a connected account, or a network published by hand (account_id None). An
    account's network may be left "": it is read from the account."""

    network: str
    account_id: int | None = None
    text_override: str | None = None


@dataclass(frozen=True)
class NewPost:
    text: str
    targets: tuple[NewTarget, ...]
    images: tuple[PostImage, ...] = ()
    # When: the wall-clock time in its zone, and the instant it stands for (None: a draft with no date).
    local_time: datetime | None = None
    time_zone: str = ""
    scheduled_utc: datetime | None = None
    # "", "idea:<code>", "moment:<code>", "import:csv", "answer:<inbox item id>", "answer:heard:<result id>",
    # "idea:listening:<result id>"
    origin: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)
    # An answer: the post it goes under (the outbox sends it as a reply), and the inbox item answered.
    reply_to: ReplyTo | None = None
    inbox_item_id: int | None = None
    watch_result_id: int | None = None  # or the post a saved search found (core/listening)


def relative(path: Path, data_dir: Path) -> str:
    """How the store keeps a picture's path: relative to the data folder. A picture outside it (left by an
    older version in a folder since moved) keeps its absolute path: it is reported missing, never lost."""
    try:
        return PurePosixPath(path.resolve().relative_to(data_dir.resolve())).as_posix()
    except ValueError:
        return str(path)


def absolute(stored_path: str, data_dir: Path) -> Path:
    """Where a stored picture is (older versions stored absolute paths: those are kept as they are)."""
    path = Path(stored_path)
    return path if path.is_absolute() else data_dir / path


def import_picture(
    source: Path, data_dir: Path, *, alt: str = "", focal: tuple[float, float] = (0.5, 0.5)
) -> PostImage:
    """Copy the person's picture into the data folder (never a link to their file). Raises MediaError for
    what could never be published (not a picture, too big, a bomb)."""
    from cm_desktop.core.media import import_original, inspect

    facts = inspect(source)
    stored, sha256 = import_original(source, data_dir / "media")
    return PostImage(
        relative(stored, data_dir), sha256, facts.mime_type, facts.width, facts.height, alt, focal
    )


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def write_media(session: Session, post_id: int, images: Sequence[PostImage]) -> None:
    """The post's Media rows, in order (the caller has removed the old ones when replacing)."""
    for position, image in enumerate(images):
        session.add(
            Media(
                post_id=post_id,
                position=position,
                sha256=image.sha256,
                stored_path=image.stored_path,
                mime_type=image.mime_type,
                width=image.width,
                height=image.height,
                alt_text=image.alt,
                focal_x=image.focal[0],
                focal_y=image.focal[1],
            )
        )


def _network_of(session: Session, account_id: int | None) -> str:
    account = session.get(Account, account_id) if account_id is not None else None
    if account is None:
        raise ValueError(f"no account {account_id}")
    return account.network


def with_networks(session: Session, targets: Sequence[NewTarget]) -> tuple[NewTarget, ...]:
    """The targets with each account's network filled in (the checks are per network)."""
    return tuple(
        replace(t, network=_network_of(session, t.account_id)) if not t.network else t for t in targets
    )


def create(session: Session, new: NewPost, now: datetime, *, queue: bool) -> tuple[int, list[int]]:
    """Store the post, its pictures and one target per account or network, in the caller's transaction.

    `queue`: the targets are scheduled for `new.scheduled_utc` (which must be set); otherwise drafts.
    Returns (post id, target ids).
    """
    if queue and new.scheduled_utc is None:
        raise ValueError("a queued post needs its time")
    stamp = _aware(now)
    due = _aware(new.scheduled_utc) if new.scheduled_utc is not None else None
    post = Post(
        text=new.text,
        local_time=new.local_time,
        time_zone=new.time_zone,
        scheduled_utc=due,
        origin=new.origin,
        created_at=stamp,
        updated_at=stamp,
    )
    session.add(post)
    session.flush()
    assert post.id is not None
    write_media(session, post.id, new.images)
    if new.reply_to is not None:
        reply = new.reply_to
        session.add(
            PostReply(
                post_id=post.id,
                inbox_item_id=new.inbox_item_id,
                watch_result_id=new.watch_result_id,
                parent_id=reply.parent_id,
                parent_cid=reply.parent_cid,
                root_id=reply.root_id,
                root_cid=reply.root_cid,
                visibility=reply.visibility,
                mention=reply.mention,
            )
        )
    rows = [
        PostTarget(
            post_id=post.id,
            account_id=target.account_id,
            network=target.network or _network_of(session, target.account_id),
            text_override=target.text_override,
            state=TargetState.SCHEDULED.value if queue else TargetState.DRAFT.value,
            next_attempt_utc=due if queue else None,
            updated_at=stamp,
        )
        for target in new.targets
    ]
    for row in rows:
        session.add(row)
    session.flush()
    return post.id, [row.id for row in rows if row.id is not None]


# --- the checks every post passes before it is queued ------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """A problem of one target of a new post (the composer shows the same ones under each network)."""

    network: str
    account_id: int | None
    issue: Issue


def check(
    new: NewPost,
    data_dir: Path,
    renditions_dir: Path,
    limits: Mapping[int, ServerLimits] | None = None,
) -> list[Problem]:
    """Everything each target's network would refuse or show differently, as the composer finds it, with the
    pictures judged by what our pipeline sends (`fitted`): a phone photo too heavy for Bluesky is resized,
    not a problem; a damaged file or a shape the network cannot take blocks.

    `limits`: what each account's server announced (a Mastodon server's characters, picture sizes...).
    """
    from cm_desktop.core import networks, rules

    facts = [_rule_facts(image, data_dir) for image in new.images]
    found: list[Problem] = []
    for target in new.targets:
        text = target.text_override if target.text_override is not None else new.text
        announced = (limits or {}).get(target.account_id) if target.account_id is not None else None
        issues = rules.preflight(target.network, text, facts, spoiler="", limits=announced)
        spec = networks.get(target.network).rendition_on(announced)
        made = {i: _rendition(image, spec, data_dir, renditions_dir) for i, image in enumerate(new.images)}
        for issue in fitted(issues, made, target.network):
            found.append(Problem(target.network, target.account_id, issue))
    return found


# What the pipeline takes care of: format, weight, size. Once a rendition exists, these are no problem.
PIPELINE_FIXES = frozenset({"image.format", "image.too_heavy", "image.downscaled", "image.too_small"})


def fitted(
    issues: Sequence[Issue],
    made: Mapping[int, Rendition | MediaError],
    network: str,
    pending: Collection[int] = (),
) -> list[Issue]:
    """The rules' picture issues as they stand once the pipeline has prepared each picture (`made`, by
    index): what it fitted becomes at most a note; what it could not prepare blocks, with its reason.

    `pending`: pictures still being prepared (the composer prepares them in the background). What the
    pipeline may fix is not said of them yet: an alarm that vanishes a second later is a false alarm.
    """
    from cm_desktop.core import networks, rules
    from cm_desktop.core.media.errors import MediaError

    prepared = {index for index, result in made.items() if not isinstance(result, MediaError)}
    waiting = set(pending) - set(made)
    kept = [
        i
        for i in issues
        if not (i.code in PIPELINE_FIXES and (_image_index(i) in prepared or _image_index(i) in waiting))
    ]
    for index, result in sorted(made.items()):
        if isinstance(result, MediaError):
            kept.append(_picture_issue(index, result))
        elif any(i.code in PIPELINE_FIXES and _image_index(i) == index for i in issues):
            params: dict[str, Any] = {
                "number": index + 1,
                "network": networks.name_of(network),
                "width": result.width,
                "height": result.height,
            }
            kept.append(rules.Issue("image.fitted", rules.Severity.TIP, RESIZED, params))
    return kept


RESIZED = Text(
    en="Picture {number} resized to {width}×{height} for {network}.",
    fr="Image {number} redimensionnée en {width}×{height} pour {network}.",
)


def _image_index(issue: Issue) -> int:
    number = issue.params.get("number")
    return int(number) - 1 if isinstance(number, int) else -1


def blocking(problems: Sequence[Problem]) -> list[Problem]:
    from cm_desktop.core.rules import Severity

    return [p for p in problems if p.issue.severity is Severity.BLOCKS]


def _rule_facts(image: PostImage, data_dir: Path) -> ImageFacts:
    from cm_desktop.core.rules import ImageFacts

    path = absolute(image.stored_path, data_dir)
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    kind = image.mime_type.split("/")[-1] if image.mime_type else path.suffix.lstrip(".")
    return ImageFacts(image.width, image.height, size, kind, image.alt)


def _rendition(
    image: PostImage, spec: RenditionSpec, data_dir: Path, renditions_dir: Path
) -> Rendition | MediaError:
    """What the pipeline sends for the picture (cached: the outbox reuses it), or why it cannot."""
    from cm_desktop.core.media import MediaError, prepare

    try:
        return prepare(absolute(image.stored_path, data_dir), spec, renditions_dir, image.focal)
    except MediaError as exc:
        return exc


def _picture_issue(index: int, error: MediaError) -> Issue:
    from cm_desktop.core.rules import Fix, Issue, Severity

    text = Text(en="Picture {number}: " + error.text.en, fr="Image {number} : " + error.text.fr)
    # A network's name is a Text (shown in the message's language): kept, like numbers and words.
    params: dict[str, str | int | float | Text] = {
        k: v for k, v in error.params.items() if isinstance(v, str | int | float | Text)
    }
    params["number"] = index + 1
    return Issue(
        "image.unusable", Severity.BLOCKS, text, params, Fix("remove_images", 1, "images", image=index)
    )


def check_files(
    network: str,
    text: str,
    pictures: Sequence[tuple[Path, str]],
    renditions_dir: Path,
    limits: ServerLimits | None = None,
) -> list[Issue]:
    """The composer's checks of `text` with pictures straight from files (`cm-desktop check --image`): each
    picture judged by what the pipeline sends to `network`, exactly as `check` does for a stored post."""
    from cm_desktop.core import networks, rules
    from cm_desktop.core.media import MediaError, inspect, prepare

    record = networks.get(network)
    spec = record.rendition_on(limits)
    facts: list[ImageFacts] = []
    made: dict[int, Rendition | MediaError] = {}
    for index, (path, alt) in enumerate(pictures):
        try:
            found = inspect(path)
        except MediaError as exc:
            facts.append(rules.ImageFacts(0, 0, 0, path.suffix.lstrip("."), alt))
            made[index] = exc
            continue
        facts.append(rules.ImageFacts(found.width, found.height, found.byte_size, found.format, alt))
        try:
            made[index] = prepare(path, spec, renditions_dir)
        except MediaError as exc:
            made[index] = exc
    from cm_desktop.core.rules.preflight import run as preflight

    measured = rules.measure(network, text, spoiler="", **record.text_limits(limits))
    unreadable = {index for index, result in made.items() if isinstance(result, MediaError)}
    # A picture that cannot be read is said once, with its reason (not as 0x0 pixels too small).
    issues = [
        i for i in preflight(record, text, facts, measured, limits) if _image_index(i) not in unreadable
    ]
    return fitted(issues, made, network)
