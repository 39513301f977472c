#!/usr/bin/env python3
"""Writes a Reflekt project with N event schemas of realistic shape, for bench/lint.sh.

    gen_schemas.py TARGET N [refs|inlined]

With `refs`, the nested objects and array items are 25 shared definitions under
schemas/.reflekt/definitions/ that the events use with $ref; with `inlined`, the same definitions are
written into each event. Both resolve to the same schemas (bench/refs.sh compares their lint times).

Each schema has 10-40 properties (set BENCH_PROPERTIES=3-8 for schemas of about 2.5 KB, the size of the
real-world registry the lint targets of issue 17 were measured on); about a third have a nested object and a
third an array of objects, as real tracking plans do. The output is deterministic for a given N (fixed seed), and the
schemas pass lint, so that the benchmark times a green CI run.
"""
import json
import os
import random
import shutil
import sys

WORDS = ("cart order product checkout page screen user account coupon payment shipping search "
         "filter promotion review wishlist video article signup login subscription plan invoice "
         "address device session campaign referral share comment rating").split()
TYPES = ["string", "integer", "number", "boolean", ["string", "null"]]


def title(words):
    return " ".join(w.capitalize() for w in words)


DEFINITIONS = 25


def definition(j):
    rng = random.Random(1000 + j)
    return {"description": f"Shared definition {j}.", "type": "object",
            "properties": {f"{rng.choice(WORDS)}_{c}": {"description": "A property of the definition.",
                                                       "type": rng.choice(TYPES)} for c in "abcd"}}


def shared(rng, mode, description):
    j = rng.randrange(DEFINITIONS)
    if mode == "refs":
        return {"$ref": f"../../.reflekt/definitions/d{j}/1-0.json", "description": description}
    inlined = dict(definition(j))
    inlined["description"] = description
    return inlined


def prop(rng, depth, mode=None):
    kind = rng.random()
    if mode and depth == 0 and kind < 0.08:
        return shared(rng, mode, "A nested object.")
    if mode and depth == 0 and kind < 0.16:
        return {"description": "A list of items.", "type": "array", "items": shared(rng, mode, "An item.")}
    if depth == 0 and kind < 0.08:
        return {"description": "A nested object.", "type": "object",
                "properties": {f"{rng.choice(WORDS)}_{c}": prop(rng, 1) for c in "abcd"}}
    if depth == 0 and kind < 0.16:
        return {"description": "A list of items.", "type": "array",
                "items": {"type": "object", "properties": {f"{rng.choice(WORDS)}_{c}": prop(rng, 1) for c in "abc"}}}
    return {"description": "A property of the event.", "type": rng.choice(TYPES)}


def main():
    target, n = sys.argv[1], int(sys.argv[2])
    mode = sys.argv[3] if len(sys.argv) > 3 else None
    here = os.path.dirname(os.path.abspath(__file__))
    example = os.path.join(here, "..", "examples", "jaffle-shop")
    os.makedirs(os.path.join(target, "schemas", ".reflekt", "meta"), exist_ok=True)
    # The example's config, without Profiles Sync: the benchmark's warehouse has no Profiles Sync schema.
    with open(os.path.join(example, "reflekt_project.yml")) as f:
        config = f.read().split("    profiles_sync:")[0]
    with open(os.path.join(target, "reflekt_project.yml"), "w") as f:
        f.write(config)
    shutil.copy(os.path.join(example, "schemas", ".reflekt", "meta", "1-0.json"),
                os.path.join(target, "schemas", ".reflekt", "meta", "1-0.json"))
    if mode == "refs":
        for j in range(DEFINITIONS):
            folder = os.path.join(target, "schemas", ".reflekt", "definitions", f"d{j}")
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, "1-0.json"), "w") as f:
                json.dump(definition(j), f, indent=2)
    low, high = (int(x) for x in os.environ.get("BENCH_PROPERTIES", "10-40").split("-"))
    rng = random.Random(42)
    for i in range(n):
        letters = "".join(chr(ord("a") + (i // 26 ** k) % 26) for k in range(3))
        name = title([rng.choice(WORDS), rng.choice(WORDS), "Event", letters])
        folder = name.replace(" ", "_")
        properties = {}
        while len(properties) < rng.randint(low, high):
            properties["_".join(rng.sample(WORDS, 2))] = prop(rng, 0, mode)
        schema_id = f"bench/{folder}/1-0.json"
        schema = {
            "$schema": "http://json-schema.org/draft-07/schema#",
            "$id": schema_id,
            "description": f"Benchmark event {i}.",
            "self": {"vendor": "com.bench", "name": name, "format": "jsonschema", "version": "1-0",
                     "metadata": {"code_owner": "web", "product_owner": "growth"}},
            "type": "object",
            "properties": properties,
            "required": sorted(properties)[:3],
            "additionalProperties": False,
        }
        path = os.path.join(target, "schemas", schema_id)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            json.dump(schema, f, indent=2)


if __name__ == "__main__":
    main()
