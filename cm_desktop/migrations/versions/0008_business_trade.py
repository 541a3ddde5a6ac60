"""The trade the person typed in the wizard ("fleuriste", "club de foot"), as a code of core.coach.trades,
so the plan's ideas fit it; and what people come to them for ("bouquets de saison").

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("business_profile") as batch:
        batch.add_column(sa.Column("trade", sa.String(), nullable=False, server_default=""))
        batch.add_column(sa.Column("product", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("business_profile") as batch:
        batch.drop_column("product")
        batch.drop_column("trade")
