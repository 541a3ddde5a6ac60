"""An offline wheelhouse for the wheel test: the app's runtime dependencies, repacked from this environment.

pip cannot install from an installed distribution, and the test must not need the network; so each
distribution the app depends on (with markers evaluated here) is zipped back into a wheel from the files its
RECORD lists. The versions are exactly the ones the suite runs with. Scripts and data files that live outside
site-packages are left out: pip writes console scripts again from entry_points.txt.
"""

from __future__ import annotations

import re
import zipfile
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_closure(project: str) -> list[metadata.Distribution]:
    """The installed distributions `project` needs at run time (its extras left out)."""
    found: dict[str, metadata.Distribution] = {}
    todo = [(req, "") for req in metadata.requires(project) or []]
    while todo:
        text, extra = todo.pop()
        requirement = Requirement(text)
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": extra}):
            continue
        name = _normalise(requirement.name)
        if name in found:
            continue
        dist = metadata.distribution(requirement.name)
        found[name] = dist
        todo += [(req, extra) for req in dist.requires or [] for extra in ["", *sorted(requirement.extras)]]
    return list(found.values())


def repack(dist: metadata.Distribution, out_dir: Path) -> Path:
    """Zip an installed distribution back into a wheel pip accepts."""
    wheel_info = dist.read_text("WHEEL") or ""
    tags = [line.split(":", 1)[1].strip() for line in wheel_info.splitlines() if line.startswith("Tag:")]
    name = re.sub(r"[-_.]+", "_", dist.metadata["Name"])
    target = out_dir / f"{name}-{dist.version}-{_compressed_tag(tags or ['py3-none-any'])}.whl"
    record_name = ""
    entries: list[str] = []
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_STORED) as archive:
        for file in dist.files or []:
            path = str(file)
            if path.startswith("..") or "__pycache__" in path or path.endswith(".pyc"):
                continue
            if path.endswith(".dist-info/RECORD"):
                record_name = path
                continue
            if path.endswith((".dist-info/INSTALLER", ".dist-info/REQUESTED", ".dist-info/direct_url.json")):
                continue
            source = Path(str(dist.locate_file(file)))
            if source.is_file():
                archive.write(source, path)
                entries.append(path)
        # pip reads RECORD to know what it installed; hashes are optional for what it writes back.
        archive.writestr(record_name, "".join(f"{path},,\n" for path in [*entries, record_name]))
    return target


def _compressed_tag(tags: list[str]) -> str:
    """Tag lines (py2-none-any, py3-none-any) as one file-name tag (py2.py3-none-any)."""
    parts: list[dict[str, None]] = [{}, {}, {}]
    for tag in tags:
        for index, part in enumerate(tag.split("-")):
            parts[index][part] = None
    return "-".join(".".join(part) for part in parts)


def build_wheelhouse(project: str, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    return [repack(dist, out_dir) for dist in runtime_closure(project)]
