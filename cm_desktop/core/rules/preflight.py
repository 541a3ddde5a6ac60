"""Pre-flight: everything a network would refuse or show differently, found before posting."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import regex

from cm_desktop.core.i18n import Text
from cm_desktop.core.media.spec import MediaRules
from cm_desktop.core.networks import Network
from cm_desktop.core.rules.messages import MESSAGES
from cm_desktop.core.rules.model import Fix, ImageFacts, Issue, Measure, Severity
from cm_desktop.core.rules.text import (
    clean,
    grapheme_count,
    has_lone_surrogates,
    invisible_characters,
    is_blank,
)

if TYPE_CHECKING:
    from cm_desktop.core.ports import ServerLimits

# Addresses that are never web links, whatever a reader's app does with them.
_NOT_WEB = regex.compile(r"(?<![\w.+\-])(javascript|data|vbscript|file)\s*:", regex.IGNORECASE)
_FORMAT_NAMES = {"jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WebP", "heic": "HEIC", "avif": "AVIF"}
_ORDER = {Severity.BLOCKS: 0, Severity.WARNING: 1, Severity.TIP: 2}


# A gap left in a starting post for the owner to fill: words in square brackets ("[lieu]", "[…]").
GAP = re.compile(r"\[[^\[\]\n]{1,60}\]")


def _issue(
    code: str, severity: Severity, params: Mapping[str, str | int | float | Text], fix: Fix | None = None
) -> Issue:
    return Issue(code, severity, MESSAGES[code], dict(params), fix)


def text_issues(network: Network, text: str, measured: Measure, has_images: bool) -> list[Issue]:
    spec, label = network.rules, network.name
    issues: list[Issue] = []
    if has_lone_surrogates(text):
        n = clean(text).count("\ufffd") - text.count("\ufffd")
        issues.append(
            _issue(
                "text.broken_characters",
                Severity.BLOCKS,
                {"count": n},
                Fix("remove_characters", n, "characters"),
            )
        )
    nulls = text.count("\x00")
    if nulls:
        # The networks' databases refuse them (PostgreSQL text cannot hold a NUL): the post would fail.
        fix = Fix("remove_characters", nulls, "characters")
        issues.append(_issue("text.null_characters", Severity.BLOCKS, {"count": nulls}, fix))
    hidden = [i for i in invisible_characters(text) if text[i] != "\x00"]
    if hidden:
        n = len(hidden)
        issues.append(
            _issue(
                "text.invisible_characters",
                Severity.WARNING,
                {"count": n},
                Fix("remove_characters", n, "characters"),
            )
        )
    if is_blank(text):
        if has_images:
            issues.append(_issue("text.empty_with_images", Severity.TIP, {}, Fix("write_text")))
        else:
            issues.append(_issue("text.empty", Severity.BLOCKS, {"network": label}, Fix("write_text")))
        return issues
    gaps = list(GAP.finditer(text))
    if gaps:
        # A starting post's gaps ("[lieu]", "[…]"): only the owner knows what goes there.
        first = gaps[0]
        fix = Fix("complete", start=first.start(), end=first.end())
        params: dict[str, str | int] = {"gap": first.group(0), "count": len(gaps)}
        issues.append(_issue("text.to_complete", Severity.BLOCKS, params, fix))
    if measured.over:
        code = "text.too_long_weighted" if measured.unit == "weighted" else "text.too_long"
        fix = Fix("shorten", measured.over, "characters")
        issues.append(_issue(code, Severity.BLOCKS, {"network": label, "over": measured.over}, fix))
    elif measured.bytes_over:
        fix = Fix("shorten", measured.bytes_over, "bytes")
        issues.append(
            _issue(
                "text.too_many_bytes", Severity.BLOCKS, {"network": label, "over": measured.bytes_over}, fix
            )
        )
    for m in _NOT_WEB.finditer(text):
        scheme = m.group(1).lower()
        issues.append(
            _issue(
                "link.not_a_link",
                Severity.WARNING,
                {"scheme": scheme},
                Fix("fix_link", start=m.start(), end=m.end()),
            )
        )
    if spec.link_issue and any(e.kind == "url" for e in spec.entities(text)):
        issues.append(_issue(spec.link_issue, Severity.WARNING, {"network": label}))
    if spec.feed_cut is not None and measured.count > spec.feed_cut:
        issues.append(_issue("text.feed_cut", Severity.TIP, {"network": label, "cut": spec.feed_cut}))
    return issues


def _aspect_label(ratio: float, targets: Sequence[tuple[str, float]]) -> str:
    return min(targets, key=lambda t: abs(t[1] - ratio))[0] if targets else f"{ratio:.2f}:1"


def image_issues(network: Network, rules: MediaRules, images: Sequence[ImageFacts]) -> list[Issue]:
    label = network.name
    issues: list[Issue] = []
    params: dict[str, str | int | float | Text]
    if len(images) < rules.min_images:
        issues.append(_issue("images.required", Severity.BLOCKS, {"network": label}, Fix("add_image")))
    if len(images) > rules.max_images:
        over = len(images) - rules.max_images
        fix = Fix("remove_images", over, "images")
        if rules.max_images == 0:
            issues.append(_issue("images.not_supported", Severity.BLOCKS, {"network": label}, fix))
        else:
            params = {"network": label, "max": rules.max_images, "over": over}
            issues.append(_issue("images.too_many", Severity.BLOCKS, params, fix))
    if rules.animated_alone and len(images) > 1 and any(i.animated for i in images):
        fix = Fix("remove_images", len(images) - 1, "images")
        issues.append(_issue("image.animated_alone", Severity.BLOCKS, {"network": label}, fix))
    preferred = "jpeg" if "jpeg" in rules.formats else sorted(rules.formats)[0]
    for index, image in enumerate(images):
        base: dict[str, str | int | float | Text] = {"network": label, "number": index + 1}
        if image.kind not in rules.formats:
            shown = _FORMAT_NAMES.get(image.kind, image.kind.upper() or "?")
            params = {
                **base,
                "format": shown,
                "target": _FORMAT_NAMES[preferred],
            }
            issues.append(
                _issue(
                    "image.format",
                    Severity.BLOCKS,
                    params,
                    Fix("convert_image", image=index, target=preferred),
                )
            )
        if image.byte_size > rules.max_bytes:
            params = {
                **base,
                "size_mb": round(image.byte_size / 1_000_000, 1),
                "max_mb": round(rules.max_bytes / 1_000_000, 1),
            }
            issues.append(
                _issue("image.too_heavy", Severity.BLOCKS, params, Fix("resize_image", image=index))
            )
        if rules.max_pixels and image.width * image.height > rules.max_pixels:
            issues.append(_issue("image.downscaled", Severity.TIP, base))
        min_w, min_h = rules.min_width or 0, rules.min_height or 0
        if image.width < min_w or image.height < min_h:
            params = {
                **base,
                "width": image.width,
                "height": image.height,
                "min_width": min_w,
                "min_height": min_h,
            }
            fix = Fix("resize_image", image=index, target=f"{min_w}x{min_h}")
            issues.append(_issue("image.too_small", Severity.BLOCKS, params, fix))
        ratio = image.aspect
        out_low = rules.aspect_min is not None and ratio < rules.aspect_min - 0.005
        out_high = rules.aspect_max is not None and ratio > rules.aspect_max + 0.005
        if out_low or out_high:
            target = _aspect_label(ratio, rules.crop_targets)
            issues.append(
                _issue(
                    "image.cropped",
                    Severity.WARNING,
                    {**base, "target": target},
                    Fix("crop", image=index, target=target),
                )
            )
        elif rules.recommended_aspect and abs(ratio - rules.recommended_aspect[1]) > 0.05:
            target = rules.recommended_aspect[0]
            issues.append(
                _issue(
                    "image.aspect_tip",
                    Severity.TIP,
                    {**base, "target": target},
                    Fix("crop", image=index, target=target),
                )
            )
        if image.animated and not rules.animated_allowed:
            issues.append(_issue("image.animated", Severity.WARNING, base))
        if rules.alt_supported:
            alt = clean(image.alt)
            if is_blank(alt):
                severity = Severity.WARNING if rules.alt_required else Severity.TIP
                issues.append(_issue("image.alt_missing", severity, base, Fix("add_alt", image=index)))
            elif rules.alt_max is not None and grapheme_count(alt) > rules.alt_max:
                over = grapheme_count(alt) - rules.alt_max
                fix = Fix("shorten_alt", over, "characters", image=index)
                issues.append(_issue("image.alt_too_long", Severity.BLOCKS, {**base, "over": over}, fix))
    return issues


def run(
    network: Network,
    text: str,
    images: Sequence[ImageFacts],
    measured: Measure,
    limits: ServerLimits | None = None,
) -> list[Issue]:
    """Every issue of `text` and `images` on `network`, with what the account's server announced (`limits`)."""
    issues = text_issues(network, text, measured, bool(images))
    if not is_blank(text):
        issues.extend(network.rules.checks(text, images, network.text_limits(limits)))
    issues.extend(image_issues(network, network.accepts_on(limits), images))
    return sorted(issues, key=lambda i: _ORDER[i.severity])
