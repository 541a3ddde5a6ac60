"""How each network will show a post: one preview widget per network, and a panel holding the chosen ones."""

from __future__ import annotations

from cm_desktop.ui.previews.base import PostPreview
from cm_desktop.ui.previews.bluesky import BlueskyPreview
from cm_desktop.ui.previews.facebook import FacebookPreview
from cm_desktop.ui.previews.google_business import GoogleBusinessPreview
from cm_desktop.ui.previews.images import PixmapCache
from cm_desktop.ui.previews.instagram import InstagramPreview
from cm_desktop.ui.previews.linkedin import LinkedInPreview
from cm_desktop.ui.previews.mastodon import MastodonPreview
from cm_desktop.ui.previews.model import LinkPreview, PreviewImage, PreviewModel
from cm_desktop.ui.previews.panel import PreviewPanel
from cm_desktop.ui.previews.registry import PREVIEWS, make_preview
from cm_desktop.ui.previews.threads import ThreadsPreview
from cm_desktop.ui.previews.x import XPreview

__all__ = [
    "PREVIEWS",
    "BlueskyPreview",
    "FacebookPreview",
    "GoogleBusinessPreview",
    "InstagramPreview",
    "LinkPreview",
    "LinkedInPreview",
    "MastodonPreview",
    "PixmapCache",
    "PostPreview",
    "PreviewImage",
    "PreviewModel",
    "PreviewPanel",
    "ThreadsPreview",
    "XPreview",
    "make_preview",
]
