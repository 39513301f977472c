#!/usr/bin/env bash
# Times `reflekt:load-events`: N recorded Segment-style events (bench/gen_events.py: ~1 KB each, 20 events of 12
# properties) loaded into a new DuckDB file in Segment's layout (tracks and a table per event: 2 rows an event).
#
#   bench/load-events.sh [N]    default 200000 (a run loads at most 1,000,000 rows)
#   BENCH_RUNS=9                runs (medians are printed)
#
# Prints the median goal time (the goal's own reported time), events/s, the median whole process and the largest peak
# RSS (/usr/bin/time -v). load-events is new: there is no earlier build to time it against.
set -euo pipefail
n=${1:-200000}
runs=${BENCH_RUNS:-5}
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
mvn_cmd=${BENCH_MAVEN:-$root/mvnw}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

dir="$work/p"
python3 "$root/bench/gen_events.py" "$dir" "$n"
mkdir -p "$dir/schemas/.reflekt/meta" && cp "$root/examples/jaffle-shop/schemas/.reflekt/meta/1-0.json" "$dir/schemas/.reflekt/meta/"
printf 'dev:\n  source:\n    - {id: local, type: duckdb, path: warehouse.duckdb}\n' > "$dir/reflekt_profiles.yml"
echo "events: $n in $(( $(stat -c %s "$dir/events.ndjson") / 1024 / 1024 )) MB"

# one goal run into a new file; sets goal_ms, wall, rss
run() {
  rm -f "$dir/warehouse.duckdb" "$dir/warehouse.duckdb.wal"
  (cd "$dir" && MAVEN_OPTS="${BENCH_MAVEN_OPTS:-}" /usr/bin/time -v "$mvn_cmd" -B -o -Dstyle.color=never \
      -Dreflekt.events=events.ndjson -Dreflekt.source=local.warehouse.seg \
      "dev.reflekt:reflekt-maven-plugin:$version:load-events" >"$work/out.txt" 2>"$work/time.txt") || { cat "$work/out.txt" >&2; exit 1; }
  goal_ms=$(grep -o 'Reflekt load-events: .* in [0-9]* ms' "$work/out.txt" | grep -o '[0-9]* ms$' | cut -d' ' -f1)
  wall=$(time_summary "$work/time.txt" | sed 's/wall_s=\([^ ]*\).*/\1/')
  rss=$(time_summary "$work/time.txt" | sed 's/.*peak_rss_mb=//')
}
run; grep -o 'Reflekt load-events: .*' "$work/out.txt"
gs=(); ws=(); peak=0
for _ in $(seq "$runs"); do
  run; gs+=("$goal_ms"); ws+=("$wall"); [ "$rss" -gt "$peak" ] && peak=$rss
done
g=$(printf '%s\n' "${gs[@]}" | median); w=$(printf '%s\n' "${ws[@]}" | median)
printf 'load-events goal %8.0f ms  %9.0f events/s  whole %6.2f s  peak RSS %4d MB\n' "$g" "$(echo "$n * 1000 / $g" | bc)" "$w" "$peak"
