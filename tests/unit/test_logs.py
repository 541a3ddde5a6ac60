from __future__ import annotations

import logging

from cm_desktop.platform.logs import RedactSecrets


def _filtered(message: str, *args: object) -> str:
    record = logging.LogRecord("t", logging.INFO, __file__, 1, message, args, None)
    RedactSecrets().filter(record)
    return record.getMessage()


def test_token_shapes_are_masked_as_a_last_line_of_defence() -> None:
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkaWQ6cGxjOmFiYyJ9.c2lnbmF0dXJl"
    assert jwt not in _filtered("session %s", jwt)
    assert "abcd-efgh-ijkl-mnop" not in _filtered("password abcd-efgh-ijkl-mnop")
    assert "Bearer" not in _filtered("header Authorization: Bearer zzz")
    assert _filtered("posted %d targets", 3) == "posted 3 targets"
