"""Listening: saved searches of each account (your name, your street, your hashtags) and the posts they
found, kept locally, each once, the person's own left out.

One module per job: query.py (what a search means, and why one is refused), watches.py (add, change, pause,
remove), suggest.py (searches offered from the set-up profile), run.py (running the due searches through
the core.ports.Searching port, at most once per 15 minutes each), leads.py (answer, like, follow, keep as an
idea, dismiss), board.py (what the page and `cm-desktop watch` show), messages.py (what the person is told).
"""
