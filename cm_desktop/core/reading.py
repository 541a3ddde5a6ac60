"""What a reading of the networks (the inbox's messages, the Results page's figures) does when a network fails
it: a reason the person is told about, and when to try that account again.

A reading never retries at once: offline, it waits a little and tries again when the connection is back; a 429
says until when; a login to renew waits for the person; anything else backs off, doubling up to a bound.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from cm_desktop.core.ports import AuthExpired, NetworkError, NotSent, RateLimited, Refused

# Why the last reading of an account stopped (kept in InboxSync / ResultsSync .last_error_code).
OFFLINE = "offline"
RATE_LIMITED = "rate_limited"
RECONNECT = "reconnect"
SERVER = "server"
REFUSED = "refused"
BUG = "bug"


@dataclass(frozen=True)
class Pace:
    """How long an account rests after a failure."""

    backoff_base: timedelta
    backoff_max: timedelta
    reconnect_wait: timedelta

    def backoff(self, failures: int) -> timedelta:
        return min(self.backoff_base * (2 ** max(failures - 1, 0)), self.backoff_max)


@dataclass(frozen=True)
class Stopped:
    code: str  # one of the reasons above
    until: datetime  # when the account may be read again
    detail: str  # the server's reason (or the error's name), for the message and the log; never a secret


def stopped(exc: Exception, now: datetime, failures: int, pace: Pace) -> Stopped:
    """Why a reading stopped and when to try again, after the account's `failures`-th failure in a row."""
    if isinstance(exc, RateLimited):
        code, until = RATE_LIMITED, exc.until
    elif isinstance(exc, NotSent):
        # Offline: no backoff to speak of; the app tries again when the connection is back.
        code, until = OFFLINE, now + pace.backoff_base
    elif isinstance(exc, AuthExpired):
        code, until = RECONNECT, now + pace.reconnect_wait
    else:
        code = REFUSED if isinstance(exc, Refused) else SERVER if isinstance(exc, NetworkError) else BUG
        until = now + pace.backoff(failures)
    detail = (exc.server_reason or str(exc)) if isinstance(exc, NetworkError) else type(exc).__name__
    return Stopped(code, until, detail[:500])
