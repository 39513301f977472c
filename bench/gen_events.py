#!/usr/bin/env python3
"""Writes a Reflekt project of 20 Segment-style events and N recorded track messages (NDJSON) for bench/check-events.sh.

    gen_events.py DIR N        DIR/schemas/bench/<Event>/1-0.json, DIR/events.ndjson

Each message is about 1 KB (12 properties: strings, numbers, booleans, an enum, a nested object, an array of objects);
10% are invalid (a wrong type, a missing required property or an enum value the schema does not list), 1% are events
no schema plans. Deterministic: the same N writes the same bytes.
"""
import json
import os
import random
import sys

EVENTS = 20


def schema(i):
    props = {
        "order_id": {"type": "string", "description": "The order."},
        "user_email": {"type": "string", "format": "email", "description": "Who."},
        "revenue": {"type": "number", "minimum": 0, "description": "How much."},
        "quantity": {"type": "integer", "minimum": 1, "description": "How many."},
        "currency": {"type": "string", "enum": ["EUR", "USD", "GBP"], "description": "In what."},
        "coupon": {"type": ["string", "null"], "description": "A coupon."},
        "gift": {"type": "boolean", "description": "A gift."},
        "note": {"type": "string", "maxLength": 600, "description": "A note."},
        "placed_at": {"type": "string", "format": "date-time", "description": "When."},
        "address": {
            "type": "object",
            "description": "Where.",
            "properties": {
                "street": {"type": "string", "description": "Street."},
                "city": {"type": "string", "description": "City."},
                "zip": {"type": "string", "pattern": "^[0-9]{5}$", "description": "Zip."},
            },
            "required": ["city"],
        },
        "items": {
            "type": "array",
            "description": "What.",
            "items": {
                "type": "object",
                "properties": {
                    "sku": {"type": "string", "description": "SKU."},
                    "price": {"type": "number", "description": "Price."},
                },
                "required": ["sku"],
            },
        },
        "channel": {"type": "string", "description": "Channel."},
    }
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "bench/Event_%02d/1-0.json" % i,
        "description": "Bench event %d." % i,
        "self": {"vendor": "com.example", "name": "Event %02d" % i, "format": "jsonschema", "version": "1-0"},
        "type": "object",
        "properties": props,
        "required": ["order_id", "revenue", "currency"],
    }


def valid(rng, n):
    return {
        "order_id": "o-%d" % n,
        "user_email": "user%d@example.com" % rng.randrange(100000),
        "revenue": round(rng.random() * 500, 2),
        "quantity": rng.randrange(1, 9),
        "currency": rng.choice(["EUR", "USD", "GBP"]),
        "coupon": rng.choice([None, "WELCOME10"]),
        "gift": rng.random() < 0.1,
        "note": "x" * rng.randrange(400, 600),
        "placed_at": "2026-12-03T10:%02d:%02dZ" % (rng.randrange(60), rng.randrange(60)),
        "address": {"street": "Main Street %d" % rng.randrange(200), "city": "Berlin", "zip": "10115"},
        "items": [{"sku": "sku-%d" % rng.randrange(1000), "price": 9.99} for _ in range(rng.randrange(1, 4))],
        "channel": "web",
    }


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(7)
    for i in range(EVENTS):
        d = os.path.join(out, "schemas", "bench", "Event_%02d" % i)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "1-0.json"), "w") as f:
            json.dump(schema(i), f, indent=2)
    # the example's config (its vendor is the events' vendor), without Profiles Sync
    example = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples", "jaffle-shop")
    with open(os.path.join(example, "reflekt_project.yml")) as f:
        config = f.read().split("    profiles_sync:")[0]
    with open(os.path.join(out, "reflekt_project.yml"), "w") as f:
        f.write(config)
    with open(os.path.join(out, "events.ndjson"), "w") as f:
        for k in range(n):
            props = valid(rng, k)
            event = "Event %02d" % (k % EVENTS)
            r = k % 100
            if r < 4:
                props["revenue"] = "12.50"  # a wrong type
            elif r < 7:
                del props["order_id"]  # a missing required property
            elif r < 10:
                props["currency"] = "BTC"  # not in the enum
            elif r == 10:
                event = "Unplanned %d" % ((k // 100) % 50)
            message = {"type": "track", "event": event, "userId": "u-%d" % (k % 5000),
                       "messageId": "m-%d" % k, "timestamp": "2026-12-03T10:00:00Z", "properties": props}
            f.write(json.dumps(message, separators=(",", ":")))
            f.write("\n")


main()
