"""The frozen app's time to first paint against a bare PySide6 window frozen the same way, and its sizes.

Builds (or, with --reuse, takes when newer than their sources) two PyInstaller onedirs in --dist:
packaging/cm_desktop.spec (the app people install) and packaging/bench/bare_window.spec (a QMainWindow with
one label, frozen with the app's options and exclusions). Then launches each --runs times, alternating,
offscreen, the app with a fresh empty data folder every time, and times each process from its start to the
"first-paint" line it prints (the app does so when CM_DESKTOP_QUIT_AFTER_FIRST_PAINT is set). Prints the
onedir and xz tarball sizes, medians and p90s, and the ratio app/bare last. Asserts nothing: a figure over
its budget is printed as "over budget" and the exit code stays 0 (1 only when something cannot be measured).

    .venv/bin/python bench/startup_frozen.py [--runs 15] [--dist build/dist] [--work build/work] [--reuse]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RATIO_BUDGET = 1.6
# Issue #20's budgets, as tests/packaging/test_frozen_app.py asserts them: 165 MiB, and 52 MB (10^6 bytes).
ONEDIR_BUDGET_MIB = 165.0
TARBALL_BUDGET_MIB = 52e6 / 2**20
LAUNCH_TIMEOUT_S = 120.0
IS_WIN, IS_MAC, IS_LINUX = sys.platform == "win32", sys.platform == "darwin", sys.platform.startswith("linux")


@dataclass(frozen=True)
class Frozen:
    """One PyInstaller build: its spec, what it is built from, and where it lands in the dist folder."""

    label: str
    spec: Path
    name: str  # COLLECT's name: the onedir's folder and the executable's name
    mac_bundle: str  # BUNDLE's name on macOS
    inputs: tuple[Path, ...]

    def folder(self, dist: Path) -> Path:
        """What people get: the onedir, or on macOS the .app bundle."""
        return dist / self.mac_bundle if IS_MAC else dist / self.name

    def executable(self, dist: Path) -> Path:
        if IS_MAC:
            return dist / self.mac_bundle / "Contents" / "MacOS" / self.name
        return dist / self.name / (self.name + (".exe" if IS_WIN else ""))


APP = Frozen(
    label="CM Desktop",
    spec=ROOT / "packaging" / "cm_desktop.spec",
    name="cm-desktop",
    mac_bundle="CM Desktop.app",
    inputs=(
        ROOT / "packaging" / "cm_desktop.spec",
        ROOT / "packaging" / "entry.py",
        ROOT / "packaging" / "make_icons.py",
        ROOT / "cm_desktop",
        ROOT / "resources",
    ),
)
BARE = Frozen(
    label="bare window",
    spec=ROOT / "packaging" / "bench" / "bare_window.spec",
    name="bare-window",
    mac_bundle="bare-window.app",
    # The bare spec copies its exclusions from the app's spec.
    inputs=(ROOT / "packaging" / "bench", ROOT / "packaging" / "cm_desktop.spec"),
)


def note(message: str) -> None:
    """Progress goes to stderr, so stdout holds the figures only."""
    print(message, file=sys.stderr, flush=True)


def files_under(paths: Iterable[Path]) -> Iterable[Path]:
    for path in paths:
        if path.is_file():
            yield path
        elif path.is_dir():
            yield from (p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def is_up_to_date(target: Frozen, dist: Path) -> bool:
    executable = target.executable(dist)
    if not executable.is_file():
        return False
    built = executable.stat().st_mtime
    return all(p.stat().st_mtime <= built for p in files_under(target.inputs))


def build(target: Frozen, dist: Path, work: Path) -> None:
    note(f"building {target.label} with {target.spec.relative_to(ROOT)} ...")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(dist), "--workpath", str(work), str(target.spec)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0 or not target.executable(dist).is_file():
        note(done.stdout[-3000:] + done.stderr[-3000:])
        raise SystemExit(f"PyInstaller could not build {target.spec.relative_to(ROOT)}")


def ensure_built(target: Frozen, dist: Path, work: Path, reuse: bool) -> str:
    if reuse and is_up_to_date(target, dist):
        return "reused"
    if reuse:
        note(f"{target.folder(dist)} is missing or older than its sources: building it again")
    build(target, dist, work)
    return "built"


def launch_ms(executable: Path, home: Path) -> float | None:
    """Milliseconds from spawning the process to its "first-paint" line; None if it never came."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "CM_DESKTOP_HOME": str(home),
        "CM_DESKTOP_QUIT_AFTER_FIRST_PAINT": "1",
    }
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(executable)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    # A hung start must not hang the bench: the timer kills it, which ends the read below.
    watchdog = threading.Timer(LAUNCH_TIMEOUT_S, proc.kill)
    watchdog.start()
    elapsed = None
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.strip() == b"first-paint":
                elapsed = (time.perf_counter() - start) * 1000
                break
        proc.stdout.close()
        proc.wait()
    finally:
        watchdog.cancel()
    return elapsed


def timed_run(target: Frozen, dist: Path) -> float:
    # A fresh, empty data folder each time: every start is the same first start.
    home = Path(tempfile.mkdtemp(prefix="cm-bench-home-"))
    try:
        elapsed = launch_ms(target.executable(dist), home)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if elapsed is None:
        raise SystemExit(
            f"{target.executable(dist)} did not print first-paint within {LAUNCH_TIMEOUT_S:.0f} s"
        )
    return elapsed


def folder_bytes(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def tarball_bytes(folder: Path) -> int:
    """Size of the app's download: the Linux tarball script's own archive there, an xz tar elsewhere."""
    if IS_LINUX:
        # A throwaway version number keeps a real release tarball in dist/ untouched.
        version = f"bench{os.getpid()}"
        out_dir = ROOT / "dist"
        had_out_dir = out_dir.exists()
        done = subprocess.run(
            ["bash", str(ROOT / "packaging" / "linux" / "build_tarball.sh"), str(folder)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "VERSION": version},
        )
        if done.returncode != 0:
            raise SystemExit("build_tarball.sh failed: " + done.stderr[-2000:])
        tarball = ROOT / done.stdout.strip().splitlines()[-1]
        size = tarball.stat().st_size
        tarball.unlink()
        if not had_out_dir:
            out_dir.rmdir()
        return size
    with tempfile.TemporaryDirectory() as scratch:
        tarball = Path(scratch) / "bundle.tar.xz"
        with tarfile.open(tarball, "w:xz", preset=9) as archive:
            archive.add(folder, arcname=folder.name)
        return tarball.stat().st_size


def p90(values: list[float]) -> float:
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


def budget(value: float, limit: float) -> str:
    return f"budget <= {limit:g}" + (", over budget" if value > limit else "")


def mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB ({size / 1e6:.1f} MB)"


def size_budget(size: int, limit_mib: float) -> str:
    """The size against its budget in MiB (the tarball's is 52 MB of 10^6 bytes, about 49.6 MiB)."""
    if not IS_LINUX:
        return "the size budgets are for the Linux bundle"
    over = ", over budget" if size / 2**20 > limit_mib else ""
    return f"budget <= {limit_mib:.1f} MiB{over}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--runs", type=int, default=15, help="launches of each, after one warm-up (default 15)"
    )
    parser.add_argument(
        "--dist", type=Path, default=ROOT / "build" / "dist", help="PyInstaller's dist folder"
    )
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "work", help="PyInstaller's work folder"
    )
    parser.add_argument(
        "--reuse", action="store_true", help="use builds in --dist that are newer than their sources"
    )
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    if args.runs < 2:
        parser.error("--runs must be at least 2")

    how = {target: ensure_built(target, dist, work, args.reuse) for target in (APP, BARE)}
    for target in (APP, BARE):
        print(f"{target.label}: {target.folder(dist)} ({how[target]})")

    app_size, bare_size = folder_bytes(APP.folder(dist)), folder_bytes(BARE.folder(dist))
    note("compressing the app with xz ...")
    packed = tarball_bytes(APP.folder(dist))
    print(f"CM Desktop onedir: {mib(app_size)}, {size_budget(app_size, ONEDIR_BUDGET_MIB)}")
    print(f"CM Desktop xz tarball: {mib(packed)}, {size_budget(packed, TARBALL_BUDGET_MIB)}")
    print(f"bare window onedir: {mib(bare_size)}")

    note(f"launching each {args.runs} times (after one warm-up each), alternating ...")
    times: dict[Frozen, list[float]] = {APP: [], BARE: []}
    for target in (APP, BARE):
        timed_run(target, dist)  # warms the file cache; not counted
    for round_ in range(args.runs):
        # Alternate which goes first, so neither always follows the other.
        for target in (APP, BARE) if round_ % 2 == 0 else (BARE, APP):
            times[target].append(timed_run(target, dist))
    for target in (BARE, APP):
        ms = times[target]
        print(
            f"{target.label} first paint: median {statistics.median(ms):.0f} ms, p90 {p90(ms):.0f} ms, "
            f"min {min(ms):.0f} ms over {len(ms)} runs"
        )
    ratio = statistics.median(times[APP]) / statistics.median(times[BARE])
    print(f"ratio app/bare (medians): {ratio:.2f}, {budget(ratio, RATIO_BUDGET)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
