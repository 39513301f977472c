#!/usr/bin/env bash
# Times `reflekt:infer` both ways, 2 cores:
#   from N recorded Segment-style events (bench/gen_events.py: ~1 KB each, 20 events of 12 properties)  target >= 100k events/s
#   from a DuckDB schema in Segment's layout of T event tables (bench/GenTables.java, 12-40 columns)      target <= 5 s
#
#   bench/infer.sh [N] [T]      defaults 1000000 and 1000
#   BENCH_RUNS=9                runs (medians are printed)
#   BENCH_MAVEN_OPTS=-Xmx256m   MAVEN_OPTS for the timed runs
#
# Prints the median goal time (the goal's own reported time), events/s or tables, the median whole process and the
# largest peak RSS (/usr/bin/time -v). infer is new: there is no earlier build to time it against.
set -euo pipefail
n=${1:-1000000}
tables=${2:-1000}
runs=${BENCH_RUNS:-5}
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
mvn_cmd=${BENCH_MAVEN:-$root/mvnw}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

dir="$work/p"
python3 "$root/bench/gen_events.py" "$dir" "$n"
mkdir -p "$dir/schemas/.reflekt/meta" && cp "$root/examples/jaffle-shop/schemas/.reflekt/meta/1-0.json" "$dir/schemas/.reflekt/meta/"
echo "events: $n in $(( $(stat -c %s "$dir/events.ndjson") / 1024 / 1024 )) MB"
duckdb_jar=$(find "$HOME/.m2/repository/org/duckdb/duckdb_jdbc" -name 'duckdb_jdbc-*.jar' | sort | tail -1)
java -cp "$duckdb_jar" "$root/bench/GenTables.java" "$dir/warehouse.duckdb" "$tables"
printf 'dev:\n  source:\n    - {id: local, type: duckdb, path: warehouse.duckdb}\n' > "$dir/reflekt_profiles.yml"
echo "warehouse: $tables event tables in $dir/warehouse.duckdb"

# run ARGS...: one goal run; sets goal_ms, wall, rss
run() {
  rm -rf "$dir/schemas/inferred"
  (cd "$dir" && MAVEN_OPTS="${BENCH_MAVEN_OPTS:-}" /usr/bin/time -v "$mvn_cmd" -B -o -Dstyle.color=never "$@" \
      "dev.reflekt:reflekt-maven-plugin:$version:infer" >"$work/out.txt" 2>"$work/time.txt") || { cat "$work/out.txt" >&2; exit 1; }
  goal_ms=$(grep -o 'Reflekt infer from .* skipped in [0-9]* ms' "$work/out.txt" | grep -o '[0-9]* ms' | cut -d' ' -f1)
  wall=$(time_summary "$work/time.txt" | sed 's/wall_s=\([^ ]*\).*/\1/')
  rss=$(time_summary "$work/time.txt" | sed 's/.*peak_rss_mb=//')
}
events=(-Dreflekt.events=events.ndjson)
warehouse=(-Dreflekt.source=local.warehouse.seg)
run "${events[@]}"; grep -o 'Reflekt infer from .*' "$work/out.txt"
run "${warehouse[@]}"; grep -o 'Reflekt infer from .*' "$work/out.txt"
eg=(); ew=(); ep=0; wg=(); ww=(); wp=0
for _ in $(seq "$runs"); do
  run "${events[@]}"; eg+=("$goal_ms"); ew+=("$wall"); [ "$rss" -gt "$ep" ] && ep=$rss
  run "${warehouse[@]}"; wg+=("$goal_ms"); ww+=("$wall"); [ "$rss" -gt "$wp" ] && wp=$rss
done
g=$(printf '%s\n' "${eg[@]}" | median); w=$(printf '%s\n' "${ew[@]}" | median)
printf 'from events    goal %8.0f ms  %9.0f events/s  whole %6.2f s  peak RSS %4d MB\n' "$g" "$(echo "$n * 1000 / $g" | bc)" "$w" "$ep"
g=$(printf '%s\n' "${wg[@]}" | median); w=$(printf '%s\n' "${ww[@]}" | median)
printf 'from warehouse goal %8.0f ms  %9d tables    whole %6.2f s  peak RSS %4d MB\n' "$g" "$tables" "$w" "$wp"
