"""The networks' own text libraries, run by Node once per test session (tests/peers/oracle/oracle.mjs).

X: npm `twitter-text` 3.1.0 (parseTweet, entity extraction); Bluesky: `@atproto/api` RichText
(detectFacetsWithoutResolution). Pinned by tests/peers/oracle/package-lock.json and installed by
`python3 scripts/dev.py test` (npm ci). Locally a missing Node or install skips the tests that need it, with
the reason; under CI (CI=true) it fails them: there it would mean the comparison never ran.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import pytest

ORACLE_DIR = Path(__file__).resolve().parents[2] / "peers" / "oracle"
SCRIPT = ORACLE_DIR / "oracle.mjs"
INSTALL_HINT = "python3 scripts/dev.py test (or: npm ci --ignore-scripts --prefix tests/peers/oracle)"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def unavailable(reason: str) -> None:
    """Skip locally, fail under CI."""
    if in_ci():
        pytest.fail(f"the networks' own libraries are unavailable under CI: {reason}", pytrace=False)
    pytest.skip(f"the networks' own libraries are unavailable: {reason}")


def install_problem() -> str | None:
    """Why the oracle cannot run here, or None when it can."""
    if shutil.which("node") is None:
        return "node is not installed"
    modules = ORACLE_DIR / "node_modules"
    if not modules.is_dir():
        return f"tests/peers/oracle is not installed; run {INSTALL_HINT}"
    stamp = modules / ".cm-lock-sha256"
    digest = hashlib.sha256((ORACLE_DIR / "package-lock.json").read_bytes()).hexdigest()
    if not stamp.exists() or stamp.read_text().strip() != digest:
        return f"tests/peers/oracle/node_modules does not match package-lock.json; run {INSTALL_HINT}"
    return None


class OfficialClients:
    """One Node process answering batches of texts, line by line."""

    def __init__(self) -> None:
        node = shutil.which("node")
        assert node is not None
        self._process = subprocess.Popen(
            [node, str(SCRIPT)],
            cwd=ORACLE_DIR,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            encoding="utf-8",
            # JSON escapes every character outside ASCII, so no lone surrogate can break the pipe.
        )

    def _pipes(self) -> tuple[IO[str], IO[str]]:
        assert self._process.stdin is not None and self._process.stdout is not None
        return self._process.stdin, self._process.stdout

    def ask(self, items: Sequence[tuple[str, str]]) -> list[dict[str, Any]]:
        """For each (text for X, text for Bluesky): what twitter-text and RichText say about it."""
        stdin, stdout = self._pipes()
        stdin.write(json.dumps([{"text": x, "bsky": b} for x, b in items]) + "\n")
        stdin.flush()
        line = stdout.readline()
        if not line:
            err = self._process.stderr.read() if self._process.stderr else ""
            raise RuntimeError(f"the oracle stopped: {err[-2000:]}")
        answers: list[dict[str, Any]] = json.loads(line)
        for answer in answers:
            if "error" in answer:
                raise RuntimeError(f"the oracle failed on a text: {answer['error']}")
        return answers

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for pipe in (self._process.stdout, self._process.stderr):
            if pipe is not None:
                pipe.close()
