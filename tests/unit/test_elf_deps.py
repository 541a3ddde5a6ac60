"""packaging/elf_deps.py walks the ELF dependency graph as ld.so resolves it, on libraries built here with gcc.

A small bundle: an extension module needs liba through DT_RPATH $ORIGIN/libs (searched before the top folder);
liba needs libb, found in the bundle's top folder (where the bootloader points the library path); libc_old
sits there too and nothing needs it; a symlink at the top points at liba but DT_RPATH finds liba first. The
walk must find a and b, and only libc_old and the unused link as dead weight, whatever the files are called.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF is the Linux format")


@pytest.fixture(autouse=True)
def _gcc() -> None:
    if shutil.which("gcc") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("gcc is required under CI (see .ci/run)")
        pytest.skip("gcc not installed")


def elf_deps() -> ModuleType:
    if "elf_deps" not in sys.modules:  # packaging/ is not a package: the spec puts it on sys.path
        spec = importlib.util.spec_from_file_location("elf_deps", ROOT / "packaging" / "elf_deps.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["elf_deps"] = module
        spec.loader.exec_module(module)
    return sys.modules["elf_deps"]


def gcc(out: Path, source: str, *flags: str) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    c_file = out.parent / "source.c"
    c_file.write_text(source)
    done = subprocess.run(
        ["gcc", "-shared", "-fPIC", "-o", str(out), str(c_file), *flags], capture_output=True, text=True
    )
    c_file.unlink()
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    top = tmp_path_factory.mktemp("bundle")
    internal = top / "_internal"
    gcc(internal / "libb.so.2", "int b(void) { return 2; }", "-Wl,-soname,libb.so.2")
    gcc(internal / "libc_old.so.1", "int c(void) { return 3; }")
    gcc(
        internal / "pkg" / "libs" / "liba.so.1",
        "int b(void); int a(void) { return b(); }",
        "-Wl,-soname,liba.so.1",
        f"-L{internal}",
        "-l:libb.so.2",
    )
    gcc(
        internal / "pkg" / "ext.cpython-311-x86_64-linux-gnu.so",
        "int a(void); int ext(void) { return a(); }",
        f"-L{internal / 'pkg' / 'libs'}",
        "-l:liba.so.1",
        "-Wl,--disable-new-dtags,-rpath,$ORIGIN/libs",
    )
    (internal / "liba.so.1").symlink_to("pkg/libs/liba.so.1")
    (internal / "notes.txt").write_text("not a library")
    return top


def test_reads_needed_and_runpath(bundle: Path) -> None:
    info = elf_deps().read_elf(bundle / "_internal" / "pkg" / "ext.cpython-311-x86_64-linux-gnu.so")
    assert "liba.so.1" in info.needed
    assert info.rpath == ("$ORIGIN/libs",) and info.runpath == ()
    assert elf_deps().read_elf(bundle / "_internal" / "notes.txt") is None


def test_walk_finds_what_loads_and_only_the_dead_weight(bundle: Path) -> None:
    walk = elf_deps().Bundle.from_folder(bundle, "no-executable")
    reached = {str(path) for path in walk.reached()}
    assert "_internal/pkg/libs/liba.so.1" in reached  # through $ORIGIN/libs
    assert "_internal/libb.so.2" in reached  # through the top folder
    assert [str(path) for path in walk.unreached_libraries()] == [
        "_internal/liba.so.1",
        "_internal/libc_old.so.1",
    ]


def test_rpath_is_searched_before_the_top_folder_and_runpath_after() -> None:
    module = elf_deps()
    asker = PurePosixPath("_internal/pkg/ext.so")
    files = {
        PurePosixPath("_internal/libx.so.1"): Path("/dev/null"),
        PurePosixPath("_internal/pkg/libs/libx.so.1"): Path("/dev/null"),
    }
    walk = module.Bundle(files, top=PurePosixPath("_internal"))
    rpath = module.ElfInfo(("libx.so.1",), ("$ORIGIN/libs",), ())
    runpath = module.ElfInfo(("libx.so.1",), (), ("$ORIGIN/libs",))
    assert walk.resolve("libx.so.1", asker, rpath) == PurePosixPath("_internal/pkg/libs/libx.so.1")
    assert walk.resolve("libx.so.1", asker, runpath) == PurePosixPath("_internal/libx.so.1")
    assert walk.resolve("libsystem.so.6", asker, runpath) is None  # the system's, not the bundle's


def test_toc_form_used_by_the_spec(bundle: Path) -> None:
    internal = bundle / "_internal"
    toc = [
        (
            "pkg/ext.cpython-311-x86_64-linux-gnu.so",
            str(internal / "pkg" / "ext.cpython-311-x86_64-linux-gnu.so"),
            "EXTENSION",
        ),
        ("pkg/libs/liba.so.1", str(internal / "pkg" / "libs" / "liba.so.1"), "BINARY"),
        ("libb.so.2", str(internal / "libb.so.2"), "BINARY"),
        ("libc_old.so.1", str(internal / "libc_old.so.1"), "BINARY"),
        ("liba.so.1", "pkg/libs/liba.so.1", "SYMLINK"),
    ]
    unreached = elf_deps().unreached_in_toc(toc, Path(sys.executable), "app")
    assert unreached == {"libc_old.so.1", "liba.so.1"}
