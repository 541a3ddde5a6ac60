"""When the first request of a post target may have left: a look-up after a lost answer reads back to it,
never further (an older post with the same words is not ours), and never less far (a busy account).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("post_target") as batch:
        batch.add_column(sa.Column("first_attempt_utc", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("post_target") as batch:
        batch.drop_column("first_attempt_utc")
