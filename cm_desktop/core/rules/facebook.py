"""Facebook Page posts: about 63,000 characters; the feed cuts near 480 characters ("See more").

The cut is approximate (Facebook also cuts by lines and screen width): it is for previews only.
"""

from __future__ import annotations

from cm_desktop.core.rules.model import MediaRules
from cm_desktop.core.rules.plain import plain_spec

LIMIT = 63_206
FEED_CUT = 480  # approximate

MEDIA = MediaRules(
    max_images=10,
    formats=frozenset({"jpeg", "png", "gif", "webp", "heic"}),
    max_bytes=10 * 1024 * 1024,  # Graph API photo uploads (check)
    alt_supported=False,  # the Pages API has no alt text field we use; Facebook writes its own
)

SPEC = plain_spec(name="facebook", label="Facebook", limit=LIMIT, media=MEDIA, feed_cut=FEED_CUT)
measure = SPEC.measure
entities = SPEC.entities
