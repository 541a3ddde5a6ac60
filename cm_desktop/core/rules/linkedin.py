"""LinkedIn posts: about 3,000 characters; the feed cuts near 210 characters ("...more", approximate)."""

from __future__ import annotations

from cm_desktop.core.rules.plain import plain_spec

LIMIT = 3000
FEED_CUT = 210  # approximate

SPEC = plain_spec(name="linkedin", limit=LIMIT, feed_cut=FEED_CUT)
measure = SPEC.measure
entities = SPEC.entities
