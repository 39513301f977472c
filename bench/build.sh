#!/usr/bin/env bash
# Times the whole `reflekt:build` goal against a DuckDB source holding the raw tables of N generated
# events (Segment-shaped), and counts the metadata queries it sends.
#
#   bench/build.sh [N]      default: 1000
#
# Target on a 2-core machine: 1,000 events in under 5 s whole-process, exactly one metadata query.
set -euo pipefail
n=${1:-1000}

# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
goal="dev.reflekt:reflekt-maven-plugin:${version}:build"

dir="$work/project"
python3 "$root/bench/gen_schemas.py" "$dir" "$n"
printf 'dev:\n  source:\n    - id: local\n      type: duckdb\n      path: ./warehouse.duckdb\n' > "$dir/reflekt_profiles.yml"

# The raw tables Segment would have loaded: common columns plus each event's flattened properties.
python3 - "$dir" > "$work/seed.sql" <<'PY'
import json, os, re, sys
root = sys.argv[1]
common = ("id", "event_text", "original_timestamp", "sent_at", "received_at", "timestamp", "anonymous_id",
          "user_id", "context_library_name", "context_library_version")
def snake(s):
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", s)
    return re.sub(r"([a-z\d])([A-Z])", r"\1_\2", s).replace("-", "_").lower()
def flat(props, prefix=""):
    for k, v in props.items():
        if v.get("type") == "object" and v.get("properties"):
            yield from flat(v["properties"], prefix + snake(k) + "_")
        else:
            yield prefix + snake(k)
print("create schema seg;")
print("create table seg.tracks (" + ", ".join('"%s" varchar' % c for c in common) + ");")
for dirpath, _, files in os.walk(os.path.join(root, "schemas", "bench")):
    for f in files:
        s = json.load(open(os.path.join(dirpath, f)))
        table = snake(s["self"]["name"].lower().replace(" ", "_"))
        cols = list(dict.fromkeys(list(common) + list(flat(s["properties"]))))
        print("create table seg.%s (%s);" % (table, ", ".join('"%s" varchar' % c for c in cols)))
PY
duckdb_jar=$(ls ~/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar | sort -V | tail -n 1)
cat > "$work/seed.jsh" <<JSH
var c = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:$dir/warehouse.duckdb", new java.util.Properties());
var s = c.createStatement();
for (String sql : java.nio.file.Files.readString(java.nio.file.Path.of("$work/seed.sql")).split(";\n")) { if (!sql.isBlank()) s.execute(sql); }
c.close();
/exit
JSH
jshell --class-path "$duckdb_jar" "$work/seed.jsh" >/dev/null

(cd "$dir" && "$root/mvnw" -B -q -o "$goal" -Dreflekt.source=local.warehouse.seg >/dev/null)  # warm-up, fetches the driver
rm -rf "$dir/artifacts"
(cd "$dir" && /usr/bin/time -v "$root/mvnw" -B -o -X "$goal" -Dreflekt.source=local.warehouse.seg \
  >"$work/out.txt" 2>"$work/time.txt")
queries=$(grep -c '\[DEBUG\] Metadata query for ' "$work/out.txt" || true)
files=$(find "$dir/artifacts" -type f | wc -l)
printf 'events=%s %s metadata_queries=%s files=%s\n' "$n" "$(time_summary "$work/time.txt")" "$queries" "$files"
grep -o 'Reflekt build: .*' "$work/out.txt"
