"""Queue slots per account, and where a post came from (an idea, a moment).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "slot",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("account.id", ondelete="CASCADE"), nullable=True),
        sa.Column("network", sa.String(), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("minute_of_day", sa.Integer(), nullable=False),
    )
    op.create_index("ix_slot_account_id", "slot", ["account_id"])
    with op.batch_alter_table("post") as batch:
        batch.add_column(sa.Column("origin", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("post") as batch:
        batch.drop_column("origin")
    op.drop_table("slot")
