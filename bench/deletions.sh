#!/usr/bin/env bash
# Times the deletion step (dbt run-operation reflekt_propagate_deletions) on one incremental model: the
# anti-join delete the macro runs, after Segment deleted 100 people (1 row in 1,000) from the raw table.
#
#   bench/deletions.sh [N ...]      default: 1000000 10000000 (DuckDB); PostgreSQL at 1000000 when the test
#                                   database runs (scripts/test-databases.sh start)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000)
"$root/mvnw" -B -q -f "$root/reflekt-core/pom.xml" dependency:resolve -DincludeScope=test >/dev/null
duckdb=$(ls ~/.m2/repository/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar | sort -V | tail -n 1)
postgres=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -n 1)
for n in "${sizes[@]}"; do
  java -cp "$duckdb" "$root/bench/DeletionBench.java" "jdbc:duckdb:" "$n"
done
if pg_isready -h 127.0.0.1 -p "${REFLEKT_TEST_PG_PORT:-55432}" >/dev/null 2>&1; then
  java -cp "$postgres" "$root/bench/DeletionBench.java" \
    "jdbc:postgresql://127.0.0.1:${REFLEKT_TEST_PG_PORT:-55432}/reflekt_test" 1000000 reflekt reflekt-test
fi
