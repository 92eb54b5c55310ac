#!/usr/bin/env python3
"""Writes N synthetic but realistic event contracts (plus one shared enum type) into a directory.

Each contract has 8-11 properties: strings with constraints, an integer, a number, a boolean, a date-time, an inline
enum, a nested object, a $ref to the shared type file and, for two thirds of them, an array. Only keywords both our
generator and plain jsonschema2pojo understand are used (x- keywords are ignored by jsonschema2pojo), so the two can
be compared on the same input. Output is deterministic: same N, same bytes.

usage: gen_contracts.py N DIR
"""
import json
import os
import sys


def contract(i):
    name = f"Entity{i:04d}"
    props = {
        "id": {"description": "Entity id.", "type": "string", "minLength": 1},
        "version": {"description": "Record version; starts at 0.", "type": "integer", "minimum": 0},
        "occurredAt": {"description": "When it happened (RFC 3339).", "type": "string", "format": "date-time"},
        "status": {"description": "Shared status type.", "$ref": "shared-status.json"},
        "kind": {"description": "Inline enum.", "type": "string", "enum": ["alpha", "beta", "gamma:delta"]},
        "amount": {"description": "Never negative.", "type": "number", "minimum": 0},
        "active": {"description": "Whether it is live.", "type": "boolean"},
        "detail": {
            "description": "Nested object.",
            "type": "object",
            "properties": {
                "code": {"description": "Short code.", "type": "string", "minLength": 1, "maxLength": 32},
                "count": {"description": "How many.", "type": "integer", "minimum": 0},
                "note": {"description": "Free text.", "type": "string"},
            },
            "required": ["code"],
            "additionalProperties": False,
        },
    }
    if i % 3 != 0:
        props["tags"] = {"description": "Free labels.", "type": "array", "items": {"type": "string"}}
    for extra in range(i % 3):
        props[f"attribute{extra}"] = {"description": "Extra attribute.", "type": "string", "maxLength": 200}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://bench.eventcontracts.io/schemas/entity-{i:04d}-changed.json",
        "title": f"{name}Changed",
        "description": f"Synthetic event number {i}.",
        "x-subject": f"entity{i:04d}:changed",
        "x-version": 1 + i % 4,
        "type": "object",
        "properties": props,
        "required": ["id", "version", "occurredAt", "status", "detail"],
        "additionalProperties": False,
    }


SHARED = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://bench.eventcontracts.io/schemas/shared-status.json",
    "title": "SharedStatus",
    "description": "Status shared by every synthetic event.",
    "x-kind": "type",
    "x-version": 1,
    "type": "string",
    "enum": ["created", "cancelled", "awaiting:payment", "complete"],
}


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "shared-status.json"), "w") as f:
        f.write(json.dumps(SHARED, indent=2) + "\n")
    for i in range(1, n + 1):
        with open(os.path.join(out, f"entity-{i:04d}-changed.json"), "w") as f:
            f.write(json.dumps(contract(i), indent=2) + "\n")


if __name__ == "__main__":
    main()
