"""The implementations of `cm-desktop` subcommands; cli.py imports each one only when it runs."""
