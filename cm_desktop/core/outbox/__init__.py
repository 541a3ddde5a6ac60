"""The outbox: offline-first publishing that never loses a post and never posts twice (see engine.py)."""

from cm_desktop.core.outbox.engine import (
    NewImage,
    NoConnector,
    Outbox,
    OutboxPolicy,
    TargetOutcome,
    account_reconnected,
    content_fingerprint,
    default_new_key,
    late_new_time,
    late_publish_now,
    late_skip,
    queue_post,
    retry_failed,
    review_publish_again,
    review_published,
    targets,
)
from cm_desktop.core.outbox.lock import PublisherBusy, PublisherLock

__all__ = [
    "NewImage",
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
