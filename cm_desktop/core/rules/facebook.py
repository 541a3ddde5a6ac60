"""Facebook Page posts: about 63,000 characters; the feed cuts near 480 characters ("See more").

The cut is approximate (Facebook also cuts by lines and screen width): it is for previews only.
"""

from __future__ import annotations

from cm_desktop.core.rules.plain import plain_spec

LIMIT = 63_206
FEED_CUT = 480  # approximate

SPEC = plain_spec(name="facebook", limit=LIMIT, feed_cut=FEED_CUT)
measure = SPEC.measure
entities = SPEC.entities
