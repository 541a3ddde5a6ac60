"""Accounts: connect (Bluesky app password, Mastodon browser sign-in), list with status, remove, avatars.

The one service the CLI and the Accounts page share; no Qt. Each job has its own module; the names most
callers need are here.
"""

from cm_desktop.services.accounts.avatars import AVATAR_MAX_BYTES, avatar_file, fetch_avatar
from cm_desktop.services.accounts.connect import (
    BROWSER_TIMEOUT_S,
    MastodonSignIn,
    connect_bluesky,
    connect_mastodon,
    new_secret_ref,
    save_account,
    save_mastodon,
    start_mastodon,
)
from cm_desktop.services.accounts.errors import NO_CODE_ENTRY, Cancellation, Cancelled, ConnectError, explain
from cm_desktop.services.accounts.listing import (
    CONNECTED,
    KEYCHAIN_UNAVAILABLE,
    NEEDS_RECONNECT,
    AccountRow,
    ConnectionStatus,
    keychain_problem,
    list_accounts_with_status,
)
from cm_desktop.services.accounts.remove import Removed, remove_account

__all__ = [
    "AVATAR_MAX_BYTES",
    "BROWSER_TIMEOUT_S",
    "CONNECTED",
    "KEYCHAIN_UNAVAILABLE",
    "NEEDS_RECONNECT",
    "NO_CODE_ENTRY",
    "AccountRow",
    "Cancellation",
    "Cancelled",
    "ConnectError",
    "ConnectionStatus",
    "MastodonSignIn",
    "Removed",
    "avatar_file",
    "connect_bluesky",
    "connect_mastodon",
    "explain",
    "fetch_avatar",
    "keychain_problem",
    "list_accounts_with_status",
    "new_secret_ref",
    "remove_account",
    "save_account",
    "save_mastodon",
    "start_mastodon",
]
