"""Which shared libraries of a Linux bundle are ever loaded: the ELF dependency graph, walked from its roots.

The roots are what gets loaded by name rather than through DT_NEEDED: the executable, the libpython its
bootloader opens, and every `*.so` (Python extension modules and the Qt plugins we keep). From each, every
DT_NEEDED entry is resolved as the dynamic loader does (ld.so(8)): DT_RPATH (when there is no DT_RUNPATH),
then the bundle's top folder (the bootloader puts it on the library path), then DT_RUNPATH, with $ORIGIN
replaced by the folder of the object that asks. A name found nowhere in the bundle is the system's.

A library nothing reaches is dead weight that merely happened to be installed on the build host (GTK, cairo,
...): the spec drops it, and tests/packaging checks no such library is left. Used by packaging/cm_desktop.spec
on a PyInstaller TOC, and by the tests on a built folder. pyelftools reads the ELF files (the library
auditwheel uses for the same walk): no binutils, no locale-dependent text to parse.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from elftools.common.exceptions import ELFError
from elftools.elf.dynamic import DynamicSection
from elftools.elf.elffile import ELFFile

# Loaded by name (dlopen) or ld.so's own business, never through a bundle's DT_NEEDED.
_LIBPYTHON = re.compile(r"^libpython3\.\d+\.so(\.[\d.]+)?$")
_SHARED = re.compile(r"\.so(\.[\d.]+)?$")


@dataclass(frozen=True)
class ElfInfo:
    needed: tuple[str, ...]
    rpath: tuple[str, ...]
    runpath: tuple[str, ...]


def read_elf(path: Path) -> ElfInfo | None:
    """DT_NEEDED, DT_RPATH and DT_RUNPATH of an ELF file; None when it is not an ELF file."""
    try:
        with path.open("rb") as stream:
            if stream.read(4) != b"\x7fELF":
                return None
            stream.seek(0)
            elf = ELFFile(stream)
            needed: list[str] = []
            rpath: list[str] = []
            runpath: list[str] = []
            for section in elf.iter_sections():
                if not isinstance(section, DynamicSection):
                    continue
                for tag in section.iter_tags():
                    if tag.entry.d_tag == "DT_NEEDED":
                        needed.append(tag.needed)
                    elif tag.entry.d_tag == "DT_RPATH":
                        rpath += tag.rpath.split(":")
                    elif tag.entry.d_tag == "DT_RUNPATH":
                        runpath += tag.runpath.split(":")
            return ElfInfo(tuple(needed), tuple(filter(None, rpath)), tuple(filter(None, runpath)))
    except (OSError, ELFError):
        return None


def is_root(name: PurePosixPath) -> bool:
    """Loaded by name: Python extension modules and Qt plugins (`*.so`), and the libpython the bootloader opens."""
    return name.name.endswith(".so") or bool(_LIBPYTHON.match(name.name))


def is_shared_library(name: PurePosixPath) -> bool:
    return bool(_SHARED.search(name.name))


class Bundle:
    """A bundle's layout: relative path -> file on disk, and symlinks relative path -> relative target."""

    def __init__(
        self,
        files: Mapping[PurePosixPath, Path],
        links: Mapping[PurePosixPath, PurePosixPath] | None = None,
        executable: PurePosixPath | None = None,
        top: PurePosixPath | None = None,
    ) -> None:
        self.files = dict(files)
        self.links = dict(links or {})
        self.executable = executable
        self.top = top or PurePosixPath(".")  # where the bootloader puts the library path (`_internal`)
        self._info: dict[PurePosixPath, ElfInfo | None] = {}

    @classmethod
    def from_folder(cls, folder: Path, executable: str, top: str = "_internal") -> Bundle:
        files: dict[PurePosixPath, Path] = {}
        links: dict[PurePosixPath, PurePosixPath] = {}
        for path in folder.rglob("*"):
            rel = PurePosixPath(path.relative_to(folder).as_posix())
            if path.is_symlink():
                target = (path.parent / path.readlink()).resolve()
                if target.is_relative_to(folder.resolve()):
                    links[rel] = PurePosixPath(target.relative_to(folder.resolve()).as_posix())
            elif path.is_file():
                files[rel] = path
        return cls(files, links, PurePosixPath(executable), PurePosixPath(top))

    def _real(self, rel: PurePosixPath) -> PurePosixPath | None:
        seen = 0
        while rel in self.links and seen < 40:
            rel, seen = self.links[rel], seen + 1
        return rel if rel in self.files else None

    def info(self, rel: PurePosixPath) -> ElfInfo | None:
        if rel not in self._info:
            self._info[rel] = read_elf(self.files[rel])
        return self._info[rel]

    def resolve(self, name: str, asker: PurePosixPath, info: ElfInfo) -> PurePosixPath | None:
        """Where ld.so finds DT_NEEDED `name` of `asker` inside the bundle (None: on the system)."""
        if "/" in name:
            candidates = [_join(asker.parent, name)]
        else:
            dirs = [*(() if info.runpath else info.rpath), "$TOP", *info.runpath]
            candidates = [
                _join(self.top if d == "$TOP" else _expand(d, asker.parent), name) for d in dirs if d
            ]
        for candidate in candidates:
            if candidate is not None and (candidate in self.files or candidate in self.links):
                return candidate
        return None

    def roots(self) -> list[PurePosixPath]:
        names = [*self.files, *self.links]
        found = [rel for rel in names if is_root(rel)]
        if self.executable is not None:
            found.append(self.executable)
        return found

    def reached(self) -> set[PurePosixPath]:
        """Every path (files and symlinks) the loader reaches from the roots."""
        reached: set[PurePosixPath] = set()
        todo = [rel for rel in self.roots() if rel in self.files or rel in self.links]
        while todo:
            rel = todo.pop()
            if rel in reached:
                continue
            reached.add(rel)
            real = self._real(rel)
            if real is None:
                continue
            reached.add(real)
            info = self.info(real)
            if info is None:
                continue
            # $ORIGIN is the folder of the file as opened: through a symlink, the link's folder.
            for needed in info.needed:
                found = self.resolve(needed, rel, info)
                if found is not None and found not in reached:
                    todo.append(found)
        return reached

    def unreached_libraries(self) -> list[PurePosixPath]:
        """Shared libraries in the bundle that nothing loads."""
        reached = self.reached()
        return sorted(
            rel
            for rel in (*self.files, *self.links)
            if rel not in reached and is_shared_library(rel) and self._is_elf(rel)
        )

    def _is_elf(self, rel: PurePosixPath) -> bool:
        real = self._real(rel)
        return real is not None and self.info(real) is not None


def _expand(entry: str, origin: PurePosixPath) -> PurePosixPath | None:
    for token in ("$ORIGIN", "${ORIGIN}"):
        if entry.startswith(token):
            return PurePosixPath(_normalise(origin / entry[len(token) :].lstrip("/")))
    return None  # an absolute path or $LIB/$PLATFORM: outside the bundle


def _join(folder: PurePosixPath | None, name: str) -> PurePosixPath | None:
    if folder is None:
        return None
    return PurePosixPath(_normalise(folder / name))


def _normalise(path: PurePosixPath) -> str:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts) or "."


def unreached_in_toc(
    entries: Iterable[tuple[str, str, str]], executable: Path, exe_name: str, contents: str = "_internal"
) -> set[str]:
    """The destination names of TOC entries (dest, source, typecode) that are shared libraries nothing loads.

    For the spec, before COLLECT lays the folder out: TOC destinations go under `contents`, the executable
    beside it.
    """
    top = PurePosixPath(contents)
    files: dict[PurePosixPath, Path] = {PurePosixPath(exe_name): executable}
    links: dict[PurePosixPath, PurePosixPath] = {}
    for dest, source, typecode in entries:
        rel = top / dest.replace("\\", "/")
        if typecode == "SYMLINK":
            links[rel] = PurePosixPath(_normalise(rel.parent / source.replace("\\", "/")))
        else:
            files[rel] = Path(source)
    bundle = Bundle(files, links, PurePosixPath(exe_name), top)
    return {str(rel.relative_to(top)) for rel in bundle.unreached_libraries()}
