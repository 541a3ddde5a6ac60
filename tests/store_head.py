"""The newest migration, read from the scripts themselves: tests that check a store is up to date do not
change each time a migration is added."""

from __future__ import annotations

from functools import cache


@cache
def head_revision() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from cm_desktop.core.store import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head
