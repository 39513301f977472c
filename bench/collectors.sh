#!/usr/bin/env bash
# Times an offline `reflekt:build` of N generated events (DuckDB SQL) for each collector, so that a collector's
# planner can be compared with Segment's: -Dreflekt.sdk=segment, rudderstack, snowplow, amplitude.
#
#   bench/collectors.sh [N]      default: 1000
#
# Expectation: every collector within 20% of Segment's time (the planners do the same amount of work).
set -euo pipefail
n=${1:-1000}

# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
goal="dev.reflekt:reflekt-maven-plugin:${version}:build"

dir="$work/project"
python3 "$root/bench/gen_schemas.py" "$dir" "$n"
# Amplitude's export table is named after the project; the other collectors ignore the key.
printf '    amplitude:\n      project_id: 1\n' >>"$dir/reflekt_project.yml"
# Snowplow's Iglu names are folders; the generated ones are unique.
(cd "$dir" && "$root/mvnw" -B -q -o "$goal" -Dreflekt.dialect=duckdb >/dev/null)  # warm-up
# BENCH_RUNS rounds (default 1), the collectors interleaved in each round; medians of the goal's time at the end.
runs=${BENCH_RUNS:-1}
for round in $(seq "$runs"); do
  for sdk in segment rudderstack snowplow amplitude; do
    rm -rf "$dir/artifacts"
    (cd "$dir" && /usr/bin/time -v "$root/mvnw" -B -o "$goal" -Dreflekt.dialect=duckdb -Dreflekt.sdk="$sdk" \
      >"$work/out.txt" 2>"$work/time.txt")
    files=$(find "$dir/artifacts" -type f | wc -l)
    ms=$(grep -o 'written to [^ ]* in [0-9]* ms' "$work/out.txt" | grep -o '[0-9]* ms$')
    printf 'round=%s sdk=%s events=%s %s files=%s %s\n' "$round" "$sdk" "$n" "$(time_summary "$work/time.txt")" \
      "$files" "$ms"
    echo "$sdk ${ms% ms}" >>"$work/goal_ms.txt"
  done
done
for sdk in segment rudderstack snowplow amplitude; do
  printf 'median sdk=%s goal_ms=%s (%s runs)\n' "$sdk" \
    "$(awk -v s="$sdk" '$1==s {print $2}' "$work/goal_ms.txt" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" \
    "$runs"
done
