"""CM Desktop: plan, write and publish on social networks from your own computer."""

__version__ = "0.1.0"
