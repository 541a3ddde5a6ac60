"""LinkedIn posts: about 3,000 characters; the feed cuts near 210 characters ("...more", approximate)."""

from __future__ import annotations

from cm_desktop.core.rules.model import MediaRules
from cm_desktop.core.rules.plain import plain_spec

LIMIT = 3000
FEED_CUT = 210  # approximate

MEDIA = MediaRules(
    max_images=20,  # check: LinkedIn's multi-image posts
    formats=frozenset({"jpeg", "png", "gif"}),
    max_bytes=8 * 1024 * 1024,  # check
    max_pixels=36_152_320,  # LinkedIn's Images API limit
    alt_max=4086,  # the Images API altText limit
    animated_alone=True,
)

SPEC = plain_spec(name="linkedin", label="LinkedIn", limit=LIMIT, media=MEDIA, feed_cut=FEED_CUT)
measure = SPEC.measure
entities = SPEC.entities
