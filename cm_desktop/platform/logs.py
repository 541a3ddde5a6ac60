"""Logging to a rotating file in the user's log folder.

Known failures are one line; bugs get their traceback. A filter masks anything shaped like a token as a last
line of defence: no code should log a secret in the first place.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

LOG_FILE_NAME = "cm-desktop.log"

# JWTs (Bluesky), bearer headers, app passwords (xxxx-xxxx-xxxx-xxxx), long opaque tokens (Mastodon).
_SECRET_PATTERNS = re.compile(
    r"eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*"
    r"|(?i:bearer)\s+\S+"
    r"|\b[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}\b"
    r"|\b[A-Za-z0-9_\-]{40,}\b"
)


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = _SECRET_PATTERNS.sub("[hidden]", message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def setup_logging(log_dir: Path, *, level: int = logging.INFO) -> Path | None:
    """Log to a rotating file; returns its path, or None when the folder cannot be written."""
    root = logging.getLogger()
    root.setLevel(level)
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets())
    root.addHandler(handler)
    return log_dir / LOG_FILE_NAME


def log_failure(logger: logging.Logger, what: str, exc: BaseException, *, known: bool) -> None:
    """A known failure of the environment is one line; anything else is a bug, logged with its traceback."""
    if known:
        logger.warning("%s: %s", what, type(exc).__name__)
    else:
        logger.error("%s: unexpected error", what, exc_info=exc)
