"""Reads every .yml file under the folders given with PyYAML (YAML 1.1, the reader dbt Core uses, SafeLoader)
and ruamel.yaml (YAML 1.2), and prints one JSON line per file: {"file": path, "tree": what PyYAML read}.
A file that either reader cannot load, a value that is not JSON (a date, a timestamp, NaN, infinity, bytes, a
set), or a file the two readers read differently is printed as {"file": path, "error": why}; exit status 0."""
import json
import math
import os
import sys

import yaml
from ruamel.yaml import YAML


def plain(value, where):
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise ValueError(f"key {k!r} at {where} is a {type(k).__name__}, not a string")
            out[k] = plain(v, where + "/" + k)
        return out
    if isinstance(value, list):
        return [plain(v, f"{where}/{i}") for i, v in enumerate(value)]
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return value
    raise ValueError(f"{value!r} at {where} is a {type(value).__name__}")


def main():
    # libyaml's parsers where installed (Debian's packages have them): the resolvers, which decide the types, are
    # the same Python code either way
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    yaml12 = YAML(typ="safe")
    yaml12.version = (1, 2)
    for top in sys.argv[1:]:
        for folder, _, names in sorted(os.walk(top)):
            for name in sorted(names):
                if not name.endswith(".yml"):
                    continue
                path = os.path.join(folder, name)
                with open(path, "rb") as f:
                    text = f.read().decode("utf-8")
                try:
                    v11 = plain(yaml.load(text, Loader=loader), "")
                    v12 = plain(yaml12.load(text), "")
                    if v11 != v12:
                        raise ValueError("YAML 1.1 and YAML 1.2 read it differently")
                    print(json.dumps({"file": path, "tree": v11}))
                except Exception as e:  # noqa: BLE001 - every reason is reported
                    print(json.dumps({"file": path, "error": f"{type(e).__name__}: {e}"}))


if __name__ == "__main__":
    main()
