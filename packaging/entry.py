"""Entry point of the frozen app (PyInstaller needs a script, not a module)."""

import time

_STARTED = time.perf_counter()

from cm_desktop.cli import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main(started=_STARTED))
