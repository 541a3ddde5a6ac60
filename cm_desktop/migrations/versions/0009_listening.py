"""Listening: saved searches per account (watch), the posts they found (watch_result, one per post and
account), and answers to those posts (post_reply.watch_result_id).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_RESULT_TEXTS = (
    "network",
    "post_id",
    "post_cid",
    "root_id",
    "root_cid",
    "url",
    "text",
    "language",
    "visibility",
    "author_handle",
    "author_name",
    "author_avatar_url",
    "author_id",
    "author_url",
    "author_mention",
    "gone",
    "like_key",
    "like_state",
    "follow_key",
    "follow_state",
)


def upgrade() -> None:
    op.create_table(
        "watch",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "account_id", sa.Integer(), sa.ForeignKey("account.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("query", sa.String(), nullable=False),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("last_run_at", sa.DateTime(), nullable=True),
        sa.Column("next_run_at", sa.DateTime(), nullable=True),
        sa.Column("floor", sa.DateTime(), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_error_code", sa.String(), nullable=False),
        sa.Column("last_error", sa.String(), nullable=False),
        sa.Column("limited", sa.String(), nullable=False),
    )
    op.create_index("ix_watch_account_id", "watch", ["account_id"])
    op.create_table(
        "watch_result",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("watch_id", sa.Integer(), sa.ForeignKey("watch.id", ondelete="CASCADE"), nullable=False),
        sa.Column(
            "account_id", sa.Integer(), sa.ForeignKey("account.id", ondelete="CASCADE"), nullable=False
        ),
        *(sa.Column(name, sa.String(), nullable=False) for name in _RESULT_TEXTS),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("found_at", sa.DateTime(), nullable=False),
        sa.Column("seen", sa.Boolean(), nullable=False),
        sa.Column("dismissed", sa.Boolean(), nullable=False),
        sa.Column("idea_post_id", sa.Integer(), sa.ForeignKey("post.id", ondelete="SET NULL"), nullable=True),
        sa.UniqueConstraint("account_id", "post_id", name="uq_watch_result_account_post"),
    )
    op.create_index("ix_watch_result_watch_id", "watch_result", ["watch_id"])
    op.create_index("ix_watch_result_account_id", "watch_result", ["account_id"])
    op.create_index("ix_watch_result_created_at", "watch_result", ["created_at"])
    op.create_index("ix_watch_result_seen", "watch_result", ["seen"])
    with op.batch_alter_table("post_reply") as batch:
        batch.add_column(
            sa.Column(
                "watch_result_id",
                sa.Integer(),
                sa.ForeignKey("watch_result.id", name="fk_post_reply_watch_result_id", ondelete="SET NULL"),
                nullable=True,
            )
        )
        batch.create_index("ix_post_reply_watch_result_id", ["watch_result_id"])


def downgrade() -> None:
    with op.batch_alter_table("post_reply") as batch:
        batch.drop_index("ix_post_reply_watch_result_id")
        batch.drop_column("watch_result_id")
    for index in ("seen", "created_at", "account_id", "watch_id"):
        op.drop_index(f"ix_watch_result_{index}", table_name="watch_result")
    op.drop_table("watch_result")
    op.drop_index("ix_watch_account_id", table_name="watch")
    op.drop_table("watch")
