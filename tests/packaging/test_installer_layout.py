"""The Windows installer script against the real onedir layout (Inno Setup's compiler cannot run here).

packaging/windows/cm_desktop.iss is parsed the way the compiler reads it: preprocessor directives applied, then the
[Files], [Icons] and [Run] entries. Every Source must exist in the bundle the spec builds (the Linux one here:
same spec, same layout, with the executable named without `.exe`), the wildcard must install the whole bundle,
and the shortcuts and the "open now" entry must point at the executable the spec names.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "cm_desktop.iss"
SPEC = ROOT / "packaging" / "cm_desktop.spec"


def preprocess(text: str, given: dict[str, str]) -> tuple[str, dict[str, str]]:
    """ISPP as far as the script uses it: #ifdef/#ifndef/#else/#endif, #define Name "text" or Other + "text",
    #error; `given` stands for the compiler's /D options. Returns the remaining lines and the defines."""
    values = dict(given)
    active: list[bool] = []
    kept: list[str] = []
    for line in text.splitlines():
        directive = line.strip()
        if directive.startswith(("#ifdef ", "#ifndef ")):
            name = directive.split()[1]
            active.append((name in values) == directive.startswith("#ifdef "))
        elif directive == "#else":
            active[-1] = not active[-1]
        elif directive == "#endif":
            active.pop()
        elif not all(active):
            continue
        elif directive.startswith("#error"):
            raise AssertionError(directive)
        elif directive.startswith("#define "):
            name, expression = directive.removeprefix("#define ").split(" ", 1)
            parts = [part.strip() for part in expression.split("+")]
            values[name] = "".join(part[1:-1] if part.startswith('"') else values[part] for part in parts)
        else:
            kept.append(line)
    assert not active, "unbalanced #ifdef"
    return "\n".join(kept) + "\n", values


def expand(value: str, values: dict[str, str]) -> str:
    return re.sub(r"\{#(\w+)\}", lambda match: values[match.group(1)], value)


def split_entry(line: str) -> dict[str, str]:
    """`Source: "a;b"; DestDir: "{app}"; Flags: x y` -> {"Source": "a;b", ...} ("" escapes a quote)."""
    entry: dict[str, str] = {}
    for match in re.finditer(r'\s*(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)', line):
        key, raw = match.group(1), match.group(2).strip()
        entry[key] = raw[1:-1].replace('""', '"') if raw.startswith('"') else raw
    return entry


def section(text: str, name: str, values: dict[str, str]) -> list[dict[str, str]]:
    body = re.search(rf"^\[{name}\]\n(.*?)(?=^\[|\Z)", text, re.MULTILINE | re.DOTALL)
    assert body, f"no [{name}] section"
    lines = [line for line in body.group(1).splitlines() if line.strip() and not line.startswith((";", "#"))]
    return [{key: expand(value, values) for key, value in split_entry(line).items()} for line in lines]


def spec_names() -> tuple[str, str]:
    """The executable's and the bundle folder's names, as the spec gives them to EXE and COLLECT."""
    text = SPEC.read_text(encoding="utf-8")
    exe = re.search(r"^exe = EXE\(.*?\bname=\"([^\"]+)\"", text, re.MULTILINE | re.DOTALL)
    coll = re.search(r"^coll = COLLECT\(.*?\bname=\"([^\"]+)\"", text, re.MULTILINE | re.DOTALL)
    assert exe and coll
    return exe.group(1), coll.group(1)


@pytest.fixture(scope="module")
def script() -> tuple[str, dict[str, str]]:
    # As the release compiles it: /DAppVersion=..., unsigned (a signed build only adds a flag).
    return preprocess(ISS.read_bytes().decode("utf-8-sig"), {"AppVersion": "1.2.3"})


def test_defines_name_the_executable_and_folder_the_spec_builds(script: tuple[str, dict[str, str]]) -> None:
    _, values = script
    exe_name, folder = spec_names()
    # PyInstaller adds .exe on Windows to the name the spec gives EXE.
    assert values["AppExe"] == f"{exe_name}.exe"
    bundle = PureWindowsPath(values["Bundle"])
    assert bundle.parts[-3:] == ("build", "dist", folder)
    assert (ISS.parent / PureWindowsPath(values["Root"]).as_posix()).resolve() == ROOT


@pytest.mark.slow
@pytest.mark.packaging
@pytest.mark.timeout(900)
def test_files_icons_and_run_match_the_real_onedir(
    script: tuple[str, dict[str, str]], frozen_onedir: Path
) -> None:
    text, values = script
    bundle_prefix = PureWindowsPath(values["Bundle"])
    on_disk = {
        PurePosixPath(p.relative_to(frozen_onedir).as_posix())
        for p in frozen_onedir.rglob("*")
        if p.is_file()
    }
    exe_name, _ = spec_names()

    def in_bundle(source: str) -> PurePosixPath:
        path = PureWindowsPath(source)
        assert path.is_relative_to(bundle_prefix), f"{source} is outside the bundle"
        relative = PurePosixPath(path.relative_to(bundle_prefix).as_posix())
        # The Windows executable is the Linux one plus ".exe".
        return relative.with_name(exe_name) if relative.as_posix() == values["AppExe"] else relative

    installed: dict[str, set[PurePosixPath]] = {}
    for entry in section(text, "Files", values):
        assert entry["DestDir"] == "{app}", entry
        pattern = in_bundle(entry["Source"])
        excludes = [
            in_bundle(values["Bundle"] + x.strip()) for x in entry.get("Excludes", "").split(",") if x.strip()
        ]
        recursive = "recursesubdirs" in entry.get("Flags", "").split()
        if any(char in pattern.name for char in "*?"):
            # Inno Setup: files in the source's folder whose name matches, and in its subfolders too with
            # recursesubdirs.
            folder = pattern.parent
            matched = {
                path
                for path in on_disk
                if (path.parent == folder or (recursive and path.is_relative_to(folder)))
                and fnmatch.fnmatchcase(path.name, pattern.name)
            }
        else:
            matched = {pattern} & on_disk
        matched -= set(excludes)
        assert matched, f"Source {entry['Source']} matches nothing in the onedir"
        installed[entry["Source"]] = matched
    everything = set().union(*installed.values())
    assert everything == on_disk, f"not installed: {sorted(map(str, on_disk - everything))[:10]}"
    assert PurePosixPath(exe_name) in everything

    def installed_exe(filename: str) -> None:
        path = PureWindowsPath(filename)
        assert path.parts[0] == "{app}" and path.name == values["AppExe"], filename

    icons = section(text, "Icons", values)
    assert icons, "no shortcut"
    for entry in icons:
        installed_exe(entry["Filename"])
    assert any(entry["Name"].startswith("{autoprograms}") for entry in icons), "no Start menu shortcut"
    for entry in section(text, "Run", values):
        installed_exe(entry["Filename"])
        assert "skipifsilent" in entry["Flags"].split(), "a silent install must not open the app"

    setup = dict(re.findall(r"^(\w+)=(.*)$", text.split("[Setup]", 1)[1].split("\n[", 1)[0], re.MULTILINE))
    installed_exe(expand(setup["UninstallDisplayIcon"], values))
    # The spec renders the installer's icon while it builds the bundle.
    icon = PureWindowsPath(expand(setup["SetupIconFile"], values))
    assert (ISS.parent / icon.as_posix()).resolve().is_file()
