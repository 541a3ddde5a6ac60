"""Which preview class shows which network."""

from __future__ import annotations

from types import MappingProxyType

from cm_desktop.ui.previews.base import PostPreview
from cm_desktop.ui.previews.bluesky import BlueskyPreview
from cm_desktop.ui.previews.facebook import FacebookPreview
from cm_desktop.ui.previews.google_business import GoogleBusinessPreview
from cm_desktop.ui.previews.images import PixmapCache
from cm_desktop.ui.previews.instagram import InstagramPreview
from cm_desktop.ui.previews.linkedin import LinkedInPreview
from cm_desktop.ui.previews.mastodon import MastodonPreview
from cm_desktop.ui.previews.threads import ThreadsPreview
from cm_desktop.ui.previews.x import XPreview

PREVIEWS: MappingProxyType[str, type[PostPreview]] = MappingProxyType(
    {
        cls.network: cls
        for cls in (
            FacebookPreview,
            InstagramPreview,
            XPreview,
            LinkedInPreview,
            MastodonPreview,
            BlueskyPreview,
            ThreadsPreview,
            GoogleBusinessPreview,
        )
    }
)


def make_preview(network: str, cache: PixmapCache | None = None) -> PostPreview:
    try:
        return PREVIEWS[network](cache)
    except KeyError:
        raise ValueError(f"no preview for {network!r}; known: {', '.join(PREVIEWS)}") from None
