"""The outbox: offline-first publishing that never loses a post and never posts twice (see run.py).

One module per job: select.py (which targets), send.py (claim and send), reconcile.py (unknown outcomes),
copies.py (copies a server holds for later, with native.py), persist.py (every write of a run, through
writer.py), answers.py (what the person answers), assisted.py (posting by hand), status.py (the Sending page).
"""

from cm_desktop.core.outbox.answers import (
    account_reconnected,
    late_new_time,
    late_publish_now,
    late_skip,
    queue_post,
    retry_failed,
    review_publish_again,
    review_published,
    targets,
)
from cm_desktop.core.outbox.context import NoConnector
from cm_desktop.core.outbox.lock import PublisherBusy, PublisherLock
from cm_desktop.core.outbox.policy import OutboxPolicy, TargetOutcome, content_fingerprint, default_new_key
from cm_desktop.core.outbox.run import Outbox

__all__ = [
    "NoConnector",
    "Outbox",
    "OutboxPolicy",
    "PublisherBusy",
    "PublisherLock",
    "TargetOutcome",
    "account_reconnected",
    "content_fingerprint",
    "default_new_key",
    "late_new_time",
    "late_publish_now",
    "late_skip",
    "queue_post",
    "retry_failed",
    "review_publish_again",
    "review_published",
    "targets",
]
