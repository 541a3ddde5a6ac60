"""The installer sources and release workflows are well-formed and say what the release process relies on.

Nothing here builds an installer (that needs Windows and macOS): these checks catch, on any machine and
in seconds, the mistakes that would otherwise surface only in a tagged release run.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import plistlib
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
PACKAGING = ROOT / "packaging"
ISS = PACKAGING / "windows" / "cm_desktop.iss"
SHELL_SCRIPTS = [
    PACKAGING / "macos" / "build_dmg.sh",
    PACKAGING / "linux" / "build_tarball.sh",
    PACKAGING / "linux" / "install-menu-entry.sh",
]
RELEASE_OSES = {"windows-latest", "macos-latest", "macos-15-intel", "ubuntu-latest"}
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX bash and file modes")


def _workflow(name: str) -> dict[str, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _triggers(workflow: dict[str, Any]) -> Any:
    # YAML 1.1 reads the bare key `on` as the boolean True.
    return workflow.get("on", workflow.get(True))


def _steps(workflow: dict[str, Any], job: str) -> list[dict[str, Any]]:
    steps = workflow["jobs"][job]["steps"]
    assert isinstance(steps, list)
    return steps


# ---- workflows -------------------------------------------------------------------------------------------


def _check_workflows(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_workflows_match_githubs_published_schema(tmp_path: Path) -> None:
    """GitHub's own workflow schema (vendored by check-jsonschema): a misspelt key or a bad `on` fails here."""
    result = _check_workflows(*sorted(WORKFLOWS.glob("*.yml")))
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "broken.yml"
    broken.write_text(
        (WORKFLOWS / "ci.yml").read_text(encoding="utf-8").replace("runs-on:", "run-on:", 1), encoding="utf-8"
    )
    assert _check_workflows(broken).returncode != 0  # the check really looks at the content


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_workflow_parses_and_pins_actions_by_major_version(path: Path) -> None:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(workflow, dict) and workflow.get("jobs")
    assert _triggers(workflow)
    for job in workflow["jobs"].values():
        assert job.get("timeout-minutes"), "a hung job would hold a runner for 6 hours"
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", step["uses"]), step["uses"]


def test_ci_runs_the_readme_test_command_on_three_systems_and_two_pythons() -> None:
    ci = _workflow("ci.yml")
    triggers = _triggers(ci)
    assert "push" in triggers and "pull_request" in triggers
    matrix = ci["jobs"]["test"]["strategy"]["matrix"]
    assert set(matrix["os"]) == {"ubuntu-latest", "windows-latest", "macos-latest"}
    assert set(matrix["python"]) == {"3.11", "3.12"}
    steps = _steps(ci, "test")
    runs = "\n".join(step.get("run", "") for step in steps)
    assert "bash .ci/run" in runs and "scripts/dev.py test" in runs
    node = next(step for step in steps if step.get("uses", "").startswith("actions/setup-node@"))
    assert str(node["with"]["node-version"]) == "20"
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == "tests/peers/bluesky/node_modules"
    key = cache["with"]["key"]
    assert "runner.os" in key and "node-version" in key and "package-lock.json" in key


def test_release_self_tests_and_uploads_every_system() -> None:
    release = _workflow("release.yml")
    triggers = _triggers(release)
    assert triggers["push"]["tags"] == ["v*"] and "workflow_dispatch" in triggers
    include = release["jobs"]["build"]["strategy"]["matrix"]["include"]
    assert {entry["os"] for entry in include} == RELEASE_OSES
    for entry in include:
        assert entry["frozen"].replace("\\", "/").startswith("build/dist/"), entry
    steps = _steps(release, "build")
    names = [step.get("name", step.get("uses", "")) for step in steps]
    self_test = next(step for step in steps if "check_installers.py self-test" in step.get("run", ""))
    assert self_test.get("if") is None, "the frozen app must be self-tested on every system"
    assert "matrix.frozen" in str(self_test.get("env"))
    assert "--require-keychain" in str(self_test.get("env")), "Windows and macOS builds need their keychain"
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-artifact@v4"))
    assert upload["with"]["if-no-files-found"] == "error"
    order = [
        next(i for i, step in enumerate(steps) if marker in step.get("run", ""))
        for marker in (
            "scripts/dev.py test",
            "translations.py build",
            "cm_desktop.spec",
            "check_installers.py self-test",
        )
    ]
    assert order == sorted(order), f"tests, translations, PyInstaller, self-test: in that order ({names})"
    runs = "\n".join(step.get("run", "") for step in steps)
    for installer in ("cm_desktop.iss", "packaging/macos/build_dmg.sh", "packaging/linux/build_tarball.sh"):
        assert installer in runs
    # Each installer is installed, self-tested and removed on its own system before it is uploaded.
    upload_at = steps.index(upload)
    for system, builder, check in (
        ("Windows", "cm_desktop.iss", "check_installers.py windows"),
        ("macOS", "packaging/macos/build_dmg.sh", "check_installers.py macos"),
    ):
        built = next(i for i, step in enumerate(steps) if builder in step.get("run", ""))
        checked = next(i for i, step in enumerate(steps) if check in step.get("run", ""))
        assert built < checked < upload_at, system
        assert steps[checked]["if"] == f"runner.os == '{system}'"
    publish = release["jobs"]["publish"]
    assert "refs/tags/v" in publish["if"] and publish["permissions"]["contents"] == "write"
    assert any(step.get("uses", "").startswith("softprops/action-gh-release@") for step in publish["steps"])


def test_release_gives_secrets_only_to_the_steps_that_sign() -> None:
    release = _workflow("release.yml")
    for flag in release["jobs"]["build"]["env"].values():
        # Job-wide values may test whether a secret exists, never carry one.
        assert "secrets." not in str(flag) or "!= ''" in str(flag)
    for step in _steps(release, "build"):
        if "secrets." in str(step.get("env", {})):
            assert re.search(r"sign|certificate|disk image", step["name"], re.IGNORECASE), step["name"]
            assert "dev.py" not in step.get("run", "")


def test_every_secret_the_release_uses_is_documented() -> None:
    text = (WORKFLOWS / "release.yml").read_text(encoding="utf-8")
    readme = (PACKAGING / "README.md").read_text(encoding="utf-8")
    secrets = set(re.findall(r"secrets\.([A-Z0-9_]+)", text))
    assert secrets >= {"WINDOWS_CERT_PFX", "WINDOWS_CERT_PASSWORD", "APPLE_ID", "APPLE_TEAM_ID"}
    assert sorted(s for s in secrets if s not in readme) == []


@POSIX_ONLY
def test_ci_installs_exactly_the_packages_ci_run_lists() -> None:
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    listed = re.search(r'packages="([^"]+)"', ci_run)
    assert listed
    expected = listed.group(1).replace("\\", " ").split()
    command = next(
        line.strip()
        for step in _steps(_workflow("ci.yml"), "test")
        for line in step.get("run", "").splitlines()
        if line.strip().startswith("packages=$(")
    )
    done = subprocess.run(
        ["bash", "-c", f'{command}\nprintf "%s" "$packages"'], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == expected


# ---- Windows ------------------------------------------------------------------------------------------------


def _iss() -> str:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "without a BOM Inno Setup reads the script as ANSI"
    return raw.decode("utf-8-sig")


def _custom_messages(text: str) -> dict[str, dict[str, str]]:
    section = re.search(r"^\[CustomMessages\]\n(.*?)(?=^\[)", text, re.MULTILINE | re.DOTALL)
    assert section
    messages: dict[str, dict[str, str]] = {}
    for line in section.group(1).splitlines():
        if line.strip() and not line.startswith(";"):
            match = re.fullmatch(r"(\w+)\.(\w+)=(.*)", line)
            assert match, line
            messages.setdefault(match.group(2), {})[match.group(1)] = match.group(3)
    return messages


def test_inno_setup_script_installs_per_user_in_english_and_french() -> None:
    text = _iss()
    setup_section = text.split("[Setup]", 1)[1].split("\n[", 1)[0]
    setup = dict(re.findall(r"^(\w+)=(.*)$", setup_section, re.MULTILINE))
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"] == r"{autopf}\{#AppName}"
    assert re.fullmatch(r"\{\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}", setup["AppId"])
    assert setup["AppVersion"] == "{#AppVersion}" and "#ifndef AppVersion" in text
    assert setup["CloseApplications"] == "yes"
    assert re.search(r'^Name: "en"; MessagesFile: "compiler:Default\.isl"$', text, re.MULTILINE)
    assert re.search(r'^Name: "fr"; MessagesFile: "compiler:Languages\\French\.isl"$', text, re.MULTILINE)
    assert re.search(r"^#ifdef SIGN\n(?:.*\n)*?SignTool=signtool\n(?:.*\n)*?#endif", text, re.MULTILINE)
    assert text.count("SignTool=") == 1, "signing must stay optional (only under #ifdef SIGN)"
    assert re.search(r'^Name: "desktopicon";.*Flags: unchecked$', text, re.MULTILINE)
    assert re.search(r'^Source: "\{#Bundle\}\\\*";.*recursesubdirs', text, re.MULTILINE)


def test_inno_setup_messages_exist_in_both_languages() -> None:
    text = _iss()
    messages = _custom_messages(text)
    used = set(re.findall(r"\{cm:(\w+)\}", text)) | set(re.findall(r"CustomMessage\('(\w+)'\)", text))
    assert used, "the script shows no custom message at all?"
    assert sorted(name for name in used if set(messages.get(name, {})) != {"en", "fr"}) == []
    assert sorted(name for name, langs in messages.items() if set(langs) != {"en", "fr"}) == []
    assert sorted(set(messages) - used) == [], "unused custom messages"
    for name, langs in messages.items():
        assert langs["en"] != langs["fr"], f"{name} is not translated"
        assert re.findall(r"%\d", langs["en"]) == re.findall(r"%\d", langs["fr"]), name


def test_uninstaller_keeps_data_unless_the_person_says_yes() -> None:
    text = _iss()
    question = _custom_messages(text)["DeleteDataQuestion"]
    assert "Also delete my posts, settings and backups?" in question["en"]
    assert "Supprimer aussi mes publications, mes réglages et mes sauvegardes ?" in question["fr"]
    code = text.split("[Code]", 1)[1]
    assert "procedure CurUninstallStepChanged" in code
    # No by default, and never in a silent uninstall.
    assert "MB_YESNO or MB_DEFBUTTON2" in code and "not UninstallSilent()" in code
    assert "ExpandConstant('{localappdata}\\CM Desktop')" in code
    assert "[UninstallDelete]" not in text


def test_version_info_is_a_valid_windows_version_resource(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("version_info", PACKAGING / "windows" / "version_info.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    import cm_desktop

    assert module.read_version() == cm_desktop.__version__
    out = tmp_path / "version_info.txt"
    assert module.main(["--output", str(out), "--version", "2.10.3rc1"]) == 0
    text = out.read_text(encoding="utf-8")
    tree = ast.parse(text, mode="eval")
    assert isinstance(tree.body, ast.Call) and ast.unparse(tree.body.func) == "VSVersionInfo"
    assert "filevers=(2, 10, 3, 0)" in text
    for field in ("CompanyName", "FileDescription", "ProductName"):
        assert f"StringStruct('{field}', 'CM Desktop')" in text
    assert "StringStruct('ProductVersion', '2.10.3rc1')" in text


# ---- macOS --------------------------------------------------------------------------------------------------


def test_entitlements_are_a_plain_xml_plist() -> None:
    raw = (PACKAGING / "macos" / "entitlements.plist").read_bytes()
    # Apple's notary service rejects entitlements with comments, a BOM or CRLF line endings.
    assert b"<!--" not in raw and not raw.startswith(b"\xef\xbb\xbf")
    if sys.platform != "win32":  # a Windows checkout may convert line endings; the committed file must not
        assert b"\r\n" not in raw
    entitlements = plistlib.loads(raw)
    assert isinstance(entitlements, dict)
    assert all(value is True for value in entitlements.values()), "list only the exceptions granted"
    assert "com.apple.security.get-task-allow" not in entitlements, "debug-only: notarization refuses it"


def _strings_file(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    entries: dict[str, str] = {}
    for line in filter(None, (line.strip() for line in text.splitlines())):
        match = re.fullmatch(r'"([A-Za-z]+)"\s*=\s*"((?:[^"\\]|\\.)*)";', line)
        assert match, f"{path}: {line!r}"
        entries[match.group(1)] = match.group(2)
    return entries


def test_infoplist_strings_are_well_formed_in_both_languages() -> None:
    english = _strings_file(PACKAGING / "macos" / "en.lproj" / "InfoPlist.strings")
    french = _strings_file(PACKAGING / "macos" / "fr.lproj" / "InfoPlist.strings")
    assert set(english) == set(french) and {"CFBundleDisplayName", "CFBundleName"} <= set(english)
    assert english["CFBundleDisplayName"] == french["CFBundleDisplayName"] == "CM Desktop"


def test_dmg_script_signs_and_notarizes_only_when_asked() -> None:
    script = (PACKAGING / "macos" / "build_dmg.sh").read_text(encoding="utf-8")
    assert '[ -n "$IDENTITY" ]' in script and "--options runtime" in script and "--timestamp" in script
    assert "xcrun notarytool submit" in script and "xcrun stapler staple" in script
    for secret in ("APPLE_ID", "APPLE_TEAM_ID", "APPLE_APP_PASSWORD"):
        assert f'[ -n "${{{secret}:-}}" ]' in script
    assert "ln -s /Applications" in script and "-format UDZO" in script
    # The localisations go in before signing: changing a signed bundle breaks its signature.
    assert script.index("InfoPlist.strings") < script.index("codesign --deep")


# ---- Linux --------------------------------------------------------------------------------------------------


def test_desktop_entry_has_what_menus_need() -> None:
    lines = (PACKAGING / "linux" / "cm-desktop.desktop").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    entry = dict(line.split("=", 1) for line in lines[1:] if line and not line.startswith("#"))
    assert entry["Type"] == "Application" and entry["Name"] == "CM Desktop"
    assert entry["Exec"] == "cm-desktop" and entry["Icon"] == "cm-desktop" and entry["Terminal"] == "false"
    assert "Comment[fr]" in entry and "GenericName[fr]" in entry


# ---- shell scripts ------------------------------------------------------------------------------------------


@POSIX_ONLY
@pytest.mark.parametrize("script", SHELL_SCRIPTS, ids=lambda p: p.name)
def test_shell_script_is_strict_executable_and_parses(script: Path) -> None:
    text = script.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash\n") and "\nset -euo pipefail\n" in text
    assert os.access(script, os.X_OK), f"chmod +x {script.relative_to(ROOT)}"
    done = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


@POSIX_ONLY
def test_shell_scripts_pass_shellcheck() -> None:
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        # Strict under CI once .ci/run installs shellcheck; until then a machine without it skips.
        listed_in_ci = "shellcheck" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
        if os.environ.get("CI") == "true" and listed_in_ci:
            pytest.fail("shellcheck is listed in .ci/run but not installed")
        pytest.skip("shellcheck not installed (Debian/Ubuntu: apt-get install shellcheck)")
    done = subprocess.run([shellcheck, *map(str, SHELL_SCRIPTS)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
