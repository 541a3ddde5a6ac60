"""The tables of the local store (and only tables).

Times are stored as aware UTC datetimes; a post's intended wall-clock time and
IANA zone are stored too, so a post set for 09:00 Paris stays at 09:00 Paris across DST changes.
Secrets never appear here: Account.secret_ref names an entry in the OS keychain.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum

from pydantic import NaiveDatetime
from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


def stored_utc(moment: datetime | None) -> datetime | None:
    """A date read from the store, as aware UTC: SQLite hands them back without their zone (always UTC)."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class BusinessKind(StrEnum):
    SHOP = "shop"
    CRAFT = "craft"
    ARTIST = "artist"
    ASSOCIATION = "association"
    RESTAURANT = "restaurant"
    SMALL_FIRM = "small_firm"
    FREELANCER = "freelancer"
    OTHER = "other"


class AccountStatus(StrEnum):
    OK = "ok"
    NEEDS_RECONNECT = "needs_reconnect"
    EXPIRING = "expiring"


class TargetState(StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    SENDING = "sending"
    PUBLISHED = "published"
    FAILED = "failed"
    NEEDS_REVIEW = "needs_review"
    ASSISTED_PENDING = "assisted_pending"


class BusinessProfile(SQLModel, table=True):
    __tablename__ = "business_profile"

    id: int | None = Field(default=None, primary_key=True)
    name: str = ""
    kind: str = BusinessKind.OTHER.value
    town: str = ""
    country: str = ""  # ISO 3166-1 alpha-2
    time_zone: str = "UTC"  # IANA name
    language: str = "en"
    goals: str = ""  # comma-separated goal codes
    weekly_minutes: int = 60
    trade: str = ""  # a code of core.coach.trades ("florist"), "" when what she typed matched none
    product: str = ""  # what people come to her for, in her words ("bouquets de saison")


class Account(SQLModel, table=True):
    __tablename__ = "account"

    id: int | None = Field(default=None, primary_key=True)
    network: str = Field(index=True)
    display_name: str = ""
    handle: str = ""
    server_url: str = ""
    remote_id: str = ""
    avatar_url: str = ""
    status: str = AccountStatus.OK.value
    # When the login ends unless used (a Bluesky refresh token's exp); None where the network gives no end.
    token_expires_at: datetime | None = None
    # What the server announces (ports.ServerLimits as JSON: a Mastodon instance's characters, picture sizes).
    server_limits: str = "{}"
    # When those and the login's end were last read; read again once a week (services/accounts/server_facts).
    server_read_at: datetime | None = None
    # The name of the keychain entry, never the secret itself.
    secret_ref: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    # A 429's reset time: nothing is sent to this account's server before it (kept across processes).
    rate_limited_until: datetime | None = None


class Post(SQLModel, table=True):
    __tablename__ = "post"

    id: int | None = Field(default=None, primary_key=True)
    text: str = ""
    # Intended local time and its zone; scheduled_utc is derived from them.
    local_time: NaiveDatetime | None = None  # wall-clock time in `time_zone`, deliberately naive
    time_zone: str = ""
    scheduled_utc: datetime | None = Field(default=None, index=True)
    origin: str = ""  # "", "idea:<code>", "moment:<code>"
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class PostTarget(SQLModel, table=True):
    __tablename__ = "post_target"

    id: int | None = Field(default=None, primary_key=True)
    post_id: int = Field(foreign_key="post.id", index=True, ondelete="CASCADE")
    account_id: int | None = Field(default=None, foreign_key="account.id", index=True)
    network: str = ""  # set for assisted targets that have no connected account
    text_override: str | None = None
    state: str = Field(default=TargetState.DRAFT.value, index=True)
    attempts: int = 0
    idempotency_key: str = ""
    fingerprint: str = ""
    remote_id: str = ""
    remote_url: str = ""
    native_schedule_id: str = ""
    intermediate_ids: str = "{}"  # JSON: e.g. an Instagram container id, known as soon as created
    last_error_code: str = ""
    last_error_message: str = ""
    next_attempt_utc: datetime | None = Field(default=None, index=True)
    published_at: datetime | None = None
    updated_at: datetime = Field(default_factory=utcnow)
    # Look-ups after an unclear outcome that could not tell; past a bound the person is asked.
    reconcile_attempts: int = 0
    # When the first request may have left (set by the first claim): a look-up reads back to it.
    first_attempt_utc: datetime | None = None


class Media(SQLModel, table=True):
    __tablename__ = "media"

    id: int | None = Field(default=None, primary_key=True)
    post_id: int = Field(foreign_key="post.id", index=True, ondelete="CASCADE")
    position: int = 0
    sha256: str = ""
    stored_path: str = ""  # relative to the data folder: our own copy, never the person's original
    mime_type: str = ""
    width: int = 0
    height: int = 0
    alt_text: str = ""
    focal_x: float = 0.5
    focal_y: float = 0.5


class Slot(SQLModel, table=True):
    """A weekly posting time of one account (the queue)."""

    __tablename__ = "slot"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int | None = Field(default=None, foreign_key="account.id", index=True, ondelete="CASCADE")
    network: str = ""
    weekday: int = 0  # Monday = 0
    minute_of_day: int = 540  # 09:00


# --- the inbox ---------------------------------------------------------------------------------------------


class InboxItem(SQLModel, table=True):
    """One notification of a connected account: a reply, mention or quote to answer, or a follow, like or
    repost. One row per notification of the network ((account, remote id) is unique: a second sync adds
    nothing). Whether it was answered is its answers' state (PostReply -> PostTarget), not a copy of it."""

    __tablename__ = "inbox_item"
    __table_args__ = (UniqueConstraint("account_id", "remote_id", name="uq_inbox_item_account_remote"),)

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    network: str = ""
    kind: str = ""  # reply, mention, quote, follow, like, repost
    remote_id: str = ""  # the notification's id on the network
    sort_key: str = ""  # the network's order (see core.ports.Notification)
    created_at: datetime = Field(default_factory=utcnow, index=True)
    author_handle: str = ""
    author_name: str = ""
    author_avatar_url: str = ""
    author_id: str = ""
    author_url: str = ""
    author_mention: str = ""
    count: int = 1  # several people at once ("and 3 others")
    text: str = ""
    url: str = ""
    post_id: str = ""  # the item's own post on the network (the reply, mention, quote)
    post_cid: str = ""
    root_id: str = ""  # the thread's first post, which an answer must name too (Bluesky)
    root_cid: str = ""
    visibility: str = ""  # the item's post's audience (Mastodon): an answer keeps it
    subject_id: str = ""  # our post it is about
    subject_text: str = ""
    read: bool = Field(default=False, index=True)
    archived: bool = False
    gone: str = ""  # "", "deleted", "blocked": why it can no longer be answered
    # A like of the item's post, sent exactly once: its key is stored before the request leaves.
    like_key: str = ""
    like_state: str = ""  # "", "waiting", "sending", "done", "failed"
    synced_at: datetime = Field(default_factory=utcnow)


class InboxSync(SQLModel, table=True):
    """Where the inbox of one account stands on the network.

    `mark`: everything at or after this sort key is stored. A walk back that was cut short (a crash, a 5xx,
    a 429) leaves a gap: items from `gap_cursor` back to `gap_floor` are still to be read, and `gap_top` is
    the newest key the gap's walk started from. The next sync reads what is new down to `gap_top`, then fills
    the gap; only then does `mark` move. So an interrupted sync never skips an item.
    """

    __tablename__ = "inbox_sync"

    account_id: int = Field(foreign_key="account.id", primary_key=True, ondelete="CASCADE")
    mark: str = ""
    gap_open: bool = False
    gap_cursor: str = ""
    gap_floor: str = ""
    gap_top: str = ""
    seen_up_to: str = ""  # what the network was last told (or told us) was seen
    last_sync_at: datetime | None = None
    next_sync_at: datetime | None = None  # backoff after errors, a 429's reset, a spent request budget
    failures: int = 0
    last_error_code: str = ""
    last_error: str = ""


class PostReply(SQLModel, table=True):
    """What a post answers (an answer written in the inbox): the outbox sends it as a reply."""

    __tablename__ = "post_reply"

    post_id: int = Field(foreign_key="post.id", primary_key=True, ondelete="CASCADE")
    inbox_item_id: int | None = Field(
        default=None, foreign_key="inbox_item.id", index=True, ondelete="SET NULL"
    )
    # An answer to a post found by a saved search (core/listening) instead of an inbox item.
    watch_result_id: int | None = Field(
        default=None, foreign_key="watch_result.id", index=True, ondelete="SET NULL"
    )
    parent_id: str = ""
    parent_cid: str = ""
    root_id: str = ""
    root_cid: str = ""
    visibility: str = ""
    mention: str = ""


class InboxReminder(SQLModel, table=True):
    """A network the app cannot read: the weekly "check your messages" reminder and its "done"."""

    __tablename__ = "inbox_reminder"

    network: str = Field(primary_key=True)
    done_week: str = ""  # ISO year-week ("2026-W14") the person said they checked
    reminded_week: str = ""  # the week the reminder was last shown


# --- listening -----------------------------------------------------------------------------------------------


class Watch(SQLModel, table=True):
    """A saved search of one account: words, "a phrase", #hashtags, @handles (core/listening/query.py).

    Run at most once per `interval` (15 minutes by default); `next_run_at` holds it back after an error
    (backoff) or when the server asked to wait. `floor`: posts older than this are never kept (the first run
    reaches a week back, later ones a little before the newest post found)."""

    __tablename__ = "watch"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    query: str = ""
    language: str = ""  # "" any language; else only posts in it where the network can tell
    paused: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    last_run_at: datetime | None = None
    next_run_at: datetime | None = None
    floor: datetime | None = None
    failures: int = 0
    last_error_code: str = ""
    last_error: str = ""
    limited: str = ""  # how the network searched less than asked (core.ports.SearchPage.limited)


class WatchResult(SQLModel, table=True):
    """A post found by a saved search: one row per post and account ((account, post id) is unique), whichever
    of the account's searches found it first and however often it is found again. The person's own posts are
    never stored. Column names match the inbox's (InboxItem) so that answers and likes take the same path."""

    __tablename__ = "watch_result"
    __table_args__ = (UniqueConstraint("account_id", "post_id", name="uq_watch_result_account_post"),)

    id: int | None = Field(default=None, primary_key=True)
    watch_id: int = Field(foreign_key="watch.id", index=True, ondelete="CASCADE")
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    network: str = ""
    post_id: str = ""  # the post on the network (Bluesky at:// URI, Mastodon status id on our server)
    post_cid: str = ""
    root_id: str = ""  # the thread's first post, which an answer must name too (Bluesky)
    root_cid: str = ""
    url: str = ""
    text: str = ""
    language: str = ""
    visibility: str = ""
    created_at: datetime = Field(default_factory=utcnow, index=True)  # when it was posted
    found_at: datetime = Field(default_factory=utcnow)
    author_handle: str = ""
    author_name: str = ""
    author_avatar_url: str = ""
    author_id: str = ""
    author_url: str = ""
    author_mention: str = ""
    seen: bool = Field(default=False, index=True)  # shown to the person ("new since you last looked")
    dismissed: bool = False
    gone: str = ""  # "", "deleted", "blocked"
    like_key: str = ""
    like_state: str = ""  # "", "waiting", "sending", "done", "failed" (as the inbox's likes)
    follow_key: str = ""  # one per author and account: every result of the author shares it
    follow_state: str = ""
    idea_post_id: int | None = Field(default=None, foreign_key="post.id", ondelete="SET NULL")


class WatchMatch(SQLModel, table=True):
    """One saved search that found one stored post. WatchResult.watch_id names the search that found it first;
    the others that found it too are here, so removing a search keeps under another search the posts that the
    other also found (they would otherwise come back as "new" at its next run)."""

    __tablename__ = "watch_match"

    watch_id: int = Field(foreign_key="watch.id", primary_key=True, ondelete="CASCADE")
    result_id: int = Field(foreign_key="watch_result.id", primary_key=True, index=True, ondelete="CASCADE")


# --- results ---------------------------------------------------------------------------------------------


class PostResult(SQLModel, table=True):
    """Where one published post target's counts stand: its latest reading and when to read it next.

    Read 1 hour, 1 day and 1 week after publishing, then weekly for two months (core/results/schedule.py);
    every reading is also kept in CountSnapshot. For a network the app cannot read, the person types the
    figures in (`by_hand`). When the account is removed the row stays (account_id NULL) and is read no more.
    """

    __tablename__ = "post_result"

    target_id: int = Field(foreign_key="post_target.id", primary_key=True, ondelete="CASCADE")
    account_id: int | None = Field(default=None, foreign_key="account.id", index=True, ondelete="SET NULL")
    network: str = ""
    remote_id: str = ""
    published_at: datetime = Field(default_factory=utcnow, index=True)
    next_fetch_at: datetime | None = Field(default=None, index=True)  # None: no more readings
    fetched_at: datetime | None = None  # the latest reading; None: never read (nothing to show yet)
    fetches: int = 0
    likes: int = 0
    reposts: int = 0
    replies: int = 0
    quotes: int = 0
    deleted: bool = False  # the network no longer has the post: its last figures stay, marked
    by_hand: bool = False


class CountSnapshot(SQLModel, table=True):
    """One reading of a published post's counts. Every reading is kept: the history."""

    __tablename__ = "count_snapshot"

    id: int | None = Field(default=None, primary_key=True)
    target_id: int = Field(foreign_key="post_target.id", index=True, ondelete="CASCADE")
    fetched_at: datetime = Field(default_factory=utcnow)
    likes: int = 0
    reposts: int = 0
    replies: int = 0
    quotes: int = 0
    deleted: bool = False
    by_hand: bool = False


class FollowerSnapshot(SQLModel, table=True):
    """One account's followers on one day (the day in the business's zone; the day's last reading)."""

    __tablename__ = "follower_snapshot"

    account_id: int = Field(foreign_key="account.id", primary_key=True, ondelete="CASCADE")
    day: date = Field(primary_key=True)
    followers: int = 0
    following: int = 0
    posts: int = 0
    fetched_at: datetime = Field(default_factory=utcnow)


class ResultsSync(SQLModel, table=True):
    """Where the reading of one account's results stands: the last reading that worked, and why the last
    one stopped (a server that stops answering is shown with the date of the figures, never as zeros)."""

    __tablename__ = "results_sync"

    account_id: int = Field(foreign_key="account.id", primary_key=True, ondelete="CASCADE")
    last_sync_at: datetime | None = None
    last_ok_at: datetime | None = None
    next_sync_at: datetime | None = None  # backoff after errors, a 429's reset, a spent request budget
    failures: int = 0
    last_error_code: str = ""
    last_error: str = ""
