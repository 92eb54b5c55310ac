#!/usr/bin/env python3
"""Writes a composition-heavy synthetic corpus: N draft-07 event schemas plus N/5 shared type files.

Every event uses the constructs real webhook schema sets use: allOf of a shared base ($ref) plus local properties,
a discriminated oneOf of objects, an anyOf [$ref, null], "type": [X, "null"], an enum containing null,
schema-valued additionalProperties, relative $refs, no descriptions on most properties. Subjects and versions are
x- keywords (plain jsonschema2pojo ignores them). Output is deterministic: same N, same bytes.

usage: gen_composition.py N DIR
"""
import json
import os
import sys

DRAFT = "http://json-schema.org/draft-07/schema#"


def shared(j):
    return {
        "$schema": DRAFT,
        "$id": f"actor-{j:03d}.json",
        "title": f"Actor{j:03d}",
        "type": "object",
        "required": ["id", "login"],
        "properties": {
            "id": {"type": "integer"},
            "login": {"type": "string"},
            "email": {"type": ["string", "null"]},
            "kind": {"enum": ["user", "bot", None]},
        },
    }


def event(i, shared_count):
    a = f"shared/actor-{i % shared_count:03d}.json"
    return {
        "$schema": DRAFT,
        "$id": f"event-{i:04d}.json",
        "title": f"Thing{i:04d}",
        "x-subject": f"thing{i:04d}.happened",
        "x-version": 1 + i % 3,
        "definitions": {
            "base": {
                "type": "object",
                "required": ["action", "sender"],
                "properties": {"action": {"type": "string"}, "sender": {"$ref": a}},
            }
        },
        "allOf": [
            {"$ref": "#/definitions/base"},
            {
                "type": "object",
                "required": ["payload"],
                "properties": {
                    "payload": {
                        "oneOf": [
                            {"title": f"Thing{i:04d}Card", "type": "object", "required": ["type", "last4"],
                             "properties": {"type": {"const": "card"}, "last4": {"type": "string"}}},
                            {"title": f"Thing{i:04d}Bank", "type": "object", "required": ["type", "iban"],
                             "properties": {"type": {"const": "bank"}, "iban": {"type": "string"}}},
                        ]
                    },
                    "assignee": {"anyOf": [{"$ref": a}, {"type": "null"}]},
                    "amount": {"type": "number", "minimum": 0},
                    "count": {"type": "integer"},
                    "at": {"type": "string", "format": "date-time"},
                    "note": {"type": ["string", "null"]},
                    "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                    "items": {"type": "array", "items": {"type": "object", "properties": {
                        "sku": {"type": "string"}, "qty": {"type": "integer", "minimum": 1, "maximum": 1000}}}},
                },
            },
        ],
    }


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    shared_count = max(1, n // 5)
    os.makedirs(os.path.join(out, "shared"), exist_ok=True)
    for j in range(shared_count):
        with open(os.path.join(out, "shared", f"actor-{j:03d}.json"), "w") as f:
            json.dump(shared(j), f, indent=2)
            f.write("\n")
    for i in range(n):
        with open(os.path.join(out, f"event-{i:04d}.json"), "w") as f:
            json.dump(event(i, shared_count), f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
