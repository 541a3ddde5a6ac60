"""`python -m cm_desktop` and the `cm-desktop` command."""

from __future__ import annotations

import time

_STARTED = time.perf_counter()


def main() -> int:
    from cm_desktop.cli import main as cli_main

    return cli_main(started=_STARTED)


if __name__ == "__main__":
    raise SystemExit(main())
