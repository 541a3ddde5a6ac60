"""The inbox: every reply, mention, quote, follow, like and repost of the connected accounts, kept locally.

One module per job: sync.py (reading each account's notifications into the store with a cursor, never an item
twice, never one skipped), answers.py (answers through the outbox, likes, read and archive), query.py (what the
Messages page and `cm-desktop inbox list` show), reminders.py (networks the app cannot read), messages.py
(what the person is told).
"""
