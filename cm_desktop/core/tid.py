"""AT Protocol timestamp identifiers (TIDs): the record keys of Bluesky posts.

A TID is a 64-bit integer written as 13 characters of "base32-sortable": the top bit is 0, then 53 bits of
microseconds since the Unix epoch, then a 10-bit clock identifier. Sorting the strings sorts by time. We
make the key ourselves, store it, then create the record with it, so a retry can look the post up by key.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
from datetime import UTC, datetime

ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
TID_LENGTH = 13
# First character carries the top (always zero) bit, so only the first half of the alphabet is valid there.
TID_RE = re.compile(r"^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$")

_CLOCK_ID_BITS = 10
_lock = threading.Lock()
_last_micros = 0
# One random clock id per process: two processes minting in the same microsecond still differ.
_clock_id = secrets.randbelow(1 << _CLOCK_ID_BITS)


def encode(value: int) -> str:
    """13 base32-sortable characters for a 64-bit integer (the syntax allows it; we only make 63-bit ones)."""
    if not 0 <= value < (1 << 64):
        raise ValueError("a TID is a 64-bit non-negative integer")
    chars = []
    for _ in range(TID_LENGTH):
        chars.append(ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(chars))


def decode(tid: str) -> int:
    if not is_tid(tid):
        raise ValueError("not a TID")
    value = 0
    for ch in tid:
        value = (value << 5) | ALPHABET.index(ch)
    return value


def is_tid(value: str) -> bool:
    return isinstance(value, str) and TID_RE.fullmatch(value) is not None


def from_parts(micros: int, clock_id: int) -> str:
    """A TID from its parts; the top bit stays zero because micros fit in 53 bits."""
    if not 0 <= clock_id < (1 << _CLOCK_ID_BITS):
        raise ValueError("clock id out of range")
    if not 0 <= micros < (1 << 53):
        raise ValueError("timestamp out of range")
    return encode((micros << _CLOCK_ID_BITS) | clock_id)


def new_tid() -> str:
    """A fresh TID, greater than every other one made by this process (even if the clock steps back)."""
    global _last_micros
    with _lock:
        micros = time.time_ns() // 1000
        # Never repeat nor go backwards: two posts in the same microsecond, or an NTP step back.
        if micros <= _last_micros:
            micros = _last_micros + 1
        _last_micros = micros
        return from_parts(micros, _clock_id)


def tid_datetime(tid: str) -> datetime:
    """When a TID was made (UTC)."""
    micros = decode(tid) >> _CLOCK_ID_BITS
    return datetime.fromtimestamp(micros / 1_000_000, UTC)
