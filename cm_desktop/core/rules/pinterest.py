"""Pinterest pins: description <= 800 characters (title <= 100, alt <= 500); an image is required.

Links in the description are not clickable: the pin's own link field is.
"""

from __future__ import annotations

from cm_desktop.core.rules.plain import plain_spec

LIMIT = 800
TITLE_LIMIT = 100
LINK_LIMIT = 2048

SPEC = plain_spec(
    name="pinterest",
    limit=LIMIT,
    feed_cut=None,
    link_issue="link.use_pin_link",
)
measure = SPEC.measure
entities = SPEC.entities
