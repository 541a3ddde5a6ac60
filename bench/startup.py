"""Start-up: CM Desktop against a bare PySide6 QMainWindow, same run, offscreen. Prints figures; asserts nothing.

1. Time to a visible window: wall time from spawning a fresh Python process to the first paint event of the
   window (interpreter start included for both), median of N runs. Budget: ratio <= 1.3. Also the CPU time
   of those runs (to the first paint and out), which a busy machine disturbs much less.
2. Memory after start (Linux): resident memory (VmRSS) once the app has opened its store and built its pages,
   against the bare window's once painted, median of N runs. Budget: ratio <= 2.5. Measured on a store at the
   current revision (every start but the first), and once on a fresh store (the first start, which creates
   it with the migrations).

    .venv/bin/python bench/startup.py [runs]

The package's bytecode is compiled first, as an installed app has it (pip compiles a wheel's modules, the
bundle holds .pyc files): where PYTHONDONTWRITEBYTECODE is set, every start would otherwise compile our
modules again (~20 ms here), which the person never pays.
"""

from __future__ import annotations

import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import os, sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
class W(QMainWindow):
    done = False
    def paintEvent(self, e):
        super().paintEvent(e)
        if W.done:
            return
        W.done = True
        if os.environ.get("CM_DESKTOP_REPORT_STARTED"):
            print("started", flush=True)
            sys.stdin.readline()
        else:
            print("painted", flush=True)
        app.quit()
w = W(); w.resize(1100, 720); w.show(); app.exec()
"""

# The app's real entry point; CM_DESKTOP_QUIT_AFTER_FIRST_PAINT makes it print and quit at first paint.
APP = [sys.executable, "-m", "cm_desktop"]
TIME_BUDGET, MEMORY_BUDGET = 1.3, 2.5


def _env(home: str, **extra: str) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CM_DESKTOP_HOME": home, **extra}


def measure(command: list[str], home: str) -> tuple[float, float]:
    """Milliseconds to the first paint (wall clock), and the CPU milliseconds of the whole run (Unix; 0
    elsewhere): the CPU figure hardly moves with the machine's load, the wall clock does."""
    env = _env(home, CM_DESKTOP_QUIT_AFTER_FIRST_PAINT="1")
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = (time.perf_counter() - start) * 1000
    cpu = 0.0
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        cpu = (usage.ru_utime + usage.ru_stime) * 1000
    else:
        proc.wait(timeout=60)
    proc.stdout.close()
    if line.strip() not in ("painted", "first-paint"):
        raise SystemExit("the window never painted")
    return elapsed, cpu


def resident_mib(command: list[str], home: str) -> float:
    """VmRSS (MiB) once the process says it has started (the app: store open, pages built)."""
    env = _env(home, CM_DESKTOP_REPORT_STARTED="1")
    proc = subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert proc.stdin is not None and proc.stdout is not None
    line = proc.stdout.readline()
    if line.strip() != "started":
        proc.kill()
        raise SystemExit(f"the process never said it had started ({line!r})")
    status = Path(f"/proc/{proc.pid}/status").read_text()
    kib = next(int(row.split()[1]) for row in status.splitlines() if row.startswith("VmRSS:"))
    proc.stdin.write("\n")
    proc.stdin.close()
    proc.wait(timeout=60)
    proc.stdout.close()
    return kib / 1024


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    package = Path(__file__).resolve().parents[1] / "cm_desktop"
    if not compileall.compile_dir(str(package), quiet=1):
        raise SystemExit("the package's modules did not compile")
    bare_cmd = [sys.executable, "-c", BARE]
    with tempfile.TemporaryDirectory() as home:
        measure(bare_cmd, home)  # warm the file cache for both
        measure(APP, home)
        # Alternated, so that a change in the machine's load weighs on both alike.
        bare, app = [], []
        for _ in range(runs):
            bare.append(measure(bare_cmd, home))
            app.append(measure(APP, home))
    floor, ours = statistics.median(b[0] for b in bare), statistics.median(a[0] for a in app)
    print(f"bare QMainWindow first paint: median {floor:.0f} ms over {runs} runs")
    print(f"CM Desktop first paint:       median {ours:.0f} ms over {runs} runs")
    print(f"time ratio: {ours / floor:.2f} (budget <= {TIME_BUDGET})")
    bare_cpu, app_cpu = statistics.median(b[1] for b in bare), statistics.median(a[1] for a in app)
    if bare_cpu:
        print(f"CPU time of a run to first paint: bare {bare_cpu:.0f} ms, CM Desktop {app_cpu:.0f} ms")
        print(f"CPU ratio: {app_cpu / bare_cpu:.2f} (steadier than the wall clock on a busy machine)")

    if not sys.platform.startswith("linux"):
        print("memory: measured on Linux only (/proc)")
        return
    with tempfile.TemporaryDirectory() as base:
        fresh_home = str(Path(base) / "fresh")
        first_start = resident_mib(APP, fresh_home)  # creates the store: the migrations run
        bare_runs, app_runs = [], []
        for _ in range(runs):
            bare_runs.append(resident_mib(bare_cmd, base))
            app_runs.append(resident_mib(APP, fresh_home))
        bare_mib, at_head = statistics.median(bare_runs), statistics.median(app_runs)
        shutil.rmtree(fresh_home, ignore_errors=True)
    print(f"bare QMainWindow resident memory:            median {bare_mib:.0f} MiB over {runs} runs")
    print(
        f"CM Desktop after start, first start:         {first_start:.0f} MiB ({first_start / bare_mib:.2f}x)"
    )
    print(f"CM Desktop after start, store at its revision: median {at_head:.0f} MiB over {runs} runs")
    print(f"memory ratio: {at_head / bare_mib:.2f} (budget <= {MEMORY_BUDGET})")


if __name__ == "__main__":
    main()
