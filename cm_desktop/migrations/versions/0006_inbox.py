"""The inbox: notifications per account with where each account's reading stands, what an answer replies
to, and the weekly reminders for networks the app cannot read.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_TEXT_COLUMNS = (
    "network",
    "kind",
    "remote_id",
    "sort_key",
    "author_handle",
    "author_name",
    "author_avatar_url",
    "author_id",
    "author_url",
    "author_mention",
    "text",
    "url",
    "post_id",
    "post_cid",
    "root_id",
    "root_cid",
    "visibility",
    "subject_id",
    "subject_text",
    "gone",
    "like_key",
    "like_state",
)


def upgrade() -> None:
    op.create_table(
        "inbox_item",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "account_id", sa.Integer(), sa.ForeignKey("account.id", ondelete="CASCADE"), nullable=False
        ),
        *(sa.Column(name, sa.String(), nullable=False) for name in _TEXT_COLUMNS),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("read", sa.Boolean(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("synced_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("account_id", "remote_id", name="uq_inbox_item_account_remote"),
    )
    op.create_index("ix_inbox_item_account_id", "inbox_item", ["account_id"])
    op.create_index("ix_inbox_item_created_at", "inbox_item", ["created_at"])
    op.create_index("ix_inbox_item_read", "inbox_item", ["read"])
    op.create_table(
        "inbox_sync",
        sa.Column(
            "account_id",
            sa.Integer(),
            sa.ForeignKey("account.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("mark", sa.String(), nullable=False),
        sa.Column("gap_open", sa.Boolean(), nullable=False),
        sa.Column("gap_cursor", sa.String(), nullable=False),
        sa.Column("gap_floor", sa.String(), nullable=False),
        sa.Column("gap_top", sa.String(), nullable=False),
        sa.Column("seen_up_to", sa.String(), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.Column("next_sync_at", sa.DateTime(), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_error_code", sa.String(), nullable=False),
        sa.Column("last_error", sa.String(), nullable=False),
    )
    op.create_table(
        "post_reply",
        sa.Column("post_id", sa.Integer(), sa.ForeignKey("post.id", ondelete="CASCADE"), primary_key=True),
        sa.Column(
            "inbox_item_id",
            sa.Integer(),
            sa.ForeignKey("inbox_item.id", ondelete="SET NULL"),
            nullable=True,
        ),
        *(
            sa.Column(name, sa.String(), nullable=False)
            for name in ("parent_id", "parent_cid", "root_id", "root_cid", "visibility", "mention")
        ),
    )
    op.create_index("ix_post_reply_inbox_item_id", "post_reply", ["inbox_item_id"])
    op.create_table(
        "inbox_reminder",
        sa.Column("network", sa.String(), primary_key=True),
        sa.Column("done_week", sa.String(), nullable=False),
        sa.Column("reminded_week", sa.String(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("inbox_reminder")
    op.drop_index("ix_post_reply_inbox_item_id", table_name="post_reply")
    op.drop_table("post_reply")
    op.drop_table("inbox_sync")
    op.drop_index("ix_inbox_item_read", table_name="inbox_item")
    op.drop_index("ix_inbox_item_created_at", table_name="inbox_item")
    op.drop_index("ix_inbox_item_account_id", table_name="inbox_item")
    op.drop_table("inbox_item")
