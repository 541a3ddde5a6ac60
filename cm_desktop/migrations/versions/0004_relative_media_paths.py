"""Pictures' paths relative to the data folder (the composer used to store them absolute, the CLI and the CSV
import relative: a post queued one way lost its pictures when opened the other way).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _data_dir(connection: sa.Connection) -> Path | None:
    """The folder of the store's file: the data folder (the store always lives at its top)."""
    for _seq, name, file in connection.exec_driver_sql("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file).resolve().parent
    return None  # an in-memory store: nothing was ever stored absolute there


def upgrade() -> None:
    connection = op.get_bind()
    data_dir = _data_dir(connection)
    if data_dir is None:
        return
    rows = connection.execute(sa.text("SELECT id, stored_path FROM media")).fetchall()
    for media_id, stored in rows:
        path = Path(stored or "")
        if not path.is_absolute():
            continue
        try:
            relative = PurePosixPath(path.resolve().relative_to(data_dir)).as_posix()
        except ValueError:
            continue  # outside this data folder (moved since): kept as it is, shown as missing
        connection.execute(
            sa.text("UPDATE media SET stored_path = :path WHERE id = :id"), {"path": relative, "id": media_id}
        )


def downgrade() -> None:
    """Relative paths are read by every version since the CLI could queue posts: nothing to undo."""
