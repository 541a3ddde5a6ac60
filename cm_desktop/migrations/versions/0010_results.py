"""Results: each published post's latest counts and every reading of them, followers per account and day,
and where each account's reading stands.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_COUNTS = ("likes", "reposts", "replies", "quotes")


def _target() -> sa.Column[int]:
    return sa.Column(
        "target_id", sa.Integer(), sa.ForeignKey("post_target.id", ondelete="CASCADE"), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "post_result",
        sa.Column(
            "target_id",
            sa.Integer(),
            sa.ForeignKey("post_target.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "account_id", sa.Integer(), sa.ForeignKey("account.id", ondelete="SET NULL"), nullable=True
        ),
        sa.Column("network", sa.String(), nullable=False),
        sa.Column("remote_id", sa.String(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        sa.Column("next_fetch_at", sa.DateTime(), nullable=True),
        sa.Column("fetched_at", sa.DateTime(), nullable=True),
        sa.Column("fetches", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in _COUNTS),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("by_hand", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_post_result_account_id", "post_result", ["account_id"])
    op.create_index("ix_post_result_published_at", "post_result", ["published_at"])
    op.create_index("ix_post_result_next_fetch_at", "post_result", ["next_fetch_at"])
    op.create_table(
        "count_snapshot",
        sa.Column("id", sa.Integer(), primary_key=True),
        _target(),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in _COUNTS),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("by_hand", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_count_snapshot_target_id", "count_snapshot", ["target_id"])
    op.create_table(
        "follower_snapshot",
        sa.Column(
            "account_id", sa.Integer(), sa.ForeignKey("account.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("day", sa.Date(), primary_key=True),
        sa.Column("followers", sa.Integer(), nullable=False),
        sa.Column("following", sa.Integer(), nullable=False),
        sa.Column("posts", sa.Integer(), nullable=False),
        sa.Column("fetched_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "results_sync",
        sa.Column(
            "account_id", sa.Integer(), sa.ForeignKey("account.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.Column("last_ok_at", sa.DateTime(), nullable=True),
        sa.Column("next_sync_at", sa.DateTime(), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_error_code", sa.String(), nullable=False),
        sa.Column("last_error", sa.String(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("results_sync")
    op.drop_table("follower_snapshot")
    op.drop_index("ix_count_snapshot_target_id", table_name="count_snapshot")
    op.drop_table("count_snapshot")
    op.drop_index("ix_post_result_next_fetch_at", table_name="post_result")
    op.drop_index("ix_post_result_published_at", table_name="post_result")
    op.drop_index("ix_post_result_account_id", table_name="post_result")
    op.drop_table("post_result")
