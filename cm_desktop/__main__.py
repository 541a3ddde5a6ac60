"""`python -m cm_desktop` and the `cm-desktop` command."""

from __future__ import annotations

import sys
import time

_STARTED = time.perf_counter()


def main() -> int:
    # httpx imports its command-line client (click, pygments, rich: ~80 modules) whenever those happen to be
    # installed; nothing here uses it, and the bundle leaves it out (packaging/cm_desktop.spec). None in
    # sys.modules makes that import fail as if they were missing, which httpx expects.
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
    from cm_desktop.cli import main as cli_main

    return cli_main(started=_STARTED)


if __name__ == "__main__":
    raise SystemExit(main())
