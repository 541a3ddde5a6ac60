"""Sizes and crops: fit a picture into a network's aspect range and pixel limits around a focal point.

Everything here is arithmetic on sizes, decided before decoding, so JPEG can be decoded at a reduced scale.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PIL import Image

from cm_desktop.core.media.errors import ShapeNotSupported, TooSmall
from cm_desktop.core.media.spec import RenditionSpec
from cm_desktop.core.networks import name_of

Size = tuple[int, int]
Box = tuple[int, int, int, int]
Focal = tuple[float, float]

# Beyond 4x an enlarged picture is a blur: better to ask for a bigger one.
MAX_UPSCALE = 4.0
WHITE = (255, 255, 255)


@dataclass(frozen=True)
class Plan:
    """Take `crop` of the upright source, scale it to `content`, centre it on a `canvas` (padding)."""

    crop: Box
    content: Size
    canvas: Size


def clamp_focal(focal: Focal) -> Focal:
    # The UI may send 1.0000001 or a stale value: clamp rather than fail a post.
    return (min(max(float(focal[0]), 0.0), 1.0), min(max(float(focal[1]), 0.0), 1.0))


def plan(size: Size, spec: RenditionSpec, focal: Focal = (0.5, 0.5)) -> Plan:
    width, height = size
    crop: Box = (0, 0, width, height)
    canvas_w, canvas_h = float(width), float(height)
    if spec.aspect is not None:
        low, high = spec.aspect
        if spec.fit == "crop":
            crop = _crop_box(size, low, high, clamp_focal(focal))
            canvas_w, canvas_h = float(crop[2] - crop[0]), float(crop[3] - crop[1])
        elif width / height > high:
            canvas_h = width / high
        elif width / height < low:
            canvas_w = height * low
    scale = _scale(canvas_w, canvas_h, spec)
    canvas = fit_size(canvas_w * scale, canvas_h * scale, spec, grow=scale > 1)
    region_w, region_h = crop[2] - crop[0], crop[3] - crop[1]
    content = (
        min(canvas[0], max(1, round(region_w * scale))),
        min(canvas[1], max(1, round(region_h * scale))),
    )
    if (canvas_w, canvas_h) == (float(region_w), float(region_h)):
        content = canvas  # no padding: avoid a 1-pixel strip from rounding
    return Plan(crop=crop, content=content, canvas=canvas)


def _crop_box(size: Size, low: float, high: float, focal: Focal) -> Box:
    """The largest box inside the aspect range, as centred on the focal point as the edges allow."""
    width, height = size
    if width / height > high:
        new_w = max(1, math.floor(height * high))
        left = _clamp(round(focal[0] * width - new_w / 2), 0, width - new_w)
        return (left, 0, left + new_w, height)
    if width / height < low:
        new_h = max(1, math.floor(width / low))
        top = _clamp(round(focal[1] * height - new_h / 2), 0, height - new_h)
        return (0, top, width, top + new_h)
    return (0, 0, width, height)


def _clamp(value: int, low: int, high: int) -> int:
    return min(max(value, low), high)


def _scale(width: float, height: float, spec: RenditionSpec) -> float:
    """Largest scale <= 1 within the maxima; a scale > 1 only to reach the minima."""
    limits = [math.inf]
    if spec.max_width:
        limits.append(spec.max_width / width)
    if spec.max_height:
        limits.append(spec.max_height / height)
    if spec.max_pixels:
        limits.append(math.sqrt(spec.max_pixels / (width * height)))
    ceiling = min(limits)
    scale = min(1.0, ceiling)
    needed = max(spec.min_width / width, spec.min_height / height)
    if needed > scale:
        if needed > ceiling:  # growing to the minimum would break a maximum: the shape itself is wrong
            raise ShapeNotSupported(f"{width:.0f}x{height:.0f}", network=name_of(spec.network))
        if needed > MAX_UPSCALE:
            raise TooSmall(
                f"{width:.0f}x{height:.0f}",
                network=name_of(spec.network),
                min_width=spec.min_width,
                min_height=spec.min_height,
            )
        scale = needed
    return scale


def fit_size(width: float, height: float, spec: RenditionSpec, *, grow: bool = False) -> Size:
    """Whole pixels within the spec: round down when shrinking (never above a max), up when growing."""
    rounding = math.ceil if grow else math.floor
    w = max(1, int(rounding(width - 1e-9 if grow else width + 1e-9)))
    h = max(1, int(rounding(height - 1e-9 if grow else height + 1e-9)))
    if spec.max_width:
        w = min(w, spec.max_width)
    if spec.max_height:
        h = min(h, spec.max_height)
    if spec.aspect is not None:
        low, high = spec.aspect
        if w / h > high:
            w = max(1, math.floor(h * high))
        elif w / h < low:
            h = max(1, math.floor(w / low))
    while spec.max_pixels and w * h > spec.max_pixels:  # at most a pixel or two of rounding
        if w >= h:
            w -= 1
        else:
            h -= 1
    return (w, h)


def smaller(size: Size, factor: float, spec: RenditionSpec) -> Size | None:
    """`size` shrunk by `factor`, or None when that would go under the network's minimum."""
    new = fit_size(size[0] * factor, size[1] * factor, spec)
    if new[0] < spec.min_width or new[1] < spec.min_height or new == size:
        return None
    return new


def apply(im: Image.Image, the_plan: Plan) -> Image.Image:
    """Crop, resize and pad in as few passes as Pillow allows."""
    region_size = (the_plan.crop[2] - the_plan.crop[0], the_plan.crop[3] - the_plan.crop[1])
    if region_size == the_plan.content:
        out = im.crop(the_plan.crop) if the_plan.crop != (0, 0, *im.size) else im
    else:
        out = im.resize(the_plan.content, Image.Resampling.LANCZOS, box=the_plan.crop, reducing_gap=3.0)
    if the_plan.canvas != the_plan.content:
        colour = (*WHITE, 0) if out.mode == "RGBA" else WHITE  # transparent padding where it can be
        canvas = Image.new(out.mode, the_plan.canvas, colour)
        canvas.paste(
            out,
            ((the_plan.canvas[0] - out.width) // 2, (the_plan.canvas[1] - out.height) // 2),
        )
        out = canvas
    return out
