"""The theme manifest's schema and its validation."""

import json
from functools import cache
from importlib import resources
from typing import Any

import jsonschema

MANIFEST_NAME = "manifest.json"


class ManifestError(ValueError):
    """The manifest is not valid JSON or breaks the schema; the message says where."""


@cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resources.files(__package__).joinpath("manifest.schema.json").read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema)


def validate_manifest(data: Any) -> dict[str, Any]:
    try:
        errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
        if errors:
            first = errors[0]
            where = "/".join(str(p) for p in first.absolute_path) or "(top level)"
            message = first.message
    except RecursionError:  # data nested deeper than Python's stack, from a hostile file
        raise ManifestError("it is nested too deeply to be a theme manifest") from None
    if errors:
        # The schema's message quotes the offending value, which may be most of a 256 KiB file.
        raise ManifestError(f"{where[:100]}: {_shortened(message)}")
    if isinstance(data["input_size"], float):  # the schema's "integer" lets 256.0 through
        raise ManifestError("input_size must be a whole number")
    if data["architecture"]["image_size"] != data["input_size"]:
        raise ManifestError("architecture/image_size must equal input_size")
    for key in ("id", "weights", "tflite", "preview"):
        if key in data and is_reserved_name(data[key]):
            raise ManifestError(f"{key}: {data[key]!r} is a name Windows keeps for a device; choose another")
    return data


def is_reserved_name(name: str) -> bool:
    """Whether Windows would open a device instead of a file or folder of this name (NUL.png is NUL), or drop
    a trailing dot. Refused on every platform, since a theme installed on Linux may be copied to Windows."""
    stem = name.split(".", 1)[0].upper()
    return name.endswith(".") or stem in _WINDOWS_DEVICES


_WINDOWS_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                              *(f"{port}{n}" for port in ("COM", "LPT") for n in range(10))})


def parse_manifest(text: str) -> dict[str, Any]:
    """The checked manifest; anything wrong with `text`, however hostile, raises only ManifestError."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ManifestError(f"not valid JSON: {e}") from e
    except RecursionError:
        raise ManifestError("it is nested too deeply to be a theme manifest") from None
    except ValueError as e:  # a number longer than Python converts (4,300 digits)
        raise ManifestError(f"not usable JSON: {_shortened(str(e))}") from None
    return validate_manifest(data)


def _shortened(message: str, limit: int = 300) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"
