"""The network registry (core/networks.py): one record per network whose facts agree with each other, and
the only module that lists the networks."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import fields, replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cm_desktop.core import networks
from cm_desktop.core.coach.data import networks as coach_data
from cm_desktop.core.media.spec import FORMAT_MIME_TYPES, MediaRules, RenditionSpec
from cm_desktop.core.networks import Network
from cm_desktop.core.ports import ServerLimits

PACKAGE = Path(__file__).resolve().parents[2] / "cm_desktop"
IDS = networks.ids()


def disagreements(accepts: MediaRules, sends: RenditionSpec) -> list[str]:
    """Every way the picture we send would break what the network takes."""
    found = []
    sent_formats = {f.lower() for f in sends.formats}
    if not sent_formats <= accepts.formats:
        found.append(f"sends {sorted(sent_formats - accepts.formats)} it does not take")
    if sends.max_bytes > accepts.max_bytes:
        found.append(f"sends up to {sends.max_bytes} bytes, takes {accepts.max_bytes}")
    if accepts.max_pixels and (sends.max_pixels or 0) > accepts.max_pixels:
        found.append(f"sends up to {sends.max_pixels} pixels, keeps {accepts.max_pixels}")
    if accepts.max_width and (sends.max_width is None or sends.max_width > accepts.max_width):
        found.append(f"sends up to {sends.max_width} px wide, takes {accepts.max_width}")
    if sends.min_width < (accepts.min_width or 1) or sends.min_height < (accepts.min_height or 1):
        found.append("sends pictures smaller than it takes")
    if accepts.aspect_min is not None and accepts.aspect_max is not None:
        low, high = sends.aspect or (0.0, float("inf"))
        if low < accepts.aspect_min - 1e-9 or high > accepts.aspect_max + 1e-9:
            found.append(f"sends aspects {sends.aspect}, takes {accepts.aspect_min}..{accepts.aspect_max}")
    return found


def record_problems(record: Network) -> list[str]:
    found = disagreements(record.accepts, record.rendition)
    if record.rendition.network != record.id:
        found.append(f"its rendition says {record.rendition.network!r}")
    if record.rules.name != record.id:
        found.append(f"its rules say {record.rules.name!r}")
    if record.accepts.min_images > record.accepts.max_images:
        found.append("needs more pictures than it takes")
    if record.accepts.alt_required and not record.accepts.alt_supported:
        found.append("requires descriptions it has no field for")
    can = {f.name: getattr(record.can, f.name) for f in fields(record.can)}
    if not record.direct and any(can.values()):
        found.append(f"is posted by hand but claims {[k for k, v in can.items() if v]}")
    if record.can.announced_limits:
        announced = {f.name for f in fields(ServerLimits)}
        unknown = set(record.rules.limit_defaults) - announced
        if unknown:
            found.append(f"counts with limits no server announces: {sorted(unknown)}")
    return found


# --- the records ----------------------------------------------------------------------------------------


def test_ids_are_unique_in_one_stable_order() -> None:
    assert IDS == tuple(n.id for n in networks.all())
    assert len(set(IDS)) == len(IDS) == 9
    assert [n.id for n in networks.direct()] == ["mastodon", "bluesky"]
    assert networks.where(lambda n: n.can.native_scheduling) == {"mastodon"}
    assert networks.where(lambda n: n.can.client_link_cards) == {"bluesky"}
    with pytest.raises(ValueError, match="myspace"):
        networks.get("myspace")
    assert networks.name_of("myspace").get("fr") == "myspace"  # an old row still shows something


@pytest.mark.parametrize("network", IDS)
def test_each_record_is_complete(network: str) -> None:
    record = networks.get(network)
    assert record.name.en.strip() and record.name.fr.strip()
    assert re.fullmatch(r"#[0-9A-Fa-f]{6}", record.colour)
    assert record.compose_url.startswith("https://")
    for alias in record.aliases:
        assert alias == alias.lower().strip() and alias.isascii()


def test_names_people_write_point_to_one_network() -> None:
    seen: dict[str, str] = {}
    for record in networks.all():
        for name in {record.id, record.name.en.lower(), record.name.fr.lower(), *record.aliases}:
            assert seen.setdefault(name, record.id) == record.id, name
    assert networks.get("google_business").name.fr == "Fiche d'établissement Google"


@pytest.mark.parametrize("network", IDS)
def test_the_facts_of_a_record_agree(network: str) -> None:
    assert record_problems(networks.get(network)) == []


@pytest.mark.parametrize(
    ("network", "broken", "complaint"),
    [
        (
            "instagram",
            lambda r: replace(r, rendition=replace(r.rendition, formats=("PNG",))),
            "does not take",
        ),
        ("bluesky", lambda r: replace(r, rendition=replace(r.rendition, max_bytes=2_000_000)), "bytes"),
        ("bluesky", lambda r: replace(r, rendition=replace(r.rendition, network="x")), "rendition says"),
        ("threads", lambda r: replace(r, rendition=replace(r.rendition, min_width=1)), "smaller than"),
        ("instagram", lambda r: replace(r, rendition=replace(r.rendition, aspect=None)), "aspects"),
        ("bluesky", lambda r: replace(r, publishing=networks.Publishing.ASSISTED), "by hand"),
    ],
)
def test_a_disagreement_is_caught(network: str, broken: Callable[[Network], Network], complaint: str) -> None:
    assert any(complaint in problem for problem in record_problems(broken(networks.get(network))))


# --- what a server announces ------------------------------------------------------------------------------

_MIMES = sorted({m for mimes in FORMAT_MIME_TYPES.values() for m in mimes} | {"video/mp4"})
limits_strategy = st.builds(
    ServerLimits,
    max_characters=st.none() | st.integers(1, 100_000),
    characters_reserved_per_url=st.none() | st.integers(1, 100),
    max_media_attachments=st.none() | st.integers(1, 20),
    image_size_limit=st.none() | st.integers(1_000, 100_000_000),
    image_matrix_limit=st.none() | st.integers(10_000, 100_000_000),
    description_limit=st.none() | st.integers(1, 10_000),
    # A server always takes at least one of the formats we make (none would leave nothing to send).
    supported_mime_types=st.lists(st.sampled_from(_MIMES), unique=True)
    .map(
        lambda found: (
            (*found, "image/png") if not {"image/jpeg", "image/png", "image/webp"} & set(found) else found
        )
    )
    .map(tuple),
)


@given(limits=limits_strategy)
def test_what_we_send_a_server_fits_what_it_announced(limits: ServerLimits) -> None:
    record = networks.get("mastodon")
    accepts, sends = record.accepts_on(limits), record.rendition_on(limits)
    assert disagreements(accepts, sends) == []
    if limits.image_size_limit:
        assert accepts.max_bytes == limits.image_size_limit
    if limits.max_media_attachments:
        assert accepts.max_images == limits.max_media_attachments


def test_a_smaller_server_gets_smaller_pictures_and_its_own_counts() -> None:
    record = networks.get("mastodon")
    small = ServerLimits(
        max_characters=1000,
        image_size_limit=2_000_000,
        image_matrix_limit=1_000_000,
        supported_mime_types=("image/jpeg", "image/png"),
    )
    sends = record.rendition_on(small)
    assert (sends.max_bytes, sends.max_pixels, sends.formats) == (2_000_000, 1_000_000, ("JPEG", "PNG"))
    assert record.text_limits(small) == {"max_characters": 1000}
    assert record.rendition_on(None) == record.rendition == record.rendition_on(ServerLimits())
    # Networks whose limits no server announces ignore what an account row may hold.
    assert networks.get("bluesky").rendition_on(small) == networks.get("bluesky").rendition
    assert networks.get("bluesky").text_limits(small) == {}


def test_server_limits_survive_the_store_and_damaged_values_count_as_nothing() -> None:
    limits = ServerLimits(max_characters=1000, description_limit=1500, supported_mime_types=("image/png",))
    assert ServerLimits.from_json(limits.to_json()) == limits
    assert ServerLimits.from_json("{}") == ServerLimits()
    assert ServerLimits.from_json("not json") == ServerLimits()
    assert ServerLimits.from_json('{"max_characters": "many", "image_size_limit": -1}') == ServerLimits()


# --- one home --------------------------------------------------------------------------------------------

# The coach's own advice per network (weights, plain-words blurbs, which ones play the same part) is
# editorial content keyed by id, not facts about the networks; its ids are checked against the registry.
_EDITORIAL = {"core/coach/data/networks.py"}


def _lists_of_ids(tree: ast.AST) -> list[int]:
    """Line numbers of literals that list network ids: a tuple, list or set made only of ids, or a dict
    with two or more ids as keys or as values."""

    def ids_in(nodes: list[ast.expr | None]) -> list[str]:
        return [n.value for n in nodes if isinstance(n, ast.Constant) and n.value in IDS]

    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Tuple | ast.List | ast.Set) and node.elts:
            strings = [e for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            if len(strings) == len(node.elts) and len(ids_in(list(node.elts))) == len(node.elts):
                lines.append(node.lineno)
        elif isinstance(node, ast.Dict) and (
            len(ids_in(node.keys)) >= 2 or len(ids_in(list(node.values))) >= 2
        ):
            lines.append(node.lineno)
    return sorted(lines)


def test_the_check_finds_a_list_of_ids() -> None:
    sample = 'A = ("bluesky", "mastodon")\nB = frozenset({"x"})\nC = {"x": 1, "y": 2}\nD = {"fb": "facebook", "bsky": "bluesky"}'
    assert _lists_of_ids(ast.parse(sample)) == [1, 2, 4]


def test_no_module_but_the_registry_lists_network_ids() -> None:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name == "core/networks.py" or name in _EDITORIAL:
            continue
        lines = _lists_of_ids(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            found[name] = lines
    assert found == {}


def test_the_coach_advises_only_on_registry_networks() -> None:
    assert set(coach_data.BLURBS) == set(IDS)
    assert set(coach_data.UNSUITED_OCCASIONS) <= set(IDS)
    assert all(group <= set(IDS) for group in coach_data.ALTERNATIVES)


def test_the_registry_is_cheap_to_import() -> None:
    code = (
        "import sys, cm_desktop.core.networks as n; n.get('bluesky').name; "
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in ('PIL', 'regex', 'sqlalchemy', "
        "'httpx', 'PySide6') or m.startswith('cm_desktop.core.rules'))))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.split() == []
