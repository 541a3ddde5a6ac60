"""Alembic migrations of the local store, applied at start (batch mode for SQLite)."""
