"""A small validator for the parts of Lexicon our records use (object, ref, array, union, string, integer).

Strings: maxLength counts UTF-8 bytes and maxGraphemes grapheme clusters, as the AT Protocol specifies.
Refs to lexicons we do not have (other embeds) are not followed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import regex

DATA = Path(__file__).resolve().parents[2] / "data" / "atproto-lexicons"


def load_lexicons() -> dict[str, dict[str, Any]]:
    docs: dict[str, dict[str, Any]] = {}
    for path in DATA.glob("*.json"):
        doc = json.loads(path.read_text(encoding="utf-8"))
        docs[doc["id"]] = doc
    return docs


class LexiconError(AssertionError):
    pass


class Validator:
    def __init__(self) -> None:
        self.docs = load_lexicons()

    def _resolve(self, ref: str, current: str) -> tuple[dict[str, Any], str] | None:
        nsid, _, name = ref.partition("#")
        nsid = nsid or current
        doc = self.docs.get(nsid)
        if doc is None:
            return None
        return doc["defs"][name or "main"], nsid

    def validate(self, value: Any, schema: dict[str, Any], nsid: str, where: str = "$") -> None:
        kind = schema["type"]
        if kind == "record":
            self.validate(value, schema["record"], nsid, where)
        elif kind == "object":
            if not isinstance(value, dict):
                raise LexiconError(f"{where}: expected object")
            for key in schema.get("required", []):
                if key not in value:
                    raise LexiconError(f"{where}: missing {key}")
            for key, prop in schema.get("properties", {}).items():
                if key in value:
                    self.validate(value[key], prop, nsid, f"{where}.{key}")
        elif kind == "ref":
            target = self._resolve(schema["ref"], nsid)
            if target is not None:
                self.validate(value, target[0], target[1], where)
        elif kind == "union":
            type_name = value.get("$type") if isinstance(value, dict) else None
            refs = [r if not r.startswith("#") else f"{nsid}{r}" for r in schema["refs"]]
            if type_name not in refs:
                raise LexiconError(f"{where}: $type {type_name!r} not in {refs}")
            target = self._resolve(type_name, nsid)
            if target is not None:
                self.validate(value, target[0], target[1], where)
        elif kind == "array":
            if not isinstance(value, list):
                raise LexiconError(f"{where}: expected array")
            if "maxLength" in schema and len(value) > schema["maxLength"]:
                raise LexiconError(f"{where}: too many items")
            for n, item in enumerate(value):
                self.validate(item, schema["items"], nsid, f"{where}[{n}]")
        elif kind == "string":
            if not isinstance(value, str):
                raise LexiconError(f"{where}: expected string")
            if "maxLength" in schema and len(value.encode("utf-8")) > schema["maxLength"]:
                raise LexiconError(f"{where}: longer than {schema['maxLength']} bytes")
            if "maxGraphemes" in schema and len(regex.findall(r"\X", value)) > schema["maxGraphemes"]:
                raise LexiconError(f"{where}: more than {schema['maxGraphemes']} graphemes")
            fmt = schema.get("format")
            if fmt == "uri" and not regex.match(r"^[a-z][a-z0-9+.\-]*:\S+$", value, regex.IGNORECASE):
                raise LexiconError(f"{where}: not a uri: {value!r}")
            if fmt == "did" and not regex.match(r"^did:[a-z]+:[a-zA-Z0-9._:%\-]+$", value):
                raise LexiconError(f"{where}: not a did: {value!r}")
        elif kind == "integer":
            if not isinstance(value, int) or isinstance(value, bool):
                raise LexiconError(f"{where}: expected integer")
            if "minimum" in schema and value < schema["minimum"]:
                raise LexiconError(f"{where}: below {schema['minimum']}")

    def validate_main(self, nsid: str, value: Any) -> None:
        self.validate(value, self.docs[nsid]["defs"]["main"], nsid)
