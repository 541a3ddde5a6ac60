"""Pinterest pins: description <= 800 characters (title <= 100, alt <= 500); an image is required.

Links in the description are not clickable: the pin's own link field is.
"""

from __future__ import annotations

from cm_desktop.core.rules.model import MediaRules
from cm_desktop.core.rules.plain import plain_spec

LIMIT = 800
TITLE_LIMIT = 100
LINK_LIMIT = 2048

MEDIA = MediaRules(
    max_images=1,
    min_images=1,
    formats=frozenset({"jpeg", "png", "gif", "webp"}),
    max_bytes=20 * 1024 * 1024,
    recommended_aspect=("2:3", 2 / 3),
    alt_max=500,
)

SPEC = plain_spec(
    name="pinterest",
    label="Pinterest",
    limit=LIMIT,
    media=MEDIA,
    feed_cut=None,
    link_issue="link.use_pin_link",
)
measure = SPEC.measure
entities = SPEC.entities
