#!/usr/bin/python3
"""Parses rendered SQL with sqlglot (Debian's python3-sqlglot), an independent parser, for the dialects the
test suite cannot execute (Snowflake, BigQuery).

    scripts/parse-sql.py <dialect> <file>...

Each file holds one statement. Prints, per file, the quoted identifiers and string literals sqlglot read
(one JSON object per line: {"file", "identifiers", "strings"}), so that a test can compare them with the
schema text they came from. Exits 1 naming the file and sqlglot's message when one does not parse.
"""
import json
import sys

import sqlglot
from sqlglot import exp


def main():
    dialect, files = sys.argv[1], sys.argv[2:]
    failed = False
    for name in files:
        with open(name, encoding="utf-8") as f:
            sql = f.read()
        try:
            trees = [t for t in sqlglot.parse(sql, read=dialect, error_level=sqlglot.ErrorLevel.RAISE) if t]
        except Exception as e:  # sqlglot raises ParseError and TokenError
            print(f"{name}: {dialect} does not parse: {str(e).splitlines()[0]}", file=sys.stderr)
            failed = True
            continue
        if len(trees) != 1:
            print(f"{name}: {len(trees)} statements, expected 1", file=sys.stderr)
            failed = True
            continue
        identifiers = [i.this for i in trees[0].find_all(exp.Identifier) if i.args.get("quoted")]
        strings = [s.this for s in trees[0].find_all(exp.Literal) if s.is_string]
        print(json.dumps({"file": name, "identifiers": identifiers, "strings": strings}))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
