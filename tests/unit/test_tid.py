"""Record keys (TIDs) for Bluesky posts: format, round trip, order within the process."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from cm_desktop.core import tid
from cm_desktop.core.tid import decode, encode, from_parts, is_tid, new_tid, tid_datetime


def test_format() -> None:
    value = new_tid()
    assert len(value) == 13
    assert is_tid(value)
    assert value[0] in "234567ab"  # the top bit is always zero
    assert set(value) <= set(tid.ALPHABET)


def test_known_value() -> None:
    # The smallest and largest TIDs of the syntax, and a round trip through the integer form.
    assert encode(0) == "2222222222222"
    assert encode((1 << 64) - 1) == "jzzzzzzzzzzzz"  # the syntax's upper bound
    assert from_parts((1 << 53) - 1, 1023) == "bzzzzzzzzzzzz"  # the largest one we can make (top bit 0)
    assert decode("3jzfcijpj2z2a") == decode(encode(decode("3jzfcijpj2z2a")))
    assert from_parts(0, 1) == "2222222222223"


def test_timestamp_is_now() -> None:
    made = tid_datetime(new_tid())
    assert abs(made - datetime.now(UTC)) < timedelta(seconds=5)


def test_strictly_increasing_in_one_thread() -> None:
    keys = [new_tid() for _ in range(5000)]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


def test_unique_across_threads() -> None:
    found: list[str] = []
    lock = threading.Lock()

    def make() -> None:
        mine = [new_tid() for _ in range(1000)]
        assert mine == sorted(mine)
        with lock:
            found.extend(mine)

    threads = [threading.Thread(target=make) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(found)) == 8000


def test_clock_stepping_back_does_not_go_backwards(monkeypatch: pytest.MonkeyPatch) -> None:
    first = new_tid()
    monkeypatch.setattr(time, "time_ns", lambda: 1_000_000_000_000_000_000)  # 2001: an NTP step back
    second = new_tid()
    assert second > first


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "3jzfcijpj2z2",
        "3jzfcijpj2z2aa",
        "kjzfcijpj2z2a",
        "3JZFCIJPJ2Z2A",
        "3jzfcijpj2z2-",
        "1111111111111",
    ],
)
def test_invalid(bad: str) -> None:
    assert not is_tid(bad)
    with pytest.raises(ValueError):
        decode(bad)


def test_encode_range() -> None:
    with pytest.raises(ValueError):
        encode(1 << 64)
    with pytest.raises(ValueError):
        encode(-1)
