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
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top level)"
        raise ManifestError(f"{where}: {first.message}")
    if data["architecture"]["image_size"] != data["input_size"]:
        raise ManifestError("architecture/image_size must equal input_size")
    return data


def parse_manifest(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise ManifestError(f"not valid JSON: {e}") from e
    return validate_manifest(data)
