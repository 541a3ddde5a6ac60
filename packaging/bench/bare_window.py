"""The floor for bench/startup_frozen.py: a bare PySide6 window, frozen like the app (bare_window.spec).

A QMainWindow the app's size with one label. On its first paint it prints "first-paint" and quits, as the
app does when CM_DESKTOP_QUIT_AFTER_FIRST_PAINT is set, so both are timed to the same line.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class BareWindow(QMainWindow):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self._app = app
        self._painted = False
        self.setCentralWidget(QLabel("CM Desktop"))
        self.resize(1100, 720)  # MainWindow's first-run size

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            print("first-paint", flush=True)
            self._app.quit()


def main() -> int:
    app = QApplication(sys.argv)
    window = BareWindow(app)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
