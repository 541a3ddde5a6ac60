"""Sizes, crops and network specs: arithmetic only, checked over many shapes with Hypothesis."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cm_desktop.core import networks
from cm_desktop.core.media import RenditionSpec, ShapeNotSupported, TooSmall
from cm_desktop.core.media.geometry import MAX_UPSCALE, plan, smaller

sizes = st.tuples(st.integers(1, 20_000), st.integers(1, 20_000))
focals = st.tuples(st.floats(-0.5, 1.5), st.floats(-0.5, 1.5))


@given(size=sizes, network=st.sampled_from(networks.ids()), focal=focals)
@settings(max_examples=400, deadline=None)
def test_every_plan_obeys_its_network(
    size: tuple[int, int], network: str, focal: tuple[float, float]
) -> None:
    spec = networks.get(network).rendition
    try:
        result = plan(size, spec, focal)
    except (TooSmall, ShapeNotSupported):
        return  # refusing is allowed; producing something out of bounds is not
    width, height = result.canvas
    left, top, right, bottom = result.crop
    assert 0 <= left < right <= size[0] and 0 <= top < bottom <= size[1]
    assert result.content[0] <= width and result.content[1] <= height
    assert width >= spec.min_width and height >= spec.min_height
    assert spec.max_width is None or width <= spec.max_width
    assert spec.max_height is None or height <= spec.max_height
    assert spec.max_pixels is None or width * height <= spec.max_pixels
    if spec.aspect is not None:
        assert spec.aspect[0] - 1e-9 <= width / height <= spec.aspect[1] + 1e-9


@given(size=sizes)
def test_pictures_within_limits_are_left_alone(size: tuple[int, int]) -> None:
    spec = RenditionSpec("test", ("JPEG",), 1_000_000)
    result = plan(size, spec)
    assert result.crop == (0, 0, *size) and result.canvas == size == result.content


@given(size=st.tuples(st.integers(1, 3000), st.integers(1, 3000)))
def test_refusals_are_for_tiny_pictures_only(size: tuple[int, int]) -> None:
    spec = networks.get("google_business").rendition
    try:
        plan(size, spec)
    except TooSmall:
        assert max(400 / size[0], 300 / size[1]) > MAX_UPSCALE
    except ShapeNotSupported:
        assert size[0] / size[1] > 4096 / 300 or size[1] / size[0] > 4096 / 400


def test_focal_point_moves_the_crop_within_the_picture() -> None:
    spec = networks.get("instagram").rendition
    assert plan((1000, 3000), spec, (0.5, 0.0)).crop == (0, 0, 1000, 1250)
    assert plan((1000, 3000), spec, (0.5, 1.0)).crop == (0, 1750, 1000, 3000)
    assert plan((1000, 3000), spec, (0.5, 0.5)).crop == (0, 875, 1000, 2125)
    assert plan((4000, 1000), spec, (0.0, 0.5)).crop == (0, 0, 1910, 1000)


def test_pad_plan_centres_the_picture_on_a_larger_canvas() -> None:
    spec = RenditionSpec("test", ("JPEG",), 1_000_000, max_width=1000, aspect=(1.0, 1.0), fit="pad")
    result = plan((3000, 1000), spec)
    assert result.crop == (0, 0, 3000, 1000)
    assert result.canvas == (1000, 1000) and result.content == (1000, 333)


def test_smaller_stops_at_the_minimum() -> None:
    spec = networks.get("google_business").rendition
    assert smaller((800, 600), 0.75, spec) == (600, 450)
    assert smaller((420, 315), 0.9, spec) is None


def test_every_network_has_a_valid_spec() -> None:
    for network in networks.ids():
        spec = networks.get(network).rendition
        assert spec.network == network and spec.max_bytes > 0
    assert networks.get("bluesky").rendition.max_bytes == 1_000_000
    assert networks.get("instagram").rendition.formats == ("JPEG",)
    assert (
        networks.get("pinterest").rendition.aspect is None
        and networks.get("pinterest").rendition.recommended_aspect == 2 / 3
    )
    with pytest.raises(ValueError, match="tiktok"):
        networks.get("tiktok")


@pytest.mark.parametrize(
    "changes",
    [
        {"formats": ()},
        {"formats": ("GIF",)},
        {"max_bytes": 0},
        {"max_pixels": -1},
        {"min_width": 0},
        {"aspect": (2.0, 1.0)},
        {"fit": "stretch"},
    ],
)
def test_bad_specs_are_refused(changes: dict[str, object]) -> None:
    fields: dict[str, object] = {"network": "t", "formats": ("JPEG",), "max_bytes": 1}
    with pytest.raises(ValueError):
        RenditionSpec(**{**fields, **changes})  # type: ignore[arg-type]


def test_cache_token_changes_with_any_field() -> None:
    base = networks.get("bluesky").rendition
    assert base.cache_token() == networks.get("bluesky").rendition.cache_token()
    assert base.cache_token() != RenditionSpec(**{**base.__dict__, "max_bytes": 999_999}).cache_token()


def test_media_core_imports_neither_qt_nor_http() -> None:
    code = (
        "import sys, cm_desktop.core.media\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'httpx')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
