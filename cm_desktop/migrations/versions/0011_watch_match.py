"""Listening: every saved search that found a stored post (watch_match), not only the first one, so that
removing a search keeps the posts another search found too. Filled from what each post's first search found.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watch_match",
        sa.Column("watch_id", sa.Integer(), sa.ForeignKey("watch.id", ondelete="CASCADE"), primary_key=True),
        sa.Column(
            "result_id", sa.Integer(), sa.ForeignKey("watch_result.id", ondelete="CASCADE"), primary_key=True
        ),
    )
    op.create_index("ix_watch_match_result_id", "watch_match", ["result_id"])
    op.execute("INSERT INTO watch_match (watch_id, result_id) SELECT watch_id, id FROM watch_result")


def downgrade() -> None:
    op.drop_index("ix_watch_match_result_id", table_name="watch_match")
    op.drop_table("watch_match")
