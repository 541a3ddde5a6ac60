"""The outbox: an account's rate-limit reset, and how many look-ups could not tell a target's outcome.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("account") as batch:
        batch.add_column(sa.Column("rate_limited_until", sa.DateTime(), nullable=True))
    with op.batch_alter_table("post_target") as batch:
        batch.add_column(sa.Column("reconcile_attempts", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    with op.batch_alter_table("post_target") as batch:
        batch.drop_column("reconcile_attempts")
    with op.batch_alter_table("account") as batch:
        batch.drop_column("rate_limited_until")
