"""The network registry: one record per network, and the only place that lists the networks.

Everything that needs a fact about a network asks here: its name in French and English, whether we publish
to it directly or help the person post by hand, what a connected account can do, its colour, where it is
posted by hand, its text rules, what pictures it accepts and the picture our pipeline sends it.
`tests/unit/test_networks.py` fails when two facts disagree or when another module lists network ids.

Cheap to import on purpose (start-up reads names and colours): no Pillow, no regex. A network's text rules
are imported the first time `Network.rules` is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

from cm_desktop.core.i18n import Text
from cm_desktop.core.media.spec import MB, MediaRules, RenditionSpec, formats_of

if TYPE_CHECKING:
    from cm_desktop.core.ports import ServerLimits
    from cm_desktop.core.rules.model import NetworkSpec


class Publishing(StrEnum):
    DIRECT = "direct"  # an account connects without a company-registered app: we publish
    ASSISTED = "assisted"  # the person posts by hand, with the text, pictures and composer ready


@dataclass(frozen=True)
class Capabilities:
    """What CM Desktop can do with the network through an account connected to it."""

    native_scheduling: bool = False  # the server keeps a post until its time (Mastodon's scheduled_at)
    client_link_cards: bool = False  # we build the link card and send it; elsewhere the server reads the page
    replies: bool = False
    notifications: bool = False
    search: bool = False
    counts: bool = False  # likes, reposts and replies of a post, followers of an account
    announced_limits: bool = False  # each server announces its own limits (Mastodon's /api/v2/instance)


@dataclass(frozen=True)
class Network:
    id: str  # as stored in the database and spelled by the rules module of the same name
    name: Text
    publishing: Publishing
    can: Capabilities
    colour: str  # the brand colour of its marks; black brands get a grey that also shows on dark
    # The network's own "new post" page; "{text}" is filled in where the network takes the text in the address.
    compose_url: str
    accepts: MediaRules  # the pictures it takes
    rendition: RenditionSpec  # the picture our pipeline sends it (within `accepts`)
    aliases: tuple[str, ...] = ()  # other names people write (CSV import): lower case, no accents
    card_from: Literal["first", "last"] = "first"  # the link its card is built from
    card_needs_scheme: bool = False  # only links written with http(s):// get a card (and count as links)
    # Where the person ends CM Desktop's login by hand on the network's site (when we could not).
    end_login_by_hand: Text | None = None
    # Networks we cannot read: the page that shows a business its comments and messages, and what it holds.
    messages_url: str = ""
    messages_there: Text | None = None

    @property
    def direct(self) -> bool:
        return self.publishing is Publishing.DIRECT

    @property
    def rules(self) -> NetworkSpec:
        """The text rules (count, entities, checks) of `cm_desktop.core.rules.<id>`, imported on first use."""
        spec: NetworkSpec = importlib.import_module(f"cm_desktop.core.rules.{self.id}").SPEC
        return spec

    def text_limits(self, limits: ServerLimits | None) -> dict[str, int]:
        """The rules' keyword limits from what an account's server announced (empty: the defaults)."""
        if limits is None or not self.can.announced_limits:
            return {}
        found = {k: getattr(limits, k, None) for k in self.rules.limit_defaults}
        return {k: v for k, v in found.items() if isinstance(v, int)}

    def accepts_on(self, limits: ServerLimits | None) -> MediaRules:
        """The pictures an account's server takes: its announced limits over the network's defaults."""
        if limits is None or not self.can.announced_limits:
            return self.accepts
        base = self.accepts
        return replace(
            base,
            max_images=limits.max_media_attachments or base.max_images,
            formats=formats_of(limits.supported_mime_types) or base.formats,
            max_bytes=limits.image_size_limit or base.max_bytes,
            max_pixels=limits.image_matrix_limit or base.max_pixels,
            alt_max=limits.description_limit or base.alt_max,
        )

    def rendition_on(self, limits: ServerLimits | None) -> RenditionSpec:
        """The picture we send to an account's server: never heavier, larger or of a type it does not take."""
        accepts = self.accepts_on(limits)
        if accepts is self.accepts:
            return self.rendition
        ours = self.rendition
        formats = tuple(f for f in ours.formats if f.lower() in accepts.formats)
        pixels = [p for p in (ours.max_pixels, accepts.max_pixels) if p]
        return replace(
            ours,
            # A server that takes none of JPEG, PNG or WebP gets JPEG and says no itself.
            formats=formats or ours.formats,
            max_bytes=min(ours.max_bytes, accepts.max_bytes),
            max_pixels=min(pixels) if pixels else None,
        )


_MiB = 1024 * 1024
_NONE = Capabilities()

# In the order the app lists them (most used first); recommendations fall back to it on a tie.
_RECORDS: tuple[Network, ...] = (
    Network(
        id="facebook",
        name=Text(en="Facebook", fr="Facebook"),
        publishing=Publishing.ASSISTED,
        can=_NONE,
        colour="#1877F2",
        compose_url="https://www.facebook.com/",
        accepts=MediaRules(
            max_images=10,
            formats=frozenset({"jpeg", "png", "gif", "webp", "heic"}),
            max_bytes=10 * _MiB,  # Graph API photo uploads (check)
            alt_supported=False,  # the Pages API has no alt text field we use; Facebook writes its own
        ),
        # 4 MB keeps uploads quick; 2048 px is what the feed shows at most (our choice).
        rendition=RenditionSpec("facebook", ("JPEG", "PNG"), 4 * MB, max_width=2048, max_height=2048),
        aliases=("fb",),
        messages_url="https://business.facebook.com/latest/inbox/all",
        messages_there=Text(
            en="Comments and messages of your Facebook Page and Instagram, in Meta Business Suite.",
            fr="Commentaires et messages de votre Page Facebook et d'Instagram, dans Meta Business Suite.",
        ),
    ),
    Network(
        id="instagram",
        name=Text(en="Instagram", fr="Instagram"),
        publishing=Publishing.ASSISTED,
        can=_NONE,
        colour="#E1306C",
        compose_url="https://www.instagram.com/",
        # The publishing API takes JPEG only, 4:5 to 1.91:1 (others are cropped), 320-1440 px wide.
        accepts=MediaRules(
            max_images=10,
            min_images=1,
            formats=frozenset({"jpeg"}),
            max_bytes=8 * _MiB,
            min_width=320,
            max_width=1440,
            aspect_min=4 / 5,
            aspect_max=1.91,
            crop_targets=(("4:5", 4 / 5), ("1.91:1", 1.91)),
            alt_max=None,
            animated_allowed=False,
        ),
        rendition=RenditionSpec(
            "instagram", ("JPEG",), 8 * MB, max_width=1440, min_width=320, aspect=(4 / 5, 1.91), fit="crop"
        ),
        aliases=("insta",),
        messages_url="https://www.instagram.com/direct/inbox/",
        messages_there=Text(en="Your Instagram messages.", fr="Vos messages Instagram."),
    ),
    Network(
        id="x",
        name=Text(en="X", fr="X"),
        publishing=Publishing.ASSISTED,
        can=_NONE,
        colour="#6b7280",
        compose_url="https://x.com/intent/post?text={text}",
        accepts=MediaRules(
            max_images=4,
            formats=frozenset({"jpeg", "png", "gif", "webp"}),
            max_bytes=5 * _MiB,
            alt_max=1000,
            animated_alone=True,
        ),
        # The 4096 px cap is our choice (X shows no more): it keeps uploads small.
        rendition=RenditionSpec("x", ("JPEG", "PNG", "WEBP"), 5 * MB, max_width=4096, max_height=4096),
        aliases=("twitter", "x (twitter)"),
        card_from="last",
        messages_url="https://x.com/notifications",
        messages_there=Text(en="Replies and mentions on X.", fr="Réponses et mentions sur X."),
    ),
    Network(
        id="linkedin",
        name=Text(en="LinkedIn", fr="LinkedIn"),
        publishing=Publishing.ASSISTED,
        can=_NONE,
        colour="#0A66C2",
        compose_url="https://www.linkedin.com/feed/?shareActive=true",
        accepts=MediaRules(
            max_images=20,  # check: LinkedIn's multi-image posts
            formats=frozenset({"jpeg", "png", "gif"}),
            max_bytes=8 * _MiB,  # check
            max_pixels=36_152_320,  # the Images API limit
            alt_max=4086,  # the Images API altText limit
            animated_alone=True,
        ),
        rendition=RenditionSpec("linkedin", ("JPEG", "PNG"), 8 * MB, max_pixels=36_152_320),
        messages_url="https://www.linkedin.com/notifications/",
        messages_there=Text(
            en="Comments and mentions on LinkedIn.", fr="Commentaires et mentions sur LinkedIn."
        ),
    ),
    Network(
        id="mastodon",
        name=Text(en="Mastodon", fr="Mastodon"),
        publishing=Publishing.DIRECT,
        can=Capabilities(
            native_scheduling=True,
            replies=True,
            notifications=True,
            search=True,
            counts=True,
            announced_limits=True,
        ),
        colour="#6364FF",
        compose_url="https://joinmastodon.org/",  # every server has its own: this page finds yours
        # A stock server's defaults; each account's own come from its server (Account.server_limits).
        accepts=MediaRules(
            max_images=4,
            formats=frozenset({"jpeg", "png", "gif", "webp", "heic", "avif"}),
            max_bytes=16 * _MiB,
            max_pixels=3840 * 2160,  # 8.3 MP: larger pictures are downscaled by the server
            alt_max=1500,
            animated_alone=True,
        ),
        rendition=RenditionSpec("mastodon", ("JPEG", "PNG", "WEBP"), 16 * MB, max_pixels=8_294_400),
        card_needs_scheme=True,  # "example.com" stays plain text on Mastodon
        end_login_by_hand=Text(
            en="Preferences > Account > Authorized apps, revoke CM Desktop",
            fr="Préférences > Compte > Applications autorisées, révoquez CM Desktop",
        ),
    ),
    Network(
        id="bluesky",
        name=Text(en="Bluesky", fr="Bluesky"),
        publishing=Publishing.DIRECT,
        can=Capabilities(client_link_cards=True, replies=True, notifications=True, search=True, counts=True),
        colour="#1185FE",
        compose_url="https://bsky.app/intent/compose?text={text}",
        # The lexicon's blob takes any image/*; the PDS keeps the type it sniffs (tests/integration/
        # test_bluesky_pds.py posts a WebP and a GIF). A GIF shows as a still picture in embed.images.
        accepts=MediaRules(
            max_images=4,
            formats=frozenset({"jpeg", "png", "webp", "gif"}),
            # Newer lexicons allow 2 MB; servers and app views long refused more than 1 MB: stay safe.
            max_bytes=1_000_000,
            alt_max=2000,  # Bluesky's app stops at 2,000 characters
            alt_required=True,
            animated_allowed=False,
        ),
        # Up to 2000 px on the long edge: what the app displays.
        rendition=RenditionSpec("bluesky", ("JPEG", "PNG"), 1 * MB, max_width=2000, max_height=2000),
        aliases=("bsky",),
        end_login_by_hand=Text(
            en="Settings > Privacy and security > App passwords, delete the one made for CM Desktop",
            fr="Paramètres > Confidentialité et sécurité > Mots de passe d'application, supprimez celui de CM Desktop",
        ),
    ),
    Network(
        id="threads",
        name=Text(en="Threads", fr="Threads"),
        publishing=Publishing.ASSISTED,
        can=_NONE,
        colour="#8b8f98",
        compose_url="https://www.threads.net/intent/post?text={text}",
        accepts=MediaRules(
            max_images=10,  # carousel (check)
            formats=frozenset({"jpeg", "png"}),
            max_bytes=8 * _MiB,
            min_width=320,
            max_width=1440,
            alt_max=None,
            animated_allowed=False,
        ),
        rendition=RenditionSpec(
            "threads", ("JPEG", "PNG"), 8 * MB, min_width=320, max_width=1440, max_height=4096
        ),
        messages_url="https://www.threads.com/activity",
        messages_there=Text(en="Replies and mentions on Threads.", fr="Réponses et mentions sur Threads."),
    ),
    Network(
        id="google_business",
        name=Text(en="Google Business Profile", fr="Fiche d'établissement Google"),
        publishing=Publishing.ASSISTED,
        can=_NONE,
        colour="#34A853",
        compose_url="https://business.google.com/",
        accepts=MediaRules(
            max_images=1,
            formats=frozenset({"jpeg", "png"}),
            max_bytes=5 * _MiB,
            min_width=400,
            min_height=300,
            alt_supported=False,
            animated_allowed=False,
        ),
        rendition=RenditionSpec(
            "google_business",
            ("JPEG", "PNG"),
            5 * MB,
            min_width=400,
            min_height=300,
            max_width=4096,
            max_height=4096,
        ),
        aliases=("google", "google business", "google my business", "gmb", "fiche google"),
        messages_url="https://business.google.com/reviews",
        messages_there=Text(
            en="The reviews of your business on Google.", fr="Les avis sur votre établissement dans Google."
        ),
    ),
    Network(
        id="pinterest",
        name=Text(en="Pinterest", fr="Pinterest"),
        publishing=Publishing.ASSISTED,
        can=_NONE,
        colour="#E60023",
        compose_url="https://www.pinterest.com/pin-builder/",
        accepts=MediaRules(
            max_images=1,
            min_images=1,
            formats=frozenset({"jpeg", "png", "gif", "webp"}),
            max_bytes=20 * _MiB,
            recommended_aspect=("2:3", 2 / 3),
            alt_max=500,
        ),
        # 2:3 is only recommended: previews show it, we never crop to it.
        rendition=RenditionSpec(
            "pinterest", ("JPEG", "PNG"), 20 * MB, max_width=4096, max_height=4096, recommended_aspect=2 / 3
        ),
        messages_url="https://www.pinterest.com/notifications/",
        messages_there=Text(en="Comments on your pins.", fr="Commentaires sur vos épingles."),
    ),
)
_BY_ID = {n.id: n for n in _RECORDS}
_IDS = tuple(_BY_ID)


def get(network_id: str) -> Network:
    """The record of `network_id`; ValueError for an id we do not know."""
    try:
        return _BY_ID[network_id]
    except KeyError:
        raise ValueError(f"unknown network {network_id!r}; known: {', '.join(_IDS)}") from None


def all() -> tuple[Network, ...]:
    return _RECORDS


def ids() -> tuple[str, ...]:
    """Every network id, in the app's stable order."""
    return _IDS


def known(network_id: str) -> bool:
    return network_id in _BY_ID


def direct() -> tuple[Network, ...]:
    """The networks an account connects to directly (we publish); the others are posted by hand."""
    return tuple(n for n in _RECORDS if n.direct)


def where(test: Callable[[Network], bool]) -> frozenset[str]:
    """The ids of the networks that pass `test`, e.g. `where(lambda n: n.can.native_scheduling)`."""
    return frozenset(n.id for n in _RECORDS if test(n))


def name_of(network_id: str) -> Text:
    """A network's name for a message; an id we do not know (an old row) is shown as it is."""
    found = _BY_ID.get(network_id)
    return found.name if found is not None else Text(en=network_id or "?", fr=network_id or "?")
