"""Logging to a rotating file in the user's log folder, secrets masked on the way out.

Known failures are one line; bugs get their traceback. The formatter masks the whole formatted record (the
message, the exception text and the stack) because a token can hide in any of them: an exception's message
may quote a server's answer, and `log.exception` writes that message verbatim. URLs lose their query string
(OAuth codes and tokens travel there). This is the last line of defence: no code should log a secret in the
first place.

Every way the app runs sets it up: the window (after the first paint), the CLI and the background job (the
same CLI, `publish-due`), and the crash handler that catches what nothing else did.
"""

from __future__ import annotations

import logging
import re
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

LOG_FILE_NAME = "cm-desktop.log"
HIDDEN = "[hidden]"

# JWTs (Bluesky sessions), bearer headers, app passwords (xxxx-xxxx-xxxx-xxxx), and values named like secrets.
_SECRET_PATTERNS = re.compile(
    r"eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*"
    r"|(?i:bearer|basic)\s+[^\s'\",]+"
    r"|(?<![A-Za-z0-9])[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}(?![A-Za-z0-9])"
)
_NAMED_SECRET = re.compile(
    r"(?i)(\b(?:access_?token|refresh_?token|access_?jwt|refresh_?jwt|password|client_secret|token|secret)"
    r"[\"']?\s*[:=]\s*[\"']?)[^\s\"'&,}]+"
)
# Long opaque runs: Mastodon access tokens and OAuth codes are 43 characters of base64url.
_OPAQUE = re.compile(r"(?<![A-Za-z0-9_\-])[A-Za-z0-9_\-]{32,}(?![A-Za-z0-9_\-])")
# The query string of any URL (a token or an OAuth code is often there); the fragment too.
_URL_QUERY = re.compile(r"(\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s?#'\"<>]+)[?#][^\s'\"<>]*")


def _opaque(match: re.Match[str]) -> str:
    # Random tokens mix digits or cases; long snake_case names in a traceback do not, and stay readable.
    run = match.group()
    random_looking = any(c.isdigit() for c in run) or (run.lower() != run and run.upper() != run)
    return HIDDEN if random_looking else run


def mask(text: str) -> str:
    """`text` with URL queries dropped and anything shaped like a secret replaced by [hidden]."""
    text = _URL_QUERY.sub(r"\1?…", text)
    text = _NAMED_SECRET.sub(r"\1" + HIDDEN, text)
    text = _SECRET_PATTERNS.sub(HIDDEN, text)
    return _OPAQUE.sub(_opaque, text)


class MaskingFormatter(logging.Formatter):
    """Formats as usual, then masks the result: message, exception text and stack alike."""

    def format(self, record: logging.LogRecord) -> str:
        return mask(super().format(record))


class RedactSecrets(logging.Filter):
    """The message alone, for handlers that format elsewhere; the file handler uses MaskingFormatter."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = mask(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(log_dir: Path, *, level: int = logging.INFO) -> Path | None:
    """Log to a rotating file; returns its path, or None when the folder cannot be written.

    Calling it again for the same folder changes nothing (the CLI and the app may both ask).
    """
    import logging.handlers

    root = logging.getLogger()
    root.setLevel(level)
    target = log_dir / LOG_FILE_NAME
    for existing in root.handlers:
        if isinstance(existing, logging.FileHandler) and Path(existing.baseFilename) == target.absolute():
            return target
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(MaskingFormatter(FORMAT))
    root.addHandler(handler)
    # httpx says every request at INFO; the URL is masked above, and this keeps the file about our own work.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return target


def log_failure(logger: logging.Logger, what: str, exc: BaseException, *, known: bool) -> None:
    """A known failure of the environment is one line; anything else is a bug, logged with its traceback."""
    if known:
        logger.warning("%s: %s", what, type(exc).__name__)
    else:
        logger.error("%s: unexpected error", what, exc_info=exc)


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def install_crash_handler(say: Callable[[], None] | None = None) -> ExceptHook:
    """Unhandled exceptions (main thread, other threads, Qt slots) go to the log, masked, never raw to the
    console: `say` tells the person in a sentence. Also masks what Python prints before any log handler
    exists. Returns the previous sys.excepthook."""
    previous = sys.excepthook
    crash_log = logging.getLogger("cm_desktop.crash")
    # Until the log file exists, Python prints warnings through its last-resort handler: masked too.
    last_resort = logging.StreamHandler()
    last_resort.setLevel(logging.WARNING)
    last_resort.setFormatter(MaskingFormatter("%(message)s"))
    logging.lastResort = last_resort

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        # Masked here as well: before the log file exists, Python's last-resort handler prints to stderr,
        # which the background job's scheduler may write to a file of its own.
        details = mask("".join(traceback.format_exception(kind, value, tb)))
        crash_log.critical("unhandled error\n%s", details.rstrip())
        if say is not None:
            say()

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return previous
